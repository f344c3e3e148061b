//! The result table of a ranking, overall or within groups (`--within year`).

use super::column::{Column, Role};
use super::keys::key_columns;
use super::ratio::{SHARE_DIGITS, share};
use super::units::OutputUnits;
use super::values::Values;
use super::{ResultError, ResultKind, ResultTable};
use crate::aggregate::{Aggregate, Group, KeyValue};
use crate::query::GroupKey;
use crate::rank::Measure;
use std::collections::BTreeMap;

/// One ranked group.
struct Ranked<'a> {
    rank: usize,
    group: &'a Group,
    value: i128,
    whole: i128,
}

impl ResultTable {
    /// Groups ranked by `measure`, largest first, ties ordered by key:
    /// `rank`, the keys, the measure in `units`, and `share_of_<measure>`.
    /// With `within` (dimensions among the result's keys), the groups are
    /// ranked within each value of those dimensions: ranks restart, shares are
    /// of that value's total, and `n` is the number kept in each. Groups
    /// without the measure are left out.
    ///
    /// ```
    /// use narcostat::{GroupKey, Query, SeizureTable, rank::Measure, result::{OutputUnits, ResultTable}};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let agg = t.aggregate(&Query::by(&[GroupKey::Name])).unwrap();
    /// let top = ResultTable::ranking(&agg, Measure::Mass, Some(3), &[], OutputUnits::default()).unwrap();
    /// assert_eq!(top.column_names(), ["rank", "name", "mass_kg", "share_of_mass"]);
    /// assert!(top.to_csv().contains("\n1,Opium,47767,0.82"), "{}", top.to_csv());
    /// ```
    pub fn ranking(
        agg: &Aggregate,
        measure: Measure,
        n: Option<usize>,
        within: &[GroupKey],
        units: OutputUnits,
    ) -> Result<Self, ResultError> {
        let positions = within
            .iter()
            .map(|w| {
                agg.query
                    .by
                    .iter()
                    .position(|k| k == w)
                    .ok_or(ResultError::WithinNotGrouped { key: w.name().to_owned() })
            })
            .collect::<Result<Vec<usize>, _>>()?;
        let mut partitions: BTreeMap<Vec<&KeyValue>, Vec<(&Group, i128)>> = BTreeMap::new();
        for g in &agg.groups {
            if let Some(v) = measure.base_value(&g.measures) {
                partitions.entry(positions.iter().filter_map(|&i| g.key.get(i)).collect()).or_default().push((g, v));
            }
        }
        let mut ranked: Vec<Ranked<'_>> = Vec::new();
        for partition in partitions.into_values() {
            ranked.extend(rank(partition, n).ok_or_else(|| ResultError::Overflow { column: units.column(measure) })?);
        }
        let keys: Vec<&[KeyValue]> = ranked.iter().map(|r| r.group.key.as_slice()).collect();
        let mut columns = vec![Column::new(
            "rank",
            Role::Key,
            Values::Int(ranked.iter().map(|r| i64::try_from(r.rank).ok()).collect()),
        )];
        columns.extend(key_columns(&agg.query.by, &keys));
        let values = ranked.iter().map(|r| Some(units.value(measure, r.value))).collect();
        columns.push(Column::new(
            units.column(measure),
            Role::Measure,
            Values::decimals_at(units.scale(measure), values),
        ));
        let shares = ranked.iter().map(|r| share(r.value, r.whole)).collect();
        columns.push(Column::new(share_column(measure), Role::Measure, Values::decimals_at(SHARE_DIGITS, shares)));
        Ok(Self::new(ResultKind::Ranking, columns, ranked.len()))
    }
}

/// `share_of_mass`, `share_of_volume`, `share_of_count_tablets`, `share_of_seizures`, `share_of_records`.
pub(crate) fn share_column(measure: Measure) -> String {
    match measure {
        Measure::Mass => "share_of_mass".to_owned(),
        Measure::Volume => "share_of_volume".to_owned(),
        other => format!("share_of_{}", other.column()),
    }
}

/// One partition ranked: largest first, ties by key, tied values share a
/// rank (1, 2, 2, 4); the first `n` kept; shares of the whole partition;
/// `None` if the partition's total overflows.
fn rank(mut valued: Vec<(&Group, i128)>, n: Option<usize>) -> Option<Vec<Ranked<'_>>> {
    valued.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.key.cmp(&b.0.key)));
    let whole = valued.iter().try_fold(0i128, |a, (_, v)| a.checked_add(*v))?;
    let mut out: Vec<Ranked<'_>> = Vec::new();
    for (i, (group, value)) in valued.into_iter().enumerate().take(n.unwrap_or(usize::MAX)) {
        let rank = match out.last() {
            Some(previous) if previous.value == value => previous.rank,
            _ => i + 1,
        };
        out.push(Ranked { rank, group, value, whole });
    }
    Some(out)
}
