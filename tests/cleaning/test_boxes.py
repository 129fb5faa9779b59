"""Boxes of a line that pdfminer wrote left to right (a font lacking digits or quotes)
are put in reading order; text whose boxes stand in reading order is left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.bigrams import words_of
from workbench.cleaning.boxes import best_turns, box_groups, box_runs
from workbench.cleaning.lines import Line

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


def _lines(texts: list[str]) -> list[Line]:
    out, pos = [], 0
    for text in texts:
        out.append(Line(text, np.arange(pos, pos + len(text), dtype=np.int64)))
        pos += len(text) + 1
    return out


def _as_boxes(paragraph: list[list[str]], *, left_to_right: bool) -> list[str]:
    """Every box a paragraph of its own, as pdfminer writes them."""
    return [
        part for boxes in paragraph
        for box in (reversed(boxes) if left_to_right else boxes) for part in (box, "")
    ]


def test_groups_are_chains_linked_by_boxes_without_letters():
    groups = box_groups(_as_boxes(PARAGRAPH, left_to_right=True))
    assert groups == [[2, 4, 6, 8, 10], [14, 16, 18], [20, 22, 24]]
    # Arabic boxes side by side are lines of their own; a dash alone moves no words
    assert box_groups(["نص اول", "", "نص ثان", "", "نص ثالث", "", "-"]) == []


def test_boxes_written_left_to_right_are_put_in_reading_order():
    out, n = box_runs(_lines(_as_boxes(PARAGRAPH, left_to_right=True)))
    assert n == 3
    assert [line.text for line in out if line.text] == [" ".join(boxes) for boxes in PARAGRAPH]


def test_boxes_in_reading_order_are_left_alone():
    texts = _as_boxes(PARAGRAPH, left_to_right=False)
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_too_few_chains_are_no_evidence():
    texts = _as_boxes(PARAGRAPH[:4], left_to_right=True)
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts


def test_offsets_follow_the_boxes():
    raw = "\n".join(_as_boxes(PARAGRAPH, left_to_right=True))
    cleaned = clean(raw)
    assert "في الساعة 10 صباحا حين" in cleaned.text
    start = cleaned.text.find("10 صباحا")
    a, b = cleaned.to_raw(start, start + 2)
    assert raw[a:b] == "10"
    assert cleaned.log.set_index("stage").changes["box_runs"] == 3


def test_a_chain_of_two_visual_lines_is_cut_between_them():
    # the dash of a line written after it links it to the next visual line's boxes
    first = PARAGRAPH[0][0]
    chain = [first, "-", *reversed(PARAGRAPH[1])]
    gain, spans = best_turns([words_of(t) for t in chain], "", "بجروح")
    turned = [t for a, b in spans for t in reversed(chain[a:b])]
    assert gain > 0
    assert [t for t in turned if t != "-"] == [first, *PARAGRAPH[1]]


def test_lines_of_one_paragraph_are_no_boxes():
    # an extractor that writes a paragraph's lines one under the other, a number alone on
    # a line, laid out no boxes: the text is left as it is, whatever the model reads
    texts = [t for t in _as_boxes(PARAGRAPH, left_to_right=True) if t]
    out, n = box_runs(_lines(texts))
    assert n == 0 and [line.text for line in out] == texts
