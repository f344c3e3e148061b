//! The Python binding of narcostat: conversion and error mapping only; every
//! figure comes from the core crate.

mod errors;
mod result;
mod table;

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The bulletin of `records` (None: the embedded February 2021 month; a path;
/// a dataset dict; or its JSON text) for `period`, as text, markdown, html or json.
#[pyfunction]
#[pyo3(signature = (records = None, *, period = None, format = "text"))]
fn bulletin(
    py: Python<'_>,
    records: Option<&Bound<'_, PyAny>>,
    period: Option<&str>,
    format: &str,
) -> PyResult<String> {
    let dataset = match records {
        None => narcostat::seed::bulletin_2021_02(),
        Some(r) => dataset_of(py, r)?,
    };
    let period = period.map(narcostat::Period::parse).transpose().map_err(|e| errors::query_error(py, e))?;
    let f = narcostat::bulletin::BulletinFormat::parse(format).ok_or_else(|| {
        errors::query_error(py, format!("unknown format {format:?}: expected text, markdown, html or json"))
    })?;
    let b = narcostat::bulletin::Bulletin::build(&dataset, period).map_err(|e| errors::bulletin_error(py, e))?;
    Ok(b.render(f))
}

fn dataset_of(py: Python<'_>, r: &Bound<'_, PyAny>) -> PyResult<narcostat::Dataset> {
    let json_opts = narcostat::read::ReadOptions { format: Some(narcostat::read::Format::Json), ..Default::default() };
    if let Ok(text) = r.extract::<String>() {
        if text.trim_start().starts_with('{') {
            return narcostat::read::read_str(&text, "json", &json_opts)
                .map(|d| d.0)
                .map_err(|e| errors::read_error(py, e));
        }
        return narcostat::read::read_path(&text, &Default::default())
            .map(|d| d.0)
            .map_err(|e| errors::read_error(py, e));
    }
    if let Ok(path) = r.extract::<std::path::PathBuf>() {
        return narcostat::read::read_path(&path, &Default::default())
            .map(|d| d.0)
            .map_err(|e| errors::read_error(py, e));
    }
    if r.is_instance_of::<PyDict>() {
        let text: String = py.import("json")?.call_method1("dumps", (r,))?.extract()?;
        return narcostat::read::read_str(&text, "dict", &json_opts)
            .map(|d| d.0)
            .map_err(|e| errors::read_error(py, e));
    }
    Err(pyo3::exceptions::PyTypeError::new_err("records: expected None, a path, a dataset dict or its JSON text"))
}

/// The embedded February 2021 month as a dataset dict.
#[pyfunction]
fn embedded_month(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.call_method1("loads", (narcostat::seed::BULLETIN_2021_02_JSON,))
}

/// Checks a stated total ("about 58383 kg") against item quantities ("47767 kg", ...).
#[pyfunction]
#[pyo3(signature = (stated, items, *, tolerance = 0.005))]
fn check_total<'py>(py: Python<'py>, stated: &str, items: Vec<String>, tolerance: f64) -> PyResult<Bound<'py, PyDict>> {
    let mut quantities = Vec::with_capacity(items.len());
    for i in &items {
        quantities.push(narcostat::Quantity::parse(i).map_err(|e| errors::quantity_error(py, e))?);
    }
    let c = narcostat::check::check_stated(stated, &quantities, narcostat::check::Tolerance { about: tolerance })
        .map_err(|e| errors::quantity_error(py, e))?;
    let d = PyDict::new(py);
    let unit = c.stated.unit();
    let value = |q: narcostat::Quantity| q.value_in(unit).map(|v| v.to_string()).unwrap_or_default();
    d.set_item("stated", value(c.stated))?;
    d.set_item("qualifier", c.qualifier.word())?;
    d.set_item("items", value(c.items))?;
    d.set_item("item_count", c.item_count)?;
    d.set_item("difference", &c.difference)?;
    d.set_item("unit", unit.symbol())?;
    d.set_item("relative", c.relative)?;
    d.set_item("consistent", c.consistent)?;
    d.set_item("message", c.describe())?;
    Ok(d)
}

#[pymodule]
fn _narcostat(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<table::PySeizureTable>()?;
    m.add_class::<result::PyAggregateResult>()?;
    m.add_function(wrap_pyfunction!(table::read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(bulletin, m)?)?;
    m.add_function(wrap_pyfunction!(embedded_month, m)?)?;
    m.add_function(wrap_pyfunction!(check_total, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
