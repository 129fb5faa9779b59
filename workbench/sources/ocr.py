"""Scanned pages and images read with Tesseract (Arabic + English), confidence kept.

A page image goes through the ``tesseract`` binary (TSV output: every word with its
box and a confidence from 0 to 100) with its Arabic model, ``-l ara``. Not ``ara+eng``
by default: on Arabic news typeset in Amiri the English model wins words it should not,
reading Arabic words as Latin garbage (``tad`` for تحصد), and the error rate triples
(1.9 % → 5.9 % CER at 300 dpi, 3.2 % → 10 % on a second page; ``benchmarks/ocr.py``).
Documents with English passages can ask for both with the environment variable
``WORKBENCH_OCR_LANGUAGES=ara+eng``. Words are put back into lines and
paragraphs as Tesseract grouped them (a blank line between paragraphs, as the PDF
reader does), and each line gets the mean confidence of its words, weighted by length.

What Tesseract read with low confidence is not passed off as text: a line below
``LOW_LINE_CONFIDENCE`` (or a whole page below ``LOW_PAGE_CONFIDENCE``) is replaced in
the document by one U+FFFD, the mark the workbench already shows for text the source
did not give, and described in a *flag* (``kind`` ``ocr_low``, the confidence and
Tesseract's reading as ``context``) that ``workbench run`` writes to ``gaps.csv``
(see ``workbench.sources.flags``).

Tesseract is a Debian package, not a Python one: without it, reading a scan raises
``OcrError`` naming the packages to install.

>>> page = OcrPage((OcrLine("هجوم على", 91.0, (1, 1)), OcrLine("ﻻﻹ ؟", 22.0, (1, 1))))
>>> text, flags = join_pages([page.segments()])
>>> text
'هجوم على\\n\\ufffd'
>>> flags[0]["kind"], flags[0]["raw_start"], flags[0]["context"]
('ocr_low', 9, 'OCR confidence 22 %: ﻻﻹ ؟')
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "LOW_LINE_CONFIDENCE", "LOW_PAGE_CONFIDENCE", "OcrError", "OcrLine", "OcrPage", "join_pages",
    "languages", "ocr_image", "ocr_pages", "tesseract_binary",
]

TESSERACT = "tesseract"  # the binary, looked up on PATH (a path is taken as it is)
LANGUAGES = "ara"  # Tesseract's -l; WORKBENCH_OCR_LANGUAGES overrides it (see above)
DEBIAN_PACKAGES = {"tesseract": "tesseract-ocr", "ara": "tesseract-ocr-ara", "eng": "tesseract-ocr-eng"}
DPI = 300  # PDF pages are rendered at this resolution for OCR
# Confidence floors (0-100, Tesseract's word confidence averaged over a line or a page,
# weighted by word length). Measured on a 300-dpi page of news in Amiri: clean, every line
# reads at 82 or more (page 86, CER 1.7 %); skewed, noisy and JPEG-compressed, 71 or more
# (page 79, CER 4 %); blurred until the page reads at 68, CER 8.5 %; at 49, CER 27 %.
LOW_LINE_CONFIDENCE = 60.0
LOW_PAGE_CONFIDENCE = 65.0
UNREAD = "\ufffd"  # REPLACEMENT CHARACTER: what stands in the text for a flagged span
PAGE_BREAK = "\n\f\n"  # between pages, as ``pdf_text`` joins them
_CONTEXT_CHARS = 160
_TIMEOUT = 600  # seconds for one page


class OcrError(Exception):
    """OCR cannot run (Tesseract or its Arabic model missing) or failed on a page."""


@dataclass(frozen=True)
class OcrLine:
    """One line as Tesseract read it: words in reading order, their mean confidence,
    and the (block, paragraph) it belongs to."""

    text: str
    confidence: float
    paragraph: tuple[int, int]


@dataclass(frozen=True)
class OcrPage:
    """The lines of one page image."""

    lines: tuple[OcrLine, ...]

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by line length; 100 for a page without text."""
        total = sum(len(line.text) for line in self.lines)
        if not total:
            return 100.0
        return sum(line.confidence * len(line.text) for line in self.lines) / total

    @property
    def text(self) -> str:
        """Everything read, flagged or not: lines by newline, paragraphs by a blank line."""
        return "".join(text for text, _ in self.segments(min_line=0.0, min_page=0.0))

    def segments(
        self, *, min_line: float = LOW_LINE_CONFIDENCE, min_page: float = LOW_PAGE_CONFIDENCE,
        label: str = "",
    ) -> list[tuple[str, dict | None]]:
        """The page as pieces of text, each with its flag (None: read with confidence).

        Below ``min_page`` the whole page is one flagged piece; otherwise each run of
        consecutive lines of one paragraph below ``min_line`` is.
        """
        where = f"{label}, " if label else ""
        if self.lines and self.confidence < min_page:
            return [(UNREAD, _flag(self.text, self.confidence, where + "whole page, "))]
        groups: list[tuple[list[OcrLine], bool]] = []  # low lines of a paragraph together
        for line in self.lines:
            low = line.confidence < min_line
            if groups and low and groups[-1][1] and groups[-1][0][-1].paragraph == line.paragraph:
                groups[-1][0].append(line)
            else:
                groups.append(([line], low))
        out: list[tuple[str, dict | None]] = []
        for i, (lines, low) in enumerate(groups):
            if i:
                same = lines[0].paragraph == groups[i - 1][0][-1].paragraph
                out.append(("\n" if same else "\n\n", None))
            if low:
                reading = "\n".join(line.text for line in lines)
                conf = sum(li.confidence * len(li.text) for li in lines) / sum(len(li.text) for li in lines)
                out.append((UNREAD, _flag(reading, conf, where)))
            else:
                out.append((lines[0].text, None))
        return out


