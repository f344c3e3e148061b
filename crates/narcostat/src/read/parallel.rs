//! Reading a large CSV on all cores. The input is read in blocks; a block is
//! cut into parts only where the one-pass reader starts a record (found by
//! the `csv` crate's own state machine, see [`RecordStarts`]); the parts are
//! read in parallel by the one-pass reader, each behind a copy of the file's
//! head, and their tables are appended in order. Records, rejections, line
//! numbers, the first error in strict mode and the row accounting are those
//! of reading in one pass, whatever the block size. Memory stays bounded by
//! a block plus the longest record ([`MAX_RECORD_BYTES`]) plus the table.

use super::csv_driver::{HEAD_BYTES, bom_len, input_delimiter};
use super::error::ReadError;
use super::format::Format;
use super::options::{Mode, Progress, ReadOptions, ReadReport};
use super::record_starts::{LineCounter, MAX_RECORD_BYTES, RecordStart, RecordStarts};
use crate::record::ReportedTotal;
use crate::table::SeizureTable;
use rayon::prelude::*;
use std::io::Read;

/// The block size of [`read_table_parallel`].
const BLOCK: usize = 32 << 20;

/// How many bytes the one-pass reader looks at to tell JSON from CSV.
const SNIFF_BYTES: usize = 8 << 10;

type Part = (SeizureTable, Vec<ReportedTotal>, ReadReport);

/// Like [`read_table`](super::read_table), on all cores for CSV layouts;
/// JSON, NDJSON and inputs whose header cannot be told go through the
/// one-pass reader. Memory stays bounded by a block (32 MB) plus the table.
pub fn read_table_parallel(
    input: impl Read,
    file: &str,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    read_table_parallel_in_blocks(input, file, options, BLOCK, progress)
}

/// Like [`read_table_parallel`] with blocks of about `block` bytes. The
/// block size changes speed and memory, never a result: tests and fuzzing
/// use tiny blocks so that cuts fall everywhere.
///
/// ```
/// use narcostat::read::{ReadOptions, read_table, read_table_parallel_in_blocks};
/// let csv = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n\
///            Africa,Cote d\"Ivoire,CIV,Cannabis-type,Marijuana (herb),2018,10\n\
///            \"x\nAsia,Iran,IRN,Opioids,Heroin,2018,999\ny\",Iran,IRN,Opioids,Heroin,2018,5\n";
/// let options = ReadOptions::default();
/// let (one, _, r1) = read_table(csv.as_bytes(), "f.csv", &options, &mut |_| {}).unwrap();
/// let (all, _, r2) = read_table_parallel_in_blocks(csv.as_bytes(), "f.csv", &options, 7, &mut |_| {}).unwrap();
/// assert_eq!(r1, r2);
/// assert_eq!(one.rows().collect::<Vec<_>>(), all.rows().collect::<Vec<_>>());
/// assert_eq!(all.len(), 2); // no invented row of 999 kg
/// ```
pub fn read_table_parallel_in_blocks(
    mut input: impl Read,
    file: &str,
    options: &ReadOptions,
    block: usize,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    let block = block.max(1);
    let mut buf = Vec::new();
    let mut eof = false;
    while buf.len() < SNIFF_BYTES.max(HEAD_BYTES) && !eof {
        eof = fill(&mut input, &mut buf, block, file)?;
    }
    let head = loop {
        match Head::find(&buf, options, eof) {
            Found::Head(head) => break *head,
            Found::NotCsv => return super::read_table(std::io::Cursor::new(buf).chain(input), file, options, progress),
            Found::NeedMore => eof = fill(&mut input, &mut buf, block, file)?,
        }
    };
    buf.drain(..head.bytes.len());
    Blocks::new(head, file, options, block).read(input, buf, eof, progress)
}

/// The file up to its first data record: BOM, header, blank lines.
struct Head {
    bytes: Vec<u8>,
    delimiter: u8,
    format: Format,
    /// The line of the first data record.
    first_line: u64,
}

enum Found {
    Head(Box<Head>),
    /// JSON, NDJSON, no header or no data: the one-pass reader decides.
    NotCsv,
    NeedMore,
}

