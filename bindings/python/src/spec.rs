//! Keyword arguments into the core's specs (`QuerySpec`, `ReadSpec`): the
//! keywords are collected in a dict and deserialised with `pythonize`; every
//! word in them is read by the core, with its "did you mean" suggestions.

use crate::errors;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::de::DeserializeOwned;

/// An optional argument, given to the spec as it is.
pub type Arg<'py> = Option<Bound<'py, PyAny>>;
/// The `**options` keywords (always inside an `Option`, as pyo3 wants).
pub type Kw<'a, 'py> = &'a Bound<'py, PyDict>;

/// The spec `T` of the keyword arguments `options` and the named arguments
/// `named`; a keyword given as `None` is left at its default.
pub fn spec<T: DeserializeOwned>(
    py: Python<'_>,
    options: Option<Kw<'_, '_>>,
    named: &[(&str, Arg<'_>)],
) -> PyResult<T> {
    let dict = PyDict::new(py);
    let given = options.into_iter().flat_map(|o| o.iter());
    let named = named.iter().filter_map(|(k, v)| Some((PyString::new(py, k).into_any(), v.clone()?)));
    for (key, value) in given.chain(named).filter(|(_, v)| !v.is_none()) {
        dict.set_item(key, value)?;
    }
    pythonize::depythonize(dict.as_any()).map_err(|e| errors::spec_error(py, e))
}
