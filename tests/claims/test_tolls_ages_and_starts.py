"""Tolls: a figure that is a person's age counts nobody; a figure after a period since the
start of something (منذ بداية الحملة) is a total."""

from __future__ import annotations

from workbench.claims.tolls import find_tolls


def _tolls(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_a_figure_before_years_after_a_noun_of_one_is_an_age():
    assert _tolls("ما أدى إلى مقتل طفل 10 سنوات ووقوع 6 جرحى.") == [("killed", 1.0), ("wounded", 6.0)]
    assert _tolls("مقتل طفلة 5 أعوام.") == [("killed", 1.0)]


def test_a_figure_after_a_noun_and_before_no_unit_of_age_still_counts():
    assert _tolls("مقتل مدنيين اثنين.") == [("killed", 2.0)]


def test_since_the_start_of_a_campaign_makes_a_total():
    assert _tolls("استجاب الدفاع المدني منذ بداية الحملة العسكرية لأكثر من 650 هجوماً أدت "
                  "لمقتل 135 شخصاً.") == []
    assert _tolls("قتل 5 أشخاص منذ مطلع الشهر.") == []


def test_a_number_word_before_wounds_in_either_plural_is_a_wounded_toll():
    assert _tolls("ما أدى لإصابة اثنين بجراح.") == [("wounded", 2.0)]
    assert _tolls("ما أدى لإصابة اثنين بجروح.") == [("wounded", 2.0)]
