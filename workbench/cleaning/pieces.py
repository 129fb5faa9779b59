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
from bisect import bisect_right
from collections.abc import Callable
from itertools import compress, pairwise

from ..text.arabic import PLAIN_LETTERS, TATWEEL, match_key
from ..text.clitics import ARTICLE, LAM, proclitic_readings
from ..text.memo import word_memo
from .bigrams import chain_logp, pair_count
from .glyphs import known_either_way, recurs
from .joining_forms import DISAGREE, line_agrees
from .lexicon import (
    UNKNOWN_LOGP,
    are_known_keys,
    core,
    is_fragment,
    is_known,
    join_gain,
    token_logp,
    word_key,
    word_logp,
)
from .lines import Line, concat, glue_tokens, lines_text, sub, synthetic
from .model import space_gain
from .reorder import looks_reversed
from .stages import ARABIC_RE, reverse_line

# pdfminer and pdfplumber write ``(cid:N)`` for a glyph the PDF gives no character for.
# Inside a word of a justified line it is the kashida a font drew as a glyph of its own
# (``فق(cid:3)د``): removed where the word without it is a word of the list. Anywhere
# else what it stood for is unknown: U+FFFD, flagged as unreadable by the gaps stage.
_CID_RE = re.compile(r"(?:\(cid:\d+\))+")
_CID_WORD_RE = re.compile(
    r"[\u0621-\u064a]*(?:\(cid:\d+\))+(?:[\u0621-\u064a]+(?:\(cid:\d+\))+)*[\u0621-\u064a]*"
)


# A glyph named ``(cid:N)`` inside words is the font's kashida when removing it leaves a
# word of the list (read either way) in enough of the words it stands in
# (``glyphs.recurs``): then it is removed from every word it stands in, known or not
# (names, rare words).
_CID_NAME_RE = re.compile(r"\(cid:\d+\)")


def kashida_glyphs(text: str) -> set[str]:
    """The ``(cid:N)`` names that stand for kashida in ``text`` (see ``glyphs.recurs``).

    >>> sorted(kashida_glyphs("فق(cid:3)د ذه(cid:3)ب ا(cid:3)لعراق ةر(cid:3)هاقلا (cid:7)"))
    ['(cid:3)']
    """
    seen: dict[str, list[int]] = {}
    for m in _CID_WORD_RE.finditer(text):
        word = m.group()
        names = set(_CID_NAME_RE.findall(word))
        if word[:1] == "(" or word[-1:] == ")" or len(names) != 1:
            continue  # not inside a word, or more than one glyph to tell apart
        bare = _CID_RE.sub("", word)
        counts = seen.setdefault(names.pop(), [0, 0])
        counts[0] += known_either_way(bare)
        counts[1] += 1
    return {name for name, (known, total) in seen.items() if recurs(known, total)}


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
    kashida = kashida_glyphs(line.text)

    def word(m: re.Match[str]) -> str:
        text = m.group()
        bare = _CID_RE.sub("", text)
        inside = text[:1] != "(" and text[-1:] != ")"
        if inside and (is_known(bare) or set(_CID_NAME_RE.findall(text)) <= kashida):
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
    return _with_char_gain(left, right, _word_gain(left, right))


def _word_gain(left: str, right: str) -> float:
    """The word list's gain for ``left right`` as one word, less its margin."""
    return join_gain(left, right) - JOIN_WORD_GAIN


def _with_char_gain(left: str, right: str, word: float) -> float:
    """:func:`split_piece_gain` of a pair that passed its tests of the pieces, given the
    word list's gain ``word`` (:func:`_word_gain`): the character model is asked only
    where the word list is for the join."""
    if word < 0:
        return word
    return min(word, space_gain(left, right) - JOIN_CHAR_GAIN)


# Fewest joins per Arabic token for a text to be read as one whose words were written
# apart: a damaged extraction has one in five to ten words in pieces, clean prose almost
# none (a corpus's own leftovers, ``وصل ت``, are its spelling, not damage to repair).
SPLIT_RATE_MIN = 0.03
# ... and at least this many in all (a short post with one such pair is no evidence).
SPLIT_MIN_JOINS = 3


def _piece_glue(texts: list[str], pairs: list[int] | None = None,
                words: list[float] | None = None) -> list[bool]:
    """Which tokens to glue to the one before: where the pair's gain is positive and no
    smaller than either neighbouring pair's (a piece joins the side that wants it most:
    ``تقدم ا نجلترا`` → ``تقدم انجلترا``). Only ``pairs`` (:func:`_piece_pairs` of the
    tokens, found here if not given) are scored: every other pair's gain is -inf.
    ``words`` are the pairs' :func:`_word_gain`, if already known.
    """
    if pairs is None:
        pairs = _piece_pairs(texts)
    if words is None:
        words = _word_gains(texts, pairs)
    gains = [-math.inf] * (len(texts) + 1)
    for k, word in zip(pairs, words, strict=True):
        gains[k] = _with_char_gain(texts[k - 1], texts[k], word)
    return glue_where_best(gains)


