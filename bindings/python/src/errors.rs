//! Core errors to Python exceptions (defined in `narcostat._exceptions`),
//! with the same messages as Rust.

use narcostat::read::{ReadError, RowError};
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

fn kind(reason: &RowError) -> &'static str {
    match reason {
        RowError::UnknownSubstance { .. } => "unknown_substance",
        RowError::BadNumber { .. } => "bad_number",
        RowError::UnknownUnit { .. } => "unknown_unit",
        RowError::BadDate { .. } => "bad_date",
        RowError::Negative { .. } => "negative",
        RowError::OutOfRange { .. } => "out_of_range",
        RowError::FieldCount { .. } => "field_count",
        RowError::Missing => "missing",
        RowError::UnknownCountry { .. } => "unknown_country",
        RowError::Malformed { .. } => "malformed",
        RowError::BelowResolution { .. } => "below_resolution",
        RowError::SolarHijriDate { .. } => "solar_hijri_date",
        RowError::BadCells { .. } => "bad_cells",
        _ => "unsupported",
    }
}

/// A reader error as a Python exception.
pub fn read_error(py: Python<'_>, e: ReadError) -> PyErr {
    let message = e.to_string();
    match e {
        ReadError::Row(r) => {
            let mut fields = vec![
                ("file", r.file.clone().into_pyobject(py).ok().map(|v| v.into_any())),
                ("line", r.line.into_pyobject(py).ok().map(|v| v.into_any())),
                ("column", r.column_number.and_then(|c| c.into_pyobject(py).ok().map(|v| v.into_any()))),
                ("column_name", r.column.clone().and_then(|c| c.into_pyobject(py).ok().map(|v| v.into_any()))),
                ("value", r.value.clone().and_then(|c| c.into_pyobject(py).ok().map(|v| v.into_any()))),
                ("kind", kind(&r.reason).into_pyobject(py).ok().map(|v| v.into_any())),
            ];
            if let RowError::UnknownSubstance { suggestions, .. } = &r.reason {
                fields.push(("suggestions", suggestions.clone().into_pyobject(py).ok().map(|v| v.into_any())));
                return raise(py, "UnknownSubstanceError", message, &fields);
            }
            raise(py, "ParseError", message, &fields)
        }
        ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(message)
        }
        ReadError::Io { .. } => PyOSError::new_err(message),
        ReadError::Json { file, line, column, .. } => raise(
            py,
            "ParseError",
            message,
            &[
                ("file", file.into_pyobject(py).ok().map(|v| v.into_any())),
                ("line", line.into_pyobject(py).ok().map(|v| v.into_any())),
                ("column", column.into_pyobject(py).ok().map(|v| v.into_any())),
                ("kind", "json".into_pyobject(py).ok().map(|v| v.into_any())),
            ],
        ),
        other => raise(py, "ParseError", other.to_string(), &[]),
    }
}

/// A query error as `QueryError`.
pub fn query_error(py: Python<'_>, e: impl std::fmt::Display) -> PyErr {
    raise(py, "QueryError", e.to_string(), &[])
}

/// An aggregation error.
pub fn aggregate_error(py: Python<'_>, e: narcostat::AggregateError) -> PyErr {
    match e {
        narcostat::AggregateError::Query(q) => query_error(py, q),
        other => raise(py, "AggregateError", other.to_string(), &[]),
    }
}

/// A quantity error: `UnitMismatchError` across dimensions or kinds of
/// counted items, else `ParseError`.
pub fn quantity_error(py: Python<'_>, e: narcostat::QuantityError) -> PyErr {
    match e {
        narcostat::QuantityError::DimensionMismatch { .. } | narcostat::QuantityError::CountKindMismatch { .. } => {
            raise(py, "UnitMismatchError", e.to_string(), &[])
        }
        other => raise(py, "ParseError", other.to_string(), &[]),
    }
}

/// A bulletin that cannot be made: a record the table cannot hold is a
/// `ParseError`, a missing period a `QueryError`, an aggregation failure an `AggregateError`.
pub fn bulletin_error(py: Python<'_>, e: narcostat::bulletin::BulletinError) -> PyErr {
    use narcostat::bulletin::BulletinError;
    match e {
        BulletinError::Aggregate(a) => aggregate_error(py, a),
        BulletinError::NoPeriod => query_error(py, e),
        other => raise(py, "ParseError", other.to_string(), &[]),
    }
}
