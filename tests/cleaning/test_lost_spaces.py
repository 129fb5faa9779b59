"""Texts whose extractor lost the spaces between words: every line cut into words."""

from __future__ import annotations

from workbench.cleaning.pieces import cut_letters


def test_no_cut_begins_a_word_with_a_letter_that_only_ends_words() -> None:
    # ``دمدمة`` is rare: the cheapest cut used to keep a known ``دمدم`` and a scrap
    # ``ةو`` (read by the list as ``هو``).
    run = "علتدمدمةوهديرفيالوادي"
    words = [run[a:b] for a, b in cut_letters(run)[0]]
    assert not any(w[0] in "\u0629\u0649" for w in words)
    assert words[-3:] == ["وهدير", "في", "الوادي"]
