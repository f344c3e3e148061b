//! What can go wrong reading a table, and the rejection report.

use serde::{Deserialize, Serialize};

/// Why a row was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RowError {
    /// The substance name does not resolve.
    #[error("unknown substance {name:?}{}", crate::substance::did_you_mean_text(.suggestions))]
    UnknownSubstance {
        /// The name.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// A number does not parse.
    #[error("cannot read {value:?} as a number")]
    BadNumber {
        /// The text.
        value: String,
    },
    /// A unit is not known.
    #[error("unknown unit {value:?}")]
    UnknownUnit {
        /// The text.
        value: String,
    },
    /// A number whose separators fit both conventions (`2,125`, `1.500`) in
    /// a column whose decimal mark nothing has settled yet.
    #[error(
        "cannot tell whether {value:?} has a decimal comma or thousands separators; give the decimal mark (decimal: comma or point)"
    )]
    AmbiguousDecimal {
        /// The text.
        value: String,
    },
    /// A number written with another decimal mark than earlier cells of its column.
    #[error(
        "{value:?} is not written with {column}, as earlier cells of its column are; give the decimal mark (decimal: comma or point)"
    )]
    MixedDecimal {
        /// The text.
        value: String,
        /// The column's convention (`a decimal comma`).
        column: String,
    },
    /// A date written day and month in an order that cannot be told (`1/2/21`).
    #[error("date {value:?} may be day/month or month/day; write dates as ISO days (2021-02-03)")]
    AmbiguousDate {
        /// The text.
        value: String,
    },
    /// A date form narcostat does not read (`20210203`).
    #[error("{value:?} is not a date form narcostat reads; write ISO days (2021-02-03), months (2021-02) or years")]
    UnreadDateForm {
        /// The text.
        value: String,
    },
    /// A date or period does not parse.
    #[error("invalid date or period {value:?}{}", crate::period::range_note(.value))]
    BadDate {
        /// The text.
        value: String,
    },
    /// A seized quantity is negative.
    #[error("negative quantity {value:?}")]
    Negative {
        /// The text.
        value: String,
    },
    /// A quantity beyond the exact range.
    #[error("quantity {value:?} is out of range")]
    OutOfRange {
        /// The text.
        value: String,
    },
    /// The row has another number of fields than the header.
    #[error("expected {expected} fields, found {found}")]
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A required value is empty or missing (`NULL`) and the options say to reject it.
    #[error("missing value")]
    Missing,
    /// A country that does not resolve.
    #[error("unknown country {value:?}")]
    UnknownCountry {
        /// The text.
        value: String,
    },
    /// The bytes are not valid UTF-8, or the CSV is malformed.
    #[error("malformed row: {message}")]
    Malformed {
        /// What the CSV reader said.
        message: String,
    },
    /// A value the table cannot hold (a period over 179 years, ...).
    #[error("{message}")]
    Unsupported {
        /// Why.
        message: String,
    },
    /// A quantity that is not zero but below the base unit (1 µg, 1 nl, a
    /// thousandth of an item): it would be held as zero.
    #[error(
        "quantity {value:?} is not zero but below the smallest amount held (a microgram, a nanolitre or a thousandth of an item)"
    )]
    BelowResolution {
        /// The text.
        value: String,
    },
    /// A date whose year (1300 to 1500) suggests the Solar Hijri calendar.
    #[error(
        "date {value:?} has a year between 1300 and 1500: if it is a Solar Hijri (Persian) date, read the table with the calendar solar-hijri (--calendar solar-hijri), or write the month or year as SH1399-12 or SH1399"
    )]
    SolarHijriDate {
        /// The text.
        value: String,
    },
    /// A date cell of a table read in the Solar Hijri calendar that is no
    /// Solar Hijri day or month (or a day the month does not have).
    #[error(
        "invalid Solar Hijri date {value:?}: expected a day that exists, such as 1399/12/30 or ۳۰ اسفند ۱۳۹۹, or a month such as 1399/12 or اسفند ۱۳۹۹"
    )]
    BadSolarHijriDate {
        /// The text.
        value: String,
    },
    /// A bare number with no unit from anywhere: no unit column, no unit in
    /// the quantity's header, no unit given in the options.
    #[error(
        "quantity {value:?} has no unit: add a unit column, put the unit in the header (\"Weight (kg)\") or give the unit of bare numbers (CLI --unit or --input-unit kg, Python unit=\"kg\")"
    )]
    NoUnit {
        /// The text.
        value: String,
    },
    /// Several cells of one row are bad (a wide row): the row is rejected
    /// once, and each cell is listed.
    #[error("{} bad cells: {}", .cells.len(), BadCell::list(.cells))]
    BadCells {
        /// Each bad cell.
        cells: Vec<BadCell>,
    },
}

