"""Row interpretation from Python (issue 11, defects 5, 11 and 13): one path
for CSV files and Arrow tables, every column read or reported, garbage
cells rejected with their value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

import narcostat as ns

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REF / "unodc-annual-1970-2019.csv"
INDIA = REF / "india-ncb-by-state-2018-2024-wide.csv"
COUNTED = ["Cannabis plants", "Poppy plants", "Coca bush"]


def rows(t: ns.SeizureTable, **query: object) -> list[dict]:
    return t.aggregate(**query).to_pylist()


def test_unodc_reads_the_same_from_csv_pyarrow_and_pandas() -> None:
    """Defect 13: plant rows were kilograms through from_arrow (cannabis-type
    2018: 9,602,875 kg) and plants through read_csv (5,738,806 kg)."""
    query = {"by": ["drug-group", "year"], "period": "2018"}
    by_csv = rows(ns.read_csv(UNODC), **query)
    by_pyarrow = rows(ns.SeizureTable.from_arrow(pacsv.read_csv(UNODC)), **query)
    df = pd.read_csv(UNODC)
    by_pandas = rows(ns.SeizureTable.from_arrow(df), **query)
    by_strings = rows(ns.SeizureTable.from_arrow(pd.read_csv(UNODC, dtype=str, keep_default_na=False)), **query)
    assert by_pyarrow == by_csv
    assert by_pandas == by_csv
    assert by_strings == by_csv
    # An independent oracle: pandas' own sum of the rows that are kilograms.
    y = df[(df["Year"] == 2018) & (df["Drug Group"] == "Cannabis-type")]
    kg = y[~y["Drug"].isin(COUNTED)]["KG Equivalent"].sum()
    plants = y[y["Drug"].isin(COUNTED)]["KG Equivalent"].sum()
    cannabis = next(r for r in by_csv if r["drug-group"] == "Cannabis-type")
    assert float(cannabis["mass_kg"]) == pytest.approx(kg, abs=1e-3)
    assert round(cannabis["mass_kg"]) == 5_738_806
    assert float(cannabis["count_plants"]) == pytest.approx(plants, abs=1e-3)


def test_a_wide_table_reads_the_same_from_csv_and_arrow() -> None:
    by_csv = rows(ns.read_csv(INDIA, country="IND"), by="drug")
    by_arrow = rows(ns.SeizureTable.from_arrow(pacsv.read_csv(INDIA), country="IND"), by="drug")
    assert by_arrow == by_csv
    df = pd.read_csv(INDIA)
    ganja = next(r for r in by_csv if r["drug"] == "Cannabis herb")
    assert float(ganja["mass_kg"]) == pytest.approx(df["Ganja_Kg"].sum(), abs=1e-6)


def test_a_wide_total_row_is_not_summed(tmp_path: Path) -> None:
    """Defect 5: plants, tablets and litres were dropped; the Total row doubled heroin."""
    p = tmp_path / "wide.csv"
    p.write_text(
        "Year,State,Heroin_Kg,Ganja_Kg,Cannabis_Plants,Alprazolam_Tablets,Codeine_L,Total_Kg\n"
        "2020,Punjab,10,5,400,1200,3.5,15\n2020,Assam,1,0,0,30,0,1\n2020,Total,11,5,400,1230,3.5,16\n"
    )
    states = pd.read_csv(p).query("State != 'Total'")
    for t in (ns.read_csv(p), ns.SeizureTable.from_arrow(pd.read_csv(p))):
        got = {r["drug"]: r for r in rows(t, by="drug")}
        assert got["Heroin"]["mass_kg"] == int(states["Heroin_Kg"].sum())
        # each kind of item in its own column: plants and tablets never add up
        assert got["Cannabis plants"]["count_plants"] == int(states["Cannabis_Plants"].sum())
        assert got["Benzodiazepines"]["count_tablets"] == int(states["Alprazolam_Tablets"].sum())
        assert got["Cannabis plants"].get("count_tablets") is None
        assert float(got["Codeine"]["volume_l"]) == states["Codeine_L"].sum()


def test_garbage_cells_from_arrow_are_errors() -> None:
    """Defect 11: 1e-20 kg became 0, "12 5" became 125, 1399/12/30 a Gregorian date."""
    for column, values, kind, value in [
        ("kg", [1.0, 1e-20], "below_resolution", "1e-20"),
        ("kg", ["1", "12 5"], "bad_number", "12 5"),
        ("kg", ["1", "1'2"], "bad_number", "1'2"),
        ("date", ["2021-02-03", "1399/12/30"], "solar_hijri_date", "1399/12/30"),
        ("country", ["IRN", "ZZZ"], "unknown_country", "ZZZ"),
    ]:
        cols = {"drug": ["Opium", "Opium"], "kg": [1.0, 2.0], "date": ["2021-02-03", "2021-02-04"], "country": ["IRN", "IRN"]}
        cols[column] = values
        table = pa.table(cols)
        with pytest.raises(ns.ParseError) as e:
            ns.SeizureTable.from_arrow(table)
        assert (e.value.line, e.value.kind, e.value.value) == (2, kind, value), str(e.value)
        t, rejected = ns.SeizureTable.from_arrow(table, lenient=True)
        assert len(t) == 1 and [r["line"] for r in rejected] == [2]
    with pytest.raises(ns.ParseError, match="Solar Hijri"):
        ns.SeizureTable.from_arrow(pa.table({"drug": ["Opium"], "kg": [1], "date": ["1399/12/30"]}))
