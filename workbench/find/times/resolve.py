"""Dates from a :class:`~workbench.find.times.partial.Partial` and a reference.

Decisions, so a reader can check them:

- A bare weekday is the last such day on or before the reference (``tense="past"``) or the
  next one after it (``"future"``); الماضي/المقبل make it strictly before/after.
- A weekday beside a relative day (أمس الأربعاء) must agree with it; when it does not, the
  weekday wins (a report dated Saturday that says اليوم الجمعة was written on Friday): the
  last such day on or before the day the relative word names, since nothing is written after
  its publication (nearest such day when the word counts from the story's day), flag
  ``weekday_conflict``.
- A month or day without a year takes the nearest year in the clause's tense (flag
  ``year_inferred``); with no reference the year stays ``XXXX`` (flag ``needs_reference``).
- A clock time gives the value to the minute (``2013-02-12T15:00``, precision hour or
  minute); an hour nothing places in the day keeps both readings in ``time_of_day``
  (``03:00|15:00``) and, when the reference has a time, the value takes the reading nearest
  it in the tense (flag ``ampm_inferred``), else the day only (flag ``ampm_unknown``).
- A vague period (الآونة الأخيرة) is an interval whose length the lexicon states, flag ``vague``.
- Start/end of a month (مطلع/أواخر آذار) are its first/last ten days, the middle days 11–20;
  start/end of a year its first/last month, the middle of a year June–July; the value is
  the span (``2019-12``, ``2020-06/2020-07``, ``2015-03-21/2015-03-31``).
- A quarter (الربع الثالث من 2015, الربع القادم) is its three months (``2015-07/2015-09``);
  the end of a week (نهاية الأسبوع) is Friday to Sunday, its start Monday to Wednesday.
- A part of the day no day goes with (في المساء, بعد الظهر) is that part of the day the story
  is on (else the reference's), flag ``day_inferred``.
- An anaphoric day (في اليوم نفسه، في ذلك اليوم، اليوم التالي) counts from the last day the text
  named, not from the reference (flag ``anaphoric``, relation ``point``); when the text named no
  day before it, the reference stands in and the flag ``antecedent_unknown`` says so, for a
  later stage that knows the day of the event told before.
- A length before or after a point (يومين بعد الخميس) moves the point (flag ``shifted``).
- Two weekdays said together (الأربعاء والخميس، الجمعة وقبله الخميس) are a range of the
  two days in a row (flags ``range``, ``two``), the last such pair on or before the reference.
- A date with a clock (``14 أبريل 2017 05:12``) takes the clock: value to the minute.
- A clock in a named zone (بتوقيت غرينتش) is moved into the reference's zone when the
  reference has one (flag ``timezone``); else it stays as written, flagged ``utc+0``. Wire
  copy writes a GMT clock without its colon (الساعة 1430 بتوقيت غرينتش): read as 14:30.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from .partial import Partial

_LATE_PARTS = {"afternoon": 12, "evening": 16, "night": 18}  # the hour each part begins by
_SMALL_HOURS = 4  # a reference before 04:00 is still the night of the day before
_THIRDS = {"early": (1, 10), "mid": (11, 20), "half": (15, 15), "late": (21, 31),
           "first_half": (1, 15), "second_half": (16, 31), "first": (1, 1)}
# the months of a year each qualifier covers; seasons (صيف العام 2000) only qualify a year
_YEAR_THIRDS = {"early": (1, 1), "mid": (6, 7), "half": (6, 7), "late": (12, 12),
                "first_half": (1, 6), "second_half": (7, 12), "summer": (6, 8),
                "autumn": (9, 11), "first": (1, 1)}
# the days of a week (Monday 0) each qualifier covers: its end (نهاية الأسبوع) is Friday to
# Sunday, the span of Duckling's "week-end" rule (Duckling/Time/AR/Rules.hs)
_WEEK_PARTS = {"early": (0, 2), "mid": (2, 4), "late": (4, 6), "first_half": (0, 3),
               "second_half": (3, 6)}

# How an hour on the 12-hour clock reads in each part of the day (24-hour clock).
_CLOCK_PM = {
    "dawn": lambda h: h % 12,
    "morning": lambda h: h % 12 if h == 12 else h,
    "noon": lambda h: h + 12 if h < 6 else h,
    "afternoon": lambda h: h + 12 if h < 12 else h,
    "evening": lambda h: h + 12 if h < 12 else 0,
    "night": lambda h: h + 12 if 6 <= h < 12 else h % 12,
    "midnight": lambda h: h % 12,
    "am": lambda h: h % 12,  # ص after the clock
    "pm": lambda h: h + 12 if h < 12 else h,  # م after the clock
    "h24": lambda h: h,  # hh:mm in a named zone (09:20 تغ): as written
}


class Context:
    """What resolution needs besides the expression: the reference and the story's day."""

    def __init__(self, reference: date | datetime | None, tense: str) -> None:
        self.ref_dt = reference if isinstance(reference, datetime) else None
        self.ref = reference.date() if isinstance(reference, datetime) else reference
        self.tense = tense
        self.story_day: date | None = None  # the last day the text named
        # the year the sentence has said so far (في عام 2003 ... فجر السبت من 22 آذار): a
        # year-less date later in the same sentence is in that year
        self.said_year: int | None = None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        y, m = divmod(d.month - 1 + n, 12)
        return date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))
    return date(d.year + n, d.month, min(d.day, calendar.monthrange(d.year + n, d.month)[1]))