/// One bad cell of a row with several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadCell {
    /// The column's header name.
    pub column: String,
    /// 1-based column number.
    pub column_number: usize,
    /// Why.
    pub reason: Box<RowError>,
}

impl BadCell {
    fn list(cells: &[BadCell]) -> String {
        let each: Vec<String> =
            cells.iter().map(|c| format!("column {} ({:?}): {}", c.column_number, c.column, c.reason)).collect();
        each.join("; ")
    }
}

/// A row that was not read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The input's name (file name).
    pub file: String,
    /// The 1-based physical line the row starts on (the header's first line
    /// is line 1; LF, CRLF or a lone CR ends a line; blank lines count).
    /// 0 for a record of a JSON dataset that a table refused: it has no line.
    pub line: u64,
    /// The column's header name, when one column is at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// 1-based column number, when one column is at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_number: Option<usize>,
    /// The offending value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The 0-based row index, for input without lines (Arrow record batches,
    /// a data frame): the index pandas shows. Messages then name the row
    /// instead of `file:line`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Why.
    pub reason: RowError,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => write!(f, "row {row}")?,
            None => {
                write!(f, "{}:{}", self.file, self.line)?;
                if let Some(n) = self.column_number {
                    write!(f, ":{n}")?;
                }
            }
        }
        if let Some(c) = &self.column {
            write!(f, " (column {c:?})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Reading stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// In strict mode, the first bad row.
    #[error("{0}")]
    Row(Box<Rejection>),
    /// The input cannot be read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The input's name.
        file: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The CSV text is malformed beyond a single row (the CSV reader stopped).
    #[error("{file}: malformed CSV: {source}")]
    Csv {
        /// The input's name.
        file: String,
        /// What the CSV reader said.
        #[source]
        source: csv::Error,
    },
    /// A spreadsheet that cannot be opened or has no such sheet.
    #[error("cannot read the spreadsheet {file}: {source}")]
    Spreadsheet {
        /// The input's name.
        file: String,
        /// Why.
        #[source]
        source: super::SpreadsheetError,
    },
    /// Arrow record batches that cannot be read as a table.
    #[error("{file}: {source}")]
    Arrow {
        /// The input's name.
        file: String,
        /// Why.
        #[source]
        source: super::BatchError,
    },
    /// A column the format needs is not in the header.
    #[error("{file}: missing required column {column:?}")]
    MissingColumn {
        /// The input's name.
        file: String,
        /// The column.
        column: String,
    },
    /// The header matches no known format and no mapping was given.
    #[error("{file}: cannot tell the format from the header {header:?}; give a format or a column mapping")]
    UnknownFormat {
        /// The input's name.
        file: String,
        /// The header line.
        header: String,
    },
    /// A header names two columns alike: which one is meant cannot be told.
    #[error("{file}: the header {header:?} names two columns, {first} and {second}; rename one")]
    DuplicateHeader {
        /// The input's name.
        file: String,
        /// The header, as written in its second column.
        header: String,
        /// The first column of that name (from 1).
        first: usize,
        /// The second column of that name (from 1).
        second: usize,
    },
    /// Several columns could hold one role of a generic table: never a guess.
    #[error(
        "{} columns could be the {role} in {file}: {}; name one with the mapping {role}={:?}",
        count_word(.candidates.len()),
        quoted(.candidates),
        .candidates.first().map_or("", String::as_str)
    )]
    AmbiguousColumn {
        /// The input's name.
        file: String,
        /// The role word (`quantity`, `date`, ...).
        role: String,
        /// The candidate headers.
        candidates: Vec<String>,
    },
    /// A column that may hold a role or something else (`name`: the drug or a person).
    #[error(
        "the column {header:?} in {file} could be the {role} or a person's name; if it is the {role}, name it with the mapping {role}={header:?}"
    )]
    UncertainColumn {
        /// The input's name.
        file: String,
        /// The role word.
        role: String,
        /// The header.
        header: String,
    },
    /// A generic table whose header has no column for a required role.
    #[error(
        "{file}: no column for the {role} among the headers {}; name it with a mapping such as {}=\"<header>\"",
        quoted(.header),
        role.split(' ').next().unwrap_or(role)
    )]
    MissingRole {
        /// The input's name.
        file: String,
        /// The role word (`drug`, `quantity`, `date or year`).
        role: String,
        /// The headers seen.
        header: Vec<String>,
    },
    /// JSON that does not fit the documented shape.
    #[error("{file}:{line}:{column}: {source}")]
    Json {
        /// The input's name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde_json said.
        #[source]
        source: serde_json::Error,
    },
    /// A record longer than any row should be: most likely a quote that is
    /// never closed, which makes the rest of the file one field.
    #[error("{file}:{line}: the record starting on this line is longer than {limit} bytes; is a quote left open?")]
    RecordTooLong {
        /// The input's name.
        file: String,
        /// The line the record starts on.
        line: u64,
        /// The longest record read, in bytes.
        limit: usize,
    },
    /// The rows read cannot be put together into one table.
    #[error("{file}: {source}")]
    Table {
        /// The input's name.
        file: String,
        /// Why.
        #[source]
        source: crate::table::TableError,
    },
    /// The reading options asked for cannot be used (see [`crate::spec::ReadSpec`]).
    #[error("{file}: {source}")]
    Options {
        /// The input's name.
        file: String,
        /// Why.
        #[source]
        source: crate::spec::SpecError,
    },
    /// The input is empty.
    #[error("{file}: empty input")]
    Empty {
        /// The input's name.
        file: String,
    },
    /// A JSON dataset has a top-level key narcostat does not know (a
    /// misspelling would otherwise read as no records).
    #[error(
        "{file}: unknown top-level key {key:?}{}; a dataset has the keys sources, seizures, reported_totals and activities",
        .suggestion.as_ref().map_or_else(String::new, |s| format!(" (did you mean {s:?}?)"))
    )]
    UnknownJsonKey {
        /// The input's name.
        file: String,
        /// The key.
        key: String,
        /// The known key it most likely means.
        suggestion: Option<String>,
    },
    /// A file pattern (`data/*.csv`) that matches no file.
    #[error("{file}: the pattern matches no file")]
    NoMatch {
        /// The pattern.
        file: String,
    },
    /// A file pattern that is not a valid glob.
    #[error("{file}: invalid file pattern: {message}")]
    BadPattern {
        /// The pattern.
        file: String,
        /// What is wrong with it.
        message: String,
    },
    /// A JSON dataset has none of the keys that hold records.
    #[error(
        "{file}: the JSON object has no \"seizures\", \"reported_totals\" or \"activities\" key, so it holds no records"
    )]
    NoJsonRecords {
        /// The input's name.
        file: String,
    },
}

