//! Why a check partial cannot be made or merged.

/// A check partial that cannot be made or merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckPartialError {
    /// Two partials both hold the same partition: merging would count its records twice.
    #[error("partition {part} is in both check partials being merged: its records would be counted twice")]
    SamePart {
        /// The partition's number.
        part: u32,
    },
    /// A partition with more rows than a check partial numbers.
    #[error("partition {part} has {rows} records, more than a check partial numbers ({limit})")]
    TooManyRows {
        /// The partition's number.
        part: u32,
        /// Its records.
        rows: usize,
        /// The most a partition may hold.
        limit: u32,
    },
    /// A record whose fields cannot be written as a key.
    #[error("{at}: the record cannot be compared with others: {reason}")]
    Record {
        /// Where the record is.
        at: String,
        /// What the encoder said.
        reason: String,
    },
}
