"""The timeline reads its plan row by row as dicts and converts each day once: the marks
are those of the plan, in its order, wherever its rows sit in the table."""

from __future__ import annotations

from datetime import date

import pandas as pd
from matplotlib import dates as mdates

from workbench.viz.plan import timeline_table
from workbench.viz.timeline import _num, _rows, plot_timeline


def _events(n: int) -> pd.DataFrame:
    """``n`` made-up attacks on the first days of 2021, by two actors, and one undated."""
    rows = [{"doc_id": "d1", "event_id": f"e{i}", "kind": "attack",
             "actor": "داعش" if i % 2 else "الحشد الشعبي",
             "start": f"2021-01-{i % 28 + 1:02d}", "end": f"2021-01-{i % 28 + 1:02d}",
             "count_text": f"{i + 2} قتلى", "count_value": str(i + 2)} for i in range(n)]
    rows.append({"doc_id": "d1", "event_id": "u", "kind": "attack", "actor": "داعش",
                 "start": "", "end": "", "count_text": "", "count_value": ""})
    return pd.DataFrame(rows)


def test_a_day_is_numbered_as_matplotlib_numbers_it_however_often_asked() -> None:
    for day in (date(1, 1, 2), date(1970, 1, 2), date(2021, 3, 15), date(9999, 12, 30)):
        assert _num(day) == float(mdates.date2num(day))
        assert _num(day) == _num(date(day.year, day.month, day.day))
    assert _num(date(1970, 1, 2)) - _num(date(1970, 1, 1)) == 1.0


def test_rows_are_the_cells_iterrows_gives_with_their_labels() -> None:
    plan = timeline_table(_events(5), published={"d1": "2021-02-01"})
    part = plan[plan["section"] == "attack"].iloc[::2]  # labels 0, 2, 4: not 0, 1, 2
    for frame in (plan, part):
        got = list(_rows(frame))
        assert [i for i, _ in got] == list(frame.index)
        for (i, row), (j, series) in zip(got, frame.iterrows(), strict=True):
            assert i == j
            assert row == series.to_dict()
    undated = [row for _, row in _rows(plan) if row["mark"] == "undated"]
    assert undated and undated[0]["x0"] is None


def test_a_lanes_timeline_draws_one_mark_per_event_in_plan_order() -> None:
    events = _events(45)  # more than 40 events: one lane per actor
    ax = plot_timeline(events, published={"d1": "2021-02-01"})
    gids = [a.get_gid() for a in (*ax.lines, *ax.patches, *ax.texts)
            if (a.get_gid() or "").startswith("wb-event-")]
    assert sorted(gids, key=lambda g: int(g.rsplit("-", 1)[1])) == \
        [f"wb-event-{i}" for i in range(46)]
    # both actors' lanes are labelled on the y axis, with their counts
    labels = " ".join(t.get_text() for t in ax.get_yticklabels())
    assert "داعش" in labels and "الحشد الشعبي" in labels


def test_a_day_is_a_dot_and_a_period_a_box_with_two_caps_in_their_actor_colour() -> None:
    events = pd.DataFrame([
        {"doc_id": "d1", "event_id": "e1", "kind": "attack", "actor": "داعش",
         "start": "2021-01-05", "end": "2021-01-05", "count_text": "", "count_value": ""},
        {"doc_id": "d1", "event_id": "e2", "kind": "attack", "actor": "داعش",
         "start": "2020-06-01", "end": "2020-11-30", "count_text": "", "count_value": ""},
    ])
    plan = timeline_table(events, published={"d1": "2021-02-01"})
    ax = plot_timeline(events, published={"d1": "2021-02-01"})
    by_gid = {a.get_gid(): a for a in (*ax.lines, *ax.patches) if a.get_gid()}
    for i, row in _rows(plan):
        mark = by_gid[f"wb-event-{i}"]
        if row["mark"] == "day":
            assert mark.get_marker() == "o" and mark.get_linestyle() == "None"
            assert mark.get_markerfacecolor() == mark.get_markeredgecolor() == row["colour"]
            assert mark.get_xdata()[0] == (_num(row["x0"]) + _num(row["x1"])) / 2
        else:
            assert row["mark"] == "period"
            caps = [by_gid[f"wb-part-{i}-{k}"] for k in (0, 1)]
            assert [c.get_xdata()[0] for c in caps] == [_num(row["x0"]), _num(row["x1"])]
            assert all(c.get_color() == row["colour"] for c in caps)
            assert all(c in ax.lines for c in caps)
