"""Events on small made-up reports: one name is one place whichever gazetteer entry it
reads as (قرية الرشاد in the lead, الرشاد التابعة لقضاء المقدادية in the toll's sentence),
and an attack word with أيضاً at a place no incident holds is one more attack there."""

from __future__ import annotations

import workbench
from workbench.claims.resolve import place_name


def _events(text: str, published: str | None = "2021-11-24"):
    return workbench.analyze(text, published=published).events


def test_a_unit_head_is_no_part_of_the_name():
    assert place_name("قضاء هيت") == place_name("هيت") == "هيت"
    assert place_name("ساحة الطيران") != place_name("الطيران")  # a site's head is its name


def test_an_attack_retold_at_its_village_under_another_entry_is_one_row():
    ev = _events("قتل 12 شخصا في هجوم لمسلحين على قرية الرشاد في محافظة ديالى مساء الثلاثاء.\n\n"
                 "وارتفعت حصيلة ضحايا هجوم شنه مسلحو تنظيم داعش مساء الثلاثاء على قرية الرشاد "
                 "التابعة لقضاء المقدادية إلى 12 قتيلا.")
    assert len(ev) == 1 and ev.fatalities.tolist() == ["12"]


def test_also_at_a_new_village_is_one_more_attack_and_with_a_toll_the_same_one():
    ev = _events("قتل ستة مدنيين بقصف مدفعي على قرية كفرنبل اليوم.\n\n"
                 "وطال القصف أيضاً قرية حاس القريبة، وسقطت القذائف في الأراضي الزراعية.")
    assert ev.location.tolist() == ["Kafranbel", "حاس"] and ev.fatalities.tolist() == ["6", ""]
    ev = _events("قتل ستة مدنيين بقصف مدفعي على قرية كفرنبل اليوم.\n\n"
                 "وأسفر القصف أيضاً عن إصابة عشرة آخرين في كفرنبل.")
    assert len(ev) == 1 and ev.injured.tolist() == ["10"]
