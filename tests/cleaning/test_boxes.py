"""Boxes of a line that pdfminer wrote left to right (a font lacking digits or quotes)
are put in reading order; text whose boxes stand in reading order is left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.boxes import box_groups, box_runs, cut_lines, visual_lines
from workbench.cleaning.lines import Line, split_lines
from workbench.cleaning.reorder import reverse_visual

# A paragraph as a page sets it: each visual line as the boxes of its runs, in reading
# order (a number drawn from another font is a box of its own).
PARAGRAPH = [
    ["قالت مصادر امنية عراقية ان هجوما انتحاريا استهدف سوقا شعبيا"],
    ["في بغداد امس واسفر عن مقتل", "25", "شخصا واصابة اكثر من", "40", "اخرين"],
    ["بجروح متفاوتة وقال مسؤول في وزارة الداخلية ان الانفجار وقع"],
    ["في الساعة", "10", "صباحا حين كان السوق مكتظا بالمتسوقين"],
    ["واضاف ان حصيلة الضحايا مرشحة للارتفاع وفي الموصل قتل", "3", "جنود"],
    ["في هجوم مسلح على نقطة تفتيش للجيش غرب المدينة"],
]
# Lines of a column without boxes.
FULL_LINES = [
    "وذكرت مصادر طبية في المستشفى ان بين القتلى عددا من النساء والاطفال",
    "وتبنت جماعة مسلحة الهجوم في بيان نشرته على موقعها على الانترنت امس",
    "فيما اعلنت الشرطة انها اعتقلت عددا من المشتبه بهم في منطقة قريبة",
]


def _lines(texts: list[str]) -> list[Line]:
    """The lines of the raw text ``texts`` joined by line breaks, offsets into it kept."""
    raw = "\n".join(texts)
    return split_lines(Line(raw, np.arange(len(raw), dtype=np.int64)))


def _as_boxes(paragraph: list[list[str]]) -> list[str]:
    """Every box a paragraph of its own, a line's boxes left to right, as pdfminer writes
    them: the space between two boxes of a line written first in the right-hand one
    (the one earlier in reading)."""
    out: list[str] = []
    for boxes in paragraph:
        spaced = [*(" " + box for box in boxes[:-1]), boxes[-1]]
        for box in reversed(spaced):
            out += [box, ""]
    return out


def test_groups_are_chains_linked_by_boxes_without_letters():
    groups = box_groups(_as_boxes(PARAGRAPH))
    assert groups == [[2, 4, 6, 8, 10], [14, 16, 18], [20, 22, 24]]
    # Arabic boxes side by side are lines of their own; a dash alone moves no words
    assert box_groups(["نص اول", "", "نص ثان", "", "نص ثالث", "", "-"]) == []


def test_boxes_written_left_to_right_are_put_in_reading_order():
    out, n = box_runs(_lines(_as_boxes(PARAGRAPH)))
    assert n == 3
    assert [line.text for line in out if line.text] == [" ".join(boxes) for boxes in PARAGRAPH]
    assert sum(not line.text for line in out) == len(out) - len(PARAGRAPH)


def test_boxes_in_reading_order_are_left_alone():
    texts = [part for boxes in PARAGRAPH for box in boxes for part in (box, "")]
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_too_few_chains_are_no_evidence():
    texts = _as_boxes(PARAGRAPH[:4])
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_offsets_follow_the_boxes():
    raw = "\n".join(_as_boxes(PARAGRAPH))
    cleaned = clean(raw)
    assert "في الساعة 10 صباحا حين" in cleaned.text
    start = cleaned.text.find("10 صباحا")
    a, b = cleaned.to_raw(start, start + 2)
    assert raw[a:b] == "10"
    assert cleaned.log.set_index("stage").changes["box_runs"] == 3


def test_an_arabic_box_without_its_space_opens_a_visual_line():
    # pdfminer keeps the space between two runs of a line at the start of the right-hand
    # box; a line's dash written after it links it to the next line's boxes, whose
    # left-hand box opens without a space
    texts = ["ان الهجوم وقع", "", "-", "", "شخصا", "", " 25", "", " قتل"]
    assert box_groups(texts, [t.startswith(" ") for t in texts]) == [[4, 6, 8]]
    assert box_groups(texts) == [[0, 2, 4, 6, 8]]


def test_lines_of_one_paragraph_are_no_boxes():
    # an extractor that writes a paragraph's lines one under the other, a number alone on
    # a line, laid out no boxes: the text is left as it is, whatever the model reads
    texts = [t for t in _as_boxes(PARAGRAPH) if t]
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_a_box_ending_in_a_proclitic_on_the_number_stays_in_its_line():
    # و2005: no space between the box and the number on its left, yet one visual line
    texts = ["نظم المركز ندوة", "", "2005", "", "بين عامي 2003 و"]
    assert box_groups(texts, [False] * 5) == [[0, 2, 4]]
    texts[4] = "بين عامي 2003 وقال"
    assert box_groups(texts, [False] * 5) == []


def test_a_line_written_before_the_stop_of_the_next_is_a_line_of_its_own():
    # the stop ending a line is a box of another font, at the line's left edge: pdfminer
    # writes it right after the line above, which the chain would otherwise take in
    paragraph = [*PARAGRAPH[:3], ["في الساعة", "10", "صباحا حين كان السوق مكتظا", "."], *PARAGRAPH[4:]]
    out, n = box_runs(_lines(_as_boxes(paragraph)))
    assert n == 3
    assert [line.text for line in out if line.text] == [" ".join(boxes) for boxes in paragraph]


def test_one_chain_is_read_in_a_text_written_in_visual_order():
    # pdfminer writes a LibreOffice PDF's letters left to right, and its boxes so too:
    # there one chain is evidence enough, where a text in reading order needs three
    boxed = PARAGRAPH[3]
    paragraph = [PARAGRAPH[2], boxed, *([line] for line in FULL_LINES)]
    # each box's letters in visual order, the space between boxes still written first
    mirrored = [" " * t.startswith(" ") + reverse_visual(t.strip()) for t in _as_boxes(paragraph)]
    cleaned = clean("\n".join(mirrored))
    assert cleaned.log.set_index("stage").changes["box_runs"] == 1
    assert " ".join(boxed) in cleaned.text
    assert box_runs(_lines(_as_boxes(paragraph)))[1] == 0


def test_a_chain_too_long_for_one_line_is_always_cut():
    # a title written just before the stop and number boxes of the paragraph's first line:
    # together they are longer than any line, so they are two lines, whichever the model
    # reads likelier
    line = "ويقضي ريد حاليا عقوبة السجن مدى الحياة لادانته بمحاولة تفجير رحلة طيران عام"
    texts = ["ويقضي ريد حاليا عقوبة السجن", ".", "2001", line]
    assert visual_lines(texts, "", "", float(len(line))) == [[0], [1, 2, 3]]


def test_a_box_glued_to_a_latin_name_is_weighed_into_its_line():
    # ``(AlMoe)``: no space on either side of the Latin box, so the Arabic box on its
    # right opens without one; the word bigram model reads the line whole likelier
    boxed = ["وقال المتحدث باسم منظمة (", "HRW", ") في بيان ان مجلس"]
    paragraph = [*PARAGRAPH, boxed, ["الامن الدولي مطالب بالتحرك العاجل لوقف القتال في المدينة"]]
    texts = _as_boxes(paragraph)
    texts = [t.strip() if t.strip() == boxed[0] else t for t in texts]
    # the opening-space rule alone leaves the Arabic box out of its line's chain
    assert all(32 not in g for g in box_groups(texts, [t.startswith(" ") for t in texts]))
    out, n = box_runs(_lines(texts))
    assert n == 4
    assert " ".join(boxed) in [line.text for line in out]


def test_a_line_cut_inside_a_word_is_made_one_in_reading_order():
    # pdftotext -raw on a LibreOffice PDF cuts a line at a kaf and writes the left-hand
    # piece first; a line cut twice is made one piece by piece
    full = [
        "وقال الناطق باسم الحكومة ان الوزير سيزور العاصمة غدا في زيارة رسمية تستمر يومين كاملين",
        "وقال المدرب ان الفريق جاهز للمباراة المقبلة في الدوري بعد عودة اللاعبين المصابين",
    ]
    texts = [full[0], "كز السادس في الدوري هناك", "كد المعلومات ان النادي يحتل المر",
             "وصل الفريق الى القاهرة امس وتؤ", *full]
    out, n = cut_lines(_lines(texts))
    whole = "وصل الفريق الى القاهرة امس وتؤكد المعلومات ان النادي يحتل المركز السادس في الدوري هناك"
    assert n == 2
    assert [line.text for line in out] == [full[0], "", "", whole, *full]


def test_lines_whose_ends_are_words_are_left_alone():
    # two lines in reading order, or pieces of a text written in letters, are not joined
    texts = [
        "وقال الناطق باسم الحكومة ان الوزير سيزور العاصمة غدا",
        "في زيارة رسمية تستمر يومين",
        "يلتقي خلالها عددا من المسؤولين",
        "ف خ ار وك ا ن ت ر",
    ]
    out, n = cut_lines(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_a_lone_short_box_written_in_visual_order_is_read_back_into_its_line():
    # the left-hand box of a line ("اخرين", "جنود") written letter by letter left to right
    raw = _as_boxes(PARAGRAPH)
    mirrored = {"اخرين", "جنود"}
    raw = [reverse_visual(t) if t in mirrored else t for t in raw]
    out, n = box_runs(_lines(raw))
    assert n == 3
    assert [line.text for line in out if line.text] == [" ".join(boxes) for boxes in PARAGRAPH]
