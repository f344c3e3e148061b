//! Quantities: exact integer amounts in base units, with the unit they were reported in.

mod count_unit;
mod decimal;
mod unit;

pub use count_unit::CountUnit;
pub(crate) use decimal::div_round_half_even;
pub use decimal::{Decimal, DecimalMark, NumberError, group_thousands};
use serde::{Deserialize, Serialize};
pub use unit::{Dimension, Unit};

/// An error about a quantity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuantityError {
    /// The number part does not parse.
    #[error("invalid quantity {text:?}: {source}")]
    Number {
        /// The quantity text.
        text: String,
        /// Why the number does not parse.
        #[source]
        source: NumberError,
    },
    /// The unit is not one narcostat knows.
    #[error("unknown unit {unit:?}")]
    UnknownUnit {
        /// The unit as given.
        unit: String,
    },
    /// A seized quantity cannot be negative.
    #[error("negative quantity {text:?}")]
    Negative {
        /// The quantity text.
        text: String,
    },
    /// The amount is beyond what narcostat holds exactly (about 9.2 million tonnes,
    /// 9.2 billion litres, 9.2 million million items).
    #[error("quantity {text:?} is out of range")]
    OutOfRange {
        /// The quantity text.
        text: String,
    },
    /// A non-zero amount smaller than half the base unit (1 µg, 1 nl or a
    /// thousandth of an item), which would be held as zero.
    #[error(
        "quantity {text:?} is not zero but below the smallest amount held (a microgram, a nanolitre or a thousandth of an item)"
    )]
    BelowResolution {
        /// The quantity text.
        text: String,
    },
    /// Two quantities of different dimensions were combined.
    #[error("cannot combine {left} with {right} without a conversion factor")]
    DimensionMismatch {
        /// The left dimension.
        left: &'static str,
        /// The right dimension.
        right: &'static str,
    },
    /// Two counts of different kinds of items were combined (tablets and plants).
    #[error("cannot add {left} to {right}: counts of different kinds are different measures")]
    CountKindMismatch {
        /// The left kind.
        left: CountUnit,
        /// The right kind.
        right: CountUnit,
    },
    /// A sum went beyond the range of the base unit.
    #[error("sum of quantities overflows")]
    Overflow,
}

/// A non-negative amount of something, held exactly as an integer number of
/// base units of its dimension (µg, nl or thousandths of an item), together
/// with the unit it was reported in (for display and round trips).
///
/// The serde form is a string: the exact amount in its unit, then the unit
/// symbol (`"47767 kg"`, `"21889.21 lb"`, `"1.5 thousand tablets"`).
///
/// ```
/// use narcostat::quantity::{Quantity, Unit};
/// let q = Quantity::parse("147.04832875399998 lbs").unwrap();
/// assert_eq!(q.unit(), Unit::Pound);
/// // exact to the microgram:
/// assert_eq!(q.base(), 66_699_999_944); // 66.699999944 kg: CBP converted 66.7 kg to lb
/// assert_eq!(Quantity::parse("58,383 kg").unwrap().value_in(Unit::Tonne).unwrap().to_string(), "58.383");
/// let total = Quantity::parse("1 kg").unwrap().checked_add(Quantity::parse("500 g").unwrap()).unwrap();
/// assert_eq!(total.to_string(), "1.5 kg");
/// assert!(Quantity::parse("1 kg").unwrap().checked_add(Quantity::parse("1 l").unwrap()).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    base: i64,
    unit: Unit,
}

impl Quantity {
    /// A quantity of `base` base units, reported in `unit`.
    pub const fn from_base(base: i64, unit: Unit) -> Result<Self, QuantityError> {
        if base < 0 {
            return Err(QuantityError::Overflow);
        }
        Ok(Self { base, unit })
    }

    /// An exact decimal amount of `unit`, rounded half to even to the base unit.
    /// A non-zero amount that would round to zero is an error, never a silent 0.
    pub fn new(value: Decimal, unit: Unit) -> Result<Self, QuantityError> {
        if value.is_negative() {
            return Err(QuantityError::Negative { text: format!("{value} {unit}") });
        }
        let (num, den) = unit.factor();
        let base = value
            .mul_ratio_round(num, den)
            .and_then(|b| i64::try_from(b).ok())
            .ok_or_else(|| QuantityError::OutOfRange { text: format!("{value} {unit}") })?;
        if base == 0 && value.mantissa != 0 {
            return Err(QuantityError::BelowResolution { text: format!("{value} {unit}") });
        }
        Ok(Self { base, unit })
    }

    /// A whole number of `unit`.
    pub fn whole(value: u64, unit: Unit) -> Result<Self, QuantityError> {
        Self::new(Decimal::from_int(i128::from(value)), unit)
    }

    /// Parses `"<number> <unit>"` (number as in [`Decimal::parse`] with
    /// [`DecimalMark::Auto`]; the unit may follow without a space).
    pub fn parse(text: &str) -> Result<Self, QuantityError> {
        Self::parse_with(text, DecimalMark::Auto)
    }

