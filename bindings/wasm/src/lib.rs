//! The WebAssembly binding of narcostat: JS options deserialise into the
//! core's specs, results render from its `ResultTable`, errors map from
//! `narcostat::Error`; every word and every figure comes from the core
//! (built without rayon or Arrow).

mod check;
mod error;
mod options;
mod result;
mod table;
mod words;

pub use table::JsSeizureTable;
pub use words::{drugs, resolve, vocabulary};

use error::error;
use narcostat::check::Tolerance;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Checks a stated total ("about 58383 kg") against item quantities.
#[wasm_bindgen(js_name = checkTotal)]
pub fn check_total_js(stated: &str, items: Vec<String>) -> Result<JsValue, JsValue> {
    let quantities =
        items.iter().map(|i| narcostat::Quantity::parse(i)).collect::<Result<Vec<_>, _>>().map_err(error)?;
    let c = narcostat::check::check_stated(stated, &quantities, Tolerance::default()).map_err(error)?;
    #[derive(Serialize)]
    struct Out {
        difference: String,
        relative: f64,
        consistent: bool,
        message: String,
    }
    result::plain(&Out {
        message: c.describe(),
        difference: c.difference,
        relative: c.relative,
        consistent: c.consistent,
    })
}
