//! Why a spec cannot be turned into a query or reading options.

use crate::query::{FilterError, QueryError};

/// A [`QuerySpec`](super::QuerySpec) or [`ReadSpec`](super::ReadSpec) that
/// does not make a valid query or reading options.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SpecError {
    /// The query (keys, filter, period) is invalid.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A filter condition is invalid.
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// The fiscal year's first month is not a month.
    #[error("fiscal_start must be a month 1-12, not {value}")]
    FiscalStart {
        /// The value given.
        value: u8,
    },
    /// A `within` key that is not one of the `by` keys.
    #[error("within {key:?} is not one of the keys grouped by ({by})")]
    Within {
        /// The key.
        key: String,
        /// The keys grouped by, comma-separated.
        by: String,
    },
    /// A conversion factor that is unknown or not a positive number.
    #[error(
        "invalid factor {name}={value:?}: expected opium-per-heroin, morphine-per-heroin, kg-per-litre or mg-per-tablet with a positive number"
    )]
    Factor {
        /// The factor's name.
        name: String,
        /// The value given.
        value: String,
    },
    /// A delimiter that is not a single ASCII character.
    #[error("delimiter {value:?} must be one ASCII character")]
    Delimiter {
        /// The value given.
        value: char,
    },
    /// `trend` over keys other than one time granularity.
    #[error("trend takes one time granularity as its key (year, month, fiscal-year, ...), not {by:?}")]
    TrendKeys {
        /// The keys given, comma-separated.
        by: String,
    },
    /// Options that do not deserialise into a spec (an unknown key or word,
    /// with the core's "did you mean", or a value of the wrong shape), as a
    /// binding that deserialises them itself reports it.
    #[error("invalid options: {message}")]
    Invalid {
        /// What deserialising said.
        message: String,
    },
    /// An operation that needs a period option without it (`compare` needs `period` and `vs`).
    #[error("compare needs {option}: the period to compare (e.g. {option}=2019)")]
    MissingPeriod {
        /// The missing option.
        option: &'static str,
    },
    /// A unit the operation's measure is not given in (`lb` for seizures).
    #[error("unit {unit:?} does not fit {what}: {expected}")]
    Unit {
        /// The unit given.
        unit: String,
        /// What the result measures.
        what: String,
        /// Which units fit.
        expected: String,
    },
    /// A key an operation cannot group by.
    #[error("{operation} cannot group by {key:?}: {why}")]
    Key {
        /// The operation.
        operation: &'static str,
        /// The key.
        key: String,
        /// Why, and what to do instead.
        why: &'static str,
    },
    /// An unknown word (a column role in a mapping, ...), with "did you mean".
    #[error(transparent)]
    Word(#[from] crate::vocabulary::UnknownWord),
    /// A column mapping `ROLE=HEADER` that cannot be read.
    #[error("column mapping {given:?}: {why}")]
    Column {
        /// The text given.
        given: String,
        /// What is wrong, and the form to write.
        why: String,
    },
    /// A comparison whose measure has no value in either period.
    #[error("the data has no {measure} values in {current} or {previous}: nothing to compare")]
    NoValues {
        /// The measure.
        measure: String,
        /// The current period.
        current: String,
        /// The previous period.
        previous: String,
    },
}
