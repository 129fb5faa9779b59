"""Lines whose runs came back to front round a letter that a kashida with no character
cut off.

LibreOffice justifies Arabic with kashida, often right after a word's first letter. Where
the stretch leaves no character in the PDF (Amiri), pypdf and PyMuPDF write that letter as
a run of its own and the line's runs left to right, each in reading order: the line's end
first, the letter, then the line's start, glued:

    source:    عرضتها الدول الغربية في محاولة لحث طهران على تعليق نشاطها.
    extracted: حاولة لحث طهران على تعليق نشاطها.معرضتها الدول الغربية في

The line reads again turned round the letter (``B g A`` → ``A g B``). No sign in the text
marks the letter, so it is searched for inside the tokens the word list does not know,
between two known words, and a turn is taken where the character model reads the line
better by ``PIVOT_GAIN`` and every word the turn writes is known.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..text.arabic import PLAIN_LETTERS, joins_next
from ..text.memo import word_memo
from .kashida_runs import MAX_TOKENS
from .lexicon import is_known, token_logp
from .lines import Line, lines_text
from .model import text_logp
from .pieces import text_in_pieces

_NOT_LETTER_RE = re.compile("[^\u0621-\u064a]")
# A character no Arabic word holds, glued between two of its letters: a Latin letter or
# symbol beyond ASCII (``Ù``, ``¡``, ``†``, ``e``), not a space, digit, ASCII mark (the
# ``**`` pdfplumber writes for a stretch) or guillemet. pypdf writes
# one before the letter of a glyph whose ToUnicode entry LibreOffice wrote wrong (the
# stray byte of a misread encoding: ``العلاقاتÙلالحكومية``), and such a glyph cuts the
# line's runs as a kashida does: it is weighed as a pivot, the stray character left out
# of the reading.
_STRAY_BYTE = re.compile(
    "[^\\s\u0600-\u06ff0-9\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00ab\u00bb]"
)
_LETTERS_ONLY_RE = re.compile("[\u0621-\u064a]+$")
# The letters a kashida cut off and the runs beside them: letters without tatweel (U+0640
# lies in the letters' range). A kashida that left no character has no tatweel beside
# it; a tatweel is a kashida written out, so a token holding one is no place where a run
# was cut: a text that writes a word stretched round a dot (``الهجـ.ـوم``, so that filters
# miss it) or every word stretched (``ثـلاثـة``) is in reading order, and a turn there reads
# better only by cutting its words.
_PIVOT_LETTERS_RE = re.compile(f"[{PLAIN_LETTERS}]+$")
# The end of a run a kashida cut: a word of two letters or more, a stop after it.
_RUN_END_RE = re.compile(f"[{PLAIN_LETTERS}]{{2,}}[.\u060c\u061b\u061f:!]?$")
# The shape of every token ``_pivot_cuts`` finds a cut in, tested first (most tokens have
# none): a run's end (``_RUN_END_RE``), perhaps a stray byte, then the pivot and the next
# run's start, letters all (``_PIVOT_LETTERS_RE``, one to two and two or more).
_CUT_SHAPE_RE = re.compile(
    f"[{PLAIN_LETTERS}]{{2,}}[.\u060c\u061b\u061f:!]?(?:{_STRAY_BYTE.pattern})?"
    f"[{PLAIN_LETTERS}]{{3,}}$"
)


# Least gain (log10, under the character model) for a line to be read turned round a
# letter: lines of prose in reading order gain nothing by it (none of 1,372 source lines of
# 14 words in benchmarks/pdf_damage.py gains 3), pypdf's LibreOffice Amiri lines 5 to 20.
PIVOT_GAIN = 4.0
# Letters a pivot is (a word's first letter, or a glyph two characters wide), readings
# weighed in full at each step (the shortlist of the quicker word score), and most turns
# in one line (two kashida in one visual line are rare; three cut it into seven runs).
PIVOT_WIDTHS = (1, 2)
PIVOT_SHORTLIST = 8
PIVOT_TURNS = 3
# Least gain of the quick word score for a reading to be weighed in full: the words a turn
# changes carry most of its gain (dev lines turned: word score 5 to 20, in full 4 to 20).
SHORTLIST_DELTA = 2.0
# Least gain for a line of a text whose damage is regular: where ``REGULAR_LINES`` of its
# lines turn by ``PIVOT_GAIN``, the extractor cut this text's runs at kashida, and a line
# turning by less is read so too (dev lines of pypdf and PyMuPDF on LibreOffice Amiri
# turn by 1.7 to 4.4, the text's lines in reading order by nothing; asking two lines of
# a text turned no line of dev, one turned 3 texts better and none worse), as is a line
# turning round letters at a token's edge (``_edge_pivots``: weighed in such a text
# alone, a turn of a line of any text by them made a test text of pdfminer worse).
REGULAR_GAIN = 1.5
REGULAR_LINES = 1
# Fewest letters of the piece a run opens with, for a pivot at a token's edge: a piece of
# one or two letters (a word wrapped from the line before, ``ه``) makes a word with many
# letters (``به``, ``عين``), whichever run it opened.
EDGE_OPENING = 3
# How much likelier (log10) the word a pivot at a token's edge makes whole must be than
# the piece the next run opens with (dev: ``شخصا`` 3.5 over ``خصا``, ``سجلت`` 1.7 over ``جلت``).
WHOLE_MARGIN = 1.0
# Least share of a line's tokens that are known words of three letters or more, for the
# line to be turned: the runs a kashida cut are of whole words (dev lines that read
# better turned: 0.58 to 0.84); a line of letters in visual order or in pieces (0.0 to
# 0.18) reads better turned round any letter.
WORD_SHARE = 0.5
# Fewest lines of three tokens or more a text needs to be read so: a page's lines, not a
# post or a paragraph written as one line (whose start and end the model reads as a
# sentence's, so that a turn gains at the edges alone).
PIVOT_MIN_LINES = 3


def _token_delta(old: str, new: str) -> float:
    """How much likelier (log10) ``new`` reads than ``old`` by the words it changes alone:
    a quick score to shortlist readings (words kept score the same in both)."""
    a, b = Counter(old.split()), Counter(new.split())
    return sum(text_logp(t) * n for t, n in (b - a).items()) \
        - sum(text_logp(t) * n for t, n in (a - b).items())


def _writes_known(old: str, new: str) -> bool:
    """Whether every word ``new`` writes that ``old`` does not is in the word list: a
    turn puts whole words back together; in a text of fragments any turn reads better."""
    return all(is_known(t) for t in Counter(new.split()) - Counter(old.split()))


def _is_pivot(before: str, pivot: str, after: str) -> bool:
    """Whether ``pivot`` may be letters a kashida cut off between the end of one run and
    the start of another in the token ``before + pivot + after``: letters, the last one
    joining the next (a kashida stretches nothing else: not the ``و`` of ``،واسفر``),
    between two known words of two letters or more (a text in pieces or glued has tokens
    a letter cuts anywhere; the runs of a whole line end and start in whole words)."""
    return (
        _PIVOT_LETTERS_RE.match(pivot) is not None and joins_next(pivot[-1])
        and _RUN_END_RE.match(before) is not None and _PIVOT_LETTERS_RE.match(after) is not None
        and len(after) >= 2 and is_known(before) and is_known(after)
    )


def _whole_word(text: str, at: int) -> bool:
    """Whether the token of ``text`` at ``at`` (the pivot put back) is a known word of three
    letters or more: the word the kashida cut, whole again (a lone letter is no evidence)."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    token = text[start : end if end >= 0 else len(text)]
    return len(_NOT_LETTER_RE.sub("", token)) >= 3 and is_known(token)


