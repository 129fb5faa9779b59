"""Glyphs a PDF's ToUnicode map leaves out, and the letters they stand for.

XeLaTeX (xdvipdfmx) writes a ToUnicode map only for the glyphs the font's cmap reaches;
a glyph reached only through the font's substitutions (GSUB), such as the ALEF of a
LAM-ALEF drawn as two glyphs, gets no entry, and the embedded subset keeps neither cmap
nor GSUB to read it from. pdfium then gives the glyph's code (its glyph id) as if it were
a character: ``لل؝رهاب`` for ``للارهاب``. Such a glyph is found by its font's ToUnicode
map (read here), stands in the layout as a placeholder letter of its own, and once the
document's text is laid out becomes the one Arabic letter that makes the words it stands
in the most frequent words (wordfreq's Arabic list), or U+FFFD where no letter does so
clearly: the same glyph of the same font is the same letter throughout a document.

>>> decipher(["لل\u08a0رهاب خل\u08a0ل \u08a0لعلم"], {"\u08a0"})
['للارهاب خلال العلم']
"""

from __future__ import annotations

import binascii
import collections
import functools
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bidi.mirror import MIRRORED

from ..text.zipf import zipf
from .pdf_glyphs import REPLACEMENT

__all__ = ["UnicodeMaps", "decipher", "plain_object", "plain_unicode_map", "read_unicode_maps"]

# Placeholders: letters of Arabic Extended-A (right-to-left, letters to the layout), which
# Arabic prose does not use; a document whose ToUnicode maps give one of them skips it.
_PLACEHOLDERS = [chr(c) for c in range(0x08A0, 0x08C9) if c not in (0x08B5,)]
# Letters a placeholder may become: HAMZA..GHAIN, FEH..YEH.
_LETTERS = [chr(c) for c in (*range(0x0621, 0x063B), *range(0x0641, 0x064B))]
# A word: letters, placeholders, and the marks and kashida inside it (left out to look
# the word up).
_WORD_RE = re.compile("[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u08a0-\u08c8]+")
_NOT_LOOKED_UP_RE = re.compile("[\u0640\u064b-\u065f\u0670]")
# A word is known when wordfreq's Arabic list has it at least this often (Zipf scale).
KNOWN_ZIPF = 1.5
# The letter taken is the one whose words are the most frequent (the sum of their Zipf
# values, 0 for a word not in the list: the log-likelihood of the words under a unigram
# model), when at least this many of the glyph's words (and this share of them) are
# known with it, and it leads the next letter by this much a word (ten times as common).
MIN_KNOWN = 2
MIN_SHARE = 0.6
MIN_LEAD = 1.0


@dataclass
class UnicodeMaps:
    """The ToUnicode maps of a document's Type0 fonts with an Identity encoding (code =
    CID): the codes each maps, by base font name, and every character any map gives;
    and the placeholders handed out so far, by (font, code)."""

    mapped: dict[str, frozenset[int]]
    values: frozenset[int]
    placeholders: dict[tuple[str, int], str] = field(default_factory=dict)

    def placeholder(self, font: str, code: int) -> str | None:
        """The placeholder of the glyph ``code`` of ``font`` if the font's map lacks it
        (``None`` when it has it, or the font is not one of the maps')."""
        mapped = self.mapped.get(font)
        if mapped is None or code in mapped:
            return None
        key = (font, code)
        if key not in self.placeholders:
            free = [p for p in _PLACEHOLDERS if ord(p) not in self.values]
            n = len(self.placeholders)
            self.placeholders[key] = free[n] if n < len(free) else REPLACEMENT
        return self.placeholders[key]

    def lost(self, font: str, code: int, page_codes: frozenset[int]) -> str:
        """The placeholder of a glyph ``code`` of ``font`` whose ToUnicode entry names no
        character (cairo, for WeasyPrint, maps a glyph first drawn without text of its
        own to nothing, and every later LAM drawn by it is lost): one a glyph, as for a
        glyph the map lacks, none of the ``page_codes`` (the page's own characters)."""
        key = (font, code)
        if key not in self.placeholders:
            taken = set(self.placeholders.values())
            free = [p for p in _PLACEHOLDERS if ord(p) not in self.values
                    and ord(p) not in page_codes and p not in taken]
            self.placeholders[key] = free[0] if free else REPLACEMENT
        return self.placeholders[key]