def bounds(d: date, unit: str) -> tuple[date, date]:
    if unit == "week":
        s = d - timedelta(days=d.weekday())
        return s, s + timedelta(days=6)
    if unit == "month":
        return d.replace(day=1), month_end(d.year, d.month)
    if unit == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def fmt(d: date, unit: str) -> str:
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy}-W{iw:02d}"
    return d.isoformat()


def span_value(s: date, e: date) -> str:
    """An ISO value for the days s..e: a month or months when they are whole, else days."""
    if s.day == 1 and e == month_end(e.year, e.month):
        a, b = fmt(s, "month"), fmt(e, "month")
        if s.month == 1 and e.month == 12:
            a, b = fmt(s, "year"), fmt(e, "year")
        return a if a == b else f"{a}/{b}"
    return f"{s.isoformat()}/{e.isoformat()}"


def row(value: str, s: date | None, e: date | None, precision: str, *, relation: str = "point",
        flags: list[str] | None = None, **extra: str) -> dict[str, Any]:
    out = {"value": value, "start_date": s.isoformat() if s else "",
           "end_date": e.isoformat() if e else "", "precision": precision, "relation": relation,
           "qualifier": "", "calendar": "gregorian", "proposed": "", "time_of_day": "",
           "flags": list(flags or [])}
    out.update(extra)
    return out


def _needs_ref(precision: str, flags: list[str]) -> dict[str, Any]:
    return row("", None, None, precision, flags=[*flags, "relative", "needs_reference"])


