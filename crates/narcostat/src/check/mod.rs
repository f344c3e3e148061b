//! Consistency checks: stated totals against their items, conflicting
//! statements of one fact, likely duplicate records, outliers. They run over
//! a [`TableDataset`] (records in columns with their lines), in time
//! O(n log n) and memory that grows by tens of bytes per record, and name
//! the records (`file:line`) behind each finding.

mod conflicts;
mod duplicates;
mod load;
mod located;
mod outliers;
mod partial;
mod stated_text;
mod summary;
mod table_dataset;
mod text;
mod total_summary;
mod totals;

pub use conflicts::{Conflict, conflicts};
pub use duplicates::{DuplicateGroup, DuplicateKind, FIRST_RECORDS, duplicates};
pub use located::{LocatedGroup, LocatedOutlier, LocatedReport};
pub use outliers::{Outlier, outliers};
pub use partial::{CheckPartial, CheckPartialError};
pub use stated_text::{StatedOutcome, check_stated_items, check_stated_text};
pub use summary::CheckSummary;
pub use table_dataset::{RecordError, TableDataset};
pub use text::{LISTED, reading_text, report_text};
pub use total_summary::TotalSummary;
pub use totals::{Tolerance, TotalCheck, TotalFinding, TotalOutcome, check_stated, check_total, check_totals};

use serde::{Deserialize, Serialize};

/// Every check of a dataset at once: what `narcostat check`, the page and the bindings show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Each stated total with its check.
    pub totals: Vec<TotalFinding>,
    /// Facts stated twice with different values.
    pub conflicts: Vec<Conflict>,
    /// Groups of likely duplicate records.
    pub duplicates: Vec<DuplicateGroup>,
    /// Records over `outlier_factor` times the median of their drug in their country.
    pub outliers: Vec<Outlier>,
    /// The factor outliers are over.
    pub outlier_factor: f64,
}

impl Report {
    /// The stated totals that differ from their items beyond the tolerance, or cannot be checked.
    pub fn inconsistent_totals(&self) -> impl Iterator<Item = &TotalFinding> {
        self.totals.iter().filter(|t| t.is_inconsistent())
    }

    /// How many records the duplicate groups hold together.
    pub fn duplicate_records(&self) -> usize {
        self.duplicates.iter().map(|g| g.count).sum()
    }

    /// A conflict as one line: "participants in ...: 120 (heading) vs 122 (text)".
    pub fn describe_conflict(c: &Conflict) -> String {
        let values: Vec<String> =
            c.statements.iter().map(|(v, at)| if at.is_empty() { v.clone() } else { format!("{v} ({at})") }).collect();
        format!("{}: {}", c.fact, values.join(" vs "))
    }

    /// The duplicate finding's heading: how many groups and records, and what a duplicate is.
    pub fn duplicates_heading(&self) -> String {
        format!(
            "{} groups of likely duplicate records ({} records): identical in every field, or the same drug, \
             place, period and quantity from different agencies or documents",
            self.duplicates.len(),
            self.duplicate_records()
        )
    }

    /// The outlier finding's heading.
    pub fn outliers_heading(&self) -> String {
        format!(
            "{} records over {} times the median of their drug in their country (same measure, groups of 3 or more)",
            self.outliers.len(),
            self.outlier_factor
        )
    }
}

/// Runs every check on a dataset.
///
/// ```
/// use narcostat::check::{report, TableDataset};
/// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
/// let r = report(&data, Default::default(), 100.0);
/// assert_eq!(r.totals[0].check().unwrap().difference, "176");
/// assert_eq!(r.conflicts.len(), 2);
/// assert!(r.duplicates.is_empty() && r.outliers.is_empty());
/// ```
pub fn report(data: &TableDataset, tolerance: Tolerance, outlier_factor: f64) -> Report {
    Report {
        totals: check_totals(data, tolerance),
        conflicts: conflicts(&data.sources, &data.activities),
        duplicates: duplicates(data),
        outliers: outliers(data, outlier_factor),
        outlier_factor,
    }
}

#[cfg(test)]
mod tests;
