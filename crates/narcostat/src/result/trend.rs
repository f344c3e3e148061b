//! The result table of a trend.

use super::column::{Column, Role};
use super::keys::key_columns;
use super::ratio::{PERCENT_DIGITS, percent};
use super::units::OutputUnits;
use super::values::Values;
use super::{ResultError, ResultKind, ResultTable};
use crate::aggregate::{Aggregate, KeyValue};
use crate::compare::trend;
use crate::rank::Measure;

impl ResultTable {
    /// A trend (see [`crate::compare::trend`]) as a table: the keys, the
    /// measure in `units`, `change_<unit>` from the period right before,
    /// `change_percent` and `periods_missing_before` (a gap before the point,
    /// across which no change is given).
    ///
    /// ```
    /// use narcostat::{Query, SeizureTable, rank::Measure, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::parse("year", "", None).unwrap()).unwrap();
    /// let tr = ResultTable::trend(&agg, Measure::Mass, OutputUnits::default()).unwrap();
    /// assert_eq!(tr.column_names(), ["year", "mass_kg", "change_kg", "change_percent", "periods_missing_before"]);
    /// assert_eq!(tr.to_csv(), "year,mass_kg,change_kg,change_percent,periods_missing_before\n2021,58207,,,\n");
    /// ```
    pub fn trend(agg: &Aggregate, measure: Measure, units: OutputUnits) -> Result<Self, ResultError> {
        let points = trend(agg, measure);
        let keys: Vec<&[KeyValue]> = points.iter().map(|p| p.key.as_slice()).collect();
        let mut columns = key_columns(&agg.query.by, &keys);
        let convert = |d: crate::quantity::Decimal| units.convert(measure, d);
        let values = points.iter().map(|p| convert(p.value)).collect();
        columns.push(Column::new(
            units.column(measure),
            Role::Measure,
            Values::decimals_at(units.scale(measure), values),
        ));
        let changes = points.iter().map(|p| p.change.and_then(convert)).collect();
        columns.push(Column::new(
            format!("change_{}", units.suffix(measure)),
            Role::Measure,
            Values::decimals_at(units.scale(measure), changes),
        ));
        let percents = points
            .iter()
            .map(|p| {
                let change = p.change?;
                percent(change, sub(p.value, change)?)
            })
            .collect();
        columns.push(Column::new("change_percent", Role::Measure, Values::decimals_at(PERCENT_DIGITS, percents)));
        let gaps =
            points.iter().map(|p| (p.missing_before > 0).then(|| i64::try_from(p.missing_before).ok()).flatten());
        columns.push(Column::new("periods_missing_before", Role::Info, Values::Int(gaps.collect())));
        let mut table = Self::new(ResultKind::Trend, columns, points.len());
        table.notes.extend(gap_note(&points));
        Ok(table)
    }
}

/// Says where a trend has gaps (no change is given across them), if it has any.
fn gap_note(points: &[crate::compare::TrendPoint]) -> Option<String> {
    let gaps: Vec<String> = points
        .iter()
        .filter(|p| p.missing_before > 0)
        .map(|p| format!("{} periods missing before {}", p.missing_before, p.label))
        .collect();
    (!gaps.is_empty()).then(|| format!("gaps (no change across them): {}", gaps.join("; ")))
}

/// `a - b`, exact; `None` on overflow.
pub(crate) fn sub(a: crate::quantity::Decimal, b: crate::quantity::Decimal) -> Option<crate::quantity::Decimal> {
    let scale = a.scale.max(b.scale);
    let up = |d: crate::quantity::Decimal| d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?);
    Some(crate::quantity::Decimal { mantissa: up(a)?.checked_sub(up(b)?)?, scale })
}
