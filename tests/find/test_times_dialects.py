"""Times: the dialects' words (time_dialect.csv) read and composed as the standard words are."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.find.times import find_times
from workbench.find.times.dialect import dialect_rows, spellings
from workbench.resources import read_table
from workbench.text.arabic import match_key

REF = date(2025, 2, 27)  # a Thursday

_GROUPS = {"Egyptian", "Levantine", "Gulf", "Iraqi", "Maghrebi"}


def test_every_row_names_its_dialects_and_a_source():
    table = read_table("find/time_dialect.csv")
    for _, row in table.iterrows():
        assert set(row["dialect"].split(";")) <= _GROUPS, row["form"]
        assert row["source"].strip(), row["form"]
        assert match_key(row["form"]) == row["form"]


def test_every_group_has_its_words_for_yesterday_tomorrow_and_now():
    table = read_table("find/time_dialect.csv")
    for group in _GROUPS:
        mine = table[table["dialect"].str.split(";").apply(lambda ds, g=group: g in ds)]
        kinds = set(zip(mine["type"], mine["value"].fillna(""), strict=True))
        assert ("relative_day", "-1") in kinds, group
        assert ("now", "") in kinds, group


def test_gulf_and_iraqi_spellings_of_k_and_q():
    assert set(spellings("عقب باكر", frozenset({"Iraqi"}))) >= {"عگب باچر", "عقب باجر", "عكب باكر"}
    assert spellings("بكره", frozenset({"Egyptian"})) == ("بكره",)  # no Gulf letters in Cairo


@pytest.mark.parametrize(
    ("text", "span", "start", "part"),
    [
        ("نتقابل بكرة الصبح عند المحطة", "بكرة الصبح", "2025-02-28", "morning"),
        ("سمعنا الضرب امبارح بالليل", "امبارح بالليل", "2025-02-26", "night"),
        ("وصلوا أول امبارح", "أول امبارح", "2025-02-25", ""),
        ("الاجتماع عگب باچر", "عگب باچر", "2025-03-01", ""),
        ("يرجع باجر العصر", "باجر العصر", "2025-02-28", "afternoon"),
        ("شفتو ولبارح فالسوق", "ولبارح", "2025-02-25", ""),
        ("الماتش بعد غدا", "بعد غدا", "2025-03-01", ""),
        ("فيه حفلة الليلادي", "الليلادي", "2025-02-27", "night"),
        ("طلعنا هالصبح بكير", "هالصبح", "2025-02-27", "morning"),
    ],
)
def test_colloquial_days_and_parts_compose(text, span, start, part):
    df = find_times(text, reference=REF)
    assert list(df["text"]) == [span]
    assert df.iloc[0]["start_date"] == start
    assert df.iloc[0]["time_of_day"] == part


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("نسافر الأسبوع الياي", "الأسبوع الياي", "2025-W10"),
        ("كان الأسبوع اللي طاف", "الأسبوع اللي طاف", "2025-W08"),
        ("نتلاقاو السيمانة الجاية", "السيمانة الجاية", "2025-W10"),
        ("نشوفك يوم الحد", "يوم الحد", "2025-02-23"),
        ("موعدنا الحد الجاي", "الحد الجاي", "2025-03-02"),
        ("رجعنا التلاتا الماضي", "التلاتا الماضي", "2025-02-25"),
    ],
)
def test_colloquial_weeks_and_weekdays(text, span, value):
    df = find_times(text, reference=REF)
    assert list(df["text"]) == [span]
    assert df.iloc[0]["value"] == value


@pytest.mark.parametrize("text", ["دابا الناس خايفين", "وصلت هسا للبيت"])
def test_colloquial_now(text):
    df = find_times(text, reference=REF)
    assert len(df) == 1 and df.iloc[0]["start_date"] == "2025-02-27"


@pytest.mark.parametrize(
    "text",
    [
        "يجب وضع حد للانتهاكات",
        "الحد من انتشار السلاح",
        "كيف وصلت الأمور الى هذا الحد وبهذه السرعة",
        "قتل الاربع جنود في الهجوم",
        "التلات سيارات احترقت",
    ],
)
def test_homographs_stay_out_of_time(text):
    # الحد (the limit), الاربع (the four), التلات (the three) are weekdays only in a time slot
    assert find_times(text, reference=REF).empty


def test_rows_carry_each_spelling_as_a_row_of_its_own():
    rows = set(dialect_rows())
    assert {("باچر", "relative_day", "1", ""), ("باجر", "relative_day", "1", "")} <= rows
    assert ("بكره", "relative_day", "1", "") in rows
