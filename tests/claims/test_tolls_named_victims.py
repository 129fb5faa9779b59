"""Victims counted by name: the grammar of a victims phrase after a word of killing or
wounding (workbench.claims.tolls), on invented sentences."""

from __future__ import annotations

import pytest

from workbench.claims.tolls import find_tolls, names_one


def tolls(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(t.kind, t.value, t.hi) for t in find_tolls(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # two offices joined by و after a verbal noun of assassination, each one person
    ("جاء ذلك بعد اغتيال نائب رئيس المجلس أبو سالم الحلبي، وقائد اللواء الخامس سعيد "
     "نوري في كمين قرب البلدة.", [("killed", 2.0, 2.0)]),
    # an active verb: the subject stands before the victims
    ("اغتال مسلحون مجهولون مدير الناحية خالد عمر، والعقيد حسن يوسف أمام منزله.",
     [("killed", 2.0, 2.0)]),
    # «قتل معه X وY»: the company of the one the pronoun tells is added to him
    ("وأكد البيان أن القائد قتل في الغارة، وقتل معه مسؤول المالية رامي صالح وكريم "
     "ناصر المسؤول الإعلامي للتنظيم.", [("killed", 1.0, 1.0), ("killed", 3.0, 3.0)]),
    # a kinship noun with a possessive is one more person
    ("قتل الضابط عادل وزوجته وشقيقه في هجوم على منزلهم.", [("killed", 3.0, 3.0)]),
    # «وآخرين»: at least one more, how many untold
    ("اغتيل القاضي نبيل وسائقه وآخرين في المدينة.", [("killed", 3.0, None)]),
    # a plural noun and a colon, then the list of names
    ("أدى القصف إلى إصابة المواطنين: سمير حمدان الأحمد، ونادر علي (40 عاما)، وهالة "
     "سليم، من سكان القرية.", [("wounded", 3.0, 3.0)]),
    # a pronoun toll whose antecedent is a list of two
    ("أطلق مسلحون النار على المواطن سالم حسن وطفل آخر في السوق، ما أسفر عن إصابتهم.",
     [("wounded", 2.0, 2.0)]),
])
def test_a_victims_phrase_counts_each_person_it_names(text: str, expected: list) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day after the comma is no one more
    ("قتل ستة مدنيين، الخميس، في قصف على القرية.", [("killed", 6.0, 6.0)]),
    # «أحدهما» is one of those counted
    ("أسفر الهجوم عن مقتل شخصين، أحدهما يدعى سالم.", [("killed", 2.0, 2.0)]),
    # who the counted are (هم ...) adds nobody
    ("مقتل خمسة مدنيين هم امرأة وأربعة من أبنائها.", [("killed", 5.0, 5.0)]),
    # one named victim stays one: a single item is the definite noun of one already read
    ("قتل الجندي سامر في الهجوم.", [("killed", 1.0, 1.0)]),
    # an attempt is no killing, however many it names
    ("نجا من محاولة اغتيال مدير الشرطة وقائد الفوج.", []),
])
def test_a_victims_phrase_adds_no_one_it_does_not_name(text: str, expected: list) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare name set off by a comma after a singular verb counts one
    ("وقُتل سامر خليل الأحمد، بانفجار لغم قرب البلدة.", [("killed", 1.0, 1.0)]),
    # no name after a plural verb or a definite verbal noun
    ("قتلوا ضمن ضحايا القصف، وفق المصدر.", []),
    ("وكان الاغتيال يقف خلفه تنظيم مسلح، بحسب المصدر.", []),
])
def test_a_bare_name_after_a_word_of_killing_counts_one(text: str, expected: list) -> None:
    assert tolls(text) == expected


def test_a_bare_name_beside_a_figure_names_one_of_those_counted() -> None:
    found = find_tolls("قتل سبعة أشخاص في الغارة. وقُتل سامر خليل، بحسب المصادر.")
    assert [(t.value, names_one(t)) for t in found] == [(7.0, False), (1.0, True)]


@pytest.mark.parametrize(("text", "expected"), [
    # a bracket after a name (an age) is read past: the next item still counts
    ("كما قتل الطفل \"سامر خليل\" (9 أعوام) والطفلة \"ريم نادر\" (7 أعوام)، بسقوط قذيفة.",
     [("killed", 2.0, 2.0)]),
    ("وأسفر القصف عن مقتل الطفل (6 أعوام) وإصابة والدته.",
     [("killed", 1.0, 1.0), ("wounded", 1.0, 1.0)]),
])
def test_a_bracket_in_a_victims_phrase_is_read_past(text: str, expected: list) -> None:
    assert tolls(text) == expected