impl ReadError {
    /// The rejection, when reading stopped at a bad row.
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Self::Row(r) => Some(r),
            _ => None,
        }
    }
}

impl RowError {
    /// The stable word naming the reason, the same as the `kind` tag of its
    /// serde form: `unknown_substance`, `bad_number`, `unknown_unit`,
    /// `bad_date`, `negative`, `out_of_range`, `field_count`, `missing`,
    /// `unknown_country`, `malformed`, `unsupported`, `below_resolution`,
    /// `solar_hijri_date`, `bad_solar_hijri_date`, `no_unit` or `bad_cells`. The bindings hand it on as the
    /// error's `kind`.
    ///
    /// ```
    /// use narcostat::read::RowError;
    /// assert_eq!(RowError::BadNumber { value: "1,2,3".into() }.kind(), "bad_number");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Self::UnknownSubstance { .. } => "unknown_substance",
            Self::BadNumber { .. } => "bad_number",
            Self::UnknownUnit { .. } => "unknown_unit",
            Self::BadDate { .. } => "bad_date",
            Self::AmbiguousDecimal { .. } => "ambiguous_decimal",
            Self::MixedDecimal { .. } => "mixed_decimal",
            Self::AmbiguousDate { .. } => "ambiguous_date",
            Self::UnreadDateForm { .. } => "unread_date_form",
            Self::Negative { .. } => "negative",
            Self::OutOfRange { .. } => "out_of_range",
            Self::FieldCount { .. } => "field_count",
            Self::Missing => "missing",
            Self::UnknownCountry { .. } => "unknown_country",
            Self::Malformed { .. } => "malformed",
            Self::Unsupported { .. } => "unsupported",
            Self::BelowResolution { .. } => "below_resolution",
            Self::SolarHijriDate { .. } => "solar_hijri_date",
            Self::BadSolarHijriDate { .. } => "bad_solar_hijri_date",
            Self::NoUnit { .. } => "no_unit",
            Self::BadCells { .. } => "bad_cells",
        }
    }
}

