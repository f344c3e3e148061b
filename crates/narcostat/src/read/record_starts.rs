//! Where CSV records begin, exactly as the `csv` crate splits them (the
//! same state machine as its `csv_core`, so quotes inside unquoted fields,
//! doubled quotes, quoted line breaks and CR / LF / CRLF are treated alike;
//! property-tested against the `csv` crate below), with the physical line
//! each record starts on. The parallel reader cuts
//! blocks only at these starts; the one-pass reader takes its line numbers
//! from here.
//!
//! Physical lines end at LF, at CRLF or at a lone CR, as editors count them.

use std::collections::VecDeque;
use std::io::Read;

/// The longest record read (16 MiB): a longer one is an error, not a
/// buffer that grows with the file (a quote that is never closed turns the
/// rest of the file into one field).
pub(crate) const MAX_RECORD_BYTES: usize = 16 << 20;

/// A record that begins in the scanned bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RecordStart {
    /// Offset of its first byte in the scanned slice.
    pub offset: usize,
    /// The physical line it starts on (1-based).
    pub line: u64,
}

/// A record longer than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overlong {
    /// The line it starts on.
    pub line: u64,
    /// Offset in the scanned slice of its first byte past the limit.
    pub offset: usize,
}

/// Physical line ends seen so far in a stream.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LineCounter {
    ends: u64,
    /// The last byte seen was a CR: a line end unless an LF follows.
    pending_cr: bool,
}

impl LineCounter {
    /// The count at the first byte of `line` (1-based).
    #[cfg(feature = "parallel")]
    pub(crate) fn at_line(line: u64) -> Self {
        Self { ends: line.saturating_sub(1), pending_cr: false }
    }
}

/// Line ends counted within one scanned slice.
struct Lines {
    ends: u64,
    /// The slice ends with a CR: whether it ends a line depends on the next byte.
    pending_cr: bool,
}

impl Lines {
    /// Counts the line terminator at `bytes[i]`: an LF, a CR not followed by an LF.
    fn count(&mut self, bytes: &[u8], i: usize) {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\n', _) => self.ends += 1,
            (_, Some(&next)) => self.ends += u64::from(next != b'\n'),
            (_, None) => self.pending_cr = true,
        }
    }

    /// Counts the line terminators in `bytes[from..to]`.
    fn count_in(&mut self, bytes: &[u8], from: usize, to: usize) {
        for k in memchr::memchr2_iter(b'\r', b'\n', &bytes[from..to]) {
            self.count(bytes, from + k);
        }
    }
}

/// Where the scanner is, in the terms of `csv_core`'s reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records (`StartRecord`): line terminators are skipped.
    Between,
    /// At the start of a field (`StartField`): a quote opens a quoted field.
    FieldStart,
    /// In an unquoted field (`InField`): quotes are literal.
    Unquoted,
    /// In a quoted field (`InQuotedField`).
    Quoted,
    /// Just after a quote in a quoted field (`InDoubleEscapedQuote`).
    QuoteInQuoted,
}

/// Finds record starts in a CSV byte stream fed piece by piece. It follows
/// `csv_core`'s reader transition for transition, as the `csv` crate is
/// configured in this crate (quote `"`, doubled quotes, no escape, no
/// comments, CR, LF or CRLF ends a record, a BOM stripped at the start);
/// only the bytes of the fields are not copied.
pub(crate) struct RecordStarts {
    delimiter: u8,
    state: State,
    lines: LineCounter,
    /// Stream offset of the current record's first byte, and its line.
    record: (u64, u64),
    /// Bytes of the stream scanned before the current slice.
    scanned: u64,
    limit: usize,
    /// At the stream's start, where `csv_core` strips a BOM.
    at_stream_start: bool,
}

fn is_terminator(b: u8) -> bool {
    b == b'\r' || b == b'\n'
}

impl RecordStarts {
    /// A scanner for a stream that begins at its first byte.
    pub(crate) fn new(delimiter: u8) -> Self {
        Self::with_limit(delimiter, MAX_RECORD_BYTES)
    }

    /// A scanner whose longest record is `limit` bytes.
    pub(crate) fn with_limit(delimiter: u8, limit: usize) -> Self {
        Self {
            delimiter,
            state: State::Between,
            lines: LineCounter::default(),
            record: (0, 1),
            scanned: 0,
            limit,
            at_stream_start: true,
        }
    }

    /// A scanner for the rest of a stream, from outside any record, with
    /// the lines counted so far.
    #[cfg(feature = "parallel")]
    pub(crate) fn resume(delimiter: u8, lines: LineCounter, limit: usize) -> Self {
        Self { lines, at_stream_start: false, ..Self::with_limit(delimiter, limit) }
    }

    /// The lines counted up to the end of the bytes scanned.
    #[cfg(feature = "parallel")]
    pub(crate) fn lines(&self) -> LineCounter {
        self.lines
    }

