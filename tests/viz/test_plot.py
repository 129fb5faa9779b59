"""Timeline plots: date labels, one mark per event drawn by how its date is known,
lost counts written "؟", Arabic left for matplotlib to shape, files written."""

from __future__ import annotations

import re
from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from workbench.text.dates import parse_date_span
from workbench.viz.governorates import governorate_table, plot_by_governorate
from workbench.viz.labels import count_label, date_label
from workbench.viz.plan import timeline_table
from workbench.viz.style import font_families
from workbench.viz.timeline import (
    focus_window,
    plot_timeline,
    save_timeline,
    timeline_figure,
    timeline_svg,
)

EVENT_COLUMNS = [
    "doc_id", "event_id", "claim_id", "kind", "event_type", "sub_event_type", "actor",
    "actor_type", "target", "places", "admin1", "country", "start", "end", "date_text",
    "date_precision", "date_flags", "proposed_year", "proposed_basis", "count_text",
    "count_value", "count_min", "count_max", "count_flags", "fatalities", "modality", "source",
    "claim_start", "claim_end",
]


def _event(**values: object) -> dict:
    row = dict.fromkeys(EVENT_COLUMNS, "")
    row.update(values)
    return row


@pytest.fixture
def events() -> pd.DataFrame:
    """The kinds of event an article like the seed reports, one of each kind of date."""
    rows = [
        _event(doc_id="d1", event_id="e1", claim_id="c1", kind="attack",
               event_type="Battles", actor="داعش", target="القوات العراقية",
               places="الأنبار|نينوى|صلاح الدين", admin1="IQ-AN|IQ-NI|IQ-SD",
               start="2020-04", end="2020-04", date_text="خلال شهر أبريل",
               count_text="أكثر من [\u2026] هجومًا", count_flags="count_missing;more_than",
               modality="asserted"),
        _event(doc_id="d1", event_id="e2", claim_id="c2", kind="attack",
               event_type="Battles", actor="الميليشيات الولائية", start="2019-10", end="2020-05",
               count_flags="count_missing;more_than", modality="asserted"),
        _event(doc_id="d1", event_id="e3", claim_id="c3", kind="victory_declaration",
               event_type="Strategic developments", actor="الحكومة العراقية", start="XXXX-12",
               date_flags="year_missing", proposed_year="2017",
               proposed_basis="reference chronology", modality="asserted"),
        _event(doc_id="d1", event_id="e4", claim_id="c4", kind="talks",
               event_type="Strategic developments", actor="الحكومة العراقية", start="2020-06",
               modality="future"),
        _event(doc_id="d1", event_id="e5", claim_id="c5", kind="armed_clash",
               event_type="Battles", actor="داعش", admin1="IQ-DI", start="2020-05-02",
               count_value="12", count_text="12 قتيلًا", modality="asserted"),
        _event(doc_id="d1", event_id="e6", claim_id="c6", kind="parliamentary_vote",
               event_type="Strategic developments", actor="مجلس النواب", start="XXXX-01",
               modality="asserted"),
    ]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


# --- date labels ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("span", "lang", "expected"),
    [
        (("2020-04",), "ar", "أبريل 2020"),
        (("2020-04-02",), "ar", "2 أبريل 2020"),
        (("2020-04",), "en", "Apr 2020"),
        (("2019-10", "2020-05"), "ar", "أكتوبر 2019 – مايو 2020"),
        (("2020",), "en", "2020"),
    ],
)
def test_date_label(span, lang, expected):
    assert date_label(parse_date_span(*span), lang=lang) == expected


def test_date_label_marks_a_proposed_year():
    assert date_label(parse_date_span("XXXX-12", proposed_year=2017), lang="en") == "Dec 2017?"


# --- counts -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("event", "lang", "expected"),
    [
        ({"count_flags": "count_missing;more_than"}, "ar", "أكثر من ؟"),
        ({"count_flags": "count_missing;more_than"}, "en", "more than ?"),
        ({"count_flags": "count_missing"}, "ar", "؟"),
        ({"count_flags": "count_missing", "count_text": "من [\u2026] معسكرات"}, "ar",
         "من ؟ معسكرات"),
        # A missing count never shows a number, even a stale one left in other columns.
        ({"count_flags": "count_missing;more_than", "count_value": 40, "count_min": 40},
         "en", "more than ?"),
        ({"count_flags": "count_missing", "count_text": "40 هجومًا"}, "ar", "؟"),
        ({"count_value": "12"}, "en", "12"),
        ({"count_value": 12.0, "count_flags": "more_than"}, "en", "more than 12"),
        ({"count_min": "20", "count_max": "99", "count_flags": "vague"}, "en", "20–99"),
        ({"count_value": "12", "count_text": "12 قتيلًا"}, "ar", "12 قتيلًا"),
        ({}, "ar", ""),
    ],
)
def test_count_label(event, lang, expected):
    assert count_label(event, lang=lang) == expected


