"""Mentions as the claims and events stages read them: plain records, found by offset.

A mentions frame (from :func:`workbench.find_mentions`, or any frame with at least
``start, end, text, kind, value``) becomes :class:`Mentions`: records sorted by start,
looked up by offset range without pandas in the loop.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections import namedtuple
from collections.abc import Iterable
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from ..find.places import DIRECTION_KIND
from ..find.times.lexicon import find, tokenize
from ..text.arabic import match_key
from .clauses import cue_words

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd


MENTION_COLUMNS = (
    "start", "end", "text", "kind", "value", "flags", "canonical_ar", "actor_type", "country",
    "place_type", "iso", "admin1", "lat", "lon", "start_date", "end_date", "precision",
    "relation", "qualifier", "time_of_day", "min", "max", "unit", "unit_key", "dimension",
    "place_id",
)


def prepare_mentions(mentions: pd.DataFrame | None) -> pd.DataFrame:
    """A mentions frame with every column this stage reads (missing ones empty), sorted.

    Accepts a frame with only ``start, end, text, kind, value``.
    """
    import pandas as pd

    if mentions is None or len(mentions) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "object")
                             for c in MENTION_COLUMNS})
    out = mentions.copy()
    for col in MENTION_COLUMNS:
        if col not in out.columns:
            out[col] = ""
    for col in MENTION_COLUMNS:
        if col not in ("start", "end"):
            out[col] = out[col].map(_as_text)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    return out.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def _as_text(value: object) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:g}"
    # pd.NA can only come from a frame, and then pandas is loaded: rows of plain values
    # are read without importing it.
    pandas = sys.modules.get("pandas")
    if pandas is not None and value is pandas.NA:
        return ""
    return str(value)


def empty_mentions() -> pd.DataFrame:
    """A mentions frame with the expected columns and no rows."""
    return prepare_mentions(None)


# One record type per mention, its fields the columns above: offsets are ints, every
# other value is text ("" when the finder gave none). Built from the column list so the
# two cannot drift apart.
Mention = namedtuple("Mention", MENTION_COLUMNS, defaults=("",) * (len(MENTION_COLUMNS) - 5))
Mention.__doc__ = "One mention as plain data: the columns of ``MENTION_COLUMNS``."
_BLANKS = ("",) * len(MENTION_COLUMNS)  # the default of each column a row may leave out


# Relations of a time that frame an event without dating it: how long (خلال يومين), since
# when (منذ منتصف مايو: أول هجوم منذ ...) or until when (حتى نهاية العام).
_SPAN_FRAMES = frozenset({"duration", "since", "until"})


def is_span_frame(time: Mention) -> bool:
    """True when a time says how long or since/until when, not when an event happened.

    >>> is_span_frame(Mention(0, 9, "منذ مايو", "time", "2019-05/2020-01-01", relation="since"))
    True
    >>> is_span_frame(Mention(0, 9, "أمس", "time", "2020-01-01", relation="point"))
    False

    With no reference the grammar leaves حتى الآن unresolved, a point flagged ``until``:
    still a frame, not the day of the event.

    >>> is_span_frame(Mention(0, 8, "حتى الآن", "time", "", flags="until;relative"))
    True
    """
    return str(time.value).startswith("P") or time.relation in _SPAN_FRAMES \
        or "until" in str(time.flags).split(";")


def add_flags(flags: str, *more: str) -> str:
    """``flags`` (``;``-separated, as a row's ``date_flags``) with ``more`` added; empty
    ones are left out.

    >>> add_flags("", "earlier_by"), add_flags("two", "", "undated")
    ('earlier_by', 'two;undated')
    """
    return ";".join(f for f in (flags, *more) if f)


# the words that join a length to what it is counted from (قبل يومين من الانتخابات، بعد
# يومين على الهجوم), as keyed by match_key (على is keyed علي)
FROM_WORDS = frozenset({"\u0645\u0646", "\u0639\u0644\u064a"})  # من, على
_NEXT_TWO = re.compile(r"\s*(\S+)\s+(\S+)")


def counted_from_other(time: Mention, text: str, times: Mentions) -> bool:
    """True when a time is قبل + a length followed by من/على and a word that is no time (قبل
    أيام من بدء الانتخابات): it counts back from another happening, not from the day of
    publication, so it dates nothing (قبل يومين من الآن still counts from now).

    >>> t = "قبل أيام من بدء الانتخابات"
    >>> m = Mention(0, 8, "قبل أيام", "time", "2013-04-08/2013-04-14", relation="period")
    >>> counted_from_other(m, t, Mentions([m]))
    True
    >>> t = "قبل أيام في بغداد"
    >>> counted_from_other(m, t, Mentions([m]))
    False
    >>> counted_from_other(m, "قبل أيام من قبل مسلحين", Mentions([m]))
    False
    """
    if str(time.value).startswith("P"):
        return False
    toks = tokenize(time.text)
    hit = find(toks, 0, "anchor") if toks else None
    if hit is None or hit.entry.value != "before" or hit.end >= len(toks):
        return False
    after = _NEXT_TWO.match(text, time.end)
    if after is None or match_key(after.group(1)) not in FROM_WORDS:
        return False
    # من قبل، على يد name the doer (قتل قبل يومين من قبل مسلحين): the length counts from now
    return match_key(after.group(2)) not in cue_words("agent_marker") \
        and not times.covering(after.start(2), "time")


class Mentions:
    """Mentions sorted by start, looked up by offset range (bisection, no pandas per query).

    >>> import pandas as pd
    >>> ms = Mentions.of(pd.DataFrame({"start": [4], "end": [8], "text": ["داعش"],
    ...                                "kind": ["actor"], "value": ["ISIS"]}))
    >>> [m.value for m in ms.between(0, 10, "actor")], ms.between(5, 10)
    (['ISIS'], [])
    """

    def __init__(self, items: Iterable[Mention]) -> None:
        # a direction that names no place (غرب البلاد) still tells where an event is: the
        # claims read it as a place of its country (:func:`workbench.find.places.names_no_place`)
        self.items = sorted((m._replace(kind="place") if m.kind == DIRECTION_KIND else m
                             for m in items), key=_span)
        self.starts = [m.start for m in self.items]
        self.longest = max((m.end - m.start for m in self.items), default=0)

    @classmethod
    def of(cls, frame: pd.DataFrame | None) -> Mentions:
        """Records of a mentions frame (any subset of ``MENTION_COLUMNS`` beyond the core).

        The values are those of :func:`prepare_mentions`, read column by column.
        """
        if frame is None or len(frame) == 0:
            return cls(())
        if not frame.columns.is_unique:
            frame = prepare_mentions(frame)
        where = {col: n for n, col in enumerate(frame.columns.tolist())}
        table = frame.to_numpy(dtype=object)
        n = len(frame)
        columns: list[list] = []
        for col in MENTION_COLUMNS:
            if col not in where:
                columns.append([""] * n)
                continue
            values = table[:, where[col]].tolist()
            if col in ("start", "end"):
                values = [int(v) for v in values]
            elif set(map(type, values)) != {str}:
                values = [_as_text(v) for v in values]
            columns.append(values)
        return cls(map(tuple.__new__, repeat(Mention), zip(*columns, strict=True)))

    @classmethod
    def of_rows(cls, rows: Iterable[dict]) -> Mentions:
        """Records of mention rows as dicts (:func:`workbench.find.mentions.mention_rows`),
        the values :meth:`of` reads from their frame, without the frame.

        >>> [m.value for m in Mentions.of_rows([{"start": 4, "end": 8, "kind": "actor", "value": "ISIS"}])]
        ['ISIS']
        """
        fields = MENTION_COLUMNS[2:]
        new = tuple.__new__
        # Most values are text already: only the others go through _as_text.
        return cls(
            new(Mention, (int(r["start"]), int(r["end"]),
                          *[v if type(v) is str else _as_text(v) for v in map(r.get, fields, _BLANKS)]))
            for r in rows
        )

    def between(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        """Mentions that start inside ``[start, end)``, optionally of one kind."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if kind is None or m.kind == kind]

    def before(self, end: int, *, since: int = 0, kind: str | None = None) -> list[Mention]:
        """Mentions inside ``[since, end)`` (ending by ``end``), optionally of one kind."""
        return [m for m in self.between(since, end, kind) if m.end <= end]

    def covering(self, pos: int, kind: str | None = None) -> list[Mention]:
        """Mentions whose span contains offset ``pos``."""
        hi = bisect.bisect_right(self.starts, pos)
        lo = bisect.bisect_left(self.starts, pos - self.longest + 1, 0, hi)  # none before lo reaches pos
        return [m for m in self.items[lo:hi] if m.end > pos and (kind is None or m.kind == kind)]

    def shifted(self, start: int, end: int) -> Mentions:
        """The mentions inside ``[start, end)`` with offsets relative to ``start``."""
        return Mentions(m._replace(start=m.start - start, end=m.end - start)
                        for m in self.between(start, end) if m.end <= end)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


_span = itemgetter(0, 1)  # a mention's (start, end)