def resolve(p: Partial, ctx: Context, tense: str) -> dict[str, Any] | None:
    """The row fields of ``p`` (value, dates, precision, relation, flags ...), or None."""
    flags = list(p.flags)
    if p.shift is not None:
        base = replace(p, shift=None, rules=list(p.rules), flags=flags)
        return _shifted(resolve(base, ctx, tense), p.shift)
    if p.now:
        if ctx.ref is None:
            return _needs_ref("second", flags)
        if ctx.ref_dt is None:
            return row(ctx.ref.isoformat(), ctx.ref, ctx.ref, "day", flags=[*flags, "relative"])
        return row(ctx.ref_dt.isoformat(timespec="seconds"), ctx.ref, ctx.ref, "second",
                   flags=[*flags, "relative"])
    if p.vague is not None or p.span is not None or p.counted is not None:
        from .lengths import counted, period
        return counted(p, ctx, tense, flags) if p.counted else period(p, ctx, flags)
    if p.unit_rel is not None and p.unit_rel[0] == "month" and (
            p.nth is not None or p.last_day or p.week_of_month):
        return _in_relative_month(p, ctx, flags)
    if p.unit_rel is not None and p.unit_rel[0] == "quarter":
        return _quarter_rel(p, ctx, flags)
    if p.unit_rel is not None and p.unit_rel[0] == "year" and p.hijri and p.weekday is None:
        from .calendars import hijri_year_rel
        return hijri_year_rel(p, ctx, tense, flags)
    if p.unit_rel is not None and p.weekday is None:
        return _unit_rel(p, ctx, flags)
    if p.holiday:
        from .calendars import holiday
        out = holiday(p, ctx, tense, flags)
        if out is not None and p.part and not out["time_of_day"]:
            out["time_of_day"] = p.part  # ليلة رأس السنة: the eve of New Year's Day
        return out
    if p.season:
        return _season(p, ctx, flags, tense)
    day = _day(p, ctx, tense, flags)
    if isinstance(day, dict):
        return _keep_time_of_day(p, day)
    if day is None and p.today_part and p.month is None and p.year is None:
        if ctx.ref is None:
            return _keep_time_of_day(p, _needs_ref("day", flags))
        day = ctx.ref  # هذا الصباح, هذه الليلة: a part of the day of writing
        if ctx.ref_dt is not None and ctx.ref_dt.hour < _SMALL_HOURS and (
                p.part in ("evening", "night") or (p.part == "morning" and tense == "past")):
            # written after midnight: this evening is the one just ended, and a morning
            # already past is the day before's
            day = ctx.ref - timedelta(days=1)
            flags = [*flags, "after_midnight"]
    if day is None and p.story_part and not p.has_date and not p.has_clock:
        anchor = ctx.story_day or ctx.ref  # في المساء: the evening of the day the story is on
        if "anaphoric" in flags and ctx.story_day is None:
            flags.append("antecedent_unknown")  # تلك الليلة with no day named before it
        if anchor is None:
            return _keep_time_of_day(p, _needs_ref("day", flags))
        return row(anchor.isoformat(), anchor, anchor, "day", flags=[*flags, "day_inferred"],
                   time_of_day=p.part)
    if day is None and p.has_clock and not p.has_date:
        anchor = ctx.story_day or ctx.ref
        if anchor is None:
            return _clock_only(p, flags)
        day = anchor
        if p.part == "midnight" and tense == "future":
            day = day + timedelta(days=1)  # the midnight ahead ends the day of writing
        flags.append("day_inferred")
    if day is not None:
        if p.has_clock:
            return _with_clock(p, day, ctx, tense, flags)
        if p.today_part and p.part:
            return row(day.isoformat(), day, day, "day", flags=flags, time_of_day=p.part)
        return row(day.isoformat(), day, day, "day", flags=flags,
                   time_of_day=p.part or p.event_part)
    out = _calendar(p, ctx, tense, flags)
    if out is not None and p.has_clock and out["precision"] == "day" and out["start_date"] \
            and out["start_date"] == out["end_date"]:  # 14 أبريل 2017 05:12
        d = date.fromisoformat(out["start_date"])
        return _with_clock(p, d, ctx, tense, out["flags"])
    return out


