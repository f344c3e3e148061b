"""Issue 12 through Python: keywords deserialise into the core's specs (every
word with "did you mean"), results are typed (exact decimals, integer years,
booleans), drug words match their widest meaning, the vocabulary is the core's."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import narcostat as ns

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REF / "unodc-annual-1970-2019.csv"
CBP = REF / "cbp-nationwide-fy23-fy26-dec.csv"
KG = pa.decimal128(38, 9)


@pytest.fixture(scope="module")
def unodc() -> ns.SeizureTable:
    return ns.read_csv(UNODC)


def test_cocaine_is_the_family_and_colombia_ranks_first_in_2017(unodc: ns.SeizureTable) -> None:
    top = unodc.top(by="country", n=2, where={"drug": "cocaine"}, period=2017)
    rows = top.to_pylist()
    assert [(r["rank"], r["country"], r["country_name"]) for r in rows] == [(1, "COL", "Colombia"), (2, "USA", "United States of America")]
    assert rows[0]["mass_kg"] == Decimal("489481.26") and rows[1]["mass_kg"] == Decimal("223700")
    assert any("covered: " in n and "Crack cocaine" in n for n in top.notes)
    # pandas from the raw file: every cocaine row (coca leaf, bush and seed apart), per country
    df = pd.read_csv(UNODC)
    family = df["Drug"].str.contains("cocaine", case=False) & ~df["Drug"].isin(["Coca leaf", "Coca bush", "Coca seed"])
    by_country = df[family & (df["Year"] == 2017)].groupby("ISO Code")["KG Equivalent"].sum().sort_values(ascending=False)
    assert list(by_country.index[:2]) == ["COL", "USA"]
    assert round(Decimal(str(float(by_country.iloc[0]))), 2) == rows[0]["mass_kg"]
    assert by_country.iloc[1] == 223_700


def test_period_as_int_or_text(unodc: ns.SeizureTable) -> None:
    assert unodc.aggregate(by="drug-group", period=2018).to_pylist() == unodc.aggregate(by="drug-group", period="2018").to_pylist()


def test_negative_n_is_a_value_error(unodc: ns.SeizureTable) -> None:
    with pytest.raises(ValueError, match="n must be 1 or more, not -1"):
        unodc.top(by="country", n=-1)
    assert len(unodc.top(by="drug-group", n=None, period=2018)) == len(unodc.aggregate(by="drug-group", period=2018))


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda t: t.aggregate(by="contry"), '"country"'),
        (lambda t: t.aggregate(by="drug", where={"drug": "cocain"}), "Cocaine"),
        (lambda t: t.aggregate(by="drug", unit="kgg"), '"kg"'),
        (lambda t: t.aggregate(by="year", span_rule="by-strt"), '"by-start"'),
        (lambda t: t.top(by="drug", measure="mas"), '"mass"'),
        (lambda t: t.equivalents(by="year", basis="heroine"), '"heroin-equivalent"'),
        (lambda t: t.top(by="year,country", within="yaer"), '"year"'),
    ],
)
def test_misspelt_words_raise_with_did_you_mean(unodc: ns.SeizureTable, call: object, word: str) -> None:
    with pytest.raises(ns.NarcostatError, match="did you mean") as e:
        call(unodc)  # type: ignore[operator]
    assert word in str(e.value)


def test_misspelt_read_words_raise_with_did_you_mean() -> None:
    with pytest.raises(ns.QueryError, match='did you mean "cbp"'):
        ns.read_csv(CBP, format="cbb")
    with pytest.raises(ns.QueryError, match="did you mean"):
        ns.bulletin(format="markdwn")
    with pytest.raises(ns.QueryError, match="unknown field `wher`"):
        ns.read_csv(CBP).aggregate(by="drug", wher={"drug": "heroin"})


def test_unit_lb_on_cbp_is_the_files_own_pound_sum() -> None:
    df = pd.read_csv(CBP)
    res = ns.read_csv(CBP).aggregate(by="drug", unit="lb")
    assert "mass_lb" in res.columns and "mass_kg" not in res.columns
    got = {r["drug"]: r["mass_lb"] for r in res.to_pylist()}
    expected = df.groupby("Drug Type")["Sum Qty (lbs)"].sum()
    assert float(sum(got.values())) == pytest.approx(df["Sum Qty (lbs)"].sum(), abs=1e-4)
    assert float(got["Fentanyl"]) == pytest.approx(expected["Fentanyl"], abs=1e-6)
    for method in ("top", "trend", "compare"):
        kw = {"period": "FY2024", "vs": "FY2023"} if method == "compare" else {}
        by = "fiscal-year" if method == "trend" else "drug"
        assert any("_lb" in c for c in getattr(ns.read_csv(CBP), method)(by=by, unit="lb", **kw).columns), method


def test_every_result_kind_round_trips_through_arrow_with_typed_columns(unodc: ns.SeizureTable) -> None:
    iran = {"country": "IRN"}
    agg = unodc.aggregate(by="drug,year", where=iran, period="2012..2013").to_arrow().schema
    assert (agg.field("year").type, agg.field("mass_kg").type, agg.field("seizures").type) == (pa.int64(), KG, pa.int64())
    top = unodc.top(by="year,country", within="year", period="2018..2019", n=3).to_arrow().schema
    assert (top.field("rank").type, top.field("mass_kg").type, top.field("share_of_mass").type) == (pa.int64(), KG, pa.decimal128(38, 6))
    trend = unodc.trend(by="year", where=iran, period="2011..2012").to_arrow().schema
    assert (trend.field("year").type, trend.field("change_kg").type, trend.field("change_percent").type) == (pa.int64(), KG, pa.decimal128(38, 1))
    cmp = unodc.compare(by="drug", period=2012, vs=2011, where=iran).to_arrow()
    assert (cmp.schema.field("mass_kg_current").type, cmp.schema.field("is_total").type, cmp.schema.field("status").type) == (KG, pa.bool_(), pa.string())
    assert cmp.column("is_total").to_pylist()[-1] is True
    eq = unodc.equivalents(by="year", where=iran, period=2012).to_arrow().schema
    assert (eq.field("year").type, eq.field("equivalent_kg").type) == (pa.int64(), KG)
    for res in (unodc.aggregate(by="drug", period=2012), unodc.top(by="country", period=2012)):
        assert res.to_arrow().to_pylist() == res.to_pylist()


def test_shares_within_each_year(unodc: ns.SeizureTable) -> None:
    rows = unodc.top(by="year,country", within="year", period="2018..2019", n=1, where={"drug": "opium"}).to_pylist()
    assert [(r["year"], r["rank"], r["country"]) for r in rows] == [(2018, 1, "IRN"), (2019, 1, "IRN")]
    assert all(Decimal("0.5") < r["share_of_mass"] <= 1 for r in rows)


def test_a_filter_matching_nothing_warns(tmp_path: Path) -> None:
    p = tmp_path / "u.csv"
    p.write_text("Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\nAsia,Iran,IRN,Opioids,Opium,2018,100\n")
    with pytest.warns(ns.CoverageWarning, match="drug=Cocaine matched no rows in this table") as w:
        res = ns.read_csv(p).aggregate(by="drug", where={"drug": "cocaine"})
    assert len(w) == 1 and res.warnings == ["drug=Cocaine matched no rows in this table"] and len(res) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ns.read_csv(p).aggregate(by="drug", where={"drug": "opium"})


def test_result_shows_itself(unodc: ns.SeizureTable) -> None:
    res = unodc.aggregate(by="drug-group", period=2019)
    assert res.kind == "aggregate" and unodc.top(by="drug").kind == "ranking"
    assert "<table>" in res._repr_html_() and "<th>mass_kg</th>" in res._repr_html_()
    assert repr(res).startswith("<narcostat.Result: ") and "mass_kg" in repr(res)


def test_vocabulary_drugs_and_resolve() -> None:
    cocaine = ns.resolve("cocaine")
    assert (cocaine["level"], cocaine["name"]) == ("family", "Cocaine") and "crack" in cocaine["drugs"]
    assert ns.resolve("opioids")["level"] == "group"
    with pytest.raises(ns.UnknownSubstanceError, match="did you mean"):
        ns.resolve("cocain")
    drugs = ns.drugs()
    assert {"group", "family", "drug", "slug", "names"} <= set(drugs[0])
    assert any(d["family"] == "Cocaine" and d["drug"] == "Crack cocaine" for d in drugs)
    words = ns.vocabulary()
    assert "country" in words["dimensions"] and "drug-family" in words["dimensions"] and "lb" in words["units"]