def _word_gains(texts: list[str], pairs: list[int]) -> list[float]:
    """:func:`_word_gain` of each of ``pairs`` (by the index of the second token)."""
    return [_word_gain(texts[k - 1], texts[k]) for k in pairs]


def glue_where_best(gains: list[float]) -> list[bool]:
    """Which of n tokens to glue to the one before, given ``gains[k]`` of gluing token
    ``k`` to token ``k - 1`` (n + 1 values, the first and last -inf): where the gain is
    positive and no smaller than either neighbouring pair's, so a piece joins the side
    that wants it most.

    >>> glue_where_best([-math.inf, 1.0, 3.0, -math.inf])
    [False, False, True]
    """
    return [False] + [
        gains[k] > 0 and gains[k] >= gains[k + 1] and gains[k] > gains[k - 1]
        for k in range(1, len(gains) - 1)
    ]


def pieces_joined(text: str) -> str:
    """``text`` with the pieces of words written apart joined where they stand (the joins
    of ``join_split_pieces``, two rounds, without its test of the whole text).

    >>> pieces_joined("ويتم التص ويت ببطاق ات سرية")
    'ويتم التصويت ببطاقات سرية'
    """
    for _ in range(2):  # a word in three pieces takes two rounds
        tokens = _NONSPACE_RE.findall(text)
        glue = _piece_glue(tokens)
        if not any(glue):
            break
        text = "".join(t if g else " " + t for t, g in zip(tokens, glue, strict=True)).lstrip()
    return text


def _piece_pairs(texts: list[str]) -> list[int]:
    """The pairs of tokens (by the index of the second) that :func:`split_piece_gain`
    may join; it says -inf of every other. Most pairs are two words that cannot join;
    they are told apart from each token's own facts (:func:`_piece_facts`, computed once
    per token) and their joined key, all looked up in one pass: a pair whose joined word
    is known is rare, and only its tokens are asked whether one is weak (the costlier
    test, most tokens of clean prose being common words)."""
    facts = list(map(_piece_facts, texts))
    # the pairs that meet at letters, picked in one comprehension
    maybe = [k for k, (left, right) in enumerate(pairwise(facts), 1) if left[0] and right[1]]
    # The joined word is known as ``is_known_joined`` of the cores and keys reads it: the
    # join of the keys looked up, or known outright where neither core has a letter.
    known = are_known_keys([facts[k - 1][3] + facts[k][3] for k in maybe])
    return [k for k, yes in zip(maybe, known, strict=True)
            if (yes or not (facts[k - 1][2] or facts[k][2]))
            and (weak_piece(texts[k - 1]) or weak_piece(texts[k]))]


@word_memo
def _piece_facts(token: str) -> tuple[bool, bool, str, str]:
    """The tests :func:`split_piece_gain` makes of each side of a pair before scoring it:
    the token can be the left piece (it ends with an Arabic letter and holds no tatweel),
    the right piece (it starts with one and holds no tatweel); its ``core`` and
    ``word_key``.

    Two such pieces meet at letters, and the joined word is known exactly when
    ``is_known_joined`` of their cores and keys says so (an unknown joined word has a
    gain of -inf); and one of them must be weak (:func:`weak_piece`).
    """
    whole = TATWEEL not in token
    left = whole and bool(ARABIC_RE.match(token[-1:]))
    right = whole and bool(ARABIC_RE.match(token[:1]))
    return left, right, core(token), word_key(token)


@word_memo
def weak_piece(token: str) -> bool:
    """A token weak as a word of its own, as :func:`split_piece_gain` asks: rarer than
    ``WEAK_PIECE_LOGP``, or a fragment."""
    return token_logp(token) < WEAK_PIECE_LOGP or is_fragment(token)