impl Head {
    /// The head of `buf`, as the one-pass reader would read it.
    fn find(buf: &[u8], options: &ReadOptions, eof: bool) -> Found {
        let sniff = &buf[..buf.len().min(SNIFF_BYTES)];
        let first = sniff.iter().copied().find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
        if matches!(options.format, Some(Format::Json | Format::Ndjson))
            || (options.format.is_none() && first == Some(b'{'))
        {
            return Found::NotCsv;
        }
        let delimiter = input_delimiter(options, buf);
        let bom = bom_len(buf);
        let mut scanner = RecordStarts::new(delimiter);
        let mut starts = Vec::new();
        let mut scanned = Ok(());
        let mut offset = 0;
        for chunk in buf[bom..].chunks(1 << 16) {
            scanned = scanner.scan(chunk, &mut |s| starts.push(RecordStart { offset: offset + s.offset, ..s }));
            offset += chunk.len();
            if scanned.is_err() || starts.len() >= 2 {
                break;
            }
        }
        let (Ok(()), [_, data, ..]) = (scanned, starts.as_slice()) else {
            return if eof || buf.len() > MAX_RECORD_BYTES { Found::NotCsv } else { Found::NeedMore };
        };
        let end = bom + data.offset;
        let format = match &options.format {
            // A generic table that learns its decimal convention from its
            // cells reads in one pass: blocks would each learn their own.
            Some(Format::Generic(_))
                if options.decimal_mark == crate::quantity::DecimalMark::Auto && delimiter != b',' =>
            {
                return Found::NotCsv;
            }
            Some(f) => f.clone(),
            None => match detect(&buf[bom..end], delimiter) {
                Some(f) => f,
                None => return Found::NotCsv,
            },
        };
        Found::Head(Box::new(Head { bytes: buf[..end].to_vec(), delimiter, format, first_line: data.line }))
    }
}

/// The layout named by a header line.
fn detect(header: &[u8], delimiter: u8) -> Option<Format> {
    let mut r = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(header);
    let record = r.records().next()?.ok()?;
    let fields: Vec<&str> = record.iter().map(str::trim).collect();
    Format::detect(&fields)
}

/// Appends up to `block` bytes of `input` to `buf`; whether the input has ended.
fn fill(input: &mut impl Read, buf: &mut Vec<u8>, block: usize, file: &str) -> Result<bool, ReadError> {
    let start = buf.len();
    buf.resize(start + block, 0);
    let mut filled = start;
    let mut eof = false;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => {
                eof = true;
                break;
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => return Err(ReadError::Io { file: file.to_owned(), source }),
        }
    }
    buf.truncate(filled);
    Ok(eof)
}

/// Where a block is cut.
struct Cuts {
    /// Starts of the parts (record starts), in order.
    parts: Vec<RecordStart>,
    /// Where the last part ends: the block's end, or the start of a record
    /// that may go on in the next block.
    end: usize,
    /// The lines counted up to `end`.
    lines: LineCounter,
    /// A record too long, starting on this line at `end`.
    overlong: Option<u64>,
}

/// The block loop's state.
struct Blocks<'a> {
    head: Head,
    file: &'a str,
    options: ReadOptions,
    mode: Mode,
    block: usize,
    parts_per_block: usize,
    table: SeizureTable,
    totals: Vec<ReportedTotal>,
    report: ReadReport,
}

impl<'a> Blocks<'a> {
    fn new(head: Head, file: &'a str, options: &ReadOptions, block: usize) -> Self {
        let report =
            ReadReport { file: file.to_owned(), format: head.format.name().to_owned(), ..ReadReport::default() };
        Self {
            options: ReadOptions {
                format: Some(head.format.clone()),
                delimiter: Some(head.delimiter),
                sources: false,
                ..options.clone()
            },
            head,
            file,
            mode: options.mode,
            block,
            parts_per_block: rayon::current_num_threads().max(1) * 2,
            table: SeizureTable::new(),
            totals: Vec::new(),
            report,
        }
    }