def _unit_rel(p: Partial, ctx: Context, flags: list[str]) -> dict[str, Any] | None:
    unit, n = p.unit_rel  # type: ignore[misc]
    flags = [*flags, "relative"]
    anchor = ctx.story_day if p.direction == "same" and ctx.story_day else ctx.ref
    if anchor is None:
        return _needs_ref(unit, flags)
    d = shift(anchor, unit, n)
    if unit == "month" and p.day is not None:  # العاشر من الشهر الجاري: a day of that month
        if p.day > calendar.monthrange(d.year, d.month)[1]:
            return None
        day = date(d.year, d.month, p.day)
        if p.has_clock:
            return _with_clock(p, day, ctx, ctx.tense, flags)
        return row(day.isoformat(), day, day, "day", flags=flags, time_of_day=p.part)
    s, e = bounds(d, unit)
    if p.qualifier in ("earlier", "later"):  # the part of this unit before or after now
        s, e = (s, anchor) if p.qualifier == "earlier" else (anchor, e)
        return row(span_value(s, e), s, e, "day", flags=flags, qualifier=p.qualifier)
    if p.qualifier in _WEEK_PARTS and unit == "week":  # نهاية الأسبوع: Friday to Sunday
        a, b = _WEEK_PARTS[p.qualifier]
        s, e = s + timedelta(days=a), s + timedelta(days=b)
        return row(span_value(s, e), s, e, "day", flags=flags, qualifier=_qual(p.qualifier))
    if p.qualifier and unit in ("month", "year"):
        s, e = _third(d.year, d.month if unit == "month" else None, p.qualifier)
        return row(span_value(s, e), s, e, unit, flags=flags, qualifier=_qual(p.qualifier))
    return row(fmt(d, unit), s, e, unit, flags=flags)


_COARSE_CLOCK = ("second", "minute", "hour", "day")


def _shifted(out: dict[str, Any] | None, by: tuple[str, int]) -> dict[str, Any] | None:
    """A day or clock moved by a length (يومين بعد الخميس: the Saturday); None for a period."""
    if out is None or not out["value"] or not out["start_date"] or out["start_date"] != out["end_date"]:
        return None
    unit, n = by
    flags = [*out["flags"], "shifted"]
    if "T" in out["value"]:
        t = datetime.fromisoformat(out["value"])
        t = t + timedelta(**{unit + "s": n}) if unit in ("hour", "minute", "second") \
            else datetime.combine(shift(t.date(), unit, n), t.time())
        finer = {"minute": "minute", "second": "second"}.get(unit)  # ربع ساعة بعد الثالثة: 15:15
        precision = finer if finer and _COARSE_CLOCK.index(finer) < _COARSE_CLOCK.index(out["precision"]) \
            else out["precision"]
        spec = "seconds" if precision == "second" else "minutes"
        return {**out, "value": t.isoformat(timespec=spec), "start_date": t.date().isoformat(),
                "end_date": t.date().isoformat(), "flags": flags, "precision": precision}
    if unit in ("hour", "minute", "second") or out["precision"] != "day":
        return None
    d = shift(date.fromisoformat(out["start_date"]), unit, n)
    return row(d.isoformat(), d, d, "day", flags=flags, time_of_day=out["time_of_day"])


def _quarter_months(year: int, rank: int, size: int = 3) -> tuple[date, date]:
    """The first and last day of a year's quarter (rank 1–4, -1 the last), or of its part of
    ``size`` months of that rank (الثلث الأول: the first four months)."""
    q = 12 // size if rank == -1 else rank
    return date(year, size * (q - 1) + 1, 1), month_end(year, min(12, size * q))


