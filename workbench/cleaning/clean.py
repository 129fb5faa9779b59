"""Repair Arabic text pulled badly out of PDFs, flag what was lost, keep offsets to the raw text.

``clean(raw)`` runs stages a notebook can show one by one (``Cleaned.stages``):

1. ``unicode``: presentation forms to letters, bidi controls and zero-widths removed,
   line breaks and spaces made plain;
2. ``reversed_lines``: a line emitted letter by letter in visual order is read back;
3. ``kashida_digits``: the kashida glyph mapped to the digit 1 (``نف11ذه``) made tatweel again;
4. ``lost_digits``: where the source dropped digits (a digit-free text keeping the
   double space they stood in) a visible marker is put in;
5. ``runs``: line runs emitted back to front put in reading order, words split across
   run breaks joined, punctuation displaced to the line start moved back to its end;
6. ``kashida``: tatweel removed;
7. ``split_words``: words split by a space at a diacritic joined again;
8. ``punctuation``: no space before a comma or full stop;
9. ``layout``: title, byline and dateline, headings and paragraphs in reading order;
10. ``gaps``: one row per marker, with its kind (count, year, date, range, number), and one
    per run of unreadable glyphs (U+FFFD, kind ``unreadable``).

Every clean character keeps the index of the raw character it came from
(``Cleaned.offsets``), so a mention can be shown in the original.

>>> c = clean("كــثر مــن  هجومًــا نفــذه التنظيم خلال الشهر المنصرم فقــط سُــجل أ", lost_digits=True)
>>> c.text
'خلال الشهر المنصرم فقط سُجل أكثر من […] هجومًا نفذه التنظيم'
>>> c.gaps[["kind", "context"]].iloc[0].tolist()
['count', 'سُجل أكثر من […] هجومًا نفذه التنظيم']
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from ..resources import read_table
from ..text.arabic import GAP_MARKER, SENTENCE_END, TATWEEL, match_key
from .layout import find_byline, plan_layout
from .lexicon import (
    Context,
    core,
    has_edge_tatweel,
    is_known,
    is_proclitic_tatweel,
    join_gain,
    joinable_left,
    joinable_right,
)
from .reorder import best_arrangement, looks_reversed, needs_reorder, reverse_visual, reversed_line_gain

GAP_COLUMNS = ["start", "end", "kind", "context", "raw_start", "raw_end"]
LOG_COLUMNS = ["stage", "changes", "description"]


@dataclass(frozen=True)
class Block:
    """One unit of the clean text's layout: ``kind`` is title, heading or paragraph."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Stage:
    """One cleaning stage: what it did and the text after it."""

    name: str
    changes: int
    description: str
    text: str


