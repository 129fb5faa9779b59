"""Tolls on small made-up reports: a toll told over places a dual head names (قصف على قريتي
كذا وكذا أدى إلى مقتل خمسة) is the attacks' there together, no one place's: the guideline puts
it in the source column only; one place between two (بين قريتي) is one attack with its toll."""

from __future__ import annotations

import workbench
from workbench.claims.tolls import Toll, over_places


def _events(text: str):
    return workbench.analyze(text).events


def test_a_toll_over_two_villages_is_no_one_village_s():
    ev = _events("قتل خمسة مدنيين وأصيب ثلاثة آخرون، الاثنين، بقصف مدفعي على قريتي كفرنبل وحاس "
                 "في ريف إدلب الجنوبي.")
    assert len(ev) == 2
    assert ev.fatalities.tolist() == ["", ""] and ev.injured.tolist() == ["", ""]
    assert "combined toll" in " ".join(ev.toll_source)


def test_one_place_between_two_villages_keeps_its_toll():
    ev = _events("قتل خمسة مدنيين بقصف مدفعي على منطقة تقع بين قريتي كفرنبل وحاس في ريف إدلب "
                 "الجنوبي.")
    assert ev.fatalities.tolist() == ["5"]


def test_the_toll_of_another_attack_in_the_sentence_stays_its_own():
    ev = _events("قتل خمسة مدنيين، الاثنين، بقصف على قريتي كفرنبل وحاس في ريف إدلب، وذلك في الوقت "
                 "الذي ارتفعت فيه حصيلة هجوم شنه مسلحون على بلدة سراقب الأحد إلى 12 قتيلا.")
    tolls = dict(zip(ev.location, ev.fatalities, strict=True))
    assert tolls.get("Saraqib") == "12" and "5" not in tolls.values()


def test_a_dual_head_is_read_by_the_morphology():
    text = "قتل سبعة بقذائف على مناطق حدودية بولايتي شانلي أورفه وماردين."
    toll = Toll("killed", 7, 7, 7, 0, 8, "قتل سبعة")
    assert text[:over_places(text, toll)].endswith("بولايتي")
