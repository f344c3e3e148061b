//! Aggregation: exact, mergeable group-by over a [`SeizureTable`].

mod engine;
mod key;
mod measures;
mod plan;
#[cfg(test)]
mod tests;

pub use key::KeyValue;
pub use measures::{Measures, Total};

use crate::period::Date;
use crate::quantity::CountUnit;
use crate::query::{GroupKey, Query, QueryError};
use crate::table::SeizureTable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Aggregates tables of at least `rows` rows on several threads (default
/// 65,536; below that one thread is faster). For tests that want the parallel
/// path on small tables; results never depend on it.
#[doc(hidden)]
pub fn set_parallel_min_rows(rows: usize) {
    engine::set_parallel_min_rows(rows);
}

/// An aggregation that cannot be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AggregateError {
    /// The query is invalid.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The query names a kept source column (`column:NAME`) the table does not have.
    #[error(
        "the table has no column {name:?}{}; its kept columns are: {}",
        crate::substance::did_you_mean_text(.suggestions),
        if .columns.is_empty() { "none".to_owned() } else { .columns.join(", ") }
    )]
    UnknownColumn {
        /// The name as given.
        name: String,
        /// The closest kept column names.
        suggestions: Vec<String>,
        /// Every kept column of the table.
        columns: Vec<String>,
    },
    /// A group's sum went beyond the exact range.
    #[error("the sum of group {group} overflows")]
    Overflow {
        /// The group's key, as labels.
        group: String,
    },
    /// The table's record of which kinds of items it counts does not match
    /// its rows (a table not built through its own methods).
    #[error("the table counts a kind of item it has no record of; rebuild it from its records")]
    InconsistentTable,
    /// Two partial aggregates of different queries cannot be merged.
    #[error("cannot merge aggregates of different queries ({left} vs {right})")]
    Incompatible {
        /// The left query, summarised.
        left: String,
        /// The right query, summarised.
        right: String,
    },
}

/// One group of a result: its key (one value per grouping key) and measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// One value per grouping key, in the query's order.
    pub key: Vec<KeyValue>,
    /// What the group adds up to.
    pub measures: Measures,
}

impl Group {
    /// The key as labels joined with " / ".
    pub fn label(&self) -> String {
        self.key.iter().map(KeyValue::label).collect::<Vec<_>>().join(" / ")
    }
}

/// Where every input row went: `rows = filtered_out + outside_period +
/// straddling_period + aggregated + unattributed`, always.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounting {
    /// Rows in the input.
    pub rows: u64,
    /// Rows the filter excluded.
    pub filtered_out: u64,
    /// Rows wholly outside the query's period.
    pub outside_period: u64,
    /// Rows that overlap the query's period only in part (not added: adding
    /// them would count days outside the period).
    pub straddling_period: u64,
    /// Rows added to a group.
    pub aggregated: u64,
    /// Rows spanning several buckets of the time granularity, kept apart
    /// (see [`crate::SpanRule::Separate`]).
    pub unattributed: u64,
    /// Rows (aggregated or unattributed) that have no quantity.
    pub without_quantity: u64,
}

impl Accounting {
    /// Whether the counts add up.
    pub fn balanced(&self) -> bool {
        self.rows
            == self.filtered_out + self.outside_period + self.straddling_period + self.aggregated + self.unattributed
    }

    /// Where the rows went, in one sentence for people, when some were not
    /// added (`None` when every row was): "1200 rows: 900 aggregated, 300
    /// filtered out".
    ///
    /// ```
    /// use narcostat::aggregate::Accounting;
    /// let a = Accounting { rows: 10, filtered_out: 4, aggregated: 6, ..Accounting::default() };
    /// assert_eq!(a.describe().unwrap(), "10 rows: 6 aggregated, 4 filtered out");
    /// assert_eq!(Accounting { rows: 1, aggregated: 1, ..Accounting::default() }.describe(), None);
    /// ```
    pub fn describe(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.filtered_out, "filtered out"),
            (self.outside_period, "outside the period"),
            (self.straddling_period, "straddling the period's edges (not added)"),
            (self.unattributed, "spanning several time buckets (listed apart; see the span rule)"),
            (self.without_quantity, "without a quantity"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        (!parts.is_empty()).then(|| format!("{} rows: {} aggregated, {}", self.rows, self.aggregated, parts.join(", ")))
    }

    fn merge(&mut self, o: &Self) {
        self.rows += o.rows;
        self.filtered_out += o.filtered_out;
        self.outside_period += o.outside_period;
        self.straddling_period += o.straddling_period;
        self.aggregated += o.aggregated;
        self.unattributed += o.unattributed;
        self.without_quantity += o.without_quantity;
    }
}

