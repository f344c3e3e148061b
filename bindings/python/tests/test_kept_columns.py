"""Source columns kept: `column:NAME` in `by` and `where`, and the records
as read (`head`, `to_arrow`, `_repr_html_`), against pandas on the raw file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import narcostat as ns

REF = Path(__file__).resolve().parents[3] / "data" / "reference"
UNODC = REF / "unodc-annual-1970-2019.csv"


def pandas_heroin_2018_by_region() -> dict[str, Decimal]:
    """The oracle: pandas on the raw file, summed exactly as Decimal."""
    b = pd.read_csv(UNODC, dtype={"KG Equivalent": str})
    y = b[(b.Year == 2018) & (b.Drug == "Heroin") & b["KG Equivalent"].notna()]
    sums: dict[str, Decimal] = {}
    for region, kg in zip(y["Region"], y["KG Equivalent"]):
        sums[region] = sums.get(region, Decimal(0)) + Decimal(kg)
    return sums


def test_by_the_files_region_matches_pandas() -> None:
    t = ns.read_csv(UNODC)
    assert t.kept_columns == ["Region", "Drug Group"]
    rows = t.aggregate(by=["column:Region"], where={"drug": "heroin"}, period="2018").to_pylist()
    got = {r["column:Region"]: r["mass_kg"] for r in rows}
    want = pandas_heroin_2018_by_region()
    assert got == want
    assert round(got["Europe"], 2) == Decimal("29382.56")
    assert round(got["Asia"], 2) == Decimal("52831.88")


def test_where_on_a_kept_column() -> None:
    t = ns.read_csv(UNODC)
    rows = t.aggregate(by=["drug"], where={"drug": "heroin", "column:Region": "Europe"}, period="2018").to_pylist()
    assert [r["mass_kg"] for r in rows] == [pandas_heroin_2018_by_region()["Europe"]]


def test_a_frame_keeps_its_unmapped_columns() -> None:
    df = pd.DataFrame({"drug": ["Opium", "Opium", "Heroin"], "kg": [5, 7, 1], "year": [2021] * 3,
                       "District": ["Zahedan", "Zabol", "Zahedan"]})
    t = ns.SeizureTable.from_arrow(df)
    rows = t.aggregate(by=["column:District"]).to_pylist()
    assert {r["column:District"]: r["mass_kg"] for r in rows} == {"Zahedan": 6, "Zabol": 7}


def test_an_unknown_column_lists_the_kept_ones() -> None:
    t = ns.read_csv(UNODC)
    with pytest.raises(ns.NarcostatError) as e:
        t.aggregate(by=["column:Regoin"])
    assert "did you mean Region" in str(e.value) and "Drug Group" in str(e.value)


def test_the_records_as_read_show_kept_columns() -> None:
    t = ns.read_csv(UNODC)
    head = t.head(3)
    assert len(head) == 3
    assert head.columns[-2:] == ["Region", "Drug Group"]
    first = pd.read_csv(UNODC, nrows=3)
    assert head.to_pylist()[0]["Region"] == first["Region"][0]
    assert head.to_pylist()[0]["name"] == first["Drug"][0]
    table = t.to_arrow()
    assert table.num_rows == len(t)
    assert "Drug Group" in table.column_names
    html = t._repr_html_()
    assert "Drug Group" in html and f"{len(t)} rows" in html
