//! Outlier detection that merges: per (drug, country, measure) group, every
//! amount with its records, so that the exact median is known at the end.

use super::members::Member;
use crate::check::table_dataset::measure_of_code;
use crate::check::{Outlier, TableDataset};
use crate::place::CountryCode;
use crate::quantity::{Quantity, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The group a record's quantity is compared within: drug, country, measure.
pub type GroupKey = (u8, Option<CountryCode>, u16);

/// The amounts of every group, each with its records (and their unit codes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutlierGroups {
    groups: BTreeMap<GroupKey, BTreeMap<i64, Vec<(Member, u8)>>>,
}

impl OutlierGroups {
    /// Adds record `row` of `data`, numbered `member`.
    pub fn add(&mut self, data: &TableDataset, row: usize, member: Member) {
        let t = data.table();
        let measure = measure_of_code(t.unit[row]);
        if measure == u16::MAX {
            return;
        }
        let country = t.places.get(t.place[row]).and_then(|p| p.country);
        let key = (t.drug[row], country, measure);
        self.groups.entry(key).or_default().entry(t.amount[row]).or_default().push((member, t.unit[row]));
    }

    /// Takes in the groups of `other` (of other partitions).
    pub fn merge(&mut self, other: &OutlierGroups) {
        for (key, amounts) in &other.groups {
            let mine = self.groups.entry(*key).or_default();
            for (amount, members) in amounts {
                mine.entry(*amount).or_default().extend(members.iter().cloned());
            }
        }
    }

    /// Calls `f` on every member kept.
    pub fn each_member(&self, f: &mut dyn FnMut(&Member)) {
        self.groups.values().flat_map(|a| a.values()).flatten().for_each(|(m, _)| f(m));
    }

    /// The outliers, as [`crate::check::outliers`] finds them, with rows
    /// numbered by `global`, ordered by row.
    pub fn outliers(&self, factor: f64, global: &dyn Fn(&Member) -> usize) -> Vec<Outlier> {
        let mut out = Vec::new();
        for amounts in self.groups.values() {
            let size: usize = amounts.values().map(Vec::len).sum();
            let Some(median) = median(amounts, size).filter(|&m| size >= 3 && m > 0) else { continue };
            for (&amount, members) in amounts {
                let ratio = amount as f64 / median as f64;
                if ratio <= factor {
                    continue;
                }
                for (member, unit) in members {
                    let Some(&unit) = Unit::ALL.get(usize::from(*unit)) else { continue };
                    let (Ok(quantity), Ok(median)) =
                        (Quantity::from_base(amount, unit), Quantity::from_base(median, unit))
                    else {
                        continue;
                    };
                    out.push(Outlier { row: global(member), quantity, median, ratio, group_size: size });
                }
            }
        }
        out.sort_by_key(|o| o.row);
        out
    }
}

/// The amount at sorted position `size / 2` (the upper middle one).
fn median(amounts: &BTreeMap<i64, Vec<(Member, u8)>>, size: usize) -> Option<i64> {
    let mut seen = 0;
    for (&amount, members) in amounts {
        seen += members.len();
        if seen > size / 2 {
            return Some(amount);
        }
    }
    None
}
