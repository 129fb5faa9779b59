"""Stage 10 of ``clean``: one row per place where the source lost text.

A marker stands where digits were dropped; its kind (count, year, date, range, number)
is read from the words around it. A run of U+FFFD is a run of glyphs the source drew
without naming their characters (kind ``unreadable``). A dateline whose day and year
were lost gives its own rows (``start`` -1: the dateline is no part of the clean text).
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from ..resources import read_rows
from ..text.arabic import GAP_MARKER, match_key
from .lexicon import core
from .lines import Line, first_src
from .stages import ARABIC_RE, DIGIT_RE, Laid

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

GAP_COLUMNS = ["start", "end", "kind", "context", "raw_start", "raw_end"]


@cache
def _month_keys() -> frozenset[str]:
    """Month names (matching keys) that are not also common words: a number after one is a year."""
    return frozenset(row.form for row in read_rows("text/months.csv") if row.ambiguous != "2")


@cache
def _cue_keys(role: str) -> frozenset[str]:
    from .lexicon import cues

    return frozenset(match_key(c) for c in cues(role))


_DASHES = {"-", "\u2013", "\u2014"}


def _word_key(token: str) -> str:
    return match_key(core(token))


def _is_month(token: str) -> bool:
    key = _word_key(token)
    months = _month_keys()
    # With a proclitic (في/ب/ل/و) written on: بديسمبر, وديسمبر.
    return key in months or (len(key) > 3 and key[1:] in months and key[0] in "بلوف")


def gap_kind(before: list[str], after: list[str], *, marker: str = GAP_MARKER) -> str:
    """Kind of a lost number from the words around it (nearest first in both lists).

    >>> gap_kind(["من", "أكثر"], ["هجومًا"])
    'count'
    >>> gap_kind(["ديسمبر", "في"], ["."])
    'year'
    >>> gap_kind(["بين"], ["–", "[…]"])
    'range'
    """
    prev = before[0] if before else ""
    nxt = after[0] if after else ""
    if (nxt in _DASHES and len(after) > 1 and after[1].startswith(marker)) or (
        prev in _DASHES and len(before) > 1 and before[1].endswith(marker)
    ):
        return "range"
    prev_key = _word_key(prev)
    if prev and prev_key and _is_month(prev):
        return "year"
    if prev_key in _cue_keys("year_cue"):
        return "year"
    if nxt and _word_key(nxt) and _is_month(nxt):
        return "date"
    nxt_key = _word_key(nxt)
    if nxt_key and ARABIC_RE.search(nxt_key) and nxt_key not in _cue_keys("function"):
        return "count"
    if prev_key in _cue_keys("count_cue") or (
        prev_key in _cue_keys("function")
        and len(before) > 1
        and _word_key(before[1]) in _cue_keys("count_cue")
    ):
        return "count"
    return "number"


@cache
def _counted_plurals() -> frozenset[str]:
    """Counted nouns in the forms a number governs (plural, accusative singular) of
    ``find/quantity_cues.csv``: أشخاص، قتلى، جنود، شخصا، يوما."""
    return frozenset(row.form for row in read_rows("find/quantity_cues.csv")
                     if row.role == "noun" and row.number in ("pl", "acc"))


def number_slot(before: list[str], after: list[str]) -> bool:
    """True where a number is all but required between ``before`` and ``after`` (nearest first).

    One such place is evidence enough of a lost number: a count or year cue, or a month,
    right before it (``أكثر من  هجوما``, ``عام  .``, ``ديسمبر  ``), a month right after it,
    or a plural counted noun right after a word that is not a number itself (``قتل  أشخاص``).

    >>> number_slot(["قتل"], ["أشخاص"]), number_slot(["من", "أكثر"], ["هجوما"])
    (True, True)
    >>> number_slot(["في"], ["العراق"])
    False
    """
    if not before or not after:
        return False
    prev, nxt = _word_key(before[0]), _word_key(after[0])
    if prev in _cue_keys("count_cue") or prev in _cue_keys("year_cue") or (prev and _is_month(before[0])):
        return True
    if prev in _cue_keys("function") and len(before) > 1 and _word_key(before[1]) in _cue_keys("count_cue"):
        return True
    if nxt and _is_month(after[0]):
        return True
    return bool(prev) and nxt in _counted_plurals()


_CONTEXT_WORDS = 3
_UNREADABLE = "\ufffd"  # REPLACEMENT CHARACTER: the PDF reader's mark for a nameless glyph


def gap_rows(laid: Laid, marker: str, raw_len: int) -> list[dict]:
    """Lost digits (the marker) and unreadable glyphs (U+FFFD), in text order."""
    text = laid.doc.text
    rows = []
    starts = [b.start for b in laid.blocks]
    for m in re.finditer(f"{re.escape(marker)}|{_UNREADABLE}+", text):
        at = bisect.bisect_right(starts, m.start()) - 1
        block_start = laid.blocks[at].start if at >= 0 else 0
        block_end = laid.blocks[at].end if at >= 0 and laid.blocks[at].end >= m.end() else len(text)
        if m.group() == marker:
            before, after = _words_around(text, m.start(), m.end())
            kind = gap_kind(list(reversed(before[-3:])), after[:3], marker=marker)
        else:
            # glyphs the source drew without naming their characters (a PDF without a
            # ToUnicode entry for them): what they stood for is unknown, even whether digits
            kind = "unreadable"
        raw_start = int(laid.doc.src[m.start()])
        raw_end = int(laid.doc.src[m.end() - 1]) + 1 if kind == "unreadable" else raw_start + 1
        rows.append(
            {
                "start": m.start(),
                "end": m.end(),
                "kind": kind,
                "context": _context(text, m.start(), m.end(), block_start, block_end),
                "raw_start": raw_start,
                "raw_end": min(raw_end, raw_len),
            }
        )
    return rows


_WINDOW = 200  # characters either side of a gap that are enough for three words


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Whole words before ``start`` and after ``end`` within a bounded window."""
    a = max(0, start - _WINDOW)
    before = text[a:start].split()
    if a > 0 and before and not text[a - 1].isspace() and not text[a].isspace():
        before = before[1:]
    b = min(len(text), end + _WINDOW)
    after = text[end:b].split()
    if b < len(text) and after and not text[b].isspace() and not text[b - 1].isspace():
        after = after[:-1]
    return before, after


