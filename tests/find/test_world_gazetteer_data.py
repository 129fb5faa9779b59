"""Data checks of the world gazetteer beyond Iraq and Syria (``find/places.csv``): the
towns and districts of the other wars Arabic news reports.

Only the committed files are read: no network, no build packages.
"""

from __future__ import annotations

import pytest

from workbench.resources import read_table


def _keys(cell: str) -> list[str]:
    return [k for k in cell.split("|") if k]


@pytest.fixture(scope="module")
def places():
    return read_table("find/places.csv")


@pytest.fixture(scope="module")
def districts(places):
    return places[(places["place_type"] == "district") & places["id"].str.startswith("gn:")
                  & (places["country"] != "IQ")]


def test_districts_of_the_countries_at_war_are_listed_with_their_province(districts):
    # admin1 is the ISO 3166-2 code of the first-level unit (SD-SI for محلية سنجة)
    assert {"YE", "SD", "TD"} <= set(districts["country"])
    assert all(a.startswith(c + "-") for a, c in zip(districts["admin1"], districts["country"],
                                                      strict=True))


def test_a_district_is_named_by_two_words_or_more(districts):
    # one-word names alone (the dual مقرين, the given name ناصر) are left out
    assert all(" " in k for cell in districts["keys"] for k in _keys(cell))


def test_a_district_with_a_head_is_also_read_with_it(districts):
    keys = {k for cell in districts["keys"] for k in _keys(cell)}
    assert any(k.startswith("محليه ") for k in keys)  # Sudan's localities: محلية سنجة


def test_small_towns_of_the_wars_carry_their_province(places):
    yemen = places[(places["country"] == "YE") & (places["place_type"] == "city")]
    small = yemen[yemen["population"].astype(float) < 15_000]
    assert len(small) > 10
    assert (small["admin1"].str.startswith("YE-")).all()


def _small_towns(places):
    """The small towns listed for the wars (GeoNames cities1000, after every other place)."""
    source = places["source"]
    return places[source.str.contains("cities1000") & ~source.str.contains("CLDR exemplar")
                  & (places["place_type"] == "city") & (places["country"] != "IQ")]


def test_every_city_of_the_wars_carries_its_province(places):
    # حلب SY-HL, إدلب SY-ID, دير الزور SY-DY: a chart by governorate has Syria's events too
    cities = places[places["place_type"].isin(["city", "capital"])
                    & places["country"].isin(["SY", "YE", "LY", "SO", "SD", "LB"])]
    assert len(cities) > 200
    assert (cities["admin1"].str[:3] == cities["country"] + "-").all()
    aleppo = places[(places["country"] == "SY") & (places["name_en"] == "Aleppo")]
    assert set(aleppo["admin1"]) == {"SY-HL"}


def test_small_foreign_towns_leave_the_names_of_iraq_and_syria_to_them(places):
    table = read_table("find/local_places.csv")
    local = {k for cell in table[table["country"].isin(["IQ", "SY"])]["aliases"]
             for k in _keys(cell)}
    small = _small_towns(places)
    assert len(small) > 100
    assert not [k for cell in small["keys"] for k in _keys(cell) if k in local]


def test_a_small_town_takes_no_name_from_a_place_of_another_country(places):
    small = _small_towns(places)
    others = places[~places.index.isin(small.index)]
    held = {k: c for cell, c in zip(others["keys"], others["country"], strict=True)
            for k in _keys(cell)}
    assert not [k for cell, c in zip(small["keys"], small["country"], strict=True)
                for k in _keys(cell) if k in held and held[k] != c]


def test_no_name_is_stored_in_reverse_letter_order(places):
    # ة never begins a word: a GeoNames name that does is the mirror image of the name
    assert not [n for n in places["name_ar"] if any(w.startswith("ة") for w in n.split())]
