//! `SeizureTable` and the readers.

use crate::errors::{aggregate_error, query_error, read_error};
use crate::result::PyAggregateResult;
use narcostat::rank::Measure;
use narcostat::read::{Format, Missing, ReadOptions, ReadReport, Rejection};
use narcostat::result::{OutputUnits, ResultTable};
use narcostat::{CountryCode, Filter, Granularity, GroupKey, Period, Query, SeizureTable, SpanRule, Unit};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

/// Seizure records in columns, ready to aggregate.
#[pyclass(name = "SeizureTable", module = "narcostat", frozen)]
pub struct PySeizureTable {
    pub inner: SeizureTable,
}

pub fn options(
    py: Python<'_>,
    lenient: bool,
    format: Option<&str>,
    country: Option<&str>,
    missing: &str,
) -> PyResult<ReadOptions> {
    let mut o = if lenient { ReadOptions::lenient() } else { ReadOptions::default() };
    if let Some(f) = format {
        o.format = Some(Format::parse(f).ok_or_else(|| {
            query_error(
                py,
                format!("unknown format {f:?}: expected unodc-annual, unodc-subregional, cbp, wide, json or ndjson"),
            )
        })?);
    }
    if let Some(c) = country {
        o.country = Some(CountryCode::resolve(c).ok_or_else(|| query_error(py, format!("unknown country {c:?}")))?);
    }
    o.missing = match missing {
        "keep" => Missing::Keep,
        "reject" => Missing::Reject,
        other => {
            return Err(query_error(py, format!("missing must be \"keep\" or \"reject\", not {other:?}")));
        }
    };
    Ok(o)
}

fn rejection_dict<'py>(py: Python<'py>, r: &Rejection) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("file", &r.file)?;
    d.set_item("line", r.line)?;
    d.set_item("column", r.column_number)?;
    d.set_item("column_name", &r.column)?;
    d.set_item("value", &r.value)?;
    d.set_item("reason", r.reason.to_string())?;
    d.set_item("message", r.to_string())?;
    Ok(d)
}

/// The table, or (table, rejected rows) when lenient.
pub fn table_or_pair(py: Python<'_>, table: SeizureTable, report: &ReadReport, lenient: bool) -> PyResult<Py<PyAny>> {
    let t = Py::new(py, PySeizureTable { inner: table })?;
    if !lenient {
        return Ok(t.into_any());
    }
    let rejected = PyList::empty(py);
    for r in &report.rejections {
        rejected.append(rejection_dict(py, r)?)?;
    }
    Ok((t, rejected).into_pyobject(py)?.into_any().unbind())
}

/// Reads a file (layout detected from the header, or `format`).
#[pyfunction]
#[pyo3(signature = (path, *, lenient = false, format = None, country = None, missing = "keep", sheet = None))]
pub fn read_csv(
    py: Python<'_>,
    path: std::path::PathBuf,
    lenient: bool,
    format: Option<&str>,
    country: Option<&str>,
    missing: &str,
    sheet: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let opts = options(py, lenient, format, country, missing)?;
    let name = path.display().to_string();
    if narcostat::read::is_spreadsheet(&path) {
        let (data, report) = py
            .detach(|| {
                let bytes = std::fs::read(&path)
                    .map_err(|source| narcostat::read::ReadError::Io { file: name.clone(), source })?;
                narcostat::read::read_spreadsheet(&bytes, &name, sheet, &opts)
            })
            .map_err(|e| read_error(py, e))?;
        let table = SeizureTable::from_seizures(&data.seizures)
            .map_err(|e| crate::errors::raise(py, "ParseError", e.to_string(), &[]))?;
        return table_or_pair(py, table, &report, lenient);
    }
    let (table, _totals, report) = py
        .detach(|| {
            let file = std::fs::File::open(&path)
                .map_err(|source| narcostat::read::ReadError::Io { file: name.clone(), source })?;
            narcostat::read::read_table_parallel(file, &name, &opts, &mut |_| {})
        })
        .map_err(|e| read_error(py, e))?;
    table_or_pair(py, table, &report, lenient)
}

fn parse_filter(py: Python<'_>, filter: Option<&Bound<'_, PyDict>>) -> PyResult<Filter> {
    let mut f = Filter::default();
    let Some(d) = filter else { return Ok(f) };
    for (k, v) in d.iter() {
        let key: String = k.extract().map_err(|_| PyTypeError::new_err("where: keys must be str"))?;
        let values: Vec<String> = if let Ok(s) = v.extract::<String>() {
            vec![s]
        } else {
            v.extract().map_err(|_| PyTypeError::new_err(format!("where[{key:?}]: expected str or list of str")))?
        };
        f.add(&key, &values.join("|")).map_err(|e| query_error(py, e))?;
    }
    Ok(f)
}