@word_memo
def _pivot_cuts(token: str) -> tuple[tuple[int, int], ...]:
    """(offset, width) of each stretch of ``token`` that ``_is_pivot`` reads as letters a
    kashida cut off: none in a known token or one of fewer than five characters (two
    letters each side of the pivot). A function of the token alone, remembered: lines of
    prose repeat their words, and most have none (``وحاولة`` known: ``()``)."""
    if len(token) < 5 or _CUT_SHAPE_RE.match(token) is None or is_known(token):
        return ()
    return tuple((i, width + stray) for i in range(1, len(token) - 1) for width in PIVOT_WIDTHS
                 for stray in (_stray(token, i),)
                 if i + stray + width < len(token)
                 and _is_pivot(token[:i], token[i + stray:i + stray + width], token[i + stray + width:]))


def _stray(text: str, at: int) -> int:
    """1 where ``text[at]`` is a stray byte of a misread glyph (``_STRAY_BYTE``), else 0."""
    return 1 if _STRAY_BYTE.match(text, at) else 0


@word_memo
def _edge_pivots(token: str) -> tuple[tuple[int, int], ...]:
    """(offset 0, width) of letters a kashida cut off opening ``token``, the space of the
    run's end before them: an unknown token, a known word after the letters (``سوقال``:
    ``س`` and ``وقال``). Which of them is a pivot, the word it makes with the next run's
    first letters says (``_pivot_readings``). (Letters closing a known word, the space
    after them, are no pivot: any word ending in a letter that joins would be one, and a
    line opening with a wrapped word's piece turns round it: ``فاجده|ن`` and ``ادي``.)"""
    if _LETTERS_ONLY_RE.match(token) is None or len(token) < 3 or is_known(token):
        return ()
    return tuple((0, w) for w in PIVOT_WIDTHS
                 if len(token) - w >= 2 and _PIVOT_LETTERS_RE.match(token[:w]) is not None
                 and joins_next(token[w - 1]) and is_known(token[w:]))


