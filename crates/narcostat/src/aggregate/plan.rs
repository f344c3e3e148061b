//! From a query to per-row codes: lookup tables for each grouping key and
//! for the filter, computed once per query over the table's dictionaries.

use super::AggregateError;
use super::key::KeyValue;
use crate::period::{Date, Granularity};
use crate::place::Place;
use crate::quantity::{CountUnit, Unit};
use crate::query::{Filter, GroupKey, Query};
use crate::substance::{Drug, normalize};
use crate::table::SeizureTable;
use std::collections::HashMap;

/// Which column a key reads.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    /// A kept source column, by index into the table's extra columns.
    Column(usize),
    Drug,
    Name,
    Place,
    Agency,
    Route,
    Time,
    /// The unit column, as the kind of item a count counts (a hidden key).
    CountUnit,
}

/// One grouping key, planned: a lookup from the column's dictionary code to
/// a dense code, the value each dense code stands for, and where the code
/// goes in the composite key.
#[derive(Debug)]
pub(super) struct KeyPlan {
    pub source: Source,
    pub lut: Vec<u32>,
    pub values: Vec<KeyValue>,
    /// How many dense codes there are (at least 1).
    pub cardinality: u64,
    /// Narrow layout: the code's multiplier.
    pub stride: u64,
    /// Wide layout: the word, bit offset and bit width of the code.
    pub word: usize,
    pub shift: u32,
    pub bits: u32,
}

impl KeyPlan {
    fn new(source: Source, lut: Vec<u32>, values: Vec<KeyValue>, cardinality: usize) -> Self {
        let cardinality = u64::try_from(cardinality.max(1)).unwrap_or(u64::MAX);
        Self { source, lut, values, cardinality, stride: 0, word: 0, shift: 0, bits: 0 }
    }
}

/// How a row's key codes combine into one composite key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// Mixed radix in one `u64` (the sum of `code * stride`): the product of
    /// the cardinalities fits in a `u64`, so every key stays below `u64::MAX`
    /// (the engine's "skip this row" mark).
    Narrow {
        /// The number of composite keys.
        cardinality: u64,
    },
    /// Bit fields in several `u64` words, when the product passes 64 bits.
    Wide {
        /// Words per key.
        words: usize,
    },
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
    /// Kept source columns: (index into the table's extra columns, mask over its values).
    pub columns: Vec<(usize, Vec<bool>)>,
}

impl FilterPlan {
    pub fn is_empty(&self) -> bool {
        self.drug.is_none()
            && self.name.is_none()
            && self.place.is_none()
            && self.agency.is_none()
            && self.route.is_none()
            && self.columns.is_empty()
    }
}

#[derive(Debug)]
pub(super) struct Plan {
    /// The query's keys, then the hidden count-unit key.
    pub keys: Vec<KeyPlan>,
    pub time: Option<TimePlan>,
    pub filter: FilterPlan,
    /// The kind of item counted in the slots of each count-unit code.
    pub count_units: Vec<CountUnit>,
    pub layout: Layout,
}

impl Plan {
    /// The query's keys (without the hidden count-unit key).
    pub fn query_keys(&self) -> &[KeyPlan] {
        self.keys.split_last().map_or(&[], |(_, query)| query)
    }

    /// The hidden count-unit key.
    pub fn count_key(&self) -> Option<&KeyPlan> {
        self.keys.last()
    }
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

/// The value of a place key for one place.
fn place_value(key: &GroupKey, p: &Place) -> KeyValue {
    match key {
        GroupKey::Country => p.country.map_or(KeyValue::Missing, KeyValue::Country),
        GroupKey::Region => p.region().map_or(KeyValue::Missing, KeyValue::Region),
        GroupKey::SubRegion => p.subregion().map_or(KeyValue::Missing, KeyValue::SubRegion),
        GroupKey::UnodcRegion => p.unodc_region().map_or(KeyValue::Missing, KeyValue::UnodcRegion),
        GroupKey::UnodcSubRegion => p.unodc_subregion().map_or(KeyValue::Missing, KeyValue::UnodcSubRegion),
        GroupKey::Province => text_or_missing(p.province.as_ref()),
        _ => text_or_missing(p.locality.as_ref()),
    }
}

/// The index of the kept column `name` (case-insensitive), or the error
/// listing the table's kept columns.
fn kept_column(table: &SeizureTable, name: &str) -> Result<usize, AggregateError> {
    table.extra.iter().position(|c| c.name.eq_ignore_ascii_case(name)).ok_or_else(|| {
        let columns: Vec<String> = table.column_names().into_iter().map(str::to_owned).collect();
        AggregateError::UnknownColumn {
            name: name.to_owned(),
            suggestions: crate::vocabulary::suggest(name, columns.iter().map(|c| (c.as_str(), c.as_str()))),
            columns,
        }
    })
}

fn plan_key(table: &SeizureTable, key: &GroupKey) -> Result<KeyPlan, AggregateError> {
    let mut dense = Dense::new();
    let (source, lut): (Source, Vec<u32>) = match key {
        GroupKey::Drug => (Source::Drug, Drug::ALL.iter().map(|&d| dense.code(KeyValue::Drug(d))).collect()),
        GroupKey::DrugGroup => {
            (Source::Drug, Drug::ALL.iter().map(|&d| dense.code(KeyValue::DrugGroup(d.group()))).collect())
        }
        GroupKey::DrugFamily => {
            (Source::Drug, Drug::ALL.iter().map(|&d| dense.code(KeyValue::DrugFamily(d.family()))).collect())
        }
        GroupKey::Name => {
            (Source::Name, table.names.values().iter().map(|n| dense.code(KeyValue::Text(n.clone()))).collect())
        }
        GroupKey::Country
        | GroupKey::Region
        | GroupKey::SubRegion
        | GroupKey::UnodcRegion
        | GroupKey::UnodcSubRegion
        | GroupKey::Province
        | GroupKey::Locality => {
            (Source::Place, table.places.values().iter().map(|p| dense.code(place_value(key, p))).collect())
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
                    let c = if *key == GroupKey::Origin { o } else { d };
                    dense.code(c.map_or(KeyValue::Missing, KeyValue::Country))
                })
                .collect();
            (Source::Route, lut)
        }
        GroupKey::Time(_) => (Source::Time, Vec::new()),
        GroupKey::Column(name) => {
            let i = kept_column(table, name)?;
            let values = table.extra[i].values.values();
            (Source::Column(i), values.iter().map(|v| dense.code(text_or_missing(v.as_ref()))).collect())
        }
    };
    let cardinality = dense.values.len();
    Ok(KeyPlan::new(source, lut, dense.values, cardinality))
}

