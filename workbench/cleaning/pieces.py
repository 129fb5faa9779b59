"""Words an extractor wrote in pieces, and glyphs it could not name.

Two kinds of damage the run-order repair does not see, both common in justified Arabic:

- a word written apart at a glyph-run boundary or a kashida (``فت اة``, ``الامر يكية``):
  joined where the word list and the character model of Arabic (``model.py``) both
  prefer the joined word by a margin, in a text with enough such pairs to be read as
  damaged that way;
- ``(cid:N)``, pdfminer's name for a glyph without a character: removed from inside a
  word it stretched, U+FFFD elsewhere.

>>> from workbench.cleaning.lines import synthetic
>>> lines, n = join_split_pieces([synthetic(t, 0) for t in [
...     "فت اة ص ينية فق يرة ابن ة اح د الص يادين", "وذات ي وم"]])
>>> [line.text for line in lines], n
(['فتاة صينية فقيرة ابنة احد الصيادين', 'وذات يوم'], 7)
"""

from __future__ import annotations

import math
import re

from ..text.arabic import TATWEEL
from ..text.memo import word_memo
from .lexicon import core, is_fragment, is_known, is_known_joined, join_gain, token_logp, word_key
from .lines import Line, join_tokens, line_tokens, lines_text, sub
from .model import space_gain
from .stages import ARABIC_RE

# pdfminer and pdfplumber write ``(cid:N)`` for a glyph the PDF gives no character for.
# Inside a word of a justified line it is the kashida a font drew as a glyph of its own
# (``فق(cid:3)د``): removed where the word without it is a word of the list. Anywhere
# else what it stood for is unknown: U+FFFD, flagged as unreadable by the gaps stage.
_CID_RE = re.compile(r"(?:\(cid:\d+\))+")
_CID_WORD_RE = re.compile(
    r"[\u0621-\u064a]*(?:\(cid:\d+\))+(?:[\u0621-\u064a]+(?:\(cid:\d+\))+)*[\u0621-\u064a]*"
)


def unnamed_glyphs(line: Line) -> tuple[Line, int]:
    """``(cid:N)`` glyph names out of a word (kashida) or made U+FFFD (unknown).

    >>> from workbench.cleaning.lines import synthetic
    >>> unnamed_glyphs(synthetic("فق(cid:3)د اعلن", 0))[0].text
    'فقد اعلن'
    >>> unnamed_glyphs(synthetic("(cid:7) اعلن", 0))[0].text
    '\ufffd اعلن'
    """
    if "(cid:" not in line.text:
        return line, 0

    def word(m: re.Match[str]) -> str:
        text = m.group()
        bare = _CID_RE.sub("", text)
        inside = text[:1] != "(" and text[-1:] != ")"
        if inside and is_known(bare):
            return bare
        return _CID_RE.sub("\ufffd", text)

    return sub(line, _CID_WORD_RE, word)


# Pieces of a word the extractor wrote apart (``فت اة``, ``الامر يكية``): the boundary of
# a glyph run or a kashida of a justified line, read as a space. Joined when the joined
# word is a word of the list and both models prefer it by a margin (log10): the word
# list (its frequency against the pieces') and the character model (the letters without
# the space against with it). Set on the dev documents of benchmarks/pdf_damage.py.
JOIN_WORD_GAIN = 2.5
JOIN_CHAR_GAIN = 2.0
# One of the pieces must be weak as a word of its own: a lone letter, unknown, or rarer
# than this (log10 P; Zipf 4). Two common words side by side are a writing choice, not
# damage (``الحمد لله`` beside ``الحمدلله``).
WEAK_PIECE_LOGP = -5.0
_SPLIT_SPACE_RE = re.compile("[\u0621-\u064a] [\u0621-\u064a]")


def split_piece_gain(left: str, right: str) -> float:
    """The smaller of the two models' gains for writing ``left right`` as one word, less
    their margins (> 0: join; -inf: never).

    >>> split_piece_gain("ابن", "ة") > 0 > split_piece_gain("في", "ما")
    True
    """
    if not (ARABIC_RE.match(left[-1:]) and ARABIC_RE.match(right[:1])) or TATWEEL in left + right:
        return -math.inf
    weak = min(token_logp(left), token_logp(right)) < WEAK_PIECE_LOGP
    if not (weak or is_fragment(left) or is_fragment(right)):
        return -math.inf
    word = join_gain(left, right) - JOIN_WORD_GAIN
    if word < 0:
        return word
    return min(word, space_gain(left, right) - JOIN_CHAR_GAIN)


