//! Every word list, for front ends' menus and `--help`.

use super::{MeasureWord, OutputFormat, Word};
use crate::bulletin::BulletinFormat;
use crate::equivalent::Basis;
use crate::period::{Calendar, Granularity};
use crate::quantity::{CountUnit, Unit};
use crate::query::{GroupKey, SpanRule};
use crate::read::{ColumnRole, Format, Missing, Mode};
use crate::substance::Resolution;
use serde::Serialize;

/// The vocabulary: the canonical words of every kind, in menu order.
///
/// ```
/// use narcostat::vocabulary::Vocabulary;
/// let v = Vocabulary::get();
/// assert!(v.dimensions.contains(&"country"));
/// assert!(v.units.contains(&"lb"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vocabulary {
    /// Dimensions to group and filter by (time granularities included).
    pub dimensions: Vec<&'static str>,
    /// Time granularities.
    pub granularities: Vec<&'static str>,
    /// Span rules.
    pub span_rules: Vec<&'static str>,
    /// Measures.
    pub measures: Vec<&'static str>,
    /// Units of measure.
    pub units: Vec<&'static str>,
    /// Kinds of counted items.
    pub count_units: Vec<&'static str>,
    /// Result output formats.
    pub output_formats: Vec<&'static str>,
    /// Bulletin formats.
    pub bulletin_formats: Vec<&'static str>,
    /// Equivalence bases.
    pub bases: Vec<&'static str>,
    /// Input formats.
    pub input_formats: Vec<&'static str>,
    /// Missing-value policies.
    pub missing: Vec<&'static str>,
    /// Reading modes.
    pub modes: Vec<&'static str>,
    /// Resolution policies for unknown substance names.
    pub resolutions: Vec<&'static str>,
    /// Column roles of a mapping (`drug`, `quantity`, ...).
    pub column_roles: Vec<&'static str>,
    /// Calendars of date cells.
    pub calendars: Vec<&'static str>,
    /// Decimal marks of quantity cells (`comma`, `point`).
    pub decimal_marks: Vec<&'static str>,
}

impl Vocabulary {
    /// Every word list.
    pub fn get() -> Self {
        Self {
            dimensions: GroupKey::words(),
            granularities: Granularity::words(),
            span_rules: SpanRule::words(),
            measures: MeasureWord::words(),
            units: Unit::words(),
            count_units: CountUnit::words(),
            output_formats: OutputFormat::words(),
            bulletin_formats: BulletinFormat::words(),
            bases: Basis::words(),
            input_formats: Format::words(),
            missing: Missing::words(),
            modes: Mode::words(),
            resolutions: Resolution::words(),
            column_roles: ColumnRole::words(),
            calendars: Calendar::words(),
            decimal_marks: crate::quantity::DecimalMark::words(),
        }
    }
}