def _quarter_rel(p: Partial, ctx: Context, flags: list[str]) -> dict[str, Any]:
    """الربع القادم: the quarter after the reference's (months Jan–Mar, Apr–Jun ...)."""
    flags = [*flags, "relative"]
    if ctx.ref is None:
        return _needs_ref("month", flags)
    index = ctx.ref.year * 4 + (ctx.ref.month - 1) // 3 + p.unit_rel[1]  # type: ignore[index]
    s, e = _quarter_months(index // 4, index % 4 + 1)
    return row(span_value(s, e), s, e, "month", flags=flags)


def _in_relative_month(p: Partial, ctx: Context, flags: list[str]) -> dict[str, Any] | None:
    """An nth weekday, week or day of a month said by relation (أول خميس من الشهر المقبل,
    الأسبوع الأخير من هذا الشهر): that month found from the reference, then as a named one."""
    flags = [*flags, "relative"]
    if ctx.ref is None:
        return _needs_ref("day", flags)
    d = shift(ctx.ref, "month", p.unit_rel[1])  # type: ignore[index]
    named = replace(p, unit_rel=None, month=d.month, year=d.year, rules=list(p.rules), flags=list(p.flags))
    return _in_month(named, d.year, flags, "")


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def _season(p: Partial, ctx: Context, flags: list[str], tense: str = "past") -> dict[str, Any]:
    """The next (or last) whole season after (before) the reference: الشتاء القادم written in
    May 2020 is 2020-12/2021-02; a season the reference is in is neither. هذا الشتاء is the
    one the reference is in, else the next (future clause) or last one."""
    flags = [*flags, "relative"]
    if ctx.ref is None:
        return _needs_ref("month", flags)
    a, b = _SEASON_MONTHS[p.season]

    def span(y: int) -> tuple[date, date]:
        return date(y, a, 1), month_end(y + (b - 1) // 12, (b - 1) % 12 + 1)

    years = range(ctx.ref.year - 2, ctx.ref.year + 2)
    inside = [span(y) for y in years if span(y)[0] <= ctx.ref <= span(y)[1]]
    direction = p.direction
    if direction == "current" and inside:
        s, e = inside[0]
        return row(f"{fmt(s, 'month')}/{fmt(e, 'month')}", s, e, "month", relation="period", flags=flags)
    if direction == "current":
        direction = tense
    if direction == "future":
        s, e = next(span(y) for y in years if span(y)[0] > ctx.ref)
    else:
        s, e = [span(y) for y in years if span(y)[1] < ctx.ref][-1]
    return row(f"{fmt(s, 'month')}/{fmt(e, 'month')}", s, e, "month", relation="period", flags=flags)


def _qual(q: str) -> str:
    return {"half": "mid", "first": "early"}.get(q, q)


def month_part(q: str, last: int) -> tuple[int, int] | None:
    """The days (first, last) of a month of ``last`` days that qualifier ``q`` covers: a third
    or half (``_THIRDS``), or a count of its first or last days (``first:21`` = 1–21, ``last:5``
    = its last five: الأيام الخمسة الأخيرة من مارس); None for no part of a month.

    >>> month_part("mid", 31), month_part("first:21", 30), month_part("last:5", 31)
    ((11, 20), (1, 21), (27, 31))
    """
    side, _, n = q.partition(":")
    if n.isdigit() and side in ("first", "last"):
        return (1, min(int(n), last)) if side == "first" else (max(1, last - int(n) + 1), last)
    if q not in _THIRDS:
        return None
    a, b = _THIRDS[q]
    return a, min(b, last)


def _third(year: int, month: int | None, q: str) -> tuple[date, date]:
    if month is None:
        a, b = _YEAR_THIRDS[q]
        return date(year, a, 1), month_end(year, b)
    a, b = month_part(q, calendar.monthrange(year, month)[1]) or (1, 31)
    return date(year, month, a), date(year, month, b)


def _day(p: Partial, ctx: Context, tense: str, flags: list[str]) -> date | dict | None:
    """The day a relative day, a weekday or a weekday of a week names (None: not such)."""
    if p.offset is not None:
        anchor = ctx.story_day if p.story and ctx.story_day else ctx.ref
        if p.story:
            # في اليوم نفسه، في ذلك اليوم: the day the text named last; named none before it,
            # the reference is a guess the flag tells (the events stage may know the day)
            flags.append("anaphoric")
            if ctx.story_day is None:
                flags.append("antecedent_unknown")
        if anchor is None:
            return _needs_ref("day", flags)
        flags.append("relative")
        d = anchor + timedelta(days=p.offset)
        if p.weekday is not None and d.weekday() != p.weekday:
            flags.append("weekday_conflict")
            if anchor is ctx.ref:
                # the writer cannot have written after the reference (the publication day):
                # the last such weekday on or before the day the relative word names
                d = d - timedelta(days=(d.weekday() - p.weekday) % 7)
            else:
                d = d + timedelta(days=(p.weekday - d.weekday() + 3) % 7 - 3)
        return d
    if p.weekday is None or p.month is not None or p.day is not None:
        return None
    if p.week_rel is not None or p.week_same:
        anchor = ctx.story_day if p.week_same and ctx.story_day else ctx.ref
        if anchor is None:
            return _needs_ref("day", flags)
        flags.append("relative")
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * (p.week_rel or 0))
        return monday + timedelta(days=p.weekday)
    if ctx.ref is None:
        return _needs_ref("day", flags)
    flags.append("relative")
    ref, wd = ctx.ref, p.weekday
    direction = p.direction or tense
    if direction == "future":
        # the evening of the reference day's own weekday, written before that evening
        # (مساء الجمعة on the Friday morning), is that day; a bare weekday is the next one
        ahead = not p.direction and p.part in _LATE_PARTS and (
            ctx.ref_dt is None or ctx.ref_dt.hour < _LATE_PARTS[p.part])
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or (0 if ahead else 7))
    if direction == "current":
        return ref + timedelta(days=(wd - ref.weekday()) % 7)
    back = (ref.weekday() - wd) % 7
    if p.direction == "past" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _keep_time_of_day(p: Partial, out: dict[str, Any]) -> dict[str, Any]:
    """A day relative to a reference the text lacks still says its hour or part of the day,
    which do not depend on it (الساعة 10 من صباح اليوم: 10:00; مساء اليوم: evening), in
    ``time_of_day``; the value stays blank, as the day is unknown."""
    if "needs_reference" not in out["flags"] or out["value"]:
        return out
    if p.has_clock:
        out["time_of_day"] = _tod(p)
    elif p.part or p.event_part:
        out["time_of_day"] = p.part or p.event_part
    return out


