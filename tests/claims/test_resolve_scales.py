"""Events on small made-up reports: one attack told first at a coarse place, then at its spot."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2019-03-12"):
    return workbench.analyze(text, published=published).events


LEAD = "قتل جندي جراء انفجار عبوة ناسفة في ريف القنيطرة{when}. "
SPOT = "وقالت مصادر محلية إن عبوة ناسفة انفجرت{when} بسيارة عسكرية في بلدة خان أرنبة بريف القنيطرة."


def test_a_lead_in_the_countryside_and_the_town_after_it_are_one_attack():
    ev = _events(LEAD.format(when="") + SPOT.format(when=""))
    assert ev.location.tolist() == ["Khān Arnabah"]


def test_a_coarse_lead_of_another_day_stays_an_attack_of_its_own():
    ev = _events(LEAD.format(when=" أمس الأول") + SPOT.format(when=" اليوم"))
    assert len(ev) == 2


def test_a_coarse_lead_told_of_another_means_stays_an_attack_of_its_own():
    ev = _events("قتل جندي في غارة جوية على ريف القنيطرة. " + SPOT.format(when=""))
    assert len(ev) == 2


def test_a_coarse_lead_dated_in_other_words_of_the_same_day_is_the_same_attack():
    # صباح اليوم الثلاثاء and صباح اليوم both resolve to the day of publication
    ev = _events(LEAD.format(when=" صباح اليوم الثلاثاء") + SPOT.format(when=" صباح اليوم"))
    assert ev.location.tolist() == ["Khān Arnabah"]
    assert ev.fatalities.tolist() == ["1"]


def test_a_coarse_lead_dated_in_other_words_with_nothing_to_resolve_them_stays_apart():
    # no publication date: أمس and الثلاثاء may be two days
    ev = _events(LEAD.format(when=" أمس") + SPOT.format(when=" الثلاثاء"), published=None)
    assert len(ev) == 2


def test_a_region_that_holds_the_governorate_of_the_site_frames_it():
    # ISO 3166-2 puts Erbil in the Kurdistan Region: the region named with the airport
    # tells where the airport lies, no second attack
    ev = workbench.analyze("تعرضت القاعدة الأمريكية قرب مطار أربيل في إقليم كردستان العراق "
                           "لهجوم صاروخي اليوم.", published="2020-09-30").events
    assert ev.location.tolist() == ["Erbil International Airport"]


def test_an_attack_told_at_a_border_and_then_at_its_town_is_one_attack():
    # a border names no settlement and lies on two countries: the town told after it,
    # in either country, is where the attack was
    ev = workbench.analyze("قتل عشرة مدنيين في هجوم شنه مسلحون على الحدود مع النيجر. وقال مصدر "
                           "أمني إن بلدة جيبو كانت هدفا لهجوم شنه المسلحون.",
                           published="2020-09-30").events
    assert ev.location.tolist() == ["Djibo"]
