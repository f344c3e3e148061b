//! What a partition contributes whole: its size and its stated totals,
//! activities and source documents.

use crate::record::{Activity, ReportedTotal, SourceDocument};
use crate::spec::SourceRows;
use serde::{Deserialize, Serialize};

/// One partition's records count and the statements that came with them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// How many seizure records the partition has.
    pub rows: usize,
    /// Its stated totals.
    pub totals: Vec<ReportedTotal>,
    /// Its activities (for conflicting statements).
    pub activities: Vec<Activity>,
    /// Its source documents (for conflicting statements).
    pub sources: Vec<SourceDocument>,
    /// Where the rows of the file it was read from went, when it was read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<SourceRows>,
}
