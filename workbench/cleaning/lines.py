"""Text that keeps, for every character, the index of the raw character it came from.

Every cleaning stage edits ``Line`` values through these helpers, so the clean text can
always be mapped back to the raw text (``Cleaned.offsets``).

>>> line = Line("فقط  هنا", np.arange(8))
>>> out, n = sub(line, re.compile("  +"), lambda m: " ")
>>> out.text, out.src.tolist(), n
('فقط هنا', [0, 1, 2, 3, 5, 6, 7], 1)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass
class Line:
    """A piece of text and, per character, the raw index it came from."""

    text: str
    src: np.ndarray  # int64, one raw index per character of ``text``

    def __post_init__(self) -> None:
        if len(self.text) != len(self.src):
            raise ValueError("text and offsets differ in length")


_NO_SRC = np.zeros(0, dtype=np.int64)


def empty_line() -> Line:
    """A line with no text."""
    return Line("", _NO_SRC)


def concat(parts: list[Line]) -> Line:
    """The parts written one after the other, offsets kept."""
    if not parts:
        return empty_line()
    if len(parts) == 1:
        return parts[0]
    return Line("".join(p.text for p in parts), np.concatenate([p.src for p in parts]))


def synthetic(text: str, at: int) -> Line:
    """Inserted text (a space, a marker): every character points to raw index ``at``."""
    return Line(text, np.full(len(text), int(at), dtype=np.int64))


def first_src(line: Line, default: int = 0) -> int:
    """Raw index of the line's first character (``default`` for an empty line)."""
    return int(line.src[0]) if len(line.src) else default


def sub(line: Line, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> tuple[Line, int]:
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
    return Line("".join(texts), np.concatenate(srcs)), n


def sub_lines(
    lines: list[Line],
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
    hint: re.Pattern[str],
) -> tuple[list[Line], int]:
    """``sub`` on every line, looking only at lines where ``hint`` finds something.

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
            line, n = sub(line, pattern, repl)
            total += n
        out.append(line)
    return out, total


def line_tokens(line: Line) -> list[Line]:
    """Space-separated tokens of a line, with their offsets."""
    return [Line(m.group(), line.src[m.start() : m.end()]) for m in _NONSPACE_RE.finditer(line.text)]


_NONSPACE_RE = re.compile(r"[^ ]+")


def join_tokens(tokens: list[Line], glue: list[bool] | None = None) -> Line:
    """Tokens joined by single spaces, except before a token whose ``glue`` is set; a
    space points to the raw index of the token after it.

    Built as one string and one array (a space's offset is the first of the token's
    own, sliced), not as a line per space: a repaired line has a space per word.

    >>> join_tokens([Line("في", np.arange(2)), Line("ما", np.arange(5, 7))]).src.tolist()
    [0, 1, 5, 5, 6]
    """
    if len(tokens) == 1:
        return tokens[0]
    texts: list[str] = []
    srcs: list[np.ndarray] = []
    for k, tok in enumerate(tokens):
        if k and not (glue and glue[k]):
            texts.append(" ")
            srcs.append(tok.src[:1] if len(tok.src) else _ZERO_SRC)  # first_src(tok)
        texts.append(tok.text)
        srcs.append(tok.src)
    if not texts:
        return empty_line()
    return Line("".join(texts), np.concatenate(srcs))


_ZERO_SRC = np.zeros(1, dtype=np.int64)  # the offset of a space before an empty token


def glue_tokens(line: Line, glue: list[bool]) -> Line:
    """``join_tokens(line_tokens(line), glue)``, without a line per token: the text is
    cut at spaces and its offsets taken in one index.

    >>> glue_tokens(Line("في  ما", np.arange(6)), [False, True]).src.tolist()
    [0, 1, 4, 5]
    """
    text = line.text
    spans = [m.span() for m in _NONSPACE_RE.finditer(text)]
    if len(spans) == 1:
        a, b = spans[0]
        return Line(text[a:b], line.src[a:b])
    texts: list[str] = []
    at: list[int] = []  # the index in ``line`` of each character written
    for k, (a, b) in enumerate(spans):
        if k and not glue[k]:
            texts.append(" ")
            at.append(a)
        texts.append(text[a:b])
        at.extend(range(a, b))
    if not texts:
        return empty_line()
    return Line("".join(texts), line.src[at])


def split_lines(doc: Line) -> list[Line]:
    """The lines of ``doc`` (newlines dropped), offsets kept."""
    lines: list[Line] = []
    pos = 0
    for m in re.finditer("\n", doc.text):
        lines.append(Line(doc.text[pos : m.start()], doc.src[pos : m.start()]))
        pos = m.end()
    lines.append(Line(doc.text[pos:], doc.src[pos:]))
    return lines


def lines_text(lines: list[Line]) -> str:
    """The lines as one text, joined by newlines."""
    return "\n".join(line.text for line in lines)


_MULTISPACE_RE = re.compile(r"  +")
_EDGE_SPACE_RE = re.compile(r"^ +| +$")


def strip_line(line: Line) -> Line:
    """Runs of spaces made one, spaces at the ends removed."""
    text = line.text
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return line  # nothing to collapse or strip (the usual case)
    line, _ = sub(line, _MULTISPACE_RE, lambda m: " ")
    line, _ = sub(line, _EDGE_SPACE_RE, lambda m: "")
    return line
