"""Word (``.docx``) and OpenDocument (``.odt``) files, and ``.doc``/``.rtf`` through LibreOffice.

Word processors store text in logical order (a right-to-left run is marked as such,
not reversed), so the text is taken as stored: headings, paragraphs and each table
cell, in document order, as blocks separated by a blank line (what the cleaning stage
expects); a line break inside a paragraph stays a newline. Title and author come from
the document's properties when set. Headers, footers and comments are left out.

``.docx`` is read with python-docx, ``.odt`` with the standard library (its
``content.xml`` is plain XML). Older formats (``.doc``, ``.rtf``) are converted to
``.docx`` by LibreOffice (``soffice --headless --convert-to docx``) in a temporary
folder, when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["OfficeError", "docx_text", "odt_text", "soffice_text"]

SOFFICE = "soffice"  # LibreOffice's binary, looked up on PATH
SOFFICE_PACKAGE = "libreoffice-writer"  # the Debian package that provides it
_SOFFICE_TIMEOUT = 180


class OfficeError(Exception):
    """A word-processor file that cannot be read; the message names the problem."""


# --- .docx ---------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: str | Path) -> tuple[str, dict[str, str]]:
    """(text, {"title", "author"}) of a ``.docx`` file: blocks separated by a blank line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise OfficeError(f"not a readable Word document ({type(exc).__name__})") from exc

    def blocks(parent) -> Iterator[str]:
        for child in parent.iterchildren():
            if child.tag == f"{_W}p":
                yield Paragraph(child, document).text
            elif child.tag == f"{_W}tbl":
                for row in child.iterchildren(f"{_W}tr"):
                    # the XML's cells, not python-docx's grid: a merged cell comes once
                    for cell in row.iterchildren(f"{_W}tc"):
                        yield from blocks(cell)
            elif child.tag == f"{_W}sdt":  # content controls wrap paragraphs and tables
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from blocks(content)

    text = _join(blocks(document.element.body))
    props = document.core_properties
    meta = {"title": (props.title or "").strip(), "author": (props.author or "").strip()}
    return text, meta


# --- .odt ----------------------------------------------------------------------------

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_T = "{" + _NS["text"] + "}"
# Elements whose text is not part of the running text: footnotes and endnotes (their
# number would stick to the word it follows), tracked deletions, index marks.
_SKIP = {f"{_T}note", f"{_T}tracked-changes", f"{_T}bookmark-ref", f"{_T}soft-page-break"}


def odt_text(path: str | Path) -> tuple[str, dict[str, str]]:
    """(text, {"title", "author"}) of an OpenDocument text file (``.odt``)."""
    try:
        with zipfile.ZipFile(path) as odf:
            content = odf.read("content.xml")
            meta_xml = odf.read("meta.xml") if "meta.xml" in odf.namelist() else b""
    except (zipfile.BadZipFile, KeyError) as exc:
        raise OfficeError(f"not a readable OpenDocument file ({type(exc).__name__}: {exc})") from exc
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as exc:
        raise OfficeError(f"damaged OpenDocument file ({exc})") from exc
    body = root.find("office:body/office:text", _NS)
    if body is None:
        raise OfficeError("not an OpenDocument text (no office:text)")
    text = _join(_odt_blocks(body))
    meta = {"title": "", "author": ""}
    if meta_xml:
        try:
            info = ElementTree.fromstring(meta_xml).find("office:meta", _NS)
        except ElementTree.ParseError:
            info = None
        if info is not None:
            meta["title"] = (info.findtext("dc:title", "", _NS) or "").strip()
            meta["author"] = (
                info.findtext("meta:initial-creator", "", _NS) or info.findtext("dc:creator", "", _NS)
                or ""
            ).strip()
    return text, meta


def _odt_blocks(element: ElementTree.Element) -> Iterator[str]:
    """Headings and paragraphs in document order, into lists, sections and table cells."""
    for child in element:
        if child.tag in (f"{_T}p", f"{_T}h"):
            yield _odt_inline(child)
        elif child.tag not in _SKIP:
            yield from _odt_blocks(child)


def _odt_inline(element: ElementTree.Element) -> str:
    """The text of one paragraph: spans, links, ``text:s`` spaces, tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_T}s":
            parts.append(" " * int(child.get(f"{_T}c", "1")))
        elif child.tag == f"{_T}tab":
            parts.append("\t")
        elif child.tag == f"{_T}line-break":
            parts.append("\n")
        elif child.tag not in _SKIP:
            parts.append(_odt_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _join(blocks: Iterator[str]) -> str:
    """Non-empty blocks, each stripped, separated by a blank line."""
    return "\n\n".join(b.strip() for b in blocks if b.strip())


# --- .doc, .rtf through LibreOffice ------------------------------------------------------

def soffice_text(path: str | Path) -> tuple[str, dict[str, str]]:
    """``.doc``/``.rtf`` (anything LibreOffice Writer opens) converted to ``.docx``, read."""
    path = Path(path)
    soffice = shutil.which(SOFFICE)
    if soffice is None:
        raise OfficeError(
            f"reading {path.suffix.lower()} needs LibreOffice, which is not installed "
            f"(Debian/Ubuntu: apt-get install {SOFFICE_PACKAGE}), or save it as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="workbench-soffice-") as tmp:
        # Its own profile, so a LibreOffice the user has open does not take the job over.
        source = Path(tmp) / ("input" + path.suffix.lower())
        shutil.copyfile(path, source)
        try:
            done = subprocess.run(
                [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                 "--convert-to", "docx", "--outdir", tmp, str(source)],
                capture_output=True, timeout=_SOFFICE_TIMEOUT, env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired as exc:
            raise OfficeError(f"LibreOffice took longer than {_SOFFICE_TIMEOUT} s to convert it") from exc
        converted = Path(tmp) / "input.docx"
        if done.returncode != 0 or not converted.is_file():
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OfficeError(
                "LibreOffice could not convert it" + (f" ({detail[-1]})" if detail else "")
            )
        return docx_text(converted)
