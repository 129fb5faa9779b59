"""All mentions in a text: places, actors, times and quantities in one table.

Runs the four finders and keeps one reading where their spans overlap:

- The longer span wins, so an actor whose name contains a place or nationality
  (القوات الأمريكية, حكومة إقليم كردستان) is an actor, not a place; on equal spans a time
  beats an actor, an actor a place, and a place a count.
- A time beats a count it covers (a date's day, a duration's number: خلال ثلاثة أيام).
- A place inside an actor's span after في, من, ب or ل stays a place as well: in
  الحشد الشعبي في الأنبار the province is where, in الميليشيات الموالية لإيران the
  country a party is tied to, not part of the name.
- The nisba rule (decided in ``workbench.find.places``): an adjective of nationality such as
  العراقية is not a place; after an actor head noun (القوات العراقية) it is part of the actor.

The place finder's rows are of kind ``place``, or ``direction`` for a direction that names
no place (غرب البلاد): not a place name, though the claims stage locates events by it.

Columns: start, end, text, kind, value, flags, then every column any finder adds (empty
strings where a column does not apply), sorted by start. ``flags`` is a ``;``-joined list;
for places ``dateline`` marks the place a report was filed from (``الموصل (وكالة ...) —``
at the head of a paragraph, :mod:`workbench.find.datelines`): the events stage should use
it only when the text names no other place; ``facility`` a base, prison, camp, crossing
or airport, or a town after مطار/سجن. Places carry ``admin1`` (ISO 3166-2 governorate)
and ``admin2`` (district, Arabic). Media outlets are actor rows of ``actor_type``
``Media`` flagged ``outlet`` (:mod:`workbench.find.outlets`): sources, not parties.

>>> find_mentions("")
Empty DataFrame
Columns: [start, end, text, kind, value, flags]
Index: []
"""

from __future__ import annotations

import bisect
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from ..collector import collector_paused
from ..text.dates import as_reference
from ..text.lexmatch import fold
from .actors import actor_rows
from .places import place_rows
from .quantities import quantity_rows
from .times import time_rows

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

BASE_COLUMNS = ["start", "end", "text", "kind", "value", "flags"]
# Every column a finder can add, in the order a text with all four kinds gives them. A corpus
# table uses them all, so a column is not lost when the first document lacks its kind.
ALL_COLUMNS = [
    *BASE_COLUMNS,
    "start_date", "end_date", "precision", "relation", "qualifier", "calendar", "proposed",  # times
    "time_of_day", "rule",
    "canonical_ar", "actor_type", "country", "actor_id",  # actors
    "place_type", "iso", "admin1", "admin2", "lat", "lon", "place_id",  # places
    "min", "max", "unit", "unit_key", "dimension", "base_value", "base_unit",  # quantities
]
_PRIORITY = {"time": 0, "actor": 1, "place": 2, "direction": 2, "quantity": 3}
# a place after these inside an actor span is where it acts or whom it is tied to
_LOCATIVE = ("في", "ب", "من")


@collector_paused()  # many short-lived objects and no cycles, as in analyze
def find_mentions(
    text: str, *, reference: str | date | datetime | None = None
) -> pd.DataFrame:
    """Places, actors, times and quantities in ``text``, one row each, offsets into ``text``.

    ``reference`` (the publication date) anchors relative and year-less times. The text is
    folded and tokenised once and the four finders share it.

    >>> df = find_mentions("هاجم داعش الموصل في أيار 2014", reference=date(2014, 6, 1))
    >>> df[df.kind == "time"][["text", "value"]].values.tolist()
    [['أيار 2014', '2014-05']]
    """
    rows, columns = mention_rows(text, reference=reference)
    return mentions_frame(rows, columns)


