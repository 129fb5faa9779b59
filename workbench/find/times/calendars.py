"""Hijri dates and holidays, Easter (dateutil).

Hijri dates in the Umm al-Qura range (1343–1500 AH) are converted with hijridate; earlier and
later ones with the tabular (arithmetic) Islamic calendar, civil epoch 16 July 622 (Julian),
and given in the Julian calendar before 15 October 1582, as historians write them. A Hijri
year alone is the span of its days (661 هـ = ``1262-11-15/1263-11-03``), not the Gregorian years
it overlaps: half of each of those years is outside it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from .partial import Partial
from .resolve import _YEAR_THIRDS, Context, _needs_ref, month_part, row

_GREGORIAN_JDN = 2299161  # 15 October 1582, the first day of the Gregorian calendar


def _tabular_jdn(y: int, m: int, d: int) -> int:
    """The Julian day number of a Hijri date in the tabular calendar (civil epoch)."""
    return d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439


def _from_jdn(j: int) -> date:
    """The date of a Julian day number: Julian calendar before 1582-10-15, else Gregorian."""
    if j >= _GREGORIAN_JDN:
        return date.fromordinal(j - 1721425)
    c = j + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return date(d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1)


def _g(y: int, m: int, d: int) -> date:
    from hijridate import Hijri

    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        if not (1 <= m <= 12 and 1 <= d <= _h_month_len(y, m)):
            raise
        return _from_jdn(_tabular_jdn(y, m, d))


def _h_month_len(y: int, m: int) -> int:
    from hijridate import Hijri

    try:
        return Hijri(y, m, 1).month_length()
    except (ValueError, OverflowError):
        nxt = _tabular_jdn(y + 1, 1, 1) if m == 12 else _tabular_jdn(y, m + 1, 1)
        return nxt - _tabular_jdn(y, m, 1)


def _h_today(d: date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def _h_year(p: Partial, ctx: Context, tense: str, month: int, day: int) -> int | None:
    if p.year is not None:
        return p.year
    if ctx.ref is None:
        return None
    hy, hm, hd = _h_today(ctx.ref)
    if p.year_rel is not None:  # شعبان للعام الجاري: the reference's Hijri year, or one off it
        return hy + p.year_rel
    if p.direction == "current":  # أواخر رمضان الحالي said on the 17th: this Hijri year's, still ahead
        return hy
    future = (p.direction or tense) == "future"
    if future:
        return hy if (month, day) >= (hm, hd) else hy + 1
    return hy if (month, day) <= (hm, hd) else hy - 1


# how far a month begun by sighting may stand from the computed calendar (days either way)
_SIGHTING_DAYS = 2


def _sighted(d: date, weekday: int, flags: list[str]) -> tuple[date, list[str]]:
    """The day within ``_SIGHTING_DAYS`` of the computed one that falls on the weekday said.

    Countries begin a Hijri month by sighting the moon, often a day after Umm al-Qura
    (السبت 29 شوال 1436 in Morocco is Saturday 15 August 2015, Umm al-Qura's Friday): the
    weekday the text names settles the day. None so near: the computed day, flagged."""
    for shift in (1, -1, 2, -2):
        near = d + timedelta(days=shift)
        if near.weekday() == weekday and abs(shift) <= _SIGHTING_DAYS:
            return near, [*flags, "hijri_weekday"]
    return d, [*flags, "weekday_conflict"]


def hijri(p: Partial, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any] | None:
    """A Hijri date, month or year as the Gregorian day or span it covers."""
    try:
        if p.month is None:
            if p.year is None:
                return None
            # بداية العام الهجري 1446: Muharram; the year alone: all its days (1446ه =
            # 2024-07-07/2025-06-25), which also falls in the Gregorian years it overlaps
            first, last = _YEAR_THIRDS.get(p.qualifier, (1, 12))
            s, e = _g(p.year, first, 1), _g(p.year, last, _h_month_len(p.year, last))
            return row(f"{s.isoformat()}/{e.isoformat()}", s, e, "day", relation="period",
                       flags=flags, calendar="hijri")
        # a month or part of one is still ahead while its last day is (منتصف شعبان said on
        # the 10th), and already past once its first day is
        a, b = month_part(p.qualifier, 30) or (1, 30)
        ahead = (p.direction or tense) == "future"
        y = _h_year(p, ctx, tense, p.month, p.day or (min(b, 30) if ahead else a))
        if y is None:
            value = f"XXXX-{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")
            return row(value, None, None, "day" if p.day else "month",
                       flags=[*flags, "needs_reference"], calendar="hijri")
        if p.year is None:
            flags = [*flags, "year_inferred"]
        if p.day is not None:
            if p.day == 30 and _h_month_len(y, p.month) == 29:
                # the 30th of a month Umm al-Qura gives 29 days: a calendar that sighted the
                # new moon a day later (as dateparser's Hijri reading has it): the day after the 29th
                d = _g(y, p.month, 29) + timedelta(days=1)
                flags = [*flags, "hijri_day_30"]
            else:
                d = _g(y, p.month, p.day)
            if p.weekday is not None and d.weekday() != p.weekday:
                d, flags = _sighted(d, p.weekday, flags)
            return row(d.isoformat(), d, d, "day", flags=flags, calendar="hijri", time_of_day=p.part)
        last = _h_month_len(y, p.month)
        part = month_part(p.qualifier, last)
        if part is not None:  # غرة شوال, منتصف شعبان, أواخر رمضان, الـ21 يومًا من رمضان: days of it
            a, b = part
            s, e = _g(y, p.month, a), _g(y, p.month, b)
            if s == e and p.weekday is not None and s.weekday() != p.weekday:
                s, flags = _sighted(s, p.weekday, flags)  # الإثنين غرة شعبان: the sighted first
                e = s
            if s == e:
                return row(s.isoformat(), s, s, "day", flags=flags, calendar="hijri",
                           time_of_day=p.part)
            return row(f"{s.isoformat()}/{e.isoformat()}", s, e, "day", relation="period",
                       flags=flags, calendar="hijri")
        s, e = _g(y, p.month, 1), _g(y, p.month, last)
        return row(f"{s.isoformat()}/{e.isoformat()}", s, e, "day", relation="period",
                   flags=flags, calendar="hijri")
    except (ValueError, OverflowError):
        return None


def hijri_year_rel(p: Partial, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any] | None:
    """A Hijri year said by relation to the reference (العام الهجري الماضي: the Hijri year
    before the reference's, all its days; بداية العام الهجري الحالي: its Muharram)."""
    if ctx.ref is None:
        return _needs_ref("year", flags)
    year = _h_today(ctx.ref)[0] + p.unit_rel[1]  # type: ignore[index]
    return hijri(replace(p, unit_rel=None, year=year, rules=list(p.rules), flags=list(p.flags)),
                 ctx, tense, [*flags, "relative"])


def holiday(p: Partial, ctx: Context, tense: str, flags: list[str]) -> dict[str, Any] | None:
    """A holiday in the year said, else the nearest in the direction said or the tense."""
    kind, _, rest = p.holiday.partition(":")
    if p.direction in ("past", "future"):  # عيد الفطر القادم: the next one whatever the clause
        tense = p.direction
    if kind in ("hijri", "hijri_month"):
        parts = [int(x) for x in rest.split(":")]
        q = Partial(p.i, p.j, month=parts[0], day=parts[1] if len(parts) > 1 else None,
                    direction=p.direction)
        if p.year is not None and p.hijri:  # رمضان 1445 هـ: the Hijri year said
            q.year = p.year
        elif p.year is not None:  # a Gregorian year: the holiday that falls in it
            try:
                hy = _h_today(date(p.year, 7, 1))[0]
                for y in (hy - 1, hy, hy + 1):
                    if _g(y, q.month or 1, q.day or 1).year == p.year:
                        q.year = y
                        break
            except ValueError:
                return None
        return hijri(q, ctx, tense, flags)
    year = p.year
    if kind == "easter":
        from dateutil.easter import easter

        if year is None:
            if ctx.ref is None:
                return row("", None, None, "day", flags=[*flags, "needs_reference"])
            year = ctx.ref.year
            if tense == "future" and easter(year) < ctx.ref:
                year += 1
            elif tense != "future" and easter(year) > ctx.ref:
                year -= 1
        d = easter(year)
        return row(d.isoformat(), d, d, "day", flags=flags)
    m, d_ = (int(x) for x in rest.split(":"))
    if year is None:
        if ctx.ref is None:
            return row(f"XXXX-{m:02d}-{d_:02d}", None, None, "day", flags=[*flags, "needs_reference"])
        year = ctx.ref.year
        if tense == "future" and date(year, m, d_) < ctx.ref:
            year += 1
        elif tense != "future" and date(year, m, d_) > ctx.ref:
            year -= 1
    d = date(year, m, d_)
    return row(d.isoformat(), d, d, "day", flags=flags)
