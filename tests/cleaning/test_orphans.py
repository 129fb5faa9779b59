"""Marks a font lacked, written on lines of their own after their line, go back into the
gaps the line kept for them; a text that sets a lone mark on a line itself is left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.lines import Line, split_lines
from workbench.cleaning.orphans import MIN_LINES, orphan_marks, placed_marks, stop_place

# Lines as a page sets them (made up), and the same lines as PyMuPDF writes them where the
# font lacks quotes and dashes: the marks taken out, the spaces round them kept, the marks
# on lines of their own after the line, left to right.
SOURCE = [
    'قال المتحدث باسم الشرطة " ان الوضع تحت السيطرة " مساء امس',
    "واضاف ان دورية - من الجيش - وصلت الى المكان بعد ساعة",
    'وطالب السكان " بحماية الحي " من الهجمات المتكررة على الطريق',
    "ودعت الحكومة الاهالي الى التزام منازلهم حتى صباح الغد",
]
EXTRACTED = [
    "قال المتحدث باسم الشرطة  ان الوضع تحت السيطرة  مساء امس", '"', '"',
    "واضاف ان دورية  من الجيش  وصلت الى المكان بعد ساعة", "-", "-",
    "وطالب السكان  بحماية الحي  من الهجمات المتكررة على الطريق", '"', '"',
    "ودعت الحكومة الاهالي الى التزام منازلهم حتى صباح الغد",
]


def _lines(texts: list[str]) -> list[Line]:
    raw = "\n".join(texts)
    return split_lines(Line(raw, np.arange(len(raw), dtype=np.int64)))


def test_marks_go_back_into_their_gaps() -> None:
    out, n = orphan_marks(_lines(EXTRACTED))
    assert n == 3
    assert [line.text for line in out if line.text] == SOURCE


def test_a_mark_keeps_its_raw_offset() -> None:
    raw = "\n".join(EXTRACTED)
    out, _ = orphan_marks(_lines(EXTRACTED))
    first = out[0]
    at = first.text.index('"')
    assert raw[int(first.src[at])] == '"'
    assert all(raw[int(i)] == ch for ch, i in zip(first.text, first.src, strict=True) if ch != " ")


def test_clean_reads_the_quotes_in_place() -> None:
    text = clean("\n".join(EXTRACTED)).text
    assert 'باسم الشرطة " ان الوضع تحت السيطرة " مساء' in text
    assert "[…]" not in text


def test_every_mark_left_a_gap() -> None:
    # pdfminer keeps a space for a stop and a bracket as well: one gap a mark, the
    # spaced marks in the widest
    assert placed_marks("المصدر  رويترز  وقال   ان", ["(", ")", '"']) == {2: [2], 0: [0], 1: [1]}


def test_gaps_that_tell_nothing() -> None:
    # gaps as wide as each other, for a quote and a stop: which is which is not known
    assert placed_marks("قال  كلمة  اليوم", ['"', "."]) is None
    # fewer gaps than quotes
    assert placed_marks("قال  كلمة اليوم", ['"', '"']) is None
    assert placed_marks("قال كلمة اليوم", ['"']) is None


def test_a_text_with_few_such_lines_is_left_alone() -> None:
    # a dash under a heading, twice: a text's own lone marks
    texts = ["اخبار  اليوم", "-", "تقرير  خاص", "-", "وقال المتحدث ان الوضع هادئ"]
    assert MIN_LINES > 2
    out, n = orphan_marks(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_a_stop_goes_into_no_gap_inside_a_word() -> None:
    # the gap between two pieces of one word (المدي  نة) is where the extractor cut it
    assert placed_marks("وصلت القوات الى المدي  نة", ["."]) is None
    assert placed_marks("وصلت القوات  ثم انسحبت", ["."]) == {0: [0]}


def test_a_lone_stop_goes_where_a_sentence_ends() -> None:
    # a stop on a line of its own, the line keeping no gap for it: after the word that
    # ends a sentence, before the one that opens the next; at the line's end otherwise
    texts = [
        "وقعت الاشتباكات يوم الاحد الماضي وقال شهود ان", ".",
        "القتلى مدنيون سقطوا في القصف على المدينة", ".",
        "واضاف المصدر ان القوات انسحبت من المنطقة", ".",
        "بعد ساعات من المعارك",
    ]
    out, n = orphan_marks(_lines(texts))
    kept = [line.text for line in out if line.text.strip()]
    assert kept[0] == "وقعت الاشتباكات يوم الاحد الماضي. وقال شهود ان"
    assert n == 1 and kept.count(".") == 2  # the other two stay where they were written


def test_stop_place_needs_a_clear_sentence_end() -> None:
    assert stop_place("وقعت الاشتباكات في مدينة حلب", "يوم الاحد الماضي") is None
    assert stop_place("قال", "انه") is None  # one word: nowhere inside
