"""Timelines of reported attacks and context events, with their uncertainty drawn.

One mark per event on a date axis, coloured by actor. How a mark is drawn says how the
date is known: a dot for a stated day, a month-wide box for a stated month (lighter and
wider for a season or a year), a thin capped bar for a period, a hollow dashed box with
"؟" for a year lost in the source and proposed by the chronology, a hatched box for an
event the article expects after its publication (shaded on the axis). A count lost in
the source is written "؟" ("أكثر من ؟"), never as a number.

Arabic is drawn by matplotlib itself (joined, right to left: matplotlib ≥ 3.11 shapes
text); nothing here reshapes it. :func:`timeline_table` is the plan the plot draws, one
row per event, for reading the marks as data.

>>> events = pd.DataFrame({"event_id": ["e1"], "kind": ["attack"], "actor": ["داعش"],
...                        "start": ["2020-04"], "count_flags": ["count_missing;more_than"]})
>>> timeline_table(events)[["mark", "x0", "x1", "count"]].values.tolist()
[['month', datetime.date(2020, 4, 1), datetime.date(2020, 5, 1), 'أكثر من ؟']]
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib import dates as mdates
from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from ..resources import read_table
from ..text.arabic import ARABIC_LETTER_RE, ARABIC_QUESTION, GAP_MARKER, western_digits

# --- dates ------------------------------------------------------------------------------

# One part of an ISO 8601 date: year, month (or an ISO 8601-2 season 21-24), day; any of
# them may be unknown ("X"); a time after "T" is ignored.
_ISO_PART_RE = re.compile(
    r"^(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2}))?(?:-(?P<d>[0-9X]{2}))?(?:[T ][0-9:.+Z-]*)?$"
)
_OPEN = ("", "..")
# ISO 8601-2 season codes: first month and the month after the last (northern hemisphere).
_SEASONS = {21: (3, 6), 22: (6, 9), 23: (9, 12), 24: (12, 15)}


@dataclass(frozen=True)
class DateSpan:
    """When an event happened, as the days ``[lo, hi)`` it may fall in, and how known.

    ``precision`` is the unit of the coarsest end (day, month, season, year, decade);
    ``period`` says the event lasts from ``lo`` to ``hi`` rather than happening once in
    it; ``open_start``/``open_end`` mark a period whose other end the text leaves open;
    ``proposed`` says a year was lost in the source and filled from ``proposed_year``.
    """

    lo: date
    hi: date
    precision: str
    period: bool = False
    open_start: bool = False
    open_end: bool = False
    proposed: bool = False


def parse_date_span(
    start: Any, end: Any = None, *, proposed_year: Any = None, until: date | None = None,
) -> DateSpan | None:
    """Parse a partial ISO date or period (``2020-04``, ``2019-10/2020-05``, ``XXXX-12``).

    ``end`` may give a period's end separately; an open end (``2019-10/..``) runs to
    ``until`` when given. An unknown year is taken from ``proposed_year`` (a year, or a
    range ``2014/2017``) and flagged; so is a missing date when a year is proposed.
    Without a proposal an unknown year cannot be placed and the result is ``None`` (a
    period whose start year was lost keeps its known end and is open at the start).

    >>> s = parse_date_span("2020-04"); (s.lo, s.hi, s.precision, s.period, s.proposed)
    (datetime.date(2020, 4, 1), datetime.date(2020, 5, 1), 'month', False, False)
    >>> s = parse_date_span("2019-10", "2020-05"); (s.lo, s.hi, s.period)
    (datetime.date(2019, 10, 1), datetime.date(2020, 6, 1), True)
    >>> parse_date_span("2019-10/2020-05") == s
    True
    >>> parse_date_span("XXXX-12") is None
    True
    >>> s = parse_date_span("XXXX-12", proposed_year="2017"); (s.lo, s.proposed)
    (datetime.date(2017, 12, 1), True)
    >>> s = parse_date_span("XXXX", proposed_year="2014/2017"); (s.lo, s.hi, s.period)
    (datetime.date(2014, 1, 1), datetime.date(2018, 1, 1), True)
    >>> parse_date_span("2020-04-XX").precision, parse_date_span("2020-XX").precision
    ('month', 'year')
    >>> s = parse_date_span("2019-10/..", until=date(2020, 5, 1)); (s.hi, s.open_end)
    (datetime.date(2020, 5, 1), True)
    >>> s = parse_date_span("XXXX-10", "2020-05"); (s.lo, s.open_start)
    (datetime.date(2020, 5, 1), True)
    >>> parse_date_span("2020-13") is None, parse_date_span("soon") is None
    (True, True)
    """
    text = _text(start)
    end_text = _text(end)
    slash = "/" in text
    if slash:
        text, _, end_text = text.partition("/")
        text, end_text = text.strip(), end_text.strip()
    proposal = _proposed_years(proposed_year)
    if not text and not end_text and proposal is not None:
        text = "XXXX"  # no date in the text, but the chronology proposes a year
    first = _parse_part(text, proposal)
    last = _parse_part(end_text, proposal) if end_text not in _OPEN else None
    end_unplaced = last is None and end_text not in _OPEN
    if end_unplaced and not _ISO_PART_RE.match(_iso_text(end_text)):
        return None  # a malformed end: not a date at all
    if first is None:
        if last is not None and (text in _OPEN or _ISO_PART_RE.match(_iso_text(text))):
            # "../2020-05", or "XXXX-10/2020-05": began some time before a known end
            return DateSpan(last.lo, last.hi, last.precision, period=True, open_start=True,
                            proposed=last.proposed)
        return None
    if (slash and end_text in _OPEN) or end_unplaced:
        # "2019-10/..": still going on; an end whose year was lost is as good as open.
        stop = until if until is not None and until > first.lo else first.hi
        return DateSpan(first.lo, stop, first.precision, period=True, open_end=True,
                        proposed=first.proposed)
    if last is None or (last.lo, last.hi) == (first.lo, first.hi):
        return first
    coarse = max(first.precision, last.precision, key=_PRECISION_ORDER.index)
    return DateSpan(min(first.lo, last.lo), max(first.hi, last.hi), coarse, period=True,
                    proposed=first.proposed or last.proposed)


_PRECISION_ORDER = ["day", "month", "season", "year", "decade"]


def _iso_text(text: str) -> str:
    return western_digits(text.strip().upper())


def _parse_part(text: str, proposal: tuple[int, int] | None) -> DateSpan | None:
    """One ISO date part as a span (a period when a range of years is proposed)."""
    match = _ISO_PART_RE.match(_iso_text(text))
    if not match:
        return None
    y, m, d = match.group("y"), match.group("m"), match.group("d")
    if "X" in y:
        if re.fullmatch(r"\d{3}X", y):  # a decade: 201X
            lo = date(int(y[:3]) * 10, 1, 1)
            return DateSpan(lo, date(lo.year + 10, 1, 1), "decade")
        if y != "XXXX" or proposal is None:
            return None
        first, last = proposal
        if first != last:  # a range of years proposed: the event sits somewhere in it
            if m is None or "X" in m:
                return DateSpan(date(first, 1, 1), date(last + 1, 1, 1), "year", period=True,
                                proposed=True)
            month = int(m)
            if not 1 <= month <= 12:
                return None
            return DateSpan(date(first, month, 1), _month(last, month + 1), "year",
                            proposed=True)
        span = _parse_part(f"{first:04d}" + text.strip()[4:], None)
        return span and DateSpan(span.lo, span.hi, span.precision, proposed=True)
    year = int(y)
    if year < 1 or year > 9998:
        return None
    if m is None or "X" in m:
        return DateSpan(date(year, 1, 1), date(year + 1, 1, 1), "year")
    month = int(m)
    if month in _SEASONS:
        first_month, after = _SEASONS[month]
        return DateSpan(_month(year, first_month), _month(year, after), "season")
    if not 1 <= month <= 12:
        return None
    if d is None or "X" in d:
        return DateSpan(date(year, month, 1), _month(year, month + 1), "month")
    try:
        day = date(year, month, int(d))
    except ValueError:
        return None
    return DateSpan(day, day + timedelta(days=1), "day")


def _month(year: int, month: int) -> date:
    """The first day of ``month`` counted from January of ``year`` (13 = next January)."""
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _year(value: Any) -> int | None:
    years = _proposed_years(value)
    return years[0] if years else None


def _proposed_years(value: Any) -> tuple[int, int] | None:
    """A proposed year (``2017``, ``2017.0``) or range (``2014/2017``) as (first, last)."""
    text = western_digits(_text(value))
    match = re.fullmatch(r"(\d{4})(?:\.0+)?(?:\s*[/\u2013-]\s*(\d{4}))?", text)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (first, last) if last >= first else (last, first)


# --- words ------------------------------------------------------------------------------

@cache
def _ui_labels() -> dict[str, dict[str, str]]:
    table = read_table("viz/ui_labels.tsv")
    return {row.key: {"ar": row.ar, "en": row.en} for row in table.itertuples(index=False)}


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


def _maybe_label(key: str, lang: str) -> str | None:
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

    >>> date_label(parse_date_span("XXXX-12", proposed_year=2017))
    'ديسمبر 2017؟'
    >>> date_label(parse_date_span("2019-10/2020-05"), lang="en")
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
        last = _point_label(span.hi - timedelta(days=1), span.precision, lang)
        if span.open_end:
            last = "…"
        if span.open_start:
            first = "…"
        return f"{first}{mark} – {last}{mark}" if last != first else first + mark
    if span.precision == "season":
        last = _point_label(span.hi - timedelta(days=1), "month", lang)
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
    flags = set(_split(event.get("count_flags"), ";,| "))
    missing = "count_missing" in flags
    source = _text(event.get("count_text"))
    if lang == "ar" and source:
        worded = _GAP_RE.sub(ui_label("count.missing", lang="ar"), source)
        if not missing or (ARABIC_QUESTION in worded and not _DIGIT_RE.search(worded)):
            return _shorten(worded, 40)
    if missing:
        x = ui_label("count.missing", lang=lang)
    else:
        value, lo, hi = (_number(event.get(k)) for k in ("count_value", "count_min", "count_max"))
        if value is None and lo is None and hi is None:
            return ""
        if value is None and lo is not None and hi is not None and lo != hi:
            return ui_label("count.range", lang=lang, x=f"{_fmt(lo)}–{_fmt(hi)}")
        x = _fmt(value if value is not None else lo if lo is not None else hi)
    if flags & set(_MORE_THAN_FLAGS):
        return ui_label("count.more_than", lang=lang, x=x)
    if flags & set(_LESS_THAN_FLAGS):
        return ui_label("count.less_than", lang=lang, x=x)
    if flags & set(_ABOUT_FLAGS):
        return ui_label("count.about", lang=lang, x=x)
    return x


def _number(value: Any) -> float | None:
    text = western_digits(_text(value)).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _fmt(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


# --- the plan: one row per event ---------------------------------------------------------

# ACLED event types that are violence; any other event is context.
ATTACK_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                                "Violence against civilians"})
ATTACK_KINDS = frozenset({"attack", "attacks", "battle", "clash", "bombing", "strike"})
FUTURE_MODALITIES = frozenset({"future", "planned", "expected", "scheduled"})

# Colour-blind-safe (Okabe & Ito 2008) without black and yellow, then a brown.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31")
UNKNOWN_ACTOR_COLOUR = "#6f6f6f"
OTHER_ACTOR_COLOUR = "#b5b5b5"

PLAN_COLUMNS = [
    "doc_id", "event_id", "claim_id", "section", "mark", "x0", "x1", "proposed", "future",
    "open_start", "open_end", "actor", "colour", "label", "count", "date", "note", "anchor",
    "event_ids",
]

SHARED_FLAG = "shared_across_places"


def is_attack(event: Mapping[str, Any]) -> bool:
    """True for violence (by ``kind`` or ACLED ``event_type``), False for context.

    >>> is_attack({"kind": "attack"}), is_attack({"event_type": "Battles"})
    (True, True)
    >>> is_attack({"kind": "vote"})
    False
    """
    kind = _text(event.get("kind")).lower()
    return kind in ATTACK_KINDS or _text(event.get("event_type")) in ATTACK_EVENT_TYPES


def actor_colours(events: pd.DataFrame, *, lang: str = "ar") -> dict[str, str]:
    """Colour of each actor: the most frequent first, the rest share "other" grey.

    >>> actor_colours(pd.DataFrame({"actor": ["داعش", "داعش", "الحشد"]}))
    {'داعش': '#D55E00', 'الحشد': '#0072B2'}
    """
    names = [_actor_name(row, lang) for row in _records(events)]
    counts = pd.Series([n for n in names if n], dtype=object).value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {name: PALETTE[i] for i, (name, _) in enumerate(ordered[: len(PALETTE)])}


def _colour(actor: str, colours: Mapping[str, str]) -> str:
    if actor in colours:
        return colours[actor]
    return UNKNOWN_ACTOR_COLOUR if not actor else OTHER_ACTOR_COLOUR


def timeline_table(
    events: pd.DataFrame, *, published: str | Mapping[str, str] | None = None, lang: str = "ar",
) -> pd.DataFrame:
    """What :func:`plot_timeline` draws: one row per mark, in drawing order.

    Each event gets one mark, except the rows an events table splits out of one report
    per governorate (ACLED's convention, flagged ``shared_across_places``): they share
    one mark naming all their governorates, since the source gave one count for them all.

    Columns: section (attack, context, undated), mark (day, month, season, year, decade,
    period, open, undated), x0/x1 (the days ``[x0, x1)``), proposed, future, actor,
    colour, label (row text), count, date (as a reader says it), note (what the mark
    says about uncertainty), anchor (HTML id of the event's row in report.html),
    event_ids (the events drawn by the mark, ``;``-separated).
    """
    colours = actor_colours(events, lang=lang)
    rows = []
    for ev, event_ids in _merge_split_rows(_records(events)):
        doc_published = _published_for(ev, published)
        until = doc_published.lo if doc_published is not None else None
        span = parse_date_span(ev.get("start"), ev.get("end"),
                               proposed_year=ev.get("proposed_year"), until=until)
        if span is not None and not span.proposed and _year_flagged_proposed(ev):
            span = DateSpan(span.lo, span.hi, span.precision, span.period, span.open_start,
                            span.open_end, proposed=True)
        future = _text(ev.get("modality")).lower() in FUTURE_MODALITIES
        if span is None:
            mark = "undated"
        elif span.period:
            mark = "open" if (span.open_start or span.open_end) else "period"
        else:
            mark = span.precision
        actor = _actor_name(ev, lang)
        section = "undated" if span is None else "attack" if is_attack(ev) else "context"
        count = count_label(ev, lang=lang)
        rows.append({
            "doc_id": _text(ev.get("doc_id")), "event_id": _text(ev.get("event_id")),
            "claim_id": _text(ev.get("claim_id")), "section": section, "mark": mark,
            "x0": span.lo if span else None, "x1": span.hi if span else None,
            "proposed": bool(span and span.proposed), "future": future,
            "open_start": bool(span and span.open_start),
            "open_end": bool(span and span.open_end),
            "actor": actor,
            "colour": _colour(actor, colours),
            "label": _row_label(ev, actor, lang),
            "count": count,
            "date": date_label(span, lang=lang) if span else _undated_label(ev, lang),
            "note": _note(span, future, ev, lang),
            "anchor": event_anchor(ev.get("doc_id"), ev.get("event_id")),
            "event_ids": ";".join(event_ids),
        })
    plan = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    if plan.empty:
        return plan
    order = {"attack": 0, "context": 1, "undated": 2}
    key = plan.assign(
        _s=plan["section"].map(order),
        _x0=plan["x0"].map(lambda d: d or date.max), _x1=plan["x1"].map(lambda d: d or date.max),
    )
    key = key.sort_values(["_s", "_x0", "_x1", "doc_id", "event_id"], kind="stable")
    return plan.loc[key.index].reset_index(drop=True)


def _merge_split_rows(records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[str]]]:
    """Events split per governorate out of one report, back together: one record whose
    ``admin1`` lists every governorate, with the ids of the rows it stands for."""
    merged: dict[tuple, tuple[dict[str, Any], list[str]]] = {}
    out: list[tuple[dict[str, Any], list[str]]] = []
    for ev in records:
        event_id = _text(ev.get("event_id"))
        if SHARED_FLAG not in _split(ev.get("count_flags"), ";,| "):
            out.append((ev, [event_id]))
            continue
        key = tuple(_text(ev.get(c)) for c in (
            "doc_id", "claim_id", "trigger_start", "kind", "actor", "start", "end", "modality"))
        if key in merged:
            first, ids = merged[key]
            first["admin1"] = "|".join(_split(first.get("admin1"), "|;") +
                                       _split(ev.get("admin1"), "|;"))
            ids.append(event_id)
            continue
        entry = ({**ev, "admin1": "|".join(_split(ev.get("admin1"), "|;")), "location": ""},
                 [event_id])
        merged[key] = entry
        out.append(entry)
    return out


def event_anchor(doc_id: Any, event_id: Any) -> str:
    """The HTML/SVG id of an event: ``event-<doc_id>-<event_id>``, spaces and marks dashed.

    >>> event_anchor("000 seed", "e1")
    'event-000-seed-e1'
    """
    return "event-" + _slug(f"{_text(doc_id)}-{_text(event_id)}")


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-") or "x"


def _year_flagged_proposed(ev: Mapping[str, Any]) -> bool:
    """A year filled in by the events stage but flagged as the chronology's proposal."""
    if _year(ev.get("proposed_year")) is None:
        return False
    flags = " ".join(_split(ev.get("date_flags"), ";,| ")).lower()
    return any(w in flags for w in ("propos", "infer", "year_missing", "year_lost"))


def _published_for(ev: Mapping[str, Any], published: Any) -> DateSpan | None:
    if isinstance(published, Mapping):
        value = published.get(_text(ev.get("doc_id")))
    elif published is not None:
        value = published
    else:
        value = ev.get("published")
    return parse_date_span(value)


def _actor_name(ev: Mapping[str, Any], lang: str) -> str:
    return display_name(_text(ev.get("actor")), lang=lang)


# "Military Forces of Iraq": a state actor named by role and country; "northern Iraq":
# a direction within a place (the forms workbench.find.actors and workbench.find.places give).
_ROLE_OF_RE = re.compile(r"^(?P<role>[A-Z][\w ]+?) of (?P<where>.+)$")
_DIRECTION_RE = re.compile(r"^(?P<dir>[a-z-]+) (?P<where>[A-Z].+)$")


@cache
def _actor_lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """Actor names: English canonical → Arabic, and matching key of an Arabic name or
    alias → English canonical, from ``actors.csv``."""
    from ..text.arabic import match_key

    try:
        table = read_table("find/actors.csv")
    except FileNotFoundError:
        return {}, {}
    to_ar: dict[str, str] = {}
    to_en: dict[str, str] = {}
    for row in table.itertuples(index=False):
        to_ar.setdefault(row.name_en, row.name_ar)
        for key in [match_key(row.name_ar), *str(row.aliases).split("|")]:
            if key:
                to_en.setdefault(key, row.name_en)
    return to_ar, to_en


def display_name(value: str, *, lang: str = "ar") -> str:
    """An actor or place as named in ``lang``. The tables hold canonical English names
    (and gazetteer codes); the Arabic ones come from the same lexicons. A name neither
    knows is shown as it is.

    >>> display_name("Islamic State (ISIS)"), display_name("IQ-AN")
    ('تنظيم الدولة الإسلامية (داعش)', 'الأنبار')
    >>> display_name("Military Forces of Iraq"), display_name("northern Iraq")
    ('القوات المسلحة (العراق)', 'شمال العراق')
    >>> display_name("داعش", lang="en"), display_name("Someone new")
    ('Islamic State (ISIS)', 'Someone new')
    """
    from ..text.arabic import match_key

    value = _text(value)
    if not value:
        return ""
    to_ar, to_en = _actor_lexicon()
    if lang != "ar":
        if ARABIC_LETTER_RE.search(value):
            return to_en.get(match_key(value)) or _place_name(value, lang)
        return _place_name(value, lang)
    if ARABIC_LETTER_RE.search(value):
        return value
    if value in to_ar:
        return to_ar[value]
    place = _place_name(value, lang)
    if place != value:
        return place
    match = _ROLE_OF_RE.match(value)
    role = match and _maybe_label("actor_role." + match["role"], "ar")
    if role:
        return f"{role} ({_place_name(match['where'], lang)})"
    match = _DIRECTION_RE.match(value)
    direction = match and _maybe_label("direction." + match["dir"], "ar")
    if direction:
        return f"{direction} {_place_name(match['where'], lang)}"
    return value


def _places(ev: Mapping[str, Any], lang: str) -> list[str]:
    """Where, for a label: the event's own location, else its governorates, else the
    places its claim names."""
    columns = ("admin1", "places") if SHARED_FLAG in _text(ev.get("count_flags")) else (
        "location", "places", "admin1")
    for column in columns:
        names = _split(ev.get(column), "|;؛،,")
        if names:
            return list(dict.fromkeys(display_name(n, lang=lang) for n in names))
    return []


def _row_label(ev: Mapping[str, Any], actor: str, lang: str) -> str:
    """``actor: what ← target · places``; each value isolated so mixed scripts keep order."""
    what = _shorten(_what(ev, lang), 28)
    head = f"{_isolate(_shorten(actor, 30))}: {_isolate(what)}" if actor else _isolate(what)
    target = _shorten(display_name(_text(ev.get("target")), lang=lang), 30)
    if target:
        head += f" ← {_isolate(target)}" if lang == "ar" else f" → {_isolate(target)}"
    places = _places(ev, lang)
    if places:
        comma = "، " if lang == "ar" else ", "
        where = comma.join(_isolate(p) for p in places[:2])
        if len(places) > 2:
            where += f" +{len(places) - 2}"
        head += f" · {where}"
    return (RLM if lang == "ar" else LRM) + head


def _what(ev: Mapping[str, Any], lang: str) -> str:
    """What happened: the event kind's label, else the ACLED sub-event or event type."""
    kind = _text(ev.get("kind"))
    label = _maybe_label(f"kind.{kind}", lang) if kind else None
    if label:
        return label
    for column in ("sub_event_type", "event_type"):
        value = _text(ev.get(column))
        if value and value != "Other":
            return _maybe_label(f"{column}.{value}", lang) or value
    if kind:
        return kind.replace("_", " ")
    return ui_label("kind.attack" if is_attack(ev) else "kind.context", lang=lang)


# Bidi controls: a value inside FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE keeps its
# own direction inside a label of the other script; a label starts with RIGHT-TO-LEFT
# MARK (Arabic) or LEFT-TO-RIGHT MARK (English) to set its base direction.
FSI, PDI = "\u2068", "\u2069"
RLM, LRM = "\u200f", "\u200e"


def _isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else ""


def _note(span: DateSpan | None, future: bool, ev: Mapping[str, Any], lang: str) -> str:
    parts = []
    if future:
        parts.append(ui_label("future.tag", lang=lang))
    if span is not None and span.proposed:
        last = (span.hi - timedelta(days=1)).year
        years = f"{span.lo.year}–{last}" if last != span.lo.year else str(span.lo.year)
        parts.append(f"{ui_label('proposed.tag', lang=lang)} {years}"
                     f"{ui_label('count.missing', lang=lang)}")
    return " · ".join(parts)


def _undated_label(ev: Mapping[str, Any], lang: str) -> str:
    said = _text(ev.get("date_text"))
    unknown = ui_label("count.missing", lang=lang)
    return f"{_GAP_RE.sub(unknown, said)}" if said and lang == "ar" else unknown


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- fonts ------------------------------------------------------------------------------

# Arabic faces tried first (Debian fonts-noto-core, fonts-hosny-amiri); DejaVu Sans,
# bundled with matplotlib, is always the fallback and covers Arabic too.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri")


@cache
def font_families(lang: str = "ar") -> tuple[str, ...]:
    """Font list for text in ``lang``: installed Arabic faces, then DejaVu Sans."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    arabic = [name for name in ARABIC_FONTS if name in installed]
    return (*arabic, "DejaVu Sans") if lang == "ar" else ("DejaVu Sans", *arabic)


# --- drawing ------------------------------------------------------------------------------

_MARK_HEIGHT = 0.62
_UNDATED_X = 0.015  # where an undated event's "؟" sits, in axes fraction
_PERIOD_HEIGHT = 0.26
_FILL_ALPHA = {"day": 1.0, "month": 0.85, "season": 0.55, "year": 0.35, "decade": 0.22}
_PUBLISHED_COLOUR = "#333333"
_PUBLISHED_FILL = "#cfcfcf"
_AFTER_COLOUR = "#ececec"


def plot_timeline(
    events: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "ar",
    published: str | Mapping[str, str] | None = None,
    title: str | None = None,
    layout: str = "auto",
    max_rows: int = 40,
    link: str | None = None,
    window: tuple[Any, Any] | None = None,
    legend: bool = True,
    gid_prefix: str = "wb",
) -> Axes:
    """Draw ``events`` on a date axis, one mark per event; returns the Axes.

    ``published`` is the publication date (or ``{doc_id: date}``), drawn as a line or a
    band; without it the ``published`` column is used when present. ``layout`` "rows"
    gives each event its own labelled row, "lanes" one row per actor (for corpora);
    "auto" picks rows up to ``max_rows`` events. ``window`` (two ISO dates) shows only
    that stretch of time: an event outside it is an arrow at the edge with its date.
    ``link`` (e.g. ``"report.html#{anchor}"``) makes each mark a link in SVG output.
    Mark ``i`` of :func:`timeline_table` has the gid (SVG id) ``<gid_prefix>-event-i``,
    its count ``<gid_prefix>-count-i``; two panels of one figure need two prefixes.
    Without ``ax`` a new Figure is made (not registered with pyplot; show it in a
    notebook with ``.figure``).
    """
    plan = timeline_table(events, published=published, lang=lang)
    if ax is None:
        fig = Figure(figsize=timeline_size(plan, layout=layout, max_rows=max_rows),
                     layout="constrained")
        ax = fig.add_subplot()
    fonts = font_families(lang)
    title = title if title is not None else ui_label("timeline.title", lang=lang)
    if plan.empty:
        _draw_empty(ax, ui_label("timeline.empty", lang=lang), title, fonts, lang)
        return ax
    lanes = layout == "lanes" or (layout == "auto" and len(plan) > max_rows)
    ys, ticks, headers = _positions(plan, lanes=lanes, lang=lang)
    spans = _published_spans(plan, events, published)
    lo, hi = _x_range(plan, spans) if window is None else _window_range(window)
    width = hi - lo
    ax.set_xlim(lo, hi)
    ax.set_ylim(max(ys.max(), max(headers, default=0)) + 0.8, -0.9)

    for i, row in plan.iterrows():
        outside = _outside(row, lo, hi)
        if outside:
            artist = _draw_edge_mark(ax, row, ys[i], outside, lang=lang, fonts=fonts)
        else:
            artist = _draw_mark(ax, row, ys[i], lo=lo, width=width, lang=lang, fonts=fonts,
                                gid=f"{gid_prefix}-part-{i}")
        artist.set_gid(f"{gid_prefix}-event-{i}")
        if link:
            artist.set_url(link.format(anchor=row["anchor"]))
        if not lanes and not outside:
            _draw_annotation(ax, row, ys[i], lo=lo, width=width, lang=lang, fonts=fonts,
                             gid=f"{gid_prefix}-count-{i}")

    _draw_publication(ax, spans, plan, lo=lo, hi=hi, lang=lang, fonts=fonts,
                      gid=f"{gid_prefix}-published")
    _draw_sections(ax, headers, lang=lang, fonts=fonts)
    _style_axes(ax, ticks, lo=lo, hi=hi, lang=lang, fonts=fonts)
    if legend:
        _draw_legends(ax, plan, spans, events, lang=lang, fonts=fonts)
    side = "right" if lang == "ar" else "left"
    ax.set_title(title, loc=side, fontfamily=fonts, fontsize=13, fontweight="bold", pad=22)
    n_docs = plan["doc_id"].replace("", pd.NA).nunique() or 1
    subtitle = ui_label("timeline.subtitle", lang=lang, n=len(events), docs=n_docs)
    ax.set_title(subtitle, loc="left" if lang == "ar" else "right", fontfamily=fonts,
                 fontsize=9.5, color="#555555", pad=22)
    return ax


def timeline_size(plan: pd.DataFrame, *, layout: str = "auto",
                  max_rows: int = 40) -> tuple[float, float]:
    """Figure size in inches that gives each row of the plan room for its label."""
    if plan.empty:
        return (10.0, 3.0)
    lanes = layout == "lanes" or (layout == "auto" and len(plan) > max_rows)
    n_rows = (plan[["section", "actor"]].drop_duplicates().shape[0] if lanes else len(plan))
    n_rows += plan["section"].nunique()
    return (12.0, 2.9 + 0.34 * n_rows)


def _positions(plan: pd.DataFrame, *, lanes: bool, lang: str):
    """Row of each event, the labelled y ticks, and the rows of section headers."""
    ys = pd.Series(0.0, index=plan.index)
    ticks: list[tuple[float, str]] = []
    headers: dict[float, str] = {}
    y = 0.0
    for section in ("attack", "context", "undated"):
        part = plan[plan["section"] == section]
        if part.empty:
            continue
        headers[y] = section
        y += 1
        if lanes:
            rank = {a: i for i, a in enumerate(dict.fromkeys(part["actor"]))}
            for actor, lane in sorted(part.groupby("actor", sort=False),
                                      key=lambda kv: _lane_rank(kv[0], kv[1], rank)):
                ys[lane.index] = y
                name = actor or ui_label("actor.unknown", lang=lang)
                ticks.append((y, ui_label("lanes.count", lang=lang, x=name, n=len(lane))))
                y += 1
        else:
            for i, row in part.iterrows():
                ys[i] = y
                ticks.append((y, row["label"]))
                y += 1
        y += 0.4
    return ys, ticks, headers


def _lane_rank(actor: str, lane: pd.DataFrame, rank: dict[str, int]) -> tuple:
    """Lanes of actors with a colour first (most events first), then others, then unknown."""
    coloured = lane["colour"].iloc[0] not in (OTHER_ACTOR_COLOUR, UNKNOWN_ACTOR_COLOUR)
    return (not coloured, not actor, -len(lane), rank.get(actor, 0), actor)


def _published_spans(plan: pd.DataFrame, events: pd.DataFrame, published: Any) -> list[DateSpan]:
    if isinstance(published, str):
        values = [published]
    elif isinstance(published, Mapping):
        docs = set(plan["doc_id"])
        values = [v for k, v in published.items() if k in docs or not docs - {""}]
    elif "published" in events.columns:
        values = list(events["published"])
    else:
        values = []
    spans = {s for s in (parse_date_span(v) for v in values) if s is not None}
    return sorted(spans, key=lambda s: (s.lo, s.hi))


def _x_range(plan: pd.DataFrame, spans: list[DateSpan]) -> tuple[float, float]:
    days = [d for d in list(plan["x0"]) + list(plan["x1"]) if d is not None]
    days += [s.lo for s in spans] + [s.hi for s in spans]
    if not days:
        today = date(2000, 1, 1)
        return mdates.date2num(today), mdates.date2num(today + timedelta(days=365))
    lo, hi = mdates.date2num(min(days)), mdates.date2num(max(days))
    pad = max((hi - lo) * 0.05, 20.0)
    return lo - pad, hi + pad


def _num(day: date) -> float:
    return float(mdates.date2num(day))


def _window_range(window: tuple[Any, Any]) -> tuple[float, float]:
    first, last = (parse_date_span(w) for w in window)
    if first is None or last is None or last.hi <= first.lo:
        raise ValueError(f"window must be two ISO dates, the first earlier: {window!r}")
    return _num(first.lo), _num(last.hi)


def _outside(row: pd.Series, lo: float, hi: float) -> str:
    """"before"/"after" when the mark lies wholly outside ``[lo, hi]``, else ""."""
    if row["x0"] is None:
        return ""
    if _num(row["x1"]) <= lo:
        return "before"
    if _num(row["x0"]) >= hi:
        return "after"
    return ""


def focus_window(plan: pd.DataFrame, published: list[DateSpan] | None = None,
                 *, months_before: int = 12, months_after: int = 3) -> tuple[date, date] | None:
    """The months around publication worth a close-up, when the events reach far back.

    Returns ``(start, end)`` when one publication date is known, the events span more
    than four times the window, and at least a third of the dated events fall in it.
    """
    if not published or len(published) != 1:
        return None
    placed = plan[plan["x0"].notna()]
    if placed.empty:
        return None
    pub = published[0]
    start = _month(pub.lo.year, pub.lo.month - months_before)
    end = _month(pub.hi.year, pub.hi.month + months_after)
    span = (max(placed["x1"].max(), end) - min(placed["x0"].min(), start)).days
    inside = ((placed["x1"] > start) & (placed["x0"] < end)).sum()
    if span <= 4 * (end - start).days or inside * 3 < len(placed) or inside == len(placed):
        return None
    return start, end


def _draw_edge_mark(ax: Axes, row: pd.Series, y: float, side: str, *, lang: str,
                    fonts: tuple[str, ...]):
    """An event outside the window: an arrow at the edge, with its date."""
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    before = side == "before"
    # BLACK LEFT-POINTING / RIGHT-POINTING TRIANGLE, on the side of the edge it points at.
    if lang == "ar":
        text = RLM + (f"{row['date']} \u25c0" if before else f"\u25b6 {row['date']}")
    else:
        text = LRM + (f"\u25c0 {row['date']}" if before else f"{row['date']} \u25b6")
    return ax.text(0.004 if before else 0.996, y, text,
                   transform=trans, ha="left" if before else "right", va="center",
                   fontsize=8.5, color=row["colour"], fontfamily=fonts, zorder=5,
                   bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": row["colour"],
                         "ls": "--" if row["proposed"] else "-", "lw": 0.8})


def _draw_mark(ax: Axes, row: pd.Series, y: float, *, lo: float, width: float, lang: str,
               fonts: tuple[str, ...], gid: str):
    """The event's mark (returned), plus its parts (caps, arrows, "؟") as ``gid-k``."""
    colour = row["colour"]
    mark = row["mark"]
    if mark == "undated":
        trans = blended_transform_factory(ax.transAxes, ax.transData)
        return ax.text(_UNDATED_X, y, ui_label("count.missing", lang=lang), transform=trans,
                       ha="center", va="center", fontsize=9,
                       fontweight="bold", color=colour, fontfamily=fonts, zorder=4,
                       bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour,
                             "ls": "--"})
    x0, x1 = _num(row["x0"]), _num(row["x1"])
    edge_style = "--" if row["proposed"] else ":" if row["future"] else "-"
    if mark == "day":
        filled = not (row["proposed"] or row["future"])
        (artist,) = ax.plot([(x0 + x1) / 2], [y], linestyle="none",
                            marker="D" if row["future"] else "o", markersize=8,
                            markerfacecolor=colour if filled else "white",
                            markeredgecolor=colour, markeredgewidth=1.6, zorder=4)
    elif mark in ("period", "open"):
        artist = Rectangle((x0, y - _PERIOD_HEIGHT / 2), x1 - x0, _PERIOD_HEIGHT,
                           facecolor="white" if row["proposed"] else colour,
                           edgecolor=colour, linewidth=1.4, linestyle=edge_style,
                           hatch="////" if row["future"] else None, zorder=3)
        ax.add_patch(artist)
        for k, (x, is_open) in enumerate(((x0, row["open_start"]), (x1, row["open_end"]))):
            if is_open:
                ax.plot([x], [y], marker="<" if k == 0 else ">", color=colour, markersize=7,
                        linestyle="none", zorder=4, gid=f"{gid}-{k}")
            else:
                ax.plot([x, x], [y - _MARK_HEIGHT / 2, y + _MARK_HEIGHT / 2], color=colour,
                        linewidth=1.6, linestyle=edge_style, zorder=4, gid=f"{gid}-{k}")
    else:
        alpha = _FILL_ALPHA.get(mark, 0.5)
        face = (1, 1, 1, 1) if row["proposed"] or row["future"] else _rgba(colour, alpha)
        artist = Rectangle((x0, y - _MARK_HEIGHT / 2), max(x1 - x0, width * 0.004), _MARK_HEIGHT,
                           facecolor=face, edgecolor=colour, linewidth=1.6, linestyle=edge_style,
                           hatch="////" if row["future"] else None,
                           zorder=2.5 if mark in ("year", "decade") else 3)
        ax.add_patch(artist)
    if row["proposed"]:
        centre = (max(x0, lo) + min(x1, lo + width)) / 2
        ax.text(centre, y, ui_label("count.missing", lang=lang), ha="center", va="center",
                fontsize=10, fontweight="bold", color=colour, fontfamily=fonts, zorder=5,
                gid=f"{gid}-2")
    return artist


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)


