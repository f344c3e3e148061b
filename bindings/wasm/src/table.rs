//! The `SeizureTable` class: a table read by the core, queried through the
//! core's specs (`QuerySpec::run`), results rendered from its `ResultTable`.

use crate::error::error;
use crate::{check, options, result};
use narcostat::bulletin::Bulletin;
use narcostat::check::TableDataset;
use narcostat::read::{Format, ReadOptions, ReadReport};
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
        let (spec, name) = options::read(options)?;
        let read_options = spec.options().map_err(error)?;
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
        result::plain(&self.report)
    }

    /// Totals grouped by `by`: `{by, where, period, spanRule, fiscalStart, unit}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.run(Operation::Summary, options)
    }

    /// The same as `aggregate`, as the core's exact CSV text (for downloads).
    #[wasm_bindgen(js_name = aggregateCsv)]
    pub fn aggregate_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let spec = options::query(options)?;
        Ok(spec.run(Operation::Summary, self.data.table()).map_err(error)?.to_csv())
    }

    /// The top `n` groups (10 when `n` is absent) with shares: `{by, n, within, where, period, measure, unit}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn top(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let mut spec = options::query(options)?;
        spec.n = spec.n.or(Some(10));
        result::to_js(&spec.run(Operation::Top, self.data.table()).map_err(error)?)
    }

    /// A measure over one time granularity: `{by: "year", where, period, measure}`, each point with its change.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn trend(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.run(Operation::Trend, options)
    }

    /// Two periods compared, the total in its own row: `{by, period, vs, where, measure}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.run(Operation::Compare, options)
    }

    /// Opiates or ATS as equivalents: `{by, where, period, basis, factors}`.
    #[wasm_bindgen(unchecked_return_type = "QueryResult")]
    pub fn equivalents(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.run(Operation::Equivalents, options)
    }

    /// Consistency checks: the core's report text, stated totals, conflicts,
    /// likely duplicates and outliers with the lines of their records.
    pub fn check(&self) -> Result<JsValue, JsValue> {
        check::to_js(&self.data, &self.report)
    }

    /// The bulletin: `{period, format: "text"|"markdown"|"html"|"json"}`.
    pub fn bulletin(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions | undefined")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (period, format) = options::bulletin(options)?;
        Ok(Bulletin::from_table(&self.data, period).map_err(error)?.render(format))
    }

    /// The bulletin's data as an object (ranking, activities, data quality).
    #[wasm_bindgen(js_name = bulletinData)]
    pub fn bulletin_data(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QueryOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (period, _) = options::bulletin(options)?;
        result::plain(&Bulletin::from_table(&self.data, period).map_err(error)?)
    }

    /// Runs `operation` with the options as a core `QuerySpec`.
    fn run(&self, operation: Operation, options: JsValue) -> Result<JsValue, JsValue> {
        result::to_js(&options::query(options)?.run(operation, self.data.table()).map_err(error)?)
    }
}
