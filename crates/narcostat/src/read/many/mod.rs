//! Many files read as one: patterns expanded, each file with its own layout
//! and reader (through [`open_table`](super::open_table)), files read in
//! parallel, concatenated in the order given, one report per file.

mod paths;
mod total;

pub use paths::expand_paths;

use super::error::ReadError;
use super::open::{open_dataset, open_table};
use super::options::{Progress, ReadReport};
use crate::record::{Dataset, ReportedTotal};
use crate::spec::ReadSpec;
use crate::table::SeizureTable;
use std::path::PathBuf;

/// One file read into a table.
type FileTable = (SeizureTable, Vec<ReportedTotal>, ReadReport);

/// Reads every file (on all cores with the `parallel` feature; each file's
/// own reader may use them too), in the order given.
fn read_all(paths: &[PathBuf], spec: &ReadSpec) -> Vec<Result<FileTable, ReadError>> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        paths.par_iter().map(|p| open_table(p, spec, &mut |_| {})).collect()
    }
    #[cfg(not(feature = "parallel"))]
    paths.iter().map(|p| open_table(p, spec, &mut |_| {})).collect()
}

/// Reads many files into one [`SeizureTable`] with the totals they state
/// and one [`ReadReport`] per file (see [`ReadReport::total`] for the sum):
/// each file with its own detected layout (a UNODC table and a CBP table in
/// one call), spreadsheets and JSON too. Files are read in parallel and
/// concatenated in the order of `paths`; the first file (in that order)
/// that cannot be read is the error. A single file is read exactly as by
/// [`open_table`], with `progress`; with several, `progress` hears of each
/// file once it is read (rows so far; bytes are the files' sizes).
///
/// ```
/// use narcostat::{read::{open_table, open_tables, ReadReport}, spec::ReadSpec};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reference");
/// let paths = [format!("{dir}/unodc-annual-2012-2016.csv"), format!("{dir}/cbp-amo-fy19-fy22.csv")].map(Into::into);
/// let (table, _totals, reports) = open_tables(&paths, &ReadSpec::default(), &mut |_| {}).unwrap();
/// assert_eq!(reports.len(), 2);
/// assert_eq!(reports[1].format, "cbp");
/// let (alone, _, _) = open_table(&paths[1], &ReadSpec::default(), &mut |_| {}).unwrap();
/// assert_eq!(table.len() as u64, ReadReport::total(&reports).seizures);
/// assert!(table.len() > alone.len());
/// ```
pub fn open_tables(
    paths: &[PathBuf],
    spec: &ReadSpec,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, Vec<ReadReport>), ReadError> {
    if let [path] = paths {
        let (table, totals, report) = open_table(path, spec, progress)?;
        return Ok((table, totals, vec![report]));
    }
    let mut table = SeizureTable::new();
    let (mut totals, mut reports) = (Vec::new(), Vec::new());
    let mut done = Progress { bytes: 0, rows: 0 };
    for (path, read) in paths.iter().zip(read_all(paths, spec)) {
        let (part, stated, report) = read?;
        table.append(&part).map_err(|source| ReadError::Table { file: report.file.clone(), source })?;
        done.bytes = done.bytes.saturating_add(std::fs::metadata(path).map_or(0, |m| m.len()));
        done.rows = done.rows.saturating_add(report.rows_read);
        progress(done);
        totals.extend(stated);
        reports.push(report);
    }
    Ok((table, totals, reports))
}

/// Reads many files into one [`Dataset`] of records (in the order of
/// `paths`, each file with its own layout) and one [`ReadReport`] per file:
/// what `convert` writes for several files.
///
/// ```
/// use narcostat::{read::open_datasets, spec::ReadSpec};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/fixtures/cbp-fy24-fentanyl.xlsx");
/// let (data, reports) = open_datasets(&[path.into(), path.into()], &ReadSpec::default()).unwrap();
/// assert_eq!(data.seizures.len() as u64, 2 * reports[0].seizures);
/// ```
pub fn open_datasets(paths: &[PathBuf], spec: &ReadSpec) -> Result<(Dataset, Vec<ReadReport>), ReadError> {
    let mut data = Dataset::default();
    let mut reports = Vec::with_capacity(paths.len());
    for path in paths {
        let (part, report) = open_dataset(path, spec)?;
        data.extend(part);
        reports.push(report);
    }
    Ok((data, reports))
}
