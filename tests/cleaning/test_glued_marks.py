"""Marks glued between letters: a lost space after them, or a glyph drawn into a word."""

from __future__ import annotations

from workbench.cleaning.lines import synthetic
from workbench.cleaning.spacing import glued_commas


def test_a_stop_inside_a_word_stays_where_the_text_loses_spaces_after_stops() -> None:
    lines = [synthetic("وصل الوفد الى المد.ينة امس.وقال المتحدث ان الاجتماع انتهى.وغادر", 0)] * 3
    out, n = glued_commas(lines)
    assert out[0].text == "وصل الوفد الى المد.ينة امس. وقال المتحدث ان الاجتماع انتهى. وغادر"
    assert n == 6


def test_a_stop_between_two_words_gets_its_space() -> None:
    lines = [synthetic("عاد الوزير.وقال ان الحكومة.واضاف", 0)] * 3
    assert glued_commas(lines)[0][0].text == "عاد الوزير. وقال ان الحكومة. واضاف"
