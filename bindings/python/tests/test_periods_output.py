"""Issue 11, defects 8 and 10 through Python: out-of-range and reversed periods,
JSON without records, filters without a value."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest

import narcostat as ns

HEADER = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n"

Row = Tuple[str, str, int, int]


def unodc(path: Path, rows: List[Row]) -> Path:
    path.write_text(HEADER + "".join(f"Asia,{c},{c},Opioids,{d},{y},{kg}\n" for c, d, y, kg in rows))
    return path


@pytest.fixture
def table(tmp_path: Path) -> ns.SeizureTable:
    return ns.read_csv(unodc(tmp_path / "u.csv", [("IRN", "Opium", 2018, 100), ("IRN", "Opium", 2017, 90)]))


@pytest.mark.parametrize("period", ["10000", "9999", "FY3000", "1582", "3000-01"])
def test_out_of_range_periods_raise(table: ns.SeizureTable, period: str) -> None:
    for call in (
        lambda: table.aggregate(by="drug", period=period),
        lambda: table.top(by="drug", period=period),
        lambda: table.trend(by="year", period=period),
        lambda: table.compare(by="drug", period=period, vs="2017"),
        lambda: table.compare(by="drug", period="2018", vs=period),
        lambda: ns.bulletin(period=period),
    ):
        with pytest.raises(ns.QueryError, match="supported range 1583-01-01..2999-12-31"):
            call()


def test_a_reversed_period_has_its_own_error(table: ns.SeizureTable) -> None:
    with pytest.raises(ns.QueryError, match="is reversed: it ends before it starts") as e:
        table.aggregate(by="drug", period="2021..2020")
    assert "65,536" not in str(e.value)
    with pytest.raises(ns.QueryError, match="reversed"):
        ns.bulletin(period="2021-03-01..2021-02-28")


def test_the_range_ends_are_accepted(tmp_path: Path) -> None:
    t = ns.read_csv(unodc(tmp_path / "ends.csv", [("IRN", "Opium", 1583, 3), ("IRN", "Opium", 2999, 4)]))
    rows = t.aggregate(by="year", period="1583..2999").to_pylist()
    assert {r["year"]: r["mass_kg"] for r in rows} == {1583: 3, 2999: 4}


def test_a_year_outside_the_range_is_a_rejected_row(tmp_path: Path) -> None:
    rows: List[Row] = [("IRN", "Opium", 2018, 100), ("IRN", "Heroin", 9999, 50), ("AFG", "Opium", 2018, 7), ("IRN", "Opium", 1399, 9)]
    p = unodc(tmp_path / "years.csv", rows)
    with pytest.raises(ns.ParseError, match="outside the supported range") as e:
        ns.read_csv(p)
    assert (e.value.line, e.value.column, e.value.value, e.value.kind) == (3, 6, "9999", "bad_date")
    t, rejected = ns.read_csv(p, lenient=True)
    assert [(r["line"], r["column"]) for r in rejected] == [(3, 6), (5, 6)]
    assert "Solar Hijri" in rejected[1]["message"] and "SH1399" in rejected[1]["message"]
    # The rest adds up exactly as a naive sum over the supported years.
    expected = sum(kg for _, _, year, kg in rows if 1583 <= year <= 2999)
    assert t.aggregate().to_pylist()[0]["mass_kg"] == expected


@pytest.mark.parametrize("where", [{"drug": ""}, {"drug": " "}, {"drug": []}, {"country": "IRN", "drug": ""}])
def test_a_filter_without_a_value_raises(table: ns.SeizureTable, where: dict) -> None:
    with pytest.raises(ns.QueryError, match="has no value"):
        table.aggregate(by="drug", where=where)


@pytest.mark.parametrize(
    "records, message",
    [
        ({}, 'no "seizures", "reported_totals" or "activities" key'),
        ("{}", 'no "seizures", "reported_totals" or "activities" key'),
        ({"seizure": []}, 'unknown top-level key "seizure" \\(did you mean "seizures"\\?\\)'),
    ],
)
def test_json_without_records_or_with_a_misspelt_key_raises(records: object, message: str) -> None:
    with pytest.raises(ns.ParseError, match=message):
        ns.bulletin(records)


def test_a_reversed_period_in_a_dataset_raises() -> None:
    month = ns.embedded_month()
    first = month["seizures"][0]["period"]
    first["start"], first["end"] = first["end"], first["start"]
    with pytest.raises(ns.ParseError, match="reversed"):
        ns.bulletin(month)
