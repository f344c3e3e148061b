//! JSON (the [`Dataset`] shape) and NDJSON (one [`Seizure`] per line).

use super::error::{ReadError, Rejection, RowError};
use super::options::{Mode, ReadOptions, ReadReport, Record};
use crate::record::{Dataset, Seizure};
use std::io::{BufRead, Read};

fn json_error(file: &str, e: &serde_json::Error) -> ReadError {
    ReadError::Json { file: file.to_owned(), line: e.line(), column: e.column(), message: e.to_string() }
}

/// Reads a whole JSON dataset.
pub(crate) fn read_json(
    mut input: impl Read,
    file: &str,
    sink: &mut dyn FnMut(Record),
) -> Result<(ReadReport, Dataset), ReadError> {
    let mut text = String::new();
    input.read_to_string(&mut text).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file: file.to_owned() });
    }
    super::json_shape::check_top_level(&text, file)?;
    let mut dataset: Dataset = serde_json::from_str(&text).map_err(|e| json_error(file, &e))?;
    let mut report = ReadReport { file: file.to_owned(), format: "json".to_owned(), ..ReadReport::default() };
    let n = (dataset.seizures.len() + dataset.reported_totals.len()) as u64;
    report.rows_read = n;
    report.rows_accepted = n;
    report.seizures = dataset.seizures.len() as u64;
    report.totals = dataset.reported_totals.len() as u64;
    report.missing_quantities = dataset.seizures.iter().filter(|s| s.quantity.is_none()).count() as u64;
    for s in std::mem::take(&mut dataset.seizures) {
        sink(Record::Seizure(s));
    }
    for t in std::mem::take(&mut dataset.reported_totals) {
        sink(Record::Total(t));
    }
    Ok((report, dataset))
}

/// Reads NDJSON seizures line by line.
pub(crate) fn read_ndjson(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Record),
) -> Result<ReadReport, ReadError> {
    let mut report = ReadReport { file: file.to_owned(), format: "ndjson".to_owned(), ..ReadReport::default() };
    for (i, line) in std::io::BufReader::new(input).lines().enumerate() {
        let line = line.map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
        if line.trim().is_empty() {
            continue;
        }
        report.rows_read += 1;
        match serde_json::from_str::<Seizure>(&line) {
            Ok(s) => {
                report.rows_accepted += 1;
                report.seizures += 1;
                if s.quantity.is_none() {
                    report.missing_quantities += 1;
                }
                sink(Record::Seizure(s));
            }
            Err(e) => {
                let rejection = Rejection {
                    file: file.to_owned(),
                    line: i as u64 + 1,
                    column: None,
                    column_number: Some(e.column()),
                    value: None,
                    reason: RowError::Malformed { message: e.to_string() },
                };
                report.rows_rejected += 1;
                if options.mode == Mode::Strict {
                    return Err(ReadError::Row(Box::new(rejection)));
                }
                report.rejections.push(rejection);
            }
        }
    }
    Ok(report)
}
