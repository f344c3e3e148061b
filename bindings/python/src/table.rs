//! `SeizureTable`: the readers, and the query methods, each a `QuerySpec`
//! run by the core.

use crate::errors::error;
use crate::result::PyResultTable;
use crate::spec::{Arg, Kw, spec};
use narcostat::SeizureTable;
use narcostat::read::{ReadReport, RejectionRow};
use narcostat::spec::{Operation, QuerySpec, ReadSpec};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use std::path::PathBuf;

/// What `__reduce__` gives pickle: `from_bytes` and its arguments (the bytes, the read reports' JSON).
type Reduced<'py> = (Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>, String));

/// Seizure records in columns, ready to aggregate, with the row accounting
/// of the files or frames they were read from.
#[pyclass(name = "SeizureTable", module = "narcostat", frozen)]
pub struct PySeizureTable {
    pub inner: SeizureTable,
    /// One report per file or frame read (none for `from_json`).
    pub reports: Vec<ReadReport>,
}

impl PySeizureTable {
    /// The first `n` records as a result table, made by the core.
    fn records(&self, py: Python<'_>, n: usize) -> PyResult<PyResultTable> {
        let rows: Vec<narcostat::Seizure> = self.inner.rows().take(n).collect();
        PyResultTable::new(py, narcostat::result::ResultTable::records(&rows))
    }
}

/// The table, or (table, rejected rows as dicts) when lenient.
fn table_or_pair(py: Python<'_>, table: SeizureTable, reports: Vec<ReadReport>, lenient: bool) -> PyResult<Py<PyAny>> {
    let rejected: Vec<RejectionRow> =
        reports.iter().flat_map(|r| r.rejections.iter()).map(RejectionRow::from).collect();
    let t = Py::new(py, PySeizureTable { inner: table, reports })?;
    if !lenient {
        return Ok(t.into_any());
    }
    Ok((t, pythonize::pythonize(py, &rejected)?).into_pyobject(py)?.into_any().unbind())
}

/// The patterns of `path`: one path (str or os.PathLike) or a list of them.
fn patterns(path: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let text = |p: PathBuf| {
        p.to_str().map(str::to_owned).ok_or_else(|| PyTypeError::new_err(format!("read_csv: {p:?} is not UTF-8")))
    };
    if let Ok(one) = path.extract::<PathBuf>() {
        return Ok(vec![text(one)?]);
    }
    let many: Vec<PathBuf> = path.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "read_csv: expected a path, a glob pattern or a list of them, got {}",
            path.get_type()
        ))
    })?;
    many.into_iter().map(text).collect()
}

/// Reads one file, several (a list) or a glob pattern (`"data/*.csv"`) into
/// one table, each file with its layout detected from its header (or
/// `format`); the keywords are those of narcostat's `ReadSpec` (columns,
/// unit, calendar, lenient, format, country, missing, sheet, ...).
#[pyfunction]
#[pyo3(signature = (path, **options))]
pub fn read_csv(py: Python<'_>, path: &Bound<'_, PyAny>, options: Option<Kw<'_, '_>>) -> PyResult<Py<PyAny>> {
    let spec: ReadSpec = spec(py, options, &[])?;
    let patterns = patterns(path)?;
    let read = py.detach(|| {
        let paths = narcostat::read::expand_paths(&patterns)?;
        narcostat::read::open_tables(&paths, &spec, &mut |_| {})
    });
    let (table, _totals, reports) = read.map_err(|e| error(py, e))?;
    table_or_pair(py, table, reports, spec.lenient)
}

