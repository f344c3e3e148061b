//! Where a record of a partition is, and the first few records of a group.

use serde::{Deserialize, Serialize};

/// A record of one partition: the partition, its row there and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Member {
    /// The partition's number (see [`super::CheckPartial::new`]).
    pub part: u32,
    /// The record's row in its partition.
    pub row: u32,
    /// Where it was read (`file:line`, `record N`).
    pub at: String,
}

/// How many records share a key, with the first `FIRST_RECORDS` of them in
/// (partition, row) order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Members {
    /// How many records.
    pub count: usize,
    /// The first ones, in (partition, row) order.
    pub first: Vec<Member>,
}

impl Members {
    /// Adds a record (of a partition not merged yet).
    pub fn add(&mut self, member: Member) {
        self.count += 1;
        self.first.push(member);
        self.keep_first();
    }

    /// Takes in the records of `other`.
    pub fn merge(&mut self, other: &Members) {
        self.count += other.count;
        self.first.extend(other.first.iter().cloned());
        self.keep_first();
    }

    fn keep_first(&mut self) {
        self.first.sort();
        self.first.truncate(crate::check::FIRST_RECORDS);
    }
}
