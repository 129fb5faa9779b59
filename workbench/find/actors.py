"""Actor mentions: armed groups, militias, state forces and bodies, organisations, communities.

Three sources, matched in one pass over the folded text (:mod:`workbench.text.lexmatch`):

* ``data/actors.csv`` — named actors with aliases (داعش، الحشد الشعبي، كتائب حزب الله،
  التحالف الدولي، فيلق القدس ...), each with a canonical English and Arabic name, an
  ACLED-style actor type and a country;
* ``data/actor_heads.csv`` — head nouns of state actors (القوات، الجيش، الحكومة، وزارة
  الدفاع ...) which, followed by a country's relational adjective (nisba) or name, make
  that country's actor: القوات العراقية → Military Forces of Iraq, حكومة العراق →
  Government of Iraq. A coordinated head takes the adjective of its partner (القوات
  والمصالح العراقية). Some heads alone (الحكومة، الجيش، البرلمان) name the state of the
  country the text is about and are flagged ``country_inferred``;
* the plural nisba of a country's people (العراقيين، الأمريكيون، الأكراد-style broken
  plurals from the gazetteer) — a community, type ``Identity group``; after a definite
  plural noun (الجنود الإسرائيليين، الضحايا العراقيين) it still names who the people are
  and is kept, flagged ``attributive``.

Nisba rule: a nisba modifying an actor head is part of the actor (القوات الأمريكية is
US forces, not a mention of the USA as a place); the place finder never reports a nisba.

State forces of a country other than the one the text is about are typed
``External/Other forces`` (as ACLED codes foreign forces), e.g. US forces or Iran's
Quds Force in an article about Iraq.

Anaphora: a bare ``التنظيم`` ("the organisation") is ISIS when ISIS has been named
earlier in the text and no other actor that is also called "the organisation"
(al-Qaeda, Hurras al-Din) is named in it; likewise ``التحالف`` for a coalition. The
``anaphor`` column of ``actors.csv`` holds these words; the rows are flagged ``anaphor``.

Media outlets (قناة الميادين، وكالة الأناضول، روسيا اليوم) are actor rows of type ``Media``
flagged ``outlet`` (:mod:`workbench.find.outlets`): the source of a report, never a party
to an event.

Aliases that are also ordinary words (القاعدة "the base", الحشد "the build-up") are not
taken when a definite adjective follows (القاعدة الجوية، الحشد العسكري).

>>> df = find_actors("هاجم داعش القوات العراقية، وقال التنظيم إنه سيواصل.")
>>> for row in df[["text", "value", "actor_type"]].values.tolist():
...     print(row)
['داعش', 'Islamic State (ISIS)', 'Rebel group']
['القوات العراقية', 'Military Forces of Iraq', 'State forces']
['التنظيم', 'Islamic State (ISIS)', 'Rebel group']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..resources import read_rows
from ..text.clitics import ARTICLE, WAW, strip_proclitics
from ..text.lexmatch import (
    FoldedText,
    Lexicon,
    LexMatch,
    word_after,
    word_before,
)
from .outlets import outlet_rows
from .places import gazetteer
from .rows import folded_text, mention_frame, mention_records

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

ACTOR_COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "canonical_ar", "actor_type",
    "country", "actor_id",
]

_WORD = re.compile(r"\w+")
_STATE_FORCES = "State forces"
_EXTERNAL = "External/Other forces"


@cache
def _cues(role: str) -> frozenset[str]:
    """Words of one role in ``actor_cues.csv``."""
    return frozenset(row.form for row in read_rows("find/actor_cues.csv") if row.role == role)


@dataclass(frozen=True)
class _Lexicons:
    lexicon: Lexicon
    actors: list[dict]
    heads: list[dict]
    by_key: dict[str, list[tuple[str, int | str]]]
    nisba: dict[str, str]
    country_keys: dict[str, str]
    country_names: dict[str, str]
    demonyms: dict[str, str]
    homographs: frozenset[str]
    anaphors: dict[str, list[int]]
    nisba_lexicon: Lexicon


@cache
def lexicons() -> _Lexicons:
    """Actor names, state heads and nisba tables, compiled once."""
    actors = read_rows("find/actors.csv").records()
    heads = read_rows("find/actor_heads.csv").records()
    g = gazetteer()
    by_key: dict[str, list[tuple[str, int | str]]] = {}
    for i, a in enumerate(actors):
        for k in filter(None, a["aliases"].split("|")):
            by_key.setdefault(k, []).append(("actor", i))
    for i, h in enumerate(heads):
        for k in filter(None, h["head"].split("|")):
            by_key.setdefault(k, []).append(("head", i))
    nisba: dict[str, str] = {}
    country_keys: dict[str, str] = {}
    country_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for i, kind in enumerate(g.table.column("place_type")):
        if kind != "country":
            continue
        row = g.table[i]
        iso = row["iso"]
        country_names[iso] = row["name_en"]
        demonyms[iso] = row["demonym"] or row["name_en"]
        for k in filter(None, row["keys"].split("|")):
            country_keys.setdefault(k, iso)
        for n in filter(None, row["nisba"].split("|")):
            for form in (n, n + "ه", n + "ين", n + "ون"):
                nisba.setdefault(form, iso)
                nisba.setdefault(ARTICLE + form, iso)
            for form in (ARTICLE + n + "ين", ARTICLE + n + "ون", n + "ين", n + "ون"):
                by_key.setdefault(form, []).append(("people", iso))
        for k in filter(None, row["people"].split("|")):
            by_key.setdefault(k, []).append(("people", iso))
    anaphors: dict[str, list[int]] = {}
    for i, a in enumerate(actors):
        if a["anaphor"]:
            anaphors.setdefault(a["anaphor"], []).append(i)
            by_key.setdefault(a["anaphor"], []).append(("anaphor", a["anaphor"]))
    homographs = frozenset(
        part.split(":", 1)[0] for a in actors for part in a["homograph"].split(";") if part
    )
    return _Lexicons(
        Lexicon(by_key), actors, heads, by_key, nisba, country_keys, country_names,
        demonyms, homographs, anaphors, Lexicon(nisba, proclitics=False),
    )


def _country_after(lex: _Lexicons, key: str, pos: int) -> tuple[str, int] | None:
    """(ISO, key end) of a nisba or country name right after ``pos`` (القوات العراقية)."""
    word, _, we = word_after(key, pos)
    if not word:
        return None
    if word in lex.nisba:
        return lex.nisba[word], we
    for n in (4, 3, 2, 1):  # longest country name first (الولايات المتحدة الأمريكية)
        words = [word]
        end = we
        for _ in range(n - 1):
            w, _, e = word_after(key, end)
            if not w:
                break
            words.append(w)
            end = e
        if len(words) == n and " ".join(words) in lex.country_keys:
            return lex.country_keys[" ".join(words)], end
    return None


def _coordinated_country(lex: _Lexicons, key: str, pos: int) -> str | None:
    """The nisba two words on in a coordination: القوات والمصالح العراقية → IQ."""
    word, _, we = word_after(key, pos)
    if not word.startswith(WAW) or len(word) < 4:
        return None
    nxt, _, _ = word_after(key, we)
    return lex.nisba.get(nxt) if nxt.startswith(ARTICLE) else None


def _is_definite_adjective(word: str) -> bool:
    return word.startswith(ARTICLE) and word.endswith(("\u064a", "\u064a\u0647", "\u064a\u064a\u0646"))


def _home_country(lex: _Lexicons, folded: FoldedText) -> str:
    """The country the text is mostly about: most country names and adjectives."""
    counts: Counter = Counter()
    g = gazetteer()
    for m in g.lexicon.matches(folded):
        if m.key in lex.country_keys:
            counts[lex.country_keys[m.key]] += 1
    for m in lex.nisba_lexicon.finditer_folded(folded):
        counts[lex.nisba[m.key]] += 1
    return counts.most_common(1)[0][0] if counts else ""


def find_actors(
    text: str, *, home_country: str | None = None, folded: FoldedText | None = None
) -> pd.DataFrame:
    """Actor mentions in ``text``: offsets, canonical names, ACLED-style types, country.

    ``home_country`` (ISO alpha-2) is the country the text is about; by default the one
    it names most (country names and adjectives counted). ``folded`` is
    ``workbench.text.lexmatch.fold(text)`` when the caller already has it.

    >>> df = find_actors("انسحبت قوات التحالف الدولي وفيلق القدس الإيراني")
    >>> df[["text", "value"]].values.tolist()[1]
    ['فيلق القدس الإيراني', 'Quds Force (IRGC)']
    """
    return mention_frame(actor_rows(text, home_country=home_country, folded=folded), ACTOR_COLUMNS)


def actor_rows(
    text: str, *, home_country: str | None = None, folded: FoldedText | None = None
) -> list[dict]:
    """The rows of :func:`find_actors` as dicts keyed by ``ACTOR_COLUMNS``, in text order.

    >>> [r["value"] for r in actor_rows("هاجم داعش")]
    ['Islamic State (ISIS)']
    """
    folded = folded_text(text, folded)
    if folded is None:
        return []
    lex = lexicons()
    key = folded.key
    home = home_country if home_country is not None else _home_country(lex, folded)
    rows: list[dict] = []
    pending: list[tuple[LexMatch, str]] = []
    seen: dict[int, int] = {}  # actor index → first start
    for m in lex.lexicon.matches(folded):
        kinds = lex.by_key[m.key]
        kind, ref = kinds[0]
        if kind == "actor":
            if lex.actors[int(ref)]["actor_type"] in ("Civilians", "Identity group") and (
                _qualifies_noun(key, m)
            ):
                continue
            row = _named(lex, folded, m, int(ref), home)
            if row is not None:
                rows.append(row)
                seen.setdefault(int(ref), m.start)
        elif kind == "head":
            prev = word_before(key, m.key_start - len(m.proclitic))
            if prev in _cues("person_title") or strip_proclitics(prev) in _cues("person_title"):
                continue
            row = _state(lex, folded, m, [int(r) for k, r in kinds if k == "head"], home)
            if row is not None:
                rows.append(row)
        elif kind == "people":
            # الجنود الإسرائيليين: the plural adjective still says who the people are.
            flags = "attributive" if _qualifies_noun(key, m) else ""
            iso = str(ref)
            rows.append(_row(m.start, m.end, f"{lex.demonyms[iso]}s", "Identity group", iso,
                             f"people:{iso}", "", flags))
        else:
            pending.append((m, str(ref)))
    for m, word in pending:
        named = {i for i in seen if i in lex.anaphors.get(word, [])}
        if len(named) == 1:
            i = named.pop()
            if seen[i] < m.start:
                a = lex.actors[i]
                rows.append(_row(m.start, m.end, a["name_en"], _typed(a, home), a["country"],
                                 a["id"], a["name_ar"], "anaphor"))
    # Outlets (actor_type Media) where no other actor covers the words: الدفاع المدني is
    # the civil defence of the text's country before it is an outlet of that name.
    rows += [o for o in outlet_rows(text, folded=folded)
             if not any(r["start"] < o["end"] and o["start"] < r["end"] for r in rows)]
    return mention_records(text, rows, ACTOR_COLUMNS, "actor", unique_by=("start",))


def _qualifies_noun(key: str, m: LexMatch) -> bool:
    """A plural like المدنيين or العراقيين used as the adjective of the noun before it
    (القادة المدنيين، المسؤولين العراقيين), not as a noun of its own."""
    if m.proclitic:
        return False
    prev = word_before(key, m.key_start)
    return (
        m.key.startswith(ARTICLE) and prev.startswith(ARTICLE) and prev not in _cues("relative_pronoun")
    )


def _typed(actor: dict, home: str) -> str:
    if actor["actor_type"] == _STATE_FORCES and home and actor["country"] not in ("", home):
        return _EXTERNAL
    return actor["actor_type"]


def _named(lex: _Lexicons, folded: FoldedText, m: LexMatch, i: int, home: str) -> dict | None:
    key = folded.key
    a = lex.actors[i]
    nxt, _, ne = word_after(key, m.key_end)
    if m.key in lex.homographs and (_is_definite_adjective(nxt) or nxt in ("التي", "الذي")):
        return None
    end = m.end
    if nxt and a["country"] and lex.nisba.get(nxt) == a["country"]:
        end = folded.span(ne - 1, ne)[1]  # حزب الله اللبناني: the adjective belongs to it
    return _row(m.start, end, a["name_en"], _typed(a, home), a["country"], a["id"],
                a["name_ar"], "")


def _state(
    lex: _Lexicons, folded: FoldedText, m: LexMatch, heads: list[int], home: str
) -> dict | None:
    key = folded.key
    head = lex.heads[heads[0]]
    found = _country_after(lex, key, m.key_end)
    flags = ""
    end = m.end
    if found is not None:
        iso, kend = found
        end = folded.span(kend - 1, kend)[1]
    else:
        iso = _coordinated_country(lex, key, m.key_end) or ""
        flags = "coordinated" if iso else ""
        if not iso:
            bare = [lex.heads[h] for h in heads if lex.heads[h]["bare"] == "yes"]
            if not bare or not home:
                return None
            head, iso, flags = bare[0], home, "country_inferred"
    country = lex.country_names.get(iso, iso)
    actor_type = head["actor_type"]
    if actor_type == _STATE_FORCES and home and iso != home:
        actor_type = _EXTERNAL
    return _row(m.start, end, f"{head['role']} of {country}", actor_type, iso,
                f"state:{iso}:{head['role']}", "", flags)


def _row(start: int, end: int, value: str, actor_type: str, country: str, actor_id: str,
         canonical_ar: str, flags: str) -> dict:
    return {"start": start, "end": end, "value": value, "actor_type": actor_type,
            "country": country, "actor_id": actor_id, "canonical_ar": canonical_ar,
            "flags": flags}


@cache
def actor_names() -> tuple[dict[str, str], dict[str, str]]:
    """Actor names for display: English canonical → Arabic, and matching key of an Arabic
    name or alias → English canonical, from ``actors.csv``.

    >>> to_ar, to_en = actor_names(); to_en["داعش"]
    'Islamic State (ISIS)'
    """
    from ..text.arabic import match_key

    to_ar: dict[str, str] = {}
    to_en: dict[str, str] = {}
    for row in lexicons().actors:
        to_ar.setdefault(row["name_en"], row["name_ar"])
        for key in [match_key(row["name_ar"]), *str(row["aliases"]).split("|")]:
            if key:
                to_en.setdefault(key, row["name_en"])
    return to_ar, to_en