def join_split_pieces(lines: list[Line]) -> tuple[list[Line], int]:
    """Pieces of words written apart joined again where both models of Arabic prefer it,
    in a text with enough of them (``SPLIT_RATE_MIN``) to be read as damaged that way.

    The gains are read from the tokens' text alone, the tokens of all the lines to read
    in one list (:func:`_tokens_of`); a line's tokens with their offsets are built only
    for the lines that have a join (most clean lines have none).
    """
    text = lines_text(lines)
    if not _SPLIT_SPACE_RE.search(text):
        return list(lines), 0
    out = list(lines)
    todo = [k for k, line in enumerate(out) if _SPLIT_SPACE_RE.search(line.text)]
    for round_ in range(2):  # a word in three pieces takes two rounds
        tokens = _tokens_of([out[k].text for k in todo])
        pairs = _piece_pairs(tokens)
        if round_ == 0:
            # Each join is one of these pairs, with a positive gain of the word list
            # among others: a text with too few of either for the rate asked has too few
            # joins, and none is scored by the character model.
            least = max(SPLIT_RATE_MIN * len(_ARABIC_TOKEN_RE.findall(text)), SPLIT_MIN_JOINS)
            if len(pairs) < least:
                return list(lines), 0
        words = _word_gains(tokens, pairs)
        if round_ == 0 and sum(w > 0 for w in words) < least:
            return list(lines), 0
        glue = _piece_glue(tokens, pairs, words)
        joins = sum(glue)
        if not joins:
            break
        if round_ == 0 and joins < least:
            return list(lines), 0
        # The next round reads only the lines this one changed: the glue of a line is
        # a function of its text, and a line left as it was has none.
        ends = [*compress(range(len(tokens)), map(_LINE_BREAK.__eq__, tokens)), len(tokens)]
        changed = sorted({bisect_right(ends, k) for k in compress(range(len(glue)), glue)})
        todo_next = []
        for n in changed:
            k = todo[n]
            start = ends[n - 1] + 1 if n else 0
            out[k] = glue_tokens(out[k], glue[start : ends[n]])
            if _SPLIT_SPACE_RE.search(out[k].text):
                todo_next.append(k)
        todo = todo_next
        if not todo:
            break
    total = sum(len(a.text) - len(b.text) for a, b in zip(lines, out, strict=True))
    return out, total


# Set between the tokens of two lines read as one list: no piece joins it (it is no letter).
_LINE_BREAK = "\n"


def _tokens_of(texts: list[str]) -> list[str]:
    """The tokens (:data:`_NONSPACE_RE`) of lines, in one list, ``_LINE_BREAK`` between
    lines: one pass of the tokenizer and one of :func:`_piece_pairs` for a whole text
    rather than one per line (most lines hold a dozen tokens, and each call costs as
    much as a dozen tokens do).

    >>> _tokens_of(["فت اة", " في"])
    ['فت', 'اة', '\\n', 'في']
    """
    return _NONSPACE_RE.findall(f" {_LINE_BREAK} ".join(texts))


# The tokens of :func:`workbench.cleaning.lines.line_tokens`, as text alone.
_NONSPACE_RE = re.compile(r"[^ ]+")
_ARABIC_TOKEN_RE = re.compile("(?<!\\S)[\u0621-\u064a]")
# The tokens of ``_NONSPACE_RE`` that ``_ARABIC_TOKEN_RE`` matches (an Arabic letter
# first), found in one pass over the text.
_ARABIC_PIECE_RE = re.compile("(?<![^ ])[\u0621-\u064a][^ ]*")


# A text most of whose words come in pieces (XeLaTeX's kashida drawn as leaders between
# the letters of a word, read by PyMuPDF or pdfplumber: ``اج راء اص لاح ات``, or the
# spaces set one letter off: ``وهمي ح كونانت``) keeps too little of its word boundaries
# for pieces to be joined pair by pair: its letters are cut into words again, the likeliest
# cut by the word list (a dynamic programme over the letters of each run between spaces
# and punctuation, ``resegment_letters``). Only in a text where at least this share of
# the Arabic tokens are fragments (not words of the list, or lone letters): clean prose
# has a few in a hundred, an extraction with words split at glyph clusters or kashida
# (LibreOffice) up to one in four, which the pair joins above repair better; a text whose
# words all came in pieces has one in two. Set on the dev documents of
# benchmarks/pdf_damage.py.
RESEGMENT_MIN_FRAGMENTS = 0.3
# ... and at least this many tokens: a short post full of names and hashtags is no
# evidence of damage.
RESEGMENT_MIN_TOKENS = 50
# A cut where the extractor wrote a space is likelier than one where it wrote none
# (log10): the spaces it kept are mostly word boundaries still.
SPACE_CUT_BONUS = 1.0
# An unknown word costs the list's floor and this much per letter (log10), so that an
# unknown name is not cut into known pieces for free, nor a run of letters left whole.
UNKNOWN_LETTER_LOGP = -2.0
LONGEST_WORD = 15
# Mean log10 gain per word a line read back to front must show over the line as it
# stands, both cut into words, to be turned round (a mirrored line whose words are in
# pieces shows no word of the list either way, so ``reverse_lines`` passed it by). In a
# text in pieces every damaged line is read both ways: such a line often bears no trace
# of reversal either (``looks_reversed``), its words being pieces.
RESEGMENT_REVERSE_MARGIN = 1.0
_LETTER_RUN_RE = re.compile(
    f"[{PLAIN_LETTERS}](?:[{PLAIN_LETTERS} ]*[{PLAIN_LETTERS}])?"
)


