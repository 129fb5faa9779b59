"""Tolls told by the subject before the verb: the noun that opens a reported clause counts."""

from __future__ import annotations

from workbench.claims.tolls import find_tolls


def _killed(text: str) -> list[float | None]:
    return [t.value for t in find_tolls(text) if t.kind == "killed"]


def test_a_subject_after_the_preposition_of_a_reported_clause_counts_one():
    assert _killed("وأفاد مصدر محلي بأن طفلاً قتل بقذيفة سقطت على منزله.") == [1.0]


def test_the_numeral_one_after_its_noun_keeps_the_noun_the_subject():
    assert _killed("وقالت الشرطة إن شرطياً واحداً قتل في الهجوم.") == [1.0]


def test_a_subject_in_the_middle_of_a_clause_is_no_toll():
    # the noun does not open its clause: it is the object of the verb before it
    assert _killed("شاهد الناس مدنياً قتل في الهجوم.") == []


def test_a_lady_counts_one_and_two_ladies_two():
    assert _killed("أدى القصف لاستشهاد سيدة وإصابة آخرين.") == [1.0]
    assert _killed("ما أدى إلى مقتل سيدتين في المنزل.") == [2.0]
