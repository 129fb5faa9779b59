"""The dates a span is bounded by are rows of their own after the span's (flag ``span_end``):
a reader looking for a day finds it inside من X وحتى Y, بين X و Y and منذ X."""

from __future__ import annotations

from datetime import date

from workbench import find_mentions
from workbench.find.times import find_times

_REF = date(2019, 6, 10)


def _read(text: str) -> list[list[str]]:
    return find_times(text, reference=_REF)[["text", "value", "flags"]].values.tolist()


def test_both_days_of_a_range_follow_the_range():
    got = _read("أغلقت المعابر في الفترة من 2 نيسان وحتى 9 أيار الماضي")
    assert got[0][:2] == ["من 2 نيسان وحتى 9 أيار الماضي", "2019-04-02/2019-05-09"]
    assert [g[:2] for g in got[1:]] == [["2 نيسان", "2019-04-02"], ["9 أيار الماضي", "2019-05-09"]]
    assert all("span_end" in g[2].split(";") for g in got[1:])


def test_an_end_that_borrows_its_month_is_dated_with_it():
    got = _read("تظاهر الآلاف بين 3 و5 آذار")
    assert [g[:2] for g in got] == [["بين 3 و5 آذار", "2019-03-03/2019-03-05"],
                                    ["3", "2019-03-03"], ["5 آذار", "2019-03-05"]]


def test_since_a_day_gives_the_period_and_the_day():
    got = _read("لم يغادر المدينة منذ 14 من شباط الماضي")
    assert [g[:2] for g in got] == [["منذ 14 من شباط الماضي", "2019-02-14/2019-06-10"],
                                    ["14 من شباط الماضي", "2019-02-14"]]


def test_a_part_of_a_year_ending_a_range_keeps_its_bounds():
    got = _read("منذ مطلع العام الجاري وحتى نهاية نيسان")
    assert ["نهاية نيسان", "2019-04-21/2019-04-30", "month_only;year_inferred;span_end"] in got


def test_a_count_or_a_length_gives_no_end_row():
    assert len(_read("منذ أيام نزح السكان")) == 1
    assert all("span_end" not in g[2] for g in _read("يواصل إضرابه منذ 40 يوما"))


def test_until_a_day_is_that_day_already():
    got = _read("استمر القصف حتى 7 حزيران")
    assert [g[:2] for g in got] == [["حتى 7 حزيران", "2019-06-07"]]


def test_mentions_keep_the_span_alone():
    df = find_mentions("أغلقت المعابر من 2 نيسان وحتى 9 أيار", reference=_REF)
    assert df[df["kind"] == "time"]["text"].tolist() == ["من 2 نيسان وحتى 9 أيار"]
