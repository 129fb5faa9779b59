"""Events: one attack told at a spot is one row there, whatever other governorates its clause
names around it (the scene of a campaign, the governorate of a title); a dual or plural attack
noun still has one row in each governorate it is told in."""

from __future__ import annotations

import workbench


def _rows(text: str) -> list[list[str]]:
    ev = workbench.analyze(text, published="2021-05-02").events
    return ev[["location", "kind"]].values.tolist()


def test_a_campaign_named_around_a_shelled_village_is_no_second_attack():
    rows = _rows("قتل ثلاثة مدنيين بقصف على قرية الرقامة في ريف حمص، ضمن الحملة العسكرية "
                 "المستمرة في محافظة إدلب.")
    assert rows == [["Ar Riqāmā", "shelling"]]


def test_the_governorates_of_titles_are_no_places_of_the_attack():
    rows = _rows("نجا المسؤول من محاولة اغتيال برفقة محافظ محافظة عدن ومحافظ محافظة لحج في "
                 "مدينة إنماء.")
    assert rows == [["إنماء", "assassination"]]


def test_a_dual_attack_noun_keeps_a_row_in_each_governorate():
    rows = _rows("قتل خمسة أشخاص في تفجيرين في قرية الرقامة بريف حمص وفي محافظة إدلب.")
    assert sorted(r[0] for r in rows) == ["Ar Riqāmā", "Idlib"]
