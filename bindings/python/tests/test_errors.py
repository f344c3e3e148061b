"""Each cause of a reading error raises its class, with the file in the message (issue 12, typed errors)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

import narcostat as ns

FIXTURES = Path(__file__).resolve().parents[3] / "data" / "fixtures"


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        ns.read_csv(missing)
    with pytest.raises(FileNotFoundError, match="nowhere.xlsx"):
        ns.read_csv(tmp_path / "nowhere.xlsx")


def test_a_corrupt_spreadsheet_is_a_parse_error_naming_the_file(tmp_path: Path) -> None:
    whole = (FIXTURES / "cbp-fy24-fentanyl.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ns.ParseError) as e:
        ns.read_csv(cut)
    assert not isinstance(e.value, OSError)
    assert "cut.xlsx" in str(e.value)
    assert e.value.kind == "spreadsheet" and e.value.file == str(cut)


def test_a_missing_sheet_is_a_parse_error() -> None:
    with pytest.raises(ns.ParseError, match='no sheet named "Nope"') as e:
        ns.read_csv(FIXTURES / "cbp-fy24-fentanyl.xlsx", sheet="Nope")
    assert e.value.kind == "spreadsheet" and "cbp-fy24-fentanyl.xlsx" in str(e.value)


def test_bad_json_is_a_parse_error_with_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"seizures": [{"substance": }]}')
    with pytest.raises(ns.ParseError) as e:
        ns.read_csv(bad)
    assert (e.value.kind, e.value.line, e.value.column) == ("json", 1, 29)
    assert str(e.value).startswith(f"{bad}:1:29: ")


def test_a_header_that_is_not_utf8_is_a_csv_parse_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(b"dr\xffug,kg\nOpium,1\n")
    with pytest.raises(ns.ParseError, match="latin1.csv: malformed CSV") as e:
        ns.read_csv(bad)
    assert e.value.kind == "csv"


def test_a_bad_arrow_row_names_the_frame_row_index() -> None:
    import pandas as pd

    df = pd.DataFrame({"drug": ["Opium", "Opium", "Opium", "Heroin"], "quantity": [1.0, 2.0, 3.0, -4.0], "unit": ["kg"] * 4, "year": [2020] * 4})
    with pytest.raises(ns.ParseError) as e:
        ns.SeizureTable.from_arrow(pa.Table.from_pandas(df, preserve_index=False))
    # pandas shows the bad row as index 3.
    assert df.index[df["quantity"] < 0].tolist() == [3]
    assert str(e.value).startswith('row 3 (column "quantity"): negative quantity'), str(e.value)
    assert (e.value.row, e.value.kind) == (3, "negative")



def test_every_narcostat_error_carries_its_kind_word() -> None:
    t = ns.read_csv(FIXTURES / "cbp-fy24-fentanyl.xlsx")
    with pytest.raises(ns.QueryError, match="unknown dimension") as e:
        t.aggregate(by="colour")
    assert e.value.kind == "query"
