//! Spreadsheets (XLSX, and XLS / ODS through the same library) read with
//! calamine: a sheet's cells become CSV text, which then goes through the
//! same layouts, mappings and row accounting as any CSV; line numbers are
//! the sheet's row numbers.

use super::SpreadsheetError;
use super::error::ReadError;
use super::options::ReadOptions;
use crate::record::Dataset;
use calamine::{Data, Reader, open_workbook_auto_from_rs};

/// Days from Excel's day 0 (1899-12-30, the 1900 date system) to 1970-01-01.
const EXCEL_EPOCH_TO_UNIX_DAYS: f64 = 25_569.0;

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // Rust prints the shortest text that reads back as the same float.
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let days = (d.as_f64() - EXCEL_EPOCH_TO_UNIX_DAYS).floor();
            crate::Date::from_days(days as i32).to_string()
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads a sheet (the first, or `sheet` by name) of a spreadsheet given as bytes.
///
/// ```
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/fixtures/cbp-fy24-fentanyl.xlsx")).unwrap();
/// let (data, report) = narcostat::read::read_spreadsheet(&bytes, "cbp.xlsx", None, &Default::default()).unwrap();
/// assert_eq!(report.format, "cbp");
/// assert_eq!(report.rows_read, report.rows_accepted);
/// ```
pub fn read_spreadsheet(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<(Dataset, ReadReport), ReadError> {
    let bad = |source: SpreadsheetError| ReadError::Spreadsheet { file: file.to_owned(), source };
    let mut workbook =
        open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| bad(SpreadsheetError::Workbook(e)))?;
    let name = match sheet {
        Some(s) => s.to_owned(),
        None => workbook.sheet_names().first().cloned().ok_or_else(|| ReadError::Empty { file: file.to_owned() })?,
    };
    if !workbook.sheet_names().contains(&name) {
        return Err(bad(SpreadsheetError::NoSheet { sheet: name, sheets: workbook.sheet_names() }));
    }
    let range = workbook.worksheet_range(&name).map_err(|e| bad(SpreadsheetError::Workbook(e)))?;
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    // Rows before the used range's start are blank in the sheet: keep line numbers aligned.
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let csv = |source: csv::Error| ReadError::Csv { file: file.to_owned(), source };
    for _ in 0..first_row {
        out.write_record([""]).map_err(csv)?;
    }
    for row in range.rows() {
        out.write_record(row.iter().map(cell_text)).map_err(csv)?;
    }
    let text = out.into_inner().map_err(|e| ReadError::Io { file: file.to_owned(), source: e.into_error() })?;
    let options = ReadOptions { delimiter: Some(b','), ..options.clone() };
    super::read_dataset(text.as_slice(), &format!("{file} [{name}]"), &options)
}

use super::options::ReadReport;