    fn read(
        mut self,
        mut input: impl Read,
        mut buf: Vec<u8>,
        mut eof: bool,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
        let mut lines = LineCounter::at_line(self.head.first_line);
        let mut consumed = self.head.bytes.len() as u64;
        loop {
            while buf.len() < self.block && !eof {
                eof = fill(&mut input, &mut buf, self.block, self.file)?;
            }
            let cuts = self.cut(&buf, lines, eof);
            if cuts.end == 0 && cuts.overlong.is_none() && !eof {
                // One record fills the block: read more.
                eof = fill(&mut input, &mut buf, self.block, self.file)?;
                continue;
            }
            self.read_parts(&buf, &cuts)?;
            if let Some(line) = cuts.overlong {
                return Err(ReadError::RecordTooLong { file: self.file.to_owned(), line, limit: MAX_RECORD_BYTES });
            }
            lines = cuts.lines;
            consumed += cuts.end as u64;
            progress(Progress { bytes: consumed, rows: self.report.rows_read });
            buf.drain(..cuts.end);
            if eof && buf.is_empty() {
                break;
            }
        }
        if self.mode == Mode::Strict {
            if let Some(r) = self.report.rejections.first() {
                return Err(ReadError::Row(Box::new(r.clone())));
            }
        }
        self.table.shrink_to_fit();
        Ok((self.table, self.totals, self.report))
    }

    /// Cuts `buf` (which begins outside any record, `lines` counted before
    /// it) into parts of about equal size at record starts.
    fn cut(&self, buf: &[u8], lines: LineCounter, eof: bool) -> Cuts {
        let mut starts = RecordStarts::resume(self.head.delimiter, lines, MAX_RECORD_BYTES);
        let mut parts: Vec<RecordStart> = Vec::new();
        let mut last = None;
        let per_part = buf.len() / self.parts_per_block + 1;
        let scanned = starts.scan(buf, &mut |s| {
            if parts.last().is_none_or(|p| s.offset >= p.offset + per_part) {
                parts.push(s);
            }
            last = Some(s);
        });
        if scanned.is_err() || !eof {
            // The last record found may be cut short (or too long): it is the end.
            let Some(end) = last else {
                // Only line ends: nothing to read; their lines are counted.
                return Cuts { parts, end: buf.len(), lines: starts.lines(), overlong: None };
            };
            parts.retain(|p| p.offset < end.offset);
            let overlong = scanned.err().map(|o| o.line);
            return Cuts { parts, end: end.offset, lines: LineCounter::at_line(end.line), overlong };
        }
        Cuts { parts, end: buf.len(), lines: starts.lines(), overlong: None }
    }

    /// Reads the parts of a block in parallel and appends them in order.
    fn read_parts(&mut self, buf: &[u8], cuts: &Cuts) -> Result<(), ReadError> {
        let ends = cuts.parts.iter().skip(1).map(|p| p.offset).chain([cuts.end]);
        let parts: Vec<(RecordStart, &[u8])> =
            cuts.parts.iter().zip(ends).map(|(p, e)| (*p, &buf[p.offset..e])).collect();
        let results: Vec<(u64, Result<Part, ReadError>)> = parts
            .into_par_iter()
            .map(|(start, bytes)| {
                let text = std::io::Cursor::new(self.head.bytes.as_slice()).chain(bytes);
                // Lines in a part count from the head; shift them to the file's.
                (
                    start.line.saturating_sub(self.head.first_line),
                    super::read_table(text, self.file, &self.options, &mut |_| {}),
                )
            })
            .collect();
        for (shift, result) in results {
            let (table, totals, report) = result.map_err(|e| shift_error(e, shift))?;
            self.table.append(&table).map_err(|source| ReadError::Table { file: self.file.to_owned(), source })?;
            self.totals.extend(totals);
            merge(&mut self.report, report, shift);
        }
        Ok(())
    }
}

fn merge(report: &mut ReadReport, part: ReadReport, shift: u64) {
    report.rows_read += part.rows_read;
    report.rows_accepted += part.rows_accepted;
    report.rows_rejected += part.rows_rejected;
    report.seizures += part.seizures;
    report.totals += part.totals;
    report.missing_quantities += part.missing_quantities;
    report.flagged += part.flagged;
    report.zero_cells += part.zero_cells;
    if report.unread_columns.is_empty() {
        report.unread_columns.clone_from(&part.unread_columns);
    }
    report.rejections.extend(part.rejections.into_iter().map(|mut r| {
        r.line += shift;
        r
    }));
}

/// A part's error, with its line in the file.
fn shift_error(e: ReadError, shift: u64) -> ReadError {
    match e {
        ReadError::Row(mut r) => {
            r.line += shift;
            ReadError::Row(r)
        }
        ReadError::RecordTooLong { file, line, limit } => ReadError::RecordTooLong { file, line: line + shift, limit },
        other => other,
    }
}
