"""Glyphs a PDF's ToUnicode map leaves out: found by their font's map, read as the letter
that makes their words known words, or flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.pdf_producers import Document, Job, available, font_available, make_one
from workbench.sources.pdf import pdf_text
from workbench.sources.pdf_glyphs import REPLACEMENT
from workbench.sources.pdf_unmapped import decipher, plain_unicode_map, read_unicode_maps

P = "\u08a0"  # the first placeholder


def test_placeholder_becomes_the_letter_that_makes_its_words_known() -> None:
    pages = [f"قال الوزير خل{P}ل الزيارة ان ال{P}تفاق", f"يبحث ال{P}ستثمار في ال{P}قتصاد"]
    assert decipher(pages, {P}) == [
        "قال الوزير خلال الزيارة ان الاتفاق", "يبحث الاستثمار في الاقتصاد",
    ]


def test_kashida_and_marks_inside_a_word_do_not_hide_it() -> None:
    assert decipher([f"خـلـ{P}ل الـ{P}تّفاق"], {P}) == ["خـلـال الـاتّفاق"]


def test_placeholder_with_too_little_evidence_is_flagged() -> None:
    # one word, which more than one letter makes a word: no letter is taken
    assert decipher([f"ك{P}ن"], {P}) == [f"ك{REPLACEMENT}ن"]


def test_two_placeholders_get_their_own_letters() -> None:
    q = "\u08a1"
    pages = [f"خل{P}ل ال{P}تفاق ب{q}ن {q}وم ال{P}ثنين في ب{q}روت"]
    assert decipher(pages, {P, q}) == ["خلال الاتفاق بين يوم الاثنين في بيروت"]


def test_pdf_without_identity_fonts_has_no_maps(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    out = tmp_path / "doc.pdf"
    weasyprint.HTML(string='<p dir="rtl">خلال الاجتماع</p>').write_pdf(out)
    # WeasyPrint embeds its fonts with a cmap: pdfium reads every glyph itself
    assert read_unicode_maps(out) is None


@pytest.mark.skipif(
    available("xelatex") is not None or not font_available("Noto Naskh Arabic"),
    reason="xelatex or Noto Naskh Arabic not installed",
)
def test_xelatex_lam_alef_reads_as_lam_and_alef(tmp_path: Path) -> None:
    # Noto Naskh Arabic draws LAM-ALEF as two glyphs, the ALEF one reached only by GSUB,
    # which XeLaTeX's ToUnicode map leaves out
    doc = Document("t", "", (
        "خلال الاجتماع بحث الطرفان العلاقات والاستثمار والسلام خلال العام المقبل.",
    ))
    out = tmp_path / "doc.pdf"
    make_one(Job(doc, "xelatex", "Noto Naskh Arabic", "plain", out))
    text = pdf_text(out)
    assert "\u061d" not in text and REPLACEMENT not in text
    assert "خلال" in text and "العلاقات" in text and "والسلام" in text


def test_a_glyph_mapped_to_nothing_gets_one_placeholder_clear_of_the_page() -> None:
    from workbench.sources.pdf_unmapped import UnicodeMaps

    maps = UnicodeMaps({}, frozenset())
    first = maps.lost("Amiri", 0x91F, frozenset({ord(P)}))  # the page has P of its own
    assert first != P and first == maps.lost("Amiri", 0x91F, frozenset())
    assert maps.lost("Amiri", 0x920, frozenset()) != first
    assert maps.lost("Noto", 0x91F, frozenset()) != first


def _pdfminer_map(data: bytes) -> dict[int, str]:
    import io

    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(data)).run()
    return cmap.cid2unichr


def test_plain_unicode_map_reads_as_pdfminer_does() -> None:
    # bfchar, a bfrange counted on from its first value (across a byte), a bfrange of an
    # array, a ligature of two letters, and a NO-BREAK SPACE that leaves a SPACE standing
    data = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"3 beginbfchar\n<0003> <0020>\n<0010> <0644 0627>\n<0003> <00A0>\nendbfchar\n"
        b"2 beginbfrange\n<0020> <0023> <06FE>\n<0030> <0032> [<0628> <062A> <062B>]\nendbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    mine = plain_unicode_map(data)
    assert mine == _pdfminer_map(data)
    assert mine[0x10] == "\u0644\u0627" and mine[3] == " " and mine[0x22] == "\u0700"


def test_plain_bfchar_blocks_read_by_one_pattern_read_as_pdfminer_does() -> None:
    # pairs written tight or across lines, a code of one byte, a character beyond the
    # BMP as a surrogate pair, an empty value; then a block with a string split by a space
    head = b"/CIDInit /ProcSet findresource begin begincmap\n"
    tail = b"endcmap CMapName currentdict /CMap defineresource pop end"
    plain = head + (
        b"4 beginbfchar\n<0003><0020>\r\n<ff> <0041>\n<0004> <D83DDE00> <0005> <>\nendbfchar\n"
    ) + tail
    split = head + b"1 beginbfchar <00 06> <0628> endbfchar\n" + tail
    for data in (plain, split):
        assert plain_unicode_map(data) == _pdfminer_map(data)
    assert plain_unicode_map(plain)[0xFF] == "A" and plain_unicode_map(split) == {6: "\u0628"}
    # odd digits and a code of five bytes: not a form the plain reader reads
    assert plain_unicode_map(head + b"1 beginbfchar <003> <0627> endbfchar " + tail) is None
    assert plain_unicode_map(head + b"1 beginbfchar <0102030405> <0627> endbfchar " + tail) is None


def test_plain_unicode_map_leaves_other_forms_to_pdfminer() -> None:
    assert plain_unicode_map(b"begincmap 1 beginbfrange <01> <02> [/a /b] endbfrange endcmap") is None
    assert plain_unicode_map(b"begincmap /Other usecmap endcmap") is None
    assert plain_unicode_map(b"1 beginbfchar <01> <0627> endbfchar") is None  # no begincmap


def _pdf_with_object_stream(objects: list[bytes], *, offsets: list[int] | None = None) -> bytes:
    """A made-up PDF whose objects 1.. are all in one object stream (object n + 1, with
    its header's ``offsets`` given as they are, to mislead), found by an xref stream."""
    n = len(objects)
    body, places = b"", []
    for obj in objects:
        places.append(len(body))
        body += obj + b"\n"
    header = b" ".join(b"%d %d" % (i + 1, at) for i, at in enumerate(offsets or places)) + b"\n"
    stream_id, xref_id = n + 1, n + 2
    out = b"%PDF-1.5\n"
    stream_at = len(out)
    data = header + body
    out += b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Length %d>>\nstream\n" % (
        stream_id, n, len(header), len(data)) + data + b"\nendstream\nendobj\n"
    rows = b"\x00\x00\x00\x00" + b"".join(b"\x02" + stream_id.to_bytes(2, "big") + i.to_bytes(1, "big")
                                          for i in range(n))
    rows += b"\x01" + stream_at.to_bytes(2, "big") + b"\x00" + b"\x01\x00\x00\x00"
    xref_at = len(out)
    out += b"%d 0 obj\n<</Type/XRef/Size %d/W[1 2 1]/Root 1 0 R/Length %d>>\nstream\n" % (
        xref_id, n + 3, len(rows)) + rows + b"\nendstream\nendobj\n"
    return out + b"startxref\n%d\n%%%%EOF\n" % xref_at