    /// The state after byte `b` in `state` (not `Between`), `None` at the
    /// end of a record: `csv_core`'s transitions, in its order of tests.
    fn next(&self, state: State, b: u8) -> Option<State> {
        let (quote, delimiter) = (b == b'"', b == self.delimiter);
        Some(match state {
            State::Quoted if quote => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::FieldStart if quote => State::Quoted,
            State::QuoteInQuoted if quote => State::Quoted,
            _ if delimiter => State::FieldStart,
            _ if is_terminator(b) => return None,
            _ => State::Unquoted,
        })
    }

    /// Scans the next bytes of the stream, handing each record start in
    /// them to `on_start`; stops at a record longer than the limit.
    ///
    /// Outside quoted fields only quotes and line ends need a look (a
    /// delimiter matters only as the byte before a quote), so the scan
    /// jumps from one to the next; inside, it jumps to the next quote.
    pub(crate) fn scan(&mut self, bytes: &[u8], on_start: &mut dyn FnMut(RecordStart)) -> Result<(), Overlong> {
        if bytes.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        if self.at_stream_start {
            // csv_core strips a BOM when the first bytes it is given hold one.
            self.at_stream_start = false;
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                i = 3;
            }
        }
        let mut lines = Lines { ends: self.lines.ends, pending_cr: false };
        if self.lines.pending_cr && bytes[0] != b'\n' {
            lines.ends += 1;
        }
        let mut state = self.state;
        while i < bytes.len() {
            match state {
                State::Between if is_terminator(bytes[i]) => {
                    lines.count(bytes, i);
                    i += 1;
                }
                State::Between => {
                    self.record = (self.scanned + i as u64, 1 + lines.ends);
                    on_start(RecordStart { offset: i, line: 1 + lines.ends });
                    state = State::FieldStart;
                }
                State::Quoted => match memchr::memchr(b'"', &bytes[i..]) {
                    Some(k) => {
                        lines.count_in(bytes, i, i + k);
                        state = State::QuoteInQuoted;
                        i += k + 1;
                    }
                    None => {
                        lines.count_in(bytes, i, bytes.len());
                        i = bytes.len();
                    }
                },
                State::QuoteInQuoted => {
                    state = self.after(state, bytes, i, &mut lines)?;
                    i += 1;
                }
                State::FieldStart | State::Unquoted => {
                    let rest = &bytes[i..];
                    let Some(k) = memchr::memchr3(b'"', b'\r', b'\n', rest) else {
                        state = self.unquoted(state, rest);
                        i = bytes.len();
                        continue;
                    };
                    state = self.after(self.unquoted(state, &rest[..k]), bytes, i + k, &mut lines)?;
                    i += k + 1;
                }
            }
        }
        self.lines = LineCounter { ends: lines.ends, pending_cr: lines.pending_cr };
        self.state = state;
        if state != State::Between {
            self.check_length(bytes.len())?;
        }
        self.scanned += bytes.len() as u64;
        Ok(())
    }

    /// The state after unquoted bytes holding no quote and no line end: a
    /// field starts after a delimiter.
    fn unquoted(&self, state: State, bytes: &[u8]) -> State {
        match bytes.last() {
            None => state,
            Some(&b) if b == self.delimiter => State::FieldStart,
            Some(_) => State::Unquoted,
        }
    }

    /// The state after byte `bytes[i]` in a record, counting it if it ends
    /// a line; `Between` after the record's end, which must not make the
    /// record too long.
    fn after(&self, state: State, bytes: &[u8], i: usize, lines: &mut Lines) -> Result<State, Overlong> {
        if is_terminator(bytes[i]) {
            lines.count(bytes, i);
        }
        match self.next(state, bytes[i]) {
            Some(next) => Ok(next),
            None => {
                self.check_length(i + 1)?;
                Ok(State::Between)
            }
        }
    }

    /// An error when the current record, up to offset `end` of the slice, is too long.
    fn check_length(&self, end: usize) -> Result<(), Overlong> {
        if self.scanned + end as u64 - self.record.0 <= self.limit as u64 {
            return Ok(());
        }
        let offset = usize::try_from(self.record.0 + self.limit as u64 - self.scanned).unwrap_or(0);
        Err(Overlong { line: self.record.1, offset })
    }
}

/// A reader that passes a CSV stream through unchanged while noting the
/// line each record starts on, for the `csv` crate reading from it.
pub(crate) struct StartLines<R> {
    inner: R,
    starts: RecordStarts,
    lines: VecDeque<u64>,
    overlong: Option<u64>,
}

impl<R: Read> StartLines<R> {
    pub(crate) fn new(inner: R, delimiter: u8) -> Self {
        Self { inner, starts: RecordStarts::new(delimiter), lines: VecDeque::new(), overlong: None }
    }

    /// The line of the next record handed out (records are taken in order).
    pub(crate) fn next_line(&mut self) -> Option<u64> {
        self.lines.pop_front()
    }