# --- the plan and the marks --------------------------------------------------------------

def _marks(ax) -> dict[int, object]:
    found = {}
    for artist in ax.get_children():
        gid = artist.get_gid() or ""
        match = re.fullmatch(r"wb-event-(\d+)", gid)
        if match:
            assert int(match.group(1)) not in found, "two marks for one event"
            found[int(match.group(1))] = artist
    return found


def _texts(ax, prefix: str) -> dict[int, str]:
    """Texts by event row, without the bidi mark that sets their direction."""
    return {int(t.get_gid().rsplit("-", 1)[1]): t.get_text().lstrip("\u200e\u200f")
            for t in ax.texts if (t.get_gid() or "").startswith(prefix)}


def test_one_mark_per_event_of_the_right_kind(events):
    plan = timeline_table(events, published="2020-05")
    ax = plot_timeline(events, published="2020-05")
    marks = _marks(ax)
    assert len(plan) == len(events) == len(marks)
    by_event = dict(zip(plan["event_id"], plan.index, strict=True))

    month = marks[by_event["e1"]]  # stated month: a filled box one month wide
    assert isinstance(month, Rectangle)
    assert month.get_width() == pytest.approx(30)
    assert month.get_linestyle() == "-" and month.get_facecolor()[3] > 0.5
    assert not month.get_hatch()

    period = marks[by_event["e2"]]  # period: a thin bar from October to the end of May
    assert isinstance(period, Rectangle)
    assert period.get_width() == pytest.approx((date(2020, 6, 1) - date(2019, 10, 1)).days)
    assert period.get_height() < month.get_height()

    proposed = marks[by_event["e3"]]  # lost year proposed: hollow, dashed, with "؟"
    assert isinstance(proposed, Rectangle)
    assert proposed.get_linestyle() == "--"
    assert proposed.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    parts = [t.get_text() for t in ax.texts
             if (t.get_gid() or "").startswith(f"wb-part-{by_event['e3']}-")]
    assert parts == ["؟"]

    future = marks[by_event["e4"]]  # expected after publication: hatched, set apart
    assert future.get_hatch() == "////"
    assert any(p.get_gid() == "wb-published-after" for p in ax.patches)

    day = marks[by_event["e5"]]  # stated day: a dot
    assert isinstance(day, Line2D) and day.get_marker() == "o"

    undated = marks[by_event["e6"]]  # year lost and nothing proposed: "؟", not placed
    assert isinstance(undated, Text) and undated.get_text() == "؟"
    assert plan.loc[by_event["e6"], "section"] == "undated"

    assert plan.loc[by_event["e3"], "proposed"] and plan.loc[by_event["e4"], "future"]
    assert any((p.get_gid() or "") == "wb-published-0" for p in ax.patches)


def test_a_missing_count_is_a_question_mark_not_a_number(events):
    ax = plot_timeline(events, published="2020-05")
    plan = timeline_table(events, published="2020-05")
    counts = _texts(ax, "wb-count-")
    for i, row in plan.iterrows():
        if row["event_id"] in ("e1", "e2"):
            assert "؟" in counts[i]
            assert not re.search(r"\d", counts[i])
    assert counts[int(plan.index[plan["event_id"] == "e1"][0])] == "أكثر من ؟ هجومًا"
    en = _texts(plot_timeline(events, lang="en"), "wb-count-")
    assert en[int(plan.index[plan["event_id"] == "e2"][0])] == "more than ?"


def test_arabic_is_left_for_matplotlib_to_shape(events):
    ax = plot_timeline(events, published="2020-05")
    fig = ax.figure
    texts = [t.get_text() for t in fig.findobj(Text)]
    assert any("داعش" in t for t in texts)
    # No presentation forms: pre-shaped text would come out reversed on matplotlib ≥ 3.11.
    assert not any(re.search("[\ufb50-\ufdff\ufe70-\ufeff]", t) for t in texts)
    assert font_families("ar")[-1] == "DejaVu Sans"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels and all(label.startswith("\u200f") for label in labels)  # RIGHT-TO-LEFT MARK


