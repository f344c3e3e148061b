"""narcostat on Dask: the same exact results over many workers.

Each partition of a ``dask.dataframe.DataFrame``, or each file of a list or a
glob, becomes a ``narcostat.Partial`` in a worker (read with the same readers
and options as ``SeizureTable.from_arrow`` / ``read_csv``); the partials are
merged in a tree (``split_every`` at a time, by the core's exact merge) and
finished into the same ``narcostat.Result`` one machine gives, group by group.
Partials cross processes in narcostat's versioned binary form (pickle).

>>> import narcostat.dask as nd                                  # doctest: +SKIP
>>> nd.aggregate("data/reference/unodc-annual-*.csv", by="drug,year")  # doctest: +SKIP

Needs the ``dask`` extra: ``pip install 'narcostat[dask]'``.
"""

from __future__ import annotations

import functools
import glob as _glob
import os
from typing import Any, Dict, List, Optional, Sequence, Union

try:
    from dask.base import compute
    from dask.delayed import delayed
except ImportError as _missing:  # pragma: no cover - exercised without dask installed
    raise ImportError(
        "narcostat.dask needs dask and distributed, which are an optional extra: "
        "pip install 'narcostat[dask]'"
    ) from _missing

from narcostat._narcostat import CheckPartial, Partial, Result, SeizureTable, check_partial_of_file
from narcostat._narcostat import partial as _partial, partial_of_file

__all__ = ["aggregate", "check", "compare", "equivalents", "partial", "top", "trend"]

Source = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]], Any]

#: The keywords of a query (narcostat's QuerySpec); every other keyword is a read option.
QUERY_KEYWORDS = (
    "by", "where", "period", "vs", "fiscal_start", "span_rule", "measure", "n", "within", "unit", "basis", "factors",
)


def _merge(*parts: Partial) -> Partial:
    """The exact merge of partials of one query (runs in a worker)."""
    return functools.reduce(lambda a, b: a.merge(b), parts)


