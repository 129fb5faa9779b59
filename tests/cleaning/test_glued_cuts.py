"""A cut the word list makes inside letters a line writes glued stands only where the
character model prefers it: a whole word the list lacks (``لالاتفاق``) is not cut into
parts it knows, two words glued together (``فيالعراق``) are."""

from __future__ import annotations

from workbench.cleaning.lines import synthetic
from workbench.cleaning.pieces import _glued_cuts_weighed, resegment_letters


def _weighed(letters: str, cut: int) -> list[str]:
    spans = _glued_cuts_weighed([(0, cut), (cut, len(letters))], list(range(len(letters))), letters)
    return [letters[a:b] for a, b in spans]


def test_a_whole_word_the_list_lacks_stays_whole() -> None:
    assert _weighed("لالاتفاق", 2) == ["لالاتفاق"]
    assert _weighed("اقامةه", 5) == ["اقامةه"]


def test_two_glued_words_are_cut() -> None:
    assert _weighed("فيالعراق", 2) == ["في", "العراق"]


def test_cuts_across_written_spaces_are_not_weighed() -> None:
    # letters written apart (a space between them in the line) are no glued word
    spans = _glued_cuts_weighed([(0, 2), (2, 8)], [0, 1, 3, 4, 5, 6, 7, 8], "لالاتفاق")
    assert spans == [(0, 2), (2, 8)]


def test_a_line_without_spaces_is_still_cut() -> None:
    lines, _ = resegment_letters([synthetic("نييضاملانيمويلالالخقارعلايفاهموجهتاوقلاتلصاو", 0)] * 3)
    assert lines[0].text == "واصلت القوات هجومها في العراق خلال اليومين الماضيين"
