//! A named, typed column of a result and its role.

use super::values::Values;
use serde::{Deserialize, Serialize};

/// What a column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A grouping key (drug, country, year, ...).
    Key,
    /// A measure: a quantity, a count, a share or a change.
    Measure,
    /// Information about the row: flags such as `attributable` or
    /// `is_total`, a status, a basis, the first and last day covered.
    Info,
}

/// A named, typed column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The machine name, with the unit for quantities (`mass_kg`), no spaces.
    pub name: String,
    /// What the column is for.
    pub role: Role,
    /// The values, one per row.
    pub values: Values,
}

impl Column {
    /// A column.
    pub fn new(name: impl Into<String>, role: Role, values: Values) -> Self {
        Self { name: name.into(), role, values }
    }
}
