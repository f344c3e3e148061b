//! The typed values of a column.

use crate::period::{Date, Granularity, Period};
use crate::quantity::Decimal;

/// The values of one column, typed; `None` is an empty cell.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Values {
    /// Text: names, codes, labels.
    Text(Vec<Option<String>>),
    /// Whole numbers: years, counts, ranks.
    Int(Vec<Option<i64>>),
    /// Exact decimals, every value `mantissa / 10^scale`.
    Decimal {
        /// The number of fraction digits shared by the column.
        scale: u32,
        /// The mantissas.
        values: Vec<Option<i128>>,
    },
    /// Flags.
    Bool(Vec<Option<bool>>),
    /// Days.
    Date(Vec<Option<Date>>),
    /// Time buckets other than days and calendar years (months, quarters,
    /// weeks, fiscal years, Solar Hijri months and years). The granularity
    /// names the buckets (`2021-02`, `FY2024`).
    Period {
        /// The granularity of the buckets.
        granularity: Granularity,
        /// The buckets.
        values: Vec<Option<Period>>,
    },
}

/// The largest scale a decimal column keeps (Arrow's decimal128 holds 38 digits).
const MAX_SCALE: u32 = 18;

impl Values {
    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Self::Text(v) => v.len(),
            Self::Int(v) => v.len(),
            Self::Decimal { values, .. } => values.len(),
            Self::Bool(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::Period { values, .. } => values.len(),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the value at `row` is missing (or `row` is past the end).
    pub fn is_null(&self, row: usize) -> bool {
        match self {
            Self::Text(v) => v.get(row).is_none_or(Option::is_none),
            Self::Int(v) => v.get(row).is_none_or(Option::is_none),
            Self::Decimal { values, .. } => values.get(row).is_none_or(Option::is_none),
            Self::Bool(v) => v.get(row).is_none_or(Option::is_none),
            Self::Date(v) => v.get(row).is_none_or(Option::is_none),
            Self::Period { values, .. } => values.get(row).is_none_or(Option::is_none),
        }
    }

    /// The decimal at `row`, if the column is decimal and the value present.
    pub fn decimal(&self, row: usize) -> Option<Decimal> {
        match self {
            Self::Decimal { scale, values } => {
                values.get(row).copied().flatten().map(|mantissa| Decimal { mantissa, scale: *scale })
            }
            _ => None,
        }
    }

    /// A decimal column from decimals of any scale: the column's scale is the
    /// largest among them, so every value stays exact. Should a value not fit
    /// 38 digits at that scale, the column is rounded half to even to the
    /// largest scale at which every value fits.
    ///
    /// ```
    /// use narcostat::{quantity::Decimal, result::Values};
    /// let v = Values::decimals(vec![Some(Decimal { mantissa: 15, scale: 1 }), None, Some(Decimal::from_int(2))]);
    /// assert_eq!(v, Values::Decimal { scale: 1, values: vec![Some(15), None, Some(20)] });
    /// ```
    pub fn decimals(values: Vec<Option<Decimal>>) -> Self {
        let widest = values.iter().flatten().map(|d| d.normalized().scale).max().unwrap_or(0).min(MAX_SCALE);
        Self::decimals_at(widest, values)
    }

    /// A decimal column at a fixed `scale`: a measure's unit gives it (one
    /// base unit's digits: kg 9, g 6, l 9, counted items 3; see
    /// [`Unit::result_scale`](crate::Unit::result_scale)), shares 6 and
    /// percentages 1, so that a result's Arrow types depend on the query and
    /// never on the data. Values with more digits are rounded half to even
    /// (a non-terminating conversion such as kg to lb; one base unit is
    /// still told apart). Should a value not fit 38 digits at that scale, the
    /// column is rounded to the largest scale at which every value fits.
    ///
    /// ```
    /// use narcostat::{quantity::Decimal, result::Values};
    /// let v = Values::decimals_at(3, vec![Some(Decimal { mantissa: 15, scale: 1 }), None]);
    /// assert_eq!(v, Values::Decimal { scale: 3, values: vec![Some(1500), None] });
    /// ```
    pub fn decimals_at(scale: u32, values: Vec<Option<Decimal>>) -> Self {
        let mut scale = scale.min(MAX_SCALE);
        loop {
            if let Some(mantissas) = at_scale(&values, scale) {
                return Self::Decimal { scale, values: mantissas };
            }
            if scale == 0 {
                // Beyond 38 digits even as whole numbers: cannot be held exactly.
                return Self::Decimal { scale: 0, values: values.iter().map(|_| None).collect() };
            }
            scale -= 1;
        }
    }
}

/// Every value as a mantissa at `scale`, `None` if one does not fit 38 digits.
fn at_scale(values: &[Option<Decimal>], scale: u32) -> Option<Vec<Option<i128>>> {
    const LIMIT: i128 = 10i128.pow(38);
    values
        .iter()
        .map(|v| match v {
            None => Some(None),
            Some(d) => {
                let d = d.round(scale);
                let m = d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?)?;
                (m.checked_abs()? < LIMIT).then_some(Some(m))
            }
        })
        .collect()
}
