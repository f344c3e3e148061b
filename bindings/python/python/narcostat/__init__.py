"""narcostat: exact, fast aggregation of counter-narcotics statistics.

>>> import narcostat as ns
>>> print(ns.check_total("about 58383 kg", ["47767 kg", "5637 kg", "2304 kg", "1144 kg", "764 kg", "304 kg", "287 kg"])["message"])
stated about 58,383 kg, items 58,207 kg (7 items): difference 176 kg (0.30%)
"""

from __future__ import annotations

from typing import Any

from narcostat._exceptions import (
    AggregateError,
    CoverageWarning,
    NarcostatError,
    ParseError,
    QueryError,
    UnitMismatchError,
    UnknownSubstanceError,
)
from narcostat._narcostat import (
    CheckPartial,
    Partial,
    Result,
    SeizureTable,
    __version__,
    bulletin,
    check_file,
    check_partial_of_file,
    check_total,
    drugs,
    embedded_month,
    read_csv,
    resolve,
    vocabulary,
)

__all__ = [
    "AggregateError",
    "CoverageWarning",
    "CheckPartial",
    "NarcostatError",
    "ParseError",
    "Partial",
    "QueryError",
    "Result",
    "SeizureTable",
    "UnitMismatchError",
    "UnknownSubstanceError",
    "__version__",
    "bulletin",
    "check_file",
    "check_partial_of_file",
    "check_total",
    "drugs",
    "embedded_month",
    "from_pandas",
    "read_csv",
    "resolve",
    "vocabulary",
]


def from_pandas(df: Any, **kwargs: Any) -> Any:
    """A ``SeizureTable`` from a pandas DataFrame (without its index).

    The same as ``SeizureTable.from_arrow(df, **kwargs)``, which takes pandas too.
    """
    return SeizureTable.from_arrow(df, **kwargs)
