//! The checks that need all rows, over many files (Dask): each file's
//! `CheckPartial` is made by the core in a worker, merged by the core and
//! finished into the same report `check_file` gives for all the rows.

use crate::errors::error;
use crate::partial::format_error;
use crate::spec::{Kw, spec};
use narcostat::check::{CheckPartial, Tolerance, report};
use narcostat::spec::{ReadSpec, SourceRows};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// What one or more files contribute to the checks: merge the partials of
/// all files (`merge`, in any order) and `finish` them into the report.
#[pyclass(name = "CheckPartial", module = "narcostat", frozen)]
pub struct PyCheckPartial {
    inner: CheckPartial,
}

/// The report as a dict: totals, conflicts, duplicates (kind, count,
/// sources, records), outliers (at, quantity, median, ratio, group_size),
/// with the rows of each file read.
fn findings<'py>(
    py: Python<'py>,
    located: &narcostat::check::LocatedReport,
    sources: &[&SourceRows],
) -> PyResult<Bound<'py, PyAny>> {
    let dict = pythonize::pythonize(py, located)?;
    dict.set_item("sources", pythonize::pythonize(py, &sources)?)?;
    Ok(dict)
}

/// Reads the file `path` with the `read` options (those of `read_csv`) and
/// makes its check partial, numbered `part` (numbers order the files: the
/// finished report lists records in that order).
#[pyfunction]
#[pyo3(signature = (path, part, read = None))]
pub fn check_partial_of_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    part: u32,
    read: Option<Kw<'_, '_>>,
) -> PyResult<PyCheckPartial> {
    let read: ReadSpec = spec(py, read, &[])?;
    let (data, report) =
        py.detach(|| narcostat::read::open_table_dataset(&path, &read, &mut |_| {})).map_err(|e| error(py, e))?;
    let inner = py.detach(|| CheckPartial::new(&data, part)).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyCheckPartial { inner: inner.with_source(SourceRows::from(&report)) })
}

/// Every check of the file `path` on one machine (stated totals, conflicts,
/// duplicates, outliers), as a dict of the same shape as `CheckPartial.finish`.
#[pyfunction]
#[pyo3(signature = (path, read = None, *, tolerance = 0.005, outlier_factor = 100.0))]
pub fn check_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    read: Option<Kw<'_, '_>>,
    tolerance: f64,
    outlier_factor: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let read: ReadSpec = spec(py, read, &[])?;
    let (data, rows) =
        py.detach(|| narcostat::read::open_table_dataset(&path, &read, &mut |_| {})).map_err(|e| error(py, e))?;
    let located = report(&data, Tolerance { about: tolerance }, outlier_factor).located(&|r| data.locate(r));
    findings(py, &located, &[&SourceRows::from(&rows)])
}

#[pymethods]
impl PyCheckPartial {
    /// A new partial: this one merged with `other` (of other files).
    fn merge(&self, other: &PyCheckPartial) -> PyResult<PyCheckPartial> {
        let mut inner = self.inner.clone();
        inner.merge(&other.inner).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyCheckPartial { inner })
    }

    /// The report of every check over all the records held, as `check_file`
    /// gives it for one file holding them all.
    #[pyo3(signature = (*, tolerance = 0.005, outlier_factor = 100.0))]
    fn finish<'py>(&self, py: Python<'py>, tolerance: f64, outlier_factor: f64) -> PyResult<Bound<'py, PyAny>> {
        let at = self.inner.locations();
        let report = self.inner.finish(Tolerance { about: tolerance }, outlier_factor);
        let located = report.located(&|r| at.get(&r).cloned().unwrap_or_else(|| format!("record {}", r + 1)));
        let sources: Vec<&SourceRows> = self.inner.sources().collect();
        findings(py, &located, &sources)
    }

    /// The number of records held.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The partial in narcostat's versioned binary form.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.inner.to_bytes().map_err(format_error)?))
    }

    /// A partial from `to_bytes` (ValueError for other bytes or a newer version).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<PyCheckPartial> {
        Ok(PyCheckPartial { inner: CheckPartial::from_bytes(data).map_err(format_error)? })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        Ok((slf.getattr("from_bytes")?, (slf.get().to_bytes(py)?,)))
    }

    fn __repr__(&self) -> String {
        format!("<narcostat.CheckPartial: {} records>", self.inner.len())
    }
}
