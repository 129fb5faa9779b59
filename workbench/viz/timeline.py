"""Timelines of reported attacks and context events, with their uncertainty drawn.

One mark per event on a date axis, coloured by actor. How a mark is drawn says how the
date is known: a dot for a stated day, a month-wide box for a stated month (lighter and
wider for a season or a year), a thin capped bar for a period, a hollow dashed box with
"؟" for a year lost in the source and proposed by the chronology, a hatched box for an
event the article expects after its publication (shaded on the axis). A count lost in
the source is written "؟" ("أكثر من ؟"), never as a number.

Arabic is drawn by matplotlib itself (joined, right to left: matplotlib ≥ 3.11 shapes
text); nothing here reshapes it. :func:`~workbench.viz.plan.timeline_table` is the plan
the plot draws, one row per event, for reading the marks as data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from ..text.dates import DateSpan, month_start
from .cells import cell_text
from .labels import LRM, RLM, date_label, month_names, shorten, ui_label
from .plan import timeline_table
from .style import (
    OTHER_ACTOR_COLOUR,
    UNKNOWN_ACTOR_COLOUR,
    actor_colours,
    draw_empty,
    figure_svg,
    font_families,
    fonts_found_once,
    rgba,
    texts_measured_once,
)

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
    return _plot_plan(timeline_table(events, published=published, lang=lang), events, ax=ax,
                      lang=lang, published=published, title=title, layout=layout,
                      max_rows=max_rows, link=link, window=window, legend=legend,
                      gid_prefix=gid_prefix)


def _plot_plan(
    plan: pd.DataFrame, events: pd.DataFrame, *, ax: Axes | None, lang: str,
    published: str | Mapping[str, str] | None, title: str | None, layout: str, max_rows: int,
    link: str | None, window: tuple[Any, Any] | None, legend: bool, gid_prefix: str,
    colours: Mapping[str, str] | None = None,
) -> Axes:
    """:func:`plot_timeline` of ``plan``, the :func:`timeline_table` of ``events`` already
    made (a figure of two panels and its SVG's hover titles share one plan)."""
    if ax is None:
        fig = Figure(figsize=timeline_size(plan, layout=layout, max_rows=max_rows),
                     layout="constrained")
        ax = fig.add_subplot()
    fonts = font_families(lang)
    title = title if title is not None else ui_label("timeline.title", lang=lang)
    if plan.empty:
        draw_empty(ax, ui_label("timeline.empty", lang=lang), title, fonts, lang)
        return ax
    lanes = layout == "lanes" or (layout == "auto" and len(plan) > max_rows)
    ys, ticks, headers = _positions(plan, lanes=lanes, lang=lang)
    spans = _published_spans(plan, events, published)
    lo, hi = _x_range(plan, spans) if window is None else _window_range(window)
    width = hi - lo
    ax.set_xlim(lo, hi)
    ax.set_ylim(max(ys.max(), max(headers, default=0)) + 0.8, -0.9)

    edge_dates = _edge_dates(plan, ys, lo, hi, lang=lang)
    for i, row in _rows(plan):
        outside = _outside(row, lo, hi)
        if outside:
            dates, first = edge_dates[(ys[i], outside)]
            artist = _draw_edge_mark(ax, row, ys[i], outside, lang=lang, fonts=fonts,
                                     dates=dates, shown=first == i)
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
        _draw_legends(ax, plan, spans, events, lang=lang, fonts=fonts, colours=colours)
    side = "right" if lang == "ar" else "left"
    # The titles stand on the top of the axes (y=1.0), 22 points above it: more than any
    # descent of their fonts, so matplotlib's search for what they would overlap, which
    # measures every row label at each of the figure's layouts, could never move them.
    ax.set_title(title, loc=side, fontfamily=fonts, fontsize=13, fontweight="bold", pad=22, y=1.0)
    n_docs = plan["doc_id"].replace("", pd.NA).nunique() or 1
    subtitle = ui_label("timeline.subtitle", lang=lang, n=len(events), docs=n_docs)
    # The count stands on the other side a line above the title, not beside it: a long
    # title (English runs wider than Arabic) would run into it when the row labels leave
    # the axes narrow. It is a plain text, since every title of an axes shares one height.
    ax.annotate(subtitle, xy=(0.0 if lang == "ar" else 1.0, 1.0), xycoords="axes fraction",
                xytext=(0, 46), textcoords="offset points", ha="left" if lang == "ar" else "right",
                va="bottom", fontfamily=fonts, fontsize=9.5, color="#555555")
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
            for i, row in _rows(part):
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
    spans = {s for s in (DateSpan.parse(cell_text(v)) for v in values) if s is not None}
    return sorted(spans, key=lambda s: (s.lo, s.hi))


_AXIS_FIRST = mdates.date2num(date(1, 1, 2))
_AXIS_LAST = mdates.date2num(date(9999, 12, 30))


def _x_range(plan: pd.DataFrame, spans: list[DateSpan]) -> tuple[float, float]:
    days = [d for d in list(plan["x0"]) + list(plan["x1"]) if d is not None]
    days += [s.lo for s in spans] + [s.hi for s in spans]
    if not days:
        today = date(2000, 1, 1)
        return mdates.date2num(today), mdates.date2num(today + timedelta(days=365))
    lo, hi = mdates.date2num(min(days)), mdates.date2num(max(days))
    pad = max((hi - lo) * 0.05, 20.0)
    # matplotlib draws dates from year 1 to 9999 only: a history reaching back to the first
    # centuries (عام 31, سنة 36 هجري) keeps its margin inside that range
    return max(lo - pad, _AXIS_FIRST), min(hi + pad, _AXIS_LAST)


# A corpus's timeline converts the same few hundred days some ten thousand times (each
# mark, its annotation, its edge test), and matplotlib's conversion of one date goes
# through numpy each time; a day's number never changes within a process.
@lru_cache(maxsize=4096)
def _num(day: date) -> float:
    """A day as matplotlib's date axis places it: ``_num(date(1970, 1, 2)) == 1.0``."""
    return float(mdates.date2num(day))


def _rows(plan: pd.DataFrame) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each row of ``plan`` with its label, as a dict: the cells ``iterrows`` gives (the
    plan's columns are text, dates and flags), without a Series built for each of a
    corpus's thousand events."""
    return zip(plan.index, plan.to_dict(orient="records"), strict=True)


def _window_range(window: tuple[Any, Any]) -> tuple[float, float]:
    first, last = (DateSpan.parse(cell_text(w)) for w in window)
    if first is None or last is None or last.hi <= first.lo:
        raise ValueError(f"window must be two ISO dates, the first earlier: {window!r}")
    return _num(first.lo), _num(last.hi)


def _outside(row: Mapping[str, Any], lo: float, hi: float) -> str:
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
    start = month_start(pub.lo.year, pub.lo.month - months_before)
    end = month_start(pub.hi.year, pub.hi.month + months_after)
    span = (max(placed["x1"].max(), end) - min(placed["x0"].min(), start)).days
    inside = ((placed["x1"] > start) & (placed["x0"] < end)).sum()
    if span <= 4 * (end - start).days or inside * 3 < len(placed) or inside == len(placed):
        return None
    return start, end


def _edge_dates(plan: pd.DataFrame, ys: Any, lo: float, hi: float, *,
                lang: str) -> dict[tuple[float, str], tuple[str, Any]]:
    """The dates of the events beyond each edge of each row, earliest first, and the event
    that shows them: in a lane several events share a row, and one arrow each would lie on
    top of the others, showing one date (1994) and hiding the rest (1853, 1984)."""
    beyond: dict[tuple[float, str], list[tuple[float, Any]]] = {}
    for i, row in _rows(plan):
        side = _outside(row, lo, hi)
        if side:
            beyond.setdefault((ys[i], side), []).append((_num(row["x0"]), i))
    comma = "\u060c " if lang == "ar" else ", "
    return {key: (comma.join(dict.fromkeys(plan.at[i, "date"] for _, i in sorted(marks))),
                  sorted(marks)[0][1])
            for key, marks in beyond.items()}


def _draw_edge_mark(ax: Axes, row: Mapping[str, Any], y: float, side: str, *, lang: str,
                    fonts: tuple[str, ...], dates: str | None = None, shown: bool = True):
    """An event outside the window: an arrow at the edge, with its date (``dates``: those
    of every event of its row beyond that edge, drawn once, by the ``shown`` one)."""
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    before = side == "before"
    dates = row["date"] if dates is None else dates
    # BLACK LEFT-POINTING / RIGHT-POINTING TRIANGLE, on the side of the edge it points at.
    if lang == "ar":
        text = RLM + (f"{dates} \u25c0" if before else f"\u25b6 {dates}")
    else:
        text = LRM + (f"\u25c0 {dates}" if before else f"{dates} \u25b6")
    return ax.text(0.004 if before else 0.996, y, text, visible=shown,
                   transform=trans, ha="left" if before else "right", va="center",
                   fontsize=8.5, color=row["colour"], fontfamily=fonts, zorder=5,
                   bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": row["colour"],
                         "ls": "--" if row["proposed"] else "-", "lw": 0.8})


def _draw_mark(ax: Axes, row: Mapping[str, Any], y: float, *, lo: float, width: float, lang: str,
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
        artist = _add_line(ax, [(x0 + x1) / 2], [y], linestyle="none",
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
                _add_line(ax, [x], [y], marker="<" if k == 0 else ">", color=colour,
                          markersize=7, linestyle="none", zorder=4, gid=f"{gid}-{k}")
            else:
                _add_line(ax, [x, x], [y - _MARK_HEIGHT / 2, y + _MARK_HEIGHT / 2],
                          color=colour, linewidth=1.6, linestyle=edge_style, zorder=4,
                          gid=f"{gid}-{k}")
    else:
        alpha = _FILL_ALPHA.get(mark, 0.5)
        face = (1, 1, 1, 1) if row["proposed"] or row["future"] else rgba(colour, alpha)
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


def _add_line(ax: Axes, xs: list[float], ys: list[float], **props: Any) -> Line2D:
    """A line or marker of the given data and style added to ``ax``, as ``ax.plot`` adds
    it, without its parsing of arguments and colour cycle: a corpus's timeline has some
    two thousand (a dot for each dated day, two caps for each period). Every mark sets
    the colours it draws with, so the cycle's colour, never drawn, is not missed."""
    line = Line2D(xs, ys, **props)
    ax.add_line(line)
    return line


def _draw_annotation(ax: Axes, row: Mapping[str, Any], y: float, *, lo: float, width: float,
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
    current = month_start(start.year, first_month)
    if step in (2, 3, 6):
        current = month_start(current.year, ((current.month - 1) // step) * step + 1)
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
        current = month_start(current.year, current.month + step)
    return positions, labels


def _draw_legends(ax: Axes, plan: pd.DataFrame, spans: list[DateSpan], events: pd.DataFrame,
                  *, lang: str, fonts: tuple[str, ...],
                  colours: Mapping[str, str] | None = None) -> None:
    if colours is None:
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
        "month": Patch(facecolor=rgba(grey, 0.85), edgecolor=grey),
        "season": Patch(facecolor=rgba(grey, 0.55), edgecolor=grey),
        "year": Patch(facecolor=rgba(grey, 0.35), edgecolor=grey),
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
        handle.set_label(shorten(handle.get_label(), 34))
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


# --- files ------------------------------------------------------------------------------

def save_timeline(
    events: pd.DataFrame, png: Path, svg: Path | None = None, *,
    published: str | Mapping[str, str] | None = None, lang: str = "ar",
    link: str | None = "report.html#{anchor}", svg_written: Callable[[str], None] | None = None,
) -> str | None:
    """Write the timeline as PNG (and SVG, marks linked to report.html with hover text).

    Returns the SVG text (``None`` without ``svg``), so a caller can reuse it;
    ``svg_written`` is called with it as soon as the SVG is written, before the PNG is
    drawn (another process waiting for the SVG goes on meanwhile).
    Empty ``events`` give a figure that says there is nothing to plot.
    """
    plan = timeline_table(events, published=published, lang=lang)
    fig = _figure(plan, events, published=published, lang=lang, link=link, focus=True)
    text = None
    if svg is not None:
        # One figure for both files, the SVG drawn first: a figure laid out for the PNG
        # first places some marks a millionth of a point apart in the SVG; and the PNG of
        # a fresh figure differs from this one by a few pixels on a large timeline, so a
        # run draws the two from one figure whatever the number of its processes.
        text = _svg_of(fig, plan)
        Path(svg).write_text(text, encoding="utf-8")
        if svg_written is not None:
            svg_written(text)
    with fonts_found_once(), texts_measured_once():
        fig.savefig(png, dpi=150, facecolor="white", bbox_inches="tight", pad_inches=0.25)
    return text


# A few made-up events, one of each kind of mark the first drawing of a process meets
# (a day, a month, a period, an undated event, an expected one), for ``rehearse``.
_REHEARSAL_EVENTS = (
    ("attack", "Islamic State (ISIS)", "2020-04-03", "2020-04-03", ""),
    ("attack", "Military Forces of Iraq", "2020-03", "2020-03", ""),
    ("vote", "", "2019-01-01", "2019-03-01", ""),
    ("attack", "", "", "", ""),
    ("attack", "", "2020-06", "2020-06", "expected"),
)


def rehearse(lang: str = "ar") -> None:
    """Draw a timeline of a few made-up events to memory, SVG then PNG, as
    :func:`save_timeline` draws one: what a process's first drawing loads (the fonts and
    their shaping, the backends, the marker paths) is loaded before the events it waits
    for come, by a process that draws a run's timeline (``workbench.batch``)."""
    import io

    events = pd.DataFrame(
        [{"doc_id": "d", "event_id": f"e{i}", "kind": kind, "actor": actor, "start": start,
          "end": end, "modality": modality}
         for i, (kind, actor, start, end, modality) in enumerate(_REHEARSAL_EVENTS)],
    )
    published = {"d": "2020-05-01"}
    plan = timeline_table(events, published=published, lang=lang)
    fig = _figure(plan, events, published=published, lang=lang, link="#{anchor}", focus=True)
    _svg_of(fig, plan)
    with fonts_found_once(), texts_measured_once():
        fig.savefig(io.BytesIO(), format="png", dpi=150, facecolor="white", bbox_inches="tight",
                    pad_inches=0.25)


def timeline_figure(events: pd.DataFrame, *, published: Any = None, lang: str = "ar",
                    link: str | None = None, focus: bool = True) -> Figure:
    """A Figure holding :func:`plot_timeline` of ``events``, sized for its rows.

    With ``focus``, when the events reach years back from a single publication date
    (:func:`focus_window`), a second panel below shows the months around publication
    close up: the whole story above, the attacks and their context readable below.
    """
    return _figure(timeline_table(events, published=published, lang=lang), events,
                   published=published, lang=lang, link=link, focus=focus)


def _figure(plan: pd.DataFrame, events: pd.DataFrame, *, published: Any, lang: str,
            link: str | None, focus: bool) -> Figure:
    """:func:`timeline_figure` of ``plan``, the :func:`timeline_table` of ``events``."""
    spans = _published_spans(plan, events if len(events) else pd.DataFrame(), published)
    window = focus_window(plan, spans) if focus and not plan.empty else None
    width, height = timeline_size(plan)
    common = {"lang": lang, "published": published, "link": link, "layout": "auto",
              "max_rows": 40, "colours": actor_colours(events, lang=lang) if len(plan) else None}
    if window is None:
        fig = Figure(figsize=(width, height), layout="constrained")
        _plot_plan(plan, events, ax=fig.add_subplot(), title=None, window=None, legend=True,
                   gid_prefix="wb", **common)
        return fig
    legend_room = 1.9
    fig = Figure(figsize=(width, 2 * height - legend_room), layout="constrained")
    top, bottom = fig.subplots(2, 1, height_ratios=[height - legend_room, height])
    _plot_plan(plan, events, ax=top, title=None, window=None, legend=False, gid_prefix="wb",
               **common)
    named = f"{date_label(DateSpan(window[0], window[0], 'month'), lang=lang)} – " \
            f"{date_label(DateSpan(window[1] - timedelta(days=1), window[1], 'month'), lang=lang)}"
    _plot_plan(plan, events, ax=bottom, title=ui_label("timeline.focus", lang=lang, x=named),
               window=(window[0].isoformat(), (window[1] - timedelta(days=1)).isoformat()),
               legend=True, gid_prefix="wb-close", **common)
    return fig


def timeline_svg(events: pd.DataFrame, *, published: Any = None, lang: str = "ar",
                 link: str | None = None, figure: Figure | None = None) -> str:
    """The timeline as SVG text (reproducible ids, no date), each mark with a hover title."""
    plan = timeline_table(events, published=published, lang=lang)
    fig = figure or _figure(plan, events, published=published, lang=lang, link=link, focus=True)
    return _svg_of(fig, plan)


def _svg_of(fig: Figure, plan: pd.DataFrame) -> str:
    """:func:`timeline_svg` of ``fig``, the figure drawn from ``plan``."""
    titles = {f"{prefix}-event-{i}": _hover(row) for i, row in _rows(plan)
              for prefix in ("wb", "wb-close")}
    return add_svg_titles(figure_svg(fig, pad_inches=0.25), titles)


def _hover(row: Mapping[str, Any]) -> str:
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


__all__ = [
    "add_svg_titles", "focus_window", "plot_timeline", "rehearse", "save_timeline", "timeline_figure",
    "timeline_size", "timeline_svg",
]
