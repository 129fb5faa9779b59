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

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from ..text.arabic import SENTENCE_END
from ..text.lexmatch import FoldedText, fold
from .quantities import (
    Lexicon,
    Token,
    clitic_start,
    month_lexicon,
    read_number,
    read_ordinal,
    stems,
    table_lexicon,
    tokenize,
)

COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "start_date", "end_date", "precision",
    "relation", "qualifier", "calendar", "proposed", "time_of_day",
]

_THIRDS = {"early": (1, 10), "mid": (11, 20), "half": (11, 20), "late": (21, 31)}
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "half": (5, 8), "late": (9, 12)}
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M",
              "second": "S"}
_WINDOW = 10  # tokens each side of a mention searched for a future cue
_FUTURE_PREFIX = "\u064a\u062a\u0646"  # YEH TEH NOON: سـ + imperfect prefix


@cache
def _tw() -> Lexicon:
    return table_lexicon("find/time_words.csv")


# What a parse reads at the token where an expression begins (see ``_Parser.expression``):
# these time-word types, and of the anchors only those that open a span or a shift. A word
# of another type (an era هـ, a tense cue, a period noun, the anchors في and إلى) only
# follows or precedes an expression, so the parser is not tried there.
_START_TYPES = frozenset({
    "qualifier", "year_word", "day_offset", "weekday", "first", "last", "month_word",
    "holiday", "now", "direction", "unit", "week_word",
})
_START_ANCHORS = frozenset({"since", "from", "before", "after", "within", "between", "until"})


@cache
def _starters() -> frozenset[str]:
    """Every word that can begin a time expression: first words of the entries a parse
    reads at its first token (time words of the start types, months, number words)."""
    words = {"\u064a\u0648\u0645"}  # YEH WAW MEEM: يوم, read literally before a weekday
    for form, row in table_lexicon("find/time_words.csv").items:
        if row["type"] in _START_TYPES or (row["type"] == "anchor" and row["value"] in _START_ANCHORS):
            words.add(form.split()[0])
    for name in ("text/months.csv", "text/number_words.csv"):
        words |= {form.split()[0] for form in table_lexicon(name).items_forms()}
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def _word_may_start(key: str) -> bool:
    """Whether a reading of the folded word (clitics off) begins a time lexicon entry."""
    starters = _starters()
    return any(stem in starters for _, stem, _ in stems(key))


def _types(toks: list[Token], i: int, *types: str) -> tuple[int, dict[str, str], str] | None:
    """The time-word entry of one of ``types`` at token ``i``: (end, row, proclitics)."""
    if i >= len(toks) or toks[i].kind != "word":
        return None
    if _word_types(toks[i].key).isdisjoint(types):
        return None
    m = _tw().match(toks, i)
    if m is not None:
        for p in m.payloads:
            if p["type"] in types:
                return m.end, p, m.pre
    # another reading of the same token (اليوم as ال + يوم) when the longest is another type
    for pre, stem, _ in stems(toks[i].key):
        for p in _tw().single(stem):
            if p["type"] in types:
                return i + 1, p, pre
    return None


@lru_cache(maxsize=1 << 16)
def _word_types(key: str) -> frozenset[str]:
    """The time-word types of every entry a reading of the folded word can begin."""
    return frozenset(
        p["type"] for _, _, _, entries in _tw().candidates(key)
        for _, payloads in entries for p in payloads
    )


@lru_cache(maxsize=1 << 16)
def _anchor_only(key: str) -> bool:
    """A word that can begin an expression only as an anchor (منذ, بين, من, قبل ...): what it
    anchors starts at the next token, so the parse needs a possible start there."""
    if not _word_may_start(key) or _word_types(key) & _START_TYPES:
        return False
    others = _other_starters()
    return not any(stem in others for _, stem, _ in stems(key)) and "anchor" in _word_types(key)


@cache
def _other_starters() -> frozenset[str]:
    """First words of months and number words, and يوم: starts that are not time words."""
    words = {"\u064a\u0648\u0645"}  # YEH WAW MEEM: يوم
    for name in ("text/months.csv", "text/number_words.csv"):
        words |= {form.split()[0] for form in table_lexicon(name).items_forms()}
    return frozenset(words)


def _number_may_start(toks: list[Token], k: int) -> bool:
    """Whether the digits at token ``k`` can begin a time: a numeric date (12/5/2020,
    12.5.2020), a day (1–31) or a year (1900–2100), or a length before a unit (3 أيام)."""
    key = toks[k].key
    nxt = _key(toks, k + 1)
    if key.count(".") == 2 or nxt in ("/", "-", "."):
        return True
    # Digits start a point only as the day of ``day (من|في)? month``; a day or a year
    # alone is a time only as the first end of a range (13 الى 15 تموز, 2014 – 2017).
    if key.isdigit() and (len(key) <= 2 or 1900 <= int(key) <= 2100):
        if nxt in _RANGE_DASHES:
            return True
        if len(key) <= 2 and (_month_may_start(toks, k + 1) or (
                nxt in ("من", "في") and _month_may_start(toks, k + 2))):
            return True
    # a length (3 أيام, 1 فاصلة 5 ساعة): what comes between the digits and the unit is read
    # as a number, so the unit is a core token ahead (see _core_ahead)
    if not _core_ahead(toks, k + 1):
        return False
    num = read_number(toks, k)
    return num is not None and _types(toks, num.end, "unit") is not None


