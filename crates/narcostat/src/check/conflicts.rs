//! One fact stated more than once with different values.

use crate::record::{Activity, ActivityKind, SourceDocument};
use serde::{Deserialize, Serialize};

/// One fact stated with different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What the fact is.
    pub fact: String,
    /// The values with where each is stated.
    pub statements: Vec<(String, String)>,
}

/// Facts stated more than once with different values: training
/// participants (a heading's 120 vs a text's 122), a source's period.
pub fn conflicts(sources: &[SourceDocument], activities: &[Activity]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for src in sources {
        let values: Vec<_> = src.period_statements.iter().map(|s| s.value).collect();
        if values.windows(2).any(|w| w[0] != w[1]) {
            out.push(Conflict {
                fact: format!("period covered by \"{}\"", src.title),
                statements: src
                    .period_statements
                    .iter()
                    .map(|s| (s.value.to_string(), s.stated_in.clone().unwrap_or_default()))
                    .collect(),
            });
        }
    }
    for a in activities {
        if let ActivityKind::Training { participants, .. } = &a.kind {
            if participants.windows(2).any(|w| w[0].value != w[1].value) {
                out.push(Conflict {
                    fact: format!("participants in \"{}\"", a.title),
                    statements: participants
                        .iter()
                        .map(|s| (s.value.to_string(), s.stated_in.clone().unwrap_or_default()))
                        .collect(),
                });
            }
        }
    }
    out
}
