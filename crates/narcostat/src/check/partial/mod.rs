//! The checks that need all rows, over many partitions: each partition's
//! [`CheckPartial`] is made where the partition is (a Dask worker), travels
//! in narcostat's binary form, merges with the others in any order and
//! tree, and finishes into the same [`Report`] as [`crate::check::report`]
//! on all the rows at once (the partitions' rows in partition order).
//!
//! Memory: per distinct record (every field but its line) one key of about
//! 150 bytes plus its first [`crate::check::FIRST_RECORDS`] locations;
//! per record with a quantity one amount with its location (about 40 bytes
//! plus the location text) for the exact median; per distinct (country,
//! province, drug, measure, period) one 128-bit sum for stated totals. The
//! partial is therefore linear in the records, as exact duplicate and
//! median detection must be; its size is what a file of the records costs.

mod duplicates;
mod error;
mod members;
mod outliers;
mod part;
mod totals;

pub use duplicates::DuplicateKeys;
pub use error::CheckPartialError;
pub use members::Member;
pub use outliers::OutlierGroups;
pub use part::Part;
pub use totals::ItemSums;

use super::{Report, TableDataset, Tolerance, conflicts};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What one or more partitions contribute to the checks.
///
/// ```
/// use narcostat::check::{report, CheckPartial, TableDataset};
/// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
/// let partial = CheckPartial::new(&data, 0).unwrap();
/// let bytes = partial.to_bytes().unwrap();
/// let back = CheckPartial::from_bytes(&bytes).unwrap();
/// assert_eq!(back.finish(Default::default(), 100.0), report(&data, Default::default(), 100.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckPartial {
    parts: BTreeMap<u32, Part>,
    duplicates: DuplicateKeys,
    outliers: OutlierGroups,
    items: ItemSums,
}

impl CheckPartial {
    /// The partial of partition number `part` (numbers order the
    /// partitions: the finished report numbers rows as if the partitions
    /// were one table in this order).
    pub fn new(data: &TableDataset, part: u32) -> Result<Self, CheckPartialError> {
        let limit = u32::MAX;
        if data.len() > limit as usize {
            return Err(CheckPartialError::TooManyRows { part, rows: data.len(), limit });
        }
        let mut out = Self::default();
        for row in 0..data.len() {
            let member = Member { part, row: row as u32, at: data.locate(row) };
            out.duplicates.add(data, row, member.clone())?;
            out.outliers.add(data, row, member);
            out.items.add(data, row);
        }
        let whole = Part {
            rows: data.len(),
            totals: data.reported_totals.clone(),
            activities: data.activities.clone(),
            sources: data.sources.clone(),
            read: None,
        };
        out.parts.insert(part, whole);
        Ok(out)
    }

    /// Takes in `other`, of other partitions (in any order: merging is
    /// associative and commutative). On error `self` is unchanged.
    pub fn merge(&mut self, other: &CheckPartial) -> Result<(), CheckPartialError> {
        if let Some(&part) = other.parts.keys().find(|p| self.parts.contains_key(p)) {
            return Err(CheckPartialError::SamePart { part });
        }
        self.parts.extend(other.parts.iter().map(|(k, v)| (*k, v.clone())));
        self.duplicates.merge(&other.duplicates);
        self.outliers.merge(&other.outliers);
        self.items.merge(&other.items);
        Ok(())
    }

    /// The partial with where the rows of its file went (read, accepted,
    /// rejected), for a partial made of one file.
    pub fn with_source(mut self, read: crate::spec::SourceRows) -> Self {
        if let Some(part) = self.parts.values_mut().next_back() {
            part.read = Some(read);
        }
        self
    }

    /// Where the rows of each file read went, in partition order.
    pub fn sources(&self) -> impl Iterator<Item = &crate::spec::SourceRows> + '_ {
        self.parts.values().filter_map(|p| p.read.as_ref())
    }

    /// The partition numbers held.
    pub fn parts(&self) -> impl Iterator<Item = u32> + '_ {
        self.parts.keys().copied()
    }

    /// The number of seizure records held.
    pub fn len(&self) -> usize {
        self.parts.values().map(|p| p.rows).sum()
    }

    /// Whether no record is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row of `member` in all the partitions held, in partition order.
    fn offsets(&self) -> BTreeMap<u32, usize> {
        let mut next = 0;
        self.parts
            .iter()
            .map(|(&p, part)| {
                let start = next;
                next += part.rows;
                (p, start)
            })
            .collect()
    }

    /// Where each row named in the findings was read (`file:line`), by row.
    pub fn locations(&self) -> BTreeMap<usize, String> {
        let offsets = self.offsets();
        let mut out = BTreeMap::new();
        self.duplicates.each_member(&mut |m| {
            out.insert(offsets.get(&m.part).copied().unwrap_or(0) + m.row as usize, m.at.clone());
        });
        self.outliers.each_member(&mut |m| {
            out.insert(offsets.get(&m.part).copied().unwrap_or(0) + m.row as usize, m.at.clone());
        });
        out
    }

    /// The report of every check over the records of all partitions held:
    /// the same as [`crate::check::report`] on one table of them.
    pub fn finish(&self, tolerance: Tolerance, outlier_factor: f64) -> Report {
        let offsets = self.offsets();
        let global = |m: &Member| offsets.get(&m.part).copied().unwrap_or(0) + m.row as usize;
        let parts = self.parts.values();
        let sources: Vec<_> = parts.clone().flat_map(|p| p.sources.iter().cloned()).collect();
        let activities: Vec<_> = parts.clone().flat_map(|p| p.activities.iter().cloned()).collect();
        Report {
            totals: parts.flat_map(|p| p.totals.iter()).map(|t| self.items.finding(t, tolerance)).collect(),
            conflicts: conflicts(&sources, &activities),
            duplicates: self.duplicates.groups(&global),
            outliers: self.outliers.outliers(outlier_factor, &global),
            outlier_factor,
        }
    }
}
