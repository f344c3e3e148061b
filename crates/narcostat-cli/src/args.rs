//! Command-line arguments: every word a flag takes is a core type parsed by
//! its `FromStr`, so a misspelt word gets the core's "did you mean".

use clap::{Args, Parser, Subcommand, ValueEnum};
use narcostat::bulletin::BulletinFormat;
use narcostat::equivalent::Basis;
use narcostat::read::{Format, Missing};
use narcostat::spec::{QuerySpec, ReadSpec};
use narcostat::vocabulary::{MeasureWord, OutputFormat};
use narcostat::{CountryCode, GroupKey, Period, SpanRule, Unit};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "narcostat", version, about = "Record, check and aggregate counter-narcotics statistics.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Filter conditions: key -> alternatives.
pub type Conditions = BTreeMap<String, Vec<String>>;

/// `drug=opium|heroin,country=IRN` as the core's query spec reads it.
fn conditions(text: &str) -> Result<Conditions, serde_json::Error> {
    serde_json::from_value::<QuerySpec>(serde_json::json!({ "where": text })).map(|spec| spec.filter)
}

/// Dimensions, comma-separated (`drug,year`; empty for the total): a list
/// value (an alias, so that clap parses it whole).
pub type Keys = Vec<GroupKey>;

/// `drug,year` as the core reads a list of dimensions.
fn keys(text: &str) -> Result<Keys, narcostat::vocabulary::UnknownWord> {
    GroupKey::parse_list(text)
}

/// A country by ISO alpha-3 code or name.
fn country(text: &str) -> Result<CountryCode, String> {
    CountryCode::resolve(text).ok_or_else(|| format!("unknown country {text:?}"))
}

/// Options for reading an input file.
#[derive(Debug, Args)]
pub struct Input {
    /// The input: a UNODC, CBP or wide CSV, a spreadsheet of those, or JSON / NDJSON in narcostat's shape.
    pub file: PathBuf,
    /// The layout, when detection from the header is not wanted: unodc-annual, unodc-subregional, cbp, wide, json, ndjson.
    #[arg(long = "input-format", value_name = "LAYOUT")]
    pub input_format: Option<Format>,
    /// The country of rows that name none (ISO alpha-3 or name), e.g. IND for a table of Indian states.
    #[arg(long, value_parser = country)]
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
}

impl Input {
    /// The core's reading spec.
    pub fn spec(&self) -> ReadSpec {
        let (format, sheet) = (self.input_format.clone(), self.sheet.clone());
        ReadSpec {
            format,
            country: self.country,
            lenient: self.lenient,
            missing: self.missing,
            sheet,
            ..ReadSpec::default()
        }
    }
}

/// The query options shared by summary, top, trend, compare and equivalents.
#[derive(Debug, Args)]
pub struct Select {
    /// Filters, comma-separated key=value (alternatives with |): drug=opium|heroin,country=IRN.
    #[arg(long = "where", value_name = "CONDITIONS", default_value = "", value_parser = conditions)]
    pub filter: Conditions,
    /// Keep records wholly inside a period: 2021, 2021-02, 2021-Q1, 2021-W05, FY2024, SH1399, SH1399-11, START..END.
    #[arg(long)]
    pub period: Option<Period>,
    /// First month of the fiscal year for `fiscal-year` (default 10, the US federal year).
    #[arg(long = "fiscal-start")]
    pub fiscal_start: Option<u8>,
    /// Records spanning several time buckets: keep apart (separate), or attribute by their first or last day (by-start, by-end).
    #[arg(long = "span-rule", default_value = "separate")]
    pub span_rule: SpanRule,
    /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...).
    #[arg(long)]
    pub unit: Option<Unit>,
    /// Output format: table, csv or json.
    #[arg(long, default_value = "table")]
    pub format: OutputFormat,
}

