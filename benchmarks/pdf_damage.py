"""PDF damage benchmark: real Arabic typeset by real producers, read back by real extractors.

Documents: the prose in ``benchmarks/corpus/`` and articles rebuilt from NewsFANE Gold
sentences (CC BY-SA 3.0; tokens rejoined by ``benchmarks.newsfane.detokenise``), each a
title and paragraphs. A document is in the dev or the test half by the parity of the
SHA-1 of its id.

Each document is typeset right to left and justified by every available producer
(``benchmarks.pdf_producers``: LibreOffice Writer, WeasyPrint, Chromium, XeLaTeX), the
font rotating over Amiri, Noto Naskh Arabic, Scheherazade and KacstBook, and XeLaTeX
alternating between plain and kashida justification. Every PDF is read by every
available extractor (pypdf, pdfminer.six, pdfplumber plain and right-to-left, pdftotext
plain and ``-raw``, PyMuPDF, and the workbench's own reader ``workbench.sources.pdf.pdf_text``,
which ``workbench.load`` uses), and each extraction is scored before and after
``workbench.clean``:

- CER: ``benchmarks.cer.char_error_rate`` against the source (letters and single
  spaces; diacritics and tatweel removed);
- made worse: documents whose CER after cleaning is higher than before;
- lines: each extracted line is located in the source by its Arabic words (letters
  only); it is *in order*, made of *two runs* or *many runs* of source words in the wrong
  order, *mirrored* (letters in visual order), or *other* (split or lost words); after
  ``clean`` the same line (the stage before layout keeps lines one to one) is checked
  again: a wrongly ordered line is *fixed* when it reads in order, an in-order line is
  *broken* when it no longer does;
- split words: adjacent pieces of a line that join into a source word (and are not both
  words of the source themselves), and how many of them ``clean`` joined back.
- floor: the CER a perfect repair of order, spacing and joins would still have, the
  characters of the source absent from the raw extraction (``lost_characters``, by class),
  against the repairable rest (raw − floor) and what ``clean`` left of it (clean − floor).

- held CER: the same against the text the PDF holds. XeLaTeX (xdvipdfmx) falls back to no
  other font: a character the document's font lacks (KacstBook has no Western digits,
  brackets, quotes or Latin letters) is drawn as ``.notdef``, so the PDF holds no trace of
  which character it was; the held text has U+FFFD, the mark the workbench reader gives
  such a glyph, in its place (the font's cmap, read with fontTools, says which). The other
  producers draw such a character from a fallback font, and their held text is the source.

Finally ``clean`` is run on each source text cut into lines of at most ten words (a
narrow column): every line it changes (words, diacritics and spaces before punctuation
aside) is a wrong change.

PDFs and extracted texts are cached in ``benchmarks/_work/pdf_damage/`` (git-ignored);
cleaning and scoring always run on the current code.

Run: ``.venv/bin/python benchmarks/pdf_damage.py [--split dev|test|all] [--quick]``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(ROOT))

from benchmarks.pdf_producers import (  # noqa: E402
    FONTS,
    PRODUCERS,
    TEMPLATE_VERSION,
    VARIANTS,
    Document,
    Job,
    available,
    font_available,
    make_libreoffice,
    make_one,
)

# The cache of PDFs and extracted texts; PDF_DAMAGE_WORK puts it elsewhere (read by the
# worker processes too, so it is an environment variable rather than an option).
WORK = Path(os.environ.get("PDF_DAMAGE_WORK") or ROOT / "benchmarks" / "_work" / "pdf_damage")
CORPUS_DIR = ROOT / "benchmarks" / "corpus"
EXTRACTORS = (
    "pypdf", "pdfminer", "pdfplumber", "pdfplumber-rtl", "pdftotext", "pdftotext-raw",
    "pymupdf", "workbench",
)
NEWSFANE_DOCS = 64
NEWSFANE_WORDS = 250  # words per rebuilt article (about one A4 page)
SENTENCES_PER_PARAGRAPH = 3
TITLE_WORDS = 8
COLUMN_WORDS = 10  # words per line when the source is cut into a narrow column
LO_BATCH = 16  # documents per soffice call
# Reports of the events benchmark's dev split, all dev here; cited-only texts are read from
# the local copies (events_eval.read_text) and never committed (nor their PDFs: the cache
# is git-ignored).
EVENTS_PREFIX = "events/"
EVENTS_DOCS = 24
# The reports the dev figures since this part was added are measured on: every k-th eligible
# dev report when it was chosen, pinned here so that reports added to the events benchmark
# later do not move the dev part under figures already written down.
EVENTS_SAMPLE = (
    "ev004", "ev032", "ev043", "ev072", "ev088", "ev117", "ev139", "ev169", "ev180", "ev201",
    "ev217", "ev235", "ev263", "ev288", "ev309", "ev325", "ev341", "ev352", "ev360", "ev374",
    "ev390", "ev412", "ev421", "ev436",
)
EVENTS_MIN_WORDS = 80
LINE_KINDS = ("in order", "two runs", "many runs", "mirrored", "other")


# --- documents ---------------------------------------------------------------------------

_SPACE_PUNCT_RE = re.compile(r"\s+(?=[\u060c\u061b\u061f,.:;!?)])")
_OPEN_SPACE_RE = re.compile(r"([(])\s+")


def split_of(doc_id: str) -> str:
    """``dev`` or ``test``: the parity of the SHA-1 of the document id; a report of the
    events benchmark is dev (only its dev reports are taken, ``events_documents``)."""
    if doc_id.startswith(EVENTS_PREFIX):
        return "dev"
    return "dev" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def corpus_documents() -> list[Document]:
    """The repair corpus files: a short first block (no full stop) is the title."""
    from benchmarks.repair import read_text

    docs = []
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        blocks = [" ".join(b.split()) for b in read_text(path).split("\n\n") if b.strip()]
        title = ""
        if blocks and len(blocks[0].split()) <= 12 and not blocks[0].endswith("."):
            title = blocks.pop(0)
        docs.append(Document(f"corpus/{path.stem}", title, tuple(blocks), source=path.name))
    return docs


def _sentence_text(sentence: list[tuple[str, str]]) -> str:
    from benchmarks.newsfane import detokenise

    text = detokenise([sentence]).text
    return _OPEN_SPACE_RE.sub(r"\1", _SPACE_PUNCT_RE.sub("", text))


def newsfane_documents(n: int = NEWSFANE_DOCS, *, exclude: Iterable[str] = ()) -> list[Document]:
    """``n`` articles of about ``NEWSFANE_WORDS`` words, spread evenly over NewsFANE Gold:
    consecutive sentences, paragraphs of three, the title being the first words of the
    first sentence. Articles sharing a sentence with ``exclude`` texts are left out."""
    from benchmarks.newsfane import CORPUS, read_sentences

    if not CORPUS.exists():
        print(f"NewsFANE not found at {CORPUS}: only the corpus files are used", file=sys.stderr)
        return []
    sentences = read_sentences(CORPUS)
    articles: list[tuple[int, list[str]]] = []
    start, current, words = 0, [], 0
    for i, sentence in enumerate(sentences):
        if not current:
            start = i
        text = _sentence_text(sentence)
        current.append(text)
        words += len(text.split())
        if words >= NEWSFANE_WORDS:
            articles.append((start, current))
            current, words = [], 0
    excluded = " ".join(" ".join(t.split()) for t in exclude)
    articles = [(s, a) for s, a in articles
                if not any(len(x.split()) > 5 and x in excluded for x in a)]
    step = max(1, len(articles) // n)
    docs = []
    for start, sents in articles[::step][:n]:
        title_words = sents[0].split()[:TITLE_WORDS]
        paras = tuple(" ".join(sents[k:k + SENTENCES_PER_PARAGRAPH])
                      for k in range(0, len(sents), SENTENCES_PER_PARAGRAPH))
        docs.append(Document(f"newsfane/{start:05d}", " ".join(title_words).rstrip("،,:"), paras,
                             source=f"NewsFANE Gold sentences {start}-{start + len(sents) - 1}"))
    return docs


def events_documents(n: int = EVENTS_DOCS) -> list[Document]:
    """``n`` reports of the events benchmark's dev split (the first ``n`` of
    ``EVENTS_SAMPLE``; more than it holds: spread evenly) among those whose whole text is
    at hand (the three openly licensed ones committed, the cited-only ones from local
    copies in ``benchmarks/_work/events/texts``, never committed) and at least
    ``EVENTS_MIN_WORDS`` long: news as outlets write it (digits, Latin, quotes, brackets),
    text the cleaning models were not trained on. The first block is the title when it
    is short and has no full stop; spaces before closing punctuation removed as in the
    NewsFANE articles."""
    from benchmarks.events_eval import DATA, read_csv, read_text

    index = DATA / "documents.csv"
    if not index.exists():
        return []
    rows = [r for r in read_csv(index) if r["split"] == "dev" and r["complete"] == "yes"]
    docs = []
    for row in sorted(rows, key=lambda r: r["doc_id"]):
        text = read_text(row["doc_id"])  # committed, else the local copy
        if text is None:
            continue
        blocks = [_OPEN_SPACE_RE.sub(r"\1", _SPACE_PUNCT_RE.sub("", " ".join(b.split())))
                  for b in text.split("\n\n") if b.strip()]
        if sum(len(b.split()) for b in blocks) < EVENTS_MIN_WORDS:
            continue
        title = ""
        if len(blocks) > 1 and len(blocks[0].split()) <= 12 and not blocks[0].endswith("."):
            title = blocks.pop(0)
        docs.append(Document(f"{EVENTS_PREFIX}{row['doc_id']}", title, tuple(blocks),
                             source=f"events benchmark {row['doc_id']} ({row['licence']})"))
    if n <= len(EVENTS_SAMPLE):  # the pinned sample (its first n), as far as it is at hand
        pinned = {f"{EVENTS_PREFIX}{d}" for d in EVENTS_SAMPLE[:n]}
        return [d for d in docs if d.doc_id in pinned]
    step = max(1, len(docs) // n)
    return docs[::step][:n]


def all_documents(events: int = EVENTS_DOCS) -> list[Document]:
    """The corpus files and NewsFANE articles (split by their ids' hashes), then the
    events reports (dev only): appended, so the others keep their place in the grid and
    their PDFs."""
    corpus = corpus_documents()
    extra = events_documents(events) if events > 0 else []
    return corpus + newsfane_documents(exclude=[d.text for d in corpus]) + extra


# --- the grid of PDFs ----------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", text)[:12]


def pdf_path(doc: Document, producer: str, font: str, variant: str) -> Path:
    key = hashlib.sha1(f"{TEMPLATE_VERSION}\0{producer}\0{font}\0{variant}\0{doc.text}".encode())
    name = f"{producer}-{variant}-{_slug(font)}-{_slug(doc.doc_id.replace('/', ''))}-{key.hexdigest()[:10]}"
    return WORK / "pdf" / f"{name}.pdf"


def grid(docs: list[Document], producers: list[str], fonts: list[str], *, quick: bool) -> list[Job]:
    """Every document by every producer; the font rotates with the document (in ``quick``
    mode one font per producer) and the variant with each full turn of the fonts."""
    jobs = []
    for i, doc in enumerate(docs):
        for j, producer in enumerate(PRODUCERS):
            if producer not in producers:
                continue
            font = fonts[j % len(fonts)] if quick else fonts[(i + j) % len(fonts)]
            variants = VARIANTS[producer]
            variant = variants[(i if quick else i // len(fonts)) % len(variants)]
            jobs.append(Job(doc, producer, font, variant, pdf_path(doc, producer, font, variant)))
    return jobs


def typeset(jobs: list[Job], *, workers: int) -> dict[Path, str]:
    """Make the PDFs not yet cached; returns the errors by PDF path."""
    todo = [j for j in jobs if not j.out.exists()]
    errors: dict[Path, str] = {}
    if not todo:
        return errors
    lo = [j for j in todo if j.producer == "libreoffice"]
    rest = [j for j in todo if j.producer != "libreoffice"]
    print(f"typesetting {len(todo)} PDFs ({len(lo)} by LibreOffice) ...", file=sys.stderr)

    def lo_batches() -> None:
        for k in range(0, len(lo), LO_BATCH):
            batch = lo[k:k + LO_BATCH]
            for err in make_libreoffice(batch):
                errors[batch[0].out] = err
                print(f"  libreoffice: {err}", file=sys.stderr)

    with ThreadPoolExecutor(1) as lo_thread, ProcessPoolExecutor(max(1, workers)) as pool:
        # The pool's processes are forked as jobs are submitted: before soffice starts, so
        # none inherits its output pipe (soffice's reader would wait for them to exit).
        futures = {j.out: pool.submit(make_one, j) for j in rest}
        lo_done = lo_thread.submit(lo_batches)
        for out, fut in futures.items():
            try:
                fut.result()
            except Exception as exc:  # one bad PDF is a result, not a stop
                errors[out] = f"{type(exc).__name__}: {exc}"[:200]
                print(f"  {out.name}: {errors[out]}", file=sys.stderr)
        lo_done.result()
    return errors


# --- extractors ----------------------------------------------------------------------------


def extractor_available(name: str) -> str | None:
    """None when the extractor can run here, else why not."""
    modules = {"pypdf": "pypdf", "pdfminer": "pdfminer.high_level", "pdfplumber": "pdfplumber",
               "pdfplumber-rtl": "pdfplumber", "pymupdf": "pymupdf", "workbench": "pypdfium2"}
    if name in ("pdftotext", "pdftotext-raw"):
        return None if shutil.which("pdftotext") else "pdftotext not found (Debian: poppler-utils)"
    try:
        __import__(modules[name])
    except ImportError as exc:
        return f"not installed ({exc.name}; pip install {modules[name].split('.')[0]})"
    if name == "pdfplumber-rtl":
        import inspect

        import pdfplumber.utils.text as text_utils

        if "char_dir_render" not in inspect.getsource(text_utils):
            return "pdfplumber too old for char_dir (0.11+)"
    return None


def _pdftotext(path: Path, *args: str) -> str:
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
                         capture_output=True, check=True, timeout=120)
    return run.stdout.decode("utf-8", errors="replace")


def extract(name: str, path: Path) -> str:
    """The text of the PDF as extractor ``name`` gives it (pages joined by a blank line)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if name == "pypdf":
            import pypdf

            return "\n\n".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages)
        if name == "pdfminer":
            from pdfminer.high_level import extract_text

            return extract_text(path)
        if name in ("pdfplumber", "pdfplumber-rtl"):
            import pdfplumber

            # Right to left: characters read from the right, written out in that order.
            opts: dict[str, Any] = {"char_dir": "rtl", "char_dir_render": "ltr"} \
                if name == "pdfplumber-rtl" else {}
            with pdfplumber.open(path) as pdf:
                return "\n\n".join(p.extract_text(**opts) or "" for p in pdf.pages)
        if name == "pdftotext":
            return _pdftotext(path)
        if name == "pdftotext-raw":
            return _pdftotext(path, "-raw")
        if name == "pymupdf":
            import pymupdf

            with pymupdf.open(path) as pdf:
                return "\n\n".join(page.get_text() for page in pdf)
        if name == "workbench":
            from workbench.sources.pdf import pdf_text

            return pdf_text(path)
    raise ValueError(f"unknown extractor {name!r}")


