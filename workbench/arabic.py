"""Arabic characters and matching keys shared by every stage.

Code points are written as escapes with their Unicode names, so invisible marks
(tatweel, harakat, bidi controls) stay visible in review.

Matching keys fold spelling variants (alef forms, alef maksura, taa marbuta) and drop
diacritics and tatweel, using camel-tools' own normalisers. They are for search only:
the displayed clean text keeps the author's spelling.

>>> match_key("الأنبــار")
'الانبار'
>>> match_key("کرکوک")
'كركوك'
>>> key, where = fold_with_offsets("هجومًا")
>>> key, where
('هجوما', [0, 1, 2, 3, 5])
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TATWEEL = "\u0640"  # ARABIC TATWEEL (kashida), stretches justified lines
ARABIC_COMMA = "\u060c"  # ARABIC COMMA
ARABIC_SEMICOLON = "\u061b"  # ARABIC SEMICOLON
ARABIC_QUESTION = "\u061f"  # ARABIC QUESTION MARK
SENTENCE_END = ".!?\u061f\u06d4"  # FULL STOP, !, ?, ARABIC QUESTION MARK, ARABIC FULL STOP

# What clean text shows where the source lost text (dropped digits): the editorial
# ellipsis in brackets. Configurable per call of ``clean``; mentions recognise it.
GAP_MARKER = "[\u2026]"

# Bidi controls that PDF and web extractors leave in text: LRM, RLM, ALM,
# the embeddings/overrides LRE..RLO, and the isolates LRI..PDI.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Other zero-width characters with no place in clean text (ZWSP, ZWNJ, ZWJ, WJ, BOM).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

# Harakat and other marks camel-tools' dediac_ar removes (tanween, shadda, sukun,
# superscript alef) — kept in display text, dropped in matching keys.
_DIACRITIC_RANGE = "\u064b-\u0652\u0670"
DIACRITICS_RE = re.compile(f"[{_DIACRITIC_RANGE}]")

ARABIC_LETTER_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
ARABIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
EXT_ARABIC_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
DIGIT_TRANSLATION = str.maketrans(ARABIC_DIGITS + EXT_ARABIC_DIGITS, "0123456789" * 2)


# Persian/Urdu letters that PDFs and keyboards emit for Arabic ones: FARSI YEH, KEHEH,
# HEH GOAL, YEH BARREE. Folded for matching only.
PERSIAN_LOOKALIKES = {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06d2": "\u064a"}


def is_arabic_letter(ch: str) -> bool:
    """True for an Arabic letter (not a mark, digit or punctuation)."""
    return bool(ARABIC_LETTER_RE.match(ch))


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as 0-9, same length: ``'٢٠١٧'`` → ``'2017'``."""
    return text.translate(DIGIT_TRANSLATION)


@cache
def _fold_table() -> dict[int, str | None]:
    """Per-character folding table, derived from camel-tools' normalisers once."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    table: dict[int, str | None] = {}
    for cp in range(0x0600, 0x0700):
        ch = chr(cp)
        folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(ch))))
        if ch == TATWEEL:
            folded = ""
        folded = PERSIAN_LOOKALIKES.get(ch, folded)
        if folded != ch:
            table[cp] = folded if folded else None
    return table


def match_key(text: str) -> str:
    """Search key: no diacritics or tatweel, alef/yaa/taa-marbuta folded."""
    return text.translate(_fold_table())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Matching key plus, for each key character, its index in ``text``.

    Lets a lexicon match found in the key be reported at offsets in the original.
    """
    table = _fold_table()
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        mapped = table.get(ord(ch), ch)
        if not mapped:
            continue
        out.append(mapped)
        where.extend([i] * len(mapped))
    return "".join(out), where


def nfkc_arabic(text: str) -> str:
    """Presentation forms (U+FB50–U+FEFF) to base letters; everything else as it is."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufefe" else ch for ch in text
    )