impl Select {
    /// The core's query spec, grouped `by`.
    pub fn spec(self, by: Vec<GroupKey>) -> QuerySpec {
        let Select { filter, period, fiscal_start, span_rule, unit, .. } = self;
        QuerySpec { by, filter, period, fiscal_start, span_rule, unit, ..QuerySpec::default() }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConvertFormat {
    Json,
    Csv,
}

/// What to rank, follow or compare by.
const MEASURE: &str = "mass, volume, seizures, records, or a kind of counted item (tablets, pills, doses, units, plants, blots, bottles, ampoules; `count` when the data counts one kind)";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the bulletin of a period: seizures ranked with shares, activities, data quality.
    #[command(
        after_help = "Examples:\n  narcostat bulletin\n  narcostat bulletin --format html > bulletin.html\n  narcostat bulletin --data month.json --period 2021-02 --format markdown"
    )]
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
    #[command(
        after_help = "Examples:\n  narcostat summary data/reference/unodc-annual-1970-2019.csv --by drug,year --where country=IRN --period 2012..2016\n  narcostat summary cbp.csv --by drug-family,fiscal-year --unit lb --format csv"
    )]
    Summary {
        #[command(flatten)]
        input: Input,
        /// Dimensions to group by, comma-separated (see `narcostat --help` for the list).
        #[arg(long, default_value = "drug", value_parser = keys)]
        by: Keys,
        #[command(flatten)]
        select: Select,
    },
    /// Rank groups by a measure, with shares.
    #[command(
        after_help = "Examples:\n  narcostat top data/reference/unodc-annual-1970-2019.csv --by country --where drug=cocaine --period 2017\n  narcostat top unodc.csv --by year,country --within year -n 3 --where drug=opium"
    )]
    Top {
        #[command(flatten)]
        input: Input,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = keys)]
        by: Keys,
        /// How many to show (in each --within group).
        #[arg(short = 'n', default_value_t = 10)]
        n: usize,
        #[arg(long, default_value = "mass", help = format!("What to rank by: {MEASURE}."))]
        measure: MeasureWord,
        /// Rank within each value of these dimensions (among --by): ranks restart and shares
        /// are of that value's total, e.g. --by year,country --within year.
        #[arg(long, default_value = "", value_parser = keys)]
        within: Keys,
        #[command(flatten)]
        select: Select,
    },
    /// A measure over time, with the change from each period to the next.
    #[command(
        after_help = "Examples:\n  narcostat trend data/reference/unodc-annual-1970-2019.csv --by year --drug opium --where country=IRN"
    )]
    Trend {
        #[command(flatten)]
        input: Input,
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
    #[command(
        after_help = "Examples:\n  narcostat compare data/reference/unodc-annual-1970-2019.csv --period 2018 --vs 2017 --by drug --where country=IRN"
    )]
    Compare {
        #[command(flatten)]
        input: Input,
        /// The period to compare with.
        #[arg(long)]
        vs: Period,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = keys)]
        by: Keys,
        #[arg(long, default_value = "mass", help = format!("What to compare: {MEASURE}."))]
        measure: MeasureWord,
        #[command(flatten)]
        select: Select,
    },
    /// Opiates or amphetamine-type stimulants as equivalents (heroin or pure substance).
    #[command(
        after_help = "Examples:\n  narcostat equivalents data/reference/unodc-annual-1970-2019.csv --by year --where country=AFG --period 2015..2019"
    )]
    Equivalents {
        #[command(flatten)]
        input: Input,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug", value_parser = keys)]
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
    #[command(
        after_help = "Examples:\n  narcostat check data/reference/unodc-annual-1970-2019.csv\n  narcostat check messy.csv --lenient"
    )]
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// Convert a file to narcostat's JSON shape or to a flat CSV of records.
    #[command(
        after_help = "Examples:\n  narcostat convert data/reference/cbp-amo-fy23-fy26-dec.csv --to json > amo.json"
    )]
    Convert {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum)]
        to: ConvertFormat,
    },
}
