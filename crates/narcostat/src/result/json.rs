//! JSON rendering: an array of row objects with exact numbers.

use super::ResultTable;
use super::cell::Cell;

impl ResultTable {
    /// The table as a JSON array of row objects: exact decimals and whole
    /// numbers as JSON numbers (never through a float), booleans, `null` for
    /// empty cells, days and buckets as their labels.
    ///
    /// ```
    /// use narcostat::{Query, SeizureTable, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let json = ResultTable::aggregate(&t.aggregate(&Query::parse("year", "", None).unwrap()).unwrap(), OutputUnits::default()).to_json();
    /// let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    /// assert_eq!((rows[0]["year"].as_i64(), rows[0]["attributable"].as_bool()), (Some(2021), Some(true)));
    /// ```
    pub fn to_json(&self) -> String {
        let names: Vec<String> = self.columns.iter().map(|c| quote(&c.name)).collect();
        let mut out = String::from("[");
        for row in 0..self.rows {
            out.push_str(if row == 0 { "\n  {" } else { ",\n  {" });
            for (j, (name, column)) in names.iter().zip(&self.columns).enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(name);
                out.push_str(": ");
                out.push_str(&value(&column.values.cell(row)));
            }
            out.push('}');
        }
        out.push_str(if self.rows == 0 { "]\n" } else { "\n]\n" });
        out
    }
}

fn value(cell: &Cell<'_>) -> String {
    match cell {
        Cell::Null => "null".to_owned(),
        Cell::Text(t) => quote(t),
        Cell::Label(l) => quote(l),
        other => other.text(),
    }
}

/// A JSON string literal (serde_json's escaping).
fn quote(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
