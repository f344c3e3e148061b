//! From a query to per-row codes: lookup tables for each grouping key and
//! for the filter, computed once per query over the table's dictionaries.

use super::key::KeyValue;
use crate::period::{Date, Granularity};
use crate::place::{IranProvince, ProvinceCodes};
use crate::query::{Filter, GroupKey, Query};
use crate::substance::{Drug, normalize};
use crate::table::SeizureTable;
use std::collections::HashMap;

/// Which column a key reads.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    Drug,
    Name,
    Place,
    Agency,
    Route,
    Time,
}

/// One grouping key, planned: a lookup from the column's dictionary code to
/// a dense code, and the value each dense code stands for.
#[derive(Debug)]
pub(super) struct KeyPlan {
    pub source: Source,
    pub lut: Vec<u32>,
    pub values: Vec<KeyValue>,
    pub stride: u64,
}

/// The time key, planned: the dense bucket code of each day from `day0`.
#[derive(Debug)]
pub(super) struct TimePlan {
    pub day0: i32,
    pub bucket_of_day: Vec<u32>,
    /// The code for "spans several buckets" (and for days the calendar cannot place).
    pub unattributed: u32,
}

/// Per-dictionary filter masks; `None` when the filter does not restrict that column.
#[derive(Debug, Default)]
pub(super) struct FilterPlan {
    pub drug: Option<Vec<bool>>,
    pub name: Option<Vec<bool>>,
    pub place: Option<Vec<bool>>,
    pub agency: Option<Vec<bool>>,
    pub route: Option<Vec<bool>>,
}

impl FilterPlan {
    pub fn is_empty(&self) -> bool {
        self.drug.is_none()
            && self.name.is_none()
            && self.place.is_none()
            && self.agency.is_none()
            && self.route.is_none()
    }
}

#[derive(Debug)]
pub(super) struct Plan {
    pub keys: Vec<KeyPlan>,
    pub time: Option<TimePlan>,
    pub filter: FilterPlan,
    /// Number of composite keys (product of the cardinalities).
    pub cardinality: u64,
}

/// Dense codes for distinct values, in first-seen order.
struct Dense {
    codes: HashMap<KeyValue, u32>,
    values: Vec<KeyValue>,
}

impl Dense {
    fn new() -> Self {
        Self { codes: HashMap::new(), values: Vec::new() }
    }
    fn code(&mut self, v: KeyValue) -> u32 {
        let next = self.values.len() as u32;
        *self.codes.entry(v.clone()).or_insert_with(|| {
            self.values.push(v);
            next
        })
    }
}

fn text_or_missing(t: Option<&String>) -> KeyValue {
    t.map_or(KeyValue::Missing, |s| KeyValue::Text(s.clone()))
}

fn plan_key(table: &SeizureTable, key: GroupKey) -> KeyPlan {
    let mut dense = Dense::new();
    let (source, lut): (Source, Vec<u32>) = match key {
        GroupKey::Drug => (Source::Drug, Drug::ALL.iter().map(|&d| dense.code(KeyValue::Drug(d))).collect()),
        GroupKey::DrugGroup => {
            (Source::Drug, Drug::ALL.iter().map(|&d| dense.code(KeyValue::DrugGroup(d.group()))).collect())
        }
        GroupKey::Name => {
            (Source::Name, table.names.values().iter().map(|n| dense.code(KeyValue::Text(n.clone()))).collect())
        }
        GroupKey::Country | GroupKey::Region | GroupKey::SubRegion | GroupKey::Province | GroupKey::Locality => {
            let lut = table
                .places
                .values()
                .iter()
                .map(|p| {
                    let v = match key {
                        GroupKey::Country => p.country.map_or(KeyValue::Missing, KeyValue::Country),
                        GroupKey::Region => p.region().map_or(KeyValue::Missing, KeyValue::Region),
                        GroupKey::SubRegion => p.subregion().map_or(KeyValue::Missing, KeyValue::SubRegion),
                        GroupKey::Province => text_or_missing(p.province.as_ref()),
                        _ => text_or_missing(p.locality.as_ref()),
                    };
                    dense.code(v)
                })
                .collect();
            (Source::Place, lut)
        }
        GroupKey::Agency => {
            (Source::Agency, table.agencies.values().iter().map(|a| dense.code(text_or_missing(a.as_ref()))).collect())
        }
        GroupKey::Origin | GroupKey::Destination => {
            let lut = table
                .routes
                .values()
                .iter()
                .map(|(o, d)| {
                    let c = if key == GroupKey::Origin { o } else { d };
                    dense.code(c.map_or(KeyValue::Missing, KeyValue::Country))
                })
                .collect();
            (Source::Route, lut)
        }
        GroupKey::Time(_) => (Source::Time, Vec::new()),
    };
    KeyPlan { source, lut, values: dense.values, stride: 0 }
}