    /// Parses `"<number> <unit>"` with an explicit decimal mark.
    pub fn parse_with(text: &str, mark: DecimalMark) -> Result<Self, QuantityError> {
        let trimmed = text.trim();
        let split = trimmed
            .char_indices()
            .find(|&(i, c)| c.is_alphabetic() && !is_exponent_at(trimmed, i, c))
            .map_or(trimmed.len(), |(i, _)| i);
        let (number, unit) = trimmed.split_at(split);
        let unit = Unit::parse(unit).ok_or_else(|| QuantityError::UnknownUnit { unit: unit.trim().to_owned() })?;
        let value =
            Decimal::parse(number, mark).map_err(|source| QuantityError::Number { text: text.to_owned(), source })?;
        if value.is_negative() {
            return Err(QuantityError::Negative { text: text.to_owned() });
        }
        Self::new(value, unit).map_err(|e| match e {
            QuantityError::OutOfRange { .. } => QuantityError::OutOfRange { text: text.to_owned() },
            QuantityError::BelowResolution { .. } => QuantityError::BelowResolution { text: text.to_owned() },
            other => other,
        })
    }

    /// The amount in base units of the dimension.
    pub const fn base(self) -> i64 {
        self.base
    }

    /// The unit the quantity was reported in.
    pub const fn unit(self) -> Unit {
        self.unit
    }

    /// The dimension.
    pub const fn dimension(self) -> Dimension {
        self.unit.dimension()
    }

    /// The amount in another unit of the same dimension.
    ///
    /// Exact when the quotient terminates; otherwise rounded half to even to
    /// the resolution of the base unit in `unit` (9 decimals for lb, 8 for oz),
    /// so that parsing the result gives back the same base amount.
    pub fn value_in(self, unit: Unit) -> Result<Decimal, QuantityError> {
        if unit.dimension() != self.dimension() {
            return Err(mismatch(self.dimension(), unit.dimension()));
        }
        Ok(base_to_unit(self.base, unit))
    }

    /// The amount in the unit it was reported in (see [`Quantity::value_in`]).
    pub fn value(self) -> Decimal {
        base_to_unit(self.base, self.unit)
    }

    /// The same amount, reported in another unit of the same dimension.
    pub fn with_unit(self, unit: Unit) -> Result<Self, QuantityError> {
        if unit.dimension() != self.dimension() {
            return Err(mismatch(self.dimension(), unit.dimension()));
        }
        Ok(Self { base: self.base, unit })
    }

    /// The sum, in the unit of `self`; an error across dimensions, across
    /// kinds of counted items (tablets and plants) or on overflow.
    pub fn checked_add(self, other: Self) -> Result<Self, QuantityError> {
        if self.dimension() != other.dimension() {
            return Err(mismatch(self.dimension(), other.dimension()));
        }
        if let (Some(left), Some(right)) = (CountUnit::of(self.unit), CountUnit::of(other.unit)) {
            if left != right {
                return Err(QuantityError::CountKindMismatch { left, right });
            }
        }
        let base = self.base.checked_add(other.base).ok_or(QuantityError::Overflow)?;
        Ok(Self { base, unit: self.unit })
    }

    /// The amount in the dimension's reporting unit (kg, l, units) as `f64`,
    /// for ratios and charts only.
    pub fn to_f64(self) -> f64 {
        let (num, den) = self.dimension().reporting_unit().factor();
        self.base as f64 * den as f64 / num as f64
    }
}

/// `base` base units expressed in `unit`: the shortest decimal that converts
/// back to exactly `base` (as Rust prints floats), so 21889.21 lb held to the
/// microgram prints as `21889.21`, not `21889.210000001`.
pub(crate) fn base_to_unit(base: i64, unit: Unit) -> Decimal {
    let (num, den) = unit.factor();
    let mut decimals = 0;
    loop {
        // Cannot fail: base fits in i64 and factors are below 2^43, far from i128's range.
        let d = Decimal::from_ratio(i128::from(base), num, den, decimals).unwrap_or(Decimal::from_int(0));
        // At worst, once one base unit is at most one unit in the last place,
        // the rounding error is below half a base unit and the loop ends.
        if d.mul_ratio_round(num, den) == Some(i128::from(base)) || 10i128.pow(decimals) * den >= num * 2 {
            return d;
        }
        decimals += 1;
    }
}

/// Whether the `e`/`E` at byte `i` is an exponent ("1.5E-05 kg"): directly
/// after a digit and before a digit or a sign.
fn is_exponent_at(text: &str, i: usize, c: char) -> bool {
    if c != 'e' && c != 'E' {
        return false;
    }
    let before = text[..i].chars().last().is_some_and(|b| b.is_ascii_digit() || b == '.');
    let after = text[i + 1..].chars().next().is_some_and(|a| a.is_ascii_digit() || a == '-' || a == '+');
    before && after
}

pub(crate) fn mismatch(left: Dimension, right: Dimension) -> QuantityError {
    let name = |d: Dimension| match d {
        Dimension::Mass => "mass",
        Dimension::Volume => "volume",
        Dimension::Count => "count",
    };
    QuantityError::DimensionMismatch { left: name(left), right: name(right) }
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.value(), self.unit)
    }
}

impl std::str::FromStr for Quantity {
    type Err = QuantityError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_with(s, DecimalMark::Point)
    }
}

impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
