"""Times: clock forms met in news headers, announcements and tweets (the third dev batch)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


@pytest.mark.parametrize(
    ("text", "span", "time_of_day"),
    [
        # ص / م after the clock: صباحا / مساء as page headers abbreviate them
        ("الإثنين 12 يناير 2026 07:53 م / بتوقيت القدس", "الإثنين 12 يناير 2026 07:53 م", "19:53"),
        ("نشر السبت 03 أغسطس 2024 11:42 ص", "السبت 03 أغسطس 2024 11:42 ص", "11:42"),
        ("أضبط منبهي على 4:45 ص.", "4:45 ص", "04:45"),
        ("12:30 ص", "12:30 ص", "00:30"),
        ("12:30 م", "12:30 م", "12:30"),
        # an hour in brackets, the article of الـ written apart
        ("عند الساعة (1:00) ظهرًا، تليها", "عند الساعة (1:00) ظهرًا", "13:00"),
        ("ونغمة الإنذار عند (1:10) مساء، وفي", "عند (1:10) مساء", "13:10"),
        ("في تمام الساعة الـ (1) ظهرًا", "في تمام الساعة الـ (1) ظهرًا", "13:00"),
        ("حظر التجول من الساعة (٧م) غدا", "الساعة (٧م) غدا", "19:00"),
        # a wire clock in a named zone is on the 24-hour clock; تغ abbreviates توقيت غرينتش
        ("لم تكشف حتى الساعة (09:20 تغ) أي تفاصيل", "حتى الساعة (09:20 تغ)", "09:20"),
        ("قبيل الساعة 19:00 ت غ.", "قبيل الساعة 19:00 ت غ", "19:00"),
    ],
)
def test_clock_forms(text, span, time_of_day):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["time_of_day"]) == (span, time_of_day)


def test_am_pm_letters_need_a_clock():
    """م after a bare number is a metre, ص a page: not a clock."""
    assert find_times("قطع 15 م من الطريق وقرأ 12 ص منه", reference=MAY_2020).empty


def test_a_clock_range_ending_before_it_starts_ends_the_next_day():
    row = one("حظر التجول من الساعة الـ 7 مساءً وحتى الساعة الـ 6 صباحًا", reference=MAY_2020)
    assert row["value"] == "2020-05-12T19:00/2020-05-13T06:00"
    assert row["time_of_day"] == "19:00/06:00"


@pytest.mark.parametrize(
    ("text", "tense", "span", "value"),
    [
        # midnight with no day is a clock: the midnight behind the text, or the one ahead
        ("وقع الانفجار عند منتصف الليل", "past", "منتصف الليل", "2020-05-12T00:00"),
        ("يبدأ حظر التجول عند منتصف الليل", "future", "منتصف الليل", "2020-05-13T00:00"),
        ("قبيل منتصف الليل دوت انفجارات", "past", "قبيل منتصف الليل", "2020-05-12T00:00"),
        ("عند الساعة الواحدة بعد منتصف الليل", "past", "عند الساعة الواحدة بعد منتصف الليل",
         "2020-05-12T01:00"),
        # colloquial fractions and parts of the day
        ("الساعة ٨ ونص الصبح", "past", "الساعة ٨ ونص الصبح", "2020-05-12T08:30"),
        ("الساعة تسعة الصبح", "past", "الساعة تسعة الصبح", "2020-05-12T09:00"),
    ],
)
def test_midnight_and_colloquial_clocks(text, tense, span, value):
    row = one(text, reference=MAY_2020, tense=tense)
    assert (row["text"], row["value"]) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value", "time_of_day"),
    [
        ("نشوفكم بكرة الصبح", "بكرة الصبح", "2020-05-13", "morning"),
        ("باچر العصر الاجتماع", "باچر العصر", "2020-05-13", "afternoon"),
        ("البارحة بالليل سمعنا القصف", "البارحة بالليل", "2020-05-11", "night"),
        ("أمس بعد الضهر", "أمس بعد الضهر", "2020-05-11", "afternoon"),
    ],
)
def test_colloquial_parts_of_the_day(text, span, value, time_of_day):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"], row["time_of_day"]) == (span, value, time_of_day)


@pytest.mark.parametrize("text", ["في العصر الحديث", "بعد صلاة الصبح", "صوت الليل"])
def test_era_and_prayer_are_no_time(text):
    assert find_times(text, reference=MAY_2020).empty


@pytest.mark.parametrize(
    ("text", "time_of_day"),
    [
        ("الساعة تلاتة العصر", "15:00"),
        ("الساعة حداشر بالليل", "23:00"),
        ("الساعة اتناشر الضهر", "12:00"),
        ("امبارح الساعة اتنين بالليل", "02:00"),
    ],
)
def test_colloquial_hours(text, time_of_day):
    assert one(text, reference=MAY_2020)["time_of_day"] == time_of_day


def test_a_colloquial_number_alone_is_no_clock():
    assert find_times("عندي اتنين ولاد وتلاتة بنات", reference=MAY_2020).empty


def test_a_military_clock_after_al_saa():
    row = one("بدأ القصف الساعة 2300 بالتوقيت المحلي", reference=date(2006, 10, 10))
    assert (row["time_of_day"], "military_hhmm" in row["rule"]) == ("23:00", True)


def test_a_dotted_clock_with_its_am_pm_letter():
    # a prayer table: hh.mm with a two-digit hour, then ص or م
    df = find_times("الفجر ٠٥.٤٢ ص والظهر ١٢.٠٨ م", reference=date(2026, 1, 1))
    assert df["time_of_day"].tolist() == ["05:42", "12:08"]
    assert all("dotted_am_pm" in r for r in df["rule"])
    assert find_times("بلغ ارتفاع الموج 3.20 م", reference=date(2026, 1, 1)).empty  # metres


@pytest.mark.parametrize(
    ("text", "month_span", "clock_span", "time_of_day"),
    [
        # a month has no single day: the clock after it keeps its own day
        ("يبدأ الصيام في شهر رمضان عند الساعة 6:15 صباحا", "شهر رمضان", "عند الساعة 6:15 صباحا", "06:15"),
        ("تنتهي المهلة في شهر يناير الساعة 9 مساء", "شهر يناير", "الساعة 9 مساء", "21:00"),
        ("يعقد الاجتماع الأسبوع المقبل الساعة 4 عصرا", "الأسبوع المقبل", "الساعة 4 عصرا", "16:00"),
    ],
)
def test_a_clock_after_a_month_is_not_swallowed(text, month_span, clock_span, time_of_day):
    df = find_times(text, reference=date(2025, 2, 20))
    assert list(df["text"]) == [month_span, clock_span]
    assert df.iloc[1]["time_of_day"] == time_of_day
    assert df.iloc[0]["time_of_day"] == ""


def test_a_clock_after_a_day_still_joins_it():
    df = find_times("وصل الوفد يوم الخميس عند الساعة 7:30 مساء", reference=date(2025, 2, 22))
    assert list(df["text"]) == ["يوم الخميس عند الساعة 7:30 مساء"]
    assert df.iloc[0]["value"] == "2025-02-20T19:30"
