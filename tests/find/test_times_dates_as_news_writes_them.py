"""Times: dates as reports write them — a year closing a date before the day it names, the
reference's day some years back, a hashtag inside an expression — on sentences of our own."""

from __future__ import annotations

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times


def test_a_year_closing_a_date_before_the_day_it_names():
    """9 نيسان 2003 يوم دخول القوات: 2003 closes the date, يوم names that day and counts
    nothing; a count after a date with no year between stays a count."""
    row = one("دخلت القوات المدينة في 9 نيسان 2003 يوم سقوط التمثال", reference=MAY_2020)
    assert (row["text"], row["value"], row["rule"]) == ("9 نيسان 2003", "2003-04-09", "day+month+year")
    rows = find_times("صام المعتقل منذ 3 آذار 40 يوما", reference=MAY_2020)
    assert "P40D" in rows["value"].tolist()


def test_the_references_day_some_years_back():
    """في مثل هذا اليوم قبل عشر سنوات: the day and month of writing, ten years back; a
    length in days after it is no such day."""
    row = one("رحل الشاعر في مثل هذا اليوم قبل عشر سنوات", reference=MAY_2020)
    assert (row["text"], row["value"], row["rule"]) == (
        "في مثل هذا اليوم قبل عشر سنوات", "2010-05-12", "same_day+ago")
    assert "same_day+ago" not in find_times("في مثل هذا اليوم قبل يومين", reference=MAY_2020)["rule"].tolist()


def test_a_hashtag_inside_an_expression():
    """أوائل #العام المقبل: the mark tags the word, the words still say early next year; a
    mark before a figure is left alone."""
    row = one("اللقاح جاهز أوائل #العام المقبل", reference=MAY_2020)
    assert (row["text"], row["value"]) == ("أوائل #العام المقبل", "2021-01")
    assert one("نلتقي #غدا مساء", reference=MAY_2020)["value"] == "2020-05-13"
    assert find_times("المرتبة #5 في القائمة", reference=MAY_2020).empty


def test_a_part_of_the_next_day_after_a_date_said_once():
    """صباح اليوم التالي after a date: the morning of the day after it, not this morning."""
    df = find_times("قصفت الطائرات البلدة يوم الأحد 10 أيار، وفي صباح اليوم التالي انسحبت القوات",
                    reference=MAY_2020)
    assert df[["text", "value", "time_of_day"]].values.tolist()[-1] == [
        "صباح اليوم التالي", "2020-05-11", "morning"]
    assert one("وصل الوفد صباح اليوم", reference=MAY_2020)["value"] == "2020-05-12"



def test_a_second_name_of_the_month_makes_a_common_word_a_month():
    """آب is also "father": a day before it reads a month only with a cue, a year, or the
    month's other name beside it (12 آب/أغسطس), here after an opening bracket."""
    row = one("تروي الصفحة أحداث (12 آب/أغسطس) كما عاشها الأهالي", reference=MAY_2020)
    assert (row["value"], row["rule"]) == ("2019-08-12", "day+month")
    assert find_times("رسالة الى اب/ابن", reference=MAY_2020).empty


def test_a_year_said_after_the_noun_phrase_a_date_dates():
    """(5 أيار) للحرب الأهلية في العام 1975: the sentence's year, said after, closes the
    date; a year told in a clause of its own (الذي أقر في عام 2015) or after منذ does not."""
    rows = find_times("نستعيد يوميات (5 أيار) للحرب الأهلية في العام 1975", reference=MAY_2020)
    assert rows.iloc[0]["value"] == "1975-05-05" and rows.iloc[0]["rule"] == "day+month+year_said_after"
    assert "year_from_sentence" in rows.iloc[0]["flags"]
    for text in ("في 3 آذار صادق النواب على القانون الذي أقر في عام 2015",
                 "قتل خمسة في 3 آذار في أسوأ هجوم منذ عام 2014"):
        assert find_times(text, reference=MAY_2020).iloc[0]["value"] == "2020-03-03"
