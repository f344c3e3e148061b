//! Kept source columns in a table: one dictionary-encoded column per name.

use super::Dict;

/// One kept source column: its name as written in the header, its distinct
/// values (`None`: the row has no value, or its file no such column) and
/// one code per row.
#[derive(Debug, Clone)]
pub(crate) struct ExtraColumn {
    pub name: String,
    pub values: Dict<Option<String>>,
    pub codes: Vec<u32>,
}

impl ExtraColumn {
    /// A column named `name` whose first `rows` rows have no value.
    pub(crate) fn new(name: &str, rows: usize) -> Self {
        let mut values = Dict::default();
        // The first code is "missing", so that padding is code 0.
        let _ = values.intern(&None, 1);
        Self { name: name.to_owned(), values, codes: vec![MISSING; rows] }
    }

    /// The code of a value, added if new; `None` past `u32::MAX` distinct values.
    pub(crate) fn intern(&mut self, value: Option<&str>) -> Option<u32> {
        self.values.intern(&value.map(str::to_owned), u32::MAX as usize)
    }

    /// Pads the column with missing values up to `rows` rows.
    pub(crate) fn pad_to(&mut self, rows: usize) {
        if self.codes.len() < rows {
            self.codes.resize(rows, MISSING);
        }
    }

    /// The value of row `i`, if any.
    pub(crate) fn value(&self, i: usize) -> Option<&str> {
        self.values.get(*self.codes.get(i)?)?.as_deref()
    }
}

/// The code of the missing value in every extra column.
pub(crate) const MISSING: u32 = 0;
