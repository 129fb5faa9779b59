"""The piece stages read the tokens of all a text's lines as one list: what they join
must be what reading each line on its own joins, and no piece joins across a line break."""

from __future__ import annotations

import numpy as np

from workbench.cleaning.known_pieces import join_known_pieces
from workbench.cleaning.lines import Line
from workbench.cleaning.pieces import join_split_pieces

# Made-up lines of a text written in pieces (a word cut at a glyph run or kashida).
LINES = [
    "فت اة ص ينية فق يرة ابن ة اح د الص يادين",
    "وذات ي وم ذهب ت إلى السو ق مع ابن",
    "ة عمها و قال ت ان الامر يكية في المبار اة",
    "",
    "  تقدم ا نجلترا على  الفريق",
    "و قال المدرب ان الفريق الذي خسر امس سي عود",
]


def _lines(texts: list[str]) -> list[Line]:
    out, at = [], 0
    for text in texts:
        out.append(Line(text, np.arange(at, at + len(text), dtype=np.int64)))
        at += len(text) + 1
    return out


def _per_line(stage, lines: list[Line]) -> list[Line]:
    return [stage([line])[0][0] for line in lines]


def test_split_pieces_join_within_lines_only():
    lines = _lines(LINES)
    out, n = join_split_pieces(lines)
    assert n > 0
    assert [line.text for line in out][:3] == [
        "فتاة صينية فقيرة ابنة احد الصيادين",
        "وذات يوم ذهبت إلى السوق مع ابن",  # ``ابن`` and the ``ة`` opening the next line stay apart
        "ة عمها و قالت ان الامريكية في المباراة",
    ]
    for a, b in zip(out, lines, strict=True):
        assert len(a.text) == len(a.src) and set(a.src.tolist()) <= set(b.src.tolist())


def test_known_pieces_as_line_by_line():
    lines = join_split_pieces(_lines(LINES))[0]
    out, n = join_known_pieces(lines)
    by_line = _per_line(join_known_pieces, lines)
    assert [line.text for line in out] == [line.text for line in by_line]
    assert [line.src.tolist() for line in out] == [line.src.tolist() for line in by_line]
    assert n >= 1
    assert out[-1].text.endswith("سيعود")
