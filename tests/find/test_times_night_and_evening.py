"""Times: last night, this evening, and parts of the day read against the hour of writing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


@pytest.mark.parametrize(
    ("text", "span", "value", "time_of_day"),
    [
        ("كيف مرت الليلة الماضية على الأهالي", "الليلة الماضية", "2020-05-11", "night"),
        ("فك الحصار عن البلدة منتصف الليلة الماضية،", "منتصف الليلة الماضية", "2020-05-11", "midnight"),
        ("ولقد دعوناكم هذا المساء لكي تشاركونا", "هذا المساء", "2020-05-12", "evening"),
        ("ستعلن النتائج الليلة المقبلة", "الليلة", "2020-05-12", "night"),
    ],
)
def test_last_night_and_this_evening(text, span, value, time_of_day):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"], row["time_of_day"]) == (span, value, time_of_day)


@pytest.mark.parametrize(
    ("text", "reference", "tense", "value"),
    [
        # written after midnight: this evening is the one that just ended
        ("ماتت العدالة مساء اليوم", datetime(2020, 8, 6, 1, 10), "past", "2020-08-05"),
        ("ماتت العدالة مساء اليوم", datetime(2020, 8, 6, 21, 10), "past", "2020-08-06"),
        # a morning told as past, written at 00:15, is the morning of the day before
        ("رأيته صباح اليوم في المركز", datetime(2021, 3, 2, 0, 15), "past", "2021-03-01"),
        ("سيصل صباح اليوم", datetime(2021, 3, 2, 0, 15), "future", "2021-03-02"),
        # the evening of the reference day's own weekday, written that morning, is that evening
        ("كلمة للرئيس مساء الجمعة", datetime(2020, 5, 15, 4, 58), "future", "2020-05-15"),
        ("كلمة للرئيس مساء الجمعة", datetime(2020, 5, 15, 22, 0), "future", "2020-05-22"),
        ("كلمة للرئيس مساء الجمعة المقبلة", datetime(2020, 5, 15, 4, 58), "future", "2020-05-22"),
        ("ليتم وقف إطلاق النار مساء اليوم الخميس", date(2021, 5, 20), "future", "2021-05-20"),
    ],
)
def test_parts_of_the_day_against_the_hour_of_writing(text, reference, tense, value):
    assert one(text, reference=reference, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("text", "span", "part"),
    [
        ("خرجت المسيرة بعد صلاة العصر", "العصر", "afternoon"),  # a prayer names its part of the day
        ("وقع الانفجار قبيل أذان المغرب", "المغرب", "evening"),
        ("عاد المصلون عقب صلاة الفجر", "الفجر", "dawn"),
    ],
)
def test_a_prayer_is_its_part_of_the_day(text, span, part):
    row = find_times(text, reference=date(2024, 5, 15)).iloc[0]
    assert (row["text"], row["time_of_day"]) == (span, part)


def test_morocco_and_dinner_are_no_time():
    assert find_times("وصل الوفد إلى المغرب وتناول العشاء", reference=date(2024, 5, 15)).empty


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سافر الشهر اللي فات", "2024-04"),  # Levantine and Egyptian "the one that passed"
        ("شفته الجمعة اللي فاتت", "2024-05-10"),
    ],
)
def test_the_one_that_passed(text, value):
    assert find_times(text, reference=date(2024, 5, 15)).iloc[0]["value"] == value
