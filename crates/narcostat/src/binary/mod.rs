//! narcostat's compact, versioned binary form: what partial aggregates,
//! partial query results and result tables travel in between processes and
//! machines (Python's pickle, Dask) and what Rust users store.
//!
//! # Format, version 1
//!
//! | bytes | content |
//! |---|---|
//! | 0..4 | the magic `NCST` |
//! | 4 | what the payload is: 1 = [`crate::Aggregate`], 2 = [`crate::spec::Partial`], 3 = [`crate::result::ResultTable`], 4 = [`crate::SeizureTable`] (its rows as records), 5 = [`crate::check::CheckPartial`] |
//! | 5..7 | the format version, little-endian `u16` ([`VERSION`]) |
//! | 7..11 | the CRC-32 (IEEE) of the payload, little-endian: damaged bytes are refused, never read as other numbers |
//! | 11.. | the payload: the value's serde form as CBOR (RFC 8949) |
//!
//! CBOR (through `ciborium`, the encoder criterion uses) is compact and
//! self-describing, so the serde forms written for JSON — flattened queries,
//! omitted empty fields, 128-bit exact sums — are kept as they are; the
//! non-self-describing formats (postcard, bincode) cannot read them back. A
//! reader rejects a version above its own with [`FormatError::NewerVersion`]
//! instead of guessing; a version is added whenever a serde form changes.
//!
//! ```
//! use narcostat::{Aggregate, GroupKey, Query, SeizureTable};
//! let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
//! let agg = table.aggregate(&Query::by(&[GroupKey::Drug])).unwrap();
//! let bytes = agg.to_bytes().unwrap();
//! assert_eq!(&bytes[..4], b"NCST");
//! assert_eq!(Aggregate::from_bytes(&bytes).unwrap(), agg);
//! let mut newer = bytes.clone();
//! newer[5] = 99;
//! let err = Aggregate::from_bytes(&newer).unwrap_err();
//! assert!(err.to_string().contains("written by a newer narcostat"), "{err}");
//! ```

mod error;
mod kinds;

pub use error::FormatError;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The first four bytes of every binary form.
pub const MAGIC: [u8; 4] = *b"NCST";
/// The format version this narcostat writes, and the newest it reads.
pub const VERSION: u16 = 1;
/// Magic, kind, version and checksum.
const HEADER: usize = 11;

/// What a binary form holds (its byte 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// A partial or whole aggregate.
    Aggregate = 1,
    /// A partial query result (see [`crate::spec::Partial`]).
    Partial = 2,
    /// A result table.
    ResultTable = 3,
    /// A seizure table, as the list of its rows' records.
    SeizureTable = 4,
    /// What partitions contribute to the checks (see [`crate::check::CheckPartial`]).
    CheckPartial = 5,
}

impl Payload {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Aggregate => "an aggregate",
            Self::Partial => "a partial result",
            Self::ResultTable => "a result table",
            Self::SeizureTable => "a seizure table",
            Self::CheckPartial => "a check partial",
        }
    }

    fn of(byte: u8) -> Option<Self> {
        [Self::Aggregate, Self::Partial, Self::ResultTable, Self::SeizureTable, Self::CheckPartial]
            .into_iter()
            .find(|p| *p as u8 == byte)
    }
}

/// `value` in the binary form, headed by magic, `payload` and [`VERSION`].
pub fn encode<T: Serialize>(payload: Payload, value: &T) -> Result<Vec<u8>, FormatError> {
    let mut bytes = Vec::with_capacity(64);
    bytes.extend_from_slice(&MAGIC);
    bytes.push(payload as u8);
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.extend_from_slice(&[0; 4]);
    ciborium::into_writer(value, &mut bytes).map_err(|e| FormatError::Encode { reason: e.to_string() })?;
    let checksum = crc32fast::hash(&bytes[HEADER..]);
    bytes[7..HEADER].copy_from_slice(&checksum.to_le_bytes());
    Ok(bytes)
}

/// The value of a binary form written by [`encode`] with `payload`.
pub fn decode<T: DeserializeOwned>(payload: Payload, bytes: &[u8]) -> Result<T, FormatError> {
    let Some((header, body)) = bytes.split_at_checked(HEADER) else {
        return Err(FormatError::Truncated { expected: payload.name(), length: bytes.len() });
    };
    if header[..4] != MAGIC {
        return Err(FormatError::BadMagic { found: format!("{:02x?}", &header[..4]) });
    }
    let version = u16::from_le_bytes([header[5], header[6]]);
    if version > VERSION {
        return Err(FormatError::NewerVersion { version, supported: VERSION });
    }
    if version == 0 {
        return Err(FormatError::UnknownVersion { version });
    }
    match Payload::of(header[4]) {
        Some(found) if found == payload => {}
        found => {
            let found = found.map_or("an unknown kind of value", Payload::name);
            return Err(FormatError::WrongPayload { expected: payload.name(), found });
        }
    }
    let found = u32::from_le_bytes([header[7], header[8], header[9], header[10]]);
    let computed = crc32fast::hash(body);
    if found != computed {
        return Err(FormatError::Checksum { expected: payload.name(), found, computed });
    }
    ciborium::from_reader(body).map_err(|e| FormatError::Corrupt { expected: payload.name(), reason: e.to_string() })
}
