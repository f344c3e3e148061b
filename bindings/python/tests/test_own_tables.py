"""Users' own tables through Python: plain CSVs, mappings, Solar Hijri dates,
lists and globs of mixed layouts, and data frames with unusual column names.
Every figure is compared with pandas computing the same from the raw file."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import narcostat as ns

REFERENCE = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REFERENCE / "unodc-annual-2012-2016.csv"
CBP = REFERENCE / "cbp-amo-fy19-fy22.csv"
LB_IN_UG = Decimal("453592370")


def by_drug(table: ns.SeizureTable, **kw) -> dict:
    """drug -> (mass_kg as Decimal, records)."""
    return {r["drug"]: (r["mass_kg"] or Decimal(0), r["records"]) for r in table.aggregate(by="drug", **kw).to_pylist()}


def kg_exact(values) -> Decimal:
    """pandas' column of kg texts summed exactly."""
    return sum((Decimal(v) for v in values if v != ""), Decimal(0))


def lb_rows_in_kg(values) -> Decimal:
    """CBP pounds, each row to whole micrograms (half to even), summed, in kg."""
    ug = sum((Decimal(v) * LB_IN_UG).quantize(Decimal(1)) for v in values if v != "")
    return Decimal(ug) / Decimal(10**9)


def unodc_frame() -> pd.DataFrame:
    return pd.read_csv(UNODC, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def cbp_frame() -> pd.DataFrame:
    return pd.read_csv(CBP, dtype=str, keep_default_na=False)


PLAIN = "date,country,province,drug,quantity,unit\n2021-02-01,IRN,Tehran,Opium,1200.5,kg\n2021-02-03,IRN,Fars,Heroin,30,kg\n2021-03-07,IRN,Fars,Opium,750,g\n"


def test_a_plain_csv_reads_with_no_options(tmp_path):
    path = tmp_path / "seizures.csv"
    path.write_text(PLAIN)
    raw = pd.read_csv(path, dtype=str)
    expected = {}
    for drug, g in raw.groupby("drug"):
        kg = sum(Decimal(q) / (1000 if u == "g" else 1) for q, u in zip(g.quantity, g.unit))
        expected[drug] = (kg, len(g))
    got = by_drug(ns.read_csv(path))
    assert got == expected
    assert ns.read_csv(str(path)).read_report["rows_read"] == len(raw)


GERMAN = "Stoff,Menge,Datum,Land\nHeroin,1.5,2021-03-04,IRN\nOpium,2,2021-03-05,IRN\nOpium,0.25,2021-04-01,AFG\n"
MAPPING = {"drug": "Stoff", "quantity": "Menge", "date": "Datum", "country": "Land"}


def test_a_csv_needing_a_mapping_reads_with_columns_and_unit(tmp_path):
    path = tmp_path / "beschlagnahmen.csv"
    path.write_text(GERMAN)
    raw = pd.read_csv(path, dtype=str)
    expected = {d: (kg_exact(g.Menge), len(g)) for d, g in raw.groupby("Stoff")}
    table = ns.read_csv(path, columns=MAPPING, unit="kg")
    assert by_drug(table) == expected
    report = table.read_report
    assert report["rows_read"] == report["rows_accepted"] + report["rows_rejected"] == len(raw)
    with pytest.raises(ns.QueryError, match='did you mean "drug"'):
        ns.read_csv(path, columns={"drgu": "Stoff"})


def test_solar_hijri_dates_read_with_the_calendar(tmp_path):
    # Hand-converted: 1399/11/12 = 2021-01-31, 1399/12/10 = 2021-02-28,
    # 1399/12/30 = 2021-03-20, 1400/01/01 = 2021-03-21.
    text = "date,drug,quantity,unit\n1399/11/12,Opium,10,kg\n1399/12/10,Opium,20,kg\n1399/12/30,Opium,30,kg\n1400/01/01,Opium,40,kg\n"
    path = tmp_path / "iran.csv"
    path.write_text(text)
    rows = ns.read_csv(path, calendar="solar-hijri").aggregate(by="month").to_pylist()
    assert [(str(r["month"]), r["mass_kg"]) for r in rows] == [("2021-01", 10), ("2021-02", 20), ("2021-03", 70)]


def test_a_list_and_a_glob_of_mixed_layouts_give_one_table_and_reports_per_file(tmp_path):
    shutil.copy(UNODC, tmp_path / "a.csv")
    shutil.copy(CBP, tmp_path / "b.csv")
    u, c = unodc_frame(), cbp_frame()
    heroin = kg_exact(u[u.Drug == "Heroin"].KgEquivalent) + lb_rows_in_kg(c[c["Drug Type"] == "Heroin"]["Sum Qty (lbs)"])
    for table in (ns.read_csv([UNODC, CBP]), ns.read_csv(str(tmp_path / "*.csv"))):
        assert by_drug(table)["Heroin"] == (heroin, int((u.Drug == "Heroin").sum() + (c["Drug Type"] == "Heroin").sum()))
        reports = table.read_reports
        assert [r["format"] for r in reports] == ["unodc-subregional", "cbp"]
        assert [r["rows_read"] for r in reports] == [len(u), len(c)]
        total = table.read_report
        assert total["rows_read"] == len(u) + len(c) == total["rows_accepted"] + total["rows_rejected"]
        assert len(table) == len(u) + len(c)
    # concat gives the same figures as reading both at once.
    both = ns.SeizureTable.concat([ns.read_csv(UNODC), ns.read_csv(CBP)])
    assert by_drug(both) == by_drug(ns.read_csv([UNODC, CBP]))
    assert [r["format"] for r in both.read_reports] == ["unodc-subregional", "cbp"]


def test_a_glob_matching_nothing_names_the_pattern(tmp_path):
    with pytest.raises(ns.QueryError, match="the pattern matches no file"):
        ns.read_csv(str(tmp_path / "*.csv"))


FRAME = {"Stoff": ["Opium", "Heroin", "Opium"], "Menge": ["1.25", "2.5", "3"], "Jahr": [2020, 2020, 2021]}
COLUMNS = {"drug": "Stoff", "quantity": "Menge", "year": "Jahr"}


def expected_frame() -> dict:
    raw = pd.DataFrame(FRAME)
    return {d: (kg_exact(g.Menge), len(g)) for d, g in raw.groupby("Stoff")}


def test_pandas_and_polars_frames_with_unusual_names_read_with_columns():
    polars = pytest.importorskip("polars")
    frames = [pd.DataFrame(FRAME), polars.DataFrame(FRAME), polars.DataFrame(FRAME).lazy()]
    for frame in frames:
        table = ns.SeizureTable.from_arrow(frame, columns=COLUMNS, unit="kg")
        assert by_drug(table) == expected_frame(), type(frame)
        assert table.read_report["rows_read"] == 3


def test_a_duckdb_result_with_unusual_names_reads_with_columns():
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    df = pd.DataFrame(FRAME)
    result = duckdb.sql("SELECT * FROM df").arrow()
    assert by_drug(ns.SeizureTable.from_arrow(result, columns=COLUMNS, unit="kg")) == expected_frame()


def test_from_arrow_errors_list_the_names_it_recognises():
    with pytest.raises(ns.ParseError, match='no drug column: name one "substance", "drug"') as e:
        ns.SeizureTable.from_arrow(pd.DataFrame(FRAME))
    assert '"Stoff", "Menge", "Jahr"' in str(e.value)
    with pytest.raises(ns.ParseError, match='the mapping quantity="Qty" names no column'):
        ns.SeizureTable.from_arrow(pd.DataFrame(FRAME), columns={"drug": "Stoff", "quantity": "Qty"})
    assert "substance" in (ns.SeizureTable.from_arrow.__doc__ or "")


def test_the_decimal_mark_settles_an_ambiguous_semicolon_column(tmp_path):
    """2,125 in a ';' file is refused until decimal= says which mark it is; the
    figure by hand (2.125 + 1000.5) and by pandas with decimal=','."""
    import pandas as pd

    path = tmp_path / "semi.csv"
    path.write_text("substance;weight (kg);year\nheroin;2,125;2019\nheroin;1.000,5;2019\n")
    with pytest.raises(ns.NarcostatError, match="2,125"):
        ns.read_csv(path)
    table = ns.read_csv(path, decimal="comma")
    got = table.aggregate(by="drug").to_pylist()[0]["mass_kg"]
    want = pd.read_csv(path, sep=";", decimal=",", thousands=".")["weight (kg)"].sum()
    assert str(got) == "1002.625" and abs(float(got) - want) < 1e-9
    with pytest.raises(ns.NarcostatError, match="did you mean"):
        ns.read_csv(path, decimal="komma")
