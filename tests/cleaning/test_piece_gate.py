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