def _flag(reading: str, confidence: float, where: str) -> dict:
    reading = " ".join(reading.split())
    if len(reading) > _CONTEXT_CHARS:
        reading = reading[:_CONTEXT_CHARS] + "…"
    return {"kind": "ocr_low", "context": f"{where}OCR confidence {confidence:.0f} %: {reading}"}


def join_pages(pages: Iterable[list[tuple[str, dict | None]]]) -> tuple[str, list[dict]]:
    """Pages of segments → (text, flags with ``raw_start``/``raw_end`` into the text)."""
    parts: list[str] = []
    flags: list[dict] = []
    at = 0
    for i, segments in enumerate(pages):
        if i:
            parts.append(PAGE_BREAK)
            at += len(PAGE_BREAK)
        for text, flag in segments:
            if flag is not None:
                flags.append({**flag, "raw_start": at, "raw_end": at + len(text)})
            parts.append(text)
            at += len(text)
    return "".join(parts), flags


# --- Tesseract ---------------------------------------------------------------------------

def tesseract_binary() -> str:
    """The path of the ``tesseract`` binary, or ``OcrError`` saying what to install."""
    found = shutil.which(TESSERACT)
    if found is None:
        raise OcrError(
            "OCR needs Tesseract with its Arabic model, which is not installed "
            f"(Debian/Ubuntu: apt-get install {DEBIAN_PACKAGES['tesseract']} "
            f"{DEBIAN_PACKAGES['ara']})"
        )
    return found


@lru_cache(maxsize=4)
def _installed_languages(binary: str) -> frozenset[str]:
    done = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=60)
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def languages() -> str:
    """The ``-l`` argument: ``LANGUAGES`` or ``$WORKBENCH_OCR_LANGUAGES``."""
    return os.environ.get("WORKBENCH_OCR_LANGUAGES") or LANGUAGES


def _languages(binary: str) -> str:
    wanted = languages()
    missing = [lang for lang in wanted.split("+") if lang not in _installed_languages(binary)]
    if missing:
        packages = " ".join(DEBIAN_PACKAGES.get(lang, f"tesseract-ocr-{lang}") for lang in missing)
        raise OcrError(
            f"Tesseract's model for {', '.join(missing)} is not installed "
            f"(Debian/Ubuntu: apt-get install {packages})"
        )
    return wanted


def ocr_image(image: Any, *, dpi: int | None = None) -> OcrPage:
    """One page image (a PIL image) read by Tesseract into lines with confidences."""
    binary = tesseract_binary()
    languages = _languages(binary)
    buffer = io.BytesIO()
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    image.save(buffer, format="PNG")
    command = [binary, "stdin", "stdout", "-l", languages, "--psm", "3"]
    if dpi:
        command += ["--dpi", str(int(dpi))]
    # One thread per page: documents are already read in parallel by the run's workers.
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    try:
        done = subprocess.run(
            [*command, "tsv"], input=buffer.getvalue(), capture_output=True, timeout=_TIMEOUT,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"Tesseract took longer than {_TIMEOUT} s on one page") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed ({message[-1] if message else done.returncode})")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrPage:
    """Tesseract's TSV (one row per page, block, paragraph, line and word) → lines.

    >>> rows = ["level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop"
    ...         "\\twidth\\theight\\tconf\\ttext",
    ...         "5\\t1\\t1\\t1\\t1\\t1\\t0\\t0\\t9\\t9\\t96.0\\tقصف",
    ...         "5\\t1\\t1\\t1\\t1\\t2\\t0\\t0\\t9\\t9\\t88.0\\tمدفعي",
    ...         "5\\t1\\t1\\t1\\t2\\t1\\t0\\t0\\t9\\t9\\t-1\\t "]
    >>> parse_tsv("\\n".join(rows)).lines
    (OcrLine(text='قصف مدفعي', confidence=91.0, paragraph=(1, 1)),)
    """
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        word = (row.get("text") or "").strip()
        if not word:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append((word, max(0.0, float(row["conf"]))))
    out = []
    for (block, par, _), words in lines.items():
        text = _arabic_commas(" ".join(w for w, _ in words))
        weight = sum(len(w) for w, _ in words)
        conf = sum(c * len(w) for w, c in words) / weight
        out.append(OcrLine(text, round(conf, 1), (block, par)))
    return OcrPage(tuple(out))


_MISREAD_COMMA = re.compile("(?<=[\u0621-\u064a\u0660-\u0669])\u00bb(?=\\s|$)")


def _arabic_commas(line: str) -> str:
    """Tesseract's Arabic model reads the ARABIC COMMA (U+060C) after a word as a closing
    guillemet (»); on a line with no opening guillemet (« U+00AB) it is the comma.

    >>> _arabic_commas("في بغداد» وقال")
    'في بغداد، وقال'
    >>> _arabic_commas("قال «لن نتراجع» أمس")
    'قال «لن نتراجع» أمس'
    """
    if "\u00ab" in line:
        return line
    return _MISREAD_COMMA.sub("\u060c", line)


def ocr_pages(
    images: Iterable[Any], *, total: int | None = None, dpi: int | None = None,
    progress: bool = False, label: str = "OCR",
) -> Iterator[OcrPage]:
    """Each page image read in turn, with a tqdm progress bar when ``progress``; ``dpi``
    for images that do not state their resolution."""
    if progress:
        from tqdm import tqdm

        images = tqdm(images, total=total, desc=label, unit="page", leave=False, file=sys.stderr)
    for image in images:
        yield ocr_image(image, dpi=_image_dpi(image) or dpi)


def _image_dpi(image: Any) -> int | None:
    """The resolution an image file states (PNG pHYs, JPEG JFIF, TIFF), if plausible."""
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 70 <= value <= 2400 else None
