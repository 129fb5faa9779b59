"""Marks a font lacked, written on lines of their own after their line, go back into the
gaps the line kept for them; a text that sets a lone mark on a line itself is left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.lines import Line, split_lines
from workbench.cleaning.orphans import MIN_LINES, leading_marks, orphan_marks, placed_marks, stop_place

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


# Lines as a page sets them (made up), and as pdfplumber told the page is right to left
# writes them: the quotes on a line of their own before their line, in reading order, the
# line keeping one space where a quote stood before a stop.
LEADING_SOURCE = [
    'وقال الناطق باسم البلدية ان "المياه عادت الى الحي". واضاف ان العمل مستمر',
    'واكد السكان ان الطريق "مغلق منذ يومين"، وطالبوا بفتحه',
    'وختم البيان بالقول "نحن مستعدون للحوار". ولم يصدر اي رد',
]
LEADING_EXTRACTED = [
    '"', "وقال الناطق باسم البلدية ان المياه عادت الى الحي . واضاف ان العمل مستمر",
    '"', "واكد السكان ان الطريق مغلق منذ يومين ، وطالبوا بفتحه",
    '"', "وختم البيان بالقول نحن مستعدون للحوار . ولم يصدر اي رد",
]


def test_quotes_before_their_line_go_into_its_holes() -> None:
    out, n = leading_marks(_lines(LEADING_EXTRACTED))
    assert n == 3
    kept = [line.text for line in out if line.text]
    # the closing quote of each line is put back; the opening one left no hole and is
    # not invented
    assert kept == [s.replace(' "', " ", 1) for s in LEADING_SOURCE]


def test_a_quote_put_back_keeps_its_raw_offset() -> None:
    raw = "\n".join(LEADING_EXTRACTED)
    out, _ = leading_marks(_lines(LEADING_EXTRACTED))
    line = out[1]
    at = line.text.index('"')
    assert int(line.src[at]) == 0 and raw[0] == '"'


def test_counts_that_disagree_leave_the_line() -> None:
    # two quotes, one hole: where the second stood is not known
    texts = list(LEADING_EXTRACTED)
    texts[2] = '" "'
    out, n = leading_marks(_lines(texts))
    assert n == 2 and out[2].text == '" "' and out[3].text == texts[3]


def test_few_lines_of_quotes_leave_the_text_alone() -> None:
    texts = LEADING_EXTRACTED[:4]
    out, n = leading_marks(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_marks_after_their_line_are_not_read_as_before_the_next() -> None:
    # PyMuPDF's quote after each line that kept a wide gap for it: each quote line stands
    # before a line with a hole too, but the lines before place them as often
    texts = ["قال المتحدث  كلمة اليوم", '"'] * 4
    out, n = orphan_marks(_lines(texts))
    assert n == 4
    assert [line.text for line in out if line.text] == ['قال المتحدث " كلمة اليوم'] * 4
