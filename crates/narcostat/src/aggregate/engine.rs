//! The aggregation loop.
//!
//! Rows are processed in blocks: first the composite key of every row of the
//! block is built one key column at a time (tight loops over lookup tables,
//! which the compiler vectorises), then the block's measures are added into
//! struct-of-arrays accumulators indexed by that key. Small key spaces use a
//! dense array; large ones a hash map from composite key to slot; key spaces
//! beyond 64 bits a hash map from the key's words (see [`Layout`]).

use super::plan::{KeyPlan, Layout, Plan, Source};
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

/// How slots are found from composite keys.
#[derive(Debug, Clone)]
pub(super) enum Index {
    /// The composite key is the slot.
    Dense,
    /// Composite key -> slot; `keys[slot]` is the slot's key.
    Hashed { slot_of: HashMap<u64, u32>, keys: Vec<u64> },
    /// Key words -> slot; `keys[slot * words..][..words]` are the slot's words.
    Wide { words: usize, slot_of: HashMap<Box<[u64]>, u32>, keys: Vec<u64> },
}

/// Accumulators: one [`Slot`] per composite key (dense) or per key seen (hashed, wide).
#[derive(Debug, Clone)]
pub(super) struct Acc {
    pub slots: Vec<Slot>,
    /// Carries out of `Slot::sum`: (slot, dimension) -> number of 2^64 wraps.
    pub carries: HashMap<(u32, u8), u64>,
    pub index: Index,
    pub filtered_out: u64,
    pub outside_period: u64,
    pub straddling_period: u64,
}

impl Acc {
    fn new(plan: &Plan) -> Self {
        let (slots, index) = match plan.layout {
            Layout::Narrow { cardinality } if cardinality <= DENSE_LIMIT => {
                (vec![EMPTY; usize::try_from(cardinality).unwrap_or(0)], Index::Dense)
            }
            Layout::Narrow { .. } => (Vec::new(), Index::Hashed { slot_of: HashMap::new(), keys: Vec::new() }),
            Layout::Wide { words } => (Vec::new(), Index::Wide { words, slot_of: HashMap::new(), keys: Vec::new() }),
        };
        Self { slots, carries: HashMap::new(), index, filtered_out: 0, outside_period: 0, straddling_period: 0 }
    }

    pub fn slots(&self) -> usize {
        self.slots.len()
    }

    /// The exact sum of a slot's dimension.
    pub fn sum(&self, slot: usize, dim: usize) -> i128 {
        let carries = self.carries.get(&(slot as u32, dim as u8)).copied().unwrap_or(0);
        (i128::from(carries) << 64) + i128::from(self.slots[slot].sum[dim])
    }

    /// The dense code of key `kp` in the slot's composite key.
    pub fn code(&self, slot: usize, kp: &KeyPlan) -> u64 {
        let narrow = |key: u64| (key / kp.stride.max(1)) % kp.cardinality;
        match &self.index {
            Index::Dense => narrow(slot as u64),
            Index::Hashed { keys, .. } => narrow(keys[slot]),
            Index::Wide { words, keys, .. } => match kp.bits {
                0 => 0,
                bits => (keys[slot * words + kp.word] >> kp.shift) & (u64::MAX >> (u64::BITS - bits)),
            },
        }
    }

    /// The slot of a narrow composite key, added if new.
    fn slot_for(&mut self, key: u64) -> usize {
        let Index::Hashed { slot_of, keys } = &mut self.index else {
            return key as usize;
        };
        let next = slot_of.len() as u32;
        let slot = *slot_of.entry(key).or_insert(next) as usize;
        if slot == self.slots.len() {
            self.slots.push(EMPTY);
            keys.push(key);
        }
        slot
    }

    /// The slot of a wide key, added if new.
    fn wide_slot_for(&mut self, key: &[u64]) -> usize {
        let Index::Wide { slot_of, keys, .. } = &mut self.index else {
            return 0;
        };
        if let Some(&slot) = slot_of.get(key) {
            return slot as usize;
        }
        let slot = self.slots.len();
        slot_of.insert(key.into(), slot as u32);
        keys.extend_from_slice(key);
        self.slots.push(EMPTY);
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
            let k = match &other.index {
                Index::Dense => o,
                Index::Hashed { keys, .. } => self.slot_for(keys[o]),
                Index::Wide { words, keys, .. } => self.wide_slot_for(&keys[o * words..(o + 1) * words]),
            };
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

/// A key value meaning "skip this row" (filtered out). No narrow key reaches
/// it: the narrow layout holds fewer than `u64::MAX` keys.
const SKIP: u64 = u64::MAX;

pub(super) fn run(table: &SeizureTable, plan: &Plan, period: Option<Period>, rule: SpanRule) -> Acc {
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
                .map(|lo| run_range(table, plan, period, rule, lo, (lo + chunk).min(rows)))
                .collect();
            let mut acc = Acc::new(plan);
            for p in &parts {
                acc.merge(p);
            }
            return acc;
        }
    }
    run_range(table, plan, period, rule, 0, rows)
}

fn run_range(table: &SeizureTable, plan: &Plan, period: Option<Period>, rule: SpanRule, lo: usize, hi: usize) -> Acc {
    let mut acc = Acc::new(plan);
    match plan.layout {
        Layout::Narrow { .. } => run_narrow(table, plan, period, rule, lo, hi, &mut acc),
        Layout::Wide { words } => run_wide(table, plan, (period, rule), (lo, hi), words, &mut acc),
    }
    acc
}

