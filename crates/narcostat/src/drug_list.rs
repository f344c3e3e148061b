//! A set of drugs or drug groups that a total or filter covers.

use crate::substance::{Drug, DrugGroup};
use serde::{Deserialize, Serialize};

/// Which drugs something covers: all, or a list of drugs and groups.
///
/// The serde form is a list of slugs (`["opium", "heroin", "ats"]`); an empty
/// list means every drug.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrugList {
    /// The drugs named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drugs: Vec<Drug>,
    /// The groups named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<DrugGroup>,
}

impl DrugList {
    /// Every drug.
    pub fn all() -> Self {
        Self::default()
    }

    /// Whether this covers every drug.
    pub fn is_all(&self) -> bool {
        self.drugs.is_empty() && self.groups.is_empty()
    }

    /// Whether `drug` is covered.
    pub fn contains(&self, drug: Drug) -> bool {
        self.is_all() || self.drugs.contains(&drug) || self.groups.contains(&drug.group())
    }
}
