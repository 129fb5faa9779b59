"""What an expression says before it meets a reference: the typed pieces the rules fill in.

A :class:`Partial` is built by the rules (``workbench.find.times.rules``), each of which fills
some fields and appends its name to ``rules``; :mod:`workbench.find.times.resolve` turns it into
dates. A field left ``None`` was not said, and stays unknown unless a reference supplies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Partial:
    """A time expression over tokens ``[i, j)``; ``pre`` the proclitics on token ``i``."""

    i: int
    j: int
    pre: str = ""
    rules: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # a calendar date, as much of it as was said
    year: int | None = None
    year_rel: int | None = None  # السنة القادمة: +1
    year_lost: bool = False  # a gap marker where the year was
    month: int | None = None
    hijri: bool = False
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None  # nth weekday (or week) of the month; -1 the last
    week_of_month: bool = False
    last_day: bool = False
    qualifier: str = ""  # early | mid | late | half
    quarter: int | None = None  # الربع الثالث من 2015: 3 (-1 the last); with year or year_rel
    years: int = 1  # the years from ``year`` the expression covers: a decade (التسعينيات) 10
    quarter_months: int = 3  # the months of that part: الربع 3, الثلث 4, الأشهر الخمسة الأولى 5
    direction: str = ""  # what the words say: past | future | current | same
    # days and periods counted from an anchor
    offset: int | None = None  # days from the anchor (أمس -1)
    story: bool = False  # the anchor is the day the story last named, not the reference
    event_part: str = ""  # عشية/صبيحة + an event: the part of the day it names
    week_rel: int | None = None  # the week of a weekday: -1 last week, 0 this, +1 next
    week_same: bool = False  # الأسبوع ذاته: the week of the story's day
    unit_rel: tuple[str, int] | None = None  # الشهر الماضي: ("month", -1)
    counted: tuple[str, int] | None = None  # قبل يومين: ("day", 2); 0 = a few (قبل أيام)
    anchor: str = ""  # what places ``counted``: since, before, after, within, for
    span: tuple[str, int] | None = None  # الأيام الثلاثة الماضية: ("day", -3), a period
    shift: tuple[str, int] | None = None  # يومين بعد الخميس: ("day", 2) from the point said
    vague: tuple[str, int] | None = None  # الآونة الأخيرة: a period with no exact bounds
    now: bool = False
    holiday: str = ""
    season: str = ""  # الشتاء القادم: a season counted from the reference (with ``direction``)
    # a time of day
    hour: int | None = None
    minute: int = 0
    minute_said: bool = False
    hhmm: bool = False  # written hh:mm in digits (12:30; الساعة 12.30), not in words
    second: int | None = None
    part: str = ""  # dawn, morning, noon, afternoon, evening, night, midnight, eve
    today_part: bool = False  # هذا الصباح, هذه الليلة: a part of the reference day
    story_part: bool = False  # في المساء, بعد الظهر: a part of the day the story is on
    utc_offset: int | None = None  # بتوقيت غرينتش: the clock is in UTC+offset

    def add(self, rule: str, j: int | None = None) -> Partial:
        """Record that ``rule`` built (part of) this expression, now ending at ``j``."""
        self.rules.append(rule)
        if j is not None:
            self.j = max(self.j, j)
        return self

    @property
    def has_date(self) -> bool:
        return any(v is not None for v in (
            self.year, self.year_rel, self.month, self.day, self.weekday, self.offset,
            self.unit_rel, self.counted, self.span, self.vague, self.quarter)) or bool(
            self.holiday or self.now or self.year_lost or self.today_part or self.season)

    @property
    def has_clock(self) -> bool:
        return self.hour is not None


def copy(p: Partial) -> Partial:
    """A copy of ``p`` with lists of its own: ``dataclasses.replace`` (no attribute outside
    the fields kept) without its cost."""
    q = object.__new__(Partial)
    fields = dict(p.__dict__)
    fields.pop("_ends", None)
    fields["rules"], fields["flags"] = list(p.rules), list(p.flags)
    q.__dict__ = fields
    return q
