//! Rows that arrive already split into text cells (Arrow record batches)
//! read through the same layouts, cell rules and row accounting as CSV: one
//! row-interpretation path whatever the container.

use super::csv_driver::{CellError, Row, RowParser};
use super::error::{ReadError, Rejection, RowError};
use super::format::Format;
use super::options::{Mode, ReadOptions, ReadReport, Record};

/// A layout's reader over rows of text cells, with the row accounting.
pub(crate) struct CellRows {
    file: String,
    header: Vec<String>,
    mode: Mode,
    parser: Box<dyn RowParser>,
    report: ReadReport,
    out: Vec<Record>,
}

impl CellRows {
    /// A reader of rows under `header` in `format` (a CSV layout or a mapping).
    pub(crate) fn new(
        format: &Format,
        header: Vec<String>,
        file: &str,
        options: &ReadOptions,
    ) -> Result<Self, ReadError> {
        let parser = super::layouts::parser(format, &header, file, options)?;
        let report = ReadReport {
            file: file.to_owned(),
            format: format.name().to_owned(),
            unread_columns: parser.unread_columns(),
            mapping: parser.mapping(),
            ..ReadReport::default()
        };
        Ok(Self { file: file.to_owned(), header, mode: options.mode, parser, report, out: Vec::new() })
    }

    /// The header the rows are read under.
    pub(crate) fn header(&self) -> &[String] {
        &self.header
    }

    /// Reads one row (`line` is its 1-based number in the input). Its
    /// records go to `keep`, which may refuse one (a table that cannot hold
    /// it): the row is then rejected. A row counts once, whatever the number
    /// of records it gives. In strict mode a rejected row is the error.
    pub(crate) fn row(
        &mut self,
        record: &csv::StringRecord,
        line: u64,
        keep: &mut dyn FnMut(Record) -> Result<(), RowError>,
    ) -> Result<(), ReadError> {
        self.report.rows_read += 1;
        self.out.clear();
        let parsed = self.parser.parse(&Row { record, line }, &mut self.out);
        let kept = parsed.and_then(|()| self.keep_all(keep));
        match kept {
            Ok(()) => {
                self.report.rows_accepted += 1;
                Ok(())
            }
            Err(cell) => {
                let rejection = Rejection {
                    file: self.file.clone(),
                    line,
                    column: cell.column.and_then(|c| self.header.get(c).cloned()),
                    column_number: cell.column.map(|c| c + 1),
                    value: cell.value,
                    // Lines of batches are 1-based row numbers.
                    row: Some(line.saturating_sub(1)),
                    reason: cell.reason,
                };
                self.report.rows_rejected += 1;
                if self.mode == Mode::Strict {
                    return Err(ReadError::Row(Box::new(rejection)));
                }
                self.report.rejections.push(rejection);
                Ok(())
            }
        }
    }

    fn keep_all(&mut self, keep: &mut dyn FnMut(Record) -> Result<(), RowError>) -> Result<(), CellError> {
        let (mut seizures, mut missing, mut totals) = (0, 0, 0);
        for r in self.out.drain(..) {
            match &r {
                Record::Seizure(s) => {
                    seizures += 1;
                    missing += u64::from(s.quantity.is_none());
                }
                Record::Total(_) => totals += 1,
            }
            keep(r).map_err(|reason| CellError { column: None, value: None, reason })?;
        }
        self.report.seizures += seizures;
        self.report.missing_quantities += missing;
        self.report.totals += totals;
        Ok(())
    }

    /// The row accounting.
    pub(crate) fn finish(mut self) -> ReadReport {
        self.report.zero_cells = self.parser.zero_cells();
        // What the layout flagged (plants in a kg column), as the CSV path counts it:
        // notes that only carry data (a CBP region) are not flags.
        self.report.flagged = self.parser.flagged();
        self.report
    }
}
