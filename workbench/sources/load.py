"""Loaders: files, folders and globs of articles into one documents table.

Every input becomes rows of the same shape, one per document, whatever its format
(``.txt``, ``.pdf``, ``.html``/``.htm``, Word ``.docx`` and OpenDocument ``.odt``,
``.doc``/``.rtf`` through LibreOffice, page images ``.png``/``.jpg``/``.tif`` and
scanned PDF pages through Tesseract OCR, and corpus files ``.jsonl``/``.csv`` with one
article per row). A document that cannot be read still gets its row, with ``error``
naming the file and the problem, so a batch never stops on one bad file; every file
under a folder gets a row, a type the workbench does not read too (``unsupported
type``), except hidden files and folders, metadata sidecars and the workbench's own
outputs. Input files are opened read-only and never modified.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_bytes("\\ufeffنص\\r\\nعربي".encode("utf-8"))
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> docs = load(folder)
>>> docs[["doc_id", "text", "encoding", "error"]].values.tolist()
[['a', 'نص\\nعربي', 'utf-8-sig', ''], ['b', '', '', 'b.txt: empty file']]
"""

from __future__ import annotations

import codecs
import csv
import glob
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from ..text.arabic import ARABIC_LETTER_RE, BIDI_CONTROLS, ZERO_WIDTH

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
WORD_SUFFIXES = {".docx", ".odt"}
CONVERTED_SUFFIXES = {".doc", ".rtf"}  # through LibreOffice, when installed
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".tsv"}
SUPPORTED = (
    TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES | CONVERTED_SUFFIXES
    | IMAGE_SUFFIXES | CORPUS_SUFFIXES
)
SIDECAR_SUFFIX = ".meta.json"
# What ``workbench run`` writes into its output folder, listed in its manifest there; an
# output folder inside an input folder is not read back as articles.
OUTPUT_MANIFEST = ".workbench-manifest.json"
OUTPUT_FILES = (
    "documents.csv", "gaps.csv", "mentions.csv", "claims.csv", "events.csv",
    "events_acled.csv", "timeline.png", "timeline.svg", "report.html",
)
# One article is tens of thousands of characters; a document beyond this is a corpus or a
# dump saved as one file, and analysing it as one article would take minutes and mean little.
MAX_CHARS = 5_000_000
MIN_HTML_WORDS = 5

# Column names tried, in order, when a corpus file does not say which column is which.
TEXT_KEYS = ("text", "body", "content", "article", "full_text", "story", "نص", "المتن")
TITLE_KEYS = ("title", "headline", "heading", "عنوان", "العنوان")
DATE_KEYS = ("published", "date", "pub_date", "publication_date", "datetime", "time", "تاريخ")
AUTHOR_KEYS = ("author", "byline", "writer", "الكاتب", "كاتب")
ID_KEYS = ("doc_id", "id", "article_id", "uid", "url")

COLUMNS = [
    "doc_id", "title", "author", "published", "published_basis", "language",
    "source_path", "record", "format", "encoding", "n_chars_raw", "text", "error",
]

# Whether the file being read shows a progress bar over the pages it OCRs (set per file
# by ``_read_path``, so that readers keep the one signature ``(path, doc)``).
_OCR_PROGRESS: ContextVar[bool] = ContextVar("ocr_progress", default=False)
_INVISIBLE = str.maketrans("", "", BIDI_CONTROLS + ZERO_WIDTH)
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_LINE_BREAKS = re.compile(r"\r\n?|\n|\u2028|\u2029|\x85")  # _NEWLINES and LF
# A corpus file is read this many characters (or bytes) at a time.
_CHUNK_CHARS = 1 << 20
_ID_UNSAFE = re.compile(r"[^\w.\-]+")


class LoadError(Exception):
    """A document could not be read; the message names the problem."""


