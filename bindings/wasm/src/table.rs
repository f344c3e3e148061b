//! The `SeizureTable` class: a table read by the core, queried through the
//! core's specs (`QuerySpec::run`), results rendered from its `ResultTable`.

use crate::error::error;
use crate::{QueryOptions, options, plain};
use narcostat::bulletin::Bulletin;
use narcostat::check::{CheckSummary, TableDataset};
use narcostat::read::{Format, ReadOptions, ReadReport};
use narcostat::result::ResultTable;
use narcostat::spec::Operation;
use wasm_bindgen::prelude::*;

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
    /// Options: `{lenient, format, country, fileName, keepUnknown, mapping, missing, delimiter}`;
    /// `onProgress(bytes, rows)` is called as rows are read.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ReadOptions | undefined")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "((bytes: number, rows: number) => void) | undefined")]
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsSeizureTable, JsValue> {
        let (read_options, name) = options::read(options)?;
        let (data, report) = TableDataset::read(text.as_bytes(), &name, &read_options, &mut |p| {
            if let Some(f) = &on_progress {
                let _ = f.call2(&JsValue::NULL, &JsValue::from_f64(p.bytes as f64), &JsValue::from_f64(p.rows as f64));
            }
        })
        .map_err(error)?;
        Ok(Self { data, report })
    }

    /// Reads narcostat's JSON dataset shape.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<JsSeizureTable, JsValue> {
        let options = ReadOptions { format: Some(Format::Json), ..ReadOptions::default() };
        let (data, report) = TableDataset::read(text.as_bytes(), "json", &options, &mut |_| {}).map_err(error)?;
        Ok(Self { data, report })
    }

    /// The embedded default month: Iran's February 2021 bulletin.
    pub fn embedded() -> Result<JsSeizureTable, JsValue> {
        let data = TableDataset::from_dataset(&narcostat::seed::bulletin_2021_02()).map_err(error)?;
        let report = ReadReport { file: "embedded".to_owned(), format: "json".to_owned(), ..ReadReport::default() };
        Ok(Self { data, report })
    }

    /// Number of seizure rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.data.len()
    }

    /// The reader's accounting and every rejected row.
    pub fn report(&self) -> Result<JsValue, JsValue> {
        plain(&self.report)
    }

    /// The same as `aggregate`, as the core's exact CSV text (for downloads).
    #[wasm_bindgen(js_name = aggregateCsv)]
    pub fn aggregate_csv(&self, options: QueryOptions) -> Result<String, JsValue> {
        Ok(self.run(Operation::Summary, options)?.to_csv())
    }

    /// Consistency checks, described by the core: report text, stated totals, conflicts, and
    /// the first 100 likely duplicate groups and outliers with the lines of their records.
    pub fn check(&self) -> Result<JsValue, JsValue> {
        plain(&CheckSummary::new(&self.data, &self.report, 100))
    }

    /// The bulletin: `{period, format: "text"|"markdown"|"html"|"json"}`.
    pub fn bulletin(&self, options: Option<QueryOptions>) -> Result<String, JsValue> {
        let (period, format) = options::bulletin(options)?;
        Ok(Bulletin::from_table(&self.data, period).map_err(error)?.render(format))
    }

    /// The bulletin's data as an object (ranking, activities, data quality).
    #[wasm_bindgen(js_name = bulletinData)]
    pub fn bulletin_data(&self, options: Option<QueryOptions>) -> Result<JsValue, JsValue> {
        let (period, _) = options::bulletin(options)?;
        plain(&Bulletin::from_table(&self.data, period).map_err(error)?)
    }

    /// Runs `operation` with the options as a core `QuerySpec` (a ranking's
    /// `n` 10 when absent) and gives its result.
    fn run(&self, operation: Operation, options: QueryOptions) -> Result<ResultTable, JsValue> {
        let mut spec = options::query(options)?;
        if operation == Operation::Top {
            spec.n = spec.n.or(Some(10));
        }
        spec.run(operation, self.data.table()).map_err(error)
    }
}

/// The query methods, one per core [`Operation`]: each deserialises its
/// options into a `QuerySpec`, runs it and returns the result's JSON document
/// (`QueryResult`: `columns`, `rows`, `warnings`, `notes`, `accounting`, ...).
macro_rules! queries {
    ($($(#[$doc:meta])* $name:ident => $operation:ident;)*) => {
        #[wasm_bindgen(js_class = SeizureTable)]
        impl JsSeizureTable {
            $(
                $(#[$doc])*
                #[wasm_bindgen(unchecked_return_type = "QueryResult")]
                pub fn $name(&self, options: QueryOptions) -> Result<JsValue, JsValue> {
                    js_sys::JSON::parse(&self.run(Operation::$operation, options)?.to_document_json())
                }
            )*
        }
    };
}

queries! {
    /// Totals grouped by `by`: `{by, where, period, spanRule, fiscalStart, unit}`.
    aggregate => Summary;
    /// The top `n` groups (10 when `n` is absent) with shares: `{by, n, within, where, period, measure, unit}`.
    top => Top;
    /// A measure over one time granularity: `{by: "year", where, period, measure}`, each point with its change.
    trend => Trend;
    /// Two periods compared, the total in its own row: `{by, period, vs, where, measure}`.
    compare => Compare;
    /// Opiates or ATS as equivalents: `{by, where, period, basis, factors}`.
    equivalents => Equivalents;
}
