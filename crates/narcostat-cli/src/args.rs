//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "narcostat", version, about = "Record, check and aggregate counter-narcotics statistics.", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options for reading an input file.
#[derive(Debug, Args)]
pub struct Input {
    /// The input: a UNODC, CBP or wide CSV, a spreadsheet of those, or JSON / NDJSON in narcostat's shape.
    pub file: PathBuf,
    /// The layout, when detection from the header is not wanted: unodc-annual, unodc-subregional, cbp, wide, json, ndjson.
    #[arg(long = "input-format", value_name = "LAYOUT")]
    pub input_format: Option<String>,
    /// The country of rows that name none (ISO alpha-3 or name), e.g. IND for a table of Indian states.
    #[arg(long)]
    pub country: Option<String>,
    /// Collect bad rows in a report and go on, instead of stopping at the first.
    #[arg(long)]
    pub lenient: bool,
    /// The sheet of a spreadsheet (.xlsx, .xls, .ods) to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
}

/// The query options shared by summary, top, trend and compare.
#[derive(Debug, Args)]
pub struct Select {
    /// Filters, comma-separated key=value (alternatives with |): drug=opium|heroin,country=IRN.
    #[arg(long = "where", value_name = "CONDITIONS", default_value = "")]
    pub filter: String,
    /// Keep records wholly inside a period: 2021, 2021-02, 2021-Q1, 2021-W05, FY2024, SH1399, SH1399-11, START..END.
    #[arg(long)]
    pub period: Option<String>,
    /// First month of the fiscal year for `fiscal-year` (US federal: 10).
    #[arg(long = "fiscal-start", default_value_t = 10, value_parser = clap::value_parser!(u8).range(1..=12))]
    pub fiscal_start: u8,
    /// Records spanning several time buckets: keep apart (separate), or attribute by their first or last day.
    #[arg(long = "span-rule", value_enum, default_value_t = SpanRuleArg::Separate)]
    pub span_rule: SpanRuleArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SpanRuleArg {
    Separate,
    ByStart,
    ByEnd,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BulletinFormatArg {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConvertFormat {
    Json,
    Csv,
}

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
        period: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BulletinFormatArg::Text)]
        format: BulletinFormatArg,
    },
    /// Totals grouped by any dimensions.
    #[command(
        after_help = "Examples:\n  narcostat summary data/reference/unodc-annual-1970-2019.csv --by drug,year --where country=IRN --period 2012..2016\n  narcostat summary cbp.csv --by drug,fiscal-year --format csv\n\nDimensions: drug, drug-group, name, country, region, sub-region, province, locality, agency, origin, destination, day, week, month, quarter, year, fiscal-year, solar-hijri-month, solar-hijri-year"
    )]
    Summary {
        #[command(flatten)]
        input: Input,
        /// Dimensions to group by, comma-separated.
        #[arg(long, default_value = "drug")]
        by: String,
        #[command(flatten)]
        select: Select,
        /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...).
        #[arg(long)]
        unit: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Rank groups by a measure, with shares.
    #[command(
        after_help = "Examples:\n  narcostat top data/reference/cbp-nationwide-fy23-fy26-dec.csv --by drug --period FY2024\n  narcostat top unodc.csv --by country -n 5 --where drug=opium --period 2018"
    )]
    Top {
        #[command(flatten)]
        input: Input,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug")]
        by: String,
        /// How many to show.
        #[arg(short = 'n', default_value_t = 10)]
        n: usize,
        /// What to rank by: mass, volume, seizures, records, or a kind of counted item
        /// (tablets, pills, doses, units, plants, blots, bottles, ampoules; `count` when the data counts one kind).
        #[arg(long, default_value = "mass")]
        measure: String,
        /// Rank within each value of these dimensions (among --by): ranks restart and shares
        /// are of that value's total, e.g. --by year,country --within year.
        #[arg(long, default_value = "")]
        within: String,
        #[command(flatten)]
        select: Select,
        /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...).
        #[arg(long)]
        unit: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
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
        by: String,
        /// Only this drug (same as --where drug=...).
        #[arg(long)]
        drug: Option<String>,
        /// What to follow: mass, volume, seizures, records, or a kind of counted item
        /// (tablets, pills, doses, units, plants, blots, bottles, ampoules; `count` when the data counts one kind).
        #[arg(long, default_value = "mass")]
        measure: String,
        #[command(flatten)]
        select: Select,
        /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...).
        #[arg(long)]
        unit: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Compare two periods group by group.
    #[command(
        after_help = "Examples:\n  narcostat compare data/reference/unodc-annual-1970-2019.csv --period 2018 --vs 2017 --by drug --where country=IRN"
    )]
    Compare {
        #[command(flatten)]
        input: Input,
        /// The current period.
        #[arg(long)]
        period: String,
        /// The period to compare with.
        #[arg(long)]
        vs: String,
        /// Dimensions to group by.
        #[arg(long, default_value = "drug")]
        by: String,
        /// What to compare: mass, volume, seizures, records, or a kind of counted item
        /// (tablets, pills, doses, units, plants, blots, bottles, ampoules; `count` when the data counts one kind).
        #[arg(long, default_value = "mass")]
        measure: String,
        /// Filters, as for summary.
        #[arg(long = "where", value_name = "CONDITIONS", default_value = "")]
        filter: String,
        /// Unit of masses or volumes in the output (kg, g, t, lb, oz, l, ml, ...).
        #[arg(long)]
        unit: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
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
