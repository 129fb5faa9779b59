"""Clock times of the time grammar: الساعة + an hour + minutes, hour words with a part of the day.

A mixin of :class:`~.rules.Grammar`: the methods read the numbers, parts of the day and
memo of the grammar they are mixed into.

>>> from .lexicon import tokenize
>>> from .rules import Grammar
>>> p = Grammar(tokenize("الساعة 4:30 عصرا")).clock(0); p.rules, p.hour, p.minute, p.part
(['clock', 'part_of_day'], 4, 30, 'afternoon')
"""

from __future__ import annotations

from .lexicon import find, key
from .partial import Partial

# ص, م written after a clock; am, pm as Latin script writes them (Duckling's "<time-of-day> am|pm")
_AM_PM = {"\u0635": "am", "\u0645": "pm", "am": "am", "pm": "pm"}
# How far a part of the day that tells a bare clock's half of the day may stand: a few words
# before the clock (صلاة العصر في تمام الثانية), more after it, where a list of clocks closes
# on its part (المغرب في الخامسة و9 دقائق، والعشاء في السادسة و27 دقيقة مساءً).
_CONTEXT_BEFORE, _CONTEXT_AFTER = 4, 8
_CONTEXT_PARTS = frozenset({"dawn", "morning", "noon", "afternoon", "evening", "night"})
_STOPS = frozenset(".!?\u061f\u06d4")
PRAYER_CUES = frozenset({"صلاه", "اذان", "وصلاه", "واذان"})
_MAGHRIB = "المغرب"  # the sunset prayer, and Morocco: a prayer only after و or a prayer word


