//! Results: rows of keys and measures, out as Arrow, pandas, polars, lists.

use narcostat::write::Cell;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

/// The result of an aggregation, ranking or comparison.
#[pyclass(name = "Result", module = "narcostat", frozen)]
pub struct PyAggregateResult {
    content: Content,
    /// Header and rows, built on first use (formatting many groups costs
    /// more than aggregating them; a caller who wants Arrow never pays it).
    table: std::sync::OnceLock<(Vec<String>, Vec<Vec<Cell>>)>,
}

enum Content {
    Aggregate(Box<narcostat::Aggregate>),
    Rows(Vec<String>, Vec<Vec<Cell>>, Option<narcostat::aggregate::Accounting>),
}

impl PyAggregateResult {
    /// An aggregate, converted lazily.
    pub fn aggregate(agg: narcostat::Aggregate) -> Self {
        Self { content: Content::Aggregate(Box::new(agg)), table: std::sync::OnceLock::new() }
    }

    /// Ready-made rows (rankings, comparisons, equivalents).
    pub fn rows(
        header: Vec<String>,
        rows: Vec<Vec<Cell>>,
        accounting: Option<narcostat::aggregate::Accounting>,
    ) -> Self {
        Self { content: Content::Rows(header, rows, accounting), table: std::sync::OnceLock::new() }
    }

    fn header_rows(&self) -> &(Vec<String>, Vec<Vec<Cell>>) {
        self.table.get_or_init(|| match &self.content {
            Content::Aggregate(a) => narcostat::write::aggregate_rows(a),
            Content::Rows(h, r, _) => (h.clone(), r.clone()),
        })
    }

    fn accounting_of(&self) -> Option<narcostat::aggregate::Accounting> {
        match &self.content {
            Content::Aggregate(a) => Some(a.accounting),
            Content::Rows(_, _, a) => *a,
        }
    }
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
        match &self.content {
            Content::Aggregate(a) => {
                narcostat::arrow::aggregate_to_batch(a).map_err(pyo3::exceptions::PyValueError::new_err)
            }
            Content::Rows(h, r, _) => batch_of(h, r),
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
        self.header_rows().0.clone()
    }

    /// Where every input row went: rows, filtered_out, outside_period,
    /// straddling_period, aggregated, unattributed, without_quantity.
    #[getter]
    fn accounting<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(a) = self.accounting_of() else {
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
        match &self.content {
            Content::Aggregate(a) => a.groups.len() + a.unattributed.len(),
            Content::Rows(_, r, _) => r.len(),
        }
    }

    /// Rows as dicts (numbers as int or float; `to_arrow()` is exact).
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        let (header, rows) = self.header_rows();
        for r in rows {
            let d = PyDict::new(py);
            for (h, c) in header.iter().zip(r) {
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
        PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
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
        let (header, rows) = self.header_rows();
        let shown: Vec<Vec<Cell>> = rows.iter().take(20).cloned().collect();
        let mut s = format!("<narcostat.Result: {} rows>\n", rows.len());
        s.push_str(&narcostat::write::to_csv(header, &shown).replace(',', "\t"));
        if rows.len() > 20 {
            s.push_str("...\n");
        }
        s
    }

    fn _repr_html_(&self) -> String {
        let esc = narcostat::write::escape_html;
        let (header, rows) = self.header_rows();
        let mut s = String::from("<table><thead><tr>");
        for h in header {
            s.push_str(&format!("<th>{}</th>", esc(h)));
        }
        s.push_str("</tr></thead><tbody>");
        for r in rows.iter().take(50) {
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
        s.push_str(&format!("</tbody></table><p>{} rows</p>", rows.len()));
        s
    }
}
