"""Towns, villages and districts of the wars beyond Iraq and Syria that ``places.csv`` does
not list (``local_places.csv``): read with their country and governorate, and without
taking a name from a better-known place elsewhere."""

from __future__ import annotations

import pytest

from workbench.find.places import find_places


@pytest.mark.parametrize("text, mention, country, admin1, kind", [
    ("قصفت طائرات حربية مدينة حيس جنوبي الحديدة مساء أمس.", "حيس", "YE", "YE-HU", "village"),
    ("اندلعت اشتباكات عنيفة في مديرية رداع بمحافظة البيضاء.", "مديرية رداع", "YE", "YE-BA",
     "district"),
    ("قتل ثلاثة مدنيين بقصف على بلدة بنت جبيل في جنوب لبنان.", "بنت جبيل", "LB", "LB-NA",
     "village"),
])
def test_a_place_of_another_war_is_read_in_its_governorate(
        text: str, mention: str, country: str, admin1: str, kind: str) -> None:
    df = find_places(text)
    row = df[df["text"] == mention].iloc[0]
    assert (row["country"], row["admin1"], row["place_type"]) == (country, admin1, kind)


def test_a_village_of_another_war_takes_no_name_from_a_capital() -> None:
    # a West Bank village is also called الدوحة: the name stays Qatar's capital
    df = find_places("وصل وفد الحركة إلى الدوحة لاستئناف المفاوضات.")
    assert df[df["text"] == "الدوحة"].iloc[0]["country"] == "QA"


def test_a_village_named_with_an_everyday_word_is_not_read() -> None:
    # a Yemeni village is called معبر, "crossing"
    df = find_places("أغلقت السلطات المعبر وقالت إن معبر الحدود سيفتح غدا.")
    assert not len(df) or "YE" not in set(df["country"])
