"""A toll told above every attack of a report, in no attack's sentence, sums the attacks told
below it when they stand at two places or more; with one attack it is that attack's toll."""

from __future__ import annotations

import workbench


def _events(text: str):
    return workbench.analyze(text, published="2022-03-14").events


def test_a_days_total_above_two_attacks_is_neither_attacks_toll():
    text = ("خمسة قتلى في محافظة حمص في يوم واحد.\n\n"
            "وانفجرت عبوة ناسفة بسيارة في مدينة تلبيسة مساء اليوم.\n\n"
            "كما قتل أربعة أشخاص بانفجار عبوة ناسفة في مدينة الرستن.")
    ev = _events(text)
    assert len(ev) == 2
    assert sorted(ev.fatalities.tolist()) == ["", "4"]


def test_a_toll_above_one_attack_is_its_toll():
    text = ("سبعة قتلى في محافظة حمص.\n\n"
            "وانفجرت عبوة ناسفة بسيارة في مدينة الرستن صباح اليوم.")
    ev = _events(text)
    assert ev.fatalities.tolist() == ["7"]
