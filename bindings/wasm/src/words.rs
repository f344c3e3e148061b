//! The core's vocabulary for the page's menus: every word list, the drug
//! catalogue and what a filter word matches.

use crate::error::error;
use crate::result::plain;
use narcostat::substance::{catalogue, resolve_word};
use narcostat::vocabulary::Vocabulary;
use wasm_bindgen::prelude::*;

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
    plain(&resolve_word(word).map_err(error)?)
}
