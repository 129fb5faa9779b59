"""find_mentions: the four finders together, overlaps resolved, never raising."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.mentions import (
    SEED_REFERENCE,
    date_case_scores,
    date_summary,
    number_case_scores,
    seed_checklist,
    seed_mentions,
)
from workbench.arabic import GAP_MARKER
from workbench.mentions import BASE_COLUMNS, find_mentions

SEED_CLEAN = Path(__file__).parent / "data" / "mentions_seed_000.txt"


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


def test_nisba_is_not_a_place():
    df = find_mentions("في المدن العراقية")
    assert "Iraq" not in df[df["kind"] == "place"]["value"].tolist()


def test_seed_times_and_counts():
    df = seed_mentions(SEED_CLEAN.read_text(encoding="utf-8"))
    check = seed_checklist(df)
    assert check["ok"].all(), check[~check["ok"]]


def test_date_cases_floor():
    summary = date_summary(date_case_scores(tense="future", with_dateparser=False))
    assert summary.loc["HEADLINE day+month+year+interval-day", "ours"] >= 0.92
    assert summary.loc["week", "ours"] >= 0.85


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
