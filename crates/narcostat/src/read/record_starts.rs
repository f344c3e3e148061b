//! Where CSV records begin, exactly as the `csv` crate splits them (it is
//! the same `csv_core` state machine, so quotes inside unquoted fields,
//! doubled quotes, quoted line breaks and CR / LF / CRLF are treated alike),
//! with the physical line each record starts on. The parallel reader cuts
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
    pub(crate) fn at_line(line: u64) -> Self {
        Self { ends: line.saturating_sub(1), pending_cr: false }
    }

    fn feed(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else { return };
        if self.pending_cr && bytes[0] != b'\n' {
            self.ends += 1;
        }
        let lf = bytes.iter().filter(|&&b| b == b'\n').count();
        let lone_cr = if bytes.contains(&b'\r') {
            bytes.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count()
        } else {
            0
        };
        self.ends += (lf + lone_cr) as u64;
        self.pending_cr = last == b'\r';
    }

    /// The line of a byte that is not a line terminator, given every byte before it.
    fn line_of_next_content(&self) -> u64 {
        1 + self.ends + u64::from(self.pending_cr)
    }
}

/// Finds record starts in a CSV byte stream fed piece by piece.
pub(crate) struct RecordStarts {
    core: csv_core::Reader,
    lines: LineCounter,
    /// Between records: line terminators are skipped, the next other byte starts one.
    between: bool,
    /// Stream offset of the current record's first byte, and its line.
    record: (u64, u64),
    /// Bytes of the stream scanned before the current slice.
    scanned: u64,
    limit: usize,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl RecordStarts {
    /// A scanner for a stream that begins at its first byte (a UTF-8 BOM
    /// that the `csv` crate would strip there is stripped alike).
    pub(crate) fn new(delimiter: u8) -> Self {
        Self::with_limit(delimiter, MAX_RECORD_BYTES)
    }

    /// A scanner whose longest record is `limit` bytes.
    pub(crate) fn with_limit(delimiter: u8, limit: usize) -> Self {
        Self {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            lines: LineCounter::default(),
            between: true,
            record: (0, 1),
            scanned: 0,
            limit,
            // Scratch for csv_core's copy of the fields, which is not used:
            // when it is full, csv_core returns and is called again.
            out: vec![0; 4 << 10],
            ends: vec![0; 256],
        }
    }

    /// A scanner for the rest of a stream, from outside any record, with
    /// the lines counted so far (no BOM is stripped there: the stream has
    /// been read before).
    pub(crate) fn resume(delimiter: u8, lines: LineCounter, limit: usize) -> Self {
        let mut s = Self::with_limit(delimiter, limit);
        // A terminator outside records is skipped; it only tells csv_core
        // that this is not the start of the stream.
        let _ = s.core.read_record(b"\n", &mut s.out, &mut s.ends);
        s.lines = lines;
        s
    }

    /// The lines counted up to the end of the bytes scanned.
    pub(crate) fn lines(&self) -> LineCounter {
        self.lines
    }

    /// Scans the next bytes of the stream, handing each record start in
    /// them to `on_start`; stops at a record longer than the limit.
    pub(crate) fn scan(&mut self, bytes: &[u8], on_start: &mut dyn FnMut(RecordStart)) -> Result<(), Overlong> {
        let mut pos = 0;
        let mut counted = 0;
        while pos < bytes.len() {
            if self.between {
                let Some(k) = bytes[pos..].iter().position(|&b| b != b'\r' && b != b'\n') else { break };
                let at = pos + k;
                self.lines.feed(&bytes[counted..at]);
                counted = at;
                let line = self.lines.line_of_next_content();
                self.record = (self.scanned + at as u64, line);
                self.between = false;
                on_start(RecordStart { offset: at, line });
            }
            let (result, nin, _, _) = self.core.read_record(&bytes[pos..], &mut self.out, &mut self.ends);
            pos += nin;
            let record_len = self.scanned + pos as u64 - self.record.0;
            if record_len > self.limit as u64 {
                let offset = usize::try_from(self.record.0 + self.limit as u64 - self.scanned).unwrap_or(0);
                return Err(Overlong { line: self.record.1, offset });
            }
            if result == csv_core::ReadRecordResult::Record {
                self.between = true;
            }
        }
        // Terminators between records reach csv_core too, as in the csv crate.
        if pos < bytes.len() {
            let _ = self.core.read_record(&bytes[pos..], &mut self.out, &mut self.ends);
        }
        self.lines.feed(&bytes[counted..]);
        self.scanned += bytes.len() as u64;
        Ok(())
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

    fn starts(bytes: &[u8], chunk: usize) -> Vec<RecordStart> {
        let mut s = RecordStarts::new(b',');
        let mut found = Vec::new();
        for (i, piece) in bytes.chunks(chunk.max(1)).enumerate() {
            s.scan(piece, &mut |r| found.push(RecordStart { offset: r.offset + i * chunk.max(1), line: r.line }))
                .unwrap();
        }
        found
    }

    /// The csv crate's records of `bytes`, as byte fields.
    fn csv_records(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
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
        assert_eq!(csv_records(text).len(), 3);
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
        /// For any bytes made of CSV's special characters, records start
        /// where the csv crate's records start: cutting there and parsing the
        /// pieces apart gives the csv crate's records of the whole.
        #[test]
        fn starts_are_the_csv_crates_record_boundaries(
            bytes in proptest::collection::vec(prop::sample::select(b"\"\",,\r\n\nab \xef\xbb\xbf".to_vec()), 0..120),
            chunk in 1usize..20,
        ) {
            let found = starts(&bytes, chunk);
            let whole = csv_records(&bytes);
            prop_assert_eq!(found.len(), whole.len());
            let mut pieces = Vec::new();
            for (i, s) in found.iter().enumerate() {
                let end = found.get(i + 1).map_or(bytes.len(), |n| n.offset);
                // Only the stream's very start may lose a BOM.
                let piece = if i == 0 { bytes.clone() } else { [b"\n".as_slice(), &bytes[s.offset..end]].concat() };
                let piece = if i == 0 { piece[..end].to_vec() } else { piece };
                pieces.extend(csv_records(&piece));
                prop_assert_eq!(s.line, naive_line(&bytes, s.offset));
                prop_assert!(!matches!(bytes[s.offset], b'\r' | b'\n'));
            }
            prop_assert_eq!(pieces, whole);
        }
    }
}
