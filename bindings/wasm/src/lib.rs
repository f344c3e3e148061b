//! The WebAssembly binding of narcostat: conversion and error mapping only;
//! every figure comes from the core crate (built without rayon or Arrow).

mod error;

use error::{error, js_error, read_error};
use narcostat::bulletin::{Bulletin, BulletinFormat};
use narcostat::check::{TableDataset, Tolerance};
use narcostat::rank::Measure;
use narcostat::read::{Format, Mode, ReadOptions, ReadReport};
use narcostat::result::{OutputUnits, ResultTable, Values};
use narcostat::{CountryCode, Filter, Granularity, GroupKey, Period, Query, SpanRule, Unit};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `SeizureTable.fromCsv`. */
export interface ReadOptions {
  lenient?: boolean;
  /** unodc-annual, unodc-subregional, cbp, wide, json, ndjson (detected from the header when absent) */
  format?: string;
  /** ISO alpha-3 or name, for rows that name no country */
  country?: string;
  fileName?: string;
  /** keep unknown substance names as "Unclassified" instead of rejecting the row */
  keepUnknown?: boolean;
  /** a column mapping for tables of no known layout */
  mapping?: { substance: string; quantity: string; unit?: string; default_unit?: string; date?: string; year?: string;
    country?: string; province?: string; locality?: string; agency?: string; seizures?: string; origin?: string; destination?: string };
}
/** Options of queries: dimensions of the shared vocabulary, filters, periods. */
export interface QueryOptions {
  by?: string | string[];
  where?: Record<string, string | string[]>;
  period?: string;
  vs?: string;
  spanRule?: "separate" | "by-start" | "by-end";
  fiscalStart?: number;
  n?: number;
  /** mass, volume, seizures, records, a kind of counted item (tablets, plants, ...), or count when the data counts one kind */
  measure?: "mass" | "volume" | "count" | "tablets" | "pills" | "doses" | "units" | "plants" | "blots" | "bottles" | "ampoules" | "seizures" | "records";
  unit?: string;
  format?: "text" | "markdown" | "html" | "json";
}
/** A result: column names, rows keyed by column, and where every input row went. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, string | number | null>[];
  accounting?: { rows: number; filtered_out: number; outside_period: number; straddling_period: number;
    aggregated: number; unattributed: number; without_quantity: number };
}
"#;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Options of `SeizureTable.fromCsv`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ReadOpts {
    lenient: bool,
    format: Option<String>,
    country: Option<String>,
    file_name: Option<String>,
    /// Keep unknown substance names as "Unclassified" instead of rejecting the row.
    keep_unknown: bool,
    /// A column mapping for tables of no known layout (`{substance, quantity, date, unit, ...}`).
    mapping: Option<narcostat::read::ColumnMap>,
}

/// Options of queries.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct QueryOpts {
    by: Option<ByOpt>,
    #[serde(rename = "where")]
    filter: Option<std::collections::BTreeMap<String, ByOpt>>,
    period: Option<String>,
    vs: Option<String>,
    span_rule: Option<String>,
    fiscal_start: Option<u8>,
    n: Option<usize>,
    measure: Option<String>,
    unit: Option<String>,
    format: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ByOpt {
    One(String),
    Many(Vec<String>),
}

impl ByOpt {
    fn names(&self) -> Vec<String> {
        match self {
            Self::One(s) => s.split(',').map(str::to_owned).collect(),
            Self::Many(v) => v.clone(),
        }
    }
}

/// A result as plain data: `columns`, `rows` (objects keyed by column), and
/// the row accounting when there is one (`aggregateCsv` gives the exact CSV).
#[derive(Serialize)]
struct JsResult {
    columns: Vec<String>,
    rows: Vec<serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accounting: Option<narcostat::aggregate::Accounting>,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&e.to_string(), "internal", None))
}

/// One typed value as JSON for JS: numbers as JS numbers, flags as
/// booleans, days and buckets as their labels.
fn js_value(values: &Values, row: usize) -> serde_json::Value {
    use serde_json::Value as J;
    match values {
        Values::Text(v) => v.get(row).cloned().flatten().map_or(J::Null, J::String),
        Values::Int(v) => v.get(row).copied().flatten().map_or(J::Null, J::from),
        Values::Decimal { .. } => {
            values.decimal(row).and_then(|d| serde_json::Number::from_f64(d.to_f64())).map_or(J::Null, J::Number)
        }
        Values::Bool(v) => v.get(row).copied().flatten().map_or(J::Null, J::Bool),
        Values::Date(v) => v.get(row).copied().flatten().map_or(J::Null, |d| J::String(d.to_string())),
        Values::Period { granularity, values: v } => v.get(row).copied().flatten().map_or(J::Null, |p| {
            J::String(granularity.bucket_of_period(p).map_or_else(|| p.to_string(), |i| granularity.label(i)))
        }),
    }
}

fn result(table: &ResultTable, accounting: Option<narcostat::aggregate::Accounting>) -> Result<JsValue, JsValue> {
    let rows = (0..table.rows)
        .map(|row| table.columns.iter().map(|c| (c.name.clone(), js_value(&c.values, row))).collect())
        .collect();
    let columns = table.columns.iter().map(|c| c.name.clone()).collect();
    to_js(&JsResult { columns, rows, accounting })
}

fn options(value: JsValue) -> Result<QueryOpts, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(QueryOpts::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error(&format!("invalid options: {e}"), "usage", None))
}

/// Seizure records in columns with their lines, and the stated totals and
/// activities they came with (for checks and bulletins).
#[wasm_bindgen(js_name = SeizureTable)]
pub struct JsSeizureTable {
    data: TableDataset,
    report: ReadReport,
}

#[wasm_bindgen(js_class = SeizureTable)]
impl JsSeizureTable {
    /// Reads CSV text (UNODC, CBP, wide layouts detected from the header).
    /// Options: `{lenient, format, country, fileName, keepUnknown}`; `onProgress(bytes, rows)` is called as rows are read.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ReadOptions | undefined")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "((bytes: number, rows: number) => void) | undefined")]
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsSeizureTable, JsValue> {
        let o: ReadOpts = if options.is_undefined() || options.is_null() {
            ReadOpts::default()
        } else {
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| js_error(&format!("invalid options: {e}"), "usage", None))?
        };
        let mut ro = if o.lenient { ReadOptions::lenient() } else { ReadOptions::default() };
        if let Some(f) = &o.format {
            ro.format =
                Some(Format::parse(f).ok_or_else(|| js_error(&format!("unknown format {f:?}"), "usage", None))?);
        }
        if let Some(c) = &o.country {
            ro.country = Some(
                CountryCode::resolve(c).ok_or_else(|| js_error(&format!("unknown country {c:?}"), "usage", None))?,
            );
        }
        if let Some(map) = o.mapping {
            ro.format = Some(Format::Generic(map));
        }
        if o.keep_unknown {
            ro.resolution = narcostat::Resolution::KeepUnclassified;
        }
        let name = o.file_name.unwrap_or_else(|| "input".to_owned());
        let (data, report) = TableDataset::read(text.as_bytes(), &name, &ro, &mut |p| {
            if let Some(f) = &on_progress {
                let _ = f.call2(&JsValue::NULL, &JsValue::from_f64(p.bytes as f64), &JsValue::from_f64(p.rows as f64));
            }
        })
        .map_err(read_error)?;
        Ok(Self { data, report })
    }

    /// Reads narcostat's JSON dataset shape.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<JsSeizureTable, JsValue> {
        let opts = ReadOptions { format: Some(Format::Json), mode: Mode::Strict, ..ReadOptions::default() };
        let (data, report) = TableDataset::read(text.as_bytes(), "json", &opts, &mut |_| {}).map_err(read_error)?;
        Ok(Self { data, report })
    }

    /// The embedded default month: Iran's February 2021 bulletin.
    pub fn embedded() -> Result<JsSeizureTable, JsValue> {
        let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).map_err(|e| error(e.into()))?;
        let report = ReadReport { file: "embedded".to_owned(), format: "json".to_owned(), ..ReadReport::default() };
        Ok(Self { data, report })
    }

    /// Parses the options and aggregates.
    fn run(&self, options: JsValue) -> Result<(QueryOpts, Query, narcostat::Aggregate), JsValue> {
        let o = options_of(options)?;
        let q = query(&o)?;
        let agg = self.data.table().aggregate(&q).map_err(|e| error(e.into()))?;
        Ok((o, q, agg))
    }

    /// Number of seizure rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.data.len()
    }

    /// The reader's accounting and every rejected row.
    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report)
    }

    /// Totals grouped by `by`: `{by, where, period, spanRule, fiscalStart, unit}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (o, _, agg) = self.run(options)?;
        result(&ResultTable::aggregate(&agg, OutputUnits::with(mass_unit(&o)?)), Some(agg.accounting))
    }

    /// The same as `aggregate`, as exact CSV text (for downloads).
    #[wasm_bindgen(js_name = aggregateCsv)]
    pub fn aggregate_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (o, _, agg) = self.run(options)?;
        Ok(ResultTable::aggregate(&agg, OutputUnits::with(mass_unit(&o)?)).to_csv())
    }

    /// The top `n` groups with shares: `{by, n, where, period, measure}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn top(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (o, _, agg) = self.run(options)?;
        let m = measure(&o, &agg.count_units())?;
        let ranking = ResultTable::ranking(&agg, m, Some(o.n.unwrap_or(10)), &[], OutputUnits::default())
            .map_err(|e| js_error(&e.to_string(), "query", None))?;
        result(&ranking, Some(agg.accounting))
    }

    /// A measure over time: `{by: "year", where, period, measure}`, each point with its change.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn trend(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (o, _, agg) = self.run(options)?;
        let m = measure(&o, &agg.count_units())?;
        let trend =
            ResultTable::trend(&agg, m, OutputUnits::default()).map_err(|e| js_error(&e.to_string(), "query", None))?;
        result(&trend, Some(agg.accounting))
    }

    /// Two periods compared: `{by, period, vs, where, measure}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = options_of(options)?;
        let mut q = query(&o)?;
        q.period = None;
        let (Some(cur), Some(prev)) = (&o.period, &o.vs) else {
            return Err(js_error("compare needs period and vs", "usage", None));
        };
        let (a, b) = (parse_period(cur)?, parse_period(prev)?);
        let c = self
            .data
            .table()
            .compare(&q, a, b, measure(&o, &self.data.table().count_units())?)
            .map_err(|e| error(e.into()))?;
        result(&ResultTable::comparison(&c, &q.by, a, b, OutputUnits::default()), None)
    }

    /// Consistency checks: the reader's accounting, stated totals, conflicts,
    /// groups of likely duplicate records and outliers, each finding with the
    /// lines of its records (the first 100 findings of each kind).
    pub fn check(&self) -> Result<JsValue, JsValue> {
        const LISTED: usize = 100;
        #[derive(Serialize)]
        struct Check {
            rows_read: u64,
            rows_accepted: u64,
            rows_rejected: u64,
            missing_quantities: u64,
            totals: Vec<String>,
            conflicts: Vec<String>,
            /// Groups of likely duplicate records.
            duplicates: usize,
            duplicate_records: usize,
            duplicates_heading: String,
            duplicate_groups: Vec<String>,
            outliers: usize,
            outliers_heading: String,
            outlier_records: Vec<String>,
        }
        let r = narcostat::check::report(&self.data, Tolerance::default(), 100.0);
        to_js(&Check {
            rows_read: self.report.rows_read,
            rows_accepted: self.report.rows_accepted,
            rows_rejected: self.report.rows_rejected,
            missing_quantities: self.report.missing_quantities,
            totals: r
                .totals
                .iter()
                .filter(|t| t.check().is_none_or(|c| c.difference != "0"))
                .map(narcostat::check::TotalFinding::describe)
                .collect(),
            conflicts: r.conflicts.iter().map(narcostat::check::Report::describe_conflict).collect(),
            duplicates: r.duplicates.len(),
            duplicate_records: r.duplicate_records(),
            duplicates_heading: r.duplicates_heading(),
            duplicate_groups: r.duplicates.iter().take(LISTED).map(|g| g.describe(&self.data)).collect(),
            outliers: r.outliers.len(),
            outliers_heading: r.outliers_heading(),
            outlier_records: r.outliers.iter().take(LISTED).map(|o| o.describe(&self.data)).collect(),
        })
    }

    /// The bulletin: `{period, format: "text"|"markdown"|"html"|"json"}`.
    pub fn bulletin(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions | undefined")] options: JsValue,
    ) -> Result<String, JsValue> {
        let o = options_of(options)?;
        let period = o.period.as_deref().map(parse_period).transpose()?;
        let f = match o.format.as_deref() {
            None => BulletinFormat::Text,
            Some(f) => {
                BulletinFormat::parse(f).ok_or_else(|| js_error(&format!("unknown format {f:?}"), "usage", None))?
            }
        };
        Ok(self.bulletin_of(period)?.render(f))
    }

    /// The bulletin's data as an object (ranking, activities, data quality).
    #[wasm_bindgen(js_name = bulletinData)]
    pub fn bulletin_data(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o = options_of(options)?;
        let period = o.period.as_deref().map(parse_period).transpose()?;
        to_js(&self.bulletin_of(period)?)
    }

    fn bulletin_of(&self, period: Option<Period>) -> Result<Bulletin, JsValue> {
        Bulletin::from_table(&self.data, period).map_err(|e| error(e.into()))
    }
}

fn mass_unit(o: &QueryOpts) -> Result<Unit, JsValue> {
    match &o.unit {
        Some(u) => Unit::parse(u)
            .filter(|u| u.dimension() == narcostat::Dimension::Mass)
            .ok_or_else(|| js_error(&format!("unknown mass unit {u:?}"), "usage", None)),
        None => Ok(Unit::Kilogram),
    }
}

fn options_of(v: JsValue) -> Result<QueryOpts, JsValue> {
    options(v)
}

fn parse_period(p: &str) -> Result<Period, JsValue> {
    Period::parse(p).map_err(|e| error(e.into()))
}

/// The measure of the options, for data counting the kinds `counted` (a bare
/// `count` is the one kind counted; an error when there are several).
fn measure(o: &QueryOpts, counted: &[narcostat::CountUnit]) -> Result<Measure, JsValue> {
    match &o.measure {
        None => Ok(Measure::Mass),
        Some(m) => Measure::parse_for(m, counted).map_err(|e| error(e.into())),
    }
}

fn query(o: &QueryOpts) -> Result<Query, JsValue> {
    let mut by = Vec::new();
    let fiscal_start = o.fiscal_start.unwrap_or(10);
    if !(1..=12).contains(&fiscal_start) {
        return Err(js_error(&format!("fiscalStart must be 1-12, not {fiscal_start}"), "query", None));
    }
    for n in o.by.as_ref().map(ByOpt::names).unwrap_or_default() {
        if n.trim().is_empty() {
            continue;
        }
        let k = GroupKey::parse(&n).map_err(|e| error(e.into()))?;
        by.push(match k {
            GroupKey::Time(Granularity::FiscalYear(_)) => GroupKey::Time(Granularity::FiscalYear(fiscal_start)),
            other => other,
        });
    }
    let mut filter = Filter::default();
    for (k, v) in o.filter.iter().flatten() {
        filter.add(k, &v.names().join("|")).map_err(|e| error(e.into()))?;
    }
    let q = Query {
        by,
        filter,
        period: o.period.as_deref().filter(|_| o.vs.is_none()).map(parse_period).transpose()?,
        span_rule: match o.span_rule.as_deref() {
            None | Some("separate") => SpanRule::Separate,
            Some("by-start") => SpanRule::ByStart,
            Some("by-end") => SpanRule::ByEnd,
            Some(other) => {
                return Err(js_error(&format!("unknown spanRule {other:?}"), "query", None));
            }
        },
    };
    q.validate().map_err(|e| error(e.into()))?;
    Ok(q)
}

/// Checks a stated total ("about 58383 kg") against item quantities.
#[wasm_bindgen(js_name = checkTotal)]
pub fn check_total_js(stated: &str, items: Vec<String>) -> Result<JsValue, JsValue> {
    let mut q = Vec::new();
    for i in &items {
        q.push(narcostat::Quantity::parse(i).map_err(|e| error(e.into()))?);
    }
    let c = narcostat::check::check_stated(stated, &q, Tolerance::default()).map_err(|e| error(e.into()))?;
    #[derive(Serialize)]
    struct Out {
        difference: String,
        relative: f64,
        consistent: bool,
        message: String,
    }
    to_js(&Out {
        difference: c.difference.clone(),
        relative: c.relative,
        consistent: c.consistent,
        message: c.describe(),
    })
}