def _read_all(data: bytes, document_class: type) -> list[object]:
    import io

    from pdfminer.pdfparser import PDFParser

    document = document_class(PDFParser(io.BytesIO(data)))
    return [repr(document.getobj(i)) for i in range(1, 5)]


@pytest.mark.parametrize("offsets", [None, [0, 0, 5, 9]])
def test_objects_of_an_object_stream_read_alone_as_pdfminer_reads_them(
    offsets: list[int] | None,
) -> None:
    # (second case: a header whose offsets do not rise, read whole as pdfminer reads it)
    from pdfminer.pdfdocument import PDFDocument

    from workbench.sources.pdf_unmapped import _lazy_document_class

    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Count 0/Kids[]>>",
               b"[3[500 600]17[251]]", b"<</BaseFont/ABCDEF+Amiri/W 3 0 R>>"]
    data = _pdf_with_object_stream(objects, offsets=offsets)
    assert _read_all(data, _lazy_document_class()) == _read_all(data, PDFDocument)


def test_font_head_decompresses_the_table_directory_only() -> None:
    import zlib

    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    from workbench.sources.pdf_unmapped import _font_head

    directory = b"\x00\x01\x00\x00\x00\x02" + b"\x00" * 6 + b"glyf" + b"\x00" * 12 + b"head" + b"\x00" * 12
    program = directory + bytes(range(256)) * 40
    head = _font_head(PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(program)))
    assert head == directory
    # another filter: decoded whole, as pdfminer decodes it
    plain = PDFStream({}, program)
    assert _font_head(plain) == program


def _pdfminer_object(data: bytes) -> object:
    from pdfminer.pdfparser import PDFStreamParser

    parser = PDFStreamParser(data)
    return parser.nextobject()[1]


@pytest.mark.parametrize("data", [
    b"<</Type/Font/Subtype/Type0/BaseFont/ABCDEF+Amiri-Bold/Encoding/Identity-H"
    b"/DescendantFonts[5 0 R]/ToUnicode 12 0 R>>\n",
    b"<</CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/DW 364>>",
    b"<</FontBBox[-447 -909 11489 1823]/Style<</Panose<0000000005>>>/Flags 262150>>",
    b"[1 2 3 0 R 4 +5 -.5 6. true false()<>/]",
    b"  <</MediaBox[0 0 595.28 841.89]/Kids[]/A<<>>>>  \n",
])
def test_plain_objects_read_as_pdfminer_reads_them(data: bytes) -> None:
    from workbench.sources.pdf_unmapped import plain_object

    plain = plain_object(data)
    assert plain is not None
    assert repr(plain) == repr(_pdfminer_object(data))


@pytest.mark.parametrize("data", [
    b"<</A (a\\)b)>>",  # an escape in a string
    b"<</A(x(y)z)>>",  # parentheses inside a string
    b"<</A#20B 1>>",  # an escape in a name
    b"<</A null>>",  # a keyword
    b"<</A <a b>>>",  # white space in a hex string
    b"<</A <abc>>>",  # half a byte
    b"<</A 12abc>>",  # a number run into a word
    b"<</A%c\n1>>",  # a comment
    b"<</A 1 0 R>> 2",  # a second object
    b"[1]]", b"[[1]", b"<<1 2>>", b"<</A/B/C>>", b"[0 0 R]", b"5",
])
def test_plain_object_leaves_other_forms_to_pdfminer(data: bytes) -> None:
    from workbench.sources.pdf_unmapped import plain_object

    assert plain_object(data) is None
