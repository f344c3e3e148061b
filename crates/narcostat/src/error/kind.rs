//! The kinds of error a front end tells apart.

use serde::{Deserialize, Serialize};

/// What kind of error an [`Error`](crate::Error) is: each front end maps a
/// kind to one error class (Python) or one `kind` word (JavaScript's
/// `category`), 1:1.
///
/// | kind | word | Python class |
/// |---|---|---|
/// | `NotFound` | `not_found` | `FileNotFoundError` |
/// | `Io` | `io` | `OSError` |
/// | `Parse` | `parse` | `narcostat.ParseError` |
/// | `UnknownSubstance` | `unknown_substance` | `narcostat.UnknownSubstanceError` |
/// | `UnitMismatch` | `unit_mismatch` | `narcostat.UnitMismatchError` |
/// | `Query` | `query` | `narcostat.QueryError` |
/// | `Aggregate` | `aggregate` | `narcostat.AggregateError` |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// An input file that does not exist.
    NotFound,
    /// An input that cannot be read (permissions, a failing stream).
    Io,
    /// Input that cannot be read as data: a bad row, malformed CSV or JSON, a
    /// corrupt spreadsheet, Arrow batches that do not fit, an unknown layout.
    Parse,
    /// A substance name that does not resolve.
    UnknownSubstance,
    /// Quantities of different dimensions or kinds of items combined.
    UnitMismatch,
    /// A grouping key, filter, period or measure that cannot be understood.
    Query,
    /// An aggregation that cannot be done exactly (an overflowing sum,
    /// aggregates of different queries merged).
    Aggregate,
}

impl ErrorKind {
    /// Every kind, in the order of the table above.
    pub const ALL: [ErrorKind; 7] = [
        Self::NotFound,
        Self::Io,
        Self::Parse,
        Self::UnknownSubstance,
        Self::UnitMismatch,
        Self::Query,
        Self::Aggregate,
    ];

    /// The kind's word (`not_found`, `io`, `parse`, ...).
    pub fn word(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Io => "io",
            Self::Parse => "parse",
            Self::UnknownSubstance => "unknown_substance",
            Self::UnitMismatch => "unit_mismatch",
            Self::Query => "query",
            Self::Aggregate => "aggregate",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}
