"""The text layer of a PDF in logical reading order, rebuilt from glyph positions.

PDF producers store Arabic differently: some emit glyphs in visual (left-to-right)
order, some reorder runs, some split ligatures or place harakat as separate glyphs,
some map the justification kashida to an unrelated character. Extractors that trust
the content stream inherit that damage (each Arabic line reversed, words split at
diacritics). Here every glyph is placed by its box instead:

1. glyphs are grouped into rows by baseline; harakat attach to the letter under them;
2. rows are cut into words at space glyphs, at gaps wider than a fraction of the
   font size, and at any white gap between glyphs that the content stream separates
   by a space of no width (how Chromium draws its spaces); space glyphs the letters
   beside them cover are kashida leaders (XeLaTeX), not spaces; words are grouped
   into blocks (columns, paragraphs) by whitespace (XY-cut); rows and words are found a
   page at a time on arrays of the glyphs' numbers (``workbench.sources.pdf_words``);
3. each line is read from its visual order back to logical order with the Unicode
   bidi algorithm run in reverse: Arabic runs are reversed, digit and Latin runs stay
   left to right (``visual_to_logical``);
4. presentation forms become letters, and a non-letter glyph glued inside an Arabic
   word, between a letter that joins forward and a letter, whose ink is a thin stroke
   on the baseline, becomes the kashida (U+0640) it was drawn as (LibreOffice maps it
   to ``1``, a bracket or a control character), for the cleaning stage to remove.

Two glyph sources: pdfium (default: fast, and gives the inked box that the kashida
test needs; it mirrors brackets in right-to-left runs, which is undone) and pdfminer
via pdfplumber. The file is only read, never written. Glyphs without a Unicode
mapping become U+FFFD so lost text stays visible; with pdfium, a glyph an embedded font
without a cmap lacks in its ToUnicode map (XeLaTeX's LAM-ALEF) is read as the letter that
makes its words known words where one clearly does (``workbench.sources.pdf_unmapped``).

>>> visual_to_logical("2017 ماع يف")
'في عام 2017'
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from bidi.mirror import MIRRORED

from ..collector import collector_paused
from ..text.arabic import TATWEEL, is_arabic_letter
from ..text.memo import CharMemo, word_memo
from .bidi_order import CLASS_CODES, bidi_rep, resolve, visual_to_logical
from .pdf_glyphs import (
    KASHIDA_INK_EM,
    NOT_FORWARD_JOINING,
    REPLACEMENT,
    Glyph,
    GlyphColumns,
    clean_glyph_text,
    glyph_columns,
    is_letterlike,
    pdfium_glyphs,
)
from .pdf_unmapped import UnicodeMaps, decipher, read_unicode_maps
from .pdf_words import Word, median, page_words, row_starts, rows_by_baseline

__all__ = [
    "PdfError", "pdf_inked_pages", "pdf_metadata", "pdf_pages", "pdf_text", "render_pdf_pages",
    "visual_to_logical",
]

_SPACE_RE = re.compile(r"\s+")
_PDF_DATE_RE = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz]|[+-]\d{2}'?\d{2}'?)?"
)

# Layout thresholds, in units of the font size (em) unless said otherwise.
COLUMN_GAP_EM = 1.0  # a vertical white strip at least this wide may separate columns
PARAGRAPH_PITCH_RATIO = 1.3  # row pitch this much above the usual one starts a paragraph
KASHIDA_CONTACT_EM = 0.15  # a kashida glyph touches the letters on both sides

_HEAD_BYTES = 1024  # the PDF header must start within the first 1024 bytes
_TAIL_BYTES = 2048  # and %%EOF must appear in the last bytes (cut files lose it)
# PDFs up to this size are read into memory at once, for the checks and pdfium alike;
# larger ones (scans, books) are left on disk for pdfium to read a part at a time
IN_MEMORY_BYTES = 1 << 25


class PdfError(Exception):
    """A PDF that cannot be read: encrypted, truncated, not a PDF, or without text."""


# --- public API ------------------------------------------------------------------------


def pdf_text(path: str | Path, *, engine: str = "pdfium", page_break: str = "\n\f\n") -> str:
    """The text layer in logical reading order: one line per visual line, a blank line
    between paragraphs and blocks, pages joined by ``page_break`` (a form feed on a line
    of its own by default). ``engine`` is ``"pdfium"`` or ``"pdfplumber"``.

    Raises ``PdfError`` naming the problem (encrypted, truncated, not a PDF, no text).
    """
    pages = pdf_pages(path, engine=engine)
    if not any(p.strip() for p in pages):
        raise PdfError("no text layer (scanned?)")
    return page_break.join(pages)


def pdf_pages(path: str | Path, *, engine: str = "pdfium") -> list[str]:
    """The logical-order text of each page (``pdf_text`` without joining)."""
    if engine == "pdfium":
        with _open_pdfium(Path(path)) as pdf, collector_paused():
            # (the one field read: each is two library calls and a decode)
            producer = (pdf.get_metadata_value("Producer") or "").lower()
            # (glyphs whose ToUnicode entry names nothing get placeholders too: the maps
            # are read only for the producers that leave glyphs out of them)
            maps = (read_unicode_maps(path)
                    if producer.startswith(UNMAPPED_GLYPH_PRODUCERS) else None
                    ) or UnicodeMaps({}, frozenset())
            read = functools.partial(
                _page_text, images=producer.startswith(IMAGE_NAMING_PRODUCERS),
                runs=producer.startswith(RUN_BY_RUN_PRODUCERS),
            )
            pages = list(map(read, pdfium_glyphs(pdf, maps)))
        return decipher(pages, set(maps.placeholders.values()) - {REPLACEMENT})
    if engine == "pdfplumber":
        return [_page_text(glyphs) for glyphs in _pdfplumber_glyphs(Path(path))]
    raise ValueError(f"unknown engine {engine!r} (use 'pdfium' or 'pdfplumber')")


def pdf_inked_pages(path: str | Path) -> list[bool]:
    """Per page, whether it draws anything (text, image or path): a page without a text
    layer that draws something is a scan to be read by OCR; a blank page is not."""
    with _open_pdfium(Path(path)) as pdf:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            out.append(next(iter(page.get_objects(max_depth=1)), None) is not None)
            page.close()
        return out


def render_pdf_pages(path: str | Path, pages: list[int], *, dpi: int = 300) -> Iterator[Any]:
    """The ``pages`` (0-based) rendered as PIL images at ``dpi``, one at a time."""
    with _open_pdfium(Path(path)) as pdf:
        for i in pages:
            page = pdf[i]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil()
            image.info["dpi"] = (dpi, dpi)
            bitmap.close()
            page.close()
            yield image


def pdf_metadata(path: str | Path) -> dict[str, Any]:
    """Document information: title, author, subject, keywords, creator, producer,
    created/modified as ISO 8601, and the page count; empty fields are left out.
    """
    path = Path(path)
    with _open_pdfium(path) as pdf:
        info = pdf.get_metadata_dict(skip_empty=True)
        n_pages = len(pdf)
    out: dict[str, Any] = {}
    for key in ("Title", "Author", "Subject", "Keywords", "Creator", "Producer"):
        value = (info.get(key) or "").strip()
        if value:
            out[key.lower()] = value
    for key, name in (("CreationDate", "created"), ("ModDate", "modified")):
        iso = _pdf_date(info.get(key) or "")
        if iso:
            out[name] = iso
    out["pages"] = n_pages
    return out


# --- opening and checking files -------------------------------------------------------


def _checked_bytes(path: Path) -> bytes | None:
    """The file's bytes, read at once (``None`` for a file over ``IN_MEMORY_BYTES``, which
    pdfium reads from disk as it needs it); raise PdfError for an empty file, a non-PDF,
    or a PDF cut short."""
    size = path.stat().st_size
    if size == 0:
        raise PdfError("not a PDF (empty file)")
    if size <= IN_MEMORY_BYTES:
        data = path.read_bytes()
        head, tail = data[:_HEAD_BYTES], data[max(0, len(data) - _TAIL_BYTES):]
    else:
        data = None
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
            fh.seek(max(0, size - _TAIL_BYTES))
            tail = fh.read()
    if b"%PDF-" not in head:
        start = head[:24].decode("utf-8", errors="replace").split("\n")[0]
        raise PdfError(f"not a PDF (starts with {start!r})")
    if b"%%EOF" not in tail:
        raise PdfError(f"truncated or damaged PDF (no %%EOF at the end of {size} bytes)")
    return data


@contextlib.contextmanager
def _open_pdfium(path: Path) -> Iterator[Any]:
    import pypdfium2 as pdfium

    data = _checked_bytes(path)
    try:
        # (from the bytes read for the checks: pdfium opening the path again resolves it
        # and reads the file anew, a tenth of the cost of loading a one-page article)
        pdf = pdfium.PdfDocument(str(path) if data is None else data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise PdfError("encrypted PDF") from exc
        raise PdfError(f"truncated or damaged PDF ({message})") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _pdf_date(value: str) -> str:
    """``D:20200507093000+03'00'`` → ``2020-05-07T09:30:00+03:00``; '' if unreadable."""
    m = _PDF_DATE_RE.match(value.strip())
    if not m:
        return ""
    year, month, day, hour, minute, second, zone = m.groups()
    out = year
    if month:
        out += f"-{month}"
        if day:
            out += f"-{day}"
            if hour:
                out += f"T{hour}:{minute or '00'}:{second or '00'}"
                if zone:
                    out += "Z" if zone in "Zz" else f"{zone[:3]}:{zone.replace(chr(39), '')[3:5]}"
    return out


# --- glyphs from the two engines ------------------------------------------------------


def _pdfplumber_glyphs(path: Path) -> Iterator[list[Glyph]]:
    """Per page, the glyphs pdfminer reads (via pdfplumber), with their boxes."""
    import pdfplumber

    with _open_pdfium(path):  # the same checks and messages for both engines
        pass
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types on bad input
        raise PdfError(f"truncated or damaged PDF ({type(exc).__name__}: {exc})") from exc
    with pdf:
        for page in pdf.pages:
            glyphs: list[Glyph] = []
            for i, ch in enumerate(page.chars):
                text = clean_glyph_text(ch["text"])
                if text.startswith("(cid:"):
                    text = REPLACEMENT
                if not text:
                    continue
                baseline = page.height - ch["matrix"][5]
                glyphs.append(Glyph(
                    text=text, x0=ch["x0"], x1=ch["x1"], baseline=baseline, size=max(ch["size"], 1.0),
                    cx=(ch["x0"] + ch["x1"]) / 2, order=i,
                ))
            page.flush_cache()
            yield glyphs


# --- layout: rows, words, blocks -------------------------------------------------------


_BASELINE = operator.attrgetter("baseline")
_SIZE = operator.attrgetter("size")
_TEXT = operator.attrgetter("text")
_CENTRE, _SIMPLE = operator.attrgetter("centre"), operator.attrgetter("simple")
_X0, _X1 = operator.attrgetter("x0"), operator.attrgetter("x1")


def _attach_marks(cols: GlyphColumns) -> GlyphColumns:
    """Harakat and other combining marks joined to the letter they sit on: each mark, in
    stream order, to the row whose baseline is nearest (if within its size), and there
    to the glyph (no space) under its ink centre, or else the nearest, the one closest
    to it in the stream first."""
    marks = np.flatnonzero(cols.mark).tolist()
    out = cols.take(np.flatnonzero(~cols.mark))
    if not marks or not len(out):
        return out
    # the bases' rows, as ``rows_by_baseline`` groups them
    baselines, sizes = out.baseline.tolist(), out.size.tolist()
    ordered = sorted(range(len(out)), key=baselines.__getitem__)
    starts = row_starts(
        list(map(baselines.__getitem__, ordered)), list(map(sizes.__getitem__, ordered)),
    )
    rows = [ordered[a:b] for a, b in itertools.pairwise([*starts, len(ordered)])]
    row_lines = [median(list(map(baselines.__getitem__, row))) for row in rows]
    x0, x1, orders, space = out.x0.tolist(), out.x1.tolist(), out.order.tolist(), out.space
    extra: dict[int, str] = {}
    for i in sorted(marks, key=cols.order.__getitem__):
        m_baseline, m_cx, m_order = float(cols.baseline[i]), float(cols.cx[i]), int(cols.order[i])
        r = min(range(len(rows)), key=lambda k: abs(row_lines[k] - m_baseline))
        if abs(row_lines[r] - m_baseline) > cols.size[i]:
            continue

        def distance(j: int, cx: float = m_cx, order: int = m_order) -> tuple[float, int]:
            inside = 0.0 if x0[j] <= cx <= x1[j] else min(abs(cx - x0[j]), abs(cx - x1[j]))
            # prefer the letter just before the mark in the stream, then the nearest
            return (inside, abs(order - orders[j]))

        base = min((j for j in rows[r] if not space[j]), key=distance, default=None)
        if base is not None:
            extra[orders[base]] = extra.get(orders[base], "") + cols.text[i]
    out.retext({j: out.text[j] + extra[o] for j, o in enumerate(orders) if o in extra})
    return out


def _strong_direction(words: list[Word]) -> int:
    """1 when right-to-left letters outnumber left-to-right ones, else 0: ``سقط 12 قتيلا``
    reads right to left. The words' characters are counted as one array of code points
    (a page's words would otherwise be looked up one by one in a memo of words)."""
    codes = np.frombuffer("".join(map(_TEXT, words)).encode("utf-32-le", "surrogatepass"), np.uint32)
    strong = _STRONG_KINDS[codes]
    if (strong < 0).any():  # (code points not met before)
        for code in set(codes[strong < 0].tolist()):
            _STRONG_KINDS[code] = _strong_kind(chr(code))
        strong = _STRONG_KINDS[codes]
    _, rtl, ltr = np.bincount(strong, minlength=3).tolist()
    return 1 if rtl >= ltr and rtl > 0 else 0


def _strong_kind(ch: str) -> int:
    """1 for a right-to-left letter, 2 for a left-to-right one, else 0 (by its bidi
    class's letter, ``CLASS_CODES``)."""
    code = CLASS_CODES[ch]
    return 1 if code in "ra" else 2 if code == "l" else 0


# ``_strong_kind`` of each code point, -1 until a page has it
_STRONG_KINDS = np.full(0x110000, -1, np.int8)


def _column_cuts(words: list[Word], rows: list[list[Word]]) -> list[float]:
    """x positions of white strips that run through the whole region, are at least
    ``COLUMN_GAP_EM`` wide, and have words on both sides in two rows or more."""
    if len(rows) < 2:
        return []
    size = median(list(map(_SIZE, words)))
    n = len(words)
    x0, x1 = np.fromiter(map(_X0, words), float, n), np.fromiter(map(_X1, words), float, n)
    if np.isnan(x0).any() or np.isnan(x1).any():  # (no order to sort them by)
        return _column_cuts_walked(words, rows, size)
    by_left = np.lexsort((x1, x0))
    x0, x1 = x0[by_left], x1[by_left]
    # the strips: white from the furthest right edge so far to the next word's left edge
    reach = np.maximum.accumulate(x1)
    wide = np.flatnonzero(x0[1:] - reach[:-1] >= COLUMN_GAP_EM * size)
    cuts = [(reach[k] + x0[k + 1]) / 2 for k in wide.tolist()]
    return [float(cut) for cut in cuts if _rows_across(rows, cut) >= 2]


def _column_cuts_walked(words: list[Word], rows: list[list[Word]], size: float) -> list[float]:
    """``_column_cuts`` word by word, for words whose edges may be NaN."""
    spans = sorted((w.x0, w.x1) for w in words)
    cuts = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= COLUMN_GAP_EM * size:
            cut = (reach + x0) / 2
            if _rows_across(rows, cut) >= 2:
                cuts.append(cut)
        reach = max(reach, x1)
    return cuts


def _rows_across(rows: list[list[Word]], cut: float) -> int:
    """How many rows have words on both sides of ``cut``."""
    return sum(
        1 for row in rows if any(w.x1 < cut for w in row) and any(w.x0 > cut for w in row)
    )


def _blocks(
    words: list[Word], pitch: float, rtl: int, rows: list[list[Word]] | None = None,
    steps: list[float] | None = None,
) -> list[list[list[Word]]]:
    """Blocks in reading order, each a list of rows of words (XY-cut): columns split
    at vertical white strips (right to left on a right-to-left page), paragraphs at
    rows spaced more widely than ``pitch`` (the page's usual baseline distance per em).
    ``rows`` are the words' rows and ``steps`` their ``_row_steps`` where already known."""
    if rows is None:
        rows = rows_by_baseline(words)
    cuts = _column_cuts(words, rows)
    if cuts:
        edges = [float("-inf"), *cuts, float("inf")]
        parts = [[w for w in words if lo < w.centre < hi]
                 for lo, hi in itertools.pairwise(edges)]
        if rtl:
            parts.reverse()
        return [b for part in parts if part for b in _blocks(part, pitch, rtl)]
    if steps is None:
        steps = _row_steps(rows)
    # the bands: rows[a:b] for consecutive starts a, b
    starts = [0, *(k + 1 for k, step in enumerate(steps) if step > PARAGRAPH_PITCH_RATIO * pitch)]
    if len(starts) == 1:
        return [rows]
    # a band's rows are what grouping its words would give again: a run of whole rows,
    # in baseline order, each started afresh
    return [
        b for a, z in itertools.pairwise([*starts, len(rows)])
        for b in _blocks([w for row in rows[a:z] for w in row], pitch, rtl, rows[a:z],
                         steps[a:z - 1])
    ]


def _row_baseline(row: list[Word]) -> float:
    return median(list(map(_BASELINE, row)))


def _row_steps(rows: list[list[Word]]) -> list[float]:
    """The distance from each row's baseline to the next's, in em of the lower row."""
    lines = list(map(_row_baseline, rows))
    return [
        (below - above) / max(map(_SIZE, row))
        for above, below, row in zip(lines, lines[1:], rows[1:], strict=False)
    ]


def _usual_pitch(steps: list[float]) -> float:
    """Median of a page's ``_row_steps``; with fewer than three to go by, single
    spacing (1.2 em)."""
    steps = [s for s in steps if s > 0]
    return median(steps) if len(steps) >= 3 else 1.2


def _page_text(
    glyphs: list[Glyph] | GlyphColumns, *, images: bool = False, runs: bool = False,
) -> str:
    """One page (its glyphs, or their columns): blocks separated by a blank line, rows
    by a newline (``images``: its producer names brackets by their mirror images, see
    ``_brackets_mirrored``; ``runs``: it writes the stream in the order of the text, see
    ``_stream_ordered_runs``)."""
    columns = glyphs if isinstance(glyphs, GlyphColumns) else glyph_columns(glyphs)
    if columns.mark.any():
        columns = _attach_marks(columns)
    words = page_words(columns)
    if not words:
        return ""
    rtl = _strong_direction(words)
    rows = rows_by_baseline(words)
    steps = _row_steps(rows)
    blocks = _blocks(words, _usual_pitch(steps), rtl, rows, steps)
    out = []
    for block in blocks:
        if len(blocks) == 1 and sum(map(len, block)) == len(words):
            base = rtl  # the page's words, counted already
        else:
            base = _strong_direction([w for row in block for w in row]) if block else rtl
        lines = [_line_text(row, base, runs=runs) for row in block]
        out.append((block, base, lines))
    # (the rows read again only on a page with brackets; named only where a glyph is one:
    # ``_brackets_mirrored`` reads no other row)
    if any("(" in line or "[" in line for _, _, lines in out for line in lines) and _brackets_mirrored(
        [_named_row(row) for block, _, _ in out for row in block if _has_bracket(row)],
        images=images,
    ):
        out = [(block, base, [_line_text(row, base, mirrored=True, runs=runs) for row in block])
               for block, base, _ in out]
    texts = ("\n".join(line for line in lines if line) for _, _, lines in out)
    return "\n\n".join(text for text in texts if text)


# A bracket pair around Arabic words as a row's glyphs stand left to right, named as in
# the PDF: by the characters typed (``)ةيسنرفلا(``: the text of a right-to-left run read
# back to front), or by their mirror images (``(ةيسنرفلا)``). (The brackets hug the
# words: the space between two pairs is no pair.)
_PAIR_TYPED_RE = re.compile("[)\\]][\u0600-\u06ff](?:[\u0600-\u06ff ]*[\u0600-\u06ff])?[(\\[]")
_PAIR_IMAGED_RE = re.compile("[(\\[][\u0600-\u06ff](?:[\u0600-\u06ff ]*[\u0600-\u06ff])?[)\\]]")
# (the same, with any characters but brackets between the first and last letters)
_LOOSE_TYPED_RE = re.compile("[)\\]][\u0600-\u06ff](?:[^()\\[\\]]*[\u0600-\u06ff])?[(\\[]")
_LOOSE_IMAGED_RE = re.compile("[(\\[][\u0600-\u06ff](?:[^()\\[\\]]*[\u0600-\u06ff])?[)\\]]")
# Fewest pairs standing as mirror images for a page's brackets to be read so, and how
# many times the pairs standing as typed they must outnumber (a text may hold a pair
# typed back to front).
MIRRORED_PAIRS = 2
MIRRORED_SHARE = 3
# Producers that name every bracket of a right-to-left run by its mirror image: xdvipdfmx
# (XeLaTeX) draws the glyph of the mirrored character, which HarfBuzz picks before the
# font's cmap, and its ToUnicode map is that cmap reversed. For their PDFs one pair is
# evidence enough, where it outnumbers the pairs standing as typed.
IMAGE_NAMING_PRODUCERS = ("xdvipdfmx",)
# Producers that embed TrueType subsets without a cmap and leave the glyphs reached only
# through GSUB out of the ToUnicode map (``pdf_unmapped``). Reading the maps costs a second
# parse of the file (about a third of the reading time of a PDF with object streams), and
# Chromium, WeasyPrint (cairo) and LibreOffice keep the cmap, so only these pay for it.
UNMAPPED_GLYPH_PRODUCERS = ("xdvipdfmx",)
# Producers that write a line's glyphs to the stream in the order of the text, a
# left-to-right run too, so that a run whose words the stream gives from right to left
# was set word by word in the line's right-to-left order (``_stream_ordered_runs``).
# LibreOffice, WeasyPrint and Chromium draw a run's words in any order: there the
# positions alone tell.
RUN_BY_RUN_PRODUCERS = ("xdvipdfmx",)


def _brackets_mirrored(rows: list[str], *, images: bool = False) -> bool:
    """True for a page whose bracket pairs around Arabic words, read from its rows'
    glyphs left to right as the PDF names them (``_named_row``), stand as mirror images,
    two or more and most of them: its producer drew each bracket of a right-to-left run by
    the mirrored glyph and named the glyph by that image's character (XeLaTeX), so that
    read back to front the text says ``)الفرنسية(`` for ``(الفرنسية)``.

    >>> _brackets_mirrored(["نا (ةيسنرفلا) تلاق", "نع (زرتيور) تلقن"])
    True
    >>> _brackets_mirrored(["نا (ةيسنرفلا) تلاق", "نع )زرتيور( تلقن"])
    False
    >>> _brackets_mirrored(["نا (ةيسنرفلا) تلاق"], images=True)
    True
    """
    rows = [row for row in rows if "(" in row or "[" in row]
    if images:  # (punctuation inside a pair and all)
        imaged = sum(len(_LOOSE_IMAGED_RE.findall(row)) for row in rows)
        return imaged > sum(len(_LOOSE_TYPED_RE.findall(row)) for row in rows)
    imaged = sum(len(_PAIR_IMAGED_RE.findall(row)) for row in rows)
    typed = sum(len(_PAIR_TYPED_RE.findall(row)) for row in rows)
    return imaged >= MIRRORED_PAIRS and imaged > MIRRORED_SHARE * typed


_BRACKETS = frozenset("()[]")  # the brackets ``_brackets_mirrored`` counts, and their mirrors


def _has_bracket(row: list[Word]) -> bool:
    """Whether a row's words hold a bracket that ``_named_row`` may name ``(`` or ``[``
    (``)`` and ``]`` are turned back when mirrored): rows without one need no naming."""
    return not _BRACKETS.isdisjoint("".join(map(_TEXT, row)))


def _named_row(row: list[Word]) -> str:
    """A row's glyphs left to right, a space between words, each bracket named as in the
    PDF (one the engine mirrored for display turned back)."""
    words = []
    for w in sorted(row, key=_CENTRE):
        parts = w.parts
        if not MIRRORED.keys().isdisjoint(parts):
            parts = [MIRRORED[t] if t in MIRRORED and w.glyph(k).mirrored else t
                     for k, t in enumerate(parts)]
        words.append("".join(parts))
    return " ".join(words)


# --- one line: visual to logical ------------------------------------------------------


def _line_text(
    row: list[Word], base_level: int, *, mirrored: bool = False, runs: bool = False,
) -> str:
    """Words of one row (any order) as a logical-order line (``mirrored``: every bracket
    of a right-to-left run named by its mirror image, see ``_brackets_mirrored``;
    ``runs``: a left-to-right run's words in stream order, see ``_stream_ordered_runs``)."""
    words = sorted(row, key=_CENTRE)
    visual = " ".join(map(_TEXT, words))
    flags = functools.reduce(operator.and_, map(_word_flags, map(_TEXT, words)))
    if flags & _ONE_LEVEL[base_level]:
        # the whole line at the paragraph level: glyphs in reverse, or as they are
        if not base_level:
            logical = visual
        elif all(map(_SIMPLE, words)):  # a character a glyph
            logical = visual[::-1]
        else:
            logical = " ".join(["".join(reversed(w.parts)) for w in reversed(words)])
        # (words without white space, joined by one space: nothing to collapse or strip)
        return logical if flags & _PLAIN else _SPACE_RE.sub(" ", logical).strip()
    texts: list[str] = []  # the glyphs' texts, a space between words
    starts: list[int] = []  # where each word starts in them
    for w in words:
        if texts:
            texts.append(" ")
        starts.append(len(texts))
        texts.extend(w.parts)
    order, levels = resolve(list(map(bidi_rep, texts)), base_level)

    def glyph(i: int) -> Glyph:
        """The glyph at ``i`` of ``texts`` as an object (a few a line are looked at)."""
        k = bisect.bisect_right(starts, i) - 1
        return words[k].glyph(i - starts[k])

    if runs and base_level and 2 in levels:
        order = _stream_ordered_runs(order, levels, texts, starts, words)
    if not flags & _NO_SLOT:
        _restore_kashida(texts, functools.partial(_glyph_boxes, words, starts))
    # a bracket the engine mirrored for display in a right-to-left run, back to the
    # character in the text; on a page that names them by their mirror images, a bracket
    # of such a run the engine left as named
    if not MIRRORED.keys().isdisjoint(texts):
        for i in [i for i, text in enumerate(texts) if text in MIRRORED]:
            if levels[i] % 2 and glyph(i).mirrored != mirrored:
                texts[i] = MIRRORED[texts[i]]
    return _SPACE_RE.sub(" ", "".join([texts[i] for i in order])).strip()


def _stream_ordered_runs(
    order: list[int], levels: list[int], texts: list[str], starts: list[int], words: list[Word],
) -> list[int]:
    """``order`` (a right-to-left line's visual glyph places in logical order) with the
    words of each left-to-right run read in the order the content stream draws them
    where it draws them from right to left: a producer that set a run of Latin words one
    by one in the right-to-left order of the line (XeLaTeX without ``\\lr``: ``Translation
    in Lost``) still wrote them in the stream in the order of the text. A run drawn left
    to right, as the bidi algorithm lays it out, stays as it is."""
    n = len(texts)
    i = 0
    while i < n:
        if levels[i] != 2:
            i += 1
            continue
        j = i
        while j < n and levels[j] == 2:
            j += 1
        word_of = {x: bisect.bisect_right(starts, x) - 1 for x in range(i, j) if texts[x] != " "}
        ks = sorted(set(word_of.values()))
        spaces = [x for x in range(i, j) if texts[x] == " "]
        at = order.index(i)
        if (
            len(ks) >= 2 and len(spaces) == len(ks) - 1
            and order[at:at + j - i] == list(range(i, j))
            and all(a > b for a, b in itertools.pairwise(words[k].glyph(0).order for k in ks))
        ):
            block: list[int] = []
            for m, k in enumerate(reversed(ks)):
                if m:
                    block.append(spaces[m - 1])
                block.extend(x for x, w in word_of.items() if w == k)
            order = order[:at] + block + order[at + j - i:]
        i = j
    return order


# What a word lets its line skip (``_word_flags``), bits of one number: ``_line_text``
# reads a line whose words all let it as it is, and looks for kashida slots only in a
# line with a word that may have one.
_RTL_ONE_LEVEL, _LTR_ONE_LEVEL, _PLAIN, _NO_SLOT = 1, 2, 4, 16
_ONE_LEVEL = (_LTR_ONE_LEVEL, _RTL_ONE_LEVEL)  # by paragraph level


@word_memo
def _word_flags(text: str) -> int:
    """What a word lets the line it is in skip, asked once a word (the words of a page
    repeat): the bidi pass, the kashida and the brackets in a right-to-left line
    (``_RTL_ONE_LEVEL``: all its characters stay at the paragraph's level, none is a
    bracket the engine may have mirrored, and inside it is no kashida slot, a glyph that
    is no letter between two of its letters), or in a left-to-right line, where no
    Arabic letter is for a kashida to join and nothing is mirrored (``_LTR_ONE_LEVEL``);
    and collapsing white space (``_PLAIN``: it has none, and some text); and, in a line
    that takes the bidi pass, the search for kashida slots (``_NO_SLOT``: every
    character inside it is letter-like, so no glyph inside it starts with one that is
    not, as a slot's glyphs do; or no character between its first and last Arabic
    letter is not letter-like, as a slot between two Arabic letters needs). The spaces
    between the words are neutral, and no bracket. ``هجوم،`` lets a right-to-left line
    skip all, ``2017`` the white space and the kashida slots."""
    if not text:
        return _RTL_ONE_LEVEL | _LTR_ONE_LEVEL | _NO_SLOT
    chars = list(map(_CHAR_FLAGS.__getitem__, text))
    flags = functools.reduce(operator.and_, chars)
    if functools.reduce(operator.and_, chars[1:-1], _LETTER) & _LETTER:
        flags |= _NO_SLOT
    else:
        flags &= ~_RTL_ONE_LEVEL  # a kashida slot inside
        arabic = [k for k, char in enumerate(chars) if char & _ARABIC]
        if len(arabic) < 2 or (
            functools.reduce(operator.and_, chars[arabic[0] + 1:arabic[-1]], _LETTER) & _LETTER
        ):
            flags |= _NO_SLOT
    return flags & (_RTL_ONE_LEVEL | _LTR_ONE_LEVEL | _PLAIN | _NO_SLOT)


_LETTER = 8  # (``_char_flags`` only) a letter, a mark or the kashida
_ARABIC = 32  # (``_char_flags`` only) an Arabic letter


def _char_flags(ch: str) -> int:
    """``_word_flags`` of one character, ``_LETTER`` if it is letter-like and
    ``_ARABIC`` if an Arabic letter. A
    character stays at a right-to-left paragraph's level unless it is left to right or
    a number (its class, or ``bidi_rep``'s ``!`` for it, is neutral), at a left-to-right
    one unless it is right to left or a number."""
    code = CLASS_CODES[ch]  # (the letter of its bidi class: L, EN, AN are l, e, n)
    flags = 0
    if code not in "len" and ch not in MIRRORED:
        flags |= _RTL_ONE_LEVEL
    if code not in "raen":  # (R, AL, EN, AN)
        flags |= _LTR_ONE_LEVEL
    if not ch.isspace():
        flags |= _PLAIN
    if is_letterlike(ch):
        flags |= _LETTER
    if is_arabic_letter(ch):
        flags |= _ARABIC
    return flags


_CHAR_FLAGS = CharMemo(_char_flags)


def _restore_kashida(texts: list[str], boxes: Callable[[list[int]], Boxes]) -> None:
    """In place, on a line's visual-order glyph ``texts`` (a space between words;
    ``boxes(places)`` the boxes of the glyphs at those places of ``texts``): non-letter
    glyphs whose ink is a thin stroke on the baseline, glued between an Arabic letter
    that joins forward (on the right) and an Arabic letter (on the left), are the
    justification kashida mis-mapped by the producer (LibreOffice maps it to ``1`` or a
    bracket)."""
    # the runs of non-letter glyphs between two Arabic letters, found by a pattern on
    # one character a glyph: Arabic letter, other letter-like glyph, other glyph, space
    # (no glyph in a word is a space); the letter on the right must join forward
    kinds = "".join(map(_kashida_kind, texts))
    slots = [run.span() for run in _KASHIDA_SLOT_RE.finditer(kinds)]
    slots = [(i, j) for i, j in slots if _base_letter(texts[j]) not in NOT_FORWARD_JOINING]
    if not slots:
        return
    # the boxes of every slot's glyphs and the letters around it, read at once
    x0, x1, size, ink = boxes([at for i, j in slots for at in range(i - 1, j + 1)])
    first = 0  # where the slot's letter on the left is in the boxes read
    for i, j in slots:
        middle = range(first + 1, first + j - i + 1)
        last = first + j - i + 1  # the letter on the right
        tol = KASHIDA_CONTACT_EM * size[last]
        # logical order right to left: the letter ``last`` is on the right, ``first`` on
        # the left, and the glyphs between them form one unbroken stretch
        if (
            all(0 <= ink[k] <= KASHIDA_INK_EM * size[k] for k in middle)
            and x0[last] - max(x1[k] for k in middle) <= tol
            and min(x0[k] for k in middle) - x1[first] <= tol
        ):
            texts[i:j] = [TATWEEL] * (j - i)
        first = last + 1


# The x0, x1, size and ink of some glyphs, a list each (``_glyph_boxes``).
Boxes = tuple[list[float], list[float], list[float], list[float]]


def _glyph_boxes(words: list[Word], starts: list[int], places: list[int]) -> Boxes:
    """The boxes of the glyphs at ``places`` of a line's glyph texts, where its ``words``
    start at ``starts``: read a column at a time from the page's columns, which the
    words of a page share (a glyph at a time otherwise)."""
    ks = [bisect.bisect_right(starts, i) - 1 for i in places]
    source = words[ks[0]].source
    if all(words[k].source is source for k in ks):
        return source.boxes([words[k].first + i - starts[k] for k, i in zip(ks, places, strict=True)])
    glyphs = [words[k].glyph(i - starts[k]) for k, i in zip(ks, places, strict=True)]
    return [g.x0 for g in glyphs], [g.x1 for g in glyphs], [g.size for g in glyphs], [
        g.ink for g in glyphs]


_KASHIDA_SLOT_RE = re.compile("(?<=A)N+(?=A)")


@functools.lru_cache(maxsize=4096)
def _kashida_kind(text: str) -> str:
    """A glyph's kind for ``_KASHIDA_SLOT_RE``: A an Arabic letter (by its first
    character), L another letter-like glyph, N any other glyph; a space stays one."""
    if text == " ":
        return text
    if is_arabic_letter(text[0]):
        return "A"
    return "L" if is_letterlike(text) else "N"


def _base_letter(text: str) -> str:
    """The last letter of a glyph's text, ignoring marks (the one that joins onward)."""
    letters = [ch for ch in text if not unicodedata.category(ch).startswith("M")]
    return letters[-1] if letters else ""
