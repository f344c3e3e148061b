//! The result as one JSON document: its rows with everything said about
//! them (warnings, notes, where the rows went), for web clients.

use super::ResultTable;
use crate::aggregate::Accounting;
use serde::Serialize;

/// What the document says besides the rows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Head<'a> {
    columns: Vec<&'a str>,
    warnings: &'a [String],
    notes: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    accounting: Option<&'a Accounting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_accounting: Option<&'a Accounting>,
    accounting_text: Vec<String>,
}

impl ResultTable {
    /// The result as a JSON object: `rows` (exactly as [`ResultTable::to_json`]),
    /// `columns`, `warnings`, `notes`, where the rows went (`accounting`; a
    /// comparison's previous period in `previousAccounting`) and the
    /// accounting's sentences (`accountingText`).
    ///
    /// ```
    /// use narcostat::{SeizureTable, spec::{Operation, QuerySpec}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let spec: QuerySpec = serde_json::from_str(r#"{"by": "name", "n": 3}"#).unwrap();
    /// let doc: serde_json::Value = serde_json::from_str(&spec.run(Operation::Top, &t).unwrap().to_document_json()).unwrap();
    /// assert_eq!(doc["rows"][0]["name"], "Opium");
    /// assert_eq!(doc["columns"][0], "rank");
    /// assert!(doc["accounting"].is_object() && doc["accountingText"].is_array());
    /// ```
    pub fn to_document_json(&self) -> String {
        let head = Head {
            columns: self.column_names(),
            warnings: &self.warnings,
            notes: &self.notes,
            accounting: self.accounting.first(),
            previous_accounting: self.accounting.get(1),
            accounting_text: self.accounting.iter().filter_map(Accounting::describe).collect(),
        };
        let rows = self.to_json();
        // Text and counts always serialise (and the head always has keys);
        // were it to fail, the document would hold the rows alone.
        match serde_json::to_string(&head) {
            Ok(head) => format!("{{\"rows\": {},{}", rows.trim_end(), head.trim_start_matches('{')),
            Err(_) => format!("{{\"rows\": {}}}", rows.trim_end()),
        }
    }
}