@dataclass
class Document:
    """One article as loaded: raw text plus what is known about it."""

    doc_id: str
    text: str = ""
    title: str = ""
    author: str = ""
    published: str = ""
    published_basis: str = ""
    language: str = ""
    source_path: str = ""
    record: str = ""
    format: str = ""
    encoding: str = ""
    error: str = ""
    extra: dict = field(default_factory=dict)
    # Spans of ``text`` its reader could not vouch for (OCR read with low confidence):
    # ``{"raw_start", "raw_end", "kind", "context"}``; ``workbench run`` writes them to
    # gaps.csv (``workbench.sources.flags``).
    flags: list[dict] = field(default_factory=list)

    @property
    def n_chars_raw(self) -> int:
        """Length of the text as read (also when it was set aside for being too long)."""
        return len(self.text) or int(self.extra.get("n_chars_raw", 0))

    def row(self) -> dict:
        data = asdict(self)
        data.pop("extra")
        data.pop("flags")
        data["n_chars_raw"] = self.n_chars_raw
        return {k: data[k] for k in COLUMNS}


def load(
    *paths: str | Path,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    max_chars: int = MAX_CHARS,
) -> pd.DataFrame:
    """Read files, folders and globs into a documents table, one row per document.

    Columns: ``doc_id, title, author, published, published_basis, language,
    source_path, record, format, encoding, n_chars_raw, text, error``. No path: the
    bundled seeds. ``*_column`` name the columns of ``.jsonl``/``.csv`` corpus files
    when the usual names (text/body/content, title/headline, date/published) do not fit.
    A document longer than ``max_chars`` characters gets an error row instead of its text.
    """
    docs = iter_documents(
        *paths, text_column=text_column, title_column=title_column, date_column=date_column,
        max_chars=max_chars,
    )
    return pd.DataFrame([d.row() for d in docs], columns=COLUMNS)


def iter_documents(
    *paths: str | Path,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Document]:
    """Yield documents one at a time (a corpus is streamed, never held whole)."""
    for item in iter_sources(*paths, text_column=text_column, title_column=title_column,
                             date_column=date_column, max_chars=max_chars):
        yield item.read() if isinstance(item, Source) else item


@dataclass(frozen=True)
class Source:
    """A one-document file (.txt, .pdf, .html) named but not read yet, with its doc_id.

    ``workbench run`` hands these to its worker processes, so PDFs and web pages are read
    in parallel instead of one after another before any analysis starts.
    """

    path: Path
    doc_id: str
    max_chars: int = MAX_CHARS
    progress: bool = False  # a progress bar over the pages of a scan being OCR'd

    def read(self) -> Document:
        """The document, or its row with an ``error`` naming the file and the problem."""
        doc = next(_read_path(self.path, None, None, None, progress=self.progress))
        doc.doc_id = self.doc_id
        return _within_limit(doc, self.path, self.max_chars)


def iter_sources(
    *paths: str | Path,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    max_chars: int = MAX_CHARS,
    progress: bool = False,
) -> Iterator[Document | Source]:
    """Like :func:`iter_documents`, but one-document files come as :class:`Source`, to be
    read by whoever analyses them; the records of corpus files are read here, in order.
    ``progress``: show a progress bar over the pages of each scan being OCR'd."""
    seen: dict[str, int] = {}
    for path in expand_paths(paths or (seeds_dir(),)):
        if path.suffix.lower() not in CORPUS_SUFFIXES:
            yield Source(path, _unique(_safe_id(path.stem), seen), max_chars, progress)
            continue
        for doc in _read_path(path, text_column, title_column, date_column):
            doc.doc_id = _unique(doc.doc_id, seen)
            yield _within_limit(doc, path, max_chars)


def _within_limit(doc: Document, path: Path, max_chars: int) -> Document:
    """``doc``, or its error row when its text is too long to be one article."""
    if len(doc.text) > max_chars and not doc.error:
        where = path.name + (f":{doc.record}" if doc.record else "")
        doc.error = (
            f"{where}: too long for one document ({len(doc.text):,} characters, limit "
            f"{max_chars:,}); split it into articles, or raise the limit (--max-chars)"
        )
        doc.extra["n_chars_raw"] = len(doc.text)
        doc.text = ""
    return doc


