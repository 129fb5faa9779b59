"""Deaths told as a life parted with or lost (فارق الحياة، فقد حياته), and the wounded one who
then died: made-up sentences, one form each."""

from workbench.claims.tolls import find_tolls


def _read(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_the_subject_between_the_verb_and_the_life_is_counted():
    assert _read("فارق طفل الحياة في المستشفى.") == [("killed", 1.0)]
    assert _read("فقد شخصان حياتهما جراء القصف.") == [("killed", 2.0)]
    assert _read("فقد أربعة عمال حياتهم في الانفجار.") == [("killed", 4.0)]


def test_the_subject_before_the_verb_is_counted():
    assert _read("وقال المصدر إن شابا فارق الحياة.") == [("killed", 1.0)]


def test_losing_anything_but_life_is_no_death():
    assert _read("فقدت القوات السيطرة على التلة.") == []
    assert _read("فقد الأهالي منازلهم في القصف.") == []


def test_the_one_wounded_who_died_of_it_is_a_death_and_no_wound():
    assert _read("أصيب جندي برصاصة في صدره فارق على إثرها الحياة.") == [("killed", 1.0)]
    assert _read("أصيب شرطي بجروح بليغة، توفي متأثرا بها لاحقا.") == [("killed", 1.0)]
    # the death before the wound's noun: no wounded toll either
    assert _read("مدني فارق الحياة بعد إصابته بشظية.") == [("killed", 1.0)]


def test_a_death_of_another_or_of_more_stays_apart_from_the_wound():
    # a full stop ends the wounding's sentence
    assert _read("أصيب جندي بجروح. وتوفي متأثرا بجروحه مسن آخر.")[0] == ("wounded", 1.0)
    # two died, one was told wounded: the death is not his alone
    assert _read("أصيب شرطيان بجروح توفيا على إثرها.") == [("wounded", 2.0)]
    # a death told without tying it to the wound (no على إثرها، متأثرا) is not read as his
    assert _read("أصيب جندي، وسط تصاعد حالات القتل في المنطقة.") == [("wounded", 1.0)]
