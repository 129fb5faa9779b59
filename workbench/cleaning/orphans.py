"""Marks a font lacked, written on lines of their own after their line, put back in the gaps they left.

LibreOffice draws the quotes, stops and brackets a font lacks (KacstBook, Noto Naskh) from
another font; PyMuPDF and pdfminer write those glyphs as lines of their own after the line
they stood in, and the line keeps the spaces that were round them::

    قد عبر في بيان عن  صدمته  ازاء القصف
    "
    "

reads ``قد عبر في بيان عن " صدمته " ازاء القصف``. In a text that shows this on three lines
or more (``MIN_LINES``), a line's lone marks go back into its wide gaps: the marks set
apart by spaces (quotes, dashes) into its widest gaps, in order; where the line left a gap
for every mark (pdfminer keeps a space for a stop as well), the others into the rest. Marks
the gaps do not place stay where they were written, as before. A gap between two pieces
of one word (``البن  ك``, the word model reading them as one) held no mark. A full stop
alone on such a line, its line keeping no gap for it, goes after the word where a
sentence most likely ends (``edges.py``: ``بامان. وتوفر``), where that reads clearly
better than the line's end.

pdfplumber told the page is right to left writes such marks on a line of their own
*before* their line, in reading order, the line keeping one space where each stood
(``"`` then ``الاوسط . من``). Where a text has ``MIN_LINES`` such lines or more, each
mark goes back into its line's holes (a space before a stop, or the first of two spaces
between words), in order, where the counts agree (``الاوسط". من``); else both stay.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

import numpy as np

from .edges import stop_logp
from .lines import Line, concat, empty_line, synthetic
from .stages import ARABIC_RE, word_cut

# Marks written with a space on both sides (``عن " صدمته "``, ``بيروت - اف ب``).
SPACED = '"\u2013\u2014-'
# Marks glued to the word after them, and to the word before them.
OPENING = "([\u00ab\u201c"
CLOSING = ")]\u00bb\u201d.,\u060c:;\u061b!?\u061f"
_MARKS = SPACED + OPENING + CLOSING
# A line of marks alone, a few of them (a line of one font's missing glyphs; a longer row
# of marks is a rule or an ornament of the text itself).
_ORPHAN_RE = re.compile(f"[ {re.escape(_MARKS)}]*[{re.escape(_MARKS)}][ {re.escape(_MARKS)}]*")
_MARK_RE = re.compile(f"[{re.escape(_MARKS)}]")
MAX_MARKS = 6
# A gap the line kept where a glyph was taken out: two spaces or more between words.
_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
# Fewest lines of a text whose marks the gaps place for the text to be read so: a text
# may itself set a lone mark on a line (a dash under a heading), once or twice; a font's
# missing glyphs show on every few lines. The source texts of benchmarks/pdf_damage.py cut
# into lines hold one such line at most.
MIN_LINES = 3


def _groups(texts: list[str]) -> list[tuple[int, list[int]]]:
    """Each line of words with the lines of lone marks after it (blank lines between)."""
    groups: list[tuple[int, list[int]]] = []
    host: int | None = None
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        if _ORPHAN_RE.fullmatch(text) and len(_MARK_RE.findall(text)) <= MAX_MARKS:
            if host is not None:
                if not groups or groups[-1][0] != host:
                    groups.append((host, []))
                groups[-1][1].append(i)
            continue
        host = i if ARABIC_RE.search(text) else None
    return groups


def _wide_gaps(line: str) -> list[re.Match[str]]:
    """The wide gaps of ``line`` a mark may have stood in: not those between two pieces of
    one word (``البن  ك``), where the extractor cut a word and no mark stood."""
    return [m for m in _GAP_RE.finditer(line) if not word_cut(line, m.start(), m.end())]


def placed_marks(line: str, marks: list[str]) -> dict[int, list[int]] | None:
    """Which of ``marks`` (in reading order) go into which wide gap of ``line``: gap index
    to mark indices, or None where the gaps tell nothing sure.

    >>> placed_marks("عن  صدمته  ازاء", ['"', '"'])
    {0: [0], 1: [1]}
    >>> placed_marks("المراقبين  رويترز  وقال   انا", ["(", ")", '"'])
    {2: [2], 0: [0], 1: [1]}
    """
    gaps = [m.end() - m.start() for m in _wide_gaps(line)]
    spaced = [k for k, m in enumerate(marks) if m in SPACED]
    glued = [k for k, m in enumerate(marks) if m not in SPACED]
    if not gaps or len(gaps) < len(spaced):
        return None
    # the spaced marks take the widest gaps, where those are wider than the rest
    by_width = sorted(range(len(gaps)), key=lambda g: -gaps[g])
    wide = sorted(by_width[: len(spaced)])
    rest = sorted(by_width[len(spaced) :])
    if spaced and rest and min(gaps[g] for g in wide) <= max(gaps[g] for g in rest):
        if glued or len(gaps) != len(marks):
            return None
        wide, rest = sorted(range(len(gaps))), []  # spaced marks only, a gap for each
    out: dict[int, list[int]] = {g: [k] for g, k in zip(wide, spaced, strict=True)}
    if glued and len(rest) == len(glued):  # a gap for every mark: the others in order
        out.update({g: [k] for g, k in zip(rest, glued, strict=True)})
    return out or None


def _filled(line: Line, fill: dict[int, list[tuple[str, int]]]) -> Line:
    """``line`` with its wide gaps ``fill``ed: gap index to (mark, raw index) in order."""
    parts: list[Line] = []
    pos = 0
    for g, m in enumerate(_wide_gaps(line.text)):
        if g not in fill:
            continue
        parts.append(Line(line.text[pos : m.start()], line.src[pos : m.start()]))
        at = int(line.src[m.start()])
        for mark, src in fill[g]:
            before = " " if mark not in CLOSING else ""
            after = " " if mark not in OPENING else ""
            glyph = Line(mark, np.array([src], dtype=np.int64))
            parts += [synthetic(before, at), glyph, synthetic(after, at)]
        pos = m.end()
    parts.append(Line(line.text[pos:], line.src[pos:]))
    return concat(parts)


def _without(line: Line, taken: set[int]) -> Line:
    """``line`` with the characters at ``taken`` out; blank if only spaces are left."""
    keep = [i for i in range(len(line.text)) if i not in taken]
    text = "".join(line.text[i] for i in keep)
    if not text.strip():
        return empty_line()
    return Line(text, line.src[keep])


# How much likelier (log10, ``edges.stop_logp``) a junction inside the line must read as
# a sentence's end than the line's own end for a lone stop to go there (dev, lone stops
# of PyMuPDF, pdfminer and pdftotext -raw: at 0.5 three of 41 stops at a line's end
# moved, at 1.0 two, at 1.5 none but half of those inside the line left out).
STOP_GAIN = 1.0
_TOKEN_RE = re.compile(r"\S+")
_STOPPED_RE = re.compile(f"[{re.escape(CLOSING)}\u2026]$")


def _next_words(texts: list[str], after: int) -> str:
    """The first line with Arabic after line ``after`` (the text a stop at a line's end
    stands before)."""
    for text in texts[after + 1 :]:
        if ARABIC_RE.search(text):
            return text
    return ""


def stop_place(line: str, following: str) -> int | None:
    """Where in ``line`` a full stop written on a line of its own, with no gap kept for it,
    stood: after the word where a sentence most likely ends, by ``STOP_GAIN`` more than
    at the line's end (before ``following``); None: at the end, or unknown.

    >>> stop_place("وقعت الاشتباكات يوم الاحد الماضي وقال شهود ان", "القتلى مدنيون")
    32
    >>> stop_place("وقعت الاشتباكات في مدينة حلب", "يوم الاحد الماضي") is None
    True
    """
    tokens = list(_TOKEN_RE.finditer(line))
    if len(tokens) < 2 or not following.strip():
        return None
    end = stop_logp(tokens[-1].group(), following.split()[0])
    best, at = -math.inf, None
    for a, b in itertools.pairwise(tokens):
        if _STOPPED_RE.search(a.group()):  # a word that closes with its own mark
            continue
        gain = stop_logp(a.group(), b.group())
        if gain > best:
            best, at = gain, a.end()
    return at if best > end + STOP_GAIN else None


# Marks of a line written before it: quotes (brackets and dashes come with runs of Latin
# letters and digits whose place the line does not keep).
LEADING = '"\u00ab\u00bb\u201c\u201d'
_LEADING_RE = re.compile(f"[ {LEADING}]*[{LEADING}][ {LEADING}]*")
# Where a mark written before its line stood: a space before a stop (``الاوسط .``), or the
# first of two spaces between words.
_HOLE_RE = re.compile(r"(?<=\S) (?=[.,:;\u060c\u061b!?\u061f]| \S)")


def _leading_groups(texts: list[str]) -> list[tuple[int, int]]:
    """(mark line, its line) for each line of quotes alone right before a line with Arabic."""
    return [
        (i, i + 1) for i in range(len(texts) - 1)
        if _LEADING_RE.fullmatch(texts[i]) and len(_MARK_RE.findall(texts[i])) <= MAX_MARKS
        and ARABIC_RE.search(texts[i + 1])
    ]


def leading_marks(lines: list[Line]) -> tuple[list[Line], int]:
    """Quotes written on a line of their own before their line put back in the holes it
    kept (a space before a stop), in order, where the counts agree, in a text that does so
    on ``MIN_LINES`` lines or more (see the module doc).

    >>> from workbench.cleaning.lines import split_lines
    >>> text = "\\n".join(['"', "قال انه وصل . ثم عاد"] * 3)
    >>> out, n = leading_marks(split_lines(Line(text, np.arange(len(text)))))
    >>> out[0].text, out[1].text, n
    ('', 'قال انه وصل". ثم عاد', 3)
    """
    texts = [line.text for line in lines]
    groups = _leading_groups(texts)
    out = list(lines)
    if len(groups) < MIN_LINES:
        return out, 0
    plans = []
    for i, host in groups:
        marks = list(_MARK_RE.finditer(texts[i]))
        holes = list(_HOLE_RE.finditer(texts[host]))
        if len(marks) == len(holes):  # else the line does not say where each stood
            plans.append((i, host, marks, holes))
    # PyMuPDF and pdfminer write a line's marks after it, the line keeping wide gaps for
    # them, so a line of marks also stands before the next line: a text whose lines
    # before the marks place them as often is read so (``_trailing_marks``)
    if len(plans) <= sum(1 for *_, placed in _trailing_plans(texts) if placed):
        return out, 0
    n = 0
    for i, host, marks, holes in plans:
        line = lines[host]
        parts: list[Line] = []
        pos = 0
        for mark, hole in zip(marks, holes, strict=True):
            parts.append(Line(line.text[pos : hole.start()], line.src[pos : hole.start()]))
            parts.append(Line(mark.group(), lines[i].src[mark.start() : mark.end()]))
            pos = hole.end()
        parts.append(Line(line.text[pos:], line.src[pos:]))
        out[host] = concat(parts)
        out[i] = empty_line()
        n += 1
    return out, n


def orphan_marks(lines: list[Line]) -> tuple[list[Line], int]:
    """Lone marks after a line put back in the gaps that line kept for them (see the
    module doc), where the text does so on ``MIN_LINES`` lines or more.

    >>> from workbench.cleaning.lines import split_lines
    >>> text = "\\n".join(["قال  كلمة  اليوم", '"', '"'] * 3)
    >>> out, n = orphan_marks(split_lines(Line(text, np.arange(len(text)))))
    >>> out[0].text, out[1].text, n
    ('قال " كلمة " اليوم', '', 3)
    """
    lines, n = leading_marks(lines)
    out, m = _trailing_marks(lines)
    return out, n + m


def _trailing_plans(
    texts: list[str], groups: list[tuple[int, list[int]]] | None = None
) -> Iterator[tuple[int, list[tuple[int, int]], list[str], dict[int, list[int]] | None]]:
    """Each line of words with the lone marks after it (line, index), in reading order,
    and where its wide gaps place them (``placed_marks``) or None."""
    for host, orphans in _groups(texts) if groups is None else groups:
        # the marks as written: PyMuPDF and pdfminer write a line's glyphs of another
        # font left to right, so reading order is the written order turned round
        written = [(i, m.start()) for i in orphans for m in _MARK_RE.finditer(texts[i])]
        reading = written[::-1]
        marks = [texts[i][j] for i, j in reading]
        yield host, reading, marks, placed_marks(texts[host], marks)


def _trailing_marks(lines: list[Line]) -> tuple[list[Line], int]:
    """Lone marks after a line put back in the gaps that line kept for them."""
    texts = [line.text for line in lines]
    plans = []
    stops = []
    groups = _groups(texts)
    for host, reading, marks, placed in _trailing_plans(texts, groups):
        if placed:
            plans.append((host, reading, marks, placed))
        elif marks == ["."]:
            stops.append((host, reading[0]))
    out = list(lines)
    n = 0
    if len(groups) >= MIN_LINES:  # a text that writes its marks on lines of their own
        for host, (i, j) in stops:
            at = stop_place(texts[host], _next_words(texts, i))
            if at is not None:
                stop = Line(".", lines[i].src[j : j + 1])
                line = out[host]
                out[host] = concat([Line(line.text[:at], line.src[:at]), stop,
                                    Line(line.text[at:], line.src[at:])])
                out[i] = _without(out[i], {j})
                n += 1
    if len(plans) < MIN_LINES:
        return out, n
    for host, reading, marks, placed in plans:
        fill = {g: [(marks[k], int(lines[reading[k][0]].src[reading[k][1]])) for k in ks]
                for g, ks in placed.items()}
        out[host] = _filled(lines[host], fill)
        taken: dict[int, set[int]] = {}
        for ks in placed.values():
            for k in ks:
                taken.setdefault(reading[k][0], set()).add(reading[k][1])
        for i, at in taken.items():
            out[i] = _without(out[i], at)
    return out, n + len(plans)
