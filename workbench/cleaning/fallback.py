"""Lines whose glyph runs come left to right: a font lacking quotes, stops or digits.

Where the font of an Arabic text has no glyph for a quote, a full stop or a digit, the
producer (Chromium, WeasyPrint) draws it from another font, which cuts the line into
runs; pypdf and PyMuPDF then write the runs of the line in the order they stand on the
page, left to right, each run in reading order:

    source:    وردا على سؤال ... خطابه " قطف ثمرة ... لتوظيفه
    extracted: قطف ثمرة ... لتوظيفه" وردا على سؤال ... خطابه

Which characters cut runs depends on the font, so it is the text's to decide, one class
of characters at a time (each punctuation mark, digits, Latin letters): a class is taken
where turning round the runs of every line it cuts makes the text likelier under the word
bigram model (``bigrams.py``) by ``TURN_GAIN`` a line, the last word of each line read
before the first word of the next; and the classes taken must gain ``TEXT_GAIN`` a turned
line on average over three lines or more (or two that gain ``TOTAL_TEXT_GAIN`` in all),
or none is. A text justified with kashida is left to the run repair, and weighed only once
its tatweel is out (``clean`` does so after the ``kashida`` stage), as a second clean of its
output weighs it. The letters of a run say nothing about the order of runs (the character
model cannot tell them), the words meeting at run edges do.

Two signs in the lines themselves stand in for a surer model. An extractor writing a
line's runs left to right writes the space after its last word first: where most lines
that could be turned open with a space, the classes are searched again with no least gain
a line. Digits have a sign of their own: pypdf and PyMuPDF glue a number drawn from another
font to the run before it in their output (``البالغ عددهم3 المسيحيين``), which no
extractor writing in reading order does; in a text that shows it, the digits are taken
wherever the lines they turn read better at all (``_with_glued_digits``), though too few
lines hold a number for the search to decide. A paragraph alone between blank lines
(``clean``'s output) is weighed by neither: its lines were weighed on their page.

The model is asked only of a text that shows the shape of the damage: two lines or
more that the characters they hold cut into two runs with words (a line that all its
classes leave whole is left whole by every choice of them), and one class alone turning
two of them (the search starts from one class). Most news and posts lack it and pass
through untouched, as the search would leave them.

>>> turned_line("قطف ثمرة لتوظيفه\\" وردا على خطابه", {'"'})
'وردا على خطابه " قطف ثمرة لتوظيفه'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from ..text.arabic import TATWEEL, fold_positions
from .bigrams import NUMBER, edge_words, key_words, pair_logp, word_places, words_of
from .lexicon import has_edge_tatweel, is_known
from .lines import Line, concat, synthetic
from .stages import ARABIC_RE

# Least gain (log10, word bigram model) a turned line must bring on average for a class
# of characters to be read as cutting runs. Set on the dev documents of
# benchmarks/pdf_damage.py; the source texts (lines in reading order) lose by turning.
TURN_GAIN = 0.65
# Least mean gain a turned line must bring under the classes finally chosen: the text's
# own decision that its font lacked glyphs. Text already in reading order can gain a
# little by turning (the model is not sure of every junction), never this much on the dev
# documents of benchmarks/pdf_damage.py (every extractor); text written left to right
# gains 2 to 4 a line.
TEXT_GAIN = 2.0
# ... or this much, where the turned lines' edges read better turned as well (a line
# in reading order seldom opens with a stop): on the dev documents of
# benchmarks/pdf_damage.py, texts written left to right that gain 1 to 2 a line turn
# their stops to line ends, texts in reading order that gain so much do not.
EDGE_TEXT_GAIN = 1.0
# ... or this much in all (log10, summed over the turned lines, each line whose edges
# read right only turned counting ``EDGE_LINE_GAIN`` more), where the edges read no worse
# turned: a long text written left to right may gain less a line (a few of its runs read
# as well either way) but gains over many lines; the choice of the best classes lets a
# text in reading order gain by chance over a few lines only. On the dev documents of
# benchmarks/pdf_damage.py texts in reading order gain 7 at most, texts written left to
# right 8 to 20 (or 4 to 5 with two or three lines' edges put right).
TOTAL_TEXT_GAIN = 7.5
# What a line opening with a closing mark (or closing with an opening one) that reads
# right turned counts for (log10): a line in reading order seldom does.
EDGE_LINE_GAIN = 3.5
# Least share of the turned lines' words the word list knows for their edges to count.
KNOWN_WORDS = 0.8
# Fewest lines a class must cut: one or two lines are no evidence about a font (a short
# news text with two numbers can read a little better turned) ...
MIN_LINES = 3
# ... unless two lines gain ``TOTAL_TEXT_GAIN`` in all: a font lacking digits cuts only
# the lines with a number, two on a page of prose (``اذار14 اخر`` at a line's start).
FEW_LINES = 2
# Fewest lines with a number glued to a word's end (see ``glued_digit_lines``) for a text's
# digits to be read as drawn from another font, and the least gain (log10) the lines they
# turn must bring: the extractors that write text in reading order never glue them on the
# dev documents of benchmarks/pdf_damage.py, pypdf and PyMuPDF do on 39 of 78 PDFs of the
# producers that draw digits from a fallback font.
GLUED_DIGIT_LINES = 1
GLUED_DIGIT_GAIN = 0.0
# Fewest lines that could be turned opening with a space (see ``_opening_spaces``) for a
# text to be searched again with no least gain a line: on the dev documents of
# benchmarks/pdf_damage.py 78 % of such lines of pypdf and PyMuPDF read better turned,
# and pdftotext, the one other extractor to open lines with a space, opens one to four.
OPENING_SPACE_LINES = 3
# ... and the least share of the lines a class adds to those already turned that must
# open with a space for it to be added so (Chromium Scheherazade 03678 through pypdf on
# dev: a text in reading order but for its numbers, whose quotes would turn lines that
# open with none).
OPENING_SHARE = 2 / 3
# Least gain (log10) the lines a further class turns must bring, in a text already found
# to lack some marks (see ``_with_more_classes``).
MORE_CLASS_GAIN = 0.0
# Longest line (in tokens) read as one visual line of a page.
MAX_LINE_TOKENS = 40
# Share of lines with tatweel that marks a kashida-justified text (see ``kashida_justified``).
KASHIDA_LINES = 0.2
# At most this many classes are tried (the commonest first).
MAX_CLASSES = 8
# The decision is made on the first lines that could be turned, this many at most: a
# font's missing glyphs show on every page, and a long text costs no more than a few pages.
EVIDENCE_LINES = 200

# Characters of Arabic script that an Arabic font has: never a run of another font.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# U+FFFD stands for a glyph of the text's own font that had no character: part of a word.
_OTHER_RE = re.compile(f"[^\\s{_ARABIC}\ufffd]")
_OTHER_RUN_RE = re.compile(f"[^\\s{_ARABIC}\ufffd]+")
# What the bigram model reads as a word: Arabic letters, or a number.
# A word of two letters or more (its closing marks after it) with a number glued to its
# end, a space after it: ``عددهم3 المسيحيين``, ``(رويترز).26 في``.
# (Looked for from the marks and digits, the letters behind: scanning every word's letters
# for one that ends in a number cost a twentieth of ``clean`` on news.)
_GLUED_DIGITS_RE = re.compile(
    '(?<=[\u0621-\u064a]{2})[.\u060c,:;)\\]\u00bb"]*[0-9\u0660-\u0669\u06f0-\u06f9]+\\s+\\S'
)
_DIGIT_RE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_WORDISH_RE = re.compile("[\u0621-\u064a0-9\u0660-\u0669\u06f0-\u06f9]")


_UNREAD = object()  # no edge words read yet for a run (None: it has none)

# A font that lacks one of a pair of brackets lacks the other: the two are one class.
_PAIRED = {")": "(", "]": "[", "\u00bb": "\u00ab"}


@lru_cache(maxsize=4096)  # asked of every such character of every candidate line
def char_class(ch: str) -> str:
    """The class a character is decided with: ``0`` for any digit, ``A`` for any letter
    (Latin and other scripts), else the character itself.

    >>> char_class("7"), char_class("R"), char_class('"')
    ('0', 'A', '"')
    """
    if ch.isdigit():
        return "0"
    if ch.isalpha():
        return "A"
    return _PAIRED.get(ch, ch)


def run_spans(text: str, cutters: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the runs of a line: each stretch of characters of the classes in
    ``cutters`` (spaces inside a stretch kept in it), and the text between, edges trimmed.

    >>> text = 'قال" نعم" اليوم'
    >>> [text[a:b] for a, b in run_spans(text, {'"'})]
    ['قال', '"', 'نعم', '"', 'اليوم']
    """
    return _run_spans(text, _others_at(text), set(cutters))


