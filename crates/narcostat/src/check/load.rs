//! Reading a file straight into a [`TableDataset`], one source row at a
//! time: a row whose records cannot all enter the table is rejected whole
//! (strict mode: the error; lenient mode: a counted rejection), never dropped
//! in silence.

use super::table_dataset::{TableDataset, document_and_line};
use crate::read::{Mode, Progress, ReadError, ReadOptions, ReadReport, Record, Rejection, RowError};
use crate::table::TableError;
use std::io::Read;

/// A source row whose records did not fit, with what it had produced.
struct Refused {
    rejection: Rejection,
    seizures: u64,
    totals: u64,
    missing_quantities: u64,
}

/// The records of the source row being read, committed together.
struct Loader<'a> {
    data: TableDataset,
    file: &'a str,
    row: Vec<Record>,
    row_line: Option<u64>,
    refused: Vec<Refused>,
    strict: bool,
}

/// The line of a record, when its source is a line of `file`.
fn line_in(record: &Record, file: &str) -> Option<u64> {
    let source = match record {
        Record::Seizure(s) => s.source.as_deref(),
        Record::Total(t) => t.source.as_deref(),
    }?;
    match document_and_line(source) {
        (doc, line) if doc == file => line,
        _ => None,
    }
}

impl Loader<'_> {
    fn take(&mut self, record: Record) {
        if self.strict && !self.refused.is_empty() {
            return; // reading goes on to find an earlier reader error; nothing more is kept
        }
        let line = line_in(&record, self.file);
        if !self.row.is_empty() && (line.is_none() || line != self.row_line) {
            self.commit();
        }
        self.row_line = line;
        self.row.push(record);
        if line.is_none() {
            self.commit();
        }
    }

    /// Adds the pending row's records, all or none.
    fn commit(&mut self) {
        let records = std::mem::take(&mut self.row);
        let mark = self.data.mark();
        let mut refusal = None;
        for r in &records {
            if let Record::Seizure(s) = r {
                if let Err(e) = self.data.push_in(s, Some(self.file)) {
                    refusal = Some((e, s.source.clone()));
                    break;
                }
            }
        }
        match refusal {
            None => {
                for r in records {
                    if let Record::Total(t) = r {
                        self.data.reported_totals.push(t);
                    }
                }
            }
            Some((e, source)) => {
                self.data.roll_back(mark);
                self.refuse(&records, &e, source.as_deref());
            }
        }
    }

    fn refuse(&mut self, records: &[Record], e: &TableError, source: Option<&str>) {
        let (line, message) = match self.row_line {
            Some(line) => (line, e.to_string()),
            None => {
                let n = self.data.len() + 1;
                let at = source.map_or_else(|| format!("seizure record {n}"), |s| format!("seizure record {n} ({s})"));
                (0, format!("{at}: {e}"))
            }
        };
        let count = |f: &dyn Fn(&Record) -> bool| records.iter().filter(|r| f(r)).count() as u64;
        self.refused.push(Refused {
            rejection: Rejection {
                file: self.file.to_owned(),
                line,
                column: None,
                column_number: None,
                value: None,
                row: None,
                reason: RowError::Unsupported { message },
            },
            seizures: count(&|r| matches!(r, Record::Seizure(_))),
            totals: count(&|r| matches!(r, Record::Total(_))),
            missing_quantities: count(&|r| matches!(r, Record::Seizure(s) if s.quantity.is_none())),
        });
    }
}

impl TableDataset {
    /// Reads `input` (named `file` in messages and record locations) like
    /// [`read`](crate::read::read), keeping each record's line. Memory grows by
    /// about 48 bytes per seizure record. A source row whose records cannot
    /// enter the table (5,000,000,000 seizure events, a period of two
    /// centuries) is an error in strict mode and a counted rejection in lenient
    /// mode, as a row the reader rejects.
    ///
    /// ```
    /// use narcostat::check::TableDataset;
    /// use narcostat::read::ReadOptions;
    /// let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n\
    ///            2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,5000000000,10.5\n\
    ///            2024,OCT,Office of Field Operations,Southwest Border,Land,EL PASO FIELD OFFICE,Cocaine,2,10.5\n";
    /// let e = TableDataset::read(csv.as_bytes(), "cbp.csv", &ReadOptions::default(), &mut |_| {}).unwrap_err();
    /// assert!(e.to_string().starts_with("cbp.csv:2:8 (column \"Count of Event\"): 5000000000 seizure events"));
    /// let (data, report) = TableDataset::read(csv.as_bytes(), "cbp.csv", &ReadOptions::lenient(), &mut |_| {}).unwrap();
    /// assert_eq!((report.rows_read, report.rows_accepted, report.rows_rejected), (2, 1, 1));
    /// assert_eq!(data.locate(0), "cbp.csv:3");
    /// ```
    pub fn read(
        input: impl Read,
        file: &str,
        options: &ReadOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Self, ReadReport), ReadError> {
        let options = ReadOptions { sources: true, ..options.clone() };
        let mut loader = Loader {
            data: Self::new(),
            file,
            row: Vec::new(),
            row_line: None,
            refused: Vec::new(),
            strict: options.mode == Mode::Strict,
        };
        let result = crate::read::read(input, file, &options, &mut |r| loader.take(r), progress);
        if !loader.row.is_empty() {
            loader.commit();
        }
        let first_refused = loader.refused.first().map(|r| r.rejection.clone());
        let (mut report, rest) = match (result, first_refused) {
            // Strict: the first bad row of the file, whichever found it.
            (Err(ReadError::Row(r)), Some(mine)) if loader.strict && mine.line > 0 && mine.line < r.line => {
                return Err(ReadError::Row(Box::new(mine)));
            }
            (Err(e), _) => return Err(e),
            (Ok(_), Some(mine)) if loader.strict => return Err(ReadError::Row(Box::new(mine))),
            (Ok(ok), _) => ok,
        };
        let mut data = loader.data;
        for s in &rest.seizures {
            data.push_in(s, Some(file)).map_err(|e| {
                ReadError::Row(Box::new(Rejection {
                    file: file.to_owned(),
                    line: 0,
                    column: None,
                    column_number: None,
                    value: None,
                    row: None,
                    reason: RowError::Unsupported { message: format!("seizure record {}: {e}", data.len() + 1) },
                }))
            })?;
        }
        data.reported_totals.extend(rest.reported_totals);
        data.activities = rest.activities;
        data.sources = rest.sources;
        account(&mut report, loader.refused);
        Ok((data, report))
    }
}

/// Moves the refused rows from accepted to rejected in the report.
fn account(report: &mut ReadReport, refused: Vec<Refused>) {
    if refused.is_empty() {
        return;
    }
    for r in refused {
        report.rows_accepted = report.rows_accepted.saturating_sub(1);
        report.rows_rejected += 1;
        report.seizures = report.seizures.saturating_sub(r.seizures);
        report.totals = report.totals.saturating_sub(r.totals);
        report.missing_quantities = report.missing_quantities.saturating_sub(r.missing_quantities);
        report.rejections.push(r.rejection);
    }
    report.rejections.sort_by_key(|r| r.line);
}
