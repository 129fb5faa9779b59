"""Glyphs of a PDF page as pdfium reads them: text, advance span, baseline, size, and
where it matters the inked box; ligatures mapped to several characters kept as one glyph
in logical order. A page comes as columns of numbers (``GlyphColumns``), which
``workbench.sources.pdf_words`` cuts into words and ``workbench.sources.pdf`` lays out
into lines; a ``Glyph`` object is made only for the few glyphs a rule looks at one by one.

>>> Glyph("\u0628", 10.0, 16.0, 100.0, 12.0, 13.0, 0).is_mark
False
"""

from __future__ import annotations

import collections
import itertools
import operator
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..text.arabic import BIDI_CONTROLS, TATWEEL, is_arabic_letter, nfkc_arabic

if TYPE_CHECKING:
    from .pdf_unmapped import UnicodeMaps

__all__ = [
    "REPLACEMENT", "Glyph", "GlyphColumns", "clean_glyph_text", "glyph_columns", "is_letterlike",
    "pdfium_glyphs",
]

REPLACEMENT = "\ufffd"  # REPLACEMENT CHARACTER: a glyph whose text the PDF does not give

# Arabic letters that join only to the letter before them (right-joining), plus the
# non-joining HAMZA: a kashida can never follow them. ALEF WITH MADDA ABOVE,
# HAMZA ABOVE, HAMZA BELOW, ALEF WASLA, HAMZA, WAW WITH HAMZA, ALEF, TEH MARBUTA,
# DAL, THAL, REH, ZAIN, WAW, ALEF MAKSURA.
NOT_FORWARD_JOINING = frozenset(
    "\u0622\u0623\u0625\u0671\u0621\u0624\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0649"
)
# Characters with no glyph that some producers put in the text layer: bidi controls,
# ZERO WIDTH SPACE, WORD JOINER, BYTE ORDER MARK.
_INVISIBLE_RE = re.compile(f"[{BIDI_CONTROLS}\u200b\u2060\ufeff]")
# Space glyphs narrower than this (page units) draw no white: Chromium draws every word
# space so, and other producers put such spaces inside words around marks; the layout
# reads them as word breaks only where glyphs of two stream runs meet across a gap.
MIN_SPACE_WIDTH = 0.5
# A glyph named as the letter before or after it in the stream, overlapping it by this
# share of the narrower and drawing a flat stroke at most this tall (em), is that letter's
# extension (``_extension_twins``); real doubled letters overlap 0.1 at most and stand
# 0.13 em tall or more where they overlap 0.2, the extensions 0.3 and 0.07 to 0.1 em.
TWIN_OVERLAP = 0.25
KASHIDA_INK_EM = 0.25  # a kashida's ink is a stroke at most this tall
STROKE_RUN = 3  # kashida glyphs in a row that one joint takes
TWIN_INK_EM = 0.11


# not frozen: a frozen __init__ costs a microsecond per glyph; and __init__ written out,
# as the generated one with a __post_init__ costs a fifth more; only the fields the
# layout reads (each one more costs every glyph)
@dataclass(slots=True, init=False)
class Glyph:
    text: str
    x0: float  # advance box, page units, x to the right
    x1: float
    baseline: float  # y downwards from the top of the page
    size: float
    cx: float  # centre of the inked box (places harakat over their letter)
    order: int  # position in the content stream
    ink: float = -1.0  # height of the inked box; -1 when the engine does not give it
    mirrored: bool = False  # the engine already mirrored brackets in right-to-left runs
    # set from ``text`` (layout asks them of every glyph several times)
    is_space: bool = field(repr=False, compare=False)
    is_mark: bool = field(repr=False, compare=False)
    is_narrow_space: bool = field(repr=False, compare=False)

    def __init__(
        self, text: str, x0: float, x1: float, baseline: float, size: float, cx: float,
        order: int, ink: float = -1.0, mirrored: bool = False,
        kind: tuple[bool, bool] | None = None,
    ) -> None:
        """``kind`` is ``text_kind(text)`` where the caller has it at hand."""
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.baseline = baseline
        self.size = size
        self.cx = cx
        self.order = order
        self.ink = ink
        self.mirrored = mirrored
        is_space, is_mark = text_kind(text) if kind is None else kind
        self.is_space = is_space
        self.is_mark = is_mark
        # a space glyph that advances nothing (Chromium draws every word space so, at
        # the spot where the space goes) marks a word break only where it sits in a gap
        self.is_narrow_space = is_space and x1 - x0 < MIN_SPACE_WIDTH


