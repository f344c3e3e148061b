"""The checks that need all rows, across processes: a CBP reference table
(with planted duplicates) written as several row-range files, checked by
``narcostat.dask.check`` on a two-worker LocalCluster, gives the same
duplicate groups and outliers (compared by the records' text, since lines
differ between the split files and the whole) as ``narcostat.check_file``
on the whole file, and counts every row once."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import narcostat as ns

distributed = pytest.importorskip("distributed")
nd = pytest.importorskip("narcostat.dask")

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
CBP = REF / "cbp-nationwide-fy19-fy22.csv"


def planted(lines: List[str]) -> List[str]:
    """The data lines with duplicates planted: rows repeated next to
    themselves (identical records) and rows copied, with another component
    (agency), to the end (the same seizure from two agencies)."""
    out: List[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i % 997 == 5:
            out.extend([line, line])
    for line in lines[100:103]:
        fields = line.split(",")
        fields[2] = "Air and Marine Operations" if fields[2] != "Air and Marine Operations" else "U.S. Border Patrol"
        out.append(",".join(fields))
    return out


def text_of(at: str, files: Dict[str, List[str]]) -> str:
    """The text of the line at ``file:line``."""
    file, line = at.rsplit(":", 1)
    return files[file][int(line) - 1]


def content(report: Dict[str, Any], files: Dict[str, List[str]]) -> Tuple[Any, Any]:
    groups = [
        (g["kind"], g["count"], g["sources"], [text_of(a, files) for a in g["records"]]) for g in report["duplicates"]
    ]
    outliers = [
        (text_of(o["at"], files), o["quantity"], o["median"], o["ratio"], o["group_size"]) for o in report["outliers"]
    ]
    return groups, outliers


@pytest.mark.parametrize("cuts", [[3000, 3001, 7000], [1, 2, 3008, 5000, 9999]])
def test_cbp_split_in_files_is_checked_as_the_whole_file(client: Any, tmp_path: Path, cuts: List[int]) -> None:
    header, *rows = CBP.read_text().splitlines()
    rows = planted(rows)
    # A file is a document: identical rows cut into two files would be the
    # same seizure from two documents (across_sources), so no cut parts them.
    cuts = [next(c for c in range(cut, len(rows)) if rows[c - 1] != rows[c]) for cut in cuts]
    whole = tmp_path / "whole.csv"
    whole.write_text("\n".join([header, *rows]) + "\n")
    files = {str(whole): whole.read_text().splitlines()}
    paths = []
    for i, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(rows)])):
        part = tmp_path / f"part-{i}.csv"
        part.write_text("\n".join([header, *rows[a:b]]) + "\n")
        files[str(part)] = part.read_text().splitlines()
        paths.append(str(part))

    single = ns.check_file(whole)
    got = nd.check(paths, split_every=2)

    assert content(got, files) == content(single, files)
    # What was planted is found: 11 identical pairs-of-three, 3 seizures from two agencies.
    kinds = [(g["kind"], g["count"]) for g in got["duplicates"]]
    assert kinds.count(("identical", 3)) == len(range(5, 10092, 997))
    assert kinds.count(("across_sources", 2)) >= 3
    assert len(got["outliers"]) > 100
    assert got["duplicates_heading"] == single["duplicates_heading"]
    assert got["outliers_heading"] == single["outliers_heading"]
    assert [s["rows_read"] for s in got["sources"]] == [b - a for a, b in zip([0, *cuts], [*cuts, len(rows)])]
    assert sum(s["rows_accepted"] for s in got["sources"]) == single["sources"][0]["rows_accepted"] == len(rows)


def test_a_check_partial_pickles_and_refuses_a_file_merged_twice(tmp_path: Path) -> None:
    partial = ns.CheckPartial.from_bytes(pickle.loads(pickle.dumps(ns.check_partial_of_file(CBP, 0).to_bytes())))
    again = pickle.loads(pickle.dumps(partial))
    assert len(again) == 10092
    assert again.finish() == ns.check_file(CBP)
    with pytest.raises(ValueError, match="partition 0 is in both check partials"):
        partial.merge(again)
    with pytest.raises(TypeError, match="expected a path"):
        nd.check(42)
