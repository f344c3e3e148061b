//! Command-line arguments: every word a flag takes is a core type parsed by
//! its `FromStr`, so a misspelt word gets the core's "did you mean".

use clap::{Args, Parser, ValueEnum};
use narcostat::bulletin::BulletinFormat;
use narcostat::equivalent::Basis;
use narcostat::period::Calendar;
use narcostat::quantity::DecimalMark;
use narcostat::read::{ColumnRole, Format, Missing};
use narcostat::spec::{QuerySpec, ReadSpec, SpecError, conditions_text};
use narcostat::vocabulary::{MeasureWord, OutputFormat, Word};
use narcostat::{CountryCode, GroupKey, Period, SpanRule, Unit};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Dimensions, comma-separated (`drug,year`; empty for the total): a list
/// value (an alias, so that clap parses it whole).
pub type Keys = Vec<GroupKey>;

/// Options for reading an input file.
#[derive(Debug, Default, Args)]
pub struct Input {
    /// The input files: UNODC, CBP or wide CSVs, spreadsheets of those, or JSON / NDJSON in narcostat's
    /// shape; several files and glob patterns ('data/*.csv', quoted or not) are read as one table,
    /// each file with its own layout.
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<String>,
    /// The layout, when detection from the header is not wanted: unodc-annual, unodc-subregional, cbp, wide, json, ndjson.
    #[arg(long = "input-format", value_name = "LAYOUT")]
    pub input_format: Option<Format>,
    /// The country of rows that name none (ISO alpha-3 or name), e.g. IND for a table of Indian states.
    #[arg(long)]
    pub country: Option<CountryCode>,
    /// Collect bad rows in a report and go on, instead of stopping at the first.
    #[arg(long)]
    pub lenient: bool,
    /// What an empty quantity is: keep (a record without a quantity, never zero) or reject (the row).
    #[arg(long, default_value = "keep")]
    pub missing: Missing,
    /// The sheet of a spreadsheet (.xlsx, .xls, .ods) to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    #[arg(long = "column", value_name = "ROLE=HEADER", help = format!(
        "The column that holds a role, when the header does not say it (repeatable): --column drug=\"Drug Type\" \
         --column quantity=Qty; the roles not given are detected. Roles: {}.",
        ColumnRole::words().join(", ")
    ))]
    pub columns: Vec<String>,
    /// The unit of quantities written without one (no unit column, no unit in the header), e.g. kg;
    /// on summary, top, trend, compare and equivalents it defaults to `--unit`.
    #[arg(long = "input-unit", value_name = "UNIT")]
    pub input_unit: Option<Unit>,
    /// The calendar of date cells: gregorian (default) or solar-hijri (1399/12/30, ۱۳۹۹/۱۲/۳۰, Persian month names).
    #[arg(long)]
    pub calendar: Option<Calendar>,
    /// The decimal mark of quantities: auto (default: a comma-delimited file reads `,` as a thousands
    /// separator; a `;`, tab or `|` file's columns take the convention their cells show), point or comma.
    #[arg(long)]
    pub decimal: Option<DecimalMark>,
    /// The delimiter of text tables (one ASCII character, e.g. ';' or '|'); sniffed from the header when absent.
    #[arg(long)]
    pub delimiter: Option<char>,
}

impl Input {
    /// The core's reading spec; a `--column` that is not `ROLE=HEADER` with a known role is an error.
    pub fn spec(&self) -> Result<ReadSpec, SpecError> {
        let (format, sheet, country, lenient, missing) =
            (self.input_format.clone(), self.sheet.clone(), self.country, self.lenient, self.missing);
        let (unit, calendar, delimiter, decimal) = (self.input_unit, self.calendar, self.delimiter, self.decimal);
        let mut spec = ReadSpec {
            format,
            country,
            lenient,
            missing,
            sheet,
            unit,
            calendar,
            delimiter,
            decimal,
            ..ReadSpec::default()
        };
        self.columns.iter().try_for_each(|column| spec.add_column(column))?;
        Ok(spec)
    }
}

/// The input and the query options shared by summary, top, trend, compare and equivalents.
#[derive(Debug, Args)]
pub struct Select {
    #[command(flatten)]
    pub input: Input,
    /// Filters, comma-separated key=value (alternatives with |): drug=opium|heroin,country=IRN.
    #[arg(long = "where", value_name = "CONDITIONS", default_value = "", value_parser = conditions_text)]
    pub filter: BTreeMap<String, Vec<String>>,
    /// Keep records wholly inside a period: 2021, 2021-02, 2021-Q1, 2021-W05, FY2024, SH1399, SH1399-11, START..END.
    #[arg(long)]
    pub period: Option<Period>,
    /// First month of the fiscal year for `fiscal-year` (default 10, the US federal year).
    #[arg(long = "fiscal-start")]
    pub fiscal_start: Option<u8>,
    /// Records spanning several time buckets: keep apart (separate), or attribute by their first or last day (by-start, by-end).
    #[arg(long = "span-rule", default_value = "separate")]
    pub span_rule: SpanRule,
    /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...); also the unit of
    /// quantities written without one, unless --input-unit gives another.
    #[arg(long)]
    pub unit: Option<Unit>,
    /// Output format: table, csv or json.
    #[arg(long, default_value = "table")]
    pub format: OutputFormat,
}