@dataclass(slots=True)
class GlyphColumns:
    """A page's glyphs as columns, an array each (a list for the texts), in the order
    of the page's glyph list: the layout works on whole pages of numbers at once, and
    makes a ``Glyph`` only for the few glyphs a rule looks at one by one (``glyph``).

    >>> page = glyph_columns([Glyph("\u0628", 10.0, 16.0, 100.0, 12.0, 13.0, 0)])
    >>> page.glyph(0).text, page.glyph(0).x1
    ('\u0628', 16.0)
    """

    text: list[str]
    x0: np.ndarray
    x1: np.ndarray
    baseline: np.ndarray
    size: np.ndarray
    cx: np.ndarray
    order: np.ndarray
    ink: np.ndarray
    mirrored: np.ndarray
    space: np.ndarray  # is_space
    narrow: np.ndarray  # is_narrow_space
    mark: np.ndarray  # is_mark

    def __len__(self) -> int:
        return len(self.text)

    def glyph(self, i: int, text: str | None = None) -> Glyph:
        """Glyph ``i`` as an object (with another ``text`` where given)."""
        if text is None:
            text = self.text[i]
        kind = (bool(self.space[i]), bool(self.mark[i])) if text == self.text[i] else None
        return Glyph(
            text, float(self.x0[i]), float(self.x1[i]),
            float(self.baseline[i]), float(self.size[i]), float(self.cx[i]),
            int(self.order[i]), float(self.ink[i]), bool(self.mirrored[i]), kind,
        )

    def glyphs(self, at: list[int]) -> list[Glyph]:
        """The glyphs ``at`` these numbers as objects."""
        index = np.array(at, np.intp)
        x0, x1, baseline, size, cx, order, ink, mirrored, space, mark = (
            col[index].tolist() for col in (
                self.x0, self.x1, self.baseline, self.size, self.cx, self.order, self.ink,
                self.mirrored, self.space, self.mark,
            )
        )
        return list(map(
            Glyph, map(self.text.__getitem__, at), x0, x1, baseline, size, cx, order, ink,
            mirrored, zip(space, mark, strict=True),
        ))

    def take(self, at: np.ndarray) -> GlyphColumns:
        """The glyphs ``at`` these numbers (an array), as columns of their own."""
        return GlyphColumns(
            list(map(self.text.__getitem__, at.tolist())), self.x0[at], self.x1[at],
            self.baseline[at], self.size[at], self.cx[at], self.order[at], self.ink[at],
            self.mirrored[at], self.space[at], self.narrow[at], self.mark[at],
        )

    def retext(self, texts: dict[int, str]) -> None:
        """In place: glyph ``i`` gets the text ``texts[i]``, and the flags it gives."""
        for i, text in texts.items():
            self.text[i] = text
            is_space, is_mark = text_kind(text)
            self.space[i], self.mark[i] = is_space, is_mark
            self.narrow[i] = is_space and self.x1[i] - self.x0[i] < MIN_SPACE_WIDTH


_COLUMNS = tuple(map(operator.attrgetter, ("x0", "x1", "baseline", "size", "cx", "ink")))
_FLAG_COLUMNS = tuple(map(operator.attrgetter, (
    "mirrored", "is_space", "is_narrow_space", "is_mark",
)))
_ORDER = operator.attrgetter("order")


def glyph_columns(glyphs: list[Glyph]) -> GlyphColumns:
    """The columns of glyphs at hand (``pdfium_glyphs`` gives a page's as columns)."""
    n = len(glyphs)
    x0, x1, baseline, size, cx, ink = (
        np.fromiter(map(get, glyphs), np.float64, n) for get in _COLUMNS
    )
    mirrored, space, narrow, mark = (
        np.fromiter(map(get, glyphs), bool, n) for get in _FLAG_COLUMNS
    )
    return GlyphColumns(
        [g.text for g in glyphs], x0, x1, baseline, size, cx,
        np.fromiter(map(_ORDER, glyphs), np.int64, n), ink, mirrored, space, narrow, mark,
    )


@lru_cache(maxsize=4096)
def text_kind(text: str) -> tuple[bool, bool]:
    """Whether a glyph's text is all space (tab or Zs), and whether all combining marks."""
    return (
        all(ch == "\t" or unicodedata.category(ch) == "Zs" for ch in text),
        all(unicodedata.category(ch) in ("Mn", "Me") for ch in text),
    )


@lru_cache(maxsize=4096)
def clean_glyph_text(text: str) -> str:
    """Presentation forms as letters, invisible controls dropped, and control
    characters (some producers map the kashida glyph to U+000C) and unassigned code
    points (a broken ToUnicode map: WeasyPrint once gave U+0FE2 inside يجبرون) as U+FFFD."""
    text = nfkc_arabic(_INVISIBLE_RE.sub("", text))
    return "".join(REPLACEMENT if _lost(ch) else ch for ch in text)


