//! Partial results for running a query over many partitions (Dask): each
//! partition's `Partial` is made by the core, merged by the core and finished
//! into the same `Result` a single pass gives; all of them pickle through the
//! core's versioned binary form.

use crate::errors::error;
use crate::result::PyResultTable;
use crate::spec::{Kw, spec};
use crate::table::PySeizureTable;
use narcostat::spec::{Operation, Partial, QuerySpec, ReadSpec, SourceRows};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// What one partition contributes to a query: merge the partials of all
/// partitions (`merge`, in any order) and `finish` them into the `Result`.
#[pyclass(name = "Partial", module = "narcostat", frozen)]
pub struct PyPartial {
    inner: Partial,
}

/// The operation named by a Python method name (`aggregate`, `top`, `trend`,
/// `compare`, `equivalents`), through the core's serde names.
fn operation(py: Python<'_>, name: &str) -> PyResult<Operation> {
    let name = if name == "aggregate" { "summary" } else { name };
    let value = pyo3::types::PyString::new(py, name);
    pythonize::depythonize(value.as_any()).map_err(|e| crate::errors::spec_error(py, e))
}

/// A format error (bytes that are not narcostat's binary form) as `ValueError`.
pub fn format_error(e: narcostat::binary::FormatError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The partial of `operation` (aggregate, top, trend, compare, equivalents)
/// over `table`; the keywords are those of the operation's method.
#[pyfunction]
#[pyo3(signature = (table, operation_name, **options))]
pub fn partial(
    py: Python<'_>,
    table: &PySeizureTable,
    operation_name: &str,
    options: Option<Kw<'_, '_>>,
) -> PyResult<PyPartial> {
    let op = operation(py, operation_name)?;
    let spec: QuerySpec = spec(py, options, &[])?;
    let inner = py.detach(|| spec.partial(op, &table.inner)).map_err(|e| error(py, e))?;
    Ok(PyPartial { inner })
}

/// Reads the file `path` with the `read` options (those of `read_csv`) and
/// makes the partial of `operation` with the `query` options, keeping where
/// the file's rows went (read, accepted, rejected). A bad row fails with its
/// file and line unless `lenient`.
#[pyfunction]
#[pyo3(signature = (path, operation_name, query = None, read = None))]
pub fn partial_of_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    operation_name: &str,
    query: Option<Kw<'_, '_>>,
    read: Option<Kw<'_, '_>>,
) -> PyResult<PyPartial> {
    let op = operation(py, operation_name)?;
    let query: QuerySpec = spec(py, query, &[])?;
    let read: ReadSpec = spec(py, read, &[])?;
    let (table, _totals, report) =
        py.detach(|| narcostat::read::open_table(&path, &read, &mut |_| {})).map_err(|e| error(py, e))?;
    let inner = py.detach(|| query.partial(op, &table)).map_err(|e| error(py, e))?;
    Ok(PyPartial { inner: inner.with_source(SourceRows::from(&report)) })
}

#[pymethods]
impl PyPartial {
    /// A new partial: this one merged with `other` (of the same query).
    fn merge(&self, py: Python<'_>, other: &PyPartial) -> PyResult<PyPartial> {
        let mut inner = self.inner.clone();
        inner.merge(&other.inner).map_err(|e| error(py, e))?;
        Ok(PyPartial { inner })
    }

    /// The `Result` of the merged partials: the same as the method on one
    /// table holding all their rows.
    fn finish(&self, py: Python<'_>) -> PyResult<PyResultTable> {
        let table = self.inner.finish().map_err(|e| error(py, e))?;
        PyResultTable::new(py, table)
    }

    /// Where the rows of each file read went: dicts of file, rows_read,
    /// rows_accepted, rows_rejected (empty for partials not read from files).
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner.sources)?)
    }

    /// Where the rows of the partitions went in the aggregation (one dict;
    /// a comparison's current period first, then its previous one).
    #[getter]
    fn accounting<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let accounting: Vec<_> = self.inner.aggregates.iter().map(|a| a.accounting).collect();
        Ok(pythonize::pythonize(py, &accounting)?)
    }

    /// The number of groups held (the partial's size grows with it).
    fn __len__(&self) -> usize {
        self.inner.aggregates.iter().map(|a| a.groups.len() + a.unattributed.len()).sum()
    }

    /// The partial in narcostat's versioned binary form.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.inner.to_bytes().map_err(format_error)?))
    }

    /// A partial from `to_bytes` (ValueError for other bytes or a newer version).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<PyPartial> {
        Ok(PyPartial { inner: Partial::from_bytes(data).map_err(format_error)? })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        Ok((slf.getattr("from_bytes")?, (slf.get().to_bytes(py)?,)))
    }

    fn __repr__(&self) -> String {
        format!("<narcostat.Partial: {} of {} groups>", self.inner.operation.word(), self.__len__())
    }
}
