"""The plan of a timeline: one row per mark, saying what is drawn where and why.

:func:`timeline_table` reads an events table (from ``analyze``, ``workbench run`` or
ACLED) into the marks :func:`~workbench.viz.timeline.plot_timeline` draws, so the
figure can be read as data and tested without drawing: each mark's days, how its date
is known, its actor and colour, its label, count and note.

>>> events = pd.DataFrame({"event_id": ["e1"], "kind": ["attack"], "actor": ["داعش"],
...                        "start": ["2020-04"], "count_flags": ["count_missing;more_than"]})
>>> timeline_table(events)[["mark", "x0", "x1", "count"]].values.tolist()
[['month', datetime.date(2020, 4, 1), datetime.date(2020, 5, 1), 'أكثر من ؟']]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from ..text.dates import DateSpan, proposed_years
from .cells import cell_text, row_dicts, split_cell
from .labels import (
    LRM,
    RLM,
    count_label,
    date_label,
    gaps_as_unknown,
    isolate,
    maybe_label,
    shorten,
    toll_label,
    ui_label,
)
from .names import actor_name, display_name, event_places
from .style import actor_colours, colour_of

# ACLED event types that are violence; any other event is context.
ATTACK_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                                "Violence against civilians"})
ATTACK_KINDS = frozenset({"attack", "attacks", "battle", "clash", "bombing", "strike"})
FUTURE_MODALITIES = frozenset({"future", "planned", "expected", "scheduled"})

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
    kind = cell_text(event.get("kind")).lower()
    return kind in ATTACK_KINDS or cell_text(event.get("event_type")) in ATTACK_EVENT_TYPES


def timeline_table(
    events: pd.DataFrame, *, published: str | Mapping[str, str] | None = None, lang: str = "ar",
) -> pd.DataFrame:
    """What :func:`~workbench.viz.timeline.plot_timeline` draws: one row per mark, in drawing order.

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
    for ev, event_ids in _merge_split_rows(row_dicts(events)):
        doc_published = _published_for(ev, published)
        until = doc_published.lo if doc_published is not None else None
        span = DateSpan.parse(cell_text(ev.get("start")), cell_text(ev.get("end")),
                              proposed_year=cell_text(ev.get("proposed_year")), until=until)
        if span is not None and not span.proposed and _year_flagged_proposed(ev):
            span = span.as_proposed()
        future = cell_text(ev.get("modality")).lower() in FUTURE_MODALITIES
        if span is None:
            mark = "undated"
        elif span.period:
            mark = "open" if (span.open_start or span.open_end) else "period"
        else:
            mark = span.precision
        actor = actor_name(ev, lang=lang)
        # an earlier attack the article only recalls is context for its news, not one more
        # attack of the period: it is drawn with the context events, and its note says so
        background = cell_text(ev.get("role")) == "background"
        section = "undated" if span is None else \
            "attack" if is_attack(ev) and not background else "context"
        count = toll_label(ev, lang=lang) or count_label(ev, lang=lang)
        rows.append({
            "doc_id": cell_text(ev.get("doc_id")), "event_id": cell_text(ev.get("event_id")),
            "claim_id": cell_text(ev.get("claim_id")), "section": section, "mark": mark,
            "x0": span.lo if span else None, "x1": span.hi if span else None,
            "proposed": bool(span and span.proposed), "future": future,
            "open_start": bool(span and span.open_start),
            "open_end": bool(span and span.open_end),
            "actor": actor,
            "colour": colour_of(actor, colours),
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
        event_id = cell_text(ev.get("event_id"))
        if SHARED_FLAG not in split_cell(ev.get("count_flags"), ";,| "):
            out.append((ev, [event_id]))
            continue
        key = tuple(cell_text(ev.get(c)) for c in (
            "doc_id", "claim_id", "trigger_start", "kind", "actor", "start", "end", "modality"))
        if key in merged:
            first, ids = merged[key]
            first["admin1"] = "|".join(split_cell(first.get("admin1"), "|;") +
                                       split_cell(ev.get("admin1"), "|;"))
            ids.append(event_id)
            continue
        entry = ({**ev, "admin1": "|".join(split_cell(ev.get("admin1"), "|;")), "location": ""},
                 [event_id])
        merged[key] = entry
        out.append(entry)
    return out


def event_anchor(doc_id: Any, event_id: Any) -> str:
    """The HTML/SVG id of an event: ``event-<doc_id>-<event_id>``, spaces and marks dashed.

    >>> event_anchor("000 seed", "e1")
    'event-000-seed-e1'
    """
    return "event-" + slug(f"{cell_text(doc_id)}-{cell_text(event_id)}")


def slug(text: str) -> str:
    """``text`` as an HTML/SVG id part: runs of anything but word characters and ``-``
    become one ``-`` (Arabic letters stay)."""
    return re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-") or "x"


def _year_flagged_proposed(ev: Mapping[str, Any]) -> bool:
    """A year filled in by the events stage but flagged as the chronology's proposal."""
    if proposed_years(cell_text(ev.get("proposed_year"))) is None:
        return False
    flags = " ".join(split_cell(ev.get("date_flags"), ";,| ")).lower()
    return any(w in flags for w in ("propos", "infer", "year_missing", "year_lost"))


def _published_for(ev: Mapping[str, Any], published: Any) -> DateSpan | None:
    if isinstance(published, Mapping):
        value = published.get(cell_text(ev.get("doc_id")))
    elif published is not None:
        value = published
    else:
        value = ev.get("published")
    return DateSpan.parse(cell_text(value))


def _places(ev: Mapping[str, Any], lang: str) -> list[str]:
    """Where, for a label: the event's own location, else its governorates, else the
    places its claim names."""
    columns = ("admin1", "places") if SHARED_FLAG in cell_text(ev.get("count_flags")) else (
        "location", "places", "admin1")
    return event_places(ev, columns, lang=lang)


def _row_label(ev: Mapping[str, Any], actor: str, lang: str) -> str:
    """``actor: what ← target · places``; each value isolated so mixed scripts keep order."""
    what = shorten(_what(ev, lang), 28)
    head = f"{isolate(shorten(actor, 30))}: {isolate(what)}" if actor else isolate(what)
    target = shorten(display_name(cell_text(ev.get("target")), lang=lang), 30)
    if target:
        head += f" ← {isolate(target)}" if lang == "ar" else f" → {isolate(target)}"
    places = _places(ev, lang)
    if places:
        comma = "، " if lang == "ar" else ", "
        where = comma.join(isolate(p) for p in places[:2])
        if len(places) > 2:
            where += f" +{len(places) - 2}"
        head += f" · {where}"
    return (RLM if lang == "ar" else LRM) + head


def _what(ev: Mapping[str, Any], lang: str) -> str:
    """What happened: the event kind's label, else the ACLED sub-event or event type."""
    kind = cell_text(ev.get("kind"))
    label = maybe_label(f"kind.{kind}", lang) if kind else None
    if label:
        return label
    for column in ("sub_event_type", "event_type"):
        value = cell_text(ev.get(column))
        if value and value != "Other":
            return maybe_label(f"{column}.{value}", lang) or value
    if kind:
        return kind.replace("_", " ")
    return ui_label("kind.attack" if is_attack(ev) else "kind.context", lang=lang)


def _note(span: DateSpan | None, future: bool, ev: Mapping[str, Any], lang: str) -> str:
    parts = []
    if future:
        parts.append(ui_label("future.tag", lang=lang))
    if cell_text(ev.get("role")) == "background":
        parts.append(ui_label("background.tag", lang=lang))
    if span is not None and span.proposed:
        last = span.last_day.year
        years = f"{span.lo.year}–{last}" if last != span.lo.year else str(span.lo.year)
        parts.append(f"{ui_label('proposed.tag', lang=lang)} {years}"
                     f"{ui_label('count.missing', lang=lang)}")
    return " · ".join(parts)


def _undated_label(ev: Mapping[str, Any], lang: str) -> str:
    said = cell_text(ev.get("date_text"))
    unknown = ui_label("count.missing", lang=lang)
    return f"{gaps_as_unknown(said, lang=lang)}" if said and lang == "ar" else unknown


__all__ = [
    "ATTACK_EVENT_TYPES", "ATTACK_KINDS", "FUTURE_MODALITIES", "PLAN_COLUMNS", "SHARED_FLAG",
    "event_anchor", "is_attack", "slug", "timeline_table",
]
