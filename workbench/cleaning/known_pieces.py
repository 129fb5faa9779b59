"""Words written apart into two pieces that are words themselves (``ال تي``, ``مجري ات``).

``join_split_pieces`` joins a pair only where one piece is no common word of its own:
two words side by side are most often two words. In a text it found written in pieces
(``SPLIT_RATE_MIN``), the extractor split words at kashida or glyph runs regardless of
what the pieces spell, so a pair of words is joined too where the joined word reads
better in its sentence to the word bigram model (the words before and after kept) and
the character model prefers it without the space by ``KNOWN_JOIN_CHAR_GAIN``. On the
dev documents of benchmarks/pdf_damage.py such pairs in texts written in pieces are the
source's word in 145 of 145 cases; in texts in reading order most are two words, which
is why only a text written in pieces is read so.

>>> from workbench.cleaning.lines import synthetic
>>> join_known_pieces([synthetic("وقال المدرب ان الفريق الذي خسر امس سي عود", 0)])[0][0].text
'وقال المدرب ان الفريق الذي خسر امس سيعود'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress, pairwise

from ..text.memo import word_memo
from .bigrams import chain_logp, words_of
from .lexicon import are_known_keys, core, is_known, is_known_joined, word_key
from .lines import Line, glue_tokens
from .model import space_gain
from .pieces import glue_where_best, join_split_pieces

# Least gain (log10) of the word bigram model for the joined word, read with the words
# before and after the pair, and of the character model without the space: twice the
# margin ``join_split_pieces`` asks where a piece is no word (``JOIN_CHAR_GAIN``).
JOIN_BIGRAM_GAIN = 0.0
KNOWN_JOIN_CHAR_GAIN = 4.0
_WORD_RE = re.compile("^[\u0621-\u064a]+$")
# The letters of ``_WORD_RE`` that ``core`` keeps (U+063B to U+063F it takes for edge
# punctuation).
_PLAIN_RE = re.compile("^[\u0621-\u063a\u0640-\u064a]+$")


def join_pieces(lines: list[Line]) -> tuple[list[Line], int]:
    """``join_split_pieces``, then, in a text it found written in pieces, the pairs of
    words that are pieces of one (``join_known_pieces``)."""
    lines, n = join_split_pieces(lines)
    if not n:
        return lines, 0
    lines, k = join_known_pieces(lines)
    return lines, n + k


def _pair_gain(tokens: list[str], facts: list[tuple[str, str] | None], i: int) -> float:
    """How much likelier tokens ``i`` and ``i + 1`` read as one word (the smaller of the
    two models' gains over their margins; -inf where they cannot be one word).
    ``facts`` are the tokens' :func:`_letter_facts`."""
    left, right = tokens[i], tokens[i + 1]
    lf, rf = facts[i], facts[i + 1]
    if lf is None or rf is None:
        return float("-inf")
    # Tokens of plain letters meet at letters: the joined word is known exactly when
    # ``is_known_joined`` of their cores and keys says so.
    known = is_known_joined((lf[0], rf[0]), (lf[1], rf[1])) if lf and rf else is_known(left + right)
    if not known:
        return float("-inf")
    char = space_gain(left, right) - KNOWN_JOIN_CHAR_GAIN
    if char <= 0:
        return char
    before = words_of(tokens[i - 1])[-1:] if i else []
    after = words_of(tokens[i + 2])[:1] if i + 2 < len(tokens) else []
    joined = chain_logp([*before, left + right, *after])
    apart = chain_logp([*before, left, right, *after])
    return min(char, joined - apart - JOIN_BIGRAM_GAIN)


@word_memo
def _letter_facts(token: str) -> tuple[str, str] | tuple[()] | None:
    """``core`` and ``word_key`` of a token of plain Arabic letters; ``()`` of one of
    letters some of which the word list's alphabet lacks (``core`` may cut them off its
    edges, so its join is looked up whole); ``None`` of any other token (it joins no
    neighbour here)."""
    if not _WORD_RE.match(token):
        return None
    if not _PLAIN_RE.match(token):
        return ()
    return core(token), word_key(token)


def _maybe_known(facts: list[tuple[str, str] | tuple[()] | None]) -> list[int]:
    """The pairs (by the index of the first token) whose joined word may be known, all
    looked up in one pass: every other pair's :func:`_pair_gain` is -inf. A pair of plain
    tokens is known exactly when ``is_known_joined`` of their cores and keys says so; a
    pair with a token of other letters is left to :func:`_pair_gain` to look up whole."""
    plain = [i for i, (lf, rf) in enumerate(pairwise(facts)) if lf and rf]
    known = are_known_keys([facts[i][1] + facts[i + 1][1] for i in plain])
    maybe = {i for i, yes in zip(plain, known, strict=True)
             if yes or not (facts[i][0] or facts[i + 1][0])}  # type: ignore[index]
    maybe.update(i for i, (lf, rf) in enumerate(pairwise(facts))
                 if lf is not None and rf is not None and not (lf and rf))
    return sorted(maybe)


def join_known_pieces(lines: list[Line]) -> tuple[list[Line], int]:
    """Pairs of words that read better as one word by both models, joined (see the
    module docstring); a token joins the neighbour that gains most. The tokens of all
    lines are read as one list, a line break between lines (no token joins it, nor is it
    a word before or after a pair): one search of the pairs per text, not per line."""
    tokens: list[str] = []
    ends: list[int] = []  # the index of the line break after each line's tokens
    for line in lines:
        tokens += line.text.split()
        ends.append(len(tokens))
        tokens.append(_LINE_BREAK)
    facts = [_letter_facts(t) for t in tokens]
    # gains[k]: gluing token k to the one before it
    gains = [float("-inf")] * (len(tokens) + 1)
    for i in _maybe_known(facts):
        gains[i + 1] = _pair_gain(tokens, facts, i)
    glue = glue_where_best(gains)
    out = list(lines)
    total = 0
    for n in sorted({bisect_right(ends, k) for k in compress(range(len(glue)), glue)}):
        start = ends[n - 1] + 1 if n else 0
        out[n] = glue_tokens(out[n], glue[start : ends[n]])
        total += sum(glue[start : ends[n]])
    return out, total


# Set between the tokens of two lines: no word (its facts are None: it joins nothing)
# and no word to the bigram model (``words_of`` finds none in it).
_LINE_BREAK = "\n"
