"""A toll told in a lead at a city or a governorate goes with the lead to the row of the same
attack told next at its spot, when nothing in the text places that spot elsewhere."""

from __future__ import annotations

import workbench


def _events(text: str):
    return workbench.analyze(text, published="2022-03-14").events


def test_a_capital_lead_folds_into_the_hotel_the_next_sentence_names():
    text = ("أعلنت الشرطة مقتل 12 شخصا وإصابة 20 آخرين في هجوم انتحاري في العاصمة مقديشو اليوم. "
            "واستهدف التفجير فندق النجمة الفاخر على الشاطئ.")
    ev = _events(text)
    assert len(ev) == 1
    assert ev.fatalities.tolist() == ["12"] and ev.injured.tolist() == ["20"]


def test_a_capital_lead_keeps_its_toll_beside_a_village_told_after_it():
    # a village may lie outside the city: the lead is not folded into it
    text = ("قتل 9 مدنيين في غارة جوية على مدينة إدلب اليوم. "
            "وأصيب راع بجروح نتيجة غارة جوية على قرية كفرنوران.")
    ev = _events(text)
    assert "9" in ev.fatalities.tolist()


def test_a_capital_lead_folds_into_the_quarter_its_strike_is_told_at():
    text = ("قتل 4 مدنيين في غارة جوية على العاصمة صنعاء اليوم. "
            "واستهدفت الغارة منزلا في حي الحصبة.")
    ev = _events(text)
    assert len(ev) == 1 and ev.location.tolist() == ["حي الحصبة"]
    assert ev.fatalities.tolist() == ["4"]
