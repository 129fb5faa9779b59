"""Times of day: the part of the day (فجر، صباحًا، ليلة) and clock times (الساعة العاشرة
مساءً) said around a day, which widen a day mention and fill its ``time_of_day``.
"""

from __future__ import annotations

from dataclasses import replace

from ...text.numbers import read_ordinal
from ...text.tokens import Token
from .lexicon import key_at, word_at
from .resolve import Found

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


def with_time_of_day(text: str, toks: list[Token], f: Found, floor: int) -> Found:
    """``f`` (a day) widened over a part of the day or a clock time around it, which goes in
    ``time_of_day``: a part (dawn, morning, noon, afternoon, evening, night, midnight, eve)
    or a 24-hour ``HH:MM``, both readings ``HH:MM|HH:MM`` when nothing says which half.

    >>> from datetime import date
    >>> from workbench.find.times import time_rows
    >>> r = time_rows("قُتل جنديان فجر الأربعاء", reference=date(2020, 5, 14))[0]
    >>> r["text"], r["value"], r["time_of_day"]
    ('فجر الأربعاء', '2020-05-13', 'dawn')
    """
    i, j, pre = f.i, f.j, f.pre
    part = ""
    clock: tuple[int, int] | None = None
    # before the day: [الساعة العاشرة من] صباح | فجر | [منتصف] ليل | ليلة ...
    before = word_at(toks, i - 1, "daypart") if i > 0 else None
    if before and before[0] == i and before[1]["extra"] != "adverb" and toks[i - 1].start >= floor \
            and "\u0651" not in text[toks[i - 1].start:toks[i - 1].end]:  # فجّر: the verb
        part, i, pre = before[1]["value"], i - 1, before[2]
        if part == "eve" and f.flags and "relative" in f.flags and word_at(toks, f.i, "day_offset"):
            part = "night"  # ليلة أمس: last night, not the night before yesterday
        mid = word_at(toks, i - 1, "qualifier") if i > 0 and part in ("night", "eve") else None
        if mid and mid[0] == i and mid[1]["value"] == "mid" and toks[i - 1].start >= floor:
            part, i, pre = "midnight", i - 1, mid[2]
        # الساعة العاشرة من صباح الخميس, الساعة العاشرة مساء الخميس
        c = _clock_ending(toks, i - 1, floor) if key_at(toks, i - 1) == "من" else _clock_ending(
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
    after = word_at(toks, j, "daypart")
    if not part and after and after[1]["extra"] != "noun":
        part, j = after[1]["value"], after[0]
    if clock is None:
        k = j
        while k < j + _CLOCK_GAP and (cue := word_at(toks, k, "clock_cue")):
            k = cue[0]
        c = _clock_at(toks, k)
        if c:
            clock, j = (c[1], c[2]), c[0]
            tail = word_at(toks, j, "daypart")
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
    w = word_at(toks, s, "clock_word")
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
        word = word_at(toks, k, "clock_hour")
        o = read_ordinal(toks, k) if word is None else (word[0], int(word[1]["value"]))
        if o:
            k, hour = o[0], int(o[1])
    if not 0 <= hour <= 24 or minute >= 60:
        return None
    if minute < 0:
        minute = 0
        frac_word = word_at(toks, k, "clock_fraction")
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


