//! Reading input files through the core's `open_*`, with a progress bar on
//! terminals and what a lenient read rejected on stderr.

use crate::args::Input;
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

/// Says on stderr which columns were not read and, for a lenient read, how
/// many rows were rejected, and where and why for the first few.
fn rejected_note(input: &Input, report: &ReadReport) {
    let name = input.file.display();
    if !report.unread_columns.is_empty() {
        eprintln!("{name}: columns not read: {}", report.unread_columns.join(", "));
    }
    if !input.lenient || report.rows_rejected == 0 {
        return;
    }
    eprintln!("{name}: {} of {} rows rejected", report.rows_rejected, report.rows_read);
    for r in report.rejections.iter().take(REJECTIONS_LISTED) {
        eprintln!("  rejected {r}");
    }
    if let Some(more) = report.rejections.len().checked_sub(REJECTIONS_LISTED).filter(|n| *n > 0) {
        eprintln!("  ... and {more} more (run `narcostat check --lenient {name}` for the list)");
    }
}

/// The input as a table (on all cores for delimited text).
pub fn table(input: &Input) -> Result<SeizureTable, Error> {
    let (table, _, report) = with_progress(input, |p| read::open_table(&input.file, &input.spec(), p))?;
    rejected_note(input, &report);
    Ok(table)
}

/// The input as records with their lines, for checks and bulletins.
pub fn table_dataset(input: &Input) -> Result<(TableDataset, ReadReport), Error> {
    let (data, report) = with_progress(input, |p| read::open_table_dataset(&input.file, &input.spec(), p))?;
    rejected_note(input, &report);
    Ok((data, report))
}

/// The input as a dataset of records.
pub fn dataset(input: &Input) -> Result<Dataset, Error> {
    let (data, report) = read::open_dataset(&input.file, &input.spec())?;
    rejected_note(input, &report);
    Ok(data)
}
