"""Times: a day of a month said by relation, the night before last, minutes to the hour."""

from __future__ import annotations

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وصل الوفد في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", "2020-05-10"),
        ("وقع الهجوم في الـ15 من الشهر الماضي", "15 من الشهر الماضي", "2020-04-15"),
        ("تبدأ الانتخابات يوم 20 من الشهر المقبل", "يوم 20 من الشهر المقبل", "2020-06-20"),
        ("الثالث من هذا الشهر", "الثالث من هذا الشهر", "2020-05-03"),
        ("الليلة قبل الماضية", "الليلة قبل الماضية", "2020-05-10"),
    ],
)
def test_days_by_relation(text, span, value):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"]) == (span, value)


def test_a_day_the_month_lacks_is_no_date():
    df = find_times("في 31 من الشهر الماضي", reference=MAY_2020)  # April has 30 days
    assert list(df["value"]) == ["2020-04"]


@pytest.mark.parametrize(
    ("text", "time_of_day"),
    [
        ("التاسعة إلا خمس دقائق مساء", "20:55"),
        ("الساعة العاشرة الا 10 دقائق صباحا", "09:50"),
        ("وصل عند التاسعة إلا خمس دقائق", "08:55|20:55"),
    ],
)
def test_minutes_to_the_hour(text, time_of_day):
    assert one(text, reference=MAY_2020)["time_of_day"] == time_of_day


def test_an_ordinal_after_a_week_counts_weeks_not_days():
    # the week of the month's second Monday (May 2020: the 11th), never the 2nd of May
    df = find_times("خلال الاسبوع الثاني من الشهر الجاري ، بدعوة من المغرب", reference=MAY_2020)
    assert list(df["value"]) == ["2020-W20"]
