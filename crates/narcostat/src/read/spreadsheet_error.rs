//! Why a spreadsheet cannot be read (the cause of [`ReadError::Spreadsheet`](super::ReadError::Spreadsheet)).

/// Why a spreadsheet cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SpreadsheetError {
    /// The bytes are not a workbook calamine can open, or a sheet is corrupt.
    #[cfg(feature = "xlsx")]
    #[error("{0}")]
    Workbook(#[from] calamine::Error),
    /// A sheet asked for by name is not in the workbook.
    #[error("no sheet named {sheet:?} (sheets: {})", .sheets.join(", "))]
    NoSheet {
        /// The name asked for.
        sheet: String,
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
}