/// The hidden key that keeps counts of different kinds of items apart: one
/// code per kind the table counts (mass, volume and rows without quantity
/// share code 0). With at most one kind it has one code and costs nothing.
fn plan_count_units(table: &SeizureTable) -> (KeyPlan, Vec<CountUnit>) {
    let kinds = table.count_units();
    let lut = (0..=usize::from(u8::MAX))
        .map(|i| {
            let kind = Unit::ALL.get(i).and_then(|&u| CountUnit::of(u));
            let code = kind.and_then(|k| kinds.iter().position(|&x| x == k)).unwrap_or(0);
            u32::try_from(code).unwrap_or(0)
        })
        .collect();
    (KeyPlan::new(Source::CountUnit, lut, Vec::new(), kinds.len()), kinds)
}

/// Lays the keys out: mixed radix in one word when the product of the
/// cardinalities fits (checked, never wrapped), else bit fields in several words.
fn lay_out(keys: &mut [KeyPlan]) -> Layout {
    let product = keys.iter().try_fold(1u64, |acc, k| acc.checked_mul(k.cardinality));
    if let Some(cardinality) = product {
        // Strides: the first key varies slowest. Each partial product divides `cardinality`.
        let mut stride: u64 = 1;
        for kp in keys.iter_mut().rev() {
            kp.stride = stride;
            stride = stride.saturating_mul(kp.cardinality);
        }
        return Layout::Narrow { cardinality };
    }
    let (mut word, mut shift) = (0, 0);
    for kp in keys.iter_mut() {
        let bits = u64::BITS - (kp.cardinality - 1).leading_zeros();
        if shift + bits > u64::BITS {
            word += 1;
            shift = 0;
        }
        (kp.word, kp.shift, kp.bits) = (word, shift, bits);
        shift += bits;
    }
    Layout::Wide { words: word + 1 }
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

fn plan_filter(table: &SeizureTable, f: &Filter) -> Result<FilterPlan, AggregateError> {
    let mut plan = FilterPlan::default();
    if !f.drugs.is_empty() || !f.families.is_empty() || !f.groups.is_empty() {
        plan.drug = Some(mask(Drug::ALL, |&d| f.keeps_drug(d)));
    }
    if !f.names.is_empty() {
        let wanted: Vec<String> = f.names.iter().map(|n| normalize(n)).collect();
        plan.name = Some(mask(table.names.values(), |n| wanted.contains(&normalize(n))));
    }
    if f.places_restricted() {
        plan.place = Some(mask(table.places.values(), |p| f.keeps_place(p)));
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
    for (name, wanted) in &f.columns {
        let i = kept_column(table, name)?;
        let keeps = |v: &Option<String>| v.as_deref().is_some_and(|v| wanted.iter().any(|w| w.trim() == v.trim()));
        plan.columns.push((i, mask(table.extra[i].values.values(), keeps)));
    }
    Ok(plan)
}

pub(super) fn plan(table: &SeizureTable, query: &Query) -> Result<Plan, AggregateError> {
    let mut keys = Vec::with_capacity(query.by.len());
    let mut time = None;
    for k in &query.by {
        let mut kp = plan_key(table, k)?;
        if let GroupKey::Time(g) = *k {
            let (tp, values) = plan_time(table, g);
            let n = values.len();
            kp = KeyPlan::new(Source::Time, Vec::new(), values, n);
            time = Some(tp);
        }
        keys.push(kp);
    }
    let (count_key, count_units) = plan_count_units(table);
    keys.push(count_key);
    let layout = lay_out(&mut keys);
    Ok(Plan { keys, time, filter: plan_filter(table, &query.filter)?, count_units, layout })
}
