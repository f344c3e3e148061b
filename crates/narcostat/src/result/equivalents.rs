//! The result table of equivalents.

use super::column::{Column, Role};
use super::keys::key_columns;
use super::units::OutputUnits;
use super::values::Values;
use super::{ResultKind, ResultTable};
use crate::aggregate::KeyValue;
use crate::equivalent::{Basis, Equivalents};
use crate::query::GroupKey;
use crate::rank::Measure;

impl ResultTable {
    /// Equivalents as a table: the keys (the drug folded in),
    /// `equivalent_<mass unit>` (exact; kg unless `units` say otherwise),
    /// `basis`, the `factors` used and `records_not_converted`.
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, equivalent::{Basis, Factors}, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let by = [GroupKey::Country];
    /// let eq = t.equivalents(&Query::by(&by), Basis::HeroinEquivalent, Factors::default()).unwrap();
    /// let table = ResultTable::equivalents(&eq, &by, OutputUnits::default());
    /// assert_eq!(table.column_names()[2..4], ["equivalent_kg", "basis"]);
    /// ```
    pub fn equivalents(eq: &Equivalents, by: &[GroupKey], units: OutputUnits) -> Self {
        let keys_by: Vec<GroupKey> = by.iter().filter(|&k| *k != GroupKey::Drug).cloned().collect();
        let keys: Vec<&[KeyValue]> = eq.rows.iter().map(|r| r.key.as_slice()).collect();
        let mut columns = key_columns(&keys_by, &keys);
        let rows = eq.rows.len();
        let masses = eq.rows.iter().map(|r| units.convert(Measure::Mass, r.mass_kg)).collect();
        columns.push(Column::new(
            format!("equivalent_{}", units.mass.symbol()),
            Role::Measure,
            Values::decimals_at(units.mass.result_scale(), masses),
        ));
        let repeat = |text: String| Values::Text(vec![Some(text); rows]);
        columns.push(Column::new("basis", Role::Info, repeat(basis(eq.basis).to_owned())));
        let f = &eq.factors;
        let factors = format!(
            "opium-per-heroin={}; morphine-per-heroin={}; kg-per-litre={}; mg-per-tablet={}",
            f.opium_per_heroin, f.morphine_per_heroin, f.kg_per_litre, f.mg_per_tablet
        );
        columns.push(Column::new("factors", Role::Info, repeat(factors)));
        let not_converted = eq.rows.iter().map(|r| i64::try_from(r.not_converted).ok()).collect();
        columns.push(Column::new("records_not_converted", Role::Info, Values::Int(not_converted)));
        Self::new(ResultKind::Equivalents, columns, rows)
    }
}

fn basis(b: Basis) -> &'static str {
    match b {
        Basis::HeroinEquivalent => "heroin",
        Basis::OpiumEquivalent => "opium",
        Basis::AtsMass => "ats-mass",
    }
}
