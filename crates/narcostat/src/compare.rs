//! Period-over-period change.

use crate::aggregate::{Accounting, Aggregate, AggregateError, KeyValue};
use crate::period::Period;
use crate::quantity::Decimal;
use crate::query::{GroupKey, Query};
use crate::rank::Measure;
use crate::table::SeizureTable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether a group is in both periods or only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// In both.
    Both,
    /// Only in the current period.
    New,
    /// Only in the previous period.
    Vanished,
}

/// The change of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The group's key.
    pub key: Vec<KeyValue>,
    /// The key as a label.
    pub label: String,
    /// The value in the current period (zero when new... absent groups count as zero).
    pub current: Decimal,
    /// The value in the previous period.
    pub previous: Decimal,
    /// `current - previous`, exact.
    pub absolute: Decimal,
    /// `100 * (current - previous) / previous`; `None` when previous is zero.
    pub percent: Option<f64>,
    /// In both periods, new or vanished.
    pub status: ChangeStatus,
}

/// A comparison of two aggregates of the same grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The measure compared.
    pub measure: Measure,
    /// The current period, when the comparison was made from periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_period: Option<Period>,
    /// The previous period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_period: Option<Period>,
    /// Where the rows went in the current period: records that straddle its
    /// edges are not added, and a comparison of months on yearly data is all
    /// straddlers (which a figure of 0 alone would hide).
    #[serde(default)]
    pub current_accounting: Accounting,
    /// Where the rows went in the previous period.
    #[serde(default)]
    pub previous_accounting: Accounting,
    /// One row per group in either period, sorted by key.
    pub rows: Vec<Change>,
    /// The change of the totals.
    pub total: Change,
}

fn change(measure: Measure, key: Vec<KeyValue>, label: String, cur: Option<i128>, prev: Option<i128>) -> Change {
    let (c, p) = (cur.unwrap_or(0), prev.unwrap_or(0));
    Change {
        key,
        label,
        current: measure.to_decimal(c),
        previous: measure.to_decimal(p),
        absolute: measure.to_decimal(c - p),
        percent: (p != 0).then(|| 100.0 * (c - p) as f64 / p as f64),
        status: match (cur, prev) {
            (Some(_), None) => ChangeStatus::New,
            (None, Some(_)) => ChangeStatus::Vanished,
            _ => ChangeStatus::Both,
        },
    }
}

/// Compares two aggregates group by group.
pub fn compare(current: &Aggregate, previous: &Aggregate, measure: Measure) -> Comparison {
    let mut rows: BTreeMap<Vec<KeyValue>, (String, Option<i128>, Option<i128>)> = BTreeMap::new();
    for g in &current.groups {
        if let Some(v) = measure.base_value(&g.measures) {
            rows.entry(g.key.clone()).or_insert((g.label(), None, None)).1 = Some(v);
        }
    }
    for g in &previous.groups {
        if let Some(v) = measure.base_value(&g.measures) {
            rows.entry(g.key.clone()).or_insert((g.label(), None, None)).2 = Some(v);
        }
    }
    let sum = |agg: &Aggregate| -> Option<i128> {
        let vals: Vec<i128> = agg.groups.iter().filter_map(|g| measure.base_value(&g.measures)).collect();
        (!vals.is_empty()).then(|| vals.iter().sum())
    };
    let total = change(measure, Vec::new(), "total".to_owned(), sum(current), sum(previous));
    Comparison {
        measure,
        current_period: current.query.period,
        previous_period: previous.query.period,
        current_accounting: current.accounting,
        previous_accounting: previous.accounting,
        rows: rows.into_iter().map(|(key, (label, c, p))| change(measure, key, label, c, p)).collect(),
        total,
    }
}

/// One step of a trend: a group's value and its change from the period before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The group's key (a time bucket, usually).
    pub key: Vec<KeyValue>,
    /// The key as a label.
    pub label: String,
    /// The value, exact.
    pub value: Decimal,
    /// `value - value of the period before`, exact; `None` for the first
    /// point of a series and after a gap.
    pub change: Option<Decimal>,
    /// `100 * change / value of the period before`; `None` when there is no
    /// change or the period before is zero.
    pub percent: Option<f64>,
    /// How many periods right before this one have no value: a gap, across
    /// which no change is given (0 when the period before has a value, and
    /// for the first point of a series).
    #[serde(default)]
    pub missing_before: u64,
}

