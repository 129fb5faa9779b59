"""Times: a running day count is a length, not today; a number before a counted noun is a
toll, not a year; before and after noon as parts of the day; منذ + a part of the day keeps
it. Sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يواصل الأسرى إضرابهم لليوم السادس والعشرين على التوالي", "P26D"),
        ("يواصل الأسير إضرابه لليوم 107 على التوالي", "P107D"),
        ("تتواصل الغارات لليوم الـ224 على التوالي", "P224D"),
        ("يخوض الأسير إضرابه لليوم 71", "P71D"),
    ],
)
def test_a_running_day_count_is_a_length(text, value):
    df = find_times(text, reference=MAY_2020)
    assert df["value"].tolist() == [value]
    assert df["rule"].tolist() == ["day_count"]


def test_a_rank_in_words_without_running_is_no_count():
    # قال لـ«اليوم السابع» names a paper: a rank in words is a count only with على التوالي
    df = find_times("وقال المسؤول لليوم السابع إن الوضع هادئ", reference=MAY_2020)
    assert "day_count" not in df["rule"].tolist()


def test_a_number_before_a_counted_noun_is_no_year():
    row = one("في السابع من يوليو", reference=date(2014, 7, 28))
    assert row["value"] == "2014-07-07"
    df = find_times("ارتفعت الحصيلة منذ السابع من يوليو إلى 1130 شهيداً", reference=date(2014, 7, 28))
    assert df["value"].tolist() == ["2014-07-07/2014-07-28", "2014-07-07"]  # the span, its start
    assert find_times("ارتفع العدد إلى 1200 قتيل", reference=MAY_2020).empty
    assert one("في عام 2014", reference=MAY_2020)["value"] == "2014"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("قبيل ظهر اليوم", "morning"),
        ("قبل الظهر اليوم", "morning"),
        ("بعد الظهر اليوم", "afternoon"),
    ],
)
def test_before_and_after_noon(text, part):
    row = one(text, reference=MAY_2020)
    assert (row["value"], row["time_of_day"]) == ("2020-05-12", part)


def test_since_a_part_of_the_day_keeps_it():
    row = one("منذ ساعات الصباح", reference=MAY_2020)
    assert (row["value"], row["time_of_day"]) == ("2020-05-12/2020-05-12", "morning")
    assert one("منذ فجر أمس", reference=MAY_2020)["time_of_day"] == "dawn"


def test_a_zone_in_brackets_puts_a_clock_on_the_24_hour_clock():
    row = one("الساعة 12:00 (CAT)", reference=MAY_2020)
    assert (row["value"], row["time_of_day"]) == ("2020-05-12T12:00", "12:00")


def test_more_than_said_with_azyad():
    # أزيد من = أكثر من: after a negated verb, منذ + the length is a length
    df = find_times("لم تشهد المدينة مثيلا منذ أزيد من ثلاث سنوات", reference=MAY_2020)
    assert df["value"].tolist() == ["P3Y"]


def test_midnight_said_with_laylat():
    row = one("منتصف ليلة أمس", reference=MAY_2020)
    assert (row["value"], row["time_of_day"]) == ("2020-05-11", "midnight")


def test_since_x_until_y_is_the_span():
    row = one("منذ 2014 وحتى أواخر 2017", reference=MAY_2020)
    assert row["value"] == "2014/2017-12"
    # ابتداءً من X وحتى Y keeps two readings, each end dated by itself
    df = find_times("ابتداءً من بداية العام الجاري وحتى 27 فبراير الجاري", reference=date(2023, 3, 1))
    assert df["value"].tolist()[-1] == "2023-02-27"


def test_twelve_with_dotted_minutes_after_al_saa_is_after_noon():
    row = one("الساعة 12.30", reference=MAY_2020)
    assert row["time_of_day"] == "12:30"
    assert find_times("بلغت قيمتها 12.30 مليون", reference=MAY_2020).empty