def cached_extract(name: str, path: Path, *, refresh: bool = False) -> str:
    out = WORK / "text" / path.stem / f"{name}.txt"
    if out.exists() and not refresh:
        return out.read_text(encoding="utf-8")
    text = extract(name, path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text


# --- line analysis -------------------------------------------------------------------------

# Arabic letters (with the extended ones: FARSI YEH, KEHEH, ...); marks are removed first.
_LETTERS_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_MARKS_RE = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")


def letter_words(text: str) -> list[str]:
    """Arabic words as letters only, in order (tatweel, marks, digits and punctuation out;
    presentation forms folded first)."""
    import unicodedata

    text = _MARKS_RE.sub("", unicodedata.normalize("NFKC", text))
    return _LETTERS_RE.findall(text)


class SourceIndex:
    """The source's words with their positions, to place an extracted line in it."""

    def __init__(self, source: str) -> None:
        self.words = letter_words(source)
        self.vocab = set(self.words)
        self.freq = Counter(self.words)
        self.at: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            self.at.setdefault(w, []).append(i)

    def runs(self, line: list[str]) -> int | None:
        """Runs of consecutive source words the line is made of (1: in order), or None
        when its words are not a stretch of the source."""
        if not line or any(w not in self.vocab for w in line):
            return None
        n = len(line)
        want = Counter(line)
        rare = min(line, key=lambda w: self.freq[w])
        starts = sorted({p - k for p in self.at[rare] for k in range(n) if line[k] == rare})
        # Prefer the window where the line reads in order, then any with the same words.
        best: int | None = None
        for a in starts:
            if a < 0 or a + n > len(self.words):
                continue
            window = self.words[a:a + n]
            if window == line:
                return 1
            if best is None and Counter(window) == want:
                best = a
        if best is None:
            return None
        window = self.words[best:best + n]
        free: dict[str, list[int]] = {}
        for k, w in enumerate(window):
            free.setdefault(w, []).append(k)
        runs, prev = 0, -2
        for w in line:
            slots = free[w]
            k = prev + 1 if prev + 1 in slots else slots[0]
            slots.remove(k)
            runs += k != prev + 1
            prev = k
        return runs


def line_kind(index: SourceIndex, line: str) -> str | None:
    """The kind of an extracted line (``LINE_KINDS``), None for a line without Arabic."""
    words = letter_words(line)
    if not words:
        return None
    runs = index.runs(words)
    if runs is not None:
        return "in order" if runs == 1 else "two runs" if runs == 2 else "many runs"
    if index.runs(letter_words(line[::-1])) is not None:
        return "mirrored"
    return "other"


def split_pieces(index: SourceIndex, line: str) -> list[str]:
    """Source words found split in two adjacent pieces of the line (either order)."""
    words = letter_words(line)
    found = []
    for a, b in itertools.pairwise(words):
        if a in index.vocab and b in index.vocab:
            continue
        for joined in (a + b, b + a):
            if joined in index.vocab:
                found.append(joined)
                break
    return found


def line_stats(index: SourceIndex, raw: str, cleaned_lines: list[str] | None) -> dict[str, int]:
    """Counts of line kinds in ``raw``, how many wrongly ordered lines ``clean`` fixed and
    in-order lines it broke, split words and how many it joined back."""
    stats: dict[str, int] = dict.fromkeys(
        [*LINE_KINDS, "fixed", "broken", "split words", "rejoined"], 0)
    raw_lines = raw.split("\n")
    aligned = cleaned_lines is not None and len(cleaned_lines) == len(raw_lines)
    for i, line in enumerate(raw_lines):
        kind = line_kind(index, line)
        if kind is None:
            continue
        stats[kind] += 1
        after = line_kind(index, cleaned_lines[i]) if aligned and cleaned_lines else None
        if kind in ("two runs", "many runs", "mirrored") and after == "in order":
            stats["fixed"] += 1
        if kind == "in order" and aligned and after != "in order":
            stats["broken"] += 1
        pieces = split_pieces(index, line)
        stats["split words"] += len(pieces)
        if pieces and aligned and cleaned_lines:
            got = Counter(letter_words(cleaned_lines[i]))
            stats["rejoined"] += sum(1 for w in pieces if got[w] > 0)
    stats["aligned"] = int(aligned)
    return stats


class SourceTokens:
    """The source as ``cer_normalise`` writes it, cut at spaces, with each token's letters:
    the stretch of the source a line stands for, to score that line alone."""

    def __init__(self, source: str) -> None:
        from benchmarks.cer import cer_normalise

        self.tokens = cer_normalise(source).split()
        self.at: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.at.setdefault("".join(letter_words(token)), []).append(i)

    def distances(self, raw: str, cleaned: str) -> tuple[int, int, str] | None:
        """Edit distances of the raw and the cleaned line to the stretch of the source
        (as many tokens as either line has, starting where one of their words stands)
        nearest to either, and that stretch; None when no word of them is in the source."""
        from benchmarks.cer import _levenshtein, cer_normalise

        a, b = cer_normalise(raw), cer_normalise(cleaned)
        starts: set[tuple[int, int]] = set()
        for line in (a, b):
            tokens = line.split()
            for k, token in enumerate(tokens):
                for p in self.at.get("".join(letter_words(token)), ()):
                    for n in {len(a.split()), len(b.split())}:
                        starts.add((max(0, p - k), n))
        best: tuple[int, int, str] | None = None
        for start, n in sorted(starts):
            ref = " ".join(self.tokens[start:start + n])
            da, db = _levenshtein(a, ref), _levenshtein(b, ref)
            if best is None or min(da, db) < min(best[0], best[1]):
                best = (da, db, ref)
        return best


def harmed_lines(tokens: SourceTokens, index: SourceIndex, raw_lines: list[str],
                 stages: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    """Lines whose distance to their stretch of the source rose after cleaning (the last
    of ``stages``, each a stage name and its lines one to one with ``raw_lines``), with the
    raw line's kind and the stages that changed the line."""
    found = []
    cleaned = stages[-1][1]
    for i, (raw, after) in enumerate(zip(raw_lines, cleaned, strict=True)):
        if raw == after or not letter_words(raw):
            continue
        d = tokens.distances(raw, after)
        if d is None or d[1] <= d[0]:
            continue
        changed, before = [], raw
        for name, lines in stages:
            if lines[i] != before:
                changed.append(name)
                before = lines[i]
        found.append({"line": i, "kind": line_kind(index, raw), "raw": raw, "clean": after,
                      "source": d[2], "rise": d[1] - d[0], "stages": " ".join(changed)})
    return found


# --- scoring -------------------------------------------------------------------------------


@cache
def _font_chars(font: str) -> frozenset[int] | None:
    """The code points the installed font of ``font`` has a glyph for (its best cmap)."""
    from fontTools.ttLib import TTFont

    if not shutil.which("fc-match"):
        return None
    path = subprocess.run(["fc-match", "-f", "%{file}", font], capture_output=True, text=True).stdout
    return frozenset(TTFont(path, fontNumber=0).getBestCmap()) if path else None


def held_text(job: Job) -> str:
    """The source as the PDF can hold it: under XeLaTeX, a character the font lacks is U+FFFD
    (KacstBook has no brackets: ``(أ)`` is held as ``�أ�``)."""
    chars = _font_chars(job.font) if job.producer == "xelatex" else None
    if not chars:
        return job.doc.text
    return "".join(c if c.isspace() or ord(c) in chars else "\ufffd" for c in job.doc.text)


# Classes of the characters a raw extraction lost, as ``lost_characters`` counts them.
LOST_CLASSES = ("letters", "digits", "latin", "punct", "spaces")


def char_class(ch: str) -> str:
    """The class of one character of the normalised source: an Arabic letter, a digit
    (Western or Arabic-Indic), a Latin letter, a space, or punctuation (everything else).

    >>> [char_class(c) for c in "ق3a ،"]
    ['letters', 'digits', 'latin', 'spaces', 'punct']
    """
    from workbench.text.arabic import is_arabic_letter

    if ch.isspace():
        return "spaces"
    if is_arabic_letter(ch):
        return "letters"
    if ch.isdigit():
        return "digits"
    if ch.isalpha() and ch.isascii():
        return "latin"
    return "punct"


def lost_characters(raw: str, source: str) -> dict[str, int]:
    """Characters of ``source`` absent from ``raw`` (multiset difference, both as the CER
    reads them, presentation forms in ``raw`` folded to letters and invisible controls
    dropped), by class, and ``lost``: all but spaces. No reordering, joining or splitting
    of ``raw`` brings them back, so ``lost / len(source)`` is the CER a perfect repair of
    order and spacing would still have (a space can always be put back: not in ``lost``).

    >>> lost_characters("قال 12", "قال: 123")
    {'letters': 0, 'digits': 1, 'latin': 0, 'punct': 1, 'spaces': 0, 'lost': 2}
    """
    from benchmarks.cer import cer_normalise
    from workbench.text.arabic import BIDI_CONTROLS, ZERO_WIDTH, nfkc_arabic

    invisible = str.maketrans("", "", BIDI_CONTROLS + ZERO_WIDTH)
    have = Counter(cer_normalise(nfkc_arabic(raw).translate(invisible)))
    want = Counter(cer_normalise(source))
    counts = dict.fromkeys(LOST_CLASSES, 0)
    for ch, n in (want - have).items():
        counts[char_class(ch)] += n
    counts["lost"] = sum(n for k, n in counts.items() if k != "spaces")
    return counts


def floor_stats(raw: str, source: str) -> dict[str, float]:
    """The lost-character floor of one extraction as CER fractions of the source length:
    ``cer_floor`` (all lost characters but spaces) and ``floor_<class>`` per class
    (``floor_spaces``: spaces missing, words glued, which a repair can undo)."""
    from benchmarks.cer import cer_normalise

    n = len(cer_normalise(source)) or 1
    lost = lost_characters(raw, source)
    stats = {f"floor_{k}": lost[k] / n for k in LOST_CLASSES}
    stats["cer_floor"] = lost["lost"] / n
    return stats


def score_pdf(job: Job, extractors: list[str], refresh: bool = False) -> list[dict[str, Any]]:
    """One row per extractor for one PDF: CER raw and cleaned, and the line counts."""
    from benchmarks.cer import char_error_rate
    from workbench import clean

    source = job.doc.text
    held = held_text(job)
    index = SourceIndex(source)
    tokens = SourceTokens(source)
    rows = []
    for name in extractors:
        row: dict[str, Any] = {
            "doc_id": job.doc.doc_id, "split": split_of(job.doc.doc_id), "producer": job.producer,
            "font": job.font, "variant": job.variant, "extractor": name, "error": "",
        }
        t0 = time.perf_counter()
        try:
            raw = cached_extract(name, job.out, refresh=refresh)
        except Exception as exc:  # an extractor that fails on a PDF is a result
            row["error"] = f"{type(exc).__name__}: {exc}"[:160]
            rows.append(row)
            continue
        row["extract_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = clean(raw)
        row["clean_s"] = time.perf_counter() - t0
        try:  # line by line: the unicode stage (form feeds become line breaks) vs before layout
            raw_lines = result.stage_text("unicode")
            before_layout: list[str] | None = result.stage_text("punctuation").split("\n")
        except StopIteration:
            raw_lines, before_layout = raw, None
        harmed: list[dict[str, Any]] = []
        split_raw = raw_lines.split("\n")
        names = [s.name for s in result.stages]
        if before_layout is not None and len(before_layout) == len(split_raw):
            line_stages = [(s.name, s.text.split("\n"))
                           for s in result.stages[1:names.index("punctuation") + 1]]
            if all(len(lines) == len(split_raw) for _, lines in line_stages):
                harmed = harmed_lines(tokens, index, split_raw, line_stages)
        row["harmed"] = len(harmed)
        row["harmed_lines"] = harmed
        row["cer_raw"] = char_error_rate(raw, source)
        row["cer_clean"] = char_error_rate(result.text, source)
        row["cer_held"] = row["cer_clean"] if held == source else char_error_rate(result.text, held)
        row["worse"] = row["cer_clean"] > row["cer_raw"] + 1e-9
        row.update(floor_stats(raw, source))
        row.update(line_stats(index, raw_lines, before_layout))
        rows.append(row)
    return rows


def column_lines_changed(doc: Document) -> tuple[int, int]:
    """``clean`` on the source cut into lines of at most ``COLUMN_WORDS`` words:
    (lines whose words it changed, lines)."""
    from benchmarks.repair import _words_as_written
    from workbench import clean

    blocks = ([doc.title] if doc.title else []) + list(doc.paragraphs)
    lines: list[str] = []
    for block in blocks:
        words = block.split()
        lines += [" ".join(words[k:k + COLUMN_WORDS]) for k in range(0, len(words), COLUMN_WORDS)]
        lines.append("")
    text = "\n".join(lines[:-1])
    out = clean(text).stage_text("punctuation").split("\n")
    pairs = [(a, b) for a, b in zip(text.split("\n"), out, strict=False) if a.strip()]
    changed = sum(_words_as_written(a) != _words_as_written(b) for a, b in pairs)
    if len(out) != len(text.split("\n")):
        changed = len(pairs)  # a line count that moved: every line counts as changed
    return changed, len(pairs)


def _score_many(args: tuple[list[Job], list[str], bool]) -> list[dict[str, Any]]:
    jobs, extractors, refresh = args
    rows: list[dict[str, Any]] = []
    for job in jobs:
        rows += score_pdf(job, extractors, refresh)
    return rows


def measure(jobs: list[Job], extractors: list[str], *, workers: int,
            refresh: bool = False) -> pd.DataFrame:
    """Score every PDF that exists, in ``workers`` processes."""
    ready = [j for j in jobs if j.out.exists()]
    chunks = [ready[k::max(1, workers * 4)] for k in range(max(1, workers * 4))]
    chunks = [c for c in chunks if c]
    rows: list[dict[str, Any]] = []
    if workers <= 1:
        for c in chunks:
            rows += _score_many((c, extractors, refresh))
    else:
        with ProcessPoolExecutor(workers) as pool:
            for part in pool.map(_score_many, [(c, extractors, refresh) for c in chunks]):
                rows += part
    return pd.DataFrame(rows)


# --- tables --------------------------------------------------------------------------------


def cer_table(results: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """CER raw and cleaned (mean and max, percent) and documents made worse, by ``by``."""
    ok = results[results["error"] == ""]
    g = ok.groupby(by, sort=False)
    table = pd.DataFrame({
        "docs": g.size(),
        "raw mean": g["cer_raw"].mean() * 100,
        "raw max": g["cer_raw"].max() * 100,
        "clean mean": g["cer_clean"].mean() * 100,
        "clean max": g["cer_clean"].max() * 100,
        "held mean": g["cer_held"].mean() * 100,
        "worse": g["worse"].sum().astype(int),
    })
    errors = results[results["error"] != ""].groupby(by, sort=False).size()
    table["failed"] = errors.reindex(table.index).fillna(0).astype(int)
    return table


def floor_table(results: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Mean CER % raw and cleaned against the lost-character floor (``floor_stats``: what a
    perfect repair of order, spacing and joins would still score), the floor by class, the
    part of the raw CER such a repair could win (raw − floor) and what is left of it after
    ``clean`` (clean − floor), and the extractions whose floor alone is above 2 %."""
    ok = results[results["error"] == ""]
    g = ok.groupby(by, sort=False)
    table = pd.DataFrame({
        "docs": g.size(),
        "raw": g["cer_raw"].mean() * 100,
        "clean": g["cer_clean"].mean() * 100,
        "floor": g["cer_floor"].mean() * 100,
        **{f"lost {k}": g[f"floor_{k}"].mean() * 100 for k in LOST_CLASSES},
        "repairable raw": (g["cer_raw"].mean() - g["cer_floor"].mean()) * 100,
        "left after clean": (g["cer_clean"].mean() - g["cer_floor"].mean()) * 100,
        "floor > 2 %": g["cer_floor"].apply(lambda s: int((s > 0.02).sum())),
    })
    return table


def lines_table(results: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    ok = results[results["error"] == ""]
    cols = [*LINE_KINDS, "fixed", "broken", "split words", "rejoined"]
    return ok.groupby(by, sort=False)[cols].sum().astype(int)


def harm_table(results: pd.DataFrame) -> pd.DataFrame:
    """Lines made worse by ``clean``, per extractor, by the kind of the raw line."""
    ok = results[results["error"] == ""]
    counts = Counter((row["extractor"], h["kind"]) for _, row in ok.iterrows()
                     for h in row["harmed_lines"])
    table = pd.DataFrame(0, index=pd.Index(ok["extractor"].unique(), name="extractor"),
                         columns=[*LINE_KINDS, "lines"])
    for (extractor, kind), n in counts.items():
        table.loc[extractor, kind] += n
    table["lines"] = table[list(LINE_KINDS)].sum(axis=1)
    return table


def print_harmed(results: pd.DataFrame) -> None:
    """Every line made worse by ``clean``: where, its kind, the stages that changed it,
    the raw and clean line and the stretch of the source (dev only: test lines are not read)."""
    ok = results[results["error"] == ""]
    for _, row in ok.iterrows():
        for h in row["harmed_lines"]:
            print(f"\n{row['extractor']} {row['producer']} {row['font']} {row['doc_id']} line {h['line']}"
                  f" ({h['kind']}, +{h['rise']}; {h['stages']})")
            print(f"  raw:    {h['raw']}\n  clean:  {h['clean']}\n  source: {h['source']}")


def print_report(results: pd.DataFrame, column: tuple[int, int], *, split: str) -> None:
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 200)
    n_docs = results["doc_id"].nunique()
    print(f"\nSplit {split}: {n_docs} documents, {results[['doc_id', 'producer']].drop_duplicates().shape[0]}"
          " PDFs")
    print("\nCER %, raw extraction vs after workbench.clean, per producer × extractor")
    print(cer_table(results, ["producer", "extractor"]).round(2).to_string())
    print("\nPer extractor (all producers)")
    print(cer_table(results, ["extractor"]).round(2).to_string())
    print("\nMean CER % against the lost-character floor (characters of the source absent from"
          " the raw extraction: no reordering or joining wins them), per extractor × producer")
    print(floor_table(results, ["extractor", "producer"]).round(2).to_string())
    print("\nThe same per extractor (all producers)")
    print(floor_table(results, ["extractor"]).round(2).to_string())
    print("\nPer producer, font and variant (all extractors)")
    print(cer_table(results, ["producer", "font", "variant"]).sort_index().round(2).to_string())
    print("\nLines of the raw extraction by kind, and what clean did (sums), per producer × extractor")
    print(lines_table(results, ["producer", "extractor"]).to_string())
    print("\nLines made worse by clean (distance to their stretch of the source rose), by the raw"
          " line's kind, per extractor")
    print(harm_table(results).to_string())
    print(f"\nclean on the source cut into lines of ≤{COLUMN_WORDS} words: "
          f"{column[0]} of {column[1]} lines changed")
    errors = results[results["error"] != ""]
    for (producer, extractor), group in errors.groupby(["producer", "extractor"]):
        print(f"  failed: {producer} / {extractor}: {len(group)} PDFs, e.g. {group['error'].iloc[0]}")


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> pd.DataFrame:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--quick", action="store_true",
                        help="six documents, one font per producer")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--refresh", action="store_true", help="extract the texts again")
    parser.add_argument("--csv", type=Path, help="write the per-extraction rows here")
    parser.add_argument("--events", type=int, default=EVENTS_DOCS,
                        help="reports of the events benchmark added to dev (0: none)")
    parser.add_argument("--docs", metavar="PREFIX",
                        help="only documents whose id starts with PREFIX (e.g. events/)")
    parser.add_argument("--harm", action="store_true",
                        help="print every line clean made worse (dev only)")
    parser.add_argument("--producers", nargs="+", choices=PRODUCERS, metavar="PRODUCER",
                        help=f"only these producers (of {', '.join(PRODUCERS)})")
    parser.add_argument("--extractors", nargs="+", choices=EXTRACTORS, metavar="EXTRACTOR",
                        help=f"only these extractors (of {', '.join(EXTRACTORS)})")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()

    docs = all_documents(args.events)
    if args.quick:
        docs = docs[:2] + [d for d in docs if d.doc_id.startswith("newsfane/")][::10][:4]
    producers = []
    for producer in args.producers or PRODUCERS:
        why = available(producer)
        if why:
            print(f"skipping producer {producer}: {why}")
        else:
            producers.append(producer)
    fonts = [f for f in FONTS if font_available(f)]
    for font in FONTS:
        if font not in fonts:
            print(f"skipping font {font}: not installed (fc-list)")
    extractors = []
    for name in args.extractors or EXTRACTORS:
        why = extractor_available(name)
        if why:
            print(f"skipping extractor {name}: {why}")
        else:
            extractors.append(name)
    if not docs or not producers or not fonts or not extractors:
        print("nothing to measure")
        return pd.DataFrame()

    # The grid is laid over all documents, then cut to the split: a document gets the same
    # fonts whichever split is asked for (and the cached PDFs serve every run).
    jobs = grid(docs, producers, fonts, quick=args.quick)
    if args.split != "all":
        jobs = [j for j in jobs if split_of(j.doc.doc_id) == args.split]
        docs = [d for d in docs if split_of(d.doc_id) == args.split]
    if args.docs:  # (cut after the grid: the fonts stay those of the whole grid)
        jobs = [j for j in jobs if j.doc.doc_id.startswith(args.docs)]
        docs = [d for d in docs if d.doc_id.startswith(args.docs)]
    typeset_errors = typeset(jobs, workers=args.jobs)
    t1 = time.perf_counter()
    results = measure(jobs, extractors, workers=args.jobs, refresh=args.refresh)
    t2 = time.perf_counter()
    changed = total = 0
    for doc in docs:
        c, n = column_lines_changed(doc)
        changed, total = changed + c, total + n
    print_report(results, (changed, total), split=args.split)
    if typeset_errors:
        print(f"  {len(typeset_errors)} PDFs could not be made (see messages above)")
    if args.harm and args.split == "dev":
        print_harmed(results)
    if args.csv:
        results.drop(columns=["harmed_lines"], errors="ignore").to_csv(args.csv, index=False)
    print(f"\ntime: typesetting {t1 - t0:.1f} s, extraction and scoring {t2 - t1:.1f} s, "
          f"total {time.perf_counter() - t0:.1f} s ({args.jobs} processes)")
    return results


if __name__ == "__main__":
    main()