def test_english_labels(events):
    ax = plot_timeline(events, lang="en", published="2020-05")
    texts = " ".join(t.get_text() for t in ax.figure.findobj(Text))
    assert "Attacks" in texts and "Stated month (some time in it)" in texts
    assert "Published: May 2020" in texts
    assert "Anbar" in texts  # places named in English from the gazetteer


def test_layout_lanes_keeps_one_mark_per_event(events):
    many = pd.concat([events] * 8, ignore_index=True)
    many["event_id"] = [f"e{i}" for i in range(len(many))]
    ax = plot_timeline(many, max_rows=20)
    assert len(_marks(ax)) == len(many)
    n_lanes = len(ax.get_yticks())
    assert n_lanes < 12  # one row per section and actor, not per event


def test_no_pyplot_state_leaks(events):
    before = plt.get_fignums()
    ax = plot_timeline(events)
    plot_by_governorate(events)
    assert plt.get_fignums() == before
    assert isinstance(ax.figure, Figure)


def test_empty_events_give_a_figure_that_says_so(tmp_path):
    ax = plot_timeline(pd.DataFrame())
    assert [t.get_text() for t in ax.texts if t.get_gid() == "wb-empty"] == [
        "لا أحداث لرسمها: لم يُستخرج أي حدث من الوثائق"]
    save_timeline(pd.DataFrame(), tmp_path / "t.png", tmp_path / "t.svg")
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "t.svg").read_text(encoding="utf-8")


def test_save_timeline_writes_linked_svg_with_hover_text(events, tmp_path):
    save_timeline(events, tmp_path / "t.png", tmp_path / "t.svg", published="2020-05")
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert (tmp_path / "t.png").stat().st_size > 10_000
    assert svg.count('<g id="wb-event-') == len(events)
    assert len(re.findall(r'<g id="wb-event-\d+"[^>]*><title>', svg)) == len(events)
    assert 'href="report.html#event-d1-e1"' in svg
    assert "<dc:date>" not in svg  # reproducible: no timestamp


def test_save_timeline_writes_the_svg_a_separate_drawing_gives(events, tmp_path):
    # `workbench run` with several jobs draws the PNG in another process and the SVG alone:
    # the two ways must write the same file.
    text = save_timeline(events, tmp_path / "t.png", tmp_path / "t.svg", published="2020-05")
    assert text == timeline_svg(events, published="2020-05", link="report.html#{anchor}")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8") == text


def test_save_timeline_writes_the_png_a_separate_drawing_gives(events, tmp_path):
    # the PNG drawn after the SVG on one figure is the PNG of a figure drawn for it alone
    save_timeline(events, tmp_path / "both.png", tmp_path / "both.svg", published="2020-05")
    save_timeline(events, tmp_path / "alone.png", published="2020-05")
    assert (tmp_path / "both.png").read_bytes() == (tmp_path / "alone.png").read_bytes()


def test_texts_measured_once_draws_the_same_files_and_leaves_matplotlib_as_it_was(events, tmp_path):
    from matplotlib import text as mtext

    from workbench.viz.style import texts_measured_once

    own = mtext._get_text_metrics_function
    save_timeline(events, tmp_path / "plain.png", published="2020-05")
    plain_svg = timeline_svg(events, published="2020-05")
    with texts_measured_once():
        with texts_measured_once():  # nested: the outer block's measures serve
            save_timeline(events, tmp_path / "once.png", published="2020-05")
        once_svg = timeline_svg(events, published="2020-05")
    assert (tmp_path / "once.png").read_bytes() == (tmp_path / "plain.png").read_bytes()
    assert once_svg == plain_svg
    assert mtext._get_text_metrics_function is own


def test_a_rehearsed_process_draws_the_same_timeline(events, tmp_path):
    from workbench.viz.timeline import rehearse

    save_timeline(events, tmp_path / "a.png", tmp_path / "a.svg", published="2020-05")
    rehearse()
    save_timeline(events, tmp_path / "b.png", tmp_path / "b.svg", published="2020-05")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_published_per_document(events):
    two = events.copy()
    two.loc[4, "doc_id"] = "d2"
    ax = plot_timeline(two, published={"d1": "2020-05", "d2": "2020-05-10"})
    published = [a for a in ax.get_children()
                 if re.fullmatch(r"wb-published-\d", a.get_gid() or "")]
    assert len(published) == 2


# --- governorates -----------------------------------------------------------------------

