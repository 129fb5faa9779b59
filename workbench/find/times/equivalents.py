"""A Hijri day and the Gregorian day its text gives as its equivalent, read as one day.

A writer who gives both (a date line, a bracket, a word of correspondence) tells the day the
source's calendar means: a month begun by sighting often stands a day after Umm al-Qura, so
the Hijri day takes the Gregorian one (``29 ذي الحجة {18 تموز}`` → 18 July).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import Any

from ...text.arabic import SENTENCE_END
from .lexicon import Token, find

# what may stand between two dates written side by side: spaces, punctuation, any bracket
# (( ) [ ] { } « » " '), no word and no sentence end
_BESIDE = re.compile(r"[^\w" + re.escape(SENTENCE_END) + r"]{0,8}")
_LINK_REACH = 5  # tokens between two dates a word of correspondence may join (الموافق لـ, {السبت} يوافق)
_SIGHTING_GAP = timedelta(days=2)  # how far a sighted month's day stands from Umm al-Qura's
_HIJRI_YEAR = timedelta(days=354)  # the same Hijri day a year on (354 or 355 days: within the gap)


def pair_equivalents(text: str, toks: list[Token], rows: list[dict[str, Any]]) -> None:
    """Give each Hijri day the Gregorian day its text pairs with it, in place.

    Paired: the two written side by side (``16-جمادى الثانية-1447`` beside ``08 ديسمبر 2025``,
    ``(30 ذي الحجة)``), or a word of correspondence (``equivalence`` in ``time_words.csv``:
    الموافق، يوافق، يصادف) between them within a few words of one sentence, either first; and
    their days within two days of each other once a year neither says is chosen to agree
    (``29 ذي الحجة {18 تموز}``). The Hijri row takes the Gregorian day (rule
    ``+hijri=gregorian_beside`` or ``+hijri=gregorian_said``, flag ``hijri_equivalent``); a
    Gregorian day whose year only the pairing settles takes it (flag ``year_from_equivalent``).
    """
    for n, h in enumerate(rows):
        if h["calendar"] != "hijri" or not _one_day(h):
            continue
        for g in _neighbours(rows, n):
            link = _link(text, toks, *sorted((h, g), key=lambda r: r["start"]))
            if link and _settle(h, g, link):
                break


def _neighbours(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The Gregorian days around row ``n``, nearest first (a weekday may stand between a day
    and its equivalent: ``29 من تموز {السبت} يوافق``; the pairing's reach keeps them near)."""
    out = [r for m, r in enumerate(rows) if m != n and r["calendar"] != "hijri" and _one_day(r)]
    h = rows[n]
    return sorted(out, key=lambda r: max(r["start"] - h["end"], h["start"] - r["end"]))


def _link(text: str, toks: list[Token], a: dict[str, Any], b: dict[str, Any]) -> str:
    """How the text joins two dates: ``beside``, ``said`` (a word of correspondence), or ``""``."""
    gap = text[a["end"]:b["start"]]
    if _BESIDE.fullmatch(gap):
        return "beside"
    if any(c in SENTENCE_END for c in gap):
        return ""
    k = bisect_left(toks, a["end"], key=lambda t: t.start)
    between = []
    while k < len(toks) and toks[k].end <= b["start"] and len(between) <= _LINK_REACH:
        between.append(k)
        k += 1
    if 0 < len(between) <= _LINK_REACH and any(find(toks, k, "equivalence") is not None for k in between):
        return "said"
    return ""


def _settle(h: dict[str, Any], g: dict[str, Any], link: str) -> bool:
    """Give ``h`` the day of ``g`` when the two agree within the sighting gap; a year the
    text does not say (flag ``year_inferred``) may move by one to make them agree."""
    hd, gd = date.fromisoformat(h["start_date"]), date.fromisoformat(g["start_date"])
    hs = [hd, hd - _HIJRI_YEAR, hd + _HIJRI_YEAR] if _inferred(h) else [hd]
    gs = [gd] + ([_year_on(gd, -1), _year_on(gd, 1)] if _inferred(g) else [])
    pairs = [(abs((y - gd).days), abs((x - hd).days), x, y) for x in hs for y in gs
             if y is not None and abs(x - y) <= _SIGHTING_GAP]
    if not pairs:
        return False
    _, _, _, day = min(pairs)
    if day != gd:
        _set_day(g, day, "year_from_equivalent")
    if day != hd:
        _set_day(h, day, "hijri_equivalent", rule=f"+hijri=gregorian_{link}")
    return True


def _set_day(r: dict[str, Any], day: date, flag: str, rule: str = "") -> None:
    iso = day.isoformat()
    drop = "year_inferred" if flag == "year_from_equivalent" else ""
    flags = [f for f in r["flags"].split(";") if f and f != drop]
    r.update(value=iso + r["value"][10:], start_date=iso, end_date=iso,  # a clock it carries stays
             flags=";".join([*flags, flag]), rule=r["rule"] + rule)


def _year_on(d: date, n: int) -> date | None:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return None


def _inferred(r: dict[str, Any]) -> bool:
    return "year_inferred" in r["flags"].split(";")


def _one_day(r: dict[str, Any]) -> bool:
    return bool(r["start_date"]) and r["start_date"] == r["end_date"] and "/" not in r["value"]
