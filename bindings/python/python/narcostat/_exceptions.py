"""Exception classes of narcostat; the native module raises these."""

from __future__ import annotations

from typing import List, Optional


class NarcostatError(Exception):
    """Base class of every narcostat error; ``kind`` is the word of its most specific cause
    (``bad_number``, ``spreadsheet``, ``query``, ...), the same as a JavaScript error's ``kind``."""

    def __init__(self, message: str, kind: Optional[str] = None) -> None:
        super().__init__(message)
        self.kind = kind


class ParseError(NarcostatError, ValueError):
    """Input that cannot be read: a bad row, a missing column, an unknown layout.

    ``file``, ``line`` and ``column`` (1-based; ``column_name`` is the header)
    say where; ``row`` is the 0-based row index of a data frame (``from_arrow``);
    ``value`` is the offending text; ``kind`` names the reason (``bad_number``,
    ``spreadsheet``, ``json``, ...).
    """

    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None, column_name: Optional[str] = None,
                 value: Optional[str] = None, kind: Optional[str] = None,
                 row: Optional[int] = None) -> None:
        super().__init__(message)
        self.row = row
        self.file = file
        self.line = line
        self.column = column
        self.column_name = column_name
        self.value = value
        self.kind = kind


class UnknownSubstanceError(ParseError):
    """A substance name that does not resolve; ``suggestions`` lists the closest known names."""

    def __init__(self, message: str, suggestions: Optional[List[str]] = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.suggestions: List[str] = list(suggestions or [])


class UnitMismatchError(NarcostatError, ValueError):
    """Quantities of different dimensions (mass, volume, count) combined without a factor."""


class QueryError(NarcostatError, ValueError):
    """A grouping key, filter, period or measure that narcostat does not understand."""


class AggregateError(NarcostatError, ArithmeticError):
    """An aggregation that cannot be done exactly (an overflowing group, incompatible merges)."""


class CoverageWarning(UserWarning):
    """A drug filter that matched no rows of the table, or only its non-specified
    buckets (the source does not say which substance or form was seized): the
    result's ``notes`` say the same."""


_BY_CATEGORY = {
    "unknown_substance": UnknownSubstanceError,
    "unit_mismatch": UnitMismatchError,
    "query": QueryError,
    "aggregate": AggregateError,
}


def from_core(category: str, message: str, **fields: object) -> Exception:
    """The exception of a core error: ``category`` is its ``narcostat::ErrorKind`` word,
    ``fields`` its ``narcostat::ErrorFields``. A file not found is ``FileNotFoundError``,
    other I/O ``OSError``; a category added later is raised as the closest, ``ParseError``."""
    if category == "not_found":
        return FileNotFoundError(message)
    if category == "io":
        return OSError(message)
    cls = _BY_CATEGORY.get(category, ParseError)
    if not issubclass(cls, ParseError):
        fields = {"kind": fields.get("kind")}
    error: Exception = cls(message, **fields)
    return error
