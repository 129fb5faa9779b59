"""Where sentences end: how often a word ends a sentence and how often one opens it.

A full stop a PDF extractor wrote on a line of its own, with no gap left where it stood,
belongs between the word that ends a sentence and the word that opens the next
(``بامان. وتوفر``); the word bigram model, trained on sentences read as one stream,
cannot tell that junction from any other. Counts from NewsFANE news prose (the
benchmark's test documents left out), built by ``scripts/build_sentence_edges.py``.

>>> stop_logp("الماضي", "وقال") > stop_logp("في", "العراق")
True
"""

from __future__ import annotations

import gzip
import math

from ..cache import model_loader
from ..resources import data_path
from .bigrams import words_of

MODEL_FILE = "cleaning/sentence_edges.tsv.gz"
# Add-k smoothing of the two shares: a word never seen ends or opens a sentence about
# one time in ten, as an unseen word of news prose is mostly a name or a rare noun.
_PRIOR_HITS = 0.5
_PRIOR_SEEN = 5.0


@model_loader
def _counts() -> dict[str, tuple[int, int, int]]:
    """Word → (count, sentences it ends, sentences it opens); loaded once (some 7k rows)."""
    out: dict[str, tuple[int, int, int]] = {}
    with gzip.open(data_path(MODEL_FILE), "rt", encoding="utf-8") as fh:
        rows = (line for line in fh if not line.startswith("#"))
        next(rows)  # the column names
        for line in rows:
            word, n, ends, opens = line.rstrip("\n").split("\t")
            out[word] = (int(n), int(ends), int(opens))
    return out


def _share(hits: int, seen: int) -> float:
    return math.log10((hits + _PRIOR_HITS) / (seen + _PRIOR_SEEN))


def stop_logp(left: str, right: str) -> float:
    """``log10`` of the chance that a sentence ends at the last word of ``left`` and the
    next opens at the first word of ``right`` (-inf where either holds no word)."""
    a, b = words_of(left), words_of(right)
    if not a or not b:
        return -math.inf
    counts = _counts()
    n_a, ends, _ = counts.get(a[-1], (0, 0, 0))
    n_b, _, opens = counts.get(b[0], (0, 0, 0))
    return _share(ends, n_a) + _share(opens, n_b)
