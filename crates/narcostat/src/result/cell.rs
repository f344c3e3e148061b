//! One value of a column as exact text, shared by the CSV, JSON and terminal renderers.

use super::values::Values;
use crate::quantity::Decimal;

/// A value of a column, borrowed, typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Empty.
    Null,
    /// Text.
    Text(&'a str),
    /// Whole number.
    Int(i64),
    /// Exact decimal.
    Decimal(Decimal),
    /// Flag.
    Bool(bool),
    /// A day or a time bucket, as its label.
    Label(String),
}

impl Values {
    /// The value at `row`.
    pub(crate) fn cell(&self, row: usize) -> Cell<'_> {
        let cell = match self {
            Self::Text(v) => v.get(row).and_then(|t| t.as_deref().map(Cell::Text)),
            Self::Int(v) => v.get(row).copied().flatten().map(Cell::Int),
            Self::Decimal { .. } => self.decimal(row).map(|d| Cell::Decimal(d.normalized())),
            Self::Bool(v) => v.get(row).copied().flatten().map(Cell::Bool),
            Self::Date(v) => v.get(row).copied().flatten().map(|d| Cell::Label(d.to_string())),
            Self::Period { granularity, values } => values.get(row).copied().flatten().map(|p| {
                Cell::Label(granularity.bucket_of_period(p).map_or_else(|| p.to_string(), |i| granularity.label(i)))
            }),
        };
        cell.unwrap_or(Cell::Null)
    }
}

impl Cell<'_> {
    /// The exact text of a value (empty for null): decimals in their shortest
    /// exact form, `true`/`false`, ISO days, bucket labels.
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Null => String::new(),
            Self::Text(t) => (*t).to_owned(),
            Self::Int(i) => i.to_string(),
            Self::Decimal(d) => d.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::Label(l) => l.clone(),
        }
    }
}
