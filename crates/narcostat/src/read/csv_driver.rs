//! The CSV reading loop shared by every CSV layout: encoding and delimiter
//! sniffing, strict and lenient modes, row accounting and progress.

use super::error::{ReadError, Rejection, RowError};
use super::format::Format;
use super::options::{Mode, Progress, ReadOptions, ReadReport, Record};
use super::record_starts::{MAX_RECORD_BYTES, StartLines};
use crate::table::SeizureTable;
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

    /// The column mapping read by (role word, header), for generic tables.
    fn mapping(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Records the parser flagged with a note on how it read them (plants in
    /// a kg column); notes that only carry data (a CBP region) are not flags.
    fn flagged(&self) -> u64 {
        0
    }
}

/// Picks the delimiter from the header line: the most frequent of `,` `;` tab `|`.
pub(crate) fn sniff_delimiter(header: &[u8]) -> u8 {
    let line = header.split(|&b| b == b'\n').next().unwrap_or(header);
    [b',', b';', b'\t', b'|'].into_iter().max_by_key(|&d| line.iter().filter(|&&b| b == d).count()).unwrap_or(b',')
}

/// How many bytes of the input are looked at to strip a BOM and sniff the delimiter.
pub(crate) const HEAD_BYTES: usize = 4096;

/// The length of a UTF-8 byte order mark at the start of `bytes` (0 or 3).
pub(crate) fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 }
}

/// The delimiter of an input whose first [`HEAD_BYTES`] bytes are `head`:
/// the option's, else sniffed from the header line.
pub(crate) fn input_delimiter(options: &ReadOptions, head: &[u8]) -> u8 {
    let head = &head[..head.len().min(HEAD_BYTES)];
    options.delimiter.unwrap_or_else(|| sniff_delimiter(&head[bom_len(head)..]))
}

/// Where a row's records go. The sink can still refuse the row (a table
/// that cannot hold it); the row is then rejected whole.
pub(crate) type RowSink<'a> = dyn FnMut(&mut Vec<Record>) -> Result<(), CellError> + 'a;

/// The csv reader over an input whose BOM is stripped.
type CsvInput<R> = csv::Reader<StartLines<std::io::Chain<std::io::Cursor<Vec<u8>>, std::io::BufReader<R>>>>;

/// Peeks at the first bytes of `input` to strip a BOM and sniff the
/// delimiter, and puts a csv reader over it; gives the delimiter too.
fn open_csv<R: Read>(input: R, file: &str, options: &ReadOptions) -> Result<(CsvInput<R>, u8), ReadError> {
    let mut input = std::io::BufReader::with_capacity(1 << 16, input);
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut input)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
    let start = bom_len(&head);
    if head[start..].iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty { file: file.to_owned() });
    }
    let delimiter = input_delimiter(options, &head);
    let chained = std::io::Cursor::new(head[start..].to_vec()).chain(input);
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(StartLines::new(chained, delimiter));
    Ok((reader, delimiter))
}

/// The header (trimmed) and the format: the option's, else detected from the header.
fn header_and_format<R: Read>(
    reader: &mut CsvInput<R>,
    delimiter: u8,
    file: &str,
    options: &ReadOptions,
) -> Result<(Vec<String>, Format), ReadError> {
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_owned()).collect(),
        Err(e) => return Err(fatal(file, e, reader.get_ref())),
    };
    reader.get_mut().next_line(); // the header's
    let format = super::detect::format_of(&header, file, options).map_err(|e| match e {
        ReadError::UnknownFormat { file, .. } => {
            ReadError::UnknownFormat { file, header: header.join(&*(delimiter as char).to_string()) }
        }
        other => other,
    })?;
    Ok((header, format))
}

/// Reads CSV from `input` (named `file` in messages) and hands the records
/// of every accepted row to `sink`.
pub(crate) fn read_csv(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    sink: &mut RowSink<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ReadReport, ReadError> {
    let (mut reader, delimiter) = open_csv(input, file, options)?;
    let (header, format) = header_and_format(&mut reader, delimiter, file, options)?;
    // The generic layout reads numbers by the delimiter's convention.
    let with_delimiter = ReadOptions { delimiter: Some(delimiter), ..options.clone() };
    let mut parser = super::layouts::parser(&format, &header, file, &with_delimiter)?;
    let mut report = ReadReport {
        file: file.to_owned(),
        format: format.name().to_owned(),
        unread_columns: parser.unread_columns(),
        mapping: parser.mapping(),
        ..ReadReport::default()
    };
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    loop {
        let next = reader.read_record(&mut record);
        if matches!(next, Ok(false)) {
            break;
        }
        let next = match next {
            Err(e) if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }) => {
                return Err(fatal(file, e, reader.get_ref()));
            }
            other => other,
        };
        // The physical line the record starts on (the header is line 1).
        let line = reader.get_mut().next_line().unwrap_or_else(|| reader.position().line());
        let parsed = match next {
            Ok(_) if is_blank(&record, header.len()) => continue,
            Ok(_) => parse_row(&mut *parser, &record, header.len(), line, &mut out),
            Err(e) => Err(malformed(&e)),
        };
        let outcome = parsed.and_then(|()| {
            let tally = Tally::of(&out);
            sink(&mut out).map(|()| tally)
        });
        if outcome.is_err() {
            out.clear();
        }
        account(&mut report, outcome, RowPlace { file, line, header: &header }, options.mode)?;
        if report.rows_read % 65_536 == 0 {
            progress(Progress { bytes: reader.position().byte(), rows: report.rows_read });
        }
    }
    report.zero_cells = parser.zero_cells();
    report.flagged = parser.flagged();
    progress(Progress { bytes: reader.position().byte(), rows: report.rows_read });
    Ok(report)
}

