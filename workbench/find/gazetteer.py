"""The place gazetteer the finders read: ``places.csv`` merged with ``local_places.csv``.

``places.csv`` holds the world's countries, regions, provinces and cities and Iraq's
governorates and towns; ``local_places.csv`` holds what lies below them in Iraq and
Syria — districts (قضاء), subdistricts (ناحية), towns and villages, neighbourhoods, air
bases, prisons, camps, border crossings, dams, airports and oil fields — and the smaller
towns, villages and districts of the other wars (Yemen, Lebanon, Sudan ...) (see
``workbench/data/README.md`` for the sources of both). They are merged into one table,
one row per place, so a name is read once:

* a local row that ``in_places`` says is already in ``places.csv`` shares keys with that
  row; each shared key goes to the more specific of the two (a neighbourhood over a
  district: الكرادة; a city over the district named after it: الفلوجة the city); equal
  kinds keep the ``places.csv`` row, and a governorate, province or region always keeps
  its name (صلاح الدين the governorate, not the subdistrict). A local row left without
  keys is dropped, and the district it names (``admin2``) is copied to the row that kept
  them when both are the same town;
* among local rows that share a key (a village named like its subdistrict), the most
  specific comes first, so it wins unless the text names a country only the other is in.

Every row carries ``admin1`` (ISO 3166-2 of the governorate) and, for local rows,
``admin2`` (the district, in Arabic) and coordinates where an open source gives them.

>>> g = gazetteer()
>>> row = g.table[g.by_key["قاعده عين الاسد"][0]]
>>> row["place_type"], row["admin1"], row["admin2"]
('air_base', 'IQ-AN', 'هيت')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import overload

from .. import resources
from ..cache import cached
from ..resources import data_path, read_rows
from ..text.clitics import ARTICLE
from ..text.lexmatch import Lexicon

# Broad kinds first: when a name fits places of several kinds and the text does not say
# which country it is about, the country, the capital, the governorate is meant.
_RANK = {
    "country": 0, "capital": 1, "governorate": 2, "region": 3, "continent": 3,
    "province": 3, "district": 4, "city": 5,
}
# How specific a kind is (smaller: smaller place), for keys a local row shares with the
# place that holds it. Facilities, squares and neighbourhoods lie inside a town.
_SPECIFIC = {
    "neighbourhood": 0, "square": 0, "air_base": 0, "military_base": 0, "prison": 0,
    "camp": 0, "crossing": 0, "dam": 0, "airport": 0, "oil_field": 0, "refinery": 0,
    "village": 1, "town": 1, "city": 1, "capital": 1, "subdistrict": 2, "district": 3,
    "mountain": 3, "governorate": 4, "province": 4, "region": 5, "country": 6, "continent": 7,
}
# A governorate, province or region keeps its name even where a smaller unit shares it
# (ناحية صلاح الدين, ناحية واسط, ناحية حمرين): in the news the name alone is the big one.
_BROAD = frozenset({"governorate", "province", "region", "country", "continent"})
# Kinds that name a building or installation rather than a settlement: the row is flagged
# ``facility``, as a town after مطار or سجن is (NewsFANE tags them as buildings).
FACILITY_TYPES = frozenset({
    "air_base", "military_base", "prison", "camp", "crossing", "dam", "airport", "oil_field",
    "refinery",
})


class Rows(Sequence[dict]):
    """The merged place table, kept by column: a row's dict is built the first time it is
    asked for. The table has thousands of rows and a document looks at a few dozen of
    them; reading the columns back costs a third of reading dicts.

    >>> rows = Rows({"id": ["a", "b"], "place_type": ["country", "town"]}, {0: {"iso": "X"}})
    >>> rows[0], len(rows), rows.column("id")
    ({'id': 'a', 'place_type': 'country', 'iso': 'X'}, 2, ['a', 'b'])
    """

    def __init__(self, columns: dict[str, list], extra: dict[int, dict]) -> None:
        self._columns = columns
        self._extra = extra
        self._len = len(next(iter(columns.values()))) if columns else 0
        self._made: dict[int, dict] = {}

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> dict: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...

    def __getitem__(self, i: int | slice) -> dict | list[dict]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        row = self._made.get(i)
        if row is None:
            row = {c: values[i] for c, values in self._columns.items()}
            row.update(self._extra.get(i, ()))
            self._made[i] = row
        return row

    def column(self, name: str) -> list:
        """One field of every row, in row order (no row dicts built)."""
        return self._columns[name]


@dataclass(frozen=True)
class Gazetteer:
    """The merged place table, its compiled lexicon and the tables derived from it."""

    table: Rows
    lexicon: Lexicon
    by_key: dict[str, tuple[int, ...]]
    nisba_fem: dict[str, str]
    nisba_masc: frozenset[str]
    nisba_homographs: frozenset[str]
    country_row: dict[str, int]
    cue_keys: frozenset[str]


def _split(cell: str) -> list[str]:
    return [k for k in str(cell).split("|") if k]


def _local_rows(places: list[dict]) -> list[dict]:
    """``local_places.csv`` rows in the columns of ``places.csv``, keys shared with the
    ``places.csv`` row that holds the same place given to the more specific one."""
    by_id = {r["id"]: r for r in places}
    out = []
    for r in read_rows("find/local_places.csv").records():
        keys = _split(r["aliases"])
        held = by_id.get(r["in_places"])
        if held is not None:
            theirs = set(_split(held["keys"]))
            shared = [k for k in keys if k in theirs]
            mine = (held["place_type"] not in _BROAD
                    and _SPECIFIC.get(r["place_type"], 9) < _SPECIFIC.get(held["place_type"], 9))
            if mine:
                held["keys"] = "|".join(k for k in _split(held["keys"]) if k not in shared)
            else:
                keys = [k for k in keys if k not in theirs]
                same_town = _SPECIFIC.get(r["place_type"]) == _SPECIFIC.get(held["place_type"])
                if same_town and not held.get("admin2"):
                    held["admin2"] = r["admin2"]
        if not keys:
            continue
        cue = [k for k in _split(r["cue_keys"]) if k in keys]
        out.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "iso": "", "country": r["country"],
            "admin1": r["admin1"], "admin2": r["admin2"], "lat": r["lat"], "lon": r["lon"],
            "geonameid": "", "population": r["population"], "keys": "|".join(keys),
            "bare_keys": "|".join(k for k in _split(r["bare_keys"]) if k in keys),
            "cue_keys": "|".join(cue),
            "nisba": "", "people": "",
            "demonym": "", "homograph": r["homograph"], "source": r["source"], "local": True,
        })
    return out


def _sort_key(row: dict) -> tuple[int, int, int, float]:
    pop = float(row["population"]) if row["population"] else 0.0
    if row.get("local"):
        # Below every places.csv row of another kind; the most specific local row first.
        return (9, 2, _SPECIFIC.get(row["place_type"], 9), -pop)
    curated = 0 if row["source"].startswith("iraq_places") else 1
    return (_RANK.get(row["place_type"], 9), curated, 0, -pop)


_SOURCES = ("find/places.csv", "find/local_places.csv", "find/place_heads.csv")


@cache
def gazetteer() -> Gazetteer:
    """The merged place table and its compiled lexicon, loaded once.

    Merging the tables takes a tenth of a second; the merged tables are kept in the disk
    cache (:mod:`workbench.cache`), keyed by the data files and the code that merges them.
    """
    # Keyed by the code that builds it too: this module, the table reader and the article.
    code = [Path(__file__), Path(resources.__file__), ARTICLE]
    built = cached("gazetteer", [*code, *map(data_path, _SOURCES)], _merged)
    (columns, extra), keys, ranked, nisba_fem, nisba_masc, homographs, country_row, cue, \
        bare = built
    return Gazetteer(
        Rows(columns, extra), Lexicon(keys, bare=bare), ranked, nisba_fem, nisba_masc,
        homographs, country_row, cue,
    )


def _merged() -> tuple:
    """The merged place table and the tables derived from it, as :class:`Gazetteer` holds
    them (the lexicon's keys and its bare keys in place of the lexicon)."""
    table = read_rows("find/places.csv").records()
    for r in table:
        r["admin2"] = ""
        r["local"] = False
    table += _local_rows(table)
    by_key: dict[str, list[int]] = {}
    for i, row in enumerate(table):
        for key in _split(row["keys"]):
            by_key.setdefault(key, []).append(i)
    order = {i: _sort_key(table[i]) for rows in by_key.values() for i in rows}
    ranked = {k: tuple(sorted(v, key=order.__getitem__)) for k, v in by_key.items()}
    nisba_fem: dict[str, str] = {}
    nisba_masc: set[str] = set()
    homographs: set[str] = set()
    country_row: dict[str, int] = {}
    for i, row in enumerate(table):
        if row["place_type"] != "country":
            continue
        country_row[row["iso"]] = int(i)
        for n in _split(row["nisba"]):
            nisba_masc.update((n, ARTICLE + n))
            for form in (ARTICLE + n + "ه", n + "ه"):
                nisba_fem.setdefault(form, row["iso"])
                if form in by_key:
                    homographs.add(form)
    bare = {k for row in table for k in _split(row["bare_keys"])}
    # A cue key of a local row whose key a places.csv row reads plainly keeps that row's
    # decision (the build judged it there).
    plain = {k for row in table if not row["local"] for k in _split(row["keys"])}
    plain -= {k for row in table if not row["local"] for k in _split(row["cue_keys"])}
    cue = frozenset(
        k for row in table for k in _split(row["cue_keys"]) if not (row["local"] and k in plain)
    )
    # A key that is the bare form of a place head noun (مفرق "junction", the Jordanian
    # town al-Mafraq without its article) is the common noun unless a cue announces it.
    cue |= frozenset(by_key) & frozenset(read_rows("find/place_heads.csv").column("form"))
    # The table is read back in every process: it keeps, by column, the fields the finders
    # read (not the build's sources, reasons and key lists, now sets of their own); a value
    # many rows share (a kind, a country, a governorate) is one object, stored and read
    # back once.
    shared: dict[str, str] = {}
    columns = {c: [shared.setdefault(r[c], r[c]) if c in _SHARED_FIELDS else r[c] for r in table]
               for c in _ROW_FIELDS}
    extra = {i: {c: r[c] for c in _COUNTRY_FIELDS}
             for i, r in enumerate(table) if r["place_type"] == "country"}
    return ((columns, extra), sorted(by_key), ranked, nisba_fem,
            frozenset(nisba_masc), frozenset(homographs), country_row, cue, frozenset(bare))


# The fields of a row the finders read; a country row also keeps its relational adjectives,
# people and demonym (the actor finder reads them).
_ROW_FIELDS = ("id", "name_en", "name_ar", "place_type", "iso", "country", "admin1", "admin2",
               "lat", "lon", "keys", "local")
_COUNTRY_FIELDS = ("nisba", "people", "demonym")
_SHARED_FIELDS = frozenset({"place_type", "iso", "country", "admin1", "admin2"})


def nisba_countries() -> dict[str, str]:
    """Feminine relational adjectives (matching keys) → ISO country: السعوديه → SA.

    >>> nisba_countries()["العراقيه"]
    'IQ'
    """
    return dict(gazetteer().nisba_fem)


# --- names for display ------------------------------------------------------------------

# The gazetteer spells some governorates "محافظة X" / "X Governorate"; a chart or a table
# of governorates shows X. ARABIC LETTERS MEEM HAH ALEF FEH ZAH TEH MARBUTA: "governorate".
_GOVERNORATE_AR = "\u0645\u062d\u0627\u0641\u0638\u0629 "
_GOVERNORATE_EN = " Governorate"


@cache
def place_names() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Place id or ISO code → (Arabic, English name), and matching key of a name → place id.

    Governorates are named without محافظة / Governorate (``IQ-KI`` → كركوك, Kirkuk).
    """
    from ..text.arabic import match_key

    names: dict[str, tuple[str, str]] = {}
    keys: dict[str, str] = {}
    for row in gazetteer().table:
        ar, en = _display_pair(row)
        names.setdefault(row["id"], (ar, en))
        if row["iso"]:
            names.setdefault(row["iso"], (ar, en))
        for key in [match_key(row["name_ar"]), *str(row["keys"]).split("|"),
                    row["name_en"].lower(), en.lower()]:
            if key:
                keys.setdefault(key, row["id"])
    return names, keys


@cache
def governorate_names() -> dict[str, tuple[str, str]]:
    """Governorate id (ISO 3166-2) → (Arabic, English name), as :func:`place_names` gives:
    Iraq's governorates, and the first-level provinces of other countries by their ISO
    code, so that a town's ``admin1`` (حلب SY-HL) reads as its province's name.

    >>> governorate_names()["IQ-AN"], governorate_names()["IQ-KI"], governorate_names()["SY-HL"]
    (('الأنبار', 'Anbar'), ('كركوك', 'Kirkuk'), ('حلب', 'Aleppo'))
    """
    table = gazetteer().table
    out = {table[i]["iso"]: _display_pair(table[i])
           for i, kind in enumerate(table.column("place_type"))
           if kind == "province" and table[i]["iso"]}
    out.update({table[i]["id"]: _display_pair(table[i])
                for i, kind in enumerate(table.column("place_type")) if kind == "governorate"})
    return out


def _display_pair(row: dict) -> tuple[str, str]:
    ar, en = row["name_ar"], row["name_en"]
    if row["place_type"] in ("governorate", "province"):
        ar, en = ar.removeprefix(_GOVERNORATE_AR), en.removesuffix(_GOVERNORATE_EN)
    return ar, en
