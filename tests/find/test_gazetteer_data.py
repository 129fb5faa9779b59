"""Data checks of the local gazetteer of Iraq and Syria and of the outlets lexicon.

Only the committed files are read: no network, no build packages.
"""

from __future__ import annotations

import pytest

from workbench.resources import read_table
from workbench.text.arabic import match_key

# (lat_min, lat_max, lon_min, lon_max), generous by a few km at the borders.
BBOX = {"IQ": (29.0, 37.4, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.4)}
PLACE_TYPES = {
    "district", "subdistrict", "town", "village", "neighbourhood", "square", "mountain", "region",
    "air_base", "military_base", "prison", "camp", "crossing", "dam", "airport",
    "oil_field", "refinery",
}
OUTLET_KINDS = {"agency", "tv", "newspaper", "website", "radio", "monitor"}


def _keys(cell: str) -> list[str]:
    return [k for k in cell.split("|") if k]


@pytest.fixture(scope="module")
def local():
    return read_table("find/local_places.csv")


@pytest.fixture(scope="module")
def outlets():
    return read_table("find/outlets.csv")


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("find/local_places.csv", ["aliases", "cue_keys", "bare_keys"]),
        ("find/local_localities.csv", ["id"]),
        ("find/local_places_curated.csv", ["aliases", "near"]),
        ("find/outlets.csv", ["aliases", "cue_aliases"]),
    ],
)
def test_every_key_is_already_a_matching_key(name: str, columns: list[str]) -> None:
    frame = read_table(name)
    bad = [(row["id"], k) for _, row in frame.iterrows() for c in columns
           for k in _keys(row[c]) if match_key(k) != k or " ".join(k.split()) != k]
    assert not bad


@pytest.mark.parametrize("name", ["find/local_places.csv", "find/local_places_curated.csv",
                                  "find/outlets.csv", "find/local_admin.csv",
                                  "find/local_localities.csv"])
def test_ids_are_unique(name: str) -> None:
    ids = read_table(name)["id"]
    assert not ids[ids.duplicated()].tolist()


def test_every_place_has_a_key_type_country_and_source(local) -> None:
    assert set(local["country"]) == {"IQ", "SY"}
    assert set(local["place_type"]) <= PLACE_TYPES
    assert (local["aliases"] != "").all()
    assert (local["source"] != "").all()


def test_cue_keys_are_aliases_with_a_reason(local) -> None:
    for _, row in local.iterrows():
        assert set(_keys(row["cue_keys"])) <= set(_keys(row["aliases"])), row["id"]
        assert not row["cue_keys"] or row["homograph"], row["id"]


def test_coordinates_lie_in_the_country(local) -> None:
    placed = local[local["lat"] != ""]
    assert len(placed) > 0.9 * len(local)
    for _, row in placed.iterrows():
        lat0, lat1, lon0, lon1 = BBOX[row["country"]]
        assert lat0 <= float(row["lat"]) <= lat1 and lon0 <= float(row["lon"]) <= lon1, row["id"]
        assert row["coord_basis"], row["id"]


def test_admin1_codes_are_known_to_places(local) -> None:
    places = read_table("find/places.csv")
    known = set(places["iso"]) | set(places["admin1"])
    assert "SY-ID" in known  # Idlib: CLDR's governorate row, not a curated region
    codes = set(local["admin1"]) - {""}
    assert codes <= known, codes - known
    assert (local["admin1"] != "").mean() > 0.99


def test_districts_and_subdistricts_of_both_countries() -> None:
    local = read_table("find/local_places.csv")
    counts = local.groupby(["country", "place_type"]).size()
    assert counts[("IQ", "district")] >= 100
    assert counts[("IQ", "subdistrict")] >= 290
    assert counts[("SY", "district")] >= 60
    assert counts[("SY", "subdistrict")] >= 270
    assert len(local) >= 1300