class ClockRules:
    """The clock pieces of the time grammar."""


    def clock(self, i: int) -> Partial | None:
        """الساعة + an hour (digits, 9:30, a word) + minutes (و 18 دقيقة, والنصف, إلا ربعا),
        an hour word alone when a part of the day or a fraction follows (الثالثة فجرا), or
        digits hh:mm; then a part of the day (صباحا, بعد الظهر, هذه الليلة)."""
        k = i
        if find(self.t, i, "timezone") is not None:
            return None  # a zone follows its clock (10 بتوقيت مكة), never begins one
        cue = find(self.t, k, "clock_cue", "approx")
        if cue is not None:
            k = cue.end
        word = find(self.t, k, "clock_word")
        said = word is not None and (word.pre.endswith("ال") or key(self.t, k).startswith("ال"))
        if said:
            k = word.end  # type: ignore[union-attr]
            if key(self.t, k) == "\u0627\u0644":  # الساعة الـ 7: the article written apart
                k += 1
        # an hour in brackets: الساعة (1:00) ظهرًا, الساعة (٧م), (09:20 تغ)
        bracket = key(self.t, k) == "(" or (k == i and i > 0 and key(self.t, i - 1) == "(")
        if key(self.t, k) == "(":
            k += 1
        got = self._hour(k, words_ok=True, said=said)
        if got is None:
            return None
        k, hour, minute, minute_said, _ = got
        if not 0 <= hour <= 24:
            return None
        p = Partial(i, i)
        if cue is not None and cue.entry.type == "approx":
            p.flags.append("approx")
        p.hour, p.minute, p.minute_said = hour % 24, minute, minute_said
        if said and len(key(self.t, got[0] - 1)) == 4 and key(self.t, got[0] - 1).isdigit():
            p.add("military_hhmm")  # الساعة 2300
        if p.minute_said and key(self.t, got[0] - 2) == ",":
            p.add("comma_hhmm")  # الساعة 5,15
        if key(self.t, k) == ":" and self.num(k + 1, 0, 59) is not None and p.minute_said:
            p.second, k = self.num(k + 1), k + 2
            p.add("hh:mm:ss")
        k = self._minutes(p, k)
        digits_clock = p.minute_said and key(self.t, got[0] - 2) == ":"
        # hh.mm with a two-digit hour (٠٦.٣٩ ص, 12.57 م in a prayer table): a clock once ص/م
        # follows; a one-digit hour is left (3.20 م may be metres)
        dotted = p.minute_said and key(self.t, got[0] - 2) == "." and len(key(self.t, got[0] - 3)) == 2
        # ص / م after the hour (07:53 م, ٧ص): the abbreviations of صباحا and مساء
        letter = key(self.t, k)
        if letter in _AM_PM and 1 <= hour <= 12 and (said or bracket or digits_clock or dotted) \
                and self.t[k].start - self.t[k - 1].end <= 1:
            p.part = _AM_PM[letter]
            p.add("am_pm_letter" if not dotted or said or bracket else "dotted_am_pm")
            k += 1
        elif letter in ("a", "p") and 1 <= hour <= 12 and key(self.t, k + 1) == "." \
                and key(self.t, k + 2) == "m" and self.t[k].start - self.t[k - 1].end <= 1:
            p.part = _AM_PM[letter + "m"]  # 3 p.m.
            p.add("am_pm_letter")
            k += 3 + (key(self.t, k + 3) == ".")
        k = self._close(k, bracket)
        tail = None if p.part else \
            self.part(k, "adverb", "today") or (self.part(k) if key(self.t, k) != "من" else None)
        if tail is None and not p.part and key(self.t, k) == "من":
            tail = self.part(k + 1)
            tail = tail if tail is not None and tail.entry.extra in ("noun", "both", "today") else None
            if tail is not None and tail.entry.extra != "today":
                p.j = k + 1  # الساعة العاشرة من صباح الخميس: the day follows
        if tail is not None and not (tail.entry.extra == "noun" and tail.entry.value == "eve"):
            p.part = tail.entry.value
            p.today_part = tail.entry.extra == "today"
            p.add("part_of_day")
            k = tail.end
        tz = find(self.t, k, "timezone")
        if tz is None and key(self.t, k) == "بتوقيت":  # بتوقيت + a zone's abbreviation (بتوقيت CET)
            tz = find(self.t, k + 1, "timezone")
        zone_bracket = False
        if tz is None and key(self.t, k) == "(":  # الساعة 12:00 (CAT): the zone in brackets
            inner = find(self.t, k + 1, "timezone")
            if inner is not None and key(self.t, inner.end) == ")":
                tz, zone_bracket = inner, True
        if tz is not None:
            p.utc_offset, k = int(tz.entry.value), tz.end
            k = self._close(k, bracket or zone_bracket)
            universal = p.utc_offset == 0 or key(self.t, tz.end - 1).isascii()
            if (digits_clock or (not got[4] and universal)) and not p.part:
                # 09:20 تغ: wire copy gives a zoned clock on the 24-hour clock; an hour in digits
                # too when the zone is GMT or a Latin abbreviation (الساعة 8 بتوقيت غرينتش: 08:00),
                # not a local zone a local paper writes on the 12-hour clock (الساعة 3 بتوقيت مكة)
                p.part = "h24"
        # الواحدة إلا ربعا, الخامسة و9 دقائق: an hour word with its minutes is a clock
        fraction = got[4] and bool({"fraction", "minutes_to", "minutes"} & set(p.rules))
        if not (said or p.part or (minute_said and digits_clock) or (cue is not None and got[4])
                or fraction or p.utc_offset is not None):  # 10 بتوقيت مكة: a zone makes a clock
            return None
        # الساعة 12.30: minutes after a dot are a digital clock too once الساعة says it is one
        p.hhmm = digits_clock or (said and p.minute_said and key(self.t, got[0] - 2) == ".")
        p.j = max(p.j, k)
        if p.hhmm and p.hour == 12 and p.minute and p.part in ("", "evening"):
            p.add("twelve_after_noon")  # 12:55 مساء, 12:30: read by resolve._hour24
        if not p.part and p.hour is not None and 1 <= p.hour <= 12:
            near = self._part_nearby(i, p.j)
            if near:
                p.part = near
                p.add("part_from_context")
        p.rules.insert(0, "clock")
        if "approx" in p.flags:
            p.rules.insert(0, "approx")
        return p

    def _part_nearby(self, i: int, j: int) -> str:
        """The part of the day said nearest a bare clock ``[i, j)`` in its sentence (صلاة
        العصر في تمام الثانية → afternoon), or ''. Only a part of the day tells which half a
        clock is in; with none in reach the clock stays ambiguous (05:30|17:30)."""
        spots = []
        for d in range(1, max(_CONTEXT_BEFORE, _CONTEXT_AFTER) + 1):
            spots += [k for k, ok in ((i - d, d <= _CONTEXT_BEFORE), (j - 1 + d, d <= _CONTEXT_AFTER)) if ok]
        lo = next((k + 1 for k in range(i - 1, i - _CONTEXT_BEFORE - 1, -1)
                   if k >= 0 and key(self.t, k) in _STOPS), 0)
        hi = next((k for k in range(j, j + _CONTEXT_AFTER) if key(self.t, k) in _STOPS), len(self.t))
        for k in spots:
            if not lo <= k < hi:
                continue
            h = self.part(k)
            if h is None or h.entry.value not in _CONTEXT_PARTS:
                continue
            if key(self.t, k).endswith(_MAGHRIB) and not h.pre.startswith("\u0648") \
                    and key(self.t, k - 1) not in PRAYER_CUES:
                continue
            return h.entry.value
        return ""

    def _close(self, k: int, bracket: bool) -> int:
        """Past the closing bracket of a bracketed hour."""
        return k + 1 if bracket and key(self.t, k) == ")" else k

    def _hour(self, k: int, *, words_ok: bool, said: bool = False) -> tuple[int, int, int, bool, bool] | None:
        """(end, hour, minute, minute said, hour is a word) at token ``k``; ``said``: after الساعة."""
        hhmm = key(self.t, k)
        if len(hhmm) in (3, 4) and hhmm.isdigit() and int(hhmm[:-2]) < 24 and int(hhmm[-2:]) < 60 \
                and (find(self.t, k + 1, "timezone") is not None  # wire style: 1430 بتوقيت غرينتش
                     or (said and len(hhmm) == 4)):  # military style: الساعة 2300, الساعة 0600
            return k + 1, int(hhmm[:-2]), int(hhmm[-2:]), True, False
        n = self.num(k, 0, 24)
        if n is not None:
            # a comma between hour and minutes (الساعة 5,15; 2,15 ت غ), as the decimal comma
            # writes it: a clock only after الساعة or before a zone, else a figure (5,15 مليون)
            seps = (":", ".", ",") if said or find(self.t, k + 3, "timezone") is not None else (":", ".")
            if key(self.t, k + 1) in seps and self.num(k + 2, 0, 59) is not None \
                    and len(key(self.t, k + 2)) == 2:
                return k + 3, n, int(key(self.t, k + 2)), True, False
            return k + 1, n, 0, False, False
        if not words_ok:
            return None
        h = find(self.t, k, "clock_hour")
        if h is not None:
            return h.end, int(h.entry.value), 0, False, True
        c = self._month_number_word(k)  # a cardinal 1–12 (ثلاثة, خمسة)
        if c is not None:
            # a cardinal is an hour only with a part of the day after it (ثلاثة فجرا): after
            # an approximator alone it counts (بحدود ثمان), as the ordinal (الثامنة) would not
            return c[0], c[1], 0, False, False
        return None

    def _minutes(self, p: Partial, k: int) -> int:
        frac = find(self.t, k, "clock_fraction")
        if frac is not None:
            m = int(frac.entry.value)
            if m < 0:
                p.hour, p.minute = ((p.hour or 0) - 1) % 24 or 12, 60 + m
            else:
                p.minute = m
            p.minute_said = True
            p.add("fraction")
            return frac.end
        if key(self.t, k) == "الا":  # التاسعة إلا خمس دقائق, إلا 10 دقائق: minutes to the hour
            for stop in range(k + 2, min(k + 5, len(self.t)) + 1):
                unit = find(self.t, stop, "unit")
                if unit is not None and unit.entry.value == "minute":
                    v = self.num(k + 1, 1, 59) if stop == k + 2 else None
                    v = v if v is not None else self.cardinal(k + 1, stop)
                    if v is not None and 0 < v < 60:
                        p.hour, p.minute = ((p.hour or 0) - 1) % 24 or 12, 60 - v
                        p.minute_said = True
                        p.add("minutes_to")
                        return unit.end
                    break
            return k
        # و 18 دقيقة, وثلاث وعشرون دقيقة
        if not key(self.t, k).startswith("\u0648"):
            return k
        for stop in range(k + 1, min(k + 6, len(self.t)) + 1):
            unit = find(self.t, stop, "unit")
            if unit is not None and unit.entry.value == "minute":
                first = key(self.t, k)
                v = self.num(k + 1, 0, 59) if first == "\u0648" and stop == k + 2 else \
                    (int(first[1:]) if first[1:].isdigit() and stop == k + 1 else self.cardinal(k, stop))
                if v is not None and 0 <= v < 60:
                    p.minute, p.minute_said = v, True
                    p.add("minutes")
                    return unit.end
                break
        return k