@dataclass(frozen=True)
class Cleaned:
    """Clean text, its layout and gaps, the stage log and the map back to the raw text.

    ``offsets[i]`` is the index in ``raw`` of the character clean ``text[i]`` came
    from (for an inserted marker or space: the raw place it stands for).
    """

    raw: str
    text: str
    blocks: tuple[Block, ...]
    gaps: pd.DataFrame
    log: pd.DataFrame
    title: str = ""
    author: str = ""
    dateline: str = ""
    published_text: str = ""
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    stages: tuple[Stage, ...] = ()

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a clean span came from (smallest span covering its characters)."""
        start, end = max(0, start), min(len(self.text), end)
        if start >= end or not len(self.offsets):
            at = int(self.offsets[start]) if start < len(self.offsets) else len(self.raw)
            return at, at
        part = self.offsets[start:end]
        return int(part.min()), int(part.max()) + 1

    def stage_text(self, name: str) -> str:
        """The text as it stood after stage ``name``."""
        return next(s.text for s in self.stages if s.name == name)

    def changed_lines(self, name: str) -> pd.DataFrame:
        """The lines stage ``name`` changed: ``line`` (from 1), ``before`` and ``after``.

        Stages before ``layout`` keep the raw line structure, so lines compare one to one.

        >>> c = clean("عـــودة داعـــش\\nفي العراق")
        >>> c.changed_lines("kashida").values.tolist()
        [[1, 'عـــودة داعـــش', 'عودة داعش']]
        """
        names = [s.name for s in self.stages]
        at = names.index(name)
        before = (self.stages[at - 1].text if at else self.raw).split("\n")
        after = self.stages[at].text.split("\n")
        rows = [
            (i, b, a) for i, (b, a) in enumerate(zip(before, after, strict=False), start=1) if b != a
        ]
        return pd.DataFrame(rows, columns=["line", "before", "after"])

    def block_texts(self, kind: str | None = None) -> list[str]:
        """Texts of the blocks (of one kind, if given), in reading order."""
        return [self.text[b.start : b.end] for b in self.blocks if kind in (None, b.kind)]


# ---------------------------------------------------------------------------
# Text with a raw offset per character.


@dataclass
class _Line:
    text: str
    src: np.ndarray  # int64, one raw index per character of ``text``

    def __post_init__(self) -> None:
        if len(self.text) != len(self.src):
            raise ValueError("text and offsets differ in length")


_NO_SRC = np.zeros(0, dtype=np.int64)


def _empty() -> _Line:
    return _Line("", _NO_SRC)


def _cat(parts: list[_Line]) -> _Line:
    if not parts:
        return _empty()
    if len(parts) == 1:
        return parts[0]
    return _Line("".join(p.text for p in parts), np.concatenate([p.src for p in parts]))


def _synthetic(text: str, at: int) -> _Line:
    return _Line(text, np.full(len(text), int(at), dtype=np.int64))


def _first_src(line: _Line, default: int = 0) -> int:
    return int(line.src[0]) if len(line.src) else default


def _sub(line: _Line, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> tuple[_Line, int]:
    """Regex replacement keeping offsets: replaced text maps to the start of the match."""
    text, src = line.text, line.src
    texts: list[str] = []
    srcs: list[np.ndarray] = []
    pos = 0
    n = 0
    for m in pattern.finditer(text):
        new = repl(m)
        old = m.group()
        if new == old:
            continue
        start = m.start()
        texts.append(text[pos:start])
        srcs.append(src[pos:start])
        if len(new) == len(old):
            texts.append(new)
            srcs.append(src[start : m.end()])
        elif new:  # a deletion adds no text and no offsets
            at = int(src[min(start, len(src) - 1)]) if len(src) else 0
            texts.append(new)
            srcs.append(np.full(len(new), at, dtype=np.int64))
        pos = m.end()
        n += 1
    if not n:
        return line, 0
    texts.append(text[pos:])
    srcs.append(src[pos:])
    return _Line("".join(texts), np.concatenate(srcs)), n


def _sub_lines(
    lines: list[_Line],
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
    hint: re.Pattern[str],
) -> tuple[list[_Line], int]:
    """``_sub`` on every line, looking only at lines where ``hint`` finds something.

    ``hint`` must find something in every line ``pattern`` matches (a necessary
    condition, quick to test: it starts with the characters it looks for, where
    ``pattern`` starts with a lookbehind the regex engine tries at every position).
    Most lines and most texts have no candidate at all and are passed on as they are.
    """
    if not hint.search("\n".join(line.text for line in lines)):
        return list(lines), 0
    out = []
    total = 0
    for line in lines:
        if hint.search(line.text):
            line, n = _sub(line, pattern, repl)
            total += n
        out.append(line)
    return out, total


def _tokens(line: _Line) -> list[_Line]:
    """Space-separated tokens of a line, with their offsets."""
    return [_Line(m.group(), line.src[m.start() : m.end()]) for m in _NONSPACE_RE.finditer(line.text)]


_NONSPACE_RE = re.compile(r"[^ ]+")


def _join_tokens(tokens: list[_Line], glue: list[bool] | None = None) -> _Line:
    parts: list[_Line] = []
    for k, tok in enumerate(tokens):
        if k and not (glue and glue[k]):
            parts.append(_synthetic(" ", _first_src(tok)))
        parts.append(tok)
    return _cat(parts)


# ---------------------------------------------------------------------------
# Stage 1: Unicode.

_NEWLINES = "\r\n\u2028\u2029\x0b\x0c\x85"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


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


def _unicode(raw: str) -> tuple[_Line, int]:
    """Presentation forms to letters, invisible controls out, plain spaces and newlines."""
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
        return _empty(), changes
    return _Line("".join(texts), np.concatenate(srcs)), changes


def _split_lines(doc: _Line) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for m in re.finditer("\n", doc.text):
        lines.append(_Line(doc.text[pos : m.start()], doc.src[pos : m.start()]))
        pos = m.end()
    lines.append(_Line(doc.text[pos:], doc.src[pos:]))
    return lines


def _lines_text(lines: list[_Line]) -> str:
    return "\n".join(line.text for line in lines)


# ---------------------------------------------------------------------------
# Stage 2: lines reversed letter by letter.

# Mean log10 gain per word a reversed reading must show before a line is turned round.
REVERSE_MARGIN = 1.0


def _reverse_line(line: _Line) -> _Line:
    """``reverse_visual`` on a line, offsets moved along with the characters."""
    text = line.text
    # Mark each character with its index, reverse as reverse_visual does, read indices back.
    units: list[tuple[int, int]] = []
    pos = 0
    for m in _LTR_UNIT_RE.finditer(text):
        units.extend((k, k + 1) for k in range(pos, m.start()))
        units.append((m.start(), m.end()))
        pos = m.end()
    units.extend((k, k + 1) for k in range(pos, len(text)))
    parts = [_Line(text[a:b], line.src[a:b]) for a, b in reversed(units)]
    out = _cat(parts)
    if out.text != reverse_visual(text):
        raise AssertionError("reversal and offsets disagree")
    return out


_LTR_UNIT_RE = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,:/_-]*[0-9A-Za-z])?")
_ARABIC_RE = re.compile("[\u0621-\u064a]")


def _reversed_lines(lines: list[_Line]) -> tuple[list[_Line], int]:
    # The trace regex cannot match across a line break in a way no single line shows
    # (a line start and end look the same to it as a newline), so a text without any
    # trace has no line to look at.
    if not looks_reversed(_lines_text(lines)):
        return list(lines), 0
    out = []
    n = 0
    for line in lines:
        stripped = line.text.strip()
        if reversed_line_gain(stripped) > REVERSE_MARGIN:  # 0 without a trace of reversal
            out.append(_reverse_line(line))
            n += 1
        else:
            out.append(line)
    return out, n


# ---------------------------------------------------------------------------
# Stage 3: kashida drawn as the digit 1.

# A run of 1 after a letter that joins forward (kashida can only follow one) and before
# another Arabic letter: the glyph a font mapped to "1" in its text layer.
_DUAL_JOINING = "\u0626\u0628\u062a-\u062e\u0633-\u063a\u0641-\u0647\u064a\u0640"
_KASHIDA_ONE_RE = re.compile(
    f"(?<=[{_DUAL_JOINING}])([\u064b-\u0652]*)(1+)(?=[\u0640]*[\u0621-\u064a])"
)


_ONE_RE = re.compile("1")  # found in every line ``_KASHIDA_ONE_RE`` matches


def _kashida_digits(lines: list[_Line]) -> tuple[list[_Line], int]:
    return _sub_lines(lines, _KASHIDA_ONE_RE, lambda m: m.group(1) + TATWEEL * len(m.group(2)), _ONE_RE)


# ---------------------------------------------------------------------------
# Stage 4: lost digits.

_DIGIT_RE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
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


# Fewest non-blank lines for the lost-digit reading to be decided from the text alone:
# a one-line post with double spaces is typing, a hard-wrapped page is extraction.
MIN_LOST_LINES = 3


def _digits_lost(lines: list[_Line]) -> bool:
    """A text without a digit that keeps the marks of lost ones.

    Evidence: double spaces between Arabic words and stops displaced to line starts,
    at least two of them (one may be a typing slip).
    """
    text = _lines_text(lines)
    if _DIGIT_RE.search(text) or sum(1 for line in lines if line.text.strip()) < MIN_LOST_LINES:
        return False
    doubles = len(_LETTER_GAP_RE.findall(text))
    displaced = sum(
        1 for line in lines
        if line.text[:1] in _DISPLACED_FIRST and _displaced_prefix(_tokens(line), "") > 0
    )
    return doubles + displaced >= 2 and doubles >= 1


def _mark_lost(lines: list[_Line], marker: str) -> tuple[list[_Line], int]:
    out = []
    total = 0
    for line in lines:
        new, n = _sub(line, _GAP_SPACE_RE, lambda m: f" {marker} ")
        new, k = _sub(new, _GAP_BEFORE_PUNCT_RE, lambda m: f" {marker}")
        out.append(new)
        total += n + k
    return out, total


# ---------------------------------------------------------------------------
# Stage 5: run order, split words, displaced punctuation.


def _needs_repair(text: str) -> bool:
    """Cheap test for run-order damage or a displaced stop (a few word-list look-ups at most)."""
    words = text.split()
    if not words:
        return False
    return words[0] in _DISPLACED or needs_reorder(words)


def _wrapped_word(lines: list[_Line], k: int, before: int, after: int) -> bool:
    """A line whose edge word continues on the next or previous line.

    Such a line is whole: a word was wrapped (``ضد ال`` / ``فرنسيين``), not a run moved.
    Tatweel at a token edge, on either line, or a stop opening the line is damage all the same.
    """
    text = lines[k].text
    words = text.split()
    if not words or TATWEEL in text or words[0] in _DISPLACED:
        return False
    last, first = words[-1], words[0]
    if after >= 0:
        nxt = lines[after].text.split()
        if nxt and _glues(last, nxt[0]):
            return True
    if before >= 0:
        prv = lines[before].text.split()
        if prv and _glues(prv[-1], first):
            return True
    return False


def _glues(left: str, right: str) -> bool:
    return (
        joinable_left(left) and joinable_right(right)
        and not has_edge_tatweel(left) and not has_edge_tatweel(right)
        and is_known(left + right)
    )


def _neighbours(lines: list[_Line]) -> tuple[list[int], list[int]]:
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


def _edge_word(line: _Line, *, last: bool) -> str:
    words = line.text.split()
    return (words[-1] if last else words[0]) if words else ""


def _runs(
    lines: list[_Line], *, marker: str, lost: bool, skip: set[int]
) -> tuple[list[_Line], int]:
    """Repair the lines that show damage; a clean line is passed on as it is.

    Where a repaired line starts depends on its neighbours' words, so the lines that
    changed are repaired a second time against their repaired neighbours.
    """
    context = Context.from_lines(line.text for line in lines)
    prev, nxt = _neighbours(lines)
    damaged = [
        k for k, line in enumerate(lines)
        if k not in skip and _needs_repair(line.text) and not _wrapped_word(lines, k, prev[k], nxt[k])
    ]
    out = list(lines)
    changed: list[int] = []
    # A byline or dateline is no part of the running text: it gives no left neighbour.
    prev = [-1 if j in skip else j for j in prev]
    for k in damaged:
        toks = _tokens(lines[k])
        before = _edge_word(out[prev[k]], last=True) if prev[k] >= 0 else ""
        after = _edge_word(lines[nxt[k]], last=False) if nxt[k] >= 0 else ""
        new = _repair_line(toks, marker=marker, lost=lost, before=before, after=after, context=context)
        if new.text != _join_tokens(toks).text:
            changed.append(k)
        out[k] = new
    for k in changed:
        before = _edge_word(out[prev[k]], last=True) if prev[k] >= 0 else ""
        after = _edge_word(out[nxt[k]], last=False) if nxt[k] >= 0 else ""
        out[k] = _repair_line(
            _tokens(lines[k]), marker=marker, lost=lost, before=before, after=after, context=context
        )
    return out, len(changed)


def _displaced_prefix(toks: list[_Line], marker: str) -> int:
    """Number of leading tokens that are a stop displaced from the line end (0 if none)."""
    if not (
        len(toks) > 1
        and toks[0].text in _DISPLACED
        and toks[1].text not in _DISPLACED
        and any(_ARABIC_RE.search(t.text) for t in toks[1:])
    ):
        return 0
    j = 0
    while j < len(toks) and (_NEUTRAL_TOKEN_RE.match(toks[j].text) or toks[j].text == marker):
        j += 1
    return j if j < len(toks) else 0


def _repair_line(
    toks: list[_Line], *, marker: str, lost: bool, before: str, after: str, context: Context
) -> _Line:
    # Closing punctuation (and neutrals after it) at the line start belongs at its end.
    j = _displaced_prefix(toks, marker)
    prefix: list[_Line] = []
    if j and (lost or needs_reorder([t.text for t in toks[j:]])):
        prefix, toks = toks[:j], toks[j:]
    texts = [t.text for t in toks]
    if needs_reorder(texts):
        arrangement = best_arrangement(texts, before=before, after=after, context=context)
        toks = [toks[i] for i in arrangement.order]
        glue = list(arrangement.joined)
    else:
        glue = [False] * len(toks)
    body = _join_tokens(toks, glue)
    if not prefix:
        return body
    stop, rest = prefix[0], prefix[1:]
    tail: list[_Line] = [body, *(p for t in reversed(rest) for p in (_synthetic(" ", t.src[0]), t))]
    if lost and stop.text in _FINAL_PUNCT | {"\u060c", ","}:
        tail += [_synthetic(" ", stop.src[0]), _synthetic(marker, stop.src[0])]
    tail.append(stop)
    return _cat(tail)


# ---------------------------------------------------------------------------
# Stages 6-8: kashida, split words, punctuation.

_TATWEEL_RE = re.compile(TATWEEL + "+")
_MULTISPACE_RE = re.compile(r"  +")
_EDGE_SPACE_RE = re.compile(r"^ +| +$")


def _strip_line(line: _Line) -> _Line:
    text = line.text
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return line  # nothing to collapse or strip (the usual case)
    line, _ = _sub(line, _MULTISPACE_RE, lambda m: " ")
    line, _ = _sub(line, _EDGE_SPACE_RE, lambda m: "")
    return line


_PROCLITIC_SPAN = 4  # longest proclitic (three letters) and a closing mark


def _kashida(lines: list[_Line]) -> tuple[list[_Line], int]:
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

    out, total = _sub_lines(lines, _TATWEEL_RE, repl, _TATWEEL_RE)
    return [_strip_line(line) for line in out], total


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


def _split_words(lines: list[_Line]) -> tuple[list[_Line], int]:
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

    return _sub_lines(lines, _MARK_SPLIT_RE, repl, _MARK_RE)


_SPACE_BEFORE_PUNCT_RE = re.compile("(?<=\\S) +(?=[\u060c\u061b\u061f,.:;!?](?:\\s|$))")


# A space before a comma or stop: found in every line ``_SPACE_BEFORE_PUNCT_RE`` matches.
_SPACE_PUNCT_RE = re.compile(" [\u060c\u061b\u061f,.:;!?]")


def _punctuation(lines: list[_Line]) -> tuple[list[_Line], int]:
    out, total = _sub_lines(lines, _SPACE_BEFORE_PUNCT_RE, lambda m: "", _SPACE_PUNCT_RE)
    return [_strip_line(line) for line in out], total


# ---------------------------------------------------------------------------
# Stage 9: layout.


@dataclass(frozen=True)
class _Laid:
    doc: _Line
    blocks: tuple[Block, ...]
    title: str
    author: str
    dateline: str
    byline: tuple[int, ...]


def _settle(block: _Line, *, marker: str, before: str, after: str, context: Context) -> _Line:
    """A reflowed block put through the line repairs once more, as a line of its own.

    Reflow makes new neighbours (the last word of one line, the first of the next);
    repairing the block as the next run of ``clean`` would see it keeps ``clean``
    idempotent.
    """
    (block,), _ = _reversed_lines([block])
    line = block
    if _needs_repair(block.text):
        toks = _tokens(block)
        line = _repair_line(toks, marker=marker, lost=False, before=before, after=after, context=context)
    (line,), _ = _split_words([line])
    (line,), _ = _punctuation([line])
    return line


def _layout(lines: list[_Line], *, marker: str = GAP_MARKER) -> _Laid:
    plan = plan_layout([line.text for line in lines])
    context = Context.from_lines(line.text for line in lines)
    pieces: list[tuple[str, tuple[int, ...]]] = []
    if plan.title:
        pieces.append(("title", plan.title))
    pieces.extend((b.kind, b.lines) for b in plan.blocks)
    parts: list[_Line] = []
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
            nxt = (first.split() or [""])[0]
    for n, (kind, idx) in enumerate(pieces):
        body = [lines[i] for i in idx if lines[i].text]
        if not body:
            continue
        joined: list[_Line] = []
        for k, line in enumerate(body):
            if k:
                joined.append(_synthetic(" ", max(_first_src(line) - 1, 0)))
            joined.append(line)
        block = _settle(_cat(joined), marker=marker, before=prev_last, after=following[n], context=context)
        if not block.text:
            continue
        prev_last = block.text.rsplit(" ", 1)[-1]
        if parts:
            at = _first_src(block) - 1
            parts.append(_synthetic("\n\n", max(at, 0)))
            pos += 2
        parts.append(block)
        blocks.append(Block(kind, pos, pos + len(block.text)))
        pos += len(block.text)
    doc = _cat(parts)
    title = doc.text[blocks[0].start : blocks[0].end] if blocks and blocks[0].kind == "title" else ""
    return _Laid(doc, tuple(blocks), title, plan.author, plan.dateline, plan.byline)


# ---------------------------------------------------------------------------
# Stage 10: gaps.


@cache
def _month_keys() -> frozenset[str]:
    """Month names (matching keys) that are not also common words: a number after one is a year."""
    table = read_table("text/months.csv")
    return frozenset(table.loc[table["ambiguous"] != "2", "form"])


@cache
def _cue_keys(role: str) -> frozenset[str]:
    from .lexicon import cues

    return frozenset(match_key(c) for c in cues(role))


_DASHES = {"-", "\u2013", "\u2014"}


def _word_key(token: str) -> str:
    return match_key(core(token))


def _is_month(token: str) -> bool:
    key = _word_key(token)
    months = _month_keys()
    # With a proclitic (في/ب/ل/و) written on: بديسمبر, وديسمبر.
    return key in months or (len(key) > 3 and key[1:] in months and key[0] in "بلوف")


def gap_kind(before: list[str], after: list[str], *, marker: str = GAP_MARKER) -> str:
    """Kind of a lost number from the words around it (nearest first in both lists).

    >>> gap_kind(["من", "أكثر"], ["هجومًا"])
    'count'
    >>> gap_kind(["ديسمبر", "في"], ["."])
    'year'
    >>> gap_kind(["بين"], ["–", "[…]"])
    'range'
    """
    prev = before[0] if before else ""
    nxt = after[0] if after else ""
    if (nxt in _DASHES and len(after) > 1 and after[1].startswith(marker)) or (
        prev in _DASHES and len(before) > 1 and before[1].endswith(marker)
    ):
        return "range"
    prev_key = _word_key(prev)
    if prev and prev_key and _is_month(prev):
        return "year"
    if prev_key in _cue_keys("year_cue"):
        return "year"
    if nxt and _word_key(nxt) and _is_month(nxt):
        return "date"
    nxt_key = _word_key(nxt)
    if nxt_key and _ARABIC_RE.search(nxt_key) and nxt_key not in _cue_keys("function"):
        return "count"
    if prev_key in _cue_keys("count_cue") or (
        prev_key in _cue_keys("function")
        and len(before) > 1
        and _word_key(before[1]) in _cue_keys("count_cue")
    ):
        return "count"
    return "number"


_CONTEXT_WORDS = 3
_UNREADABLE = "\ufffd"  # REPLACEMENT CHARACTER: the PDF reader's mark for a nameless glyph


def _gap_rows(laid: _Laid, marker: str, raw_len: int) -> list[dict]:
    """Lost digits (the marker) and unreadable glyphs (U+FFFD), in text order."""
    text = laid.doc.text
    rows = []
    starts = [b.start for b in laid.blocks]
    for m in re.finditer(f"{re.escape(marker)}|{_UNREADABLE}+", text):
        at = bisect.bisect_right(starts, m.start()) - 1
        block_start = laid.blocks[at].start if at >= 0 else 0
        block_end = laid.blocks[at].end if at >= 0 and laid.blocks[at].end >= m.end() else len(text)
        if m.group() == marker:
            before, after = _words_around(text, m.start(), m.end())
            kind = gap_kind(list(reversed(before[-3:])), after[:3], marker=marker)
        else:
            # glyphs the source drew without naming their characters (a PDF without a
            # ToUnicode entry for them): what they stood for is unknown, even whether digits
            kind = "unreadable"
        raw_start = int(laid.doc.src[m.start()])
        raw_end = int(laid.doc.src[m.end() - 1]) + 1 if kind == "unreadable" else raw_start + 1
        rows.append(
            {
                "start": m.start(),
                "end": m.end(),
                "kind": kind,
                "context": _context(text, m.start(), m.end(), block_start, block_end),
                "raw_start": raw_start,
                "raw_end": min(raw_end, raw_len),
            }
        )
    return rows


_WINDOW = 200  # characters either side of a gap that are enough for three words


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Whole words before ``start`` and after ``end`` within a bounded window."""
    a = max(0, start - _WINDOW)
    before = text[a:start].split()
    if a > 0 and before and not text[a - 1].isspace() and not text[a].isspace():
        before = before[1:]
    b = min(len(text), end + _WINDOW)
    after = text[end:b].split()
    if b < len(text) and after and not text[b].isspace() and not text[b - 1].isspace():
        after = after[:-1]
    return before, after


