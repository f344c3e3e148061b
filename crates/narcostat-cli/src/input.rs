//! Reading input files through the core's `open_*`, with a progress bar on
//! terminals and the core's reading note (columns not read, rows rejected) on stderr.

use crate::args::Input;
use crate::output::note;
use narcostat::check::TableDataset;
use narcostat::read::{self, Progress, ReadReport};
use narcostat::{Dataset, Error, SeizureTable};
use std::io::IsTerminal;

/// How many rejected rows a lenient read lists on stderr before pointing to `check`.
const REJECTIONS_LISTED: usize = 5;

/// Runs `open` with a bar on stderr, only on a terminal and for files that take more than a moment.
fn with_progress<T>(input: &Input, open: impl FnOnce(&mut dyn FnMut(Progress)) -> T) -> T {
    let size = std::fs::metadata(&input.file).map_or(0, |m| m.len());
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

/// The input as a table (on all cores for delimited text).
pub fn table(input: &Input) -> Result<SeizureTable, Error> {
    let (table, _, report) = with_progress(input, |p| read::open_table(&input.file, &input.spec(), p))?;
    read_note(&report);
    Ok(table)
}

/// The input as records with their lines, for checks and bulletins.
pub fn table_dataset(input: &Input) -> Result<(TableDataset, ReadReport), Error> {
    let (data, report) = with_progress(input, |p| read::open_table_dataset(&input.file, &input.spec(), p))?;
    read_note(&report);
    Ok((data, report))
}

/// The input as a dataset of records.
pub fn dataset(input: &Input) -> Result<Dataset, Error> {
    let (data, report) = read::open_dataset(&input.file, &input.spec())?;
    read_note(&report);
    Ok(data)
}
