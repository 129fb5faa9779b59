"""Place mentions: countries, capitals, cities, Iraqi governorates, regions and borders.

The gazetteer (``data/places.csv``, built by ``scripts/build_places.py`` from CLDR,
iso-codes, GeoNames and curated Iraqi names) is matched over the folded text in one pass
(:mod:`workbench.text.lexmatch`), with the proclitics و ف ب ل ك and the article handled
(بالأنبار، للموصل، والرمادي). On top of the plain names the finder recognises:

* directions: شمال العراق، جنوب غربي بغداد، and coordinated شمال ووسط وغرب العراق (one
  row per direction), جنوب البلاد (the country the text is mostly about, flagged
  ``inferred``), and في الجنوب after a preposition, unless من follows it (إلى الشمال من
  بغداد: a side of the place after it, which stays its own mention); a direction whose
  words name no place (جنوب البلاد، في الجنوب، شمال in شمال ووسط العراق) is of kind
  ``direction``, not ``place`` (:func:`names_no_place`);
* borders: الحدود السعودية، الحدود مع سوريا، حدود العراق، الحدود العراقية السورية;
* facilities named after a place (مطار بغداد، ميناء حيفا، سجن أبو غريب): the place is
  reported, flagged ``facility`` — it locates the event, but the phrase names a building;
* sports teams are not places: a country or city name followed by a masculine
  relational adjective (ميلان الإيطالي) or standing bare in a sentence of sports
  reporting (فازت نيجيريا على النيجر) is dropped, unless a locative preposition governs
  it (في أثينا);
* the districts, towns, villages, neighbourhoods, bases, prisons, camps and crossings of
  Iraq and Syria (``local_places.csv``, merged by :mod:`workbench.find.gazetteer`), with
  ``admin1``/``admin2`` and coordinates;
* datelines (``الموصل (وكالة ...) —``): the row is flagged ``dateline``, and a place in
  the source part is dropped (:mod:`workbench.find.datelines`); a place inside a media
  outlet's name (قناة الميادين، روسيا اليوم) is dropped (:mod:`workbench.find.outlets`);
* names the gazetteer lacks after a head noun (حي الشعلة، ساحة الطيران، قرية تل العيد,
  :mod:`workbench.find.local_names`): flagged ``unknown_place``, the value is the name as
  written, admin1 that of the next place in the sentence;
* a town the gazetteer knows only in another country, after a head and placed by the
  phrase in a known place (حي الجديدة في الموصل، قرية X بريف حلب، التابعة لمحافظة Y):
  the local place, flagged ``unknown_place`` with the locator's country and admin1
  (:func:`workbench.find.local_names.abroad_rows`);
* bare names no gazetteer holds right after a locative preposition (في الساليني، قرب
  كيسانغو): a word wordfreq has never seen (:mod:`workbench.find.bare_names`), flagged
  ``unknown_place`` the same way.

Nisba rule: a relational adjective (العراقية، الأمريكي، السورية) is not a place. It is
never a gazetteer key, so القوات العراقية or المدن العراقية yields no place row; the
actor finder reads القوات العراقية as an actor. Country names that are also the
feminine adjective (السعودية، سورية) are dropped when they follow a definite noun they
can qualify (الشركات السعودية), and kept after a preposition (في السعودية).

Names that are also common words (بلد "country", الدور "the role", مالي "financial")
are reported only after a place cue (في مدينة، قضاء، ناحية ...) or inside a list of
places (الرمادي والدور وتكريت). When a name fits several places (عمان: Oman or
Amman), the one in a country the text mentions wins, else the higher-ranked kind
(country, capital, governorate, region, Iraqi town, other city by population).

>>> df = find_places("هاجم التنظيم بلدة في شمال العراق وعلى الحدود السعودية.")
>>> df[["text", "value", "place_type", "iso"]].values.tolist()
[['شمال العراق', 'northern Iraq', 'region', 'IQ'], ['الحدود السعودية', 'Saudi Arabia border', 'border', 'SA']]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from ..resources import read_rows
from ..text.clitics import ARTICLE, strip_proclitics
from ..text.lexmatch import (
    FoldedText,
    Lexicon,
    LexMatch,
    word_after,
    word_before,
)
from ..text.spans import span_cover
from .bare_names import bare_name_rows
from .datelines import mark_datelines
from .gazetteer import (
    FACILITY_TYPES,
    gazetteer,
    governorate_names,
    nisba_countries,
    place_names,
)
from .gazetteer import Gazetteer as _Gazetteer
from .geo import km
from .local_names import SENTENCE_END as _SENTENCE_END
from .local_names import abroad_rows, local_name_rows, place_heads
from .local_names import word_zipf as _zipf
from .outlets import outlet_rows
from .rows import folded_text, mention_frame, mention_records
from .written_hamza import ruled_out_by_hamza

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

__all__ = [
    "DIRECTION_KIND", "PLACE_COLUMNS", "find_places", "gazetteer", "governorate_names",
    "names_no_place", "nisba_countries",
    "place_names", "place_rows",
]

PLACE_COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "canonical_ar", "place_type",
    "iso", "country", "admin1", "admin2", "lat", "lon", "place_id",
]


# Directions (matching keys, with or without the article / the nisba ending).
_DIRECTION_WORDS = {
    "شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west", "وسط": "centre",
}
_DIR = "(?:ال)?(?:شمال|جنوب|شرق|غرب|وسط)(?:ي)?"
_ADJ = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
        "centre": "central"}
# "جنوب البلاد" — the country the text is about.
_THE_COUNTRY = re.compile(rf"(?<!\w)[وف]?[بلك]?(?P<d1>{_DIR})(?:\s+(?P<d2>{_DIR}))?\s+البلاد(?!\w)")
# "في الجنوب": a bare direction after a preposition.
_BARE_DIRECTION = re.compile(
    r"(?<!\w)(?:(?:في|من|الي|نحو)\s+|[وف]?ب)(?P<d1>ال(?:شمال|جنوب|وسط))(?!\w)"
)
# The preposition that tells what a bare direction is said from (إلى الشمال من بغداد).
_FROM = "\u0645\u0646"
# Borders: the head word, then a nisba, مع/بين + a place, or a place in construct.
_BORDER = re.compile(
    r"(?<!\w)[وف]?[بلك]?(?P<head>الحدود|حدود|الشريط الحدودي|المناطق الحدوديه|المنطقه الحدوديه)"
    r"(?=\s)"
)
_WORD = re.compile(r"\w+")
_WORD_OR_COMMA = re.compile(r"\w+|[,\u060c]")
@cache
def _cues() -> dict[str, dict[str, str]]:
    """``place_cues.csv`` by role: {role: {form: extra}}."""
    out: dict[str, dict[str, str]] = {}
    for form, role, extra in read_rows("find/place_cues.csv"):
        out.setdefault(role, {})[form] = extra
    return out


def _is_settlement(word: str) -> bool:
    base = strip_proclitics(word)
    return any(w in _cues()[r] for w in (word, base) for r in ("settlement", "vague_settlement"))


def _is_cue(word: str) -> bool:
    base = strip_proclitics(word)
    return _is_settlement(word) or word in _cues()["preposition"] or base in _cues()["preposition"]


def _row_dict(g: _Gazetteer, i: int) -> dict:
    r = g.table[i]
    return {
        "value": r["name_en"], "canonical_ar": r["name_ar"], "place_type": r["place_type"],
        "iso": r["iso"], "country": r["country"], "admin1": r["admin1"], "admin2": r["admin2"],
        "lat": float(r["lat"]) if r["lat"] else math.nan,
        "lon": float(r["lon"]) if r["lon"] else math.nan, "place_id": r["id"],
    }


def gazetteer_row(i: int) -> dict:
    """Row ``i`` of the gazetteer as place-row fields (value, canonical_ar, iso, admin1 …)."""
    return _row_dict(gazetteer(), i)


def _choose(g: _Gazetteer, rows: tuple[int, ...], countries: Counter) -> int:
    if len(rows) == 1:
        return rows[0]
    mentioned = [i for i in rows if countries.get(g.table[i]["country"], 0)]
    if mentioned:
        return max(mentioned, key=lambda i: countries[g.table[i]["country"]])
    return rows[0]


def _home_country(counts: Counter) -> str:
    return counts.most_common(1)[0][0] if counts else ""


def _direction_name(d1: str, d2: str | None) -> str:
    parts = [_DIRECTION_WORDS[_strip_dir(d1)]]
    if d2:
        parts.append(_DIRECTION_WORDS[_strip_dir(d2)])
    return "-".join(parts)


def _strip_dir(d: str) -> str:
    d = d[2:] if d.startswith(ARTICLE) else d
    return d[:-1] if d.endswith("ي") and d[:-1] in _DIRECTION_WORDS else d


def _region_value(direction: str, base: dict) -> str:
    if base["place_type"] in {"country", "governorate", "province", "region", "continent"}:
        adj = "-".join(_ADJ.get(p, p) for p in direction.split("-"))
        if "-" in direction:
            adj = direction.replace("-", "") + "ern"
        return f"{adj} {base['value']}"
    return f"{direction.replace('-', '')} of {base['value']}"


def find_places(
    text: str, *, home_country: str | None = None, folded: FoldedText | None = None
) -> pd.DataFrame:
    """Place mentions in ``text`` with offsets, canonical names, ISO codes, coordinates.

    ``home_country`` (ISO alpha-2) is the country "البلاد" and a bare "الجنوب" refer to;
    by default the country the text mentions most. ``folded`` is
    ``workbench.text.lexmatch.fold(text)`` when the caller already has it.

    >>> find_places("انفجار في الموصل وبالأنبار")[["text", "value", "admin1"]].values.tolist()
    [['الموصل', 'Mosul', 'IQ-NI'], ['الأنبار', 'Anbar', 'IQ-AN']]
    """
    return mention_frame(place_rows(text, home_country=home_country, folded=folded), PLACE_COLUMNS)


def place_rows(
    text: str, *, home_country: str | None = None, folded: FoldedText | None = None
) -> list[dict]:
    """The rows of :func:`find_places` as dicts keyed by ``PLACE_COLUMNS``, in text order.

    >>> [r["value"] for r in place_rows("في الموصل")]
    ['Mosul']
    """
    folded = folded_text(text, folded)
    if folded is None:
        return []
    g = gazetteer()
    matches = g.lexicon.matches(folded)
    # Countries mentioned without ambiguity, for choosing between homonymous places.
    counts: Counter = Counter()
    for m in matches:
        rows = g.by_key[m.key]
        if len({g.table[i]["country"] for i in rows}) == 1:
            counts[g.table[rows[0]]["country"]] += 1
    accepted = _accept(g, folded, matches)
    home = home_country or _home_country(counts)
    out: list[dict] = []
    facility = _cues()["facility"]
    for m in accepted:
        i = _choose(g, g.by_key[m.key], counts)
        prev = "" if m.proclitic else strip_proclitics(word_before(folded.key, m.key_start))
        facility_row = g.table[i]["place_type"] in FACILITY_TYPES
        flags = "facility" if prev in facility or facility_row else ""
        rec = {"start": m.start, "end": m.end, "flags": flags, **_row_dict(g, i)}
        out.extend(_with_direction(folded, m, rec))
    out = _borders(g, folded, out, counts)
    out += _country_regions(g, folded, home, out)
    out = abroad_rows(folded, local_name_rows(folded, out))
    out = bare_name_rows(folded, out)
    out = _named_again(text, out)
    out = _quarters_of_other_towns(text, out)
    out = mark_datelines(text, _without_outlets(text, folded, out))
    rows = mention_records(text, out, PLACE_COLUMNS, "place", unique_by=("start", "end"))
    for r in rows:
        if names_no_place(r["flags"]):
            r["kind"] = DIRECTION_KIND
    return rows


# The kind of a direction that names no place of its own: the country the text is about
# (غرب البلاد، في الجنوب) or a side told before another's name (شمال ووسط العراق: شمال).
DIRECTION_KIND = "direction"


def names_no_place(flags: str) -> bool:
    """Whether a place row with these ``flags`` is a direction whose words name no place:
    «غرب البلاد», «في الجنوب» (``inferred``: the country is the text's, not written) and the
    first sides of «شمال ووسط العراق» (``elliptic``). The guideline lists place names, so
    they are no place mentions; the events stage still locates at their country.

    >>> names_no_place("direction;inferred"), names_no_place("direction")
    (True, False)
    """
    parts = flags.split(";")
    return "direction" in parts and ("inferred" in parts or "elliptic" in parts)


def _named_again(text: str, rows: list[dict]) -> list[dict]:
    """A local name of two words or more that a head announced (في منطقة معارض الحبيبية)
    names the same place where the text repeats it after, without the head (انفجرت في معارض
    الحبيبية شرقي بغداد): the text has made it a place name."""
    local = [r for r in rows if r["flags"] == "unknown_place"]
    taken = [(r["start"], r["end"]) for r in rows]
    added: list[dict] = []
    for name in dict.fromkeys(text[r["start"]:r["end"]] for r in local):
        if len(name.split()) < 2:
            continue  # one word after a head (سوق الخضار: الخضار) is too often a common noun
        first = next(r for r in local if text[r["start"]:r["end"]] == name)
        for m in re.finditer(_REPEAT.format(re.escape(name)), text):
            if m.start(1) < first["end"] or any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue  # announced first, then repeated: a headline before it names no place yet
            if not _located_alike(text, rows, first, m.end(1)):
                continue  # the same words, but nothing says they are the same place
            added.append({**first, "start": m.start(1), "end": m.end(1)})
            taken.append((m.start(1), m.end(1)))
    return sorted(rows + added, key=lambda r: (r["start"], r["end"])) if added else rows


def _located_alike(text: str, rows: list[dict], first: dict, end: int) -> bool:
    """Whether a place of the first mention's governorate follows the repeated name within a
    few characters (معارض الحبيبية شرقي بغداد), as it locates the name where announced."""
    after = next((r for r in sorted(rows, key=lambda r: r["start"]) if r["start"] >= end), None)
    return after is not None and after["start"] - end <= _LOCATOR_GAP \
        and not _SENTENCE_END.search(text[end:after["start"]]) \
        and bool(first["admin1"]) and after["admin1"] == first["admin1"]


# How far (in characters) the place that locates a repeated name may follow it.
_LOCATOR_GAP = 12
# A name repeated as a whole word, after at most a proclitic cluster (وبمعارض، في معارض).
_REPEAT = r"(?<!\w)(?:[وف]?[بل]?)({})(?!\w)"


# A known quarter this far from the town its phrase names is a homonym in that town.
_QUARTER_KM = 30.0
# How many characters may stand between a quarter and the town named after it (بحي
# الصالحية قرب دائرة المياه في مدينة الحسكة).
_QUARTER_REACH = 40
_TOWN_TYPES = frozenset({"city", "capital", "town", "village"})


def _km(a: dict, b: dict) -> float:
    """Great-circle distance between two rows' coordinates, in kilometres."""
    return km((a["lat"], a["lon"]), (b["lat"], b["lon"]))


def _quarters_of_other_towns(text: str, rows: list[dict]) -> list[dict]:
    """Rows with a known quarter read as a local one when the town its phrase names lies far
    from it: many towns have a الصالحية or a الميدان, and بحي الصالحية ... في مدينة الحسكة is
    al-Hasakah's, not Damascus's. The town must follow within the clause (no comma or list)."""
    by_start = sorted(rows, key=lambda r: r["start"])
    out = []
    for r in rows:
        if r.get("place_type") != "neighbourhood" or not r.get("place_id") or math.isnan(r["lat"]):
            out.append(r)
            continue
        town = next((t for t in by_start if t["start"] >= r["end"]), None)
        gap = text[r["end"]:town["start"]] if town else ""
        if (town is None or town.get("place_type") not in _TOWN_TYPES or math.isnan(town["lat"])
                or len(gap) > _QUARTER_REACH or _SENTENCE_END.search(gap) or "\u060c" in gap
                or "," in gap or _km(r, town) <= _QUARTER_KM):
            out.append(r)
            continue
        name = text[r["start"]:r["end"]]
        out.append({**r, "value": name, "canonical_ar": name, "iso": "", "admin2": "",
                    "country": town["country"], "admin1": town["admin1"], "lat": math.nan,
                    "lon": math.nan, "place_id": "", "flags": "unknown_place"})
    return out


def _without_outlets(text: str, folded: FoldedText, rows: list[dict]) -> list[dict]:
    """Rows not inside an outlet's name: the outlet wins (قناة الميادين، روسيا اليوم)."""
    spans = [(o["start"], o["end"]) for o in outlet_rows(text, folded=folded)]
    if not spans:
        return rows
    return [r for r in rows if not any(s < r["end"] and r["start"] < e for s, e in spans)]


def _accept(g: _Gazetteer, folded: FoldedText, matches: list[LexMatch]) -> list[LexMatch]:
    """Drop nisba adjectives and homographs without a cue."""
    key = folded.key
    keep: list[LexMatch] = []
    waiting: list[LexMatch] = []  # homographs without a cue, kept if the text confirms them
    sports = _SportsRegister(folded)
    team_before = False  # the previous kept-or-dropped match read as a team
    for n, m in enumerate(matches):
        prev = word_before(key, m.key_start - len(m.proclitic))
        rows = g.by_key[m.key]
        top = g.table[rows[0]]
        if top["place_type"] in _TEAM_TYPES and _is_team(g, key, m, prev, sports, team_before,
                                                         matches, n):
            team_before = True
            continue
        team_before = False
        if _heads_next_name(key, m, matches, n):
            continue
        if m.key in g.nisba_homographs and not m.proclitic:
            base = strip_proclitics(prev)
            if base.startswith(ARTICLE) and base not in _cues()["preposition"] and not _is_cue(prev):
                continue
            # ليرة سورية: the word as written may be the noun when its first letter is no
            # proclitic (ليرة, not ل + يرة)
            feminine = any(not w.startswith(ARTICLE) and len(w) > 3 and w.endswith(("ه", "ات"))
                           for w in (base, prev))
            if feminine and base not in _cues()["preposition"] and not _is_cue(prev):
                continue
            if top["place_type"] == "country" and _nisba_reading(g, key, m, prev):
                continue
        if _names_person_or_team(key, m, prev, g, country=top["place_type"] == "country"):
            continue
        if _TANWEEN.search(folded.text, m.start, m.end) or _kunya(key, m):
            continue
        if _paired_with_another(key, m, prev):
            continue
        if m.proclitic and _clitic_word(folded, m):
            continue
        if _hamza_rules_out(g, folded, m):
            continue
        if m.key in g.cue_keys:
            # A country or province name may follow a preposition (في مالي); a town needs a
            # settlement word.
            wide = top["place_type"] in ("country", "province")
            # a settlement word after another is the cue of the name after it (ريف مدينة
            # القامشلي: مدينة is no Medina)
            cue = _is_cue(prev) if wide else _is_settlement(prev) and not _is_settlement(m.key)
            # a compass point before an indefinite word says where from a named place
            # (شمال شرقي سلمية): a common noun after it is definite (جنوب السد، شرق الجسر),
            # and a settlement word names the town the text is about (شمال مركز المدينة)
            cue = cue or (not m.proclitic and _direction_of(prev) is not None
                          and not m.key.startswith(ARTICLE)
                          and not any(_is_settlement(w.removeprefix(ARTICLE)) for w in m.key.split()))
            if not (cue or _in_list(matches, n, key, g, keep[-1] if keep else None)
                    or _other_name(key, m, keep[-1] if keep else None)):
                waiting.append(m)
                continue
        keep.append(m)
    return _confirmed(g, keep, waiting)


def _hamza_rules_out(g: _Gazetteer, folded: FoldedText, m: LexMatch) -> bool:
    """The text writes a hamza after a proclitic where the name has a bare alef (وإن is و +
    إن, not Van; كأن is not Cannes): folding made the match, the spelling rules it out."""
    s, e = folded.span(m.key_start - len(m.proclitic), m.key_end)
    # the names are read only for a word that writes such a hamza (rare): not for every match
    names = (g.table[i]["name_ar"] for i in g.by_key[m.key])
    return ruled_out_by_hamza(folded.text[s:e], names, m.proclitic)


def _heads_next_name(key: str, m: LexMatch, matches: list[LexMatch], n: int) -> bool:
    """A name spelled as a place head noun (مدينه Medina, معسكر Mascara, مفرق Mafraq) right
    before another place's name is that name's head, not a town (مدينة جبلة ومدينة طرطوس:
    two towns, no Medina)."""
    if m.key not in place_heads() or n + 1 >= len(matches):
        return False
    _, start, _ = word_after(key, m.key_end)
    nxt = matches[n + 1]
    return start > m.key_end and nxt.key_start - len(nxt.proclitic) == start


def _nisba_reading(g: _Gazetteer, key: str, m: LexMatch, prev: str) -> bool:
    """A country name that is also a feminine nisba reads as the adjective after an indefinite
    settlement noun (مدينة سورية "a Syrian city": no town is named after a country) or after
    another nisba and the و، أو، أم that join them (إيرانية أم سورية)."""
    if prev in _cues()["settlement"] and prev.endswith("ه"):
        return True
    if prev in _cues()["nisba_joiner"]:
        before = word_before(key, key.rfind(prev, 0, m.key_start))
        return before in g.nisba_fem
    return False


def _confirmed(g: _Gazetteer, keep: list[LexMatch], waiting: list[LexMatch]) -> list[LexMatch]:
    """``keep`` plus the homographs of ``waiting`` that the text names as a place elsewhere,
    after a cue or inside a longer name (محافظة درعا ... بدرعا): a word keeps one sense
    throughout a document (Gale, Church & Yarowsky 1992, "One sense per discourse")."""
    if not waiting:
        return keep
    # a word after the first of a longer name (درعا of محافظة درعا); the first word of a
    # name in construct is its head noun (معسكر of معسكر التاجي names no town Mascara)
    named = {m.key for m in keep} | {w for m in keep if " " in m.key for w in m.key.split()[1:]}
    late = [m for m in waiting if m.key in named and m.key in g.cue_keys]
    return sorted(keep + late, key=lambda m: m.key_start) if late else keep


_TEAM_TYPES = frozenset({"country", "capital", "city"})
# Places that may be the subject of a verb of saying (أعلن العراق، قالت بغداد: the state).
_WIDE = frozenset({"country", "capital", "governorate", "province", "region", "continent"})
# A score: 2-1, 3 - صفر. The pattern opens with a digit and only then checks that no word
# character comes before it, so the regex engine skips from digit to digit in C instead of
# trying every position of the text.
_SCORE = re.compile(r"\d(?<!\w\d)\d*\s*[-\u2013]\s*(?:\d+(?!\w)|\u0635\u0641\u0631)")
# Prepositions that take a team as their object (فاز على، تعادل مع، ضد، بين): the rest of
# the ``preposition`` cues (في، من، إلى، داخل، شمال ...) make a place of what follows.
_TEAM_PREPOSITIONS = frozenset({"علي", "مع", "ضد", "بين", "عن", "تجاه", "زار", "زياره"})
_BLANKS = " \t\u00a0"


class _SportsRegister:
    """Which sentences of a folded text are sports reporting: two sports words or scores.

    The sentences are found lazily, once, only when the text has a sports word at all.
    """

    def __init__(self, folded: FoldedText) -> None:
        self.folded = folded
        self.key = folded.key
        self._ends: list[int] | None = None
        self._sport: list[bool] = []

    def _build(self) -> None:
        ends = [m.start() for m in _SENTENCE_END.finditer(self.key)] + [len(self.key)]
        hits = [0] * len(ends)
        for w in _sport_lexicon().finditer_folded(self.folded):
            hits[bisect_right(ends, w.key_start)] += 1
        for m in _SCORE.finditer(self.key):
            hits[bisect_right(ends, m.start())] += 1
        self._ends = ends
        self._sport = [h >= 2 for h in hits]

    def at(self, pos: int) -> bool:
        if self._ends is None:
            self._build()
        assert self._ends is not None
        return self._sport[bisect_right(self._ends, pos)]


@cache
def _sport_lexicon() -> Lexicon:
    """The ``sport`` cue words, compiled once (proclitics handled by the matcher)."""
    return Lexicon(_cues()["sport"])


def _is_team(
    g: _Gazetteer, key: str, m: LexMatch, prev: str, sports: _SportsRegister,
    team_before: bool, matches: list[LexMatch], n: int,
) -> bool:
    """A country or city name that names a sports team.

    A definite masculine relational adjective after a city or country name (ميلان الإيطالي،
    المغرب الفاسي: cities and most country names take the feminine) makes it a club; in
    a sports sentence the bare name is a team (فازت نيجيريا على النيجر) unless a locative
    preposition governs it (في أثينا، بالدوحة), a settlement word precedes it or it is the
    country in brackets after a club (ليون ( فرنسا )), the name heads a dateline (الدوحة -)
    or it follows a word that takes a place even in sports news (بطولة، استضافتها، محافظ).
    """
    after, _, _ = word_after(key, m.key_end)
    if after.startswith(ARTICLE) and after.endswith("\u064a") and _is_place_nisba(g, after):
        return True
    if not sports.at(m.key_start):
        return False
    rest = key[m.key_end:m.key_end + 3].strip(_BLANKS)
    if rest[:1] in ("-", ":", "\u2013"):
        return False  # a dateline: الدوحة - قنا :
    if m.proclitic:
        if m.proclitic[-1:] in ("\u0628", "\u0644"):  # BEH "in", LAM "to"
            return False
        if m.proclitic == "\u0648":  # WAW: the reading of the item before it in a list
            return team_before
        return True
    words = {prev, strip_proclitics(prev)}
    if prev[:1] in ("\u0648", "\u0641") and len(prev) > 2:  # وفي، فمن
        words.add(prev[1:])
    cues = _cues()
    if words & (cues["preposition"].keys() - _TEAM_PREPOSITIONS) or words & cues["sport_place"].keys():
        return False
    if _is_settlement(prev):
        return False
    before = key[max(0, m.key_start - len(m.proclitic) - 3):m.key_start - len(m.proclitic)]
    return "(" not in before


def _is_place_nisba(g: _Gazetteer, word: str) -> bool:
    """ال + a country's adjective, or ال + a city's key + ي (الفاسي، التطواني).

    Directions (الشمالي: ريف حمص الشمالي) are not, nor are the names of villages and
    districts of the local gazetteer: a club is named after a city.
    """
    if word in g.nisba_masc:
        return True
    stem = word[2:-1]
    if len(stem) < 3 or stem in _DIRECTION_WORDS:
        return False
    rows = g.by_key.get(stem, ()) + g.by_key.get(ARTICLE + stem, ())
    return any(not g.table[i]["local"] for i in rows)


def _names_person_or_team(
    key: str, m: LexMatch, prev: str, g: _Gazetteer, *, country: bool
) -> bool:
    """A town name used as a given name (الرئيس السوري بشار) or a team (نادي قطر).

    Before it: a title or rank (العميد، السيد، أبو), a relational adjective of a country,
    بن, or a masculine verb of saying whose subject it is (وقال معن); after it: بن.
    """
    if m.proclitic:
        return False
    base = strip_proclitics(prev)
    heads = _name_heads()
    if prev in heads or base in heads:
        return True
    if country:
        return False
    if prev in _cues()["title"] or base in _cues()["title"] or prev in _cues()["patronymic"]:
        return True
    if base in _cues()["speech_verb"] and g.table[g.by_key[m.key][0]]["place_type"] not in _WIDE:
        return True  # وقال معن: the subject of a verb of saying
    if base in g.nisba_masc:
        before = strip_proclitics(word_before(key, m.key_start - len(prev) - 1))
        return base.startswith(ARTICLE) and not _is_settlement(before)
    after, _, _ = word_after(key, m.key_end)
    return after in _cues()["patronymic"]


@cache
def _name_heads() -> frozenset[str]:
    """Words that make the name after them a person's or a club's (``not_place_head``,
    ``club``): built once, not per match."""
    return frozenset(_cues()["not_place_head"]) | frozenset(_cues()["club"])


def _clitic_word(folded: FoldedText, m: LexMatch) -> bool:
    """A proclitic and a place name that together spell a common word: كميناً "an ambush"
    is not ك + Minna, بلد "country" not ب + Lod.

    The word as written is compared with the name alone in wordfreq: a place name takes
    و ب ل ف far less often than it stands bare (بغداد 4.9, ببغداد 3.7), and ك "like" almost
    never, so a whole word as frequent as the name (بلد 4.8, لد 3.2), or after ك a frequent
    word at all (كمينا 3.1), is a word of its own.
    """
    s, e = folded.span(m.key_start - len(m.proclitic), m.key_end)
    whole = _zipf(folded.text[s:e])
    if whole < _CLITIC_WORD:
        return False
    if m.proclitic.endswith("\u0643"):  # KAF "like"
        return True
    name = folded.text[folded.span(m.key_start, m.key_end)[0]:e]
    if m.key.startswith(ARTICLE) and not name.startswith("\u0627"):
        name = "\u0627" + name  # للعراق: لل + (ا)لعراق, ALEF restored
    return whole >= _zipf(name)


# A whole word this frequent (wordfreq Zipf) may be a word of its own, not a proclitic and a
# place; below it, the pair is too rare to tell (وطلوزة).
_CLITIC_WORD = 3.0


# Tanween (ًٌٍ): an indefinite noun's ending, which a place name never takes (صيداً ثميناً
# "a precious prey", not Sidon).
_TANWEEN = re.compile("[\u064b-\u064d]")


def _kunya(key: str, m: LexMatch) -> bool:
    """A place spelled like the first word of a kunya, with a name after it (أبا يوسف,
    not Aba): the title cues hold أبو، أبي، أبا."""
    if m.key not in _cues()["title"] or m.proclitic:
        return False
    after, _, _ = word_after(key, m.key_end)
    return after.isalpha()


def _paired_with_another(key: str, m: LexMatch, prev: str) -> bool:
    """A word paired with "another" of its kind (بين فينة وأخرى "now and then", not Vinh): two
    places are paired by both names (بين حمص وحماة)."""
    after, _, _ = word_after(key, m.key_end)
    pairing = _cues()["another"].get(after[1:]) if after.startswith("\u0648") else None
    return pairing is not None and not m.proclitic and pairing in (prev, prev[1:])


# A name in brackets after a place's name is another name of that place (جوبان باي
# (الراعي)، عين العرب (كوباني)): the quote or place before the bracket.
_QUOTES_CLOSE = frozenset("\"\u201d\u00bb'")


def _other_name(key: str, m: LexMatch, before: LexMatch | None) -> bool:
    """Whether ``m`` stands alone in brackets right after a place name or a quoted name:
    the other name of the place told before it (ببلدة “جوبان باي” (الراعي))."""
    start = m.key_start - len(m.proclitic)
    if key[m.key_end:m.key_end + 1] != ")" or key[start - 1:start] != "(":
        return False
    prev = key[:start - 1].rstrip()
    return prev[-1:] in _QUOTES_CLOSE or (before is not None and before.key_end == len(prev))


def _in_list(matches: list[LexMatch], n: int, key: str, g: _Gazetteer,
             kept: LexMatch | None = None) -> bool:
    """True when the match sits in a list of places: X و Y، Z, or a pair joined by a dash
    (محور الطيبة-السخنة, the road from one to the other), beside a name that is no word of
    the language or one already read as a place (``kept``: محافظتي مارب وحضرموت; not
    a settlement word after it: مدينة مشهد، مدينة تاريخية)."""
    for j in (n - 1, n + 1):
        if 0 <= j < len(matches):
            a, b = sorted((matches[j], matches[n]), key=lambda m: m.key_start)
            gap = key[a.key_end:b.key_start - len(b.proclitic)].strip()
            joined = gap in ("و", "،", ",", "-", "\u2013") or (not gap and b.proclitic.startswith("و"))
            if joined and (matches[j].key not in g.cue_keys or (
                    matches[j] is kept and not _is_settlement(matches[n].key))):
                return True
    return False


def _direction_of(word: str) -> tuple[str, bool] | None:
    """Direction named by a word (matching key) and whether it carries و: وغرب → west."""
    conj = word.startswith("\u0648") and len(word) > 3
    for w, c in ((word, False), (word[1:], True)) if conj else ((word, False),):
        base = w[2:] if w.startswith(ARTICLE) else w
        base = base[:-1] if base.endswith("\u064a") and base[:-1] in _DIRECTION_WORDS else base
        if base in _DIRECTION_WORDS:
            return _DIRECTION_WORDS[base], c
    return None


def _words_before(key: str, pos: int, n: int) -> list[tuple[str, int, int]]:
    """Up to ``n`` words ending before ``pos`` (nearest first); a comma counts as a word."""
    out = []
    for m in _WORD_OR_COMMA.finditer(key, max(0, pos - 12 * n), pos):
        out.append((m.group(), m.start(), m.end()))
    return out[::-1][:n]


# Letters and blanks only between a settlement word and its place (not العاصمة العراقية(بغداد).
_APPOSITION_GAP = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)? ")


