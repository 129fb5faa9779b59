"""The tokenizer: tokens of a text with offsets into it and their matching keys.

One :class:`Token` type serves every stage that reads tokens (times, quantities, clauses,
claims, events). :func:`tokenize` cuts a text in one of two ways, because the stages need
different boundaries:

- words (the default): each run of word characters as written, with its marks and
  tatweel, and each gap marker ``[…]``; punctuation is left out. The clause and claim
  rules count words and compare the words people wrote, so و2017 is one word there.
- pieces (``pieces=True``): the folded text cut into runs of Arabic letters, runs of
  digits (with their decimal and thousands separators, as western digits), gap markers
  and single punctuation marks. The number, date and quantity readers need the pieces of
  و2017 (a proclitic on a number), 12/5/2020 (five tokens) and 3.5 apart; a proclitic
  written onto digits is kept in ``pre``.

The time finder cuts the folded text a third way (``find.times.lexicon``: runs of
Western digits, runs of any letters, single other characters). None of the three is a
view of another: 3.5 and the gap marker […] are one piece but three time tokens, GMT
and ە (U+06D5) a time token and no piece, و2017 one word but two time tokens, and a
piece ends after the marks that follow its last letter (كتبَ) where a time token ends
before them. Derived from one another they would need a Python step per token, where
each is one regex pass (the three take about 6.5 % of ``analyze``: pieces 2.0, time
tokens 2.5, words 2.0).

>>> [(t.text, t.key, t.kind) for t in tokenize("سُجل ١٢ هجومًا […]")]
[('سُجل', 'سجل', 'word'), ('١٢', '١٢', 'word'), ('هجومًا', 'هجوما', 'word'), ('[…]', '[…]', 'gap')]
>>> [(t.key, t.kind, t.pre) for t in tokenize("بين ٢٠١٤ و2017", pieces=True)]
[('بين', 'word', ''), ('2014', 'num', ''), ('2017', 'num', 'و')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, repeat
from typing import NamedTuple

from .arabic import GAP_MARKER, fold_with_offsets, match_key, western_digits
from .clitics import PROCLITICS
from .lexmatch import FoldedText, fold
from .memo import WordMemo


class Token(NamedTuple):
    """A token of a text: its span ``[start, end)``, the text there, its matching key.

    ``kind`` is "word" or "gap" (a ``[…]`` marker), and with ``pieces`` also "num" or
    "punct"; ``pre`` is a proclitic written onto a number (و in و2017). A named tuple
    rather than a dataclass: a long document has a token per word, and a tuple is built
    several times faster (attribute access is as fast).
    """

    start: int
    end: int
    text: str
    key: str
    kind: str = "word"
    pre: str = ""


# Words whose matching key is remembered (a corpus's working vocabulary): read for every
# word token, so looked up in C (``map(_WORD_KEY.__getitem__, words)``).
_WORD_KEY = WordMemo(match_key)

_GAP = re.escape(GAP_MARKER) + r"|\[\.\.\.\]"  # the clean text's gap marker, or [...]
# A word: word characters with TATWEEL and the harakat (FATHATAN..SUKUN, SUPERSCRIPT ALEF).
WORD_RE = re.compile(_GAP + "|[\\w\u0640\u064b-\u0652\u0670]+")
# The same tokens as a capturing split: [space, token, space, token, ..., space].
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
GAP_RE = re.compile(_GAP)

# One piece of the folded text: a gap marker, a run of digits (with separators), a run of
# Arabic letters, or one punctuation character. The letter range leaves out TATWEEL
# U+0640 (already dropped by folding).
_PIECE_RE = re.compile(
    r"(?P<gap>\[(?:\u2026|\.\.\.)\])"  # GAP_MARKER "[…]" or "[...]"
    r"|(?P<num>\d+(?:[.,\u066b\u066c]\d+)*)"  # ARABIC DECIMAL SEPARATOR, THOUSANDS SEPARATOR
    r"|(?P<word>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+)"
    r"|(?P<punct>[^\s\w])"
)
_NON_WESTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")  # ARABIC-INDIC, PERSIAN


def tokenize(text: str, *, pieces: bool = False, folded: FoldedText | None = None) -> list[Token]:
    """Tokens of ``text`` with offsets into it: words as written, or with ``pieces`` the
    folded pieces the number readers need (see the module docstring for why both).

    ``folded`` (``workbench.text.lexmatch.fold(text)``) lets several finders share one
    folding and one cut into pieces of the same text; that list is computed once and must
    not be changed.

    >>> [t.key for t in tokenize("سُجل أكثر من […] هجومًا")]
    ['سجل', 'اكثر', 'من', '[…]', 'هجوما']
    """
    if pieces:
        return _pieces(text, folded)
    parts = _WORD_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, parts)))  # the end of each part
    words = parts[1::2]
    kinds = ["gap" if w[0] == "[" else "word" for w in words]
    rows = zip(offsets[0:-1:2], offsets[1::2], words, map(_WORD_KEY.__getitem__, words), kinds,
               repeat("", len(words)), strict=True)
    return list(map(tuple.__new__, repeat(Token, len(words)), rows))


def word_tokens(folded: FoldedText) -> list[Token]:
    """``tokenize(folded.text)`` remembered in ``folded.memo``: the attack reading of the
    mentions and the claims cut the same text into words (``قتل مدنيان`` → two tokens)."""
    return folded.remembered("words", lambda: tokenize(folded.text))


def tokens_between(tokens: Sequence[Token], starts: Sequence[int], start: int, end: int
                   ) -> list[Token] | None:
    """The word tokens of ``text[start:end]`` read from ``tokens``, the word tokens of the
    whole ``text`` (``starts`` their start offsets), with offsets into the slice: the same
    as ``tokenize(text[start:end])`` without cutting and keying its words again. ``None``
    when a token crosses ``start`` or ``end`` (the slice cuts a word, which alone would
    tokenise differently).

    >>> text = "قال مسؤول: هاجموا البلدة"
    >>> toks = tokenize(text)
    >>> [(t.start, t.text) for t in tokens_between(toks, [t.start for t in toks], 11, 24)]
    [(0, 'هاجموا'), (7, 'البلدة')]
    >>> tokens_between(toks, [t.start for t in toks], 12, 24) is None
    True
    """
    i = bisect_left(starts, start)
    j = bisect_left(starts, end, i)
    if (i and tokens[i - 1].end > start) or (j > i and tokens[j - 1].end > end):
        return None
    if not start:
        return list(tokens[i:j])
    new = tuple.__new__
    return [new(Token, (t.start - start, t.end - start, t.text, t.key, t.kind, t.pre))
            for t in tokens[i:j]]


def _pieces(text: str, folded: FoldedText | None) -> list[Token]:
    """The ``pieces=True`` cut of :func:`tokenize`, remembered in ``folded.memo``."""
    if folded is None:
        folded = fold(text)
    got = folded.memo.get("tokens")
    if got is not None:
        return got
    key = folded.key
    if _NON_WESTERN_DIGIT_RE.search(key):
        key = western_digits(key)
    where = folded.positions()
    n = len(text)
    folded_away = _folded_away()
    new = tuple.__new__  # Token(...) without the keyword handling of its __new__
    out: list[Token] = []
    append = out.append
    for m in _PIECE_RE.finditer(key):
        ks, ke = m.span()
        start, end = where[ks], where[ke - 1] + 1
        if end < n and end != where[ke]:
            while end < n and text[end] in folded_away:
                end += 1
        kind = m.lastgroup or "punct"
        if kind == "num" and out:
            prev = out[-1]
            if prev.kind == "word" and prev.end == start and prev.key in PROCLITICS:
                out[-1] = new(Token, (prev.start, end, text[prev.start:end], m.group(), kind,
                                      prev.key))
                continue
        append(new(Token, (start, end, text[start:end], m.group(), kind, "")))
    folded.memo["tokens"] = out
    return out


@cache
def _folded_away() -> frozenset[str]:
    """Characters the matching key drops (diacritics, tatweel): they extend a token's end."""
    return frozenset(ch for cp in range(0x0600, 0x0700) if not fold_with_offsets(ch := chr(cp))[0])
