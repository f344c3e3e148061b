"""The bulletin never shows 0 kg for data it could not hold: it raises, naming the record."""

from __future__ import annotations

import pytest

import narcostat as ns


def test_bulletin_of_a_record_with_five_billion_events_raises() -> None:
    month = ns.embedded_month()
    month["seizures"][3]["seizures"] = 5_000_000_000
    with pytest.raises(ns.ParseError, match=r"record 4 .*5000000000 seizure events in one record"):
        ns.bulletin(month)


def test_bulletin_of_a_period_longer_than_the_table_holds_raises() -> None:
    month = ns.embedded_month()
    month["seizures"][0]["period"] = {"start": "1800-01-01", "end": "2021-02-28"}
    with pytest.raises(ns.ParseError, match=r"record 1 .*period 1800-01-01\.\.2021-02-28"):
        ns.bulletin(month)


def test_bulletin_of_no_records_and_no_period_asks_for_a_period() -> None:
    with pytest.raises(ns.QueryError, match="give a period"):
        ns.bulletin({"seizures": []})
    # With a period it is an honest empty bulletin, not a made-up one.
    assert "Nothing was recorded." in ns.bulletin({"seizures": []}, period="2021")
