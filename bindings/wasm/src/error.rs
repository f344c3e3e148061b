//! Core errors as JS `Error` objects: the Rust message, plus `kind` and, for
//! bad rows, `file`, `line`, `column`, `columnName`, `value`.

use narcostat::read::ReadError;
use wasm_bindgen::JsValue;

fn set(target: &js_sys::Error, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
}

/// A JS `Error` with `kind` (and optional fields).
pub fn js_error(message: &str, kind: &str, extra: Option<&[(&str, JsValue)]>) -> JsValue {
    let e = js_sys::Error::new(message);
    set(&e, "kind", JsValue::from_str(kind));
    for (k, v) in extra.unwrap_or(&[]) {
        set(&e, k, v.clone());
    }
    e.into()
}

/// Any core error as a JS `Error`: the Rust message, `kind` the word of its
/// most specific cause (`narcostat::Error::reason`, the same word as the
/// Python exception's `kind`), `category` the `narcostat::ErrorKind` word
/// (which the Python exception class maps 1:1), and for reader errors where
/// (`file`, `line`, `column`, `columnName`, `value`, `suggestions`).
pub fn error(e: narcostat::Error) -> JsValue {
    let message = e.to_string();
    let mut fields = vec![("category", JsValue::from_str(e.kind().word()))];
    if let narcostat::Error::Read(r) = &e {
        fields.extend(read_fields(r));
    }
    js_error(&message, e.reason(), Some(&fields))
}

fn read_fields(e: &ReadError) -> Vec<(&'static str, JsValue)> {
    let mut fields = vec![("file", JsValue::from_str(e.file()))];
    match e {
        ReadError::Row(r) => {
            let opt = |v: Option<String>| v.map_or(JsValue::NULL, |s| JsValue::from_str(&s));
            fields.push(("line", JsValue::from_f64(r.line as f64)));
            fields.push(("column", r.column_number.map_or(JsValue::NULL, |c| JsValue::from_f64(c as f64))));
            fields.push(("columnName", opt(r.column.clone())));
            fields.push(("value", opt(r.value.clone())));
            if let narcostat::read::RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                let arr = js_sys::Array::new();
                for s in suggestions {
                    arr.push(&JsValue::from_str(s));
                }
                fields.push(("suggestions", arr.into()));
            }
        }
        ReadError::Json { line, column, .. } => {
            fields.push(("line", JsValue::from_f64(*line as f64)));
            fields.push(("column", JsValue::from_f64(*column as f64)));
        }
        _ => {}
    }
    fields
}

/// A reader error as a JS `Error` (see [`error`]).
pub fn read_error(e: ReadError) -> JsValue {
    error(e.into())
}
