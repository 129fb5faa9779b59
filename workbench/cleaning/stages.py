"""The repair stages of ``clean``, each on lines that keep their raw offsets.

The stages of :func:`workbench.cleaning.clean.clean` (its module docstring lists them)
but those on words written in pieces (``pieces.py``): Unicode, lines reversed letter by
letter, kashida drawn as the digit 1, lost digits, run order, kashida, split words,
punctuation, layout. Those between Unicode and layout take and return lines
(:class:`workbench.cleaning.lines.Line`) and say how many changes they made; the layout
joins the lines into the blocks of the clean text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text.arabic import DUAL_JOINING, GAP_MARKER, SENTENCE_END, TATWEEL
from .kashida_runs import kashida_runs_in_order, leader_runs_in_order, spaced_runs_in_order
from .layout import plan_layout
from .lexicon import (
    Context,
    era_marks,
    has_edge_tatweel,
    is_known,
    is_proclitic_tatweel,
    join_gain,
    joinable_left,
    joinable_right,
)
from .lines import (
    Line,
    concat,
    empty_line,
    first_src,
    join_tokens,
    line_tokens,
    lines_text,
    strip_line,
    sub,
    sub_lines,
    synthetic,
)
from .model import text_logp
from .number_runs import number_runs_in_order
from .reorder import (
    MAX_LINE_TOKENS,
    REORDER_CHAR_GAIN,
    best_arrangement,
    embedded_runs_in_order,
    looks_reversed,
    needs_reorder,
    reversed_line_gain,
    visual_units,
)

# ---------------------------------------------------------------------------
# Stage 1: Unicode.

_NEWLINES = "\r\n\u2028\u2029\x0b\x0c\x85"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Line breaks between a letter and its diacritic (with any spaces beside them, and the
# kashida a later stage drops): the extractor broke a word at a mark. One break only: a
# blank line ends a paragraph, and a mark that opens a paragraph the layout made stays
# (joining it on a second pass would make clean give another text the second time).
_BREAK_BEFORE_MARK_RE = re.compile(
    "(?<=[\u0621-\u064a\u0640])[^\\S\n]*\n(?:[^\\S\n]|\u0640)*(?=[\u064b-\u0652\u0670])")


# What pypdf writes for a glyph of another font that the PDF gave no character (XeLaTeX's
# quotes, digits and Latin letters in a KacstBook or Noto text): it cuts the line into
# runs as any glyph of another font does (``fallback.py``), and once they are turned it is
# read as U+FFFD, a glyph lost in the source (``unreadable_glyphs``).
NO_CHARACTER = "\uffff"
_NO_CHARACTER_RE = re.compile(NO_CHARACTER)


def _inside_word(raw: str, i: int) -> bool:
    """True unless the run of U+FFFF at ``raw[i]`` is set apart by a space on one side at
    least (``هاما ￿ ￿￿ بروميثيان``): glued to a word (or a line's edge), it is a glyph of
    the word (a kashida leader, a ligature) or stands where the spaces were lost too, and
    it cuts no run there; it is removed as other controls are."""
    a = i
    while a > 0 and raw[a - 1] == NO_CHARACTER:
        a -= 1
    b = i
    while b < len(raw) and raw[b] == NO_CHARACTER:
        b += 1
    return not ((a and raw[a - 1] in " \t\u00a0") or (b < len(raw) and raw[b] in " \t\u00a0"))


def unreadable_glyphs(lines: list[Line]) -> tuple[list[Line], int]:
    """Glyphs the PDF gave no character for (U+FFFF) made U+FFFD, flagged by ``gaps``."""
    return sub_lines(lines, _NO_CHARACTER_RE, lambda m: "\ufffd", _NO_CHARACTER_RE)


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"


# Characters that never need a change here: newline, space, printable ASCII and Latin-1,
# the Arabic block without its format characters (U+0600-U+0605, U+061C, U+06DD), and
# general punctuation without its spaces, separators and controls. Anything else is
# looked at one character at a time.
_UNSAFE_RE = re.compile(
    "[^\n !-~\u00a1-\u00ac\u00ae-\u00ff\u0606-\u061b\u061d-\u06dc\u06de-\u06ff"
    "\u2010-\u2027\u2030-\u205e]+"
)


def normalise_unicode(raw: str) -> tuple[Line, int]:
    """Presentation forms to letters, invisible controls out, plain spaces and newlines;
    lines written as embedded runs in visual order first turned round
    (:func:`workbench.cleaning.reorder.embedded_runs_in_order`), and lines whose runs,
    cut at kashida glyphs, leaders or spaced kashida, came back to front
    (:mod:`workbench.cleaning.kashida_runs`)."""
    text, order, turned = embedded_runs_in_order(raw)
    for fn in (kashida_runs_in_order, leader_runs_in_order, spaced_runs_in_order):
        text, again, more = fn(text)
        if more:
            order, turned = order[again], turned + more
    if not turned:
        return _normalise(raw)
    line, changes = _normalise(text)
    return Line(line.text, order[line.src]), changes + turned


def _normalise(raw: str) -> tuple[Line, int]:
    texts: list[str] = []
    srcs: list[np.ndarray] = []
    changes = 0
    pos = 0
    for m in _UNSAFE_RE.finditer(raw):
        if m.start() > pos:
            texts.append(raw[pos : m.start()])
            srcs.append(np.arange(pos, m.start(), dtype=np.int64))
        out: list[str] = []
        src: list[int] = []
        for i in range(m.start(), m.end()):
            ch = raw[i]
            if ch == "\r" and raw[i + 1 : i + 2] == "\n":
                changes += 1
            elif ch in _NEWLINES:
                changes += ch != "\n"
                out.append("\n")
                src.append(i)
            elif ch in _SPACES:
                changes += 1
                out.append(" ")
                src.append(i)
            elif _is_presentation_form(ch):
                new = unicodedata.normalize("NFKC", ch)
                if new.startswith(" ") and all(unicodedata.combining(c) for c in new[1:]):
                    new = new[1:]  # isolated haraka: the mark alone, no space before it
                changes += new != ch
                out.extend(new)
                src.extend([i] * len(new))
            elif ch == NO_CHARACTER and not _inside_word(raw, i):
                out.append(ch)  # kept for the runs it cuts; read as U+FFFD once they are turned
                src.append(i)
            elif unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Co", "Cn") or ch == "\ufffc":
                changes += 1
            else:
                out.append(ch)
                src.append(i)
        texts.append("".join(out))
        srcs.append(np.asarray(src, dtype=np.int64))
        pos = m.end()
    if pos < len(raw):
        texts.append(raw[pos:])
        srcs.append(np.arange(pos, len(raw), dtype=np.int64))
    if not texts:
        return empty_line(), changes
    text, src = "".join(texts), np.concatenate(srcs)
    breaks = [m.span() for m in _BREAK_BEFORE_MARK_RE.finditer(text)]
    if breaks:  # a mark cannot begin a line: the break fell inside a word (اب⏎ً ا)
        keep = np.ones(len(text), dtype=bool)
        for a, b in breaks:
            keep[a:b] = False
        text = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
        src = src[keep]
        changes += len(breaks)
    return Line(text, src), changes


# ---------------------------------------------------------------------------
# Stage 2: lines reversed letter by letter.

# Mean log10 gain per word a reversed reading must show before a line is turned round.
REVERSE_MARGIN = 1.0


def reverse_line(line: Line) -> Line:
    """``reverse_visual`` on a line, offsets moved along with the characters."""
    return concat([Line(line.text[a:b], line.src[a:b]) for a, b in reversed(visual_units(line.text))])


ARABIC_RE = re.compile("[\u0621-\u064a]")


def reverse_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines emitted letter by letter in visual order read back (a word-list decision per line)."""
    # The trace regex cannot match across a line break in a way no single line shows
    # (a line start and end look the same to it as a newline), so a text without any
    # trace has no line to look at.
    if not looks_reversed(lines_text(lines)):
        return list(lines), 0
    out = []
    n = 0
    for line in lines:
        stripped = line.text.strip()
        if reversed_line_gain(stripped) > REVERSE_MARGIN:  # 0 without a trace of reversal
            out.append(reverse_line(line))
            n += 1
        else:
            out.append(line)
    return _reverse_untraced(out, lines, n)


# An extractor that writes lines in visual order does it to every line: where at least
# this share of the lines with Arabic letters (and ``MIRRORED_MIN_LINES``) were read back,
# the lines without a trace of reversal (``يتلاو نلعتس``: no word starts with a letter
# that only ends words, no article turned round) are read by the word list as well.
MIRRORED_SHARE = 0.5
MIRRORED_MIN_LINES = 3
# ... and in such a text every line is read back that the word list reads better so at
# all: the text has decided, a line need not decide again by ``REVERSE_MARGIN`` (a line
# whose words came in pieces, ``ة مصاع  لا يف``, gains less a word turned than a whole one).
MIRRORED_MARGIN = 0.0


def _reverse_untraced(out: list[Line], lines: list[Line], n: int) -> tuple[list[Line], int]:
    """``out`` (the lines of ``lines`` after the traced pass, ``n`` of them read back)
    with its untraced lines read back too, in a text whose extractor mirrors lines."""
    if n < MIRRORED_MIN_LINES:
        return out, n
    arabic = [k for k, line in enumerate(lines) if ARABIC_RE.search(line.text)]
    if n < MIRRORED_SHARE * len(arabic):
        return out, n
    for k in arabic:
        if out[k] is lines[k] and reversed_line_gain(lines[k].text.strip(), traced=False) > MIRRORED_MARGIN:
            out[k] = reverse_line(lines[k])
            n += 1
    return out, n


# ---------------------------------------------------------------------------
# Stage 3: kashida drawn as the digit 1.

# A run of 1 after a letter that joins forward (kashida can only follow one) and before
# another Arabic letter: the glyph a font mapped to "1" in its text layer. The letter's
# diacritics may stand after spaces, where the extractor split the word at them (``ب ً1ا``,
# joined by ``split_words`` later): the 1 is the same kashida, and reading it here keeps
# ``clean`` idempotent (the joined word would otherwise have its 1 read on a second pass).
_KASHIDA_ONE_RE = re.compile(
    f"(?<=[{DUAL_JOINING}])( *[\u064b-\u0652]+|[\u064b-\u0652]*)(1+)(?=[\u0640]*[\u0621-\u064a])"
)


_ONE_RE = re.compile("1")  # found in every line ``_KASHIDA_ONE_RE`` matches


def kashida_digits(lines: list[Line]) -> tuple[list[Line], int]:
    """Kashida a font mapped to the digit 1 (``نف11ذه``) made tatweel again."""
    return sub_lines(lines, _KASHIDA_ONE_RE, lambda m: m.group(1) + TATWEEL * len(m.group(2)), _ONE_RE)


# ---------------------------------------------------------------------------
# Stage 4: lost digits.

DIGIT_RE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_GAP_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
# A space left before a comma or stop: the number that stood between them was dropped
# (``أكتوبر ،`` for ``أكتوبر 2019،``).
_GAP_BEFORE_PUNCT_RE = re.compile("(?<=[^\\s.,\u060c]) (?=[\u060c,.:\u061b;](?:\\s|$))")
# Closing punctuation that, found at the start of a line, was displaced from its end.
_DISPLACED = set(".!?\u061f\u060c,:;\u061b\u2026") | {"..."}
_DISPLACED_FIRST = {t[0] for t in _DISPLACED}
_FINAL_PUNCT = set(SENTENCE_END) | {"\u2026"}
_NEUTRAL_TOKEN_RE = re.compile(r"^[^\w\u0600-\u06ff]+$")


# A double space between two Arabic letters: the surest trace of a dropped number.
_LETTER_GAP_RE = re.compile("(?<=[\u0621-\u064a\u064b-\u0652\u0640]) {2,}(?=[\u0621-\u064a])")


def word_cut(text: str, start: int, end: int) -> bool:
    """True where the letters either side of the gap ``text[start:end]`` read much better as
    one word (``ال  جنرال``, ``join_gain``): an extractor cut a word there, no number was dropped."""
    left = text[text.rfind(" ", 0, start) + 1 : start]
    stop = text.find(" ", end)
    right = text[end : stop if stop >= 0 else len(text)]
    return (
        bool(ARABIC_RE.match(left[-1:]) and ARABIC_RE.match(right[:1]))
        and join_gain(left, right) > SPLIT_JOIN_GAIN
    )


# Fewest non-blank lines for the lost-digit reading to be decided from the text alone:
# a one-line post with double spaces is typing, a hard-wrapped page is extraction.
MIN_LOST_LINES = 3
# Most double spaces per word a text with lost numbers shows. News prose has a number
# every 15-30 words; where double spaces are commoner than that they are the spacing of
# a justified line (XeLaTeX read by pypdf: ``دع   وةالاق   ت``), not dropped digits.
MAX_LOST_RATE = 0.1
# A line nearly all of whose word junctions are wide (four at least) was spaced out by
# its justification, as pdfminer writes a justified line (``وهم  يصارعون  الموت  في``;
# a word the extractor cut leaves a narrow one): its wide gaps are no sign of numbers
# dropped, and no marker goes into them. A line of numbers all dropped keeps some words
# between them (``بين  و  عام``).
_MIN_SPACED_GAPS = 4
_SPACED_SHARE = 0.8
_JUNCTION_RE = re.compile(r"(?<=\S) +(?=\S)")


# Quotes and brackets standing where a writer never sets them: two or more between two
# letters (``بح""دوث``; one may follow a proclitic, ``ل(الراية)``), an empty pair glued
# to a word (``بح""``, ``()""ادث``; apart from words, ``()`` is where digits were
# dropped), or on a line of marks alone. An extractor
# writes so the glyphs a font lacked, drawn from another font; a text that kept those
# glyphs, out of place, kept its digits from the same font as well (it shows none: it
# had none), so its double spaces are where those marks stood. Stops do not count: a
# stop displaced to a line's start is itself a sign of dropped digits.
_OUT_OF_PLACE = "\"()\u00ab\u00bb\u201c\u201d"
_EMPTY_PAIR = '""|\\(\\)|\\)\\(|\u00ab\u00bb|\u00bb\u00ab'
_OUT_OF_PLACE_RE = re.compile(
    f"(?<=[\u0621-\u064a])[{_OUT_OF_PLACE}]{{2,}}(?=[\u0621-\u064a])"
    f"|(?<=[\u0621-\u064a])[{_OUT_OF_PLACE}]*(?:{_EMPTY_PAIR})[{_OUT_OF_PLACE}]*"
    f"|[{_OUT_OF_PLACE}]*(?:{_EMPTY_PAIR})[{_OUT_OF_PLACE}]*(?=[\u0621-\u064a])"
    f"|^[ .,:\u060c-]*[{_OUT_OF_PLACE}][ {_OUT_OF_PLACE}.,:\u060c-]*$",
    re.M,
)
# Fewest such marks for a text to be read so (a typing slip sets one).
MIN_OUT_OF_PLACE = 2


def marks_out_of_place(text: str) -> int:
    """How many runs of quotes and brackets ``text`` holds out of place (see above).

    >>> marks_out_of_place('بح""دوث السيناريوهات\\n(\\nقال (الفرنسية) في ()')
    2
    """
    return len(_OUT_OF_PLACE_RE.findall(text))


def spaced_out(text: str) -> bool:
    """True for a line whose word junctions are nearly all wide (``_SPACED_SHARE``,
    ``_MIN_SPACED_GAPS`` at least): the spacing of a justified line, not lost numbers.

    >>> spaced_out("وهم  يصارعون  الموت  في  البحر"), spaced_out("قتل  أشخاص في هجوم على القرية")
    (True, False)
    """
    junctions = _JUNCTION_RE.findall(text)
    wide = sum(1 for j in junctions if len(j) > 1)
    return wide >= _MIN_SPACED_GAPS and wide >= _SPACED_SHARE * len(junctions)


def digits_lost(lines: list[Line], *, slot: Callable[[list[str], list[str]], bool] | None = None) -> bool:
    """A text without a digit that keeps the marks of lost ones.

    Evidence: double spaces between Arabic words, no more of them than numbers could
    explain (``MAX_LOST_RATE``), and two signs (double spaces or stops displaced to line
    starts); or a single place (a double space, or a space left before a stop) where a
    number is all but required: ``slot``, given the words before (nearest first) and
    after it, says so (``قتل  أشخاص``, ``عام .``).
    """
    text = lines_text(lines)
    if DIGIT_RE.search(text) or sum(1 for line in lines if line.text.strip()) < MIN_LOST_LINES:
        return False
    if marks_out_of_place(text) >= MIN_OUT_OF_PLACE:
        return False
    gaps = list(_LETTER_GAP_RE.finditer(text))
    spaced = list(_GAP_BEFORE_PUNCT_RE.finditer(text))
    # A text that sets a space before its commas as a habit (``عليه ، وإن``) gives no
    # sign by it; nor do double spaces as common as justification.
    if len(gaps) + len(spaced) > MAX_LOST_RATE * len(text.split()):
        return False
    # a gap between two pieces of a word, or among the wide junctions of a line spaced
    # out by justification, tells nothing
    spaced_lines = _spaced_spans(text)

    def tells(m: re.Match[str]) -> bool:
        return not word_cut(text, m.start(), m.end()) and not any(a <= m.start() < b for a, b in spaced_lines)

    gaps = [m for m in gaps if tells(m)]
    displaced = sum(
        1 for line in lines
        if _opens_with_stop(line.text) and _displaced_prefix(stop_tokens(line), "") > 0
    )
    if gaps and len(gaps) + displaced >= 2:
        return True
    places = itertools.chain((m for m in _GAP_SPACE_RE.finditer(text) if tells(m)), spaced)
    return slot is not None and any(
        slot(text[max(0, m.start() - 80) : m.start()].split()[::-1], text[m.end() : m.end() + 80].split())
        for m in places
    )


def _spaced_spans(text: str) -> list[tuple[int, int]]:
    """Where the lines of ``text`` that :func:`spaced_out` finds stand (start, end)."""
    spans = []
    at = 0
    for line in text.split("\n"):
        if spaced_out(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def mark_lost(lines: list[Line], marker: str) -> tuple[list[Line], int]:
    """``marker`` put in where a double space, or a space before a stop, shows dropped digits
    (in a text ``digits_lost`` found to have lost them: there even a gap between two pieces
    that join into a word, ``ال  دولة``, may have held a number, ``ال 15 دولة``)."""
    out = []
    total = 0
    for line in lines:
        new, n = (line, 0) if spaced_out(line.text) else sub(line, _GAP_SPACE_RE, lambda m: f" {marker} ")
        new, k = sub(new, _GAP_BEFORE_PUNCT_RE, lambda m: f" {marker}")
        out.append(new)
        total += n + k
    return out, total


# ---------------------------------------------------------------------------
# Stage 5: run order, split words, displaced punctuation.


# Closing marks opening a token (``.صورة المباراة``: a stop moved from the line's end with
# its run, the space after it left where it stood), with any tatweel among them: the
# kashida stage takes it out (``ــ.صورة``), and what is decided here must be decided
# alike on the clean text.
_OPENING_STOP_RE = re.compile(f"{TATWEEL}*(?:[.!?\u061f\u060c,:;\u061b]{TATWEEL}*)+")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")


def _opening_stop(token: str) -> int:
    """Where the closing marks opening ``token`` end (tatweel among them counted in), where
    they make the token or are glued to a word of the list; else 0. A line written in
    visual order without spaces (``.كونبلا…``) holds its stop there in its own right.

    >>> _opening_stop(".صورة"), _opening_stop("ــ.ــصورة"), _opening_stop("ـ."), _opening_stop(".كونبلا")
    (1, 5, 2, 0)
    """
    m = _OPENING_STOP_RE.match(token)
    if m is None:
        return 0
    k = m.end()
    if k == len(token):
        return k
    return k if _ARABIC_LETTER_RE.match(token, k) and is_known(token[k:]) else 0


_SPACE_TATWEEL = " \t" + TATWEEL


def _opens_with_stop(text: str) -> bool:
    """The first character of a line, spaces and tatweel aside, is a closing mark."""
    return text.lstrip(_SPACE_TATWEEL)[:1] in _DISPLACED_FIRST


def stop_tokens(line: Line) -> list[Line]:
    """``line_tokens`` of a line, a closing mark glued to its first word set apart as a
    token of its own (a stop displaced from the line's end, ``_displaced_prefix``); the
    tatweel before and among the marks opening the line left out (``_opening_stop``).

    >>> [t.text for t in stop_tokens(Line(".صورة المباراة", np.arange(14)))]
    ['.', 'صورة', 'المباراة']
    >>> [t.text for t in stop_tokens(Line("ــ ـ.صورة المباراة", np.arange(18)))]
    ['.', 'صورة', 'المباراة']
    """
    return _stop_split(line)[0]


def _stop_split(line: Line) -> tuple[list[Line], bool]:
    """``stop_tokens`` of a line, and whether a stop glued to a word was set apart."""
    toks = line_tokens(line)
    lead = 0  # tokens of tatweel alone, which the kashida stage takes out
    while lead < len(toks) and not toks[lead].text.strip(TATWEEL):
        lead += 1
    k = _opening_stop(toks[lead].text) if lead < len(toks) else 0
    if not k:
        return toks, False
    first = toks[lead]
    if k == len(first.text) and not lead and TATWEEL not in first.text:
        return toks, False
    keep = [i for i in range(k) if first.text[i] != TATWEEL]
    marks = Line("".join(first.text[i] for i in keep), first.src[keep])
    rest = [Line(first.text[k:], first.src[k:])] if k < len(first.text) else []
    return [marks, *rest, *toks[lead + 1 :]], bool(rest)


def _writes_swapped(lines: list[Line]) -> bool:
    """``spacing.writes_swapped``: the text writes its marks before the space between words."""
    from .spacing import writes_swapped  # spacing builds on this module

    return writes_swapped(lines)


def needs_repair(text: str, *, stops: bool = True) -> bool:
    """Cheap test for run-order damage or a displaced stop (a few word-list look-ups at
    most); ``stops``: the text is one whose stops may stand displaced at line starts."""
    # Split no further than a line needs_reorder reads: a longer paragraph is never
    # reordered, and its first word and length past the limit are all that counts.
    words = text.split(None, MAX_LINE_TOKENS)
    if not words:
        return False
    if stops and words[0] in _DISPLACED:
        return True
    k = _opening_stop(words[0]) if stops else 0
    if k and (k < len(words[0]) or words[0].replace(TATWEEL, "") in _DISPLACED):
        return True  # a stop glued to a word, or one with tatweel about it
    return needs_reorder(words)


def stops_displaced(lines: list[Line]) -> bool:
    """False for a text whose lines of words close with their stops more often than they
    open with one: it writes its stops in place, and a line opening with a stop there is
    the text's own (a paragraph begun with a stray ``.``), not a stop moved from the end.

    >>> texts = ("وقال المتحدث.", ". من جهة اخرى", "اعلنت الحكومة الخطة.")
    >>> stops_displaced([Line(t, np.arange(len(t))) for t in texts])
    False
    """
    if not any(_opens_with_stop(line.text) for line in lines):
        return True  # nothing to decide: no line opens with a stop
    opening = closing = 0
    for line in lines:
        text = line.text.strip()
        if not ARABIC_RE.search(text):
            continue
        opening += _opens_with_stop(text) and _displaced_prefix(stop_tokens(line), "") > 0
        closing += text[-1:] in _FINAL_PUNCT
    return closing <= opening


def _wrapped_word(lines: list[Line], k: int, before: int, after: int) -> bool:
    """A line whose edge word continues on the next or previous line.

    Such a line is whole: a word was wrapped (``ضد ال`` / ``فرنسيين``), not a run moved.
    Tatweel at a token edge, on either line, or a stop opening the line is damage all the same.
    """
    text = lines[k].text
    words = text.split()
    if not words or TATWEEL in text or words[0] in _DISPLACED:
        return False
    if len(words) == 1 and _opens_with_stop(text):
        # a lone word with a stop glued before it (``.كبيرا``): the stop is no part of a
        # word wrapped to the next line, and the line read so changes once joined to it
        return False
    last, first = words[-1], words[0]
    if after >= 0:
        nxt = lines[after].text.split()
        if nxt and _glues(last, nxt[0]):
            return True
    if before >= 0:
        prv = lines[before].text.split()
        if prv and (_glues(prv[-1], first) or _dates_number(prv[-1], first)):
            return True
    return False


def _dates_number(left: str, right: str) -> bool:
    """An era mark after a number (``عام 38`` / ``ه توفي``): the year was wrapped from the
    line before, and the lone letter opening the line is its word, not a piece of a word
    moved from the line's end (``ابا`` + ``ه``).

    >>> _dates_number("38", "ه"), _dates_number("ابا", "ه")
    (True, False)
    """
    return right in era_marks() and left[-1:].isdigit()


def _glues(left: str, right: str) -> bool:
    return (
        joinable_left(left) and joinable_right(right)
        and not has_edge_tatweel(left) and not has_edge_tatweel(right)
        and is_known(left + right)
    )


def _neighbours(lines: list[Line]) -> tuple[list[int], list[int]]:
    """For each line, the index of the nearest non-blank line before and after it (-1: none)."""
    n = len(lines)
    prev, nxt = [-1] * n, [-1] * n
    last = -1
    for k in range(n):
        prev[k] = last
        if lines[k].text.strip():
            last = k
    last = -1
    for k in range(n - 1, -1, -1):
        nxt[k] = last
        if lines[k].text.strip():
            last = k
    return prev, nxt


def _edge_word(line: Line, *, last: bool) -> str:
    words = line.text.split()
    return (words[-1] if last else words[0]) if words else ""


def repair_runs(
    lines: list[Line], *, marker: str, lost: bool, skip: set[int]
) -> tuple[list[Line], int]:
    """Repair the lines that show damage; a clean line is passed on as it is.

    Where a repaired line starts depends on its neighbours' words, so the lines that
    changed are repaired a second time against their repaired neighbours.
    """
    context = Context.from_lines(line.text for line in lines)
    prev, nxt = _neighbours(lines)
    # Where digits were lost, the stops beside them were cut off with them: displaced.
    displaced = lost or stops_displaced(lines)
    # A stop glued to a line's first word was moved from the line's end, unless the text
    # writes its marks before the space between words (``يونس ،مما``): there it belongs to
    # the end of the line before.
    tokens = _tokenizer(lines, displaced)
    damaged = [
        k for k, line in enumerate(lines)
        if k not in skip and needs_repair(line.text, stops=displaced)
        and not _wrapped_word(lines, k, prev[k], nxt[k])
    ]
    out = list(lines)
    changed: list[int] = []
    # A byline or dateline is no part of the running text: it gives no left neighbour.
    prev = [-1 if j in skip else j for j in prev]
    for k in damaged:
        before = _edge_word(out[prev[k]], last=True) if prev[k] >= 0 else ""
        after = _edge_word(lines[nxt[k]], last=False) if nxt[k] >= 0 else ""
        toks, new = _repair_with(tokens, lines[k], marker=marker, lost=lost, before=before, after=after,
                                 context=context, stops=displaced)
        plain = join_tokens(toks)
        kept = join_tokens(line_tokens(lines[k]))  # the line as it was, spaces made single
        if new.text == plain.text or not model_agrees(plain.text, new.text, before=before, after=after):
            new = kept  # (a stop glued to the first word left glued)
        if new.text != kept.text:
            changed.append(k)
        out[k] = new
    # A line left as it was may still have the runs of a stretch between numbers swapped,
    # a letter carried over the break (``number_runs``): weighed once its neighbours are set.
    turned = set(changed)
    carried = 0
    for k in range(len(lines)):
        if k in skip or k in turned or _wrapped_word(lines, k, prev[k], nxt[k]):
            continue
        before = _edge_word(out[prev[k]], last=True) if prev[k] >= 0 else ""
        after = _edge_word(lines[nxt[k]], last=False) if nxt[k] >= 0 else ""
        new = number_runs_in_order(out[k], before=before, after=after)
        if new.text != out[k].text:
            out[k] = new
            carried += 1
    for k in changed:
        before = _edge_word(out[prev[k]], last=True) if prev[k] >= 0 else ""
        after = _edge_word(out[nxt[k]], last=False) if nxt[k] >= 0 else ""
        toks, new = _repair_with(tokens, lines[k], marker=marker, lost=lost, before=before, after=after,
                                 context=context, stops=displaced)
        plain = join_tokens(toks)
        if new.text == plain.text:
            out[k] = join_tokens(line_tokens(lines[k]))
        elif model_agrees(plain.text, new.text, before=before, after=after):
            out[k] = new
    return out, len(changed) + carried


def model_agrees(old: str, new: str, *, before: str = "", after: str = "") -> bool:
    """True unless ``new`` reorders the words of ``old`` and the character model, reading
    each with the neighbouring words, does not prefer it by ``REORDER_CHAR_GAIN``.

    >>> model_agrees("ية المساندة لفيلق الاستخبار", "الاستخبارية المساندة لفيلق")
    True
    """
    if new == old or _words_in_order(new) == _words_in_order(old):
        return True  # punctuation (or tatweel) moved, no word order changed
    gain = text_logp(f"{before} {new} {after}") - text_logp(f"{before} {old} {after}")
    return gain > REORDER_CHAR_GAIN and reorder_beats_joining(old, new, before=before, after=after)


def reorder_beats_joining(old: str, new: str, *, before: str = "", after: str = "") -> bool:
    """True if ``new`` still reads better than ``old`` once the pieces of words written
    apart are joined where they stand in each (``pieces_joined``).

    A justified line the extractor cut at kashida (``التص ويت ببطاق ات``) is full of pieces
    that also join across its ends: the run repair can buy those joins by moving runs
    round, where joining them in place reads better still. Only a reorder that wins over
    the line with its pieces joined in place is damage repaired.

    >>> old = "ات الامن ية في العاصم ة بغداد وقالت القو"
    >>> reorder_beats_joining(old, "بغداد وقالت القوية في العاصم ةات الامن")
    False
    >>> old = "ية المساندة لفيلق يا لنقل السلاح الاستخبار كما ينتشرون مع سور"
    >>> reorder_beats_joining(old, "كما ينتشرون مع سوريا لنقل السلاح الاستخبارية المساندة لفيلق")
    True
    """
    from .pieces import pieces_joined  # pieces builds on this module: imported when first needed

    old_joined, new_joined = pieces_joined(kashida_cuts_joined(old)), pieces_joined(kashida_cuts_joined(new))
    gain = text_logp(f"{before} {new_joined} {after}") - text_logp(f"{before} {old_joined} {after}")
    return gain > REORDER_CHAR_GAIN


# A space between a piece that ends with tatweel and one that starts with it: a word the
# typesetter stretched with kashida, cut inside the stretch (no word ends or starts so, a
# proclitic set apart before a name aside, and that one is followed by no tatweel).
_KASHIDA_CUT_RE = re.compile(f"(?<=[\u0621-\u064a]){TATWEEL}+ +{TATWEEL}+(?=[\u0621-\u064a])")


def kashida_cuts_joined(text: str) -> str:
    """``text`` with each word cut inside its kashida stretch made one word where it stands.

    >>> kashida_cuts_joined("قتلـ ـى وجرحـ ـى من القوات")
    'قتلـى وجرحـى من القوات'
    """
    return _KASHIDA_CUT_RE.sub(TATWEEL, text) if TATWEEL in text else text


_ARABIC_WORDS_RE = re.compile("[\u0621-\u064a]+")


def _words_in_order(text: str) -> list[str]:
    """The Arabic words of ``text`` as the kashida stage leaves them: a token of tatweel
    alone moved to the word beside it (``ـا.`` for ``. ا ـ``) changes no word order.

    >>> _words_in_order("ـا."), _words_in_order("العر ــ اق")
    (['ا'], ['العر', 'اق'])
    """
    return _ARABIC_WORDS_RE.findall(text.replace(TATWEEL, "") if TATWEEL in text else text)


def _displaced_prefix(toks: list[Line], marker: str) -> int:
    """Number of leading tokens that are a stop displaced from the line end (0 if none)."""
    if not (
        len(toks) > 1
        and toks[0].text in _DISPLACED
        and toks[1].text not in _DISPLACED
        and any(ARABIC_RE.search(t.text) for t in toks[1:])
    ):
        return 0
    j = 0
    while j < len(toks) and (_NEUTRAL_TOKEN_RE.match(toks[j].text) or toks[j].text == marker):
        j += 1
    return j if j < len(toks) else 0


def repair_line(
    toks: list[Line], *, marker: str, lost: bool, before: str, after: str, context: Context,
    stops: bool = True, glued_stop: bool = False,
) -> Line:
    """One damaged line put right: runs in reading order, a displaced stop moved back
    (where ``stops``: the text is one whose stops stand displaced, ``stops_displaced``).
    ``glued_stop``: the first token is a stop the line writes glued to the word after it."""
    # Closing punctuation (and neutrals after it) at the line start belongs at its end.
    j = _displaced_prefix(toks, marker) if stops else 0
    prefix: list[Line] = []
    # (a stop glued to the word after it, ``.صورة``, came with its run: moved all the same)
    # Glued in the text, not only in the source: a control character the unicode stage took
    # out between them (``.\x08ا``) leaves them glued all the same, as a second clean sees them.
    glued = j == 1 and (glued_stop or int(toks[1].src[0]) == int(toks[0].src[-1]) + 1)
    if j and (lost or glued or needs_reorder([t.text for t in toks[j:]])):
        prefix, toks = toks[:j], toks[j:]
    texts = [t.text for t in toks]
    if needs_reorder(texts):
        arrangement = best_arrangement(texts, before=before, after=after, context=context)
        toks = [toks[i] for i in arrangement.order]
        glue = list(arrangement.joined)
    else:
        glue = [False] * len(toks)
    body = join_tokens(toks, glue)
    if not prefix:
        return body
    stop, rest = prefix[0], prefix[1:]
    tail: list[Line] = [body, *(p for t in reversed(rest) for p in (synthetic(" ", t.src[0]), t))]
    if lost and stop.text in _FINAL_PUNCT | {"\u060c", ","}:
        tail += [synthetic(" ", stop.src[0]), synthetic(marker, stop.src[0])]
    tail.append(stop)
    return concat(tail)


# ---------------------------------------------------------------------------
# Stages 6-8: kashida, split words, punctuation.

_TATWEEL_RE = re.compile(TATWEEL + "+")

_PROCLITIC_SPAN = 4  # longest proclitic (three letters) and a closing mark


def remove_kashida(lines: list[Line]) -> tuple[list[Line], int]:
    """Tatweel removed, except where it sets a proclitic apart (لـ COVID19)."""
    def repl(m: re.Match[str]) -> str:
        # A proclitic set apart with tatweel before a name or number (لـ COVID19) keeps
        # it. Such a token is short, so only a few characters either side are looked at
        # (a long line without spaces stays linear).
        text = m.string
        lo = max(0, m.start() - _PROCLITIC_SPAN)
        a = text.rfind(" ", lo, m.start())
        if a < 0 and lo > 0:
            return ""
        hi = min(len(text), m.end() + _PROCLITIC_SPAN)
        b = text.find(" ", m.end(), hi)
        if b < 0 and hi < len(text):
            return ""
        token = text[a + 1 : b if b >= 0 else hi]
        return m.group() if is_proclitic_tatweel(token) else ""

    out, total = sub_lines(lines, _TATWEEL_RE, repl, _TATWEEL_RE)
    return [strip_line(line) for line in out], total


# A space with a diacritic on one side: a word cut at a mark by the extractor.
_MARK_SPLIT_RE = re.compile(
    "(?<=[\u0621-\u064a\u0640]) (?=[\u064b-\u0652\u0670])|(?<=[\u064b-\u0652\u0670]) (?=\\S)"
)
# Gain (log10) a join across a space next to a diacritic must bring.
SPLIT_JOIN_GAIN = 2.0


# A diacritic: found in every line ``_MARK_SPLIT_RE`` matches.
_MARK_RE = re.compile("[\u064b-\u0652\u0670]")


# No word, however stretched with kashida and marks, is longer; a longer run of letters
# joins nothing, and looking no further keeps a line without spaces linear.
_LONGEST_TOKEN = 256


# Tanween ends a word (an alef or alef maqsura may follow it: ``شخصاً``, ``هدىً``): one an
# extractor wrote after a space, before a word of two letters or more (``هجوما ًانتحاريا``),
# is the end of the word before the space, not a cut inside one word.
_TANWEEN_OPENS_RE = re.compile("(?<=[\u0621-\u064a\u0640]) ([\u064b-\u064d]+)(?=[\u0621-\u064a]{2})")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")


def tanween_to_word_before(lines: list[Line]) -> tuple[list[Line], int]:
    """Tanween written after a space, before a whole word, put back before the space, at
    the end of the word it closes; each character keeps its raw offset.

    >>> tanween_to_word_before([Line("هجوما ًانتحاريا", np.arange(15))])[0][0].text
    'هجوماً انتحاريا'
    """
    if not _TANWEEN_RE.search("\n".join(line.text for line in lines)):
        return list(lines), 0
    out: list[Line] = []
    total = 0
    for line in lines:
        matches = list(_TANWEEN_OPENS_RE.finditer(line.text)) if _TANWEEN_RE.search(line.text) else []
        if not matches:
            out.append(line)
            continue
        order = np.arange(len(line.text))
        for m in matches:  # the marks first, then the space
            start, end = m.span()
            order[start:end] = np.r_[np.arange(start + 1, end), start]
        out.append(Line("".join(line.text[k] for k in order), line.src[order]))
        total += len(matches)
    return out, total


def join_split_words(lines: list[Line]) -> tuple[list[Line], int]:
    """Words the extractor cut at a diacritic joined again, where the word list agrees;
    tanween written after a space first put back at the end of the word before it.

    >>> join_split_words([Line("قتل شخص ًا وأصيب شخصا ًآخر", np.arange(26))])[0][0].text
    'قتل شخصًا وأصيب شخصاً آخر'
    """
    lines, moved = tanween_to_word_before(lines)

    def repl(m: re.Match[str]) -> str:
        text = m.string
        start, end = m.start(), m.end()
        if text[end] in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670":
            return ""  # no word starts with a mark
        a = text.rfind(" ", max(0, start - _LONGEST_TOKEN), start)
        b = text.find(" ", end, end + _LONGEST_TOKEN)
        if (a < 0 and start > _LONGEST_TOKEN) or (b < 0 and len(text) - end > _LONGEST_TOKEN):
            return " "
        left = text[a + 1 : start]
        right = text[end : b if b >= 0 else len(text)]
        return "" if join_gain(left, right) > SPLIT_JOIN_GAIN else " "

    lines, joined = sub_lines(lines, _MARK_SPLIT_RE, repl, _MARK_RE)
    return lines, moved + joined


# (Not after another stop: ``. .`` is written so.)
_SPACE_BEFORE_PUNCT_RE = re.compile(
    "(?<=[^\\s.,\u060c\u061b\u061f:;!?]) +(?=[\u060c\u061b\u061f,.:;!?](?:\\s|$))"
)


# A space before a comma or stop: found in every line ``_SPACE_BEFORE_PUNCT_RE`` matches.
_SPACE_PUNCT_RE = re.compile(" [\u060c\u061b\u061f,.:;!?]")


def tidy_punctuation(lines: list[Line]) -> tuple[list[Line], int]:
    """No space before a comma or full stop; spaces collapsed and stripped."""
    out, total = sub_lines(lines, _SPACE_BEFORE_PUNCT_RE, lambda m: "", _SPACE_PUNCT_RE)
    return [strip_line(line) for line in out], total


# ---------------------------------------------------------------------------
# Stage 9: layout.


@dataclass(frozen=True)
class Block:
    """One unit of the clean text's layout: ``kind`` is title, heading or paragraph."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Laid:
    """The laid-out text, its blocks, and what the layout found at its top."""

    doc: Line
    blocks: tuple[Block, ...]
    title: str
    author: str
    dateline: str
    byline: tuple[int, ...]


def _tokenizer(lines: list[Line], displaced: bool) -> Callable[[Line], list[Line]]:
    """How the line repair cuts the lines of a text into tokens: a stop glued to a line's
    first word set apart where stops stand displaced (``.صورة`` → ``.`` ``صورة``), unless
    the text writes its marks before the space between words (``يونس ،مما``: the mark
    belongs to the end of the line before)."""
    return stop_tokens if displaced and not _writes_swapped(lines) else line_tokens


def _repair_with(tokens: Callable[[Line], list[Line]], line: Line, **repair: Any) -> tuple[list[Line], Line]:
    """The line's tokens and ``repair_line`` of them, told whether the first token is a
    stop ``stop_tokens`` cut off the word it was glued to (one home for the line repair
    and ``settle``, which must read a line alike for ``clean`` to stay idempotent)."""
    toks, glued = _stop_split(line) if tokens is stop_tokens else (tokens(line), False)
    return toks, repair_line(toks, glued_stop=glued, **repair)


# How many times a reflowed block is repaired at most (see ``settle``).
_SETTLE_ROUNDS = 3


def settle(block: Line, *, marker: str, before: str, after: str, context: Context,
           displaced: bool = True) -> Line:
    """A reflowed block put through the line repairs once more, as a line of its own.

    Reflow makes new neighbours (the last word of one line, the first of the next);
    repairing the block as the next run of ``clean`` would see it keeps ``clean``
    idempotent: a stop glued to the block's first word is read as ``repair_runs`` reads it
    (``displaced``: the text's blocks open with stops more often than they close with one).
    """
    line = block
    # a repaired block may show damage the repair reads anew (its runs turned, a stop now
    # opens it, a word now opens with a letter that only ends words, as a line written
    # letter by letter would): read back and repaired again, a few times at most, as the
    # next run would
    for _ in range(_SETTLE_ROUNDS):
        (turned,), _ = reverse_lines([line])
        new = turned
        if needs_repair(turned.text):
            _, repaired = _repair_with(_tokenizer([turned], displaced), turned, marker=marker,
                                       lost=False, before=before, after=after, context=context,
                                       stops=displaced)
            if repaired.text != turned.text and model_agrees(turned.text, repaired.text,
                                                             before=before, after=after):
                new = repaired
        if new.text == line.text:
            break
        line = new
    # a tatweel that closed a line stands inside a word once the lines are one (لاــ⏎اااا):
    # taken out as the next run's kashida stage would take it out
    (line,), _ = remove_kashida([line])
    (line,), _ = join_split_words([line])
    (line,), _ = tidy_punctuation([line])
    return line


def lay_out(lines: list[Line], *, marker: str = GAP_MARKER) -> Laid:
    """Title, headings and paragraphs in reading order, each block repaired once more."""
    plan = plan_layout([line.text for line in lines])
    context = Context.from_lines(line.text for line in lines)
    pieces: list[tuple[str, tuple[int, ...]]] = []
    if plan.title:
        pieces.append(("title", plan.title))
    pieces.extend((b.kind, b.lines) for b in plan.blocks)
    parts: list[Line] = []
    blocks: list[Block] = []
    pos = 0
    prev_last = ""
    # First word of the first non-blank line of each later piece.
    following = [""] * len(pieces)
    nxt = ""
    for n in range(len(pieces) - 1, -1, -1):
        following[n] = nxt
        first = next((lines[i].text for i in pieces[n][1] if lines[i].text), "")
        if first:
            nxt = (first.split(None, 1) or [""])[0]
    reflowed: list[Line | None] = []
    for _kind, idx in pieces:
        body = [lines[i] for i in idx if lines[i].text]
        joined: list[Line] = []
        for k, line in enumerate(body):
            if k:
                joined.append(synthetic(" ", max(first_src(line) - 1, 0)))
            joined.append(line)
        reflowed.append(concat(joined) if body else None)
    # the blocks are the lines a second clean reads: whether their stops stand displaced is
    # decided over them, as it will be then
    displaced = stops_displaced([b for b in reflowed if b is not None])
    for n, (kind, _idx) in enumerate(pieces):
        whole = reflowed[n]
        if whole is None:
            continue
        block = settle(whole, marker=marker, before=prev_last, after=following[n], context=context,
                       displaced=displaced)
        if not block.text:
            continue
        prev_last = block.text.rsplit(" ", 1)[-1]
        if parts:
            at = first_src(block) - 1
            parts.append(synthetic("\n\n", max(at, 0)))
            pos += 2
        parts.append(block)
        blocks.append(Block(kind, pos, pos + len(block.text)))
        pos += len(block.text)
    doc = concat(parts)
    title = doc.text[blocks[0].start : blocks[0].end] if blocks and blocks[0].kind == "title" else ""
    return Laid(doc, tuple(blocks), title, plan.author, plan.dateline, plan.byline)
