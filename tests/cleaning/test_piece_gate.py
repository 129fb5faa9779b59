"""The split-pieces stage scores only pairs its per-token facts let through; the glue it
decides must be what scoring every pair with ``split_piece_gain`` decides."""

from __future__ import annotations

import itertools
import math

import pytest

from workbench.cleaning.pieces import _piece_glue, split_piece_gain

TEXTS = [
    "فت اة ص ينية فق يرة ابن ة اح د الص يادين",
    "تقدم ا نجلترا على الامر يكية في المبار اة",
    "قال مسؤ ول في وزارة الداخلية إن الهجوم وقع في بغداد",
    "الحمد لله في ما بعد عمـ ـل المصالــ ـح 12 (cid:3) , ، ابن ة",
    "و ذات ي وم ذهب ت إلى السو ق",
    # letters outside the lexicon's word characters: tokens whose core is empty
    "\u063b \u063bػ ابن ة \u063c في ما ؟ \u063bابن ة",
]


def _glue_scoring_every_pair(texts: list[str]) -> list[bool]:
    gains = [-math.inf] + [split_piece_gain(a, b) for a, b in itertools.pairwise(texts)] + [-math.inf]
    return [False] + [
        gains[i] > 0 and gains[i] >= gains[i + 1] and gains[i] > gains[i - 1] for i in range(1, len(texts))
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_gate_keeps_the_glue(text):
    tokens = text.split()
    assert _piece_glue(tokens) == _glue_scoring_every_pair(tokens)


def test_gate_on_shuffled_pieces():
    words = " ".join(TEXTS).split()
    for k in range(40):
        tokens = words[k:] + words[:k]
        tokens = tokens[::2] + tokens[1::2] if k % 2 else tokens
        assert _piece_glue(tokens) == _glue_scoring_every_pair(tokens)


def _join_reading_every_line(lines):
    """The two rounds of ``join_split_pieces`` with every line read again in the second."""
    from workbench.cleaning.lines import join_tokens, line_tokens, lines_text
    from workbench.cleaning.pieces import (
        _ARABIC_TOKEN_RE,
        _NONSPACE_RE,
        _SPLIT_SPACE_RE,
        SPLIT_MIN_JOINS,
        SPLIT_RATE_MIN,
    )

    out = list(lines)
    for round_ in range(2):
        plans = [(k, _piece_glue(_NONSPACE_RE.findall(line.text)))
                 for k, line in enumerate(out) if _SPLIT_SPACE_RE.search(line.text)]
        joins = sum(sum(glue) for _, glue in plans)
        if not joins:
            break
        words = len(_ARABIC_TOKEN_RE.findall(lines_text(lines)))
        if round_ == 0 and (joins < SPLIT_RATE_MIN * words or joins < SPLIT_MIN_JOINS):
            return list(lines)
        for k, glue in plans:
            if any(glue):
                out[k] = join_tokens(line_tokens(out[k]), glue)
    return out


@pytest.mark.parametrize("rotate", range(5))
def test_second_round_reads_only_changed_lines(rotate):
    # A word in three pieces (الص ياد ين) takes both rounds; a clean line has no glue in
    # either, so the second round need not read it again.
    from workbench.cleaning.lines import synthetic
    from workbench.cleaning.pieces import join_split_pieces

    texts = [*TEXTS, "وصل الص ياد ين إلى المي ناء", "قال الرئيس إن الوضع مستقر"]
    texts = texts[rotate:] + texts[:rotate]
    lines = [synthetic(t, k) for k, t in enumerate(texts)]
    got, _ = join_split_pieces(lines)
    want = _join_reading_every_line(lines)
    assert [line.text for line in got] == [line.text for line in want]
    assert [line.src.tolist() for line in got] == [line.src.tolist() for line in want]
    assert "الصيادين" in " ".join(line.text for line in got)


def test_text_with_too_few_joinable_pairs_is_left_alone():
    # One pair that could join in a text of clean prose: fewer than the rate asks, so the
    # stage returns the lines as scoring every pair would.
    from workbench.cleaning.lines import synthetic
    from workbench.cleaning.pieces import join_split_pieces

    texts = ["قال الرئيس إن الوضع مستقر في البلاد"] * 5 + ["وصل الص يادون إلى الميناء صباح اليوم"]
    lines = [synthetic(t, k) for k, t in enumerate(texts)]
    got, n = join_split_pieces(lines)
    assert n == 0 and [line.text for line in got] == texts
    assert [line.text for line in _join_reading_every_line(lines)] == texts
