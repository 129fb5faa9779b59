"""The number readers the time grammar uses, imported in this one place (they may move to
``workbench.text.numbers``)."""

from __future__ import annotations

from ..quantities import parse_number, parse_ordinal

__all__ = ["parse_number", "parse_ordinal"]