    /// The line of a record found longer than [`MAX_RECORD_BYTES`].
    pub(crate) fn overlong(&self) -> Option<u64> {
        self.overlong
    }
}

impl<R: Read> Read for StartLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.overlong.is_some() {
            return Err(std::io::Error::other("record too long"));
        }
        let n = self.inner.read(buf)?;
        let lines = &mut self.lines;
        match self.starts.scan(&buf[..n], &mut |s| lines.push_back(s.line)) {
            Ok(()) => Ok(n),
            Err(o) => {
                // Hand over the bytes before the excess, never the long
                // record's end: the reader stops before it, in order.
                self.overlong = Some(o.line);
                if o.offset == 0 { Err(std::io::Error::other("record too long")) } else { Ok(o.offset) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Record starts of `bytes` fed in pieces of `chunk` bytes (the first
    /// piece holds at least 3 bytes, as the csv crate's first read does: a
    /// BOM is stripped only when whole).
    fn starts_with(bytes: &[u8], chunk: usize, delimiter: u8) -> Vec<RecordStart> {
        let mut s = RecordStarts::new(delimiter);
        let mut found = Vec::new();
        let first = bytes.len().min(chunk.max(3));
        let mut at = 0;
        for piece in std::iter::once(&bytes[..first]).chain(bytes[first..].chunks(chunk.max(1))) {
            s.scan(piece, &mut |r| found.push(RecordStart { offset: r.offset + at, line: r.line })).unwrap();
            at += piece.len();
        }
        found
    }

    fn starts(bytes: &[u8], chunk: usize) -> Vec<RecordStart> {
        starts_with(bytes, chunk, b',')
    }

    /// The csv crate's records of `bytes`, as byte fields.
    fn csv_records(bytes: &[u8], delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut r = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes);
        r.byte_records().map(|rec| rec.unwrap().iter().map(<[u8]>::to_vec).collect()).collect()
    }

    /// Physical line of byte `at`, counted naively.
    fn naive_line(bytes: &[u8], at: usize) -> u64 {
        let text = &bytes[..at];
        let mut line = 1;
        for (i, &b) in text.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line += 1;
            }
        }
        line
    }

    #[test]
    fn a_stray_quote_in_an_unquoted_field_does_not_open_a_field() {
        let text = b"a,Cote d\"Ivoire,1\n\"x\nAsia,Iran,999\ny\",Iran,5\nlast,1,2\n";
        let found: Vec<usize> = starts(text, 1000).iter().map(|s| s.offset).collect();
        assert_eq!(found, [0, 18, 45]);
        assert_eq!(csv_records(text, b',').len(), 3);
    }

    #[test]
    fn lines_count_lf_crlf_and_lone_cr_and_skip_blank_lines() {
        let text = b"h\r\n\r\na\rb\n\n\nc";
        let found = starts(text, 1000);
        assert_eq!(found.iter().map(|s| (s.offset, s.line)).collect::<Vec<_>>(), [(0, 1), (5, 3), (7, 4), (11, 7)]);
    }

    #[test]
    fn an_unclosed_quote_is_a_record_too_long() {
        let mut s = RecordStarts::with_limit(b',', 10);
        let err = s.scan(b"a,b\n\"open,c\nd,e\nf,g\n", &mut |_| {}).unwrap_err();
        assert_eq!(err, Overlong { line: 2, offset: 14 });
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// For any bytes made of CSV's special characters, with any
        /// delimiter (even a quote), records start where the csv crate's
        /// records start: cutting there and parsing the pieces apart gives
        /// the csv crate's records of the whole; lines are counted right.
        #[test]
        fn starts_are_the_csv_crates_record_boundaries(
            bom in any::<bool>(),
            body in proptest::collection::vec(prop::sample::select(b"\"\",,;\t\r\n\nab \xef\xbb\xbf".to_vec()), 0..200),
            chunk in 1usize..20,
            delimiter in prop::sample::select(b",;\t\"".to_vec()),
        ) {
            let bytes = if bom { [b"\xef\xbb\xbf".as_slice(), &body].concat() } else { body };
            let found = starts_with(&bytes, chunk, delimiter);
            let whole = csv_records(&bytes, delimiter);
            prop_assert_eq!(found.len(), whole.len());
            let mut pieces = Vec::new();
            for (i, s) in found.iter().enumerate() {
                let end = found.get(i + 1).map_or(bytes.len(), |n| n.offset);
                // Past the stream's start no BOM is stripped: the csv crate
                // is told so by a line end before the piece, which it skips.
                let piece = if i == 0 { bytes[..end].to_vec() } else { [b"\n".as_slice(), &bytes[s.offset..end]].concat() };
                pieces.extend(csv_records(&piece, delimiter));
                prop_assert_eq!(s.line, naive_line(&bytes, s.offset));
                prop_assert!(!matches!(bytes[s.offset], b'\r' | b'\n'));
            }
            prop_assert_eq!(pieces, whole);
        }
    }
}
