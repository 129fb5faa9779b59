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

import numpy as np

TATWEEL = "\u0640"  # ARABIC TATWEEL (kashida), stretches justified lines
ARABIC_COMMA = "\u060c"  # ARABIC COMMA
ARABIC_SEMICOLON = "\u061b"  # ARABIC SEMICOLON
ARABIC_QUESTION = "\u061f"  # ARABIC QUESTION MARK
SENTENCE_END = ".!?\u061f\u06d4"  # FULL STOP, !, ?, ARABIC QUESTION MARK, ARABIC FULL STOP
# Letters that join the letter after them (and tatweel), as a regex class body: only after
# one of them can a word be stretched with kashida. YEH WITH HAMZA, BEH, TEH … KHAH,
# SEEN … GHAIN, FEH … HEH, YEH.
DUAL_JOINING = "\u0626\u0628\u062a-\u062e\u0633-\u063a\u0641-\u0647\u064a\u0640"
_JOINS_NEXT_RE = re.compile(f"[{DUAL_JOINING}]")


def joins_next(ch: str) -> bool:
    """Whether the letter ``ch`` (the first of a string) joins the letter after it: only
    then can a word be stretched after it, and only after one that does not is a dropped
    space invisible (دير الزور written ديرالزور).

    >>> joins_next("ب"), joins_next("ر"), joins_next("")
    (True, False, False)
    """
    return _JOINS_NEXT_RE.match(ch) is not None

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

# The plain letters of Arabic, HAMZA to GHAIN and FEH to YEH, as the body of a character class:
# no tatweel (U+0640, a stretch, not a letter), no marks, no letters of other languages
# (ٱ, پ, ک). Every rule that must tell a letter from a tatweel or a mark reads these.
PLAIN_LETTERS = "\u0621-\u063a\u0641-\u064a"
ARABIC_LETTER_RE = re.compile(f"[{PLAIN_LETTERS}\u0671-\u06d3]")
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


FOLD_TABLE_FILE = "text/fold_table.tsv"


@cache
def _fold_table() -> dict[int, str | None]:
    """Per-character folding table, read once from ``data/fold_table.tsv``.

    The file is :func:`camel_fold_table` written out (``scripts/build_fold_table.py``; a test
    keeps the two equal), so matching needs no camel-tools import, which alone takes most
    of a second.
    """
    from ..resources import data_path

    table: dict[int, str | None] = {}
    with data_path(FOLD_TABLE_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            code, _, folded = line.rstrip("\n").partition("\t")
            table[int(code, 16)] = "".join(chr(int(c, 16)) for c in folded.split()) or None
    return table


def camel_fold_table() -> dict[int, str | None]:
    """The folding table derived from camel-tools' normalisers: each character of the Arabic
    block through ``dediac_ar`` and the alef, alef maksura and taa marbuta normalisers;
    tatweel removed; Persian look-alikes as Arabic letters. ``None`` removes a character."""
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
    Vectorised (see :func:`fold_positions`), so it scales to long documents.
    """
    key, kept = fold_positions(text)
    return key, kept.tolist()


# Below this length ``str.translate`` is faster than the numpy round trip.
_NUMPY_FOLD_MIN = 256
_DELETE = 0xFFFFFFFF  # marks a code point the key drops


def fold_positions(text: str) -> tuple[str, np.ndarray]:
    """:func:`match_key` of ``text`` and the index in ``text`` of each key character.

    Folding maps a character to one character or deletes it, so the index map is the
    positions kept. Long texts go through numpy (one table lookup per code point).

    >>> key, kept = fold_positions("\u0628\u064e\u0640\u062f")  # BEH FATHA TATWEEL DAL
    >>> key == "\u0628\u062f", kept.tolist()
    (True, [0, 3])
    """
    if len(text) < _NUMPY_FOLD_MIN:
        key = text.translate(_fold_table())
        if len(key) == len(text):
            return key, np.arange(len(text), dtype=np.int64)
        return key, kept_positions(text)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lookup = _fold_array()
    mapped = np.where(codes < len(lookup), lookup[np.minimum(codes, len(lookup) - 1)], codes)
    keep = mapped != _DELETE
    key = mapped[keep].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return key, np.flatnonzero(keep).astype(np.int64)


def kept_positions(text: str) -> np.ndarray:
    """Indices of the characters of ``text`` that :func:`match_key` keeps (int64 array).

    >>> kept_positions("\u0628\u064e\u0640\u062f").tolist()  # BEH FATHA TATWEEL DAL
    [0, 3]
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.flatnonzero(~np.isin(codes, _deleted_codes())).astype(np.int64)


@cache
def _deleted_codes() -> np.ndarray:
    """Code points the folding table deletes (harakat, tatweel)."""
    return np.flatnonzero(_fold_array() == _DELETE).astype(np.uint32)


@cache
def _fold_array() -> np.ndarray:
    """The folding table as an array over U+0000–U+06FF: code point → folded code point."""
    table = _fold_table()
    if any(v is not None and len(v) != 1 for v in table.values()):
        raise ValueError("folding must map one character to at most one character")
    lookup = np.arange(0x0700, dtype=np.uint32)
    for cp, v in table.items():
        lookup[cp] = _DELETE if v is None else ord(v)
    return lookup


def nfkc_arabic(text: str) -> str:
    """Presentation forms (U+FB50–U+FEFF) to base letters; everything else as it is."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufefe" else ch for ch in text
    )