def _draw_annotation(ax: Axes, row: pd.Series, y: float, *, lo: float, width: float,
                     lang: str, fonts: tuple[str, ...], gid: str) -> None:
    """The count (and what is uncertain) beside the mark, on its free side."""
    text = " · ".join(t for t in (row["count"], row["note"]) if t)
    if row["mark"] == "undated":
        said = row["date"] if row["date"] != ui_label("count.missing", lang=lang) else ""
        text = " · ".join(t for t in (said, text) if t)
    text = ((RLM if lang == "ar" else LRM) + text) if text else ""
    if row["mark"] == "undated":
        trans = blended_transform_factory(ax.transAxes, ax.transData)
        ax.text(_UNDATED_X + 0.02, y, text, transform=trans, ha="left", va="center", fontsize=8.5,
                color="#222222", fontfamily=fonts, gid=gid)
        return
    if not text:
        return
    x0, x1 = _num(row["x0"]), _num(row["x1"])
    gap = width * 0.006
    right_side = (x1 - lo) < width * 0.72
    ax.text(max(x1, lo) + gap if right_side else min(x0, lo + width) - gap, y, text,
            ha="left" if right_side else "right", va="center", fontsize=8.5, color="#222222",
            fontfamily=fonts, gid=gid, zorder=5)


