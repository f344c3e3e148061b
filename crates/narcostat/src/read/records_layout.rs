//! narcostat's own records CSV (what `convert --to csv` writes), read back
//! as it was written: the substance from `name` (the name as written, which
//! `drug` only classifies), `specific_name` and `country_name` into their
//! fields, and the derived `drug` and `drug_group` read, not kept.

use super::cells::find;
use crate::write::RECORD_COLUMNS;

/// The columns of a records header that the generic mapping does not cover.
#[derive(Debug, Clone)]
pub(super) struct RecordsColumns {
    /// The name as written: the substance.
    pub name: usize,
    /// The specific name (UNODC's `SpecificDrugName`).
    pub specific: usize,
    /// The country's name as written.
    pub country_name: usize,
    /// Columns narcostat derives again on reading (`drug`, `drug_group`).
    pub derived: [usize; 2],
}

impl RecordsColumns {
    /// The records columns of `header`, when it has every column `convert` writes.
    pub(super) fn of(header: &[String]) -> Option<Self> {
        let at = |name: &str| find(header, &[name]);
        if !RECORD_COLUMNS.iter().all(|c| at(c).is_some()) {
            return None;
        }
        Some(Self {
            name: at("name")?,
            specific: at("specific_name")?,
            country_name: at("country_name")?,
            derived: [at("drug")?, at("drug_group")?],
        })
    }

    /// Every column these cover.
    pub(super) fn used(&self) -> impl Iterator<Item = usize> + '_ {
        [self.name, self.specific, self.country_name].into_iter().chain(self.derived)
    }
}
