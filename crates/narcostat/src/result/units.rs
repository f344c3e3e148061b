//! The units results are given in, and measure columns named with them.

use crate::aggregate::Total;
use crate::quantity::{Decimal, Dimension, Unit};
use crate::rank::Measure;
use serde::{Deserialize, Serialize};

/// The units masses and volumes are given in (default kg and l). Counted
/// items stay in their own kind (tablets, plants, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputUnits {
    /// The unit of masses.
    pub mass: Unit,
    /// The unit of volumes.
    pub volume: Unit,
}

impl Default for OutputUnits {
    fn default() -> Self {
        Self { mass: Unit::Kilogram, volume: Unit::Litre }
    }
}

impl OutputUnits {
    /// The default units with `unit` for its dimension (a count unit changes nothing).
    ///
    /// ```
    /// use narcostat::{Unit, result::OutputUnits};
    /// assert_eq!(OutputUnits::with(Unit::Pound).mass, Unit::Pound);
    /// assert_eq!(OutputUnits::with(Unit::Pound).volume, Unit::Litre);
    /// ```
    pub fn with(unit: Unit) -> Self {
        let mut units = Self::default();
        match unit.dimension() {
            Dimension::Mass => units.mass = unit,
            Dimension::Volume => units.volume = unit,
            Dimension::Count => {}
        }
        units
    }

    /// The unit a measure is given in (none for seizures and records).
    pub fn of(self, measure: Measure) -> Option<Unit> {
        match measure {
            Measure::Mass => Some(self.mass),
            Measure::Volume => Some(self.volume),
            other => other.unit(),
        }
    }

    /// The column of a measure: `mass_kg`, `mass_lb`, `volume_l`,
    /// `count_tablets`, `seizures`, `records`.
    pub fn column(self, measure: Measure) -> String {
        match measure {
            Measure::Mass => format!("mass_{}", self.mass.symbol()),
            Measure::Volume => format!("volume_{}", self.volume.symbol()),
            other => other.column().to_owned(),
        }
    }

    /// What a change of a measure is counted in, for its column name:
    /// `kg`, `l`, `tablets`, `seizures`, `records`.
    pub fn suffix(self, measure: Measure) -> String {
        match measure {
            Measure::Count(c) => c.name().to_owned(),
            Measure::Seizures => "seizures".to_owned(),
            Measure::Records => "records".to_owned(),
            quantity => self.of(quantity).map_or_else(String::new, |u| u.symbol().to_owned()),
        }
    }

    /// The fixed scale of `measure`'s values in these units (0 for seizures and records).
    pub fn scale(self, measure: Measure) -> u32 {
        self.of(measure).map_or(0, Unit::result_scale)
    }

    /// A measure's base value (µg, nl, thousandths of items, or a plain count)
    /// in the output unit, exactly.
    pub fn value(self, measure: Measure, base: i128) -> Decimal {
        match self.of(measure) {
            Some(u) => Total { sum: base, ..Default::default() }.value_in(u),
            None => Decimal::from_int(base),
        }
    }

    /// A value in the measure's reporting unit (kg, l, items) in the output
    /// unit; `None` on overflow.
    pub fn convert(self, measure: Measure, reported: Decimal) -> Option<Decimal> {
        let base = match measure.unit() {
            Some(u) => {
                let (num, den) = u.factor();
                reported.mul_ratio_round(num, den)?
            }
            None => return Some(reported),
        };
        Some(self.value(measure, base))
    }
}
