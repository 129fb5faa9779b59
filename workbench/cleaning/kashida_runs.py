"""Lines whose glyph runs came back to front, cut at kashida glyphs that have no character.

LibreOffice justifies Arabic with kashida: it stretches a joined word with kashida glyphs,
and each stretch cuts the line into glyph runs. Where the font's kashida glyph has no
character in the PDF, an extractor writes the glyph's code, a control character
(U+0002 … U+001F, one per font). pypdf then writes the runs of each such line left to
right, each run in reading order, the kashida glyphs between them:

    source:    ... شريط المباراة التي جمعت الجزيرة والشباب
    extracted: باب␄␄رة والش␄␄تي جمعت الجزي␄␄اراة ال␄␄... شريط المب

Cut at the kashida glyphs and the pieces turned round, the line reads again. An extractor
does this to every line or to none (PyMuPDF writes the same glyphs in reading order), so
the decision is the text's, as for embedded runs (``reorder.embedded_runs_in_order``):
the character model must read at least ``TURN_SHARE`` of the lines so cut better turned,
the median line by ``TURN_MARGIN`` (log10). A control character is read as a kashida glyph
only where it stands after or before an Arabic letter nearly everywhere it occurs.

>>> line = "ة\\x04\\x04في الحقيقة ان القضي"
>>> text, src, n = kashida_runs_in_order("\\n".join([line] * 3))
>>> text.split("\\n")[0], n
('في الحقيقة ان القضية', 3)
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

import numpy as np

from .model import text_logp

# Least share of the lines with kashida glyphs that must read better turned, and least
# median gain (log10) of those lines, for a text's runs to be read as back to front. Set on
# the dev documents of benchmarks/pdf_damage.py: pypdf's LibreOffice lines gain 10 to 40
# a line turned; PyMuPDF's, in reading order, lose as much.
TURN_SHARE = 2 / 3
TURN_MARGIN = 2.0
# Fewest lines with kashida glyphs a text needs for the decision: a line or two say
# nothing about how an extractor orders runs.
MIN_LINES = 3
# Least share of a control character's stretches that touch an Arabic letter for it to be
# read as a kashida glyph (a stretch is drawn where a word joins: after or before a letter).
LETTER_SHARE = 0.9

# Control characters an extractor writes for a glyph with no character: C0 controls but
# the line and page breaks and the tab, which mean what they say.
_GLYPH_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0e-\x1f]+")
_LETTER_RE = re.compile("[\u0621-\u064a]")
# Digits and Latin letters: runs set left to right inside a right-to-left line.
_LEFT_TO_RIGHT_RE = re.compile("[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9]+")
_LINE_BREAK_RE = re.compile("[\n\r\x0c\x85\u2028\u2029]")


def kashida_glyphs(raw: str) -> str:
    """The control characters ``raw`` writes for kashida glyphs: each one whose stretches
    nearly all touch an Arabic letter (``LETTER_SHARE``).

    >>> kashida_glyphs("الجزي\\x04\\x04رة و\\tهنا")
    '\\x04'
    """
    seen: Counter[str] = Counter()
    touching: Counter[str] = Counter()
    for m in _GLYPH_CONTROL_RE.finditer(raw):
        for ch in set(m.group()):
            seen[ch] += 1
            touching[ch] += bool(_LETTER_RE.match(raw[m.start() - 1 : m.start()] if m.start() else "")
                                 or _LETTER_RE.match(raw[m.end() : m.end() + 1]))
    return "".join(sorted(ch for ch, n in seen.items() if touching[ch] >= LETTER_SHARE * n))


def turned_pieces(line: str, glyphs: str) -> list[tuple[int, int]]:
    """Spans of ``line`` cut at its stretches of kashida ``glyphs``, in reading order; the
    glyphs themselves left out. Numbers and Latin words are runs of their own direction
    that stay where they stand: the pieces between two of them are turned among
    themselves (the producer lays out each stretch of one direction on its own).

    >>> line = "اب\\x04ث ال\\x04في ح"
    >>> [line[a:b] for a, b in turned_pieces(line, "\\x04")]
    ['في ح', 'ث ال', 'اب']
    >>> line = "قتل 15 ين\\x04 مسلح"
    >>> "".join(line[a:b] for a, b in turned_pieces(line, "\\x04"))
    'قتل 15  مسلحين'
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_LEFT_TO_RIGHT_RE.finditer(line), None]:
        end = m.start() if m is not None else len(line)
        inner = line[pos:end].strip(" ")
        start = line.index(inner, pos) if inner else end
        stop = start + len(inner)
        spans: list[tuple[int, int]] = []
        at = start
        for g in re.finditer(f"[{re.escape(glyphs)}]+", inner):
            spans.append((at, start + g.start()))
            at = start + g.end()
        spans.append((at, stop))
        # Spaces at the stretch's edges, beside a number, stay where they stand.
        out.extend(s for s in [(pos, start), *reversed(spans), (stop, end)] if s[1] > s[0])
        if m is not None:
            out.append(m.span())
            pos = m.end()
    return out


def turn_gain(line: str, glyphs: str) -> float:
    """How much likelier (log10) the line reads with its pieces turned round than in place.

    >>> turn_gain("ة\\x04\\x04في الحقيقة ان القضي", "\\x04") > TURN_MARGIN
    True
    """
    spans = turned_pieces(line, glyphs)
    turned = "".join(line[a:b] for a, b in spans)
    in_place = "".join(line[a:b] for a, b in sorted(spans))
    return text_logp(turned) - text_logp(in_place)


def kashida_runs_in_order(raw: str) -> tuple[str, np.ndarray, int]:
    """``raw`` with the lines cut by kashida glyphs turned round where the text's lines
    read better so (see the module docstring): the text, the raw index of each of its
    characters, and how many lines were turned. The kashida glyphs of turned lines are
    left out (they stand for no letter); other lines keep them for the Unicode stage.
    """
    same = np.arange(len(raw), dtype=np.int64)
    if not _GLYPH_CONTROL_RE.search(raw):
        return raw, same, 0
    glyphs = kashida_glyphs(raw)
    if not glyphs:
        return raw, same, 0
    spans: list[tuple[int, int]] = []  # lines cut by kashida glyphs
    pos = 0
    for m in [*_LINE_BREAK_RE.finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        if any(ch in glyphs for ch in raw[pos:end]):
            spans.append((pos, end))
        if m is not None:
            pos = m.end()
    if len(spans) < MIN_LINES:
        return raw, same, 0
    gains = [turn_gain(raw[a:b], glyphs) for a, b in spans]
    if sum(g > 0 for g in gains) < TURN_SHARE * len(gains) or statistics.median(gains) <= TURN_MARGIN:
        return raw, same, 0
    order: list[np.ndarray] = []
    pos = 0
    for a, b in spans:
        order.append(same[pos:a])
        pieces = turned_pieces(raw[a:b], glyphs)
        order.extend(same[a + x : a + y] for x, y in pieces)
        pos = b
    order.append(same[pos:])
    src = np.concatenate(order)
    return "".join(raw[i] for i in src), src, len(spans)
