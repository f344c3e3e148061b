//! The bulletin and the embedded month.

use crate::errors::{error, spec_error};
use crate::spec::{Arg, spec};
use narcostat::bulletin::{Bulletin, BulletinFormat};
use narcostat::spec::{QuerySpec, ReadSpec};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The bulletin of `records` (None: the embedded February 2021 month; a path;
/// a dataset dict; or its JSON text) for `period`, as text, markdown, html or json.
#[pyfunction]
#[pyo3(signature = (records = None, *, period = None, format = "text"))]
pub fn bulletin(py: Python<'_>, records: Option<&Bound<'_, PyAny>>, period: Arg<'_>, format: &str) -> PyResult<String> {
    let dataset = match records {
        None => narcostat::seed::bulletin_2021_02(),
        Some(r) => dataset_of(py, r)?,
    };
    let period = spec::<QuerySpec>(py, None, &[("period", period)])?.period;
    let format: BulletinFormat = format.parse().map_err(|e| spec_error(py, e))?;
    let b = Bulletin::build(&dataset, period).map_err(|e| error(py, e))?;
    Ok(b.render(format))
}

/// Records from a dataset dict, its JSON text or a path.
fn dataset_of(py: Python<'_>, r: &Bound<'_, PyAny>) -> PyResult<narcostat::Dataset> {
    let text: Option<String> = if r.is_instance_of::<PyDict>() {
        Some(py.import("json")?.call_method1("dumps", (r,))?.extract()?)
    } else {
        r.extract::<String>().ok().filter(|t| t.trim_start().starts_with('{'))
    };
    if let Some(text) = text {
        return narcostat::read::read_json_text(&text).map_err(|e| error(py, e));
    }
    let path: std::path::PathBuf = r.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err("records: expected None, a path, a dataset dict or its JSON text")
    })?;
    narcostat::read::open_dataset(&path, &ReadSpec::default()).map(|d| d.0).map_err(|e| error(py, e))
}

/// The embedded February 2021 month as a dataset dict.
#[pyfunction]
pub fn embedded_month(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.call_method1("loads", (narcostat::seed::BULLETIN_2021_02_JSON,))
}
