"""Typesetting Arabic documents to PDF with the producers real PDFs come from.

Used by ``benchmarks/pdf_damage.py``. Every producer sets the title as a heading and the
paragraphs right to left, justified, on A4 at 12 pt:

- ``libreoffice``: LibreOffice Writer (headless) from a flat ODF text document (.fodt)
  whose paragraphs are right-to-left (``style:writing-mode="rl-tb"``) and justified;
  Writer justifies Arabic by inserting kashida where the font allows (on by default,
  no switch in the file format LibreOffice 7.4 reads);
- ``weasyprint``: WeasyPrint from HTML (``dir="rtl"``, ``text-align: justify``);
  it justifies with spaces only (``text-justify: kashida`` is not supported);
- ``chromium``: Chromium ``--headless --print-to-pdf`` from the same HTML; it also
  justifies with spaces only;
- ``xelatex``: XeLaTeX with polyglossia (Arabic main language, which loads bidi); the
  ``kashida`` variant adds xepersian's kashida machinery (``kashida-xepersian.def``:
  stretchable leaders between joined letters) without loading xepersian itself.

Each producer is skipped with a message when its program or module is missing
(``available``). PDFs are written once and cached by the caller's file name.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PRODUCERS = ("libreoffice", "weasyprint", "chromium", "xelatex")
FONTS = ("Amiri", "Noto Naskh Arabic", "Scheherazade", "KacstBook")
# Variants a producer can make besides its default ("plain"): kashida justification.
VARIANTS: dict[str, tuple[str, ...]] = {
    "libreoffice": ("plain",),  # Writer inserts kashida itself where it can (no switch)
    "weasyprint": ("plain",),
    "chromium": ("plain",),
    "xelatex": ("plain", "kashida"),
}
TEMPLATE_VERSION = "1"  # bump when the markup below changes, to invalidate cached PDFs
TIMEOUT = 240


@dataclass(frozen=True)
class Document:
    """A document to typeset: an id, a title (may be empty) and its paragraphs."""

    doc_id: str
    title: str
    paragraphs: tuple[str, ...]
    source: str = ""  # where the text comes from, for the report

    @property
    def text(self) -> str:
        """The reference text: the title, then the paragraphs, blank lines between."""
        blocks = ([self.title] if self.title else []) + list(self.paragraphs)
        return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class Job:
    """One PDF to make: a document by a producer in a font and variant, written to ``out``."""

    doc: Document
    producer: str
    font: str
    variant: str
    out: Path


# --- availability ------------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def available(producer: str) -> str | None:
    """None when ``producer`` can run here, else why not."""
    if producer == "libreoffice":
        return None if shutil.which("soffice") else "soffice not found (Debian: libreoffice-writer-nogui)"
    if producer == "weasyprint":
        try:
            import weasyprint  # noqa: F401
        except (ImportError, OSError) as exc:
            return f"weasyprint not importable ({exc})"
        return None
    if producer == "chromium":
        return None if _chromium() else "chromium not found (Debian: chromium)"
    if producer == "xelatex":
        if not shutil.which("xelatex"):
            return "xelatex not found (Debian: texlive-xetex texlive-lang-arabic)"
        if not shutil.which("kpsewhich"):
            return "kpsewhich not found"
        missing = [
            f for f in ("polyglossia.sty", "bidi.sty")
            if not subprocess.run(["kpsewhich", f], capture_output=True, text=True).stdout.strip()
        ]
        return f"LaTeX packages missing: {', '.join(missing)}" if missing else None
    return f"unknown producer {producer!r}"


def font_available(font: str) -> bool:
    """Whether fontconfig knows the family (fc-list)."""
    if not shutil.which("fc-list"):
        return True
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return any(font in line.split(",") for line in out.splitlines())


def xelatex_kashida_available() -> bool:
    return bool(shutil.which("kpsewhich")) and bool(
        subprocess.run(["kpsewhich", "xepersian.sty"], capture_output=True, text=True).stdout.strip()
    )


# --- markup ------------------------------------------------------------------------------

_CSS = (
    "@page { size: A4; margin: 2cm } "
    "body { font-family: '%s'; font-size: 12pt; line-height: 1.5 } "
    "h1 { font-size: 16pt; text-align: right; margin: 0 0 0.8em 0 } "
    "p { text-align: justify; margin: 0 0 0.8em 0 }"
)


def html_document(doc: Document, font: str) -> str:
    """Right-to-left justified HTML: the title in ``<h1>``, one ``<p>`` per paragraph."""
    head = f"<h1>{html.escape(doc.title)}</h1>\n" if doc.title else ""
    body = "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in doc.paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<style>{_CSS % font}</style></head><body>\n{head}{body}\n</body></html>\n"
    )


def fodt_document(doc: Document, font: str) -> str:
    """A flat ODF text document: right-to-left justified paragraphs in ``font`` (CTL font)."""
    e = html.escape
    paras = "\n".join(f'<text:p text:style-name="Body">{e(" ".join(p.split()))}</text:p>'
                      for p in doc.paragraphs)
    title = f'<text:h text:style-name="Title" text:outline-level="1">{e(doc.title)}</text:h>\n' \
        if doc.title else ""

    def text_props(size: str, weight: str = "normal") -> str:
        return (f'<style:text-properties style:font-name-complex="{e(font)}" '
                f'style:font-size-complex="{size}" style:font-weight-complex="{weight}" '
                f'style:font-name="{e(font)}" fo:font-size="{size}" '
                f'fo:language="ar" fo:country="IQ" style:language-complex="ar" '
                f'style:country-complex="IQ"/>')

    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{e(font)}" svg:font-family="'{e(font)}'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" style:writing-mode="rl-tb"
   fo:margin-bottom="0.28cm" fo:line-height="150%"/>
  {text_props("12pt")}
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" style:writing-mode="rl-tb" fo:margin-bottom="0.4cm"/>
  {text_props("16pt", "bold")}
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"
   style:writing-mode="rl-tb"/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
<office:body><office:text>
{title}{paras}
</office:text></office:body>
</office:document>
"""