impl ReadError {
    /// The stable word naming the cause: `row` (a bad row in strict mode; its
    /// [`RowError::kind`] says why), `io` (the input cannot be read: a missing
    /// file, a failing stream), `csv` (malformed CSV the reader stops at),
    /// `spreadsheet` (a corrupt workbook or a missing sheet), `arrow` (record
    /// batches that do not fit together), `json` (JSON that does not parse or
    /// fit the shape), `table` (rows that cannot be put into one table),
    /// `missing_column`, `unknown_format`, `ambiguous_column`,
    /// `uncertain_column`, `missing_role`, `record_too_long`, `empty`,
    /// `unknown_json_key`, `no_json_records`, `no_match` (a file pattern
    /// matching no file) or `bad_pattern`.
    ///
    /// ```
    /// use narcostat::read::{read_str, ReadOptions};
    /// let e = read_str("{\"seizures\": [", "broken.json", &ReadOptions::default()).unwrap_err();
    /// assert_eq!(e.kind(), "json");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Row(_) => "row",
            Self::Io { .. } => "io",
            Self::Csv { .. } => "csv",
            Self::Spreadsheet { .. } => "spreadsheet",
            Self::Arrow { .. } => "arrow",
            Self::Json { .. } => "json",
            Self::Table { .. } => "table",
            Self::Options { .. } => "options",
            Self::MissingColumn { .. } => "missing_column",
            Self::UnknownFormat { .. } => "unknown_format",
            Self::AmbiguousColumn { .. } => "ambiguous_column",
            Self::DuplicateHeader { .. } => "duplicate_header",
            Self::UncertainColumn { .. } => "uncertain_column",
            Self::MissingRole { .. } => "missing_role",
            Self::RecordTooLong { .. } => "record_too_long",
            Self::Empty { .. } => "empty",
            Self::UnknownJsonKey { .. } => "unknown_json_key",
            Self::NoJsonRecords { .. } => "no_json_records",
            Self::NoMatch { .. } => "no_match",
            Self::BadPattern { .. } => "bad_pattern",
        }
    }

    /// The word of the most specific cause: the row's [`RowError::kind`] for
    /// a bad row, else [`ReadError::kind`]. The bindings give it as the
    /// error's `kind`.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Row(r) => r.reason.kind(),
            other => other.kind(),
        }
    }

    /// The input's name the error is about.
    pub fn file(&self) -> &str {
        match self {
            Self::Row(r) => &r.file,
            Self::Io { file, .. }
            | Self::Csv { file, .. }
            | Self::Spreadsheet { file, .. }
            | Self::Arrow { file, .. }
            | Self::Json { file, .. }
            | Self::Table { file, .. }
            | Self::Options { file, .. }
            | Self::MissingColumn { file, .. }
            | Self::UnknownFormat { file, .. }
            | Self::AmbiguousColumn { file, .. }
            | Self::DuplicateHeader { file, .. }
            | Self::UncertainColumn { file, .. }
            | Self::MissingRole { file, .. }
            | Self::RecordTooLong { file, .. }
            | Self::Empty { file }
            | Self::UnknownJsonKey { file, .. }
            | Self::NoJsonRecords { file }
            | Self::NoMatch { file }
            | Self::BadPattern { file, .. } => file,
        }
    }
}

/// "two", "three", ... for a count of candidates.
fn count_word(n: usize) -> String {
    match n {
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        4 => "four".to_owned(),
        n => n.to_string(),
    }
}

/// Headers quoted and comma-separated: `"amount", "qty"`.
fn quoted(items: &[String]) -> String {
    items.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", ")
}