impl Select {
    /// The core's query spec (ungrouped: each subcommand sets `by`).
    pub fn spec(&self) -> QuerySpec {
        let (filter, period, fiscal_start, span_rule, unit) =
            (self.filter.clone(), self.period, self.fiscal_start, self.span_rule, self.unit);
        QuerySpec { filter, period, fiscal_start, span_rule, unit, ..QuerySpec::default() }
    }
}

/// What `convert` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConvertFormat {
    Json,
    Csv,
}

/// What to rank, follow or compare by.
const MEASURE: &str = "mass, volume, seizures, records, or a kind of counted item (tablets, pills, doses, units, plants, blots, bottles, ampoules; `count` when the data counts one kind)";

/// The subcommands.
#[derive(Debug, Parser)]
#[command(name = "narcostat", version, about = "Record, check and aggregate counter-narcotics statistics.")]
pub enum Command {
    /// Write the bulletin of a period: seizures ranked with shares, activities, data quality.
    #[command(after_help = "Examples:\n  narcostat bulletin --data month.json --period 2021-02 --format markdown")]
    Bulletin {
        /// Records in narcostat's JSON shape or any readable table (default: the embedded February 2021 bulletin).
        #[arg(long)]
        data: Option<PathBuf>,
        /// The period (default: the span of the seizure records).
        #[arg(long)]
        period: Option<Period>,
        /// Output format: text, markdown, html or json.
        #[arg(long, default_value = "text")]
        format: BulletinFormat,
    },
    /// Totals grouped by any dimensions.
    #[command(after_help = "Examples:\n  narcostat summary unodc.csv --by drug,year --where country=IRN")]
    Summary {
        /// Dimensions to group by, comma-separated (see `narcostat --help` for the list).
        #[arg(long, default_value = "drug", value_parser = GroupKey::parse_list)]
        by: Keys,
        #[command(flatten)]
        select: Select,
    },
    /// Rank groups by a measure, with shares.
    #[command(after_help = "Examples:\n  narcostat top unodc.csv --by year,country --within year -n 3")]
    Top {
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = GroupKey::parse_list)]
        by: Keys,
        /// How many to show (in each --within group).
        #[arg(short = 'n', default_value_t = 10)]
        n: usize,
        #[arg(long, default_value = "mass", help = format!("What to rank by: {MEASURE}."))]
        measure: MeasureWord,
        /// Rank within each value of these dimensions (among --by): ranks restart and shares
        /// are of that value's total, e.g. --by year,country --within year.
        #[arg(long, default_value = "", value_parser = GroupKey::parse_list)]
        within: Keys,
        #[command(flatten)]
        select: Select,
    },
    /// A measure over time, with the change from each period to the next.
    #[command(after_help = "Examples:\n  narcostat trend unodc.csv --by year --drug opium --where country=IRN")]
    Trend {
        /// The time granularity.
        #[arg(long, default_value = "year")]
        by: GroupKey,
        /// Only this drug, family or group (same as --where drug=...).
        #[arg(long)]
        drug: Option<String>,
        #[arg(long, default_value = "mass", help = format!("What to follow: {MEASURE}."))]
        measure: MeasureWord,
        #[command(flatten)]
        select: Select,
    },
    /// Compare two periods group by group (--period against --vs), the total apart.
    #[command(after_help = "Examples:\n  narcostat compare unodc.csv --period 2018 --vs 2017 --by drug")]
    Compare {
        /// The period to compare with.
        #[arg(long)]
        vs: Period,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = GroupKey::parse_list)]
        by: Keys,
        #[arg(long, default_value = "mass", help = format!("What to compare: {MEASURE}."))]
        measure: MeasureWord,
        #[command(flatten)]
        select: Select,
    },
    /// Opiates or amphetamine-type stimulants as equivalents (heroin or pure substance).
    #[command(after_help = "Examples:\n  narcostat equivalents unodc.csv --by year --where country=AFG")]
    Equivalents {
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = GroupKey::parse_list)]
        by: Keys,
        /// The equivalence basis.
        #[arg(long, default_value_t = Basis::default())]
        basis: Basis,
        #[command(flatten)]
        select: Select,
    },
    /// The drug vocabulary (group, family, drug, known names), or what one word matches.
    #[command(after_help = "Examples:\n  narcostat drugs\n  narcostat drugs --format json\n  narcostat drugs cocaine")]
    Drugs {
        /// A word as in --where drug=WORD: shows its level (group, family, drug) and the drugs it covers.
        word: Option<String>,
        /// Output format: table, csv or json.
        #[arg(long, default_value = "table")]
        format: OutputFormat,
    },
    /// Check a file: the reader's row accounting, stated totals, conflicts, duplicates, outliers.
    #[command(after_help = "Examples:\n  narcostat check messy.csv --lenient")]
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// Convert a file to narcostat's JSON shape or to a flat CSV of records.
    #[command(after_help = "Examples:\n  narcostat convert cbp.csv --to json > amo.json")]
    Convert {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum)]
        to: ConvertFormat,
    },
}
