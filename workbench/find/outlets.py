"""Media outlets named in a text: the sources of a report, not places.

Many outlets are named after a place or a common word: قناة الميادين and the town of
al-Mayadin, وكالة الأناضول and Anatolia, روسيا اليوم and Russia, العربية and the Arabic
language. The outlet table (``data/find/outlets.csv``, 110 Arabic-language outlets,
agencies and monitors) is matched over the folded text; an alias the table marks as
ambiguous (``cue_aliases``: الميادين، الأناضول، العربية) names the outlet only after a
media cue of ``data/find/outlet_cues.csv`` — a head (قناة، وكالة، صحيفة), a reporting
verb (ذكرت، نقلت، أفادت), an attribution (بحسب، وفق), a reporter (مراسل) — or when
it is quoted (لـ«الميادين») or bracketed at the end of a dateline or paragraph
(أربيل (كوردستان 24)-). An outlet the table lacks is read from quotes after a media head
or a reporter (مراسل “حلب اليوم”، قناة «دمشق الآن»): the quoted words are its name.

Decision: an outlet is an ``actor`` row with ``actor_type`` ``Media``. It is the source of
a claim (ذكرت الميادين أن ...: the claims stage reads a reporting verb's subject from
the actor rows), it fills the actor columns (English and Arabic names, country of the
seat), and the type keeps it apart from the parties to an event: ACLED codes no media
actors, so ``Media`` has no ACLED inter code and the events stage must not take it as
a doer or target. Where an outlet and a place cover the same words, the outlet wins
(:func:`workbench.find.places.place_rows` drops the place).

>>> [(r["text"], r["value"]) for r in outlet_rows("وذكرت قناة الميادين أن القصف طال الميادين")]
[('قناة الميادين', 'Al Mayadeen')]
>>> [r["value"] for r in outlet_rows("نقلت الأناضول عن مصدر")]
['Anadolu Agency']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import read_rows
from ..text.arabic import match_key
from ..text.clitics import strip_proclitics
from ..text.lexmatch import FoldedText, Lexicon, LexMatch, word_before
from .gazetteer import gazetteer
from .rows import folded_text

MEDIA = "Media"
_OPEN = "\u00ab\"\u201c("  # « " “ (
_CLOSE = "\u00bb\"\u201d)"  # » " ” )
# After a bracketed name: a dash or colon (a dateline), or the end of the paragraph.
_AFTER_BRACKET = re.compile(r"\)[ \t\u00a0]*(?:[-\u2013\u2014\u0640:]|\n|$)")


@dataclass(frozen=True)
class _Outlets:
    table: list[dict]
    lexicon: Lexicon
    by_key: dict[str, int]
    cue_aliases: frozenset[str]
    cues: frozenset[str]
    namers: frozenset[str]  # cues after which a quoted name is an outlet's (قناة، مراسل)


# Roles of the media cues that name the outlet a quoted name after them is (قناة "الإخبارية"،
# مراسل "حلب اليوم"); a verb may quote speech instead (ذكرت "...").
_NAMING_ROLES = frozenset({"head", "person"})
# A quoted name: opening quote, up to a few words, closing quote.
_QUOTED = re.compile(r"[\u00ab\"\u201c]([^\u00bb\"\u201d\n]{2,40})[\u00bb\"\u201d]")
# How far before the quote a cue may end (a blank, لـ), and how long a cue is at most.
_QUOTE_GAP = 4
_CUE_CHARS = 12


@cache
def outlets() -> _Outlets:
    """The outlet table, its lexicon and the media cues, loaded once."""
    table = read_rows("find/outlets.csv").records()
    by_key: dict[str, int] = {}
    for i, row in enumerate(table):
        for key in filter(None, row["aliases"].split("|")):
            by_key.setdefault(key, i)
    # An alias that is also a place name (الشرق الأوسط: the Middle East, and the paper)
    # needs a cue too, whatever its length: the place is the common reading.
    places = gazetteer().by_key
    cue_aliases = frozenset(
        k for row in table for k in (*row["cue_aliases"].split("|"), *row["aliases"].split("|"))
        if k and (k in places or k in row["cue_aliases"].split("|"))
    )
    rows = read_rows("find/outlet_cues.csv").records()
    cues = frozenset(r["form"] for r in rows)
    namers = frozenset(r["form"] for r in rows if r["role"] in _NAMING_ROLES)
    return _Outlets(table, Lexicon(by_key), by_key, cue_aliases, cues, namers)


def _cued(o: _Outlets, folded: FoldedText, m: LexMatch) -> bool:
    """A media cue before the name, or the name quoted, or bracketed in a dateline."""
    prev = word_before(folded.key, m.key_start - len(m.proclitic))
    if not m.proclitic and (prev in o.cues or strip_proclitics(prev) in o.cues):
        return True
    text = folded.text
    before = text[max(0, m.start - 2):m.start].replace("\u0640", "").strip()
    if before[-1:] in _OPEN and text[m.end:m.end + 1] in _CLOSE:
        return before[-1:] != "(" or bool(_AFTER_BRACKET.match(text, m.end))
    return False


def outlet_rows(text: str, *, folded: FoldedText | None = None) -> list[dict]:
    """Outlet mentions as actor rows (``actor_type`` Media, ``actor_id`` outlet:<id>).

    Computed once per folded text (kept in its ``memo``): the actors take the outlets as
    actors and the places drop the places inside them, from the same rows, which are not
    to be changed.

    >>> [r["actor_type"] for r in outlet_rows("بحسب روسيا اليوم")]
    ['Media']
    """
    folded = folded_text(text, folded)
    if folded is None:
        return []
    return list(folded.remembered(_MEMO, lambda: _outlet_rows(text, folded)))


_MEMO = "outlet_rows"  # the key of a folded text's outlet rows in its memo


def _outlet_rows(text: str, folded: FoldedText) -> list[dict]:
    o = outlets()
    out = []
    for m in o.lexicon.matches(folded):
        if m.key in o.cue_aliases and not _cued(o, folded, m):
            continue
        row = o.table[o.by_key[m.key]]
        out.append({
            "start": m.start, "end": m.end, "text": text[m.start:m.end], "kind": "actor",
            "value": row["name_en"], "flags": "outlet", "canonical_ar": row["name_ar"],
            "actor_type": MEDIA, "country": row["country"], "actor_id": f"outlet:{row['id']}",
        })
    return out + _quoted_outlets(text, o, out)


def _quoted_outlets(text: str, o: _Outlets, known: list[dict]) -> list[dict]:
    """Outlets the table lacks, named in quotes after a media head or a reporter (مراسل
    “حلب اليوم”، مراسلة "القاهرة الإخبارية"، شبكة “فرات بوست”): the quoted words name
    the outlet, so a place inside them is none.

    >>> [r["text"] for r in outlet_rows('قال مراسل “حلب اليوم” إن عصابة خطفت مدنيين')]
    ['حلب اليوم']
    """
    out = []
    for q in _QUOTED.finditer(text):
        before = text[max(0, q.start() - _QUOTE_GAP - _CUE_CHARS):q.start()]
        words = before.replace("\u0640", " ").split()
        if not words:
            continue
        cue = match_key(words[-1])
        if cue == "ل" and len(words) > 1:  # مراسل لـ "..." (the tatweel made a blank above)
            cue = match_key(words[-2])
        if cue not in o.namers and strip_proclitics(cue) not in o.namers:
            continue
        s, e = q.start(1), q.end(1)
        if any(k["start"] < e and s < k["end"] for k in known):
            continue
        name = text[s:e]
        out.append({"start": s, "end": e, "text": name, "kind": "actor", "value": name,
                    "flags": "outlet", "canonical_ar": name, "actor_type": MEDIA, "country": "",
                    "actor_id": ""})
    return out
