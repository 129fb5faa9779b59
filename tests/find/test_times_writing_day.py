"""Times: the day a report was written, told by a relative day whose weekday the
publication date contradicts, is what its later relative days count from; الآخر before a
count of years is "the other one", no span of the last years."""

from __future__ import annotations

from datetime import date

from workbench.find.times import find_times

WEDNESDAY = date(2020, 1, 15)


def _values(text: str) -> list[tuple[str, str]]:
    df = find_times(text, reference=WEDNESDAY)
    return list(zip(df["text"], df["value"], strict=True))


def test_today_named_tuesday_in_a_report_dated_wednesday_moves_yesterday_and_today():
    rows = _values("قتل رجل اليوم الثلاثاء في حمص. وقتل آخر أمس في حماة. وانفجرت عبوة اليوم.")
    assert rows == [("اليوم الثلاثاء", "2020-01-14"), ("أمس", "2020-01-13"),
                    ("اليوم", "2020-01-14")]


def test_this_evening_with_a_weekday_tells_the_writing_day_too():
    rows = _values("قتل رجل مساء اليوم الثلاثاء. وقتل آخر يوم أمس.")
    assert rows[1] == ("يوم أمس", "2020-01-13")


def test_a_weekday_that_agrees_with_the_publication_day_moves_nothing():
    rows = _values("قتل رجل مساء اليوم الأربعاء. وقتل آخر يوم أمس.")
    assert rows[1] == ("يوم أمس", "2020-01-14")


def test_a_weekday_with_no_today_tells_no_writing_day():
    rows = _values("قتل رجل الثلاثاء الماضي. وقتل آخر أمس.")
    assert rows[1] == ("أمس", "2020-01-14")


def test_the_other_with_the_article_before_a_count_of_years_is_an_age_not_the_last_years():
    rows = _values("اختطفت طفلين، أحدهما بسن العاشرة والآخر 12 عاماً.")
    assert ("آخر 12 عاماً", "2008/2020") not in rows and all("2008" not in v for _, v in rows)
    assert _values("قتل 40 شخصا خلال آخر 3 أيام.")[0][0] == "خلال آخر 3 أيام"
