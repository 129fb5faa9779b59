"""Times: the constructs of the Duckling and dateparser Arabic rule inventories the grammar
reads (quarters, periods of two units, weeks and days ranked in a month, parts of an hour,
lengths from now or ago, the end of the week, clock ranges, parts of the day after a cue ...),
each on sentences of our own."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times

MORNING = datetime(2020, 5, 12, 9, 0)  # a Tuesday, nine in the morning


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("خلال الشهرين الماضيين", "2020-03/2020-05", "within+dual+relative"),
        ("الأسبوعين القادمين", "2020-05-13/2020-05-26", "dual+relative"),  # from the next day
        ("السنتين الماضيتين", "2018/2020", "dual+relative"),
        ("آخر خمسة أيام", "2020-05-07/2020-05-12", "last+length"),  # up to the reference day
        ("آخر يومين", "2020-05-10/2020-05-12", "last+length"),
    ],
)
def test_periods_of_two_or_n_units(text, value, rule):
    row = one(text, reference=MAY_2020)
    assert (row["value"], row["rule"], row["relation"]) == (value, rule, "period")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الربع الثالث من عام 2019", "2019-07/2019-09"),
        ("الربع الأخير من العام الماضي", "2019-10/2019-12"),
        ("الربع الأول من هذا العام", "2020-01/2020-03"),
        ("الربع المقبل", "2020-07/2020-09"),
        ("هذا الربع", "2020-04/2020-06"),
    ],
)
def test_quarters(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


def test_a_quarter_needs_its_year_or_a_direction():
    assert find_times("فاز في الربع الأول", reference=MAY_2020).empty


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الأسبوع الأول من حزيران 2021", "2021-W23"),  # the week of June's first Monday
        ("اليوم الأخير من الشهر الماضي", "2020-04-30"),
        ("ثاني يوم من تموز 2018", "2018-07-02"),
        ("آخر جمعة من الشهر المقبل", "2020-06-26"),
        ("الأسبوع الأخير من الشهر الجاري", "2020-W22"),
    ],
)
def test_weeks_and_days_ranked_in_a_month(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بعد نصف ساعة", "2020-05-12T09:30"),
        ("بعد ثلاثة أرباع الساعة", "2020-05-12T09:45"),
        ("قبل 2.5 ساعة", "2020-05-12T06:30"),
        ("بعد ساعتين ونصف", "2020-05-12T11:30"),
        ("خلال 20 دقيقة", "2020-05-12T09:00/2020-05-12T09:20"),
        ("قبل ثانيتين", "2020-05-12T08:59:58"),
    ],
)
def test_parts_of_an_hour_and_clock_lengths(text, value):
    assert one(text, reference=MORNING, tense="future")["value"] == value


@pytest.mark.parametrize(("text", "value"), [("ساعة ونصف", "PT90M"), ("ربع ساعة", "PT15M"),
                                             ("1.5 ساعة", "PT90M"), ("لحظتين", "PT2S")])
def test_lengths_in_minutes_and_seconds(text, value):
    row = one(text, reference=MORNING)
    assert (row["value"], row["relation"]) == (value, "duration")


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("خمسة أيام من الآن", "2020-05-17", "length+from_now"),  # from now, in a past clause too
        ("بعد أسبوعين من الآن", "2020-05-26", "from_now"),
        ("أربعة أسابيع مضت", "2020-04-14", "length+ago"),
    ],
)
def test_lengths_from_now_or_ago(text, value, rule):
    row = one(text, reference=MAY_2020)
    assert row["value"] == value and rule in row["rule"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("عطلة نهاية الأسبوع المقبل", "2020-05-22/2020-05-24"),
        ("نهاية الأسبوع", "2020-05-15/2020-05-17"),
        ("بداية الأسبوع الماضي", "2020-05-04/2020-05-06"),
    ],
)
def test_parts_of_a_week(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("أواخر آب 2019", "2019-08-21/2019-08-31"),  # a common word as a month after أواخر
        ("12 شتمبر 2019", "2019-09-12"),
        ("3 دجمبر 2018", "2018-12-03"),
        ("7 أغشت 2017", "2017-08-07"),
        ("9 سيبتمبر 2016", "2016-09-09"),
    ],
)
def test_month_spellings(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(("text", "tense", "value"), [
    ("عيد الحب", "past", "2020-02-14"), ("الهالوين", "future", "2020-10-31"),
    ("الكريسماس", "past", "2019-12-25"), ("رأس السنة", "future", "2021-01-01"),
])
def test_holidays(text, tense, value):
    assert one(text, reference=MAY_2020, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("هذه الجمعة", "past", "2020-05-15"),
        ("هذا الربيع", "past", "2020-03/2020-05"),  # the season the reference is in
        ("هذا الصيف", "future", "2020-06/2020-08"),
        ("هذا الصيف", "past", "2019-06/2019-08"),
    ],
)
def test_this_weekday_and_season(text, tense, value):
    assert one(text, reference=MAY_2020, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بين الساعة الثانية والرابعة بعد الظهر", "2020-05-12T14:00/2020-05-12T16:00"),
        ("من 8 إلى 10 صباحا", "2020-05-12T08:00/2020-05-12T10:00"),
        ("الساعة 6-8 مساء", "2020-05-12T18:00/2020-05-12T20:00"),
    ],
)
def test_clock_ranges_ending_in_a_bare_hour(text, value):
    row = one(text, reference=MORNING)
    assert (row["value"], row["relation"]) == (value, "range")


def test_about_after_a_clock():
    row = one("الساعة 7 مساء تقريبا", reference=MORNING)
    assert row["value"] == "2020-05-12T19:00" and "approx" in row["flags"]


@pytest.mark.parametrize(
    ("text", "span", "part"),
    [
        ("وصلت القوات عند الفجر", "الفجر", "dawn"),
        ("انسحبوا بعد الظهر", "بعد الظهر", "afternoon"),
        ("بدأ القصف قبل الفجر", "قبل الفجر", "dawn"),
        ("سمع دوي انفجار في المساء", "المساء", "evening"),
    ],
)
def test_a_part_of_the_day_after_a_cue_is_the_story_day(text, span, part):
    row = find_times(text, reference=MAY_2020).iloc[0]
    assert (row["text"], row["value"], row["time_of_day"]) == (span, "2020-05-12", part)
    assert "day_inferred" in row["flags"]


@pytest.mark.parametrize("text", ["في العصر الحديث", "زار الوفد في المغرب", "الصباح الباكر"])
def test_words_that_only_look_like_parts_of_the_day(text):
    # the modern era, Morocco; early morning with no cue is no day (باكر is not tomorrow here)
    assert find_times(text, reference=MAY_2020).empty


def test_a_part_of_the_day_after_a_day_and_a_cue():
    row = one("غدا عند الظهر", reference=MAY_2020)
    assert (row["value"], row["time_of_day"]) == ("2020-05-13", "noon")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثلاثة أيام بعد الأحد الماضي", "2020-05-13"),
        ("يومين قبل 20 أيار 2020", "2020-05-18"),
        ("ساعتين بعد الساعة الخامسة مساء", "2020-05-12T19:00"),
    ],
)
def test_a_length_before_or_after_a_day(text, value):
    row = one(text, reference=MORNING)
    assert row["value"] == value and "shifted" in row["flags"]


def test_no_reference_leaves_the_new_readings_unresolved():
    for text in ("الربع المقبل", "الشهرين الماضيين", "اليوم الأخير من الشهر المقبل"):
        row = one(text)
        assert row["value"] == "" and "needs_reference" in row["flags"], text
    assert date(2020, 5, 12).weekday() == 1  # the references above are Tuesdays


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("عيد الأضحى الماضي", "future", "2019-08-11"),  # the direction said wins over the tense
        ("عيد الفطر المقبل", "past", "2020-05-24"),
        ("الواحد والعشرين من آذار 2019", "past", "2019-03-21"),
    ],
)
def test_holidays_with_a_direction_and_ordinals_with_al_wahid(text, tense, value):
    assert one(text, reference=MAY_2020, tense=tense)["value"] == value


def test_this_minute_is_now():
    assert one("هذه الدقيقة", reference=MORNING)["value"] == "2020-05-12T09:00:00"


@pytest.mark.parametrize(("text", "value"), [("ربع ساعة بعد الثالثة عصرا", "2020-05-12T15:15"),
                                             ("عشر دقائق قبل التاسعة مساء", "2020-05-12T20:50")])
def test_minutes_before_or_after_an_hour(text, value):
    row = one(text, reference=MORNING)
    assert (row["value"], row["precision"]) == (value, "minute")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الساعات الثلاث القادمة", "2020-05-12T09:00/2020-05-12T12:00"),
        ("آخر 3 ساعات", "2020-05-12T06:00/2020-05-12T09:00"),
        ("الدقيقتين الماضيتين", "2020-05-12T08:58/2020-05-12T09:00"),
    ],
)
def test_periods_counted_on_the_clock(text, value):
    row = one(text, reference=MORNING)
    assert (row["value"], row["relation"]) == (value, "period")


def test_the_day_after_a_range_of_clocks_holds_for_both():
    row = one("من الساعة 9 صباحا حتى الساعة 11 صباحا يوم الخميس", reference=MAY_2020)
    assert row["value"] == "2020-05-07T09:00/2020-05-07T11:00"  # the last Thursday (a past clause)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("آخر يوم من العام الماضي", "2019-12-31"),
        ("الأسبوع الأول من عام 2021", "2021-W01"),
        ("أول جمعة من العام المقبل", "2021-01-01"),
        ("ثالث يوم من السنة", "2020-01-03"),
    ],
)
def test_first_and_last_days_weeks_and_weekdays_of_a_year(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(("text", "value"), [("الساعة 4 pm", "2020-05-12T16:00"),
                                             ("الساعة 7:15 a.m.", "2020-05-12T07:15")])
def test_latin_am_pm_after_a_clock(text, value):
    assert one(text, reference=MORNING)["value"] == value


def test_the_30th_of_a_hijri_month_umm_al_qura_gives_29_days():
    # Rajab 1444 has 29 days in Umm al-Qura (its 29th is 20 February 2023): a calendar that
    # counts a 30th has it the next day
    row = find_times("توفي في 30 رجب 1444 هـ", reference=date(2023, 3, 1)).iloc[0]
    assert row["value"] == "2023-02-21" and "hijri_day_30" in row["flags"]


@pytest.mark.parametrize(("text", "value"), [("3/4 ساعة", "PT45M"), ("1/2 ساعة", "PT30M")])
def test_a_part_of_an_hour_written_as_a_fraction(text, value):
    assert one(text, reference=MORNING)["value"] == value


def test_a_zone_abbreviation_after_a_clock():
    row = one("الساعة 14:00 بتوقيت CET", reference=MAY_2020)
    assert row["value"] == "2020-05-12T14:00" and "utc+1" in row["flags"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الأسبوع قبل الماضي", "2020-W18"),
        ("العام بعد القادم", "2022"),
        ("الشهر الذي يلي الشهر المقبل", "2020-07"),
        ("الجمعة قبل الماضية", "2020-05-01"),
        ("الأحد بعد القادم", "2020-05-24"),
    ],
)
def test_before_last_and_after_next(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


def test_the_eve_of_a_holiday_keeps_its_part_of_the_day():
    row = one("ليلة رأس السنة", reference=MAY_2020, tense="future")
    assert (row["value"], row["time_of_day"]) == ("2021-01-01", "eve")


@pytest.mark.parametrize(("text", "value"), [("قبل أسبوع واحد", "2020-05-05"),
                                             ("شعبان المقبل", "2021-03-14/2021-04-12"),
                                             ("مارس الماضي", "2020-03")])
def test_one_unit_and_a_month_made_sure_by_its_direction(text, value):
    row = one(text, reference=MAY_2020)
    assert row["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("الشهر الأخير من العام الماضي", "2019-12"), ("حول الساعة 6 مساء", "2020-05-12T18:00")],
)
def test_the_last_month_of_a_year_and_about_a_clock(text, value):
    assert one(text, reference=MORNING)["value"] == value


def test_hawla_before_a_date_is_no_approximation():
    row = find_times("تحقيق حول 11 أيلول 2001", reference=MAY_2020).iloc[0]
    assert row["value"] == "2001-09-11" and "approx" not in row["flags"]


def test_an_hour_in_digits_in_gmt_is_on_the_24_hour_clock():
    row = one("الجمعة الساعة 9 بتوقيت غرينتش", reference=MAY_2020)
    assert row["value"] == "2020-05-08T09:00" and "utc+0" in row["flags"]
