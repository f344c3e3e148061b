//! Group key values: what a result row is keyed by.

use crate::period::Granularity;
use crate::place::{CountryCode, Region, SubRegion, UnodcRegion, UnodcSubRegion};
use crate::substance::{Drug, DrugFamily, DrugGroup};
use serde::{Deserialize, Serialize};

/// One component of a group's key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyValue {
    /// The record has no value for this dimension (no country, no agency, ...),
    /// or, in the unattributed part, the time bucket it could not be put in.
    Missing,
    /// A drug.
    Drug(Drug),
    /// A drug group.
    DrugGroup(DrugGroup),
    /// A drug family.
    DrugFamily(DrugFamily),
    /// A country, origin or destination.
    Country(CountryCode),
    /// A region.
    Region(Region),
    /// A sub-region.
    SubRegion(SubRegion),
    /// A UNODC region.
    UnodcRegion(UnodcRegion),
    /// A UNODC sub-region.
    UnodcSubRegion(UnodcSubRegion),
    /// A time bucket.
    Bucket {
        /// The granularity.
        granularity: Granularity,
        /// The bucket index (see [`Granularity::bucket`]).
        index: i32,
    },
    /// Text: a name as written, a province, a locality, an agency.
    Text(String),
}

impl KeyValue {
    /// A human and CSV label: drug and group names, country codes, bucket
    /// labels (`2021-02`, `FY2024`, `SH1399`), text as is; empty when missing.
    pub fn label(&self) -> String {
        match self {
            Self::Missing => String::new(),
            Self::Drug(d) => d.name().to_owned(),
            Self::DrugGroup(g) => g.name().to_owned(),
            Self::DrugFamily(f) => f.name().to_owned(),
            Self::UnodcRegion(r) => r.name().to_owned(),
            Self::UnodcSubRegion(s) => s.name().to_owned(),
            Self::Country(c) => c.to_string(),
            Self::Region(r) => r.name().to_owned(),
            Self::SubRegion(s) => s.name().to_owned(),
            Self::Bucket { granularity, index } => granularity.label(*index),
            Self::Text(t) => t.clone(),
        }
    }

    /// The stable machine value: slugs for drugs, families and groups, else the label.
    pub fn machine(&self) -> String {
        match self {
            Self::Drug(d) => d.slug().to_owned(),
            Self::DrugGroup(g) => g.slug().to_owned(),
            Self::DrugFamily(f) => f.slug().to_owned(),
            _ => self.label(),
        }
    }
}

impl std::fmt::Display for KeyValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}
