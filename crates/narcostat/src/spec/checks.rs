//! What a spec asks that has no honest answer, caught before it runs: a unit
//! its measure is not given in, a key its operation cannot group by. Each
//! would otherwise be ignored and the result read as if it had been applied.

use super::{Operation, QuerySpec, SpecError};
use crate::quantity::{Dimension, Unit};
use crate::query::GroupKey;
use crate::rank::Measure;

impl QuerySpec {
    /// Checks `unit` against what `operation` measures (`measure` for
    /// rankings, trends and comparisons; masses and volumes for summaries;
    /// masses for equivalents).
    pub(super) fn check_unit(&self, operation: Operation, measure: Option<Measure>) -> Result<(), SpecError> {
        let Some(unit) = self.unit else { return Ok(()) };
        let fits = match (operation, measure) {
            (Operation::Equivalents, _) => unit.dimension() == Dimension::Mass,
            (_, Some(Measure::Count(kind))) => unit == kind.unit(),
            (_, Some(Measure::Seizures | Measure::Records)) => false,
            (_, Some(m)) => m.dimension() == Some(unit.dimension()),
            (_, None) => unit.dimension() != Dimension::Count,
        };
        if fits {
            return Ok(());
        }
        let (what, expected) = match (operation, measure) {
            (Operation::Equivalents, _) => ("equivalents".to_owned(), "a mass unit (kg, t, lb, ...)"),
            (_, Some(Measure::Seizures | Measure::Records)) => {
                (measure_word(measure), "counts of seizures and records take no unit")
            }
            (_, Some(Measure::Count(_))) => (measure_word(measure), "counted items are given as counted"),
            (_, Some(Measure::Volume)) => (measure_word(measure), "a volume unit (l, ml, gal)"),
            _ => (measure_word(measure), "a mass unit (kg, g, t, lb, oz, ...) or a volume unit (l, ml, gal)"),
        };
        Err(SpecError::Unit { unit: Unit::symbol(unit).to_owned(), what, expected: expected.to_owned() })
    }

    /// Checks the keys `operation` groups by.
    pub(super) fn check_keys(operation: Operation, by: &[GroupKey]) -> Result<(), SpecError> {
        let bad = |key: &GroupKey, why| SpecError::Key { operation: operation.word(), key: key.to_string(), why };
        match operation {
            Operation::Compare => match by.iter().find(|k| matches!(k, GroupKey::Time(_))) {
                Some(k) => Err(bad(k, "the two periods are the comparison's time; use trend for a series")),
                None => Ok(()),
            },
            Operation::Equivalents => match by.iter().find(|k| **k == GroupKey::Drug) {
                Some(k) => {
                    Err(bad(k, "equivalents add the drugs up into one figure; group by drug-family or other keys"))
                }
                None => Ok(()),
            },
            Operation::Trend => match by {
                [GroupKey::Time(_)] => Ok(()),
                _ => Err(SpecError::TrendKeys { by: by.iter().map(ToString::to_string).collect::<Vec<_>>().join(",") }),
            },
            Operation::Summary | Operation::Top => Ok(()),
        }
    }
}

fn measure_word(measure: Option<Measure>) -> String {
    match measure {
        Some(Measure::Mass) | None => "mass".to_owned(),
        Some(Measure::Volume) => "volume".to_owned(),
        Some(Measure::Count(kind)) => kind.name().to_owned(),
        Some(Measure::Seizures) => "seizures".to_owned(),
        Some(Measure::Records) => "records".to_owned(),
    }
}
