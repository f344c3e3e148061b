//! Records as read, as a result table: what `SeizureTable.head()` and
//! `to_arrow()` show in Python.

use super::column::{Column, Role};
use super::values::Values;
use super::{ResultKind, ResultTable};
use crate::record::Seizure;

impl ResultTable {
    /// One row per record: drug, drug group, name as written, specific
    /// name, quantity (exact, in the unit it was reported in) and unit,
    /// seizure events, first and last day, country, country name, province,
    /// locality, agency, origin, destination, source (file and line, when
    /// known), then the source columns the records kept, by their names.
    ///
    /// ```
    /// use narcostat::result::ResultTable;
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let table = ResultTable::records(&month.seizures[..2]);
    /// assert_eq!(table.rows, 2);
    /// assert_eq!(&table.column_names()[..4], ["drug", "drug_group", "name", "specific_name"]);
    /// assert!(table.to_csv().contains("Opium"));
    /// ```
    pub fn records(seizures: &[Seizure]) -> Self {
        let text = |f: &dyn Fn(&Seizure) -> Option<String>| Values::Text(seizures.iter().map(f).collect());
        let key = |name: &str, values: Values| Column::new(name, Role::Key, values);
        let info = |name: &str, values: Values| Column::new(name, Role::Info, values);
        let mut columns = vec![
            key("drug", text(&|s| Some(s.substance.drug.name().to_owned()))),
            key("drug_group", text(&|s| Some(s.substance.drug.group().name().to_owned()))),
            key("name", text(&|s| Some(s.substance.name.clone()))),
            key("specific_name", text(&|s| s.substance.specific.clone())),
            Column::new(
                "quantity",
                Role::Measure,
                Values::decimals(seizures.iter().map(|s| s.quantity.map(crate::Quantity::value)).collect()),
            ),
            info("unit", text(&|s| s.quantity.map(|q| q.unit().symbol().to_owned()))),
            Column::new(
                "seizures",
                Role::Measure,
                Values::Int(seizures.iter().map(|s| s.seizures.and_then(|n| i64::try_from(n).ok())).collect()),
            ),
            info("start", Values::Date(seizures.iter().map(|s| Some(s.period.start)).collect())),
            info("end", Values::Date(seizures.iter().map(|s| Some(s.period.end)).collect())),
            key("country", text(&|s| s.place.country.map(|c| c.to_string()))),
            key("country_name", text(&|s| s.place.country_name.clone())),
            key("province", text(&|s| s.place.province.clone())),
            key("locality", text(&|s| s.place.locality.clone())),
            key("agency", text(&|s| s.agency.clone())),
            key("origin", text(&|s| s.origin.map(|c| c.to_string()))),
            key("destination", text(&|s| s.destination.map(|c| c.to_string()))),
            info("source", text(&|s| s.source.clone())),
        ];
        for name in kept_names(seizures) {
            columns.push(key(&name, text(&|s| s.column_exact(&name).map(str::to_owned))));
        }
        Self::new(ResultKind::Records, columns, seizures.len())
    }
}

/// The kept source column names of `seizures`, in first-seen order.
pub(crate) fn kept_names(seizures: &[Seizure]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (name, _) in seizures.iter().flat_map(|s| &s.columns) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}
