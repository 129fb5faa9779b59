"""Many ``[start, end)`` spans of one text, asked about by offset in logarithmic time.

A stage that asks, for each of its rows, whether another stage's spans hold it would
scan every span per row: fine on an article, quadratic on a long text with no breaks.
Sorted once by start, with the furthest end reached so far, each question is one bisection.

>>> held = span_cover([(0, 5), (10, 12)])
>>> held(4), held(5), held(11)
(True, False, True)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from itertools import accumulate


def span_cover(spans: Iterable[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies inside one of ``spans`` (``start <= at < end``):
    the same answer as ``any(s <= at < e for s, e in spans)``, by bisection.

    >>> span_cover([(3, 9), (4, 6)])(7), span_cover([])(0)
    (True, False)
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def covered(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and reach[i] > at

    return covered


class StartIndex:
    """Rows (dicts with ``start`` and ``end``) sorted by start, asked whether one lies
    inside a span; a row whose start moves is moved with :meth:`move`, so the index stays
    true while its rows change.

    >>> rows = [{"start": 8, "end": 12}, {"start": 0, "end": 5}]
    >>> index = StartIndex(rows)
    >>> index.holds(6, 12), index.holds(6, 11)
    (True, False)
    >>> index.move(0, 4)
    >>> rows[0]["start"], index.holds(6, 12)
    (4, False)
    """

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.keys = sorted((r["start"], n) for n, r in enumerate(rows))

    def holds(self, start: int, end: int) -> bool:
        """Whether a row lies inside ``[start, end)``: ``any(start <= r["start"] and
        r["end"] <= end for r in rows)``, reading only the rows that start in it."""
        keys, rows = self.keys, self.rows
        k = bisect_left(keys, (start, -1))
        while k < len(keys) and keys[k][0] <= end:
            if rows[keys[k][1]]["end"] <= end:
                return True
            k += 1
        return False

    def move(self, n: int, start: int) -> None:
        """Set the start of row ``n`` to ``start``, in the rows and in the index."""
        del self.keys[bisect_left(self.keys, (self.rows[n]["start"], n))]
        insort(self.keys, (start, n))
        self.rows[n]["start"] = start
