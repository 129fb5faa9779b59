"""A name the gazetteer knows only in a far country, placed by its phrase in a known place of
another country, is the local place: flagged unknown_place, with the locator's country."""

from __future__ import annotations

import math

import pytest

from workbench.find.places import find_places


def _row(text: str, name: str) -> dict:
    df = find_places(text)
    return df[df["text"].str.contains(name)].iloc[0].to_dict()


@pytest.mark.parametrize("text, mention, country, admin1, kind", [
    ("انفجرت عبوة ناسفة في حي الجديدة في الموصل صباح اليوم.", "حي الجديدة", "IQ", "IQ-NI",
     "neighbourhood"),
    ("دارت اشتباكات عنيفة قرب بلدة الجديدة التابعة لمحافظة دير الزور.", "الجديدة", "SY", "SY-DY",
     "town"),
    ("سقطت قذائف على قرية الجديدة بريف دير الزور الشرقي.", "الجديدة", "SY", "", "village"),
])
def test_a_far_town_placed_in_a_known_place_of_another_country_is_local(
        text: str, mention: str, country: str, admin1: str, kind: str) -> None:
    row = _row(text, "الجديد")
    assert row["text"] == mention
    assert row["flags"] == "unknown_place"
    assert (row["country"], row["place_type"], row["place_id"]) == (country, kind, "")
    assert not admin1 or row["admin1"] == admin1
    assert math.isnan(row["lat"])  # no invented coordinates


def test_every_item_of_a_list_under_a_plural_head_takes_the_locator() -> None:
    df = find_places("نزح الأهالي من قريتي الجديدة والقصر في ريف حلب.")
    items = df[df["flags"] == "unknown_place"]
    assert items["text"].tolist() == ["الجديدة", "القصر"]
    assert set(items["country"]) == {"SY"}


@pytest.mark.parametrize("text", [
    "زار الوزير مدينة الجديدة في المغرب أمس.",  # the same country: the gazetteer's town
    "سافر التاجر من مدينة الجديدة إلى الموصل.",  # إلى tells where to, it holds nothing
    "وقع الحادث في بلدة الجديدة على الحدود مع العراق.",  # a border holds nothing
])
def test_the_gazetteer_town_stays_when_nothing_places_it_elsewhere(text: str) -> None:
    row = _row(text, "الجديد")
    assert row["value"] == "El Jadida"
    assert row["country"] == "MA"