def seeds_dir() -> Path:
    """The bundled articles: ``seeds/`` beside the package (a source checkout)."""
    return Path(__file__).resolve().parents[2] / "seeds"


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, every file under folders (recursively) and glob matches.

    Left out under a folder or glob: hidden files and folders (``.name``), metadata
    sidecars (``NAME.meta.json``) and the files of a workbench output folder (found by
    its manifest, or by ``documents.csv`` beside a ``clean/`` folder). Files of types
    the workbench does not read are kept, so that their rows say so. A name that
    matches nothing is kept, so that its row can say "file not found".
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            out.extend(sorted(_folder_inputs(p)))
        elif p.exists():
            out.append(p)
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            outputs: dict[Path, frozenset[str]] = {}
            out.extend(
                m for m in matches
                if m.is_file() and _is_input(m)
                and m.name not in outputs.setdefault(m.parent, _output_files(m.parent))
            )
        else:
            out.append(p)
    return out


def _folder_inputs(folder: Path) -> Iterator[Path]:
    """The files under ``folder`` an input folder stands for (see ``expand_paths``)."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        own = _output_files(here)
        if own:
            dirs[:] = [d for d in dirs if d + "/" not in own]
        for name in files:
            f = here / name
            if name.startswith(".") or name in own or not _is_input(f) or not f.is_file():
                continue
            yield f


def _output_files(folder: Path) -> frozenset[str]:
    """Names (a trailing ``/`` for a folder) the workbench wrote in ``folder``, if it
    is one of its output folders: those its manifest lists, else the usual outputs when
    ``documents.csv`` lies beside a ``clean/`` folder."""
    manifest = folder / OUTPUT_MANIFEST
    if manifest.is_file():
        try:
            listed = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
        except (OSError, ValueError, AttributeError):
            listed = []
        names = {str(f).split("/")[0] + ("/" if "/" in str(f) else "") for f in listed}
        return frozenset(names | set(OUTPUT_FILES))
    if (folder / "documents.csv").is_file() and (folder / "clean").is_dir():
        return frozenset({*OUTPUT_FILES, "clean/"})
    return frozenset()


def _is_input(path: Path) -> bool:
    return not path.name.endswith(SIDECAR_SUFFIX)


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _unique(doc_id: str, seen: dict[str, int]) -> str:
    """``doc_id`` made unique within a run: ``a``, ``a-2``, ``a-3``."""
    base = doc_id or "document"
    n = seen.get(base, 0) + 1
    seen[base] = n
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in seen and candidate != base:
        n += 1
        seen[base] = n
        candidate = f"{base}-{n}"
    seen.setdefault(candidate, 1)
    return candidate


def _read_path(
    path: Path, text_column: str | None, title_column: str | None, date_column: str | None,
    *, progress: bool = False,
) -> Iterator[Document]:
    suffix = path.suffix.lower()
    base = Document(doc_id=_safe_id(path.stem), source_path=str(path), format=suffix.lstrip("."))
    try:
        if not path.exists():
            raise LoadError("file not found")
        if not path.is_file():
            raise LoadError("not a regular file")
        if suffix in CORPUS_SUFFIXES:
            yield from _read_corpus(path, base, text_column, title_column, date_column)
            return
        if suffix in TEXT_SUFFIXES:
            base.text, base.encoding = decode_text(path.read_bytes())
        elif suffix in HTML_SUFFIXES:
            _read_html(path, base)
        elif suffix in PDF_SUFFIXES:
            _showing_progress(progress, _read_pdf, path, base)
        elif suffix in WORD_SUFFIXES | CONVERTED_SUFFIXES:
            _read_office(path, base)
        elif suffix in IMAGE_SUFFIXES:
            _showing_progress(progress, _read_image, path, base)
        else:
            raise LoadError(
                f"unsupported type {suffix or '(no extension)'} (the workbench reads "
                f"{' '.join(sorted(SUPPORTED))})"
            )
        if not base.text.strip() and not base.error:
            raise LoadError("no text in document")
    except LoadError as exc:
        base.error = f"{path.name}: {exc}"
    except OSError as exc:
        base.error = f"{path.name}: cannot read ({exc.strerror or exc})"
    _merge_sidecar(path, base)
    yield base


def _showing_progress(progress: bool, reader: Callable[[Path, Document], None], path: Path,
                      doc: Document) -> None:
    token = _OCR_PROGRESS.set(progress)
    try:
        reader(path, doc)
    finally:
        _OCR_PROGRESS.reset(token)


# --- text ----------------------------------------------------------------------------

def decode_text(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text, encoding), in the encodings Arabic files come in.

    UTF-8 with or without BOM, UTF-16 (BOM or not), Windows-1256; newlines unified,
    bidi controls and zero-width marks removed.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise LoadError("empty file")
    text, encoding = _decode(data)
    return normalize_newlines_and_marks(text), encoding


def normalize_newlines_and_marks(text: str) -> str:
    """CRLF/CR to LF; bidi controls and zero-width characters (BOM, LRM, RLM...) removed."""
    return _NEWLINES.sub("\n", text).translate(_INVISIBLE)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise LoadError(f"undecodable UTF-16 text ({exc.reason})") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise LoadError("binary file, not text")
    return _decode_legacy(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM shows as NULs in every other byte (for Arabic and ASCII)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        other = even if zeros is odd else odd
        if zeros.count(0) + zeros.count(6) > 0.6 * len(zeros) and other.count(0) < 0.1 * len(other):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > 0.05 * len(sample)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF: Windows-1256 when it yields Arabic, else charset-normalizer's best guess."""
    candidates: list[str] = ["cp1256"]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    scored = []
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        letters = sum(1 for ch in text if ch.isalpha()) or 1
        arabic = len(ARABIC_LETTER_RE.findall(text))
        scored.append((arabic / letters, codec == "cp1256", text, codec))
    if not scored:
        raise LoadError("undecodable text (not UTF-8, UTF-16 or Windows-1256)")
    _, _, text, codec = max(scored, key=lambda s: (s[0], s[1]))
    return text, codec


