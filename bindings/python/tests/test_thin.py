"""The binding's conversions made by the core's plain data and by pyarrow/polars (session 3, thin binding)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import narcostat as ns

UNODC = Path(__file__).resolve().parents[3] / "data" / "reference" / "unodc-annual-1970-2019.csv"
HEADER = "Region,country,ISO Code,Drug Group,Drug,Year,KG Equivalent\n"


def test_rows_hold_shortest_exact_decimals_and_native_types(tmp_path: Path) -> None:
    p = tmp_path / "u.csv"
    p.write_text(HEADER + "Asia,Iran,IRN,Opioids,Opium,2018,100\nAsia,Iran,IRN,Opioids,Opium,2018,0.25\n")
    row = ns.read_csv(p).aggregate(by="year").to_pylist()[0]
    assert (row["year"], row["mass_kg"], str(row["mass_kg"])) == (2018, Decimal("100.25"), "100.25")
    whole = ns.read_csv(p).aggregate(by="drug", where={"drug": "opium"}).to_pylist()[0]
    assert str(ns.read_csv(p).aggregate().to_pylist()[0]["mass_kg"]) == "100.25" and isinstance(whole["drug"], str)
    p.write_text(HEADER + "Asia,Iran,IRN,Opioids,Opium,2018,100\n")
    assert str(ns.read_csv(p).aggregate().to_pylist()[0]["mass_kg"]) == "100"


def test_dates_are_dates_and_frames_are_floats() -> None:
    t = ns.SeizureTable.from_json(_month_json())
    row = t.aggregate(by="day").to_pylist()[0]
    assert (row["first_day"], row["last_day"]) == (datetime.date(2021, 1, 30), datetime.date(2021, 2, 28))
    assert (row["day"], row["attributable"], row["mass_kg"]) == (None, False, Decimal("58207"))
    res = ns.read_csv(UNODC).aggregate(by="year", period="2018")
    assert res.to_pandas()["mass_kg"].dtype == "float64"
    assert str(res.to_polars().schema["mass_kg"]) == "Float64"
    assert res.to_arrow().schema.field("mass_kg").type == pa.decimal128(38, 9)


def _month_json() -> str:
    import json

    return json.dumps(ns.embedded_month())


def test_pandas_frames_read_and_other_objects_are_type_errors() -> None:
    frame = pd.read_csv(UNODC)
    assert len(ns.SeizureTable.from_arrow(frame)) == len(ns.read_csv(UNODC))
    with pytest.raises(TypeError, match="Arrow PyCapsule interface.*got dict"):
        ns.SeizureTable.from_arrow({"a": 1})


def test_check_total_gives_every_field() -> None:
    c = ns.check_total("about 58383 kg", ["47767 kg", "10500 kg"])
    assert set(c) == {"stated", "qualifier", "items", "item_count", "difference", "unit", "relative", "consistent", "message"}
    assert (c["qualifier"], c["item_count"], c["unit"], c["consistent"]) == ("about", 2, "kg", True)


def test_rejected_rows_have_every_key(tmp_path: Path) -> None:
    p = tmp_path / "u.csv"
    p.write_text(HEADER + "Asia,Iran,IRN,Opioids,Opium,2018,lots\n")
    _, rejected = ns.read_csv(p, lenient=True)
    assert rejected == [{
        "file": str(p), "line": 2, "column": 7, "column_name": "KG Equivalent", "value": "lots",
        "reason": 'cannot read "lots" as a number', "message": rejected[0]["message"],
    }]


def test_errors_carry_the_cores_fields(tmp_path: Path) -> None:
    p = tmp_path / "u.csv"
    p.write_text(HEADER + "Asia,Iran,IRN,Opioids,Opium,2018,lots\n")
    with pytest.raises(ns.ParseError) as e:
        ns.read_csv(p)
    assert (e.value.kind, e.value.line, e.value.column, e.value.column_name, e.value.value) == ("bad_number", 2, 7, "KG Equivalent", "lots")
    with pytest.raises(ns.UnknownSubstanceError) as u:
        ns.resolve("cocain")
    assert "Cocaine" in " ".join(u.value.suggestions) and u.value.kind == "unknown_substance"
    with pytest.raises(ns.QueryError) as q:
        ns.read_csv(UNODC).aggregate(by="nonsense")
    assert q.value.kind == "query"
