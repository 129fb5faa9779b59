"""Attack reports by governorate: a table and a chart of where the violence is reported.

A report naming several governorates ("more than ? attacks in five governorates") is
counted once in each and drawn hatched: its count cannot be split between them, so the
chart counts reports, not attacks.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .cells import cell_text, row_dicts
from .labels import format_number, isolate, ui_label
from .names import actor_name, event_places
from .plan import SHARED_FLAG, is_attack
from .style import (
    OTHER_ACTOR_COLOUR,
    actor_colours,
    colour_of,
    draw_empty,
    font_families,
    rgba,
)


def governorate_table(events: pd.DataFrame, *, lang: str = "ar") -> pd.DataFrame:
    """Attack reports per governorate and actor: ``single`` (the report names only this
    governorate) and ``shared`` (it names several and is counted in each).

    >>> ev = pd.DataFrame({"kind": ["attack", "attack"], "actor": ["داعش", "داعش"],
    ...                    "admin1": ["IQ-AN", "IQ-AN|IQ-NI"]})
    >>> governorate_table(ev)[["governorate", "single", "shared"]].values.tolist()
    [['الأنبار', 1, 1], ['نينوى', 0, 1]]
    """
    rows = []
    for ev in row_dicts(events):
        if not is_attack(ev):
            continue
        names = (event_places(ev, ("admin1", "places"), lang=lang)
                 or [ui_label("gov.unspecified", lang=lang)])
        shared = len(names) > 1 or SHARED_FLAG in cell_text(ev.get("count_flags"))
        for name in dict.fromkeys(names):
            rows.append({"governorate": name, "actor": actor_name(ev, lang=lang),
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
        draw_empty(ax, ui_label("gov.empty", lang=lang), title, fonts, lang)
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
        colour = OTHER_ACTOR_COLOUR if actor == other else colour_of(actor, colours)
        part = table[table["actor"] == actor]
        for kind, hatch in (("single", None), ("shared", "////")):
            for row in part.itertuples(index=False):
                value = getattr(row, kind)
                if not value:
                    continue
                ax.barh(y_of[row.governorate], value, left=left[row.governorate], height=0.62,
                        color=colour if hatch is None else rgba(colour, 0.3),
                        edgecolor=colour, hatch=hatch, linewidth=1.0, zorder=3,
                        gid=f"wb-bar-{y_of[row.governorate]}-{actor_index}-{kind}")
                left[row.governorate] += value
    top = max(left.values())
    for name, total in left.items():
        ax.text(total + top * 0.015, y_of[name], format_number(total), va="center", ha="left",
                fontsize=9, fontfamily=fonts, color="#222222")
    ax.set_yticks(range(len(order)), labels=[isolate(n) for n in order])
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
    handles = [Patch(facecolor=OTHER_ACTOR_COLOUR if a == other else colour_of(a, colours),
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


__all__ = ["governorate_table", "plot_by_governorate"]