def _lost(ch: str) -> bool:
    """A character that stands for no text: a control (tab and line ends aside), an
    unassigned code point or a lone surrogate (which no UTF-8 file could hold)."""
    kind = unicodedata.category(ch)
    return (kind == "Cc" and ch not in "\t\r\n") or kind in ("Cn", "Cs")


def pdfium_glyphs(pdf: Any, maps: UnicodeMaps | None = None) -> Iterator[GlyphColumns]:
    """Per page of an open ``pypdfium2.PdfDocument``, the glyphs pdfium reads from the
    content stream, with their boxes, as columns (no ``Glyph`` objects are made), split
    ligatures merged (``merge_split_clusters``); a glyph its font's ToUnicode map lacks
    (``maps``, ``workbench.sources.pdf_unmapped``) gets the map's placeholder for it.

    Each library call costs more than the rest of the work on a glyph, so a glyph gets
    only the calls its kind needs: the inked box only where it is used (marks sit by
    it, spaces and non-letters are tested for a kashida stroke), the generated flag only
    for white space (what pdfium generates is spaces and line breaks); and the calls go
    through bare function pointers (``_bare``), which skip the per-argument type checks
    of the bindings and cost half as much. The code points come in one call a page
    (``_page_codes``); the calls made for every glyph run from ``map`` (no Python loop)
    and write into the slots of ``_Scratch`` buffers, read back as arrays."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    # (the page and its text page as bare handles, closed as soon as their glyphs are
    # read: the library's page objects register a finalizer and a parent link each)
    for i in range(len(pdf)):
        page = raw.FPDF_LoadPage(pdf.raw, i)
        if not page:
            raise pdfium.PdfiumError("Failed to load page.")
        try:
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError("Failed to load text page.")
            try:
                columns = _page_glyphs(textpage, raw.FPDF_GetPageHeightF(page), maps)
            finally:
                raw.FPDFText_ClosePage(textpage)
        finally:
            raw.FPDF_ClosePage(page)
        yield columns


def _page_glyphs(textpage: Any, height: float, maps: UnicodeMaps | None) -> GlyphColumns:
    """``pdfium_glyphs`` of one page: its open text page (a bare handle) and its height."""
    import ctypes

    import pypdfium2.raw as raw

    (
        is_generated, get_unicode, map_error, loose_box, char_origin, char_box, font_size,
        get_text,
    ) = _text_calls()
    # the text page as a ready pointer argument (``c_void_p.from_param`` of its
    # address): a ``c_void_p`` is made into one on every call, a sixth of its cost
    handle = ctypes.c_void_p.from_param(ctypes.cast(textpage, ctypes.c_void_p).value)
    n_chars = raw.FPDFText_CountChars(textpage)
    # the kinds of the page's code points, looked up in tables by number
    page_codes = _page_codes(handle, n_chars, get_text, get_unicode)
    texts_of, kind_of, space_of, mark_of, code_of = _code_tables(page_codes)
    kind = kind_of[code_of]
    wanted = kind > _WHITE
    white = np.flatnonzero(kind == _WHITE).tolist()
    if white:
        made = np.fromiter(map(is_generated, itertools.repeat(handle), white), np.intc)
        wanted[np.array(white)[made != 1]] = True
    at = np.flatnonzero(wanted)
    keep = at.tolist()
    m = len(keep)
    if not m:
        return glyph_columns([])
    scratch = _scratch(m)
    errors = np.fromiter(map(map_error, itertools.repeat(handle, m), keep), np.intc, m)
    _drain(map(loose_box, itertools.repeat(handle, m), keep, scratch.rect_at))
    _drain(map(
        char_origin, itertools.repeat(handle, m), keep, scratch.x_at, scratch.y_at,
    ))
    sizes = np.fromiter(map(font_size, itertools.repeat(handle, m), keep), np.float64, m)
    rects = np.frombuffer(scratch.rects, np.float32, 4 * m).reshape(m, 4)
    left, top, right, bottom = rects.astype(np.float64).T  # (copies: scratch is reused)
    baseline = height - np.frombuffer(scratch.origins, np.float64, 2 * m)[1::2]
    sizes = np.where(sizes == 0.0, top - bottom, sizes)
    sizes = np.where(sizes < 1.0, 1.0, sizes)
    code = code_of[at]
    texts = texts_of[code].tolist()  # (an object array: the glyphs' texts in one step)
    kind, space, mark = kind_of[code], space_of[code], mark_of[code]
    points = page_codes[at]  # the glyphs' code points
    # a line break the content stream draws is a glyph named by a control character,
    # as LibreOffice names its kashida (U+000A as well as U+0002): lost text, which the
    # layout reads by its ink; the line breaks pdfium makes up are left out
    drawn = np.flatnonzero((points == 0x0A) | (points == 0x0D)).tolist()
    for j in drawn:
        texts[j], kind[j] = REPLACEMENT, _INKED
    _strokes_named_as_letters(handle, char_box, scratch, points, at, kind, texts, sizes)
    # a glyph whose code point the font does not map to text
    lost = np.flatnonzero(errors == 1)
    if lost.size:
        for j in lost.tolist():
            texts[j] = REPLACEMENT
        kind[lost], space[lost], mark[lost] = _INKED, False, False
    twins = _extension_twins(
        handle, char_box, scratch, points, at, kind, errors == 1, texts,
        left, right, baseline, sizes,
    )
    lost = lost[kind[lost] != _LETTER]  # (a lost letter its twin named is found)
    if lost.size and maps is not None:
        _lost_placeholders(maps, textpage, page_codes, at, lost, texts, kind)
    if maps is not None and maps.mapped:
        _placeholders(maps, textpage, points, at, texts, kind, space, mark)
    cx = (left + right) / 2
    ink = np.full(m, -1.0)
    inked = np.flatnonzero(kind != _LETTER)
    if inked.size:
        b_left, b_right, b_bottom, b_top = _char_boxes(handle, char_box, scratch, at[inked])
        cx[inked] = (b_left + b_right) / 2
        ink[inked] = b_top - b_bottom
    columns = GlyphColumns(
        texts, left, right, baseline, sizes, cx, at.astype(np.int64), ink,
        np.ones(m, bool), space, space & (right - left < MIN_SPACE_WIDTH), mark,
    )
    if twins.size:
        columns = columns.take(np.setdiff1d(np.arange(m), twins))
    return merge_split_clusters(columns)


def _strokes_named_as_letters(
    handle: Any, char_box: Any, scratch: _Scratch, codes: np.ndarray, at: np.ndarray,
    kind: np.ndarray, texts: list[str], sizes: np.ndarray,
) -> None:
    """In place: a glyph named as a letter of another script, in a run of at most
    ``STROKE_RUN`` such glyphs between two Arabic letters in the stream, whose ink is a
    stroke at most ``KASHIDA_INK_EM`` tall, is no letter but lost text (``S`` for
    LibreOffice's kashida in Noto Naskh Arabic: ``خسSارة``, ``التقSSدير``), which the layout
    reads by its ink as it reads the other codes LibreOffice gives its kashida."""
    found = foreign_letters_inside_arabic(codes, at, kind == _LETTER)
    if not found.size:
        return
    bottom, top = _char_boxes(handle, char_box, scratch, at[found])[2:]
    for j in found[(top - bottom) <= KASHIDA_INK_EM * sizes[found]].tolist():
        texts[j], kind[j] = REPLACEMENT, _INKED


def foreign_letters_inside_arabic(codes: np.ndarray, at: np.ndarray, letter: np.ndarray) -> np.ndarray:
    """Which glyphs (code points ``codes``, stream places ``at``, ``letter`` the letters)
    are letters of another script in a run of at most ``STROKE_RUN`` between two Arabic
    letters, all one stretch of the stream: ``خسSارة`` gives the ``S``, ``SMS رسالة``
    nothing."""
    n = len(at)
    arabic = ((codes >= 0x0620) & (codes <= 0x06FF)) | ((codes >= 0xFB50) & (codes <= 0xFEFC))
    odd = letter & ~arabic
    if n < 3 or not odd.any():
        return np.zeros(0, np.intp)
    index = np.arange(n)
    # the nearest glyph before and after each that is not such a letter
    before = np.maximum.accumulate(np.where(odd, -1, index))
    after = np.minimum.accumulate(np.where(odd, n, index)[::-1])[::-1]
    inside = odd & (before >= 0) & (after < n)
    before, after = np.where(inside, before, 0), np.where(inside, after, 0)
    inside &= arabic[before] & arabic[after] & (after - before - 1 <= STROKE_RUN)
    inside &= at[after] - at[before] == after - before  # (one stretch of the stream)
    return np.flatnonzero(inside)


def _extension_twins(
    handle: Any, char_box: Any, scratch: _Scratch, codes: np.ndarray, at: np.ndarray,
    kind: np.ndarray, lost: np.ndarray, texts: list[str], left: np.ndarray, right: np.ndarray,
    baseline: np.ndarray, sizes: np.ndarray,
) -> np.ndarray:
    """The glyphs (numbers in ``at``) that draw only the extension of the letter next to
    them in the stream: two glyphs in a row overlapping by ``TWIN_OVERLAP`` of the
    narrower, one of them a flat stroke at most ``TWIN_INK_EM`` tall and the other taller,
    both named as one letter, or one of them named as a letter and the other by nothing
    (``lost``, pdfium's map error). WeasyPrint with Amiri draws the LAM of ``لك`` and the
    HAH of ``حت`` so, and names the pair ``لل`` (``اللكبير`` for ``الكبير``), or names only
    the stroke where cairo mapped the LAM's body to nothing. Real doubled letters
    (``مم``, ``سس``) sit side by side, each with its own height. In place, the letter
    kept takes the pair's text (``texts``, ``kind``) and its box widens to the twin's."""
    if len(at) < 2:
        return np.zeros(0, np.intp)
    letter = kind == _LETTER
    named = (codes[1:] == codes[:-1]) & letter[1:]
    half = (lost[1:] & letter[:-1]) | (letter[1:] & lost[:-1])
    pair = (named | half) & (at[1:] == at[:-1] + 1) & (baseline[1:] == baseline[:-1])
    overlap = np.minimum(right[1:], right[:-1]) - np.maximum(left[1:], left[:-1])
    width = np.minimum(right[1:] - left[1:], right[:-1] - left[:-1])
    pairs = np.flatnonzero(pair & (overlap > TWIN_OVERLAP * width))
    if not pairs.size:
        return np.zeros(0, np.intp)
    both = np.unique(np.concatenate((pairs, pairs + 1)))
    bottom, top = _char_boxes(handle, char_box, scratch, at[both])[2:]
    flat = dict(zip(both.tolist(), ((top - bottom) <= TWIN_INK_EM * sizes[both]).tolist(),
                    strict=True))
    twins: set[int] = set()
    for j in pairs.tolist():
        if flat[j] == flat[j + 1] or j in twins or j + 1 in twins:
            continue
        twin, body = (j, j + 1) if flat[j] else (j + 1, j)
        if lost[body]:  # the stroke names the letter
            texts[body], kind[body], lost[body] = texts[twin], _LETTER, False
        elif lost[twin]:
            lost[twin] = False
        left[body] = min(left[body], left[twin])
        right[body] = max(right[body], right[twin])
        twins.add(twin)
    return np.array(sorted(twins), np.intp)


def _font_names(textpage: Any) -> Callable[[int], str | None]:
    """A look-up for one text page: the base font name of its character ``i`` (cached by
    font), or None where pdfium gives no font."""
    import ctypes

    import pypdfium2.raw as raw

    buffer = ctypes.create_string_buffer(256)
    names: dict[int, str] = {}

    def font_name(i: int) -> str | None:
        obj = raw.FPDFText_GetTextObject(textpage, i)
        font = raw.FPDFTextObj_GetFont(obj) if obj else None
        if not font:
            return None
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in names:
            size = raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
            names[key] = buffer.value.decode("latin-1") if 0 < size <= len(buffer) else ""
        return names[key]

    return font_name


def _lost_placeholders(
    maps: UnicodeMaps, textpage: Any, page_codes: np.ndarray, at: np.ndarray,
    lost: np.ndarray, texts: list[str], kind: np.ndarray,
) -> None:
    """In place: a glyph whose ToUnicode entry names no character (pdfium's map error)
    gets the placeholder of its font and code, a letter, for ``decipher`` to read from the
    words it stands in (U+FFFD where none is clear)."""
    font_name = _font_names(textpage)
    own = frozenset(page_codes.tolist())
    # (a control code is no glyph id: LibreOffice names its kashida U+0002 or U+0003,
    # which the layout reads by its ink)
    for j in lost[page_codes[at[lost]] > 0x20].tolist():
        name = font_name(int(at[j]))
        if name is None:
            continue
        placeholder = maps.lost(name, int(page_codes[at[j]]), own)
        if placeholder != REPLACEMENT:
            texts[j], kind[j] = placeholder, _LETTER


def _placeholders(
    maps: UnicodeMaps, textpage: Any, codes: np.ndarray, at: np.ndarray, texts: list[str],
    kind: np.ndarray, space: np.ndarray, mark: np.ndarray,
) -> None:
    """In place: a glyph whose code is no character any ToUnicode map gives, and which its
    font's map lacks, gets its placeholder, a letter (pdfium gives such a glyph's code,
    its glyph id in an Identity font, as its character). Only those glyphs are asked
    their font, a few library calls each."""
    values = np.fromiter(maps.values, np.int64, len(maps.values))
    # (white space and controls aside: pdfium makes the spaces between words up)
    odd = np.flatnonzero(~np.isin(codes, values) & (kind > _WHITE) & (codes > 0x20))
    if not odd.size:
        return
    font_name = _font_names(textpage)
    for j in odd.tolist():
        name = font_name(int(at[j]))
        if name is None:
            continue
        placeholder = maps.placeholder(name, int(codes[j]))
        if placeholder is not None:
            texts[j] = placeholder
            kind[j] = _INKED if placeholder == REPLACEMENT else _LETTER
            space[j], mark[j] = False, False


def _code_tables(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Any]:
    """For a page's code points from pdfium: tables of the glyph text of code points, their
    kinds (``_code_kind``), and whether each is a space and a mark (``text_kind``), arrays
    (the texts of objects); and the row of each glyph's code point in them. Code points of the
    Basic Multilingual Plane are their own rows of tables kept by the process
    (``_BMP_KINDS``), where each is classified the first time a page has it; a page with
    one beyond gets tables of its own code points."""
    if not codes.size or int(codes.max()) < _BMP:
        table = _BMP_KINDS
        table.learn(codes)
        return table.text, table.kind, table.space, table.mark, codes
    distinct, rows = np.unique(codes, return_inverse=True)
    kinds = list(map(_code_kind, distinct.tolist()))
    n = len(kinds)
    return (
        np.array([kind[0] for kind in kinds], object),
        np.fromiter([kind[1] for kind in kinds], np.int8, n),
        np.fromiter([kind[2][0] for kind in kinds], bool, n),
        np.fromiter([kind[2][1] for kind in kinds], bool, n),
        rows,
    )


_BMP = 0x10000  # code points below this: the Basic Multilingual Plane


class _CodeKinds:
    """``_code_kind`` of each code point of the Basic Multilingual Plane, as tables
    indexed by code point (-1 as the kind of one not classified yet): a page's glyphs
    find theirs in one step each, with no sort of the page's code points."""

    def __init__(self) -> None:
        self.text = np.full(_BMP, "", object)
        self.kind = np.full(_BMP, -1, np.int8)
        self.space = np.zeros(_BMP, bool)
        self.mark = np.zeros(_BMP, bool)

    def learn(self, codes: np.ndarray) -> None:
        """Classify the ``codes`` (all below ``_BMP``) not classified yet."""
        new = codes[self.kind[codes] < 0]
        for code in set(new.tolist()):
            text, kind, (is_space, is_mark) = _code_kind(code)
            self.text[code], self.space[code], self.mark[code] = text, is_space, is_mark
            self.kind[code] = kind  # last: a code point with a kind has the rest (threads)


_BMP_KINDS = _CodeKinds()


def _char_boxes(handle: Any, char_box: Any, scratch: _Scratch, places: np.ndarray) -> np.ndarray:
    """The boxes pdfium gives the characters at stream places ``places``, as four rows (left,
    right, bottom, top), read by one pass of calls into ``scratch`` (a view on it: use the
    rows before the next read)."""
    q = len(places)
    _drain(map(char_box, itertools.repeat(handle, q), places.tolist(), *scratch.box_at))
    return np.frombuffer(scratch.boxes, np.float64, 4 * q).reshape(q, 4).T


def _drain(calls: Iterator[Any]) -> None:
    """Make the calls of an iterator, dropping what they give."""
    collections.deque(calls, maxlen=0)


class _Scratch:
    """Buffers a page's boxes and origins are written into, with a pointer (``byref``)
    to each glyph's slot made once: one made a glyph costs a third of the call it
    serves. Grown to the largest page seen; one a thread (``_scratch``)."""

    def __init__(self, n: int) -> None:
        import ctypes

        byref, repeat = ctypes.byref, itertools.repeat
        self.n = n
        self.rects = (ctypes.c_float * (4 * n))()  # left, top, right, bottom
        self.origins = (ctypes.c_double * (2 * n))()  # x, y
        self.rect_at = list(map(byref, repeat(self.rects, n), range(0, 16 * n, 16)))
        self.x_at = list(map(byref, repeat(self.origins, n), range(0, 16 * n, 16)))
        self.y_at = list(map(byref, repeat(self.origins, n), range(8, 16 * n, 16)))
        self.boxes = (ctypes.c_double * (4 * n))()  # left, right, bottom, top
        self.box_at = [
            list(map(byref, repeat(self.boxes, n), range(8 * k, 32 * n, 32))) for k in range(4)
        ]


_SCRATCH = threading.local()
# glyphs a thread's kept buffers hold at most (some 400 bytes each); a larger page gets
# buffers of its own, dropped after it
SCRATCH_KEPT = 1 << 16


def _scratch(n: int) -> _Scratch:
    """This thread's buffers, with room for ``n`` glyphs."""
    scratch = getattr(_SCRATCH, "buffers", None)
    if scratch is not None and scratch.n >= n:
        return scratch
    if n > SCRATCH_KEPT:
        return _Scratch(n)
    _SCRATCH.buffers = _Scratch(min(max(n, 2 * scratch.n if scratch else 4096), SCRATCH_KEPT))
    return _SCRATCH.buffers


def _page_codes(handle: Any, n_chars: int, get_text: Any, get_unicode: Any) -> np.ndarray:
    """The code point of each of a page's ``n_chars`` characters: the page text in one
    call, which holds one code point per character except that it leaves out control
    characters (LibreOffice maps the kashida to U+0002 or U+0003) and that its buffer
    of UTF-16 units cuts a page with characters beyond U+FFFF short; a page whose text
    comes out shorter than its characters is read a character at a time."""
    import ctypes

    if n_chars:
        # (an array, not a ctypes array, whose type would be made anew for each length)
        units = np.empty(n_chars + 1, np.uint16)
        written = get_text(handle, 0, n_chars, ctypes.c_void_p.from_param(units.ctypes.data))
        codes = units[: max(written - 1, 0)]  # (``written`` counts the closing NUL)
        # no surrogate: one unit a character
        if len(codes) == n_chars and not ((codes >= 0xD800) & (codes < 0xE000)).any():
            return codes
        text = codes.tobytes().decode("utf-16-le", "surrogatepass")
        if len(text) == n_chars:
            return np.fromiter(map(ord, text), np.int64, n_chars)
    return np.fromiter(
        map(get_unicode, itertools.repeat(handle, n_chars), range(n_chars)), np.int64, n_chars,
    )


@lru_cache(maxsize=1)
def _text_calls() -> tuple[Any, ...]:
    """The pdfium text-page functions ``pdfium_glyphs`` calls, as ``_bare`` pointers
    (made once: each prototype is a new class)."""
    import ctypes

    import pypdfium2.raw as raw

    c_int, c_uint, c_double = ctypes.c_int, ctypes.c_uint, ctypes.c_double
    return (
        _bare(raw.FPDFText_IsGenerated, c_int),
        _bare(raw.FPDFText_GetUnicode, c_uint),
        _bare(raw.FPDFText_HasUnicodeMapError, c_int),
        # the boxes go to the pointers given; their success flag is never read
        _bare(raw.FPDFText_GetLooseCharBox, None),
        _bare(raw.FPDFText_GetCharOrigin, None),
        _bare(raw.FPDFText_GetCharBox, None),
        _bare(raw.FPDFText_GetFontSize, c_double),
        _bare(raw.FPDFText_GetText, c_int),
    )


def _bare(function: Any, restype: Any) -> Any:
    """The same C function without ``argtypes``: arguments go through as given (the
    caller passes pointer arguments made once, ``byref`` and ``from_param``, and plain
    ints for ``int`` parameters);
    and called holding the interpreter lock, which these short calls, made from one
    thread, need not let go (a fifth of the cost of a call)."""
    import ctypes

    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


# What a code point from pdfium needs: nothing (no text), the generated check (white
# space and line breaks), the inked box (marks, non-letters, and U+FFFD), or neither
# (letters).
_SKIP, _WHITE, _INKED, _LETTER = range(4)


@lru_cache(maxsize=4096)
def _code_kind(code: int) -> tuple[str, int, tuple[bool, bool]]:
    """The glyph text of a code point from pdfium, which of the kinds above it is, and
    its ``text_kind``."""
    # 0, U+FFFE and other codes naming no character become U+FFFD in clean_glyph_text;
    # one past U+10FFFF is no code point at all
    text = REPLACEMENT if code > 0x10FFFF else clean_glyph_text(chr(code))
    if not text:
        return text, _SKIP, (False, False)
    if text in ("\r", "\n"):  # (the generated check tells a drawn glyph: ``pdfium_glyphs``)
        return text, _WHITE, (False, False)
    flags = text_kind(text)
    if text.isspace():
        return text, _WHITE, flags
    is_space, is_mark = flags
    if is_mark or is_space or not is_letterlike(text) or text[0] == REPLACEMENT:
        return text, _INKED, flags
    return text, _LETTER, flags


def merge_split_clusters(cols: GlyphColumns) -> GlyphColumns:
    """One glyph mapped to several characters (a ligature such as LAM LAM HEH) comes
    out of pdfium as several entries with the same box, reversed with the rest of a
    right-to-left run; keep them as one unit in their logical order.

    Walking the glyphs in order, a glyph joins the unit before it when its box is that
    unit's (within 0.01), it follows the unit's last glyph in the stream, and neither it
    nor the unit is a space (nor it a mark); the unit keeps its first glyph's box. A
    glyph that joins is within 0.02 of the glyph before it, so the walk looks only at
    the glyphs that are, which most pages have none of."""
    n = len(cols)
    if n < 2:
        return cols
    x0, x1, baseline, order = cols.x0, cols.x1, cols.baseline, cols.order
    # (0.03: room for rounding beyond the 0.02 that two boxes within 0.01 of one are apart;
    # the left edges first, which few neighbours share, and the rest asked of those)
    at = np.flatnonzero(np.abs(x0[1:] - x0[:-1]) < 0.03) + 1
    before = at - 1
    near = (
        (np.abs(x1[at] - x1[before]) < 0.03) & (np.abs(baseline[at] - baseline[before]) < 0.03)
        & (order[at] == order[before] + 1)
        & ~cols.space[at] & ~cols.space[before] & ~cols.mark[at]
    )
    joins = at[near].tolist()
    if not joins:
        return cols
    texts = cols.text
    # the walk reads only the glyphs that join and those before them (where each unit
    # starts): their numbers, by glyph
    looked = sorted({*joins, *(k - 1 for k in joins)})
    x0s, x1s, baselines, orders = (
        dict(zip(looked, column[looked].tolist(), strict=True))
        for column in (x0, x1, baseline, order)
    )
    unit: dict[int, int] = {}  # glyph merged → the first glyph of its unit
    units: dict[int, list[str]] = {}  # first glyph of a unit → the texts in it
    for k in joins:
        head = unit.get(k - 1, k - 1)  # the unit before glyph k
        merged = units.get(head)
        if (
            abs(x0s[k] - x0s[head]) < 0.01 and abs(x1s[k] - x1s[head]) < 0.01
            and (merged is None or not text_kind("".join(merged))[0])  # (else: ``near``)
            and orders[k] == orders[k - 1] + 1
            and abs(baselines[k] - baselines[head]) < 0.01
        ):
            unit[k] = head
            units.setdefault(head, [texts[head]]).append(texts[k])
    if not units:
        return cols
    kept = np.ones(n, bool)
    kept[list(unit)] = False
    at = np.flatnonzero(kept)
    out = cols.take(at)
    heads = list(units)
    places = np.searchsorted(at, heads).tolist()  # the units' places in ``out``
    last: dict[int, int] = {}  # first glyph of a unit → its last
    for k, head in unit.items():
        last[head] = k
    out.order[places] = [orders[last[h]] for h in heads]
    new_texts = {}
    for head, place in zip(heads, places, strict=True):
        text = "".join(units[head])
        if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text) and (
            text[::-1] in _ligature_texts() or (text not in _ligature_texts() and (
                _joins_through(text[::-1]) or not _joins_through(text)
            ))
        ):
            text = text[::-1]
        if (
            text in _ligature_texts() and head - 1 not in unit and head - 1 not in units
            and head and _drawn_before(cols, head, text[0])
        ):
            text = text[1:]
        new_texts[place] = text
    out.retext(new_texts)
    return out


def _drawn_before(cols: GlyphColumns, head: int, letter: str) -> bool:
    """Whether the glyph before a ligature glyph ``head`` in the stream (a glyph of its
    own, not part of another ligature) is ``letter``, touching it: a font that maps a
    ligature's code point to the glyph of its later letters (KacstBook's ﷲ is the
    ``لله`` drawn after a separate ALEF) has its first letter twice in the text layer
    (``االله``)."""
    before = head - 1
    return (
        cols.text[before] == letter and int(cols.order[before]) == int(cols.order[head]) - 1
        and min(abs(cols.x0[before] - cols.x1[head]), abs(cols.x1[before] - cols.x0[head])) < 0.05
        and abs(cols.baseline[before] - cols.baseline[head]) < 0.05
    )


@lru_cache(maxsize=1)
def _ligature_texts() -> frozenset[str]:
    """The letters of each Arabic ligature of Unicode's presentation forms, in logical
    order (``الله`` of U+FDF2): a glyph mapped to them is that ligature, whether or not
    its first letter joins the next (ALEF in ``الله``)."""
    texts = (
        unicodedata.normalize("NFKC", chr(code))
        for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))
    )
    return frozenset(text for text in texts if len(text) > 1 and is_arabic_letter(text[0]))


def _joins_through(text: str) -> bool:
    """Whether the letters of one ligature glyph can stand in this order: each one but
    the last joins forward. A glyph ``ال`` is no ligature (ALEF never joins the letter
    after it), so a LAM-ALEF that XeLaTeX already gives in logical order, ``لا``, is
    left as it is where the reversal that other producers' runs need would break it."""
    letters = [ch for ch in text if not unicodedata.category(ch).startswith("M")]
    return all(
        is_arabic_letter(ch) and ch not in NOT_FORWARD_JOINING for ch in letters[:-1]
    )


@lru_cache(maxsize=4096)
def is_letterlike(text: str) -> bool:
    """Whether a glyph's text starts with a letter, a mark or the kashida."""
    ch = text[0]
    return ch == TATWEEL or unicodedata.category(ch).startswith(("L", "M"))
