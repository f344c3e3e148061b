//! CSV rendering: exact numbers, text neutralised against formula injection.

use super::ResultTable;
use super::cell::Cell;
use crate::write::csv_text;

impl ResultTable {
    /// The table as CSV (RFC 4180 quoting): exact decimals in their shortest
    /// form, `true`/`false`, ISO days, bucket labels; text cells that a
    /// spreadsheet would run as a formula get a leading `'` (see
    /// [`csv_text`]), numbers are written as they are.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|c| field(&csv_text(&c.name))).collect();
        out.push_str(&header.join(","));
        out.push('\n');
        for row in 0..self.rows {
            let cells: Vec<String> = self
                .columns
                .iter()
                .map(|c| match c.values.cell(row) {
                    Cell::Text(t) => field(&csv_text(t)),
                    other => field(&other.text()),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }
}

/// A field quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}