# --- HTML ----------------------------------------------------------------------------

def _read_html(path: Path, doc: Document) -> None:
    """The article's title and body, without navigation, scripts and footers."""
    import trafilatura

    data = path.read_bytes()
    if not data.strip():
        raise LoadError("empty file")
    html, doc.encoding = _decode_html(data)
    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, favor_precision=True,
        with_metadata=True,
    )
    if result is None:
        raise LoadError("no article text found in HTML")
    body = (getattr(result, "text", None) or "").strip()
    # trafilatura falls back to any text on the page; a few words are a menu, not an article.
    if len(body.split()) < MIN_HTML_WORDS:
        raise LoadError("no article text found in HTML")
    doc.title = normalize_newlines_and_marks(getattr(result, "title", None) or "").strip()
    doc.author = (getattr(result, "author", None) or "").strip()
    doc.published = (getattr(result, "date", None) or "").strip()
    if doc.published:
        doc.published_basis = "html metadata"
    doc.language = (getattr(result, "language", None) or "").strip()
    text = normalize_newlines_and_marks(body)
    # Paragraphs as blocks separated by a blank line, as the cleaning stage expects.
    doc.text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    if doc.title:
        doc.text = f"{doc.title}\n\n{doc.text}"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _decode_html(data: bytes) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        codec = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass
    return _decode(data)


# --- PDF -----------------------------------------------------------------------------

def _read_pdf(path: Path, doc: Document) -> None:
    """The text layer; pages without one that draw something (scans) read by OCR."""
    from .ocr import DPI, OcrError, join_pages, ocr_pages
    from .pdf import PdfError, pdf_inked_pages, pdf_metadata, pdf_pages, render_pdf_pages

    try:
        pages = pdf_pages(path)
        meta = pdf_metadata(path)
        # (pages are loaded again to ask what they draw only where one has no text)
        blank = [i for i, text in enumerate(pages) if not text.strip()]
        inked = pdf_inked_pages(path) if blank else []
        scanned = [i for i in blank if inked[i]]
    except PdfError as exc:
        raise LoadError(str(exc)) from exc
    doc.title = meta.get("title", "") or ""
    doc.author = meta.get("author", "") or ""
    doc.encoding = "pdf text layer"
    if not scanned:
        if not any(p.strip() for p in pages):
            raise LoadError("no text layer and nothing drawn (blank pages)")
        doc.text = "\n\f\n".join(pages)
        return
    try:
        images = render_pdf_pages(path, scanned, dpi=DPI)
        read = dict(zip(scanned, ocr_pages(images, total=len(scanned), dpi=DPI, progress=_OCR_PROGRESS.get(),
                                            label=f"OCR {path.name}"), strict=False))
    except OcrError as exc:
        raise LoadError(f"no text layer on {len(scanned)} of {len(pages)} pages (scanned); {exc}") from exc
    except PdfError as exc:
        raise LoadError(str(exc)) from exc
    doc.text, doc.flags = join_pages(
        read[i].segments(label=f"page {i + 1}") if i in read else [(pages[i], None)]
        for i in range(len(pages))
    )
    doc.encoding = "ocr" if len(scanned) == len(pages) else "pdf text layer + ocr"


