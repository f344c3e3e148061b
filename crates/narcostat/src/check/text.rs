//! The check report as text: what `narcostat check` prints (and the
//! bindings' text form), written once.

use super::{Report, TableDataset};
use crate::read::ReadReport;
use std::fmt::Write as _;

/// How many items of each finding the text lists before counting the rest.
pub const LISTED: usize = 20;

/// The reading accounting of `read`, then every finding of `checks` (the
/// first [`LISTED`] of each kind, then a count of the rest), one per line.
/// The records are named from `data` (`file:line`).
///
/// ```
/// use narcostat::check::{report, report_text, TableDataset};
/// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
/// let read = narcostat::read::ReadReport { file: "seed".into(), format: "json".into(), ..Default::default() };
/// let text = report_text(&read, &report(&data, Default::default(), 100.0), &data);
/// assert!(text.starts_with("seed (json): 0 rows read = 0 accepted + 0 rejected\n"));
/// assert!(text.contains("  conflicting participants"));
/// ```
pub fn report_text(read: &ReadReport, checks: &Report, data: &TableDataset) -> String {
    let mut out = reading_text(read);
    let inconsistent: Vec<_> = checks.inconsistent_totals().collect();
    line(
        &mut out,
        format_args!(
            "  {} of {} stated totals differ from their items beyond tolerance",
            inconsistent.len(),
            checks.totals.len()
        ),
    );
    listed(&mut out, &inconsistent, |t| format!("stated total {}", t.describe()));
    for c in &checks.conflicts {
        line(&mut out, format_args!("  conflicting {}", Report::describe_conflict(c)));
    }
    line(&mut out, format_args!("  {}", checks.duplicates_heading()));
    listed(&mut out, &checks.duplicates, |g| g.describe(data));
    line(&mut out, format_args!("  {}", checks.outliers_heading()));
    listed(&mut out, &checks.outliers, |o| o.describe(data));
    out
}

/// The reading accounting: rows read, accepted and rejected, what the
/// records are, the column mapping of a generic table (`columns:
/// drug=Drug Type, quantity=Qty (kg), date=Date`), the columns not read
/// and the first rejected rows.
pub fn reading_text(report: &ReadReport) -> String {
    let mut out = String::new();
    let r = report;
    line(
        &mut out,
        format_args!(
            "{} ({}): {} rows read = {} accepted + {} rejected",
            r.file, r.format, r.rows_read, r.rows_accepted, r.rows_rejected
        ),
    );
    line(
        &mut out,
        format_args!(
            "  {} seizure records, {} stated totals, {} without a quantity, {} flagged, {} zero cells skipped",
            r.seizures, r.totals, r.missing_quantities, r.flagged, r.zero_cells
        ),
    );
    if !r.mapping.is_empty() {
        let pairs: Vec<String> = r.mapping.iter().map(|(role, header)| format!("{role}={header}")).collect();
        line(&mut out, format_args!("  columns: {}", pairs.join(", ")));
    }
    if !r.unread_columns.is_empty() {
        line(&mut out, format_args!("  columns not read: {}", r.unread_columns.join(", ")));
    }
    for rejection in r.rejections.iter().take(LISTED) {
        line(&mut out, format_args!("  rejected {rejection}"));
    }
    if r.rejections.len() > LISTED {
        line(&mut out, format_args!("  ... and {} more rejected rows", r.rejections.len() - LISTED));
    }
    out
}

fn line(out: &mut String, args: std::fmt::Arguments<'_>) {
    // Writing to a String cannot fail.
    let _ = out.write_fmt(args);
    out.push('\n');
}

/// Lines for the first [`LISTED`] items and a count of the rest.
fn listed<T>(out: &mut String, items: &[T], describe: impl Fn(&T) -> String) {
    for item in items.iter().take(LISTED) {
        line(out, format_args!("    {}", describe(item)));
    }
    if items.len() > LISTED {
        line(out, format_args!("    ... and {} more", items.len() - LISTED));
    }
}