/// The result of an aggregation, and a partial result that merges exactly
/// with others of the same query: merging is associative and commutative,
/// so the answer never depends on how rows were split across threads, files
/// or machines. Its serde form carries everything needed to merge elsewhere.
///
/// ```
/// use narcostat::{GroupKey, Query, SeizureTable, Unit};
/// let month = narcostat::seed::bulletin_2021_02();
/// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
/// let result = table.aggregate(&Query::by(&[GroupKey::DrugGroup])).unwrap();
/// let opioids = &result.groups[0];
/// assert_eq!(opioids.label(), "Opioids");
/// assert_eq!(opioids.measures.mass.value_in(Unit::Kilogram).to_string(), "51215"); // opium + morphine + heroin
/// assert_eq!(result.grand_total().mass.value_in(Unit::Kilogram).to_string(), "58207");
/// assert!(result.accounting.balanced());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The query that made it: keys, filter, period, span rule (flattened into
    /// the serde form, so a partial result carries what it needs to merge).
    #[serde(flatten)]
    pub query: Query,
    /// The groups, sorted by key.
    pub groups: Vec<Group>,
    /// Records that span several buckets of the time granularity, grouped by
    /// the other keys (the time key is [`KeyValue::Missing`]); empty unless
    /// the span rule is [`crate::SpanRule::Separate`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unattributed: Vec<Group>,
    /// Where every input row went.
    pub accounting: Accounting,
}

impl SeizureTable {
    /// Aggregates the table (on all cores with the `parallel` feature).
    pub fn aggregate(&self, query: &Query) -> Result<Aggregate, AggregateError> {
        query.validate()?;
        let plan = plan::plan(self, query)?;
        let acc = engine::run(self, &plan, query.period, query.span_rule);
        finish(self, query, &plan, &acc)
    }
}

/// The groups of the accumulated slots: several slots make one group when
/// they differ only in the kind of item counted.
fn finish(
    table: &SeizureTable,
    query: &Query,
    plan: &plan::Plan,
    acc: &engine::Acc,
) -> Result<Aggregate, AggregateError> {
    let time_pos = query.by.iter().position(|k| matches!(k, GroupKey::Time(_)));
    let unattributed_code = plan.time.as_ref().map(|t| u64::from(t.unattributed));
    let mut groups = BTreeMap::new();
    let mut unattributed = BTreeMap::new();
    let mut accounting = Accounting {
        rows: table.len() as u64,
        filtered_out: acc.filtered_out,
        outside_period: acc.outside_period,
        straddling_period: acc.straddling_period,
        ..Accounting::default()
    };
    for slot in 0..acc.slots() {
        let Some(m) = slot_measures(plan, acc, slot)? else {
            continue;
        };
        let mut key = Vec::with_capacity(query.by.len());
        let mut is_unattributed = false;
        for (i, kp) in plan.query_keys().iter().enumerate() {
            let code = acc.code(slot, kp);
            is_unattributed |= Some(i) == time_pos && Some(code) == unattributed_code;
            key.push(kp.values.get(code as usize).cloned().unwrap_or(KeyValue::Missing));
        }
        accounting.without_quantity += m.no_quantity;
        let target = if is_unattributed {
            accounting.unattributed += m.records;
            &mut unattributed
        } else {
            accounting.aggregated += m.records;
            &mut groups
        };
        add_group(target, key, &m)?;
    }
    let to_vec = |map: BTreeMap<Vec<KeyValue>, Measures>| {
        map.into_iter().map(|(key, measures)| Group { key, measures }).collect()
    };
    Ok(Aggregate { query: query.clone(), groups: to_vec(groups), unattributed: to_vec(unattributed), accounting })
}

/// The measures of one slot; `None` when no row reached it.
fn slot_measures(plan: &plan::Plan, acc: &engine::Acc, slot: usize) -> Result<Option<Measures>, AggregateError> {
    let sl = &acc.slots[slot];
    let records: u64 = sl.count.iter().sum();
    if records == 0 {
        return Ok(None);
    }
    let total = |j: usize| Total {
        sum: acc.sum(slot, j),
        records: sl.count[j],
        min: (sl.count[j] > 0).then_some(sl.min[j]),
        max: (sl.count[j] > 0).then_some(sl.max[j]),
    };
    let mut counts = BTreeMap::new();
    if sl.count[2] > 0 {
        let code = plan.count_key().map_or(0, |kp| acc.code(slot, kp));
        let kind = plan.count_units.get(code as usize).ok_or(AggregateError::InconsistentTable)?;
        counts.insert(*kind, total(2));
    }
    Ok(Some(Measures {
        mass: total(0),
        volume: total(1),
        counts,
        no_quantity: sl.count[3],
        records,
        seizures: sl.events,
        seizures_reported: sl.events_reported,
        first: Some(Date::from_days(sl.first)),
        last: Some(Date::from_days(sl.last)),
    }))
}

