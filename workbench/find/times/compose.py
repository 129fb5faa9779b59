"""Rules over whole expressions: a day with its clock and part of the day, approximators,
ranges, open periods and lengths counted from now.

>>> from .lexicon import tokenize
>>> p = Composer(tokenize("في تمام السابعة مساء الخميس")).expression(1)
>>> p.rules, p.hour, p.part, p.weekday
(['clock', 'part_of_day', 'clock+day', 'weekday'], 7, 'evening', 3)
"""

from __future__ import annotations

from dataclasses import fields, replace

from ...text.arabic import SENTENCE_END, match_key
from .clocks import PRAYER_CUES
from .lexicon import any_within, demonstratives, find, key, longest_entry, lookup
from .partial import Partial
from .rules import _THIS_UNITS, _YEAR_CUES, DASHES, Grammar, counted_nouns

_SENTENCE_END = frozenset(SENTENCE_END)
_PERIOD_REACH = 8  # tokens back from a range to the period word that makes its lost ends years
# What must follow a number for a reading to begin at it (see Composer.may_begin): what
# makes an hour a clock (within _CLOCK_REACH tokens: minutes in words may come between),
# a unit (within four tokens), a month (within two), an era (next).
_CLOCK_AFTER = frozenset({"daypart", "clock_fraction", "timezone"})
_CLOCK_REACH = 16
_UNIT, _MONTH, _ERA = frozenset({"unit"}), frozenset({"month", "month_word"}), frozenset({"era"})
_NUMBER_JOINS = DASHES | {":", ".", "/"}
# The lexicon types a rule reads at the token a reading begins at (not era, period_word,
# future_cue, timezone, clock_fraction: those only follow or precede), and the words read
# there by their letters; an anchor (and من, في, read by their letters) begins a reading
# only when one can begin right after it.
_BEGINS = ("clock_cue", "approx", "clock_word", "clock_hour", "daypart", "event_day", "holiday",
           "day_word", "relative_day", "last", "ordinal_start", "weekday", "qualifier", "direction",
           "week_word", "month_word", "year_word", "month", "now", "vague", "few", "unit", "season",
           "anniversary", "same_day", "hour_part", "quarter_word", "decade")
_BEGINS_SET = frozenset(_BEGINS)
# what a demonstrative points at when a reading begins at it (هذا العام, هذا الخميس, يوم)
_POINTED = frozenset({"weekday", "day_word", "week_word", "month_word", "year_word", "season",
                      "quarter_word"})
_READ_BY_LETTERS = frozenset({"\u060c", ","})
_BRACKET_YEARS = (1800, 2100)  # a year alone in brackets: modern years only, else a count
_AGO_YEARS = 1500
_LASTING_REACH = 9  # tokens back from منذ searched for a word that makes its length a length
_ANNIVERSARY_REACH = 6  # tokens from ذكرى to a rank after the event's name
# words back from a part of the day in its adverbial form to the past verb of its clause: the
# verb and its subject of up to two words (ووقع الهجوم صباحا، قصفت طائرات الاحتلال، صباحا)
_ADVERB_REACH = 3
_COMMAS = frozenset({"\u060c", ","})
# what opens a verb's clause before it (كما قصفت، وقد وقع): a verb read from farther than right
# before the adverb must open its clause, so that a noun shaped like a past verb (بتوقيت مكة
# مساء) is not taken for one
_CLAUSE_OPENERS = frozenset({"كما", "قد", "وقد", "فقد", "لقد", "ثم", "حيث", "اذ", "بعدما", "عندما"})
_CLAUSE_STOPS = frozenset({"\u060c", ",", "و", "ثم"})
# the relative pronouns: a clause they open before منذ + a length holds that length, so a past
# verb after it is the main clause's (الاشتباكات التي تجري منذ يومين نزحت: a length)
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
# a detached object pronoun (NewsFANE splits تزوجني) between the verb and منذ
_OBJECT_WORDS = frozenset({"ني", "ه", "ها", "هم", "نا"})
# a word before a verb or verbal noun that marks the event done (قد عرضت, تم عزلها)
_DONE_CUES = frozenset({"قد", "لقد", "تم", "وقد", "وتم"})
# suffixes a past verb may carry (استقلت، نقلوا) and object pronouns taken off first; not نا,
# the ending of many accusative nouns (مراهنا)
_PAST_ENDINGS = ("\u062a", "\u0648\u0627")
_PRONOUNS = ("\u0647\u0627", "\u0647\u0645", "\u0647")
_ANCHOR_LETTERS = frozenset({"من", "في"})
_TWO_DAYS = ("\u064a\u0648\u0645\u064a",)  # يومي: the dual of يوم (two days named after it)
# عامي, سنتي, شهري: the duals of عام, سنة, شهر before the two years or months they name
_TWO_OTHERS = frozenset({("عامي",), ("سنتي",), ("شهري",)})
# A weekday, "and before/after it", another (الجمعة وقبله الخميس): the two days, as a pair.
_BEFORE_IT = ("وقبله", "وقبلها")
_AFTER_IT = ("وبعده", "وبعدها")
# the units a period past or next is counted in (الأيام الثلاثة الماضية, الشهرين المقبلين)
_PERIOD_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute", "second"})
# a part of the day that is a time by itself after a word of _PART_CUES (في المساء, عند الفجر,
# منذ الصباح الباكر: the same with an adjective after it);
# not المغرب (في المغرب: in Morocco), الظهيرة/الضحى alone (names too)
_CUED_PARTS = frozenset({"الفجر", "الصباح", "الظهر", "الظهيره", "العصر", "المساء", "الليل", "منتصف النهار"})
_SHIFT_WORDS = frozenset({"قبل", "بعد"})  # a length before a point moves it (يومين بعد الخميس)
_SINCE_WORDS = frozenset({("منذ",), ("مذ",)})  # منذ X حتى Y: a span
_THAT = frozenset({"تلك", "ذلك", "وتلك", "وذلك"})  # the far demonstratives: what was told before
_NOT_ONLY_PARTS = frozenset({"العصر", "المغرب"})  # ذلك العصر: that era; المغرب: Morocco
# على التوالي after a day count (لليوم الثالث على التوالي): running, one day after another
_RUNNING = ("علي", "التوالي")
_EQUALS = frozenset({"=", "الموافق", "موافق"})  # between a Hijri date and its Gregorian one
_TOMORROW = frozenset({"غد", "غدا"})  # يوم غد: tomorrow, before the date it is
_IS_DAY = frozenset({"هو", "هي"})  # X هو يوم Y: an announcement's equation of two dates
# X سيكون يوم Y: "to be" equates them as هو does (غرة شوال ستكون يوم السبت 22 أبريل)
_TO_BE = frozenset({"يكون", "سيكون", "تكون", "ستكون"})
# X سيصادف يوم Y: a verb "falls on" equating them as هو does
_FALLS_ON = frozenset({"يصادف", "سيصادف", "تصادف", "ستصادف", "يوافق", "سيوافق"})
_PART_CUES = frozenset({"في", "عند", "خلال", "وقت", "اثناء", "طوال", "وفي", "وعند", "حتي", "منذ"})
# the five prayers, named after the part of the day they are said in: a time after صلاة/أذان
# (بعد صلاة العصر, قبيل أذان المغرب), which also keeps المغرب (Morocco) from being read alone
_PRAYERS = frozenset({"الفجر", "الظهر", "العصر", "المغرب", "العشاء"})
# what says a clock's day (a range's second clock lends them to the first)
_DATE_FIELDS = ("year", "year_rel", "month", "hijri", "day", "weekday", "direction", "offset", "story",
                "week_rel", "week_same", "holiday", "today_part")
