//! Readers: UNODC, CBP, wide national tables, any other table by its
//! header words or a column mapping, JSON and NDJSON into the model, every
//! row accounted for.
//!
//! ```
//! use narcostat::read::{read_str, ReadOptions};
//! let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n\
//!            2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,2,10.5\n";
//! let (data, report) = read_str(csv, "cbp.csv", &ReadOptions::default()).unwrap();
//! assert_eq!(report.format, "cbp");
//! let s = &data.seizures[0];
//! assert_eq!(s.period.to_string(), "2023-10-01..2023-10-31"); // FY2024 began in October 2023
//! assert_eq!(s.quantity.unwrap().to_string(), "10.5 lb");
//! assert_eq!(s.seizures, Some(2));
//! ```
//!
//! Any other table is read by its header words (see [`ColumnMap`]), with
//! an explicit mapping for what the header does not say, a unit for bare
//! numbers and the calendar of its dates:
//!
//! ```
//! use narcostat::period::Calendar;
//! use narcostat::read::{read_str, ColumnRole, ReadOptions};
//! let csv = "Drug Type,Qty (kg),تاریخ,Officer\nHeroin,2.5,1399/12/30,A. Smith\n";
//! let options = ReadOptions { calendar: Calendar::SolarHijri, ..ReadOptions::default() };
//! let (data, report) = read_str(csv, "mine.csv", &options).unwrap();
//! assert_eq!(data.seizures[0].quantity.unwrap().to_string(), "2.5 kg");
//! assert_eq!(data.seizures[0].period.to_string(), "2021-03-20..2021-03-20");
//! let mapping: Vec<String> = report.mapping.iter().map(|(role, h)| format!("{role}={h}")).collect();
//! assert_eq!(mapping, ["drug=Drug Type", "quantity=Qty (kg)", "date=تاریخ"]);
//!
//! // Two columns that could be the quantity: an error showing the mapping to write.
//! let csv = "drug,amount,qty,date\nHeroin,1,2,2021-01-01\n";
//! let err = read_str(csv, "mine.csv", &ReadOptions::default()).unwrap_err();
//! assert!(err.to_string().ends_with("name one with the mapping quantity=\"amount\""));
//! let options = ReadOptions { columns: vec![(ColumnRole::Quantity, "qty".into())], ..ReadOptions::default() };
//! let csv = "drug,amount,qty,unit,date\nHeroin,1,2,kg,2021-01-01\n";
//! let (data, _) = read_str(csv, "mine.csv", &options).unwrap();
//! assert_eq!(data.seizures[0].quantity.unwrap().to_string(), "2 kg");
//! ```

mod batch_error;
#[cfg(feature = "arrow")]
mod cell_rows;
mod cells;
mod column_role;
mod csv_driver;
mod date_forms;
mod decimal_column;
mod detect;
mod duplicate_header;
mod error;
mod format;
mod generic;
mod header_words;
mod json;
mod json_shape;
mod json_text;
pub(crate) mod kept;
pub use kept::KEPT_PREFIX;
mod layouts;
mod many;
mod mapping_report;
mod note;
mod open;
mod options;
pub(crate) mod pairs_object;
#[cfg(feature = "parallel")]
mod parallel;
mod record_starts;
mod records_layout;
mod rejection_row;
mod sink;
#[cfg(feature = "xlsx")]
mod spreadsheet;
mod spreadsheet_error;
mod time_cells;

pub use batch_error::BatchError;
#[cfg(feature = "arrow")]
pub(crate) use cell_rows::CellRows;
pub use column_role::ColumnRole;
#[cfg(feature = "arrow")]
pub(crate) use detect::detect_map;
pub use error::{BadCell, ReadError, Rejection, RowError};
pub use format::{ColumnMap, Format};
pub use json_text::read_json_text;
pub use many::{expand_paths, open_datasets, open_tables};
pub use open::{open_dataset, open_table, open_table_dataset};
pub use options::{Missing, Mode, Progress, ReadOptions, ReadReport, Record};
#[cfg(feature = "parallel")]
pub use parallel::{read_table_parallel, read_table_parallel_in_blocks};
pub use rejection_row::RejectionRow;
#[cfg(feature = "xlsx")]
pub use spreadsheet::read_spreadsheet;
pub use spreadsheet_error::SpreadsheetError;

