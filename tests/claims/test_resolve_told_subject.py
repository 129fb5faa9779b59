"""A verb whose subject is the definite noun of one blast (واستهدف الانفجار مسجدا) tells what
the blast already told hit: no second event, and the event stays at the place it was told at.
A shelling may reach another place (وطال القصف): its definite noun is no such sign."""

from __future__ import annotations

import workbench


def _events(text: str):
    return workbench.analyze(text, published="2020-03-01").events


def test_a_verb_with_the_blast_told_as_subject_adds_a_target_not_an_event():
    text = ("قتل سبعة أشخاص في انفجار عبوة ناسفة في حي الجهاد ببغداد مساء أمس.\n\n"
            "واستهدف الانفجار مسجد الرحمن أثناء صلاة المغرب.")
    events = _events(text)
    assert len(events) == 1
    assert events.iloc[0]["location"] == "Hay al-Jihad"


def test_a_second_blast_told_as_subject_is_still_another_event():
    text = ("قتل سبعة أشخاص في انفجار عبوة ناسفة في حي الجهاد ببغداد مساء أمس.\n\n"
            "واستهدف التفجير الثاني سوقا في حي العامل.")
    assert len(_events(text)) == 2