fn parse_by(py: Python<'_>, by: &Bound<'_, PyAny>, fiscal_start: u8) -> PyResult<Vec<GroupKey>> {
    let names: Vec<String> = if let Ok(s) = by.extract::<String>() {
        s.split(',').map(str::to_owned).collect()
    } else {
        by.extract().map_err(|_| PyTypeError::new_err("by: expected str or list of str"))?
    };
    let mut keys = Vec::new();
    for n in names.iter().filter(|n| !n.trim().is_empty()) {
        let k = GroupKey::parse(n).map_err(|e| query_error(py, e))?;
        keys.push(match k {
            GroupKey::Time(Granularity::FiscalYear(_)) => GroupKey::Time(Granularity::FiscalYear(fiscal_start)),
            other => other,
        });
    }
    Ok(keys)
}

/// The measure named `m` for data counting the kinds `counted` (a bare
/// `count` is the one kind counted; an error when there are several).
fn parse_measure(py: Python<'_>, m: &str, counted: &[narcostat::CountUnit]) -> PyResult<Measure> {
    Measure::parse_for(m, counted).map_err(|e| query_error(py, e))
}

fn parse_period(py: Python<'_>, p: &str) -> PyResult<Period> {
    Period::parse(p).map_err(|e| query_error(py, e))
}

#[pymethods]
impl PySeizureTable {
    /// Reads any object with the Arrow PyCapsule interface (pyarrow Table,
    /// polars DataFrame, DuckDB result, ...); see the package docs for the columns.
    #[staticmethod]
    #[pyo3(signature = (data, *, unit = None, lenient = false, country = None, missing = "keep"))]
    fn from_arrow(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        unit: Option<&str>,
        lenient: bool,
        country: Option<&str>,
        missing: &str,
    ) -> PyResult<Py<PyAny>> {
        let data: PyTable = if data.hasattr("__arrow_c_stream__")? {
            data.extract()?
        } else if data.get_type().module()?.to_string().starts_with("pandas") {
            // Older pandas without the PyCapsule interface: through pyarrow.
            let kwargs = PyDict::new(py);
            kwargs.set_item("preserve_index", false)?;
            py.import("pyarrow")?.getattr("Table")?.call_method("from_pandas", (data,), Some(&kwargs))?.extract()?
        } else {
            return Err(PyTypeError::new_err(format!(
                "from_arrow: expected an object with the Arrow PyCapsule interface (pyarrow.Table, polars.DataFrame, pandas.DataFrame, ...), got {}",
                data.get_type().name()?
            )));
        };
        let opts = options(py, lenient, None, country, missing)?;
        let unit =
            unit.map(|u| Unit::parse(u).ok_or_else(|| query_error(py, format!("unknown unit {u:?}")))).transpose()?;
        let (batches, _schema) = data.into_inner();
        let (table, report) = py
            .detach(|| narcostat::arrow::table_from_batches(&batches, "arrow", &opts, unit))
            .map_err(|e| read_error(py, e))?;
        table_or_pair(py, table, &report, lenient)
    }

