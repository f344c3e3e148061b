//! Results: one class over the core's `ResultTable`, out as Arrow (exact
//! decimal128 measures); rows, pandas and polars are made from that Arrow
//! table by `narcostat._arrow`.

use crate::errors::warn;
use narcostat::result::ResultTable;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3_arrow::PyTable;

/// The result of an aggregation, ranking, trend, comparison or equivalents.
#[pyclass(name = "Result", module = "narcostat", frozen)]
pub struct PyResultTable {
    table: ResultTable,
}

impl PyResultTable {
    /// The result of `table`, its warnings issued as `narcostat.CoverageWarning`.
    pub fn new(py: Python<'_>, table: ResultTable) -> PyResult<Self> {
        for w in &table.warnings {
            warn(py, w)?;
        }
        Ok(Self { table })
    }

    /// `narcostat._arrow.<function>` of the exact Arrow table.
    fn convert<'py>(&self, py: Python<'py>, function: &str) -> PyResult<Bound<'py, PyAny>> {
        py.import("narcostat._arrow")?.call_method1(function, (self.to_arrow(py)?,))
    }
}

#[pymethods]
impl PyResultTable {
    /// Column names: the grouping keys, then the measures with their units.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.table.columns.iter().map(|c| c.name.clone()).collect()
    }

    /// What the result holds: aggregate, ranking, comparison, trend or equivalents.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.table.kind)?)
    }

    /// Notes for the reader: which drugs a drug filter covered, the periods compared, gaps.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.table.notes.clone()
    }

    /// Warnings (also issued as `CoverageWarning`): a drug filter that matched
    /// only a non-specified bucket, or nothing.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.table.warnings.clone()
    }

    /// Where every input row went (rows, filtered_out, outside_period,
    /// straddling_period, aggregated, unattributed, without_quantity): of the
    /// aggregation, or of a comparison's current period; None for equivalents.
    #[getter]
    fn accounting<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(self.table.accounting.first().map(|a| pythonize::pythonize(py, a)).transpose()?)
    }

    fn __len__(&self) -> usize {
        self.table.rows
    }

    /// Rows as dicts of typed values: int, `decimal.Decimal` (exact), bool,
    /// `datetime.date`, str (names, periods), None.
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.convert(py, "to_pylist")
    }

    /// A `pyarrow.Table`: every measure an exact decimal128, years, ranks and counts int64, flags bool.
    pub(crate) fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let batch = self.table.to_record_batch().map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
    }

    /// A `pandas.DataFrame` (measures as float64; `to_arrow()` and `to_pylist()` are exact).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.convert(py, "to_pandas")
    }

    /// A `polars.DataFrame` (measures as float64; `to_arrow()` and `to_pylist()` are exact).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.convert(py, "to_polars")
    }

    fn __repr__(&self) -> String {
        format!("<narcostat.Result: {} rows>\n{}", self.table.rows, self.table.to_text())
    }

    pub(crate) fn _repr_html_(&self) -> String {
        self.table.to_html()
    }

    /// The result in narcostat's versioned binary form.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.table.to_bytes().map_err(crate::partial::format_error)?))
    }

    /// A result from `to_bytes` (its warnings are not issued again).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(Self { table: ResultTable::from_bytes(data).map_err(crate::partial::format_error)? })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        Ok((slf.getattr("from_bytes")?, (slf.get().to_bytes(py)?,)))
    }
}