fn plan_time(table: &SeizureTable, g: Granularity) -> (TimePlan, Vec<KeyValue>) {
    let first = table.start.iter().copied().min().unwrap_or(0);
    let last = table.start.iter().zip(&table.span).map(|(&s, &n)| s + i32::from(n)).max().unwrap_or(0);
    let buckets: Vec<Option<i32>> = (first..=last).map(|d| g.bucket(Date::from_days(d))).collect();
    let min_bucket = buckets.iter().flatten().copied().min().unwrap_or(0);
    let max_bucket = buckets.iter().flatten().copied().max().unwrap_or(-1);
    let n = u32::try_from((max_bucket - min_bucket + 1).max(0)).unwrap_or(0);
    let bucket_of_day = buckets.iter().map(|b| b.map_or(n, |b| (b - min_bucket) as u32)).collect();
    let mut values: Vec<KeyValue> =
        (min_bucket..=max_bucket).map(|index| KeyValue::Bucket { granularity: g, index }).collect();
    values.push(KeyValue::Missing);
    (TimePlan { day0: first, bucket_of_day, unattributed: n }, values)
}

fn mask<T>(values: &[T], keep: impl Fn(&T) -> bool) -> Vec<bool> {
    values.iter().map(keep).collect()
}

fn plan_filter(table: &SeizureTable, f: &Filter) -> FilterPlan {
    let mut plan = FilterPlan::default();
    if !f.drugs.is_empty() || !f.groups.is_empty() {
        plan.drug = Some(mask(Drug::ALL, |d| {
            (f.drugs.is_empty() || f.drugs.contains(d)) && (f.groups.is_empty() || f.groups.contains(&d.group()))
        }));
    }
    if !f.names.is_empty() {
        let wanted: Vec<String> = f.names.iter().map(|n| normalize(n)).collect();
        plan.name = Some(mask(table.names.values(), |n| wanted.contains(&normalize(n))));
    }
    if !(f.countries.is_empty()
        && f.regions.is_empty()
        && f.subregions.is_empty()
        && f.provinces.is_empty()
        && f.localities.is_empty())
    {
        let provinces: Vec<String> = f
            .provinces
            .iter()
            .map(|p| {
                IranProvince::from_code(p, ProvinceCodes::Current)
                    .map_or_else(|| normalize(p), |ir| normalize(ir.code()))
            })
            .collect();
        plan.place = Some(mask(table.places.values(), |p| {
            (f.countries.is_empty() || p.country.is_some_and(|c| f.countries.contains(&c)))
                && (f.regions.is_empty() || p.region().is_some_and(|r| f.regions.contains(&r)))
                && (f.subregions.is_empty() || p.subregion().is_some_and(|s| f.subregions.contains(&s)))
                && (provinces.is_empty() || p.province.as_ref().is_some_and(|x| provinces.contains(&normalize(x))))
                && (f.localities.is_empty()
                    || p.locality.as_ref().is_some_and(|x| f.localities.iter().any(|l| normalize(l) == normalize(x))))
        }));
    }
    if !f.agencies.is_empty() {
        plan.agency = Some(mask(table.agencies.values(), |a| {
            a.as_ref().is_some_and(|a| f.agencies.iter().any(|x| normalize(x) == normalize(a)))
        }));
    }
    if !f.origins.is_empty() || !f.destinations.is_empty() {
        plan.route = Some(mask(table.routes.values(), |(o, d)| {
            (f.origins.is_empty() || o.is_some_and(|o| f.origins.contains(&o)))
                && (f.destinations.is_empty() || d.is_some_and(|d| f.destinations.contains(&d)))
        }));
    }
    plan
}

pub(super) fn plan(table: &SeizureTable, query: &Query) -> Plan {
    let mut keys = Vec::with_capacity(query.by.len());
    let mut time = None;
    for &k in &query.by {
        let mut kp = plan_key(table, k);
        if let GroupKey::Time(g) = k {
            let (tp, values) = plan_time(table, g);
            kp.values = values;
            time = Some(tp);
        }
        keys.push(kp);
    }
    // Strides: the first key varies slowest.
    let mut cardinality: u64 = 1;
    for kp in keys.iter_mut().rev() {
        kp.stride = cardinality;
        cardinality = cardinality.saturating_mul(kp.values.len().max(1) as u64);
    }
    Plan { keys, time, filter: plan_filter(table, &query.filter), cardinality }
}
