"""The PDF damage benchmark's lost-character floor, on made-up extractions."""

from __future__ import annotations

import pytest

from benchmarks.cer import char_error_rate
from benchmarks.pdf_damage import floor_stats, lost_characters

SOURCE = "قتل 12 شخصا (بينهم طفل) في غارة على Gaza."


def test_a_reordered_extraction_loses_nothing_and_its_floor_is_zero() -> None:
    mirrored = " ".join(reversed(SOURCE.split()))
    assert char_error_rate(mirrored, SOURCE) > 0
    assert lost_characters(mirrored, SOURCE)["lost"] == 0
    assert floor_stats(mirrored, SOURCE)["cer_floor"] == 0


def test_glued_words_lose_spaces_only_which_a_repair_can_put_back() -> None:
    glued = SOURCE.replace("غارة على", "غارةعلى").replace("في ", "في")
    lost = lost_characters(glued, SOURCE)
    assert lost["spaces"] == 2
    assert lost["lost"] == 0


def test_digits_and_brackets_the_font_had_no_character_for_are_lost_by_class() -> None:
    raw = SOURCE.replace("12", "\ufffd\ufffd").replace("(", "").replace(")", "")
    lost = lost_characters(raw, SOURCE)
    assert (lost["digits"], lost["punct"], lost["letters"], lost["latin"]) == (2, 2, 0, 0)
    assert lost["lost"] == 4


def test_the_floor_is_a_lower_bound_of_the_cer_of_any_reordering() -> None:
    raw = SOURCE.replace("Gaza", "Gza").replace("طفل", "طف")
    stats = floor_stats(raw, SOURCE)
    n = len(" ".join(SOURCE.split()))
    assert stats["cer_floor"] == pytest.approx(2 / n)
    assert stats["floor_latin"] == pytest.approx(1 / n)
    assert stats["floor_letters"] == pytest.approx(1 / n)
    shuffled = " ".join(sorted(raw.split()))
    assert char_error_rate(shuffled, SOURCE) >= stats["cer_floor"]
    assert char_error_rate(raw, SOURCE) >= stats["cer_floor"]


def test_presentation_forms_and_controls_are_not_lost_characters() -> None:
    # ﻗﺘﻞ is قتل in presentation forms; the RLM is invisible
    raw = SOURCE.replace("قتل", "\ufed7\ufe98\ufede\u200f")
    assert lost_characters(raw, SOURCE)["lost"] == 0
