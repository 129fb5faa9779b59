"""Partial ISO 8601 dates: the one reading of ``2020``, ``2020-05``, ``XXXX-12``, ``201X``,
seasons (``2020-22``) and periods (``2019-10/2020-05``) that every stage shares.

Sources lose digits (``ديسمبر […]`` → ``XXXX-12``) and give months, seasons or years
rather than days, so a date is a span of days ``[lo, hi)`` with its precision, not a
day. :class:`DateSpan` is that span; :func:`parse_date_span` reads one from the values
the tables hold; :func:`iso_parts` and :func:`iso_first_day` read the leading date of a
value for the stages that only need its year or its first day.

>>> span = DateSpan.parse("2019-10/2020-05")
>>> span.first_day, span.last_day, span.precision, span.period
(datetime.date(2019, 10, 1), datetime.date(2020, 5, 31), 'month', True)
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from .arabic import western_digits

# One date: year, month (or an ISO 8601-2 season 21-24), day; any of them may be unknown
# ("X"); a time after "T" is ignored. ISO_DATE_RE reads a whole value, _LEADING_RE the
# date a value starts with.
_PARTS = r"(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2}))?(?:-(?P<d>[0-9X]{2}))?"
ISO_DATE_RE = re.compile(rf"^{_PARTS}(?:[T ][0-9:.+Z-]*)?$")
_LEADING_RE = re.compile(_PARTS)
_OPEN = ("", "..")
# ISO 8601-2 season codes: first month and the month after the last (northern hemisphere).
_SEASONS = {21: (3, 6), 22: (6, 9), 23: (9, 12), 24: (12, 15)}
PRECISIONS = ("day", "month", "season", "year", "decade")


@dataclass(frozen=True)
class DateSpan:
    """When an event happened, as the days ``[lo, hi)`` it may fall in, and how known.

    ``precision`` is the unit of the coarsest end (day, month, season, year, decade);
    ``period`` says the event lasts from ``lo`` to ``hi`` rather than happening once in
    it; ``open_start``/``open_end`` mark a period whose other end the text leaves open;
    ``proposed`` says a year was lost in the source and filled from ``proposed_year``.
    """

    lo: date
    hi: date
    precision: str
    period: bool = False
    open_start: bool = False
    open_end: bool = False
    proposed: bool = False

    @classmethod
    def parse(cls, start: Any, end: Any = None, *, proposed_year: Any = None,
              until: date | None = None) -> DateSpan | None:
        """The span of a partial ISO date or period; see :func:`parse_date_span`."""
        return parse_date_span(start, end, proposed_year=proposed_year, until=until)

    @property
    def first_day(self) -> date:
        """The first day the span may mean."""
        return self.lo

    @property
    def last_day(self) -> date:
        """The last day the span may mean (``hi`` is the day after it)."""
        return self.hi - timedelta(days=1)

    def overlaps(self, other: DateSpan) -> bool:
        """True when the two spans share a day.

        >>> DateSpan.parse("2020").overlaps(DateSpan.parse("2020-05"))
        True
        >>> DateSpan.parse("2020-04").overlaps(DateSpan.parse("2020-05"))
        False
        """
        return self.lo < other.hi and other.lo < self.hi

    def as_proposed(self) -> DateSpan:
        """The same span, flagged as resting on a proposed year."""
        return replace(self, proposed=True)


def parse_date_span(
    start: Any, end: Any = None, *, proposed_year: Any = None, until: date | None = None,
) -> DateSpan | None:
    """Parse a partial ISO date or period (``2020-04``, ``2019-10/2020-05``, ``XXXX-12``).

    ``end`` may give a period's end separately; an open end (``2019-10/..``) runs to
    ``until`` when given. An unknown year is taken from ``proposed_year`` (a year, or a
    range ``2014/2017``) and flagged; so is a missing date when a year is proposed.
    Without a proposal an unknown year cannot be placed and the result is ``None`` (a
    period whose start year was lost keeps its known end and is open at the start).

    >>> s = parse_date_span("2020-04"); (s.lo, s.hi, s.precision, s.period, s.proposed)
    (datetime.date(2020, 4, 1), datetime.date(2020, 5, 1), 'month', False, False)
    >>> s = parse_date_span("2019-10", "2020-05"); (s.lo, s.hi, s.period)
    (datetime.date(2019, 10, 1), datetime.date(2020, 6, 1), True)
    >>> parse_date_span("2019-10/2020-05") == s
    True
    >>> parse_date_span("XXXX-12") is None
    True
    >>> s = parse_date_span("XXXX-12", proposed_year="2017"); (s.lo, s.proposed)
    (datetime.date(2017, 12, 1), True)
    >>> s = parse_date_span("XXXX", proposed_year="2014/2017"); (s.lo, s.hi, s.period)
    (datetime.date(2014, 1, 1), datetime.date(2018, 1, 1), True)
    >>> parse_date_span("2020-04-XX").precision, parse_date_span("2020-XX").precision
    ('month', 'year')
    >>> s = parse_date_span("2019-10/..", until=date(2020, 5, 1)); (s.hi, s.open_end)
    (datetime.date(2020, 5, 1), True)
    >>> s = parse_date_span("XXXX-10", "2020-05"); (s.lo, s.open_start)
    (datetime.date(2020, 5, 1), True)
    >>> parse_date_span("2020-13") is None, parse_date_span("soon") is None
    (True, True)
    """
    text = _as_text(start)
    end_text = _as_text(end)
    slash = "/" in text
    if slash:
        text, _, end_text = text.partition("/")
        text, end_text = text.strip(), end_text.strip()
    proposal = proposed_years(proposed_year)
    if not text and not end_text and proposal is not None:
        text = "XXXX"  # no date in the text, but the chronology proposes a year
    first = _parse_part(text, proposal)
    last = _parse_part(end_text, proposal) if end_text not in _OPEN else None
    end_unplaced = last is None and end_text not in _OPEN
    if end_unplaced and not ISO_DATE_RE.match(_iso_text(end_text)):
        return None  # a malformed end: not a date at all
    if first is None:
        if last is not None and (text in _OPEN or ISO_DATE_RE.match(_iso_text(text))):
            # "../2020-05", or "XXXX-10/2020-05": began some time before a known end
            return DateSpan(last.lo, last.hi, last.precision, period=True, open_start=True,
                            proposed=last.proposed)
        return None
    if (slash and end_text in _OPEN) or end_unplaced:
        # "2019-10/..": still going on; an end whose year was lost is as good as open.
        stop = until if until is not None and until > first.lo else first.hi
        return DateSpan(first.lo, stop, first.precision, period=True, open_end=True,
                        proposed=first.proposed)
    if last is None or (last.lo, last.hi) == (first.lo, first.hi):
        return first
    coarse = max(first.precision, last.precision, key=PRECISIONS.index)
    return DateSpan(min(first.lo, last.lo), max(first.hi, last.hi), coarse, period=True,
                    proposed=first.proposed or last.proposed)


def _parse_part(text: str, proposal: tuple[int, int] | None) -> DateSpan | None:
    """One ISO date part as a span (a period when a range of years is proposed)."""
    match = ISO_DATE_RE.match(_iso_text(text))
    if not match:
        return None
    y, m, d = match.group("y"), match.group("m"), match.group("d")
    if "X" in y:
        if re.fullmatch(r"\d{3}X", y):  # a decade: 201X
            lo = date(int(y[:3]) * 10, 1, 1)
            return DateSpan(lo, date(lo.year + 10, 1, 1), "decade")
        if y != "XXXX" or proposal is None:
            return None
        first, last = proposal
        if first != last:  # a range of years proposed: the event sits somewhere in it
            if m is None or "X" in m:
                return DateSpan(date(first, 1, 1), date(last + 1, 1, 1), "year", period=True,
                                proposed=True)
            month = int(m)
            if not 1 <= month <= 12:
                return None
            return DateSpan(date(first, month, 1), month_start(last, month + 1), "year",
                            proposed=True)
        span = _parse_part(f"{first:04d}" + text.strip()[4:], None)
        return span and span.as_proposed()
    year = int(y)
    if year < 1 or year > 9998:
        return None
    if m is None or "X" in m:
        return DateSpan(date(year, 1, 1), date(year + 1, 1, 1), "year")
    month = int(m)
    if month in _SEASONS:
        first_month, after = _SEASONS[month]
        return DateSpan(month_start(year, first_month), month_start(year, after), "season")
    if not 1 <= month <= 12:
        return None
    if d is None or "X" in d:
        return DateSpan(date(year, month, 1), month_start(year, month + 1), "month")
    try:
        day = date(year, month, int(d))
    except ValueError:
        return None
    return DateSpan(day, day + timedelta(days=1), "day")


def month_start(year: int, month: int) -> date:
    """The first day of ``month`` counted from January of ``year`` (13 = next January).

    >>> month_start(2020, 13), month_start(2020, 0)
    (datetime.date(2021, 1, 1), datetime.date(2019, 12, 1))
    """
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def proposed_years(value: Any) -> tuple[int, int] | None:
    """A proposed year (``2017``, ``2017.0``) or range (``2014/2017``) as (first, last).

    >>> proposed_years("2017.0"), proposed_years("2017/2014"), proposed_years("")
    ((2017, 2017), (2014, 2017), None)
    """
    text = western_digits(_as_text(value))
    match = re.fullmatch(r"(\d{4})(?:\.0+)?(?:\s*[/\u2013-]\s*(\d{4}))?", text)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (first, last) if last >= first else (last, first)


def iso_parts(text: str) -> tuple[str, str | None, str | None] | None:
    """Year, month and day of the date ``text`` starts with, as written (``X`` unknown).

    Only the start is read (``2020-05/2020-06`` gives 2020 and 05); ``None`` when the
    text does not start with a four-character year.

    >>> iso_parts("XXXX-12"), iso_parts("2020-05-15T10:00"), iso_parts("soon")
    (('XXXX', '12', None), ('2020', '05', '15'), None)
    """
    match = _LEADING_RE.match(_iso_text(text))
    return match.group("y", "m", "d") if match else None


def iso_first_day(text: str) -> date | None:
    """The first day of the date ``text`` starts with, from its leading known parts.

    Lenient by design (a reference date must survive a time or a note after it): what
    follows the date is ignored, an unknown part ends the reading (``2020-XX`` →
    2020-01-01), and ``None`` means the year is unknown or a part out of range.

    >>> iso_first_day("2020-05"), iso_first_day("2020-05-XX"), iso_first_day("XXXX-05")
    (datetime.date(2020, 5, 1), datetime.date(2020, 5, 1), None)
    """
    parts = iso_parts(text)
    known: list[int] = []
    for part in parts or ():
        if part is None or "X" in part:
            break
        known.append(int(part))
    if not known:
        return None
    try:
        return date(*known, *[1] * (3 - len(known)))
    except ValueError:
        return None


def as_reference(value: str | date | datetime | None) -> date | datetime | None:
    """A reference date from what a user passes: a date, a datetime (its clock kept: hours
    ago count from it), or ISO text, full or partial (``2020-05-14T09:30``, ``2020-05``).

    >>> as_reference("2020-05-14"), as_reference("2020-05-14T09:30"), as_reference(None)
    (datetime.date(2020, 5, 14), datetime.datetime(2020, 5, 14, 9, 30), None)
    """
    if value is None or isinstance(value, (date, datetime)):
        return value
    text = western_digits(str(value).strip())
    if not text:
        return None
    if len(text) > 10 and text[10] in "T ":
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(text)
    if iso_parts(text) is None:
        raise ValueError(f"not a reference date: {value!r} (give an ISO date such as 2020-05-14)")
    return iso_first_day(text)  # None when the year is unknown (XXXX-05): no reference


def numeric_order(a: int, b: int, year: int | None = None, *, weekday: int | None = None,
                  on: date | None = None) -> str | None:
    """Which order a numeric date ``a/b[/year]`` shows by itself: ``"dm"`` (day first, 25/4),
    ``"md"`` (month first, 4/25) or ``None`` when it does not tell (4/5 alone).

    With both numbers 12 or less, a weekday written beside the date (Monday 0) or the day it
    must be (``on``: the publication date of a dateline) decides when only one reading fits:
    ``الجمعة 4/5/2019`` is 5 April (a Friday), not 4 May (a Saturday).

    >>> numeric_order(25, 4), numeric_order(4, 25), numeric_order(4, 5, 2019)
    ('dm', 'md', None)
    >>> numeric_order(4, 5, 2019, weekday=4), numeric_order(4, 5, 2019, on=date(2019, 5, 4))
    ('md', 'dm')
    """
    if a > 12 >= b:
        return "dm"
    if b > 12 >= a:
        return "md"
    if a == b or year is None or (weekday is None and on is None):
        return None
    try:
        day_first, month_first = date(year, b, a), date(year, a, b)
    except ValueError:
        return None
    readings = (("dm", day_first), ("md", month_first))
    by_weekday = [order for order, d in readings if d.weekday() == weekday]
    by_day = [order for order, d in readings if d == on]
    for fits in (by_weekday, by_day):  # the weekday first: it is written beside the date
        if len(fits) == 1:
            return fits[0]
    return None


def text_order(votes: list[str | None]) -> str | None:
    """The order of a text's numeric dates: the one its telling dates (``numeric_order``) agree
    on; ``None`` when none tells or they disagree (the caller keeps its convention and says
    the order was not known).

    >>> text_order([None, "md"]), text_order(["dm", "md"]), text_order([None])
    ('md', None, None)
    """
    told = {v for v in votes if v is not None}
    return told.pop() if len(told) == 1 else None


def _iso_text(text: str) -> str:
    return western_digits(text.strip().upper())


def _as_text(value: Any) -> str:
    """A value as a stripped string: a missing value (None, NaN, NA) is ``""``, a whole
    float its integer (a year read as ``2017.0``), a date its ISO form."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        if value != value:  # NaN-like: unequal to itself
            return ""
    except TypeError:  # pandas' NA: its truth value is undefined
        return ""
    return str(value).strip()


__all__ = [
    "ISO_DATE_RE", "PRECISIONS", "DateSpan", "as_reference", "iso_first_day", "iso_parts", "month_start",
    "numeric_order", "parse_date_span", "proposed_years", "text_order",
]