# --- Word, OpenDocument ----------------------------------------------------------------

def _read_office(path: Path, doc: Document) -> None:
    from .office import OfficeError, docx_text, odt_text, soffice_text

    suffix = path.suffix.lower()
    reader = {".docx": docx_text, ".odt": odt_text}.get(suffix, soffice_text)
    try:
        text, meta = reader(path)
    except OfficeError as exc:
        raise LoadError(str(exc)) from exc
    doc.text = normalize_newlines_and_marks(text)
    doc.title = normalize_newlines_and_marks(meta.get("title", "")).strip()
    doc.author = normalize_newlines_and_marks(meta.get("author", "")).strip()
    doc.encoding = "word processor" if suffix in WORD_SUFFIXES else "via LibreOffice"


# --- page images -------------------------------------------------------------------------

def _read_image(path: Path, doc: Document) -> None:
    """A page image (every frame of a multi-page TIFF) read by OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .ocr import OcrError, join_pages, ocr_pages

    try:
        with Image.open(path) as image:
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise LoadError(f"not a readable image ({type(exc).__name__})") from exc
    try:
        pages = list(ocr_pages(frames, total=len(frames), progress=_OCR_PROGRESS.get(),
                               label=f"OCR {path.name}"))
    except OcrError as exc:
        raise LoadError(str(exc)) from exc
    labels = [f"page {i + 1}" if len(pages) > 1 else "" for i in range(len(pages))]
    doc.text, doc.flags = join_pages(p.segments(label=lb) for p, lb in zip(pages, labels, strict=True))
    doc.encoding = "ocr"


# --- corpus files --------------------------------------------------------------------

def _read_corpus(
    path: Path, base: Document, text_column: str | None, title_column: str | None,
    date_column: str | None,
) -> Iterator[Document]:
    """One document per JSON line or CSV row; a bad row becomes an error row."""
    lines, encoding = _corpus_lines(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        records = _jsonl_records(lines)
    else:
        records = _csv_records(lines, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    stem = _safe_id(path.stem)
    n = 0
    for lineno, record, problem in records:
        n += 1
        doc = Document(
            doc_id=f"{stem}-{lineno}", source_path=str(path), record=str(lineno),
            format=path.suffix.lower().lstrip("."), encoding=encoding,
        )
        if problem:
            doc.error = f"{path.name}:{lineno}: {problem}"
            yield doc
            continue
        keys = {k.lower().strip(): k for k in record}
        tcol = _pick(keys, text_column, TEXT_KEYS)
        ident = _pick(keys, None, ID_KEYS)
        if ident and str(record.get(ident) or "").strip():
            doc.doc_id = f"{stem}-{_safe_id(str(record[ident]))[-60:]}"
        if tcol is None:
            doc.error = f"{path.name}:{lineno}: no text column (have: {', '.join(record)})"
            yield doc
            continue
        doc.text = normalize_newlines_and_marks(str(record.get(tcol) or ""))
        for attr, col in (
            ("title", _pick(keys, title_column, TITLE_KEYS)),
            ("published", _pick(keys, date_column, DATE_KEYS)),
            ("author", _pick(keys, None, AUTHOR_KEYS)),
        ):
            if col:
                setattr(doc, attr, normalize_newlines_and_marks(str(record.get(col) or "")).strip())
        if doc.published:
            doc.published_basis = "corpus field"
        if not doc.text.strip():
            doc.error = f"{path.name}:{lineno}: empty text"
        yield doc
    if n == 0:
        raise LoadError("no records in corpus file")


def _pick(keys: dict[str, str], wanted: str | None, options: tuple[str, ...]) -> str | None:
    if wanted:
        return keys.get(wanted.lower().strip())
    for option in options:
        if option in keys:
            return keys[option]
    return None


def _corpus_lines(path: Path) -> tuple[Iterator[str], str]:
    """The lines of a corpus file as ``decode_text`` would give them (newlines unified,
    marks removed), and its encoding. A UTF-8 file is checked in one pass, then read a
    chunk at a time: a corpus is never held whole, however large. Others are decoded whole."""
    encoding = _utf8_encoding(path)
    if encoding is None:
        data = path.read_bytes()
        if not data.strip():
            raise LoadError("empty file")
        text, encoding = _decode(data)
        return _split_lines([text]), encoding

    def chunks() -> Iterator[str]:
        with path.open(encoding=encoding, newline="") as fh:
            while chunk := fh.read(_CHUNK_CHARS):
                yield chunk

    return _split_lines(chunks()), encoding


def _utf8_encoding(path: Path) -> str | None:
    """``utf-8`` or ``utf-8-sig`` for a file ``_decode`` reads as UTF-8, checked a chunk at a
    time; None when it may be another encoding (a NUL or U+0006 byte may be UTF-16 without
    a BOM) or is not UTF-8: it is then decoded whole."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    blank = True
    with path.open("rb") as fh:
        chunk = fh.read(_CHUNK_CHARS)
        if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None
        encoding = "utf-8-sig" if chunk.startswith(b"\xef\xbb\xbf") else "utf-8"
        while chunk:
            if b"\x00" in chunk or b"\x06" in chunk:
                return None
            blank = blank and not chunk.strip()
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            chunk = fh.read(_CHUNK_CHARS)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    if blank:
        raise LoadError("empty file")
    return encoding