def _draw_publication(ax: Axes, spans: list[DateSpan], plan: pd.DataFrame, *, lo: float,
                      hi: float, lang: str, fonts: tuple[str, ...], gid: str) -> None:
    """One publication date: a line (day) or a band (month, year), named above the axes,
    and what follows it shaded when the plot holds expected events. Two or three dates:
    unnamed bands; more: a tick above the axes for each."""
    if not spans:
        return
    top = blended_transform_factory(ax.transData, ax.transAxes)
    if len(spans) > 3:
        ax.plot([(_num(s.lo) + _num(s.hi)) / 2 for s in spans], [1.0] * len(spans), marker="v",
                color=_PUBLISHED_COLOUR, markersize=6, transform=top, clip_on=False,
                linestyle="none", gid=gid)
        return
    for k, s in enumerate(spans):
        a, b = _num(s.lo), _num(s.hi)
        if s.precision == "day":
            ax.axvline((a + b) / 2, color=_PUBLISHED_COLOUR, linewidth=1.3, zorder=2,
                       gid=f"{gid}-{k}")
        else:
            ax.axvspan(a, b, facecolor=_PUBLISHED_FILL, edgecolor=_PUBLISHED_COLOUR,
                       linewidth=0.8, zorder=1, gid=f"{gid}-{k}")
    if len(spans) == 1 and lo <= (_num(spans[0].lo) + _num(spans[0].hi)) / 2 <= hi:
        s = spans[0]
        ax.text((_num(s.lo) + _num(s.hi)) / 2, 1.005,
                ui_label("published.line", lang=lang, x=date_label(s, lang=lang)),
                transform=top, ha="center", va="bottom", fontsize=8.5,
                color=_PUBLISHED_COLOUR, fontfamily=fonts)
        if plan["future"].any() and _num(s.hi) < hi:
            ax.axvspan(_num(s.hi), hi, facecolor=_AFTER_COLOUR, zorder=0, gid=f"{gid}-after")


