//! The result as an HTML table, for notebooks: exact values, text escaped.

use super::ResultTable;
use crate::write::escape_html;

impl ResultTable {
    /// An HTML `<table>` of the result (header, then one row per row, every
    /// value in its exact text form, text escaped), its notes after it as
    /// paragraphs.
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap();
    /// let html = ResultTable::aggregate(&agg, OutputUnits::default()).to_html();
    /// assert!(html.starts_with("<table>\n<thead><tr><th>drug-group</th><th>mass_kg</th>"));
    /// assert!(html.contains("<tr><td>Opioids</td><td>51215</td>"));
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::from("<table>\n<thead><tr>");
        for c in &self.columns {
            out.push_str(&format!("<th>{}</th>", escape_html(&c.name)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in 0..self.rows {
            out.push_str("<tr>");
            for c in &self.columns {
                out.push_str(&format!("<td>{}</td>", escape_html(&c.values.cell(row).text())));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        for warning in &self.warnings {
            out.push_str(&format!("<p class=\"warning\">warning: {}</p>\n", escape_html(warning)));
        }
        for note in &self.notes {
            out.push_str(&format!("<p>{}</p>\n", escape_html(note)));
        }
        out
    }
}
