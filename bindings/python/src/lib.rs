//! The Python binding of narcostat: keywords deserialise into the core's
//! specs, results render from its `ResultTable`, errors map from its
//! `ErrorKind`; every figure and every word comes from the core crate.

mod bulletin;
mod checks;
mod errors;
mod partial;
mod result;
mod spec;
mod table;
mod vocabulary;

use pyo3::prelude::*;

/// Checks a stated total ("about 58383 kg") against item quantities ("47767 kg", ...).
#[pyfunction]
#[pyo3(signature = (stated, items, *, tolerance = 0.005))]
fn check_total<'py>(py: Python<'py>, stated: &str, items: Vec<String>, tolerance: f64) -> PyResult<Bound<'py, PyAny>> {
    let tolerance = narcostat::check::Tolerance { about: tolerance };
    let check = narcostat::check::check_stated_items(stated, &items, tolerance).map_err(|e| errors::error(py, e))?;
    Ok(pythonize::pythonize(py, &check.summary())?)
}

#[pymodule]
mod _narcostat {
    #[pymodule_export]
    use super::{
        bulletin::{bulletin, embedded_month},
        check_total,
        checks::{PyCheckPartial, check_file, check_partial_of_file},
        partial::{PyPartial, partial, partial_of_file},
        result::PyResultTable,
        table::{PySeizureTable, read_csv},
        vocabulary::{drugs, resolve, vocabulary},
    };

    /// The package version.
    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