def test_governorate_table_counts_reports_not_attacks(events):
    table = governorate_table(events)
    rows = {r.governorate: (r.single, r.shared) for r in table.itertuples()}
    # e1 names three governorates (counted in each, as shared); e5 names Diyala alone.
    assert rows == {"الأنبار": (0, 1), "نينوى": (0, 1), "صلاح الدين": (0, 1),
                    "ديالى": (1, 0), "مكان غير محدد": (1, 0)}
    assert table["governorate"].iloc[-1] == "مكان غير محدد"
    en = governorate_table(events, lang="en")
    assert set(en["governorate"]) >= {"Anbar", "Nineveh", "Salah al-Din", "Diyala"}


def test_plot_by_governorate_draws_one_bar_per_governorate(events):
    ax = plot_by_governorate(events)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 5
    bars = {p.get_gid().split("-")[2] for p in ax.patches
            if (p.get_gid() or "").startswith("wb-bar-")}
    assert len(bars) == 5
    empty = plot_by_governorate(events[events["kind"] == "talks"])
    assert any("لا هجمات" in t.get_text() for t in empty.texts)


def test_rows_split_per_governorate_share_one_mark():
    """ACLED-style coding splits one report over its governorates; the source gave one
    count for all of them, so the timeline draws one mark and the chart hatches them."""
    rows = [
        _event(doc_id="d1", event_id=f"e{i}", claim_id="c1", kind="attack",
               event_type="Battles", actor="داعش", places="الأنبار;نينوى;صلاح الدين",
               admin1=name, start="2020-04", end="2020-04", trigger_start=120,
               count_text="أكثر من [\u2026] هجومًا", count_value="missing",
               count_flags="count_missing;more_than;shared_across_places")
        for i, name in enumerate(["Anbar", "Nineveh", "Salah al-Din"], start=1)
    ]
    rows.append(_event(doc_id="d1", event_id="e4", claim_id="c2", kind="attack",
                       event_type="Battles", actor="داعش", admin1="Diyala", start="2020-04"))
    events = pd.DataFrame(rows)
    plan = timeline_table(events)
    assert len(plan) == 2 and len(_marks(plot_timeline(events))) == 2
    shared = plan[plan["event_ids"] == "e1;e2;e3"].iloc[0]
    assert "الأنبار" in shared["label"] and "+1" in shared["label"]
    assert shared["count"] == "أكثر من ؟ هجومًا"
    assert shared["anchor"] == "event-d1-e1"
    table = governorate_table(events)
    assert {r.governorate: (r.single, r.shared) for r in table.itertuples()} == {
        "الأنبار": (0, 1), "نينوى": (0, 1), "صلاح الدين": (0, 1), "ديالى": (1, 0)}


def test_a_window_shows_outside_events_as_edge_arrows(events):
    plan = timeline_table(events, published="2020-05")
    ax = plot_timeline(events, published="2020-05", window=("2020-01", "2020-08"))
    marks = _marks(ax)
    assert len(marks) == len(events)
    before = marks[int(plan.index[plan["event_id"] == "e3"][0])]  # December 2017, proposed
    assert isinstance(before, Text)
    assert before.get_text() == "\u200fديسمبر 2017؟ \u25c0"  # RLM, date, LEFT-POINTING TRIANGLE
    inside = marks[int(plan.index[plan["event_id"] == "e1"][0])]
    assert isinstance(inside, Rectangle)
    with pytest.raises(ValueError, match="window"):
        plot_timeline(events, window=("2020-08", "2020-01"))


def test_a_close_up_panel_when_events_reach_far_back(events):
    far = pd.concat([events, pd.DataFrame([_event(
        doc_id="d1", event_id="e7", claim_id="c7", kind="territory_capture",
        event_type="Battles", actor="داعش", start="XXXX", proposed_year="2014/2017")])],
        ignore_index=True)
    two = timeline_figure(far, published="2020-05")
    assert len(two.axes) == 2
    # Each panel has one mark per event, under ids of its own.
    ids = [a.get_gid() for ax in two.axes for a in ax.get_children()
           if re.fullmatch(r"wb(-close)?-event-\d+", a.get_gid() or "")]
    assert len(ids) == 2 * len(far) == len(set(ids))
    assert focus_window(timeline_table(far), [parse_date_span("2020-05")]) == (
        date(2019, 5, 1), date(2020, 9, 1))
    near = events[events["event_id"] != "e3"]  # everything within months of publication
    assert len(timeline_figure(near, published="2020-05").axes) == 1
    assert len(timeline_figure(far).axes) == 1  # no publication date: no close-up


