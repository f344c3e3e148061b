//! The aggregation loop.
//!
//! Rows are processed in blocks: first the composite key of every row of the
//! block is built one key column at a time (tight loops over lookup tables,
//! which the compiler vectorises), then the block's measures are added into
//! struct-of-arrays accumulators indexed by that key. Small key spaces use a
//! dense array; large ones a hash map from composite key to slot.

use super::plan::{Plan, Source};
use crate::period::Period;
use crate::quantity::{Dimension, Unit};
use crate::query::SpanRule;
use crate::table::SeizureTable;
use std::collections::HashMap;

const BLOCK: usize = 2048;
/// Largest key space accumulated densely (slots of about 130 bytes each).
const DENSE_LIMIT: u64 = 1 << 17;
/// Measure slot per unit index: 0 mass, 1 volume, 2 count; 3 = no quantity.
fn slot_of_units() -> [u8; 256] {
    let mut t = [3u8; 256];
    for (i, u) in Unit::ALL.iter().enumerate() {
        t[i] = match u.dimension() {
            Dimension::Mass => 0,
            Dimension::Volume => 1,
            Dimension::Count => 2,
        };
    }
    t
}

/// Accumulators for `n` slots, struct of arrays; slot = composite key (dense)
/// or insertion order (hashed).
#[derive(Debug, Clone)]
pub(super) struct Acc {
    pub sums: Vec<i128>,
    pub counts: Vec<u64>,
    pub min: Vec<i64>,
    pub max: Vec<i64>,
    pub events: Vec<u64>,
    pub events_reported: Vec<u64>,
    pub first: Vec<i32>,
    pub last: Vec<i32>,
    /// Composite key of each slot (hashed mode only).
    pub keys: Vec<u64>,
    pub index: Option<HashMap<u64, u32>>,
    pub filtered_out: u64,
    pub outside_period: u64,
    pub straddling_period: u64,
}

impl Acc {
    fn new(dense_slots: Option<usize>) -> Self {
        let n = dense_slots.unwrap_or(0);
        Self {
            sums: vec![0; n * 4],
            counts: vec![0; n * 4],
            min: vec![i64::MAX; n * 4],
            max: vec![i64::MIN; n * 4],
            events: vec![0; n],
            events_reported: vec![0; n],
            first: vec![i32::MAX; n],
            last: vec![i32::MIN; n],
            keys: Vec::new(),
            index: dense_slots.is_none().then(HashMap::new),
            filtered_out: 0,
            outside_period: 0,
            straddling_period: 0,
        }
    }

    pub fn slots(&self) -> usize {
        self.events.len()
    }

    fn push_slot(&mut self, key: u64) -> usize {
        let s = self.slots();
        self.sums.extend([0; 4]);
        self.counts.extend([0; 4]);
        self.min.extend([i64::MAX; 4]);
        self.max.extend([i64::MIN; 4]);
        self.events.push(0);
        self.events_reported.push(0);
        self.first.push(i32::MAX);
        self.last.push(i32::MIN);
        self.keys.push(key);
        s
    }

    /// Adds `other` (same plan) into `self`.
    fn merge(&mut self, other: &Acc) {
        self.filtered_out += other.filtered_out;
        self.outside_period += other.outside_period;
        self.straddling_period += other.straddling_period;
        for o in 0..other.slots() {
            let s = match self.index.as_mut() {
                None => o,
                Some(index) => {
                    let key = other.keys[o];
                    let next = index.len() as u32;
                    let slot = *index.entry(key).or_insert(next) as usize;
                    if slot == self.slots() {
                        self.push_slot(key);
                    }
                    slot
                }
            };
            for j in 0..4 {
                self.sums[s * 4 + j] += other.sums[o * 4 + j];
                self.counts[s * 4 + j] += other.counts[o * 4 + j];
                self.min[s * 4 + j] = self.min[s * 4 + j].min(other.min[o * 4 + j]);
                self.max[s * 4 + j] = self.max[s * 4 + j].max(other.max[o * 4 + j]);
            }
            self.events[s] += other.events[o];
            self.events_reported[s] += other.events_reported[o];
            self.first[s] = self.first[s].min(other.first[o]);
            self.last[s] = self.last[s].max(other.last[o]);
        }
    }
}

/// A key value meaning "skip this row" (filtered out).
const SKIP: u64 = u64::MAX;

pub(super) fn run(
    table: &SeizureTable,
    plan: &Plan,
    period: Option<Period>,
    rule: SpanRule,
) -> Acc {
    let dense = (plan.cardinality <= DENSE_LIMIT).then_some(plan.cardinality as usize);
    let rows = table.len();
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        let threads = rayon::current_num_threads().max(1);
        // Parallel only when each thread gets a worthwhile share.
        if threads > 1 && rows >= 1 << 16 {
            let chunk = rows.div_ceil(threads).div_ceil(BLOCK) * BLOCK;
            let parts: Vec<Acc> = (0..rows)
                .step_by(chunk)
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|lo| run_range(table, plan, period, rule, dense, lo, (lo + chunk).min(rows)))
                .collect();
            let mut acc = Acc::new(dense);
            for p in &parts {
                acc.merge(p);
            }
            return acc;
        }
    }
    run_range(table, plan, period, rule, dense, 0, rows)
}

fn run_range(
    table: &SeizureTable,
    plan: &Plan,
    period: Option<Period>,
    rule: SpanRule,
    dense: Option<usize>,
    lo: usize,
    hi: usize,
) -> Acc {
    let mut acc = Acc::new(dense);
    let slot_of_unit = slot_of_units();
    let mut keys = [0u64; BLOCK];
    let mut start = lo;
    while start < hi {
        let end = (start + BLOCK).min(hi);
        let n = end - start;
        let keys = &mut keys[..n];
        build_keys(table, plan, rule, start, keys);
        if !plan.filter.is_empty() || period.is_some() {
            apply_filter(table, plan, period, start, keys, &mut acc);
        }
        match dense {
            Some(_) => accumulate_dense(table, start, keys, &slot_of_unit, &mut acc),
            None => accumulate_hashed(table, start, keys, &slot_of_unit, &mut acc),
        }
        start = end;
    }
    acc
}

