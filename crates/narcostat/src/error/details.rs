//! An error's fields as plain data: what a binding puts on its error object
//! besides the message (the JavaScript `Error`'s properties).

use super::{Error, ErrorKind};
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
    /// The error's fields for a binding's error object: [`Error::fields`]
    /// with the category, named as JavaScript names properties.
    pub fn details(&self) -> Details {
        let f = self.fields();
        Details {
            kind: f.kind,
            category: self.kind(),
            file: f.file,
            line: f.line,
            column: f.column,
            column_name: f.column_name,
            value: f.value,
            suggestions: f.suggestions,
        }
    }
}
