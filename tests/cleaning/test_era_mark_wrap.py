"""A year wrapped at a line end keeps its era mark on the next line, in a narrow column."""

from workbench import clean
from workbench.cleaning.lexicon import era_marks
from workbench.cleaning.stages import _dates_number


def test_era_marks_are_the_one_letter_marks_of_the_time_grammar() -> None:
    assert era_marks() == {"ه", "م"}


def test_era_mark_after_a_number_continues_the_line_before() -> None:
    assert _dates_number("1990", "م")
    assert not _dates_number("ابا", "ه")
    assert not _dates_number("1990", "ب")


def test_line_opening_with_an_era_mark_is_left_in_order() -> None:
    # ``ابا`` + ``ه`` is a word (``اباه``): without the number the run repair reads the line
    # as two runs swapped and moves the letter to its end
    line = "ه توفي الوالي امير المدينة، فولى الخليفة ابا"
    text = f"وفي عام 38\n{line}\nايوب الانصاري"
    assert clean(text).stage_text("punctuation").split("\n")[1] == line
