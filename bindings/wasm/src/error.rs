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

/// A reader error as a JS `Error`.
pub fn read_error(e: ReadError) -> JsValue {
    let message = e.to_string();
    match &e {
        ReadError::Row(r) => {
            let opt = |v: Option<String>| v.map_or(JsValue::NULL, |s| JsValue::from_str(&s));
            let reason = serde_json::to_value(&r.reason)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str().map(str::to_owned)));
            let mut fields = vec![
                ("file", JsValue::from_str(&r.file)),
                ("line", JsValue::from_f64(r.line as f64)),
                ("column", r.column_number.map_or(JsValue::NULL, |c| JsValue::from_f64(c as f64))),
                ("columnName", opt(r.column.clone())),
                ("value", opt(r.value.clone())),
            ];
            if let narcostat::read::RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                let arr = js_sys::Array::new();
                for s in suggestions {
                    arr.push(&JsValue::from_str(s));
                }
                fields.push(("suggestions", arr.into()));
            }
            js_error(&message, reason.as_deref().unwrap_or("parse"), Some(&fields))
        }
        ReadError::Json { line, column, .. } => js_error(
            &message,
            "json",
            Some(&[("line", JsValue::from_f64(*line as f64)), ("column", JsValue::from_f64(*column as f64))]),
        ),
        _ => js_error(&message, "parse", None),
    }
}