# A proclitic written onto a word of the list costs what it costs standing alone, less
# this (log10): the list keeps only the common forms of a word with its proclitics
# (``يبذر`` but not ``ويبذر``), and without the margin a rare form is cut into a lone
# proclitic and its word (``و يبذر``, ``ف ربطوها``). No dearer or cheaper than the lone
# letter, so no run is cut anew for it (an unknown name is not cut into a proclitic and
# a rare word any more readily than before), only written as Arabic writes it.
PROCLITIC_WRITTEN_ON = 0.1


# Letters that only end a word (TEH MARBUTA, ALEF MAKSURA): a piece that begins with one
# is no word, whatever the list's folded key makes of it (``ةو`` is looked up as ``هو``):
# it costs what an unknown word does, and the list's floor once more. Without it the
# cheapest cut of a rare word is often a known word and a scrap that begins with the
# rare word's last letter (``دمدمةوهدير`` → ``دمدم ةو هدير``).
_WORD_FINAL_ONLY = "\u0629\u0649"


@word_memo
def _word_score(word: str) -> float:
    """log10 P of a word of the list, or of a word of the list with proclitics written
    onto it (``PROCLITIC_WRITTEN_ON``); the floor and ``UNKNOWN_LETTER_LOGP`` per
    letter else.

    >>> _word_score("ويبذر") > _word_score("و") + _word_score("يبذر")
    True
    """
    if word and word[0] in _WORD_FINAL_ONLY:
        return 2 * UNKNOWN_LOGP + UNKNOWN_LETTER_LOGP * len(word)
    lp = word_logp(word)
    score = lp if lp > UNKNOWN_LOGP else UNKNOWN_LOGP + UNKNOWN_LETTER_LOGP * len(word)
    for pre, rest in proclitic_readings(word)[1:]:
        if ARTICLE in pre:
            continue  # the list has a word's forms with the article
        if pre.endswith(LAM) and rest.startswith(ARTICLE) and word.endswith(rest):
            continue  # ل before the article is written لل (للاتحاد, not لالاتحاد)
        stem = word_logp(rest)
        if stem > UNKNOWN_LOGP:
            score = max(score, stem + sum(map(word_logp, pre)) + PROCLITIC_WRITTEN_ON)
    return score


def cut_letters(run: str, shapes: list[int] | None = None) -> tuple[list[tuple[int, int]], float]:
    """The likeliest cut of a run of letters and spaces into words: spans of the run's
    letters (spaces ignored) and the cut's score. ``shapes``: for the place before each
    letter, what the glyph shapes say (``joining_forms.boundaries``: 1 a word ends there,
    -1 no word does, 0 nothing); the cut keeps to it.

    >>> cuts, _ = cut_letters("اج راء اص لاح ات")
    >>> ["اجراءاصلاحات"[a:b] for a, b in cuts]
    ['اجراء', 'اصلاحات']
    """
    letters: list[str] = []
    spaced: list[bool] = []  # a space follows letter k
    for ch in run:
        if ch == " ":
            if spaced:
                spaced[-1] = True
        else:
            letters.append(ch)
            spaced.append(False)
    text = "".join(letters)
    n = len(text)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    # (a word may not run across a place the shapes end one at, nor end where they join)
    ends = [k for k in range(1, n) if shapes and shapes[k] == 1]
    for i in range(1, n + 1):
        if shapes and i < n and shapes[i] == -1:
            continue
        last_end = ends[bisect_right(ends, i - 1) - 1] if ends and ends[0] < i else 0
        for j in range(max(0, i - LONGEST_WORD, last_end), i):
            if shapes and j and shapes[j] == -1:
                continue
            score = best[j] + _word_score(text[j:i]) + (SPACE_CUT_BONUS if j and spaced[j - 1] else 0.0)
            if score > best[i]:
                best[i], back[i] = score, j
    cuts: list[tuple[int, int]] = []
    i = n
    while i > 0:
        cuts.append((back[i], i))
        i = back[i]
    return cuts[::-1], best[n]


