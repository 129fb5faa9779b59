"""A reference chronology of the conflict, and year proposals for events whose year was lost.

``workbench/data/chronology.csv`` lists key dated events since 2014 (the fall of Mosul,
the declaration of victory over ISIS, the parliament's vote on foreign forces, the
coalition's base handovers, the Baghdad–Washington strategic dialogue, ...), each with
its public source. When a reported event has no year — the digits were dropped
(``ديسمبر […]`` → ``XXXX-12``) or the text gives no date — :func:`propose_year` looks for
chronology rows of a compatible kind whose keywords all occur in the claim, in the same
month when the month is known, and on the right side of the publication date. If they
agree on one year, that year is proposed with its basis; the event's own date is never
changed.

>>> p = propose_year("victory_declaration", "منذ هزيمته وإعلان الانتصار عليه في ديسمبر […]",
...                  when="XXXX-12")
>>> p.year, p.ids
('2017', ('victory_declared',))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..resources import read_rows
from ..text.dates import iso_parts
from .clauses import proclitic_readings, tokenize

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

CHRONOLOGY_FILE = "claims/chronology.csv"

# Event kinds that describe the same kind of happening (a withdrawal from bases is what
# the chronology records as base handovers).
_FAMILIES = (
    {"withdrawal", "handover", "redeployment"},
    {"attack", "shelling", "airstrike", "explosion", "armed_clash"},
    {"territory_capture"},
    {"territory_regain"},
    {"war", "armed_clash"},
)


def chronology() -> pd.DataFrame:
    """The reference chronology (a copy): id, date, precision, kind, descriptions, keywords, citation."""
    return read_rows(CHRONOLOGY_FILE).frame()


@dataclass(frozen=True)
class Proposal:
    """A proposed year (``'2017'`` or a span ``'2014/2017'``) and why; empty when none."""

    year: str = ""
    basis: str = ""
    ids: tuple[str, ...] = ()


@cache
def _rows() -> tuple:
    """The chronology's rows as named tuples, read once."""
    return tuple(read_rows(CHRONOLOGY_FILE))


def compatible_kinds(kind: str) -> set[str]:
    """Kinds the chronology may match for an event of ``kind`` (itself included)."""
    out = {kind}
    for family in _FAMILIES:
        if kind in family:
            out |= family
    return out


@cache
def _kinds() -> frozenset[str]:
    """The kinds the chronology has rows of."""
    return frozenset(row.kind for row in _rows())


@lru_cache(maxsize=256)
def _text_keys(text: str) -> tuple[frozenset[str], str]:
    """Matching keys of the words in ``text`` with and without their proclitics, and
    the keys joined by spaces (for phrase keywords); remembered because a claim with
    several events asks for each of them."""
    keys = [token.key for token in tokenize(text)]
    words = frozenset(rest for key in keys for _, rest in proclitic_readings(key))
    return words, " ".join(keys)


def _keywords_match(keywords: str, words: set[str], key_text: str) -> bool:
    for group in keywords.split(";"):
        alts = [a for a in group.split("|") if a]
        if not any((a in words) if " " not in a else (a in key_text) for a in alts):
            return False
    return True


def _months(iso: str) -> set[str]:
    """The months (``'12'``, ``'XX'``) written in a date or in either end of a period."""
    return {parts[1] for parts in map(iso_parts, iso.split("/")) if parts and parts[1]}


def _years(iso: str) -> list[str]:
    """The known years of a date or of both ends of a period, in order."""
    return [parts[0] for parts in map(iso_parts, iso.split("/")) if parts and parts[0].isdigit()]


def propose_year(kind: str, text: str, *, when: str = "", modality: str = "asserted",
                 reference: date | None = None) -> Proposal:
    """A year for an event of ``kind`` told in ``text`` whose year is unknown.

    ``when`` is the event's own date as far as known (``XXXX-12``, ``XXXX-06``, ``XXXX``
    or empty). With ``reference`` (the publication date), past events only match rows
    on or before it and future ones only rows after it, within a year.
    """
    kinds = compatible_kinds(kind)
    if kinds.isdisjoint(_kinds()):  # no row can match: skip reading the text
        return Proposal()
    words, key_text = _text_keys(text)
    months = {m for m in _months(when) if m.isdigit()}
    hits = []
    for row in _rows():
        if row.kind not in kinds or not _keywords_match(row.keywords, words, key_text):
            continue
        if months and not (months & _months(row.date)):
            continue
        if reference is not None and not _fits_reference(row.date, modality, reference):
            continue
        hits.append(row)
    if not hits:
        return Proposal()
    spans = {"/".join(dict.fromkeys(_years(r.date))) for r in hits}
    if len(spans) != 1:
        listed = "; ".join(f"{r.id} ({r.date})" for r in hits)
        return Proposal("", f"ambiguous: {listed}", tuple(r.id for r in hits))
    year = spans.pop()
    basis = " | ".join(f"chronology {r.id}: {r.description_en}, {r.date} — {r.citation}"
                       for r in hits)
    return Proposal(year, basis, tuple(r.id for r in hits))


def _fits_reference(iso: str, modality: str, reference: date) -> bool:
    ref = reference.isoformat()[:7]
    first = iso.split("/")[0][:7]
    if modality == "future":
        limit = f"{reference.year + 1:04d}-{reference.month:02d}"
        return ref <= first <= limit
    return first <= ref


def year_is_unknown(iso: str) -> bool:
    """True when an ISO date's year is missing or unknown (``''``, ``XXXX-12``).

    >>> year_is_unknown("XXXX-12"), year_is_unknown("2020-04")
    (True, False)
    """
    parts = iso_parts(iso or "")
    return parts is None or not parts[0].isdigit()
