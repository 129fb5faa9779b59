"""Many ``[start, end)`` spans of one text, asked about by offset in logarithmic time.

A stage that asks, for each of its rows, whether another stage's spans hold it would
scan every span per row: fine on an article, quadratic on a long text with no breaks.
Sorted once by start, with the furthest end reached so far, each question is one bisection.

>>> held = span_cover([(0, 5), (10, 12)])
>>> held(4), held(5), held(11)
(True, False, True)
"""

from __future__ import annotations

from bisect import bisect_right
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