/// The rows `lo..hi` with one-word keys.
fn run_narrow(
    table: &SeizureTable,
    plan: &Plan,
    period: Option<Period>,
    rule: SpanRule,
    lo: usize,
    hi: usize,
    acc: &mut Acc,
) {
    let slot_of_unit = slot_of_units();
    let dense = matches!(acc.index, Index::Dense);
    let mut keys = [0u64; BLOCK];
    let mut start = lo;
    while start < hi {
        let n = (start + BLOCK).min(hi) - start;
        let keys = &mut keys[..n];
        keys.fill(0);
        for kp in plan.keys.iter().filter(|kp| kp.cardinality > 1) {
            let stride = kp.stride;
            for_each_code(table, plan, kp, rule, start, keys.iter_mut(), move |k, code| *k += code * stride);
        }
        if !plan.filter.is_empty() || period.is_some() {
            apply_filter(table, plan, period, start, n, acc, |i| keys[i] = SKIP);
        }
        accumulate(table, start, n, &slot_of_unit, acc, |acc, i| match keys[i] {
            SKIP => None,
            key if dense => Some(key as usize),
            key => Some(acc.slot_for(key)),
        });
        start += n;
    }
}

/// The rows `lo..hi` with keys of several words.
fn run_wide(
    table: &SeizureTable,
    plan: &Plan,
    (period, rule): (Option<Period>, SpanRule),
    (lo, hi): (usize, usize),
    words: usize,
    acc: &mut Acc,
) {
    let slot_of_unit = slot_of_units();
    let mut keys = vec![0u64; BLOCK * words];
    let mut skipped = [false; BLOCK];
    let mut start = lo;
    while start < hi {
        let n = (start + BLOCK).min(hi) - start;
        let keys = &mut keys[..n * words];
        keys.fill(0);
        for kp in plan.keys.iter().filter(|kp| kp.cardinality > 1) {
            let (word, shift) = (kp.word, kp.shift);
            for_each_code(table, plan, kp, rule, start, keys.chunks_exact_mut(words), move |k, code| {
                k[word] |= code << shift
            });
        }
        skipped[..n].fill(false);
        if !plan.filter.is_empty() || period.is_some() {
            apply_filter(table, plan, period, start, n, acc, |i| skipped[i] = true);
        }
        accumulate(table, start, n, &slot_of_unit, acc, |acc, i| {
            (!skipped[i]).then(|| acc.wide_slot_for(&keys[i * words..(i + 1) * words]))
        });
        start += n;
    }
}

/// Calls `put` with each target (one per row from `start`) and the dense code
/// of key `kp` in that row: tight loops over a lookup table.
fn for_each_code<'a, T: ?Sized + 'a>(
    table: &SeizureTable,
    plan: &Plan,
    kp: &KeyPlan,
    rule: SpanRule,
    start: usize,
    targets: impl Iterator<Item = &'a mut T>,
    put: impl Fn(&mut T, u64),
) {
    let lut = &kp.lut;
    macro_rules! each {
        ($col:expr) => {{
            for (t, &c) in targets.zip(&$col[start..]) {
                put(t, u64::from(lut.get(c as usize).copied().unwrap_or(0)));
            }
        }};
    }
    match kp.source {
        Source::Drug => each!(table.drug),
        Source::Name => each!(table.name),
        Source::Place => each!(table.place),
        Source::Agency => each!(table.agency),
        Source::Route => each!(table.route),
        Source::CountUnit => each!(table.unit),
        Source::Column(i) => {
            if let Some(column) = table.extra.get(i) {
                each!(column.codes)
            }
        }
        Source::Time => {
            let Some(tp) = plan.time.as_ref() else {
                return;
            };
            let days = &tp.bucket_of_day;
            for ((t, &s), &sp) in targets.zip(&table.start[start..]).zip(&table.span[start..]) {
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
                put(t, u64::from(code));
            }
        }
    }
}

/// Counts rows the filter or the period excludes, and calls `skip` with each.
fn apply_filter(
    table: &SeizureTable,
    plan: &Plan,
    period: Option<Period>,
    start: usize,
    n: usize,
    acc: &mut Acc,
    mut skip: impl FnMut(usize),
) {
    let f = &plan.filter;
    for i in 0..n {
        let r = start + i;
        let ok = f.drug.as_ref().is_none_or(|m| m[usize::from(table.drug[r])])
            && f.name.as_ref().is_none_or(|m| m[table.name[r] as usize])
            && f.place.as_ref().is_none_or(|m| m[table.place[r] as usize])
            && f.agency.as_ref().is_none_or(|m| m[usize::from(table.agency[r])])
            && f.route.as_ref().is_none_or(|m| m[usize::from(table.route[r])])
            && f.columns.iter().all(|(c, m)| m[table.extra[*c].codes[r] as usize]);
        if !ok {
            acc.filtered_out += 1;
            skip(i);
            continue;
        }
        if let Some(p) = period {
            let s = table.start[r];
            let e = s + i32::from(table.span[r]);
            if e < p.start.days() || s > p.end.days() {
                acc.outside_period += 1;
                skip(i);
            } else if s < p.start.days() || e > p.end.days() {
                acc.straddling_period += 1;
                skip(i);
            }
        }
    }
}

/// Adds rows `start..start + n` into their slots; `slot(acc, i)` finds row
/// `i`'s slot (`None`: the row is skipped).
fn accumulate(
    table: &SeizureTable,
    start: usize,
    n: usize,
    slot_of_unit: &[u8; 256],
    acc: &mut Acc,
    mut slot: impl FnMut(&mut Acc, usize) -> Option<usize>,
) {
    let units = &table.unit[start..start + n];
    let amounts = &table.amount[start..start + n];
    let events = &table.seizures[start..start + n];
    let starts = &table.start[start..start + n];
    let spans = &table.span[start..start + n];
    for i in 0..n {
        let Some(k) = slot(acc, i) else {
            continue;
        };
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
