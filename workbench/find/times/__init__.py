"""Time expressions in Arabic reporting, normalised to ISO 8601 against a reference date.

Recognises Gregorian months in every Arabic series (أبريل, نيسان, أفريل and the combined
أبريل/نيسان), Hijri months and dates (converted with hijridate, Umm al-Qura), days, years,
weekdays, relative words (أمس, الأسبوع الماضي, قبل ثلاثة أيام), qualifiers, ranges (بين 2014
و2017, من ... إلى ...), open periods (منذ أكتوبر) and durations (شهرين → ``P2M``).

Decisions, so a reader can check them:

- Qualifiers split a month in thirds: أوائل/مطلع/بداية → days 1–10, منتصف/أواسط → 11–20,
  أواخر/نهاية → 21–end; a year in thirds of four months. نصف/نص الشهر ("half of the
  month", a colloquial pay-day phrase) is the midpoint, day 15. The value stays the month or year
  (``2020-06``), the ``qualifier`` column says which third, ``start_date``/``end_date`` give it.
- A month or day without a year takes its year from the tense: an explicit modifier
  (المنصرم → strictly before the reference month, المقبل → strictly after), else a future cue
  near it in the sentence (سوف, a سـ-prefixed verb, من المقرر) → the next such month (the
  reference month included), else the past → the most recent (included). Flags
  ``year_inferred`` (and ``month_only`` for a bare month). ``tense`` sets what to assume when
  nothing says; news reporting is mostly past.
- A gap marker ``[…]`` where the year belongs (ديسمبر […]) keeps the year unknown:
  ``XXXX-12``, flag ``year_unknown``, never guessed. A writer who wrote the year did so
  because it was not the obvious one, so the nearest past month is a poor guess; only in a
  future-tense clause (plans are near-term) the next occurrence is offered in ``proposed``.
- ``بين […] – […]`` (digits of both ends lost) is a time only when a period word (فترة,
  مرحلة, سنوات) comes just before: ``XXXX/XXXX``, flags ``year_unknown;range``. Otherwise it
  may be a count and is left to the quantity finder.
- A day keeps the part of the day or the clock time said around it (فجر الأربعاء, مساء أمس,
  الساعة العاشرة من صباح اليوم, يوم الخميس عند الساعة 9:30 مساءً) in ``time_of_day``: dawn,
  morning, noon, afternoon, evening, night, midnight, or ``HH:MM`` on the 24-hour clock. ليلة
  before a named day is ``eve``, the night before it (ليلة الجمعة is Thursday night: the day
  begins at sunset); ليلة أمس is last night. An hour that nothing places in the day keeps both
  readings (``03:00|15:00``). The date is the day as written; a part of the day alone (صباحًا)
  is no time.
- منذ + a date is an open period up to the reference (``2019-10/2020-05``); منذ, قبل or
  (colloquially) من + a length (منذ يومين, من أسبوع) is a point that far back, except after
  أكثر/أقل (أكثر من أسبوع is a length). Without a reference the open end is ``..``.

>>> df = find_times("خلال شهر أبريل/نيسان المنصرم", reference=date(2020, 5, 1))
>>> df[["text", "value", "precision", "flags"]].values.tolist()
[['شهر أبريل/نيسان المنصرم', '2020-04', 'month', 'month_only;year_inferred']]
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd

from ...text.lexmatch import FoldedText, fold
from ...text.tokens import Token, tokenize
from ..quantities import clitic_start
from ..rows import scan
from .clock import with_time_of_day
from .lexicon import anchor_only, core_ahead, may_follow_anchor, may_start, number_may_start
from .recognise import Parser
from .resolve import Found

__all__ = ["COLUMNS", "find_times", "time_rows"]

COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "start_date", "end_date", "precision",
    "relation", "qualifier", "calendar", "proposed", "time_of_day",
]


def find_times(
    text: str, *, reference: date | datetime | None = None, tense: str = "past",
    folded: FoldedText | None = None,
) -> pd.DataFrame:
    """Time expressions in ``text`` as ISO 8601 values resolved against ``reference``.

    ``tense`` (``"past"`` or ``"future"``) is what to assume for a month, day or weekday
    without a year when its sentence has no cue either way. ``folded`` is
    ``workbench.text.lexmatch.fold(text)`` when the caller already has it.

    >>> ref = date(2020, 5, 12)
    >>> find_times("منذ أكتوبر", reference=ref)[["value", "relation"]].values.tolist()
    [['2019-10/2020-05', 'since']]
    >>> find_times("في ديسمبر [\u2026].", reference=ref)[["value", "flags"]].values.tolist()
    [['XXXX-12', 'year_unknown']]
    >>> find_times("بين 2014 و2017")["value"].tolist()
    ['2014/2017']
    """
    if not text:
        return pd.DataFrame(columns=COLUMNS)
    return pd.DataFrame(time_rows(text, reference=reference, tense=tense, folded=folded),
                        columns=COLUMNS)


def time_rows(
    text: str, *, reference: date | datetime | None = None, tense: str = "past",
    folded: FoldedText | None = None,
) -> list[dict[str, Any]]:
    """The rows of :func:`find_times` as dicts keyed by ``COLUMNS``, in text order.

    >>> [r["value"] for r in time_rows("في أيار 2014")]
    ['2014-05']
    """
    if not text:
        return []
    if tense not in ("past", "future"):
        raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")
    toks = tokenize(text, pieces=True, folded=folded if folded is not None else fold(text))
    parser = Parser(text, reference, tense, toks)

    def read(k: int, tok: Token, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], int] | None:
        kind = tok.kind
        if kind == "word":
            if not may_start(tok.key):
                return None
            if anchor_only(tok.key) and not may_follow_anchor(toks, k + 1):
                return None
            if not core_ahead(toks, k):
                return None
        elif kind != "num" and kind != "gap":
            return None
        try:
            found = None if kind == "num" and not number_may_start(toks, k) else parser.expression(k)
        except (ValueError, OverflowError, IndexError):
            found = None
        if found is None or found.j <= k:
            return None
        found = _widened(text, toks, found, rows)
        return _to_row(text, toks, found), found.j

    return scan(toks, read)


def _widened(text: str, toks: list[Token], found: Found, rows: list[dict[str, Any]]) -> Found:
    """A day point with its time of day (see ``with_time_of_day``), not reaching back into
    the last row found; any other expression as it is."""
    if found.precision == "day" and found.relation == "point":
        return with_time_of_day(text, toks, found, rows[-1]["end"] if rows else 0)
    return found


def _to_row(text: str, toks: list[Token], f: Found) -> dict[str, Any]:
    """A found expression as a row of :func:`find_times`, its start after any proclitic."""
    start = clitic_start(text, toks[f.i], f.pre)
    end = toks[f.j - 1].end
    return {
        "start": start, "end": end, "text": text[start:end], "kind": "time", "value": f.value,
        "flags": ";".join(dict.fromkeys(f.flags)), "start_date": f.start_date, "end_date": f.end_date,
        "precision": f.precision, "relation": f.relation, "qualifier": f.qualifier,
        "calendar": f.calendar, "proposed": f.proposed, "time_of_day": f.time_of_day,
    }

