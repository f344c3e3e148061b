//! Reading a large CSV on all cores: the input is read in blocks of whole
//! lines; each block is cut into parts at line ends (outside quoted fields),
//! the parts are parsed in parallel by the ordinary reader, and their tables
//! are appended in order. Line numbers, strict-mode errors (the first bad row
//! of the file) and the row accounting are the same as reading in one pass.

use super::csv_driver::sniff_delimiter;
use super::error::{ReadError, Rejection};
use super::format::Format;
use super::options::{Mode, Progress, ReadOptions, ReadReport};
use crate::record::ReportedTotal;
use crate::table::SeizureTable;
use rayon::prelude::*;
use std::io::Read;

const BLOCK: usize = 32 << 20;

type Part = (SeizureTable, Vec<ReportedTotal>, ReadReport);

/// Offsets just after each line end of `bytes` that is outside quotes,
/// assuming `bytes` starts outside quotes.
fn line_ends(bytes: &[u8]) -> Vec<usize> {
    if memchr::memchr(b'"', bytes).is_none() {
        return memchr::memchr_iter(b'\n', bytes).map(|i| i + 1).collect();
    }
    let mut quoted = false;
    let mut ends = Vec::new();
    for i in memchr::memchr2_iter(b'"', b'\n', bytes) {
        if bytes[i] == b'"' {
            quoted = !quoted;
        } else if !quoted {
            ends.push(i + 1);
        }
    }
    ends
}

fn fill(input: &mut impl Read, buf: &mut Vec<u8>, file: &str) -> Result<bool, ReadError> {
    let start = buf.len();
    buf.resize(start + BLOCK, 0);
    let mut filled = start;
    while filled < buf.len() {
        let n = input.read(&mut buf[filled..]).map_err(|source| ReadError::Io { file: file.to_owned(), source })?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    buf.truncate(filled);
    Ok(filled == start)
}

fn merge(report: &mut ReadReport, part: &ReadReport, lines_before: u64) {
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
    report.rejections.extend(part.rejections.iter().cloned().map(|r| shift(r, lines_before)));
}

fn shift(mut r: Rejection, lines_before: u64) -> Rejection {
    if r.line > 0 {
        r.line += lines_before;
    }
    r
}

/// Like [`read_table`](super::read_table), on all cores for CSV layouts;
/// JSON, NDJSON and inputs whose header cannot be told go through the
/// one-pass reader. Memory stays bounded by a block (32 MB) plus the table.
pub fn read_table_parallel(
    mut input: impl Read,
    file: &str,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
    let mut buf = Vec::new();
    fill(&mut input, &mut buf, file)?;
    let bom = if buf.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let first = buf[bom..].iter().copied().find(|b| !b.is_ascii_whitespace());
    let json = matches!(options.format, Some(Format::Json | Format::Ndjson)) || first == Some(b'{');
    let header_end = memchr::memchr(b'\n', &buf[bom..]).map(|i| bom + i + 1);
    let (Some(header_end), false) = (header_end, json) else {
        return super::read_table(std::io::Cursor::new(buf).chain(input), file, options, progress);
    };
    let header = buf[bom..header_end].to_vec();
    let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(&header));
    let format = match &options.format {
        Some(f) => f.clone(),
        None => {
            let mut r =
                csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(header.as_slice());
            let fields: Vec<String> = r
                .records()
                .next()
                .and_then(Result::ok)
                .map(|rec| rec.iter().map(|f| f.trim().to_owned()).collect())
                .unwrap_or_default();
            let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
            match Format::detect(&refs) {
                Some(f) => f,
                None => return super::read_table(std::io::Cursor::new(buf).chain(input), file, options, progress),
            }
        }
    };
    let part_options =
        ReadOptions { format: Some(format.clone()), delimiter: Some(delimiter), sources: false, ..options.clone() };
    let mut table = SeizureTable::new();
    let mut totals = Vec::new();
    let mut report = ReadReport { file: file.to_owned(), format: format.name().to_owned(), ..ReadReport::default() };
    let mut lines_before: u64 = 0; // data lines before the current part
    let mut consumed = header_end as u64;
    buf.drain(..header_end);
    let parts_per_block = rayon::current_num_threads().max(1) * 2;
    loop {
        let eof = fill(&mut input, &mut buf, file)?;
        let ends = line_ends(&buf);
        let end = if eof { buf.len() } else { ends.last().copied().unwrap_or(0) };
        if end == 0 && !eof {
            continue; // a line longer than a block: read more
        }
        // Cut the block into parts at line ends near equal sizes.
        let mut cuts = vec![0];
        for k in 1..parts_per_block {
            let target = end * k / parts_per_block;
            if let Some(&c) = ends.iter().find(|&&c| c >= target && c < end) {
                if c > *cuts.last().unwrap_or(&0) {
                    cuts.push(c);
                }
            }
        }
        cuts.push(end);
        cuts.dedup();
        let block = &buf[..end];
        let mut offsets = Vec::with_capacity(cuts.len());
        let mut lines = lines_before;
        for w in cuts.windows(2) {
            offsets.push(lines);
            lines += memchr::memchr_iter(b'\n', &block[w[0]..w[1]]).count() as u64;
        }
        let results: Vec<Result<Part, ReadError>> = cuts
            .windows(2)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|w| {
                let part = &block[w[0]..w[1]];
                super::read_table(std::io::Cursor::new(&header).chain(part), file, &part_options, &mut |_| {})
            })
            .collect();
        // Strict mode: the first bad row of the file is the earliest part's.
        for (result, &before) in results.iter().zip(&offsets) {
            if let Err(e) = result {
                return Err(match e {
                    ReadError::Row(r) => ReadError::Row(Box::new(shift((**r).clone(), before))),
                    ReadError::Empty { .. } => continue,
                    other => ReadError::Io { file: file.to_owned(), source: std::io::Error::other(other.to_string()) },
                });
            }
        }
        for (result, before) in results.into_iter().zip(offsets) {
            let Ok((t, tt, r)) = result else { continue };
            table
                .append(&t)
                .map_err(|e| ReadError::Io { file: file.to_owned(), source: std::io::Error::other(e.to_string()) })?;
            totals.extend(tt);
            merge(&mut report, &r, before);
        }
        lines_before = lines;
        consumed += end as u64;
        progress(Progress { bytes: consumed, rows: report.rows_read });
        buf.drain(..end);
        if eof {
            break;
        }
    }
    if options.mode == Mode::Strict && report.rows_rejected > 0 {
        if let Some(r) = report.rejections.first() {
            return Err(ReadError::Row(Box::new(r.clone())));
        }
    }
    table.shrink_to_fit();
    Ok((table, totals, report))
}
