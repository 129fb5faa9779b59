"""A stretch of a line between numbers whose two runs came swapped, the first letter of
the word cut at the run break written before the run it closed, is read in order; lines
of whole words in order, and a letter that only spoils its own token, are left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.lines import Line
from workbench.cleaning.number_runs import number_runs_in_order

# Made-up news lines: "|" marks the run break, which cuts a word after its first letter.
SOURCE = [
    "اعلنت وزارة الصحة في بيان ان ش|خصا قتل واصيب اخرون في انفجار وقع امس في السوق",
    "وقال المتحدث باسم الشرطة ان الاقتراح الجديد م|ختلف عما سبقه في المفاوضات",
]


def _swapped(line: str) -> str:
    """The line as pypdf writes it: the second run first, then the letter before the
    break glued to the end of that run, then the first run."""
    first, second = line.split("|")
    letter = first[-1]
    return second + letter + first[:-1].rstrip()


def _read(text: str) -> str:
    return number_runs_in_order(Line(text, np.arange(len(text)))).text


def test_swapped_runs_with_a_carried_letter_are_read_in_order() -> None:
    for line in SOURCE:
        assert _read(_swapped(line)) == line.replace("|", "")


def test_offsets_follow_the_characters() -> None:
    raw = _swapped(SOURCE[0])
    out = number_runs_in_order(Line(raw, np.arange(len(raw))))
    assert out.text == SOURCE[0].replace("|", "")
    for ch, i in zip(out.text, out.src, strict=True):
        assert ch == " " or raw[i] == ch


def test_lines_in_order_are_left_alone() -> None:
    for line in SOURCE:
        assert _read(line.replace("|", "")) == line.replace("|", "")


def test_a_word_holding_the_letter_is_no_carried_letter() -> None:
    # "انهم" is a word: its last letter is not carried over to "سبقه" (مسبقه).
    line = "سبقه وقال انهم اذا حصلوا على الضمانة فانهم سيوقعون الاتفاق"
    assert _read(line) == line


def test_the_stretch_beside_a_number_is_read_alone() -> None:
    text = "جلت الحكومة في بيانها لعام سوقد 2007 مع اخرين في المدينة"
    assert _read(text) == "وقد سجلت الحكومة في بيانها لعام 2007 مع اخرين في المدينة"


def test_clean_reads_the_line_in_order() -> None:
    raw = "\n".join(_swapped(line) for line in SOURCE)
    once = clean(raw).text
    assert "شخصا قتل" in once and "مختلف عما" in once
    assert clean(once).text == once
