//! A rejected row as plain data for the bindings.

use super::Rejection;
use serde::Serialize;

/// A [`Rejection`] flattened: where, the offending value, the reason's text
/// and the whole message; every key present (`None` when not known).
///
/// ```
/// use narcostat::read::{read_str, ReadOptions, Mode, RejectionRow};
/// let text = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\nAsia,Iran,IRN,Opioids,Opium,2018,lots\n";
/// let options = ReadOptions { mode: Mode::Lenient, ..ReadOptions::default() };
/// let (_, report) = read_str(text, "u.csv", &options).unwrap();
/// let row = RejectionRow::from(&report.rejections[0]);
/// assert_eq!((row.line, row.column, row.value.as_deref()), (2, Some(7), Some("lots")));
/// assert_eq!(row.reason, "cannot read \"lots\" as a number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectionRow {
    /// The input's name.
    pub file: String,
    /// The 1-based line the row starts on.
    pub line: u64,
    /// The 1-based column number.
    pub column: Option<usize>,
    /// The column's header name.
    pub column_name: Option<String>,
    /// The offending value.
    pub value: Option<String>,
    /// Why, as text.
    pub reason: String,
    /// The whole message, with where.
    pub message: String,
}

impl From<&Rejection> for RejectionRow {
    fn from(r: &Rejection) -> Self {
        Self {
            file: r.file.clone(),
            line: r.line,
            column: r.column_number,
            column_name: r.column.clone(),
            value: r.value.clone(),
            reason: r.reason.to_string(),
            message: r.to_string(),
        }
    }
}