def _clock_only(p: Partial, flags: list[str]) -> dict[str, Any]:
    tod = _tod(p)
    flags = [*flags, "needs_reference"]
    value = f"XXXX-XX-XXT{tod}" if "|" not in tod else ""
    return row(value, None, None, "minute" if p.minute_said else "hour", flags=flags,
               time_of_day=tod)


def _hour24(p: Partial) -> int | None:
    """The hour on the 24-hour clock, or None when nothing says which half of the day."""
    h = p.hour or 0
    if h == 12 and p.hhmm and p.minute and p.part in ("evening", ""):
        return 12  # 12:55 مساء, 12:30: a digital clock's 12 is the hour after noon
    if p.part in _CLOCK_PM and 1 <= h <= 12:
        return _CLOCK_PM[p.part](h) % 24
    if h == 0 or h > 12:
        return h % 24
    return None


def _tod(p: Partial) -> str:
    h24 = _hour24(p)
    m = p.minute
    if h24 is not None:
        return f"{h24:02d}:{m:02d}"
    h = (p.hour or 0) % 12
    return f"{h:02d}:{m:02d}|{h + 12:02d}:{m:02d}"


def _with_clock(p: Partial, day: date, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any]:
    tod = _tod(p)
    precision = "minute" if p.minute_said or p.second is not None else "hour"
    h24 = _hour24(p)
    if h24 is None:
        if ctx.ref_dt is None or day != ctx.ref:
            return row(day.isoformat(), day, day, "day", flags=[*flags, "ampm_unknown"],
                       time_of_day=tod)
        h = (p.hour or 0) % 12
        am = ctx.ref_dt.replace(hour=h, minute=p.minute, second=0, microsecond=0)
        pm = am + timedelta(hours=12)
        h24 = (h if am >= ctx.ref_dt else h + 12) if tense == "future" else h + 12 if pm <= ctx.ref_dt else h
        flags = [*flags, "ampm_inferred"]
    t = datetime(day.year, day.month, day.day, h24, p.minute, p.second or 0)
    if p.utc_offset is not None and ctx.ref_dt is not None and ctx.ref_dt.utcoffset() is not None:
        t = t + (ctx.ref_dt.utcoffset() - timedelta(hours=p.utc_offset))  # type: ignore[operator]
        flags = [*flags, "timezone"]
    elif p.utc_offset is not None:  # the reference has no zone: the clock as written
        flags = [*flags, f"utc{p.utc_offset:+d}"]
    value = t.isoformat(timespec="seconds" if p.second is not None else "minutes")
    return row(value, t.date(), t.date(), "second" if p.second is not None else precision,
               flags=flags, time_of_day=tod)


