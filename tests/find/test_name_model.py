"""The model of what a place name looks like in context (workbench.find.name_model)."""

from __future__ import annotations

from workbench.find.name_model import (
    bare_features,
    bare_name_p,
    held_out_logodds,
    is_bare_name,
    name_logodds,
    weights,
)


def test_the_letters_of_names_and_of_words_tell_them_apart() -> None:
    # a village's shape (كفر opening, ـية ending, foreign runs) against words of prose
    for name in ("كفرزيتونه", "تلعيسانيه", "كيسانغو", "سوباتيلو"):
        assert name_logodds(name) > 0, name
    for word in ("الحقيقه", "استهدافها", "المواطنين", "الاجتماع"):
        assert name_logodds(word) < 0, word


def test_a_word_held_out_of_the_letter_model_scores_as_never_seen() -> None:
    # held out of the names it was built from, a one-word name loses the count of itself
    assert held_out_logodds("دهوك", True, False) < name_logodds("دهوك")
    # a word in neither side scores the same either way
    assert held_out_logodds("زبرقانو", False, False) == name_logodds("زبرقانو")


def test_frequency_and_a_usual_continuation_lower_the_probability() -> None:
    rare = bare_features("في", "زملكاني", 0.0, False)
    common = bare_features("في", "الحقيقه", 4.5, False)
    assert common["after_locative"] > rare["after_locative"] == 0
    assert bare_name_p(rare) > weights()["threshold"] > bare_name_p(common)
    assert is_bare_name("في", "زملكاني", 0.0, lambda: False)
    assert not is_bare_name("في", "الحقيقه", 4.5, lambda: False)


def test_a_known_place_that_locates_the_word_raises_the_probability() -> None:
    alone = bare_features("في", "زملكاني", 2.0, False)
    placed = bare_features("في", "زملكاني", 2.0, True)
    assert bare_name_p(placed) > bare_name_p(alone)
