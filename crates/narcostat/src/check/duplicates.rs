//! Likely duplicate records, found as groups in one hashing pass: records
//! of the same drug, place, period and quantity that are identical in every
//! other field too, or that come from different agencies or documents.

use super::table_dataset::{TableDataset, measure_of_code};
use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

/// How many of a group's records are named (the first ones in the file).
pub const FIRST_RECORDS: usize = 10;

/// Why records look like one seizure reported more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// Records identical in every field (only their line differs).
    Identical,
    /// The same drug, place, period and quantity from different agencies or documents.
    AcrossSources,
}

/// Records that look like one seizure reported more than once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateGroup {
    /// Why they look alike.
    pub kind: DuplicateKind,
    /// How many records the group has.
    pub count: usize,
    /// How many different (agency, document) pairs they come from.
    pub sources: usize,
    /// The first [`FIRST_RECORDS`] records (indices into the table), in file order.
    pub rows: Vec<usize>,
}

impl DuplicateGroup {
    /// The group in one sentence, with where its first records are.
    pub fn describe(&self, data: &TableDataset) -> String {
        let first = self.rows.first().copied().unwrap_or(0);
        let what = data.record(first).map_or_else(String::new, |s| {
            let quantity = s.quantity.map_or_else(|| "no quantity".to_owned(), |q| q.to_string());
            format!("{}, {}, {}, {quantity}", s.substance.name, s.place.label(), s.period)
        });
        let kind = match self.kind {
            DuplicateKind::Identical => format!("{} identical records", self.count),
            DuplicateKind::AcrossSources => {
                format!("{} records from {} agencies or documents", self.count, self.sources)
            }
        };
        let lines: Vec<String> = self.rows.iter().map(|&r| data.locate(r)).collect();
        let more = if self.count > self.rows.len() {
            format!(" and {} more", self.count - self.rows.len())
        } else {
            String::new()
        };
        format!("{what}: {kind} at {}{more}", lines.join(", "))
    }
}

/// What makes two records the same seizure: drug, place, period, measure and amount.
fn seizure_key(data: &TableDataset, r: usize) -> (u8, u32, i32, u16, u16, i64) {
    let t = data.table();
    (t.drug[r], t.place[r], t.start[r], t.span[r], measure_of_code(t.unit[r]), t.amount[r])
}

/// [`seizure_key`] by content rather than by the table's codes, so that
/// records of different tables compare.
pub(crate) fn seizure_key_of(data: &TableDataset, r: usize) -> (u8, crate::place::Place, i32, u16, u16, i64) {
    let t = data.table();
    let place = t.places.get(t.place[r]).cloned().unwrap_or_default();
    (t.drug[r], place, t.start[r], t.span[r], measure_of_code(t.unit[r]), t.amount[r])
}

/// Where a record comes from: agency and document.
fn source_key(data: &TableDataset, r: usize) -> (u16, u32) {
    (data.table().agency[r], data.document_code(r))
}

/// Every other field: name, unit as written, seizure events, route, details,
/// kept source columns (a CBP land filter).
fn rest_key(data: &TableDataset, r: usize) -> ((u32, u8, u32, u16, u32), Vec<u32>) {
    let t = data.table();
    let kept = t.extra.iter().map(|c| c.codes.get(r).copied().unwrap_or(0)).collect();
    ((t.name[r], t.unit[r], t.seizures[r], t.route[r], data.detail_code(r)), kept)
}

/// Likely duplicate records, as groups ordered by their first record. A group
/// is the records of one drug, place, period and quantity when they come from
/// two or more agencies or documents; otherwise each set of records identical
/// in every field is one. Runs in O(n log n) time and 16 bytes per record.
pub fn duplicates(data: &TableDataset) -> Vec<DuplicateGroup> {
    let mut hashed: Vec<(u64, usize)> = (0..data.len())
        .map(|r| {
            let mut h = FxHasher::default();
            seizure_key(data, r).hash(&mut h);
            (h.finish(), r)
        })
        .collect();
    hashed.sort_unstable();
    let mut out = Vec::new();
    let mut same_hash: Vec<usize> = Vec::new();
    for run in hashed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        same_hash.clear();
        same_hash.extend(run.iter().map(|&(_, r)| r));
        // Equal hashes of different keys are split apart here.
        same_hash.sort_by_key(|&r| (seizure_key(data, r), r));
        for same in same_hash.chunk_by(|&a, &b| seizure_key(data, a) == seizure_key(data, b)) {
            if same.len() > 1 {
                groups_of(data, same, &mut out);
            }
        }
    }
    out.sort_by_key(|g| g.rows.first().copied());
    out
}

/// The groups among records of one seizure key (in row order).
fn groups_of(data: &TableDataset, same: &[usize], out: &mut Vec<DuplicateGroup>) {
    let mut sources: Vec<(u16, u32)> = same.iter().map(|&r| source_key(data, r)).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() > 1 {
        out.push(group(DuplicateKind::AcrossSources, same, sources.len()));
        return;
    }
    let mut rest: Vec<usize> = same.to_vec();
    rest.sort_by_key(|&r| (rest_key(data, r), r));
    for identical in rest.chunk_by(|&a, &b| rest_key(data, a) == rest_key(data, b)) {
        if identical.len() > 1 {
            out.push(group(DuplicateKind::Identical, identical, 1));
        }
    }
}

/// A group of `rows` (sorted).
fn group(kind: DuplicateKind, rows: &[usize], sources: usize) -> DuplicateGroup {
    DuplicateGroup { kind, count: rows.len(), sources, rows: rows.iter().take(FIRST_RECORDS).copied().collect() }
}