#[pymethods]
impl PySeizureTable {
    /// Reads any object with the Arrow PyCapsule interface (pyarrow Table,
    /// polars DataFrame or LazyFrame (collected), DuckDB result, pandas
    /// DataFrame); the keywords are those of `ReadSpec` (columns, unit,
    /// calendar, lenient, country, missing, ...).
    ///
    /// UNODC, CBP and wide tables are recognised by their columns; otherwise
    /// the columns are found by name (any case, spaces and punctuation
    /// ignored): drug `substance`, `drug`, `drug_type`, `name`; quantity
    /// `quantity`, `amount`, `value`, `qty`, or a column named by its unit
    /// (`kg`, `mass_kg`, `lbs`, `sum_qty_lbs`, `litres`, `units`); unit
    /// `unit`; date `date`, `day`, `start`, `period` (and `end`); year
    /// `year`; country `country`, `iso_code`, `iso3`; province `province`,
    /// `state`; locality `locality`, `office`, `port`; agency `agency`,
    /// `component`; seizures `seizures`, `events`, `cases`; `origin`;
    /// `destination`. `columns={"drug": "Stoff", "quantity": "Menge"}`
    /// names any of them outright. A role no column takes is a ParseError
    /// listing the names accepted and the columns seen.
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
        table_or_pair(py, table, vec![report], spec.lenient)
    }

    /// Reads records in narcostat's JSON shape (a dataset dict's JSON text).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        let data = narcostat::read::read_json_text(text).map_err(|e| error(py, e))?;
        let inner = SeizureTable::from_seizures(&data.seizures).map_err(|e| error(py, e))?;
        Ok(Self { inner, reports: Vec::new() })
    }

    /// The rows of `tables`, in order, in one table (their reports kept, in order).
    #[staticmethod]
    fn concat(py: Python<'_>, tables: Vec<PyRef<'_, Self>>) -> PyResult<Self> {
        let inner = SeizureTable::concat(tables.iter().map(|t| &t.inner)).map_err(|e| error(py, e))?;
        Ok(Self { inner, reports: tables.iter().flat_map(|t| t.reports.iter().cloned()).collect() })
    }

    /// The row accounting of each file or frame read (dicts: file, format,
    /// rows_read, rows_accepted, rows_rejected, seizures, mapping, rejections, ...).
    #[getter]
    fn read_reports<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.reports)?)
    }

    /// The row accounting of all files together (the one report for a
    /// single file; rows_read = rows_accepted + rows_rejected), or None for
    /// a table read from JSON text.
    #[getter]
    fn read_report<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let total = match self.reports.as_slice() {
            [] => return Ok(None),
            [one] => one.clone(),
            many => ReadReport::total(many),
        };
        Ok(Some(pythonize::pythonize(py, &total)?))
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

    /// The names of the source columns kept from the file (usable as `column:NAME`).
    #[getter]
    fn kept_columns(&self) -> Vec<String> {
        self.inner.column_names().into_iter().map(str::to_owned).collect()
    }

    /// The first `n` records as read (a `Result`: drug, name as written,
    /// quantity and unit, period, place, agency, kept columns).
    #[pyo3(signature = (n = 5))]
    fn head(&self, py: Python<'_>, n: usize) -> PyResult<PyResultTable> {
        self.records(py, n)
    }

    /// Every record as read, as a pyarrow Table (exact decimal quantities).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.records(py, self.inner.len())?.to_arrow(py)
    }

    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let head = self.records(py, 10)?;
        Ok(format!("<p>narcostat.SeizureTable: {} rows</p>{}", self.inner.len(), head._repr_html_()))
    }

    /// The table in narcostat's versioned binary form (its rows as records).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let bytes = self.inner.to_bytes().map_err(crate::partial::format_error)?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// A table from `to_bytes` (ValueError for other bytes or a newer version);
    /// `reports`, the JSON of its read reports (what pickling keeps).
    #[staticmethod]
    #[pyo3(signature = (data, reports = None))]
    fn from_bytes(data: &[u8], reports: Option<&str>) -> PyResult<Self> {
        let inner = SeizureTable::from_bytes(data).map_err(crate::partial::format_error)?;
        let reports = match reports {
            Some(json) => serde_json::from_str(json)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("bad read reports: {e}")))?,
            None => Vec::new(),
        };
        Ok(Self { inner, reports })
    }

    /// Pickles through the core bytes, with the read reports (rows read, accepted, rejected).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let py = slf.py();
        let reports = serde_json::to_string(&slf.get().reports)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("cannot write the read reports: {e}")))?;
        Ok((slf.getattr("from_bytes")?, (slf.get().to_bytes(py)?, reports)))
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
