//! A dataset in columns, with where each seizure record came from: what the
//! checks and the bulletin run over. It holds about 48 bytes per record (the
//! [`SeizureTable`]'s 32, a document code, a line number and a code for the
//! details the table leaves out), not the records themselves.

use crate::period::Period;
use crate::quantity::{Dimension, Quantity, Unit};
use crate::record::{Activity, Dataset, ReportedTotal, Seizure, SourceDocument};
use crate::table::{Dict, SeizureTable, TableError};

const NO_DOCUMENT: u32 = u32::MAX;
/// Marks a position that is a record number (1-based), not a line.
const ORDINAL: u64 = 1 << 63;

/// What a record says beyond the table's columns: the specific substance
/// name and the notes (a source's comment, a CBP region). Two records that
/// differ only here are different records.
type Details = (Option<String>, Vec<String>);

/// A seizure record that cannot enter a [`TableDataset`], with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {reason}")]
pub struct RecordError {
    /// Where the record is: `file:line`, or `record N` with its source.
    pub at: String,
    /// Why it does not fit.
    #[source]
    pub reason: TableError,
}

/// Seizure records in columns with their provenance, and the stated totals,
/// activities and source documents that came with them.
///
/// ```
/// use narcostat::check::TableDataset;
/// let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).unwrap();
/// assert_eq!(data.len(), 7);
/// assert_eq!(data.reported_totals.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct TableDataset {
    table: SeizureTable,
    documents: Dict<String>,
    document: Vec<u32>,
    /// The line a record starts on, or `ORDINAL | n` for the n-th record
    /// of a source without lines.
    position: Vec<u64>,
    details: Dict<Details>,
    detail: Vec<u32>,
    /// Totals as sources state them.
    pub reported_totals: Vec<ReportedTotal>,
    /// Programme activities.
    pub activities: Vec<Activity>,
    /// The documents the records come from.
    pub sources: Vec<SourceDocument>,
}

