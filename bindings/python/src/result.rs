//! Results: rows of keys and measures, out as Arrow, pandas, polars, lists.

use narcostat::write::Cell;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

/// The result of an aggregation, ranking or comparison.
#[pyclass(name = "Result", module = "narcostat", frozen)]
pub struct PyAggregateResult {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The exactly typed Arrow batch, when the result is an aggregate.
    pub batch: Option<arrow_array::RecordBatch>,
    /// Where every input row went (aggregates only).
    pub accounting: Option<narcostat::aggregate::Accounting>,
}

fn cell_to_py<'py>(py: Python<'py>, c: &Cell) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Cell::Empty => py.None().into_bound(py),
        Cell::Text(t) => t.clone().into_pyobject(py)?.into_any(),
        Cell::Number(n) => match n.parse::<i64>() {
            Ok(i) => i.into_pyobject(py)?.into_any(),
            Err(_) => n.parse::<f64>().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
    })
}

fn batch_of(header: &[String], rows: &[Vec<Cell>]) -> PyResult<arrow_array::RecordBatch> {
    use arrow_array::ArrayRef;
    use arrow_array::builder::{Float64Builder, StringBuilder};
    let mut columns: Vec<(String, ArrayRef)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let numeric = rows.iter().all(|r| matches!(r.get(i), Some(Cell::Number(_)) | Some(Cell::Empty) | None))
            && rows.iter().any(|r| matches!(r.get(i), Some(Cell::Number(_))));
        let array: ArrayRef = if numeric {
            let mut b = Float64Builder::new();
            for r in rows {
                b.append_option(match r.get(i) {
                    Some(Cell::Number(n)) => n.parse::<f64>().ok(),
                    _ => None,
                });
            }
            std::sync::Arc::new(b.finish())
        } else {
            let mut b = StringBuilder::new();
            for r in rows {
                match r.get(i) {
                    Some(Cell::Text(t)) | Some(Cell::Number(t)) => b.append_value(t),
                    _ => b.append_null(),
                }
            }
            std::sync::Arc::new(b.finish())
        };
        columns.push((h.clone(), array));
    }
    arrow_array::RecordBatch::try_from_iter(columns).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

impl PyAggregateResult {
    fn exact_batch(&self) -> PyResult<arrow_array::RecordBatch> {
        match &self.batch {
            Some(b) => Ok(b.clone()),
            None => batch_of(&self.header, &self.rows),
        }
    }
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
impl PyAggregateResult {
    /// Column names: the grouping keys, then the measures with their units.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.header.clone()
    }

    /// Where every input row went: rows, filtered_out, outside_period,
    /// straddling_period, aggregated, unattributed, without_quantity.
    #[getter]
    fn accounting<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(a) = self.accounting else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        for (k, v) in [
            ("rows", a.rows),
            ("filtered_out", a.filtered_out),
            ("outside_period", a.outside_period),
            ("straddling_period", a.straddling_period),
            ("aggregated", a.aggregated),
            ("unattributed", a.unattributed),
            ("without_quantity", a.without_quantity),
        ] {
            d.set_item(k, v)?;
        }
        Ok(Some(d))
    }

    fn __len__(&self) -> usize {
        self.rows.len()
    }

    /// Rows as dicts (numbers as int or float; `to_arrow()` is exact).
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.rows {
            let d = PyDict::new(py);
            for (h, c) in self.header.iter().zip(r) {
                d.set_item(h, cell_to_py(py, c)?)?;
            }
            list.append(d)?;
        }
        Ok(list)
    }

    /// A `pyarrow.Table`; aggregate measures are exact decimals.
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let batch = self.exact_batch()?;
        let schema = batch.schema();
        Ok(PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)?)
    }

    /// A `pandas.DataFrame` (measures as float64; `to_arrow()` is exact).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let batch = float_batch(&self.exact_batch()?)?;
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)?.call_method0("to_pandas")
    }

    /// A `polars.DataFrame` (measures as float64; `to_arrow()` is exact).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let batch = float_batch(&self.exact_batch()?)?;
        let schema = batch.schema();
        let table = PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)?;
        py.import("polars")?.call_method1("from_arrow", (table,))
    }

    fn __repr__(&self) -> String {
        let shown: Vec<Vec<Cell>> = self.rows.iter().take(20).cloned().collect();
        let mut s = format!("<narcostat.Result: {} rows>\n", self.rows.len());
        s.push_str(&narcostat::write::to_csv(&self.header, &shown).replace(',', "\t"));
        if self.rows.len() > 20 {
            s.push_str("...\n");
        }
        s
    }

    fn _repr_html_(&self) -> String {
        let esc = narcostat::write::escape_html;
        let mut s = String::from("<table><thead><tr>");
        for h in &self.header {
            s.push_str(&format!("<th>{}</th>", esc(h)));
        }
        s.push_str("</tr></thead><tbody>");
        for r in self.rows.iter().take(50) {
            s.push_str("<tr>");
            for c in r {
                match c {
                    Cell::Number(n) => s.push_str(&format!(
                        "<td style=\"text-align:right\">{}</td>",
                        esc(&narcostat::quantity::group_thousands(n))
                    )),
                    Cell::Text(t) => s.push_str(&format!("<td>{}</td>", esc(t))),
                    Cell::Empty => s.push_str("<td></td>"),
                }
            }
            s.push_str("</tr>");
        }
        s.push_str(&format!("</tbody></table><p>{} rows</p>", self.rows.len()));
        s
    }
}
