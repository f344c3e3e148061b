//! The result table of an aggregate.

use super::keys::key_columns;
use super::measures::{Row, measure_columns};
use super::units::OutputUnits;
use super::{ResultKind, ResultTable};
use crate::aggregate::{Aggregate, KeyValue};

impl ResultTable {
    /// An aggregate as a table: one key column per grouping key (two for
    /// places: code and name), then the measure columns in `units`: `mass_kg`
    /// (or `mass_lb`, ...), `volume_l`, one `count_<kind>` per kind of item
    /// counted, `seizures`, `records`, `records_without_quantity`,
    /// `min_mass_kg`, `max_mass_kg`, `first_day`, `last_day`, `share_of_mass`
    /// (of the attributable total) and `attributable`. Unattributed groups
    /// (records spanning several time buckets) come last, `attributable` false.
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, Unit, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap();
    /// let csv = ResultTable::aggregate(&agg, OutputUnits::default()).to_csv();
    /// assert!(csv.contains("\nOpioids,51215,,,3,0,1144,47767,2021-01-30,2021-02-28,0.879877,true\n"));
    /// let lb = ResultTable::aggregate(&agg, OutputUnits::with(Unit::Pound));
    /// assert!(lb.column("mass_lb").is_some());
    /// ```
    pub fn aggregate(agg: &Aggregate, units: OutputUnits) -> Self {
        let rows: Vec<Row<'_>> = agg
            .groups
            .iter()
            .map(|group| Row { group, attributable: true })
            .chain(agg.unattributed.iter().map(|group| Row { group, attributable: false }))
            .collect();
        let keys: Vec<&[KeyValue]> = rows.iter().map(|r| r.group.key.as_slice()).collect();
        let mut columns = key_columns(&agg.query.by, &keys);
        columns.extend(measure_columns(&rows, &agg.count_units(), units, agg.grand_total().mass.sum));
        Self::new(ResultKind::Aggregate, columns, rows.len())
    }
}
