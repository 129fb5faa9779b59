"""Tables built from rows of plain values, column by column, as pandas would build them.

The claims and events stages make their rows as dicts of plain Python values; building
the frame column by column (each column of one type as its array) gives the frame
``pd.DataFrame(rows, columns=...)`` gives, at a fraction of the cost. Records go the
other way: a frame's rows as named tuples, read in one pass.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd


@cache
def _str_dtype() -> object:
    """The dtype pandas gives a column of Python strings."""
    import pandas as pd

    return pd.Series(["x"]).dtype


def _str_array(values: list[str]) -> object:
    """The array pandas makes of a list of Python strings."""
    dtype = _str_dtype()
    return dtype.construct_array_type()._from_sequence(values, dtype=dtype)


def frame_of_rows(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)`` for rows of plain values, built column by
    column: a column of one Python type (str, int, float, bool) becomes its array
    directly; any other column is left to pandas' inference.

    >>> frame_of_rows([{"a": "x", "b": 1}], ["a", "b"]).dtypes.astype(str).tolist()
    ['str', 'int64']
    """
    import pandas as pd

    if not rows:  # a shallow copy: under pandas' copy-on-write nothing is shared for writing
        return _empty_frame(tuple(columns)).copy(deep=False)
    return pd.DataFrame(_column_arrays(rows, columns, {}), copy=False)


def frame_with_lead(rows: Sequence[dict], columns: Sequence[str],
                    lead: dict[str, str]) -> pd.DataFrame:
    """``frame_of_rows(rows, columns)`` with the columns of ``lead`` (each one string for
    every row) inserted first, as ``frame.insert(0, name, value)`` would put them —
    built in one go rather than copied and widened afterwards.

    >>> f = frame_with_lead([{"a": 1}], ["a"], {"doc_id": "d1"})
    >>> f.columns.tolist(), f.dtypes.astype(str).tolist()
    (['doc_id', 'a'], ['str', 'int64'])
    """
    import pandas as pd

    if set(lead) & set(columns) or any(type(v) is not str for v in lead.values()):
        out = frame_of_rows(rows, columns)  # the general case, column by column
        for name, value in reversed(lead.items()):
            if name in out.columns:
                out = out.drop(columns=name)
            out.insert(0, name, value)
        return out
    if not rows:  # no rows: the inserted strings only give their columns' dtype
        return _empty_lead_frame(tuple(columns), tuple(lead)).copy(deep=False)
    data = {name: _str_array([value] * len(rows)) for name, value in lead.items()}
    return pd.DataFrame(_column_arrays(rows, columns, data), copy=False)


def _column_arrays(rows: Sequence[dict], columns: Sequence[str],
                   data: dict[str, object]) -> dict[str, object]:
    """Add the columns of ``rows`` to ``data``, in order: a column of one Python type
    (str, int, float, bool) as its array, any other as a list for pandas to infer."""
    for col in columns:
        values = [r[col] for r in rows]
        kind = type(values[0])
        if kind in _NUMPY_TYPES and set(map(type, values)) == {kind}:
            data[col] = (_str_array(values) if kind is str
                         else np.array(values, dtype=_NUMPY_TYPES[kind]))
        else:
            data[col] = values
    return data  # the dict keeps the order of columns


@lru_cache(maxsize=16)
def _empty_frame(columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([], columns=list(columns))


@lru_cache(maxsize=16)
def _empty_lead_frame(columns: tuple[str, ...], lead: tuple[str, ...]) -> pd.DataFrame:
    """``_empty_frame(columns)`` with string columns ``lead`` inserted first."""
    out = _empty_frame(columns).copy()
    for name in reversed(lead):
        out.insert(0, name, "")
    return out


# Python types whose columns are built directly (str as pandas' string array).
_NUMPY_TYPES = {str: object, int: np.int64, float: np.float64, bool: np.bool_}


@lru_cache(maxsize=64)
def record_type(columns: tuple[str, ...]) -> type:
    """The named tuple ``itertuples(index=False)`` makes for these columns."""
    return namedtuple("Pandas", list(columns), rename=True)


def records(frame: pd.DataFrame) -> list:
    """The rows of ``frame`` as ``itertuples(index=False)`` gives them, read in one pass."""
    make = record_type(tuple(frame.columns))._make
    return [make(row) for row in frame.to_numpy(dtype=object).tolist()]
