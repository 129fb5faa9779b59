"""Word and OpenDocument files: text in document order, properties, damaged files."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from benchmarks.cer import char_error_rate
from benchmarks.repair import CORPUS_DIR, read_text
from workbench import load
from workbench.sources import office

SOURCE = read_text(CORPUS_DIR / "newsfane_iraq.txt")
HEADING = "الهجمات تحصد مزيدا من العراقيين"
CELLS = ["بغداد", "بعقوبة", "الأنبار", "2007"]


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT

    document = docx.Document()
    document.core_properties.title = "تقرير عن الهجمات"
    document.core_properties.author = "مراسل الوكالة"
    document.add_heading(HEADING, level=1)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
        run = paragraph.add_run(text)
        run.font.rtl = True  # a right-to-left run, stored in logical order
    table = document.add_table(rows=2, cols=2)
    for i, cell in enumerate(c for row in table.rows for c in row.cells):
        cell.text = CELLS[i]
    document.save(path)
    return path


def write_odt(path: Path, paragraphs: list[str]) -> Path:
    """A minimal OpenDocument text written by hand: heading, paragraphs (with a ``text:s``
    run of spaces and a span), a table, metadata."""
    from xml.sax.saxutils import escape

    body = [f'<text:h text:outline-level="1">{escape(HEADING)}</text:h>']
    for text in paragraphs:
        first, _, rest = text.partition(" ")
        body.append(f'<text:p><text:span>{escape(first)}</text:span><text:s/>{escape(rest)}</text:p>')
    cells = "".join(
        "<table:table-row>" + "".join(
            f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in CELLS[i:i + 2]
        ) + "</table:table-row>" for i in (0, 2)
    )
    body.append(f'<table:table table:name="t">{cells}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
        f'<office:body><office:text>{"".join(body)}</office:text></office:body>'
        "</office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3">'
        "<office:meta><dc:title>تقرير عن الهجمات</dc:title>"
        "<meta:initial-creator>مراسل الوكالة</meta:initial-creator></office:meta>"
        "</office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as odf:
        odf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        odf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        odf.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        odf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


PARAGRAPHS = [p.strip() for p in SOURCE.split("\n\n") if p.strip()]
EXPECTED = "\n\n".join([HEADING, *PARAGRAPHS, *CELLS])


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_word_and_opendocument_text_blocks_and_properties(tmp_path: Path, suffix: str) -> None:
    writer = write_docx if suffix == ".docx" else write_odt
    path = writer(tmp_path / f"report{suffix}", PARAGRAPHS)
    [row] = load(path).to_dict("records")
    assert row["error"] == ""
    assert row["text"] == EXPECTED  # blocks in order, a blank line between them
    assert char_error_rate(row["text"], EXPECTED) <= 0.01
    assert (row["title"], row["author"]) == ("تقرير عن الهجمات", "مراسل الوكالة")
    assert row["format"] == suffix.lstrip(".")


def test_odt_spaces_tabs_line_breaks_and_notes() -> None:
    from xml.etree import ElementTree

    xml = (
        '<text:p xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">قال<text:s text:c="2"/>'
        "المتحدث<text:tab/>إن<text:line-break/>الهجوم<text:note><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>حاشية</text:p></text:note-body></text:note> وقع</text:p>"
    )
    assert office._odt_inline(ElementTree.fromstring(xml)) == "قال  المتحدث\tإن\nالهجوم وقع"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_rtf_through_libreoffice(tmp_path: Path) -> None:
    words = "قصف مدفعي على بلدة في ديالى"
    escaped = "".join(f"\\u{ord(ch)}?" if ord(ch) > 127 else ch for ch in words)
    path = tmp_path / "old.rtf"
    path.write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\\rtlpar " + escaped + "\\par}",
                    encoding="ascii")
    [row] = load(path).to_dict("records")
    assert row["error"] == ""
    assert row["text"] == words


def test_doc_without_libreoffice_names_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "SOFFICE", str(tmp_path / "no-soffice"))
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    [row] = load(path).to_dict("records")
    assert row["error"].startswith("old.doc: reading .doc needs LibreOffice")
    assert "apt-get install libreoffice-writer" in row["error"]
