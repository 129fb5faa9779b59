"""Table cells as the figures and the report read them: text, lists and rows.

Event and claim tables come from ``workbench run`` (strings), from ``analyze`` (strings
and numbers) or from a user's own CSV (NaN, ``pd.NA``, dates, lists); every reader of a
cell goes through :func:`cell_text` so that all of them mean "missing" the same way.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

import pandas as pd


def cell_text(value: Any) -> str:
    """A cell as a stripped string: missing values are ``""``; lists are joined.

    >>> cell_text(None), cell_text(float("nan")), cell_text(2017.0), cell_text(["a", "", "b"])
    ('', '', '2017', 'a|b')
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "|".join(cell_text(v) for v in value if cell_text(v))
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, (date, pd.Timestamp)):
        return value.isoformat()[:10]
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def split_cell(value: Any, separators: str) -> list[str]:
    """A list cell (``"a|b"``, ``"a؛ b"`` or a list) as its non-empty stripped items.

    >>> split_cell("الأنبار| نينوى", "|;")
    ['الأنبار', 'نينوى']
    """
    if isinstance(value, (list, tuple, set)):
        return [t for t in (cell_text(v) for v in value) if t]
    text = cell_text(value)
    if not text:
        return []
    pattern = "[" + re.escape(separators) + "]"
    return [t.strip() for t in re.split(pattern, text) if t.strip()]


def row_dicts(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts; none for a missing or empty frame."""
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict(orient="records")


__all__ = ["cell_text", "row_dicts", "split_cell"]