def _month_may_start(toks: list[Token], k: int) -> bool:
    """Whether ``_Parser.month_at`` can read a month at token ``k`` (شهر or a month name)."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    key = toks[k].key
    return "month_word" in _word_types(key) or bool(month_lexicon().candidates(key))


# Every expression the parser finds holds a "core" token: digits, a gap, a month name or a
# time word of one of these types (a qualifier, an anchor, هذا, an ordinal or a number word
# alone is never a time). What comes before that token in the expression is read only by
# the lexicons (time words, months, number words), by the literal keys below or as digits.
_CORE_TYPES = frozenset({
    "unit", "year_word", "week_word", "month_word", "weekday", "day_offset", "now", "holiday",
})
# Literal keys the parser compares tokens with (_key(...) == ..., conjunctions of ranges,
# separators of dates and numbers).
_LITERALS = frozenset({
    "يوم", "اسبوع", "من", "في", "و", "فاصله", "الي", "حتي", "لغايه",
    "/", "(", ")", "-", "–", "—", "،", ",", ".", "\u066b",
})
_RANGE_DASHES = ("-", "–", "—", "الي")  # what follows the first end of a range
_STOP, _PART, _CORE = 0, 1, 2


@cache
def _form_words() -> frozenset[str]:
    """Every word of every form of the time-word, month and number-word lexicons."""
    words: set[str] = set()
    for name in ("find/time_words.csv", "text/months.csv", "text/number_words.csv"):
        for form in table_lexicon(name).items_forms():
            words.update(form.split())
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def _word_role(key: str) -> tuple[int, frozenset[str]]:
    """How the parser may read the folded word: (role, nexts). Role _CORE when a one-word
    entry of a reading is a core (a month, a time word of ``_CORE_TYPES``), _PART when the
    parser may read the word otherwise, _STOP when no parse reads it. ``nexts``: the second
    words of the longer core entries the word begins (بعد غد, هذه اللحظه), which make the
    word a core only when the next token is one of them."""
    core, nexts = False, set()
    for lex, types in ((_tw(), _CORE_TYPES), (month_lexicon(), None)):
        for _, _, _, entries in lex.candidates(key):
            for words, payloads in entries:
                if types is None or any(p["type"] in types for p in payloads):
                    if len(words) == 1:
                        core = True
                    else:
                        nexts.add(words[1])
    if core or key == "يوم":
        return _CORE, frozenset()
    part = bool(nexts or _word_types(key)) or key in _LITERALS or key in _form_words() or bool(
        table_lexicon("text/number_words.csv").candidates(key))
    return (_PART if part else _STOP), frozenset(nexts)


def _core_ahead(toks: list[Token], k: int) -> bool:
    """Whether a core token (see ``_CORE_TYPES``) comes at ``k`` or after it with only words
    the parser may read in between: a necessary condition for an expression at ``k``, checked
    before the full parse, which fails at most candidate words (بعد ذلك, هذا القرار)."""
    n = len(toks)
    for j in range(k, n):
        t = toks[j]
        kind = t.kind
        if kind == "word":
            role, nexts = _word_role(t.key)
            if role == _CORE or (nexts and j + 1 < n and toks[j + 1].key in nexts):
                return True
            if role == _STOP:
                return False
        elif kind == "num" or kind == "gap":
            return True
        elif t.key not in _LITERALS:
            return False
    return False


def _may_follow_anchor(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` can begin what an anchor governs: a number, a gap, a decimal
    point before digits (.5) or a word that may begin a time expression."""
    if j >= len(toks):
        return False
    t = toks[j]
    if t.kind == "word":
        return _word_may_start(t.key)
    return t.kind in ("num", "gap") or (t.kind == "punct" and t.key in ".\u066b")


def _key(toks: list[Token], i: int) -> str:
    return toks[i].key if 0 <= i < len(toks) else ""


# ---------------------------------------------------------------------------
# Parsed specs


@dataclass
class _Spec:
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
class _Found:
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
# Parsing