def _others_at(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` holds characters that may have come from another font: (start, end,
    class) of each stretch of them side by side of one class (``https`` of a link is one,
    ``://`` two). A class cuts or joins all the characters of such a stretch alike, so the
    trials of :func:`cutting_classes` step over stretches, not characters."""
    out: list[tuple[int, int, str]] = []
    for m in _OTHER_RUN_RE.finditer(text):
        at = m.start()
        for cls, same in itertools.groupby(m.group(), char_class):
            n = sum(1 for _ in same)
            out.append((at, at + n, cls))
            at += n
    return out


def _run_spans(text: str, others: list[tuple[int, int, str]], cut: set[str]) -> list[tuple[int, int]]:
    """:func:`run_spans` given :func:`_others_at` of ``text``.

    A stretch is a cutting character and every one after it with nothing but spaces
    between (what a pattern of the cutting characters ``[c](?:\\s*[c])*`` finds; ``\\s``
    and ``str.isspace`` are one test): read off the few places of such characters rather
    than by a pattern compiled for each line's own set of them."""
    spans: list[tuple[int, int]] = []
    pos = 0
    start = end = -1
    for at, upto, cls in others:
        if cls not in cut:
            continue
        if start >= 0 and (at == end or text[end:at].isspace()):
            end = upto  # the stretch goes on
            continue
        if start >= 0:
            spans += _trimmed(text, pos, start)
            spans.append((start, end))
            pos = end
        start, end = at, upto
    if start >= 0:
        spans += _trimmed(text, pos, start)
        spans.append((start, end))
        pos = end
    return spans + _trimmed(text, pos, len(text))


def _trimmed(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``[a, b)`` without its edge spaces, as a one-span list (none if only spaces)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return [(a, b)] if a < b else []


def _longer_than_a_line(text: str) -> bool:
    """More than ``MAX_LINE_TOKENS`` tokens (a paragraph is split no further than that)."""
    return len(text.split(None, MAX_LINE_TOKENS)) > MAX_LINE_TOKENS


def turned_spans(text: str, cutters: Iterable[str]) -> list[tuple[int, int]] | None:
    """The runs of ``text`` in reading order if the line is cut into runs of which two
    or more hold Arabic words, else None (the line stands as it is)."""
    if _longer_than_a_line(text):
        return None
    return _reading_order(text, run_spans(text, cutters))


def _reading_order(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The runs ``spans`` of ``text`` turned round if two or more hold words, else None."""
    if len(spans) < 2:
        return None
    search = _WORDISH_RE.search
    with_words = 0
    for a, b in spans:  # two runs with words are enough to know
        if search(text, a, b):
            with_words += 1
            if with_words == 2:
                return spans[::-1]
    return None


def turned_line(text: str, cutters: Iterable[str]) -> str:
    """``text`` with its runs in reading order (single spaces between them, none inside
    brackets; see :func:`turned_runs`)."""
    spans = turned_spans(text, cutters)
    if spans is None:
        return text
    return _written(text, turned_runs(text, spans, cutters), brackets_mirrored([text], cutters))


# A bracket drawn from another font stands in a line written left to right either as
# the page shows it, mirrored (the closing glyph where the text opens: Chromium's PDFs,
# `` البنك (او ما يعادل ذلك ) مليار``), or as the text wrote it (WeasyPrint's,
# `` تتواصل)الفرنسية(المدافع``): which, the text tells (``brackets_mirrored``). Turned to
# reading order, mirrored brackets are mirrored back (Unicode's Bidi_Mirrored pairs), and
# brackets are set against the words they enclose.
_MIRRORED = str.maketrans("()[]{}\u00ab\u00bb", ")(][}{\u00bb\u00ab")
_OPENING_BRACKETS = frozenset("([{\u00ab")
_CLOSING_BRACKETS = frozenset(")]}\u00bb")


def turned_runs(
    text: str, spans: list[tuple[int, int]], cutters: Iterable[str]
) -> list[tuple[int, int, bool]]:
    """The runs ``spans`` (in reading order) as (start, end, drawn): ``drawn`` for a run of
    the cutting characters, whose brackets may stand mirrored (:func:`run_text`).

    >>> text = 'قال ( نعم ) اليوم'
    >>> _written(text, turned_runs(text, turned_spans(text, {"("}), {"("}), True)
    'اليوم (نعم) قال'
    """
    cut = set(cutters)
    return [(a, b, char_class(text[a]) in cut) for a, b in spans]


def run_text(text: str, a: int, b: int, drawn: bool, mirror: bool) -> tuple[str, list[int]]:
    """The text of run ``[a, b)`` of ``text`` in reading order, and the index in ``text`` of
    each of its characters: the brackets of a run of cutting characters (``drawn``)
    mirrored where the text draws them so. (The characters of such a run keep their order:
    a run of one fallback font is written in reading order, one of two fonts is not, and
    the text does not say which it was.)"""
    piece = text[a:b]
    if drawn and mirror:
        piece = piece.translate(_MIRRORED)
    return piece, list(range(a, b))


def brackets_mirrored(texts: list[str], cutters: Iterable[str]) -> bool:
    """Whether the brackets among ``cutters`` stand mirrored in the lines they turn: read in
    reading order, a closing bracket comes before an opening one more often than after.

    >>> brackets_mirrored(["قال ( نعم ) اليوم"], {"("}), brackets_mirrored(["قال ) نعم ( اليوم"], {"("})
    (True, False)
    """
    cut = set(cutters)
    if not cut & {"(", "[", "\u00ab"}:
        return False
    ahead = behind = 0
    for text in texts:
        if not any(ch in _CLOSING_BRACKETS for ch in text):
            continue
        spans = turned_spans(text, cut)
        if spans is None:
            continue
        marks = [ch for a, b, drawn in turned_runs(text, spans, cut) if drawn
                 for ch in run_text(text, a, b, drawn, False)[0]
                 if ch in _OPENING_BRACKETS or ch in _CLOSING_BRACKETS]
        for x, y in itertools.pairwise(marks):
            ahead += x in _OPENING_BRACKETS and y in _CLOSING_BRACKETS
            behind += x in _CLOSING_BRACKETS and y in _OPENING_BRACKETS
    return behind > ahead


def _glued(left: str, right: str, left_drawn: bool, right_drawn: bool) -> bool:
    """Whether two runs meet with no space: after an opening bracket or before a closing
    one that another font drew."""
    return (left_drawn and left[-1:] in _OPENING_BRACKETS) or (right_drawn and right[:1] in _CLOSING_BRACKETS)


def _written(text: str, runs: list[tuple[int, int, bool]], mirror: bool) -> str:
    """The runs of ``text`` written one after the other in reading order."""
    out: list[str] = []
    last, last_drawn = "", False
    for a, b, drawn in runs:
        piece, _ = run_text(text, a, b, drawn, mirror)
        if out and not _glued(last, piece, last_drawn, drawn):
            out.append(" ")
        out.append(piece)
        last, last_drawn = piece, drawn
    return "".join(out)


class _Text:
    """The lines of a text as the bigram model reads them, and what turning some of them
    gains: only the turned lines and the junctions next to them are scored anew."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        # Lines that could be turned: short enough for a visual line, with a character
        # that may have come from another font.
        # A line standing alone between blank lines is a paragraph ``clean`` laid out (or
        # a title): its evidence was weighed while it stood among the lines of its page.
        beside = _beside_text(texts)
        self.candidates = list(itertools.islice(
            (i for i, t in enumerate(texts) if beside[i]
             and _OTHER_RE.search(t) and ARABIC_RE.search(t) and not _longer_than_a_line(t)),
            EVIDENCE_LINES,
        ))
        # Where each candidate line holds a character that may have come from another
        # font, and the classes it holds: a set of cutters turns only the lines holding one.
        self.others = {i: _others_at(texts[i]) for i in self.candidates}
        self.holds = {i: {c for _, _, c in self.others[i]} for i in self.candidates}
        # The candidates that some set of cutters can turn: those cut into two runs with
        # words by all the classes they hold. More cutters never join runs with words into
        # one (an Arabic letter is never a cutter, so the run holding it under more cutters
        # lies inside one run under fewer), so a line that all its classes leave whole is
        # left whole by every set of them, and no trial of the search holds it.
        self._spans: dict[tuple[int, frozenset[str]], list[tuple[int, int]] | None] = {}
        self.turnable = [i for i in self.candidates if self.spans(i, frozenset(self.holds[i]))]
        with_words = [i for i, t in enumerate(texts) if ARABIC_RE.search(t)]
        self.prev = {b: a for a, b in itertools.pairwise(with_words)}
        self.next = {a: b for a, b in itertools.pairwise(with_words)}
        self._words: dict[int, list[str]] = {}
        self._keys: dict[int, tuple[str, list[int] | None, tuple[list[int], list[int]]]] = {}
        self._turned: dict[tuple[int, frozenset[str]], tuple[float, str, str]] = {}
        self._was: dict[tuple[int, int], float] = {}
        self._edges: dict[tuple[int, int, int], tuple[str, str] | None] = {}
        self._logp: dict[tuple[str, str], float] = {}

    def words(self, i: int) -> list[str]:
        """The words of line ``i`` as it stands (read once, when first asked for)."""
        found = self._words.get(i)
        if found is None:
            found = key_words(self._key(i)[0]) if i in self.others else words_of(self.texts[i])
            self._words[i] = found
        return found

    def classes(self) -> list[str]:
        """Classes of the characters that could cut runs, commonest first."""
        counts: dict[str, int] = {}
        for held in self.holds.values():
            for c in held:
                counts[c] = counts.get(c, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))[:MAX_CLASSES]

    def turning(self, cutters: set[str]) -> dict[int, frozenset[str]]:
        """The lines that ``cutters`` turn, each with the classes of them it holds (no
        word is read: a set of cutters turning too few lines is no trial)."""
        out = {}
        for i in self.turnable:
            cut = self.holds[i] & cutters
            # a line is cut only by the classes it holds: the greedy search of
            # ``cutting_classes`` asks again of most lines what it asked before
            if cut and self.spans(i, frozenset(cut)):
                out[i] = frozenset(cut)
        return out

    def turned(self, turning: dict[int, frozenset[str]]) -> dict[int, tuple[float, str, str]]:
        """For each line of ``turning`` (by the classes given): how much likelier its words
        read turned, and its first and last word turned. Inside a run the words stay as
        they were, so only the pairs where runs meet are scored."""
        out = {}
        for i, cut in turning.items():
            key = (i, cut)
            found = self._turned.get(key)
            if found is None:
                found = self._turned[key] = self._turn(i, self._spans[key])
            out[i] = found
        return out

    def spans(self, i: int, cut: frozenset[str]) -> list[tuple[int, int]] | None:
        """:func:`turned_spans` of candidate line ``i`` (short enough by its choice)."""
        key = (i, cut)
        if key in self._spans:
            return self._spans[key]
        text = self.texts[i]
        found = self._spans[key] = _reading_order(text, _run_spans(text, self.others[i], cut))
        return found

    def _turn(self, i: int, spans: list[tuple[int, int]]) -> tuple[float, str, str]:
        key, at, places = self._key(i)
        if at is not None:
            spans = [(at[a], at[b]) for a, b in spans]
        # the first and last word of each run with words: only they meet another run. The
        # trials of the search cut a line at many of the same places: each run's edge words
        # and each pair's probability are read once a text.
        edges = self._edges
        runs = []
        for a, b in spans:
            found = edges.get((i, a, b), _UNREAD)
            if found is _UNREAD:
                found = edges[(i, a, b)] = edge_words(key, places, a, b)
            if found is not None:
                runs.append(found)
        logp = self.logp
        gain = sum(logp(a[1], b[0]) - logp(b[1], a[0]) for a, b in itertools.pairwise(runs))
        return (gain, runs[0][0], runs[-1][1])

    def logp(self, left: str, right: str) -> float:
        """:func:`pair_logp`, remembered for the text (the search asks the same pairs again)."""
        found = self._logp.get((left, right))
        if found is None:
            found = self._logp[(left, right)] = pair_logp(left, right)
        return found

    def _key(self, i: int) -> tuple[str, list[int] | None, tuple[list[int], list[int]]]:
        """The matching key of line ``i``; where folding dropped characters (marks,
        tatweel), the index in the key of each place of the line (None: the same); and
        where the key's words stand."""
        found = self._keys.get(i)
        if found is None:
            text = self.texts[i]
            key, kept = fold_positions(text)
            at = None
            if len(key) != len(text):  # place p of the line: the key characters before it
                at = np.searchsorted(kept, np.arange(len(text) + 1)).tolist()
            found = self._keys[i] = (key, at, word_places(key))
        return found

    def gain(self, turned: dict[int, tuple[float, str, str]]) -> float:
        """How much likelier (log10) the text reads with the lines of ``turned`` turned."""
        words = self.words
        total = 0.0
        junctions: set[tuple[int, int]] = set()
        for i, (gain, _, _) in turned.items():
            total += gain
            if i in self.prev:
                junctions.add((self.prev[i], i))
            if i in self.next:
                junctions.add((i, self.next[i]))
        for a, b in junctions:
            left = turned[a][2] if a in turned else words(a)[-1]
            right = turned[b][1] if b in turned else words(b)[0]
            was = self._was.get((a, b))
            if was is None:  # the junction as the text stands, asked of every trial near it
                was = self._was[(a, b)] = self.logp(words(a)[-1], words(b)[0])
            total += self.logp(left, right) - was
        return total


def cutting_classes(texts: list[str], text: _Text | None = None) -> set[str]:
    """The classes of characters that cut the lines of a text into runs written left to
    right: added one at a time, the one that gains most first, while the text gains by
    more than ``TURN_GAIN`` per turned line (see the module docstring), or all of them
    where together they gain more; none unless the lines they turn gain ``TEXT_GAIN``
    each on average, or the lines open with a space (:func:`_opening_spaces`) and the
    search with no least gain a line turns ``MIN_LINES`` that gain at all (with more
    classes only where the lines they add open so too); the digits
    too where they are glued out of place (:func:`glued_digit_lines`)."""
    # one reading of the text serves every step: the lines' runs and the model's scores of
    # turned lines and junctions are asked again and again
    text = text if text is not None else _Text(texts)
    chosen, current, gain = _searched_classes(texts, text=text)
    if not current or not _text_turns(texts, current, chosen, gain):
        chosen = set()
    opening = _opening_spaces(texts, text)
    if opening:
        # the lines themselves show they were written left to right: the classes need
        # only make them read better, not sure of every junction; a class the first
        # search left (quotes round names the model does not know) is added where the
        # lines it adds open with a space
        found, current, gain = _searched_classes(texts, turn_gain=0.0, text=text)
        if (len(current) >= MIN_LINES and gain > 0.0 and found >= chosen
                and _new_lines_open(texts, chosen, found, text)):
            chosen = found
    if not chosen:
        chosen = _signed_class(texts, text)
    if opening:
        chosen = _classes_of_opening_lines(texts, text, chosen)
    return _with_more_classes(texts, _with_glued_digits(texts, chosen, text), text)


def _classes_of_opening_lines(texts: list[str], text: _Text, chosen: set[str]) -> set[str]:
    """In a text whose lines open with a space (:func:`_opening_spaces`), ``chosen`` with
    the classes the lines opening so hold and no line opening with a letter holds, where
    the lines they turn then read better: a mark of the text's own font leaves its line
    one run, written as it reads (``في الازمة. ووصف``), a mark of another font cuts its
    line, written left to right, its last word's space first."""
    lead = [i for i in text.turnable if texts[i][:1] == " "]
    own: set[str] = set()
    for i in text.turnable:
        if ARABIC_RE.match(texts[i]):
            own |= text.holds[i]
    found = set().union(*(text.holds[i] for i in lead)) - own
    if found <= chosen:
        return chosen
    turning = text.turning(chosen | found)
    if len(turning) < MIN_LINES:
        return chosen
    was = text.gain(text.turned(text.turning(chosen))) if chosen else 0.0
    # better, not the same within rounding (a class re-cutting lines to no effect)
    return chosen | found if text.gain(text.turned(turning)) > max(was, 0.0) + 1e-9 else chosen


def _signed_class(texts: list[str], text: _Text) -> set[str]:
    """The class alone whose lines, ``FEW_LINES`` or more, all show they were written left
    to right (:func:`_shows_turned`) and gain ``TURN_GAIN`` a line turned, the likeliest
    (none if no class does): a mark cutting two or three lines a page (a dateline's dash)
    is taken on the lines' own signs, where the model alone is sure of too few lines."""
    best: tuple[float, str] | None = None
    for c in text.classes():
        turning = text.turning({c})
        if len(turning) < FEW_LINES or not all(_shows_turned(texts[i], cut) for i, cut in turning.items()):
            continue
        gain = text.gain(text.turned(turning))
        if gain >= TURN_GAIN * len(turning) and (best is None or gain > best[0]):
            best = (gain, c)
    return {best[1]} if best else set()


def _with_more_classes(texts: list[str], chosen: set[str], text: _Text) -> set[str]:
    """``chosen`` with each further class whose lines read better turned with it (the
    likeliest first, while any does; where none does, two classes together), where most
    of the lines it adds show they were
    written left to right (:func:`_shows_turned`): once a text shows its font lacked some
    marks, another mark cutting a few lines (a dash, brackets: too few lines to tell a
    font by alone) is taken on the lines' own signs, the model need only not read them
    worse. Where all the lines it adds open with a space, they need only read better
    inside themselves: the junctions with the lines round them are no surer than those
    lines' own order."""
    if not chosen:
        return chosen
    chosen = set(chosen)
    current = text.turned(text.turning(chosen))
    was = text.gain(current)
    while True:
        best: tuple[float, tuple[str, ...], dict[int, tuple[float, str, str]]] | None = None
        left = [c for c in text.classes() if c not in chosen]
        # one class at a time; where none reads better, two together: a line cut by a
        # dash and a bracket both, turned at one alone, reads no better (``الجيش الملكي-
        # الرجاء البيضاوي .(اجلت)``), as the search of the first classes weighs all at once
        for size in (1, 2):
            for more in itertools.combinations(left, size):
                turning = text.turning(chosen | set(more))
                new = [i for i in turning if i not in current]
                shown = sum(_shows_turned(texts[i], turning[i]) for i in new)
                if not new or 2 * shown <= len(new):
                    continue
                trial = text.turned(turning)
                gain = text.gain(trial) - was
                # lines that all open with a space need only read better inside themselves
                opening = all(texts[i][:1] == " " for i in new)
                inside = sum(trial[i][0] for i in new) if opening else 0.0
                if max(gain, inside) > MORE_CLASS_GAIN and (best is None or gain > best[0]):
                    best = (gain, more, trial)
            if best is not None:
                break
        if best is None:
            return chosen
        gain, more, current = best
        was += gain
        chosen.update(more)


def _shows_turned(line: str, cutters: Iterable[str]) -> bool:
    """Whether a line shows it was written left to right: it opens with a space (see
    :func:`_opening_spaces`) or its edges read right only turned (:func:`odd_edges`).

    >>> _shows_turned(".نيويورك - اعتبر وزير", {"-", "."}), _shows_turned("اعتبر وزير - نيويورك", {"-"})
    (True, False)
    """
    return line[:1] == " " or odd_edges(turned_line(line, cutters)) < odd_edges(line)


def _new_lines_open(texts: list[str], chosen: set[str], found: set[str],
                    text: _Text | None = None) -> bool:
    """Whether the lines ``found`` turns beyond those ``chosen`` turns open with a space
    (``OPENING_SHARE`` of them or more): classes taken on the sign alone must turn the
    lines that show it, not lines in reading order beside them."""
    if not chosen:
        return True
    text = text if text is not None else _Text(texts)
    new = set(text.turning(found)) - set(text.turning(chosen))
    return bool(new) and sum(texts[i][:1] == " " for i in new) >= OPENING_SHARE * len(new)


def _opening_spaces(texts: list[str], text: _Text | None = None) -> bool:
    """Whether ``OPENING_SPACE_LINES`` or more of the lines that could be turned, and half
    of them at least, open with a space: the space after a line's last word, written first
    by an extractor that wrote the line's runs left to right (`` وشدد كوبل على.  وحصد``);
    no extractor writing in reading order opens so many lines of a text so.

    >>> _opening_spaces([" قال على.  وحصد نقاطها", " وقال المدرب.  ان الفريق", "الفريق جاهز"])
    False
    """
    beside = _beside_text(texts)
    opening = sum(
        beside[i] and t[:1] == " " and bool(_OTHER_RE.search(t)) and bool(ARABIC_RE.search(t))
        for i, t in enumerate(texts)
    )
    if opening < OPENING_SPACE_LINES:
        return False  # most texts: no line opens so, no model asked
    text = text if text is not None else _Text(texts)
    lead = sum(texts[i][:1] == " " for i in text.turnable)
    return lead >= OPENING_SPACE_LINES and 2 * lead >= len(text.turnable)


def glued_digit_lines(texts: list[str]) -> int:
    """How many lines of a page hold a number glued to the end of a word and set apart
    from the next (``عددهم3 المسيحيين``): a digit run written out of place, its space on
    the wrong side (a line in reading order writes ``عددهم 3``, or a proclitic on the
    number). Only lines with a line of text next to them count: a paragraph standing
    alone between blank lines is ``clean``'s own output, whose decision is taken.

    >>> glued_digit_lines(["البالغ عددهم3 المسيحيين", "عددهم 3 فقط", "ب15 قتيلا", "(رويترز).26 في"])
    2
    >>> glued_digit_lines(["", "البالغ عددهم3 المسيحيين", ""])
    0
    """
    with_digits = [i for i, t in enumerate(texts) if _DIGIT_RE.search(t)]
    if not with_digits:
        return 0  # most lines: no number, no pattern tried
    beside = _beside_text(texts)
    return sum(beside[i] and bool(_GLUED_DIGITS_RE.search(texts[i])) for i in with_digits)


def _beside_text(texts: list[str]) -> list[bool]:
    """For each line, whether a line of text stands next to it (no blank line between).

    >>> _beside_text(["قال", "", "نعم", "لا"])
    [False, True, True, True]
    """
    full = [bool(t.strip()) for t in texts]
    last = len(texts) - 1
    return [(i > 0 and full[i - 1]) or (i < last and full[i + 1]) for i in range(len(texts))]


def _with_glued_digits(texts: list[str], chosen: set[str], text: _Text | None = None) -> set[str]:
    """``chosen`` with the digits, in a text whose digit runs show they were written out of
    place (``GLUED_DIGIT_LINES`` lines or more, see :func:`glued_digit_lines`) where the
    lines the digits then turn read better by ``GLUED_DIGIT_GAIN``: the lines are evidence
    enough of the font, the bigram model (which reads every number as one word) need not
    be sure of each."""
    if "0" in chosen or glued_digit_lines(texts) < GLUED_DIGIT_LINES:
        return chosen
    text = text if text is not None else _Text(texts)
    if "0" not in text.classes():
        return chosen
    before = text.turned(text.turning(chosen)) if chosen else {}
    after = text.turned(text.turning(chosen | {"0"}))
    if len(after) <= len(before):
        return chosen
    gain = text.gain(after) - (text.gain(before) if before else 0.0)
    return chosen | {"0"} if gain > GLUED_DIGIT_GAIN else chosen


def _searched_classes(
    texts: list[str], turn_gain: float = TURN_GAIN, text: _Text | None = None
) -> tuple[set[str], dict[int, tuple[float, str, str]], float]:
    """The classes the greedy search of :func:`cutting_classes` takes, the lines they turn
    (with what each gains) and the mean gain of a turned line (0 if none); ``text``: the
    text as already read, if it was."""
    text = text if text is not None else _Text(texts)
    if len(text.turnable) < FEW_LINES:
        # too few lines could turn to tell anything of a font: every trial of the search
        # turns fewer than FEW_LINES, and none is taken (the bigram model is not asked)
        return set(), {}, 0.0
    classes = text.classes()
    held_by = {c: sum(c in held for held in text.holds.values()) for c in classes}
    chosen: set[str] = set()
    best_value = 0.0
    current: dict[int, tuple[float, str, str]] = {}
    while True:
        best: tuple[float, str, dict[int, tuple[float, str, str]]] | None = None
        for c in classes:
            if c in chosen or (not chosen and held_by[c] < FEW_LINES):
                continue  # alone, a class held by too few lines can turn too few
            turning = text.turning(chosen | {c})
            if len(turning) < FEW_LINES:
                continue
            trial = text.turned(turning)
            if trial == current:
                continue
            gain = text.gain(trial)
            if len(trial) < MIN_LINES and gain < TOTAL_TEXT_GAIN:
                continue
            value = gain - turn_gain * len(trial)
            if value > best_value + 1e-9 and (best is None or value > best[0]):
                best = (value, c, trial)
        if best is None:
            break
        best_value, c, current = best
        chosen.add(c)
    # Where a font lacks several marks, each alone turns a line only half right (a line
    # cut by a quote and a stop, turned at the quote alone, reads no better) and the
    # search may stop short: all the classes together are weighed once as well.
    every = set(classes)
    if every != chosen:
        turning = text.turning(every)
        if len(turning) >= MIN_LINES:
            trial = text.turned(turning)
            value = text.gain(trial) - turn_gain * len(trial)
            if value > best_value + 1e-9:
                chosen, current = every, trial
    return chosen, current, (text.gain(current) / len(current) if current else 0.0)


def _text_turns(texts: list[str], turned: Iterable[int], cutters: set[str], gain: float) -> bool:
    """The text's decision that its font lacked glyphs: the turned lines gain ``TEXT_GAIN``
    each on average, or ``EDGE_TEXT_GAIN`` and the edges of its lines read better turned
    (``odd_edges``: fewer lines opening with a stop or closing with an open bracket), or
    ``TOTAL_TEXT_GAIN`` in all with ``EDGE_LINE_GAIN`` for each line whose edges are put
    right (none read worse), the turned lines' words being words of the list
    (``KNOWN_WORDS``).

    The edges are read on every line a cutter stands in, one run of words or more: a line
    that ends a paragraph holds its stop alone, and written left to right it opens with it
    (``.خارج اطار مجلس الامن``) though its words leave nothing to turn."""
    if gain >= TEXT_GAIN:
        return True
    lines = [texts[i] for i in turned]
    words = [w for t in lines for w in words_of(t) if w != NUMBER]
    if sum(map(is_known, words)) < KNOWN_WORDS * len(words):
        return False  # lines still in pieces or mirrored: their edges say nothing yet
    cut = [t for t in texts if ARABIC_RE.search(t) and not _longer_than_a_line(t)
           and any(char_class(ch) in cutters for ch in _OTHER_RE.findall(t))]
    put_right = sum(map(odd_edges, cut)) - sum(odd_edges(_runs_turned(t, cutters)) for t in cut)
    if put_right > 0 and gain >= EDGE_TEXT_GAIN:
        return True
    # a line gaining less than TURN_GAIN on average is no line the search would turn
    return (put_right >= 0 and gain >= TURN_GAIN
            and gain * len(lines) + EDGE_LINE_GAIN * put_right >= TOTAL_TEXT_GAIN)


def _runs_turned(text: str, cutters: Iterable[str]) -> str:
    """``text`` with all its runs turned round, one with words or more (single spaces
    between them).

    >>> _runs_turned(".خارج اطار مجلس الامن", {"."})
    'خارج اطار مجلس الامن .'
    """
    return _written(text, turned_runs(text, run_spans(text, cutters)[::-1], cutters),
                    brackets_mirrored([text], cutters))


# Marks no line in reading order opens with (closing punctuation) or closes with
# (an opening bracket): where a font's missing glyphs turned a line round, its stop
# stands first (``.( اجلت) الرجاء``).
_CLOSING_MARKS = frozenset(".\u060c,:;)\u00bb\u061b!\u061f")  # ARABIC COMMA, », ARABIC SEMICOLON, ؟
_OPENING_MARKS = frozenset("(\u00ab")


def odd_edges(line: str) -> int:
    """How many of a line's edges read wrong: a closing mark first, an opening one last.

    >>> odd_edges(". اجلت الرجاء البيضاوي ("), odd_edges("الرجاء البيضاوي (اجلت).")
    (2, 0)
    """
    line = line.strip()
    return int(line[:1] in _CLOSING_MARKS) + int(line[-1:] in _OPENING_MARKS) if line else 0


def kashida_justified(texts: list[str]) -> bool:
    """True for a text justified with kashida (tatweel at a word's edge in ``KASHIDA_LINES``
    of its lines or more): its lines' runs are cut and turned by the run repair
    (``reorder.py``), at word edges the tatweel marks, not by a font's missing glyphs;
    with the tatweel in, their words read oddly in either order and only mislead the bigram
    model. Tatweel inside words (a font's lam-kaf ligature, ``الـكبيرة``) cuts no run and
    says nothing.

    The tatweel is taken out by cleaning, so the runs of such a text are weighed after
    that (``clean``): a decision taken only while tatweel stands would be taken otherwise
    on the clean text, and a second clean would change it.

    >>> kashida_justified(["قال المتحــ دث", "في بغداد"]), kashida_justified(["الـكبيرة"])
    (True, False)
    """
    full = [t for t in texts if t.strip()]
    edged = sum(TATWEEL in t and any(map(has_edge_tatweel, t.split())) for t in full)
    return edged >= KASHIDA_LINES * max(len(full), 1)


# Stops that end a sentence: the last mark of a paragraph's last line.
_SENTENCE_STOPS = frozenset(".!\u061f")  # ARABIC QUESTION MARK


def closes_in_order(line: str) -> bool:
    """Whether a line opens with its first word's letter and closes with a sentence's stop:
    written in reading order, whatever the text's font lacked (a line whose runs came left
    to right writes the stop of its sentence first, and most open with a space). The
    text's decision is taken over all its lines; this line's own edges overrule it.

    >>> closes_in_order("والجامعي الافغاني اشرف غاني (السابع)."), closes_in_order(" (السابع). والجامعي")
    (True, False)
    """
    return line.rstrip()[-1:] in _SENTENCE_STOPS and ARABIC_RE.match(line) is not None


# A stop of another font cuts a line at a sentence's end, and a line in reading order
# holds one wherever a sentence ends inside it (``شرق العراق. وقال``): in a text that
# takes the stop, such lines stand beside the turned ones and the model may read them
# better turned. Reading order sets a stop after its word with a space after it; a line
# written left to right shows it otherwise (see :func:`shows_stop_cut`). Only lines the
# stop alone cuts are asked: a line that other classes cut as well shows those cuts.
_STOP = frozenset(".")
_STOP_GLUED_RE = re.compile("[.][\u0621-\u064a]")  # a stop glued to the word after it


def shows_stop_cut(line: str) -> bool:
    """Whether a line that the stop alone cuts shows it was written left to right: it
    opens with a space, a stop stands at one of its edges or its edges read right only
    turned, or a stop is glued to the word after it.

    >>> shows_stop_cut("شرق العراق. وقال الفريق"), shows_stop_cut("وقال الفريق .شرق العراق")
    (False, True)
    """
    if line[:1] == " " or _shows_turned(line, _STOP):
        return True
    spans = run_spans(line, _STOP)
    if any(line[a] == "." for a, _ in (spans[0], spans[-1])):
        return True
    return _STOP_GLUED_RE.search(line) is not None


def _stop_in_order(line: str, cutters: set[str]) -> bool:
    """Whether ``line`` is cut by the stop alone among ``cutters`` and shows no sign of
    being written left to right (:func:`shows_stop_cut`): it is left as it reads."""
    if "." not in cutters or "." not in line:
        return False
    cut = {char_class(ch) for ch in _OTHER_RE.findall(line)} & cutters
    return cut == _STOP and not shows_stop_cut(line)


def _may_turn(line: str) -> bool:
    """Whether ``fallback_runs`` may turn ``line`` under some set of cutters: it does not
    close in order, and it holds a character another font may have drawn (a line
    without one is one run under any cutters) and is no longer than a line.

    >>> _may_turn("قال الوزير (السابع)."), _may_turn(" (السابع). قال الوزير")
    (False, True)
    """
    return _OTHER_RE.search(line) is not None and not closes_in_order(line) \
        and not _longer_than_a_line(line)


_BRACKET_CLASSES = frozenset("([\u00ab")


def own_brackets(text: _Text, cutters: set[str], mirror: bool) -> set[int]:
    """The lines that only brackets among ``cutters`` cut, that read worse inside
    themselves turned (the words meeting at their run edges) and show no sign of being
    written left to right (:func:`_shows_turned`): brackets of the text's own font, one
    run with the words round them (``ساثيراتاي (الرابع) والدبلوماسي``). The text's
    decision is taken over all its lines, and a font may lack the digits a bracket
    encloses in one line yet have the brackets themselves; the line itself tells. In a
    text whose brackets stand mirrored (``mirror``) a line's edges are read mirrored back."""
    if not cutters & _BRACKET_CLASSES:
        return set()
    only = {i: cut for i, cut in text.turning(cutters).items() if cut <= _BRACKET_CLASSES}
    return {i for i, (gain, _, _) in text.turned(only).items()
            if gain < 0.0 and not _shows_turned(_as_read(text.texts[i], mirror), only[i])}


def _as_read(line: str, mirror: bool) -> str:
    """``line`` with its brackets mirrored back where the text draws them mirrored."""
    return line.translate(_MIRRORED) if mirror else line


def fallback_runs(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines of a text whose runs were written left to right put in reading order (none
    in a text justified with kashida: see :func:`kashida_justified`)."""
    texts = [line.text for line in lines]
    # Only a line that does not close in order and holds a character of another font may
    # be cut into runs and turned, whatever the classes: a text with none (most news, one
    # sentence a line) is left as it stands without weighing any.
    if not any(map(_may_turn, texts)) or kashida_justified(texts):
        return list(lines), 0
    text = _Text(texts)
    cutters = cutting_classes(texts, text)
    if not cutters:
        return list(lines), 0
    mirror = brackets_mirrored(texts, cutters)
    own = own_brackets(text, cutters, mirror)
    out: list[Line] = []
    n = 0
    for i, line in enumerate(lines):
        spans = None if closes_in_order(line.text) or i in own or _stop_in_order(line.text, cutters) \
            else turned_spans(line.text, cutters)
        if spans is None:
            out.append(line)
            continue
        parts: list[Line] = []
        last, last_drawn = "", False
        for a, b, drawn in turned_runs(line.text, spans, cutters):
            piece, at = run_text(line.text, a, b, drawn, mirror)
            if parts and not _glued(last, piece, last_drawn, drawn):
                parts.append(synthetic(" ", int(line.src[a])))
            parts.append(Line(piece, line.src[at]))
            last, last_drawn = piece, drawn
        out.append(concat(parts))
        n += 1
    return out, n
