"""Event resolution on small reports: spots against frames, further attacks, tolls by attack."""

from __future__ import annotations

import workbench
from workbench.claims.tolls import find_tolls


def _events(text: str, published: str = "2017-11-11"):
    return workbench.analyze(text, published=published).events


def test_a_town_in_a_countryside_is_the_spot_not_the_governorate():
    ev = _events("استهدفت طائرة حربية مدينة الدانا في ريف إدلب الشمالي، ما أسفر عن مقتل سبعة مدنيين.")
    assert ev.location.tolist() == ["Ad Dānā"] and ev.fatalities.tolist() == ["7"]


def test_another_strike_is_a_second_event_with_its_own_toll():
    ev = _events("قتل سبعة مدنيين في غارة جوية على بلدة خشام في محافظة دير الزور كما قتل ثلاثة "
                 "مدنيين في غارة أخرى على محافظة الحسكة.")
    assert len(ev) == 2 and sorted(ev.fatalities) == ["3", "7"]


def test_at_least_is_a_count_not_a_negation():
    ev = _events("قُتل ما لا يقل عن 18 شخصا في انفجار سيارة ملغومة بمدينة الحلة.")
    assert ev.modality.tolist() == ["asserted"] and ev.fatalities.tolist() == ["18"]


def test_duals_and_bounds_are_tolls():
    tolls = [(t.kind, t.value) for t in find_tolls("الحصيلة قتيلان وخمسة جرحى، ومقتل أكثر من 20 شخصا.")]
    assert tolls == [("killed", 2.0), ("wounded", 5.0), ("killed", 20.0)]


def test_a_square_the_gazetteer_knows_is_the_spot_not_its_city():
    # the city named in a later sentence of the same attack does not replace the square
    ev = _events("قتل 26 شخصا في هجوم انتحاري في ساحة الطيران ببغداد.\n\n"
                 "والهجوم هو الأعنف الذي شهدته بغداد منذ أشهر.")
    assert ev.location.tolist() == ["ساحة الطيران"]


def test_an_attack_between_two_villages_is_one_event():
    # بين قريتي X وY places one attack between them; أحياء X وY lists one attack on each
    ev = _events("قتل عنصر في عملية اغتيال نفذها مسلحون بين بلدتي تسيل وعدوان في ريف درعا الغربي.")
    assert len(ev) == 1 and ev.location.tolist() == ["تسيل"]
