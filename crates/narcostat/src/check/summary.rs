//! The checks of a dataset as plain data: the report text, the reading
//! accounting and each finding described in one line, for front ends that
//! pass data on (the web page) rather than print.

use super::{Report, TableDataset, Tolerance, TotalFinding, report, report_text};
use crate::read::ReadReport;
use serde::Serialize;

/// Every check of a dataset, described by the core (the first `listed` of
/// the duplicate groups and of the outliers).
///
/// ```
/// use narcostat::check::{CheckSummary, TableDataset};
/// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
/// let read = narcostat::read::ReadReport { file: "seed".into(), format: "json".into(), ..Default::default() };
/// let s = CheckSummary::new(&data, &read, 100);
/// assert!(s.text.starts_with("seed (json): 0 rows read"));
/// assert_eq!((s.totals.len(), s.conflicts.len(), s.duplicates, s.outliers), (1, 2, 0, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckSummary {
    /// The check report, as `narcostat check` prints it.
    pub text: String,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows read into records.
    pub rows_accepted: u64,
    /// Rows rejected.
    pub rows_rejected: u64,
    /// Seizure records kept with no quantity.
    pub missing_quantities: u64,
    /// Stated totals that differ from their items at all (or cannot be checked).
    pub totals: Vec<String>,
    /// Facts stated twice with different values.
    pub conflicts: Vec<String>,
    /// How many groups of likely duplicates there are.
    pub duplicates: usize,
    /// How many records those groups hold.
    pub duplicate_records: usize,
    /// The duplicates' heading.
    pub duplicates_heading: String,
    /// The first duplicate groups, described.
    pub duplicate_groups: Vec<String>,
    /// How many outliers there are.
    pub outliers: usize,
    /// The outliers' heading.
    pub outliers_heading: String,
    /// The first outliers, described.
    pub outlier_records: Vec<String>,
}

impl CheckSummary {
    /// Runs every check on `data` (read with `read`; default tolerance,
    /// outliers over 100 times the median) and describes the findings.
    pub fn new(data: &TableDataset, read: &ReadReport, listed: usize) -> Self {
        let r = report(data, Tolerance::default(), 100.0);
        Self {
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
            duplicate_groups: r.duplicates.iter().take(listed).map(|g| g.describe(data)).collect(),
            outliers: r.outliers.len(),
            outliers_heading: r.outliers_heading(),
            outlier_records: r.outliers.iter().take(listed).map(|o| o.describe(data)).collect(),
        }
    }
}