def _split_lines(chunks: Iterable[str]) -> Iterator[str]:
    """The lines of a text given in chunks, split where ``normalize_newlines_and_marks``
    puts a newline, each without its invisible marks."""
    rest = ""
    for chunk in chunks:
        text, held = rest + chunk, ""
        if text.endswith("\r"):  # perhaps the first half of a CRLF
            text, held = text[:-1], "\r"
        lines = _LINE_BREAKS.split(text)
        rest = lines.pop() + held
        for line in lines:
            yield line.translate(_INVISIBLE)
    for line in _LINE_BREAKS.split(rest):
        yield line.translate(_INVISIBLE)


def _jsonl_records(lines: Iterable[str]) -> Iterator[tuple[int, dict, str]]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, {}, f"invalid JSON ({exc.msg})"
            continue
        if not isinstance(record, dict):
            yield lineno, {}, "a JSON line must be an object"
            continue
        yield lineno, record, ""


def _csv_records(lines: Iterable[str], *, delimiter: str) -> Iterator[tuple[int, dict, str]]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(_with_newlines(lines), delimiter=delimiter)
    if not reader.fieldnames:
        return
    for row in reader:
        lineno = reader.line_num
        if None in row:
            yield lineno, {}, "more fields than the header names"
            continue
        yield lineno, row, ""


def _with_newlines(lines: Iterable[str]) -> Iterator[str]:
    """The lines as a file gives them: each but the last ends with a newline; the last
    (after the text's final newline) is left out when empty."""
    previous = None
    for line in lines:
        if previous is not None:
            yield previous + "\n"
        previous = line
    if previous:
        yield previous


# --- sidecar metadata ----------------------------------------------------------------

def sidecar_path(path: Path) -> Path:
    """``article.pdf`` → ``article.meta.json`` beside it."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def _merge_sidecar(path: Path, doc: Document) -> None:
    """Curated metadata beside the file wins over what extraction found."""
    meta_path = sidecar_path(path)
    if not meta_path.is_file():
        return
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = f"{meta_path.name}: unreadable metadata ({exc})"
        doc.error = f"{doc.error}; {problem}" if doc.error else problem
        return
    if not isinstance(meta, dict):
        return
    for key in ("title", "author", "published", "language"):
        value = meta.get(key)
        if value:
            setattr(doc, key, str(value))
    basis = meta.get("published_basis")
    if isinstance(basis, dict):
        doc.published_basis = "; ".join(f"{k}: {v}" for k, v in basis.items())
    elif basis:
        doc.published_basis = str(basis)
    doc.extra = meta


def _safe_id(stem: str) -> str:
    return _ID_UNSAFE.sub("_", stem).strip("_") or "document"
