//! The WebAssembly binding of narcostat (built without rayon or Arrow): JS
//! options deserialise into the core's specs, results render from its
//! `ResultTable`, errors map from `narcostat::Error`, and the core's words
//! fill the page's menus; every word and every figure comes from the core.

mod error;
mod options;
mod table;

pub use table::JsSeizureTable;

use narcostat::substance::{catalogue, resolve_word};
use narcostat::vocabulary::Vocabulary;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// Query and bulletin options (`QueryOptions` of `types.d.ts`): the core's `QuerySpec` as an object.
    #[wasm_bindgen(typescript_type = "QueryOptions")]
    pub type QueryOptions;
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Any serialisable value as plain JS data (objects, numbers, arrays).
fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(error::options_error)
}

/// Checks a stated total ("about 58383 kg") against item quantities:
/// `{difference, relative, consistent, message}`.
#[wasm_bindgen(js_name = checkTotal)]
pub fn check_total_js(stated: &str, items: Vec<String>) -> Result<JsValue, JsValue> {
    plain(&narcostat::check::check_stated_text(stated, &items).map_err(error::error)?)
}

/// Every word list: `dimensions`, `granularities`, `units`, `measures`, `span_rules`, ...
#[wasm_bindgen(unchecked_return_type = "Vocabulary")]
pub fn vocabulary() -> Result<JsValue, JsValue> {
    plain(&Vocabulary::get())
}

/// Every drug of the taxonomy: `{group, family, drug, slug, names}`.
#[wasm_bindgen(unchecked_return_type = "DrugEntry[]")]
pub fn drugs() -> Result<JsValue, JsValue> {
    plain(&catalogue())
}

/// What a filter word matches (its widest natural meaning): `{word, level, name, drugs}`;
/// an unknown word throws with suggestions.
#[wasm_bindgen(unchecked_return_type = "WordMatch")]
pub fn resolve(word: &str) -> Result<JsValue, JsValue> {
    plain(&resolve_word(word).map_err(error::error)?)
}
