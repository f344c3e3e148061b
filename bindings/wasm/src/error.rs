//! Core errors as JS `Error` objects: the core's message, `kind` (the word of
//! its most specific cause), `category` (the `narcostat::ErrorKind` word) and,
//! for bad input, `file`, `line`, `column`, `columnName`, `value`, `suggestions`.

use narcostat::ErrorKind;
use narcostat::read::{ReadError, RowError};
use wasm_bindgen::JsValue;

fn set(target: &js_sys::Error, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
}

/// A JS `Error` with `kind`, `category` and further fields.
fn js_error(message: &str, kind: &str, category: ErrorKind, fields: &[(&str, JsValue)]) -> JsValue {
    let e = js_sys::Error::new(message);
    set(&e, "kind", JsValue::from_str(kind));
    set(&e, "category", JsValue::from_str(category.word()));
    for (k, v) in fields {
        set(&e, k, v.clone());
    }
    e.into()
}

/// Any core error as a JS `Error`: `kind` is `narcostat::Error::reason`
/// (the Python exception's `kind`), `category` `narcostat::Error::kind`.
pub fn error(e: impl Into<narcostat::Error>) -> JsValue {
    let e = e.into();
    let fields = match &e {
        narcostat::Error::Read(r) => read_fields(r),
        _ => Vec::new(),
    };
    js_error(&e.to_string(), e.reason(), e.kind(), &fields)
}

/// Options that do not deserialise into the core's specs (an unknown word,
/// with the core's "did you mean", or a value of the wrong shape): a query error.
pub fn options_error(e: impl std::fmt::Display) -> JsValue {
    js_error(&format!("invalid options: {e}"), ErrorKind::Query.word(), ErrorKind::Query, &[])
}

/// Where a reading error is: the file, and the line, column and value of a bad row.
fn read_fields(e: &ReadError) -> Vec<(&'static str, JsValue)> {
    let number = |n: u64| JsValue::from_f64(n as f64);
    let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let mut fields = vec![("file", JsValue::from_str(e.file()))];
    match e {
        ReadError::Row(r) => {
            fields.push(("line", number(r.line)));
            fields.push(("column", r.column_number.map_or(JsValue::NULL, |c| number(c as u64))));
            fields.push(("columnName", text(&r.column)));
            fields.push(("value", text(&r.value)));
            if let RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                let list: js_sys::Array = suggestions.iter().map(|s| JsValue::from_str(s)).collect();
                fields.push(("suggestions", list.into()));
            }
        }
        ReadError::Json { line, column, .. } => {
            fields.extend([("line", number(*line as u64)), ("column", number(*column as u64))]);
        }
        _ => {}
    }
    fields
}