def read_unicode_maps(path: str | Path) -> UnicodeMaps | None:
    """The ToUnicode maps of the Type0 Identity fonts of the PDF at ``path`` whose embedded
    TrueType program has no cmap (``_no_cmap``; read with pdfminer), or ``None`` when it
    has none or cannot be read so. A base font name used
    by two fonts with different maps is left out (its glyphs cannot be told apart)."""
    try:
        from pdfminer.cmapdb import CMapParser, FileUnicodeMap
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        data = Path(path).read_bytes()
        # a file with no Type0 font dictionary in plain sight and no object streams (where
        # dictionaries are compressed) has none: skip the parse
        if b"/Type0" not in data and b"/ObjStm" not in data:
            return None
        mapped: dict[str, frozenset[int] | None] = {}
        values: set[int] = set()
        seen: set[int] = set()
        with io.BytesIO(data) as fh:
            document = _lazy_document_class()(PDFParser(fh))
            for page in PDFPage.create_pages(document):
                fonts = resolve1(resolve1(page.resources or {}).get("Font")) or {}
                for ref in fonts.values():
                    key = getattr(ref, "objid", id(ref))  # a font shared by pages: read once
                    if key in seen:
                        continue
                    seen.add(key)
                    spec = resolve1(ref)
                    if not isinstance(spec, dict) or _name(spec.get("Subtype")) != "Type0":
                        continue
                    if not _name(spec.get("Encoding")).startswith("Identity"):
                        continue
                    stream = resolve1(spec.get("ToUnicode"))
                    if stream is None or not hasattr(stream, "get_data"):
                        continue
                    if not _no_cmap(resolve1(spec.get("DescendantFonts"))):
                        continue
                    data = stream.get_data()
                    cid2unichr = plain_unicode_map(data)
                    if cid2unichr is None:  # a map in a form the plain reader leaves out
                        cmap = FileUnicodeMap()
                        CMapParser(cmap, io.BytesIO(data)).run()
                        cid2unichr = cmap.cid2unichr
                    codes = frozenset(cid2unichr)
                    values.update(*map(_given_codes, set(cid2unichr.values())))
                    name = _name(spec.get("BaseFont"))
                    mapped[name] = codes if mapped.get(name, codes) == codes else None
    except Exception:  # a PDF pdfminer cannot read: pdfium's text stands as it is
        return None
    kept = {name: codes for name, codes in mapped.items() if codes is not None}
    return UnicodeMaps(kept, frozenset(values)) if kept else None


@functools.lru_cache(maxsize=4096)
def _given_codes(text: str) -> frozenset[int]:
    """The code points pdfium may give for a glyph a ToUnicode map names ``text``: its
    characters, the letters of presentation forms and compatibility characters, and
    brackets mirrored in right-to-left runs (asked once a text: a font's maps name
    much the same characters in each document).

    >>> sorted(map(hex, _given_codes("(")))
    ['0x28', '0x29']
    """
    text += unicodedata.normalize("NFKC", text)
    return frozenset(map(ord, text + "".join(MIRRORED.get(ch, "") for ch in text)))


# A ToUnicode CMap as most producers write it: blocks of bfchar (``<src> <dst>``) and
# bfrange (``<lo> <hi> <dst>`` or ``<lo> <hi> [<dst> ...]``) entries, hex strings only.
_CMAP_BLOCK_RE = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)
_CMAP_BODY_RE = re.compile(rb"(?:\s*(?:<[0-9A-Fa-f\s]*>|\[|\]))*\s*")
_CMAP_TOKEN_RE = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]")
_CMAP_SPACE_RE = re.compile(rb"\s+")
# what the plain reader leaves to pdfminer's parser: another CMap used, CID mappings
_CMAP_OTHER_RE = re.compile(rb"usecmap|begincidrange|begincidchar|beginnotdefrange|beginnotdefchar")