# Least gain (log10) of the character model for a cut the word list made inside letters
# a line of spaced words writes glued (``فيالعراق`` → ``في العراق``): the list knows
# the parts of many a whole word it lacks (``لالاتفاق`` → ``لا لاتفاق``, ``اقامةه`` →
# ``اقامة ه``), where the letters across the cut read better as one word. (The word
# bigram model scores a word it lacks as a rare one, and prefers either reading alike.)
GLUED_CUT_CHAR_GAIN = 0.0
# Glued cuts per token from which a text is read as one that glues its words
# (``resegment_letters``): there every cut the word list makes stands. Set on the dev
# documents of benchmarks/pdf_damage.py: texts the weighing mends have fewer than one
# glued cut in ten tokens (pdftotext and pdfminer on XeLaTeX kashida), texts it spoils
# one in nine to one in four (pdfplumber and PyMuPDF, words glued at stretched joins).
GLUED_TEXT_RATE = 0.1


def _glued_cuts_weighed(cuts: list[tuple[int, int]], keep: list[int], letters: str,
                        shapes: list[int] | None = None) -> list[tuple[int, int]]:
    """``cuts`` of ``letters`` (spans), two words made one again where the cut between
    them falls between letters the line writes glued (``keep``: their places in the
    line) and the character model does not prefer it by ``GLUED_CUT_CHAR_GAIN``, save
    where the glyph shapes say a word ends (``shapes``, as ``cut_letters`` takes them).

    >>> _glued_cuts_weighed([(0, 2), (2, 8)], list(range(8)), "لالاتفاق")
    [(0, 8)]
    >>> _glued_cuts_weighed([(0, 2), (2, 8)], list(range(8)), "فيالعراق")
    [(0, 2), (2, 8)]
    """
    out = [cuts[0]] if cuts else []
    for a, b in cuts[1:]:
        left = out[-1]
        glued = keep[a] == keep[a - 1] + 1 and not (shapes is not None and shapes[a] == 1)
        if glued and -space_gain(letters[left[0]:left[1]], letters[a:b]) <= GLUED_CUT_CHAR_GAIN:
            out[-1] = (left[0], b)
        else:
            out.append((a, b))
    return out


def _glued_gains(line: Line) -> list[float]:
    """The character model's gain (``-space_gain``) for each cut the word list makes
    between letters ``line`` writes glued."""
    gains = []
    for m in _LETTER_RUN_RE.finditer(line.text):
        keep = [k for k in range(m.start(), m.end()) if line.text[k] != " "]
        letters = m.group().replace(" ", "")
        cuts = cut_letters(m.group())[0]
        gains.extend(-space_gain(letters[c[0]:c[1]], letters[a:b])
                     for c, (a, b) in pairwise(cuts) if keep[a] == keep[a - 1] + 1)
    return gains


def _letter_shapes(src: list[int], shaped: dict[int, int]) -> list[int] | None:
    """What the raw glyph shapes (``shaped``, by raw offset) say of the place before each
    of the letters at raw offsets ``src``; of letters not adjacent in the raw text (one
    ligature, a piece an earlier stage rewrote whole, letters it moved), nothing."""
    if not shaped:
        return None
    out = [0]
    for p, q in pairwise(src):
        said = shaped.get(q, 0) if q == p + 1 else 0
        out.append(said if said != DISAGREE else 0)
    return out


def _resegment_line(line: Line, *, weigh_glued: bool = False,
                    shaped: dict[int, int] | None = None) -> tuple[Line, float, int]:
    """The line with each run of letters cut into words again, the cuts' total score and
    the number of words; ``weigh_glued``: a line of spaced words, whose cuts between
    letters it writes glued are weighed by the character model (``_glued_cuts_weighed``);
    ``shaped``: the word boundaries the raw glyph shapes tell (``joining_forms``)."""
    parts: list[Line] = []
    pos = 0
    total = 0.0
    words = 0
    for m in _LETTER_RUN_RE.finditer(line.text):
        parts.append(Line(line.text[pos : m.start()], line.src[pos : m.start()]))
        keep = [k for k in range(m.start(), m.end()) if line.text[k] != " "]
        shapes = _letter_shapes([int(line.src[k]) for k in keep], shaped) if shaped else None
        cuts, score = cut_letters(m.group(), shapes)
        if weigh_glued:
            cuts = _glued_cuts_weighed(cuts, keep, m.group().replace(" ", ""), shapes)
        total += score
        words += len(cuts)
        for n, (a, b) in enumerate(cuts):
            if n:
                parts.append(synthetic(" ", int(line.src[keep[a]])))
            parts.append(Line("".join(line.text[k] for k in keep[a:b]), line.src[keep[a:b]]))
        pos = m.end()
    parts.append(Line(line.text[pos:], line.src[pos:]))
    return concat(parts), total, words


