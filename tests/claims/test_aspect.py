"""Aspect and reference: a habit or a tally of attacks makes no event row; one attack does."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2021-03-20"):
    return workbench.analyze(text, published=published).events


def test_attacks_as_the_object_of_an_imperfect_are_a_habit():
    assert len(_events("ويشن المسلحون هجمات على قرى ريف حماة.")) == 0
    assert len(_events("وتشهد بلدات ريف حماة الشمالي اشتباكات ليلية.")) == 0


def test_the_same_attacks_in_the_perfect_are_an_event():
    ev = _events("وشن المسلحون هجمات على قرى ريف حماة.")
    assert len(ev) == 1


def test_a_day_named_makes_the_imperfect_news_again():
    assert len(_events("وتشن الطائرات اليوم غارات على بلدة كفرنبل.")) == 1


def test_a_word_of_frequency_makes_attacks_a_habit():
    assert len(_events("وهي غارات عادة ما تنفذها طائرات مجهولة على بلدة كفرنبل.")) == 0


def test_attacks_counted_over_a_year_are_a_total_over_two_days_events():
    assert len(_events("ونفذ الطيران 45 غارة على محافظة إدلب خلال العام الماضي.")) == 0
    assert len(_events("ونفذ الطيران 3 غارات على بلدة كفرنبل خلال يومين.")) >= 1


def test_a_habit_leaves_the_attack_told_beside_it():
    ev = _events("قتل ثلاثة مدنيين بانفجار عبوة ناسفة في بلدة الصنمين أمس. "
                 "وتشهد محافظة درعا تفجيرات واغتيالات بين حين وآخر.")
    assert len(ev) == 1 and ev.start.tolist() == ["2021-03-19"]


def test_an_agreement_after_a_preposition_is_the_frame_not_the_signing():
    assert "agreement" not in _events(
        "تقع بلدة كفرنبل ضمن المنطقة المحددة في اتفاق خفض التصعيد.").kind.tolist()
    assert _events("أعلنت الحكومة وقف إطلاق النار في درعا.").kind.tolist() == ["agreement"]


def test_a_fight_waged_or_a_shelling_escalated_is_a_course_not_an_attack():
    assert len(_events("وتخوض القوات الحكومية قتالا ضد المسلحين قرب الحدود مع الأردن.")) == 0
    assert len(_events("وكثفت قوات النظام من قصفها لمناطق ريف إدلب الجنوبي.")) == 0
    # a day named makes the escalation the day's shelling
    assert len(_events("وكثفت قوات النظام قصفها على بلدة كفرنبل اليوم.")) == 1
