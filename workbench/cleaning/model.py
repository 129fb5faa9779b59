"""A character n-gram model of Arabic: how likely a spelling is, letter after letter.

The word list (``lexicon.py``) knows whole words; this model knows how Arabic letters
follow one another and where words end, so it can compare two writings of the same
letters that differ only in their spaces: ``ابن ة`` against ``ابنة``. Trained on
NewsFANE news prose (the benchmark's test documents left out) and wordfreq's word list
by ``scripts/build_char_ngrams.py``; counts of n-grams up to five characters over
matching keys, scored with stupid backoff (Brants et al., 2007).

>>> space_gain("ابن", "ة") > 0 > space_gain("في", "العراق")
True
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

from ..cache import Shards, cached, cached_shards, model_loader
from ..resources import data_path
from ..text.arabic import match_key
from ..text.memo import word_memo
from .lexicon import core

MODEL_FILE = "cleaning/char_ngrams.tsv.gz"
ORDER = 5
# Stupid backoff: a shorter context's estimate is discounted by this factor (log10 of 0.4).
BACKOFF = math.log10(0.4)


@model_loader
def _counts() -> tuple[Shards[int], int]:
    """N-gram → count, and the number of characters trained on; loaded once (about 330k rows).

    Kept in the disk cache (:mod:`workbench.cache`) keyed by the model file's hash, as
    shards decoded when first looked in: reading it back is ten times faster than
    parsing the gzipped TSV, and the first document asks for a few thousand n-grams.
    """
    path = data_path(MODEL_FILE)
    counts = cached_shards("char-model", ["3", path], lambda: _parse_counts(path)[0], _SHARDS)
    return counts, cached("char-model-total", ["3", path], lambda: _read_total(path))


_SHARDS = 1 << 14  # about twenty n-grams a shard


def warm_up() -> None:
    """Decode the whole model now (before ``workbench run`` forks its workers)."""
    _counts()[0].load_all()


def _parse_counts(path: Path) -> tuple[dict[str, int], int]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1
    total = int(lines[start].split("\t")[1])  # the first row, before the n-grams
    counts: dict[str, int] = {}
    for line in lines[start + 1 :]:
        gram, _, n = line.rpartition("\t")
        if n:
            counts[gram] = int(n)
    return counts, total


def _read_total(path: Path) -> int:
    """The number of characters trained on (:func:`_parse_counts`), read alone."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        next(lines)  # the column names
        return int(next(lines).rstrip("\n").split("\t")[1])


@word_memo
def _gram_logp(gram: str) -> float:
    """``log10 P`` of the last character of ``gram`` after the rest (at most ``ORDER``
    characters), with stupid backoff. Remembered per n-gram: texts share most of theirs."""
    counts, total = _counts()
    penalty = 0.0
    history, ch = gram[:-1], gram[-1]
    while history:
        n = counts.get(history + ch)
        if n:
            return penalty + math.log10(n / counts[history])
        history = history[1:]
        penalty += BACKOFF
    return penalty + math.log10(counts.get(ch, 0.5) / total)


@word_memo
def text_logp(text: str) -> float:
    """``log10 P`` of a text's words (matching keys between spaces) under the model.

    >>> text_logp("في العراق") > text_logp("يف قارعلا")
    True
    """
    s = " " + " ".join(k for k in (match_key(core(w)) for w in text.split()) if k) + " "
    return sum(_gram_logp(s[max(0, i - ORDER + 1) : i + 1]) for i in range(1, len(s)))


def space_gain(left: str, right: str) -> float:
    """How much likelier (log10) ``left`` and ``right`` are written as one word than as two.

    >>> round(space_gain("فت", "اة"), 1) > 0
    True
    """
    return text_logp(left + right) - text_logp(f"{left} {right}")
