//! `to_bytes` / `from_bytes` of the values that have a binary form.

use super::{FormatError, Payload, decode, encode};
use crate::aggregate::Aggregate;
use crate::record::Seizure;
use crate::result::ResultTable;
use crate::spec::Partial;
use crate::table::SeizureTable;

impl Aggregate {
    /// The aggregate in narcostat's binary form ([`crate::binary`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        encode(Payload::Aggregate, self)
    }

    /// An aggregate from [`Aggregate::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        decode(Payload::Aggregate, bytes)
    }
}

impl Partial {
    /// The partial result in narcostat's binary form ([`crate::binary`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        encode(Payload::Partial, self)
    }

    /// A partial result from [`Partial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        decode(Payload::Partial, bytes)
    }
}

impl crate::check::CheckPartial {
    /// The check partial in narcostat's binary form ([`crate::binary`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        encode(Payload::CheckPartial, self)
    }

    /// A check partial from [`crate::check::CheckPartial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        decode(Payload::CheckPartial, bytes)
    }
}

impl ResultTable {
    /// The result table in narcostat's binary form ([`crate::binary`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        encode(Payload::ResultTable, self)
    }

    /// A result table from [`ResultTable::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        decode(Payload::ResultTable, bytes)
    }
}

impl SeizureTable {
    /// The table in narcostat's binary form ([`crate::binary`]): its rows as
    /// records (names, places and agencies as written; a row's source and
    /// notes, which a table does not keep, are not in it either).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        let rows = (0..self.len())
            .map(|i| {
                self.row(i).ok_or(FormatError::Encode { reason: format!("row {i} of the table cannot be read back") })
            })
            .collect::<Result<Vec<Seizure>, FormatError>>()?;
        encode(Payload::SeizureTable, &rows)
    }

    /// A table from [`SeizureTable::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let rows: Vec<Seizure> = decode(Payload::SeizureTable, bytes)?;
        SeizureTable::from_seizures(&rows)
            .map_err(|e| FormatError::Corrupt { expected: Payload::SeizureTable.name(), reason: e.to_string() })
    }
}
