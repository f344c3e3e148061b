//! Duplicate detection that merges: per seizure key (drug, place, period,
//! measure, amount), per source (agency, document), per every other field,
//! the count of records and the first few of them.

use super::error::CheckPartialError;
use super::members::{Member, Members};
use crate::check::duplicates::seizure_key_of;
use crate::check::{DuplicateGroup, DuplicateKind, FIRST_RECORDS, TableDataset};
use crate::place::Place;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What makes two records the same seizure, by content: drug, place, start, span, measure, amount.
pub type SeizureKey = (u8, Place, i32, u16, u16, i64);
/// Where a record comes from: agency and document.
pub type SourceKey = (Option<String>, Option<String>);
/// Records of one seizure key: per source, per every other field (the
/// record without its source, as JSON), their members.
pub type Sources = BTreeMap<SourceKey, BTreeMap<String, Members>>;

/// The duplicate keys of records merged so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DuplicateKeys {
    keys: BTreeMap<SeizureKey, Sources>,
}

impl DuplicateKeys {
    /// Adds record `row` of `data`, numbered `member`.
    pub fn add(&mut self, data: &TableDataset, row: usize, member: Member) -> Result<(), CheckPartialError> {
        let Some(mut record) = data.record(row) else { return Ok(()) };
        let source = (record.agency.clone(), data.document(row).map(str::to_owned));
        record.source = None;
        let rest = serde_json::to_string(&record)
            .map_err(|e| CheckPartialError::Record { at: member.at.clone(), reason: e.to_string() })?;
        let key = seizure_key_of(data, row);
        self.keys.entry(key).or_default().entry(source).or_default().entry(rest).or_default().add(member);
        Ok(())
    }

    /// Takes in the keys of `other` (of other partitions).
    pub fn merge(&mut self, other: &DuplicateKeys) {
        for (key, sources) in &other.keys {
            let mine = self.keys.entry(key.clone()).or_default();
            for (source, rests) in sources {
                let mine = mine.entry(source.clone()).or_default();
                for (rest, members) in rests {
                    mine.entry(rest.clone()).or_default().merge(members);
                }
            }
        }
    }

    /// Calls `f` on every member kept.
    pub fn each_member(&self, f: &mut dyn FnMut(&Member)) {
        let members = self.keys.values().flat_map(|s| s.values()).flat_map(|r| r.values());
        members.flat_map(|m| m.first.iter()).for_each(f);
    }

    /// The duplicate groups, as [`crate::check::duplicates`] finds them, with
    /// rows numbered by `global` and ordered by their first record.
    pub fn groups(&self, global: &dyn Fn(&Member) -> usize) -> Vec<DuplicateGroup> {
        let mut out = Vec::new();
        for sources in self.keys.values() {
            let count: usize = sources.values().flat_map(|r| r.values()).map(|m| m.count).sum();
            if count < 2 {
                continue;
            }
            if sources.len() > 1 {
                let all = sources.values().flat_map(|r| r.values());
                out.push(group(DuplicateKind::AcrossSources, count, sources.len(), all, global));
                continue;
            }
            for members in sources.values().flat_map(|r| r.values()).filter(|m| m.count > 1) {
                out.push(group(DuplicateKind::Identical, members.count, 1, [members].into_iter(), global));
            }
        }
        out.sort_by_key(|g| g.rows.first().copied());
        out
    }
}

/// A group of `count` records whose first ones are among `members`.
fn group<'a>(
    kind: DuplicateKind,
    count: usize,
    sources: usize,
    members: impl Iterator<Item = &'a Members>,
    global: &dyn Fn(&Member) -> usize,
) -> DuplicateGroup {
    let mut rows: Vec<usize> = members.flat_map(|m| m.first.iter()).map(global).collect();
    rows.sort_unstable();
    rows.truncate(FIRST_RECORDS);
    DuplicateGroup { kind, count, sources, rows }
}
