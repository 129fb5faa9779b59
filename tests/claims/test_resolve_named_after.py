"""A site named by a head noun and the name of another row's place (مستشفى X beside بلدة X)
told the same day is a part of that place's attack, not a second event."""

from __future__ import annotations

import workbench

_TOWN = "قتل خمسة مدنيين بقصف جوي استهدف بلدة الخربوشة في ريف حلب اليوم.\n\n"
_SITE = ("وقال الدفاع المدني إن الطائرات الروسية استهدفت مستشفى {}، مخلفة أضرارا مادية "
         "كبيرة فيه.")


def _locations(text: str) -> list[str]:
    return list(workbench.analyze(text, published="2019-05-06").events["location"])


def test_a_site_named_after_the_town_of_the_attack_is_that_attack():
    assert _locations(_TOWN + _SITE.format("الخربوشة")) == ["الخربوشة"]


def test_the_site_joins_the_town_past_an_attack_told_between():
    text = _TOWN + "كما شنت الطائرات غارات على مدينة عندان.\n\n" + _SITE.format("الخربوشة")
    assert _locations(text) == ["الخربوشة", "عندان"]


def test_a_site_named_after_another_town_stays_an_event_of_its_own():
    assert len(_locations(_TOWN + _SITE.format("الطويرشة"))) == 2
