//! A result in the output format a user chose, and the lines shown beside it.

use super::{ResultKind, ResultTable};
use crate::vocabulary::OutputFormat;

impl ResultTable {
    /// The rows in `format`: CSV, JSON or the terminal table.
    ///
    /// ```
    /// use narcostat::{result::ResultTable, vocabulary::OutputFormat};
    /// let t = ResultTable::catalogue(&narcostat::substance::catalogue());
    /// assert_eq!(t.render(OutputFormat::Csv), t.to_csv());
    /// assert!(t.render(OutputFormat::Json).starts_with('['));
    /// ```
    pub fn render(&self, format: OutputFormat) -> String {
        match format {
            OutputFormat::Csv => self.to_csv(),
            OutputFormat::Json => self.to_json(),
            OutputFormat::Table => self.to_text(),
        }
    }

    /// Where the rows went, one sentence per aggregation that left rows
    /// out; a comparison's prefixed `current period: ` or `previous period: `.
    ///
    /// ```
    /// use narcostat::{SeizureTable, spec::{Operation, QuerySpec}};
    /// let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
    /// let spec: QuerySpec = serde_json::from_str(r#"{"period": "2021-02-10", "vs": "2021-02-09"}"#).unwrap();
    /// let lines = spec.run(Operation::Compare, &table).unwrap().accounting_lines();
    /// assert!(lines[0].starts_with("current period: ") && lines[1].starts_with("previous period: "), "{lines:?}");
    /// ```
    pub fn accounting_lines(&self) -> Vec<String> {
        let labels: &[&str] =
            if self.kind == ResultKind::Comparison { &["current period: ", "previous period: "] } else { &[] };
        let described = self.accounting.iter().enumerate().filter_map(|(i, a)| Some((i, a.describe()?)));
        described.map(|(i, d)| format!("{}{d}", labels.get(i).unwrap_or(&""))).collect()
    }
}