# the period rules that make a reading without an anchor before them
_PERIOD_RULES = frozenset({"period+relative", "dual+relative", "few+relative", "last+length"})
_MERGE = [(f.name, f.default) for f in fields(Partial)
          if f.name not in ("i", "j", "pre", "rules", "flags")]


def merge(a: Partial, b: Partial) -> Partial:
    """``a`` with what ``b`` says and ``a`` does not, over both spans (a field is unsaid
    while it holds its default: hour 0 and UTC+0 are said)."""
    out = replace(a, rules=a.rules + b.rules, flags=a.flags + b.flags, j=max(a.j, b.j))
    for name, default in _MERGE:
        theirs = getattr(b, name)
        if _unsaid(getattr(out, name), default) and not _unsaid(theirs, default):
            setattr(out, name, theirs)
    return out


def _unsaid(value: object, default: object) -> bool:
    return value is default or (value == default and type(value) is type(default))


class Composer(Grammar):
    """The expression rules, on top of the pieces and day rules of :class:`Grammar`."""

    def expression(self, i: int) -> Partial | None:
        """The longest expression at token ``i``."""
        found = self.expressions(i)
        return found[0] if found else None

    def may_begin(self, i: int) -> bool:
        """False where no rule can read at token ``i``, found without running them.

        A word begins a reading only through a lexicon word of ``_BEGINS`` at it, a word
        the rules read by its letters (، من في for a year, ها + a unit), or as a count in
        words: a length (a unit within four tokens: خمسة أيام) or an hour 1–12 with what a
        clock needs after it (below). Most numbers in news are counts (قتل 5 أشخاص); a
        number begins a reading only as
        - a clock: hh:mm, or an hour with a part of the day, a fraction, minutes (و + a
          count) or a time zone after it;
        - a day or year: a month after it (15 آذار, 15 من آذار, 15/آذار), digits joined by
          / - . (15/3/2014), an era after it (634 هـ) or a year cue before it (في 2014);
        - a range end: a dash or إلى/حتى after it (1947 - 1991, 13 إلى 15 تموز);
        - a length: a unit within four tokens (3 أيام).
        """
        toks = self.t
        word = key(toks, i)
        if word[0] in "0123456789":
            after = key(toks, i + 1)
            if after in _NUMBER_JOINS or after.startswith("\u0648") \
                    or (after == ")" and key(toks, i - 1) == "(") \
                    or (i > 0 and key(toks, i - 1) in _YEAR_CUES) \
                    or any_within(toks, i + 1, i + 2, _ERA) or any_within(toks, i + 1, i + 3, _MONTH) \
                    or any_within(toks, i + 1, i + 5, _UNIT):
                return True
        elif self._lexicon_begins(i) or word in _READ_BY_LETTERS \
                or (word[0] == "\u0647" and word[1:] in _THIS_UNITS):  # ها + a unit
            return True
        else:
            if word in _ANCHOR_LETTERS or find(toks, i, "anchor") is not None:
                # what an anchor (من, في, منذ, قبل, حتى) reads begins right after it
                if key(toks, i + 1) == "[":  # a year lost in the source
                    return True
                ends = {i + 1} | {h.end for h in lookup(toks, i) if h.entry.type == "anchor"}
                if key(toks, i + 1) == "(":  # لمدة ( 21 ) يومًا
                    ends.add(i + 2)
                if any(j < len(toks) and self.may_begin(j) for j in ends):
                    return True
            # a count in words: a length (خمسة أيام) or an hour 1–12 (ثلاثة فجرا)
            if any_within(toks, i + 1, i + 5, _UNIT):
                return True
            if self._month_number_word(i) is None:
                return False
        return any_within(toks, i + 1, i + 1 + _CLOCK_REACH, _CLOCK_AFTER)

    def _lexicon_begins(self, i: int) -> bool:
        """Whether a word of ``_BEGINS`` at token ``i`` may begin a reading. A direction
        begins one only as a demonstrative before what it points at (هذا العام, هذه السنة,
        هذا الخميس, هذا الشتاء, هذا الربع: ``weekday_phrase``, ``unit_relative``,
        ``season_relative``, ``quarter``); the others (الماضي, نفسه) follow what they
        qualify, and هذا before any other word (هذا الهجوم) begins nothing."""
        toks = self.t
        for h in lookup(toks, i):
            if h.entry.type not in _BEGINS_SET:
                continue
            if h.entry.type != "direction":
                return True
            if key(toks, i)[len(h.pre):] in demonstratives() \
                    and any(x.entry.type in _POINTED for x in lookup(toks, h.end)):
                return True
        return False

    def expressions(self, i: int) -> list[Partial]:
        """Every reading at token ``i``, longest first (the finder keeps the first that
        resolves: a range whose end says no date falls back to its start)."""
        found = []
        for rule in (self.point, self.approx, self.since, self.until, self.ago, self.range_, self.period,
                     self.duration, self.day_count, self.equivalent, self.anniversary, self.same_day,
                     self.bracket_year, self.shifted):
            p = rule(i)
            if p is not None:
                found.append(p)
        found.sort(key=lambda p: -p.j)
        return found

    def point(self, i: int) -> Partial | None:
        """[clock] [part of day] day [part of day] [clock]: الساعة العاشرة من صباح الخميس,
        فجر الأربعاء, أمس الأربعاء مساءً, يوم الخميس عند الساعة 9:30 مساءً."""
        return self.memo("point", i, self._point_about)

    def _point_about(self, i: int) -> Partial | None:
        """A point and تقريبا after its clock (الساعة 3 تقريبا: about 3 o'clock, flag approx)."""
        p = self._point(i)
        if p is not None and p.has_clock and key(self.t, p.j) == "تقريبا":
            p.flags.append("approx")
            p.add("about", p.j + 1)
        return p

    def _point(self, i: int) -> Partial | None:
        that = self._that_part(i)
        if that is not None:
            return that
        clock = self.clock(i)
        k = clock.j if clock is not None else i
        if clock is not None and key(self.t, k) in ("يوم", "من") and self.day(k + 1) is not None:
            k += 1
        part = None
        if clock is None or not clock.part:
            part = self.part(k, "noun", "today")
            event = find(self.t, k, "event_day")
            if event is not None and part is None:
                return self._event_day(i, event)
            if part is not None:
                k = part.end
        day = self.day(k)
        if day is None and clock is None:
            alone = self._part_alone(i)
            if alone is not None:
                return alone
        if day is None:
            if part is not None and part.entry.extra == "today":
                day = self._last_night(k, part.entry.value) or Partial(k, k, today_part=True)
            elif part is not None and part.entry.value == "midnight" and clock is None:
                # منتصف الليل with no day is a clock, 00:00 of the day the text is on
                return Partial(i, part.end, pre=part.pre, hour=0, minute=0, minute_said=True,
                               part="midnight").add("midnight")
            elif clock is not None:
                return clock
            else:
                return None
        p = day
        if part is not None:
            p = merge(Partial(i, part.end, pre=part.pre, part=part.entry.value).add("part_of_day"), p)
            # مساء اليوم الثلاثاء: the part is of today, which the weekday names
            p.today_part = p.today_part or part.entry.extra == "today"
            if p.part == "eve":
                p = self._eve(p)
            if p.part in ("night", "eve") and p.weekday is not None and p.day is None:
                self._overnight(p)
        if clock is not None:
            p = merge(replace(clock, rules=[*clock.rules, "clock+day"]), p)
        p.i, p.pre = i, (clock.pre if clock is not None else p.pre if part is None else part.pre)
        return self._after_day(p)

    def _that_part(self, i: int) -> Partial | None:
        """A part of the day told as the one of the day named before: after تلك/ذلك (تلك الليلة,
        ذلك المساء) or with نفسه/ذاته after it (الليلة نفسها, المساء ذاته), with no day of its
        own: that part of the day the story is on (flag ``day_inferred``), not of today."""
        h = find(self.t, i, "daypart", pre_ok=False)
        if h is None or len(h.entry.words) > 1 or not h.entry.words[0].startswith("ال") \
                or h.entry.words[0] in _NOT_ONLY_PARTS:
            return None
        same = find(self.t, h.end, "direction", pre_ok=False)
        same = same if same is not None and same.entry.value == "same" else None
        if (i == 0 or key(self.t, i - 1) not in _THAT) and same is None:
            return None
        end = same.end if same is not None else h.end
        if self.day(end) is not None:
            return None
        p = Partial(i, end, part=h.entry.value, story_part=True).add("that+part_of_day")
        p.flags.append("anaphoric")
        return p

    def _part_alone(self, i: int) -> Partial | None:
        """A part of the day with no day said, where a word makes it a time (Duckling's "in|during
        the <part-of-day>" and "after|before <part-of-day>"): في المساء, عند الفجر, بعد الظهر,
        قبل الفجر, ساعات الصباح; the day the story is on (flag ``day_inferred``)."""
        h = self.part(i)
        if h is None or self.day(h.end) is not None:
            return None
        words = h.entry.words
        cue = key(self.t, i - 1) if i > 0 else ""
        said = words[0] in _CUED_PARTS or " ".join(words) in _CUED_PARTS
        prayer = words[0] in _PRAYERS and not h.pre and cue in PRAYER_CUES
        cued = prayer or (len(words) > 1 and words[0] in ("بعد", "قبل", "ساعات")) \
            or (said and not h.pre and cue in _PART_CUES) or self._adverb_after_verb(i, h) \
            or (" ".join(words) in _CUED_PARTS and h.pre.rstrip("ال") in ("ب", "وب", "فب"))  # بالليل
        if not cued or (words[0] == "العصر" and cue == "في"):  # في العصر الحديث: the era
            return None
        if prayer:  # اذان الظهر الساعة 12:55, صلاة العصر في تمام الثالثة: the clock carries it
            j = h.end + (key(self.t, h.end) in ("في", "،", ","))
            while find(self.t, j, "clock_cue") is not None:
                j = find(self.t, j, "clock_cue").end  # type: ignore[union-attr]
            if self.clock(j) is not None:
                return None
        return Partial(i, h.end, pre=h.pre, part=h.entry.value, story_part=True).add("cue+part_of_day")

    def _adverb_after_verb(self, i: int, h) -> bool:
        """A part of the day in its adverbial form (صباحا، مساء، ليلا) after a past verb, right
        after it or after its subject (نُفّذت مساءً، ووقع الهجوم صباحا), says when that verb's
        event happened, on the day the story is on; not a pair of parts that says always
        (عملوا ليلا ونهارا)."""
        words = h.entry.words
        if len(words) > 1 or words[0].startswith("ال") or h.pre or i == 0 \
                or h.entry.extra not in ("adverb", "both") or not self._clause_past(i):
            return False
        nxt = key(self.t, h.end)
        return not (nxt == "و" and (self.part(h.end + 1) is not None or key(self.t, h.end + 1) == "نهارا")) \
            and not (nxt.startswith("و") and (self.part(h.end) is not None or nxt == "ونهارا"))

    def _clause_past(self, i: int) -> bool:
        """A past verb ends the words before token ``i`` within its clause: right before it, or
        before the verb's subject and a comma (ووقع الهجوم صباحا، قصفت الطائرات، صباحا)."""
        if self._past(i - 1):
            return True
        k = i - 1 - (key(self.t, i - 1) in _COMMAS)
        for m in range(k, max(-1, k - _ADVERB_REACH), -1):
            if self.t[m].key in _SENTENCE_END or key(self.t, m) in _COMMAS:
                return False
            if self._past(m):
                return self._opens_clause(m)
        return False

    def _opens_clause(self, m: int) -> bool:
        """The verb at token ``m`` opens its clause: with و/ف on it (ووقع), first in its sentence
        or after a comma, or after a word that opens a clause (كما قصفت)."""
        before = key(self.t, m - 1) if m > 0 else ""
        return self.t[m].key[:1] in ("\u0648", "\u0641") or m == 0 or before in _COMMAS \
            or self.t[m - 1].key in _SENTENCE_END or before in _CLAUSE_OPENERS

    def _overnight(self, p: Partial) -> None:
        """ليل السبت الأحد, ليلة الأربعاء-الخميس: a night named by the two days it joins runs
        from the first to the next (``overnight``; the finder gives both days)."""
        k = p.j + (1 if key(self.t, p.j) in ("-", "\u2013", "/") else 0)
        second = self._weekday_at(k, bare_ok=True)
        if second is not None and second[1] == (p.weekday + 1) % 7:  # type: ignore[operator]
            p.flags.append("overnight")
            p.add("overnight", second[0])

    def equivalent(self, i: int) -> Partial | None:
        """A Hijri and a Gregorian date given as one (25 ذي الحجة 634 هـ = 14 أغسطس 1237 م,
        either first, = or [ال]موافق [لـ] between, or هو/هي يوم before the second; the first
        day of a Hijri month too: فاتح شهر ذي القعدة هو يوم الاثنين 17 غشت 2015): the
        Gregorian date as the writer gives it."""
        a = self.point(i)
        if a is None or (a.day is None and a.qualifier != "first"):
            return None
        k = a.j + (1 if key(self.t, a.j) == ")" else 0)
        falls = key(self.t, k) in _FALLS_ON  # its يوم is read with the day (يوم بعد غد الخميس)
        if key(self.t, k) in ("،", ",") and key(self.t, k + 1) in _IS_DAY | _TO_BE \
                and key(self.t, k + 2) == "يوم":
            k += 1  # فاتح شهر رجب لعام 1442 هـ، هو يوم غد السبت 13 فبراير
        if key(self.t, k) in _IS_DAY | _TO_BE and key(self.t, k + 1) == "يوم":
            k += 1  # فاتح شهر شعبان هو يوم الأربعاء 22 فبراير: an announcement's equation
            if key(self.t, k + 1) in _TOMORROW:
                k += 1  # هو يوم غد الثلاثاء 03 دجنبر: the date said as tomorrow's
        elif not falls and key(self.t, k) not in _EQUALS:
            return None
        k += 1 if key(self.t, k + 1) in ("ل", "لـ") else 0  # الموافق لـ 18 يوليوز
        b = self.point(k + 1)
        # after a verb, the Gregorian day may be said by relation (سيصادف يوم بعد غد الخميس)
        relative = falls and b is not None and b.offset is not None and b.weekday is not None
        if b is None or (b.day is None and not relative) or a.hijri == b.hijri:
            return None
        hijri, greg = (a, b) if a.hijri else (b, a)
        out = replace(greg, i=i, j=b.j, pre=a.pre, flags=list(greg.flags))  # the memo's stays as read
        if any(r.startswith("numeric") for r in greg.rules):
            _order_from_hijri(out, hijri)
        out.part = out.part or a.part or b.part  # مغرب يوم الخميس 29 رجب … موافق 03 مارس: evening
        out.rules = ["hijri=gregorian", *out.rules]
        out.flags = [*out.flags, "hijri_equivalent"]
        return out

    def _last_night(self, k: int, part: str) -> Partial | None:
        """الليلة الماضية, منتصف الليلة الماضية: the night of the day before the reference
        (a night, an evening or its midnight followed by الماضية/الفائتة); قبل الماضية: the
        night before that."""
        back = 1
        if key(self.t, k) == "قبل":  # الليلة قبل الماضية: the night before last
            k, back = k + 1, 2
        d = find(self.t, k, "direction")
        if d is None or d.entry.value != "past" or part not in ("night", "evening", "midnight"):
            return None
        return Partial(k, d.end, offset=-back).add("last_night")

    def _eve(self, p: Partial) -> Partial:
        """ليلة before a named day is the night before it (the day begins at sunset); ليلة أمس
        is last night."""
        if p.offset is not None and p.weekday is None:
            p.part = "night"
        return p

    def _event_day(self, i: int, event) -> Partial | None:
        """عشية/غداة/صبيحة + a day (صبيحة يوم الخميس) or an event (عشية الهجوم): the day
        before, after or of it; an event's day is the story's last day."""
        day = self.day(event.end)
        off = int(event.entry.value)
        if day is not None:
            day.i, day.pre = i, event.pre
            day.event_part = event.entry.extra
            if off:
                day.flags.append("day_before" if off < 0 else "day_after")
            return day.add("event_day+day")
        if key(self.t, event.end) in ("", ".", "،") or self.t[event.end].key.isdigit():
            return None
        return Partial(i, event.end + 1, pre=event.pre, offset=off, story=True,
                       event_part=event.entry.extra, flags=["event_anchor"]).add("event_day")

    def _after_day(self, p: Partial) -> Partial:
        k = p.j
        if not p.part:
            tail = self.part(k, "adverb")
            cue = find(self.t, k, "clock_cue") if tail is None else None
            if cue is not None and self.clock(k) is None:  # غدا عند الظهر: a cue, then the part
                tail = self.part(cue.end)
            if tail is not None and tail.entry.extra != "today":
                p.part = tail.entry.value
                p.add("day+part_of_day", tail.end)
                k = tail.end
        if p.hour is None and not _wider_than_day(p):
            k += 1 if key(self.t, k) in ("،", ",") else 0
            j = k
            while j < k + 2 and find(self.t, j, "clock_cue") is not None:
                j = find(self.t, j, "clock_cue").end  # type: ignore[union-attr]
            c = self.clock(k) or (self.clock(j) if j != k else None)
            if c is None and key(self.t, k - 1) in ("،", ","):
                return p
            if c is not None and c.hour is not None:
                part = p.part
                p = merge(p, c)
                if c.part:
                    p.part = c.part
                elif part:
                    p.part = part
                p.add("day_then_clock")
        return p

    def duration(self, i: int) -> Partial | None:
        """A length alone (شهرين, 30 يوم, سبع أسابيع, بضعة أيام): a duration, ``P2M``, ``PXD``."""
        ln = self.length(i)
        if ln is None:
            return None
        if i > 0 and key(self.t, i - 1) == "(" and key(self.t, i + 1) == ")":
            return Partial(i - 1, ln[0], counted=(ln[1], ln[2]), anchor="for").add("bracket_count")
        tail = find(self.t, ln[0], "length_tail")
        if tail is not None and ln[2]:  # ثلاثة أيام مضت (ago), ثلاثة أيام من الآن (hence)
            anchor = "before" if tail.entry.value == "before" else "hence"
            return Partial(i, tail.end, counted=(ln[1], ln[2]), anchor=anchor).add(
                "length+ago" if anchor == "before" else "length+from_now")
        return Partial(i, ln[0], counted=(ln[1], ln[2]), anchor="for").add("duration")

    def day_count(self, i: int) -> Partial | None:
        """ل + اليوم + a rank (لليوم السادس والعشرين على التوالي; in digits also alone: لليوم
        107, لليوم الـ224): the nth day of what is still going on, a length of n days, not
        today (``day_count``)."""
        h = find(self.t, i, "relative_day")
        if h is None or h.pre != "\u0644" or h.entry.value != "0" or h.end != i + 1:
            return None
        k = h.end + (1 if key(self.t, h.end) == "\u0627\u0644" else 0)  # الـ224
        o = self.ordinal(k) if k == h.end else None
        words = o is not None
        if o is None and self.num(k, 1) is not None:
            o = (k + 1, int(key(self.t, k)))
        if o is None:
            return None
        running = (key(self.t, o[0]), key(self.t, o[0] + 1)) == _RUNNING
        if words and not running:
            return None  # a rank in words needs على التوالي: قال لـ«اليوم السابع» names a paper
        end = o[0] + 2 if running else o[0]
        return Partial(i, end, counted=("day", o[1]), anchor="for").add("day_count")

    def shifted(self, i: int) -> Partial | None:
        """A length before or after a day or clock said (يومين بعد الخميس, ثلاثة أيام قبل 5
        آذار, ساعتين بعد الظهر): the point moved by it (Duckling's "<duration> after|before
        <time>")."""
        if not self._shift_word_ahead(i):
            return None
        ln = self.length(i, anchored=True)
        if ln is None or not ln[2] or key(self.t, ln[0]) not in _SHIFT_WORDS:
            return None
        inner = self.point(ln[0] + 1)
        if inner is None and ln[1] == "minute" and ln[2] < 60 \
                and find(self.t, ln[0] + 1, "clock_hour", pre_ok=False) is not None:
            inner = self._bare_hour(ln[0] + 1)  # ربع ساعة بعد الثالثة: minutes past an hour
        if inner is None or not (inner.has_date or inner.has_clock) or inner.counted or inner.span:
            return None
        sign = -1 if key(self.t, ln[0]) == "قبل" else 1
        inner.i, inner.shift = i, (ln[1], sign * ln[2])
        inner.rules.insert(0, "length+before" if sign < 0 else "length+after")
        return inner

    def _shift_word_ahead(self, i: int) -> bool:
        """Whether قبل or بعد stands where a length at ``i`` may end: a length is a count, its
        unit and a fraction or few after it (ثلاثة أرباع الساعة, ساعة ونصف), each at most
        one entry's words, so a shift word further on cannot follow one (most tokens
        are no length: reading one to find قبل missing costs more than looking ahead)."""
        hi = i + 1 + 3 * longest_entry()
        keys = getattr(self.t, "keys", None)
        ahead = keys[i + 1:hi] if keys is not None else [t.key for t in self.t[i + 1:hi]]
        return not _SHIFT_WORDS.isdisjoint(ahead)

    def approx(self, i: int) -> Partial | None:
        h = find(self.t, i, "approx")
        if h is None or (h.entry.value == "" and key(self.t, i) == "تقريبا"):
            return None
        inner = self.point(h.end)
        if inner is None and h.entry.value != "clock":
            return self._about_length(i, h)
        if inner is None or (h.entry.value == "clock" and not inner.has_clock):
            return None  # حول: about a clock only (حول 11 سبتمبر is "on", "regarding")
        inner.i, inner.pre = i, h.pre
        inner.rules.insert(0, "approx")
        inner.flags.append("approx")
        return inner

    def _about_length(self, i: int, h) -> Partial | None:
        """About, more or less than a length (نحو شهر, أقل من أسبوع, أكثر من 10 سنوات): the
        length, flag ``approx``; one unit alone is a length after them as after لمدة. Not before
        قبل/بعد, where the length moves a point (نحو ساعتين بعد منتصف الليل)."""
        ln = self.length(h.end, anchored=True)
        if ln is None or key(self.t, ln[0]) in ("قبل", "بعد"):
            return None
        inner = self.duration(h.end)  # with its tail: حوالي ألف عام مضت (ago)
        if inner is None or inner.j < ln[0]:
            inner = Partial(h.end, ln[0], counted=(ln[1], ln[2]), anchor="for").add("duration")
        p = replace(inner, i=i, pre=h.pre, flags=[*inner.flags, "approx"], rules=["approx", *inner.rules])
        return p

    def since(self, i: int) -> Partial | None:
        """منذ + a date: an open period up to the reference (منذ مطلع الشهر)."""
        return self._anchored_point(i, "since")

    def until(self, i: int) -> Partial | None:
        """حتى/لغاية + a date, no start said: an open period that ends there (حتى الآن,
        حتى نهاية العام)."""
        return self._anchored_point(i, "to", "until")

    def _anchored_point(self, i: int, anchor: str, name: str = "") -> Partial | None:
        """An anchor word of kind ``anchor`` and the point after it, marked ``name``."""
        name = name or anchor
        h = find(self.t, i, "anchor")
        if h is None or h.entry.value != anchor:
            return None
        inner = self.point(h.end)
        if inner is None:
            return None
        inner.i, inner.pre = i, h.pre
        inner.rules.insert(0, name)
        inner.flags.append(name)
        return inner

    def ago(self, i: int) -> Partial | None:
        """An anchor word and a length: قبل يومين, بعد أسابيع, منذ أسبوع, خلال ثلاثة أشهر,
        بعد مرور شهر, لمدة ثلاثة أيام (how each reads is :func:`workbench.find.times.lengths.counted`)."""
        h = find(self.t, i, "anchor")
        if h is None or h.entry.value not in ("since", "from", "before", "after", "within", "for"):
            return None
        if i > 0 and key(self.t, i - 1) in ("اكثر", "اقل", "لاكثر", "لاقل"):
            return None
        k = h.end
        about = find(self.t, k, "approx")  # قبل نحو 3 سنوات, منذ حوالي شهرين
        if about is not None:
            k = about.end
        # the verbal noun of time passing between the anchor and its length (بعد مرور شهر على,
        # منذ انقضاء عامين): the same length; not after قبل (قبل مضي أسبوع على: before a week
        # had passed, no point a week back)
        elapse = find(self.t, k, "elapse", pre_ok=False) if h.entry.value in ("after", "since") else None
        if elapse is not None:
            k = elapse.end
        ln = self.length(k, anchored=True)
        if ln is None:
            return None
        end, unit, n = ln
        unit_word = find(self.t, end - 1, "unit")
        # decades (منذ عقود) are a length only: with قبل/بعد/خلال they would need a count
        many = unit_word is not None and unit_word.entry.extra == "pl10"
        if many and h.entry.value not in ("since", "for"):
            return None
        # colloquial من + a length is "ago" (من أسبوع); MSA منذ + a length is how long it lasts,
        # unless the clause tells of something over and done (استقلت منذ 15 عاما: 15 years ago)
        anchor = "before" if h.entry.value == "from" else h.entry.value
        # a point more than _AGO_YEARS back (منذ 40 ألف سنة كان) is out of the calendar: a length
        ago = anchor == "since" and not many and not (unit == "year" and n > _AGO_YEARS) \
            and self._since_ago(i, end)
        p = Partial(i, end, pre=h.pre, counted=(unit, n), anchor="before" if ago else anchor)
        tail = find(self.t, end, "length_tail")
        if tail is not None and tail.entry.value == "after" and anchor == "after":
            p.anchor = "hence"  # بعد ثلاثة أيام من الآن: from now, whatever the tense
            p.add("from_now", tail.end)
        elif tail is not None and tail.entry.value == "before" and p.anchor == "before":
            p.add("ago", tail.end)  # منذ عشر سنوات مضت
        if ago:
            p.add("since_ago")
        if about is not None:
            p.flags.append("approx")
            p.add("approx")
        if elapse is not None:
            p.add("elapse")
        return p.add(f"{anchor}+length")

    def _since_ago(self, i: int, end: int) -> bool:
        """True when منذ + a length at ``i`` says how long ago (a point), not how long: a past
        verb just before it (استقلت منذ 15 عاما, قد عرضت منذ ثلاث سنوات, تم عزلها منذ) or just
        after the length (منذ 500 سنة كانت) unless a relative clause holds them (التي تجري منذ
        يومين نزحت), and no ``lasting`` word (المتواصل, لأول مرة, أسوأ)
        earlier in the clause; or منذ + a length standing alone, as a page stamps a post
        («منذ يومين», «منذ 3 ساعات» under a headline: posted that long ago)."""
        toks = self.t
        if (i == 0 or toks[i - 1].key in _SENTENCE_END) \
                and (end >= len(toks) or toks[end].key in _SENTENCE_END):
            return True
        for k in range(i - 1, max(-1, i - _LASTING_REACH), -1):
            if toks[k].key in _SENTENCE_END or toks[k].key in _CLAUSE_STOPS:
                break
            if find(toks, k, "lasting") is not None:
                return False
        k = i - 1
        while k >= 0 and k > i - 3 and (not toks[k].key.isalpha() or toks[k].key in _OBJECT_WORDS
                                        or not "\u0621" <= toks[k].key[0] <= "\u064a"):
            k -= 1  # أجازته FDA منذ, تزوج ني منذ: the subject or a detached pronoun between
        if k >= 0 and (self._past(k) or key(toks, k - 1) in _DONE_CUES):
            return True
        # a past verb and the verbal noun it governs under ب, with its complement: بدأت
        # بالانسحاب من العراق منذ أيام (began withdrawing days ago: the start is a point)
        for v in range(i - 2, max(-1, i - 5), -1):
            if toks[v].key.startswith("\u0628\u0627\u0644") and v > 0 and self._past(v - 1) \
                    and all(toks[m].key.isalpha() and toks[m].key not in _CLAUSE_STOPS for m in range(v, i)):
                return True
        return end < len(toks) and self._past(end) \
            and not any(key(toks, k) in RELATIVES for k in range(max(0, i - 3), i))

    def _past(self, k: int) -> bool:
        """A past verb at token ``k``: by its ending (:func:`perfective`) or one of the lexicon's
        ``past_verb`` words that have none (بدأ, مضت: منذ عشر سنوات مضت)."""
        return perfective(self.t[k].key) or find(self.t, k, "past_verb") is not None

    def anniversary(self, i: int) -> Partial | None:
        """الذكرى + a rank (الذكرى الـ69, الذكرى السنوية الخامسة عشرة, ذكرى إحراق الأقصى الـ 52):
        the recalled event, that many years before the reference (flag ``anniversary``)."""
        h = find(self.t, i, "anniversary")
        if h is None:
            return None
        k = h.end
        if key(self.t, k) == "السنويه":
            k += 1
        # a rank after the event's name only when ذكرى is its head (ذكرى إحراق المسجد الأقصى الـ 52)
        reach = _ANNIVERSARY_REACH if not key(self.t, i).endswith("الذكري") else 1
        for m in range(k, min(len(self.t), k + reach)):
            if key(self.t, m) == "ال" and key(self.t, m + 1).isdigit() and 0 < int(key(self.t, m + 1)) < 1000:
                end, n = m + 2, int(key(self.t, m + 1))
                break
            o = self.ordinal(m)
            if o is not None and m == k:
                end, n = o
                break
            if self.t[m].key in _SENTENCE_END:
                return None
        else:
            return None
        p = Partial(i, end, pre=h.pre, counted=("year", n), anchor="before")
        p.flags.append("anniversary")
        return p.add("anniversary")

    def same_day(self, i: int) -> Partial | None:
        """[في] مثل هذا اليوم [من] عام 1956: the reference's day and month in that year; with
        years ago after it (في مثل هذا اليوم قبل 3 أعوام) that many years back (flag
        ``same_day``; the finder puts the reference's day and month in)."""
        k = i + 1 if key(self.t, i) == "في" else i
        h = find(self.t, k, "same_day", pre_ok=False)
        if h is None:
            return None
        y = self.year(h.end)
        if y is None:
            ago = self.ago(h.end)
            if ago is None or ago.anchor != "before" or not ago.counted or ago.counted[0] != "year" \
                    or ago.counted[1] < 1:
                return None
            p = Partial(i, ago.j, counted=ago.counted, anchor="before")
            p.flags.append("same_day")
            return p.add("same_day+ago")
        if y[2]:
            return None
        p = Partial(i, y[0], year=y[1])
        p.flags.append("same_day")
        return p.add("same_day")

    def bracket_year(self, i: int) -> Partial | None:
        """A year alone in brackets after a name, closing its phrase: " اصرار الذاكرة " ( 1931 ) ،
        (a count in brackets, ( 2000 ) مقاتل, has its noun after it and is left alone)."""
        if i == 0 or key(self.t, i - 1) != "(" or key(self.t, i + 1) != ")":
            return None
        n = self.num(i, _BRACKET_YEARS[0], _BRACKET_YEARS[1])
        if n is None or len(key(self.t, i)) != 4:
            return None
        after = key(self.t, i + 2)
        if after and after.isalnum() and not self._dating_word(i + 2):
            return None
        return Partial(i, i + 1, year=n).add("bracket_year")

    def _dating_word(self, i: int) -> bool:
        """في or an anchor other than من/بين at ``i``: what follows a bracketed year is where or
        when, so the year closes its phrase (حادث احتجاز الرهائن (2016) في 1 تموز/يوليو); a count
        is followed by its noun or by من of a part (( 2000 ) من المقاتلين)."""
        if key(self.t, i) == "\u0641\u064a":  # في
            return True
        h = find(self.t, i, "anchor")
        return h is not None and not h.pre and h.entry.value not in ("from", "between")

    def period(self, i: int) -> Partial | None:
        """[خلال] the n units past or next: الأيام الثلاثة الماضية, الأسابيع الثلاثة القادمة,
        خلال العام المنصرم, خلال الأيام القليلة الماضية."""
        k, pre = i, ""
        h = find(self.t, k, "anchor")
        if h is not None and h.entry.value in ("within", "in", "for"):
            k, pre = h.end, h.pre
        if k == i and key(self.t, i) == "في":
            k = i + 1
        inner = self.vague(k) or self.unit_relative(k) or self._last_n(k) or self._the_n_units(k)
        if inner is None:
            u = find(self.t, k, "unit", pre_ok=False)
            if u is None or not key(self.t, k).startswith("ال"):
                return None
            dual = u.entry.extra == "2" and u.entry.value in _PERIOD_UNITS  # الشهرين الماضيين
            if u.entry.extra != "pl" and not dual:
                return None
            n = (u.end, 2) if dual else self.ordinal_count(u.end) or self._the_digits(u.end)
            few = find(self.t, u.end, "few", pre_ok=False) if n is None else None
            if n is None and (few is None or few.entry.words[0] != "القليله"):
                return None
            end = n[0] if n is not None else few.end  # type: ignore[union-attr]
            d = find(self.t, end, "direction", "last")
            if d is None or d.entry.value not in ("past", "future", ""):
                return None
            sign = 1 if d.entry.value == "future" else -1  # الأخيرة: the last ones
            if n is None:  # الأشهر القليلة القادمة: a few months
                from .lengths import few as few_count
                inner = Partial(k, d.end, vague=(u.entry.value, sign * few_count(u.entry.value)))
                inner.add("few+relative")
            else:
                inner = Partial(k, d.end, span=(u.entry.value, sign * n[1])).add(
                    "dual+relative" if dual else "period+relative")
        if k == i:
            return None if inner.rules[0] not in _PERIOD_RULES else inner
        inner.i, inner.pre = i, pre
        inner.rules.insert(0, "within")
        return inner

    def _the_digits(self, i: int) -> tuple[int, int] | None:
        """ال + a count in digits after a plural unit (الساعات الـ24): (end, n)."""
        if key(self.t, i) == "\u0627\u0644" and self.num(i + 1, 2) is not None:
            return i + 2, int(key(self.t, i + 1))
        return None

    def _the_n_units(self, i: int) -> Partial | None:
        """[ال] + a count + its unit + past or next with the article (الـ24 ساعة الماضية, الـ10
        أيام المقبلة, ثمان وأربعين ساعة الأخيرة): the n units before or after the reference, as
        الأيام العشرة الماضية."""
        n = self._the_digits(i)
        if n is None:
            # the count with no article, in digits or in words (48 ساعة الأخيرة, ثمان وأربعين
            # ساعة الماضية): the adjective's article still makes the units the last or next ones
            ln = self.length(i) if not key(self.t, i).startswith("ال") else None  # الشهرين: dual+relative
            if ln is None or ln[2] < 2 or ln[1] not in _PERIOD_UNITS \
                    or not key(self.t, ln[0]).startswith("ال"):
                return None
            end, unit, count = ln
        else:
            u = find(self.t, n[0], "unit", pre_ok=False)
            if u is None or u.entry.extra == "2":
                return None
            end, unit, count = u.end, u.entry.value, n[1]
        d = find(self.t, end, "direction", "last")
        if d is None or d.entry.value not in ("past", "future", ""):
            return None
        sign = 1 if d.entry.value == "future" else -1
        return Partial(i, d.end, span=(unit, sign * count)).add("period+relative")

    def _last_n(self, i: int) -> Partial | None:
        """آخر + a count of days, weeks, months or years (آخر 3 أيام, آخر ثلاثة أسابيع, آخر
        يومين): the n units before the reference, as الأيام الثلاثة الماضية."""
        last = find(self.t, i, "last")
        # الآخر, والأخير with the article is "the other", "the last one": والآخر 12 عاماً
        # gives the other one's age
        if last is None or key(self.t, i).startswith("ال") or last.pre.endswith("ال"):
            return None
        ln = self.length(last.end)
        if ln is None or ln[1] not in _PERIOD_UNITS or ln[2] < 2:
            return None
        return Partial(i, ln[0], pre=last.pre, span=(ln[1], -ln[2])).add("last+length")

    def ordinal_count(self, i: int) -> tuple[int, int] | None:
        """The count after a plural unit (الأيام الثلاثة): (end, n)."""
        for stop in (i + 2, i + 1):
            if stop <= len(self.t) and self.t[stop - 1].key.isalpha():
                words = [t.key for t in self.t[i:stop]]
                if not all(w.startswith("ال") for w in words):
                    continue
                n = self.cardinal(i, stop) or self.cardinal_def(words)
                if n:
                    return stop, n
        return None

    def cardinal_def(self, words: list[str]) -> int | None:
        return self.cardinal_words(" ".join(w[2:] for w in words))

    def cardinal_words(self, text: str) -> int | None:
        from .numbers import parse_number

        v = parse_number(text)
        return int(v) if v and v == int(v) else None

    def range_(self, i: int) -> Partial | None:
        """من X إلى/حتى Y, بين X و Y, X - Y; an end that lacks the month or year borrows it
        from the other (13 إلى 15 تموز, يوليو 13-15, من عام 1947 إلى عام 1991)."""
        h = find(self.t, i, "anchor")
        # منذ 2014 وحتى أواخر 2017: since X until Y is the span X-Y, like من X إلى Y (ابتداءً من
        # X وحتى Y stays two readings, where a text dates each end by itself)
        opener = h is not None and (h.entry.value in ("from", "between") or h.entry.words in _SINCE_WORDS)
        # يومي X و Y (the dual of يوم): two days said together, read as the span they bound
        # (يومي 13 و15 من الشهر الجاري, يومي السبت والأحد الماضيين), flagged ``two_days``
        # (خلال عامي 2022 و2023, شهري يناير وفبراير: two years or months, likewise)
        two = None if opener else find(self.t, i, "day_word", "year_word", "month_word")
        two = two if two is not None and (two.entry.words == _TWO_DAYS or two.entry.words in _TWO_OTHERS) \
            else None
        if two is not None:
            h, opener = two, True
        k = h.end if opener else i  # type: ignore[union-attr]
        # ends lost in the source ([…] – […]) are years only where a period word says so
        lost_ok = opener and two is None and self._after_period_word(i)
        a = self._end(k, lost_ok=lost_ok)
        if a is None:
            return None
        at = a.j  # where the word or mark that joins the two ends stands
        nxt_key = key(self.t, at + 1)
        if opener and key(self.t, at) in ("\u060c", ",") and (
                nxt_key in DASHES or (nxt_key[:1] == "\u0648" and nxt_key[1:] in DASHES)):
            at += 1  # من أبريل 2004، وحتى يوليو 2006: a comma before the second end
        sep = key(self.t, at)
        between = opener and (two is not None or h.entry.value == "between")  # type: ignore[union-attr]
        # في 23 و24 أيلول: two days said together, the second with its month, as يومي 23 و24
        joined = not opener and a.rules[:1] == ["day"] and a.month is None and a.year is None \
            and sep.startswith("\u0648") and key(self.t, i).isdigit()
        # الأربعاء والخميس: two weekdays said together are the two days they name, in a row
        days = not opener and a.rules == ["weekday"] and sep.startswith("\u0648")
        joined = joined or days
        between = between or joined
        before_it = days and match_key(sep) in _BEFORE_IT  # الجمعة وقبله الخميس: told backwards
        if days and match_key(sep) in _BEFORE_IT + _AFTER_IT:
            b = self._end(at + 1, lost_ok=lost_ok)
        elif between and sep.startswith("\u0648") and sep not in ("وحتي", "ولغايه"):
            nxt = at if sep == "\u0648" else None
            b = self._end(at + 1, lost_ok=lost_ok) if nxt is not None else self._end_split(at)
        elif sep in DASHES or (sep == "\u0648" and key(self.t, at + 1) in DASHES):
            skip = 2 if sep == "\u0648" else 1
            b = self._end(at + skip, lost_ok=lost_ok)
        elif sep.startswith("\u0648") and sep[1:] in DASHES:
            b = self._end(at + 1, lost_ok=lost_ok)
        else:
            return None
        if b is None and a.hour is not None:  # بين الساعة الثالثة والخامسة: a bare hour ends it
            glued = sep[:1] == "\u0648" and sep != "\u0648"  # والخامسة
            b = self._bare_hour(at + (1 if sep in DASHES or sep == "\u0648" else 0), split=glued)
        if b is None:
            return None
        if sep in DASHES and not opener and a.day is not None and a.year is not None and not a.has_clock \
                and b.has_clock and not b.has_date:
            # الأربعاء 31 أغسطس 2022 - 08:02 م: a date line and the clock it was posted at,
            # no span from a day to an hour
            return None
        if days and b.rules != ["weekday"]:
            return None
        if joined and not days and (b.day is None
                                    or (b.month is None and (b.unit_rel or ("",))[0] != "month")):
            return None
        end = b.j
        if before_it:
            a, b = b, a
        a, b = self._borrow(a, b)
        if a is None:
            return None
        p = Partial(i, end, pre=h.pre if opener else a.pre)  # type: ignore[union-attr]
        p.rules = [f"range({'+'.join(a.rules)},{'+'.join(b.rules)})"]
        pair = "two_days" if two is not None and two.entry.words == _TWO_DAYS else "two"
        p.flags = ["range"] if two is None and not joined else ["range", pair]
        p._ends = (a, b)  # type: ignore[attr-defined]
        return p

    def _end_split(self, k: int) -> Partial | None:
        """و2017, والأحد: an end glued to its و."""
        tok = self.t[k]
        if tok.key[1:].isdigit() or (tok.key[1:].isalpha() and len(tok.key) > 2):
            from .lexicon import Token
            t2 = Token(tok.key[1:], tok.start + 1, tok.end, tok.kstart + 1)
            g = Composer([*self.t[:k], t2, *self.t[k + 1:]])
            return g._end(k)
        return None

    def _after_period_word(self, i: int) -> bool:
        """Whether a period word (فترة, مرحلة, سنوات) opens the phrase a range at ``i`` ends:
        في فترة الحرب على التنظيم بين […] – […] is a span of years; قتل بين […] و[…] is a count."""
        for k in range(i - 1, max(-1, i - _PERIOD_REACH - 1), -1):
            if key(self.t, k) in _SENTENCE_END:
                return False
            if find(self.t, k, "period_word") is not None:
                return True
        return False

    def _end(self, k: int, *, lost_ok: bool = False) -> Partial | None:
        """One end of a range: a point, a bare day of the month or year, or (``lost_ok``) a
        year lost in the source."""
        if lost_ok and key(self.t, k) == "[" and key(self.t, k + 1) == "\u2026":
            end = k + 3 if key(self.t, k + 2) == "]" else k + 2
            p = Partial(k, end)
            p.year_lost = True
            return p.add("year_lost")
        p = self.point(k)
        if p is not None:
            return p
        y = self.num(k, 1000, 2100)
        if y is not None and len(key(self.t, k)) == 4 and key(self.t, k + 1) not in counted_nouns():
            return Partial(k, k + 1, year=y).add("year")
        d = self.dom(k)
        if d is not None:
            return Partial(k, d[0], day=d[1]).add("day")
        return None

    def _bare_hour(self, k: int, *, split: bool = False) -> Partial | None:
        """An hour alone ending a range of clocks (والخامسة, - 11, إلى 5 مساء), with the part of
        the day after it; ``split``: the hour is glued to its و (والخامسة)."""
        if split:
            tok = self.t[k]
            from .lexicon import Token
            t2 = Token(tok.key[1:], tok.start + 1, tok.end, tok.kstart + 1)
            return Composer([*self.t[:k], t2, *self.t[k + 1:]])._bare_hour(k)
        h = find(self.t, k, "clock_hour", pre_ok=False)
        n = self.num(k, 0, 24) if h is None and len(key(self.t, k)) <= 2 else None
        if h is None and n is None:
            return None
        p = Partial(k, h.end if h is not None else k + 1, hour=int(h.entry.value) if h is not None else n)
        p.add("hour")
        part = self.part(p.j, "adverb")
        if part is not None:
            p.part = part.entry.value
            p.add("part_of_day", part.end)
        return p

    def _borrow(self, a: Partial, b: Partial) -> tuple[Partial | None, Partial]:
        if b.hour is not None and a.rules == ["day"] and key(self.t, a.i).isdigit() and a.day <= 24:  # type: ignore[operator]
            # من 9 إلى 11 صباحا: a bare number before a clock is its hour
            a = Partial(a.i, a.j, hour=a.day).add("hour")
        if a.hour is not None and b.rules == ["day"] and b.day <= 24:  # type: ignore[operator]
            b = Partial(b.i, b.j, hour=b.day).add("hour")  # الساعة 9-11, الساعة الثالثة والخامسة
        if a.day is not None and a.month is None and b.unit_rel is not None and b.day is not None:
            # 13 و15 من الشهر الجاري: the first day is of the month the second names by relation
            a.unit_rel, a.direction = b.unit_rel, b.direction
            return a.add("month_relative"), b
        if a.day is not None and a.month is None:
            if b.month is None:
                m = self.month(b.j + (1 if key(self.t, b.j) in ("من", "في") else 0), cued=True)
                if m is None:
                    return None, b
                b.month, b.hijri = m[1], m[2]
                b.add("month", m[0])
                b = self._with_year(b)
            a.month, a.year, a.hijri, a.direction = b.month, b.year, b.hijri, b.direction
        if a.weekday is not None and b.weekday is not None and not a.direction and not a.week_rel:
            # السبت والأحد الماضيين: what the last weekday's words say holds for both
            a.direction, a.week_rel = b.direction, b.week_rel
        if b.day is not None and b.month is None and a.month is not None:
            b.month, b.year, b.hijri = a.month, a.year, a.hijri
        if b.hijri and not a.hijri and a.month is None and a.year is not None and a.rules == ["year"] \
                and a.year <= b.year:  # type: ignore[operator]
            a.hijri = True  # 1445-1446هـ: the era said after the second year holds for both
        if a.month is not None and a.year is None and b.year is not None:
            a.year = b.year
            if b.hijri and any(r.startswith("numeric") for r in a.rules):
                a.hijri = True  # من 1/9 إلى 30/9/1445هـ: the era after the second date holds for the first
        if a.hour is not None and not a.part and b.part:
            a.part = b.part
        if a.hour is not None and b.hour is not None and not a.has_date and b.has_date:
            # من 9:30 إلى 11:00 يوم الخميس: the day said after the second clock holds for both
            for name in _DATE_FIELDS:
                if getattr(a, name) is None or getattr(a, name) in ("", False):
                    setattr(a, name, getattr(b, name))
        return a, b


