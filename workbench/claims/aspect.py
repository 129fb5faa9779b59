"""Aspect and reference of an attack noun: one attack told, or a habit or a tally of many.

News Arabic tells one attack with a perfect verb or a singular noun (شن التنظيم هجوما).
A plural attack noun read as the object of an imperfect (present habitual: يشن التنظيم
هجمات، تشهد المنطقة هجمات), modified by a word of frequency (هجمات غالبا ما تنسبها،
هجمات متكررة) or headed by a noun of manner (أسلوب الهجمات), or a counted attack noun over
a span of a month or more (32 هجوما خلال العام، الكثير من الهجمات خلال العام الماضي)
generalises over attacks: it tells no one event, and the guideline codes none (totals over
a period are no event). So does any attack noun, singular too, that is the object of a verb
of waging or escalating (تخوض القوات قتالا ضد التنظيم، صعّدت القوات من قصفها لمناطق شمال
سوريا): a course of fighting, not one clash. A day named in the clause (اليوم، أمس،
الجمعة) makes it news again: تشن الطائرات اليوم غارات is an attack of today. The cues are
``claims/aspect_cues.csv``.

>>> from workbench.claims.clauses import TextUnits, trigger_lexicon
>>> def generic(text: str) -> bool:
...     doc = TextUnits(text, segment=False)
...     trig = [c for c in trigger_lexicon().find(doc.tokens, text=doc.text)
...             if c.role == "noun"][0]
...     return generalises(doc, trig, 0, len(doc.tokens))
>>> generic("يشن التنظيم هجمات على القرى"), generic("شن التنظيم هجمات على القرى")
(True, False)
>>> generic("نفذ الطيران 40 غارة خلال الشهر الماضي"), generic("نفذ الطيران غارتين خلال يومين")
(True, False)
>>> generic("تشن الطائرات اليوم غارات على البلدة")
False
>>> generic("تخوض القوات قتالا ضد التنظيم قرب الحدود"), generic("صعدت القوات من قصفها للمنطقة")
(True, True)
>>> generic("صعدت القوات من قصفها للمنطقة اليوم")
False
"""

from __future__ import annotations

from functools import cache

from ..find.times.lexicon import forms_of, unit_forms, weekday_values
from .clauses import ALEF, TEH, WAW, Cue, CueLexicon, TextUnits
from .roles import proclitic_keys

ASPECT_FILE = "claims/aspect_cues.csv"

# How many tokens may stand after the attack noun for a verb of its relative clause or a
# word of frequency (هجمات غالبا ما تنسبها). Before it, a verb of habit governs it from
# anywhere in its clause up to another event word (تشهد مناطق في محافظة شمال سيناء هجمات):
# a subject between verb and object is as long as it likes.
_AFTER = 4
# How many tokens a span's word may stand after the word that opens it (منذ بداية العام).
_SPAN_REACH = 3
# A sound feminine plural: هجمات، غارات، تفجيرات، اشتباكات.
_PLURAL_ENDING = ALEF + TEH


@cache
def aspect_lexicon() -> CueLexicon:
    """The aspect cue lexicon (``workbench/data/claims/aspect_cues.csv``), compiled once;
    its imperfect verbs are read in every person (يشهد → تشهد، يشهدون)."""
    return CueLexicon.from_table(ASPECT_FILE, inflect_value="verb")


@cache
def _long_span_words() -> frozenset[str]:
    """Words that name a span of a month or more (العام، الأشهر، السنوات، فترة)."""
    return unit_forms("month", "year", "decade") | forms_of("year_word") \
        | forms_of("month_word") | forms_of("period_word")


@cache
def _day_words() -> frozenset[str]:
    """One-word names of a day or the moment of writing (اليوم، أمس، الجمعة، الآن)."""
    return frozenset(f for f in forms_of("relative_day") | forms_of("now")
                     | frozenset(weekday_values()) if " " not in f)


def _plural(doc: TextUnits, trig: Cue) -> bool:
    """The trigger's first word is a sound feminine plural (غارات، والاغتيالات)."""
    return doc.tokens[trig.i].key.endswith(_PLURAL_ENDING)


def _counted(doc: TextUnits, trig: Cue, cues: list[Cue]) -> bool:
    """A figure or a vague many right before the noun (32 هجوما، الكثير من الهجمات)."""
    if trig.i > 0 and doc.tokens[trig.i - 1].key.isdigit():
        return True
    return any(c.role == "quantifier" and c.j == trig.i for c in cues)


def _long_span(doc: TextUnits, cues: list[Cue]) -> bool:
    """A span of a month or more is opened in the clause (خلال العام 2022، منذ بداية العام)."""
    long = _long_span_words()
    for c in cues:
        if c.role != "period":
            continue
        for t in doc.tokens[c.j:c.j + _SPAN_REACH]:
            if proclitic_keys(t.key) & long or (len(t.key) == 4 and t.key.isdigit()):
                return True
    return False


def _names_a_day(doc: TextUnits, i: int, j: int) -> bool:
    days = _day_words()
    return any(proclitic_keys(t.key) & days for t in doc.tokens[i:j])


def generalises(doc: TextUnits, trig: Cue, i: int, j: int) -> bool:
    """Whether the attack noun ``trig`` of the clause ``tokens[i:j]`` tells a habit or a
    tally of attacks rather than one (يشن التنظيم هجمات في محافظات متفرقة).

    The object of a verb of waging or escalating before it (تخوض قتالا، صعّدت من قصفها), in
    any number; plural and the object or subject of a verb of habit near it, or with a word
    of frequency near it, or after a noun of manner; or counted over a span of a month or
    more — and no day named in the clause.
    """
    if trig.role != "noun":
        return False
    cues = aspect_lexicon().find(doc.tokens, text=doc.text, lo=i, hi=j)
    if not cues or _names_a_day(doc, i, j):
        return False
    if _counted(doc, trig, cues) and _long_span(doc, cues):
        return True  # 32 هجوما خلال العام: a period's total
    events = [c for c in doc.triggers_in(i, trig.i) if c.role in ("noun", "verb")]
    lo = events[-1].j if events else i
    if any(c.role == "course_verb" and lo <= c.i < trig.i for c in cues):
        return True  # تخوض القوات قتالا، صعّدت القوات من قصفها: a course of fighting, any number
    if not _plural(doc, trig):
        return False
    if events and events[-1].j == trig.i and doc.tokens[trig.i].key.startswith(WAW) \
            and generalises(doc, events[-1], i, j):
        return True  # هجمات وتفجيرات: a noun joined by و to a habit shares its reading
    near = [c for c in cues if lo <= c.i < trig.i or trig.j <= c.i < trig.j + _AFTER]
    if any(c.role in ("habitual_verb", "frequency") for c in near):
        return True
    return any(c.role == "manner" and c.j == trig.i for c in cues)