def test_syrian_subdistricts_carry_pcode_district_point_and_population(local) -> None:
    """Every Syrian nahiya comes from OCHA's COD-AB with its pcode, district and centroid."""
    sub = local[(local["country"] == "SY") & (local["place_type"] == "subdistrict")]
    assert sub["id"].str.fullmatch(r"ocha:SY\d{6}").all()
    assert (sub["admin2"] != "").all() and (sub["coord_basis"] == "centroid").all()
    assert (sub["population"] != "").mean() > 0.95
    # A centre subdistrict keeps only its full name: the bare name is the town's.
    centres = sub[sub["name_ar"].str.startswith("مركز")]
    assert len(centres) >= 50
    for _, row in centres.iterrows():
        assert all(k.startswith(("مركز", "ناحيه مركز")) for k in _keys(row["aliases"])), row["id"]


@pytest.mark.parametrize(
    ("key", "reason_word"),
    [("ملح", "الملح"), ("الحاضر", "حاضر"), ("الضمير", "ضمير"), ("الهول", "هول")],
)
def test_subdistrict_names_that_are_words_need_a_cue(local, key: str, reason_word: str) -> None:
    rows = local[(local["place_type"] == "subdistrict") & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(rows)
    for _, row in rows.iterrows():
        assert key in _keys(row["cue_keys"]) and reason_word in row["homograph"], row["id"]


def test_aliases_that_are_words_or_curated_regions_are_left_out(local) -> None:
    # السجن and الحصان are OCHA alternative names of the Mazraa and Qutaylibiyah
    # subdistricts; الغوطة الشرقية is the curated region, not the Jaramana subdistrict.
    sub = local[local["place_type"] == "subdistrict"]
    keys = {k for cell in sub["aliases"] for k in _keys(cell)}
    assert not keys & {"السجن", "الحصان", "الغوطه الشرقيه", "الغوطه الغربيه"}
    assert "كوباني" in keys  # Kobani, Ain al-Arab's other name, is kept
    assert "دانا" not in keys  # الدانا reads as a word (دانا): its bare form is no alias


@pytest.mark.parametrize(("key", "cue"), [
    ("الوعره", True), ("بصيره", True), ("جباره", True), ("الحسينيه", True), ("القبو", True),
    ("كوباني", False), ("السخنه", False), ("صيدنايا", False),
])
def test_subdistrict_names_frequent_with_and_without_the_article_need_a_cue(
        local, key: str, cue: bool) -> None:
    """الوعرة ("rugged") and وعرة, جبارة ("mighty") and الجبارة are both frequent, as words
    are; كوباني and السخنة are frequent only as themselves, as names are."""
    rows = local[(local["place_type"] == "subdistrict") & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(rows) == 1
    assert (key in _keys(rows.iloc[0]["cue_keys"])) == cue


@pytest.mark.parametrize("key", ["سنجار", "صيدنايا", "السخنه", "اريحا"])
def test_a_town_that_heads_a_unit_is_judged_at_its_size(local, key: str) -> None:
    """GeoNames gives these towns no population; as heads of a subdistrict or district
    their names are read without a cue."""
    towns = local[local["place_type"].isin(["town", "village"])
                  & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(towns)
    assert not any(key in _keys(c) for c in towns["cue_keys"])


@pytest.mark.parametrize(
    ("country", "name"),
    [
        # air bases
        ("IQ", "عين الأسد"), ("IQ", "قاعدة بلد"), ("IQ", "قاعدة الحبانية"), ("SY", "حميميم"),
        ("SY", "مطار الشعيرات"), ("SY", "مطار التيفور"), ("SY", "مطار كويرس"),
        ("SY", "مطار منغ"),
        # prisons
        ("IQ", "سجن أبو غريب"), ("IQ", "سجن التاجي"), ("SY", "سجن صيدنايا"),
        ("SY", "سجن غويران"), ("SY", "سجن الصناعة"),
        # camps
        ("SY", "مخيم الهول"), ("SY", "مخيم روج"), ("SY", "مخيم اليرموك"), ("SY", "مخيم الركبان"),
        # crossings
        ("IQ", "منفذ القائم"), ("SY", "معبر البوكمال"), ("SY", "معبر باب الهوى"),
        ("SY", "معبر باب السلامة"), ("IQ", "منفذ ربيعة"), ("SY", "معبر اليعربية"),
        ("IQ", "منفذ طريبيل"), ("SY", "معبر نصيب"),
        # dams
        ("IQ", "سد الموصل"), ("IQ", "سد حديثة"), ("SY", "سد الفرات"), ("SY", "سد الطبقة"),
        ("SY", "سد تشرين"),
        # districts and subdistricts
        ("IQ", "قضاء الفلوجة"), ("IQ", "ناحية الكرمة"), ("IQ", "قضاء تلعفر"),
        ("IQ", "ناحية القيارة"), ("SY", "منطقة منبج"), ("SY", "منطقة البوكمال"),
        ("SY", "ناحية الهول"), ("SY", "ناحية السخنة"), ("SY", "ناحية عين عيسى"),
        ("SY", "ناحية هجين"), ("SY", "ناحية معرتمصرين"), ("SY", "ناحية كوباني"),
        # neighbourhoods
        ("IQ", "الكرادة"), ("IQ", "مدينة الصدر"), ("SY", "جوبر"), ("SY", "باب توما"),
    ],
)
def test_well_known_conflict_places_are_present(local, country: str, name: str) -> None:
    key = match_key(name)
    rows = local[(local["country"] == country)
                 & local["aliases"].map(lambda cell: key in _keys(cell))]
    assert len(rows), name


def test_hamlets_of_both_countries_are_placed_in_a_governorate(local) -> None:
    """Who's On First's villages and neighbourhoods: thousands in each country, each with
    its point and its governorate, which a hamlet must share with its mention's sentence."""
    wof = local[local["id"].str.startswith("wof:")]
    counts = wof.groupby("country").size()
    assert counts["IQ"] >= 8000 and counts["SY"] >= 5000
    assert (wof["coord_basis"] == "point").all() and (wof["admin1"] != "").mean() > 0.99
    assert wof["aliases"].map(lambda cell: bool(_keys(cell))).all()


@pytest.mark.parametrize("key", [
    "محمد", "علي", "الثانيه", "واسعه",  # words and given names (wordfreq)
    "عبد الله", "ابو بكر", "عباس ابراهيم",  # every word frequent: a phrase or a person's name
    "جنديان", "شهيدان",  # the dual of a frequent noun
    "بغداد", "القاهره",  # a city of places.csv: a hamlet of its name is left out
])
def test_hamlet_names_that_read_as_words_or_names_are_left_out(local, key: str) -> None:
    wof = local[local["id"].str.startswith("wof:")]
    assert not any(key in _keys(c) for c in wof["aliases"])


def test_a_hamlet_name_that_is_another_word_with_a_proclitic_takes_none(local) -> None:
    # ب + رميلان is برميلان "two barrels", ب + شرية is بشرية "human"
    bare = {k for c in local["bare_keys"] for k in _keys(c)}
    assert {"رميلان", "شريه"} <= bare


def test_localities_extract_names_its_source_and_commits() -> None:
    from workbench.resources import data_path

    head = data_path("find/local_localities.csv").read_text(encoding="utf-8")[:1500]
    assert "whosonfirst-data-admin-iq commit 4c7a00f6387bcab9094ac10c9448177515f1098f" in head
    assert "whosonfirst-data-admin-sy commit 2db0f03b9f9d24bd371f318759d3e56c816c333e" in head
    assert "CC BY 4.0" in head


def test_outlets(outlets) -> None:
    assert len(outlets) >= 80
    assert set(outlets["kind"]) <= OUTLET_KINDS
    assert (outlets["source"] != "").all()
    for _, row in outlets.iterrows():
        assert match_key(row["name_ar"]) in _keys(row["aliases"]) or row["aliases"], row["id"]
        assert set(_keys(row["cue_aliases"])) <= set(_keys(row["aliases"])), row["id"]


@pytest.mark.parametrize(
    ("outlet", "place_key"),
    [("almayadeen", "الميادين"), ("anadolu", "الاناضول"), ("rtarabic", None),
     ("aljazeera", "الجزيره"), ("baghdadtoday", None)],
)
def test_outlets_named_after_places_say_so(outlets, outlet: str, place_key: str | None) -> None:
    row = outlets[outlets["id"] == outlet].iloc[0]
    assert row["place_homograph"]
    if place_key:
        assert place_key in _keys(row["cue_aliases"])