/// Adds measures to a group of `map`, or makes the group.
fn add_group(
    map: &mut BTreeMap<Vec<KeyValue>, Measures>,
    key: Vec<KeyValue>,
    m: &Measures,
) -> Result<(), AggregateError> {
    match map.entry(key) {
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(m.clone());
        }
        std::collections::btree_map::Entry::Occupied(mut e) => {
            let label = e.key().iter().map(KeyValue::label).collect::<Vec<_>>().join(" / ");
            e.get_mut().merge(m).ok_or(AggregateError::Overflow { group: label })?;
        }
    }
    Ok(())
}

impl Aggregate {
    /// An empty aggregate of `query` (the identity of [`Aggregate::merge`]).
    pub fn empty(query: &Query) -> Self {
        Self { query: query.clone(), groups: Vec::new(), unattributed: Vec::new(), accounting: Accounting::default() }
    }

    /// The sum of every group (not the unattributed part).
    pub fn grand_total(&self) -> Measures {
        let mut total = Measures::default();
        for g in &self.groups {
            // i128 sums of i64 amounts cannot overflow below 2^64 records.
            let _ = total.merge(&g.measures);
        }
        total
    }

    /// The kinds of items counted in any group (attributable or not), in
    /// [`CountUnit::ALL`] order: one count measure, and one output column, each.
    pub fn count_units(&self) -> Vec<CountUnit> {
        let kinds: std::collections::BTreeSet<CountUnit> =
            self.groups.iter().chain(&self.unattributed).flat_map(|g| g.measures.counts.keys().copied()).collect();
        kinds.into_iter().collect()
    }

    /// The group with this key, if any.
    pub fn get(&self, key: &[KeyValue]) -> Option<&Measures> {
        self.groups.binary_search_by(|g| g.key.as_slice().cmp(key)).ok().map(|i| &self.groups[i].measures)
    }

    /// Merges another partial aggregate of the same query into this one.
    pub fn merge(&mut self, other: &Aggregate) -> Result<(), AggregateError> {
        self.check_compatible(other)?;
        self.groups = merge_groups(&self.groups, &other.groups)?;
        self.unattributed = merge_groups(&self.unattributed, &other.unattributed)?;
        self.accounting.merge(&other.accounting);
        Ok(())
    }

    /// Merges many partial aggregates of `query` in one pass.
    pub fn merge_all<'a>(
        query: &Query,
        parts: impl IntoIterator<Item = &'a Aggregate>,
    ) -> Result<Aggregate, AggregateError> {
        let mut acc = Self::empty(query);
        let mut groups: BTreeMap<Vec<KeyValue>, Measures> = BTreeMap::new();
        let mut unattributed: BTreeMap<Vec<KeyValue>, Measures> = BTreeMap::new();
        for p in parts {
            acc.check_compatible(p)?;
            fold(&mut groups, &p.groups)?;
            fold(&mut unattributed, &p.unattributed)?;
            acc.accounting.merge(&p.accounting);
        }
        acc.groups = groups.into_iter().map(|(key, measures)| Group { key, measures }).collect();
        acc.unattributed = unattributed.into_iter().map(|(key, measures)| Group { key, measures }).collect();
        Ok(acc)
    }

    fn check_compatible(&self, other: &Aggregate) -> Result<(), AggregateError> {
        if self.query != other.query {
            let describe = |q: &Query| {
                format!(
                    "by {:?}, period {:?}",
                    q.by.iter().map(GroupKey::name).collect::<Vec<_>>(),
                    q.period.map(|p| p.to_string())
                )
            };
            return Err(AggregateError::Incompatible { left: describe(&self.query), right: describe(&other.query) });
        }
        Ok(())
    }
}

fn fold(map: &mut BTreeMap<Vec<KeyValue>, Measures>, groups: &[Group]) -> Result<(), AggregateError> {
    for g in groups {
        add_group(map, g.key.clone(), &g.measures)?;
    }
    Ok(())
}

fn merge_groups(a: &[Group], b: &[Group]) -> Result<Vec<Group>, AggregateError> {
    let mut map: BTreeMap<Vec<KeyValue>, Measures> = BTreeMap::new();
    fold(&mut map, a)?;
    fold(&mut map, b)?;
    Ok(map.into_iter().map(|(key, measures)| Group { key, measures }).collect())
}