    /// Reads records in narcostat's JSON shape (a dataset dict's JSON text).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        let (data, _) = narcostat::read::read_str(
            text,
            "json",
            &ReadOptions { format: Some(Format::Json), ..ReadOptions::default() },
        )
        .map_err(|e| read_error(py, e))?;
        let inner = SeizureTable::from_seizures(&data.seizures)
            .map_err(|e| crate::errors::raise(py, "ParseError", e.to_string(), &[]))?;
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

    /// Totals grouped by `by` (names of the shared vocabulary), filtered by
    /// `where` ({"drug": "opium", "country": ["IRN", "AFG"]}) and `period`.
    #[pyo3(signature = (by = None, *, r#where = None, period = None, span_rule = "separate", fiscal_start = 10))]
    fn aggregate(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        r#where: Option<&Bound<'_, PyDict>>,
        period: Option<&str>,
        span_rule: &str,
        fiscal_start: u8,
    ) -> PyResult<PyAggregateResult> {
        let q = self.query(py, by, r#where, period, span_rule, fiscal_start)?;
        let agg = self.run(py, &q)?;
        Ok(PyAggregateResult::new(ResultTable::aggregate(&agg, OutputUnits::default()), Some(agg.accounting)))
    }

    /// The top `n` groups by `measure`, with shares.
    #[pyo3(signature = (by = None, n = 10, *, r#where = None, period = None, measure = "mass"))]
    fn top(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        n: usize,
        r#where: Option<&Bound<'_, PyDict>>,
        period: Option<&str>,
        measure: &str,
    ) -> PyResult<PyAggregateResult> {
        parse_measure(py, measure, &[])?;
        let q = self.query(py, by, r#where, period, "separate", 10)?;
        let agg = self.run(py, &q)?;
        let m = parse_measure(py, measure, &agg.count_units())?;
        let ranking = ResultTable::ranking(&agg, m, Some(n), &[], OutputUnits::default())
            .map_err(|e| query_error(py, e.to_string()))?;
        Ok(PyAggregateResult::new(ranking, Some(agg.accounting)))
    }

    /// Opiates as heroin or opium equivalent, or ATS with tablets as mass,
    /// per group; `factors` overrides the documented defaults
    /// (opium-per-heroin 10, morphine-per-heroin 1, kg-per-litre 1, mg-per-tablet 100).
    #[pyo3(signature = (by = None, *, basis = "heroin", r#where = None, period = None, factors = None))]
    fn equivalents(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        basis: &str,
        r#where: Option<&Bound<'_, PyDict>>,
        period: Option<&str>,
        factors: Option<std::collections::HashMap<String, String>>,
    ) -> PyResult<PyAggregateResult> {
        use narcostat::equivalent::{Basis, Factors};
        let basis = match basis {
            "heroin" => Basis::HeroinEquivalent,
            "opium" => Basis::OpiumEquivalent,
            "ats-mass" | "ats_mass" => Basis::AtsMass,
            other => {
                return Err(query_error(py, format!("basis must be heroin, opium or ats-mass, not {other:?}")));
            }
        };
        let mut f = Factors::default();
        for (k, v) in factors.unwrap_or_default() {
            if !f.set(&k, &v) {
                return Err(query_error(py, format!("invalid factor {k}={v:?}")));
            }
        }
        let q = self.query(py, by, r#where, period, "separate", 10)?;
        let eq = py.detach(|| self.inner.equivalents(&q, basis, f)).map_err(|e| aggregate_error(py, e))?;
        Ok(PyAggregateResult::new(ResultTable::equivalents(&eq, &q.by), None))
    }

    /// A measure over time (`by` one time granularity), each point with its change from the one before.
    #[pyo3(signature = (by = None, *, r#where = None, period = None, measure = "mass"))]
    fn trend(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        r#where: Option<&Bound<'_, PyDict>>,
        period: Option<&str>,
        measure: &str,
    ) -> PyResult<PyAggregateResult> {
        parse_measure(py, measure, &[])?;
        let q = self.query(py, by, r#where, period, "separate", 10)?;
        let agg = self.run(py, &q)?;
        let m = parse_measure(py, measure, &agg.count_units())?;
        let trend = ResultTable::trend(&agg, m, OutputUnits::default()).map_err(|e| query_error(py, e.to_string()))?;
        Ok(PyAggregateResult::new(trend, Some(agg.accounting)))
    }

    /// Compares `period` with `vs`, group by group.
    #[pyo3(signature = (by = None, *, period, vs, r#where = None, measure = "mass"))]
    fn compare(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        period: &str,
        vs: &str,
        r#where: Option<&Bound<'_, PyDict>>,
        measure: &str,
    ) -> PyResult<PyAggregateResult> {
        let m = parse_measure(py, measure, &self.inner.count_units())?;
        let q = self.query(py, by, r#where, None, "separate", 10)?;
        let (cur, prev) = (parse_period(py, period)?, parse_period(py, vs)?);
        let c = py.detach(|| self.inner.compare(&q, cur, prev, m)).map_err(|e| aggregate_error(py, e))?;
        Ok(PyAggregateResult::new(ResultTable::comparison(&c, &q.by, cur, prev, OutputUnits::default()), None))
    }
}

impl PySeizureTable {
    /// Aggregates without holding the GIL.
    fn run(&self, py: Python<'_>, q: &Query) -> PyResult<narcostat::Aggregate> {
        py.detach(|| self.inner.aggregate(q)).map_err(|e| aggregate_error(py, e))
    }

    fn query(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        filter: Option<&Bound<'_, PyDict>>,
        period: Option<&str>,
        span_rule: &str,
        fiscal_start: u8,
    ) -> PyResult<Query> {
        if !(1..=12).contains(&fiscal_start) {
            return Err(query_error(py, format!("fiscal_start must be a month 1-12, not {fiscal_start}")));
        }
        let by = match by {
            Some(b) => parse_by(py, b, fiscal_start)?,
            None => Vec::new(),
        };
        let q = Query {
            by,
            filter: parse_filter(py, filter)?,
            period: period.map(|p| parse_period(py, p)).transpose()?,
            span_rule: match span_rule {
                "separate" => SpanRule::Separate,
                "by-start" | "by_start" => SpanRule::ByStart,
                "by-end" | "by_end" => SpanRule::ByEnd,
                other => {
                    return Err(query_error(
                        py,
                        format!("span_rule must be separate, by-start or by-end, not {other:?}"),
                    ));
                }
            },
        };
        q.validate().map_err(|e| query_error(py, e))?;
        Ok(q)
    }
}