def mention_rows(
    text: str, *, reference: str | date | datetime | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of :func:`find_mentions` as dicts, in its order, and its columns.

    What the later stages read, without a frame in between.

    >>> rows, columns = mention_rows("قتل ثلاثة")
    >>> [r["text"] for r in rows], columns[:3]
    (['ثلاثة'], ['start', 'end', 'text'])
    """
    if not isinstance(text, str) or not text:
        return [], list(BASE_COLUMNS)
    folded = fold(text)
    found = [
        time_rows(text, reference=as_reference(reference), folded=folded),
        actor_rows(text, folded=folded),
        place_rows(text, folded=folded),
        quantity_rows(text, folded=folded),
    ]
    found = [rows for rows in found if rows]
    if not found:
        return [], list(BASE_COLUMNS)
    columns = list(BASE_COLUMNS)
    for rows in found:
        columns += [c for c in rows[0] if c not in columns]
    rows = [r for group in found for r in group]
    kept = [rows[k] for k in _resolve_overlaps(text, rows)]
    kept.sort(key=lambda r: (r["start"], r["end"]))
    return kept, columns


def mentions_frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """The frame of :func:`find_mentions` from its rows and columns: offsets as int64,
    every other column of objects ("" where a row has no value)."""
    import pandas as pd

    if not rows:
        return pd.DataFrame(columns=BASE_COLUMNS)
    rest = columns[2:]
    blanks = [""] * len(rest)  # the cell of a column a row does not have
    cells = np.array(
        [[v if v is not None and v == v else "" for v in map(r.get, rest, blanks)] for r in rows],
        dtype=object,
    ).reshape(len(rows), len(rest))  # v == v is False only for NaN (a place without coordinates)
    out = pd.DataFrame(cells, columns=rest, dtype=object)
    out.insert(0, "start", np.array([int(r["start"]) for r in rows], dtype=np.int64))
    out.insert(1, "end", np.array([int(r["end"]) for r in rows], dtype=np.int64))
    return out


def _resolve_overlaps(text: str, rows: list[dict[str, Any]]) -> list[int]:
    """Indices of the rows kept: longest first, then by kind priority; see the module doc.

    No span is longer than the longest row, so kept spans are filed in buckets of that
    width by start offset and each row is checked against its neighbours only: linear in
    the text, not quadratic.
    """
    spans = [(int(r["start"]), int(r["end"]), str(r["kind"])) for r in rows]
    order = sorted(
        range(len(spans)),
        key=lambda k: (spans[k][0] - spans[k][1], _PRIORITY.get(spans[k][2], 9), spans[k][0]),
    )
    longest = max((e - s for s, e, _ in spans), default=0)
    width = max(longest, 1)
    times = sorted((s, e) for s, e, kind in spans if kind == "time")
    time_starts = [s for s, _ in times]
    buckets: dict[int, list[tuple[int, int, str]]] = {}
    accepted: list[int] = []
    for k in order:
        s, e, kind = spans[k]
        if kind == "quantity" and _inside_any(times, time_starts, s, e, longest):
            continue  # a date's day or a duration's number: the time row says it
        clash = False
        for b in range((s - longest) // width, (max(e, s + 1) - 1) // width + 1):
            for ks, ke, kkind in buckets.get(b, ()):
                if s < ke and ks < e:
                    if kind == "place" and kkind == "actor" and ks <= s and e <= ke and _after_locative(
                        text, ks, s
                    ):
                        continue
                    clash = True
                    break
            if clash:
                break
        if not clash:
            buckets.setdefault(s // width, []).append((s, e, kind))
            accepted.append(k)
    return accepted


def _inside_any(spans: list[tuple[int, int]], starts: list[int], s: int, e: int, longest: int) -> bool:
    """Whether [s, e) lies inside one of the sorted ``spans`` (none longer than ``longest``)."""
    i = bisect.bisect_right(starts, s)
    while i > 0 and starts[i - 1] >= s - longest:
        i -= 1
        ts, te = spans[i]
        if ts <= s and e <= te:
            return True
    return False


def _after_locative(text: str, actor_start: int, place_start: int) -> bool:
    """Whether the place begins with ب, follows في or من, or has ل written onto it within
    the actor's span."""
    before = text[actor_start:place_start].split()
    if before and before[-1] in _LOCATIVE:
        return True
    if text[place_start - 1:place_start] == "\u0644" and actor_start < place_start:
        return True  # LAM written onto the place: الموالية لإيران
    return text[place_start:place_start + 1] == "\u0628"  # BEH: بالأنبار