def text_in_pieces(text: str) -> bool:
    """Whether most of a text's words come in pieces: ``RESEGMENT_MIN_FRAGMENTS`` of its
    Arabic tokens (``RESEGMENT_MIN_TOKENS`` or more) are fragments (``اج راء اص لاح ات``).

    >>> text_in_pieces("اج راء اص لاح ات ه ي ك ل ي ة " * 5), text_in_pieces("اجراء اصلاحات هيكلية " * 20)
    (True, False)
    """
    pieces = _ARABIC_PIECE_RE.findall(text)
    return len(pieces) >= RESEGMENT_MIN_TOKENS and _share_reached(
        pieces, is_fragment, RESEGMENT_MIN_FRAGMENTS * len(pieces))


def resegment_letters(lines: list[Line], shaped: dict[int, int] | None = None) -> tuple[list[Line], int]:
    """Letters cut into words again by the word list: every line of a text most of whose
    words come in pieces (``RESEGMENT_MIN_FRAGMENTS``), and in any text a line with a run
    of letters longer than any word (``RUN_ON_LETTERS``: the extractor lost its spaces). A
    line is read back to front where it cuts much better so (``RESEGMENT_REVERSE_MARGIN``),
    save in a text whose glyph shapes tell its word boundaries (``shaped``, by raw offset:
    ``joining_forms.boundaries``), read in the order they agree with, cut as they say.

    >>> from workbench.cleaning.lines import synthetic
    >>> lines, n = resegment_letters([synthetic("اج راء اص لاح ات ه ي ك ل ي ة", 0)] * 10)
    >>> lines[0].text, n
    ('اجراء اصلاحات هيكلية', 10)
    >>> resegment_letters([synthetic("نييضاملانيمويلالالخقارعلايفاهموجهتاوقلاتلصاو", 0)] * 3)[0][0].text
    'واصلت القوات هجومها في العراق خلال اليومين الماضيين'
    """
    text = lines_text(lines)
    in_pieces = text_in_pieces(text)
    run_ons = len(_RUN_ON_RE.findall(text)) >= RUN_ON_MIN
    if not in_pieces and not run_ons:
        return list(lines), 0
    todo: list[tuple[Line, bool] | None] = []
    for line in lines:
        run_on = run_ons and _RUN_ON_RE.search(line.text) is not None
        damaged = _SPLIT_SPACE_RE.search(line.text) or looks_reversed(line.text)
        if len(line.text) > LONGEST_LINE or (not run_on and not (in_pieces and damaged)):
            todo.append(None)  # (a longer line is no line of a page: never laid out in lines)
        else:
            todo.append((line, run_on))
    # Cuts between letters written glued are weighed one by one only in a text with few
    # of them (``GLUED_TEXT_RATE``): where the word list cuts many, the text glues its
    # words, and the other cuts of the text vouch for each. (A line in visual order is
    # counted as it will be read, turned round.)
    glued = sum(len(_glued_gains(reverse_line(item[0]) if looks_reversed(item[0].text) else item[0]))
                for item in todo if item and not item[1])
    weigh = 0 < glued < GLUED_TEXT_RATE * len(text.split())
    out = []
    changed = 0
    for line, item in zip(lines, todo, strict=True):
        if item is None:
            out.append(line)
            continue
        run_on = item[1]
        # (a line whose spaces were lost is cut by the word list alone: every cut is glued)
        weigh_line = weigh and not run_on
        # (a line whose shapes agree with its order is read so; another, back to front too)
        agrees = bool(shaped) and line_agrees(line.src.tolist(), shaped)
        new, score, words = _resegment_line(line, weigh_glued=weigh_line, shaped=shaped if agrees else None)
        if not agrees and (run_on or in_pieces or looks_reversed(line.text)):
            back, back_score, back_words = _resegment_line(reverse_line(line), weigh_glued=weigh_line)
            if back_score - score > RESEGMENT_REVERSE_MARGIN * max(words, 1):
                new, score, words = back, back_score, back_words
        # (a cut the glyph shapes vouch for needs no word of the list to stand)
        if run_on and not in_pieces and not agrees and score < RUN_ON_MIN_WORD_LOGP * max(words, 1):
            new = line
        changed += new.text != line.text
        out.append(new)
    return out, changed


def _share_reached(items: list[str], test: Callable[[str], bool], need: float) -> bool:
    """True if ``test`` holds of ``need`` of ``items`` or more: counted until the count
    reaches it, or the items left could no longer bring it there (clean prose, with a
    few fragments in a hundred, is told apart after three quarters of its tokens)."""
    found = 0
    left = len(items)
    for item in items:
        if found >= need or found + left < need:
            break
        found += test(item)
        left -= 1
    return found >= need


