//! An error's fields as plain data: what a binding puts on its error object
//! besides the message (the JavaScript `Error`'s properties).

use super::{Error, ErrorKind};
use crate::read::{ReadError, RowError};
use serde::Serialize;

/// The fields of an error: `kind` ([`Error::reason`]), `category`
/// ([`Error::kind`]) and, for a reading error, where it is: the `file`, and
/// for a bad row its `line`, `column`, `columnName` and `value` (and the
/// `suggestions` for an unknown substance), for bad JSON its `line` and
/// `column`. Absent fields are left out of the serde form.
///
/// ```
/// use narcostat::{Error, read::{read_str, ReadOptions}};
/// let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n";
/// let e: Error = read_str(csv, "bad.csv", &ReadOptions::default()).unwrap_err().into();
/// let d = serde_json::to_value(e.details()).unwrap();
/// assert_eq!((d["kind"].as_str(), d["category"].as_str()), (Some("unknown_substance"), Some("unknown_substance")));
/// assert_eq!((d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("bad.csv"), Some(2), Some(7)));
/// assert_eq!(d["columnName"].as_str(), Some("Drug Type"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Details {
    /// The word of the most specific cause.
    pub kind: &'static str,
    /// The kind of error.
    pub category: ErrorKind,
    /// The input's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The 1-based column number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The column's header name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// The offending value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The closest known names of an unknown substance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<String>>,
}

impl Error {
    /// The error's fields for a binding's error object.
    pub fn details(&self) -> Details {
        let (file, line, column, column_name, value, suggestions) = Default::default();
        let mut d =
            Details { kind: self.reason(), category: self.kind(), file, line, column, column_name, value, suggestions };
        let Self::Read(read) = self else { return d };
        d.file = Some(read.file().to_owned());
        match read {
            ReadError::Row(r) => {
                d.line = Some(r.line);
                d.column = r.column_number.map(|c| c as u64);
                d.column_name.clone_from(&r.column);
                d.value.clone_from(&r.value);
                if let RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                    d.suggestions = Some(suggestions.clone());
                }
            }
            ReadError::Json { line, column, .. } => (d.line, d.column) = (Some(*line as u64), Some(*column as u64)),
            _ => {}
        }
        d
    }
}
