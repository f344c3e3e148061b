//! Keyword arguments into the core's specs (`QuerySpec`, `ReadSpec`): the
//! keywords are collected in a dict and deserialised with `pythonize`; every
//! word in them is read by the core, with its "did you mean" suggestions.

use crate::errors;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::de::DeserializeOwned;

/// The spec `T` of the keyword arguments `options` and the named arguments
/// `named`; a keyword given as `None` is left at its default.
pub fn spec<T: DeserializeOwned>(
    py: Python<'_>,
    options: Option<&Bound<'_, PyDict>>,
    named: &[(&str, Option<Bound<'_, PyAny>>)],
) -> PyResult<T> {
    let dict = PyDict::new(py);
    for (key, value) in options.into_iter().flat_map(|o| o.iter()) {
        if !value.is_none() {
            dict.set_item(key, value)?;
        }
    }
    for (key, value) in named {
        if let Some(value) = value.as_ref().filter(|v| !v.is_none()) {
            dict.set_item(key, value)?;
        }
    }
    pythonize::depythonize(dict.as_any()).map_err(|e| errors::spec_error(py, e))
}