# Longest line (characters) cut anew: a line of a PDF page holds a few hundred; a longer
# one was never laid out in lines, and cutting it would cost time and memory for nothing.
LONGEST_LINE = 2000
# A run of more letters than the longest word: words whose spaces the extractor lost
# (pdfplumber on tightly justified lines). No word of the list is longer than fifteen
# letters with its clitics; a margin above that spares a rare longer one. Tatweel is no
# letter here (a line drawn with it is no run-on word).
RUN_ON_LETTERS = 20
_RUN_ON_RE = re.compile(f"[{PLAIN_LETTERS}]{{{RUN_ON_LETTERS + 1},}}")
# Fewest such runs in a text for it to be read as one that lost its spaces: a post with
# one (``ومواجهةالأزمةالإقتصادية``) was typed so.
RUN_ON_MIN = 3
# Least mean log10 P per word of the cut of a run-on line: a cut into rare scraps
# (``ببب ببب``) is no reading of it; cuts of real run-on lines score about -4 to -5.5.
RUN_ON_MIN_WORD_LOGP = -6.0


# A font whose lam-alef ligature the PDF maps back to the two letters the wrong way round
# (KacstBook through Chromium and WeasyPrint: ``خالل`` for ``خلال``, ``جنبالط`` for
# ``جنبلاط``) leaves words the list does not know that it knows with ``ال`` read as ``لا``.
# A word is read so where it is unknown and the swapped one known, in a text where such
# words are at least this share of the Arabic words (and ``LAM_ALEF_MIN_WORDS`` of them):
# clean prose has none (the source texts of benchmarks/pdf_damage.py: 0), a text in such
# a font one in twelve.
LAM_ALEF_MIN_SHARE = 0.01
LAM_ALEF_MIN_WORDS = 3
# Whole runs of letters (matched from their start only: a pattern that looked for ``ال``
# inside would try every position of a long run again).
_ARABIC_WORD_RE = re.compile("(?<![\u0621-\u064a])[\u0621-\u064a]+")


def _single_readings(word: str) -> list[str]:
    """``word`` with one ``ال`` read as ``لا``, for each place it stands (left to right)."""
    return [word[:m.start()] + "\u0644\u0627" + word[m.end() :] for m in re.finditer("\u0627\u0644", word)]


@word_memo
def lam_alef_reading(word: str) -> str:
    """``word`` with ``ال`` read as ``لا`` where the word list knows only that reading
    (each place alone, then all at once; the likeliest known reading), else ``word``.

    >>> lam_alef_reading("خالل"), lam_alef_reading("الجئين"), lam_alef_reading("العراق")
    ('خلال', 'لاجئين', 'العراق')
    """
    if len(word) > LONGEST_WORD or "\u0627\u0644" not in word or is_known(word):
        return word  # a run longer than any word is no word to read
    readings = _single_readings(word)
    if len(readings) > 1:
        readings.append(word.replace("\u0627\u0644", "\u0644\u0627"))
    known = [r for r in readings if is_known(r)]
    return max(known, key=token_logp) if known else word


# In a text found to read its lam-alef ligatures as ``ال``, a known word is read with
# ``لا`` where the word list finds that reading this much likelier (log10): ``سالمة``,
# ``كال`` stand for ``سلامة``, ``كلا``. Not a lone ``ال`` (a piece of a word as often as
# a ligature): a known word must have this many letters.
LAM_ALEF_KNOWN_MARGIN = 1.0
LAM_ALEF_KNOWN_LETTERS = 3


@word_memo
def lam_alef_likelier(word: str) -> str:
    """``lam_alef_reading``, or for a known word the single ``ال`` → ``لا`` reading the word
    list finds ``LAM_ALEF_KNOWN_MARGIN`` likelier.

    >>> lam_alef_likelier("سالمة"), lam_alef_likelier("العراق")
    ('سلامة', 'العراق')
    """
    if len(word) > LONGEST_WORD or "\u0627\u0644" not in word:
        return word
    if not is_known(word):
        return lam_alef_reading(word)
    if len(word) < LAM_ALEF_KNOWN_LETTERS:
        return word
    best = max(_single_readings(word), key=token_logp)
    return best if is_known(best) and token_logp(best) - token_logp(word) >= LAM_ALEF_KNOWN_MARGIN else word


# ... and where a word stays as it is under the word list (both readings known, or a lone
# ``ال``), its ``لا`` reading is taken where the word bigram model reads it this much
# likelier (log10) between the words beside it: ``ال يمكن``, ``ثالث سنوات`` stand for
# ``لا يمكن``, ``ثلاث سنوات``. Set on the dev documents of benchmarks/pdf_damage.py.
LAM_ALEF_CONTEXT_MARGIN = 1.0


def _context_logp(word: str, before: str, after: str) -> float:
    """``log10 P`` of ``word`` after ``before`` and of ``after`` after it (word bigram
    model; an empty neighbour counts nothing)."""
    return chain_logp([w for w in (before, word, after) if w])


