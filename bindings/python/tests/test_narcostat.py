"""The Python API, on the embedded month and the repository's reference files."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

import narcostat as ns

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REF / "unodc-annual-1970-2019.csv"
CBP = REF / "cbp-nationwide-fy23-fy26-dec.csv"


def row(result: ns.Result, **key: object) -> dict:
    rows = [r for r in result.to_pylist() if all(r.get(k) == v for k, v in key.items())]
    assert len(rows) == 1, rows
    return rows[0]


def test_read_csv_unodc_opium_2018() -> None:
    t = ns.read_csv(UNODC)
    assert len(t) == 51_201
    res = t.aggregate(by=["drug", "year"], where={"drug": "opium"}, period="2018")
    assert round(row(res, drug="Opium", year=2018)["mass_kg"]) == 703_605
    assert res.accounting is not None and res.accounting["rows"] == 51_201


def test_iran_2012_2016() -> None:
    t = ns.read_csv(UNODC)
    res = t.aggregate(by=["drug", "year"], where={"country": "IRN"}, period="2012..2016")
    assert row(res, drug="Opium", year=2012)["mass_kg"] == 387_606
    assert row(res, drug="Opium", year=2012)["records"] == 3


def test_cbp_fentanyl_fy2024() -> None:
    t = ns.read_csv(CBP)
    res = t.aggregate(by="drug,fiscal-year", where={"drug": "fentanyl"}, unit="lb")
    fy = row(res, drug="Fentanyl", **{"fiscal-year": "FY2024"})
    assert round(fy["mass_lb"], 2) == Decimal("21889.21")
    assert fy["seizures"] == 1_116


def test_lenient_returns_rejections(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(CBP.read_text().splitlines()[0] + "\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n2024,OCT,OFO,R,L,X,Heroin,1,2\n")
    t, rejected = ns.read_csv(p, lenient=True)
    assert len(t) == 1
    assert rejected[0]["line"] == 2 and rejected[0]["column"] == 7
    assert "Unobtainium" in rejected[0]["message"]
    with pytest.raises(ns.UnknownSubstanceError) as e:
        ns.read_csv(p)
    assert e.value.line == 2 and e.value.column == 7 and e.value.value == "Unobtainium"
    assert str(e.value).startswith(f"{p}:2:7")
    assert isinstance(e.value, ns.ParseError) and isinstance(e.value, ns.NarcostatError)


def test_same_answers_from_csv_arrow_polars_pandas() -> None:
    import pandas as pd
    import polars as pl

    df = pd.read_csv(CBP)
    df = df.rename(columns={"Drug Type": "drug", "Sum Qty (lbs)": "lbs", "Count of Event": "seizures"})
    df["date"] = df["FY"].astype(str).str[:4]  # fiscal year as a whole-year period is enough here
    df = df[["drug", "lbs", "seizures", "date"]]
    df["date"] = "FY" + df["date"]
    by_pandas = ns.from_pandas(df).aggregate(by="drug")
    by_arrow = ns.SeizureTable.from_arrow(pa.Table.from_pandas(df, preserve_index=False)).aggregate(by="drug")
    by_polars = ns.SeizureTable.from_arrow(pl.from_pandas(df)).aggregate(by="drug")
    by_csv = ns.read_csv(CBP).aggregate(by="drug")
    a, b, c, d = (r.to_pylist() for r in (by_pandas, by_arrow, by_polars, by_csv))
    assert a == b == c
    for x, y in zip(a, d):
        assert x["drug"] == y["drug"]
        assert math.isclose(x["mass_kg"], y["mass_kg"], rel_tol=0, abs_tol=1e-6)
        assert x["seizures"] == y["seizures"]
    # and the same as pandas groupby().sum() within exact-unit rounding
    expected = df.groupby("drug")["lbs"].sum() * 0.45359237
    names = {"Marijuana": "Cannabis herb", "Ecstasy": "Ecstasy-type substances", "Lsd": "LSD", "Other Drugs**": "Other drugs", "Khat (Catha Edulis)": "Khat"}
    for name, kg in expected.items():
        got = row(by_arrow, drug=names.get(name, name))["mass_kg"]
        assert math.isclose(got, kg, rel_tol=1e-12, abs_tol=1e-6), name


def test_outputs() -> None:
    t = ns.read_csv(UNODC)
    res = t.aggregate(by=["drug-group"], period="2019")
    arrow = res.to_arrow()
    assert arrow.schema.field("mass_kg").type == pa.decimal128(38, 9)
    assert res.to_pandas()["mass_kg"].dtype == "float64"
    assert res.to_polars().height == len(res)
    assert res.columns[:3] == ["drug-group", "mass_kg", "volume_l"]
    assert "<table>" in res._repr_html_() and "narcostat.Result" in repr(res)


def test_top_and_compare() -> None:
    t = ns.read_csv(UNODC)
    top = t.top(by="drug", n=5, period="2018").to_pylist()
    assert [r["rank"] for r in top] == [1, 2, 3, 4, 5]
    assert top[0]["drug"] == "Cannabis herb"
    assert all(top[i]["mass_kg"] >= top[i + 1]["mass_kg"] for i in range(4))
    cmp = t.compare(by="drug", period="2012", vs="2011", where={"country": "IRN", "drug": "opium"}).to_pylist()
    assert cmp[0]["change_kg"] == 13_788 and cmp[0]["status"] == "both" and cmp[0]["is_total"] is False
    assert cmp[-1]["is_total"] is True and cmp[-1]["drug"] is None


def test_bulletin_and_check_total() -> None:
    text = ns.bulletin()
    assert "The highest seized type was Opium with 47,767 kg" in text
    assert "difference 176 kg (0.30%)" in text
    assert "120 (heading) vs 122 (text)" in text
    md = ns.bulletin(ns.embedded_month(), period="2021-01-30..2021-02-28", format="markdown")
    assert "| 1 | Opium | 47,767 | 82.06% |" in md
    c = ns.check_total(stated="about 58383 kg", items=["47767 kg", "5637 kg", "2304 kg", "1144 kg", "764 kg", "304 kg", "287 kg"])
    assert (c["stated"], c["items"], c["difference"], round(c["relative"] * 100, 2)) == ("58383", "58207", "176", 0.3)
    with pytest.raises(ns.UnitMismatchError):
        ns.check_total("about 5 kg", ["2 l"])


def test_bad_input_from_python() -> None:
    t = ns.read_csv(UNODC)
    with pytest.raises(ns.QueryError, match="invalid type: integer `42`"):
        t.aggregate(by=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ns.SeizureTable.from_arrow([1, 2, 3])
    with pytest.raises(ns.QueryError):
        t.aggregate(by="colour")
    with pytest.raises(ns.QueryError):
        t.aggregate(by="drug", where={"drug": "unobtainium"})
    with pytest.raises(ns.QueryError):
        t.aggregate(by="drug", period="2021-13")
    with pytest.raises(ns.ParseError, match="no drug column"):
        ns.SeizureTable.from_arrow(pa.table({"colour": ["red"]}))
    empty = ns.SeizureTable.from_arrow(pa.table({"drug": pa.array([], pa.string()), "kg": pa.array([], pa.float64()), "year": pa.array([], pa.int64())}))
    assert len(empty) == 0 and len(empty.aggregate(by="drug")) == 0
    bad = pa.table({"drug": ["Opium", "Opium", "Opium", "Opium"], "kg": [1.0, float("nan"), -2.0, None], "year": [2020, 2020, 2020, 2020]})
    with pytest.raises(ns.ParseError) as e:
        ns.SeizureTable.from_arrow(bad)
    assert e.value.line == 2 and e.value.kind == "bad_number"
    t2, rejected = ns.SeizureTable.from_arrow(bad, lenient=True)
    assert len(t2) == 2 and [r["line"] for r in rejected] == [2, 3]
    res = t2.aggregate(by="drug")
    assert res.to_pylist()[0]["records_without_quantity"] == 1


def test_span_rule_and_seed_month() -> None:
    import json

    t = ns.SeizureTable.from_json(json.dumps(ns.embedded_month()))
    weekly = t.aggregate(by="week")
    assert weekly.accounting is not None and weekly.accounting["unattributed"] == 7
    assert [r["attributable"] for r in weekly.to_pylist()] == [False]
    by_end = t.aggregate(by="week", span_rule="by-end").to_pylist()
    assert by_end[0]["week"] == "2021-W08" and by_end[0]["mass_kg"] == 58_207


def test_spreadsheets() -> None:
    xlsx = REF.parent / "fixtures" / "cbp-fy24-fentanyl.xlsx"
    res = ns.read_csv(xlsx).aggregate(by="drug", unit="lb")
    assert round(res.to_pylist()[0]["mass_lb"], 2) == Decimal("21889.21")
    with pytest.raises(ns.ParseError, match="no sheet named"):
        ns.read_csv(xlsx, sheet="Nope")


def test_trend() -> None:
    t = ns.read_csv(UNODC)
    rows = t.trend(by="year", where={"drug": "opium", "country": "IRN"}, period="2011..2012").to_pylist()
    assert [(r["year"], r["mass_kg"], r["change_kg"]) for r in rows] == [(2011, 373_818, None), (2012, 387_606, 13_788)]
    assert rows[1]["change_percent"] == Decimal("3.7")