def plain_unicode_map(data: bytes) -> dict[int, str] | None:
    """Code → text of a ToUnicode CMap written in bfchar and bfrange blocks of hex strings,
    as pdfminer's ``CMapParser`` reads it (a tenth of its time); ``None`` for a map in any
    other form, which is left to that parser.

    >>> plain_unicode_map(b"begincmap 1 beginbfchar <0003> <0627> endbfchar endcmap")
    {3: 'ا'}
    """
    if b"begincmap" not in data or _CMAP_OTHER_RE.search(data):
        return None
    out: dict[int, str] = {}
    for match in _CMAP_BLOCK_RE.finditer(data):
        body = match.group(2)
        if match.group(1) == b"bfchar" and _plain_bfchar(body, out):
            continue
        if not _CMAP_BODY_RE.fullmatch(body):
            return None
        tokens: list[object] = []  # hex strings as bytes, arrays as lists of them
        array: list[bytes] | None = None
        for token in _CMAP_TOKEN_RE.finditer(body):
            if token.group(0) == b"[":
                if array is not None:
                    return None
                array = []
            elif token.group(0) == b"]":
                if array is None:
                    return None
                tokens.append(array)
                array = None
            else:
                digits = _CMAP_SPACE_RE.sub(b"", token.group(1))
                if len(digits) % 2:
                    return None
                (tokens if array is None else array).append(bytes.fromhex(digits.decode()))
        if array is not None or not _cmap_entries(match.group(1), tokens, out):
            return None
    return out


# a bfchar block as most write it: pairs of hex strings of whole bytes, a code of one to
# four bytes, no white space inside a string
_BFCHAR_PLAIN_RE = re.compile(rb"(?:\s*<(?:[0-9A-Fa-f]{2}){1,4}>\s*<(?:[0-9A-Fa-f]{2})*>)*\s*")
_BFCHAR_PAIR_RE = re.compile(rb"<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>")


def _plain_bfchar(body: bytes, out: dict[int, str]) -> bool:
    """Into ``out``: the entries of a bfchar block in the plain form (``_BFCHAR_PLAIN_RE``),
    read by one pattern, as ``_cmap_entries`` reads them token by token; False (``out``
    unchanged) for a block in another form, left to it."""
    if not _BFCHAR_PLAIN_RE.fullmatch(body):
        return False
    for src, dst in _BFCHAR_PAIR_RE.findall(body):
        _add_unicode(out, int(src, 16), binascii.unhexlify(dst))
    return True


def _cmap_entries(kind: bytes, tokens: list, out: dict[int, str]) -> bool:
    """Into ``out``: the entries of one bfchar or bfrange block (False where the block is in
    a form ``plain_unicode_map`` leaves to pdfminer)."""
    width = 2 if kind == b"bfchar" else 3
    if len(tokens) % width:
        return False
    for k in range(0, len(tokens), width):
        src = tokens[k]
        if not isinstance(src, bytes) or not 1 <= len(src) <= 4:
            return False
        if width == 2:
            if not isinstance(tokens[k + 1], bytes):
                return False
            _add_unicode(out, int.from_bytes(src, "big"), tokens[k + 1])
            continue
        end, dst = tokens[k + 1], tokens[k + 2]
        if not isinstance(end, bytes) or len(end) != len(src):
            return False
        lo, hi = int.from_bytes(src, "big"), int.from_bytes(end, "big")
        if isinstance(dst, list):
            for code, value in zip(range(lo, hi + 1), dst, strict=False):
                _add_unicode(out, code, value)
            continue
        # (pdfminer's reading: the last four bytes counted on, wrapping within their width)
        var, prefix = dst[-4:], dst[:-4]
        base, width_var = int.from_bytes(var, "big"), len(var)
        for i in range(hi - lo + 1):
            value = prefix + ((base + i) % (1 << 32)).to_bytes(4, "big")[4 - width_var:]
            _add_unicode(out, lo + i, value)
    return True


def _add_unicode(out: dict[int, str], code: int, value: bytes) -> None:
    """One entry, as pdfminer's ``FileUnicodeMap.add_cid2unichr`` adds it: UTF-16BE, and a
    NO-BREAK SPACE never over a SPACE."""
    text = value.decode("utf-16-be", "ignore")
    if text == "\u00a0" and out.get(code) == " ":
        return
    out[code] = text


