"""Events on small made-up reports: nouns in the accusative, leads that sum up several
attacks, places named after a town, adjectives after a plural place head."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2016-05-23"):
    return workbench.analyze(text, published=published).events


def test_an_ambush_in_the_accusative_is_an_event_at_its_place():
    ev = _events("قال مسؤول إن مسلحين نصبوا كميناً لقافلة قرب مدينة كركوك وقتلوا 25 منهم.")
    assert ev.kind.tolist() == ["armed_clash"] and ev.location.tolist() == ["Kirkuk"]


def test_a_lead_over_two_towns_leaves_each_its_own_place():
    ev = _events("وقعت تفجيرات متزامنة في كل من طرطوس وجبلة صباح اليوم.\n\n"
                 "ففي مدينة جبلة وقعت أربعة تفجيرات أسفرت عن مقتل 45 مواطنا.\n\n"
                 "كما وقعت ثلاثة تفجيرات في مدينة طرطوس أسفرت عن مقتل 20 مواطنا.")
    # the lead names two governorates (Jableh is in Latakia): a row for each, as told below
    assert sorted(zip(ev.location, ev.admin1, ev.fatalities, strict=True)) == [
        ("Jablah", "Latakia", "45"), ("Ţarţūs", "Tartus", "20")]


def test_a_strike_by_a_road_named_after_the_town_is_the_strike_near_the_town():
    ev = _events("قتل عنصر وأصيب اثنان آخران اليوم إثر استهداف مسيرة لسيارة في ريف القامشلي.\n\n"
                 "وقال مصدر إن الطائرة استهدفت السيارة قرب قرية دوكركا على طريق القامشلي – "
                 "المالكية.", published="2023-09-02")
    assert len(ev) == 1 and ev.location.tolist() == ["دوكركا"]
    assert (ev.fatalities.tolist(), ev.injured.tolist()) == (["1"], ["2"])


def test_ground_an_attack_was_launched_to_retake_is_no_second_event():
    ev = _events("وكانت القوات العراقية قد شنت هجوما في كانون الثاني الماضي لاستعادة عدة بلدات "
                 "في قضاء القائم.", published="2017-04-01")
    assert ev.kind.tolist() == ["attack"]
    assert len(_events("انسحبت القوات الأمريكية من قاعدة التاجي.")) == 1


def test_a_past_said_after_another_event_word_does_not_make_the_attack_a_recalled_one():
    ev = _events("قتل 26 شخصا في هجوم انتحاري في ساحة الطيران ببغداد.\n\n"
                 "والهجوم هو الأعنف الذي شهدته بغداد بعد الإعلان عن تحرير البلاد من سيطرة "
                 "التنظيم نهاية العام الماضي.", published=None)
    assert ev.role.tolist() == ["main"]
