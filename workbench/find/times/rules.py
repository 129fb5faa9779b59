"""The time grammar: typed pieces read at a token, and named rules that compose them.

Pieces (each a method returning where it ends and what it says): weekday, relative day,
day of month (digits or ordinal), month (any series, شهر + a number), year (digits, era),
part of day, clock, unit with a count, direction, qualifier, approximator. Rules combine
them and record their names in ``Partial.rules``: ``weekday+relative_day``,
``day+month+year``, ``weekday+week_anchor``, ``clock+part_of_day``, ``clock+day``,
``approx+X``, ``range(X,Y)``, ``since+X``, ``period+relative`` and the rest below; the
finder writes them joined by ``+`` in the ``rule`` column.

>>> from .lexicon import tokenize
>>> g = Grammar(tokenize("أمس الأربعاء"))
>>> p = g.relative_day(0); p.rules, p.offset, p.weekday
(['relative_day', 'weekday'], -1, 2)
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ...resources import read_rows
from ...text.dates import numeric_order, text_order
from ...text.memo import word_memo
from .clocks import ClockRules
from .lexicon import Hit, Token, demonstratives, find, key, keys_between, lookup, month_by_one_slip
from .numbers import parse_number, parse_ordinal
from .partial import Partial, copy

_OF = frozenset({"من", "في", "ب", "ل"})  # between a day and its month: الثالث من آذار
_YEAR_CUES = frozenset({"في", "منذ", "خلال", "عام", "سنه", "حتي", "بين", "من", "قبل", "بعد",
                        "مطلع", "نهايه", "اواخر", "اوائل", "منتصف", "طوال", "العام", "الي",
                        "بحلول", "حلول"})  # بحلول 2030: by 2030
DASHES = frozenset({"-", "\u2013", "\u2014", "الي", "حتي", "وحتي", "لغايه", "ولغايه"})
_RELWORD = frozenset({"الذي", "الي", "اللي", "التي"})  # اليوم الذي بعد الغد
# a unit, and the next smaller one with how many of it make one (for ونصف, وربع, وثلث after it)
_FRACTION_OF = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60),
                "minute": ("second", 60)}
_ONE = frozenset({"واحد", "واحده"})  # after a singular unit: ساعة واحدة, يوم واحد
# the week before or after another (الأسبوع الذي يلي الأسبوع المقبل): -1 before, +1 after
_BEFORE_AFTER = {"قبل": -1, "بعد": 1, "يلي": 1, "تلي": 1, "سبق": -1, "سبقت": -1}
# colloquial ها + a unit (هالأسبوع, هالشهر, هالسنة): this week, month, year
_SEASONS = frozenset({"summer", "autumn"})
_COUNTING_QUALIFIERS = frozenset({"اول", "اخر", "وسط"})  # أول 10 دول: a count, not a year
_THIS_UNITS = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
_NUMERIC_RE = re.compile(r"^\d+$")
_THEN = frozenset({"ذلك", "ذلكه", "تلك", "ذاك", "بين"})  # before الحين that is no "now"
_THEN_AFTER = frozenset({"والاخر", "والاخري", "الي", "والحين"})
_DATE_CUES = frozenset({"يوم", "في", "ب", "بتاريخ", "تاريخ", "حتي", "من", "منذ", "الموافق"})
# words only a date follows
_DATING_WORDS = frozenset({"يوم", "بتاريخ", "تاريخ", "الموافق", "موافق"})
_FIRST_PLURAL = frozenset({"الاولي", "الاولين", "الاوليين", "الاوائل"})  # الأولى, الأوّلين: the first (months)
# a plural unit: pl, or pl10 for decades (عقود), read only as a length (منذ عقود, على مدى عقود,
# لعقود): "a few" of them has no count in time_few.csv, so no point in time is made of them
_PLURALS = ("pl", "pl10")
_LAST_CENTURY = frozenset({"الماضي", "العشرين"})  # القرن الماضي, القرن العشرين after a decade
_LAST_PLURAL = frozenset({"الاخيره", "الاواخر"})  # الأخيرة, الأواخر: the last (days)
# between the parts of a date whose month is a name: 31/أغسطس/2022, 03-مايو-2023, 24.نيسان.2018
_DATE_SEPARATORS = frozenset({"/", "-", "."})
_DAY_NAMING = frozenset({"يوم", "بتاريخ", "تاريخ", "الموافق"})  # words after which a number is a day
_WEEKDAY_DATE_GLUE = frozenset({"الموافق", "\u060c", ",", "-", "من"})  # between a weekday and its date


def _day_by_letters(word: str) -> bool:
    """Whether a day rule reads ``word`` at its start without the lexicon: a year's ، من في
    (year_alone), or ها + a unit (unit_relative)."""
    return word in ("\u060c", ",", "من", "في") or (word[:1] == "\u0647" and word[1:] in _THIS_UNITS)


# The day rules in the order they are tried, each with what its first step needs at the
# token: a lexicon type, "digits" (Grammar.num) or "letters" (_day_by_letters).
_DAY_RULES = [(rule, frozenset(needs)) for rule, needs in (
    ("holiday", ["holiday", "ordinal_start"]),
    ("relative_day", ["day_word", "relative_day"]),
    ("nth_in_month", ["last", "ordinal_start", "weekday", "day_word", "week_word", "month_word"]),
    ("weekday_phrase", ["weekday", "day_word", "direction"]),
    ("day_month", ["day_word", "ordinal_start", "digits"]),
    ("qualified", ["qualifier"]),
    ("unit_relative", ["direction", "week_word", "month_word", "year_word", "letters"]),
    ("month_year", ["month", "month_word"]),
    ("year_alone", ["year_word", "digits", "letters"]),
    ("numeric_date", ["digits"]),
    ("now", ["now"]),
    ("vague", ["vague"]),
    ("season_relative", ["season", "direction"]),
    ("quarter", ["quarter_word", "direction", "unit"]),
    ("month_days", ["unit", "digits"]),
    ("decade", ["decade"]),
)]


COUNTED_FILE = "find/quantity_cues.csv"  # the counted nouns quantities read (شهيدا, قتيلا)


@cache
def counted_nouns() -> frozenset[str]:
    """The counted nouns of ``quantity_cues.csv`` in every form (شهيد, شهيدا, شهداء): a number
    right before one is a count, not a year (ارتفعت … إلى 1130 شهيداً).

    >>> "شهيدا" in counted_nouns()
    True
    """
    table = read_rows(COUNTED_FILE)
    roles = zip(table.column("form"), table.column("role"), strict=True)
    return frozenset(form for form, role in roles if role == "noun")


@word_memo
def _cardinal_value(words: str) -> int | None:
    """A whole number in words, a leading و taken off (وثمانية عشرة: 18), else None.

    >>> _cardinal_value("وثمانية عشر"), _cardinal_value("واحد"), _cardinal_value("الهجوم")
    (18, 1, None)
    """
    if words.startswith("\u0648") and not words.startswith("\u0648\u0627\u062d"):  # و, not واحد
        words = words[1:].strip()
    v = parse_number(words) if words else None
    return int(v) if v is not None and v == int(v) else None


@word_memo
def _one_to_twelve(first: str, second: str) -> tuple[int, int] | None:
    """A number 1–12 in the words ``first`` and ``second`` (``""``: the text ends), two words
    tried before one: (words, n). A pure function of the two words, remembered: the same
    pairs (في هذا, من أجل) stand before most numbers the grammar is asked about."""
    for n, words in ((2, (first, second)), (1, (first,))):
        if not words[-1]:
            continue
        v = _cardinal_value(" ".join(words))
        if v is not None and 1 <= v <= 12 and all(w.isalpha() for w in words):
            return n, v
    return None


def _typ(h: Hit | None, t: str) -> bool:
    return h is not None and h.entry.type == t


class Grammar(ClockRules):
    """Rules over one text's tokens; :meth:`expression` reads the longest expression at a token."""

    def __init__(self, toks: list[Token]) -> None:
        self.t = toks
        self._memo: dict[tuple[str, int], Partial | None] = {}
        # the order of this text's numeric dates, "dm" or "md" (:meth:`learn_numeric_order`);
        # None: not known, read day first (the Arabic press's own order) and flagged
        self.numeric_order: str | None = None

    def learn_numeric_order(self, on: date | None = None) -> str | None:
        """The order this text writes its numeric dates in, from those that tell it: a first
        number over 12 (25/4/2019), a second one over 12 (4/25/2019), a weekday beside the
        date or the publication day ``on`` that only one reading fits (``الجمعة 4/5/2019``).
        A text whose dates do not tell keeps day first (``order_ambiguous`` on its dates).

        >>> from .lexicon import tokenize
        >>> g = Grammar(tokenize("الجمعة 4/5/2019 ... الأحد 4/7/2019")); g.learn_numeric_order()
        'md'
        """
        votes: list[str | None] = []
        for i in range(len(self.t) - 2):
            if key(self.t, i + 1) not in ("/", "-", ".") or self.num(i) is None:
                continue
            p = self.numeric_date(i)
            if p is None or p.day is None or p.month is None or "numeric_ymd" in p.rules:
                continue
            a, b = (p.month, p.day) if "month_first" in p.flags else (p.day, p.month)
            votes.append(numeric_order(a, b, p.year, weekday=self._weekday_before(i),
                                       on=on if "numeric_dm" not in p.rules else None))
        self.numeric_order = text_order(votes)
        return self.numeric_order

    def _weekday_before(self, i: int) -> int | None:
        """The weekday written right before token ``i`` (الجمعة 4/5, الأحد، 29-6-2014)."""
        k = i - 1 - (1 if key(self.t, i - 1) in _WEEKDAY_DATE_GLUE else 0)
        h = find(self.t, k, "weekday")
        return int(h.entry.value) if h is not None and h.end in (i, i - 1) else None

    def memo(self, name: str, i: int, rule) -> Partial | None:
        """``rule(i)`` read once per token (the rules ask again and again), handed out as a
        copy the caller may change."""
        k = (name, i)
        if k not in self._memo:
            self._memo[k] = rule(i)
        p = self._memo[k]
        return None if p is None else copy(p)

    # -- pieces ---------------------------------------------------------------------

    def num(self, i: int, lo: int = 0, hi: int = 10**6) -> int | None:
        k = key(self.t, i)
        if k.isdigit() and lo <= int(k) <= hi:
            return int(k)
        return None

    def ordinal(self, i: int, *, lam: bool = False) -> tuple[int, int] | None:
        """An ordinal in words over up to four tokens (الثالث والعشرون): (end, rank); its first
        word is one of the lexicon's ``ordinal_start`` words. ``lam``: also after ل, whose
        article loses its alef (للثامن والعشرين = ل + الثامن والعشرين)."""
        h = find(self.t, i, "ordinal_start", pre_ok=lam)
        if h is None or (h.pre and not (h.pre == "\u0644" and key(self.t, i).startswith("\u0644\u0644"))):
            return None
        first = "\u0627" + key(self.t, i)[1:] if h.pre else key(self.t, i)
        best = None
        for n in range(1, 5):
            if i + n > len(self.t) or not key(self.t, i + n - 1).isalpha():
                break
            words = " ".join([first, *keys_between(self.t, i + 1, i + n)])
            r = parse_ordinal(words)
            if r is not None:
                best = (i + n, r)
        return best

    def cardinal(self, i: int, stop: int) -> int | None:
        """A number in words over tokens [i, stop), a leading و taken off (وثمانية عشرة)."""
        return _cardinal_value(" ".join(keys_between(self.t, i, stop)))

    def dom(self, i: int) -> tuple[int, int] | None:
        """A day of the month: 1–31 in digits or an ordinal word (اليوم الأول, الثالث عشر)."""
        n = self.num(i, 1, 31)
        if n is not None and len(key(self.t, i)) <= 2:
            return i + 1, n
        # the day after ل of a date (الموافق للثامن والعشرين من مايو); day_month still
        # wants its month after it
        o = self.ordinal(i, lam=True)
        return o if o and 1 <= o[1] <= 31 else None

    def _cardinal_day(self, i: int) -> tuple[int, int] | None:
        """A day of the month as a cardinal word right before a month name (عشرين غشت,
        خمسة وعشرين مارس): (end, day); read only after يوم, where a count cannot stand."""
        for stop in range(i + 1, min(i + 4, len(self.t)) + 1):
            n = self.cardinal(i, stop)
            if n is not None and 1 <= n <= 31 and find(self.t, stop, "month") is not None:
                return stop, n
        return None

    def month(self, i: int, *, cued: bool, strong: bool = False) -> tuple[int, int, bool, str] | None:
        """A month: a name (in any series, combined forms أبريل/نيسان and يناير كانون الثاني
        read as one), or شهر + a number (شهر ثلاثة, الشهر الثامن): (end, month, hijri, pre).

        ``cued``: a preposition or qualifier stands before it (a name that is also a common
        word, مارس, may be read); ``strong``: a day of the month or شهر does (a name that is
        a very common word, آب "father", محرم, may be read: 20 آب, شهر آب)."""
        word = find(self.t, i, "month_word")
        if word is not None:
            k = word.end
            n = self.num(k, 1, 12)
            if n is not None:
                return k + 1, n, False, word.pre
            o = self.ordinal(k) if key(self.t, i).endswith("الشهر") else None
            if o and 1 <= o[1] <= 12:
                return o[0], o[1], False, word.pre
            c = self._month_number_word(k)
            # one in words after the unit is the count's adjective, as in every ``N`` + noun
            # with N = 1 (شهر واحد "one month"); a month named by a number is 1–12 otherwise
            if c and not (c[1] == 1 and c[0] == k + 1):
                return c[0], c[1], False, word.pre
            m = self.month(k, cued=True, strong=True)
            return (m[0], m[1], m[2], word.pre) if m else None
        h = find(self.t, i, "month")
        if h is None:
            # a slip in one of two names of a month (28 يليو تموز, العاشر من دسمبر كانون الاول):
            # the name after it, of the same month, confirms it
            h2 = find(self.t, i + 1, "month", pre_ok=False)
            if h2 is not None and not lookup(self.t, i) \
                    and h2.entry.value in month_by_one_slip(key(self.t, i)):
                return h2.end, int(h2.entry.value), h2.entry.extra.startswith("hijri"), ""
            return None
        cal, amb = h.entry.extra.split(":")
        end = h.end
        # a second name for the same month: أبريل/نيسان, أبريل (نيسان), يناير كانون الثاني —
        # which also makes a name that is a common word a month (12 آب/أغسطس: آب "father")
        k = end + 1 if key(self.t, end) in ("/", "(", "-") else end
        h2 = find(self.t, k, "month")
        second = h2 is not None and h2.entry.value == h.entry.value
        if int(amb) > (2 if strong else 1 if cued or h.pre else 0) and not second \
                and not self._month_confirmed(h.end) and not (int(amb) <= 1 and self._month_relative(h.end)):
            return None
        if second:
            end = h2.end + (1 if key(self.t, h2.end) == ")" else 0)  # type: ignore[union-attr]
        return end, int(h.entry.value), cal == "hijri", h.pre

    def _month_number_word(self, i: int) -> tuple[int, int] | None:
        """A number 1–12 in words over one or two tokens at ``i`` (ثلاثة, الحادية عشرة): (end, n)."""
        words = keys_between(self.t, i, i + 2)
        if not words:  # past the text's end (شهر, its last word)
            return None
        got = _one_to_twelve(words[0], words[1] if len(words) == 2 else "")
        return (i + got[0], got[1]) if got is not None else None

    def _month_relative(self, j: int) -> bool:
        """A direction right after a name that is also a common word makes it a month (شعبان
        المقبل, مارس الماضي), as Duckling's "<named-month> next|last" reads it."""
        d = find(self.t, j, "direction", pre_ok=False)
        return d is not None and d.entry.value in ("past", "future") and key(self.t, j).startswith("ال")

    def _month_confirmed(self, j: int) -> bool:
        """A year after a name that is also a common word makes it a month (مارس 2014), and
        so does a day and a year in the order of a forum's date line (مارس 30, 2024)."""
        return self.num(j, 1000, 2100) is not None or _typ(find(self.t, j, "year_word"), "year_word") \
            or self.year(j) is not None \
            or (self.num(j, 1, 31) is not None and len(key(self.t, j)) <= 2 and self.year(j + 1) is not None)

    def year(self, i: int, *, dated: bool = False) -> tuple[int, int, bool] | None:
        """A year: [من] [عام|سنة] digits [era], or digits alone in brackets after a day and
        month (17 أكتوبر (2016)): (end, year, hijri). ``dated``: the digits close a day and
        month, where a unit word after them names the day (9 أبريل 2003 يوم سقوط بغداد) and
        counts nothing."""
        if key(self.t, i) == "(" and key(self.t, i + 2) == ")" and len(key(self.t, i + 1)) == 4 \
                and self.num(i + 1, 1000, 2100) is not None:
            return i + 3, int(key(self.t, i + 1)), False
        k = i
        if key(self.t, k) in ("،", ","):
            k += 1
        if key(self.t, k) in ("من", "في"):
            k += 1
        cue = find(self.t, k, "year_word")
        if cue is not None:
            k = cue.end
        n = self.num(k, 1, 2200)
        era = find(self.t, k + 1, "era")
        if era is not None and era.entry.words == ("م",) and not 1000 <= (n or 0) <= 2100:
            era = None  # 500 م is as likely 500 metres
        if n is None or (cue is None and not 1000 <= n <= 2100 and era is None) \
                or (cue is None and k > i + 1):
            return None
        k += 1
        hijri = cue is not None and cue.entry.value == "hijri"  # العام الهجري 1445
        if era is not None:
            hijri, k = era.entry.value == "hijri", era.end
            if key(self.t, k) == ".":
                k += 1
        elif cue is None and len(key(self.t, k - 1)) != 4:
            return None
        if cue is None and era is None and key(self.t, k) in counted_nouns() \
                and not (dated and find(self.t, k, "unit", pre_ok=False) is not None):
            return None  # إلى 1130 شهيداً: a toll, not a year
        return k, n, hijri

    def part(self, i: int, *kinds: str) -> Hit | None:
        """A part of the day at token ``i`` (of ``kinds``); none before a reflexive object,
        where the adverb is a verb (انتحاريان فجرا نفسيهما: "blew themselves up")."""
        h = find(self.t, i, "daypart")
        if h is not None and h.entry.extra == "today" and h.entry.words[-1] == "اليوم":
            same = find(self.t, h.end, "direction", pre_ok=False)
            # a relative day that runs on from its اليوم (صباح اليوم التالي: the morning after)
            later = any(o.entry.type == "relative_day" and o.end > h.end for o in lookup(self.t, h.end - 1))
            if (same is not None and same.entry.value == "same") or later:
                # صباح اليوم نفسه, مساء اليوم ذاته: the part of the day the story named, not of
                # today; the part alone, its day read after it (اليوم نفسه, اليوم التالي)
                h = next((o for o in lookup(self.t, i) if o.entry.type == "daypart" and o.end < h.end
                          and o.entry.extra in ("noun", "both")), None)
                return h if h is not None and (not kinds or h.entry.extra in (*kinds, "both")) else None
        if h is not None and find(self.t, h.end, "reflexive") is not None:
            return None
        return h if h is not None and (not kinds or h.entry.extra in (*kinds, "both")) else None

    # -- days -------------------------------------------------------------------------

    def day(self, i: int) -> Partial | None:
        """A day, week, month or year said by name, number or relation (no clock)."""
        return self.memo("day", i, self._day)

    def _day(self, i: int) -> Partial | None:
        if i >= len(self.t):
            return None
        word = key(self.t, i)
        types = {h.entry.type for h in lookup(self.t, i)}
        digits = word.isdigit()  # as Grammar.num asks
        best = None
        for rule, needs in _DAY_RULES:
            if not (types & needs or (digits and "digits" in needs)
                    or ("letters" in needs and _day_by_letters(word))):
                continue  # the rule's first step reads one of these at i
            p = getattr(self, rule)(i)
            if p is not None and (best is None or p.j > best.j):
                best = p
        return best

    def relative_day(self, i: int) -> Partial | None:
        k = i
        lead = find(self.t, k, "day_word")
        if lead is not None:
            k2 = lead.end + (1 if key(self.t, lead.end) in _RELWORD else 0)
            h = find(self.t, k2, "relative_day")
            if h is not None and not (h.entry.value == "0" and key(self.t, k2) == "اليوم"):
                k = k2
        h = find(self.t, k, "relative_day")
        if h is None:
            return None
        before = self.part(i - 1) if i > 0 else None
        if before is not None and before.end > i:
            return None  # الصباح الباكر is early morning, not tomorrow (باكر)
        p = Partial(i, i)
        if k != i:
            p.pre = lead.pre  # type: ignore[union-attr]
            p.add("day_word")
        else:
            p.pre = h.pre
        p.offset, p.story = int(h.entry.value), h.entry.extra == "story"
        p.add("relative_day", h.end)
        wd = self._weekday_at(h.end, bare_ok=False)
        if wd is None and key(self.t, h.end) == "(":  # أمس (الأربعاء), اليوم(الخميس)
            inner = self._weekday_at(h.end + 1, bare_ok=True)
            wd = (inner[0] + 1, *inner[1:]) if inner is not None and key(self.t, inner[0]) == ")" \
                else None
        if wd is not None:  # أمس الأربعاء, اليوم الجمعة
            p.weekday = wd[1]
            p.add("weekday", wd[0])
        return p

    def _weekday_at(self, i: int, *, bare_ok: bool) -> tuple[int, int, str] | None:
        k = i
        lead = find(self.t, k, "day_word")
        if lead is not None and find(self.t, lead.end, "weekday") is not None:
            k, bare_ok = lead.end, True
        h = find(self.t, k, "weekday")
        if h is None or (h.entry.extra == "1" and not bare_ok):
            return None
        if k != i and h.entry.extra == "1" and h.pre:
            return None  # يوم واحد is one day: a weekday right after يوم takes no proclitic
        end = h.end + (1 if key(self.t, h.end) in ("،", ",") and self._dom_month_ahead(h.end + 1) else 0)
        return end, int(h.entry.value), (lead.pre if lead is not None and k != i else h.pre)

    def _dom_month_ahead(self, k: int) -> bool:
        d = self.dom(k)
        return d is not None

    def weekday_phrase(self, i: int) -> Partial | None:
        """A weekday and what ties it to a week or a date: الخميس من الأسبوع المقبل,
        يوم السبت الفائت, أحد الأسبوع الماضي, الجمعة 15 شباط."""
        if key(self.t, i) in demonstratives():  # هذا الخميس: this week's, or the next one
            # a form read as a weekday only after يوم is no weekday after هذا (إلى هذا الحد:
            # to this extent, not this Sunday)
            wd = self._weekday_at(i + 1, bare_ok=False)
            if wd is None:
                return None
            return Partial(i, wd[0], weekday=wd[1], direction="current").add("this+weekday")
        bare_ok = self._bare_weekday_ok(i)
        wd = self._weekday_at(i, bare_ok=bare_ok)
        if wd is None:
            return None
        p = Partial(i, wd[0], pre=wd[2], weekday=wd[1]).add("weekday")
        k = wd[0]
        direction = find(self.t, k, "direction")
        week = find(self.t, k + (1 if key(self.t, k) == "من" else 0), "week_word")
        if week is not None:
            d2 = find(self.t, week.end, "direction")
            if d2 is not None:
                if d2.entry.value == "same":
                    p.week_same = True
                else:
                    p.week_rel = {"past": -1, "future": 1}.get(d2.entry.value, 0)
                return p.add("week_anchor", d2.end)
        if direction is not None and direction.entry.value in ("past", "future") \
                and key(self.t, k) not in demonstratives():
            p.direction = direction.entry.value
            dm = self._day_after_weekday(direction.end)
            if dm is not None and dm.i == direction.end:
                # يوم الاثنين المقبل 25 ماي: the date after the direction says which one
                dm.weekday, dm.i, dm.pre = p.weekday, i, p.pre
                dm.direction = dm.direction or p.direction
                dm.rules[:0] = ["weekday", "relative"]
                return dm
            return p.add("relative", direction.end)
        side = _BEFORE_AFTER.get(key(self.t, k))
        beyond = find(self.t, k + 1, "direction", pre_ok=False) if side in (-1, 1) else None
        if beyond is not None and beyond.entry.value == ("past" if side < 0 else "future"):
            # الخميس قبل الماضي: the Thursday before last; الخميس بعد القادم: the one after next
            p.direction, p.shift = beyond.entry.value, ("day", 7 * side)  # type: ignore[operator]
            return p.add("beyond_relative", beyond.end)
        rel = find(self.t, k, "relative_day")
        if rel is not None and rel.entry.extra != "story" and not rel.pre:
            p.offset = int(rel.entry.value)
            return p.add("relative_day", rel.end)
        dm = self.day_month(k) or self._day_after_weekday(k)
        if dm is None:  # الثلاثاء 12-05-2020, يوم الثلاثاء الموافق 12/5/2020
            k2 = k + (1 if key(self.t, k) in _WEEKDAY_DATE_GLUE else 0)
            dm = self.numeric_date(k2) or (self.day_month(k2) if k2 != k else None)
            if dm is not None and dm.day is None:
                dm = None
        if dm is not None:
            dm.weekday, dm.i, dm.pre = p.weekday, i, p.pre
            dm.rules.insert(0, "weekday")
            return dm
        return p

    def _day_after_weekday(self, k: int) -> Partial | None:
        """The day a weekday's date after it names: a day and month (المقبل 25 ماي) or the
        first day of a Hijri month (الإثنين المقبل أول أيام شهر شعبان, الأربعاء غرة محرم)."""
        dm = self.day_month(k)
        if dm is not None and dm.day is not None:
            return dm
        dm = self.month_year(k, strong=True)  # السبت مارس 30, 2024: a forum's date line
        if dm is not None and dm.day is not None and dm.year is not None:
            return dm
        q = self.qualified(k)
        return q if q is not None and q.qualifier == "first" and q.hijri and q.month is not None else None

    def _bare_weekday_ok(self, i: int) -> bool:
        h = find(self.t, i, "weekday")
        if h is None:
            return True
        nxt = find(self.t, h.end, "week_word", "direction")
        # the week word or direction follows bare (الحد الجاي), not as the next clause's
        # first word (الى هذا الحد وبهذه السرعة: to this extent and this fast)
        return (nxt is not None and not nxt.pre) or bool(h.pre and h.pre.endswith("ال"))

    def nth_in_month(self, i: int) -> Partial | None:
        """The nth (or last) weekday, week or day of a month: أول ثلاثاء من شهر عشرة,
        الاثنين الأخير من شهر ثلاثة, آخر أسبوع في سبتمبر, آخر يوم بشهر عشرة."""
        p = Partial(i, i)
        k = i
        unit_first = self._unit_then_rank(i)
        if unit_first is not None:  # الأسبوع الأول من أكتوبر, اليوم الأخير من الشهر
            k, p.nth = unit_first
            if key(self.t, i) == "الشهر":  # الشهر الأخير من العام: its December
                return self._of_year(p, k + (1 if key(self.t, k) in _OF else 0), "last_month")
            p.week_of_month, p.last_day = key(self.t, i) == "الاسبوع", key(self.t, i) == "اليوم"
            return self._of_month(p, k)
        last = find(self.t, k, "last")
        o = None if last is not None else self.ordinal(k)
        if last is not None:
            p.nth, k, p.pre = -1, last.end, last.pre
        elif o is not None and 1 <= o[1] <= 5:
            p.nth, k = o[1], o[0]
        elif o is not None and o[1] <= 31 and key(self.t, o[0]) in ("يوم", "اليوم"):
            p.nth, k = o[1], o[0]  # ثالث يوم من أكتوبر: the day of that rank
        wd = self._weekday_at(k, bare_ok=True)
        if p.nth is None:  # the weekday first: الاثنين الأخير, الأربعاء الثانية
            if wd is None:
                return None
            p.weekday, k = wd[1], wd[0]
            last = find(self.t, k, "last")
            o = None if last is not None else self.ordinal(k)
            p.nth, k = (-1, last.end) if last is not None else (o[1], o[0]) if o and o[1] <= 5 else (None, k)
            if p.nth is None:
                return None
        elif wd is not None:
            p.weekday, k = wd[1], wd[0]
        elif key(self.t, k) in ("اسبوع", "الاسبوع"):
            p.week_of_month, k = True, k + 1
        elif key(self.t, k) in ("يوم", "اليوم") and p.nth == -1:
            p.last_day, k = True, k + 1
        elif key(self.t, k) in ("يوم", "اليوم"):
            p.day, p.nth, k = p.nth, None, k + 1
        else:
            return None
        return self._of_month(p, k)

    def _unit_then_rank(self, i: int) -> tuple[int, int] | None:
        """الأسبوع الأول/الأخير, اليوم الأخير (a week or day word, then its rank in the month):
        (end, nth); the nth day (اليوم الثالث من) is read by :meth:`day_month`."""
        word = key(self.t, i)
        if word not in ("الاسبوع", "اليوم", "الشهر"):
            return None
        last = find(self.t, i + 1, "last", pre_ok=False)
        if last is not None and key(self.t, i + 1).startswith("ال"):
            return last.end, -1
        if word == "الشهر":
            return None  # الشهر الثالث is March (Grammar.month)
        o = self.ordinal(i + 1) if word == "الاسبوع" else None
        return (o[0], o[1]) if o is not None and 1 <= o[1] <= 5 else None

    def _of_month(self, p: Partial, k: int) -> Partial | None:
        """The month an nth weekday, week or day is of: a name (من حزيران) or a month said by
        relation (من الشهر المقبل, من هذا الشهر, من الشهر: this one)."""
        if key(self.t, k) in _OF:
            k += 1
        what = ("nth+weekday" if p.weekday is not None else "nth+week" if p.week_of_month
                else "last_day" if p.last_day else "nth+day")
        m = self.month(k, cued=True)
        if m is None:
            rel = self.unit_relative(k)
            if rel is None and key(self.t, k) == "الشهر":
                rel = Partial(k, k + 1, unit_rel=("month", 0)).add("unit")
            if rel is not None and rel.unit_rel is not None and rel.unit_rel[0] == "month":
                p.unit_rel, p.direction = rel.unit_rel, rel.direction
                return p.add(f"{what}+month_relative", rel.j)
            return self._of_year(p, k, what)
        p.month, p.hijri = m[1], m[2]
        p.add(f"{what}+month", m[0])
        return self._with_year(p)

    def _of_year(self, p: Partial, k: int, what: str) -> Partial | None:
        """The first or last weekday, week or day of a year (آخر يوم من العام, الأسبوع الأول من
        2015, أول اثنين من العام المقبل): that of its January or December."""
        if p.nth is None and not p.last_day and p.day is None:
            return None
        first = (p.nth or 0) > 0 or (p.day is not None)
        if (p.nth or 0) > 1 and p.day is None:
            return None  # the second Monday of a year: not read
        y = self.year_alone(k, cued=True)
        if y is not None:
            p.year = y.year
            end = y.j
        else:
            rel = self.unit_relative(k)
            if rel is not None and rel.unit_rel is not None and rel.unit_rel[0] == "year":
                p.year_rel, end = rel.unit_rel[1], rel.j
            elif key(self.t, k) in ("العام", "السنه"):  # من العام: this year
                p.year_rel, end = 0, k + 1
            else:
                return None
        p.month = 1 if first else 12
        return p.add(f"{what}+year", end)

    def day_month(self, i: int) -> Partial | None:
        """day + month (+ year): 15 آذار 2014, الثالث من نيسان, اليوم الأول من شهر ثلاثة,
        and month + day: يوليو 13."""
        k, pre = i, ""
        lead = find(self.t, k, "day_word")
        if lead is not None and self.dom(lead.end) is not None:
            k, pre = lead.end, lead.pre
        if key(self.t, k) == "\u0627\u0644" and self.num(k + 1, 1, 31) is not None:
            k += 1  # الـ15 من الشهر الماضي: the article written apart
        d = self.dom(k)
        if d is None and lead is not None and k == i:
            d = self._cardinal_day(lead.end)  # يوم عشرين غشت: the day as a cardinal word
            k, pre = (lead.end, lead.pre) if d is not None else (k, pre)
        if d is None:
            return None
        p = Partial(i, i, pre=pre)
        sep = key(self.t, d[0]) if key(self.t, d[0]) in _DATE_SEPARATORS else ""
        k2 = d[0] + (1 if key(self.t, d[0]) in _OF or sep else 0)
        # a day said as a date (في 20 آب, يوم الأحد 20 آب, العشرين من آب) lets a month name
        # that is a common word be read; a bare count before it is no day (قتل 3 أب، فاز 2 صفر)
        before = key(self.t, k - 1) if k > 0 else ""
        strong = not key(self.t, k).isdigit() or pre != "" or (k > 0 and (
            before in _DATE_CUES or (before[:1] in ("\u0648", "\u0641") and before[1:] in _DATE_CUES)
            or before == "\u0627\u0644" or find(self.t, k - 1, "day_word", "weekday") is not None
            or (k > 1 and find(self.t, k - 1, "direction") is not None
                and find(self.t, k - 2, "weekday") is not None)))  # الاثنين المقبل 25 ماي
        m = self.month(k2, cued=True, strong=strong) \
            or (self.month(d[0], cued=True, strong=strong) if k2 != d[0] else None)
        if m is not None and key(self.t, d[0]) == "في" and key(self.t, k).isdigit() \
                and self.year(m[0]) is None and not (k > 0 and (
                    before in _DAY_NAMING or find(self.t, k - 1, "day_word", "weekday") is not None)):
            # a count, then في and a month, is no day (28 هجوماً مقارنة بـ 1 في تموز): digits
            # join their month by في only with its year (5 في حزيران 2014) or after a word
            # that names a day (يوم 5 في آذار)
            m = None
        if m is None and key(self.t, d[0]) == "من" \
                and (i == 0 or find(self.t, i - 1, "week_word", "month_word", "year_word", "unit") is None):
            # (not الأسبوع الثاني من الشهر الجاري: there the ordinal counts weeks)
            rel = self.unit_relative(d[0] + 1)
            if rel is not None and rel.unit_rel is not None and rel.unit_rel[0] == "month":
                # العاشر من الشهر الجاري, الـ15 من الشهر الماضي: a day of a month said by relation
                p.day, p.unit_rel, p.direction = d[1], rel.unit_rel, rel.direction
                return p.add("day+month_relative", rel.j)
        if m is None and strong and key(self.t, d[0]) not in demonstratives():
            # في 5 الجاري, يوم 5 الحالي, بتاريخ 9 الشهر الجاري: a day of this month, its
            # month said by الجاري/الحالي alone or with الشهر (after a word that dates it)
            cur = find(self.t, d[0], "direction", pre_ok=False)
            rel = self.unit_relative(d[0]) if cur is None else None
            end = cur.end if cur is not None and cur.entry.value == "current" else \
                rel.j if rel is not None and rel.unit_rel == ("month", 0) else None
            if end is not None:
                p.day, p.unit_rel, p.direction = d[1], ("month", 0), "current"
                return p.add("day+month_relative", end)
        if m is None:
            return None
        p.day, p.month, p.hijri = d[1], m[1], m[2]
        if not p.pre and self.t[i].key.startswith(("و", "ف", "ب", "ل")) and not self.t[i].key.isdigit():
            p.pre = ""
        p.add("day+month", m[0])
        direction = find(self.t, p.j, "direction", pre_ok=False)  # التاسع من حزيران الماضي
        if direction is not None and direction.entry.value in ("past", "future", "current") \
                and key(self.t, p.j) not in demonstratives():  # قوى 14 آذار هذه: a demonstrative
            p.direction = direction.entry.value
            p.add("relative", direction.end)
        if sep and key(self.t, p.j) == sep and self.year(p.j + 1) is not None:
            # 03-مايو-2023, 31/أغسطس/2022: the year after the separator the day was joined by
            p.j += 1
        elif sep == ".":
            return None  # a dot also ends a sentence: 24.نيسان.2018 is a date only whole
        return self._with_year(p)

    def month_year(self, i: int, *, strong: bool = False) -> Partial | None:
        """A month alone or with a year (أيار 2014, ديسمبر كانون الأول عام 1945), or a month
        followed by its day (يوليو 13); ``strong`` as :meth:`month` has it."""
        cued = i > 0 and (key(self.t, i - 1) in _YEAR_CUES or find(self.t, i - 1, "qualifier") is not None)
        m = self.month(i, cued=cued or strong, strong=strong)
        if m is None:
            return None
        p = Partial(i, m[0], pre=m[3], month=m[1], hijri=m[2]).add("month")
        d = self.dom(m[0])
        if d is not None and self.num(m[0]) is not None and self.year(m[0]) is None \
                and find(self.t, d[0], "unit", pre_ok=False) is None:  # شهر شعبان 30 يومًا: a count
            p.day = d[1]
            p.add("day", d[0])
        sep = key(self.t, m[0])
        d = self.dom(m[0] + 1) if sep in _DATE_SEPARATORS and self.num(m[0] + 1) is not None else None
        if d is not None and key(self.t, d[0]) == sep and self.year(d[0] + 1) is not None:
            # تشرين الأول -24-2017: month, day and year joined by one separator, as day first
            # (03-مايو-2023) has them; a day alone after a dash is the end of a range
            p.day = d[1]
            p.add("day", d[0] + 1)
        direction = find(self.t, p.j, "direction")
        rel = self.unit_relative(p.j) if direction is not None else None
        if rel is not None and rel.unit_rel and rel.unit_rel[0] == "year":
            direction = None  # شهر رمضان لهذا العام: هذا begins the year said, the month's year
        if direction is not None and direction.entry.value in ("past", "future", "current"):
            p.direction = direction.entry.value
            p.add("relative", direction.end)
        return self._with_year(p)

    def _with_year(self, p: Partial) -> Partial:
        y = self.year(p.j, dated=p.day is not None)
        if y is not None:
            p.year, p.hijri = y[1], p.hijri or y[2]
            return p.add("year", y[0])
        rel = self.unit_relative(p.j + (1 if key(self.t, p.j) in ("من", "في") else 0))
        if rel is not None and rel.unit_rel and rel.unit_rel[0] == "year":
            p.year_rel = rel.unit_rel[1]
            if rel.direction == "same" and not p.direction:
                p.direction = "same"  # من السنة ذاتها: the year the sentence said
            return p.add("year_relative", rel.j)
        if key(self.t, p.j) == "[" and key(self.t, p.j + 1) == "\u2026":
            p.year_lost = True
            return p.add("year_lost", p.j + 3)
        return p

    def qualified(self, i: int) -> Partial | None:
        """A qualifier and what it narrows: مطلع الشهر, أواخر آذار, نهاية العام المقبل."""
        q = find(self.t, i, "qualifier")
        if q is None:
            return None
        k = q.end
        if q.entry.value in ("earlier", "later"):  # في وقت سابق من الشهر الحالي
            inner = self.unit_relative(k)
            if inner is None or inner.unit_rel is None or inner.unit_rel[1] != 0:
                return None
        else:
            # a qualifier that only times (أواخر, مطلع, منتصف) lets a month that is a common word
            # be read (أواخر آب); آخر and نصف also count and halve (آخر أب, نصف أب)
            strong = q.entry.words[0] not in _COUNTING_QUALIFIERS and q.entry.value not in ("half",)
            inner = self.unit_relative(k) or self.month_year(k, strong=strong) \
                or self.year_alone(k, cued=True)
        yy = key(self.t, k)
        if inner is None and len(yy) == 2 and yy.isdigit() and q.entry.value in ("early", "mid", "late") \
                and q.entry.words[0] not in _COUNTING_QUALIFIERS \
                and find(self.t, k + 1, "unit", "month", "month_word") is None \
                and key(self.t, k + 1) not in ("%", "/", "-", ".", ":"):
            # منتصف 21, نهاية 22: a year in two digits after a qualifier (00–49: 2000s, as a
            # numeric date's two-digit year)
            inner = Partial(k, k + 1, year=(2000 if int(yy) < 50 else 1900) + int(yy)).add("two_digit_year")
        if inner is None:
            unit = find(self.t, k, "month_word", "year_word", "week_word")
            if unit is None or find(self.t, unit.end, "month", "month_word") is not None \
                    or (unit.entry.type == "week_word" and key(self.t, k) != "الاسبوع"):
                return None  # نهاية الأسبوع: this week's end (not نهاية أسبوع, a week's)
            kind = {"month_word": "month", "year_word": "year", "week_word": "week"}[unit.entry.type]
            inner = Partial(k, unit.end, unit_rel=(kind, 0), hijri=unit.entry.value == "hijri").add("unit")
        if q.entry.value in _SEASONS and (inner.month is not None or (
                inner.unit_rel is not None and inner.unit_rel[0] != "year")):
            return None  # a season qualifies a year (صيف 2014), not a month or a week
        inner.qualifier, inner.i, inner.pre = q.entry.value, i, q.pre
        inner.rules.insert(0, "season" if q.entry.value in _SEASONS else "qualifier")
        return inner

    def unit_relative(self, i: int) -> Partial | None:
        """الأسبوع الماضي, الشهر المقبل, العام المنصرم, هذه السنة, السنة القادمة."""
        k, pre = i, ""
        this = find(self.t, k, "direction")
        if this is not None and this.entry.value == "current" \
                and key(self.t, k)[len(this.pre):] in demonstratives():  # لهذا العام: with a proclitic
            k, pre = this.end, this.pre
        word = key(self.t, k)
        if k == i and word[1:] in _THIS_UNITS and word.startswith("\u0647"):  # ها + الشهر
            return Partial(i, k + 1, unit_rel=(_THIS_UNITS[word[1:]], 0)).add("this+unit")
        u = find(self.t, k, "week_word", "month_word", "year_word")
        # the unit with its article (للشهر الماضي: ل + الشهر, the article's alif dropped)
        if u is None or not u.entry.words[0].startswith("\u0627\u0644"):  # ALEF LAM: the article
            return None
        unit = {"week_word": "week", "month_word": "month", "year_word": "year"}[u.entry.type]
        hijri = u.entry.value == "hijri"  # العام الهجري الماضي: a year of the Hijri calendar
        if this is not None and k != i:
            return Partial(i, u.end, pre=pre, unit_rel=(unit, 0), hijri=hijri).add("this+unit")
        d = find(self.t, u.end, "direction")
        if d is None:
            return self._unit_next_to(i, u.end, unit, u.pre)
        n = {"past": -1, "future": 1, "current": 0, "same": 0}[d.entry.value]
        return Partial(i, d.end, pre=u.pre, unit_rel=(unit, n), direction=d.entry.value,
                       hijri=hijri).add("unit+relative")

    def _unit_next_to(self, i: int, k: int, unit: str, pre: str) -> Partial | None:
        """The week, month or year before or after another (Duckling's "the <cycle>
        after|before <time>"): الأسبوع قبل الماضي (the week before last), العام بعد القادم,
        الشهر الذي قبل الشهر الماضي, السنة التي تلي السنة المقبلة."""
        k += 1 if key(self.t, k) in _RELWORD else 0
        side = _BEFORE_AFTER.get(key(self.t, k))
        if side is None:
            return None
        d = find(self.t, k + 1, "direction", pre_ok=False)
        if d is not None and d.entry.value == ("past" if side < 0 else "future"):
            return Partial(i, d.end, pre=pre, unit_rel=(unit, 2 * side), direction=d.entry.value).add(
                "unit+beyond_relative")  # قبل الماضي: two back
        inner = self.unit_relative(k + 1)
        if inner is None or inner.unit_rel is None or inner.unit_rel[0] != unit or inner.direction == "same":
            return None
        return Partial(i, inner.j, pre=pre, unit_rel=(unit, inner.unit_rel[1] + side),
                       direction="past" if side < 0 else "future").add("unit+next_to+unit")

    def season_relative(self, i: int) -> Partial | None:
        """A season and its direction: الشتاء القادم, الصيف الماضي, هذا الصيف (the season the
        reference is in, else the nearest in the clause's tense)."""
        if key(self.t, i) in demonstratives():  # هذا الشتاء: the one the reference is in, or the nearest
            h = find(self.t, i + 1, "season", pre_ok=False)
            if h is None:
                return None
            return Partial(i, h.end, season=h.entry.value, direction="current").add("this+season")
        h = find(self.t, i, "season")
        if h is None:
            return None
        d = find(self.t, h.end, "direction", pre_ok=False)
        if d is None or d.entry.value not in ("past", "future"):
            return None
        return Partial(i, d.end, pre=h.pre, season=h.entry.value, direction=d.entry.value).add(
            "season+relative")

    def quarter(self, i: int) -> Partial | None:
        """A quarter of a year: its rank and the year (الربع الأول من 2015, الربع الأخير من
        العام الماضي, الربع الثالث من هذا العام; العام alone is this year), or a quarter by
        relation (الربع القادم, الربع الماضي, هذا الربع is read by :meth:`unit_relative`)."""
        this = key(self.t, i) in demonstratives()  # هذا الربع: this quarter
        h = find(self.t, i + 1 if this else i, "quarter_word")
        if h is None:
            return None if this else self.first_months(i)
        size = int(h.entry.value or 3)
        if size != 3 and this:
            return None
        if this:
            return Partial(i, h.end, unit_rel=("quarter", 0)).add("this+quarter")
        k = h.end
        d = find(self.t, k, "direction", pre_ok=False)
        if d is not None and d.entry.value in ("past", "future", "current"):
            n = {"past": -1, "future": 1, "current": 0}[d.entry.value]
            return Partial(i, d.end, pre=h.pre, unit_rel=("quarter", n), direction=d.entry.value).add(
                "quarter+relative")
        last = find(self.t, k, "last", pre_ok=False)
        o = None if last is not None else self.ordinal(k)
        if last is not None and key(self.t, k).startswith("ال"):
            rank, k = -1, last.end
        elif o is not None and 1 <= o[1] <= 12 // size:
            rank, k = o[1], o[0]
        else:
            return None
        return self._part_of_year(Partial(i, k, pre=h.pre, quarter=rank, quarter_months=size).add("quarter"))

    def first_months(self, i: int) -> Partial | None:
        """The first months of a year (الأشهر الـ 7 الأولى من العام الحالي, الأشهر الثلاثة الأولى
        من عام 2024, الشهرين الأولين من العام الجاري): a plural or dual of شهر, its count, الأولى."""
        h = find(self.t, i, "unit")
        if h is None or h.entry.value != "month" or not h.entry.words[0].startswith("ال") \
                or h.entry.extra not in ("pl", "2"):
            return None
        k, n = h.end, 2 if h.entry.extra == "2" else None
        if n is None:
            k += 1 if key(self.t, k) == "\u0627\u0644" else 0  # الـ 7: the article written apart
            n = self.num(k, 2, 11)
            if n is not None:
                k += 1
            else:
                word = key(self.t, k)  # الثلاثة, الستة: the count with the article
                v = parse_number(word[2:]) if word.startswith("\u0627\u0644") and len(word) > 3 else None
                if v is None or v != int(v) or not 2 <= v <= 11:
                    return None
                n, k = int(v), k + 1
        if key(self.t, k) not in _FIRST_PLURAL:
            return None
        p = Partial(i, k + 1, pre=h.pre, quarter=1, quarter_months=n).add("first_months")
        return self._part_of_year(p)

    def decade(self, i: int) -> Partial | None:
        """A decade of the last century by its name (التسعينيات, ستينيات القرن الماضي): its ten
        years (1990/1999); the century after it, when said, is read with it."""
        h = find(self.t, i, "decade")
        if h is None:
            return None
        p = Partial(i, h.end, pre=h.pre, year=int(h.entry.value), years=10).add("decade")
        k = h.end + (1 if key(self.t, h.end) == "من" else 0)  # من القرن الماضي
        if key(self.t, k) == "القرن" and key(self.t, k + 1) in _LAST_CENTURY:
            p.add("century", k + 2)
        return p

    def month_days(self, i: int) -> Partial | None:
        """The first or last days of a month: الأيام العشرة الأولى من أبريل (days 1–10), الأيام
        الخمسة الأخيرة من مارس (its last five), الأيام الأولى/الأخيرة من رمضان (its first/last
        ten, as مطلع/أواخر), الـ21 يومًا من رمضان (the 21 days of it so far: its first 21)."""
        h = find(self.t, i, "unit")
        if h is not None and h.entry.words[0] == "\u0627\u0644\u0627\u064a\u0627\u0645":  # الأيام
            k, n = h.end, None
            k += 1 if key(self.t, k) == "\u0627\u0644" else 0  # الـ 10: the article written apart
            n = self.num(k, 2, 29)
            if n is not None:
                k += 1
            else:
                word = key(self.t, k)  # العشرة, الخمسة: the count with the article
                v = parse_number(word[2:]) if word.startswith("\u0627\u0644") and len(word) > 3 else None
                if v is not None and v == int(v) and 2 <= v <= 29:
                    n, k = int(v), k + 1
            side = "first" if key(self.t, k) in _FIRST_PLURAL else "last" if key(self.t, k) in _LAST_PLURAL \
                else ""
            if not side:
                return None
            k, pre = k + 1, h.pre
            q = f"{side}:{n}" if n else {"first": "early", "last": "late"}[side]
        elif key(self.t, i - 1) == "\u0627\u0644" and self.num(i, 2, 29) is not None:
            u = find(self.t, i + 1, "unit", pre_ok=False)  # الـ21 يومًا: the count's article before it
            if u is None or u.entry.value != "day" or u.entry.extra != "1":
                return None
            k, pre, q = u.end, "", f"first:{self.num(i)}"
        else:
            return None
        if key(self.t, k) != "\u0645\u0646":  # من
            return None
        inner = self.unit_relative(k + 1) or self.month_year(k + 1, strong=True)
        if inner is None or inner.day is not None or inner.qualifier or not (
                inner.month is not None or (inner.unit_rel is not None and inner.unit_rel[0] == "month")):
            return None
        inner.qualifier, inner.i, inner.pre = q, i, pre
        inner.rules.insert(0, "month_days")
        return inner

    def _part_of_year(self, p: Partial) -> Partial | None:
        """A part of a year (a quarter, the first months) with the year said after it."""
        k = p.j + (1 if key(self.t, p.j) in _OF else 0)
        p.j = k
        y = self.year_alone(k, cued=True)
        if y is not None:
            p.year, p.j = y.year, y.j
            return p.add("year")
        rel = self.unit_relative(k)
        if rel is not None and rel.unit_rel is not None and rel.unit_rel[0] == "year":
            p.year_rel = rel.unit_rel[1]
            return p.add("year_relative", rel.j)
        if key(self.t, k) in ("العام", "السنه"):  # من العام: this year
            p.year_rel = 0
            return p.add("year_relative", k + 1)
        return None

    def year_alone(self, i: int, *, cued: bool = False) -> Partial | None:
        y = self.year(i)
        if y is None:
            return None
        has_cue = find(self.t, i, "year_word") is not None or y[2] or cued or (
            i > 0 and key(self.t, i - 1) in _YEAR_CUES)
        if not has_cue:
            return None
        h = find(self.t, i, "year_word")
        return Partial(i, y[0], pre=h.pre if h else "", year=y[1], hijri=y[2]).add("year")

    def numeric_date(self, i: int) -> Partial | None:
        """15/3/2014, 15-3-2014, 2014/3/15, 2014.03.15, 3/2014, 2014/3 (a year 1300–1500 is Hijri)."""
        parts, k, spaced = [], i, False
        if i > 1 and key(self.t, i - 1) in ("/", "-", ".") and self.t[i].start - self.t[i - 1].end <= 1 \
                and self.num(i - 2) is not None:  # the middle of a date, not one after "..."
            return None
        while self.num(k) is not None and len(parts) < 3:
            parts.append(key(self.t, k))
            sep = key(self.t, k + 1)
            if sep in ("/", "-", ".") and self.num(k + 2) is not None \
                    and (not parts[1:] or sep == key(self.t, k - 1)):
                if not (self.t[k + 1].start == self.t[k].end and self.t[k + 2].start == self.t[k + 1].end):
                    spaced = True  # 3 / 11 / 2025, 28/ 2/ 1445: only with a year of four digits
                k += 2
            else:
                break
        end = k + 1
        p = Partial(i, end)
        if len(parts) == 3:
            a, b, c = parts
            if len(a) == 4:
                p.year, p.month, p.day = int(a), int(b), int(c)
                p.add("numeric_ymd")
            elif len(c) == 4:
                p.year = int(c)
                self._day_month_order(p, int(a), int(b))
                p.add("numeric_dmy")
            elif len(a) <= 2 and len(b) <= 2 and len(c) == 2 and self._hijri_era(end):
                # 15/8/45هـ, 28/ 2/ 45 هـ: a modern form's two-digit Hijri year, in the 1400s
                # (00–59) or the late 1300s (60–99: 1941–1979), as the Gregorian one below
                p.year = (1400 if int(c) < 60 else 1300) + int(c)
                self._day_month_order(p, int(a), int(b))
                p.add("numeric_dmyy")
            elif len(c) == 2 and not spaced and key(self.t, k - 1) == "/" and (
                    len(a) == len(b) == 2 or self._dated_here(i, end)):
                # 20/08/15: d/m/yy, the century the nearer one (00–49: 2000s); 5/7/23 written
                # with one-digit parts only where a word says it is a date (بتاريخ 5/7/23, 5/7/23م)
                p.year = (2000 if int(c) < 50 else 1900) + int(c)
                self._day_month_order(p, int(a), int(b))
                p.add("numeric_dmyy")
            else:
                return None
        elif len(parts) == 2 and len(parts[1]) == 4 and len(parts[0]) <= 2 and not spaced:
            p.year, p.month = int(parts[1]), int(parts[0])
            p.add("numeric_my")
        elif len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) <= 2 and not spaced \
                and (key(self.t, i + 1) == "/" or parts[1].startswith("0")) \
                and int(parts[1]) != (int(parts[0]) + 1) % 100:
            # 2024/3, 2024-03: year then month; not a span of two years (2010/11, 2011-12)
            p.year, p.month = int(parts[0]), int(parts[1])
            p.add("numeric_ym")
        elif len(parts) == 2 and not spaced and key(self.t, i + 1) == "/" and len(parts[0]) <= 2 \
                and len(parts[1]) <= 2 and (key(self.t, i - 1) in _DATE_CUES
                                            or find(self.t, i - 1, "weekday", "daypart") is not None) \
                and (i + 2 >= len(self.t) - 1 or key(self.t, i + 3) != "/"):
            self._day_month_order(p, int(parts[0]), int(parts[1]))  # ب 25/5, يوم 12/8, مساء 12/3
            p.add("numeric_dm")
        else:
            return None
        if not (1 <= (p.month or 0) <= 12 and (p.day is None or 1 <= p.day <= 31)):
            return None
        era = find(self.t, end, "era")
        if era is not None:
            p.hijri = era.entry.value == "hijri"
            p.j = era.end + (1 if key(self.t, era.end) == "." else 0)
        elif 1300 <= (p.year or 0) < 1500:
            p.hijri = True
            p.flags.append("calendar_inferred")
        if p.year is not None and not p.hijri and not 1800 <= p.year <= 2200:
            return None
        return p

    def _dated_here(self, i: int, end: int) -> bool:
        """A word that says the numbers at ``i`` are a date: a dating word or a weekday before
        them (بتاريخ، يوم، الموافق، الخميس), an era after them (م، ميلادي)."""
        return key(self.t, i - 1) in _DATING_WORDS or find(self.t, end, "era") is not None \
            or (i > 0 and find(self.t, i - 1, "weekday") is not None)

    def _hijri_era(self, i: int) -> bool:
        """هـ (هجري، للهجرة) at ``i``: the date before it is Hijri."""
        era = find(self.t, i, "era")
        return era is not None and era.entry.value == "hijri"

    def _day_month_order(self, p: Partial, a: int, b: int) -> None:
        """Day and month of a numeric date ``a/b``: day first unless ``b`` cannot be a month
        (4/25/2019, flag ``month_first``) or the text's other dates show it writes month first
        (flag ``order_from_text``); both 12 or less and nothing in the text tells: flag
        ``order_ambiguous``."""
        order = numeric_order(a, b)
        if order is None and a != b and a <= 12 and b <= 12:
            order = self.numeric_order
            if order != "dm":  # day first as the text's other dates show it: the plain reading
                p.flags.append("order_ambiguous" if order is None else "order_from_text")
        if order == "md":
            p.month, p.day = a, b
            if b > 12:
                p.flags.append("month_first")
        else:
            p.day, p.month = a, b

    def holiday(self, i: int) -> Partial | None:
        h = find(self.t, i, "holiday")
        if h is None:
            return self._nth_day_of_holiday(i)
        p = Partial(i, h.end, pre=h.pre, holiday=h.entry.value).add("holiday")
        y = self.year(h.end)
        if y is not None:
            p.year = y[1]
            # عيد الفطر 1445: a Hijri feast's year below 1600 is a Hijri year, era said or not
            p.hijri = y[2] or (h.entry.value.startswith("hijri") and y[1] < 1600)
            p.add("year", y[0])
            return p
        d = find(self.t, h.end, "direction", pre_ok=False)
        if d is not None and d.entry.value in ("past", "future"):  # رمضان المقبل, عيد الأضحى الماضي
            p.direction = d.entry.value
            p.add("relative", d.end)
        return p

    def _nth_day_of_holiday(self, i: int) -> Partial | None:
        """ثاني أيام عيد الأضحى, ثالث أيام العيد: the nth day of a feast that lasts days, counted
        from its first (a Hijri or Gregorian day of the lexicon)."""
        o = self.ordinal(i)
        if o is None or key(self.t, o[0]) not in ("ايام", "يوم") or not 1 <= o[1] <= 10:
            return None
        h = find(self.t, o[0] + 1, "holiday", pre_ok=False)
        cal, _, rest = h.entry.value.partition(":") if h is not None else ("", "", "")
        if h is None or cal not in ("hijri", "gregorian") or rest.count(":") != 1:
            return None
        month, day = rest.split(":")
        inner = self.holiday(o[0] + 1)
        if inner is None:
            return None
        inner.i, inner.holiday = i, f"{cal}:{month}:{int(day) + o[1] - 1}"
        inner.rules.insert(0, "nth_day")
        return inner

    def now(self, i: int) -> Partial | None:
        h = find(self.t, i, "now")
        if h is None:
            return None
        if h.entry.words[0] == "الحين" and (key(self.t, i - 1) in _THEN or key(self.t, h.end) in _THEN_AFTER):
            return None  # حتى ذلك الحين (until then), بين الحين والآخر (now and then)
        return Partial(i, h.end, pre=h.pre, now=True).add("now")

    def vague(self, i: int) -> Partial | None:
        h = find(self.t, i, "vague")
        if h is None:
            return None
        return Partial(i, h.end, pre=h.pre, vague=(h.entry.value, int(h.entry.extra))).add("vague_period")

    def names_its_unit(self, i: int) -> bool:
        """Whether the unit word at ``i`` names a month, year or day rather than counting one:
        شهر أبريل, عام 2014, يوم الجمعة (a length would be شهر, عام, يوم alone)."""
        named = find(self.t, i + 1, "month")  # شهر + a number word is a length: شهر واحد
        return ((named is not None and self.month(i, cued=True) is not None)
                or self.year(i) is not None or self._weekday_at(i, bare_ok=True) is not None)

    def length(self, i: int, *, anchored: bool = False) -> tuple[int, str, int] | None:
        """A length: a count and a unit (3 أيام, ثلاثة أسابيع, يومين, أسبوع), or a few units
        (بضعة أيام, ساعات قليلة; a plural alone after an anchor: قبل أسابيع), count 0; a part
        of an hour (نصف ساعة, ثلاثة أرباع الساعة), hours and a fraction (ساعتين ونصف) or
        hours with a decimal (2.5 ساعة) in minutes: (end, unit, n)."""
        if i > 1 and key(self.t, i - 1) in (".", ",", "/") and self.num(i - 2) is not None \
                and self.t[i - 1].start == self.t[i - 2].end:
            return None  # the decimals of a number (3.5 ساعة, 15/3), not a count of their own
        part = find(self.t, i, "hour_part", pre_ok=False)
        if part is not None:
            return part.end, "minute", int(part.entry.value)
        decimal = self._decimal_hours(i)
        if decimal is not None:
            return decimal
        ln = self._length(i, anchored=anchored)
        if ln is None:
            u = find(self.t, i, "unit", pre_ok=False)
            ln = (u.end, u.entry.value, 1) if u is not None and u.entry.extra == "1" \
                and find(self.t, u.end, "clock_fraction") is not None else None  # ساعة ونصف, سنة ونصف
        if ln is not None and ln[1] in _FRACTION_OF and ln[2] > 0:
            # a unit and a part of it (ساعة ونصف: 90 minutes; عامين ونصف: 30 months; شهر وثلث:
            # 40 days), in the next smaller unit, when the part is a whole number of it
            frac = find(self.t, ln[0], "clock_fraction")
            small, per = _FRACTION_OF[ln[1]]
            if frac is not None and int(frac.entry.value) > 0 and per * int(frac.entry.value) % 60 == 0:
                return frac.end, small, per * ln[2] + per * int(frac.entry.value) // 60
        return ln

    def _decimal_hours(self, i: int) -> tuple[int, str, int] | None:
        """2.5 ساعة, 3/4 ساعة: hours written with a decimal or as a fraction, as minutes."""
        sep = key(self.t, i + 1)
        if self.num(i) is None or sep not in (".", ",", "/") or self.num(i + 2) is None \
                or self.t[i].end != self.t[i + 1].start or self.t[i + 1].end != self.t[i + 2].start:
            return None
        k = i + 3 + (key(self.t, i + 3) == "\u0627\u0644")  # 3/4 الساعة written apart
        u = find(self.t, k, "unit", pre_ok=False) or find(self.t, k, "clock_word", pre_ok=False)
        if u is None or (u.entry.type == "unit" and u.entry.value != "hour"):
            return None
        a, b = int(key(self.t, i)), int(key(self.t, i + 2))
        if sep == "/" and not 0 < a < b <= 4:
            return None  # 1/2, 3/4: a part of one hour
        hours = a / b if sep == "/" else float(f"{a}.{key(self.t, i + 2)}")
        minutes = round(hours * 60)
        return (u.end, "minute", minutes) if minutes else None

    def _length(self, i: int, *, anchored: bool = False) -> tuple[int, str, int] | None:
        b = i if key(self.t, i) == "(" else i - 1
        if b >= 0 and key(self.t, b) == "(" and key(self.t, b + 2) == ")" and self.num(b + 1, 1) is not None:
            # a count in brackets, as official notices write it: لمدة ( 21 ) يومًا
            u = find(self.t, b + 3, "unit", pre_ok=False)
            return (u.end, u.entry.value, int(key(self.t, b + 1))) if u is not None else None
        few = find(self.t, i, "few")
        if few is not None and few.pre not in ("", "ل", "و", "ول"):
            few = None  # لعدة أيام, لبضع ساعات: "for" a few units
        if few is not None and few.entry.extra == "singular":
            # كام سنة كمان: a few of a unit said in the singular (Egyptian), a length
            one = find(self.t, few.end, "unit", pre_ok=False)
            return (one.end, one.entry.value, 0) if one is not None and one.entry.extra == "1" else None
        k = few.end if few is not None and few.entry.words[0] in ("بضع", "بضعه", "عده") else i
        u = find(self.t, k, "unit", pre_ok=False)
        lam = False  # لسنوات, لأيام: ل + a bare plural is "for" some units, a length
        if u is None and k == i:
            u = find(self.t, k, "unit")  # (not لأيام الحرب, the days of a war, nor الأيام)
            lam = u is not None and u.pre in ("ل", "ول") and u.entry.extra in _PLURALS \
                and not u.entry.words[0].startswith("ال") and not key(self.t, u.end).startswith("ال")
            u = u if lam else None
        if u is not None and u.entry.extra in _PLURALS and not key(self.t, k).startswith("ال"):
            part = find(self.t, k, "daypart", pre_ok=False)
            if part is not None and part.end > u.end:
                return None  # خلال ساعات الصباح: the hours of a part of the day, no length
            after = find(self.t, u.end, "few", pre_ok=False)
            if after is not None and after.entry.extra in ("after", "both"):  # أيام قليلة, أشهر عدة
                return after.end, u.entry.value, 0
            return (u.end, u.entry.value, 0) if k > i or anchored or lam else None
        if k > i:
            return None
        if u is not None and u.entry.extra == "1" and anchored and self.names_its_unit(k):
            return None  # خلال شهر أبريل, منذ عام 2014: the unit word names the month or year
        counts = u is not None and u.entry.extra.isdigit()
        whole = find(self.t, u.end, "whole", pre_ok=False) if counts else None  # type: ignore[union-attr]
        if u is not None and u.entry.extra not in ("1", "2", *_PLURALS) and (
                key(self.t, u.end).startswith("ال") and find(self.t, u.end, "direction") is None):
            return None  # قبل عقد الاجتماع: عقد is "holding" before a definite noun, no decade
        if u is not None and (u.entry.extra == "2" or (u.entry.extra.isdigit() and (anchored or whole))):
            if whole is not None:  # ساعةً كاملةً: a whole unit, a length without an anchor
                return whole.end, u.entry.value, int(u.entry.extra)
            end = u.end + (u.entry.extra == "1" and key(self.t, u.end) in _ONE)  # يوم واحد: one day
            return end, u.entry.value, int(u.entry.extra)  # يومين; a bare عام only after قبل
        for stop in range(i + 1, min(i + 4, len(self.t)) + 1):
            u = find(self.t, stop, "unit", pre_ok=False)
            if u is not None:
                if u.entry.extra == "1" and self.names_its_unit(stop):
                    return None  # 1446 يوم الأحد: a year, then the day the unit word names
                n = self.num(i) if stop == i + 1 else None
                n = n if n is not None else self.cardinal(i, stop)
                return (u.end, u.entry.value, n) if n else None
        return None
