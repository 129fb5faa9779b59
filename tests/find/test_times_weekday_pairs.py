"""Two weekdays said together (الأربعاء والخميس، الجمعة وقبله الخميس) are the two days in a
row they name, one span, not two weekdays read each from the reference; the rows of its two
days (flag ``span_end``) follow the span and agree with it."""

from __future__ import annotations

from datetime import date

from workbench.find.times import find_times

_REF = date(2020, 6, 10)  # a Wednesday


def _read(text: str) -> list[list[str]]:
    return find_times(text, reference=_REF)[["text", "value"]].values.tolist()


def test_two_weekdays_joined_by_and_are_the_last_such_pair():
    assert _read("قتل 31 شخصا في قصف جوي الأربعاء والخميس") == [
        ["الأربعاء والخميس", "2020-06-03/2020-06-04"], ["الأربعاء", "2020-06-03"],
        ["والخميس", "2020-06-04"]]


def test_a_weekday_and_the_one_before_it_are_told_backwards():
    assert _read("قصفت الطائرات البلدة يوم الجمعة وقبله الخميس") == [
        ["يوم الجمعة وقبله الخميس", "2020-06-04/2020-06-05"], ["يوم الجمعة", "2020-06-05"],
        ["الخميس", "2020-06-04"]]
    assert _read("قصفت الطائرات البلدة الجمعة وبعدها السبت") == [
        ["الجمعة وبعدها السبت", "2020-06-05/2020-06-06"], ["الجمعة", "2020-06-05"],
        ["السبت", "2020-06-06"]]


def test_weekdays_of_two_clauses_stay_apart():
    assert _read("قتل الأربعاء وأصيب الخميس") == [
        ["الأربعاء", "2020-06-10"], ["الخميس", "2020-06-04"]]


def test_with_no_reference_two_days_said_together_stay_one_span_of_unknown_value():
    df = find_times("قصف جوي الأربعاء والخميس على البلدة")
    assert df[["text", "value"]].values.tolist() == [["الأربعاء والخميس", ""]]
    assert {"range", "needs_reference"} <= set(df["flags"][0].split(";"))
    df = find_times("اشتباكات من صباح يوم الخميس وإلى يوم الجمعة")
    assert df.text.tolist() == ["من صباح يوم الخميس وإلى يوم الجمعة"]
