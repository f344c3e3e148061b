//! What a count counts: tablets, plants, bottles, ... each a measure of its own.

use super::unit::Unit;

/// The kind of item a count counts. Counts of different kinds are different
/// measures (500 tablets and 4 plants are not 504 of anything), so each kind
/// is summed apart; thousands of tablets are counted as tablets.
///
/// The serde form is the plural name (`"tablets"`, `"plants"`).
///
/// ```
/// use narcostat::quantity::{CountUnit, Unit};
/// assert_eq!(CountUnit::of(Unit::ThousandTablets), Some(CountUnit::Tablets));
/// assert_eq!(CountUnit::of(Unit::Kilogram), None);
/// assert_eq!(CountUnit::Plants.column(), "count_plants");
/// assert_eq!(CountUnit::parse("bottle"), Some(CountUnit::Bottles));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CountUnit {
    /// Tablets (and thousands of tablets).
    Tablets,
    /// Pills.
    Pills,
    /// Doses.
    Doses,
    /// Units, items, pieces (also India's "No").
    Units,
    /// Plants.
    Plants,
    /// Blots (LSD).
    Blots,
    /// Bottles.
    Bottles,
    /// Ampoules and vials.
    Ampoules,
}

impl CountUnit {
    /// Every kind, in output order.
    pub const ALL: [CountUnit; 8] = [
        Self::Tablets,
        Self::Pills,
        Self::Doses,
        Self::Units,
        Self::Plants,
        Self::Blots,
        Self::Bottles,
        Self::Ampoules,
    ];

    /// The kind a unit counts; `None` for units of mass or volume.
    pub const fn of(unit: Unit) -> Option<Self> {
        Some(match unit {
            Unit::Tablet | Unit::ThousandTablets => Self::Tablets,
            Unit::Pill => Self::Pills,
            Unit::Dose => Self::Doses,
            Unit::Unit => Self::Units,
            Unit::Plant => Self::Plants,
            Unit::Blot => Self::Blots,
            Unit::Bottle => Self::Bottles,
            Unit::Ampoule => Self::Ampoules,
            _ => return None,
        })
    }

    /// The unit its sums are reported in (one item each).
    pub const fn unit(self) -> Unit {
        match self {
            Self::Tablets => Unit::Tablet,
            Self::Pills => Unit::Pill,
            Self::Doses => Unit::Dose,
            Self::Units => Unit::Unit,
            Self::Plants => Unit::Plant,
            Self::Blots => Unit::Blot,
            Self::Bottles => Unit::Bottle,
            Self::Ampoules => Unit::Ampoule,
        }
    }

    /// The plural name (`tablets`), as in output and the serde form.
    pub const fn name(self) -> &'static str {
        self.unit().symbol()
    }

    /// The machine column of its total: `count_tablets`, `count_plants`, ...
    pub const fn column(self) -> &'static str {
        match self {
            Self::Tablets => "count_tablets",
            Self::Pills => "count_pills",
            Self::Doses => "count_doses",
            Self::Units => "count_units",
            Self::Plants => "count_plants",
            Self::Blots => "count_blots",
            Self::Bottles => "count_bottles",
            Self::Ampoules => "count_ampoules",
        }
    }

    /// Parses a count unit's name, symbol or alias (`tablets`, `tablet`, `vials`).
    pub fn parse(name: &str) -> Option<Self> {
        Unit::parse(name).and_then(Self::of)
    }
}

impl std::fmt::Display for CountUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
