//! The native side of the peer comparison (`benches/peers/run.sh` drives it):
//!
//! - `harness generate N FILE.csv`: the seeded rows as CSV (all masses in kg);
//! - `harness memory N`: timings are not taken; prints bytes per row, without
//!   and with two kept source columns (`column:NAME`);
//! - `harness native N REPEATS`: in-memory queries on one thread and on all
//!   threads, and the bare dense-key loop, as JSON lines of median seconds;
//! - `harness csv FILE REPEATS`: end to end, CSV parse + aggregate (drug x month) with progress on.
#![expect(clippy::print_stdout, reason = "a benchmark harness prints its measurements")]

use narcostat::read::{ColumnMap, Format, ReadOptions};
use narcostat::{Query, SeizureTable, Unit};
use std::io::Write;
use std::time::Instant;

const QUERIES: [(&str, &str); 3] =
    [("by drug", "drug"), ("by drug x month", "drug,month"), ("by country x drug x year", "country,drug,year")];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(repeats: usize, mut f: impl FnMut() -> T) -> f64 {
    let _ = f(); // warm-up
    median(
        (0..repeats.max(1))
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

fn emit(tool: &str, query: &str, mode: &str, rows: usize, seconds: f64) {
    println!(
        "{{\"tool\": \"{tool}\", \"query\": \"{query}\", \"mode\": \"{mode}\", \"rows\": {rows}, \"seconds\": {seconds:.6}}}"
    );
}

fn month_code(day: i32) -> u16 {
    let (y, m, _) = narcostat::Date::from_days(day).ymd();
    ((y - 2015).clamp(0, 40) * 12 + m as i32 - 1) as u16
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    match arg(1).as_str() {
        "generate" => {
            let n: usize = arg(2).parse()?;
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(arg(3))?);
            writeln!(out, "date,drug,country,province,agency,kg,seizures")?;
            let mut failed = None;
            narcostat_benches::generate_with(n, 42, false, |s| {
                let kg =
                    s.quantity.and_then(|q| q.value_in(Unit::Kilogram).ok()).map(|d| d.to_string()).unwrap_or_default();
                let r = writeln!(
                    out,
                    "{},{},{},{},{},{},{}",
                    s.period.start,
                    s.substance.name,
                    s.place.country.map(|c| c.to_string()).unwrap_or_default(),
                    s.place.province.as_deref().unwrap_or(""),
                    s.agency.as_deref().unwrap_or(""),
                    kg,
                    s.seizures.unwrap_or(0)
                );
                if let Err(e) = r {
                    failed = Some(e);
                }
            });
            if let Some(e) = failed {
                return Err(e.into());
            }
            out.flush()?;
        }
        "memory" => {
            let n: usize = arg(2).parse()?;
            let t = narcostat_benches::table_with(n, 42, false);
            println!(
                "{{\"tool\": \"narcostat\", \"bytes_per_row\": {:.2}, \"dictionary_bytes\": {}}}",
                t.column_bytes() as f64 / n as f64,
                t.dictionary_bytes()
            );
            // The cost of kept source columns (`column:NAME`): two of them.
            let mut k = narcostat_benches::table_with_kept_columns(n, 42);
            k.shrink_to_fit();
            println!(
                "{{\"tool\": \"narcostat (2 kept columns)\", \"bytes_per_row\": {:.2}, \"kept_bytes_per_row\": {:.2}, \"dictionary_bytes\": {}}}",
                k.column_bytes() as f64 / n as f64,
                k.kept_column_bytes() as f64 / n as f64,
                k.dictionary_bytes()
            );
        }
        "native" => {
            let n: usize = arg(2).parse()?;
            let repeats: usize = arg(3).parse().unwrap_or(5);
            let t = narcostat_benches::table_with(n, 42, false);
            let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
            for (name, by) in QUERIES {
                let q = Query::parse(by, "", None)?;
                emit("narcostat", name, "1 thread", n, one.install(|| time(repeats, || t.aggregate(&q))));
                emit("narcostat", name, "all threads", n, time(repeats, || t.aggregate(&q)));
            }
            let cols = t.columns();
            let months: Vec<u16> = cols.start.iter().map(|&d| month_code(d)).collect();
            let seconds = time(repeats, || {
                let mut sums = vec![0i64; 256 * 512];
                for ((&d, &m), &a) in cols.drug.iter().zip(&months).zip(cols.amount) {
                    let k = usize::from(d) * 512 + usize::from(m);
                    sums[k] = sums[k].wrapping_add(a);
                }
                sums
            });
            emit("bare dense-key loop", "by drug x month", "1 thread", n, seconds);
        }
        "csv" => {
            let path = arg(2);
            let repeats: usize = arg(3).parse().unwrap_or(3);
            let options = ReadOptions {
                format: Some(Format::Generic(ColumnMap {
                    substance: "drug".into(),
                    quantity: "kg".into(),
                    default_unit: Some("kg".into()),
                    date: Some("date".into()),
                    country: Some("country".into()),
                    province: Some("province".into()),
                    agency: Some("agency".into()),
                    seizures: Some("seizures".into()),
                    ..ColumnMap::default()
                })),
                ..ReadOptions::default()
            };
            let q = Query::parse("drug,month", "", None)?;
            let mut rows = 0;
            let seconds = time(repeats, || -> Result<usize, narcostat::read::ReadError> {
                let file = std::fs::File::open(&path)
                    .map_err(|source| narcostat::read::ReadError::Io { file: path.clone(), source })?;
                let mut last = 0u64;
                let (table, _, report) =
                    narcostat::read::read_table_parallel(file, &path, &options, &mut |p| last = p.rows)?;
                let _ = table.aggregate(&q);
                rows = report.rows_read as usize;
                let _: &SeizureTable = &table;
                Ok(last as usize)
            });
            emit("narcostat", "CSV -> by drug x month", "end to end", rows, seconds);
        }
        _ => eprintln!("usage: harness generate N FILE | memory N | native N REPEATS | csv FILE REPEATS"),
    }
    Ok(())
}
