"""Time expressions in Arabic as a grammar that composes typed pieces.

Pieces (weekday, day of month, month in every series, year, part of day, clock, relative
day, unit with count and direction, qualifier, approximator) are read at the places one
regex pass finds; named rules combine them (``weekday+relative_day``, ``day+month+year``,
``clock+part_of_day``, ``range(X,Y)``, ``since+X`` ...) and the ``rule`` column says which
built each value. The output has the columns of ``workbench.find.times`` plus ``rule``.

>>> from datetime import date
>>> df = find_times("قُتل جنديان أمس الأربعاء", reference=date(2020, 5, 14))
>>> df[["text", "value", "rule"]].values.tolist()
[['أمس الأربعاء', '2020-05-13', 'relative_day+weekday']]
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import numpy as np

from ...text.dates import as_reference
from .finder import COLUMNS, time_rows

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

__all__ = ["COLUMNS", "find_times", "time_rows"]


def find_times(
    text: str, *, reference: str | date | datetime | None = None, tense: str = "past",
) -> pd.DataFrame:
    """Time expressions in ``text`` as ISO 8601 values resolved against ``reference``.

    ``tense`` is what a bare weekday, month or day means when its sentence does not say:
    ``"past"`` (news: the last one on or before the reference) or ``"future"`` (plans: the
    next one); a future cue near the expression (سوف, من المقرر) makes it future.
    ``reference`` may be ISO text (``"2020-05-01"``, ``"2020-05-01T09:30"``). Without one, a
    time relative to it is still a row, never dropped: flagged ``needs_reference``, its unknown
    part unknown (``XXXX-04``; a relative day's value blank) and what it says regardless kept
    (``مساء اليوم``: ``time_of_day`` evening). A day told as the one named before (في اليوم
    نفسه) is flagged ``anaphoric``.

    >>> find_times("الساعة 4:30 عصرًا", reference=date(2020, 5, 1))["value"].tolist()
    ['2020-05-01T16:30']
    """
    import pandas as pd

    rows = time_rows(text, reference=as_reference(reference), tense=tense)
    if not rows:
        return pd.DataFrame(rows, columns=COLUMNS)
    # column by column with their dtypes known (offsets int64, the rest text): the frame
    # pandas infers from the dicts, without the inference
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype=np.int64 if c in _OFFSETS else object)
                         for c in COLUMNS}, columns=COLUMNS, copy=False)


_OFFSETS = ("start", "end")