def _pivot_readings(line: str, lo: int, hi: int,
                    edges: bool = False) -> list[tuple[str, list[int], int, int]]:
    """The readings of ``line`` with its stretch ``lo:hi`` turned round a pivot that
    stands inside an unknown token, glued on both sides, the runs ``B`` and ``A`` two
    words or more each (``edges``: or opening a token, ``B``'s space before it, ``A`` one
    word or more: ``جلت … العام سوقد`` read ``وقد سجلت … العام``): ``B g A`` read ``A g B``, and
    ``A g B`` with a space where ``A`` lost the space at its end. Each is its text, the
    index in ``line`` of each of its characters (-1: the space put in), and the new
    stretches ``A`` and ``g B`` end at; best first by the quick word score, at most
    ``PIVOT_SHORTLIST``."""
    scored: list[tuple[float, int, str, list[int], int, int]] = []
    pos = 0
    first = line[lo:hi].split(None, 1)
    opening = _NOT_LETTER_RE.sub("", first[0]) if first else ""  # the next run's first letters
    for token in line.split():
        start = line.index(token, pos)
        pos = start + len(token)
        if start < lo or pos > hi:
            continue
        cuts = [(at, width, False) for at, width in _pivot_cuts(token)]
        if edges and start > lo and len(opening) >= EDGE_OPENING:
            # the letters and the run's first letters make a word likelier than that piece
            # alone: a word the kashida cut (``خصا`` → ``شخصا``), not a proclitic put
            # before a word (``وردا`` → ``لوردا``)
            cuts += [(at, width, True) for at, width in _edge_pivots(token)
                     if is_known(token[at:at + width] + opening)
                     and token_logp(token[at:at + width] + opening) > token_logp(opening) + WHOLE_MARGIN]
        for at, width, edge in cuts:
            i = start + at
            j = i + width
            tail = line[j:hi]
            # each run of a visual line holds words: a cut inside one token is a
            # misread word (``واالثنين``), not two runs; a run cut off at an edge
            # pivot may be one word (``لعام سوقد``: ``وقد``)
            if " " not in line[lo:i].strip() or not (tail.strip() if edge else " " in tail.strip()):
                continue
            g = i + _stray(line, i)  # the pivot's letters, its stray byte left out
            for space in ("", " ") if not tail.endswith(" ") else ("",):
                new = line[:lo] + tail + space + line[g:j] + line[lo:i] + line[hi:]
                cut = lo + len(tail) + len(space)
                if not _whole_word(new, cut):
                    continue
                delta = _token_delta(line, new)
                if delta >= SHORTLIST_DELTA:  # (the map of a reading made only for one kept)
                    order = [*range(lo), *range(j, hi), *([-1] * len(space)), *range(g, j),
                             *range(lo, i), *range(hi, len(line))]
                    scored.append((delta, -width, new, order, cut, hi))
    scored.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return [(new, order, cut, end) for _, _, new, order, cut, end in scored[:PIVOT_SHORTLIST]]


def pivot_turns(line: str, least: float = PIVOT_GAIN, *, edges: bool = False) -> tuple[float, str, list[int]]:
    """``line`` read as runs back to front around letters a kashida cut off (see
    ``kashida_pivots``; ``edges``: letters opening a token too, ``_edge_pivots``): how
    much likelier (log10) it reads so, the reading, and the index
    in ``line`` of each of its characters (-1: a space put in). A turn ``B g A`` → ``A g B``
    is taken where it gains ``least``; the stretches ``A`` and ``g B`` may then be
    turned in turn (``C g B f A`` → ``A f B g C``).

    >>> gain, text, order = pivot_turns("حاولة لحث طهران على تعليق نشاطها.معرضتها الدول الغربية في ")
    >>> gain > PIVOT_GAIN, text.strip()
    (True, 'عرضتها الدول الغربية في محاولة لحث طهران على تعليق نشاطها.')
    """
    total = 0.0
    order = list(range(len(line)))
    stretches = [(0, len(line))]
    for _ in range(PIVOT_TURNS):
        base: float | None = None  # the line's own score, read once a reading is weighed
        best: tuple[float, str, list[int], int, int, int] | None = None
        for lo, hi in stretches:
            for new, moved, cut, end in _pivot_readings(line, lo, hi, edges):
                if not _writes_known(line, new):
                    continue
                if base is None:
                    base = text_logp(line)
                gain = text_logp(new) - base
                if gain >= least and (best is None or gain > best[0]):
                    best = (gain, new, moved, lo, cut, end)
        if best is None:
            break
        gain, line, moved, lo, cut, end = best
        total += gain
        order = [order[k] if k >= 0 else -1 for k in moved]
        stretches = [(lo, cut), (cut, end)]
    return total, line, order


