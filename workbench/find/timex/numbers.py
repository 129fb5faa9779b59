"""The number readers the time grammar uses, imported in this one place (they may move to
``workbench.text.numbers``), remembered by their words: the grammar asks about the same few
words again and again."""

from __future__ import annotations

from functools import lru_cache

from ..quantities import parse_number as _parse_number
from ..quantities import parse_ordinal as _parse_ordinal

__all__ = ["parse_number", "parse_ordinal"]


@lru_cache(maxsize=65536)
def parse_number(words: str) -> float | None:
    """The value of a number in words or digits (``workbench.find.quantities.parse_number``)."""
    return _parse_number(words)


@lru_cache(maxsize=65536)
def parse_ordinal(words: str) -> int | None:
    """The rank of an ordinal in words (``workbench.find.quantities.parse_ordinal``)."""
    return _parse_ordinal(words)
