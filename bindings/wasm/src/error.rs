//! Core errors as JS `Error` objects: the core's message, and its
//! [`narcostat::Details`] as properties: `kind` (the word of the most specific cause),
//! `category` (the `narcostat::ErrorKind` word) and, for bad input, `file`,
//! `line`, `column`, `columnName`, `value`, `suggestions`.

use narcostat::spec::SpecError;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Any core error as a JS `Error`.
pub fn error(e: impl Into<narcostat::Error>) -> JsValue {
    let e = e.into();
    let js = js_sys::Error::new(&e.to_string());
    // Not through `crate::plain`, whose own errors come here.
    if let Ok(fields) = e.details().serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        js_sys::Object::assign(&js, fields.unchecked_ref());
    }
    js.into()
}

/// Options that do not deserialise into the core's specs (an unknown word,
/// with the core's "did you mean", or a value of the wrong shape): a query error.
pub fn options_error(e: impl std::fmt::Display) -> JsValue {
    error(SpecError::Invalid { message: e.to_string() })
}
