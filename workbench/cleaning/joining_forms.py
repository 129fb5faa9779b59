"""Word boundaries the glyph shapes of a raw text tell, where its extractor lost the spaces.

An extractor that writes presentation forms (pypdf and PyMuPDF on XeLaTeX PDFs in Noto
Naskh or KacstBook) keeps each letter's shape: a letter drawn joined to the next one
(initial or medial form) is inside a word, and a dual-joining letter drawn unjoined to the
next (final or isolated form: ``ﺕ`` in ``ﻭﺟﺪﺩﺕﺍﻟﺤﻜﻮﻣﺔ``) ends one, whatever the extractor
did with the spaces. After a letter that never joins the next (``ا د ذ ر ز و``, and
``ة ى``) the shape says nothing: the word model decides there.

Read only in a text whose shapes agree with reading order (a letter drawn joined to the
next is followed by one drawn joined to the previous, and the other way round): a line
written in visual order reverses every pair, and its shapes are no evidence of this kind.

>>> cuts = boundaries("ﻭﺟﺪﺩﺕﺍﻟﺤﻜﻮﻣﺔ" * 10)
>>> cuts[5], cuts[2], cuts[1]
(1, -1, 0)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from ..text.arabic import DUAL_JOINING

# Share of the adjacent pairs of shaped letters whose shapes must agree (joined to the
# next, then joined to the previous, or neither) for a text's shapes to be read, and the
# fewest such pairs. Every text an extractor writes in reading order agrees on all its
# pairs but where a ligature or a kashida stands between; one in visual order disagrees
# on about every pair inside a word.
AGREE_SHARE = 0.95
AGREE_MIN = 20

_DUAL_RE = re.compile(f"[{DUAL_JOINING}]")
_SHAPED_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# What ``boundaries`` says of two shapes that disagree.
DISAGREE = 2
_FORMS = {"ISOLATED": (False, False), "FINAL": (True, False), "INITIAL": (False, True),
          "MEDIAL": (True, True)}


@lru_cache(maxsize=512)
def shape(ch: str) -> tuple[bool, bool, bool] | None:
    """(joined to the previous letter, joined to the next, a dual-joining letter) as the
    presentation form ``ch`` draws it; None for any other character.

    >>> shape("\\ufe97"), shape("\\ufe96"), shape("\\ufeae"), shape("ت")
    ((False, True, True), (True, False, True), (True, False, False), None)
    """
    if not ("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"):
        return None
    name = unicodedata.name(ch, "")
    form = name.rsplit(" ", 2)[-2] if name.endswith(" FORM") else ""
    if form not in _FORMS or not name.startswith("ARABIC LETTER"):
        return None  # ligatures (ﻻ ﷲ) and marks: one shape for several letters, or none
    letters = unicodedata.normalize("NFKC", ch)
    before, after = _FORMS[form]
    return before, after, _DUAL_RE.fullmatch(letters) is not None


def shapes_agree(text: str) -> bool:
    """True when the shapes of ``text``'s adjacent letters agree with reading order
    (``AGREE_SHARE`` of ``AGREE_MIN`` pairs or more).

    >>> shapes_agree("ﻭﺟﺪﺩﺕﺍﻟﺤﻜﻮﻣﺔ" * 5), shapes_agree("ﺔﻣﻮﻜﺤﻟﺍﺕﺩﺪﺟﻭ" * 5)
    (True, False)
    """
    agree = pairs = 0
    for a, b in pairwise(text):
        sa, sb = shape(a), shape(b)
        if sa is None or sb is None:
            continue
        pairs += 1
        agree += sa[1] == sb[0]
    return pairs >= AGREE_MIN and agree >= AGREE_SHARE * pairs


def boundaries(raw: str) -> dict[int, int]:
    """What the shapes say of the place before each raw character ``i`` that follows a
    shaped letter: 1 a word ends there (a dual-joining letter drawn unjoined to the next),
    -1 the two letters are one word (drawn joined), 0 nothing, ``DISAGREE`` the two shapes
    disagree (a line of the text written in visual order); empty where the shapes do not
    agree with reading order (``shapes_agree``).

    >>> boundaries("ﻣﻦﺍﻟﺤﻜﻮﻣﺔ" * 4)[2], boundaries("ﻣﻦﺍﻟﺤﻜﻮﻣﺔ" * 4)[1]
    (1, -1)
    """
    if _SHAPED_RE.search(raw) is None or not shapes_agree(raw):
        return {}
    out: dict[int, int] = {}
    for i in range(1, len(raw)):
        sa, sb = shape(raw[i - 1]), shape(raw[i])
        if sa is None or sb is None:
            continue
        if sa[1] != sb[0]:
            out[i] = DISAGREE
        elif sa[1]:
            out[i] = -1
        elif sa[2]:  # (neither drawn joined to the other: a dual-joining letter ends a word)
            out[i] = 1
        else:
            out[i] = 0
    return out


def line_agrees(src: list[int], shaped: dict[int, int]) -> bool:
    """True when the letters at raw offsets ``src`` (one line, as it now reads) stand in
    the order their shapes agree with: most of the shaped pairs adjacent in the raw text
    agree (``boundaries``), as no line written in visual order does.

    >>> shaped = boundaries("ﻣﻦﺍﻟﺤﻜﻮﻣﺔ" * 4)
    >>> line_agrees(list(range(10)), shaped), line_agrees(list(range(9, -1, -1)), shaped)
    (True, False)
    """
    seen = bad = 0
    for p, q in pairwise(src):
        if q == p + 1 and q in shaped:
            seen += 1
            bad += shaped[q] == DISAGREE
    return seen > 0 and bad < (1 - AGREE_SHARE) * seen
