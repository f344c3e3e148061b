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
use std::sync::atomic::{AtomicUsize, Ordering};

const BLOCK: usize = 2048;
/// Fewest rows aggregated on several threads (below it one thread is faster);
/// tests lower it to run the parallel path on small tables.
static PARALLEL_MIN_ROWS: AtomicUsize = AtomicUsize::new(1 << 16);

/// Sets the fewest rows aggregated on several threads.
pub(super) fn set_parallel_min_rows(rows: usize) {
    PARALLEL_MIN_ROWS.store(rows.max(1), Ordering::Relaxed);
}
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

/// The measures of one group while accumulating: two cache lines, so that a
/// row touches one slot's memory only (an array per measure would touch eight
/// places). Sums are `u64` with carries counted aside: quantities are never
/// negative, a carry is rare, and the total stays exact.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
pub(super) struct Slot {
    pub sum: [u64; 3],
    pub count: [u64; 4],
    pub min: [i64; 3],
    pub max: [i64; 3],
    pub events: u64,
    pub events_reported: u64,
    pub first: i32,
    pub last: i32,
}

const EMPTY: Slot = Slot {
    sum: [0; 3],
    count: [0; 4],
    min: [i64::MAX; 3],
    max: [i64::MIN; 3],
    events: 0,
    events_reported: 0,
    first: i32::MAX,
    last: i32::MIN,
};

/// Accumulators: one [`Slot`] per composite key (dense) or per key seen (hashed).
#[derive(Debug, Clone)]
pub(super) struct Acc {
    pub slots: Vec<Slot>,
    /// Carries out of `Slot::sum`: (slot, dimension) -> number of 2^64 wraps.
    pub carries: HashMap<(u32, u8), u64>,
    /// Composite key of each slot (hashed mode only).
    pub keys: Vec<u64>,
    pub index: Option<HashMap<u64, u32>>,
    pub filtered_out: u64,
    pub outside_period: u64,
    pub straddling_period: u64,
}

impl Acc {
    fn new(dense_slots: Option<usize>) -> Self {
        Self {
            slots: vec![EMPTY; dense_slots.unwrap_or(0)],
            carries: HashMap::new(),
            keys: Vec::new(),
            index: dense_slots.is_none().then(HashMap::new),
            filtered_out: 0,
            outside_period: 0,
            straddling_period: 0,
        }
    }

    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// The exact sum of a slot's dimension.
    pub fn sum(&self, slot: usize, dim: usize) -> i128 {
        let carries = self.carries.get(&(slot as u32, dim as u8)).copied().unwrap_or(0);
        (i128::from(carries) << 64) + i128::from(self.slots[slot].sum[dim])
    }

    fn slot_for(&mut self, key: u64) -> usize {
        let Some(index) = self.index.as_mut() else {
            return key as usize;
        };
        let next = index.len() as u32;
        let slot = *index.entry(key).or_insert(next) as usize;
        if slot == self.slots.len() {
            self.slots.push(EMPTY);
            self.keys.push(key);
        }
        slot
    }

    #[inline]
    fn add(&mut self, k: usize, slot_of_unit: u8, amount: i64, events: u32, start: i32, end: i32) {
        let s = &mut self.slots[k];
        let d = usize::from(slot_of_unit);
        s.count[d & 3] += 1;
        if d < 3 {
            // Amounts are never negative (quantities are checked on the way in).
            let (sum, carry) = s.sum[d].overflowing_add(amount as u64);
            s.sum[d] = sum;
            // Branches rather than min/max: after the first rows of a group
            // the extremes rarely move, so the stores are mostly skipped.
            if amount < s.min[d] {
                s.min[d] = amount;
            }
            if amount > s.max[d] {
                s.max[d] = amount;
            }
            if carry {
                *self.carries.entry((k as u32, d as u8)).or_insert(0) += 1;
            }
        }
        let s = &mut self.slots[k];
        let known = u64::from(events != u32::MAX);
        s.events += u64::from(events) * known;
        s.events_reported += known;
        if start < s.first {
            s.first = start;
        }
        if end > s.last {
            s.last = end;
        }
    }

    /// Adds `other` (same plan) into `self`.
    #[cfg(feature = "parallel")]
    fn merge(&mut self, other: &Acc) {
        self.filtered_out += other.filtered_out;
        self.outside_period += other.outside_period;
        self.straddling_period += other.straddling_period;
        for o in 0..other.slots() {
            let key = if other.index.is_some() { other.keys[o] } else { o as u64 };
            let k = self.slot_for(key);
            let (src, dst) = (&other.slots[o], &mut self.slots[k]);
            for d in 0..3 {
                let (sum, carry) = dst.sum[d].overflowing_add(src.sum[d]);
                dst.sum[d] = sum;
                dst.min[d] = dst.min[d].min(src.min[d]);
                dst.max[d] = dst.max[d].max(src.max[d]);
                let carried = other.carries.get(&(o as u32, d as u8)).copied().unwrap_or(0) + u64::from(carry);
                if carried > 0 {
                    *self.carries.entry((k as u32, d as u8)).or_insert(0) += carried;
                }
            }
            let dst = &mut self.slots[k];
            for d in 0..4 {
                dst.count[d] += src.count[d];
            }
            dst.events += src.events;
            dst.events_reported += src.events_reported;
            dst.first = dst.first.min(src.first);
            dst.last = dst.last.max(src.last);
        }
    }
}

/// A key value meaning "skip this row" (filtered out).
const SKIP: u64 = u64::MAX;

pub(super) fn run(table: &SeizureTable, plan: &Plan, period: Option<Period>, rule: SpanRule) -> Acc {
    let dense = (plan.cardinality <= DENSE_LIMIT).then_some(plan.cardinality as usize);
    let rows = table.len();
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        let threads = rayon::current_num_threads().max(1);
        // Parallel only when each thread gets a worthwhile share.
        if threads > 1 && rows >= PARALLEL_MIN_ROWS.load(Ordering::Relaxed) {
            let chunk = rows.div_ceil(threads);
            let chunk = if chunk > BLOCK { chunk.div_ceil(BLOCK) * BLOCK } else { chunk };
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
        accumulate(table, start, keys, &slot_of_unit, &mut acc);
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
                    let b1 = days.get(i0 + usize::from(sp)).copied().unwrap_or(tp.unattributed);
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
        let ok = f.drug.as_ref().is_none_or(|m| m[usize::from(table.drug[r])])
            && f.name.as_ref().is_none_or(|m| m[table.name[r] as usize])
            && f.place.as_ref().is_none_or(|m| m[table.place[r] as usize])
            && f.agency.as_ref().is_none_or(|m| m[usize::from(table.agency[r])])
            && f.route.as_ref().is_none_or(|m| m[usize::from(table.route[r])]);
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

fn accumulate(table: &SeizureTable, start: usize, keys: &[u64], slot_of_unit: &[u8; 256], acc: &mut Acc) {
    let n = keys.len();
    let units = &table.unit[start..start + n];
    let amounts = &table.amount[start..start + n];
    let events = &table.seizures[start..start + n];
    let starts = &table.start[start..start + n];
    let spans = &table.span[start..start + n];
    let dense = acc.index.is_none();
    for i in 0..n {
        let key = keys[i];
        if key == SKIP {
            continue;
        }
        let k = if dense { key as usize } else { acc.slot_for(key) };
        acc.add(
            k,
            slot_of_unit[usize::from(units[i])],
            amounts[i],
            events[i],
            starts[i],
            starts[i] + i32::from(spans[i]),
        );
    }
}
