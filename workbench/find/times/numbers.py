"""The number readers of ``workbench.text.numbers``, remembered by their words: the time
grammar asks about the same few words (ثلاثة، الثالثة، 2014) again and again."""

from __future__ import annotations

from ...text.memo import word_memo
from ...text.numbers import parse_number as _parse_number
from ...text.numbers import parse_ordinal as _parse_ordinal

__all__ = ["parse_number", "parse_ordinal"]


@word_memo
def parse_number(words: str) -> float | None:
    """The value of a number in words or digits (``workbench.text.numbers.parse_number``)."""
    return _parse_number(words)


@word_memo
def parse_ordinal(words: str) -> int | None:
    """The rank of an ordinal in words (``workbench.text.numbers.parse_ordinal``)."""
    return _parse_ordinal(words)