# Fewest joins per Arabic token for a text to be read as one whose words were written
# apart: a damaged extraction has one in five to ten words in pieces, clean prose almost
# none (a corpus's own leftovers, ``وصل ت``, are its spelling, not damage to repair).
SPLIT_RATE_MIN = 0.03
# ... and at least this many in all (a short post with one such pair is no evidence).
SPLIT_MIN_JOINS = 3


def _piece_glue(texts: list[str]) -> list[bool]:
    """Which tokens to glue to the one before: where the pair's gain is positive and no
    smaller than either neighbouring pair's (a piece joins the side that wants it most:
    ``تقدم ا نجلترا`` → ``تقدم انجلترا``).

    Most pairs are two words that cannot join; they are told apart from each token's
    own facts (:func:`_piece_facts`, computed once per token), and only the other pairs
    are scored by :func:`split_piece_gain`.
    """
    facts = [_piece_facts(t) for t in texts]
    gains = [-math.inf]
    for k in range(1, len(texts)):
        left, right = facts[k - 1], facts[k]
        if left[0] and right[1] and not (left[2] or right[2]) and (left[3] or right[3]) \
                and is_known_joined((left[4], right[4]), (left[5], right[5])):
            gains.append(split_piece_gain(texts[k - 1], texts[k]))
        else:
            gains.append(-math.inf)  # what split_piece_gain says of the pair, read off the facts
    gains.append(-math.inf)
    return [False] + [
        gains[i] > 0 and gains[i] >= gains[i + 1] and gains[i] > gains[i - 1] for i in range(1, len(texts))
    ]


@word_memo
def _piece_facts(token: str) -> tuple[bool, bool, bool, bool, str, str]:
    """The tests :func:`split_piece_gain` makes of each side of a pair before scoring it:
    the token ends with an Arabic letter, starts with one, holds tatweel, is weak (rarer
    than ``WEAK_PIECE_LOGP``, or a fragment); and its ``core`` and ``word_key``.

    A pair passes the tests when the left ends and the right starts with a letter,
    neither holds tatweel and one is weak; then the two meet at letters, and the joined
    word is known exactly when ``is_known_joined`` of their cores and keys says so (an
    unknown joined word has a gain of -inf).
    """
    weak = token_logp(token) < WEAK_PIECE_LOGP or is_fragment(token)
    return (bool(ARABIC_RE.match(token[-1:])), bool(ARABIC_RE.match(token[:1])), TATWEEL in token,
            weak, core(token), word_key(token))


def join_split_pieces(lines: list[Line]) -> tuple[list[Line], int]:
    """Pieces of words written apart joined again where both models of Arabic prefer it,
    in a text with enough of them (``SPLIT_RATE_MIN``) to be read as damaged that way.

    The gains are read from the tokens' text alone; a line's tokens with their offsets
    are built only for the lines that have a join (most clean lines have none).
    """
    if not _SPLIT_SPACE_RE.search(lines_text(lines)):
        return list(lines), 0
    out = list(lines)
    for round_ in range(2):  # a word in three pieces takes two rounds
        plans = [(k, glue) for k, line in enumerate(out) if _SPLIT_SPACE_RE.search(line.text)
                 for glue in [_piece_glue(_NONSPACE_RE.findall(line.text))]]
        joins = sum(sum(glue) for _, glue in plans)
        if not joins:
            break
        words = len(_ARABIC_TOKEN_RE.findall(lines_text(lines)))
        if round_ == 0 and (joins < SPLIT_RATE_MIN * words or joins < SPLIT_MIN_JOINS):
            return list(lines), 0
        for k, glue in plans:
            if any(glue):
                out[k] = join_tokens(line_tokens(out[k]), glue)
    total = sum(len(a.text) - len(b.text) for a, b in zip(lines, out, strict=True))
    return out, total


# The tokens of :func:`workbench.cleaning.lines.line_tokens`, as text alone.
_NONSPACE_RE = re.compile(r"[^ ]+")
_ARABIC_TOKEN_RE = re.compile("(?<!\\S)[\u0621-\u064a]")
