"""The words of the figures and the report: UI labels, dates, counts, bidi isolation.

Every label comes from ``data/viz/ui_labels.tsv`` in Arabic and English; month names
from CLDR (through babel). A date is written from its :class:`~workbench.text.dates.DateSpan`
as a reader says it, and a count as the source words it, so that what the source lost
("؟") is never written as a number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from ..resources import read_rows
from ..text.arabic import ARABIC_QUESTION, GAP_MARKER, western_digits
from ..text.dates import DateSpan
from .cells import cell_text, split_cell


@cache
def _ui_labels() -> dict[str, dict[str, str]]:
    return {row.key: {"ar": row.ar, "en": row.en} for row in read_rows("viz/ui_labels.tsv")}


def ui_label(key: str, *, lang: str = "ar", **values: Any) -> str:
    """A word of the figures and the report in ``lang`` (``ar`` or ``en``), filled in.

    >>> ui_label("count.more_than", x="؟")
    'أكثر من ؟'
    >>> ui_label("count.more_than", lang="en", x=12)
    'more than 12'
    """
    entry = _ui_labels()[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def maybe_label(key: str, lang: str) -> str | None:
    """The label ``key`` in ``lang`` when the table has one (optional words: kinds, roles)."""
    entry = _ui_labels().get(key)
    return (entry.get(lang) or entry["en"]) if entry else None


@cache
def month_names(lang: str = "ar") -> dict[int, str]:
    """Month names from CLDR (through babel): ``{4: 'أبريل', ...}``.

    >>> month_names()[4], month_names("en")[4]
    ('أبريل', 'Apr')
    """
    from babel.dates import get_month_names

    width = "wide" if lang == "ar" else "abbreviated"
    return dict(get_month_names(width, locale="ar" if lang == "ar" else "en"))


def date_label(span: DateSpan | None, *, lang: str = "ar") -> str:
    """A date span as a reader says it; a proposed year carries "؟".

    >>> date_label(DateSpan.parse("XXXX-12", proposed_year=2017))
    'ديسمبر 2017؟'
    >>> date_label(DateSpan.parse("2019-10/2020-05"), lang="en")
    'Oct 2019 – May 2020'
    >>> date_label(None)
    '؟'
    """
    unknown = ui_label("count.missing", lang=lang)
    if span is None:
        return unknown
    mark = unknown if span.proposed else ""
    first = _point_label(span.lo, span.precision, lang)
    if span.period:
        last = _point_label(span.last_day, span.precision, lang)
        if span.open_end:
            last = "…"
        if span.open_start:
            first = "…"
        return f"{first}{mark} – {last}{mark}" if last != first else first + mark
    if span.precision == "season":
        last = _point_label(span.last_day, "month", lang)
        return f"{_point_label(span.lo, 'month', lang)} – {last}{mark}"
    if span.precision == "decade":
        return f"{span.lo.year}–{span.hi.year - 1}"
    return first + mark


def _point_label(day: date, precision: str, lang: str) -> str:
    if precision in ("year", "decade"):
        return str(day.year)
    name = month_names(lang)[day.month]
    if precision == "day":
        return f"{day.day} {name} {day.year}"
    return f"{name} {day.year}"


_MORE_THAN_FLAGS = ("more_than", "at_least", "at_least_after")
_LESS_THAN_FLAGS = ("less_than", "at_most")
_ABOUT_FLAGS = ("approx", "approx_after", "approximate", "vague")
_DIGIT_RE = re.compile(r"\d")
# GAP_MARKER, its ASCII spelling "[...]", or a bare HORIZONTAL ELLIPSIS U+2026.
_GAP_RE = re.compile(f"{re.escape(GAP_MARKER)}|\\[\\.\\.\\.\\]|\u2026")


def gaps_as_unknown(text: str, *, lang: str = "ar") -> str:
    """``text`` with each mark of lost text written as the unknown sign of ``lang``.

    >>> gaps_as_unknown("ديسمبر […]")
    'ديسمبر ؟'
    """
    return _GAP_RE.sub(ui_label("count.missing", lang=lang), text)


def count_label(event: Mapping[str, Any], *, lang: str = "ar") -> str:
    """How many, as the source words it; a number lost in the source stays "؟".

    >>> count_label({"count_flags": "count_missing;more_than"})
    'أكثر من ؟'
    >>> count_label({"count_flags": "count_missing", "count_text": "أكثر من […] هجومًا"})
    'أكثر من ؟ هجومًا'
    >>> count_label({"count_value": 12.0}), count_label({"count_min": 10, "count_max": 15})
    ('12', '10–15')
    >>> count_label({"count_value": "12", "count_text": "12 قتيلًا"})
    '12 قتيلًا'
    >>> count_label({"count_value": "", "count_flags": "count_missing"}, lang="en")
    '?'
    >>> count_label({})
    ''
    """
    flags = set(split_cell(event.get("count_flags"), ";,| "))
    missing = "count_missing" in flags
    source = cell_text(event.get("count_text"))
    if lang == "ar" and source:
        worded = gaps_as_unknown(source, lang="ar")
        if not missing or (ARABIC_QUESTION in worded and not _DIGIT_RE.search(worded)):
            return shorten(worded, 40)
    if missing:
        x = ui_label("count.missing", lang=lang)
    else:
        value, lo, hi = (_number(event.get(k)) for k in ("count_value", "count_min", "count_max"))
        if value is None and lo is None and hi is None:
            return ""
        if value is None and lo is not None and hi is not None and lo != hi:
            return ui_label("count.range", lang=lang, x=f"{format_number(lo)}–{format_number(hi)}")
        x = format_number(value if value is not None else lo if lo is not None else hi)
    if flags & set(_MORE_THAN_FLAGS):
        return ui_label("count.more_than", lang=lang, x=x)
    if flags & set(_LESS_THAN_FLAGS):
        return ui_label("count.less_than", lang=lang, x=x)
    if flags & set(_ABOUT_FLAGS):
        return ui_label("count.about", lang=lang, x=x)
    return x


def toll_label(event: Mapping[str, Any], *, lang: str = "ar") -> str:
    """The resolved toll, killed and wounded apart; empty when the event has none.

    A resolved event (:mod:`workbench.claims.resolve`) carries ``fatalities`` and
    ``injured``; a reader of the timeline wants both, not the raw count of the claim.

    >>> toll_label({"fatalities": "4", "injured": "9"})
    '4 قتيلًا، 9 جريحًا'
    >>> toll_label({"fatalities": "4", "injured": ""}, lang="en"), toll_label({})
    ('4 killed', '')
    """
    parts = [ui_label(f"toll.{key}", lang=lang, x=format_number(n))
             for key, col in (("killed", "fatalities"), ("injured", "injured"))
             if (n := _number(event.get(col))) is not None]
    if len(parts) == 2:
        return ui_label("toll.both", lang=lang, x=parts[0], y=parts[1])
    return parts[0] if parts else ""


def _number(value: Any) -> float | None:
    text = western_digits(cell_text(value)).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def format_number(number: float | None) -> str:
    """A count as written: whole numbers without a decimal point, ``""`` for none.

    >>> format_number(12.0), format_number(2.5), format_number(None)
    ('12', '2.5', '')
    """
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Bidi controls: a value inside FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE keeps its
# own direction inside a label of the other script; a label starts with RIGHT-TO-LEFT
# MARK (Arabic) or LEFT-TO-RIGHT MARK (English) to set its base direction.
FSI, PDI = "\u2068", "\u2069"
RLM, LRM = "\u200f", "\u200e"


def isolate(text: str) -> str:
    """``text`` between FSI and PDI, so it keeps its direction inside a label."""
    return f"{FSI}{text}{PDI}" if text else ""


__all__ = [
    "FSI", "LRM", "PDI", "RLM", "count_label", "date_label", "format_number", "gaps_as_unknown",
    "isolate", "maybe_label", "month_names", "shorten", "ui_label",
]