/// Splits a source reference into its document and its line (`file.csv:12`).
pub(crate) fn document_and_line(source: &str) -> (&str, Option<u64>) {
    match source.rsplit_once(':') {
        Some((doc, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (doc, line.parse().ok().filter(|&l| l > 0))
        }
        _ => (source, None),
    }
}

impl TableDataset {
    /// An empty dataset.
    pub fn new() -> Self {
        Self::default()
    }

    /// The dataset in columns; the first record that does not fit is the error.
    pub fn from_dataset(dataset: &Dataset) -> Result<Self, RecordError> {
        let mut data = Self::new();
        for s in &dataset.seizures {
            data.push(s).map_err(|reason| RecordError { at: data.locate_new(s), reason })?;
        }
        data.reported_totals.clone_from(&dataset.reported_totals);
        data.activities.clone_from(&dataset.activities);
        data.sources.clone_from(&dataset.sources);
        Ok(data)
    }

    /// Appends a seizure record. On error nothing is appended.
    pub fn push(&mut self, s: &Seizure) -> Result<(), TableError> {
        self.push_in(s, None)
    }

    /// Appends a record, naming `default_document` as its document when it names none.
    pub(crate) fn push_in(&mut self, s: &Seizure, default_document: Option<&str>) -> Result<(), TableError> {
        let (document, line) = match s.source.as_deref() {
            Some(source) => document_and_line(source),
            None => (default_document.unwrap_or(""), None),
        };
        let document = if document.is_empty() {
            NO_DOCUMENT
        } else {
            self.documents
                .intern_str(document, NO_DOCUMENT as usize)
                .ok_or(TableError::TooManyDistinct { what: "source documents", limit: NO_DOCUMENT as usize })?
        };
        let details: Details = (s.substance.specific.clone(), s.notes.clone());
        let detail = self
            .details
            .intern(&details, u32::MAX as usize)
            .ok_or(TableError::TooManyDistinct { what: "notes", limit: u32::MAX as usize })?;
        self.table.push(s)?;
        self.document.push(document);
        self.position.push(line.filter(|&l| l < ORDINAL).unwrap_or(ORDINAL | (self.position.len() as u64 + 1)));
        self.detail.push(detail);
        Ok(())
    }

    /// The seizure records' table (what aggregation runs over).
    pub fn table(&self) -> &SeizureTable {
        &self.table
    }

    /// The number of seizure records.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether there are no seizure records.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Where record `row` is: `file:line` when its source names a line, else
    /// `record N` (1-based) with its source document.
    pub fn locate(&self, row: usize) -> String {
        let document = self.document.get(row).and_then(|&d| self.documents.get(d));
        let position = self.position.get(row).copied().unwrap_or(ORDINAL | (row as u64 + 1));
        match (document, position & ORDINAL == 0) {
            (Some(doc), true) => format!("{doc}:{position}"),
            (Some(doc), false) => format!("record {} ({doc})", position & !ORDINAL),
            (None, _) => format!("record {}", position & !ORDINAL),
        }
    }

    /// Where a record that is not in the table yet would be.
    fn locate_new(&self, s: &Seizure) -> String {
        match s.source.as_deref().map(document_and_line) {
            Some((doc, Some(line))) => format!("{doc}:{line}"),
            Some((doc, None)) => format!("record {} ({doc})", self.len() + 1),
            None => format!("record {}", self.len() + 1),
        }
    }

    /// Record `row` (with its source, specific name and notes).
    pub fn record(&self, row: usize) -> Option<Seizure> {
        let mut s = self.table.row(row)?;
        let (specific, notes) = self.details.get(*self.detail.get(row)?)?.clone();
        s.substance.specific = specific;
        s.notes = notes;
        let document = self.documents.get(self.document[row]);
        let position = self.position[row];
        s.source = match (document, position & ORDINAL == 0) {
            (Some(doc), true) => Some(format!("{doc}:{position}")),
            (Some(doc), false) => Some(doc.clone()),
            (None, _) => None,
        };
        Some(s)
    }

    /// The document code of `row` (`u32::MAX` when none).
    pub(crate) fn document_code(&self, row: usize) -> u32 {
        self.document[row]
    }

    /// The source document of `row`, when it names one.
    pub(crate) fn document(&self, row: usize) -> Option<&str> {
        self.documents.get(*self.document.get(row)?).map(String::as_str)
    }

    /// The details code of `row`.
    pub(crate) fn detail_code(&self, row: usize) -> u32 {
        self.detail[row]
    }

    /// The quantity of `row`, when it has one.
    pub(crate) fn quantity(&self, row: usize) -> Option<Quantity> {
        let unit = *Unit::ALL.get(usize::from(self.table.unit[row]))?;
        Quantity::from_base(self.table.amount[row], unit).ok()
    }

    /// The period of `row`.
    pub(crate) fn period(&self, row: usize) -> Period {
        let start = self.table.start[row];
        Period {
            start: crate::Date::from_days(start),
            end: crate::Date::from_days(start + i32::from(self.table.span[row])),
        }
    }

    /// Every record's period, in order.
    pub(crate) fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        (0..self.len()).map(|r| self.period(r))
    }

    /// The records whose period overlaps `period`, with the stated totals
    /// that overlap it, the sources, and no activities.
    pub fn overlapping(&self, period: Period) -> Self {
        let mut out = self.select(|r| self.period(r).overlaps(period));
        out.reported_totals = self.reported_totals.iter().filter(|t| t.period.overlaps(period)).cloned().collect();
        out.sources.clone_from(&self.sources);
        out
    }

    /// The seizure records whose period lies inside `period`, in a table.
    pub fn table_within(&self, period: Period) -> SeizureTable {
        self.select(|r| period.covers(self.period(r))).table
    }

    /// The records `keep` keeps, in order, with the same dictionaries (so the
    /// same codes); no totals, activities or sources.
    fn select(&self, keep: impl Fn(usize) -> bool) -> Self {
        let rows: Vec<usize> = (0..self.len()).filter(|&r| keep(r)).collect();
        let table = self.table.select_rows(&rows);
        let pick = |column: &[u32]| rows.iter().map(|&r| column[r]).collect::<Vec<u32>>();
        Self {
            table,
            documents: self.documents.clone(),
            document: pick(&self.document),
            position: rows.iter().map(|&r| self.position[r]).collect(),
            details: self.details.clone(),
            detail: pick(&self.detail),
            reported_totals: Vec::new(),
            activities: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Where the table ends now.
    pub(crate) fn mark(&self) -> (crate::table::TableMark, usize) {
        (self.table.mark(), self.document.len())
    }

    /// Drops the records appended since `mark`.
    pub(crate) fn roll_back(&mut self, mark: (crate::table::TableMark, usize)) {
        self.table.roll_back(mark.0);
        self.document.truncate(mark.1);
        self.position.truncate(mark.1);
        self.detail.truncate(mark.1);
    }
}

/// Which measure a unit's amounts belong to: mass and volume each form one;
/// every kind of counted item is its own (tablets are not plants), with a
/// thousand tablets counted as tablets. Quantities of one measure compare in
/// base units.
pub(crate) fn measure_of(unit: Option<Unit>) -> u16 {
    match unit {
        None => u16::MAX,
        Some(u) => match u.dimension() {
            Dimension::Mass => 0,
            Dimension::Volume => 1,
            Dimension::Count => {
                let u = if u == Unit::ThousandTablets { Unit::Tablet } else { u };
                2 + Unit::ALL.iter().position(|&x| x == u).and_then(|i| u16::try_from(i).ok()).unwrap_or(0)
            }
        },
    }
}

/// The measure of a table unit code (255: no quantity).
pub(crate) fn measure_of_code(unit: u8) -> u16 {
    measure_of(Unit::ALL.get(usize::from(unit)).copied())
}
