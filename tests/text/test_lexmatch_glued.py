"""A multi-word lexicon key written without the space after a non-joining letter."""

from __future__ import annotations

import pytest

from workbench.text.lexmatch import Lexicon

_LEX = Lexicon(["دير الزور", "مدينه الصدر", "ابو كمال", "الحشد الشعبي", "ا ب"])


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start:m.end], m.key, m.proclitic) for m in _LEX.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف على ريف ديرالزور الغربي", [("ديرالزور", "دير الزور", "")]),
        ("وصلوا إلى وابوكمال", [("ابوكمال", "ابو كمال", "و")]),
        ("بيان للحشدالشعبي", [("لحشدالشعبي", "الحشد الشعبي", "ل")]),
        # ة does not join the next letter: its dropped space is invisible
        ("في مدينةالصدر", [("مدينةالصدر", "مدينه الصدر", "")]),
    ],
)
def test_glued_after_a_non_joining_letter(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "في مدينهالصدر",  # ه joins: the missing space would show, so this is another word
        "في ديرالزورية",  # a longer word
        "في أغسطس آب",  # initials are written apart: ا ب is not read in آب
    ],
)
def test_no_glued_match(text: str) -> None:
    assert _found(text) == []