def test_a_history_from_the_first_centuries_is_drawn(tmp_path):
    """Events dated عام 31 or سنة 36 هجري (656) beside 2020: the axis stays inside the years
    matplotlib can draw instead of failing the whole run."""
    rows = [
        _event(doc_id="d1", event_id="e1", kind="attack", event_type="Battles", start="0031",
               end="0031", date_text="عام 31"),
        _event(doc_id="d1", event_id="e2", kind="attack", event_type="Battles", start="0656-11-04",
               end="0656-11-04", date_text="سنة 36 هجري"),
        _event(doc_id="d1", event_id="e3", kind="attack", event_type="Battles", start="2020-05-02",
               end="2020-05-02"),
    ]
    ax = plot_timeline(pd.DataFrame(rows, columns=EVENT_COLUMNS), published="2020-05")
    lo = ax.get_xlim()[0]
    assert lo >= 1.0 - 719163 and len(_marks(ax)) == 3  # matplotlib's day number of year 1
    save_timeline(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "t.png", published="2020-05")
    plt.close("all")


def test_resolved_tolls_and_background_events_on_the_timeline():
    """Killed and wounded of a resolved event label its mark; an attack the article only
    recalls is drawn with the context events, and its note says so."""
    events = pd.DataFrame([
        {"doc_id": "d", "event_id": "e1", "kind": "explosion", "event_type": "Explosions/Remote violence",
         "start": "2016-07-03", "end": "2016-07-03", "fatalities": "4", "injured": "9", "role": "main"},
        {"doc_id": "d", "event_id": "e2", "kind": "explosion", "event_type": "Explosions/Remote violence",
         "start": "2016-05-15", "end": "2016-05-15", "fatalities": "", "injured": "", "role": "background"},
    ])
    plan = timeline_table(events).set_index("event_id")
    assert plan.loc["e1", "section"] == "attack" and plan.loc["e1", "count"] == "4 قتيلًا، 9 جريحًا"
    assert plan.loc["e2", "section"] == "context" and "حدث سابق" in plan.loc["e2", "note"]
    assert timeline_table(events, lang="en").set_index("event_id").loc["e1", "count"] == "4 killed, 9 wounded"


def test_fonts_found_once_finds_the_same_files_and_leaves_matplotlib_as_it_was():
    from matplotlib import font_manager

    from workbench.viz.style import fonts_found_once

    manager = font_manager.fontManager
    prop = font_manager.FontProperties(family=list(font_families("ar")), size=9)
    plain = manager._find_fonts_by_props(prop)
    with fonts_found_once():
        first = manager._find_fonts_by_props(prop)
        prop.set_size(12)  # another size: the same files, found without a search
        again = manager._find_fonts_by_props(prop)
        bold = font_manager.FontProperties(family=list(font_families("ar")), weight="bold")
        assert manager._find_fonts_by_props(bold) == type(manager)._find_fonts_by_props(
            manager, bold)
        with fonts_found_once():  # nested: the outer block's memo serves
            inner = manager._find_fonts_by_props(prop)
    assert first == again == inner == plain
    assert "_find_fonts_by_props" not in manager.__dict__



@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_count_of_events_stands_clear_of_a_long_title(events, lang):
    ax = plot_timeline(events, published="2020-05", lang=lang, title="هجمات وأحداث " * 12)
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    title = ax.get_title(loc="right" if lang == "ar" else "left")
    count = next(t for t in ax.texts if t.get_text().startswith(("الأحداث", "events")))
    title_box = next(t for t in (ax.title, ax._left_title, ax._right_title)
                     if t.get_text() == title).get_window_extent(renderer)
    assert count.get_window_extent(renderer).y0 > title_box.y1


def test_a_lane_beyond_the_window_names_every_date_once():
    rows = [_event(doc_id="d1", event_id=f"e{k}", claim_id=f"c{k}", kind="attack",
                   event_type="Battles", actor="مسلحون", start=start, end=start,
                   modality="asserted")
            for k, start in enumerate(["1994-10", "1853", "1984", "1994-10", "2010-05"])]
    ax = plot_timeline(pd.DataFrame(rows), layout="lanes", lang="en",
                       window=("2003-01", "2021-12"))
    marks = _marks(ax)
    assert len(marks) == len(rows)
    edge = [m for m in marks.values() if isinstance(m, Text)]
    assert len(edge) == 4 and [m.get_visible() for m in edge].count(True) == 1
    shown = next(m for m in edge if m.get_visible()).get_text()
    assert shown == "\u200e\u25c0 1853, 1984, Oct 1994"
    assert isinstance(marks[4], Rectangle)  # May 2010, inside the window
