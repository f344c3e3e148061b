//! Core errors to Python exceptions (defined in `narcostat._exceptions`),
//! with the same messages as Rust.

use narcostat::ErrorKind;
use narcostat::read::{ReadError, RowError};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("narcostat._exceptions")?.getattr(name)
}

/// An exception of class `name` built from `message` and keyword fields.
pub fn raise(py: Python<'_>, name: &str, message: String, fields: &[(&str, Option<Bound<'_, PyAny>>)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        for (k, v) in fields {
            if let Some(v) = v {
                kwargs.set_item(k, v)?;
            }
        }
        let exc = class(py, name)?.call((message.clone(),), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// The Python class of an error kind (`FileNotFoundError`, `OSError` or one
/// of `narcostat._exceptions`).
fn class_of(kind: ErrorKind, message: String) -> Result<&'static str, PyErr> {
    Ok(match kind {
        ErrorKind::NotFound => return Err(PyFileNotFoundError::new_err(message)),
        ErrorKind::Io => return Err(PyOSError::new_err(message)),
        ErrorKind::UnknownSubstance => "UnknownSubstanceError",
        ErrorKind::UnitMismatch => "UnitMismatchError",
        ErrorKind::Query => "QueryError",
        ErrorKind::Aggregate => "AggregateError",
        // A kind added later is still an error of narcostat's, raised as
        // the closest: input that cannot be read.
        _ => "ParseError",
    })
}

fn value<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Option<Bound<'py, PyAny>> {
    v.into_bound_py_any(py).ok()
}

/// The fields a reader error gives its exception: where (`file`, `line`,
/// `column`, `column_name`), the offending `value`, the `kind` of cause
/// ([`ReadError::reason`]) and, for an unknown substance, `suggestions`.
fn read_fields<'py>(py: Python<'py>, e: &ReadError) -> Vec<(&'static str, Option<Bound<'py, PyAny>>)> {
    let mut fields = vec![("file", value(py, e.file())), ("kind", value(py, e.reason()))];
    match e {
        ReadError::Row(r) => {
            fields.push(("line", value(py, r.line)));
            fields.push(("column", r.column_number.and_then(|c| value(py, c))));
            fields.push(("column_name", r.column.clone().and_then(|c| value(py, c))));
            fields.push(("value", r.value.clone().and_then(|c| value(py, c))));
            fields.push(("row", r.row.and_then(|c| value(py, c))));
            if let RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                fields.push(("suggestions", value(py, suggestions.clone())));
            }
        }
        ReadError::Json { line, column, .. } => {
            fields.push(("line", value(py, *line)));
            fields.push(("column", value(py, *column)));
        }
        _ => {}
    }
    fields
}

/// Any core error as the Python exception of its [`ErrorKind`], with the
/// Rust message; reader errors carry their fields (see `read_fields`).
pub fn error(py: Python<'_>, e: impl Into<narcostat::Error>) -> PyErr {
    let e: narcostat::Error = e.into();
    let message = e.to_string();
    let name = match class_of(e.kind(), message.clone()) {
        Ok(name) => name,
        Err(builtin) => return builtin,
    };
    match &e {
        narcostat::Error::Read(r) => raise(py, name, message, &read_fields(py, r)),
        other => raise(py, name, message, &[("kind", value(py, other.reason()))]),
    }
}

/// Keywords that do not make a spec (an unknown keyword or word, a negative
/// `n`, a bad period) as `QueryError`, with the core's message.
pub fn spec_error(py: Python<'_>, e: impl std::fmt::Display) -> PyErr {
    raise(py, "QueryError", e.to_string(), &[("kind", value(py, ErrorKind::Query.word()))])
}

/// Issues `message` as a `narcostat.CoverageWarning`.
pub fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    py.import("warnings")?.call_method1("warn", (message, class(py, "CoverageWarning")?, 2))?;
    Ok(())
}