def _settlement_before(key: str, pos: int) -> int:
    """Where a settlement word in apposition before a place starts (شمال العاصمة بغداد، غرب
    مدينة الفلوجة، وسط العاصمة العراقية بغداد: the word and its nisba adjective), else
    ``pos``: a direction before it is said of the place."""
    words = _words_before(key, pos, 2)
    if len(words) == 2 and words[0][0].startswith(ARTICLE) and words[0][0].endswith("\u064a\u0647") \
            and words[1][0] in _cues()["settlement"]:
        return words[1][1]  # العاصمة العراقية
    if words and words[0][0] in _cues()["settlement"]:
        return words[0][1]
    return pos


def _with_direction(folded: FoldedText, m: LexMatch, rec: dict) -> list[dict]:
    """The place, or the directional region(s) in front of it (شمال ووسط وغرب العراق,
    شمال العاصمة بغداد)."""
    if m.proclitic:
        return [rec]
    pos = m.key_start
    if not _direction_of(word_before(folded.key, pos)):
        pos = _settlement_before(folded.key, pos)
        # only a compass point: وسط مدينة عفرين is in the town, told as the town
        if pos == m.key_start or _direction_of(word_before(folded.key, pos)) in (None, (
                "centre", False)) or not _APPOSITION_GAP.fullmatch(folded.key[pos:m.key_start]):
            return [rec]
    words = _words_before(folded.key, pos, 8)
    units: list[tuple[str, int, int]] = []  # (direction, key start, key end), nearest first
    k = 0
    while k < len(words):
        w, ws, we = words[k]
        found = _direction_of(w)
        if not found:
            break
        direction, conj = found
        end = we
        ws += 1 if conj else 0
        # شمال غربي: a second direction word after north/south makes one compound.
        if direction in ("east", "west") and not conj and k + 1 < len(words):
            first = _direction_of(words[k + 1][0])
            if first and first[0] in ("north", "south"):
                direction, conj = f"{first[0]}-{direction}", first[1]
                k += 1
                ws = words[k][1] + (1 if conj else 0)
        units.append((direction, ws, end))
        k += 1
        if conj or (k < len(words) and words[k][0] in ",\u060c"):
            k += 1 if (k < len(words) and words[k][0] in ",\u060c") else 0
            continue
        break
    if not units:
        return [rec]
    rows = []
    for n, (direction, ks, ke) in enumerate(units):
        start = folded.span(ks, ke)[0]
        if n == 0:
            rows.append(_region(rec, start, rec["end"], direction))
        else:
            end = folded.span(ks, ke)[1]
            rows.append({**_region(rec, start, end, direction), "flags": "direction;elliptic"})
    return rows[::-1]


