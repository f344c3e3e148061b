//! JS option objects into the core's specs, and nothing else: query options
//! into a [`QuerySpec`], reading options into a [`ReadSpec`] (plus the page's
//! `fileName`, `keepUnknown` and `mapping`), bulletin options into a period
//! and a [`BulletinFormat`]. Every word is read by the core, with its "did you mean".

use crate::QueryOptions;
use crate::error::{error, options_error};
use narcostat::Period;
use narcostat::bulletin::BulletinFormat;
use narcostat::read::ReadOptions;
use narcostat::spec::{QuerySpec, ReadSpec};
use narcostat::substance::Resolution;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

/// An options object as a JSON map without its `null`/`undefined` entries
/// (absent options), empty when the object itself is absent.
fn object(options: JsValue) -> Result<Map<String, Value>, JsValue> {
    let mut map: Map<String, Value> =
        serde_wasm_bindgen::from_value::<Option<_>>(options).map_err(options_error)?.unwrap_or_default();
    map.retain(|_, v| !v.is_null());
    Ok(map)
}

/// The map as a core spec (unknown keys and words are errors).
fn spec<T: DeserializeOwned>(map: Map<String, Value>) -> Result<T, JsValue> {
    serde_json::from_value(Value::Object(map)).map_err(options_error)
}

/// Query options: `{by, where, period, vs, fiscalStart, spanRule, measure, n, within, unit, basis, factors}`.
pub fn query(options: QueryOptions) -> Result<QuerySpec, JsValue> {
    spec(object(options.into())?)
}

/// Reading options (through the core's `ReadSpec`) and the input's name (`fileName`; "input" when absent):
/// `keepUnknown: true` is the `keep-unclassified` resolution, `mapping` the
/// generic format with that column mapping.
pub fn read(options: JsValue) -> Result<(ReadOptions, String), JsValue> {
    let mut map = object(options)?;
    let name = match map.remove("fileName").or_else(|| map.remove("file_name")) {
        None => "input".to_owned(),
        Some(Value::String(name)) => name,
        Some(other) => return Err(options_error(format!("fileName must be text, not {other}"))),
    };
    if map.remove("keepUnknown").or_else(|| map.remove("keep_unknown")) == Some(Value::Bool(true)) {
        map.insert("resolution".to_owned(), Value::String(Resolution::KeepUnclassified.to_string()));
    }
    if let Some(mapping) = map.remove("mapping") {
        map.insert("format".to_owned(), serde_json::json!({ "generic": mapping }));
    }
    Ok((spec::<ReadSpec>(map)?.options().map_err(error)?, name))
}

/// Bulletin options: `{period, format}` (text when no format is given).
pub fn bulletin(options: Option<QueryOptions>) -> Result<(Option<Period>, BulletinFormat), JsValue> {
    let mut map = object(options.map_or(JsValue::UNDEFINED, Into::into))?;
    let format = map.remove("format").map(serde_json::from_value).transpose().map_err(options_error)?;
    Ok((spec::<QuerySpec>(map)?.period, format.unwrap_or_default()))
}
