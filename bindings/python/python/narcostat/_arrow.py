"""Arrow in and out, through pyarrow and polars (the native module calls these):
data frames into an Arrow stream for ``SeizureTable.from_arrow``; exact rows for
``Result.to_pylist`` and float frames for ``Result.to_pandas`` / ``Result.to_polars``."""

from __future__ import annotations

import decimal
from typing import Any, Dict, List

_CONTEXT = decimal.Context(prec=60)
_ONE = decimal.Decimal(1)


def arrow_stream(data: Any) -> Any:
    """``data`` when it has the Arrow PyCapsule interface; a polars ``LazyFrame``
    collected; an older pandas frame (without it) as a ``pyarrow.Table`` without its index."""
    if type(data).__module__.startswith("polars") and type(data).__name__ == "LazyFrame":
        data = data.collect()
    if hasattr(data, "__arrow_c_stream__"):
        return data
    if type(data).__module__.startswith("pandas"):
        import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

        return pa.Table.from_pandas(data, preserve_index=False)
    raise TypeError(
        "from_arrow: expected an object with the Arrow PyCapsule interface "
        f"(pyarrow.Table, polars.DataFrame or LazyFrame, pandas.DataFrame, ...), got {type(data).__name__}"
    )


def _shortest(value: Any) -> Any:
    """A decimal in its shortest exact form (``176``, ``0.3``); other values unchanged."""
    if not isinstance(value, decimal.Decimal):
        return value
    value = value.normalize(_CONTEXT)
    exponent = value.as_tuple().exponent
    return value.quantize(_ONE, context=_CONTEXT) if isinstance(exponent, int) and exponent > 0 else value


def to_pylist(table: Any) -> List[Dict[str, Any]]:
    """Rows of a ``pyarrow.Table`` as dicts: int, exact ``decimal.Decimal``, bool, ``datetime.date``, str, None."""
    return [{k: _shortest(v) for k, v in row.items()} for row in table.to_pylist()]


def floats(table: Any) -> Any:
    """The ``pyarrow.Table`` with its decimal columns cast to float64."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    fields = [pa.field(f.name, pa.float64()) if pa.types.is_decimal(f.type) else f for f in table.schema]
    return table.cast(pa.schema(fields))


def to_pandas(table: Any) -> Any:
    """A ``pandas.DataFrame`` of the table, measures as float64."""
    return floats(table).to_pandas()


def to_polars(table: Any) -> Any:
    """A ``polars.DataFrame`` of the table, measures as float64."""
    import polars  # type: ignore[import-not-found,unused-ignore]

    return polars.from_arrow(floats(table))