def _context(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """A few words either side of ``text[start:end]`` within ``[lo, hi)``, as written."""
    a = start
    for _ in range(_CONTEXT_WORDS + 1):
        k = text.rfind(" ", lo, a)
        if k < 0:
            a = lo
            break
        a = k
    a = a + 1 if a > lo or text[a : a + 1] == " " else a
    b = end
    for _ in range(_CONTEXT_WORDS + 1):
        k = text.find(" ", b + 1, hi)
        if k < 0:
            b = hi
            break
        b = k
    return text[a:b].strip()


_INT_GAP_COLUMNS = ("start", "end", "raw_start", "raw_end")


def _gap_frame(rows: list[dict]) -> pd.DataFrame:
    """The gaps table, built column by column with its dtypes set once.

    Same frame as ``pd.DataFrame(rows, columns=GAP_COLUMNS)`` cast to int64 offsets, at a
    fraction of the cost. Text columns are left to pandas' inference: ``str`` when there
    are rows, ``object`` when there are none. Most documents have no gap: they get a
    copy of one empty table, made once.
    """
    if not rows:
        return _empty_gap_frame().copy()
    columns: dict[str, object] = {}
    for name in GAP_COLUMNS:
        values = [row[name] for row in rows]
        columns[name] = np.array(values, dtype=np.int64) if name in _INT_GAP_COLUMNS else values
    return pd.DataFrame(columns, columns=GAP_COLUMNS)


@cache
def _empty_gap_frame() -> pd.DataFrame:
    """The gaps table of a text without gaps (never handed out: callers copy it)."""
    columns = {
        name: np.array([], dtype=np.int64 if name in _INT_GAP_COLUMNS else object) for name in GAP_COLUMNS
    }
    return pd.DataFrame(columns, columns=GAP_COLUMNS)


# ---------------------------------------------------------------------------
# Dateline.


def _published(dateline: str, *, lost: bool, marker: str) -> tuple[str, int]:
    """The dateline's date as written, lost day and year marked: ``[…] مايو […]``."""
    words = [w for w in dateline.split() if w != marker]
    months = [w for w in words if _is_month(w)]
    if not months:
        return "", 0
    if _DIGIT_RE.search(dateline) or not lost:
        return " ".join(w for w in dateline.split()), 0
    return f"{marker} {months[0]} {marker}", 2


# ---------------------------------------------------------------------------
# The pipeline.


def clean(raw: str, *, gap_marker: str = GAP_MARKER, lost_digits: bool | None = None) -> Cleaned:
    """Repaired text of ``raw`` with its layout, gaps, stage log and offset map.

    ``gap_marker`` is what the text shows where the source lost digits (no spaces in it);
    ``lost_digits`` forces the lost-digit reading on or off (default: decided from the
    text: no digit anywhere, yet double spaces or stops displaced to line starts).
    Never raises on a string: a stage that fails leaves its input as it was and says so
    in the log.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean() takes a str, not {type(raw).__name__}")
    if not gap_marker or any(ch.isspace() for ch in gap_marker):
        raise ValueError("gap_marker must be non-empty and without spaces")
    stages: list[Stage] = []

    def run(name: str, description: str, fn: Callable[[], tuple]) -> tuple:
        try:
            return fn()
        except Exception as exc:  # a damaged document must not stop a batch
            stages.append(Stage(name, 0, f"failed ({type(exc).__name__}: {exc}); input kept", ""))
            return ()

    doc, n = _unicode(raw)
    description = "presentation forms to letters; bidi controls, zero-widths out"
    stages.append(Stage("unicode", n, description, doc.text))
    lines = _split_lines(doc)

    def line_stage(name: str, description: str, fn: Callable[[list[_Line]], tuple[list[_Line], int]]) -> None:
        nonlocal lines
        result = run(name, description, lambda: fn(lines))
        if result:
            lines, count = result
            stages.append(Stage(name, count, description, _lines_text(lines)))
        else:
            stages[-1] = Stage(name, 0, stages[-1].description, _lines_text(lines))

    line_stage("reversed_lines", "lines emitted letter by letter in visual order read back", _reversed_lines)
    line_stage("kashida_digits", "kashida mapped to the digit 1 made tatweel again", _kashida_digits)
    lost = _digits_lost(lines) if lost_digits is None else lost_digits
    line_stage(
        "lost_digits",
        "marker where digits were dropped" if lost else "no sign of dropped digits",
        (lambda ls: _mark_lost(ls, gap_marker)) if lost else (lambda ls: (ls, 0)),
    )
    byline = find_byline([line.text for line in lines])
    skip = set(byline)
    line_stage(
        "runs",
        "line runs put in reading order, split words joined, displaced stops moved back",
        lambda ls: _runs(ls, marker=gap_marker, lost=lost, skip=skip),
    )
    line_stage("kashida", "tatweel removed", _kashida)
    line_stage("split_words", "words split at a diacritic joined", _split_words)
    line_stage("punctuation", "no space before commas and stops", _punctuation)

    result = run("layout", "", lambda: (_layout(lines, marker=gap_marker),))
    laid = result[0] if result else _Laid(_empty(), (), "", "", "", ())
    stages.append(
        Stage("layout", len(laid.blocks), "title, headings and paragraphs in reading order", laid.doc.text)
    )

    rows = run("gaps", "", lambda: (_gap_rows(laid, gap_marker, len(raw)),))
    rows = rows[0] if rows else []
    published, n_date = _published(laid.dateline, lost=lost, marker=gap_marker)
    if n_date and laid.byline:
        bl = lines[laid.byline[0]]
        at = _first_src(bl)
        for _ in range(n_date):
            rows.append(
                {"start": -1, "end": -1, "kind": "date", "context": f"dateline: {published}",
                 "raw_start": at, "raw_end": (int(bl.src[-1]) + 1) if len(bl.src) else at}
            )
    gaps = _gap_frame(rows)
    stages.append(Stage("gaps", len(gaps), "one row per place where the source lost text", laid.doc.text))

    log = pd.DataFrame([(s.name, s.changes, s.description) for s in stages], columns=LOG_COLUMNS)
    return Cleaned(
        raw=raw,
        text=laid.doc.text,
        blocks=laid.blocks,
        gaps=gaps,
        log=log,
        title=laid.title,
        author=laid.author,
        dateline=laid.dateline,
        published_text=published,
        offsets=np.asarray(laid.doc.src, dtype=np.int64),
        stages=tuple(stages),
    )


# ---------------------------------------------------------------------------
# Measures.

_CER_DROP_RE = re.compile(f"[\u064b-\u0652\u0670{TATWEEL}]")


def cer_normalise(text: str) -> str:
    """Letters and single spaces: diacritics and tatweel removed, whitespace collapsed."""
    return " ".join(_CER_DROP_RE.sub("", text).split())


def char_error_rate(hyp: str, ref: str) -> float:
    """Levenshtein distance over ``cer_normalise``d text, divided by the reference length.

    >>> char_error_rate("هجومًا على", "هجوما على")
    0.0
    >>> round(char_error_rate("هجوم على", "هجوما على"), 3)
    0.111
    """
    a, b = cer_normalise(hyp), cer_normalise(ref)
    if not b:
        return 0.0 if not a else 1.0
    return _levenshtein(a, b) / len(b)


def _levenshtein(a: str, b: str) -> int:
    try:
        import editdistance

        return int(editdistance.eval(a, b))
    except ImportError:  # pragma: no cover - editdistance ships with the environment
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]
