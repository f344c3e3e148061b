//! Why Arrow record batches cannot be read (the cause of [`ReadError::Arrow`](super::ReadError::Arrow)).

/// Why Arrow record batches cannot be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// A batch whose columns differ from the first batch's.
    #[error("batch {batch} has the columns {found:?}, the first batch {expected:?}")]
    Columns {
        /// 1-based number of the batch.
        batch: usize,
        /// Its columns.
        found: Vec<String>,
        /// The first batch's columns.
        expected: Vec<String>,
    },
    /// A column the layout reads whose Arrow type has no text form.
    #[error("column {column:?}: cannot read {data_type} values as text")]
    ColumnType {
        /// The column's name.
        column: String,
        /// Its Arrow type.
        data_type: String,
    },
    /// A role none of the columns takes: the names accepted for it are listed.
    #[error(
        "no {role} column: name one {accepted} or give a mapping, e.g. columns={{\"{role}\": \"...\"}}; the columns are {seen:?}"
    )]
    MissingRole {
        /// The role word (`drug`, `quantity`, `date or year`).
        role: String,
        /// The names accepted for it, quoted and joined.
        accepted: String,
        /// The columns of the batches.
        seen: Vec<String>,
    },
    /// A mapping names a column the batches do not have.
    #[error("the mapping {role}={header:?} names no column; the columns are {seen:?}")]
    MappedColumn {
        /// The role word.
        role: String,
        /// The column named.
        header: String,
        /// The columns of the batches.
        seen: Vec<String>,
    },
}