/// The groups of an aggregate in key order (chronological for a time key),
/// each with its change from the period right before it in the same series
/// (the same values of the other keys). A change is only between adjacent
/// periods: after a period without the measure (1991, then 2002) the point
/// has no change and says how many periods are missing. Without a time key
/// there are no periods, and no changes.
///
/// ```
/// use narcostat::{Query, SeizureTable, compare::trend, rank::Measure};
/// let month = narcostat::seed::bulletin_2021_02();
/// let t = SeizureTable::from_seizures(&month.seizures).unwrap();
/// let points = trend(&t.aggregate(&Query::parse("year", "", None).unwrap()).unwrap(), Measure::Mass);
/// assert_eq!((points[0].label.as_str(), points[0].value.to_string(), points[0].change), ("2021", "58207".to_owned(), None));
/// ```
pub fn trend(agg: &Aggregate, measure: Measure) -> Vec<TrendPoint> {
    let time = agg.query.by.iter().position(|k| matches!(k, GroupKey::Time(_)));
    // The last point of each series: its time bucket and value.
    let mut last: BTreeMap<Vec<KeyValue>, (i32, i128)> = BTreeMap::new();
    let mut out = Vec::new();
    for g in &agg.groups {
        let Some(v) = measure.base_value(&g.measures) else { continue };
        let mut point = TrendPoint {
            key: g.key.clone(),
            label: g.label(),
            value: measure.to_decimal(v),
            change: None,
            percent: None,
            missing_before: 0,
        };
        if let Some((i, KeyValue::Bucket { index, .. })) = time.and_then(|i| Some((i, g.key.get(i)?))) {
            let mut series = g.key.clone();
            series.remove(i);
            if let Some(&(before, p)) = last.get(&series) {
                let missing = i64::from(*index) - i64::from(before) - 1;
                point.missing_before = u64::try_from(missing).unwrap_or(0);
                if missing == 0 {
                    point.change = Some(measure.to_decimal(v - p));
                    point.percent = (p != 0).then(|| 100.0 * (v - p) as f64 / p as f64);
                }
            }
            last.insert(series, (*index, v));
        }
        out.push(point);
    }
    out
}

impl SeizureTable {
    /// Compares `current` with `previous` (MoM, YoY or any two periods),
    /// grouping by `query.by` (time keys are dropped: the periods are the
    /// time dimension here) under `query.filter`.
    ///
    /// ```
    /// use narcostat::{GroupKey, Period, Query, SeizureTable, rank::Measure};
    /// let month = narcostat::seed::bulletin_2021_02();
    /// let table = SeizureTable::from_seizures(&month.seizures).unwrap();
    /// let cmp = table
    ///     .compare(&Query::by(&[GroupKey::Drug]), Period::parse("2021").unwrap(), Period::parse("2020").unwrap(), Measure::Mass)
    ///     .unwrap();
    /// assert!(cmp.rows.iter().all(|r| r.status == narcostat::compare::ChangeStatus::New));
    /// assert_eq!(cmp.total.percent, None); // nothing in 2020: no percentage
    /// ```
    pub fn compare(
        &self,
        query: &Query,
        current: Period,
        previous: Period,
        measure: Measure,
    ) -> Result<Comparison, AggregateError> {
        let mut q = query.clone();
        q.by.retain(|k| !matches!(k, GroupKey::Time(_)));
        let cur = self.aggregate(&q.clone().period(current))?;
        let prev = self.aggregate(&q.period(previous))?;
        Ok(compare(&cur, &prev, measure))
    }
}

#[cfg(test)]
mod accounting_tests {
    use super::*;
    use crate::record::Seizure;

    /// The seed month's records, each moved to a whole year.
    fn yearly(years: &[&str]) -> Vec<Seizure> {
        let month = crate::seed::bulletin_2021_02().seizures;
        month
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut s = s.clone();
                s.period = Period::parse(years[i % years.len()]).unwrap();
                s
            })
            .collect()
    }

    /// Naively: how many records straddle `p` (overlap it without lying inside it).
    fn straddling(records: &[Seizure], p: Period) -> u64 {
        records.iter().filter(|s| s.period.overlaps(p) && !p.covers(s.period)).count() as u64
    }

    #[test]
    fn months_compared_on_yearly_data_say_every_record_straddles() {
        let records = yearly(&["2018", "2017"]);
        let table = SeizureTable::from_seizures(&records).unwrap();
        let (cur, prev) = (Period::parse("2018-03").unwrap(), Period::parse("2018-02").unwrap());
        let c = table.compare(&Query::by(&[GroupKey::Drug]), cur, prev, Measure::Mass).unwrap();
        assert_eq!(c.total.current, Decimal::from_int(0));
        assert_eq!(c.current_accounting.aggregated, 0);
        assert_eq!(c.current_accounting.straddling_period, straddling(&records, cur));
        assert_eq!(c.previous_accounting.straddling_period, straddling(&records, prev));
        assert!(c.current_accounting.straddling_period > 0);
        assert!(c.current_accounting.balanced() && c.previous_accounting.balanced());
        assert_eq!(c.current_accounting.rows, records.len() as u64);
    }

    #[test]
    fn years_compared_on_yearly_data_add_everything_in_them() {
        let records = yearly(&["2018", "2017"]);
        let table = SeizureTable::from_seizures(&records).unwrap();
        let (cur, prev) = (Period::parse("2018").unwrap(), Period::parse("2017").unwrap());
        let c = table.compare(&Query::by(&[GroupKey::Drug]), cur, prev, Measure::Records).unwrap();
        let inside = |p: Period| records.iter().filter(|s| p.covers(s.period)).count() as u64;
        assert_eq!(c.current_accounting.aggregated, inside(cur));
        assert_eq!(c.previous_accounting.aggregated, inside(prev));
        assert_eq!(c.current_accounting.straddling_period, 0);
    }
}