class _Parser:
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

    # -- atoms --------------------------------------------------------------

    def month_at(self, i: int, *, strict: bool = False) -> tuple[int, int, bool, int, str] | None:
        """(end, month, hijri, ambiguity, pre) for شهر? MONTH (/MONTH)? or شهر + number."""
        toks = self.toks
        j, pre, shahr = i, "", False
        mw = _types(toks, i, "month_word")
        if mw:
            j, _, pre = mw
            shahr = True
        mm = month_lexicon().match(toks, j, clitics=not shahr)
        if mm:
            row = mm.payloads[0]
            month, hijri, amb = int(row["month"]), row["calendar"] == "hijri", int(row["ambiguous"])
            if not shahr:
                pre = mm.pre
            j = mm.end
        elif shahr:
            num = read_number(toks, j)
            if num and num.value and num.how in ("digits", "words") and num.value == int(num.value) \
                    and 1 <= num.value <= 12 and not num.pre:
                month, hijri, amb, j = int(num.value), False, 0, num.end
            else:
                ordn = read_ordinal(toks, j)
                if not ordn or not 1 <= ordn[1] <= 12:
                    return None
                month, hijri, amb, j = ordn[1], False, 0, ordn[0]
        else:
            return None
        if shahr:
            amb = 0
        # the combined form: أبريل/نيسان, أبريل (نيسان)
        if _key(toks, j) in ("/", "(", "-"):
            alt = month_lexicon().match(toks, j + 1, clitics=False)
            if alt and int(alt.payloads[0]["month"]) == month:
                j = alt.end
                amb = 0
                if _key(toks, j) == ")":
                    j += 1
        if strict and amb:
            return None
        return j, month, hijri, amb, pre

    def year_at(self, j: int, *, hijri: bool, after_month: bool) -> tuple[int, _Spec] | None:
        """A year after a month or alone: ، (من|في)? (عام|سنة)? (YYYY|[…]|القادمة) (هـ|م)?"""
        toks = self.toks
        k = j
        if after_month and _key(toks, k) in ("،", ","):
            k += 1
        if after_month and _key(toks, k) in ("من", "في") and _types(toks, k + 1, "year_word"):
            k += 1
        word = _types(toks, k, "year_word")
        if word:
            k = word[0]
            d = _types(toks, k, "direction")
            if d:
                return d[0], _Spec(year_rel={"past": -1, "future": 1, "current": 0}[d[1]["value"]])
        elif not after_month:
            return None
        t = toks[k] if k < len(toks) else None
        if t is None:
            return None
        if t.kind == "gap" and (word or after_month):
            return k + 1, _Spec(year_lost=True)
        if t.kind != "num" or (t.pre and not word) or not t.key.isdigit():
            return None
        y = int(t.key)
        era = _types(toks, k + 1, "era")
        is_hijri = hijri or (era is not None and era[1]["value"] == "hijri")
        end = era[0] if era and toks[k + 1].start - t.end <= 1 else k + 1
        if is_hijri and 1300 <= y <= 1500:
            return end, _Spec(year=y, hijri=True)
        if hijri and 1900 <= y <= 2100:  # a Gregorian year after a Hijri month: رمضان 2019
            return end, _Spec(year=y)
        if 1900 <= y <= 2100 and not is_hijri:
            return end, _Spec(year=y)
        if word and 1 <= len(t.key) <= 4 and not is_hijri and y >= 1000:
            return end, _Spec(year=y)
        return None

    def day_number(self, i: int) -> tuple[int, int] | None:
        t = self.toks[i] if i < len(self.toks) else None
        if t is not None and t.kind == "num" and t.key.isdigit() and 1 <= int(t.key) <= 31 \
                and len(t.key) <= 2:
            return i + 1, int(t.key)
        return None

    def day_ordinal(self, i: int) -> tuple[int, int] | None:
        o = read_ordinal(self.toks, i)
        if o and 1 <= o[1] <= 31:
            return o
        return None

    # -- the day part before a month ---------------------------------------

    def daypart(self, i: int) -> tuple[int, _Spec] | None:
        """What comes before the month: a day, the nth weekday, the last day or week."""
        toks = self.toks
        spec = _Spec(start=i)
        j = i
        # a weekday and يوم first: يوم الاثنين في 18, الجمعة 15
        y = _types(toks, j, "year_word")
        if (y is None and _key(toks, j) == "يوم") or (_types(toks, j, "day_offset") and \
                _types(toks, j, "day_offset")[1]["form"] == "اليوم" and self.day_ordinal(j + 1)):
            j += 1
        wd = _types(toks, j, "weekday")
        if wd:
            spec.weekday = int(wd[1]["value"])
            j = wd[0]
            o = read_ordinal(toks, j)
            last = _types(toks, j, "direction", "last")
            if o and o[1] <= 5:
                spec.nth, j = o[1], o[0]
                return j, spec
            if last and last[1]["form"] in ("الاخير", "الاخيره", "اخر"):
                spec.nth, j = -1, last[0]
                return j, spec
            if _key(toks, j) in ("في", "،", ","):
                j += 1
        first = _types(toks, j, "first", "last")
        if first and spec.weekday is None:
            k = first[0]
            what = _key(toks, k)
            wd2 = _types(toks, k, "weekday")
            n = 1 if first[1]["type"] == "first" else -1
            if wd2:
                spec.weekday, spec.nth = int(wd2[1]["value"]), n
                return wd2[0], spec
            if what == "يوم":
                if n == -1:
                    spec.last_day = True
                else:
                    spec.day = 1
                return k + 1, spec
            if what == "اسبوع":
                spec.week, spec.nth = True, n
                return k + 1, spec
            if n == 1 and (self.month_at(k) or _key(toks, k) == "من"):
                spec.day = 1
                return k, spec
            return None
        d = self.day_number(j)
        if d:
            spec.day = d[1]
            return d[0], spec
        o = self.day_ordinal(j)
        if o and spec.weekday is None:
            k = o[0]
            if _key(toks, k) == "يوم" and _types(toks, k + 1, "weekday"):
                k += 1
            wd2 = _types(toks, k, "weekday")
            if wd2 and o[1] <= 5:
                spec.weekday, spec.nth = int(wd2[1]["value"]), o[1]
                return wd2[0], spec
            spec.day = o[1]
            return o[0], spec
        if toks[j].kind == "gap" if j < len(toks) else False:
            spec.day_lost = True
            return j + 1, spec
        if spec.weekday is not None:
            return None
        return None

    # -- point expressions ---------------------------------------------------

    def calendar_date(self, i: int) -> tuple[int, _Spec] | None:
        """[qualifier] [day part [من|في]] month [year] | [qualifier] year | month day."""
        toks = self.toks
        j = i
        qual = _types(toks, j, "qualifier")
        spec = _Spec(start=i)
        if qual:
            spec.qualifier, j, spec.pre = qual[1]["value"], qual[0], qual[2]
        dp = None if qual else self.daypart(j)
        k = j
        if dp:
            k = dp[0]
            if _key(toks, k) in ("من", "في"):
                k += 1
        m = self.month_at(k)
        if m is None and dp:
            dp, k = None, j
            m = self.month_at(k)
        if m is None:
            if qual or dp is None:
                ys = self.year_at(j, hijri=False, after_month=False)
                if ys and (qual or ys[1].year is not None or ys[1].year_rel is not None):
                    y = ys[1]
                    spec.year, spec.year_lost, spec.year_rel = y.year, y.year_lost, y.year_rel
                    if not qual:
                        spec.pre = _types(toks, j, "year_word")[2] if _types(toks, j, "year_word") else ""
                    return ys[0], spec
            return None
        end, month, hijri, amb, mpre = m
        if not dp and not qual:
            spec.pre = mpre
        spec.month, spec.hijri = month, hijri
        if dp:
            d = dp[1]
            spec.day, spec.day_lost, spec.weekday, spec.nth = d.day, d.day_lost, d.weekday, d.nth
            spec.week, spec.last_day = d.week, d.last_day
            spec.pre = _types(toks, i, "weekday", "first", "last")[2] if _types(
                toks, i, "weekday", "first", "last") else (toks[i].pre if toks[i].kind == "num" else "")
        # the day after the month: يوليو 13
        if not dp and not qual and self.day_number(end) and not self.year_at(end, hijri=hijri,
                                                                             after_month=True):
            nxt = self.day_number(end)
            if nxt and not (nxt[0] < len(toks) and toks[nxt[0]].kind == "num"):
                spec.day = nxt[1]
                end = nxt[0]
        ys = self.year_at(end, hijri=hijri, after_month=True)
        if ys:
            y = ys[1]
            spec.year, spec.year_lost, spec.year_rel = y.year, y.year_lost, y.year_rel
            spec.hijri = spec.hijri or y.hijri
            end = ys[0]
        else:
            d = _types(toks, end, "direction")
            if d and d[1]["form"] not in ("هذا", "هذه", "الاخير", "الاخيره"):
                spec.direction = d[1]["value"]
                end = d[0]
        # ambiguous month names need a date cue
        strong = bool(dp) or spec.year is not None or spec.year_lost or spec.year_rel is not None
        if amb == 2 and not strong:
            return None
        if amb == 1 and not strong and not qual and not spec.direction:
            before = toks[i - 1] if i > 0 else None
            prep = _types(toks, i, "anchor") is not None or (
                before is not None and _types(toks, i - 1, "anchor", "qualifier") is not None
            ) or mpre.rstrip("ال") in ("ب", "و ب")
            if not prep:
                return None
        return end, spec

    def numeric_date(self, i: int) -> tuple[int, _Spec] | None:
        """dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, Hijri when the year says so."""
        toks = self.toks
        if i + 4 >= len(toks) + 0 and i + 4 > len(toks):
            return None
        parts = toks[i:i + 5]
        if len(parts) < 5 or any(p.kind != "num" for p in parts[::2]):
            # one token can hold a dotted date: 12.5.2020
            t = toks[i]
            if t.kind == "num" and t.key.count(".") == 2:
                a, b, c = t.key.split(".")
                return self._dmy(i, i + 1, a, b, c)
            return None
        sep = parts[1].key
        if sep not in "/-." or parts[3].key != sep:
            return None
        if any(parts[k].start != parts[k - 1].end for k in range(1, 5)):
            return None
        return self._dmy(i, i + 5, parts[0].key, parts[2].key, parts[4].key)

    def _dmy(self, i: int, j: int, a: str, b: str, c: str) -> tuple[int, _Spec] | None:
        if not (a.isdigit() and b.isdigit() and c.isdigit()):
            return None
        if len(a) == 4:
            y, mo, d = int(a), int(b), int(c)
        elif len(c) == 4:
            d, mo, y = int(a), int(b), int(c)
        else:
            return None
        era = _types(self.toks, j, "era")
        hijri = 1300 <= y <= 1500 or (era is not None and era[1]["value"] == "hijri")
        if era:
            j = era[0]
        if not (1 <= mo <= 12 and 1 <= d <= 31) or not (hijri or 1900 <= y <= 2100):
            return None
        return j, _Spec(year=y, month=mo, day=d, hijri=hijri, start=i, pre=self.toks[i].pre)

    def relative(self, i: int) -> tuple[int, _Spec] | None:
        """أمس, الآن, الأسبوع الماضي, هذه السنة, الثلاثاء الماضي, احد الاسبوع الماضي."""
        toks = self.toks
        off = _types(toks, i, "day_offset", "now")
        # a longer reading wins: اليوم السابق over اليوم
        if off:
            spec = _Spec(start=i, pre=off[2])
            if off[1]["type"] == "now":
                spec.now = True
            else:
                spec.offset = int(off[1]["value"])
            return off[0], spec
        j = i
        this = _types(toks, j, "direction")
        if this and this[1]["form"] in ("هذا", "هذه"):
            u = _types(toks, this[0], "unit", "year_word", "week_word", "month_word")
            unit = self._unit_name(u)
            if u and unit:
                return u[0], _Spec(start=i, pre=this[2], unit_rel=(unit, 0))
            return None
        u = _types(toks, j, "unit", "year_word", "week_word", "month_word")
        unit = self._unit_name(u)
        if (u and unit in ("week", "month", "year") and toks[j].key.startswith("ال")) or (
            u and unit and stems(toks[j].key) and any(a for _, _, a in stems(toks[j].key)[1:2])
        ):
            d = _types(toks, u[0], "direction")
            if d and d[1]["form"] not in ("هذا", "هذه", "الاخير", "الاخيره") and unit in (
                "week", "month", "year"
            ) and u[1]["extra"] in ("1", ""):
                rel = {"past": -1, "future": 1, "current": 0}[d[1]["value"]]
                return d[0], _Spec(start=i, pre=u[2], unit_rel=(unit, rel))
        wd = _types(toks, i, "weekday")
        if wd is None:
            return None
        spec = _Spec(start=i, pre=wd[2], weekday=int(wd[1]["value"]))
        j = wd[0]
        bare = wd[1]["extra"] == "1"
        w = _types(toks, j, "week_word", "unit")
        if w and self._unit_name(w) == "week":
            d = _types(toks, w[0], "direction")
            if d and d[1]["form"] not in ("الاخير", "الاخيره"):
                spec.week_rel = {"past": -1, "future": 1, "current": 0}[d[1]["value"]]
                return d[0], spec
        if bare and _key(toks, i - 1) != "يوم":
            return None
        d = _types(toks, j, "direction")
        if d and d[1]["form"] not in ("هذا", "هذه"):
            spec.direction = d[1]["value"]
            j = d[0]
        if _key(toks, i - 1) == "يوم":
            spec.start = i - 1
            spec.pre = _types(toks, i - 1, "unit")[2] if _types(toks, i - 1, "unit") else ""
        return j, spec

    @staticmethod
    def _unit_name(u: tuple[int, dict[str, str], str] | None) -> str:
        if u is None:
            return ""
        t = u[1]["type"]
        if t == "unit":
            return u[1]["value"]
        return {"year_word": "year", "week_word": "week", "month_word": "month"}.get(t, "")

    def holiday(self, i: int) -> tuple[int, _Spec] | None:
        h = _types(self.toks, i, "holiday")
        if h is None:
            return None
        spec = _Spec(start=i, pre=h[2], holiday=h[1]["value"])
        ys = self.year_at(h[0], hijri=False, after_month=True)
        if ys and ys[1].year:
            spec.year = ys[1].year
            return ys[0], spec
        return h[0], spec

    def length(self, i: int, *, single: bool = False) -> tuple[int, int, str] | None:
        """A length of time: (end, how many, unit): يومين, ثلاثة أيام, 21 أيام; with
        ``single`` (after منذ, قبل, بعد) also one unit: أسبوع."""
        toks = self.toks
        u = _types(toks, i, "unit")
        if u and u[1]["extra"] == "2":
            return u[0], 2, u[1]["value"]
        if single and u and u[1]["extra"] == "1" and not toks[i].key.startswith("ال") \
                and u[1]["value"] != "second" and not read_number(toks, u[0]):
            return u[0], 1, u[1]["value"]
        num = read_number(toks, i)
        if num and num.value and num.value == int(num.value) and num.how in ("digits", "words"):
            u = _types(toks, num.end, "unit")
            if u and not toks[num.end].key.startswith("ال"):
                return u[0], int(num.value), u[1]["value"]
        return None

    def point(self, i: int) -> tuple[int, _Spec] | None:
        if i in self._no_point:
            return None
        best: tuple[int, _Spec] | None = None
        if _key(self.toks, i) == "يوم" and _types(self.toks, i + 1, "weekday"):
            best = self.relative(i + 1)
        else:
            for parse in (self.numeric_date, self.calendar_date, self.holiday, self.relative):
                got = parse(i)
                if got and (best is None or got[0] > best[0]):
                    best = got
        if best is None:
            self._no_point.add(i)  # a parse has no side effects: no point here, ever
        return best

    # -- expressions with anchors -------------------------------------------

    def expression(self, i: int) -> _Found | None:
        toks = self.toks
        anchor = _types(toks, i, "anchor")
        a = anchor[1]["value"] if anchor else ""
        if a == "since":
            ln = self.length(anchor[0], single=True)
            p = self.point(anchor[0])
            if p and (ln is None or p[0] > ln[0]):
                return self._since(i, p, anchor[2])
            if ln:
                return self._shifted(i, ln, -1, anchor[2])
        if a == "from" and _key(toks, i - 1) not in ("اكثر", "اقل", "ازيد", "اكبر"):
            ln = self.length(anchor[0], single=True)
            if ln and not _types(toks, ln[0], "anchor") and not self.point(ln[0]):
                return self._shifted(i, ln, -1, anchor[2])
        if a in ("before", "after"):
            ln = self.length(anchor[0], single=True)
            if ln:
                return self._shifted(i, ln, -1 if a == "before" else 1, anchor[2])
        if a == "within":
            ln = self.length(anchor[0])
            if ln:
                return self._within(i, ln, anchor[2])
        if a in ("between", "from"):
            r = self._range(i, anchor[0], a, anchor[2])
            if r:
                return r
        if a == "until":
            p = self.point(anchor[0])
            if p:
                f = self.resolve(p[1], p[0])
                if f:
                    f.i, f.pre = i, anchor[2]
                    f.value = f"../{f.value}"
                    f.relation = "until"
                    f.start_date = ""
                    return f
        p = self.point(i)
        # a range written with a dash or الى after the first end: 2014 – 2017, 13 الى 15 تموز
        first = p or self._range_start(i)
        if first:
            r = self._range_tail(first, i)
            if r:
                return r
        if p:
            return self.resolve(p[1], p[0])
        ln = self.length(i)
        if ln and not _types(toks, ln[0], "direction"):
            n, unit = ln[1], ln[2]
            code = _UNIT_CODE[unit]
            value = f"PT{n}{code}" if unit in ("hour", "minute", "second") else f"P{n}{code}"
            return _Found(i, ln[0], toks[i].pre, value, "", "", "duration", "duration")
        # الأسابيع الثلاثة القادمة: the next n weeks
        u = _types(toks, i, "unit")
        if u and u[1]["extra"] == "pl":
            num = read_number(toks, u[0])
            if num and num.value and num.how == "words":
                d = _types(toks, num.end, "direction")
                if d and d[1]["value"] in ("past", "future"):
                    return self._next_n(i, num.end, d[0], int(num.value), u[1]["value"],
                                        d[1]["value"], u[2])
        return None

    def _range(self, i: int, j: int, a: str, pre: str) -> _Found | None:
        toks = self.toks
        # بين […] – […] after a period word: years lost in the source
        if a == "between" and j + 2 < len(toks) and toks[j].kind == "gap" and toks[j + 2].kind == "gap" \
                and (toks[j + 1].key in ("-", "–", "—", "و") or toks[j + 1].key == "و"):
            if any(
                _types(toks, k, "period_word") for k in self.same_sentence(i, max(0, i - 5), i + 1)
                if k < i
            ):
                return _Found(i, j + 3, pre, "XXXX/XXXX", "", "", "year", "range",
                              flags=["year_unknown", "range"])
            return None
        if j < len(toks) and toks[j].kind == "gap" and j + 1 < len(toks) and toks[j + 1].key == "و" \
                and j + 2 < len(toks) and toks[j + 2].kind == "gap":
            return None
        p1 = self._range_start(j)
        if p1 is None:
            return None
        k = p1[0]
        conj = ("و",) if a == "between" else ("الي", "حتي", "لغايه", "-", "–", "—")
        if k < len(toks) and toks[k].kind == "num" and toks[k].pre == "و" and a == "between":
            pass
        elif _key(toks, k) in conj:
            k += 1
        elif k < len(toks) and any(pre2 == "و" and stem in conj for pre2, stem, _ in stems(toks[k].key)):
            k += 1  # وحتى
        else:
            return None
        p2 = self.point(k) or self._range_start(k)
        if p2 is None:
            return None
        return self._join(i, p1[1], p2[1], p2[0], pre)

    def _range_start(self, j: int) -> tuple[int, _Spec] | None:
        """A range's first end: a point, or just a day (13 الى 15 تموز) or a year."""
        p = self.point(j)
        if p:
            return p
        d = self.day_number(j) or self.day_ordinal(j)
        if d:
            return d[0], _Spec(day=d[1], start=j, pre=self.toks[j].pre)
        t = self.toks[j] if j < len(self.toks) else None
        if t is not None and t.kind == "num" and t.key.isdigit() and 1900 <= int(t.key) <= 2100:
            return j + 1, _Spec(year=int(t.key), start=j, pre=t.pre)
        return None

    def _range_tail(self, p: tuple[int, _Spec], i: int) -> _Found | None:
        toks = self.toks
        k = p[0]
        if _key(toks, k) not in ("-", "–", "—", "الي"):
            return None
        spec1 = p[1]
        if spec1.year is None and spec1.day is None:
            return None
        q = self.point(k + 1) or self._range_start(k + 1)
        if q is None:
            return None
        if spec1.day is not None and (spec1.month is None) != (q[1].month is None) \
                and q[1].day is not None and spec1.year is None:
            return self._join(i, spec1, q[1], q[0], spec1.pre)
        if spec1.month is None and q[1].month is None and spec1.year and q[1].year:
            return self._join(i, spec1, q[1], q[0], spec1.pre)
        return None

    def _join(self, i: int, s1: _Spec, s2: _Spec, j: int, pre: str) -> _Found | None:
        # the first end borrows what it lacks from the second: 13 الى 15 تموز
        if s1.month is None and s1.day is not None and s2.month is not None:
            s1 = replace(s1, month=s2.month, year=s2.year, year_lost=s2.year_lost,
                         year_rel=s2.year_rel, hijri=s2.hijri)
        if s2.month is None and s2.day is not None and s1.month is not None:
            s2 = replace(s2, month=s1.month, year=s1.year, year_lost=s1.year_lost,
                         year_rel=s1.year_rel, hijri=s1.hijri)
        f1 = self.resolve(s1, j)
        f2 = self.resolve(s2, j)
        if f1 is None or f2 is None:
            return None
        flags = sorted(set(f1.flags) | set(f2.flags) | {"range"})
        return _Found(i, j, pre, f"{f1.value}/{f2.value}", f1.start_date, f2.end_date,
                      f1.precision, "range", calendar=f1.calendar, flags=flags)

    def _since(self, i: int, p: tuple[int, _Spec], pre: str) -> _Found | None:
        spec = p[1]
        if not spec.direction:
            spec.direction = "past_incl"
        f = self.resolve(spec, p[0])
        if f is None:
            return None
        f.i, f.pre, f.relation = i, pre, "since"
        if self.ref is None:
            f.value = f"{f.value}/.."
            f.end_date = ""
        else:
            f.value = f"{f.value}/{_fmt_at(self.ref, f.precision)}"
            f.end_date = self.ref.isoformat()
        f.qualifier = f.qualifier
        return f

    def _shifted(self, i: int, ln: tuple[int, int, str], sign: int, pre: str) -> _Found:
        end, n, unit = ln
        if self.ref is None:
            return _Found(i, end, pre, "", "", "", unit, "point", flags=["relative", "needs_reference"])
        d = _shift(self.ref, unit, sign * n)
        prec = unit if unit in ("day", "week", "month", "year") else "day"
        if prec == "week":
            d, prec = self.ref + timedelta(days=7 * n * sign), "day"
        value = _fmt_at(d, prec)
        s, e = _bounds(d, prec)
        return _Found(i, end, pre, value, s.isoformat(), e.isoformat(), prec, "point",
                      flags=["relative"])

    def _within(self, i: int, ln: tuple[int, int, str], pre: str) -> _Found:
        end, n, unit = ln
        if self.ref is None:
            return _Found(i, end, pre, "", "", "", "period", "within", flags=["relative", "needs_reference"])
        future = self.clause_tense(i, end) == "future"
        other = _shift(self.ref, unit, n if future else -n) if unit not in ("week",) else (
            self.ref + timedelta(days=(7 * n if future else -7 * n)))
        a, b = (self.ref, other) if future else (other, self.ref)
        if future:
            b = b - timedelta(days=1)
        return _Found(i, end, pre, f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat(),
                      "day", "within", flags=["relative"])

    def _next_n(self, i: int, k: int, end: int, n: int, unit: str, direction: str, pre: str) -> _Found:
        if self.ref is None:
            return _Found(i, end, pre, "", "", "", "period", direction, flags=["relative", "needs_reference"])
        if unit == "week":
            monday = self.ref - timedelta(days=self.ref.weekday())
            if direction == "future":
                a = monday + timedelta(days=7)
                b = a + timedelta(days=7 * n - 1)
            else:
                b = monday - timedelta(days=1)
                a = monday - timedelta(days=7 * n)
        else:
            other = _shift(self.ref, unit, n if direction == "future" else -n)
            a, b = (self.ref, other) if direction == "future" else (other, self.ref)
        return _Found(i, end, pre, f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat(),
                      "day", "range", flags=["relative"])

    # -- tense ------------------------------------------------------------------

    def clause_tense(self, i: int, j: int) -> str:
        """future when a future cue sits within the window in the same sentence, else the default."""
        toks = self.toks
        if i >= len(toks):
            return self.tense
        for k in self.same_sentence(i, max(0, i - _WINDOW), min(len(toks), j + _WINDOW)):
            if i <= k < j or toks[k].kind != "word":
                continue
            if _is_future_cue(toks, k):
                return "future"
        return self.tense

    # -- resolution ---------------------------------------------------------------

    def resolve(self, spec: _Spec, j: int) -> _Found | None:
        ref = self.ref
        flags = list(spec.flags)
        i = spec.start
        if spec.now:
            if ref is None:
                return _Found(i, j, spec.pre, "", "", "", "second", "point", flags=["needs_reference"])
            dt = self.ref_dt
            if not isinstance(dt, datetime):  # a reference day only: now is that day, no finer
                return _Found(i, j, spec.pre, ref.isoformat(), ref.isoformat(), ref.isoformat(), "day",
                              "point", flags=["relative"])
            return _Found(i, j, spec.pre, dt.isoformat(timespec="seconds"), ref.isoformat(),
                          ref.isoformat(), "second", "point", flags=["relative"])
        if spec.offset is not None:
            if ref is None:
                return _Found(i, j, spec.pre, "", "", "", "day", "point",
                              flags=["relative", "needs_reference"])
            d = ref + timedelta(days=spec.offset)
            return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                          flags=["relative"])
        if spec.unit_rel is not None:
            unit, rel = spec.unit_rel
            if ref is None:
                return _Found(i, j, spec.pre, "", "", "", unit, "point",
                              flags=["relative", "needs_reference"])
            d = ref + timedelta(days=7 * rel) if unit == "week" else _shift(ref, unit, rel)
            s, e = _bounds(d, unit)
            return _Found(i, j, spec.pre, _fmt_at(d, unit), s.isoformat(), e.isoformat(), unit, "point",
                          flags=["relative"])
        if spec.weekday is not None and spec.month is None:
            return self._weekday(spec, j)
        if spec.holiday:
            return self._holiday(spec, j)
        if spec.month is None:
            # a year alone
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
            return _Found(i, j, spec.pre, ys, _iso(s), _iso(e), "year", "point", spec.qualifier,
                          flags=flags, proposed=prop)
        if spec.hijri:
            return self._hijri(spec, j)
        year, flags2, prop = self._year(spec, spec.month, i, j)
        flags += flags2
        ys = "XXXX" if year is None else f"{year:04d}"
        mo = spec.month
        if spec.week:
            if year is None:
                return None
            monday = _nth_week(year, mo, spec.nth or 1)
            iy, iw, _ = monday.isocalendar()
            return _Found(i, j, spec.pre, f"{iy}-W{iw:02d}", monday.isoformat(),
                          (monday + timedelta(days=6)).isoformat(), "week", "point", flags=flags)
        if spec.weekday is not None and spec.nth is not None:
            if year is None:
                return None
            d = _nth_weekday(year, mo, spec.weekday, spec.nth)
            if d is None:
                return None
            return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
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
                return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day",
                              "point", flags=flags, proposed=prop)
            return _Found(i, j, spec.pre, f"{ys}-{mo:02d}-{day:02d}", "", "", "day", "point",
                          flags=flags, proposed=prop)
        if spec.day_lost:
            flags.append("day_unknown")
            return _Found(i, j, spec.pre, f"{ys}-{mo:02d}-XX", "", "", "day", "point",
                          flags=flags, proposed=prop)
        if year is None:
            return _Found(i, j, spec.pre, f"XXXX-{mo:02d}", "", "", "month", "point", spec.qualifier,
                          flags=flags, proposed=prop)
        if spec.qualifier == "half":
            d = date(year, mo, 15)
            return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                          "mid", flags=flags, proposed=prop)
        if spec.qualifier:
            a, b = _THIRDS[spec.qualifier]
            s = date(year, mo, a)
            e = date(year, mo, min(b, calendar.monthrange(year, mo)[1]))
        else:
            s, e = date(year, mo, 1), _month_end(year, mo)
        return _Found(i, j, spec.pre, f"{year:04d}-{mo:02d}", s.isoformat(), e.isoformat(), "month",
                      "point", spec.qualifier, flags=flags, proposed=prop)

    def _direction(self, spec: _Spec, i: int, j: int) -> str:
        if spec.direction in ("past", "future", "current", "past_incl"):
            return spec.direction
        return "future_incl" if self.clause_tense(i, j) == "future" else "past_incl"

    def _year(self, spec: _Spec, month: int | None, i: int, j: int) -> tuple[int | None, list[str], str]:
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

    def _weekday(self, spec: _Spec, j: int) -> _Found | None:
        ref = self.ref
        i = spec.start
        if ref is None:
            return _Found(i, j, spec.pre, "", "", "", "day", "point", flags=["relative", "needs_reference"])
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
        return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                      flags=["relative"])

    def _holiday(self, spec: _Spec, j: int) -> _Found | None:
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
            return _Found(i, j, spec.pre, "", "", "", "day", "point", flags=["needs_reference"])
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
        return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day", "point",
                      flags=flags)

    def _hijri(self, spec: _Spec, j: int) -> _Found | None:
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
                return _Found(i, j, spec.pre, "", "", "", "month", "point", calendar="hijri",
                              flags=flags)
            if ref is None:
                return _Found(i, j, spec.pre, "", "", "", "month", "point", calendar="hijri",
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
                return _Found(i, j, spec.pre, d.isoformat(), d.isoformat(), d.isoformat(), "day",
                              "point", calendar="hijri", flags=flags)
            s = Hijri(hy, mo, 1).to_gregorian()
            e = s + timedelta(days=Hijri(hy, mo, 1).month_length() - 1)
        except (ValueError, OverflowError):
            return None
        if spec.qualifier:
            a, b = _THIRDS[spec.qualifier]
            s, e = s + timedelta(days=a - 1), min(e, s + timedelta(days=b - 1))
        return _Found(i, j, spec.pre, f"{s.isoformat()}/{e.isoformat()}", s.isoformat(), e.isoformat(),
                      "month", "point", spec.qualifier, calendar="hijri", flags=flags)


def _is_future_cue(toks: list[Token], k: int) -> bool:
    key = toks[k].key
    if not _word_types(key).isdisjoint(("future_cue", "direction")):
        got = _types(toks, k, "future_cue", "direction")
        if got and (got[1]["type"] == "future_cue" or got[1]["value"] == "future"):
            return True
    return _future_verb(key)


@lru_cache(maxsize=1 << 16)
def _future_verb(key: str) -> bool:
    """Whether a reading of the folded word is a سـ-prefixed imperfect verb (a future cue)."""
    for pre, stem, art in stems(key):
        if art or pre not in ("", "و", "ف"):
            continue
        # SEEN + an imperfect prefix: سيتضمن, ستخدم
        if len(stem) >= 5 and stem[0] == "\u0633" and stem[1] in _FUTURE_PREFIX and not _not_future(stem):
            return True
    return False


@cache
def _not_future_forms() -> frozenset[str]:
    df = table_lexicon("find/time_words.csv", where={"type": "not_future"})
    return frozenset(form for form, _ in df.items)


def _not_future(stem: str) -> bool:
    forms = _not_future_forms()
    return stem in forms or any(stem.startswith(f) and len(f) >= 4 for f in forms)


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


def _shift(ref: date, unit: str, n: int) -> date:
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


def _bounds(d: date, precision: str) -> tuple[date, date]:
    d = d.date() if isinstance(d, datetime) else d
    if precision == "week":
        s = d - timedelta(days=d.weekday())
        return s, s + timedelta(days=6)
    if precision == "month":
        return d.replace(day=1), _month_end(d.year, d.month)
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def _fmt_at(d: date, precision: str) -> str:
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


# ---------------------------------------------------------------------------
# The public function


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
    toks = tokenize(text, folded=folded if folded is not None else fold(text))
    parser = _Parser(text, reference, tense, toks)
    rows: list[dict[str, Any]] = []
    i = 0
    for k, tok in enumerate(toks):
        if k < i:
            continue
        kind = tok.kind
        if kind == "word":
            if not _word_may_start(tok.key):
                continue
            if _anchor_only(tok.key) and not _may_follow_anchor(toks, k + 1):
                continue
            if not _core_ahead(toks, k):
                continue
        elif kind != "num" and kind != "gap":
            continue
        try:
            found = None if kind == "num" and not _number_may_start(toks, k) else parser.expression(k)
        except (ValueError, OverflowError, IndexError):
            found = None
        if found is None or found.j <= k:
            continue
        found = _widened(text, toks, found, rows)
        rows.append(_to_row(text, toks, found))
        i = found.j
    return rows


def _widened(text: str, toks: list[Token], found: _Found, rows: list[dict[str, Any]]) -> _Found:
    """A day point with its time of day (see ``_with_time_of_day``), not reaching back into
    the last row found; any other expression as it is."""
    if found.precision == "day" and found.relation == "point":
        return _with_time_of_day(text, toks, found, rows[-1]["end"] if rows else 0)
    return found


# --- times of day -----------------------------------------------------------------------

# How an hour on the 12-hour clock reads in each part of the day (24-hour clock): الثامنة
# مساءً is 20:00, الواحدة ليلًا 01:00 but العاشرة ليلًا 22:00, الواحدة ظهرًا 13:00.
_CLOCK_PM = {
    "dawn": lambda h: h % 12,
    "morning": lambda h: h,
    "noon": lambda h: h + 12 if h < 6 else h,
    "afternoon": lambda h: h + 12 if h < 12 else h,
    "evening": lambda h: h + 12 if h < 12 else 0,
    "night": lambda h: h + 12 if 6 <= h < 12 else h % 12,
}
_CLOCK_GAP = 2  # words (في، عند، تمام ...) allowed between a day and a clock phrase after it


def _with_time_of_day(text: str, toks: list[Token], f: _Found, floor: int) -> _Found:
    """``f`` (a day) widened over a part of the day or a clock time around it, which goes in
    ``time_of_day``: a part (dawn, morning, noon, afternoon, evening, night, midnight, eve)
    or a 24-hour ``HH:MM``, both readings ``HH:MM|HH:MM`` when nothing says which half.

    >>> r = time_rows("قُتل جنديان فجر الأربعاء", reference=date(2020, 5, 14))[0]
    >>> r["text"], r["value"], r["time_of_day"]
    ('فجر الأربعاء', '2020-05-13', 'dawn')
    """
    i, j, pre = f.i, f.j, f.pre
    part = ""
    clock: tuple[int, int] | None = None
    # before the day: [الساعة العاشرة من] صباح | فجر | [منتصف] ليل | ليلة ...
    before = _types(toks, i - 1, "daypart") if i > 0 else None
    if before and before[0] == i and before[1]["extra"] != "adverb" and toks[i - 1].start >= floor \
            and "\u0651" not in text[toks[i - 1].start:toks[i - 1].end]:  # فجّر: the verb
        part, i, pre = before[1]["value"], i - 1, before[2]
        if part == "eve" and f.flags and "relative" in f.flags and _types(toks, f.i, "day_offset"):
            part = "night"  # ليلة أمس: last night, not the night before yesterday
        mid = _types(toks, i - 1, "qualifier") if i > 0 and part in ("night", "eve") else None
        if mid and mid[0] == i and mid[1]["value"] == "mid" and toks[i - 1].start >= floor:
            part, i, pre = "midnight", i - 1, mid[2]
        # الساعة العاشرة من صباح الخميس, الساعة العاشرة مساء الخميس
        c = _clock_ending(toks, i - 1, floor) if _key(toks, i - 1) == "من" else _clock_ending(
            toks, i, floor)
        if c:
            clock, i, pre = (c[1], c[2]), c[0], c[3]
    elif before and before[0] == i and before[1]["extra"] != "noun":
        c = _clock_ending(toks, i - 1, floor)  # الساعة العاشرة صباحًا يوم الخميس
        if c:
            part, clock, i, pre = before[1]["value"], (c[1], c[2]), c[0], c[3]
    else:
        c = _clock_ending(toks, i, floor)  # الساعة العاشرة يوم الخميس
        if c:
            clock, i, pre = (c[1], c[2]), c[0], c[3]
    # after the day: صباحًا | [عند] الساعة العاشرة [صباحًا | من صباح ...]
    after = _types(toks, j, "daypart")
    if not part and after and after[1]["extra"] != "noun":
        part, j = after[1]["value"], after[0]
    if clock is None:
        k = j
        while k < j + _CLOCK_GAP and (cue := _types(toks, k, "clock_cue")):
            k = cue[0]
        c = _clock_at(toks, k)
        if c:
            clock, j = (c[1], c[2]), c[0]
            tail = _types(toks, j, "daypart")
            if tail and tail[1]["extra"] != "noun":
                part, j = part or tail[1]["value"], tail[0]
    if not part and clock is None:
        return f
    return replace(f, i=i, j=j, pre=pre, time_of_day=_clock_text(clock, part) if clock else part)


def _clock_ending(toks: list[Token], end: int, floor: int) -> tuple[int, int, int, str] | None:
    """A clock phrase ending at token ``end`` and starting at or after offset ``floor``:
    (start, hour, minute, proclitics)."""
    for s in range(max(0, end - 6), end):
        c = _clock_at(toks, s)
        if c and c[0] == end and toks[s].start >= floor:
            return s, c[1], c[2], c[3]
    return None


def _clock_at(toks: list[Token], s: int) -> tuple[int, int, int, str] | None:
    """A clock phrase at token ``s``: الساعة + an hour (10, 9:30, 9.30, العاشرة, الواحدة) and
    a fraction (والنصف، إلا ربعًا): (end, hour, minute, proclitics)."""
    w = _types(toks, s, "clock_word")
    if w is None or not w[2].endswith("\u0627\u0644"):  # ALEF LAM: الساعة, not ساعة (an hour)
        return None
    k = w[0]
    if k >= len(toks):
        return None
    hour = minute = -1
    if toks[k].kind == "num":
        whole, _, frac = toks[k].key.partition(".")
        if whole.isdigit():
            hour, k = int(whole), k + 1
            if len(frac) == 2 and frac.isdigit():
                minute = int(frac)
            elif k + 1 < len(toks) and toks[k].key == ":" and toks[k + 1].kind == "num" \
                    and len(toks[k + 1].key) == 2 and toks[k + 1].key.isdigit():
                minute, k = int(toks[k + 1].key), k + 2
    else:
        word = _types(toks, k, "clock_hour")
        o = read_ordinal(toks, k) if word is None else (word[0], int(word[1]["value"]))
        if o:
            k, hour = o[0], int(o[1])
    if not 0 <= hour <= 24 or minute >= 60:
        return None
    if minute < 0:
        minute = 0
        frac_word = _types(toks, k, "clock_fraction")
        if frac_word:
            minute, k = int(frac_word[1]["value"]), frac_word[0]
            if minute < 0:
                hour, minute = (hour - 1) % 24, 60 + minute
    return k, hour % 24, minute, w[2][:-2]


def _clock_text(clock: tuple[int, int], part: str) -> str:
    """``HH:MM`` on the 24-hour clock; both readings when an hour up to 12 has no part of
    the day to settle it: الساعة الثالثة → ``03:00|15:00``."""
    hour, minute = clock
    if part in _CLOCK_PM and 1 <= hour <= 12:
        return f"{_CLOCK_PM[part](hour) % 24:02d}:{minute:02d}"
    if 1 <= hour <= 12:
        return f"{hour % 12:02d}:{minute:02d}|{hour % 12 + 12:02d}:{minute:02d}"
    return f"{hour:02d}:{minute:02d}"


def _to_row(text: str, toks: list[Token], f: _Found) -> dict[str, Any]:
    start = clitic_start(text, toks[f.i], f.pre)
    end = toks[f.j - 1].end
    return {
        "start": start, "end": end, "text": text[start:end], "kind": "time", "value": f.value,
        "flags": ";".join(dict.fromkeys(f.flags)), "start_date": f.start_date, "end_date": f.end_date,
        "precision": f.precision, "relation": f.relation, "qualifier": f.qualifier,
        "calendar": f.calendar, "proposed": f.proposed, "time_of_day": f.time_of_day,
    }

