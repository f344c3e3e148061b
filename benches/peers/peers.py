"""narcostat against pyarrow, polars, DuckDB and pandas on the same rows, in one run.

Run through run.sh, which prepares the tools. The same seeded rows (the
harness's generator) are written as CSV and Parquet; each tool answers the
same three questions (total kg by drug; by drug x month; by country x drug x
year, with the month / year key computed inside the query as users write it)
on one thread and on all threads, then end to end from the CSV file. Every
timing is the median of REPEATS runs after a warm-up. Ratios are what count
on these shared machines: each is the tool's time over narcostat's in the
same mode, so 5.0x means narcostat is five times faster.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parents[2]


def target_dir() -> Path:
    """Where cargo builds (CARGO_TARGET_DIR, a configured target-dir or ROOT/target):
    NARCOSTAT_TARGET_DIR as run.sh sets it, else what `cargo metadata` reports."""
    given = os.environ.get("NARCOSTAT_TARGET_DIR")
    if given:
        return Path(given)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Path(json.loads(meta)["target_directory"])


TARGET = target_dir()
HARNESS = TARGET / "release" / "harness"
QUERIES = ["by drug", "by drug x month", "by country x drug x year"]


def median_time(fn: Callable[[], Any], repeats: int) -> float:
    fn()
    times = []
    for _ in range(max(1, repeats)):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def harness(*args: str) -> List[Dict[str, Any]]:
    out = subprocess.run([str(HARNESS), *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def peers_in_memory(parquet: Path, repeats: int, threads: str) -> List[Dict[str, Any]]:
    """Runs in a subprocess per thread setting (thread pools are fixed at import)."""
    import duckdb
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if threads == "1 thread":
        pa.set_cpu_count(1)
        pa.set_io_thread_count(1)
    table = pq.read_table(parquet)
    n = table.num_rows
    results: List[Dict[str, Any]] = []

    def add(tool: str, query: str, seconds: float) -> None:
        results.append({"tool": tool, "query": query, "mode": threads, "rows": n, "seconds": seconds})

    # pyarrow compute
    def pa_query(keys: List[str]) -> Any:
        t = table
        if "month" in keys:
            t = t.append_column("month", pc.add(pc.multiply(pc.year(t["date"]), 12), pc.month(t["date"])))
        if "year" in keys:
            t = t.append_column("year", pc.year(t["date"]))
        return t.group_by(keys, use_threads=threads != "1 thread").aggregate([("kg", "sum")])

    for q, keys in zip(QUERIES, [["drug"], ["drug", "month"], ["country", "drug", "year"]]):
        add("pyarrow", q, median_time(lambda: pa_query(keys), repeats))

    # polars
    df = pl.from_arrow(table)
    assert isinstance(df, pl.DataFrame)
    pl_queries = [
        lambda: df.group_by("drug").agg(pl.col("kg").sum()),
        lambda: df.group_by("drug", pl.col("date").dt.truncate("1mo").alias("month")).agg(pl.col("kg").sum()),
        lambda: df.group_by("country", "drug", pl.col("date").dt.year().alias("year")).agg(pl.col("kg").sum()),
    ]
    for q, fn in zip(QUERIES, pl_queries):
        add("polars", q, median_time(fn, repeats))

    # DuckDB
    con = duckdb.connect()
    con.execute(f"SET threads={1 if threads == '1 thread' else os.cpu_count()}")
    con.register("arrow_rows", table)
    con.execute("CREATE TABLE rows AS SELECT * FROM arrow_rows")
    sql = [
        "SELECT drug, sum(kg) FROM rows GROUP BY drug",
        "SELECT drug, date_trunc('month', date) AS month, sum(kg) FROM rows GROUP BY ALL",
        "SELECT country, drug, year(date) AS year, sum(kg) FROM rows GROUP BY ALL",
    ]
    for q, s in zip(QUERIES, sql):
        add("duckdb", q, median_time(lambda: con.execute(s).fetchall(), repeats))

    # pandas (single-threaded whatever the setting)
    if threads == "1 thread":
        pdf = table.to_pandas()
        pdf["date"] = pd.to_datetime(pdf["date"])
        pd_queries = [
            lambda: pdf.groupby("drug", observed=True)["kg"].sum(),
            lambda: pdf.groupby(["drug", pdf["date"].dt.to_period("M")], observed=True)["kg"].sum(),
            lambda: pdf.groupby(["country", "drug", pdf["date"].dt.year], observed=True)["kg"].sum(),
        ]
        for q, fn in zip(QUERIES, pd_queries):
            add("pandas", q, median_time(fn, repeats))
        results.append({"tool": "pandas", "bytes_per_row": float(pdf.memory_usage(deep=True).sum()) / n})
        results.append({"tool": "polars", "bytes_per_row": float(df.estimated_size()) / n})

    # narcostat through the Python binding, over the same pyarrow table
    import narcostat as ns

    t = time.perf_counter()
    nt = ns.SeizureTable.from_arrow(table)
    results.append({"tool": "narcostat (Python, from_arrow)", "query": "conversion", "mode": threads, "rows": n, "seconds": time.perf_counter() - t})
    for q, by in zip(QUERIES, ["drug", "drug,month", "country,drug,year"]):
        add("narcostat (Python)", q, median_time(lambda: nt.aggregate(by=by), repeats))
    return results


def end_to_end(csv: Path, repeats: int) -> List[Dict[str, Any]]:
    import duckdb
    import polars as pl
    import pyarrow.csv as pv

    results: List[Dict[str, Any]] = []
    n = sum(1 for _ in open(csv, "rb")) - 1
    q = "CSV -> by drug x month"

    def add(tool: str, seconds: float) -> None:
        results.append({"tool": tool, "query": q, "mode": "end to end", "rows": n, "seconds": seconds})

    add("polars", median_time(lambda: pl.scan_csv(csv, try_parse_dates=True).group_by("drug", pl.col("date").dt.truncate("1mo")).agg(pl.col("kg").sum()).collect(), repeats))
    con = duckdb.connect()
    add("duckdb", median_time(lambda: con.execute(f"SELECT drug, date_trunc('month', date), sum(kg) FROM read_csv_auto('{csv}') GROUP BY ALL").fetchall(), repeats))

    def pa_e2e() -> Any:
        import pyarrow.compute as pc

        t = pv.read_csv(csv)
        t = t.append_column("month", pc.add(pc.multiply(pc.year(t["date"]), 12), pc.month(t["date"])))
        return t.group_by(["drug", "month"]).aggregate([("kg", "sum")])

    add("pyarrow", median_time(pa_e2e, repeats))
    return results


def wasm_node(csv: Path, repeats: int) -> List[Dict[str, Any]]:
    script = Path(__file__).with_name("wasm.mjs")
    pkg = ROOT / "bindings" / "wasm" / "pkg-node" / "narcostat_wasm.js"
    if not pkg.exists():
        return []
    out = subprocess.run(["node", str(script), str(csv), str(repeats)], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--child", choices=["1 thread", "all threads"])
    args = ap.parse_args()
    work = TARGET / "peers"
    work.mkdir(parents=True, exist_ok=True)
    csv = work / f"rows-{args.rows}.csv"
    parquet = work / f"rows-{args.rows}.parquet"
    if args.child:
        print(json.dumps(peers_in_memory(parquet, args.repeats, args.child)))
        return
    if not csv.exists():
        subprocess.run([str(HARNESS), "generate", str(args.rows), str(csv)], check=True)
    if not parquet.exists():
        import pyarrow.csv as pv
        import pyarrow.parquet as pq

        pq.write_table(pv.read_csv(csv), parquet)
    results: List[Dict[str, Any]] = []
    results += harness("native", str(args.rows), str(args.repeats))
    results += harness("memory", str(args.rows))
    for mode, threads in [("1 thread", "1"), ("all threads", str(os.cpu_count() or 1))]:
        env = dict(os.environ, POLARS_MAX_THREADS=threads, RAYON_NUM_THREADS=threads, OMP_NUM_THREADS=threads)
        out = subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--repeats", str(args.repeats), "--child", mode], check=True, capture_output=True, text=True, env=env).stdout
        results += json.loads(out.strip().splitlines()[-1])
    results += harness("csv", str(csv), str(max(1, args.repeats // 2)))
    results += end_to_end(csv, max(1, args.repeats // 2))
    # WASM keeps the records beside the table (for checks and bulletins) in a
    # 4 GB address space, and V8 strings stop at 512 MB: it is measured on the
    # first million of the same rows, against native on those rows.
    small = min(args.rows, 1_000_000)
    small_csv = work / f"rows-{small}.csv"
    if not small_csv.exists():
        subprocess.run([str(HARNESS), "generate", str(small), str(small_csv)], check=True)
    if small != args.rows:
        results += [r for r in harness("native", str(small), str(args.repeats)) if r["tool"] == "narcostat" and r["mode"] == "1 thread"]
        results += harness("csv", str(small_csv), str(max(1, args.repeats // 2)))
    results += wasm_node(small_csv, args.repeats)
    (work / "results.json").write_text(json.dumps(results, indent=1))
    report(results, args.rows)


def report(results: List[Dict[str, Any]], rows: int) -> None:
    timed = [r for r in results if "seconds" in r]
    base = {(r["query"], r["mode"], r["rows"]): r["seconds"] for r in timed if r["tool"] == "narcostat"}
    print(f"\n{rows:,} rows; {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(f"{'query':<28} {'mode':<12} {'rows':>11} {'tool':<30} {'median s':>9} {'rows/s':>9} {'vs narcostat':>12}")
    for r in sorted(timed, key=lambda r: (r["query"], r["mode"], -r["rows"], r["seconds"])):
        ref = base.get((r["query"], r["mode"], r["rows"])) or base.get((r["query"], "1 thread", r["rows"]))
        ratio = f"{r['seconds'] / ref:.1f}x" if ref else ""
        rate = f"{r['rows'] / r['seconds'] / 1e6:.1f}M" if r["seconds"] > 0 else ""
        print(f"{r['query']:<28} {r['mode']:<12} {r['rows']:>11,} {r['tool']:<30} {r['seconds']:>9.4f} {rate:>9} {ratio:>12}")
    for r in results:
        if "bytes_per_row" in r:
            print(f"memory: {r['tool']:<10} {r['bytes_per_row']:.1f} bytes per row")


if __name__ == "__main__":
    main()
