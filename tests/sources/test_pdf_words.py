"""Words of a page cut on columns: the cases where the row loop takes over."""

from __future__ import annotations

import math

import numpy as np

from workbench.sources.pdf_glyphs import Glyph, glyph_columns
from workbench.sources.pdf_words import _page_order, _sorted_row_starts, page_words, row_starts


def _glyph(text: str, x0: float, x1: float, order: int, baseline: float = 100.0) -> Glyph:
    return Glyph(text, x0, x1, baseline, 10.0, (x0 + x1) / 2, order)


def _words(glyphs: list[Glyph]) -> list[str]:
    return [w.text for w in page_words(glyph_columns(glyphs))]


def test_a_word_overhung_by_the_word_before_is_measured_from_its_own_edge() -> None:
    # a swash of ب reaches past the whole next word ج (and a wide white space between
    # them covers neither much): the gap before د counts from ج's edge, not the swash's
    row = [_glyph("ب", 0.0, 30.0, 0), _glyph(" ", -100.0, 150.0, 1),
           _glyph("ج", 26.0, 28.0, 2), _glyph("د", 30.5, 32.0, 3)]
    assert _words(row) == ["ب", "ج", "د"]


def test_glyphs_close_enough_stay_one_word_and_rows_come_top_down() -> None:
    row = [_glyph("ب", 10.0, 16.0, 0), _glyph("ا", 6.0, 10.0, 1),
           _glyph("م", 6.0, 12.0, 2, baseline=80.0)]
    assert _words(row) == ["م", "اب"]


def test_a_glyph_without_a_finite_box_reads_without_error() -> None:
    row = [_glyph("ب", 10.0, 16.0, 0), _glyph("ا", math.nan, 10.0, 1)]
    assert sorted("".join(_words(row))) == sorted("با")


def test_the_page_order_is_the_lexsort_of_row_centre_and_stream_place() -> None:
    rng = np.random.default_rng(7)
    for n in (1, 2, 5, 40, 300):
        row = np.sort(rng.integers(0, 6, n))
        # centres with ties (glyphs of one box) and a NaN (a glyph without a finite box)
        twice = rng.integers(0, 12, n).astype(float)
        twice[rng.integers(0, n)] = math.nan
        for order in (np.arange(n), rng.permutation(n)):  # rising, or not
            expected = np.lexsort((order, twice, row))
            assert _page_order(order, twice, row, 6).tolist() == expected.tolist()


def test_rows_found_a_stretch_at_a_time_are_the_rows_of_the_loop() -> None:
    # rows of equal baselines, some with glyphs a hair lower or higher, some sizes larger
    rng = np.random.default_rng(7)
    for _ in range(200):
        lines = np.repeat(np.cumsum(rng.uniform(2.0, 30.0, 12)), rng.integers(1, 9, 12))
        offsets = np.where(rng.random(lines.size) < 0.2, rng.normal(0.0, 2.0, lines.size), 0.0)
        baseline = np.sort(lines + offsets)
        size = rng.choice([1.0, 10.0, 12.0, 24.0], baseline.size)
        assert _sorted_row_starts(baseline, size) == row_starts(baseline.tolist(), size.tolist())


def test_a_line_break_code_is_asked_whether_pdfium_made_it() -> None:
    # LibreOffice names its kashida glyph by a control character, U+000A among them: a
    # line break the content stream draws is a glyph, one pdfium makes up is not
    from workbench.sources.pdf_glyphs import _WHITE, _code_kind

    assert _code_kind(0x0A)[1] == _WHITE and _code_kind(0x0D)[1] == _WHITE


def test_letters_of_another_script_inside_an_arabic_word_are_found() -> None:
    # LibreOffice names its kashida in Noto Naskh Arabic ``S`` now and then (خسSارة,
    # التقSSدير): such letters, glued between Arabic letters, are tested for a stroke
    from workbench.sources.pdf_glyphs import foreign_letters_inside_arabic

    def found(text: str) -> str:
        codes = np.array([ord(ch) for ch in text])
        letter = np.array([ch.isalpha() for ch in text])
        at = foreign_letters_inside_arabic(codes, np.arange(len(text)), letter)
        return "".join(text[k] for k in at.tolist())

    assert found("خسSارة") == "S"
    assert found("التقSSدير") == "SS"
    assert found("SMS رسالة") == ""  # a word of its own
    assert found("رسالةSMSLONG") == ""  # no Arabic letter after it
    assert found("بSMSLب") == ""  # more than one joint's worth
