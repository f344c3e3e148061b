//! The checks of a table as plain data for the page: the core's report text
//! and its findings, each described by the core (the first 100 of each kind).

use crate::result::plain;
use narcostat::check::{Report, TableDataset, Tolerance, TotalFinding, report, report_text};
use narcostat::read::ReadReport;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// How many findings of each kind are listed.
const LISTED: usize = 100;

#[derive(Serialize)]
struct Check {
    /// The core's check report, as the CLI prints it.
    text: String,
    rows_read: u64,
    rows_accepted: u64,
    rows_rejected: u64,
    missing_quantities: u64,
    /// Stated totals that differ from their items at all (or cannot be checked).
    totals: Vec<String>,
    conflicts: Vec<String>,
    duplicates: usize,
    duplicate_records: usize,
    duplicates_heading: String,
    duplicate_groups: Vec<String>,
    outliers: usize,
    outliers_heading: String,
    outlier_records: Vec<String>,
}

/// The checks of `data` as read with `read`.
pub fn to_js(data: &TableDataset, read: &ReadReport) -> Result<JsValue, JsValue> {
    let r = report(data, Tolerance::default(), 100.0);
    plain(&Check {
        text: report_text(read, &r, data),
        rows_read: read.rows_read,
        rows_accepted: read.rows_accepted,
        rows_rejected: read.rows_rejected,
        missing_quantities: read.missing_quantities,
        totals: r
            .totals
            .iter()
            .filter(|t| t.check().is_none_or(|c| c.difference != "0"))
            .map(TotalFinding::describe)
            .collect(),
        conflicts: r.conflicts.iter().map(Report::describe_conflict).collect(),
        duplicates: r.duplicates.len(),
        duplicate_records: r.duplicate_records(),
        duplicates_heading: r.duplicates_heading(),
        duplicate_groups: r.duplicates.iter().take(LISTED).map(|g| g.describe(data)).collect(),
        outliers: r.outliers.len(),
        outliers_heading: r.outliers_heading(),
        outlier_records: r.outliers.iter().take(LISTED).map(|o| o.describe(data)).collect(),
    })
}