# At most this many words (a preposition, a nisba of the place: صيدا الشمالي) between a
# named place and the direction of the country that says where it lies.
_LOCATOR_WORDS = 2


def _locates_named(text: str, named: list[dict], start: int) -> bool:
    """Whether a named place (or a side of one: جنوب مدينة الحديدة) ends just before
    ``start`` in the same clause — no comma, sentence end or word of و between — so the
    direction at ``start`` only locates it (كركوك في شمال البلاد، ديالى بشرق البلاد; not
    الموصل، وغرب البلاد).

    >>> _locates_named("في الأنبار غرب البلاد", [{"start": 3, "end": 10, "flags": ""}], 11)
    True
    """
    for r in named:
        if r["end"] > start:
            continue
        gap = text[r["end"]:start]
        words = gap.split()
        if len(words) <= _LOCATOR_WORDS and not _SENTENCE_END.search(gap) \
                and not any(c in gap for c in ",\u060c") \
                and not any(w.startswith("\u0648") for w in words):
            return True
    return False


def _region(base: dict, start: int, end: int, direction: str) -> dict:
    return {
        **base, "start": start, "end": end, "value": _region_value(direction, base),
        "place_type": "region", "lat": math.nan, "lon": math.nan, "flags": "direction",
        "canonical_ar": "", "place_id": f"{base['place_id']}#{direction}",
    }


