//! Reading options, the row accounting report and progress.

use super::column_role::ColumnRole;
use super::error::Rejection;
use super::format::Format;
use crate::period::Calendar;
use crate::quantity::DecimalMark;
use crate::quantity::Unit;
use crate::record::{ReportedTotal, Seizure};
use crate::substance::Resolution;
use serde::{Deserialize, Serialize};

/// Stop at the first bad row, or collect bad rows and go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The first bad row stops reading with an error (the library's default).
    #[default]
    Strict,
    /// Bad rows go to the rejection report and reading goes on.
    Lenient,
}

/// What a missing quantity (`NULL`, empty) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Missing {
    /// Keep the record with no quantity (never zero): counted as `no_quantity`.
    #[default]
    Keep,
    /// Reject the row.
    Reject,
}

/// How to read a table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReadOptions {
    /// Strict or lenient.
    #[serde(default)]
    pub mode: Mode,
    /// The format; detected from the header when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// What a missing quantity is.
    #[serde(default)]
    pub missing: Missing,
    /// What an unknown substance name is.
    #[serde(default)]
    pub resolution: Resolution,
    /// How decimal marks are read (formats with a fixed convention override it).
    #[serde(default)]
    pub decimal_mark: DecimalMark,
    /// The country of rows that do not name one (e.g. `IND` for a table of Indian states).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<crate::place::CountryCode>,
    /// Whether records carry their source (`file:line`). On by default;
    /// [`read_table`](super::read_table) turns it off, as tables do not keep sources.
    #[serde(default = "yes")]
    pub sources: bool,
    /// The delimiter; sniffed from the header when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<u8>,
    /// Explicit column mapping, role → header, possibly partial: the roles
    /// not named are detected from the header words. A mapping given is
    /// never ignored: with columns (and no `format`), the table is read as a
    /// generic table even when its header is a UNODC, CBP or wide layout. A
    /// header named here that the table lacks is an error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<(ColumnRole, String)>,
    /// The unit of bare quantities (numbers without a unit), in every
    /// format, when neither a unit column nor the quantity's header gives
    /// one: a unit cell or a unit-named header wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The calendar of date cells (Gregorian by default).
    #[serde(default)]
    pub calendar: Calendar,
}

fn yes() -> bool {
    true
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            mode: Mode::default(),
            format: None,
            missing: Missing::default(),
            resolution: Resolution::default(),
            decimal_mark: DecimalMark::default(),
            country: None,
            sources: true,
            delimiter: None,
            columns: Vec::new(),
            unit: None,
            calendar: Calendar::default(),
        }
    }
}

impl ReadOptions {
    /// Lenient reading.
    pub fn lenient() -> Self {
        Self { mode: Mode::Lenient, ..Self::default() }
    }

    /// The source reference of a row, when sources are kept.
    pub(crate) fn source_of(&self, file: &str, line: u64) -> Option<String> {
        self.sources.then(|| format!("{file}:{line}"))
    }
}

/// A record read from a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A seizure.
    Seizure(Seizure),
    /// A total the table states (a total row, a per-row total column).
    Total(ReportedTotal),
}

/// Where every row went: `rows_read = rows_accepted + rows_rejected`, always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReport {
    /// The input's name.
    pub file: String,
    /// The format read.
    pub format: String,
    /// Data rows read (the header is not a row).
    pub rows_read: u64,
    /// Rows read into records.
    pub rows_accepted: u64,
    /// Rows rejected (see `rejections`).
    pub rows_rejected: u64,
    /// Seizure records produced (a wide row gives one per non-zero cell).
    pub seizures: u64,
    /// Reported totals produced.
    pub totals: u64,
    /// Seizure records kept with no quantity (`NULL`, empty).
    pub missing_quantities: u64,
    /// Records a reader flagged (e.g. plants in a kg column), each with a note.
    pub flagged: u64,
    /// Zero cells of wide tables, which stand for "nothing seized" and give no record.
    pub zero_cells: u64,
    /// Columns of the input that the layout does not read (e.g. a wide
    /// table's `Total_Arrested`): their values are in no record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_columns: Vec<String>,
    /// The column mapping used, role word → header, for generic tables
    /// (detected or explicit); empty for the fixed layouts. Serde: a JSON
    /// object `{"drug": "Drug Type", "quantity": "Qty (kg)"}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::pairs_object")]
    pub mapping: Vec<(String, String)>,
    /// Every rejected row, with where and why.
    pub rejections: Vec<Rejection>,
}

impl ReadReport {
    /// Whether the row counts add up.
    pub fn balanced(&self) -> bool {
        self.rows_read == self.rows_accepted + self.rows_rejected
    }
}

/// How far reading has come, for progress bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes consumed.
    pub bytes: u64,
    /// Rows read.
    pub rows: u64,
}
