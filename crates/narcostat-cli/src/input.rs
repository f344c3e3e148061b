//! Reading input files through the core's `open_*` (patterns expanded by
//! the core), with a progress bar on terminals and the core's reading notes
//! (columns not read, rows rejected; per file and in total for several
//! files) on stderr.

use crate::args::Input;
use crate::output::note;
use narcostat::check::TableDataset;
use narcostat::read::{self, Progress, ReadReport};
use narcostat::{Dataset, Error, SeizureTable};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// How many rejected rows a lenient read lists on stderr before pointing to `check`.
const REJECTIONS_LISTED: usize = 5;

/// The files the input names, patterns expanded.
pub fn paths(input: &Input) -> Result<Vec<PathBuf>, Error> {
    Ok(read::expand_paths(&input.files)?)
}

/// Runs `open` with a bar on stderr, only on a terminal and for files that take more than a moment.
fn with_progress<T>(paths: &[PathBuf], open: impl FnOnce(&mut dyn FnMut(Progress)) -> T) -> T {
    let size = paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).fold(0, u64::saturating_add);
    let bar = (std::io::stderr().is_terminal() && size > 8 << 20).then(|| {
        let style = indicatif::ProgressStyle::with_template("{spinner} reading {bar:40} {bytes}/{total_bytes} ({eta})");
        let bar = indicatif::ProgressBar::new(size);
        style.map_or(bar.clone(), |s| bar.with_style(s))
    });
    let result = open(&mut |p: Progress| bar.iter().for_each(|b| b.set_position(p.bytes)));
    bar.iter().for_each(indicatif::ProgressBar::finish_and_clear);
    result
}

/// The core's note on a read, pointing to `check` for the rejections it does not list.
fn read_note(report: &ReadReport) {
    note(report.note(REJECTIONS_LISTED, &format!(" (run `narcostat check --lenient {}` for the list)", report.file)));
}

/// The notes on the reads; with several files, the row accounting of each and the total.
fn read_notes(reports: &[ReadReport]) {
    reports.iter().for_each(read_note);
    if reports.len() > 1 {
        let total = ReadReport::total(reports);
        note(reports.iter().chain([&total]).map(ReadReport::accounting));
    }
}

/// The input as a table (on all cores for delimited text; several files in parallel).
pub fn table(input: &Input) -> Result<SeizureTable, Error> {
    let (paths, spec) = (paths(input)?, input.spec()?);
    let (table, _, reports) = with_progress(&paths, |p| read::open_tables(&paths, &spec, p))?;
    read_notes(&reports);
    Ok(table)
}

/// One file as records with their lines, for checks and bulletins.
pub fn table_dataset(input: &Input, path: &Path) -> Result<(TableDataset, ReadReport), Error> {
    let (paths, spec) = ([path.to_path_buf()], input.spec()?);
    let (data, report) = with_progress(&paths, |p| read::open_table_dataset(path, &spec, p))?;
    read_note(&report);
    Ok((data, report))
}

/// The input as one dataset of records (several files in order).
pub fn dataset(input: &Input) -> Result<Dataset, Error> {
    let (data, reports) = read::open_datasets(&paths(input)?, &input.spec()?)?;
    read_notes(&reports);
    Ok(data)
}