/// Where a row is, for its rejection.
struct RowPlace<'a> {
    file: &'a str,
    line: u64,
    header: &'a [String],
}

/// Counts a row read into `report`: accepted with its tally, or rejected
/// (an error in strict mode, a listed rejection in lenient mode).
fn account(
    report: &mut ReadReport,
    outcome: Result<Tally, CellError>,
    at: RowPlace<'_>,
    mode: Mode,
) -> Result<(), ReadError> {
    report.rows_read += 1;
    let cell = match outcome {
        Ok(tally) => {
            report.rows_accepted += 1;
            tally.add_to(report);
            return Ok(());
        }
        Err(cell) => cell,
    };
    let rejection = Rejection {
        file: at.file.to_owned(),
        line: at.line,
        column: cell.column.and_then(|c| at.header.get(c).cloned()),
        column_number: cell.column.map(|c| c + 1),
        value: cell.value,
        row: None,
        reason: cell.reason,
    };
    report.rows_rejected += 1;
    if mode == Mode::Strict {
        return Err(ReadError::Row(Box::new(rejection)));
    }
    report.rejections.push(rejection);
    Ok(())
}

/// A row the csv crate could not read: invalid UTF-8 in a field. (The csv
/// crate's own message is not used: its record and line numbers count from
/// where a reader started, which is not the file's start for a parallel part.)
fn malformed(e: &csv::Error) -> CellError {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => CellError {
            column: Some(err.field()),
            value: None,
            reason: RowError::Malformed {
                message: format!("invalid UTF-8 after the first {} bytes of the field", err.valid_up_to()),
            },
        },
        _ => CellError { column: None, value: None, reason: RowError::Malformed { message: e.to_string() } },
    }
}

/// A line with nothing on it (or only `""`): not a row.
fn is_blank(record: &csv::StringRecord, header_len: usize) -> bool {
    record.len() == 1 && header_len > 1 && record.get(0) == Some("")
}

/// Parses one data row into `out`: the field count, the layout's cells, and
/// what every record needs to fit a [`SeizureTable`], so that a row is
/// accepted or rejected alike whether it is read into records or a table.
fn parse_row(
    parser: &mut dyn RowParser,
    record: &csv::StringRecord,
    header_len: usize,
    line: u64,
    out: &mut Vec<Record>,
) -> Result<(), CellError> {
    if record.len() != header_len {
        let reason = RowError::FieldCount { expected: header_len, found: record.len() };
        return Err(CellError { column: None, value: None, reason });
    }
    out.clear();
    parser.parse(&Row { record, line }, out)?;
    for r in out.iter() {
        if let Record::Seizure(s) = r {
            SeizureTable::admits(s).map_err(|e| CellError {
                column: None,
                value: None,
                reason: RowError::Unsupported { message: e.to_string() },
            })?;
        }
    }
    Ok(())
}

/// What a row's records add to the report.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    seizures: u64,
    totals: u64,
    missing_quantities: u64,
}

impl Tally {
    fn of(records: &[Record]) -> Self {
        let mut t = Self::default();
        for r in records {
            match r {
                Record::Seizure(s) => {
                    t.seizures += 1;
                    t.missing_quantities += u64::from(s.quantity.is_none());
                }
                Record::Total(_) => t.totals += 1,
            }
        }
        t
    }

    fn add_to(self, report: &mut ReadReport) {
        report.seizures += self.seizures;
        report.totals += self.totals;
        report.missing_quantities += self.missing_quantities;
    }
}

/// An error that stops reading: a record too long to be one, or the input failing.
fn fatal<R: Read>(file: &str, e: csv::Error, input: &StartLines<R>) -> ReadError {
    let file = file.to_owned();
    match input.overlong() {
        Some(line) => ReadError::RecordTooLong { file, line, limit: MAX_RECORD_BYTES },
        // The input failing is an I/O error, whatever reader saw it.
        None if e.is_io_error() => match e.into_kind() {
            csv::ErrorKind::Io(source) => ReadError::Io { file, source },
            other => ReadError::Io { file, source: std::io::Error::other(format!("{other:?}")) },
        },
        None => ReadError::Csv { file, source: e },
    }
}