/// Whether a text cell stands for "no value" (`NULL`, `NA`, empty, ...).
pub fn is_missing_text(v: &str) -> bool {
    cells::is_missing(v)
}

/// The row error for a quantity that failed to build.
pub fn quantity_row_error(v: &str, e: crate::quantity::QuantityError) -> RowError {
    cells::quantity_error(v, e)
}

use crate::record::{Dataset, ReportedTotal};
use crate::table::SeizureTable;
use std::io::Read;

/// Reads `input` (named `file` in messages), handing every record to `sink`
/// and reporting progress. The format is `options.format`, else JSON or
/// NDJSON when the input starts with `{` (NDJSON when its first line is a
/// whole seizure), else detected from the CSV header. Memory stays
/// bounded for CSV and NDJSON: rows are streamed.
pub fn read(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Record),
    progress: &mut dyn FnMut(Progress),
) -> Result<(ReadReport, Dataset), ReadError> {
    read_into(input, file, options, &mut sink::Records(sink), progress)
}

/// Like [`read`], into a [`sink::Sink`], which may still refuse a CSV row.
fn read_into(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn sink::Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(ReadReport, Dataset), ReadError> {
    let mut input = std::io::BufReader::new(input);
    let first = {
        use std::io::BufRead;
        let buf = input.fill_buf().map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
        buf.iter().copied().find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF)
    };
    match (&options.format, first) {
        (Some(Format::Json), _) => json::read_json(input, file, &mut |r| sink.record(r)),
        (None, Some(b'{')) => json::read_detected(input, file, options, &mut |r| sink.record(r)),
        (Some(Format::Ndjson), _) => {
            Ok((json::read_ndjson(input, file, options, &mut |r| sink.record(r))?, Dataset::default()))
        }
        _ => Ok((csv_driver::read_csv(input, file, options, &mut |r| sink.row(r), progress)?, Dataset::default())),
    }
}

/// Reads a whole input into a [`Dataset`] (activities and sources too, for JSON).
pub fn read_dataset(input: impl Read, file: &str, options: &ReadOptions) -> Result<(Dataset, ReadReport), ReadError> {
    let mut seizures = Vec::new();
    let mut totals = Vec::new();
    let (report, mut rest) = read(
        input,
        file,
        options,
        &mut |r| match r {
            Record::Seizure(s) => seizures.push(s),
            Record::Total(t) => totals.push(t),
        },
        &mut |_| {},
    )?;
    rest.seizures = seizures;
    rest.reported_totals = totals;
    Ok((rest, report))
}

/// Reads text (e.g. from a browser or a test).
pub fn read_str(text: &str, file: &str, options: &ReadOptions) -> Result<(Dataset, ReadReport), ReadError> {
    read_dataset(text.as_bytes(), file, options)
}

/// Reads a file from disk (spreadsheets by their extension, first sheet).
pub fn read_path(path: impl AsRef<std::path::Path>, options: &ReadOptions) -> Result<(Dataset, ReadReport), ReadError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    #[cfg(feature = "xlsx")]
    if is_spreadsheet(path) {
        let bytes = std::fs::read(path).map_err(|source| ReadError::Io { file: name.clone(), source })?;
        return read_spreadsheet(&bytes, &name, None, options);
    }
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io { file: name.clone(), source })?;
    read_dataset(file, &name, options)
}

/// Reads straight into a [`SeizureTable`] without keeping the records: the
/// way to read files larger than memory would hold as records. Stated totals
/// are returned beside it. A row the table cannot hold is rejected whole,
/// at its line, like any bad row.
pub fn read_table(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    // The table keeps no sources.
    let options = &ReadOptions { sources: false, ..options.clone() };
    let mut filling = sink::TableSink::new(file);
    let (report, rest) = read_into(input, file, options, &mut filling, progress)?;
    filling.finish(rest, options.mode, report)
}

/// Whether a path names a spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
pub fn is_spreadsheet(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm" | "xls" | "ods"))
}

#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod tests;
