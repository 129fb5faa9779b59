"""Events on small made-up reports: the place where the teller of the news sits is no place
of the attack it tells."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2022-05-26"):
    return workbench.analyze(text, published=published).events


def test_an_agency_in_a_region_tells_the_attack_at_the_village_before():
    ev = _events("قصفت طائرات تركية قرية زيوة في دهوك، ما أودى بحياة شخصين.\n\n"
                 "وذكر جهاز مكافحة الإرهاب في إقليم كوردستان في بيان، أنه \"فقد شخصان حياتهما "
                 "جراء هجوم صاروخي شنه مقاتلو حزب العمال الكوردستاني\".")
    assert ev.location.tolist() == ["زيوة"]


def test_a_place_after_in_that_follows_no_teller_is_the_attacks():
    ev = _events("قتل شخصان جراء هجوم صاروخي على مقر جهاز مكافحة الإرهاب في مدينة دهوك.")
    assert ev.location.tolist() == ["Dohuk"]
