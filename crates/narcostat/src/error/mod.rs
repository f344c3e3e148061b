//! One error type for the whole crate: every area's error converts into it,
//! and its [`ErrorKind`] decides the error class in the bindings.
//!
//! ```
//! use narcostat::{Error, ErrorKind, read::{read_path, ReadOptions}};
//! let e: Error = read_path("no/such/file.csv", &ReadOptions::default()).unwrap_err().into();
//! assert_eq!(e.kind(), ErrorKind::NotFound);
//! assert_eq!(e.reason(), "io");
//! assert!(e.to_string().contains("no/such/file.csv"));
//! ```

mod details;
mod fields;
mod kind;

pub use details::Details;
pub use fields::ErrorFields;
pub use kind::ErrorKind;

use crate::aggregate::AggregateError;
use crate::bulletin::BulletinError;
use crate::check::RecordError;
use crate::period::{DateError, PeriodError};
use crate::quantity::{NumberError, QuantityError};
use crate::query::{FilterError, QueryError, UnknownKey};
use crate::rank::MeasureError;
use crate::read::{ReadError, RowError};
use crate::substance::UnknownSubstance;
use crate::table::TableError;

/// Any error of narcostat, with the message of the area's error unchanged.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading an input stopped.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A row that cannot be read.
    #[error(transparent)]
    Row(#[from] RowError),
    /// A seizure table that cannot hold a record.
    #[error(transparent)]
    Table(#[from] TableError),
    /// A record that cannot enter a table, with where it is.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// An aggregation that cannot be done.
    #[error(transparent)]
    Aggregate(#[from] AggregateError),
    /// A query that cannot be understood.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A filter that cannot be understood.
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// A grouping key that is not known.
    #[error(transparent)]
    UnknownKey(#[from] UnknownKey),
    /// A measure that cannot be used.
    #[error(transparent)]
    Measure(#[from] MeasureError),
    /// A date that does not parse or is out of range.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A period that does not parse or is out of range.
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// A quantity that cannot be made or combined.
    #[error(transparent)]
    Quantity(#[from] QuantityError),
    /// A number that does not parse exactly.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A substance name that does not resolve.
    #[error(transparent)]
    Substance(#[from] UnknownSubstance),
    /// A bulletin that cannot be made.
    #[error(transparent)]
    Bulletin(#[from] BulletinError),
    /// Options that do not make a query or reading options.
    #[error(transparent)]
    Spec(#[from] crate::spec::SpecError),
    /// A result that cannot be built.
    #[error(transparent)]
    Result(#[from] crate::result::ResultError),
}

impl Error {
    /// The kind of error, which the bindings map 1:1 to an error class.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Read(e) => read_kind(e),
            Self::Row(e) => row_kind(e),
            Self::Table(_) | Self::Record(_) | Self::Date(_) | Self::Number(_) => ErrorKind::Parse,
            Self::Aggregate(e) => aggregate_kind(e),
            Self::Query(_) | Self::Filter(_) | Self::UnknownKey(_) | Self::Measure(_) | Self::Period(_) => {
                ErrorKind::Query
            }
            Self::Quantity(e) => quantity_kind(e),
            Self::Substance(_) => ErrorKind::UnknownSubstance,
            Self::Bulletin(BulletinError::Aggregate(e)) => aggregate_kind(e),
            Self::Bulletin(BulletinError::NoPeriod) => ErrorKind::Query,
            Self::Bulletin(_) => ErrorKind::Parse,
            Self::Spec(_) => ErrorKind::Query,
            Self::Result(crate::result::ResultError::WithinNotGrouped { .. }) => ErrorKind::Query,
            Self::Result(_) => ErrorKind::Aggregate,
        }
    }

    /// The word of the most specific cause: for reading errors
    /// [`ReadError::reason`] (`bad_number`, `spreadsheet`, `io`, ...), for a
    /// row [`RowError::kind`], else the [`ErrorKind`]'s word.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Read(e) => e.reason(),
            Self::Row(e) => e.kind(),
            other => other.kind().word(),
        }
    }
}

fn read_kind(e: &ReadError) -> ErrorKind {
    match e {
        ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => ErrorKind::NotFound,
        ReadError::Io { .. } => ErrorKind::Io,
        ReadError::Options { .. } | ReadError::NoMatch { .. } | ReadError::BadPattern { .. } => ErrorKind::Query,
        ReadError::Row(r) => row_kind(&r.reason),
        _ => ErrorKind::Parse,
    }
}

fn row_kind(e: &RowError) -> ErrorKind {
    match e {
        RowError::UnknownSubstance { .. } => ErrorKind::UnknownSubstance,
        _ => ErrorKind::Parse,
    }
}

fn aggregate_kind(e: &AggregateError) -> ErrorKind {
    match e {
        AggregateError::Query(_) => ErrorKind::Query,
        _ => ErrorKind::Aggregate,
    }
}

fn quantity_kind(e: &QuantityError) -> ErrorKind {
    match e {
        QuantityError::DimensionMismatch { .. } | QuantityError::CountKindMismatch { .. } => ErrorKind::UnitMismatch,
        _ => ErrorKind::Parse,
    }
}
