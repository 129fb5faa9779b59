"""The number readers of ``workbench.text.numbers``, remembered by their words: the time
grammar asks about the same few words (ثلاثة، الثالثة، 2014) again and again."""

from __future__ import annotations

import re
from functools import cache

from ...text.arabic import ARABIC_LETTER_RE, match_key
from ...text.clitics import clitic_forms
from ...text.memo import word_memo
from ...text.numbers import number_words
from ...text.numbers import parse_number as _parse_number
from ...text.numbers import parse_ordinal as _parse_ordinal

__all__ = ["parse_number", "parse_ordinal"]

_ARABIC_WORD_RE = re.compile(f"{ARABIC_LETTER_RE.pattern}+")


@word_memo
def parse_number(words: str) -> float | None:
    """The value of a number in words or digits (``workbench.text.numbers.parse_number``).

    Most words the grammar asks about are no number: an Arabic first word outside the
    number words' written forms (:func:`_number_forms`) answers None without reading.

    >>> parse_number("ثلاثة عشر"), parse_number("الأحد")
    (13.0, None)
    """
    first = match_key(words.partition(" ")[0])  # the reader cuts the folded text
    if first not in _number_forms() and _ARABIC_WORD_RE.fullmatch(first):
        return None
    return _parse_number(words)


@cache
def _number_forms() -> frozenset[str]:
    """The first words of the number lexicon under every proclitic and the article: a
    number in words begins with one of them."""
    return clitic_forms(number_words().first_words())


@word_memo
def parse_ordinal(words: str) -> int | None:
    """The rank of an ordinal in words (``workbench.text.numbers.parse_ordinal``)."""
    return _parse_ordinal(words)
