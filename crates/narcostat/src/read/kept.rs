//! Source columns kept: the columns of a table that map to no field of a
//! record travel with each record as (name, value) pairs.

use super::csv_driver::Row;

/// The prefix that marks a kept column in a header (`column:drug_group`):
/// `convert` writes it before a kept name that is also a record column, and
/// readers keep the column under the name after it.
pub const KEPT_PREFIX: &str = "column:";

/// The columns of a header that a layout does not read, to keep with each record.
///
/// A column a layout reads, even in part (UNODC's `country` as the place's
/// name), is not kept; columns with an empty name are not kept either.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeptColumns {
    columns: Vec<(usize, String)>,
}

impl KeptColumns {
    /// The columns of `header` not in `used` (indexes into `header`).
    pub(crate) fn new(header: &[String], used: &[usize]) -> Self {
        let columns = header
            .iter()
            .enumerate()
            .filter(|(i, name)| !used.contains(i) && !name.trim().is_empty())
            .map(|(i, name)| {
                let name = name.trim();
                (i, name.strip_prefix(KEPT_PREFIX).unwrap_or(name).to_owned())
            })
            .collect();
        Self { columns }
    }

    /// The kept (name, value) pairs of a row, in header order; empty cells
    /// are missing values and are left out (never kept as "").
    pub(crate) fn values(&self, row: &Row<'_>) -> Vec<(String, String)> {
        self.columns
            .iter()
            .filter_map(|(i, name)| {
                let v = row.get(*i);
                (!v.is_empty()).then(|| (name.clone(), v.to_owned()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::KeptColumns;
    use crate::read::csv_driver::Row;

    #[test]
    fn unread_columns_are_kept_and_empty_cells_are_missing() {
        let header: Vec<String> = ["Region", "Drug", "", "District"].iter().map(|s| (*s).to_owned()).collect();
        let kept = KeptColumns::new(&header, &[1]);
        let record = csv::StringRecord::from(vec!["Europe", "Heroin", "x", " "]);
        let row = Row { record: &record, line: 2 };
        assert_eq!(kept.values(&row), [("Region".to_owned(), "Europe".to_owned())]);
        let record = csv::StringRecord::from(vec!["", "Heroin", "x", "Kabul"]);
        let row = Row { record: &record, line: 3 };
        assert_eq!(kept.values(&row), [("District".to_owned(), "Kabul".to_owned())]);
    }
}
