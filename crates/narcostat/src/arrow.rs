//! Arrow in: seizure tables from Arrow record batches (pyarrow, polars,
//! pandas, DuckDB results through the Python binding), read through the same
//! layouts as CSV (see [`read_batches`]). Results go out as Arrow through
//! [`crate::result::ResultTable::to_record_batch`].

mod input;

pub use input::{read_batches, table_from_batches};
