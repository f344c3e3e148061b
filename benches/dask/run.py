"""Scale-out benchmark: narcostat.dask against dask.dataframe's groupby.

Rows are generated inside the workers (never on disk): ``--partitions``
partitions of ``--rows / --partitions`` rows each, columns drug (8 names),
date (a day of 2015-2024, Arrow date32), kg (float64, 3 decimals) and seizures.
The query is drug x month. For 1 and 2 workers (one thread each) it reports
rows/s of the whole run, the time to merge the partials, the bytes of the
partials sent, and the same groupby in dask.dataframe in the same run.

    python benches/dask/run.py --rows 100_000_000 --partitions 50
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Dict, List

DRUGS = ["heroin", "opium", "cocaine", "cannabis herb", "cannabis resin", "methamphetamine", "fentanyl", "morphine"]
DAY0 = 16_436  # 2015-01-01
DAYS = 3_653


def generate(index: int, rows: int) -> Any:
    """Partition `index`: `rows` reproducible random rows as a pyarrow Table."""
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(index)
    drug = pa.DictionaryArray.from_arrays(rng.integers(0, len(DRUGS), rows, dtype=np.int32), DRUGS).cast(pa.string())
    date = pa.array((DAY0 + rng.integers(0, DAYS, rows, dtype=np.int32)), type=pa.int32()).cast(pa.date32())
    kg = rng.integers(1, 5_000_000, rows) / 1000.0
    seizures = rng.integers(1, 5, rows)
    return pa.table({"drug": drug, "date": date, "kg": kg, "seizures": seizures})


def narcostat_partial(index: int, rows: int) -> Any:
    """Generates partition `index` and returns its narcostat partial (in a worker)."""
    import narcostat as ns

    table = ns.SeizureTable.from_arrow(generate(index, rows))
    return ns._narcostat.partial(table, "aggregate", by="drug,month")


def pandas_partition(index: int, rows: int) -> Any:
    """Generates partition `index` as pandas with a month column (in a worker)."""
    df = generate(index, rows).to_pandas()
    df["month"] = df["date"].astype("datetime64[s]").dt.to_period("M").astype(str)
    return df[["drug", "month", "kg", "seizures"]]


def run_narcostat(client: Any, rows: int, parts: int) -> Dict[str, Any]:
    per = rows // parts
    t0 = time.perf_counter()
    futures = [client.submit(narcostat_partial, i, per, pure=False) for i in range(parts)]
    partials = client.gather(futures)
    t1 = time.perf_counter()
    sizes = [len(p.to_bytes()) for p in partials]
    m0 = time.perf_counter()
    merged = partials[0]
    for p in partials[1:]:
        merged = merged.merge(p)
    result = merged.finish()
    m1 = time.perf_counter()
    total = time.perf_counter() - t0
    assert result.accounting is not None and result.accounting["rows"] == per * parts, result.accounting
    return {
        "rows": per * parts, "groups": len(result), "seconds": total, "rows_per_s": per * parts / total,
        "partials_s": t1 - t0, "merge_s": m1 - m0, "partial_bytes_each": sum(sizes) // len(sizes),
        "partial_bytes_sent": sum(sizes), "result": result,
    }


def run_dask_dataframe(rows: int, parts: int) -> Dict[str, Any]:
    import dask.dataframe as dd

    per = rows // parts
    t0 = time.perf_counter()
    ddf = dd.from_map(pandas_partition, list(range(parts)), [per] * parts)
    out = ddf.groupby(["drug", "month"]).agg({"kg": "sum", "seizures": "sum"}).compute()
    total = time.perf_counter() - t0
    return {"rows": per * parts, "groups": len(out), "seconds": total, "rows_per_s": per * parts / total, "frame": out}


def check_same(narcostat_result: Any, frame: Any) -> float:
    """The largest |narcostat − dask| over the groups' kg (dask sums float64)."""
    rows = narcostat_result.to_pylist()
    worst = 0.0
    for r in rows:
        name = str(r["drug"]).lower()
        key = (name, str(r["month"]))
        if key in frame.index:
            worst = max(worst, abs(float(r["mass_kg"]) - float(frame.loc[key, "kg"])))
    return worst


def main() -> None:
    import distributed

    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=lambda s: int(s.replace("_", "")), default=100_000_000)
    ap.add_argument("--partitions", type=int, default=50)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    report: List[str] = []
    for n in [int(w) for w in args.workers.split(",")]:
        with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=40, memory_limit=0) as cluster, distributed.Client(cluster) as client:
            ns_run = run_narcostat(client, args.rows, args.partitions)
            dd_run = run_dask_dataframe(args.rows, args.partitions)
        report.append(
            f"| {n} | {ns_run['rows']:,} | {ns_run['groups']} | {ns_run['seconds']:.1f} s | {ns_run['rows_per_s'] / 1e6:.2f} M/s "
            f"| {ns_run['merge_s'] * 1000:.0f} ms | {ns_run['partial_bytes_each']:,} B / {ns_run['partial_bytes_sent']:,} B "
            f"| {dd_run['seconds']:.1f} s | {dd_run['rows_per_s'] / 1e6:.2f} M/s |"
        )
        print(f"workers={n}: narcostat {ns_run['seconds']:.1f} s, dask.dataframe {dd_run['seconds']:.1f} s, "
              f"groups {ns_run['groups']} vs {dd_run['groups']}, "
              f"largest kg difference {check_same(ns_run['result'], dd_run['frame']):.3g}", flush=True)
    print("| workers | rows | groups | narcostat.dask | rows/s | merge + finish | partial bytes (each / all sent) "
          "| dask.dataframe groupby | rows/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(report))


if __name__ == "__main__":
    main()
