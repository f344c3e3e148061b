//! Why bytes are not a value of narcostat's binary form.

/// Bytes that cannot be read as (or a value that cannot be written in)
/// narcostat's binary form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The bytes do not start with the magic `NCST`.
    #[error("these bytes are not narcostat's binary form: they start with {found}, not \"NCST\"")]
    BadMagic {
        /// The first bytes, in hexadecimal.
        found: String,
    },
    /// A version above the reader's.
    #[error(
        "format version {version} was written by a newer narcostat (this one reads up to version {supported}): upgrade narcostat"
    )]
    NewerVersion {
        /// The version in the bytes.
        version: u16,
        /// The newest version this narcostat reads.
        supported: u16,
    },
    /// A version this narcostat never wrote (0).
    #[error("format version {version} is not a version of narcostat's binary form (versions start at 1)")]
    UnknownVersion {
        /// The version in the bytes.
        version: u16,
    },
    /// The payload's checksum does not match: the bytes were damaged.
    #[error(
        "{expected} in narcostat's binary form is damaged: its checksum is {found:08x}, the bytes give {computed:08x}"
    )]
    Checksum {
        /// What the reader wanted.
        expected: &'static str,
        /// The checksum in the bytes.
        found: u32,
        /// The checksum of the payload as read.
        computed: u32,
    },
    /// Bytes of another kind of value.
    #[error("expected {expected} in narcostat's binary form, found {found}")]
    WrongPayload {
        /// What the reader wanted.
        expected: &'static str,
        /// What the bytes hold.
        found: &'static str,
    },
    /// Fewer bytes than the header.
    #[error("expected {expected} in narcostat's binary form, got only {length} bytes (truncated)")]
    Truncated {
        /// What the reader wanted.
        expected: &'static str,
        /// How many bytes there were.
        length: usize,
    },
    /// A payload that is cut short or damaged.
    #[error("{expected} in narcostat's binary form is truncated or corrupt: {reason}")]
    Corrupt {
        /// What the reader wanted.
        expected: &'static str,
        /// What the decoder said.
        reason: String,
    },
    /// A value that cannot be written.
    #[error("cannot write the value in narcostat's binary form: {reason}")]
    Encode {
        /// What the encoder said.
        reason: String,
    },
}
