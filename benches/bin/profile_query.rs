//! Runs one query many times over generated rows, for profilers:
//! `cargo build --profile bench -p narcostat-benches --bin profile_query &&
//!  perf record target/release/profile_query 10000000 drug,month 20`
#![expect(clippy::print_stdout, reason = "a profiling tool prints its timings")]

use narcostat::{Query, SeizureTable};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000_000);
    let by = args.get(2).map_or("drug,month", String::as_str);
    let reps: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(10);
    let t: SeizureTable = narcostat_benches::table(n, 42);
    let Ok(q) = Query::parse(by, "", None) else {
        return;
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build();
    let Ok(pool) = pool else { return };
    pool.install(|| {
        for _ in 0..reps {
            let start = Instant::now();
            let groups = t.aggregate(&q).map(|a| a.groups.len()).unwrap_or(0);
            println!("{by}: {} groups in {:.1} ms", groups, start.elapsed().as_secs_f64() * 1e3);
        }
    });
}
