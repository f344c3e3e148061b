//! `SeizureTable`: the readers, and the query methods, each a `QuerySpec`
//! run by the core.

use crate::errors::error;
use crate::result::PyResultTable;
use crate::spec::{Arg, Kw, spec};
use narcostat::SeizureTable;
use narcostat::read::{ReadReport, RejectionRow};
use narcostat::spec::{Operation, QuerySpec, ReadSpec};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

/// Seizure records in columns, ready to aggregate.
#[pyclass(name = "SeizureTable", module = "narcostat", frozen)]
pub struct PySeizureTable {
    pub inner: SeizureTable,
}

/// The table, or (table, rejected rows as dicts) when lenient.
fn table_or_pair(py: Python<'_>, table: SeizureTable, report: &ReadReport, lenient: bool) -> PyResult<Py<PyAny>> {
    let t = Py::new(py, PySeizureTable { inner: table })?;
    if !lenient {
        return Ok(t.into_any());
    }
    let rejected: Vec<RejectionRow> = report.rejections.iter().map(RejectionRow::from).collect();
    Ok((t, pythonize::pythonize(py, &rejected)?).into_pyobject(py)?.into_any().unbind())
}

/// Reads a file (layout detected from the header, or `format`); the keywords
/// are those of narcostat's `ReadSpec` (lenient, format, country, missing, sheet, ...).
#[pyfunction]
#[pyo3(signature = (path, **options))]
pub fn read_csv(py: Python<'_>, path: std::path::PathBuf, options: Option<Kw<'_, '_>>) -> PyResult<Py<PyAny>> {
    let spec: ReadSpec = spec(py, options, &[])?;
    let (table, _totals, report) =
        py.detach(|| narcostat::read::open_table(&path, &spec, &mut |_| {})).map_err(|e| error(py, e))?;
    table_or_pair(py, table, &report, spec.lenient)
}

#[pymethods]
impl PySeizureTable {
    /// Reads any object with the Arrow PyCapsule interface (pyarrow Table,
    /// polars DataFrame, DuckDB result, pandas DataFrame); the keywords are
    /// those of `ReadSpec` (unit, lenient, country, missing, ...).
    #[staticmethod]
    #[pyo3(signature = (data, **options))]
    fn from_arrow(py: Python<'_>, data: &Bound<'_, PyAny>, options: Option<Kw<'_, '_>>) -> PyResult<Py<PyAny>> {
        let stream = py.import("narcostat._arrow")?.call_method1("arrow_stream", (data,))?;
        let (batches, _schema) = stream.extract::<PyTable>()?.into_inner();
        let spec: ReadSpec = spec(py, options, &[])?;
        let opts = spec.options().map_err(|e| error(py, e))?;
        let (table, report) = py
            .detach(|| narcostat::arrow::table_from_batches(&batches, "arrow", &opts, spec.unit))
            .map_err(|e| error(py, e))?;
        table_or_pair(py, table, &report, spec.lenient)
    }

    /// Reads records in narcostat's JSON shape (a dataset dict's JSON text).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        let data = narcostat::read::read_json_text(text).map_err(|e| error(py, e))?;
        let inner = SeizureTable::from_seizures(&data.seizures).map_err(|e| error(py, e))?;
        Ok(Self { inner })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Bytes per row held by the columns.
    #[getter]
    fn bytes_per_row(&self) -> f64 {
        self.inner.column_bytes() as f64 / self.inner.len().max(1) as f64
    }

    fn __repr__(&self) -> String {
        format!("<narcostat.SeizureTable: {} rows>", self.inner.len())
    }

    /// The table in narcostat's versioned binary form (its rows as records).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let bytes = self.inner.to_bytes().map_err(crate::partial::format_error)?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// A table from `to_bytes` (ValueError for other bytes or a newer version).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(Self { inner: SeizureTable::from_bytes(data).map_err(crate::partial::format_error)? })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
        let py = slf.py();
        Ok((slf.getattr("from_bytes")?, (slf.get().to_bytes(py)?,)))
    }

    /// Totals grouped by `by`; keywords: where, period, span_rule, fiscal_start, unit.
    #[pyo3(signature = (by = None, **options))]
    fn aggregate(&self, py: Python<'_>, by: Arg<'_>, options: Option<Kw<'_, '_>>) -> PyResult<PyResultTable> {
        self.run(py, Operation::Summary, options, &[("by", by)])
    }

    /// The top `n` groups (all when None) by `measure`, with shares (of each
    /// `within` group's total); keywords: where, period, measure, within, unit.
    #[pyo3(signature = (by = None, n = Some(10), **options))]
    fn top(&self, py: Python<'_>, by: Arg<'_>, n: Option<i64>, options: Option<Kw<'_, '_>>) -> PyResult<PyResultTable> {
        let n = n.map(|n| n.into_pyobject(py)).transpose()?.map(Bound::into_any);
        self.run(py, Operation::Top, options, &[("by", by), ("n", n)])
    }

    /// Opiates as heroin or opium equivalent, or ATS with tablets as mass, per
    /// group; keywords: basis, where, period, factors (overriding the documented defaults).
    #[pyo3(signature = (by = None, **options))]
    fn equivalents(&self, py: Python<'_>, by: Arg<'_>, options: Option<Kw<'_, '_>>) -> PyResult<PyResultTable> {
        self.run(py, Operation::Equivalents, options, &[("by", by)])
    }

    /// A measure over time (`by` one time granularity), each point with its
    /// change from the one before; keywords: where, period, measure, unit.
    #[pyo3(signature = (by = None, **options))]
    fn trend(&self, py: Python<'_>, by: Arg<'_>, options: Option<Kw<'_, '_>>) -> PyResult<PyResultTable> {
        self.run(py, Operation::Trend, options, &[("by", by)])
    }

    /// Compares `period` with `vs`, group by group, the total in its own row;
    /// keywords: period, vs, where, measure, unit.
    #[pyo3(signature = (by = None, **options))]
    fn compare(&self, py: Python<'_>, by: Arg<'_>, options: Option<Kw<'_, '_>>) -> PyResult<PyResultTable> {
        self.run(py, Operation::Compare, options, &[("by", by)])
    }
}

impl PySeizureTable {
    /// Runs `operation` with the spec of the keywords and the named
    /// arguments, without holding the GIL.
    fn run(
        &self,
        py: Python<'_>,
        op: Operation,
        options: Option<Kw<'_, '_>>,
        named: &[(&str, Arg<'_>)],
    ) -> PyResult<PyResultTable> {
        let spec: QuerySpec = spec(py, options, named)?;
        let table = py.detach(|| spec.run(op, &self.inner)).map_err(|e| error(py, e))?;
        PyResultTable::new(py, table)
    }
}
