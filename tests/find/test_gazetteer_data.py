"""Data checks of the local gazetteer (Iraq and Syria, and the towns, villages and districts
of the other wars ``places.csv`` does not list) and of the outlets lexicon.

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
                                  "find/outlets.csv", "find/local_admin.csv"])
def test_ids_are_unique(name: str) -> None:
    ids = read_table(name)["id"]
    assert not ids[ids.duplicated()].tolist()


# The other wars: Yemen, Libya, Sudan, South Sudan, Somalia, Lebanon, the West Bank and
# Gaza, Egypt (Sinai), the Sahel and Lake Chad, Mozambique.
WARS = {"YE", "LY", "SD", "SS", "SO", "LB", "PS", "EG", "ML", "BF", "NE", "TD", "NG", "MZ"}


def test_every_place_has_a_key_type_country_and_source(local) -> None:
    assert {"IQ", "SY", "YE", "LB", "PS", "SD"} <= set(local["country"]) <= {"IQ", "SY"} | WARS
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
    for _, row in placed[placed["country"].isin(BBOX)].iterrows():
        lat0, lat1, lon0, lon1 = BBOX[row["country"]]
        assert lat0 <= float(row["lat"]) <= lat1 and lon0 <= float(row["lon"]) <= lon1, row["id"]
        assert row["coord_basis"], row["id"]


def test_admin1_codes_are_known_to_places(local) -> None:
    places = read_table("find/places.csv")
    known = set(places["iso"]) | set(places["admin1"])
    assert "SY-ID" in known  # Idlib: CLDR's governorate row, not a curated region
    codes = set(local["admin1"]) - {""}
    assert codes <= known, codes - known
    # GeoNames puts the towns of the West Bank and Gaza in two units of its own (WE, GZ)
    # that ISO 3166-2 lacks: their governorate is left empty, as in places.csv.
    assert (local[local["country"] != "PS"]["admin1"] != "").mean() > 0.99


@pytest.mark.parametrize(
    ("country", "name"),
    [("YE", "حيس"), ("YE", "الخوخة"), ("YE", "خور مكسر"), ("YE", "مديرية رداع"),
     ("LB", "بنت جبيل"), ("LB", "قضاء مرجعيون"), ("SD", "محلية الدامر")],
)
def test_towns_and_districts_of_the_other_wars(local, country: str, name: str) -> None:
    key = match_key(name)
    rows = local[(local["country"] == country) & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(rows) and (rows["admin1"] != "").all(), name


def test_other_wars_leave_names_to_places_elsewhere_and_to_words(local) -> None:
    """الدوحة stays Doha and جديدة the Syrian village; a village's name that is a word
    written every day (معبر "crossing") or a one-word district name is left out."""
    places = read_table("find/places.csv")
    others = local[local["country"].isin(WARS)]
    keys = {k: c for cell, c in zip(others["aliases"], others["country"], strict=True)
            for k in _keys(cell)}
    held = {(k, c) for cell, c in zip(places["keys"], places["country"], strict=True)
            for k in _keys(cell)}
    assert not [k for k, c in keys.items() if any(k == h and c != hc for h, hc in held)]
    assert "الدوحه" not in keys and "جديده" not in keys and "معبر" not in keys
    districts = others[others["place_type"] == "district"]
    assert len(districts) > 50
    assert all(" " in k for cell in districts["aliases"] for k in _keys(cell))


def test_districts_and_subdistricts_of_both_countries() -> None:
    local = read_table("find/local_places.csv")
    counts = local.groupby(["country", "place_type"]).size()
    assert counts[("IQ", "district")] >= 100
    assert counts[("IQ", "subdistrict")] >= 290
    assert counts[("SY", "district")] >= 60
    assert len(local) >= 1100


@pytest.mark.parametrize(
    ("key", "reason_word"),
    [("الوليد", "وليد"), ("الدير", "دير"), ("الهلال", "هلال"), ("الحريه", "حريه")],
)
def test_subdistrict_names_that_are_words_need_a_cue(local, key: str, reason_word: str) -> None:
    rows = local[(local["place_type"] == "subdistrict") & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(rows)
    for _, row in rows.iterrows():
        assert key in _keys(row["cue_keys"]) and reason_word in row["homograph"], row["id"]


@pytest.mark.parametrize(("key", "cue"), [
    ("جباره", True), ("الحسينيه", True), ("الكرمه", False), ("القياره", False),
    ("العامريه", False),
])
def test_subdistrict_names_frequent_with_and_without_the_article_need_a_cue(
        local, key: str, cue: bool) -> None:
    """جبارة ("mighty") and الجبارة are both frequent, as words are; القيارة and الكرمة are
    not, as names are not."""
    rows = local[(local["place_type"] == "subdistrict") & local["aliases"].map(lambda c: key in _keys(c))]
    assert len(rows) == 1
    assert (key in _keys(rows.iloc[0]["cue_keys"])) == cue


@pytest.mark.parametrize(("country", "key"), [("IQ", "سنجار"), ("SY", "اريحا")])
def test_a_town_that_heads_a_unit_is_judged_at_its_size(local, country: str, key: str) -> None:
    """A town that heads a district is read without a cue, as its district is."""
    towns = local[local["place_type"].isin(["town", "village"]) & (local["country"] == country)
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
        ("SY", "كوباني"), ("SY", "عين العرب"),
        # neighbourhoods
        ("IQ", "الكرادة"), ("IQ", "مدينة الصدر"), ("SY", "جوبر"), ("SY", "باب توما"),
    ],
)
def test_well_known_conflict_places_are_present(local, country: str, name: str) -> None:
    key = match_key(name)
    rows = local[(local["country"] == country)
                 & local["aliases"].map(lambda cell: key in _keys(cell))]
    assert len(rows), name


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
