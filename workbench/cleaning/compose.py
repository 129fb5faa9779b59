"""Hamza and madda an extractor wrote as a mark after their letter, made one letter again.

Some PDFs map the glyph of ``أ`` to ``ا`` followed by U+0654 (HAMZA ABOVE), of ``آ`` to
``ا`` and U+0653 (MADDA ABOVE): text the word list, the models and a reader's search
know only in its composed form. The pairs are those Unicode composes canonically (NFC),
read from ``unicodedata``, not listed by hand.

Composed once lines are in reading order (after ``reversed_lines``): a line written in
visual order has the mark before its letter (``نمٔا`` for ``أمن``), and read as it stands
would glue it to the letter before (``ةيلؤالا``: ``ؤ`` where ``الأولية`` has ``أ``).
"""

from __future__ import annotations

import re
import unicodedata

from .lines import Line, sub

# The combining marks Arabic letters compose with: MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW.
_MARKS = "\u0653\u0654\u0655"


def _composing_letters() -> str:
    """The Arabic letters some mark of ``_MARKS`` composes with into one character."""
    return "".join(
        chr(c) for c in range(0x0600, 0x0700)
        if any(len(unicodedata.normalize("NFC", chr(c) + m)) == 1 for m in _MARKS)
    )


_DECOMPOSED_RE = re.compile(f"[{_composing_letters()}][{_MARKS}]")


def _composed(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group())


def compose_marks(line: Line) -> tuple[Line, int]:
    """Each letter and the hamza or madda mark after it that Unicode composes, made one
    character (kept at the letter's offset), and the number composed.

    >>> from workbench.cleaning.lines import synthetic
    >>> line, n = compose_marks(synthetic("قوات الا\u0654سد وا\u0653خرون", 0))
    >>> line.text == "قوات الأسد وآخرون", n
    (True, 2)
    """
    if not any(m in line.text for m in _MARKS):
        return line, 0
    return sub(line, _DECOMPOSED_RE, _composed)


def compose_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """``compose_marks`` on every line; the lines and the number of letters composed."""
    out = []
    total = 0
    for line in lines:
        line, n = compose_marks(line)
        out.append(line)
        total += n
    return out, total
