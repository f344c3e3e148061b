//! The core's vocabulary for Python: the drug catalogue, what a word
//! matches, every word list.

use crate::errors::error;
use pyo3::prelude::*;

/// The drug catalogue: one dict per drug (group, family, drug, slug, names).
#[pyfunction]
pub fn drugs(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize::pythonize(py, &narcostat::substance::catalogue())?)
}

/// What a filter word matches: the level (group, family or drug), its name
/// and the drugs it covers; `UnknownSubstanceError` with suggestions otherwise.
#[pyfunction]
pub fn resolve<'py>(py: Python<'py>, word: &str) -> PyResult<Bound<'py, PyAny>> {
    let matched = narcostat::substance::resolve_word(word).map_err(|e| error(py, e))?;
    Ok(pythonize::pythonize(py, &matched)?)
}

/// Every word list (dimensions, units, measures, formats, ...) as a dict of lists.
#[pyfunction]
pub fn vocabulary(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize::pythonize(py, &narcostat::vocabulary::Vocabulary::get())?)
}
