//! JSON (the [`Dataset`] shape) and NDJSON (one [`Seizure`] per line).

use super::error::{ReadError, Rejection, RowError};
use super::options::{Mode, ReadOptions, ReadReport, Record};
use crate::record::{Dataset, Seizure};
use std::io::{BufRead, Read};

fn json_error(file: &str, source: serde_json::Error) -> ReadError {
    ReadError::Json { file: file.to_owned(), line: source.line(), column: source.column(), source }
}

/// Reads a whole JSON dataset.
pub(crate) fn read_json(
    mut input: impl Read,
    file: &str,
    sink: &mut dyn FnMut(Record),
) -> Result<(ReadReport, Dataset), ReadError> {
    let mut text = String::new();
    input.read_to_string(&mut text).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
    // A UTF-8 byte order mark is not JSON, but editors write it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file: file.to_owned() });
    }
    super::json_shape::check_top_level(text, file)?;
    let mut dataset: Dataset = serde_json::from_str(text).map_err(|e| json_error(file, e))?;
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

/// Reads JSON or NDJSON, told apart by the first line that is not blank:
/// NDJSON's is a whole seizure object (with a `substance`), a dataset's is not.
pub(crate) fn read_detected(
    mut input: impl BufRead,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Record),
) -> Result<(ReadReport, Dataset), ReadError> {
    let mut head = Vec::new();
    let first_line = loop {
        let start = head.len();
        let n = input.read_until(b'\n', &mut head).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
        let line = &head[start..];
        if n == 0 || !without_bom(line).iter().all(u8::is_ascii_whitespace) {
            break start;
        }
    };
    let line = without_bom(&head[first_line..]);
    let ndjson = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line)
        .is_ok_and(|object| object.contains_key("substance"));
    let input = std::io::Cursor::new(head).chain(input);
    if ndjson {
        Ok((read_ndjson(input, file, options, sink)?, Dataset::default()))
    } else {
        read_json(input, file, sink)
    }
}

fn without_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(line)
}

/// Reads NDJSON seizures line by line. A line that is not UTF-8 or not a
/// seizure is one rejected row.
pub(crate) fn read_ndjson(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Record),
) -> Result<ReadReport, ReadError> {
    let mut report = ReadReport { file: file.to_owned(), format: "ndjson".to_owned(), ..ReadReport::default() };
    let mut input = std::io::BufReader::new(input);
    let mut bytes = Vec::new();
    let mut line_number: u64 = 0;
    loop {
        bytes.clear();
        let n =
            input.read_until(b'\n', &mut bytes).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
        if n == 0 {
            break;
        }
        line_number += 1;
        let line = if line_number == 1 { without_bom(&bytes) } else { &bytes };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        report.rows_read += 1;
        match seizure(line) {
            Ok(s) => {
                report.rows_accepted += 1;
                report.seizures += 1;
                if s.quantity.is_none() {
                    report.missing_quantities += 1;
                }
                sink(Record::Seizure(s));
            }
            Err((column, reason)) => {
                let rejection = Rejection {
                    file: file.to_owned(),
                    line: line_number,
                    column: None,
                    column_number: Some(column),
                    value: None,
                    row: None,
                    reason,
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

/// One NDJSON line as a seizure, or the 1-based column and reason it is not one.
fn seizure(line: &[u8]) -> Result<Seizure, (usize, RowError)> {
    let text = std::str::from_utf8(line).map_err(|e| {
        (e.valid_up_to() + 1, RowError::Malformed { message: format!("invalid UTF-8 at byte {}", e.valid_up_to() + 1) })
    })?;
    serde_json::from_str::<Seizure>(text).map_err(|e| (e.column(), RowError::Malformed { message: e.to_string() }))
}