def perfective(word: str) -> bool:
    """A word shaped like a past verb: a past ending (استقلت, ونقلوا, أجازته) that no
    plural or article explains."""
    w = word[1:] if word[:1] in ("\u0648", "\u0641") and len(word) > 4 else word
    if w.startswith("\u0627\u0644") or not w.isalpha():
        return False
    for pro in _PRONOUNS:
        if w.endswith(pro) and len(w) - len(pro) >= 4:
            w = w[:-len(pro)]
            break
    if w.endswith("\u0627\u062a") or len(w) < 4:
        return False
    return w.endswith(_PAST_ENDINGS[0]) or (w.endswith(_PAST_ENDINGS[1]) and len(w) >= 5)


def _order_from_hijri(greg: Partial, hijri: Partial) -> None:
    """A numeric Gregorian date equated with a Hijri one takes the order of day and month that
    puts it on the Hijri date's day, give or take the two days by which sighting and Umm al-Qura
    differ (25/10/1445هـ الموافق 5/4/2024م is 4 May, flag ``order_from_hijri``)."""
    if None in (greg.year, greg.month, greg.day, hijri.year, hijri.month, hijri.day) \
            or greg.day == greg.month or greg.day > 12:  # type: ignore[operator]
        return
    from datetime import date

    from .calendars import _g
    try:
        said = _g(hijri.year, hijri.month, hijri.day)  # type: ignore[arg-type]
        readings = {(greg.day, greg.month): date(greg.year, greg.month, greg.day),  # type: ignore[arg-type]
                    (greg.month, greg.day): date(greg.year, greg.day, greg.month)}  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return
    near = [dm for dm, d in readings.items() if abs((d - said).days) <= 2]
    if len(near) != 1:
        return
    greg.flags = [f for f in greg.flags if f not in ("order_ambiguous", "order_from_text", "month_first")]
    if near[0] != (greg.day, greg.month):
        greg.day, greg.month = near[0]
        greg.flags.append("order_from_hijri")


def _wider_than_day(p: Partial) -> bool:
    """A date that names no single day (شهر يناير, شهر رمضان, العام المقبل): a clock after it
    has a day of its own, told elsewhere, so it stays a clock of its own
    («لشهر رمضان عند الساعة 7:44 مساءً» is a clock, not the evenings of Ramadan)."""
    if not p.has_date or p.now or p.today_part or p.story_part:
        return False
    if p.day is not None or p.weekday is not None or p.offset is not None:
        return False
    return not p.holiday or p.holiday.startswith("hijri_month")

