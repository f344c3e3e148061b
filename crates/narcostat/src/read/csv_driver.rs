//! The CSV reading loop shared by every CSV layout: encoding and delimiter
//! sniffing, strict and lenient modes, row accounting and progress.

use super::error::{ReadError, Rejection, RowError};
use super::format::Format;
use super::options::{Mode, Progress, ReadOptions, ReadReport, Record};
use std::io::Read;

/// A cell-level failure: which column (index into the header), the value, why.
#[derive(Debug)]
pub(crate) struct CellError {
    pub column: Option<usize>,
    pub value: Option<String>,
    pub reason: RowError,
}

impl CellError {
    pub fn at(column: usize, value: &str, reason: RowError) -> Self {
        Self { column: Some(column), value: Some(value.to_owned()), reason }
    }
}

/// One data row, with the header for error messages.
pub(crate) struct Row<'a> {
    pub record: &'a csv::StringRecord,
    pub line: u64,
}

impl Row<'_> {
    pub fn get(&self, i: usize) -> &str {
        self.record.get(i).unwrap_or("").trim()
    }
}

/// A layout's row parser.
pub(crate) trait RowParser {
    /// Parses one row into records.
    fn parse(&mut self, row: &Row<'_>, out: &mut Vec<Record>) -> Result<(), CellError>;

    /// Cells that stood for "nothing" and gave no record (wide tables' zeros).
    fn zero_cells(&self) -> u64 {
        0
    }

    /// Columns of the header the layout does not read.
    fn unread_columns(&self) -> Vec<String> {
        Vec::new()
    }

    /// Records the parser flagged with a note on how it read them (plants in
    /// a kg column); notes that only carry data (a CBP region) are not flags.
    fn flagged(&self) -> u64 {
        0
    }
}

/// Picks the delimiter from the header line: the most frequent of `,` `;` tab.
pub(crate) fn sniff_delimiter(header: &[u8]) -> u8 {
    let line = header.split(|&b| b == b'\n').next().unwrap_or(header);
    [b',', b';', b'\t'].into_iter().max_by_key(|&d| line.iter().filter(|&&b| b == d).count()).unwrap_or(b',')
}

/// Reads CSV from `input` (named `file` in messages) and hands every record to `sink`.
pub(crate) fn read_csv(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Record),
    progress: &mut dyn FnMut(Progress),
) -> Result<ReadReport, ReadError> {
    let mut input = std::io::BufReader::with_capacity(1 << 16, input);
    // Peek at the first bytes to strip a BOM and sniff the delimiter.
    let mut head = Vec::with_capacity(4096);
    (&mut input).take(4096).read_to_end(&mut head).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
    let mut start = 0;
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        start = 3;
    }
    if head[start..].iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty { file: file.to_owned() });
    }
    let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(&head[start..]));
    let chained = std::io::Cursor::new(head[start..].to_vec()).chain(input);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(chained);
    let header: Vec<String> =
        reader.headers().map_err(|e| csv_error(file, &e))?.iter().map(|h| h.trim().to_owned()).collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let format = match &options.format {
        Some(f) => f.clone(),
        None => Format::detect(&header_refs).ok_or_else(|| ReadError::UnknownFormat {
            file: file.to_owned(),
            header: header.join(&*(delimiter as char).to_string()),
        })?,
    };
    let mut parser = super::layouts::parser(&format, &header, file, options)?;
    let mut report = ReadReport {
        file: file.to_owned(),
        format: format.name().to_owned(),
        unread_columns: parser.unread_columns(),
        ..ReadReport::default()
    };
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    loop {
        let before = reader.position().line();
        let next = reader.read_record(&mut record);
        // The line the record starts on (the header is line 1).
        let line = record.position().map_or(before, csv::Position::line);
        let row_result: Result<(), CellError> = match next {
            Ok(false) => break,
            Ok(true) => {
                report.rows_read += 1;
                if record.len() != header.len() && !(record.len() == 1 && record.get(0) == Some("")) {
                    Err(CellError {
                        column: None,
                        value: None,
                        reason: RowError::FieldCount { expected: header.len(), found: record.len() },
                    })
                } else if record.len() == 1 && header.len() > 1 {
                    // A blank line: not a row.
                    report.rows_read -= 1;
                    continue;
                } else {
                    out.clear();
                    parser.parse(&Row { record: &record, line }, &mut out)
                }
            }
            Err(e) => {
                report.rows_read += 1;
                let fatal = !matches!(e.kind(), csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. });
                if fatal {
                    return Err(ReadError::Io { file: file.to_owned(), source: std::io::Error::other(e.to_string()) });
                }
                Err(CellError { column: None, value: None, reason: RowError::Malformed { message: e.to_string() } })
            }
        };
        match row_result {
            Ok(()) => {
                report.rows_accepted += 1;
                for r in out.drain(..) {
                    match &r {
                        Record::Seizure(s) => {
                            report.seizures += 1;
                            if s.quantity.is_none() {
                                report.missing_quantities += 1;
                            }
                        }
                        Record::Total(_) => report.totals += 1,
                    }
                    sink(r);
                }
            }
            Err(cell) => {
                let rejection = Rejection {
                    file: file.to_owned(),
                    line,
                    column: cell.column.and_then(|c| header.get(c).cloned()),
                    column_number: cell.column.map(|c| c + 1),
                    value: cell.value,
                    reason: cell.reason,
                };
                report.rows_rejected += 1;
                if options.mode == Mode::Strict {
                    return Err(ReadError::Row(Box::new(rejection)));
                }
                report.rejections.push(rejection);
            }
        }
        if report.rows_read % 65_536 == 0 {
            progress(Progress { bytes: reader.position().byte(), rows: report.rows_read });
        }
    }
    report.zero_cells = parser.zero_cells();
    report.flagged = parser.flagged();
    progress(Progress { bytes: reader.position().byte(), rows: report.rows_read });
    Ok(report)
}

fn csv_error(file: &str, e: &csv::Error) -> ReadError {
    ReadError::Io { file: file.to_owned(), source: std::io::Error::other(e.to_string()) }
}
