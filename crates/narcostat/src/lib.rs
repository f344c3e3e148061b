#![doc = include_str!("../README.md")]

pub mod error;
pub mod substance;

pub use error::{Details, Error, ErrorFields, ErrorKind};

pub use substance::{Drug, DrugFamily, DrugGroup, Resolution, Substance, UnknownSubstance};
pub mod quantity;
pub use quantity::{CountUnit, Dimension, Quantity, QuantityError, Unit};
pub mod period;
pub use period::{Date, Granularity, Period};
pub mod place;
pub use place::{CountryCode, Place};
pub mod drug_list;
pub mod record;
pub use drug_list::DrugList;
pub use record::{Activity, ActivityKind, Dataset, ReportedTotal, Seizure};
pub mod seed;

/// The repository README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct RepositoryReadme;
pub mod aggregate;
pub mod binary;
pub mod query;
pub mod table;
pub use aggregate::{Aggregate, AggregateError, Group, KeyValue, Measures};
pub use query::{Filter, GroupKey, Query, SpanRule};
pub use table::{Columns, SeizureTable};
#[cfg(feature = "arrow")]
pub mod arrow;
pub mod bulletin;
pub mod check;
pub mod compare;
pub mod equivalent;
pub mod rank;
pub mod read;
pub mod result;
pub mod spec;
pub mod vocabulary;
pub mod write;
