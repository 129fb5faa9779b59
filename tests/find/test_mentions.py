"""find_mentions: the four finders together, overlaps resolved, never raising."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks.mentions import (
    SEED_REFERENCE,
    date_case_scores,
    date_summary,
    number_case_scores,
    seed_checklist,
    seed_mentions,
)
from workbench.find.actors import find_actors
from workbench.find.mentions import BASE_COLUMNS, find_mentions
from workbench.find.places import find_places
from workbench.find.quantities import COLUMNS as QUANTITY_COLUMNS
from workbench.find.quantities import _quantity_at, find_quantities, quantity_rows
from workbench.find.times import COLUMNS as TIME_COLUMNS
from workbench.find.times import find_times, finder, time_rows
from workbench.text.arabic import GAP_MARKER, fold_positions, match_key
from workbench.text.lexmatch import fold
from workbench.text.tokens import tokenize
from workbench.text.wordlex import table_lexicon

SEED_CLEAN = Path(__file__).parents[1] / "data" / "mentions_seed_000.txt"


def test_empty_text_gives_the_columns():
    df = find_mentions("")
    assert list(df.columns) == BASE_COLUMNS and df.empty


def test_offsets_and_union_of_columns():
    text = f"شن داعش أكثر من {GAP_MARKER} هجومًا على القوات العراقية في الأنبار خلال شهر نيسان 2020"
    df = find_mentions(text, reference=date(2020, 5, 1))
    for row in df.itertuples():
        assert text[row.start:row.end] == row.text
    assert {"time", "quantity", "place"} <= set(df["kind"])
    assert df["start"].is_monotonic_increasing
    assert {"unit_key", "start_date", "precision"} <= set(df.columns)
    assert not df.isna().any().any()


def test_time_beats_the_number_inside_it():
    df = find_mentions("في 5 حزيران 2014", reference=date(2020, 5, 1))
    assert df["kind"].tolist() == ["time"]


def test_a_place_governed_by_a_preposition_inside_an_actor_stays_a_place():
    for text in ("هاجمت الميليشيات الموالية لإيران القاعدة", "انتشرت قوات الحشد الشعبي في الأنبار"):
        df = find_mentions(text)
        assert "place" in set(df["kind"]) and "actor" in set(df["kind"]), text


def test_nisba_is_not_a_place():
    df = find_mentions("في المدن العراقية")
    assert "Iraq" not in df[df["kind"] == "place"]["value"].tolist()


def test_seed_times_and_counts():
    df = seed_mentions(SEED_CLEAN.read_text(encoding="utf-8"))
    check = seed_checklist(df)
    assert check["ok"].all(), check[~check["ok"]]


@pytest.mark.eval_data
def test_date_cases_floor():
    summary = date_summary(date_case_scores(tense="future", with_dateparser=False))
    assert summary.loc["HEADLINE day+month+year+interval-day", "ours"] >= 0.92
    assert summary.loc["week", "ours"] >= 0.85


@pytest.mark.eval_data
def test_number_cases_floor():
    scores = number_case_scores()
    assert scores["ok"].mean() >= 0.95


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("منذ أكتوبر[…]–/-.,،0123456789٠١٢٣ هجومًا بين و\u0640\n")),
               max_size=60))
def test_never_raises(text):
    df = find_mentions(text, reference=SEED_REFERENCE)
    for row in df.itertuples():
        assert text[row.start:row.end] == row.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_on_any_string(text):
    find_mentions(text)


@pytest.mark.parametrize("reference", [None, date(2020, 5, 1)])
def test_reference_may_be_missing(reference):
    df = find_mentions("هاجم التنظيم الموصل أمس", reference=reference)
    assert "time" in set(df["kind"])


# --- one folding shared by the finders; candidate filters that lose nothing -------------

NEWSFANE_EXCERPT = Path(__file__).parents[1] / "data" / "newsfane_excerpt.txt"


def _excerpt_sentences() -> list[str]:
    raw = NEWSFANE_EXCERPT.read_text(encoding="utf-8-sig").replace("\u200e", "")
    return [" ".join(line.split("\t")[0] for line in block.splitlines() if "\t" in line)
            for block in raw.split("\n\n") if block.strip()]


def test_shipped_fold_table_is_what_camel_tools_gives() -> None:
    # data/fold_table.tsv spares every process the camel-tools import; it must not drift
    from workbench.text.arabic import _fold_table, camel_fold_table

    assert _fold_table() == camel_fold_table()
    assert match_key("الأنبــار") == "الانبار" and match_key("مُستشفى") == "مستشفي"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("بَغْدادُ الأنبــار هجومًا کرکوک ى ة إ 12 ٣\u0670\u064b")),
               max_size=700))
def test_fold_positions_agrees_with_match_key(text):
    key, kept = fold_positions(text)
    assert key == match_key(text)
    assert kept.tolist() == [i for i, ch in enumerate(text) if match_key(ch)]


MAY_2020 = date(2020, 5, 12)  # a Tuesday


def _time_rows_everywhere(text: str, reference: date | None) -> list[dict]:
    """The grammar tried at every token, not only where the candidate pattern points: what
    the candidate filter must keep."""
    real = finder.candidates
    finder.candidates = lambda toks, folded: range(len(toks))
    try:
        return time_rows(text, reference=reference)
    finally:
        finder.candidates = real


def _quantity_rows_everywhere(text: str) -> list[dict]:
    toks = tokenize(text, pieces=True)
    rows, i = [], 0
    while i < len(toks):
        got = _quantity_at(text, toks, i)
        if got is None:
            i += 1
            continue
        rows.append(got[0])
        i = got[1]
    return rows


def _vocabulary() -> list[str]:
    tables = ("find/time_words.csv", "text/months.csv", "text/number_words.csv", "find/quantity_cues.csv")
    words = {form for name in tables for form in table_lexicon(name).items_forms()}
    return [
        *sorted(words),
        "أكتوبر", "نيسان", "منذ", "بين", "و2017", "2014", "١٢", "31", "5", "/", "-", ".", "،",
        GAP_MARKER, "هجومًا", "في", "من", "إلى", "الماضي", "قبل", "أيام", "ثلاثة", "يوم", "هـ",
        "قتيل", "الموصل", "قال", "التي", "\n\n",
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_vocabulary()), max_size=14), st.sampled_from([" ", ""]))
@example(["الفين", "اسابيع"], " ")  # a count that begins with a scale word: two thousand weeks
@example(["بحدود", "ثمان"], " ")  # a cardinal after an approximator is a count, no clock
@example(["قبل الظهر", "الجمعه"], " ")  # ظهر under the article begins ظهر الجمعة
@example(["gmt", "اثنان", "gmt"], " ")  # a zone never begins a clock
@example(["اثنان", "بتوقيت gmt"], " ")  # a zone after an hour word makes a clock
@example(["الثالث", "الحالي"], " ")  # a day of this month said by الحالي alone
def test_candidate_filters_lose_no_time_or_count(words, sep):
    # words run together, or spaced with a full stop after every third (sentence ends)
    text = sep.join(words) if sep else " ".join(w if i % 3 else w + "." for i, w in enumerate(words))
    assert time_rows(text, reference=SEED_REFERENCE) == _time_rows_everywhere(text, SEED_REFERENCE)
    assert quantity_rows(text) == _quantity_rows_everywhere(text)


def test_candidate_filters_lose_nothing_on_real_text():
    texts = [SEED_CLEAN.read_text(encoding="utf-8"), *_excerpt_sentences()]
    for text in texts:
        assert time_rows(text, reference=SEED_REFERENCE) == _time_rows_everywhere(text, SEED_REFERENCE)
        assert time_rows(text) == _time_rows_everywhere(text, None)
        assert quantity_rows(text) == _quantity_rows_everywhere(text)


def test_a_shared_folding_changes_no_finder():
    text = SEED_CLEAN.read_text(encoding="utf-8")
    folded = fold(text)
    pairs = [
        (find_quantities(text), find_quantities(text, folded=folded)),
        (find_places(text), find_places(text, folded=folded)),
        (find_actors(text), find_actors(text, folded=folded)),
    ]
    for alone, shared in pairs:
        assert alone.equals(shared)
    assert list(find_times(text).columns) == TIME_COLUMNS
    assert list(find_quantities(text).columns) == QUANTITY_COLUMNS


@pytest.mark.parametrize("text", [
    "منذ أكتوبر", "بين 2014 و2017", "من 13 إلى 15 تموز", "قبل ثلاثة أيام", "خلال يومين",
    "حتى نهاية العام", "منذ .5 أيام", "من أسبوع", "بعد غد", "في هذا الأسبوع", "من القوات",
    f"بين {GAP_MARKER} – {GAP_MARKER}", f"خلال فترة بين {GAP_MARKER} و {GAP_MARKER}",
])
def test_anchors_are_tried_where_a_time_may_follow(text):
    assert time_rows(text, reference=SEED_REFERENCE) == _time_rows_everywhere(text, SEED_REFERENCE)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("بعد غد", ["2020-05-14"]),  # an anchor that begins a two-word day offset
        ("في هذه اللحظة", ["2020-05-12"]),
        ("بعد ثلاثة أيام", ["P3D"]),  # in a past narrative: a length, not a date from now
        ("بعد 3 أيام", ["P3D"]),
        ("في 3 آلاف يوم", ["P3000D"]),  # a scale word between the digits and the unit
        ("ثلاثة ملايين ساعة", ["PT3000000H"]),
        ("منذ 1 فاصلة 5 ساعة", ["PT5H"]),
        ("من 13 - 15 تموز", ["2019-07-13/2019-07-15", "2019-07-13", "2019-07-15"]),
        ("13 الى 15 تموز", ["2019-07-13/2019-07-15", "2019-07-13", "2019-07-15"]),
        ("2014 – 2017", ["2014/2017", "2014", "2017"]),
        ("5 من حزيران", ["2019-06-05"]),
        ("5 في حزيران 2014", ["2014-06-05"]),
        ("2014-05-12", ["2014-05-12"]),
        ("مليون دولار بعد ذلك", []),
        ("هذا القرار", []),
        ("قال 25 شخصا إن 2019 كان صعبا", []),
        ("13 و 15", []),
    ],
)
def test_candidate_checks_skip_only_tokens_without_a_time(text, values):
    rows = _time_rows_everywhere(text, MAY_2020)
    assert [r["value"] for r in rows] == values
    assert find_times(text, reference=MAY_2020).to_dict("records") == rows


def test_all_columns_name_every_column_a_finder_adds() -> None:
    """A corpus table takes its header from ALL_COLUMNS; a column missing there would be lost."""
    from workbench.find.mentions import ALL_COLUMNS

    text = (
        "قالت قيادة العمليات المشتركة إن تنظيم داعش هاجم قرية في محافظة ديالى يوم 5 أيار 2020 "
        "عند الساعة الثامنة مساء، ما أدى إلى مقتل ثلاثة أشخاص وإصابة 12 آخرين بجروح على بعد 20 كيلومترا."
    )
    df = find_mentions(text, reference=date(2020, 5, 20))
    assert set(df["kind"]) == {"time", "actor", "place", "quantity"}
    assert list(df.columns) == [c for c in ALL_COLUMNS if c in df.columns]
    assert set(df.columns) == set(ALL_COLUMNS)
