"""PDF text layer in logical order: round trips through real typesetting, bad files."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from benchmarks.damage import damage, wrap
from benchmarks.repair import lines_changed, load_corpus, make_pdf, measure
from workbench.sources import pdf as pdf_module
from workbench.sources.pdf import (
    PdfError,
    pdf_metadata,
    pdf_pages,
    pdf_text,
    visual_to_logical,
)
from workbench.sources.pdf_glyphs import Glyph, glyph_columns, merge_split_clusters
from workbench.sources.pdf_words import page_words
from workbench.text.arabic import TATWEEL, match_key

FONTS = ["Amiri", "Noto Naskh Arabic"]
ENGINES = ["pdfium", "pdfplumber"]
PARAGRAPH = (
    "أعلنت وزارة الدفاع العراقية أن قواتها صدت هجوما شنه مسلحون على قرية قرب الحدود، "
    "وقالت في بيان إن الاشتباكات استمرت ساعات قبل أن ينسحب المهاجمون إلى الصحراء."
)
MIXED = "في عام 2017 وقع 12 هجومًا"


def words(text: str) -> list[str]:
    return match_key(text).split()


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def typeset(text: str, font: str, work: Path) -> Path:
    return make_pdf(text, producer="weasyprint", font=font, work_dir=work)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("font", FONTS)
def test_arabic_lines_come_out_in_logical_order(font: str, engine: str, work: Path) -> None:
    text = pdf_text(typeset(PARAGRAPH, font, work), engine=engine)
    assert words(text) == words(PARAGRAPH)
    assert len(text.splitlines()) > 1  # one line per visual line, not one per paragraph


@pytest.mark.parametrize("font", FONTS)
def test_digits_keep_their_value_and_place(font: str, work: Path) -> None:
    text = pdf_text(typeset(MIXED + "\n\n" + "قتل 3.5% منهم في 2020/5/7 (بحسب رويترز).", font, work))
    lines = text.splitlines()
    assert match_key(lines[0]) == match_key(MIXED)
    assert match_key(lines[-1]) == match_key("قتل 3.5% منهم في 2020/5/7 (بحسب رويترز).")


def test_blank_line_between_paragraphs(work: Path) -> None:
    text = pdf_text(typeset("الفقرة الأولى.\n\nالفقرة الثانية.", "Amiri", work))
    assert text == "الفقرة الأولى.\n\nالفقرة الثانية."


def test_pages_are_separated_by_a_form_feed(work: Path) -> None:
    long = "\n\n".join([PARAGRAPH] * 30)
    path = typeset(long, "Amiri", work)
    pages = pdf_pages(path)
    assert len(pages) >= 2
    assert pdf_text(path).count("\n\f\n") == len(pages) - 1
    assert words(pdf_text(path)) == words(long)


def test_presentation_forms_become_letters(work: Path) -> None:
    # FEH INITIAL + YEH FINAL, AIN INITIAL + ALEF FINAL + MEEM ISOLATED
    shaped = "\ufed3\ufef2 \ufecb\ufe8e\ufee1"
    text = pdf_text(typeset(shaped, "Amiri", work))
    assert text == "في عام"


def test_unassigned_code_points_become_replacement_characters(work: Path) -> None:
    # WeasyPrint maps Amiri's stacked YEH-JEEM and MEEM-JEEM glyphs to U+0FE2, a code
    # point Unicode leaves unassigned; it names no text, so it is shown as lost
    source = "مقاتلو حزب الله يجبرون القوة"
    for engine in ENGINES:
        text = pdf_text(typeset(source, "Amiri", work), engine=engine)
        assert not [ch for ch in text if unicodedata.category(ch) == "Cn"]
        assert words(text.replace("\ufffd", "")) == words(source)


def test_two_columns_are_read_right_column_first(work: Path) -> None:
    import weasyprint

    right = "العمود الأيمن يتحدث عن الهجمات في الأنبار ونينوى. " * 8
    left = "العمود الأيسر يتحدث عن الانسحاب من المعسكرات. " * 8
    page = (
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>'
        "@page {size: A5; margin: 1.5cm} body {font-family: Amiri; font-size: 11pt;"
        " column-count: 2; column-gap: 1.2cm; text-align: justify}</style></head>"
        f"<body><p>{right}</p><p>{left}</p></body></html>"
    )
    path = work / "columns.pdf"
    weasyprint.HTML(string=page).write_pdf(path)
    assert words(pdf_text(path)) == words(right + left)


def test_metadata_from_document_information(work: Path) -> None:
    import weasyprint

    page = (
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>عودة داعش</title>'
        '<meta name="author" content="مجاهد الطائي"></head><body><p>نص</p></body></html>'
    )
    path = work / "meta.pdf"
    weasyprint.HTML(string=page).write_pdf(path)
    meta = pdf_metadata(path)
    assert meta["title"] == "عودة داعش"
    assert meta["author"] == "مجاهد الطائي"
    assert meta["pages"] == 1


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        ("ماع يف", "في عام"),
        ("2017 ماع يف", "في عام 2017"),
        ("اًموجه 12 عقو 2017 ماع يف", "في عام 2017 وقع 12 هجومًا"),
        ("3.5% نأ", "أن 3.5%"),
        ("زرتيور بسح ISIS ميظنت", "تنظيم ISIS حسب رويترز"),
        (")يمسر نايب(", "(بيان رسمي)"),  # the text layer keeps unmirrored brackets
        ("Mosul 2017", "Mosul 2017"),
        ("سلج\u0fe2م يف", "في م\u0fe2جلس"),  # an unassigned code point has no bidi class
    ],
)
def test_visual_to_logical(visual: str, logical: str) -> None:
    assert visual_to_logical(visual) == logical


def test_visual_to_logical_left_to_right_paragraph() -> None:
    assert visual_to_logical("ISIS in لصوملا", base_dir="L") == "ISIS in الموصل"


# One character of each bidi class a line's glyphs can stand for (``bidi_rep``).
BIDI_CLASS_SAMPLES = ["a", "Z", "א", "ب", "ح", "1", "9", "+", "-", "#", "%", "٠", "٢", ",",
                      ".", ":", "،", "\u00a0", "!", "(", "«", " "]


@pytest.mark.parametrize("base_level", [0, 1])
def test_bidi_levels_agree_with_python_bidi(base_level: int) -> None:
    # the levels the reader resolves itself are python-bidi's, on lines of every mix
    # of classes: digits after Arabic letters, separators between numbers, neutrals
    import random

    from workbench.sources.bidi_order import _uba_levels, resolve

    rng = random.Random(base_level)
    for _ in range(3000):
        pool = rng.sample(BIDI_CLASS_SAMPLES, rng.randint(1, 8))
        reps = [rng.choice(pool) for _ in range(rng.randint(1, 14))]
        levels = _uba_levels(reps, base_level)
        for seq in (range(len(reps)), range(len(reps) - 1, -1, -1)):  # rule L1
            for i in seq:
                if not reps[i].isspace():
                    break
                levels[i] = base_level
        assert resolve(reps, base_level)[1] == levels, reps


def test_bidi_order_of_right_to_left_lines_with_numbers_is_rule_l2() -> None:
    # such lines are read back by patterns (the line reversed but for its numbers): the
    # same order as rule L2 run on the levels, which agree with python-bidi's
    import random

    from workbench.sources.bidi_order import _reordered, resolve

    samples = [ch for ch in BIDI_CLASS_SAMPLES if ch not in "aZ"]  # no left-to-right letter
    rng = random.Random(3)
    for _ in range(3000):
        pool = rng.sample(samples, rng.randint(1, 8))
        reps = [rng.choice(pool) for _ in range(rng.randint(1, 14))]
        order, levels = resolve(reps, 1)
        assert order == _reordered(levels), reps


# --- bad input -------------------------------------------------------------------------


def _with_encrypt_dictionary(data: bytes) -> bytes:
    """An incremental update that adds a Standard security handler whose user password
    is not empty: any reader must ask for the password."""
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    root = re.findall(rb"/Root\s+(\d+\s+\d+\s+R)", data)[-1].decode()
    size = int(re.findall(rb"/Size\s+(\d+)", data)[-1])
    body = data if data.endswith(b"\n") else data + b"\n"
    obj = (
        f"{size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <{'ab' * 32}> /U <{'cd' * 32}> "
        "/P -4 >>\nendobj\n"
    ).encode()
    xref_at = len(body) + len(obj)
    xref = f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{len(body):010d} 00000 n \n".encode()
    trailer = (
        f"trailer\n<< /Size {size + 1} /Root {root} /Prev {prev} /Encrypt {size} 0 R "
        f"/ID [<{'01' * 16}> <{'01' * 16}>] >>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return body + obj + xref + trailer


@pytest.fixture(scope="module")
def good_pdf(work: Path) -> bytes:
    return typeset(PARAGRAPH, "Amiri", work).read_bytes()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("encrypted", "encrypted PDF"),
        ("truncated", "truncated or damaged PDF"),
        ("text", "not a PDF (starts with 'في عام"),
        ("empty", "not a PDF (empty file)"),
        ("no text", "no text layer (scanned?)"),
    ],
)
def test_bad_files_raise_pdf_error(
    case: str, message: str, engine: str, good_pdf: bytes, work: Path
) -> None:
    import weasyprint

    path = work / f"bad-{case.replace(' ', '-')}-{engine}.pdf"
    if case == "encrypted":
        path.write_bytes(_with_encrypt_dictionary(good_pdf))
    elif case == "truncated":
        path.write_bytes(good_pdf[: len(good_pdf) // 2])
    elif case == "text":
        path.write_text("في عام 2017 وقع هجوم\n", encoding="utf-8")
    elif case == "empty":
        path.write_bytes(b"")
    else:
        weasyprint.HTML(string="<html><body><div style='height:3cm'></div></body></html>"
                        ).write_pdf(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(PdfError) as info:
        pdf_text(path, engine=engine)
    assert str(info.value).startswith(message)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("case", ["good", "truncated", "encrypted"])
def test_a_file_left_on_disk_reads_as_one_read_into_memory(
    case: str, good_pdf: bytes, work: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PDF over ``IN_MEMORY_BYTES`` is checked and opened from disk: the same text, or
    the same error, as a small one read into memory at once."""
    data = {"good": good_pdf, "truncated": good_pdf[: len(good_pdf) // 2],
            "encrypted": _with_encrypt_dictionary(good_pdf)}[case]
    path = work / f"on-disk-{case}.pdf"
    path.write_bytes(data)

    def read() -> str:
        try:
            return pdf_text(path)
        except PdfError as exc:
            return f"PdfError: {exc}"

    in_memory = read()
    monkeypatch.setattr(pdf_module, "IN_MEMORY_BYTES", 0)
    assert read() == in_memory
    assert in_memory.startswith("PdfError") == (case != "good")


def test_reading_never_modifies_the_file(work: Path) -> None:
    path = typeset(PARAGRAPH, "Noto Naskh Arabic", work)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    pdf_text(path)
    pdf_text(path, engine="pdfplumber")
    pdf_metadata(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


# --- LibreOffice: kashida glyphs mapped to other characters -----------------------------


def test_libreoffice_round_trip_restores_kashida(work: Path) -> None:
    text = "\n\n".join([PARAGRAPH] * 3)
    path = make_pdf(text, producer="libreoffice", font="Noto Naskh Arabic", work_dir=work)
    out = pdf_text(path)
    assert words(out) == words(text)  # match_key drops the restored kashida
    assert TATWEEL in out  # the justification was there, and is shown as what it is


# --- the damage simulator and the benchmark -------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_damage_keeps_every_letter(seed: int) -> None:
    source = load_corpus(names=["newsfane_lebanon"])["newsfane_lebanon"]
    damaged = damage(source, seed=seed)
    letters = lambda t: sorted(ch for ch in t if ch.isalpha())  # noqa: E731
    assert letters(damaged.replace(TATWEEL, "")) == letters(source)
    assert not re.search(r"\d", damaged)
    assert damaged != source


def test_damage_reverses_runs_and_moves_punctuation() -> None:
    line = "في عام 2017 وقع هجوم على القوات."
    out = damage(line, seed=2, width=200, p_kashida=0.0, p_runs=1.0, p_punct=1.0)
    # the full stop goes to the line start, the digits are lost, and the two runs on
    # either side of the lost number come out right run first
    assert out == "وقع هجوم على القوات . في عام"
    assert damage(line, seed=2, width=200, p_kashida=0.0, p_runs=0.0, p_punct=1.0) == (
        ". في عام  وقع هجوم على القوات"
    )


def test_wrap_breaks_at_spaces_within_width() -> None:
    lines = wrap(" ".join(["كلمة"] * 30), width=30)
    assert all(len(line) <= 30 for line in lines)
    assert " ".join(lines) == " ".join(["كلمة"] * 30)


@pytest.mark.parametrize(
    ("output", "source", "changed"),
    [("أ\nب", "أ\nب", 0), ("أ\nت", "أ\nب", 1), ("أ", "أ\nب", 1), ("أ  \n ب", "أ\nب", 0)],
)
def test_lines_changed(output: str, source: str, changed: int) -> None:
    assert lines_changed(output, source) == changed


def test_benchmark_pdf_round_trip_floor() -> None:
    texts = load_corpus(names=["newsfane_iraq"])
    results = measure(texts, producers=["weasyprint"], peers=(), engines=("pdfium",),
                      damaged=False)
    pdf = results[results["condition"].str.startswith("pdf")]
    ours = pdf[pdf["tool"] == "pdf_text pdfium"]["cer"]
    raw = pdf[pdf["tool"] == "raw"]["cer"]
    assert len(ours) == len(FONTS)
    assert ours.max() < 0.01
    assert raw.min() > 0.5  # pdfplumber's extract_text leaves every line reversed


# --- word spaces: Chromium's spaces of no width, justified lines, kashida leaders ---------

NEWS = (
    "قالت مصادر أمنية إن هجوما انتحاريا استهدف سوقا شعبية في ريف حلب الشمالي صباح اليوم، "
    "وأسفر عن سقوط عشرات القتلى والجرحى بين المدنيين، فيما أعلنت فصائل المعارضة حالة "
    "الاستنفار في المنطقة وأغلقت الطرق المؤدية إلى المدينة."
)


def chromium_pdf(text: str, font: str, work: Path) -> Path:
    from benchmarks.pdf_producers import Document, Job, make_one

    doc = Document(f"test/{font}", "", (text,))
    out = work / f"chromium-{hashlib.sha1((font + text).encode()).hexdigest()[:10]}.pdf"
    if not out.exists():
        make_one(Job(doc, "chromium", font, "plain", out))
    return out


needs_chromium = pytest.mark.skipif(
    not shutil.which("chromium") and not os.environ.get("CI"),
    reason="chromium not installed (Debian: chromium)",
)


@needs_chromium
@pytest.mark.parametrize("font", FONTS)
def test_chromium_pdf_keeps_its_word_spaces(font: str, work: Path) -> None:
    # Chromium draws each space as a glyph of no width: without reading them, words glue
    # (هجوماانتحاريا, ريفحلب) wherever justification left the gap narrow
    text = pdf_text(chromium_pdf(NEWS + "\n\n" + PARAGRAPH, font, work))
    assert words(text) == words(NEWS + " " + PARAGRAPH)


@pytest.mark.parametrize("font", FONTS)
def test_justified_narrow_column_gains_no_spaces(font: str, work: Path) -> None:
    import weasyprint

    # a column a few words wide: justification stretches the word spaces several times
    page = (
        f"<html dir='rtl'><body style=\"font-family: '{font}'; font-size: 14pt; width: 5cm; "
        f"text-align: justify\"><p>{NEWS}</p></body></html>"
    )
    path = work / f"narrow-{font.replace(' ', '')}.pdf"
    weasyprint.HTML(string=page).write_pdf(path)
    text = pdf_text(path)
    assert len(text.splitlines()) >= 8
    assert words(text) == words(NEWS)


@needs_chromium
def test_chromium_justified_narrow_column_gains_no_spaces(work: Path) -> None:
    from benchmarks.pdf_producers import _chromium_pdf

    page = (
        "<html dir='rtl'><head><meta charset='utf-8'></head><body style=\"font-family: "
        f"'Amiri'; font-size: 14pt; width: 5cm; text-align: justify\"><p>{NEWS}</p></body></html>"
    )
    path = work / "chromium-narrow.pdf"
    _chromium_pdf(page, path)
    text = pdf_text(path)
    assert len(text.splitlines()) >= 8
    assert words(text) == words(NEWS)


def _glyph(text: str, x0: float, x1: float, order: int, ink: float = 8.0) -> Glyph:
    return Glyph(text, x0, x1, 100.0, 12.0, (x0 + x1) / 2, order, ink)


def test_kashida_leaders_over_joints_are_not_word_spaces() -> None:
    # XeLaTeX's kashida justification: a leader mapped to a space under every joint of
    # يحكون (drawn right to left), and no glyph for the word space (glue) before ان
    letters = [("ن", 10, 16), ("و", 16, 22), ("ك", 22, 28), ("ح", 28, 36), ("ي", 36, 42)]
    row = [_glyph(t, x0, x1, 10 - k) for k, (t, x0, x1) in enumerate(letters)]
    row += [_glyph(" ", x - 2.5, x + 0.5, 20 + k, ink=0.02) for k, x in enumerate((22, 28, 36))]
    row += [_glyph("ن", -2, 4, 0), _glyph("ا", 4, 6, 1)]
    assert pdf_module._page_text(row) == f"ي{TATWEEL}ح{TATWEEL}ك{TATWEEL}ون ان"  # as drawn


def test_a_space_under_an_overhanging_letter_stays_a_space() -> None:
    # Amiri's KAF reaches back over the space before it: one covered space in a line of
    # plain spaces is still a word space
    row = [_glyph("ة", 40, 46, 0), _glyph(" ", 36.5, 40, 1, ink=0.1), _glyph("ك", 30, 39, 2),
           _glyph(" ", 26.5, 30, 3, ink=0.1), _glyph("ن", 20, 26.5, 4),
           _glyph(" ", 16.5, 20, 5, ink=0.1), _glyph("و", 10, 16.5, 6)]
    assert pdf_module._page_text(row) == "ة ك ن و"


def test_a_space_glyph_drawing_a_stroke_between_touching_letters_is_a_kashida() -> None:
    # LibreOffice draws KacstBook's kashida by a glyph named as a space, in the joint
    # between the letters rather than under them: بحـدوث, not بح دوث; a space that
    # draws nothing, or a stroke away from the letters, stays a word break
    row = [_glyph("ب", 46, 50, 0), _glyph("ح", 40, 46, 1), _glyph(" ", 37.5, 40, 2, ink=0.8),
           _glyph("د", 32, 37.6, 3), _glyph("و", 27, 32, 4), _glyph("ث", 20, 27, 5),
           _glyph(" ", 16.5, 20, 6, ink=0.01), _glyph("ف", 10, 16.5, 7),
           _glyph(" ", 5, 7.5, 8, ink=0.8), _glyph("ي", 0, 3, 9)]
    assert pdf_module._page_text(row) == f"بح{TATWEEL}دوث ف ي"


def test_a_kashida_named_as_a_digit_is_restored_in_words_of_one_page_or_of_two() -> None:
    # LibreOffice names its kashida ``1``: a thin stroke touching the letters on both
    # sides, in بـحر and in عـلم (drawn right to left), becomes the kashida; the boxes are
    # read from the page's columns, or glyph by glyph for words of two pages in one row
    first = [_glyph("ب", 46, 50, 0), _glyph("1", 43, 46, 1, ink=0.8), _glyph("ح", 37, 43, 2),
             _glyph("ر", 33, 37, 3)]
    second = [_glyph("ع", 20, 26, 4), _glyph("1", 17, 20, 5, ink=0.8), _glyph("ل", 13, 17, 6),
              _glyph("م", 8, 13, 7)]
    expected = f"ب{TATWEEL}حر ع{TATWEEL}لم"
    assert pdf_module._page_text(first + second) == expected
    row = page_words(glyph_columns(first)) + page_words(glyph_columns(second))
    assert pdf_module._line_text(row, 1) == expected


def _bracketed_row(y: float, word: str, left: str, right: str) -> list[Glyph]:
    """``قال`` then ``word`` between brackets, drawn right to left on baseline ``y``: the
    glyph at the word's left named ``left``, at its right ``right``, both as pdfium gives
    them (mirrored for display in a right-to-left run)."""
    texts = [*"قال", " ", right, *word, left]
    xs = [100 - 6 * (k + 1) for k in range(len(texts))]
    return [Glyph(t, x, x + 6, y, 12.0, x + 3, k, 0.1 if t == " " else 8.0, mirrored=t in "()")
            for k, (t, x) in enumerate(zip(texts, xs, strict=True))]


@pytest.mark.parametrize(("left", "right", "named"), [("(", ")", "typed"), (")", "(", "mirrored")])
def test_brackets_named_by_their_mirror_images(left: str, right: str, named: str) -> None:
    # Chromium, WeasyPrint and LibreOffice name the opening bracket of a right-to-left run
    # (drawn at the word's right) ``(``, which pdfium mirrors for display; XeLaTeX draws it
    # by the glyph of ``)`` and names it so: read either way, the text says ``(الفرنسية)``
    rows = _bracketed_row(100.0, "الفرنسية", left, right) + _bracketed_row(120.0, "رويترز", left, right)
    lines = [line for line in pdf_module._page_text(rows).split("\n") if line]
    assert lines == ["قال (الفرنسية)", "قال (رويترز)"], named


def test_one_pair_is_no_evidence_of_mirrored_brackets() -> None:
    # a single pair standing back to front is the text's own (a source may type it so)
    rows = _bracketed_row(100.0, "الفرنسية", ")", "(")
    assert pdf_module._page_text(rows) == "قال )الفرنسية("


@pytest.mark.parametrize("word", ["الفرنسية", "انظر: قرطاج"])
def test_one_pair_suffices_from_a_producer_that_names_brackets_by_image(word: str) -> None:
    # xdvipdfmx (XeLaTeX) names every bracket of a right-to-left run by its mirror image
    rows = _bracketed_row(100.0, word, ")", "(")
    assert pdf_module._page_text(rows, images=True) == f"قال ({word})"
    # and a pair standing as typed still reads as typed
    rows = _bracketed_row(100.0, word, "(", ")")
    assert pdf_module._page_text(rows, images=True) == f"قال ({word})"


def test_stacked_letters_follow_the_stream_order() -> None:
    # Amiri stacks the MEEM of المحترفين on the HAH, its centre a hair left of the HAH's:
    # by position alone the word reads الحمترفين; the content stream says م then ح
    boxes = [("ا", 86.9, 89.5), ("ل", 83.0, 86.9), ("م", 79.7, 85.4), ("ح", 79.0, 86.4),
             ("ت", 75.9, 79.7), ("ر", 71.8, 76.8)]
    row = [_glyph(t, x0, x1, k) for k, (t, x0, x1) in enumerate(boxes)]
    assert pdf_module._page_text(row) == "المحتر"


@pytest.mark.parametrize(("stream", "logical"), [("ال", "لا"), ("لا", "لا"), ("مح", "حم")])
def test_ligature_characters_in_an_order_that_can_join(stream: str, logical: str) -> None:
    # one glyph, several characters: reversed with a right-to-left run (LibreOffice,
    # WeasyPrint), except where the reversal would put ALEF before another letter inside
    # the ligature, which no glyph can draw (XeLaTeX gives LAM-ALEF in logical order)
    glyphs = [_glyph(ch, 10, 16, k) for k, ch in enumerate(stream)]
    assert merge_split_clusters(glyph_columns(glyphs)).text == [logical]


@pytest.mark.parametrize("stream", ["الله", "هللا"])
def test_a_unicode_ligature_is_read_in_its_logical_order(stream: str) -> None:
    # the ALLAH ligature (U+FDF2) starts with ALEF, which joins nothing after it: the
    # joining test cannot order it, Unicode's ligature letters can
    glyphs = [_glyph(ch, 10, 16, k) for k, ch in enumerate(stream)]
    assert merge_split_clusters(glyph_columns(glyphs)).text == ["الله"]


def test_a_ligature_after_its_own_first_letter_drawn_apart_drops_it() -> None:
    # a font that maps U+FDF2 to its LAM LAM HEH glyph, drawn after a separate ALEF
    glyphs = [_glyph("ب", 20, 24, 0), _glyph("ا", 16, 20, 1)]
    glyphs += [_glyph(ch, 10, 16, k) for k, ch in enumerate("الله", start=2)]
    assert merge_split_clusters(glyph_columns(glyphs)).text == ["ب", "ا", "لله"]


def test_two_lam_alef_glyphs_in_a_row_keep_their_letters() -> None:
    # (الالا...: the glyph before the second LAM-ALEF is part of the first)
    glyphs = [_glyph(ch, 16, 22, k) for k, ch in enumerate("ال")]
    glyphs += [_glyph(ch, 10, 16, k) for k, ch in enumerate("ال", start=2)]
    assert merge_split_clusters(glyph_columns(glyphs)).text == ["لا", "لا"]


def test_weasyprint_amiri_letter_extensions_are_no_second_letter(work: Path) -> None:
    import weasyprint

    # Amiri under WeasyPrint draws the LAM before KAF (and the HAH before TEH) with a
    # second glyph, a flat stroke named as the letter again: اللكبير for الكبير; two
    # real letters in a row (مم، سس) stay two
    text = "قالت الكتلة الكبرى لكن المحترفين والمرشحين في الممر المؤسسي الكريم"
    page = (f"<html dir='rtl'><body style=\"font-family: 'Amiri'; font-size: 16pt\">"
            f"<p>{text}</p></body></html>")
    path = work / "amiri-extensions.pdf"
    weasyprint.HTML(string=page).write_pdf(path)
    # (a glyph cairo maps to nothing is flagged, too few words here to read it by)
    got, want = words(pdf_text(path)), words(text)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert re.fullmatch(re.escape(g).replace("\ufffd", "."), w), (g, w)


def _word_glyphs(word: str, x: float, order: int) -> list[Glyph]:
    """A word's glyphs from ``x`` on, 5 wide each, in stream places from ``order`` on, drawn
    left to right for Latin and right to left for Arabic."""
    step = -1 if unicodedata.bidirectional(word[0]) in ("R", "AL") else 1
    chars = word if step == 1 else word[::-1]
    glyphs = [_glyph(ch, x + 5 * k, x + 5 * k + 5, 0) for k, ch in enumerate(chars)]
    for k, g in enumerate(glyphs[::step]):
        g.order = order + k
    return glyphs


@pytest.mark.parametrize(("runs", "line"), [(True, "قالت الصحيفة ان Lost in Time"),
                                             (False, "قالت الصحيفة ان Time in Lost")])
def test_a_latin_run_set_word_by_word_right_to_left_reads_in_stream_order(
    runs: bool, line: str,
) -> None:
    # XeLaTeX without \lr sets the words of a Latin run one by one in the line's order,
    # right to left: the page shows "Time in Lost", the stream says Lost in Time; a
    # producer that writes the stream in text order is read by it
    row = (_word_glyphs("قالت", 280, 0) + _word_glyphs("الصحيفة", 240, 5)
           + _word_glyphs("ان", 225, 12) + _word_glyphs("Lost", 200, 20)
           + _word_glyphs("in", 185, 30) + _word_glyphs("Time", 160, 40))
    assert pdf_module._page_text(row, runs=runs) == line


def test_a_latin_run_drawn_left_to_right_stays_as_drawn() -> None:
    row = (_word_glyphs("قالت", 280, 0) + _word_glyphs("الصحيفة", 240, 5)
           + _word_glyphs("ان", 225, 12) + _word_glyphs("Lost", 160, 20)
           + _word_glyphs("in", 185, 30) + _word_glyphs("Time", 200, 40))
    assert pdf_module._page_text(row, runs=True) == "قالت الصحيفة ان Lost in Time"


def test_strong_direction_counts_the_letters_of_all_the_words() -> None:
    from workbench.sources.pdf import _strong_direction
    from workbench.sources.pdf_words import Word

    def word(text: str) -> Word:
        return Word(list(text), 0.0, 1.0, 10.0, 12.0, text, 0.5, True, None, 0)  # type: ignore[arg-type]

    assert _strong_direction([word("قتل"), word("UN"), word("2017")]) == 1  # 3 letters to 2
    assert _strong_direction([word("في"), word("Reuters")]) == 0
    assert _strong_direction([word("2017"), word("،")]) == 0  # no letter either way
    assert _strong_direction([word("\U0001d400"), word("ب")]) == 1  # one each, one beyond U+FFFF
    assert _strong_direction([]) == 0