def infer_year(ref: date, month: int, day: int | None, direction: str) -> int:
    """The year of (month, day) nearest the reference in ``direction`` (the reference's own
    month or day included unless the words say strictly past or future)."""
    here, it = (ref.month, ref.day if day else 0), (month, day or 0)
    if direction == "future":
        return ref.year if it > here or (False) else ref.year + 1
    if direction == "future_incl":  # the reference's month counts, as Duckling has it
        return ref.year if month >= ref.month else ref.year + 1
    if direction == "past":
        return ref.year if it < here else ref.year - 1
    if direction == "current":
        return ref.year
    return ref.year if it <= here else ref.year - 1


def _calendar(p: Partial, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any] | None:
    """A date by the calendar: year, month, day (any may be missing), nth weekday, thirds."""
    if p.hijri:
        from .calendars import hijri
        return hijri(p, ctx, tense, flags)
    year, proposed = p.year, ""
    if year is None and p.year_rel == 0 and p.direction == "same" and ctx.said_year is not None:
        year = ctx.said_year  # يناير من السنة ذاتها: the year the sentence said before
        flags.append("year_from_sentence")
    if year is None and p.year_rel is not None:
        if ctx.ref is None:
            return _needs_ref("year", flags)
        year = ctx.ref.year + p.year_rel
        flags.append("relative")
    if year is None and p.month is None:
        if p.year_lost:
            return row("XXXX", None, None, "year", flags=[*flags, "year_unknown"])
        return None
    if year is None and p.month is not None and p.day is not None and not p.year_lost \
            and p.direction not in ("past", "future", "current") and ctx.said_year is not None \
            and (p.weekday is None or _on_weekday(ctx.said_year, p.month, p.day, p.weekday)):
        year = ctx.said_year  # عام 2003 ... فجر السبت من 22 آذار: the sentence's year
        flags.append("year_from_sentence")
    if year is None and p.month is not None:
        if p.year_lost:
            flags.append("year_unknown")
            if tense == "future" and ctx.ref is not None:
                # the year was lost, but a plan is for the next such month: propose it, beside
                # the unknown value, never instead of it (سيعقد في يونيو […] → 2020-06)
                proposed = f"{infer_year(ctx.ref, p.month, p.day, 'future_incl'):04d}-{p.month:02d}"
        elif ctx.ref is None:
            flags += (["month_only"] if p.day is None and p.weekday is None else []) + ["needs_reference"]
        else:
            explicit = {"past": "past", "future": "future", "current": "current"}.get(p.direction)
            direction = explicit or ("future_incl" if tense == "future" else "past_incl")
            day = p.day if p.day is not None else None
            year = infer_year(ctx.ref, p.month, day, direction)
            if p.weekday is not None and day is not None and not explicit \
                    and not _on_weekday(year, p.month, day, p.weekday):
                agreeing = _weekday_year(ctx.ref, p.month, day, p.weekday)
                if agreeing is not None:
                    year = agreeing
                    flags.append("year_from_weekday")
            flags += (["month_only"] if p.day is None and p.weekday is None and p.nth is None
                      and not p.last_day else []) + ["year_inferred"]
    if p.month is None:
        if p.years > 1:  # التسعينيات: 1990/1999
            last = year + p.years - 1
            return row(f"{year:04d}/{last:04d}", date(year, 1, 1), date(last, 12, 31), "year", flags=flags)
        if p.quarter is not None:
            s, e = _quarter_months(year, p.quarter, p.quarter_months)
            return row(span_value(s, e), s, e, "month", flags=flags)
        if p.qualifier:
            s, e = _third(year, None, p.qualifier)
            return row(span_value(s, e), s, e, "month", flags=flags, qualifier=_qual(p.qualifier))
        return row(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", flags=flags)
    return _in_month(p, year, flags, proposed)


def _on_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    """Whether day/month of ``year`` is that weekday (False when no such day)."""
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _weekday_year(ref: date, month: int, day: int, weekday: int) -> int | None:
    """The year next to the reference's in which day/month falls on ``weekday``, nearest
    the reference (الأحد 16 مارس written on 16 March 2025: 2025, though the clause is future)."""
    agree = [y for y in (ref.year, ref.year - 1, ref.year + 1) if _on_weekday(y, month, day, weekday)]
    return min(agree, key=lambda y: abs((date(y, month, day) - ref).days)) if agree else None


def _in_month(p: Partial, year: int | None, flags: list[str], proposed: str) -> dict[str, Any] | None:
    mo = p.month or 1
    ys = "XXXX" if year is None else f"{year:04d}"
    if p.week_of_month and year is not None:
        last = calendar.monthrange(year, mo)[1]
        mondays = [date(year, mo, d) for d in range(1, last - 5) if date(year, mo, d).weekday() == 0]
        monday = mondays[-1] if p.nth == -1 else mondays[min(p.nth or 1, len(mondays)) - 1]
        return row(fmt(monday, "week"), monday, monday + timedelta(days=6), "week", flags=flags)
    day = p.day
    if p.weekday is not None and p.nth is not None and year is not None and day is None:
        days = [date(year, mo, d) for d in range(1, calendar.monthrange(year, mo)[1] + 1)
                if date(year, mo, d).weekday() == p.weekday]
        if not (p.nth == -1 or 1 <= p.nth <= len(days)):
            return None
        d = days[-1] if p.nth == -1 else days[p.nth - 1]
        return row(d.isoformat(), d, d, "day", flags=flags)
    if p.last_day and year is not None:
        day = calendar.monthrange(year, mo)[1]
    if day is not None:
        if year is None:
            return row(f"{ys}-{mo:02d}-{day:02d}", None, None, "day", flags=flags,
                       proposed=f"{proposed}-{day:02d}" if proposed else "")
        try:
            d = date(year, mo, day)
        except ValueError:
            return None
        if p.weekday is not None and d.weekday() != p.weekday:
            flags.append("weekday_conflict")
        return row(d.isoformat(), d, d, "day", flags=flags, time_of_day=p.part)
    if year is None:
        return row(f"XXXX-{mo:02d}", None, None, "month", flags=flags, qualifier=_qual(p.qualifier),
                   proposed=proposed)
    if p.qualifier in ("half", "first"):  # نصف آب: the 15th; غرة آب: the 1st
        d = date(year, mo, _THIRDS[p.qualifier][0])
        return row(d.isoformat(), d, d, "day", flags=flags, qualifier=_qual(p.qualifier))
    if p.qualifier:
        s, e = _third(year, mo, p.qualifier)
        return row(span_value(s, e), s, e, "day", flags=flags, qualifier=_qual(p.qualifier))
    return row(f"{year:04d}-{mo:02d}", date(year, mo, 1), month_end(year, mo), "month", flags=flags)
