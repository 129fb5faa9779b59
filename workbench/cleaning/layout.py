"""Layout of repaired lines: title, byline and dateline, headings and paragraphs.

Works on line texts only (indices in, indices out), so the caller keeps the offsets.
In text hard-wrapped from a PDF, blank lines are not paragraph breaks by themselves:
a justified paragraph's short last line is often emitted after one. A paragraph ends
where a line ends with sentence-final punctuation, or at a blank line after a short line.

>>> lay = plan_layout(["العنوان هنا", "", "سطر أول طويل من الفقرة", "ينتهي هنا.", "", "عنوان فرعي",
...                    "سطر طويل آخر من الفقرة الثانية", "وينتهي."])
>>> lay.title, [(b.kind, b.lines) for b in lay.blocks]
((0,), [('paragraph', (2, 3)), ('heading', (5,)), ('paragraph', (6, 7))])
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..text.arabic import SENTENCE_END
from .lexicon import cues

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_FINAL_RE = re.compile(f"[{re.escape(SENTENCE_END)}\u2026][\"'\u201d\u2019\u00bb)\\]]*$")
# Separators between the parts of a byline line: | or a spaced dash.
_BYLINE_SPLIT_RE = re.compile(r"\s*\|\s*|\s+[-\u2013\u2014]\s+")
_DATELINE_STRIP = " ,|-\u060c\u2013\u2014"  # COMMA, ARABIC COMMA, EN DASH, EM DASH
_TOKEN_STRIP = "\"'()[]{}«»\u201c\u201d.,:;!?\u060c\u061b\u061f|-\u2013\u2014"

TITLE_MAX_WORDS = 25
HEADING_MAX_WORDS = 10
HEADER_ZONE = 5  # non-blank lines at the top where a byline or dateline may stand


@dataclass(frozen=True)
class LayoutBlock:
    """A block of the clean text: its kind and the indices of the lines it joins."""

    kind: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Layout:
    """Which lines form the title, the byline/dateline line, and the body blocks."""

    title: tuple[int, ...] = ()
    byline: tuple[int, ...] = ()
    author: str = ""
    dateline: str = ""
    blocks: tuple[LayoutBlock, ...] = field(default_factory=tuple)


def ends_sentence(line: str) -> bool:
    """True if the line ends with sentence-final punctuation (. ! ؟ …), quotes allowed after.

    >>> ends_sentence("انتهى الأمر."), ends_sentence("والمصالح")
    (True, False)
    """
    return bool(_FINAL_RE.search(line.rstrip()))


def find_byline(lines: list[str]) -> tuple[int, ...]:
    """Indices of the byline (``كتبه مجاهد الطائي``) among the first blocks of lines, or ().

    A byline is a run of consecutive non-blank lines, short, not ending a sentence, with
    a part that starts with a cue word followed by at most five words (the name), in a
    text that has other lines too. In a text without blank lines the second line may be one.

    >>> find_byline(["العنوان", "", "، مايو | كتبه مجاهد الطائي", "", "نص المقال."])
    (2,)
    >>> find_byline(["رفعوا لافتات كتبت عليها شعارات ترفض الاحتلال", "نص."])
    ()
    >>> find_byline(["العنوان", "كتبه مجاهد الطائي", "نص المقال."])
    (1,)
    >>> find_byline(["العنوان", "كتبه", "مجاهد الطائي", "نص المقال."])
    (1, 2)
    """
    groups = _groups(lines, skip=set())
    if len(groups) == 1 and len(groups[0]) >= 2:
        # No blank lines at all (text pasted from a page): a title line and the byline line
        # under it stand apart as blank lines would set them (عنوان⏎كتبه فلان⏎نص).
        first = groups[0]
        # a byline cut after its cue word (كتبه⏎مجاهد الطائي) takes the next line as the
        # name, as the paragraph that reflow makes of the two lines would read
        cut = 3 if len(first) >= 3 and _bare_cue(lines[first[1]]) else 2
        groups = [g for g in (first[:1], first[1:cut], first[cut:]) if g]
    if len(groups) < 2:
        return ()
    for group in groups[:HEADER_ZONE]:
        text = " ".join(lines[i] for i in group)
        if len(text.split()) <= 14 and not ends_sentence(text) and _byline_part(text) is not None:
            return group
    return ()


def _bare_cue(line: str) -> bool:
    """The line is a byline's cue word alone (``كتبه``), its name on the next line."""
    words = [w for w in (w.strip(_TOKEN_STRIP) for w in line.split()) if w]
    return len(words) == 1 and words[0] in cues("byline")


