//! An error's fields as plain data: what the bindings attach to their error
//! objects besides the message (Python exception attributes, JS properties).

use super::Error;
use crate::read::{ReadError, RowError};
use serde::Serialize;

/// Where and why an error happened; absent fields are not serialised.
///
/// ```
/// use narcostat::{Error, read::{read_str, ReadOptions}};
/// let text = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\nAsia,Iran,IRN,Opioids,Opium,2018,lots\n";
/// let e: Error = read_str(text, "u.csv", &ReadOptions::default()).unwrap_err().into();
/// let f = e.fields();
/// assert_eq!((f.kind, f.file.as_deref(), f.line), ("bad_number", Some("u.csv"), Some(2)));
/// assert_eq!((f.column, f.column_name.as_deref(), f.value.as_deref()), (Some(7), Some("KG Equivalent"), Some("lots")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorFields {
    /// The word of the most specific cause ([`Error::reason`]).
    pub kind: &'static str,
    /// The input's name, for reading errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line of a bad row or of bad JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The 1-based column number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The column's header name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// The offending text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The 0-based row index of input without lines (Arrow, data frames).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// For an unknown substance, the closest known names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<String>>,
}

impl Error {
    /// The error's fields: its reason word, and where and what for bad input.
    pub fn fields(&self) -> ErrorFields {
        let mut f = ErrorFields { kind: self.reason(), ..ErrorFields::default() };
        match self {
            Self::Read(e) => read_fields(e, &mut f),
            Self::Row(r) => f.suggestions = suggestions(r),
            Self::Substance(s) => f.suggestions = Some(s.suggestions.clone()),
            _ => {}
        }
        f
    }
}

fn read_fields(e: &ReadError, f: &mut ErrorFields) {
    f.file = Some(e.file().to_owned());
    match e {
        ReadError::Row(r) => {
            f.line = Some(r.line);
            f.column = r.column_number.map(|c| c as u64);
            f.column_name.clone_from(&r.column);
            f.value.clone_from(&r.value);
            f.row = r.row;
            f.suggestions = suggestions(&r.reason);
        }
        ReadError::Json { line, column, .. } => {
            f.line = Some(*line as u64);
            f.column = Some(*column as u64);
        }
        _ => {}
    }
}

fn suggestions(r: &RowError) -> Option<Vec<String>> {
    match r {
        RowError::UnknownSubstance { suggestions, .. } => Some(suggestions.clone()),
        _ => None,
    }
}
