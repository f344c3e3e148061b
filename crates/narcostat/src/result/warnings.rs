//! Which notes of a result are warnings.

use super::ResultTable;

impl ResultTable {
    /// The notes that are warnings: a drug filter that matched no rows, or
    /// only non-specified buckets (front ends raise these as warnings; the
    /// other notes say what was covered and compared).
    ///
    /// ```
    /// use narcostat::{SeizureTable, spec::{Operation, QuerySpec}};
    /// let table = SeizureTable::from_seizures(&narcostat::seed::bulletin_2021_02().seizures).unwrap();
    /// let spec: QuerySpec = serde_json::from_str(r#"{"by": "drug", "where": {"drug": "cocaine"}}"#).unwrap();
    /// let result = spec.run(Operation::Summary, &table).unwrap();
    /// assert_eq!(result.warnings(), ["drug=Cocaine matched no rows in this table"]);
    /// ```
    pub fn warnings(&self) -> Vec<&str> {
        self.notes.iter().map(String::as_str).filter(|n| crate::query::coverage::is_warning(n)).collect()
    }
}