def _borders(g: _Gazetteer, folded: FoldedText, rows: list[dict], counts: Counter) -> list[dict]:
    """Border phrases (الحدود السعودية، الحدود مع سوريا، حدود العراق مع إيران).

    They take in the country rows inside them.
    """
    key = folded.key
    countries_at = {r["start"]: r for r in rows if r["place_type"] == "country"}

    def country_at(ks: int, ke: int, word: str) -> tuple[str, int] | None:
        bare = word[1:] if word.startswith("\u0648") and word[1:] in g.nisba_fem else word
        if bare in g.nisba_fem:
            return g.nisba_fem[bare], folded.span(ks, ke)[1]
        for start in {folded.span(ks, ke)[0], folded.span(ks + 1, ke)[0]}:
            row = countries_at.get(start)
            if row is not None:
                return row["iso"], row["end"]
        return None

    found: list[dict] = []
    if "حدود" not in key:
        return rows
    for b in _BORDER.finditer(key):
        isos: list[str] = []
        end = 0
        for w in _WORD.finditer(key, b.end("head"), min(len(key), b.end("head") + 80)):
            word = w.group()
            if word in ("مع", "بين", "و"):
                continue
            hit = country_at(w.start(), w.end(), word)
            if hit is None or hit[0] in isos:
                break
            if hit[1] <= end:
                continue
            isos.append(hit[0])
            end = hit[1]
        if not isos:
            continue
        start = folded.span(b.start("head"), b.end("head"))[0]
        names = [g.table[g.country_row[i]]["name_en"] for i in isos if i in g.country_row]
        found.append({
            "start": start, "end": end, "value": "–".join(names) + " border",
            "canonical_ar": "", "place_type": "border", "iso": ";".join(isos),
            "country": isos[0], "admin1": "", "lat": math.nan, "lon": math.nan,
            "place_id": "border:" + "-".join(isos), "flags": "",
        })
    if not found:
        return rows
    # Rows inside a border phrase go; by bisection over the phrases' starts, with the
    # furthest end reached so far, so a long text with many borders stays linear.
    covered = span_cover((f["start"], f["end"]) for f in found)
    return [r for r in rows if not covered(r["start"])] + found


