//! The result table of a comparison of two periods.

use super::column::{Column, Role};
use super::keys::key_columns;
use super::ratio::{PERCENT_DIGITS, percent};
use super::units::OutputUnits;
use super::values::Values;
use super::{ResultKind, ResultTable};
use crate::aggregate::KeyValue;
use crate::compare::{Change, ChangeStatus, Comparison};
use crate::period::Period;
use crate::query::GroupKey;

impl ResultTable {
    /// A comparison as a table: the keys (time keys dropped: the periods are
    /// the time), `<measure>_current`, `<measure>_previous`, `change_<unit>`,
    /// `change_percent`, `status` (both, new, vanished) and `is_total`; the
    /// total is its own row, last, flagged by `is_total` (its keys empty).
    ///
    /// ```
    /// use narcostat::{GroupKey, Period, Query, SeizureTable, rank::Measure, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let (cur, prev) = (Period::parse("2021").unwrap(), Period::parse("2020").unwrap());
    /// let c = t.compare(&Query::by(&[GroupKey::DrugGroup]), cur, prev, Measure::Mass).unwrap();
    /// let table = ResultTable::comparison(&c, &[GroupKey::DrugGroup], cur, prev, OutputUnits::default());
    /// assert_eq!(
    ///     table.column_names(),
    ///     ["drug-group", "mass_kg_current", "mass_kg_previous", "change_kg", "change_percent", "status", "is_total"]
    /// );
    /// assert!(table.to_csv().ends_with("\n,58207,0,58207,,new,true\n"), "{}", table.to_csv());
    /// ```
    pub fn comparison(c: &Comparison, by: &[GroupKey], current: Period, previous: Period, units: OutputUnits) -> Self {
        let keys_by: Vec<GroupKey> = by.iter().filter(|&k| !matches!(k, GroupKey::Time(_))).cloned().collect();
        let changes: Vec<&Change> = c.rows.iter().chain(std::iter::once(&c.total)).collect();
        let keys: Vec<&[KeyValue]> = changes.iter().map(|ch| ch.key.as_slice()).collect();
        let mut columns = key_columns(&keys_by, &keys);
        let m = c.measure;
        let convert = |pick: &dyn Fn(&Change) -> crate::quantity::Decimal| {
            Values::decimals_at(units.scale(m), changes.iter().map(|ch| units.convert(m, pick(ch))).collect())
        };
        let name = units.column(m);
        columns.push(Column::new(format!("{name}_current"), Role::Measure, convert(&|ch| ch.current)));
        columns.push(Column::new(format!("{name}_previous"), Role::Measure, convert(&|ch| ch.previous)));
        columns.push(Column::new(format!("change_{}", units.suffix(m)), Role::Measure, convert(&|ch| ch.absolute)));
        let percents = changes.iter().map(|ch| percent(ch.absolute, ch.previous)).collect();
        columns.push(Column::new("change_percent", Role::Measure, Values::decimals_at(PERCENT_DIGITS, percents)));
        let status = changes.iter().map(|ch| Some(status(ch.status).to_owned())).collect();
        columns.push(Column::new("status", Role::Info, Values::Text(status)));
        let flags = (0..changes.len()).map(|i| Some(i + 1 == changes.len())).collect();
        columns.push(Column::new("is_total", Role::Info, Values::Bool(flags)));
        let mut table = Self::new(ResultKind::Comparison, columns, changes.len());
        table.notes.push(format!("current period {current}, previous period {previous}"));
        table
    }
}

fn status(s: ChangeStatus) -> &'static str {
    match s {
        ChangeStatus::Both => "both",
        ChangeStatus::New => "new",
        ChangeStatus::Vanished => "vanished",
    }
}