def kashida_pivots(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines whose runs came back to front around a kashida that left no character, put
    in reading order. LibreOffice stretches a word after its first letter; where the
    stretch has no character, pypdf and PyMuPDF write the line's runs left to right: the
    letter alone between the line's end and its start (``حاولة … نشاطها.معرضتها … في``
    for ``عرضتها … في محاولة … نشاطها.``). A line is turned round such a letter, inside a
    token the word list does not know, where it reads better by ``PIVOT_GAIN``; in a text
    with such a line the damage is the extractor's way with the text, and a line reading
    better by ``REGULAR_GAIN`` is turned too, round such a letter or one opening a token
    (``سوقال``, ``_edge_pivots``). A line mostly of pieces is left as it is.

    >>> from workbench.cleaning.lines import synthetic
    >>> texts = ["حاولة لحث طهران على تعليق نشاطها.معرضتها الدول الغربية في ",
    ...          "وقال الوزير ان العرض جيد", "واضاف ان الاتفاق قريب"]
    >>> out, n = kashida_pivots([synthetic(t, 0) for t in texts])
    >>> out[0].text.strip(), n
    ('عرضتها الدول الغربية في محاولة لحث طهران على تعليق نشاطها.', 1)
    """
    if sum(len(line.text.split(None, 2)) >= 3 for line in lines) < PIVOT_MIN_LINES:
        return list(lines), 0
    in_pieces: bool | None = None  # asked once a line would be turned
    out: list[Line] = []
    weak: list[int] = []  # lines turned by less than PIVOT_GAIN: read so in a regular text
    edge_only: list[int] = []  # lines whose pivots can only open a token: weak, if of words
    n = 0
    for line in lines:
        # a line that opens with a space is one whose runs a font's missing marks cut
        # (``fallback_runs``): its space at the end written first
        # (a line longer than a visual line was never laid out as one: a paragraph)
        if line.text[:1].isspace() or not 3 <= len(line.text.split(None, MAX_TOKENS)) <= MAX_TOKENS:
            out.append(line)
            continue
        # (a line with no token a pivot may stand in has no reading to weigh: most lines;
        # one whose pivots can only open a token has none to weigh by PIVOT_GAIN, and is
        # looked at again only in a text where a line turned)
        if not any(map(_pivot_cuts, line.text.split())):
            edge_only.append(len(out))
            out.append(line)
            continue
        if not _of_words(line.text):
            out.append(line)
            continue
        gain, text, order = pivot_turns(line.text)
        if gain and in_pieces is None:
            in_pieces = text_in_pieces(lines_text(lines))  # its letters are cut into words again
        if not gain:
            weak.append(len(out))
        if not gain or in_pieces:
            out.append(line)
            continue
        out.append(_turned(line, text, order))
        n += 1
    if n >= REGULAR_LINES and not in_pieces:
        weak = sorted([*weak, *(k for k in edge_only
                                if any(map(_edge_pivots, out[k].text.split())) and _of_words(out[k].text))])
        for k in weak:
            gain, text, order = pivot_turns(out[k].text, REGULAR_GAIN, edges=True)
            if gain:
                out[k] = _turned(out[k], text, order)
                n += 1
    return out, n


def _of_words(line: str) -> bool:
    """Whether ``WORD_SHARE`` of the tokens of ``line`` are known words of three letters or
    more (``ة  سايسلا ق سنم``, letters in visual order: none of them)."""
    tokens = line.split()
    words = sum(len(_NOT_LETTER_RE.sub("", t)) >= 3 and is_known(t) for t in tokens)
    return words >= WORD_SHARE * len(tokens)


def _turned(line: Line, text: str, order: list[int]) -> Line:
    """``line`` read as ``text``, each character mapped back through ``order`` (a space put
    in maps to the character before it)."""
    at = [k if k >= 0 else order[max(i - 1, 0)] for i, k in enumerate(order)]
    return Line(text, line.src[np.array(at, dtype=np.int64)])
