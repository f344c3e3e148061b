//! Results: one class over the core's `ResultTable`, out as Arrow (exact
//! decimal128 measures), pandas, polars and lists of typed values.

use crate::errors::warn;
use narcostat::result::{ResultTable, Values};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyList};
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

    fn exact_batch(&self) -> PyResult<arrow_array::RecordBatch> {
        self.table.to_record_batch().map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// A `pyarrow.Table` of `batch`.
    fn pyarrow<'py>(py: Python<'py>, batch: arrow_array::RecordBatch) -> PyResult<Bound<'py, PyAny>> {
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
    }
}

/// One typed value as Python: int, decimal.Decimal, bool, datetime.date, str or None.
fn value_to_py<'py>(py: Python<'py>, values: &Values, row: usize) -> PyResult<Bound<'py, PyAny>> {
    let none = || py.None().into_bound(py);
    Ok(match values {
        Values::Text(v) => match v.get(row).and_then(Option::as_ref) {
            Some(t) => t.clone().into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Int(v) => match v.get(row).copied().flatten() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => none(),
        },
        Values::Decimal { .. } => match values.decimal(row) {
            Some(d) => py.import("decimal")?.getattr("Decimal")?.call1((d.normalized().to_string(),))?,
            None => none(),
        },
        Values::Bool(v) => match v.get(row).copied().flatten() {
            Some(b) => pyo3::types::PyBool::new(py, b).to_owned().into_any(),
            None => none(),
        },
        Values::Date(v) => match v.get(row).copied().flatten() {
            Some(d) => {
                let (y, m, day) = d.ymd();
                PyDate::new(py, y, u8::try_from(m).unwrap_or(1), u8::try_from(day).unwrap_or(1))?.into_any()
            }
            None => none(),
        },
        Values::Period { granularity, values: v } => match v.get(row).copied().flatten() {
            Some(p) => granularity
                .bucket_of_period(p)
                .map_or_else(|| p.to_string(), |i| granularity.label(i))
                .into_pyobject(py)?
                .into_any(),
            None => none(),
        },
    })
}

/// The batch with decimal columns cast to float64, for pandas and polars users.
fn float_batch(batch: &arrow_array::RecordBatch) -> PyResult<arrow_array::RecordBatch> {
    use arrow_schema::{DataType, Field, Schema};
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
        if matches!(f.data_type(), DataType::Decimal128(..)) {
            let cast = arrow_cast::cast(c, &DataType::Float64)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
            fields.push(Field::new(f.name(), DataType::Float64, true));
            columns.push(cast);
        } else {
            fields.push(f.as_ref().clone());
            columns.push(c.clone());
        }
    }
    arrow_array::RecordBatch::try_new(std::sync::Arc::new(Schema::new(fields)), columns)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
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
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for row in 0..self.table.rows {
            let d = PyDict::new(py);
            for c in &self.table.columns {
                d.set_item(&c.name, value_to_py(py, &c.values, row)?)?;
            }
            list.append(d)?;
        }
        Ok(list)
    }

    /// A `pyarrow.Table`: every measure an exact decimal128, years, ranks and counts int64, flags bool.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Self::pyarrow(py, self.exact_batch()?)
    }

    /// A `pandas.DataFrame` (measures as float64; `to_arrow()` and `to_pylist()` are exact).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Self::pyarrow(py, float_batch(&self.exact_batch()?)?)?.call_method0("to_pandas")
    }

    /// A `polars.DataFrame` (measures as float64; `to_arrow()` and `to_pylist()` are exact).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let table = Self::pyarrow(py, float_batch(&self.exact_batch()?)?)?;
        py.import("polars")?.call_method1("from_arrow", (table,))
    }

    fn __repr__(&self) -> String {
        format!("<narcostat.Result: {} rows>\n{}", self.table.rows, self.table.to_text())
    }

    fn _repr_html_(&self) -> String {
        self.table.to_html()
    }
}