def _context(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """A few words either side of ``text[start:end]`` within ``[lo, hi)``, as written."""
    a = start
    for _ in range(_CONTEXT_WORDS + 1):
        k = text.rfind(" ", lo, a)
        if k < 0:
            a = lo
            break
        a = k
    a = a + 1 if a > lo or text[a : a + 1] == " " else a
    b = end
    for _ in range(_CONTEXT_WORDS + 1):
        k = text.find(" ", b + 1, hi)
        if k < 0:
            b = hi
            break
        b = k
    return text[a:b].strip()


_INT_GAP_COLUMNS = ("start", "end", "raw_start", "raw_end")


def gap_frame(rows: list[dict]) -> pd.DataFrame:
    """The gaps table, built column by column with its dtypes set once.

    Same frame as ``pd.DataFrame(rows, columns=GAP_COLUMNS)`` cast to int64 offsets, at a
    fraction of the cost. Text columns are left to pandas' inference: ``str`` when there
    are rows, ``object`` when there are none. Most documents have no gap: they get a
    copy of one empty table, made once.
    """
    import pandas as pd

    if not rows:
        return _empty_gap_frame().copy()
    columns: dict[str, object] = {}
    for name in GAP_COLUMNS:
        values = [row[name] for row in rows]
        columns[name] = np.array(values, dtype=np.int64) if name in _INT_GAP_COLUMNS else values
    return pd.DataFrame(columns, columns=GAP_COLUMNS)


@cache
def _empty_gap_frame() -> pd.DataFrame:
    """The gaps table of a text without gaps (never handed out: callers copy it)."""
    import pandas as pd

    columns = {
        name: np.array([], dtype=np.int64 if name in _INT_GAP_COLUMNS else object) for name in GAP_COLUMNS
    }
    return pd.DataFrame(columns, columns=GAP_COLUMNS)


# ---------------------------------------------------------------------------
# Dateline.


def dateline_date(dateline: str, *, lost: bool, marker: str) -> tuple[str, int]:
    """The dateline's date as written, lost day and year marked: ``[…] مايو […]``."""
    words = [w for w in dateline.split() if w != marker]
    months = [w for w in words if _is_month(w)]
    if not months:
        return "", 0
    if DIGIT_RE.search(dateline) or not lost:
        return " ".join(w for w in dateline.split()), 0
    return f"{marker} {months[0]} {marker}", 2


def dateline_rows(published: str, n: int, byline: Line) -> list[dict]:
    """``n`` gap rows for the dateline's lost day and year, pointing at its raw line."""
    at = first_src(byline)
    end = (int(byline.src[-1]) + 1) if len(byline.src) else at
    return [
        {"start": -1, "end": -1, "kind": "date", "context": f"dateline: {published}",
         "raw_start": at, "raw_end": end}
        for _ in range(n)
    ]
