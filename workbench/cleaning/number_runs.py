"""Runs of a line beside a number, written swapped with a letter carried over.

pypdf (and PyMuPDF) on some fonts (LibreOffice Amiri) cut a right-to-left line at a
number into stretches, and write the two runs of a stretch swapped; the letter a run
break cut off the start of a word is written before the run it closed, glued to what
comes before it (``خصا منهم ... وتزامنتشكابول ... عشر`` for ``كابول ... عشر شخصا منهم
... وتزامنت``). The run repair (``reorder.py``) keeps each token whole and turns a whole
line; here a stretch between numbers is read ``A c B`` → ``B … cA``: the part after the
carried letter first, the letter put back on the stretch's first word. A reading is kept
only when the character model and the word bigram model both prefer it, by a margin.
"""

from __future__ import annotations

import re

from ..text.memo import word_memo
from .bigrams import chain_logp, words_of
from .lexicon import core, is_known, token_logp
from .lines import Line, concat, synthetic
from .model import text_logp
from .reorder import MAX_LINE_TOKENS, REORDER_CHAR_GAIN

# Least gain (log10) of the word bigram model for a stretch read the other way round, over
# the line as it stands and over the line with the letter cut out in place (the character
# model must gain ``REORDER_CHAR_GAIN``, as for a line the run repair reorders): the new word
# junctions must read as likelier pairs of words, not only as likelier letters.
WORD_GAIN = 0.5

# Least gain (log10) of the word list for the stretch's first word with the carried
# letter before it: a word that reads as well alone (``ورات`` / ``دورات``, ``ليه`` /
# ``كليه``: within a factor of 15 on the clean lines of benchmarks/repair.py) is a line
# that opens where a column cut it, not a run that lost its first letter (``خصا`` /
# ``شخصا``, ``ختلف`` / ``مختلف``: 50 times and more).
OPENING_GAIN = 1.5

# A number: the stretches of a line are cut there.
_NUMBER_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,:/][0-9\u0660-\u0669\u06f0-\u06f9]+)*")
_LETTER_RE = re.compile("[\u0621-\u064a]")
_TOKEN_RE = re.compile(r"\S+")


