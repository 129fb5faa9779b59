"""Times: written forms of clocks, dates and years met in wire copy, forum date lines and
announcements of Hijri years, each on sentences of our own."""

from __future__ import annotations

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


def test_a_comma_between_hour_and_minutes_after_al_saa():
    """الساعة 7,40 writes its minutes after the decimal comma; a bare 7,40 stays a figure."""
    row = one("وقع الحادث عند الساعة 7,40 صباحا", reference=MAY_2020)
    assert (row["text"], row["time_of_day"]) == ("عند الساعة 7,40 صباحا", "07:40")
    assert "comma_hhmm" in row["rule"]
    assert one("سمع الدوي (3,25 ت غ) قرب المطار", reference=MAY_2020)["time_of_day"] == "03:25"
    assert find_times("بلغت الخسائر 7,40 مليون دولار", reference=MAY_2020).empty


def test_a_year_before_a_named_day_is_no_count_of_days():
    """1442 يوم الأربعاء: the number ends, يوم names the Wednesday, no 1442 days."""
    row = one("يبدأ الموسم 1442 يوم الأربعاء المقبل", reference=MAY_2020)
    assert (row["text"], row["value"]) == ("يوم الأربعاء المقبل", "2020-05-13")


def test_the_new_hijri_year_with_its_number():
    """العام الهجري الجديد 1442 is the Hijri year 1442, the adjective between."""
    row = one("حلول العام الهجري الجديد 1442", reference=MAY_2020)
    assert (row["text"], row["calendar"]) == ("العام الهجري الجديد 1442", "hijri")
    assert row["value"].startswith("2020-08-")


def test_a_forum_date_line_month_first():
    """السبت نوفمبر 14, 2020 9:05 pm: weekday, month, day, comma, year, as forums print them."""
    row = one("كتب الرد السبت نوفمبر 14, 2020 9:05 pm", reference=MAY_2020)
    assert (row["text"], row["value"], row["time_of_day"]) == (
        "السبت نوفمبر 14, 2020 9:05 pm", "2020-11-14T21:05", "21:05")
    assert one("آخر تعديل مارس 3, 2019", reference=MAY_2020)["value"] == "2019-03-03"


def test_month_day_and_year_joined_by_dashes():
    """أيار -17-2019 as 17-أيار-2019 is."""
    row = one("أيار -17-2019", reference=MAY_2020)
    assert (row["value"], row["rule"]) == ("2019-05-17", "month+day+year")


def test_a_comma_before_the_second_end_of_a_range():
    """من مارس 2011، وحتى مايو 2013: one span, the comma before وحتى notwithstanding."""
    row = one("خلال الفترة من مارس 2011، وحتى مايو 2013", reference=MAY_2020)
    assert (row["value"], row["rule"]) == ("2011-03/2013-05", "range(month+year,month+year)")


def test_days_and_weeks_past_end_at_the_reference():
    """خلال الأسبوعين الماضيين written on Tuesday 12 May 2020: 28 April to 12 May, day by day as
    الـ48 ساعة الماضية is; months and years stay whole."""
    assert one("خلال الأسبوعين الماضيين", reference=MAY_2020)["value"] == "2020-04-28/2020-05-12"
    assert one("خلال اليومين الماضيين", reference=MAY_2020)["value"] == "2020-05-10/2020-05-12"
    assert one("خلال السنوات الثلاث الماضية", reference=MAY_2020)["value"] == "2017/2020"
