//! A core [`ResultTable`] as the JS `QueryResult`: `columns`, `rows` (objects
//! keyed by column, parsed from the core's exact JSON: numbers as JS numbers,
//! booleans, buckets as labels), `warnings`, `notes`, and where the rows went
//! (`accounting`; a comparison's previous period in `previousAccounting`;
//! the core's sentences in `accountingText`).

use crate::error::options_error;
use narcostat::aggregate::Accounting;
use narcostat::result::ResultTable;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Shape<'a> {
    columns: Vec<&'a str>,
    warnings: &'a [String],
    notes: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    accounting: Option<&'a Accounting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_accounting: Option<&'a Accounting>,
    accounting_text: Vec<String>,
}

/// Any serialisable value as plain JS data (objects, numbers, arrays).
pub fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(options_error)
}

/// The result table as a `QueryResult`.
pub fn to_js(table: &ResultTable) -> Result<JsValue, JsValue> {
    let shape = Shape {
        columns: table.column_names(),
        warnings: &table.warnings,
        notes: &table.notes,
        accounting: table.accounting.first(),
        previous_accounting: table.accounting.get(1),
        accounting_text: table.accounting.iter().filter_map(Accounting::describe).collect(),
    };
    let out = plain(&shape)?;
    let rows = js_sys::JSON::parse(&table.to_json())?;
    js_sys::Reflect::set(&out, &JsValue::from_str("rows"), &rows)?;
    Ok(out)
}
