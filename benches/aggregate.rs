//! Criterion benchmarks of the core: group-by (drug; drug x month; country x
//! drug x year), top-10, merge of 64 partial aggregates, and the practical
//! limit: a bare dense-key summing loop over the same pre-encoded columns.
//!
//! `cargo bench -p narcostat-benches` (sizes from `NARCOSTAT_BENCH_ROWS`,
//! default 1M and 10M rows; `scripts/test` runs each once on 10k rows).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use narcostat::{Aggregate, Granularity, GroupKey, Query, rank::Measure};
use narcostat_benches::{sizes, table};
use std::hint::black_box;

fn queries() -> Vec<(&'static str, Query)> {
    vec![
        ("by drug", Query::by(&[GroupKey::Drug])),
        ("by drug x month", Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Month)])),
        (
            "by country x drug x year",
            Query::by(&[GroupKey::Country, GroupKey::Drug, GroupKey::Time(Granularity::Year)]),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let t = table(n, 42);
        eprintln!(
            "{n} rows: {:.1} bytes per row in the core columns, {} bytes of dictionaries",
            t.column_bytes() as f64 / n as f64,
            t.dictionary_bytes()
        );
        let mut g = c.benchmark_group(format!("aggregate {n} rows"));
        g.throughput(Throughput::Elements(n as u64));
        g.sample_size(10);
        for (name, q) in queries() {
            g.bench_function(BenchmarkId::new("parallel", name), |b| b.iter(|| black_box(t.aggregate(black_box(&q)))));
            let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
            if let Ok(pool) = pool {
                g.bench_function(BenchmarkId::new("one thread", name), |b| {
                    pool.install(|| b.iter(|| black_box(t.aggregate(black_box(&q)))))
                });
            }
        }
        let by_drug = Query::by(&[GroupKey::Drug]);
        g.bench_function("top-10 by drug", |b| {
            b.iter(|| t.aggregate(&by_drug).map(|a| black_box(a.rank(Measure::Mass, Some(10)))))
        });
        // The practical limit: sum amounts into a dense array keyed by a pre-encoded drug x month code.
        let cols = t.columns();
        let months: Vec<u16> = cols.start.iter().map(|&d| month_code(d)).collect();
        let drugs = cols.drug;
        let amounts = cols.amount;
        g.bench_function("bare dense-key loop, drug x month", |b| {
            b.iter(|| {
                let mut sums = vec![0i64; 256 * 512];
                for i in 0..amounts.len() {
                    let k = usize::from(drugs[i]) * 512 + usize::from(months[i]);
                    sums[k] = sums[k].wrapping_add(amounts[i]);
                }
                black_box(sums)
            })
        });
        g.finish();

        let q = Query::by(&[GroupKey::Drug, GroupKey::Time(Granularity::Month)]);
        let chunk = n.div_ceil(64);
        let parts: Vec<Aggregate> = (0..64)
            .filter_map(|i| {
                let lo = (i * chunk).min(n);
                let hi = ((i + 1) * chunk).min(n);
                table_slice(&t, lo, hi).aggregate(&q).ok()
            })
            .collect();
        c.bench_function(&format!("merge 64 partial aggregates (drug x month, {n} rows)"), |b| {
            b.iter(|| black_box(Aggregate::merge_all(&q, &parts)))
        });
    }
}

fn month_code(day: i32) -> u16 {
    let (y, m, _) = narcostat::Date::from_days(day).ymd();
    ((y - 2015).clamp(0, 40) * 12 + m as i32 - 1) as u16
}

fn table_slice(t: &narcostat::SeizureTable, lo: usize, hi: usize) -> narcostat::SeizureTable {
    let rows: Vec<_> = (lo..hi).filter_map(|i| t.row(i)).collect();
    narcostat::SeizureTable::from_seizures(&rows).unwrap_or_default()
}

criterion_group!(benches, bench);
criterion_main!(benches);
