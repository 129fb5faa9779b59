"""Runs of Latin letters and digits an extractor wrote back to front: ``6002`` for ``2006``.

An extractor told the page is right to left (``pdfplumber`` with ``line_dir_render="rtl"``)
writes every character of a line from right to left, the left-to-right runs in it too:
``(euqitcadiD MSC)`` for ``(CSM Didactique)``, ``6002`` for ``2006``. It does so to every
run of the text, so the text decides, by signs that read one way only: a number opening
with a zero (``038``) or a year read backwards (``7002``), a Latin word capitalised at
its end alone (``noitacudE``), against numbers closing with a zero, years as written and words
capitalised at their start. Where the backward signs are ``LTR_MIN`` at least and
``LTR_RATIO`` times the others, each run is turned round; turned, each sign reads the
other way, so a second clean finds nothing to turn.

>>> from workbench.cleaning.lines import synthetic
>>> lines = [synthetic("عقد المعرض عام 6002 بمشاركة 038 شركة من شركة (eoMlA noitacudE)", 0)]
>>> [line.text for line in ltr_runs_reversed(lines)[0]]
['عقد المعرض عام 2006 بمشاركة 830 شركة من شركة (Education AlMoe)']
"""

from __future__ import annotations

import re

from .lines import Line

# Fewest backward signs, and how many times they must outnumber the signs read as
# written, for a text to be read as writing its runs back to front: prose has numbers
# and names as written, a few of which look backwards by chance (``1002`` is no year of
# the news, ``iPhone`` is capitalised inside).
LTR_MIN = 3
LTR_RATIO = 3

# A run written left to right: Latin letters and digits, with the spaces and marks
# between them (``CSM Didactique``, ``8 - 7``), never an edge mark (brackets and stops
# about a run stay where they are).
_RUN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 .,:/-]*[A-Za-z0-9])?")
# Numbers and words standing alone, not inside a token of letters and digits mixed (a
# link's code, ``s8F41UH9j6``), nor in a link: those read neither way.
_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z])[0-9]{2,}(?![0-9A-Za-z])")
_WORD_RE = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{3,}(?![0-9A-Za-z])")
_TOKEN_RE = re.compile(r"\S+")
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}$")
_CAPITALISED_RE = re.compile(r"[A-Z][a-z]+$")
_CAPITAL_LAST_RE = re.compile(r"[a-z]+[A-Z]$")
# Every number and word that may read backwards (``_number_sign``, ``_word_sign`` -1): a
# number opening with a zero, a year turned round (``7002``), a word capitalised at its
# end alone. Links taken out only take some away, so a text with fewer than ``LTR_MIN`` of
# them is no text written back to front, and its tokens are never read one by one.
_BACKWARD_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:0[0-9]+|[0-9]{2}(?:91|02)|[a-z]{2,}[A-Z])(?![0-9A-Za-z])"
)


def _number_sign(number: str) -> int:
    """1 where a number reads as written (a year, a last zero), -1 where it reads
    backwards (a first zero, a year turned round), else 0."""
    back = number[::-1]
    if _YEAR_RE.match(number) and not _YEAR_RE.match(back):
        return 1
    if _YEAR_RE.match(back) and not _YEAR_RE.match(number):
        return -1
    if number.endswith("0") and not number.startswith("0"):
        return 1
    if number.startswith("0") and not number.endswith("0"):
        return -1
    return 0


def _word_sign(word: str) -> int:
    """1 for a word capitalised at its start alone (``Didactique``), -1 at its end alone
    (``euqitcadiD``), else 0 (``MSC``, ``iPhone``, ``AlMoe``: a code or a brand reads
    either way)."""
    if _CAPITALISED_RE.match(word):
        return 1
    if _CAPITAL_LAST_RE.match(word):
        return -1
    return 0


def _unlinked(token: re.Match[str]) -> str:
    """A token, or a space for a link (``https://t.co/…``, ``a/b``): read token by token, as
    a pattern for links would take time growing with the square of a long token."""
    word = token.group()
    return " " if "/" in word or word.startswith(("http", "www.")) else word


def writes_runs_backwards(text: str) -> bool:
    """Whether ``text`` writes its left-to-right runs back to front (module docstring).

    >>> writes_runs_backwards("عام 6002 و7002 و038 شركة"), writes_runs_backwards("عام 2006 و830")
    (True, False)
    """
    if len(_BACKWARD_RE.findall(text)) < LTR_MIN:
        return False  # (most texts: too few numbers or words that may read backwards)
    text = _TOKEN_RE.sub(_unlinked, text)
    signs = [_number_sign(m.group()) for m in _NUMBER_RE.finditer(text)]
    signs += [_word_sign(m.group()) for m in _WORD_RE.finditer(text)]
    back = signs.count(-1)
    return back >= LTR_MIN and back >= LTR_RATIO * signs.count(1)


def ltr_runs_reversed(lines: list[Line]) -> tuple[list[Line], int]:
    """Each left-to-right run turned round, offsets along, in a text that writes them back
    to front (``writes_runs_backwards``); other texts as they are."""
    if not writes_runs_backwards("\n".join(line.text for line in lines)):
        return list(lines), 0
    out: list[Line] = []
    n = 0
    for line in lines:
        runs = [m.span() for m in _RUN_RE.finditer(line.text) if m.end() - m.start() > 1]
        if not runs:
            out.append(line)
            continue
        text = list(line.text)
        src = line.src.copy()
        for a, b in runs:
            text[a:b] = text[a:b][::-1]
            src[a:b] = src[a:b][::-1]
        out.append(Line("".join(text), src))
        n += len(runs)
    return out, n