_TEX_SPECIALS = {c: "\\" + c for c in "#$%&_{}"} | {
    "\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def _tex_escape(text: str) -> str:
    return "".join(_TEX_SPECIALS.get(c, c) for c in " ".join(text.split()))


def tex_document(doc: Document, font: str, *, kashida: bool = False) -> str:
    """XeLaTeX source: polyglossia with Arabic as the main language, ``font`` for Arabic;
    with ``kashida``, xepersian's kashida leaders between joined letters as well."""
    title = f"{{\\Large\\bfseries {_tex_escape(doc.title)}\\par}}\\bigskip\n\n" if doc.title else ""
    body = "\n\n".join(_tex_escape(p) for p in doc.paragraphs)
    preamble = (
        "\\usepackage{fontspec}\n\\usepackage{polyglossia}\n"
        "\\setmainlanguage{arabic}\n\\setotherlanguage{english}\n"
        f"\\newfontfamily\\arabicfont[Script=Arabic]{{{font}}}\n"
    )
    if kashida:  # xepersian's kashida machinery alone (xepersian itself would set Persian digits)
        preamble += ("\\XeTeXinterchartokenstate=1\n"
                     "\\makeatletter\\chardef\\f@ur=4 \\input{kashida-xepersian.def}\\makeatother\n")
    return (
        "\\documentclass[12pt,a4paper]{article}\n"
        "\\usepackage[margin=2cm]{geometry}\n"
        f"{preamble}"
        "\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{0.8em}\n"
        "\\linespread{1.3}\n"
        f"\\begin{{document}}\n{title}{body}\n\\end{{document}}\n"
    )


# --- producing ---------------------------------------------------------------------------


def make_one(job: Job) -> None:
    """Typeset one job (not LibreOffice: see ``make_libreoffice``); raises on failure."""
    job.out.parent.mkdir(parents=True, exist_ok=True)
    if job.producer == "weasyprint":
        import weasyprint

        weasyprint.HTML(string=html_document(job.doc, job.font)).write_pdf(job.out)
    elif job.producer == "chromium":
        _chromium_pdf(html_document(job.doc, job.font), job.out)
    elif job.producer == "xelatex":
        _xelatex_pdf(tex_document(job.doc, job.font, kashida=job.variant == "kashida"), job.out)
    elif job.producer == "libreoffice":
        make_libreoffice([job])
    else:
        raise ValueError(f"unknown producer {job.producer!r}")


def make_libreoffice(jobs: Sequence[Job]) -> list[str]:
    """Convert many .fodt files in one ``soffice`` call; returns the errors (one per job
    that produced no PDF)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return ["soffice not found"] * len(jobs)
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pdfdamage-lo-") as tmp:
        srcs = []
        for job in jobs:
            src = Path(tmp) / (job.out.stem + ".fodt")
            src.write_text(fodt_document(job.doc, job.font), encoding="utf-8")
            srcs.append(src)
        run = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, *map(str, srcs)],
            capture_output=True, timeout=TIMEOUT + 10 * len(jobs),
        )
        for job, src in zip(jobs, srcs, strict=True):
            made = src.with_suffix(".pdf")
            if made.exists():
                job.out.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(made, job.out)
            else:
                errors.append(f"{job.out.name}: no PDF ({run.stderr.decode(errors='replace')[-200:]})")
    return errors


def _chromium_pdf(doc: str, out: Path) -> None:
    exe = _chromium()
    if exe is None:
        raise RuntimeError("chromium not found")
    with tempfile.TemporaryDirectory(prefix="pdfdamage-chromium-") as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(doc, encoding="utf-8")
        target = Path(tmp) / "doc.pdf"
        subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             "--disable-dev-shm-usage", f"--user-data-dir={tmp}/profile",
             "--no-pdf-header-footer", "--print-to-pdf-no-header",
             f"--print-to-pdf={target}", src.as_uri()],
            capture_output=True, timeout=TIMEOUT, check=False,
        )
        if not target.exists() or target.stat().st_size == 0:
            raise RuntimeError("chromium wrote no PDF")
        shutil.move(target, out)


def _xelatex_pdf(tex: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="pdfdamage-xelatex-") as tmp:
        src = Path(tmp) / "doc.tex"
        src.write_text(tex, encoding="utf-8")
        run = subprocess.run(
            ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
            cwd=tmp, capture_output=True, timeout=TIMEOUT, check=False,
        )
        made = Path(tmp) / "doc.pdf"
        if not made.exists():
            log = run.stdout.decode(errors="replace")
            err = next((line for line in log.splitlines() if line.startswith("!")), log[-300:])
            raise RuntimeError(f"xelatex failed: {err}")
        shutil.move(made, out)
