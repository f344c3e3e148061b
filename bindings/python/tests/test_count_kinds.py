"""Counts of different kinds of items are different measures (issue 11, defect 6)."""

import narcostat as ns
import pytest


def test_check_total_refuses_to_add_tablets_to_plants() -> None:
    with pytest.raises(ns.UnitMismatchError, match="counts of different kinds"):
        ns.check_total("about 504 tablets", ["500 tablets", "4 plants"])


def test_check_total_adds_thousands_of_tablets_to_tablets() -> None:
    c = ns.check_total("2500 tablets", ["500 tablets", "2 thousand tablets"])
    assert (c["stated"], c["items"], c["difference"]) == ("2500", "2500", "0")