fn build_keys(table: &SeizureTable, plan: &Plan, rule: SpanRule, start: usize, keys: &mut [u64]) {
    let n = keys.len();
    keys.fill(0);
    for kp in &plan.keys {
        let lut = &kp.lut;
        let stride = kp.stride;
        macro_rules! add {
            ($col:expr) => {{
                let col = &$col[start..start + n];
                for (k, &c) in keys.iter_mut().zip(col) {
                    *k += u64::from(lut.get(c as usize).copied().unwrap_or(0)) * stride;
                }
            }};
        }
        match kp.source {
            Source::Drug => add!(table.drug),
            Source::Name => add!(table.name),
            Source::Place => add!(table.place),
            Source::Agency => add!(table.agency),
            Source::Route => add!(table.route),
            Source::Time => {
                let Some(tp) = plan.time.as_ref() else {
                    continue;
                };
                let days = &tp.bucket_of_day;
                let starts = &table.start[start..start + n];
                let spans = &table.span[start..start + n];
                for ((k, &s), &sp) in keys.iter_mut().zip(starts).zip(spans) {
                    let i0 = (s - tp.day0) as usize;
                    let b0 = days.get(i0).copied().unwrap_or(tp.unattributed);
                    let b1 = days
                        .get(i0 + usize::from(sp))
                        .copied()
                        .unwrap_or(tp.unattributed);
                    let code = if b0 == b1 {
                        b0
                    } else {
                        match rule {
                            SpanRule::Separate => tp.unattributed,
                            SpanRule::ByStart => b0,
                            SpanRule::ByEnd => b1,
                        }
                    };
                    *k += u64::from(code) * stride;
                }
            }
        }
    }
}

fn apply_filter(
    table: &SeizureTable,
    plan: &Plan,
    period: Option<Period>,
    start: usize,
    keys: &mut [u64],
    acc: &mut Acc,
) {
    let f = &plan.filter;
    for (i, k) in keys.iter_mut().enumerate() {
        let r = start + i;
        let ok = f
            .drug
            .as_ref()
            .is_none_or(|m| m[usize::from(table.drug[r])])
            && f.name.as_ref().is_none_or(|m| m[table.name[r] as usize])
            && f.place.as_ref().is_none_or(|m| m[table.place[r] as usize])
            && f.agency
                .as_ref()
                .is_none_or(|m| m[usize::from(table.agency[r])])
            && f.route
                .as_ref()
                .is_none_or(|m| m[usize::from(table.route[r])]);
        if !ok {
            acc.filtered_out += 1;
            *k = SKIP;
            continue;
        }
        if let Some(p) = period {
            let s = table.start[r];
            let e = s + i32::from(table.span[r]);
            if e < p.start.days() || s > p.end.days() {
                acc.outside_period += 1;
                *k = SKIP;
            } else if s < p.start.days() || e > p.end.days() {
                acc.straddling_period += 1;
                *k = SKIP;
            }
        }
    }
}

fn accumulate_dense(
    table: &SeizureTable,
    start: usize,
    keys: &[u64],
    slot_of_unit: &[u8; 256],
    acc: &mut Acc,
) {
    let n = keys.len();
    let units = &table.unit[start..start + n];
    let amounts = &table.amount[start..start + n];
    let events = &table.seizures[start..start + n];
    let starts = &table.start[start..start + n];
    let spans = &table.span[start..start + n];
    for i in 0..n {
        let k = keys[i];
        if k == SKIP {
            continue;
        }
        let k = k as usize;
        let m = k * 4 + usize::from(slot_of_unit[usize::from(units[i])]);
        let a = amounts[i];
        acc.sums[m] += i128::from(a);
        acc.counts[m] += 1;
        acc.min[m] = acc.min[m].min(a);
        acc.max[m] = acc.max[m].max(a);
        let e = events[i];
        let known = u64::from(e != u32::MAX);
        acc.events[k] += u64::from(e) * known;
        acc.events_reported[k] += known;
        acc.first[k] = acc.first[k].min(starts[i]);
        acc.last[k] = acc.last[k].max(starts[i] + i32::from(spans[i]));
    }
}

fn accumulate_hashed(
    table: &SeizureTable,
    start: usize,
    keys: &[u64],
    slot_of_unit: &[u8; 256],
    acc: &mut Acc,
) {
    for (i, &key) in keys.iter().enumerate() {
        if key == SKIP {
            continue;
        }
        let r = start + i;
        let Some(index) = acc.index.as_mut() else {
            return;
        };
        let next = index.len() as u32;
        let k = *index.entry(key).or_insert(next) as usize;
        if k == acc.slots() {
            acc.push_slot(key);
        }
        let m = k * 4 + usize::from(slot_of_unit[usize::from(table.unit[r])]);
        let a = table.amount[r];
        acc.sums[m] += i128::from(a);
        acc.counts[m] += 1;
        acc.min[m] = acc.min[m].min(a);
        acc.max[m] = acc.max[m].max(a);
        let e = table.seizures[r];
        let known = u64::from(e != u32::MAX);
        acc.events[k] += u64::from(e) * known;
        acc.events_reported[k] += known;
        acc.first[k] = acc.first[k].min(table.start[r]);
        acc.last[k] = acc.last[k].max(table.start[r] + i32::from(table.span[r]));
    }
}
