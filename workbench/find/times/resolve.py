"""Resolving what a time expression says (a :class:`Spec`) to ISO values against the
reference date: years from tense, weekdays, Hijri months, holidays, thirds of a month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ...text.arabic import SENTENCE_END
from ...text.tokens import Token
from .lexicon import is_future_cue

_THIRDS = {"early": (1, 10), "mid": (11, 20), "half": (11, 20), "late": (21, 31)}
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "half": (5, 8), "late": (9, 12)}
_WINDOW = 10  # tokens each side of a mention searched for a future cue


@dataclass
class Spec:
    """What an expression says, before it is resolved against a reference."""

    year: int | None = None
    year_lost: bool = False
    year_rel: int | None = None  # السنة القادمة: +1
    month: int | None = None
    hijri: bool = False
    day: int | None = None
    day_lost: bool = False
    weekday: int | None = None
    nth: int | None = None  # nth weekday (or week) of the month; -1 the last
    week: bool = False  # a week of the month (أول أسبوع)
    last_day: bool = False
    qualifier: str = ""
    direction: str = ""  # explicit past|future|current
    offset: int | None = None  # days from the reference
    now: bool = False
    unit_rel: tuple[str, int] | None = None  # (unit, -1/0/+1): الأسبوع الماضي
    week_rel: int | None = None  # the weekday of الأسبوع الماضي
    holiday: str = ""
    start: int = 0  # first token
    pre: str = ""  # proclitics on the first token
    flags: list[str] = field(default_factory=list)


@dataclass
class Found:
    """A resolved time mention, tokens ``[i, j)``."""

    i: int
    j: int
    pre: str
    value: str
    start_date: str
    end_date: str
    precision: str
    relation: str
    qualifier: str = ""
    calendar: str = "gregorian"
    flags: list[str] = field(default_factory=list)
    proposed: str = ""
    time_of_day: str = ""



# ---------------------------------------------------------------------------
# Resolution


class Resolver:
    """The reference, the default tense and the tokens of one text: what resolving needs,
    with the sentence bounds that limit where a tense cue counts."""

    def __init__(
        self, text: str, reference: date | datetime | None, tense: str, toks: list[Token]
    ) -> None:
        self.text = text
        self.toks = toks
        self.ref_dt = reference
        self.ref: date | None = reference.date() if isinstance(reference, datetime) else reference
        self.tense = tense
        self._paragraph: set[int] | None = None
        self._no_point: set[int] = set()

    def _ends_sentence(self, k: int) -> bool:
        """Whether a sentence ends after token ``k``: a sentence-end mark, or the first word
        of a paragraph (a blank line in the three characters before it)."""
        t = self.toks[k]
        if t.kind == "punct":
            return t.key in SENTENCE_END
        if t.kind != "word":
            return False
        if self._paragraph is None:  # word starts with \n\n at most three characters back
            self._paragraph = set()
            q = self.text.find("\n\n")
            while q != -1:
                self._paragraph.update((q + 2, q + 3))
                q = self.text.find("\n\n", q + 1)
        return t.start in self._paragraph

    def same_sentence(self, i: int, lo: int, hi: int) -> range:
        """The tokens of ``[lo, hi)`` (``lo <= i < hi``) in the sentence of token ``i``.

        Only the sentence ends inside the window are looked for, not the whole text's.
        """
        a = i
        while a > lo and not self._ends_sentence(a - 1):
            a -= 1
        b = i
        while b < hi and not self._ends_sentence(b):
            b += 1
        return range(a, min(b + 1, hi))

    # -- tense ------------------------------------------------------------------

    def clause_tense(self, i: int, j: int) -> str:
        """future when a future cue sits within the window in the same sentence, else the default."""
        toks = self.toks
        if i >= len(toks):
            return self.tense
        for k in self.same_sentence(i, max(0, i - _WINDOW), min(len(toks), j + _WINDOW)):
            if i <= k < j or toks[k].kind != "word":
                continue
            if is_future_cue(toks, k):
                return "future"
        return self.tense

    # -- resolution ---------------------------------------------------------------

    def resolve(self, spec: Spec, j: int) -> Found | None:
        """The ISO value of what ``spec`` says, over tokens ``[spec.start, j)``; None when it
        names no real date (a 31st of a 30-day month)."""
        if spec.now or spec.offset is not None or spec.unit_rel is not None:
            return self._relative(spec, j)
        if spec.weekday is not None and spec.month is None:
            return self._weekday(spec, j)
        if spec.holiday:
            return self._holiday(spec, j)
        if spec.month is None:
            return self._year_alone(spec, j)
        if spec.hijri:
            return self._hijri(spec, j)
        return self._month(spec, j)

    def _relative(self, spec: Spec, j: int) -> Found:
        """Now, a day offset (أمس) or this/last/next week, month or year."""
        ref = self.ref
        i = spec.start
        if spec.now:
            if ref is None:
                return Found(i, j, spec.pre, "", "", "", "second", "point", flags=["needs_reference"])
            dt = self.ref_dt
            if not isinstance(dt, datetime):  # a reference day only: now is that day, no finer
                return Found(i, j, spec.pre, ref.isoformat(), ref.isoformat(), ref.isoformat(), "day",
                             "point", flags=["relative"])
            return Found(i, j, spec.pre, dt.isoformat(timespec="seconds"), ref.isoformat(),
                         ref.isoformat(), "second", "point", flags=["relative"])
        if spec.offset is not None:
            if ref is None:
                return Found(i, j, spec.pre, "", "", "", "day", "point",
                             flags=["relative", "needs_reference"])
            d = ref + timedelta(days=spec.offset)
            return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                         flags=["relative"])
        unit, rel = spec.unit_rel or ("", 0)
        if ref is None:
            return Found(i, j, spec.pre, "", "", "", unit, "point",
                         flags=["relative", "needs_reference"])
        d = ref + timedelta(days=7 * rel) if unit == "week" else shift(ref, unit, rel)
        s, e = bounds(d, unit)
        return Found(i, j, spec.pre, fmt_at(d, unit), s.isoformat(), e.isoformat(), unit, "point",
                     flags=["relative"])

    def _year_alone(self, spec: Spec, j: int) -> Found | None:
        """A year, written, relative or lost, perhaps a third of it (أوائل 2019)."""
        flags = list(spec.flags)
        i = spec.start
        year, flags2, prop = self._year(spec, None, i, j)
        flags += flags2
        if year is None and not spec.year_lost:
            return None
        ys = "XXXX" if year is None else f"{year:04d}"
        if spec.qualifier and year is not None:
            a, b = _YEAR_THIRDS[spec.qualifier]
            s, e = date(year, a, 1), _month_end(year, b)
        elif year is not None:
            s, e = date(year, 1, 1), date(year, 12, 31)
        else:
            s = e = None
        return Found(i, j, spec.pre, ys, _iso(s), _iso(e), "year", "point", spec.qualifier,
                     flags=flags, proposed=prop)

    def _month(self, spec: Spec, j: int) -> Found | None:
        """A Gregorian month, or a day, week or nth weekday of it."""
        flags = list(spec.flags)
        i = spec.start
        year, flags2, prop = self._year(spec, spec.month, i, j)
        flags += flags2
        ys = "XXXX" if year is None else f"{year:04d}"
        mo = spec.month
        if spec.week:
            if year is None:
                return None
            monday = _nth_week(year, mo, spec.nth or 1)
            iy, iw, _ = monday.isocalendar()
            return Found(i, j, spec.pre, f"{iy}-W{iw:02d}", monday.isoformat(),
                         (monday + timedelta(days=6)).isoformat(), "week", "point", flags=flags)
        if spec.weekday is not None and spec.nth is not None:
            if year is None:
                return None
            d = _nth_weekday(year, mo, spec.weekday, spec.nth)
            if d is None:
                return None
            return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                         flags=flags)
        day = spec.day
        if spec.last_day and year is not None:
            day = calendar.monthrange(year, mo)[1]
        if day is not None:
            if year is not None:
                try:
                    d = date(year, mo, day)
                except ValueError:
                    return None
                return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day",
                             "point", flags=flags, proposed=prop)
            return Found(i, j, spec.pre, f"{ys}-{mo:02d}-{day:02d}", "", "", "day", "point",
                         flags=flags, proposed=prop)
        if spec.day_lost:
            flags.append("day_unknown")
            return Found(i, j, spec.pre, f"{ys}-{mo:02d}-XX", "", "", "day", "point",
                         flags=flags, proposed=prop)
        if year is None:
            return Found(i, j, spec.pre, f"XXXX-{mo:02d}", "", "", "month", "point", spec.qualifier,
                         flags=flags, proposed=prop)
        if spec.qualifier == "half":
            d = date(year, mo, 15)
            return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                         "mid", flags=flags, proposed=prop)
        if spec.qualifier:
            a, b = _THIRDS[spec.qualifier]
            s = date(year, mo, a)
            e = date(year, mo, min(b, calendar.monthrange(year, mo)[1]))
        else:
            s, e = date(year, mo, 1), _month_end(year, mo)
        return Found(i, j, spec.pre, f"{year:04d}-{mo:02d}", s.isoformat(), e.isoformat(), "month",
                     "point", spec.qualifier, flags=flags, proposed=prop)

    def _direction(self, spec: Spec, i: int, j: int) -> str:
        if spec.direction in ("past", "future", "current", "past_incl"):
            return spec.direction
        return "future_incl" if self.clause_tense(i, j) == "future" else "past_incl"

    def _year(self, spec: Spec, month: int | None, i: int, j: int) -> tuple[int | None, list[str], str]:
        """The year: written, relative, lost (None + year_unknown) or inferred from tense."""
        ref = self.ref
        if spec.year is not None:
            return spec.year, [], ""
        if spec.year_rel is not None:
            if ref is None:
                return None, ["relative", "needs_reference"], ""
            return ref.year + spec.year_rel, ["relative"], ""
        direction = self._direction(spec, i, j)
        if spec.year_lost:
            prop = ""
            if direction.startswith("future") and ref is not None and month is not None:
                prop = f"{_infer_year(ref, month, 'future_incl'):04d}-{month:02d}"
            return None, ["year_unknown"], prop
        if month is None:
            return None, [], ""
        if ref is None:
            return None, (["month_only"] if spec.day is None else []) + ["needs_reference"], ""
        flags = (["month_only"] if spec.day is None and spec.weekday is None else []) + ["year_inferred"]
        return _infer_year(ref, month, direction), flags, ""

    def _weekday(self, spec: Spec, j: int) -> Found | None:
        ref = self.ref
        i = spec.start
        if ref is None:
            return Found(i, j, spec.pre, "", "", "", "day", "point", flags=["relative", "needs_reference"])
        wd = spec.weekday or 0
        if spec.week_rel is not None:
            monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * spec.week_rel)
            d = monday + timedelta(days=wd)
        else:
            direction = self._direction(spec, i, j)
            delta = (wd - ref.weekday()) % 7
            if direction.startswith("future"):
                d = ref + timedelta(days=delta or 7)
            elif direction == "current":
                d = ref + timedelta(days=delta)
            else:
                back = (ref.weekday() - wd) % 7
                if direction == "past" and back == 0:
                    back = 7
                d = ref - timedelta(days=back)
        d = d if not isinstance(d, datetime) else d.date()
        return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                     flags=["relative"])

    def _holiday(self, spec: Spec, j: int) -> Found | None:
        from hijridate import Gregorian, Hijri

        ref, i = self.ref, spec.start
        kind, *rest = spec.holiday.split(":")

        def on(year: int) -> date:
            if kind == "easter":
                from dateutil.easter import easter

                return easter(year)
            if kind == "gregorian":
                return date(year, int(rest[0]), int(rest[1]))
            return Hijri(year, int(rest[0]), int(rest[1])).to_gregorian()

        if spec.year is not None:
            if kind == "hijri":
                hy = Gregorian(spec.year, 6, 30).to_hijri().year
                d = on(hy)
                if d.year != spec.year:
                    d = on(hy + (1 if d.year < spec.year else -1))
            else:
                d = on(spec.year)
            flags: list[str] = []
        elif ref is None:
            return Found(i, j, spec.pre, "", "", "", "day", "point", flags=["needs_reference"])
        else:
            direction = self._direction(spec, i, j)
            base = Gregorian(ref.year, ref.month, ref.day).to_hijri().year if kind == "hijri" else ref.year
            cands = [on(y) for y in (base - 1, base, base + 1)]
            r = ref if not isinstance(ref, datetime) else ref.date()
            if direction.startswith("future"):
                d = min(c for c in cands if c >= r)
            else:
                d = max(c for c in cands if c <= r)
            flags = ["year_inferred"]
        return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                     flags=flags)

    def _hijri(self, spec: Spec, j: int) -> Found | None:
        from hijridate import Gregorian, Hijri

        ref, i, mo = self.ref, spec.start, spec.month or 1
        flags: list[str] = []
        hy = spec.year
        if hy is not None and hy >= 1900:  # a Gregorian year written after a Hijri month: رمضان 2019
            g = hy
            hy = Gregorian(g, 1, 1).to_hijri().year
            if Hijri(hy, mo, 1).to_gregorian().year < g:
                hy += 1
        if hy is None:
            if spec.year_lost:
                flags.append("year_unknown")
                return Found(i, j, spec.pre, "", "", "", "month", "point", calendar="hijri",
                             flags=flags)
            if ref is None:
                return Found(i, j, spec.pre, "", "", "", "month", "point", calendar="hijri",
                             flags=["month_only", "needs_reference"])
            h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
            direction = self._direction(spec, i, j)
            if direction.startswith("future"):
                hy = h.year if mo >= h.month + (direction == "future") else h.year + 1
            else:
                hy = h.year if mo <= h.month - (direction == "past") else h.year - 1
            flags += ["year_inferred"] + (["month_only"] if spec.day is None else [])
        try:
            if spec.day is not None:
                d = Hijri(hy, mo, spec.day).to_gregorian()
                return Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day",
                             "point", calendar="hijri", flags=flags)
            s = Hijri(hy, mo, 1).to_gregorian()
            e = s + timedelta(days=Hijri(hy, mo, 1).month_length() - 1)
        except (ValueError, OverflowError):
            return None
        if spec.qualifier:
            a, b = _THIRDS[spec.qualifier]
            s, e = s + timedelta(days=a - 1), min(e, s + timedelta(days=b - 1))
        return Found(i, j, spec.pre, f"{s.isoformat()}/{e.isoformat()}", s.isoformat(), e.isoformat(),
                     "month", "point", spec.qualifier, calendar="hijri", flags=flags)


# ---------------------------------------------------------------------------
# Calendar helpers


def _infer_year(ref: date, month: int, direction: str) -> int:
    """The year of ``month`` nearest the reference in the given direction."""
    if direction == "past":
        return ref.year if month < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month > ref.month else ref.year + 1
    if direction == "future_incl":
        return ref.year if month >= ref.month else ref.year + 1
    if direction == "current":
        return ref.year
    return ref.year if month <= ref.month else ref.year - 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if 1 <= nth <= len(days) else None


def _nth_week(year: int, month: int, nth: int) -> date:
    """The Monday of the nth (or last, -1) full Monday–Sunday week inside the month."""
    last = calendar.monthrange(year, month)[1]
    mondays = [date(year, month, d) for d in range(1, last - 5) if date(year, month, d).weekday() == 0]
    return mondays[-1] if nth == -1 else mondays[min(nth, len(mondays)) - 1]


def shift(ref: date, unit: str, n: int) -> date:
    if unit == "day":
        return ref + timedelta(days=n)
    if unit == "week":
        return ref + timedelta(days=7 * n)
    if unit == "month":
        y, m = divmod(ref.month - 1 + n, 12)
        year, month = ref.year + y, m + 1
        return ref.replace(year=year, month=month, day=min(ref.day, calendar.monthrange(year, month)[1]))
    if unit == "year":
        try:
            return ref.replace(year=ref.year + n)
        except ValueError:
            return ref.replace(year=ref.year + n, day=28)
    seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * n
    if isinstance(ref, datetime):
        return ref + timedelta(seconds=seconds)
    # a reference without a time of day: hours ago are taken on the reference day itself
    # (date + timedelta(hours=-1) would step back a whole day); whole days count
    return ref + timedelta(days=int(seconds / 86400))


def bounds(d: date, precision: str) -> tuple[date, date]:
    d = d.date() if isinstance(d, datetime) else d
    if precision == "week":
        s = d - timedelta(days=d.weekday())
        return s, s + timedelta(days=6)
    if precision == "month":
        return d.replace(day=1), _month_end(d.year, d.month)
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def fmt_at(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy}-W{iw:02d}"
    d = d.date() if isinstance(d, datetime) else d
    return d.isoformat()


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