def _country_regions(g: _Gazetteer, folded: FoldedText, home: str, named: list[dict]) -> list[dict]:
    """جنوب البلاد and في الجنوب: directions in the country the text is about. جنوب البلاد
    right after a named place (في الأنبار غرب البلاد، بريف حمص وسط البلاد) only says where
    that place lies: the place is the mention, the phrase names no other."""
    out = []
    if not home or home not in g.country_row:
        return out
    base = {**_row_dict(g, g.country_row[home]), "flags": ""}
    key = folded.key
    searches = []
    if "البلاد" in key:
        searches.append((_THE_COUNTRY, "inferred"))
    if "الشمال" in key or "الجنوب" in key or "الوسط" in key:
        searches.append((_BARE_DIRECTION, "inferred"))
    for rx, flag in searches:
        for m in rx.finditer(key):
            after = word_after(key, m.end())[0]
            if rx is _BARE_DIRECTION and after == _FROM:
                continue  # إلى الشمال من بغداد: a side of the place after من, not of the country
            if rx is _BARE_DIRECTION and (after in g.nisba_masc or after in g.nisba_fem):
                continue  # في الشمال السوري: the country only by its adjective, no place named
            s = folded.span(m.start("d1"), m.end("d1"))[0]
            e = folded.span(m.start(), m.end())[1]
            if rx is _THE_COUNTRY and _locates_named(folded.text, named, s):
                continue
            d2 = m.groupdict().get("d2")
            region = _region(base, s, e, _direction_name(m.group("d1"), d2))
            region["flags"] = f"direction;{flag}"
            out.append(region)
    return out