def _stretches(text: str) -> list[tuple[int, int]]:
    """Spans of the line between numbers, without the spaces at their edges."""
    spans = []
    pos = 0
    for m in [*_NUMBER_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        a, b = pos, end
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if a < b:
            spans.append((a, b))
        pos = m.end() if m else len(text)
    return spans


def _carried_letters(text: str, a: int, b: int) -> list[int]:
    """Places in ``text[a:b]`` of a letter the word list reads as carried over: the
    stretch's first word is likelier with the letter before it (``خصا`` → ``شخصا``), and
    the token holding the letter is no word, but words (or nothing) either side of it
    (``وتزامنتشكابول`` → ``وتزامنت`` ``كابول``; ``سوقد`` → ``وقد``). A word of the list
    holds no carried letter: ``انهم`` is not ``انه`` + ``م``."""
    first = _TOKEN_RE.match(text, a)
    assert first is not None
    opening = core(first.group())
    if len(opening) < 2 or not _LETTER_RE.match(opening[0]):
        return []  # (a letter alone opening a stretch is an abbreviation: ``م.``)
    alone = token_logp(opening)
    places = []
    for m in _TOKEN_RE.finditer(text, first.end(), b):
        token = m.group()
        for k in _carry_points(token):
            if m.start() + k + 1 >= b:
                continue  # (a letter closing the stretch: the run repair's own case)
            if token_logp(token[k] + opening) > alone + OPENING_GAIN:
                places.append(m.start() + k)
    return places


@word_memo
def _carry_points(token: str) -> tuple[int, ...]:
    """Where in ``token`` a letter carried over a run break may stand, by the token alone:
    it is no word, and nothing or words stand either side of the letter (``ش`` between
    ``وتزامنت`` and ``كابول``). Remembered: a line's tokens recur, and most have none.

    >>> _carry_points("وتزامنتشكابول"), _carry_points("وقد")
    ((7,), ())
    """
    if not core(token) or is_known(token):
        return ()
    return tuple(k for k, ch in enumerate(token) if _LETTER_RE.match(ch)
                 and _word_or_none(token[:k]) and _word_or_none(token[k + 1 :]))


def _word_or_none(piece: str) -> bool:
    """Nothing, or a word of the list of two letters or more: what stands beside a
    carried letter (a letter alone, ``ل``, is a piece of anything)."""
    w = core(piece)
    return not piece or (len(w) > 1 and is_known(w))


# Least share of a line's tokens that are words of two letters or more: the letter
# carried over a run break is read in a line of whole words, not in a text of pieces or
# of letters in visual order (``ح   ي   ح   لا``), where the models gain by any move.
MIN_WORD_SHARE = 0.75


def _whole_words(text: str) -> bool:
    tokens = text.split()
    words = sum(len(core(t)) > 1 and is_known(t) for t in tokens)
    return bool(tokens) and words >= MIN_WORD_SHARE * len(tokens)


def _read(line: Line, a: int, b: int, i: int) -> Line:
    """The stretch ``line[a:b]`` read ``after-i … letter+before-i``."""
    text = line.text
    head_end = i
    while head_end > a and text[head_end - 1] == " ":
        head_end -= 1
    tail_start = i + 1
    while tail_start < b and text[tail_start] == " ":
        tail_start += 1
    at = int(line.src[i])
    return concat([
        Line(text[tail_start:b], line.src[tail_start:b]), synthetic(" ", at),
        Line(text[i], line.src[i : i + 1]), Line(text[a:head_end], line.src[a:head_end]),
    ])


def _score(text: str, before: str, after: str) -> tuple[float, float]:
    return text_logp(f"{before} {text} {after}"), chain_logp(words_of(f"{before} {text} {after}"))


def _beats_joining(old: str, new: str, *, before: str, after: str) -> bool:
    from .stages import reorder_beats_joining  # stages builds on this module

    return reorder_beats_joining(old, new, before=before, after=after)


def number_runs_in_order(line: Line, *, before: str = "", after: str = "") -> Line:
    """``line`` with each stretch between numbers read the other way round where a
    letter was carried over its run break and both models prefer the reading.

    >>> import numpy as np
    >>> old = "خصا منهم طفل في عملية تفجير امس وتزامنتشكابول قتل اثنا عشر"
    >>> number_runs_in_order(Line(old, np.arange(len(old)))).text
    'كابول قتل اثنا عشر شخصا منهم طفل في عملية تفجير امس وتزامنت'
    """
    if len(line.text.split(None, MAX_LINE_TOKENS)) > MAX_LINE_TOKENS or not _whole_words(line.text):
        return line  # (a paragraph is no visual line of a PDF, as the run repair reads it)
    for a, b in reversed(_stretches(line.text)):
        places = _carried_letters(line.text, a, b)
        if not places:
            continue
        base = _score(line.text, before, after)
        best: tuple[float, Line] | None = None
        for i in places:
            head, tail = Line(line.text[:a], line.src[:a]), Line(line.text[b:], line.src[b:])
            parts = [head, _read(line, a, b, i), tail]
            # a stretch glued to the number beside it (``11حجريها``) is set apart from it
            if a and line.text[a - 1] != " ":
                parts.insert(1, synthetic(" ", int(line.src[a])))
            if b < len(line.text) and line.text[b] != " ":
                parts.insert(-1, synthetic(" ", int(line.src[b - 1])))
            new = concat(parts)
            chars, words = _score(new.text, before, after)
            # The word model must also prefer it to the line with the letter only cut out
            # where it stands (``ان االسد`` → ``ان السد``): a token it spoilt is no run
            # moved. (The letters alone cannot tell: the cut mends the same token.)
            cut = _score(f"{line.text[:i]} {line.text[i + 1 :]}", before, after)[1]
            gain = chars - base[0]
            if gain > REORDER_CHAR_GAIN and words - max(base[1], cut) > WORD_GAIN \
                    and (not best or gain > best[0]):
                best = (gain, new)
        # (as the run repair asks: the reading must win over the line with its pieces
        # joined in place, not by joining pieces that join where they stand)
        if best is not None and _beats_joining(line.text, best[1].text, before=before, after=after):
            line = best[1]
    return line
