"""The character model's score of a text: summed from remembered words, it is the same
float as one sum over the text's characters."""

from __future__ import annotations

import pytest

from workbench.cleaning.lexicon import core
from workbench.cleaning.model import ORDER, _gram_logp, text_logp
from workbench.text.arabic import match_key


def _per_character(text: str) -> float:
    """The model's definition: each character after the ``ORDER - 1`` before it, in order."""
    s = " " + " ".join(k for k in (match_key(core(w)) for w in text.split()) if k) + " "
    return sum(_gram_logp(s[max(0, i - ORDER + 1) : i + 1]) for i in range(1, len(s)))


@pytest.mark.parametrize("text", [
    "ذهب الولد إلى المدرسة صباحا",
    "في ال مدينة القديمة سوق كبير",
    "و في البيت",  # a one-letter word: the next word's context reaches two words back
    "(الأنبــار، ) قالت",  # punctuation and tatweel the model does not read
    "، ؟",  # no word at all
    "",
])
def test_text_logp_is_the_sum_over_characters(text: str) -> None:
    assert text_logp(text) == _per_character(text)


def test_a_word_is_read_after_the_words_before_it() -> None:
    # the same word scores differently after another word: its context crosses the space
    assert text_logp("من البيت") - text_logp("من") != text_logp("في البيت") - text_logp("في")
