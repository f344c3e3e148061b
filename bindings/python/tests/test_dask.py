"""narcostat on Dask, across processes: a two-worker LocalCluster, the
reference UNODC and CBP tables cut into uneven partitions (empty ones, one
per row), exactly the single-pass result; a worker killed mid-run; bad rows
reported with their file and line; tables, results and partials pickled."""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import narcostat as ns

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
nd = pytest.importorskip("narcostat.dask")
pd = pytest.importorskip("pandas")

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REF / "unodc-annual-1970-2019.csv"
CBP = [REF / "cbp-nationwide-fy19-fy22.csv", REF / "cbp-nationwide-fy23-fy26-dec.csv"]


def frame_of(path: Path) -> Any:
    """A reference table as pandas reads it, every column as text (as a user's CSV arrives)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def uneven(df: Any, sizes: List[int]) -> Any:
    """A Dask DataFrame of `df` cut into partitions of `sizes` rows (0 = empty), the rest last."""
    parts, start = [], 0
    for size in sizes:
        parts.append(df.iloc[start : start + size])
        start += size
    parts.append(df.iloc[start:])
    return dd.from_delayed([dask.delayed(p) for p in parts], meta=df.iloc[:0], verify_meta=False)


def assert_same(got: ns.Result, want: ns.Result) -> None:
    assert got.to_arrow().equals(want.to_arrow())
    assert got.to_pylist() == want.to_pylist()
    assert (got.notes, got.warnings, got.accounting) == (want.notes, want.warnings, want.accounting)


QUERIES = [
    ("aggregate", dict(by="drug,year")),
    ("aggregate", dict(by="country", where={"drug": "opiates"}, period="2010..2019")),
    ("top", dict(by="country", n=15, where={"drug": "cocaine"})),
    ("trend", dict(by="year", where={"drug": "heroin"})),
    ("compare", dict(by="drug", period=2019, vs=2018)),
]


@pytest.mark.parametrize("method,query", QUERIES, ids=[f"{m}-{i}" for i, (m, _) in enumerate(QUERIES)])
def test_unodc_in_uneven_partitions_is_exactly_the_single_pass(client: Any, method: str, query: dict) -> None:
    df = frame_of(UNODC)
    single = getattr(ns.SeizureTable.from_arrow(df), method)(**query)
    ddf = uneven(df, [0, 7, 20_000, 0, 1, 13_000, 3])
    assert ddf.npartitions == 8
    assert_same(getattr(nd, method)(ddf, split_every=3, **query), single)


def test_cbp_one_partition_per_row(client: Any) -> None:
    df = frame_of(CBP[1]).iloc[:60]
    single = ns.SeizureTable.from_arrow(df).aggregate(by="drug,fiscal-year", unit="lb")
    ddf = uneven(df, [1] * 60)
    assert ddf.npartitions == 61  # the last one empty
    assert_same(nd.aggregate(ddf, by="drug,fiscal-year", unit="lb", split_every=4), single)
    single_top = ns.SeizureTable.from_arrow(df).top(by="drug", n=5)
    assert_same(nd.top(ddf, by="drug", n=5), single_top)


def test_files_and_globs_give_the_single_pass_over_their_rows(client: Any, tmp_path: Path) -> None:
    lines = CBP[0].read_text().splitlines() + CBP[1].read_text().splitlines()[1:]
    (tmp_path / "all.csv").write_text("\n".join(lines) + "\n")
    single = ns.read_csv(tmp_path / "all.csv").trend(by="fiscal-year", where={"drug": "fentanyl"}, unit="lb")
    got = nd.trend([str(p) for p in CBP], by="fiscal-year", where={"drug": "fentanyl"}, unit="lb")
    assert got.to_arrow().equals(single.to_arrow())
    assert got.accounting == single.accounting
    merged = nd.partial(str(REF / "cbp-nationwide-fy*.csv"), "aggregate", by="drug")
    rows = [s["rows_read"] for s in merged.sources]
    assert rows == [len(p.read_text().splitlines()) - 1 for p in CBP]
    assert all(s["rows_read"] == s["rows_accepted"] + s["rows_rejected"] for s in merged.sources)
    # A list may hold globs too, as read_csv's does.
    mixed = nd.partial([str(REF / "cbp-nationwide-fy*.csv"), str(CBP[0])], "aggregate", by="drug")
    assert [s["rows_read"] for s in mixed.sources] == rows + rows[:1]


def test_a_file_with_bad_rows_is_reported_with_its_file_and_line(client: Any, tmp_path: Path) -> None:
    header = CBP[1].read_text().splitlines()[0]
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(header + "\n2024,OCT,OFO,R,L,X,Heroin,1,2\n")
    bad.write_text(header + "\n2024,OCT,OFO,R,L,X,Heroin,1,2\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n")
    with pytest.raises(Exception) as e:
        nd.aggregate([str(good), str(bad)], by="drug")
    assert f"{bad}:3:7" in str(e.value), str(e.value)
    assert "Unobtainium" in str(e.value)
    lenient = nd.partial([str(good), str(bad)], "aggregate", by="drug", read={"lenient": True})
    assert [(s["rows_read"], s["rows_accepted"], s["rows_rejected"]) for s in lenient.sources] == [(1, 1, 0), (2, 1, 1)]
    assert lenient.finish().accounting["rows"] == 2


def slow(frame: Any) -> Any:
    time.sleep(0.15)
    return frame


def test_a_worker_killed_mid_computation_is_retried_and_the_result_is_exact(client: Any) -> None:
    df = frame_of(UNODC)
    single = ns.SeizureTable.from_arrow(df).aggregate(by="drug,year")
    ddf = dd.from_pandas(df, npartitions=40).map_partitions(slow, meta=df.iloc[:0])
    pids_before = client.run(os.getpid)
    victim = sorted(pids_before.values())[0]
    killer = threading.Timer(1.0, os.kill, (victim, signal.SIGKILL))
    killer.start()
    try:
        got = nd.aggregate(ddf, by="drug,year", split_every=4)
    finally:
        killer.join()
    client.wait_for_workers(2, timeout=30)
    assert victim not in client.run(os.getpid).values(), "the worker was not killed"
    assert_same(got, single)
    assert got.accounting is not None and got.accounting["rows"] == len(df)  # counted once


def test_lenient_frames_are_refused_rather_than_losing_rejected_rows(client: Any) -> None:
    df = pd.DataFrame({"drug": ["heroin", "nonsense-drug"], "kg": [1.0, 2.0], "year": [2020, 2020]})
    with pytest.raises(ValueError, match="lenient=True is not supported for a Dask DataFrame"):
        nd.aggregate(dd.from_pandas(df, npartitions=1), by="drug", lenient=True)


def test_tables_results_and_partials_pickle_through_the_core_bytes() -> None:
    t = ns.read_csv(CBP[1])
    t2 = pickle.loads(pickle.dumps(t))
    assert t2.read_reports == t.read_reports and t2.read_report == t.read_report
    assert_same(t2.aggregate(by="drug,month"), t.aggregate(by="drug,month"))
    res = t.compare(by="drug", period="FY2024", vs="FY2023")
    assert_same(pickle.loads(pickle.dumps(res)), res)
    p = ns._narcostat.partial(t, "top", by="drug", n=3)
    assert_same(pickle.loads(pickle.dumps(p)).finish(), t.top(by="drug", n=3))
    data = bytearray(p.to_bytes())
    assert bytes(data[:4]) == b"NCST"
    data[5] = 200
    with pytest.raises(ValueError, match="written by a newer narcostat"):
        ns.Partial.from_bytes(bytes(data))
    with pytest.raises(ValueError, match="expected a result table"):
        ns.Result.from_bytes(p.to_bytes())
    damaged = bytearray(p.to_bytes())
    damaged[-3] ^= 0x15
    with pytest.raises(ValueError, match="damaged"):
        ns.Partial.from_bytes(bytes(damaged))


def test_import_narcostat_does_not_need_dask() -> None:
    import subprocess
    import sys

    code = "import sys; sys.modules['dask'] = None; import narcostat; import narcostat.dask"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert "pip install 'narcostat[dask]'" in out.stderr
    ok = subprocess.run([sys.executable, "-c", "import sys; sys.modules['dask'] = None; import narcostat"])
    assert ok.returncode == 0
