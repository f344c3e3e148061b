//! Opening a file by path: THE place that chooses the reader for a path
//! (spreadsheets by extension, JSON whole, other text formats on all cores).

use super::error::ReadError;
use super::format::Format;
use super::options::{Progress, ReadOptions, ReadReport};
use crate::record::{Dataset, ReportedTotal};
use crate::spec::ReadSpec;
use crate::table::SeizureTable;
use std::path::Path;

/// The reader a path and its options call for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// A spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods`), read whole.
    Spreadsheet,
    /// JSON datasets and NDJSON records, read as records.
    Json,
    /// Delimited text, read straight into a table.
    Text,
}

fn reader_for(path: &Path, options: &ReadOptions) -> Reader {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if super::is_spreadsheet(path) {
        Reader::Spreadsheet
    } else if matches!(options.format, Some(Format::Json | Format::Ndjson))
        || matches!(extension.as_deref(), Some("json" | "ndjson" | "jsonl"))
    {
        Reader::Json
    } else {
        Reader::Text
    }
}

fn options(name: &str, spec: &ReadSpec) -> Result<ReadOptions, ReadError> {
    spec.options().map_err(|source| ReadError::Options { file: name.to_owned(), source })
}

fn io(name: &str) -> impl Fn(std::io::Error) -> ReadError + '_ {
    move |source| ReadError::Io { file: name.to_owned(), source }
}

/// Reads a spreadsheet's sheet (`spec.sheet`, else the first).
#[cfg(feature = "xlsx")]
fn spreadsheet(
    path: &Path,
    name: &str,
    spec: &ReadSpec,
    options: &ReadOptions,
) -> Result<(Dataset, ReadReport), ReadError> {
    let bytes = std::fs::read(path).map_err(io(name))?;
    super::read_spreadsheet(&bytes, name, spec.sheet.as_deref(), options)
}

/// Without the `xlsx` feature, a spreadsheet cannot be read (rather than read as text).
#[cfg(not(feature = "xlsx"))]
fn spreadsheet(_: &Path, name: &str, _: &ReadSpec, _: &ReadOptions) -> Result<(Dataset, ReadReport), ReadError> {
    let message = "this build of narcostat reads no spreadsheets (feature \"xlsx\")";
    Err(io(name)(std::io::Error::new(std::io::ErrorKind::Unsupported, message)))
}

/// Reads a file into records (activities and sources too, for JSON):
/// spreadsheets by their extension, other files by their header or `spec.format`.
///
/// ```
/// use narcostat::{read::open_dataset, spec::ReadSpec};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/fixtures/cbp-fy24-fentanyl.xlsx");
/// let (data, report) = open_dataset(path, &ReadSpec::default()).unwrap();
/// assert_eq!(report.format, "cbp");
/// assert_eq!(data.seizures.len() as u64, report.seizures);
/// ```
pub fn open_dataset(path: impl AsRef<Path>, spec: &ReadSpec) -> Result<(Dataset, ReadReport), ReadError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let options = options(&name, spec)?;
    if reader_for(path, &options) == Reader::Spreadsheet {
        return spreadsheet(path, &name, spec, &options);
    }
    let file = std::fs::File::open(path).map_err(io(&name))?;
    super::read_dataset(file, &name, &options)
}

/// Reads a file straight into a [`SeizureTable`] with the totals it states:
/// delimited text on all cores (with the `parallel` feature) without keeping
/// records; spreadsheets and JSON through their records. `progress` hears of
/// the bytes and rows read (text only).
///
/// ```
/// use narcostat::{read::open_table, spec::ReadSpec};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reference/unodc-annual-2012-2016.csv");
/// let (table, _totals, report) = open_table(path, &ReadSpec::default(), &mut |_| {}).unwrap();
/// assert_eq!(report.format, "unodc-subregional");
/// assert_eq!(table.len() as u64, report.seizures);
/// ```
pub fn open_table(
    path: impl AsRef<Path>,
    spec: &ReadSpec,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let options = options(&name, spec)?;
    if reader_for(path, &options) != Reader::Text {
        let (data, report) = open_dataset(path, spec)?;
        let table = SeizureTable::from_seizures(&data.seizures)
            .map_err(|source| ReadError::Table { file: name.clone(), source })?;
        return Ok((table, data.reported_totals, report));
    }
    let file = std::fs::File::open(path).map_err(io(&name))?;
    #[cfg(feature = "parallel")]
    return super::read_table_parallel(file, &name, &options, progress);
    #[cfg(not(feature = "parallel"))]
    return super::read_table(file, &name, &options, progress);
}

/// Reads a file into a [`TableDataset`](crate::check::TableDataset) (records
/// with their lines, for checks and bulletins): delimited text and JSON
/// streamed, spreadsheets through their records. `progress` hears of the
/// bytes and rows read (text only).
///
/// ```
/// use narcostat::{read::open_table_dataset, spec::ReadSpec};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/fixtures/cbp-fy24-fentanyl.xlsx");
/// let (data, report) = open_table_dataset(path, &ReadSpec::default(), &mut |_| {}).unwrap();
/// assert_eq!(data.len() as u64, report.seizures);
/// ```
pub fn open_table_dataset(
    path: impl AsRef<Path>,
    spec: &ReadSpec,
    progress: &mut dyn FnMut(Progress),
) -> Result<(crate::check::TableDataset, ReadReport), crate::Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let options = options(&name, spec)?;
    if reader_for(path, &options) == Reader::Spreadsheet {
        let (data, report) = spreadsheet(path, &name, spec, &options)?;
        return Ok((crate::check::TableDataset::from_dataset(&data)?, report));
    }
    let file = std::fs::File::open(path).map_err(io(&name))?;
    Ok(crate::check::TableDataset::read(file, &name, &options, progress)?)
}
