//! Where read records go: CSV hands over a row's records at once (and the
//! sink may still refuse the row, which is then rejected at its line); JSON
//! hands over one record at a time.

use super::csv_driver::CellError;
use super::error::{ReadError, Rejection, RowError};
use super::options::{Mode, ReadReport, Record};
use crate::record::{Dataset, ReportedTotal, Seizure};
use crate::table::SeizureTable;

/// A destination of records.
pub(crate) trait Sink {
    /// Takes the records of one CSV row (draining `records`), or refuses the row.
    fn row(&mut self, records: &mut Vec<Record>) -> Result<(), CellError>;

    /// Takes one record of a JSON or NDJSON input.
    fn record(&mut self, record: Record);
}

/// Every record to a callback.
pub(crate) struct Records<'a>(pub &'a mut dyn FnMut(Record));

impl Sink for Records<'_> {
    fn row(&mut self, records: &mut Vec<Record>) -> Result<(), CellError> {
        records.drain(..).for_each(&mut *self.0);
        Ok(())
    }

    fn record(&mut self, record: Record) {
        (self.0)(record);
    }
}

/// Seizures into a [`SeizureTable`], stated totals beside it.
pub(crate) struct TableSink {
    file: String,
    table: SeizureTable,
    totals: Vec<ReportedTotal>,
    /// JSON records, counted, for messages about the ones the table refused.
    json_records: u64,
    json_refused: Vec<Rejection>,
}

impl TableSink {
    pub(crate) fn new(file: &str) -> Self {
        Self {
            file: file.to_owned(),
            table: SeizureTable::new(),
            totals: Vec::new(),
            json_records: 0,
            json_refused: Vec::new(),
        }
    }

    fn json_seizure(&mut self, s: &Seizure) {
        self.json_records += 1;
        if let Err(e) = self.table.push(s) {
            // JSON records have no line; the message says which record.
            self.json_refused.push(Rejection {
                file: self.file.clone(),
                line: 0,
                column: None,
                column_number: None,
                value: None,
                row: None,
                reason: RowError::Unsupported { message: format!("seizure record {}: {e}", self.json_records) },
            });
        }
    }

    /// The table, the stated totals and the report, once reading is done
    /// (`rest` is what a JSON input left besides records).
    pub(crate) fn finish(
        mut self,
        rest: Dataset,
        mode: Mode,
        mut report: ReadReport,
    ) -> Result<(SeizureTable, Vec<ReportedTotal>, ReadReport), ReadError> {
        for s in &rest.seizures {
            self.json_seizure(s);
        }
        self.totals.extend(rest.reported_totals);
        self.table.shrink_to_fit();
        if let Some(first) = self.json_refused.first() {
            if mode == Mode::Strict {
                return Err(ReadError::Row(Box::new(first.clone())));
            }
            let n = self.json_refused.len() as u64;
            report.rows_accepted -= n.min(report.rows_accepted);
            report.rows_rejected += n;
            report.seizures -= n.min(report.seizures);
            report.rejections.append(&mut self.json_refused);
        }
        Ok((self.table, self.totals, report))
    }
}

impl Sink for TableSink {
    fn row(&mut self, records: &mut Vec<Record>) -> Result<(), CellError> {
        let seizures = records.iter().filter_map(|r| match r {
            Record::Seizure(s) => Some(s),
            Record::Total(_) => None,
        });
        self.table.push_row(seizures).map_err(|e| CellError {
            column: None,
            value: None,
            reason: RowError::Unsupported { message: e.to_string() },
        })?;
        for r in records.drain(..) {
            if let Record::Total(t) = r {
                self.totals.push(t);
            }
        }
        Ok(())
    }

    fn record(&mut self, record: Record) {
        match record {
            Record::Seizure(s) => self.json_seizure(&s),
            Record::Total(t) => self.totals.push(t),
        }
    }
}
