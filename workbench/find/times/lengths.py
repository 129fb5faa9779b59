"""Periods and lengths counted from the reference: الأيام الثلاثة الماضية, الآونة الأخيرة,
قبل يومين, قبل أسابيع, منذ أسبوع, خلال ثلاثة أشهر, لمدة ثلاثة أيام.

Decisions, so a reader can check them:

- The n days or weeks past or next (الأسابيع الثلاثة القادمة, اليومين الماضيين) end at the
  reference or begin the day after it, counted day by day as the hours are (الـ48 ساعة
  الماضية): الأسبوعين الماضيين written on 12 February 2013 = 29 January to 12 February; the n
  months or years are counted from the reference and given whole, so the current one is part
  of them (الأعوام العشرة المقبلة written in 2013 = 2013–2023).
- A vague period (الآونة الأخيرة, الأيام المقبلة, الأشهر القليلة القادمة) runs from the reference
  back, or from the day after it ahead, over as many units as the lexicon or "a few"
  (``time_few.csv``) says; months and years are given whole.
- قبل + a length (and colloquial من + a length: من أسبوع) is the point that far back at the
  unit's grain (قبل 10 أعوام = that year);
  قبل + a bare plural (قبل أسابيع) is "a few units ago": from a few units back to one unit back.
- منذ + a length (منذ أسبوع) and لمدة/طوال + a length are lengths: kind duration, no date (the
  point منذ implies is kept in ``proposed``). بعد and خلال + a length count from the reference
  only in a clause about the future (بعد يومين = in two days; خلال أسبوعين = from now until
  then); in a past narrative they measure from an event the text names, so they are lengths.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import cache
from typing import Any

from ...resources import read_rows
from .partial import Partial
from .resolve import Context, bounds, fmt, row, shift, span_value

FEW_FILE = "find/time_few.csv"
_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_WHOLE = ("month", "year")  # units a period is given in whole
_CLOCK_UNITS = ("hour", "minute", "second")  # units counted on the clock, not the calendar
_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


@cache
def few(unit: str) -> int:
    """How many ``unit`` "a few" covers (time_few.csv)."""
    table = read_rows(FEW_FILE)
    return int(dict(zip(table.column("unit"), table.column("count"), strict=True))[unit])


def period(p: Partial, ctx: Context, flags: list[str]) -> dict[str, Any]:
    """A vague period (p.vague) or the n units past or next (p.span)."""
    unit, n = p.vague or p.span  # type: ignore[misc]
    flags = flags + (["vague"] if p.vague else []) + ["relative"]
    if ctx.ref is None:
        return row("", None, None, unit, relation="period", flags=[*flags, "needs_reference"])
    ref = ctx.ref
    if unit in _CLOCK_UNITS:  # الساعات الثلاث الماضية: from that many hours back to now
        if ctx.ref_dt is None:
            # the hour of writing unknown: the reference day, and as many whole days before or
            # after it as the hours fill (الـ24 ساعة الماضية: the day before and the reference day)
            days = 0 if p.vague else abs(n) * _SECONDS[unit] // 86400
            s, e = (ref - timedelta(days=days), ref) if n < 0 else (ref, ref + timedelta(days=days))
            return row(span_value(s, e) if s != e else ref.isoformat(), s, e, "day", relation="period",
                       flags=[*flags, "day_inferred"])
        far = ctx.ref_dt + timedelta(**{unit + "s": n})
        s_t, e_t = (far, ctx.ref_dt) if n < 0 else (ctx.ref_dt, far)
        spec = "seconds" if unit == "second" else "minutes"
        return row(f"{s_t.isoformat(timespec=spec)}/{e_t.isoformat(timespec=spec)}", s_t.date(), e_t.date(),
                   unit, relation="period", flags=flags)
    s, e = (shift(ref, unit, n), ref) if n < 0 else (ref + timedelta(days=1), shift(ref, unit, n))
    if p.vague or unit in _WHOLE:
        return _span(s, e, unit, flags)
    # the n days or weeks past or next end at the reference or begin the day after it, counted
    # day by day as the hours are (الأسبوعين الماضيين on 12 February: 29 January to 12 February)
    return row(span_value(s, e), s, e, "day", relation="period", flags=flags)


def _span(s, e, unit: str, flags: list[str]) -> dict[str, Any]:
    if unit in _WHOLE:
        s, e = bounds(s, unit)[0], bounds(e, unit)[1]
    return row(span_value(s, e), s, e, unit if unit in _WHOLE else "day", relation="period",
               flags=flags)


def counted(p: Partial, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any]:
    """A length and the anchor word before it (see the module docstring)."""
    unit, n = p.counted  # type: ignore[misc]
    anchor = p.anchor
    vague = ["vague"] if n == 0 else []
    # "hence": a length from now (ثلاثة أيام من الآن), placed whatever the clause's tense
    placed = anchor in ("before", "hence") or (anchor in ("after", "within") and tense == "future")
    if not placed or (n == 0 and unit in _CLOCK_UNITS):
        return _length(p, ctx, flags + vague)
    flags = [*flags, *vague, "relative"]
    if ctx.ref is None:
        return row("", None, None, unit, flags=[*flags, "needs_reference"])
    ref, sign = ctx.ref, -1 if anchor == "before" else 1
    if n == 0:  # قبل أسابيع: from a few units to one unit away
        ends = sorted((shift(ref, unit, sign * few(unit)), shift(ref, unit, sign)))
        return _span(ends[0], ends[1], unit, flags)
    if anchor == "within" and unit in _CLOCK_UNITS and ctx.ref_dt is not None:
        # خلال 10 دقائق: from now to that many minutes (hours, seconds) from now
        t = ctx.ref_dt + timedelta(**{unit + "s": n})
        value = f"{ctx.ref_dt.isoformat(timespec='minutes')}/{t.isoformat(timespec='minutes')}"
        return row(value, ref, t.date(), unit, relation="period", flags=flags)
    if anchor == "within" and unit in _CLOCK_UNITS:  # a reference day with no clock: that day on
        t = datetime.combine(ref, time(12)) + timedelta(**{unit + "s": n})
        return row(f"{ref.isoformat()}/{t.date().isoformat()}", ref, t.date(), "day", relation="period",
                   flags=[*flags, "day_inferred"])
    if anchor == "within":  # خلال أسبوعين: to the end of the day before two weeks from now
        s, e = ref, shift(ref, unit, n) - timedelta(days=1)
        return row(f"{s.isoformat()}/{e.isoformat()}", s, e, "day", relation="period", flags=flags)
    if unit in _CLOCK_UNITS:
        if ctx.ref_dt is None:
            # A reference day without a clock: counted from its midday, the day is the one the
            # hours reach (قبل 30 ساعة on the 12th: the 11th), flagged as inferred.
            noon = datetime.combine(ref, time(12))
            d = (noon + timedelta(**{unit + "s": sign * n})).date()
            return row(d.isoformat(), d, d, "day", flags=[*flags, "day_inferred"])
        t = ctx.ref_dt + timedelta(**{unit + "s": sign * n})
        spec = "seconds" if unit == "second" else "minutes"
        return row(t.isoformat(timespec=spec), t.date(), t.date(), unit, flags=flags)
    d = shift(ref, unit, sign * n)
    grain = unit if unit in _WHOLE else "day"
    s, e = bounds(d, grain)
    return row(fmt(d, grain), s, e, grain, flags=flags)


def _length(p: Partial, ctx: Context, flags: list[str]) -> dict[str, Any]:
    unit, n = p.counted  # type: ignore[misc]
    count = "X" if n == 0 else str(n)
    code = f"PT{count}{unit[0].upper()}" if unit in _CLOCK_UNITS else f"P{count}{_CODE[unit]}"
    proposed = ""
    if p.anchor == "since" and ctx.ref is not None and n and unit not in _CLOCK_UNITS:
        try:  # منذ أسبوع: since then, until now
            proposed = fmt(shift(ctx.ref, unit, -n), "day")
        except (ValueError, OverflowError):  # منذ 130 ألف سنة
            proposed = ""
    return row(code, None, None, unit, relation="duration", flags=flags, proposed=proposed)
