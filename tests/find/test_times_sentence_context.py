"""Times: what the rest of the sentence tells an expression (its year, its half of the day,
its tense), and the forms of the fourth dev batch (halves and seasons of a year, two-digit
years, zoned and listed clocks)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times

FEB_2013 = date(2013, 2, 12)


def _rows(text: str, **kw) -> list[tuple[str, str, str]]:
    df = find_times(text, **kw)
    return list(zip(df["text"], df["value"], df["rule"], strict=True))


# -- a year said earlier in the sentence ---------------------------------------------------

def test_a_year_said_earlier_in_the_sentence_dates_a_later_day_and_month():
    rows = _rows("الهجوم على العراق عام 2003، بدأ فجر السبت من 22 آذار،", reference=date(2026, 2, 4))
    assert rows[1][:2] == ("فجر السبت من 22 آذار", "2003-03-22")
    assert "year_from_sentence" in rows[1][2]


def test_the_same_year_is_the_year_the_sentence_said():
    rows = _rows("تشكلت في مارس 2005 بعد اتفاق وقع في يناير من السنة ذاتها", reference=FEB_2013)
    assert rows[1][:2] == ("يناير من السنة ذاتها", "2005-01")


def test_the_year_does_not_cross_a_full_stop():
    rows = _rows("انتهت الحرب عام 2003. وفي 22 آذار قال الوزير", reference=FEB_2013)
    assert rows[1][:2] == ("22 آذار", "2012-03-22")


def test_a_weekday_that_disagrees_with_the_said_year_keeps_the_year_of_the_reference():
    """22 March 2003 was a Saturday, not a Friday: the date is not put in 2003."""
    rows = _rows("بدأت الحرب عام 2003 وفي يوم الجمعة 22 آذار قال", reference=FEB_2013)
    assert rows[1][1] != "2003-03-22"


def test_a_weekday_picks_the_year_in_which_the_date_falls_on_it():
    """Written on the day itself in a future clause: the year where Sunday 16 March is."""
    row = one("ستكون المواعيد يوم الأحد 16 مارس", reference=date(2025, 3, 16), tense="future")
    assert row["value"] == "2025-03-16"


# -- the half of the day from the words around a clock ------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "time_of_day"),
    [
        # a prayer names its part of the day
        ("بينما تقام صلاة العصر في تمام الثانية و46 دقيقة", "في تمام الثانية و46 دقيقة", "14:46"),
        # a list of clocks closes on its part of the day
        ("والمغرب في الخامسة و9 دقائق، والعشاء", "الخامسة و9 دقائق", "17:09"),
        # a zone makes a clock; tonight's programme is in the evening
        ("تابعونا في #العربية_الليلة الـ10 بتوقيت السعودية", "10 بتوقيت السعودية", "22:00"),
    ],
)
def test_a_part_of_the_day_nearby_tells_the_half_of_the_day(text, span, time_of_day):
    rows = find_times(text, reference=date(2025, 10, 31))
    row = rows[rows["text"] == span].iloc[0]
    assert row["time_of_day"] == time_of_day
    assert "part_from_context" in row["rule"]


def test_with_no_part_of_the_day_nearby_the_clock_stays_ambiguous():
    row = one("استيقظت في الخامسة والنصف على أصوات صراخ", reference=date(2010, 2, 26))
    assert row["time_of_day"] == "05:30|17:30"
    assert "ampm_unknown" in row["flags"]


def test_morocco_is_no_sunset_prayer():
    row = one("وصل الوزير إلى المغرب في الخامسة والنصف", reference=date(2010, 2, 26))
    assert row["time_of_day"] == "05:30|17:30"


@pytest.mark.parametrize(
    ("text", "time_of_day"),
    [
        ("موعد اذان الظهر الساعة 12:55 مساء.", "12:55"),  # a digital 12 with مساء is after noon
        ("وقعت الغارة عند الساعة 12:30 بالتوقيت المحلي", "12:30"),
        ("الساعة 12 مساء", "00:00"),  # twelve in the evening said alone is midnight
    ],
)
def test_twelve_on_a_digital_clock(text, time_of_day):
    assert one(text, reference=date(2025, 3, 16))["time_of_day"] == time_of_day


def test_the_top_of_an_hour_is_a_clock():
    row = one("على رأس الثامنة تسمع خطواته", reference=MAY_2020)
    assert row["text"] == "على رأس الثامنة"
    assert row["time_of_day"] == "08:00|20:00"


@pytest.mark.parametrize(
    ("text", "time_of_day"),
    [("الساعة 19 GMT", "19:00"), ("الـ19 GMT", "19:00"), ("الساعة 9 بتوقيت مكة مساء", "21:00")],
)
def test_zoned_clocks(text, time_of_day):
    assert one(text, reference=MAY_2020)["time_of_day"] == time_of_day


# -- tense ---------------------------------------------------------------------------------

def test_a_future_cue_in_a_reported_clause_is_not_the_day_it_was_said():
    row = one("أعلنت الحكومة يوم الأحد أنها سوف تخصص مليون جنيه", reference=date(2020, 5, 21))
    assert row["value"] == "2020-05-17"


def test_a_noun_in_the_accusative_is_no_future_verb():
    """سنتا ("cents") begins as سـ + ن but is no verb: the date stays in the past."""
    row = one("هبط السعر 42 سنتا خلال الاسبوع المنتهي في 29 سبتمبر .", reference=FEB_2013)
    assert row["value"] == "2012-09-29"


def test_a_name_unknown_to_the_word_list_is_no_future_verb():
    """A foreign name that begins like سـ + ي (سيميونوف) is no verb: neither it nor what is
    left after سـ is a known word, so the weekday before it stays on the day of writing."""
    row = one("وقال المحافظ سيميونوف إنه حتى صباح الجمعة ارتفع العدد", reference=date(2023, 10, 6))
    assert row["value"] == "2023-10-06"


def test_an_unknown_future_verb_with_a_known_imperfect_is_still_one():
    row = one("سيهاجمون المدينة يوم الجمعة", reference=date(2023, 10, 4))
    assert row["value"] == "2023-10-06"


# -- forms ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("في يوم التاسع من حزيران الماضي", "يوم التاسع من حزيران الماضي", "2012-06-09"),
        ("في النصف الاول من العام 2006 مقارنة", "النصف الاول من العام 2006", "2006-01/2006-06"),
        ("في النصف الثاني من الشهر الماضي", "النصف الثاني من الشهر الماضي", "2013-01-16/2013-01-31"),
        ("لكن في صيف العام 2000 تبددت", "صيف العام 2000", "2000-06/2000-08"),
        ("في خريف العام الماضي", "خريف العام الماضي", "2012-09/2012-11"),
        ("لن يشمل الجميع الا في منتصف 21 او نهايته", "منتصف 21", "2021-06/2021-07"),
        ("على المحافظة قبل نحو 3 سنوات.", "قبل نحو 3 سنوات", "2010"),
        ("سبتمبر... 17.08.2025, سبوتنيك", "17.08.2025", "2025-08-17"),
    ],
)
def test_forms(text, span, value):
    rows = find_times(text, reference=FEB_2013)
    row = rows[rows["text"] == span].iloc[0]
    assert row["value"] == value


def test_a_count_after_first_or_last_is_no_two_digit_year():
    assert find_times("وصلت اول 10 دول الى الاتفاق", reference=FEB_2013).empty


def test_a_season_qualifies_a_year_not_a_month():
    df = find_times("في صيف آذار", reference=FEB_2013)
    assert list(df["text"]) == ["آذار"]


def test_as_follows_is_no_direction():
    row = one("المواعيد يوم الأحد 16 مارس كالتالي", reference=date(2025, 3, 16))
    assert (row["text"], row["value"]) == ("يوم الأحد 16 مارس", "2025-03-16")


def test_these_days_is_recently():
    row = one("الوضع صعب هالايام", reference=datetime(2021, 3, 2, 12, 0))
    assert row["value"] == "2021-01-31/2021-03-02"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("في قصف وقع ليل السبت الأحد واستهدف مزرعة", date(2003, 4, 1), "2003-03-29/2003-03-30"),
        ("عن مصدر عسكري ليل الأربعاء – الخميس، إن", date(2021, 7, 22), "2021-07-21/2021-07-22"),
    ],
)
def test_a_night_named_by_the_two_days_it_joins(text, reference, value):
    row = one(text, reference=reference)
    assert (row["value"], row["time_of_day"]) == (value, "night")
    assert "overnight" in row["rule"]


def test_two_days_that_do_not_follow_each_other_are_no_night():
    df = find_times("ليل السبت الاثنين", reference=date(2003, 4, 1))
    assert "overnight" not in "".join(df["rule"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قد لا يظهر لقاح فعال قبل الشتاء القادم", "2020-12/2021-02"),  # written in May 2020
        ("في الصيف الماضي", "2019-06/2019-08"),  # in May 2020 the last whole summer is 2019
        ("خلال الخريف المقبل", "2020-09/2020-11"),
    ],
)
def test_a_season_with_a_direction(text, value):
    row = one(text, reference=date(2020, 5, 22))
    assert row["value"] == value
    assert "season+relative" in row["rule"]


def test_a_season_without_a_direction_is_no_time():
    assert find_times("ثورات الربيع العربي", reference=date(2020, 5, 22)).empty


def test_the_rules_that_read_outside_the_expression_are_named():
    row = one("المواعيد يوم الأحد 16 مارس", reference=date(2025, 3, 10))  # past: 2024 is a Saturday
    assert (row["value"], "year_from_weekday" in row["rule"]) == ("2025-03-16", True)
    assert "twelve_after_noon" in one("الساعة 12:30", reference=MAY_2020)["rule"]


def test_a_fraction_of_the_hour_with_its_conjunction_apart():
    """Clitic-split copy writes و النصف: the half hour is still the clock's."""
    row = one("عند الساعة السادسة و النصف مساء بين", reference=MAY_2020)
    assert row["time_of_day"] == "18:30"
