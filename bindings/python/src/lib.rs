//! The Python binding of narcostat: keywords deserialise into the core's
//! specs, results render from its `ResultTable`, errors map from its
//! `ErrorKind`; every figure and every word comes from the core crate.

mod bulletin;
mod errors;
mod result;
mod spec;
mod table;
mod vocabulary;

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Checks a stated total ("about 58383 kg") against item quantities ("47767 kg", ...).
#[pyfunction]
#[pyo3(signature = (stated, items, *, tolerance = 0.005))]
fn check_total<'py>(py: Python<'py>, stated: &str, items: Vec<String>, tolerance: f64) -> PyResult<Bound<'py, PyDict>> {
    let quantities = items
        .iter()
        .map(|i| narcostat::Quantity::parse(i))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| errors::error(py, e))?;
    let c = narcostat::check::check_stated(stated, &quantities, narcostat::check::Tolerance { about: tolerance })
        .map_err(|e| errors::error(py, e))?;
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
    m.add_class::<result::PyResultTable>()?;
    m.add_function(wrap_pyfunction!(table::read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(bulletin::bulletin, m)?)?;
    m.add_function(wrap_pyfunction!(bulletin::embedded_month, m)?)?;
    m.add_function(wrap_pyfunction!(check_total, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary::drugs, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary::resolve, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary::vocabulary, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
