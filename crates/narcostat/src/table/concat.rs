//! Tables put end to end.

use super::{SeizureTable, TableError};

impl SeizureTable {
    /// The rows of `tables` (a slice, or any iterator of references), in
    /// order, in one table (dictionaries merged).
    ///
    /// ```
    /// use narcostat::SeizureTable;
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let (a, b) = month.seizures.split_at(3);
    /// let parts = [SeizureTable::from_seizures(a).unwrap(), SeizureTable::from_seizures(b).unwrap()];
    /// let whole = SeizureTable::concat(&parts).unwrap();
    /// assert_eq!(whole.len(), month.seizures.len());
    /// assert_eq!(whole.row(3).unwrap().substance, month.seizures[3].substance);
    /// ```
    pub fn concat<'a>(tables: impl IntoIterator<Item = &'a SeizureTable> + Clone) -> Result<SeizureTable, TableError> {
        let mut whole = SeizureTable::new();
        whole.reserve(tables.clone().into_iter().map(SeizureTable::len).sum());
        for table in tables {
            whole.append(table)?;
        }
        Ok(whole)
    }
}
