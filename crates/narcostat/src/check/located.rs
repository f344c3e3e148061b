//! A check report with each named record given by where it was read, for
//! front ends that hold no table (a report merged from many partitions).

use super::{DuplicateKind, Report, TotalFinding};
use serde::Serialize;

/// A duplicate group with where its first records are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocatedGroup {
    /// Why the records look alike.
    pub kind: DuplicateKind,
    /// How many records the group has.
    pub count: usize,
    /// How many (agency, document) pairs they come from.
    pub sources: usize,
    /// Where the first records are (`file:line`), in order.
    pub records: Vec<String>,
}

/// An outlier with where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocatedOutlier {
    /// Where the record is (`file:line`).
    pub at: String,
    /// Its quantity.
    pub quantity: String,
    /// The median of its drug, country and measure, in its unit.
    pub median: String,
    /// quantity / median.
    pub ratio: f64,
    /// How many records the median is taken over.
    pub group_size: usize,
}

/// Every finding of a [`Report`], records named by where they were read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocatedReport {
    /// Each stated total checked, in one line.
    pub totals: Vec<String>,
    /// Facts stated twice with different values, in one line each.
    pub conflicts: Vec<String>,
    /// What the duplicate groups are.
    pub duplicates_heading: String,
    /// The duplicate groups.
    pub duplicates: Vec<LocatedGroup>,
    /// What the outliers are.
    pub outliers_heading: String,
    /// The outliers.
    pub outliers: Vec<LocatedOutlier>,
}

impl Report {
    /// The report with every record named by `locate` (a row to `file:line`).
    ///
    /// ```
    /// use narcostat::check::{report, TableDataset};
    /// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
    /// let located = report(&data, Default::default(), 100.0).located(&|r| data.locate(r));
    /// assert_eq!(located.totals.len(), 1);
    /// ```
    pub fn located(&self, locate: &dyn Fn(usize) -> String) -> LocatedReport {
        LocatedReport {
            totals: self.totals.iter().map(TotalFinding::describe).collect(),
            conflicts: self.conflicts.iter().map(Report::describe_conflict).collect(),
            duplicates_heading: self.duplicates_heading(),
            duplicates: self
                .duplicates
                .iter()
                .map(|g| LocatedGroup {
                    kind: g.kind,
                    count: g.count,
                    sources: g.sources,
                    records: g.rows.iter().map(|&r| locate(r)).collect(),
                })
                .collect(),
            outliers_heading: self.outliers_heading(),
            outliers: self
                .outliers
                .iter()
                .map(|o| LocatedOutlier {
                    at: locate(o.row),
                    quantity: o.quantity.to_string(),
                    median: o.median.to_string(),
                    ratio: o.ratio,
                    group_size: o.group_size,
                })
                .collect(),
        }
    }
}