def _draw_sections(ax: Axes, headers: dict[float, str], *, lang: str,
                   fonts: tuple[str, ...]) -> None:
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    for y, section in headers.items():
        ax.axhspan(y - 0.5, y + 0.5, facecolor="#f4f4f4", zorder=0.5)
        ax.text(0.995 if lang == "ar" else 0.005, y, ui_label(f"section.{section}", lang=lang),
                transform=trans, ha="right" if lang == "ar" else "left", va="center",
                fontsize=10.5, fontweight="bold", color="#222222", fontfamily=fonts, zorder=6,
                bbox={"boxstyle": "square,pad=0.3", "fc": "#f4f4f4", "ec": "none"})


def _style_axes(ax: Axes, ticks: list[tuple[float, str]], *, lo: float, hi: float, lang: str,
                fonts: tuple[str, ...]) -> None:
    ax.set_yticks([y for y, _ in ticks], labels=[t for _, t in ticks])
    ax.tick_params(axis="y", length=0, labelsize=9, labelfontfamily=fonts)
    positions, labels = _date_ticks(lo, hi, lang)
    ax.set_xticks(positions, labels=labels)
    ax.tick_params(axis="x", labelsize=9, labelfontfamily=fonts)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8, zorder=0)
    for y, _ in ticks:
        ax.axhline(y, color="#eeeeee", linewidth=0.6, zorder=0.6)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _date_ticks(lo: float, hi: float, lang: str) -> tuple[list[float], list[str]]:
    """Ticks on first days of months, every 1-60 months so that about 6-12 show."""
    start, stop = mdates.num2date(lo).date(), mdates.num2date(hi).date()
    months = (stop.year - start.year) * 12 + stop.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120) if months / s <= 12), 240)
    names = month_names(lang)
    positions, labels, last_year = [], [], None
    first_month = start.month if step < 12 else 1
    current = _month(start.year, first_month)
    if step in (2, 3, 6):
        current = _month(current.year, ((current.month - 1) // step) * step + 1)
    while current <= stop:
        x = _num(current)
        if lo <= x <= hi:
            if step >= 12:
                labels.append(str(current.year))
            else:
                year = f" {current.year}" if current.year != last_year else ""
                labels.append(names[current.month] + year)
                last_year = current.year
            positions.append(x)
        current = _month(current.year, current.month + step)
    return positions, labels


def _draw_legends(ax: Axes, plan: pd.DataFrame, spans: list[DateSpan], events: pd.DataFrame,
                  *, lang: str, fonts: tuple[str, ...]) -> None:
    colours = actor_colours(events, lang=lang)
    actor_handles = [Patch(facecolor=c, edgecolor=c, label=a) for a, c in colours.items()]
    actors = set(plan["actor"])
    if "" in actors:
        actor_handles.append(Patch(facecolor=UNKNOWN_ACTOR_COLOUR,
                                   label=ui_label("actor.unknown", lang=lang)))
    if any(a and a not in colours for a in actors):
        actor_handles.append(Patch(facecolor=OTHER_ACTOR_COLOUR,
                                   label=ui_label("actor.other", lang=lang)))
    grey = "#555555"
    keys = {
        "day": Line2D([], [], marker="o", linestyle="none", color=grey, markersize=7),
        "month": Patch(facecolor=_rgba(grey, 0.85), edgecolor=grey),
        "season": Patch(facecolor=_rgba(grey, 0.55), edgecolor=grey),
        "year": Patch(facecolor=_rgba(grey, 0.35), edgecolor=grey),
        "period": Line2D([], [], color=grey, linewidth=5, marker="|", markersize=12,
                         markeredgewidth=1.6),
        "open": Line2D([], [], color=grey, linewidth=5, marker=">", markersize=7),
    }
    mark_handles = []
    for mark, handle in keys.items():
        if (plan["mark"] == mark).any():
            handle.set_label(ui_label(f"mark.{mark}", lang=lang))
            mark_handles.append(handle)
    if plan["proposed"].any():
        mark_handles.append(Patch(facecolor="white", edgecolor=grey, linestyle="--",
                                  linewidth=1.4, label=ui_label("mark.proposed", lang=lang)))
    if plan["future"].any():
        mark_handles.append(Patch(facecolor="white", edgecolor=grey, hatch="////",
                                  linestyle=":", label=ui_label("mark.future", lang=lang)))
    if (plan["mark"] == "undated").any():
        mark_handles.append(Line2D([], [], marker="$?$", linestyle="none", color=grey,
                                   markersize=8, label=ui_label("mark.undated", lang=lang)))
    if len(spans) > 3:
        mark_handles.append(Line2D([], [], marker="v", linestyle="none", markersize=7,
                                   color=_PUBLISHED_COLOUR,
                                   label=ui_label("published.many", lang=lang)))
    elif spans:
        key = "mark.published" if len(spans) == 1 else "published.many"
        mark_handles.append(Patch(facecolor=_PUBLISHED_FILL, edgecolor=_PUBLISHED_COLOUR,
                                  label=ui_label(key, lang=lang)))
        if len(spans) == 1 and plan["future"].any():
            mark_handles.append(Patch(facecolor=_AFTER_COLOUR, edgecolor="#bbbbbb",
                                      label=ui_label("mark.after_zone", lang=lang)))
    for handle in actor_handles:
        handle.set_label(_shorten(handle.get_label(), 34))
    # The actors' legend under the axis, the key to the marks under it: stacked, they
    # never run into each other however long the names. Heights in points.
    rtl = lang == "ar"
    size = 8.5
    common = {"prop": {"family": list(fonts), "size": size}, "frameon": False,
              "markerfirst": not rtl, "borderaxespad": 0.0,
              "title_fontproperties": {"family": list(fonts), "size": 9, "weight": "bold"},
              "alignment": "right" if rtl else "left",
              "loc": "upper right" if rtl else "upper left",
              "bbox_to_anchor": (1.0 if rtl else 0.0, 0.0)}
    below_ticks = 34.0
    columns = 3
    def order(handles: list, columns: int) -> list:
        return _right_to_left(handles, columns) if rtl else handles

    first = ax.legend(handles=order(actor_handles, columns),
                      title=ui_label("legend.actors", lang=lang), ncols=columns,
                      bbox_transform=_below(ax, below_ticks), **common)
    if mark_handles:
        ax.add_artist(first)
        rows = math.ceil(len(actor_handles) / columns)
        offset = below_ticks + 2.2 * size + rows * 1.75 * size + 18
        ax.legend(handles=order(mark_handles, columns), title=ui_label("legend.marks", lang=lang),
                  ncols=columns, bbox_transform=_below(ax, offset), **common)


def _right_to_left(handles: list, columns: int) -> list:
    """Legend entries reordered so that matplotlib's columns, filled left to right, read
    right to left: the first entries in the rightmost column (blanks pad the last)."""
    rows = math.ceil(len(handles) / columns)
    padded = handles + [Patch(visible=False, label="")] * (rows * columns - len(handles))
    chunks = [padded[i * rows:(i + 1) * rows] for i in range(columns)]
    return [h for chunk in reversed(chunks) for h in chunk]


def _below(ax: Axes, points: float):
    """Axes coordinates moved ``points`` down: where a legend under the axis starts."""
    from matplotlib.transforms import ScaledTranslation

    return ax.transAxes + ScaledTranslation(0, -points / 72, ax.figure.dpi_scale_trans)


def _draw_empty(ax: Axes, message: str, title: str, fonts: tuple[str, ...], lang: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=12,
            color="#444444", fontfamily=fonts, gid="wb-empty")
    ax.set_title(title, loc="right" if lang == "ar" else "left", fontfamily=fonts, fontsize=13,
                 fontweight="bold")


# --- attacks by governorate ---------------------------------------------------------------

def governorate_table(events: pd.DataFrame, *, lang: str = "ar") -> pd.DataFrame:
    """Attack reports per governorate and actor: ``single`` (the report names only this
    governorate) and ``shared`` (it names several and is counted in each).

    >>> ev = pd.DataFrame({"kind": ["attack", "attack"], "actor": ["داعش", "داعش"],
    ...                    "admin1": ["IQ-AN", "IQ-AN|IQ-NI"]})
    >>> governorate_table(ev)[["governorate", "single", "shared"]].values.tolist()
    [['الأنبار', 1, 1], ['نينوى', 0, 1]]
    """
    rows = []
    for ev in _records(events):
        if not is_attack(ev):
            continue
        names = _governorates(ev, lang) or [ui_label("gov.unspecified", lang=lang)]
        shared = len(names) > 1 or SHARED_FLAG in _text(ev.get("count_flags"))
        for name in dict.fromkeys(names):
            rows.append({"governorate": name, "actor": _actor_name(ev, lang),
                         "single": int(not shared), "shared": int(shared)})
    columns = ["governorate", "actor", "single", "shared"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows).groupby(["governorate", "actor"], as_index=False, sort=False).sum()
    totals = table.groupby("governorate")[["single", "shared"]].sum().sum(axis=1)
    table["_total"] = table["governorate"].map(totals)
    table["_last"] = table["governorate"] == ui_label("gov.unspecified", lang=lang)
    table = table.sort_values(["_last", "_total", "governorate"], ascending=[True, False, True],
                              kind="stable")
    return table.reset_index(drop=True)[columns]


def _governorates(ev: Mapping[str, Any], lang: str) -> list[str]:
    for column in ("admin1", "places"):
        names = _split(ev.get(column), "|;؛،,")
        if names:
            return list(dict.fromkeys(display_name(n, lang=lang) for n in names))
    return []


# The gazetteer spells some governorates "محافظة X" / "X Governorate"; a chart of
# governorates shows X. ARABIC LETTERS MEEM HAH ALEF FEH ZAH TEH MARBUTA: "governorate".
_GOVERNORATE_AR = "\u0645\u062d\u0627\u0641\u0638\u0629 "
_GOVERNORATE_EN = " Governorate"


@cache
def _gazetteer() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Place id → (Arabic, English name), and matching key of a name → place id."""
    from ..text.arabic import match_key

    try:
        table = read_table("find/places.csv")
    except FileNotFoundError:
        return {}, {}
    names: dict[str, tuple[str, str]] = {}
    keys: dict[str, str] = {}
    for row in table.itertuples(index=False):
        ar, en = row.name_ar, row.name_en
        if row.place_type == "governorate":
            ar, en = ar.removeprefix(_GOVERNORATE_AR), en.removesuffix(_GOVERNORATE_EN)
        names.setdefault(row.id, (ar, en))
        if row.iso:
            names.setdefault(row.iso, (ar, en))
        for key in [match_key(row.name_ar), *str(row.keys).split("|"), row.name_en.lower(),
                    en.lower()]:
            if key:
                keys.setdefault(key, row.id)
    return names, keys


def _place_name(value: str, lang: str) -> str:
    """A place as named in ``lang``: a gazetteer id (``IQ-AN``) or an Arabic name is
    looked up in ``places.csv``; anything else stays as it is.

    >>> _place_name("IQ-KI", "ar"), _place_name("IQ-KI", "en"), _place_name("الانبار", "en")
    ('كركوك', 'Kirkuk', 'Anbar')
    >>> _place_name("Salah al-Din", "ar")
    'صلاح الدين'
    """
    from ..text.arabic import match_key

    names, keys = _gazetteer()
    entry = (names.get(value) or names.get(keys.get(match_key(value), ""))
             or names.get(keys.get(value.lower(), "")))
    if not entry:
        return value
    return entry[0] if lang == "ar" else entry[1]


def plot_by_governorate(events: pd.DataFrame, *, ax: Axes | None = None,
                        lang: str = "ar") -> Axes:
    """Horizontal bars: attack reports naming each governorate, stacked by actor; the
    hatched part are reports naming several governorates (a count of reports, not of
    attacks: a report of "more than ? attacks in five governorates" cannot be split)."""
    table = governorate_table(events, lang=lang)
    fonts = font_families(lang)
    n_bars = table["governorate"].nunique() if not table.empty else 0
    if ax is None:
        fig = Figure(figsize=(9.0, 2.6 + 0.42 * max(n_bars, 2)), layout="constrained")
        ax = fig.add_subplot()
    rtl = lang == "ar"
    title = ui_label("gov.title", lang=lang)
    if table.empty:
        _draw_empty(ax, ui_label("gov.empty", lang=lang), title, fonts, lang)
        return ax
    colours = actor_colours(events, lang=lang)
    order = list(dict.fromkeys(table["governorate"]))
    y_of = {name: i for i, name in enumerate(order)}
    left = dict.fromkeys(order, 0.0)
    # Actors without a colour of their own are stacked together as "other actors".
    other = ui_label("actor.other", lang=lang)
    table = table.assign(actor=table["actor"].map(lambda a: a if a in colours or not a else other))
    table = table.groupby(["governorate", "actor"], as_index=False, sort=False).sum()
    actors = [a for a in [*colours, other, ""] if (table["actor"] == a).any()]
    for actor_index, actor in enumerate(actors):
        colour = OTHER_ACTOR_COLOUR if actor == other else _colour(actor, colours)
        part = table[table["actor"] == actor]
        for kind, hatch in (("single", None), ("shared", "////")):
            for row in part.itertuples(index=False):
                value = getattr(row, kind)
                if not value:
                    continue
                ax.barh(y_of[row.governorate], value, left=left[row.governorate], height=0.62,
                        color=colour if hatch is None else _rgba(colour, 0.3),
                        edgecolor=colour, hatch=hatch, linewidth=1.0, zorder=3,
                        gid=f"wb-bar-{y_of[row.governorate]}-{actor_index}-{kind}")
                left[row.governorate] += value
    top = max(left.values())
    for name, total in left.items():
        ax.text(total + top * 0.015, y_of[name], _fmt(total), va="center", ha="left",
                fontsize=9, fontfamily=fonts, color="#222222")
    ax.set_yticks(range(len(order)), labels=[_isolate(n) for n in order])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="both", labelsize=9.5, labelfontfamily=fonts)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(ui_label("gov.xlabel", lang=lang), fontfamily=fonts, fontsize=9.5)
    ax.set_title(title, loc="right" if rtl else "left", fontfamily=fonts, fontsize=12,
                 fontweight="bold")
    handles = [Patch(facecolor=OTHER_ACTOR_COLOUR if a == other else _colour(a, colours),
                     label=a or ui_label("actor.unknown", lang=lang)) for a in actors]
    handles.append(Patch(facecolor="white", edgecolor="#555555",
                         label=ui_label("gov.single", lang=lang)))
    if table["shared"].any():
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////",
                             label=ui_label("gov.shared", lang=lang)))
    ax.legend(handles=handles, loc="upper right" if rtl else "upper left",
              bbox_to_anchor=(1.0 if rtl else 0.0, 0.0), bbox_transform=ax.transAxes,
              borderaxespad=5.6, frameon=False, markerfirst=not rtl,
              alignment="right" if rtl else "left", ncols=2,
              prop={"family": list(fonts), "size": 8.5})
    return ax


# --- files ------------------------------------------------------------------------------

def save_timeline(
    events: pd.DataFrame, png: Path, svg: Path | None = None, *,
    published: str | Mapping[str, str] | None = None, lang: str = "ar",
    link: str | None = "report.html#{anchor}",
) -> str | None:
    """Write the timeline as PNG (and SVG, marks linked to report.html with hover text).

    Returns the SVG text (``None`` without ``svg``), so a caller can reuse the one drawing.
    Empty ``events`` give a figure that says there is nothing to plot.
    """
    fig = timeline_figure(events, published=published, lang=lang, link=link)
    fig.savefig(png, dpi=150, facecolor="white", bbox_inches="tight", pad_inches=0.25)
    if svg is None:
        return None
    text = timeline_svg(events, published=published, lang=lang, link=link, figure=fig)
    Path(svg).write_text(text, encoding="utf-8")
    return text


def timeline_figure(events: pd.DataFrame, *, published: Any = None, lang: str = "ar",
                    link: str | None = None, focus: bool = True) -> Figure:
    """A Figure holding :func:`plot_timeline` of ``events``, sized for its rows.

    With ``focus``, when the events reach years back from a single publication date
    (:func:`focus_window`), a second panel below shows the months around publication
    close up: the whole story above, the attacks and their context readable below.
    """
    plan = timeline_table(events, published=published, lang=lang)
    spans = _published_spans(plan, events if len(events) else pd.DataFrame(), published)
    window = focus_window(plan, spans) if focus and not plan.empty else None
    width, height = timeline_size(plan)
    if window is None:
        fig = Figure(figsize=(width, height), layout="constrained")
        plot_timeline(events, ax=fig.add_subplot(), published=published, lang=lang, link=link)
        return fig
    legend_room = 1.9
    fig = Figure(figsize=(width, 2 * height - legend_room), layout="constrained")
    top, bottom = fig.subplots(2, 1, height_ratios=[height - legend_room, height])
    plot_timeline(events, ax=top, published=published, lang=lang, link=link, legend=False)
    named = f"{date_label(DateSpan(window[0], window[0], 'month'), lang=lang)} – " \
            f"{date_label(DateSpan(window[1] - timedelta(days=1), window[1], 'month'), lang=lang)}"
    plot_timeline(events, ax=bottom, published=published, lang=lang, link=link,
                  window=(window[0].isoformat(), (window[1] - timedelta(days=1)).isoformat()),
                  title=ui_label("timeline.focus", lang=lang, x=named), gid_prefix="wb-close")
    return fig


def timeline_svg(events: pd.DataFrame, *, published: Any = None, lang: str = "ar",
                 link: str | None = None, figure: Figure | None = None) -> str:
    """The timeline as SVG text (reproducible ids, no date), each mark with a hover title."""
    fig = figure or timeline_figure(events, published=published, lang=lang, link=link)
    buffer = io.StringIO()
    with rc_context({"svg.hashsalt": "workbench", "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white",
                    bbox_inches="tight", pad_inches=0.25)
    plan = timeline_table(events, published=published, lang=lang)
    titles = {f"{prefix}-event-{i}": _hover(row) for i, row in plan.iterrows()
              for prefix in ("wb", "wb-close")}
    return add_svg_titles(buffer.getvalue(), titles)


def _hover(row: pd.Series) -> str:
    parts = [row["label"], row["date"], row["count"], row["note"]]
    return " · ".join(p for p in parts if p)


_SVG_GROUP_RE = re.compile(r'<g id="(wb-(?:close-)?event-\d+)"[^>]*>')


def add_svg_titles(svg: str, titles: Mapping[str, str]) -> str:
    """Insert a ``<title>`` (hover text) as the first child of each ``<g id=...>``.

    >>> add_svg_titles('<g id="wb-event-0">x</g>', {"wb-event-0": "<هجوم>"})
    '<g id="wb-event-0"><title>&lt;هجوم&gt;</title>x</g>'
    """
    def insert(match: re.Match) -> str:
        title = titles.get(match.group(1))
        return match.group(0) + (f"<title>{escape(title, quote=False)}</title>" if title else "")

    return _SVG_GROUP_RE.sub(insert, svg)


# --- small helpers ---------------------------------------------------------------------------

def _text(value: Any) -> str:
    """A cell as a stripped string: missing values are ``""``; lists are joined."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "|".join(_text(v) for v in value if _text(v))
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, (date, pd.Timestamp)):
        return value.isoformat()[:10]
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _split(value: Any, separators: str) -> list[str]:
    """A list cell (``"a|b"``, ``"a؛ b"`` or a list) as its non-empty stripped items."""
    if isinstance(value, (list, tuple, set)):
        return [t for t in (_text(v) for v in value) if t]
    text = _text(value)
    if not text:
        return []
    pattern = "[" + re.escape(separators) + "]"
    return [t.strip() for t in re.split(pattern, text) if t.strip()]


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict(orient="records")


__all__ = [
    "DateSpan", "actor_colours", "add_svg_titles", "count_label", "date_label", "display_name",
    "event_anchor", "focus_window", "font_families", "governorate_table", "is_attack",
    "month_names", "parse_date_span", "plot_by_governorate", "plot_timeline", "save_timeline",
    "timeline_figure", "timeline_size", "timeline_svg", "timeline_table", "ui_label",
]
