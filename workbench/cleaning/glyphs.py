"""Glyphs a PDF maps to a wrong character: read back by the word list, one character at a time.

A font whose text layer names a glyph wrongly writes the same wrong character wherever
the glyph stands: XeLaTeX with Noto Naskh Arabic writes its lam-alef ligature as lam and
U+061D (``خل؝ل`` for ``خلال``). A character that is no Arabic letter yet stands between
Arabic letters is such a glyph when one letter put in its place (or none: a kashida)
makes words of the list of most words it stands in (``MISREAD_SHARE``, ``MISREAD_MIN``
words at least; read either way, as a line may still be in visual order). ASCII is left
alone: Latin letters and signs inside Arabic words are a writer's, not a font's.

>>> from workbench.cleaning.lines import synthetic
>>> misread_glyphs(synthetic("خل؝ل الطل؝ب مل؝حقة البل؝د", 0))[0].text
'خلال الطلاب ملاحقة البلاد'
"""

from __future__ import annotations

import re

from .lexicon import is_known
from .lines import Line, sub

# Least share of the words a character stands in that one reading of it makes words of
# the list, and the fewest such words: a glyph misnamed by a font recurs.
MISREAD_SHARE = 0.5
MISREAD_MIN = 3
# The readings tried: every Arabic letter, and none (a kashida glyph). The word list
# matches hamza and madda forms to the bare letters, so on a tie the bare ones (first)
# win.
_READINGS = (
    [chr(c) for c in range(0x0627, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
    + [chr(c) for c in range(0x0621, 0x0627)] + [""]
)
_LETTER = "\u0621-\u064a"
# A character standing between two Arabic letters that is no character of Arabic script
# (its letters, marks and punctuation, Persian and Urdu letters among them), nor ASCII,
# nor a space or general punctuation (dashes, quotes); or U+061D, a mark no text writes.
_INSIDE_RE = re.compile(
    f"(?<=[{_LETTER}])(?:[^\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\x00-\x7f\\s\u2000-\u206f]|\u061d)"
    f"(?=[{_LETTER}])"
)
# U+FFFD says the PDF gave no character at all: it may only be read as a kashida (no
# letter lost); a letter it stood for is flagged as unreadable, never guessed.
_UNNAMED = "\ufffd"
# Shortest word (letters, the glyph's reading included) that counts as evidence: the
# word list knows most two- and three-letter strings, pieces of words among them.
MISREAD_WORD = 4


def _reading(ch: str, words: list[str]) -> str | None:
    """The letter (or "") that makes words of the list of most ``words`` when put for
    ``ch``, if it makes enough of them (see ``MISREAD_SHARE``); else None."""
    best, best_known = None, 0
    for letter in [""] if ch == _UNNAMED else _READINGS:
        known = sum(known_either_way(word.replace(ch, letter)) for word in words)
        if known > best_known:
            best, best_known = letter, known
    return best if recurs(best_known, len(words)) else None


def known_either_way(word: str) -> bool:
    """True if ``word`` or its letters back to front are a word of the list (a glyph's
    line may still be in visual order)."""
    return is_known(word) or is_known(word[::-1])


def recurs(known: int, total: int) -> bool:
    """Whether a reading of a glyph that makes ``known`` of the ``total`` words it stands
    in words of the list holds for the font: ``MISREAD_SHARE`` of them, ``MISREAD_MIN``
    at least (a glyph the font names wrongly recurs; a glyph for a letter read as
    another leaves no word in most words it stands in)."""
    return known >= MISREAD_MIN and known >= MISREAD_SHARE * total


def misread_glyphs(doc: Line) -> tuple[Line, int]:
    """``doc`` with each misnamed glyph inside its words read as the word list says
    (see the module docstring), and how many were read."""
    chars = set(_INSIDE_RE.findall(doc.text))
    total = 0
    for ch in sorted(chars):
        words = re.findall(f"[{_LETTER}]+(?:{re.escape(ch)}[{_LETTER}]+)+", doc.text)
        words = [w for w in words if len(w) >= MISREAD_WORD]
        letter = _reading(ch, words)
        if letter is None:
            continue
        inside = re.compile(f"(?<=[{_LETTER}]){re.escape(ch)}(?=[{_LETTER}])")
        doc, n = sub(doc, inside, lambda m, letter=letter: letter)
        total += n
    return doc, total