def _aligned(frame: Any) -> Any:
    """``frame`` as a ``pyarrow.Table`` whose buffers are aligned: a partition
    unpickled in a worker can hold Arrow-backed columns (pandas' pyarrow
    strings) on buffers at odd addresses, which Arrow's C interface must not
    be given. One copy through Arrow IPC (8-byte padded buffers) aligns them."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return pa.ipc.open_stream(sink.getvalue()).read_all()


def _partial_of_frame(frame: Any, index: int, operation: str, query: Dict[str, Any], read: Dict[str, Any]) -> Partial:
    """The partial of one pandas partition (runs in a worker); errors say which partition."""
    try:
        table = SeizureTable.from_arrow(_aligned(frame), **read)
        if isinstance(table, tuple):
            table = table[0]
        return _partial(table, operation, **query)
    except Exception as e:
        if hasattr(e, "add_note"):
            e.add_note(f"in partition {index} of the Dask DataFrame")
        raise


def _partial_of_file(path: str, operation: str, query: Dict[str, Any], read: Dict[str, Any]) -> Partial:
    """The partial of one file (runs in a worker), with where its rows went."""
    return partial_of_file(path, operation, query=query, read=read)


def _expand(path: Any) -> List[str]:
    """The files of one path or glob (a glob matching nothing is an error naming it)."""
    text = os.fspath(path)
    found = sorted(_glob.glob(text)) if any(c in text for c in "*?[") else [text]
    if not found:
        raise FileNotFoundError(f"no file matches {text!r}")
    return found


def _paths(source: Any) -> Optional[List[str]]:
    """The files of a path, a glob or a list of paths and globs; None for other sources."""
    if isinstance(source, (str, os.PathLike)):
        return _expand(source)
    if isinstance(source, (list, tuple)):
        return [f for p in source for f in _expand(p)]
    return None


def _tree(parts: List[Any], split_every: int) -> Any:
    """One delayed partial: `parts` merged `split_every` at a time, level by level."""
    if split_every < 2:
        raise ValueError(f"split_every must be 2 or more, not {split_every}")
    if not parts:
        raise ValueError("nothing to aggregate: the source has no partition and no file")
    while len(parts) > 1:
        parts = [delayed(_merge)(*parts[i : i + split_every]) for i in range(0, len(parts), split_every)]
    return parts[0]


def partial(
    source: Source, operation: str = "aggregate", *, split_every: int = 8, read: Optional[Dict[str, Any]] = None,
    **query: Any,
) -> Partial:
    """The merged ``Partial`` of ``operation`` over every partition or file of ``source``.

    ``operation`` is ``aggregate``, ``top``, ``trend``, ``compare`` or ``equivalents``;
    ``query`` holds that method's keywords, ``read`` the reader's (``lenient``,
    ``format``, ``country``, ``unit`` of Arrow quantities, ...). ``Partial.sources``
    says where each file's rows went; ``Partial.finish()`` gives the ``Result``.
    """
    query = {k: v for k, v in query.items() if v is not None}
    read = dict(read or {})
    paths = _paths(source)
    if paths is not None:
        parts = [delayed(_partial_of_file)(p, operation, query, read) for p in paths]
    elif hasattr(source, "to_delayed"):
        if read.get("lenient"):
            # A partition's rejected rows would reach no accounting (a frame has
            # no file and lines to report them by): refuse rather than lose them.
            raise ValueError(
                "narcostat.dask: lenient=True is not supported for a Dask DataFrame, whose rejected rows "
                "could not be counted; give the files (a list of paths or a glob) to count them per file, "
                "or read strictly to stop at the first bad row"
            )
        frames = source.to_delayed()
        parts = [delayed(_partial_of_frame)(f, i, operation, query, read) for i, f in enumerate(frames)]
    else:
        raise TypeError(
            "narcostat.dask: expected a dask DataFrame, a path, a glob or a list of paths, "
            f"got {type(source).__name__}"
        )
    (merged,) = compute(_tree(parts, split_every))  # type: ignore[no-untyped-call,unused-ignore]
    return merged  # type: ignore[no-any-return]


def _run(operation: str, source: Source, split_every: int, query: Dict[str, Any], read: Dict[str, Any]) -> Result:
    read_options = dict(read)
    if "input_unit" in read_options:
        read_options["unit"] = read_options.pop("input_unit")
    return partial(source, operation, split_every=split_every, read=read_options, **query).finish()


def aggregate(
    source: Source, by: Any = None, *, where: Any = None, period: Any = None, span_rule: Any = None,
    fiscal_start: Any = None, unit: Any = None, split_every: int = 8, **read_options: Any,
) -> Result:
    """``SeizureTable.aggregate`` over every partition or file of ``source``, exactly.

    ``read_options`` are the reader's keywords (``lenient``, ``format``,
    ``country``, ``missing``, ...; the unit of unlabelled Arrow quantities is
    ``input_unit``, since ``unit`` is the unit of the result).
    """
    query = dict(by=by, where=where, period=period, span_rule=span_rule, fiscal_start=fiscal_start, unit=unit)
    return _run("aggregate", source, split_every, query, read_options)


def top(
    source: Source, by: Any = None, n: Optional[int] = 10, *, where: Any = None, period: Any = None,
    measure: Any = None, within: Any = None, unit: Any = None, split_every: int = 8, **read_options: Any,
) -> Result:
    """``SeizureTable.top`` over every partition or file of ``source``, exactly."""
    query = dict(by=by, n=n, where=where, period=period, measure=measure, within=within, unit=unit)
    return _run("top", source, split_every, query, read_options)


def trend(
    source: Source, by: Any = None, *, where: Any = None, period: Any = None, measure: Any = None,
    unit: Any = None, split_every: int = 8, **read_options: Any,
) -> Result:
    """``SeizureTable.trend`` over every partition or file of ``source``, exactly."""
    query = dict(by=by, where=where, period=period, measure=measure, unit=unit)
    return _run("trend", source, split_every, query, read_options)


def compare(
    source: Source, by: Any = None, *, period: Any = None, vs: Any = None, where: Any = None,
    measure: Any = None, unit: Any = None, split_every: int = 8, **read_options: Any,
) -> Result:
    """``SeizureTable.compare`` (``period`` against ``vs``) over every partition or file of ``source``, exactly."""
    query = dict(by=by, period=period, vs=vs, where=where, measure=measure, unit=unit)
    return _run("compare", source, split_every, query, read_options)


def equivalents(
    source: Source, by: Any = None, *, basis: Any = None, where: Any = None, period: Any = None,
    factors: Any = None, split_every: int = 8, **read_options: Any,
) -> Result:
    """``SeizureTable.equivalents`` over every partition or file of ``source``, exactly."""
    query = dict(by=by, basis=basis, where=where, period=period, factors=factors)
    return _run("equivalents", source, split_every, query, read_options)


def _merge_checks(*parts: CheckPartial) -> CheckPartial:
    """The exact merge of check partials (runs in a worker)."""
    return functools.reduce(lambda a, b: a.merge(b), parts)


def check(
    source: Source, *, tolerance: float = 0.005, outlier_factor: float = 100.0, split_every: int = 8,
    **read_options: Any,
) -> Dict[str, Any]:
    """Every check that needs all rows (stated totals, duplicates, outliers,
    conflicting statements) over the files of ``source`` (a path, a glob or a
    list of them), as ``narcostat.check_file`` gives it for one file holding
    all their rows (in file order).

    Each file becomes a ``narcostat.CheckPartial`` in a worker (read with the
    ``read_csv`` options in ``read_options``); duplicates merge by their keys
    with counts and first records, outliers by the exact amounts of each
    drug, country and measure (so that the median is exact), stated totals by
    the exact sums of the items they cover. Records are named by ``file:line``;
    ``sources`` says where each file's rows went.
    """
    paths = _paths(source)
    if paths is None:
        raise TypeError(
            f"narcostat.dask.check: expected a path, a glob or a list of paths, got {type(source).__name__}"
        )
    if split_every < 2:
        raise ValueError(f"split_every must be 2 or more, not {split_every}")
    if not paths:
        raise ValueError("nothing to check: the source has no file")
    parts = [delayed(check_partial_of_file)(p, i, read_options) for i, p in enumerate(paths)]
    while len(parts) > 1:
        parts = [delayed(_merge_checks)(*parts[i : i + split_every]) for i in range(0, len(parts), split_every)]
    (merged,) = compute(parts[0])  # type: ignore[no-untyped-call,unused-ignore]
    return merged.finish(tolerance=tolerance, outlier_factor=outlier_factor)  # type: ignore[no-any-return]