def lam_alef_in_context(word: str, before: str, after: str) -> str:
    """``word`` with one ``ال`` read as ``لا`` where the reading is a known word and the
    word bigram model prefers it between ``before`` and ``after`` by
    ``LAM_ALEF_CONTEXT_MARGIN``, else ``word``.

    >>> lam_alef_in_context("ال", "انه", "يمكن"), lam_alef_in_context("العراق", "في", "امس")
    ('لا', 'العراق')
    """
    if len(word) > LONGEST_WORD or "\u0627\u0644" not in word:
        return word
    if match_key(word) != word:
        return word  # the model's words are matching keys: a word that is not one is left
    before, after = match_key(before), match_key(after)
    if after and is_known(word + after):
        return word  # a piece of the next word (``ال تراجع``), not a word of its own
    # the model must have seen the reading beside a neighbour: unseen pairs back off to
    # the word list's counts, which chose the word as it stands
    readings = [r for r in _single_readings(word)
                if is_known(r) and ((before and pair_count(before, r)) or (after and pair_count(r, after)))]
    if not readings:
        return word
    best = max(readings, key=lambda r: _context_logp(r, before, after))
    gain = _context_logp(best, before, after) - _context_logp(word, before, after)
    return best if gain >= LAM_ALEF_CONTEXT_MARGIN else word


# The ligature of the name of God (lam, lam, heh after alef) that a font maps back as alef
# and the three letters turned round: ``عبداهلل``, ``حزب اهلل`` for ``عبدالله``, ``حزب الله``
# (LibreOffice Noto Naskh, Chromium KacstBook). ``اهلل`` is no spelling of Arabic, so a
# word the list does not know is read so wherever the reading is a word it knows.
_ALLAH_READ_BACK = "\u0627\u0647\u0644\u0644"
_ALLAH = "\u0627\u0644\u0644\u0647"
_ALLAH_WORD_RE = re.compile(f"[\u0621-\u064a]*{_ALLAH_READ_BACK}[\u0621-\u064a]*")


def allah_read_back(word: str) -> str:
    """``word`` with the ligature of the name of God put back in order where the word list
    knows only that reading.

    >>> allah_read_back("عبداهلل"), allah_read_back("اهلل")
    ('عبدالله', 'الله')
    """
    if len(word) > LONGEST_WORD or is_known(word):
        return word
    reading = word.replace(_ALLAH_READ_BACK, _ALLAH)
    return reading if is_known(reading) else word


def _allah_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """``allah_read_back`` on every word that holds the turned ligature."""
    out: list[Line] = []
    total = 0
    for line in lines:
        if _ALLAH_READ_BACK not in line.text:
            out.append(line)
            continue
        new, n = sub(line, _ALLAH_WORD_RE, lambda m: allah_read_back(m.group()))
        out.append(new)
        total += n
    return out, total


def lam_alef_swapped(lines: list[Line]) -> tuple[list[Line], int]:
    """Words whose lam-alef ligature was read back as ``ال`` made ``لا`` again, in a text
    where such words recur (``LAM_ALEF_MIN_SHARE``): by the word list, else by the words
    beside them (``lam_alef_in_context``); first, the ligature of the name of God read
    back turned round put in order (``allah_read_back``), in any text.

    >>> from workbench.cleaning.lines import synthetic
    >>> lines, n = lam_alef_swapped([synthetic("من خالل اتهام جنبالط للحكومة خالل الحرب", 0)])
    >>> lines[0].text, n
    ('من خلال اتهام جنبلاط للحكومة خلال الحرب', 3)
    """
    lines, total = _allah_lines(lines)
    words = _ARABIC_WORD_RE.findall(lines_text(lines))
    swapped = sum(1 for w in words if "\u0627\u0644" in w and lam_alef_reading(w) != w)
    if swapped < LAM_ALEF_MIN_WORDS or swapped < LAM_ALEF_MIN_SHARE * len(words):
        return list(lines), total
    out: list[Line] = []
    for line in lines:
        found = list(_ARABIC_WORD_RE.finditer(line.text))
        readings: dict[int, str] = {}
        for k, m in enumerate(found):
            word = m.group()
            reading = lam_alef_likelier(word)
            if reading == word:
                before = found[k - 1].group() if k else ""
                after = found[k + 1].group() if k + 1 < len(found) else ""
                reading = lam_alef_in_context(word, before, after)
            readings[m.start()] = reading
        new, n = sub(line, _ARABIC_WORD_RE, lambda m, read=readings: read[m.start()])
        out.append(new)
        total += n
    return out, total
