"""Times: numeric dates with spaced separators, two-digit years, and a day and month after a cue."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.find.times import find_times

REF = date(2021, 3, 4)


@pytest.mark.parametrize(
    ("text", "tense", "span", "value"),
    [
        ("تجربة صافرات الإنذار 3 / 11 / 2025 في الرياض", "future", "3 / 11 / 2025", "2025-11-03"),
        ("نُشر: 20/08/15 الساعة", "past", "20/08/15", "2015-08-20"),
        ("والجرعة الثانية ب 25/5 . شكرا", "future", "25/5", "2021-05-25"),
        ("سيشهد العالم أول جرعة يوم 12/8 القادم", "future", "12/8", "2021-08-12"),
        ("تسلم الشحنة في 1/2 الماضي", "past", "1/2", "2021-02-01"),
    ],
)
def test_numeric_date_forms(text, tense, span, value):
    df = find_times(text, reference=REF, tense=tense)
    assert list(zip(df["text"], df["value"], strict=True))[:1] == [(span, value)]


@pytest.mark.parametrize("text", ["الحلقة (2/5) من السلسلة", "النتيجة 3/1 للفريق", "فاز 2 - 1 على ضيفه",
                                  "بنسبة 3 / 4 من الأصوات"])
def test_no_date_in_scores_and_threads(text):
    assert find_times(text, reference=REF).empty


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("الثلاثاء 12-05-2020", "الثلاثاء 12-05-2020", "2020-05-12"),
        ("يوم الثلاثاء الموافق 12/5/2020", "يوم الثلاثاء الموافق 12/5/2020", "2020-05-12"),
        ("الأحد، 29-6-2014", "الأحد، 29-6-2014", "2014-06-29"),
        ("يوم الاثنين 11/5", "يوم الاثنين 11/5", "2020-05-11"),
    ],
)
def test_a_weekday_takes_the_numeric_date_beside_it(text, span, value):
    df = find_times(text, reference=date(2020, 5, 20))
    assert list(zip(df["text"], df["value"], strict=True)) == [(span, value)]


def test_day_and_month_after_a_part_of_the_day():
    row = find_times("قتل مدني مساء 12/2 في غارة", reference=REF).iloc[0]
    assert (row["text"], row["value"], row["time_of_day"]) == ("مساء 12/2", "2021-02-12", "evening")


@pytest.mark.parametrize(
    ("text", "reference", "value", "flag"),
    [
        # the publication day fits only the month-first reading (4 May would be after it)
        ("اشتباكات جنوب طرابلس • 4/5/2019 • 00:00", date(2019, 4, 5), "2019-04-05", "order_from_text"),
        # a weekday beside the date: 5 April 2019 was a Friday, 4 May a Saturday
        ("اليوم الجمعة 4/5/2019", date(2019, 6, 1), "2019-04-05", "order_from_text"),
        # another date of the text whose second number cannot be a month
        ("في 5/25/2023 ثم في 3/5/2023", date(2023, 6, 1), "2023-03-05", "order_from_text"),
        # nothing tells: day first, as the Arabic press writes, and said so
        ("في 3/5/2023", date(2023, 6, 1), "2023-05-03", "order_ambiguous"),
    ],
)
def test_numeric_date_order_from_the_text(text, reference, value, flag):
    row = find_times(text, reference=reference).iloc[0 if "ثم" not in text else 1]
    assert (row["value"], flag in row["flags"].split(";")) == (value, True)


def test_day_first_told_by_the_text_is_not_flagged():
    df = find_times("اليوم السبت 4/5/2019", reference=date(2019, 6, 1))
    assert (df["value"].iloc[0], "order" in df["flags"].iloc[0]) == ("2019-05-04", False)


def test_month_first_when_the_second_number_is_no_month():
    df = find_times("نشر بتاريخ 05-28-2023 وتحديث 03/05/2023", reference=date(2023, 6, 1))
    assert df["value"].tolist() == ["2023-05-28", "2023-03-05"]
    assert df["flags"].tolist()[0] == "month_first"
