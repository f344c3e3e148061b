//! Core errors to Python exceptions: `narcostat._exceptions.from_core` picks
//! the class of the error's `ErrorKind` and sets the core's `ErrorFields` as
//! attributes; the message is the Rust one.

use narcostat::{ErrorFields, ErrorKind};
use pyo3::prelude::*;

fn exceptions(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("narcostat._exceptions")
}

/// The exception of `category` with `message` and `fields`.
fn raise(py: Python<'_>, category: ErrorKind, message: String, fields: &ErrorFields) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = pythonize::pythonize(py, fields)?.cast_into()?;
        let e = exceptions(py)?.getattr("from_core")?.call((category.word(), message), Some(&kwargs))?;
        Ok(PyErr::from_value(e))
    };
    build().unwrap_or_else(|e| e)
}

/// Any core error as the Python exception of its [`ErrorKind`] (see
/// `narcostat._exceptions.from_core`), with [`narcostat::Error::fields`].
pub fn error(py: Python<'_>, e: impl Into<narcostat::Error>) -> PyErr {
    let e: narcostat::Error = e.into();
    raise(py, e.kind(), e.to_string(), &e.fields())
}

/// Keywords that do not make a spec (an unknown keyword or word, a negative
/// `n`, a bad period) as `QueryError`, with the core's message.
pub fn spec_error(py: Python<'_>, e: impl std::fmt::Display) -> PyErr {
    let fields = ErrorFields { kind: ErrorKind::Query.word(), ..ErrorFields::default() };
    raise(py, ErrorKind::Query, e.to_string(), &fields)
}

/// Issues `message` as a `narcostat.CoverageWarning`.
pub fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    let class = exceptions(py)?.getattr("CoverageWarning")?;
    py.import("warnings")?.call_method1("warn", (message, class, 2))?;
    Ok(())
}