def _byline_part(line: str) -> list[str] | None:
    """Words of the part of ``line`` that is a byline (cue word first), if any."""
    byline_cues = cues("byline")
    for part in _BYLINE_SPLIT_RE.split(line):
        words = [w.strip(_TOKEN_STRIP) for w in part.split()]
        words = [w for w in words if w]
        if words and words[0] in byline_cues and 1 <= len(words) - 1 <= 5:
            return words
    return None


def split_byline(line: str) -> tuple[str, str]:
    """(author, dateline) of a byline line: the words after the cue, and the other parts.

    >>> split_byline("، مايو | كتبه مجاهد الطائي")
    ('مجاهد الطائي', 'مايو')
    """
    words = _byline_part(line)
    author = " ".join(words[1:]) if words else ""
    rest = [
        part for part in _BYLINE_SPLIT_RE.split(line)
        if not words or [w.strip(_TOKEN_STRIP) for w in part.split() if w.strip(_TOKEN_STRIP)] != words
    ]
    dateline = " ".join(" ".join(rest).split()).strip(_DATELINE_STRIP)
    return author, dateline


def plan_layout(lines: list[str]) -> Layout:
    """Title, byline and blocks of repaired lines (blank lines included, as given)."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return Layout()
    byline = find_byline(lines)
    author, dateline = split_byline(" ".join(lines[i] for i in byline)) if byline else ("", "")
    groups = _groups(lines, skip=set(byline))
    title: tuple[int, ...] = ()
    if len(groups) > 1 and _is_title(groups[0], lines):
        title = groups[0]
    body = [i for g in groups for i in g if i not in title]
    wrapped = any(len(g) > 1 for g in groups if g != title)
    blocks = _wrapped_blocks(body, lines) if wrapped else _line_blocks(body, lines)
    return Layout(title, byline, author, dateline, tuple(blocks))


def _groups(lines: list[str], *, skip: set[int]) -> list[tuple[int, ...]]:
    """Runs of consecutive non-blank lines (skipped lines break a run)."""
    out: list[tuple[int, ...]] = []
    cur: list[int] = []
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            if cur:
                out.append(tuple(cur))
                cur = []
            continue
        cur.append(i)
    if cur:
        out.append(tuple(cur))
    return out


def _is_title(group: tuple[int, ...], lines: list[str]) -> bool:
    words = sum(len(lines[i].split()) for i in group)
    return len(group) <= 3 and words <= TITLE_MAX_WORDS and not ends_sentence(lines[group[-1]])


def _line_blocks(body: list[int], lines: list[str]) -> list[LayoutBlock]:
    """One block per line: text whose paragraphs are already one line each."""
    blocks = []
    for k, i in enumerate(body):
        heading = k + 1 < len(body) and _heading_like(lines[i])
        blocks.append(LayoutBlock("heading" if heading else "paragraph", (i,)))
    return blocks


def _heading_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and not ends_sentence(line)
        and not line.rstrip().endswith(("\u060c", ",", ":", "\u061b", ";"))
    )


def _wrapped_blocks(body: list[int], lines: list[str]) -> list[LayoutBlock]:
    """Paragraphs of hard-wrapped lines: end at final punctuation or a blank after a short line."""
    long_lines = [len(lines[i]) for i in body if len(lines[i].split()) >= 5]
    width = statistics.median(long_lines) if long_lines else max(len(lines[i]) for i in body)
    full = 0.75 * width
    blocks: list[LayoutBlock] = []
    cur: list[int] = []
    for k, i in enumerate(body):
        line = lines[i]
        nxt = body[k + 1] if k + 1 < len(body) else None
        if (
            not cur
            and nxt is not None
            and _heading_like(line)
            and len(line) < 0.6 * width
            and len(lines[nxt]) >= full
        ):
            blocks.append(LayoutBlock("heading", (i,)))
            continue
        cur.append(i)
        blank_after = nxt is not None and nxt != i + 1
        if nxt is None or ends_sentence(line) or (blank_after and len(line) < full):
            blocks.append(LayoutBlock("paragraph", tuple(cur)))
            cur = []
    return blocks