@functools.cache
def _lazy_document_class() -> type:
    """pdfminer's ``PDFDocument``, reading an object of an object stream alone: pdfminer
    parses the whole stream for the first object asked of it, where a font's width
    arrays (``/W [3 [500] 17 [251 313] ...]``), which are never asked, are most of its
    tokens. The stream's header gives each object's place (``N`` pairs of number and
    offset, the offsets counted from ``First``); a stream whose header does not read
    so, or an object that does not parse alone, is read whole as pdfminer reads it."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFStreamParser
    from pdfminer.psparser import PSEOF

    class LazyObjectStreams(PDFDocument):
        def _getobj_objstm(self, stream: Any, index: int, objid: int) -> object:
            places = _object_places(stream)
            if places is None or not 0 <= index < len(places) - 1:
                return super()._getobj_objstm(stream, index, objid)
            data = stream.get_data()[places[index]:places[index + 1]]
            plain = plain_object(data, self)
            if plain is not None:
                return plain
            parser = PDFStreamParser(data)
            parser.set_document(self)
            try:
                (_, obj) = parser.nextobject()
                parser.nextobject()  # (more than one object: the header misleads)
            except PSEOF:
                return obj
            except Exception:  # (read whole, as pdfminer reads it)
                return super()._getobj_objstm(stream, index, objid)
            return super()._getobj_objstm(stream, index, objid)

    return LazyObjectStreams


# A dictionary or array of an object stream as most producers write the fonts and pages,
# token by token: brackets, names without ``#`` escapes, references, numbers, booleans,
# strings without escapes or parentheses inside, and hex strings of whole bytes; each
# token but a bracket or string ends at a delimiter (pdfminer cuts ``12abc`` in two)
_END = rb"(?=[\s/\[\]<>()]|\Z)"
_PLAIN_TOKEN_RE = re.compile(
    rb"\s*(?:(<<|>>|\[|\])|/([^\s/\[\]<>(){}%#\x80-\xff]*)" + _END
    + rb"|(\d+)\s+\d+\s+R" + _END + rb"|([+-]?\d+)" + _END
    + rb"|([+-]?(?:\d+\.\d*|\.\d+))" + _END + rb"|(true|false)" + _END
    + rb"|\(([^()\\]*)\)|<((?:[0-9A-Fa-f]{2})*)>)"
)
_TRAILING_SPACE_RE = re.compile(rb"\s*")
_BRACKET, _NAME, _REF, _INT, _REAL, _BOOL, _STRING, _HEX = range(1, 9)


def plain_object(data: bytes, document: Any = None) -> object | None:
    """A dictionary or array in the plain form (``_PLAIN_TOKEN_RE``), read as pdfminer's
    ``PDFStreamParser`` reads it (names as ``LIT``, references as ``PDFObjRef`` of
    ``document``, strings as bytes) by one pattern, a fraction of its time; ``None`` for
    anything else (a token of another form, another kind of object, more than one),
    which is left to it.

    >>> plain_object(b"<</Subtype/Type0/DescendantFonts[5 0 R]/DW 1000>>")
    {'Subtype': /'Type0', 'DescendantFonts': [<PDFObjRef:5>], 'DW': 1000}
    """
    from pdfminer.pdftypes import PDFObjRef
    from pdfminer.psparser import LIT, PSLiteral

    stack: list[list[object]] = []
    closing: list[bytes] = []  # the bracket that closes each open one
    at, end = 0, len(data)
    done: list[object] = []
    while at < end:
        token = _PLAIN_TOKEN_RE.match(data, at)
        if token is None:
            if _TRAILING_SPACE_RE.fullmatch(data, at):
                break
            return None
        at = token.end()
        if done:  # (a second object)
            return None
        kind, text = token.lastindex, token.group(token.lastindex or 0)
        value: object
        if kind == _BRACKET:
            if text in (b"<<", b"["):
                stack.append([])
                closing.append(b">>" if text == b"<<" else b"]")
                continue
            if not closing or closing.pop() != text:
                return None
            items = stack.pop()
            if text == b"]":
                value = items
            else:
                keys = items[::2]
                if len(items) % 2 or not all(isinstance(key, PSLiteral) for key in keys):
                    return None
                value = {key.name: item for key, item in zip(keys, items[1::2], strict=True)}
        elif kind == _NAME:
            value = LIT(text.decode())
        elif kind == _REF:
            if not int(text):  # (object 0: pdfminer's own rules)
                return None
            value = PDFObjRef(document, int(text))
        elif kind == _INT:
            value = int(text)
        elif kind == _REAL:
            value = float(text)
        elif kind == _BOOL:
            value = text == b"true"
        elif kind == _STRING:
            value = text
        else:
            value = bytes.fromhex(text.decode())
        if not stack:  # (a name or number alone is left to pdfminer)
            if not isinstance(value, (dict, list)):
                return None
            done.append(value)
        else:
            stack[-1].append(value)
    return done[0] if done and not stack else None


def _object_places(stream: Any) -> list[int] | None:
    """The byte places of the objects of an object stream in its data, and its end: the
    offsets its header gives (``N`` pairs of number and offset), counted from ``First``;
    None where they are not ``N`` rising offsets inside the data."""
    n, first = stream.get("N"), stream.get("First")
    if not isinstance(n, int) or not isinstance(first, int) or n < 1 or first < 0:
        return None
    data = stream.get_data()
    try:
        numbers = [int(part) for part in data[:first].split()]
    except ValueError:
        return None
    if len(numbers) != 2 * n:
        return None
    places = [first + offset for offset in numbers[1::2]] + [len(data)]
    if any(b <= a for a, b in itertools.pairwise(places)):
        return None
    return places


def _no_cmap(descendants: object) -> bool:
    """Whether the font program embedded for a Type0 font is TrueType without a cmap
    table: then nothing in the PDF leads from a glyph its ToUnicode map lacks to a
    character, and pdfium gives the glyph id (a font with a cmap, as Chromium and
    WeasyPrint embed, lets pdfium find the character itself)."""
    from pdfminer.pdftypes import resolve1

    if not isinstance(descendants, list) or not descendants:
        return False
    descriptor = resolve1(resolve1(descendants[0]).get("FontDescriptor")) or {}
    program = resolve1(descriptor.get("FontFile2"))
    if program is None or not hasattr(program, "get_data"):
        return False
    data = _font_head(program)
    if len(data) < 12:
        return False
    tables = int.from_bytes(data[4:6], "big")
    tags = {data[12 + 16 * i: 16 + 16 * i] for i in range(tables)}
    return b"glyf" in tags and b"cmap" not in tags


def _font_head(program: Any) -> bytes:
    """The start of an embedded font program, through its table directory (12 bytes,
    then 16 a table): of a stream compressed by Flate alone, only that much is
    decompressed (a font program is tens of kilobytes, its directory a few hundred
    bytes); of any other, all of it, as pdfminer decodes it."""
    import zlib

    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    filters = program.get_filters() if program.data is None and not program.decipher else None
    if not filters or len(filters) != 1 or filters[0][0] not in LITERALS_FLATE_DECODE or filters[0][1]:
        return program.get_data()
    try:
        inflate = zlib.decompressobj()
        head = inflate.decompress(program.rawdata, 12)
        if len(head) == 12:
            head += inflate.decompress(inflate.unconsumed_tail, 16 * int.from_bytes(head[4:6], "big"))
    except zlib.error:  # (pdfminer reads what it can of a damaged stream)
        return program.get_data()
    return head


def _name(value: object) -> str:
    """A PDF name as a string (pdfminer gives ``PSLiteral`` objects)."""
    value = getattr(value, "name", value)
    return value.decode("latin-1") if isinstance(value, bytes) else str(value or "")


def decipher(pages: list[str], placeholders: set[str]) -> list[str]:
    """The pages with each placeholder made the letter that makes most of its words known
    words, or U+FFFD (see the module's docstring).

    >>> decipher(["\u08a0\u08a0"], {"\u08a0"})
    ['\ufffd\ufffd']
    """
    if not placeholders:
        return pages
    words: dict[str, collections.Counter[str]] = {p: collections.Counter() for p in placeholders}
    for page in pages:
        for word in _WORD_RE.findall(page):
            word = _NOT_LOOKED_UP_RE.sub("", word)
            inside = placeholders.intersection(word)
            if len(inside) == 1:  # (a word with two unknown glyphs says little of either)
                words[inside.pop()][word] += 1
    table = {p: _best_letter(p, words[p]) for p in placeholders}
    table = {p: letter for p, letter in table.items() if p != letter}
    out = str.maketrans(table)
    return [page.translate(out) for page in pages]


def _best_letter(placeholder: str, words: collections.Counter[str]) -> str:
    """The letter whose words are the most frequent, if clearly so, or U+FFFD."""
    total = sum(words.values())
    if not total:
        return REPLACEMENT
    scores = []
    for letter in _LETTERS:
        zipfs = [(zipf(word.replace(placeholder, letter)), n) for word, n in words.items()]
        known = sum(n for z, n in zipfs if z >= KNOWN_ZIPF)
        scores.append((sum(z * n for z, n in zipfs), known, letter))
    scores.sort(reverse=True)
    (best, known, letter), (second, _, _) = scores[0], scores[1]
    if known >= MIN_KNOWN and known >= MIN_SHARE * total and best - second >= MIN_LEAD * total:
        return letter
    return REPLACEMENT
