"""Tanween an extractor wrote after a space: the end of the word before, not a cut inside one word."""

import numpy as np

from workbench.cleaning.clean import clean
from workbench.cleaning.lines import Line
from workbench.cleaning.stages import join_split_words, tanween_to_word_before


def _line(text: str, start: int = 0) -> Line:
    return Line(text, np.arange(start, start + len(text), dtype=np.int64))


def test_tanween_before_a_whole_word_goes_back_to_the_word_before() -> None:
    line = _line("شنت الطائرات غارة ًجوية ًعلى القرية")
    (out,), n = tanween_to_word_before([line])
    assert out.text == "شنت الطائرات غارةً جويةً على القرية" and n == 2
    # every character keeps its own raw offset: the mark and the space change places
    assert sorted(out.src.tolist()) == line.src.tolist()
    assert [line.text[k] for k in out.src] == list(out.text)


def test_a_word_cut_before_its_tanween_and_alef_is_joined() -> None:
    # ``ًا`` alone is the end of a word (شخصًا), not a word: the pieces are one word
    (out,), _ = join_split_words([_line("اصيب شخص ًا في الحادث")])
    assert out.text == "اصيب شخصًا في الحادث"


def test_other_marks_after_a_space_are_left_to_the_join() -> None:
    line = _line("قال المتحدث ان الحكومة ستعلن قرار ًا اليوم")
    (out,), n = tanween_to_word_before([line])
    assert n == 0 and out is line


def test_clean_keeps_the_words_apart_and_is_idempotent() -> None:
    text = "قال الشاهد ان انفجارا ًعنيفا ًهز المدينة صباح اليوم وخلف دمارا ًكبيرا في المباني"
    once = clean(text).text
    assert once.split() == [
        "قال", "الشاهد", "ان", "انفجاراً", "عنيفاً", "هز", "المدينة", "صباح", "اليوم",
        "وخلف", "دماراً", "كبيرا", "في", "المباني",
    ]
    assert clean(once).text == once
