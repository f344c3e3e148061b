//! A set of records from one or more sources.

use super::{Activity, ReportedTotal, Seizure, Stated};
use crate::period::Period;
use serde::{Deserialize, Serialize};

/// A document that records come from (a bulletin, a table).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Its title.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The periods it says it covers, each with where it says so (a heading
    /// and a sentence can disagree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub period_statements: Vec<Stated<Period>>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Seizures, stated totals and activities together: the unit narcostat
/// reads, checks, aggregates and writes bulletins from.
///
/// The JSON shape is this struct's serde form: `{"sources": [...],
/// "seizures": [...], "reported_totals": [...], "activities": [...]}`, every
/// list optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// The documents the records come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDocument>,
    /// Seizure records.
    #[serde(default)]
    pub seizures: Vec<Seizure>,
    /// Totals as sources state them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_totals: Vec<ReportedTotal>,
    /// Programme activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
}

impl Dataset {
    /// Appends another dataset's records.
    pub fn extend(&mut self, other: Dataset) {
        self.sources.extend(other.sources);
        self.seizures.extend(other.seizures);
        self.reported_totals.extend(other.reported_totals);
        self.activities.extend(other.activities);
    }
}
