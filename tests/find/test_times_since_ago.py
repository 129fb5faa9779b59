"""Times: منذ + a length read as "ago" after a past verb, as a length otherwise; anniversaries."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.find.times import find_times

REF = date(2013, 2, 12)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("فالكثير لا يفرقون بين روسيا واوكرانيا التي استقلت منذ 15 عاما .", "منذ 15 عاما", "1998"),
        ("وكانت الاوبرا قد عرضت منذ ثلاث سنوات واثارت ردود فعل", "منذ ثلاث سنوات", "2010"),
        ("قطر تم عزلها منذ ثلاث سنوات من قبل جيرانها", "منذ ثلاث سنوات", "2010"),
        ("ومنذ 500 سنة كانت توجد مدن مزدهرة", "منذ 500 سنة", "1513"),  # the verb after it
        ("لقاح أجازته FDA منذ أيام", "منذ أيام", "2013-02-05/2013-02-11"),  # a few days back
        ("مشواره الفني بدا منذ 6 سنوات ، ومع ذلك", "منذ 6 سنوات", "2007"),  # a past verb, no ending
        ("انقرض منذ حوالي 350 سنة مضت .", "منذ حوالي 350 سنة مضت", "1663"),  # مضت read with it
        # a past verb and the verbal noun it governs: began withdrawing a few days ago
        ("القوات بدأت بالانسحاب من العراق منذ أيام", "منذ أيام", "2013-02-05/2013-02-11"),
    ],
)
def test_since_length_after_a_past_verb_is_ago(text, span, value):
    row = find_times(text, reference=REF).iloc[0]
    assert (row["text"], row["value"]) == (span, value)
    assert "since_ago" in row["rule"] and row["relation"] != "duration"


@pytest.mark.parametrize(
    "text",
    [
        "الاعتداء الاسرائيلي المتواصل منذ ثمانية ايام على لبنان",  # a durative participle
        "ولاول مرة منذ 150 عاما تم انتخاب اعضاء المجلس",  # for the first time in: a length
        "نظام ما انفك يكذب على الاسرة الدولية منذ سنوات مراهنا على انقساماتها",
        "سعيد شيرازي سائق سيارة الاجرة منذ 18 سنة يعرب عن اسفه",  # no verb: a length
        "الطبقة التي تتعرض منذ سنوات لضربات متلاحقة",  # an imperfect verb
        "و منذ 40 الف سنة كانت توجد مدن",  # before any calendar: left a length
    ],
)
def test_since_length_that_lasts_stays_a_length(text):
    row = find_times(text, reference=REF).iloc[0]
    assert row["relation"] == "duration" and row["value"].startswith("P")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("شارك الآلاف في مسيرة إحياء الذكرى الـ69 لمجزرة كفر قاسم", "الذكرى الـ69", "1944"),
        ("تنظم اللجنة مسيرة لإحياء الذكرى السنوية الخامسة عشرة لمجزرة شفاعمرو",
         "الذكرى السنوية الخامسة عشرة", "1998"),
        ("أحيا العشرات الذكرى التاسعة والخمسين لمجزرة دير ياسين", "الذكرى التاسعة والخمسين", "1954"),
        ("خلال مواجهات في إحياء ذكرى إحراق المسجد الأقصى الـ 52 على الحدود",
         "ذكرى إحراق المسجد الأقصى الـ 52", "1961"),  # the rank after the event's name
    ],
)
def test_anniversary_recalls_the_event_years_before(text, span, value):
    rows = find_times(text, reference=REF)
    row = rows[rows["text"] == span].iloc[0]
    assert row["value"] == value and "anniversary" in row["flags"] and row["rule"] == "anniversary"


def test_anniversary_without_a_rank_is_no_time():
    texts = find_times("تحل ذكرى رحيل الشاعر", reference=REF)["text"].tolist()
    assert not any("ذكرى" in t for t in texts)


def test_same_day_in_a_past_year():
    row = find_times("مجزرة ارتكبت في مثل هذا اليوم من عام 1956", reference=date(2025, 10, 29)).iloc[0]
    assert (row["text"], row["value"]) == ("في مثل هذا اليوم من عام 1956", "1956-10-29")
    assert row["rule"] == "same_day"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ('أشهر رسومه " اصرار الذاكرة " ( 1931 ) ، التي بها ساعات', "1931", "1931"),
        ("انطلقت معركة الموصل في 17 أكتوبر (2016) بمشاركة", "17 أكتوبر (2016)", "2016-10-17"),
    ],
)
def test_year_in_brackets(text, span, value):
    row = find_times(text, reference=REF).iloc[0]
    assert (row["text"], row["value"]) == (span, value)


def test_count_in_brackets_is_a_year_only_when_nothing_follows():
    assert find_times("وصل نحو ( 2000 ) مقاتل إلى المدينة", reference=REF).empty


def test_count_of_days_in_brackets():
    row = find_times("منع التجول لمدة ( 21 ) يومًا من مساء الاثنين", reference=REF).iloc[0]
    assert (row["text"], row["value"], row["relation"]) == ("مدة ( 21 ) يومًا", "P21D", "duration")
    row = find_times("منع التجول ( 21 ) يومًا من مساء الاثنين", reference=REF).iloc[0]
    assert (row["text"], row["value"], row["rule"]) == ("( 21 ) يومًا", "P21D", "bracket_count")


def test_a_little_while_ago_is_the_reference_day():
    row = find_times("الإمارات أعلنت منذ قليل عن حالتي وفاة", reference=REF).iloc[0]
    assert (row["text"], row["start_date"]) == ("منذ قليل", "2013-02-12")


@pytest.mark.parametrize(("text", "value"), [("منذ يومين", "2013-02-10"), ("منذ 21 أيام", "2013-01-22")])
def test_since_a_length_standing_alone_is_ago(text, value):
    # a page's stamp under a post: posted that long ago
    assert find_times(text, reference=date(2013, 2, 12))["value"].tolist() == [value]


def test_since_a_length_inside_a_relative_clause_is_a_length():
    # the past verb after the length is the main clause's (هجرت), not the relative clause's
    text = "بسبب المعارك التي تدور منذ ثلاثة أيام هجرت مئات الأسر"
    row = find_times(text, reference=REF).iloc[0]
    assert (row["text"], row["value"]) == ("منذ ثلاثة أيام", "P3D")
    assert find_times("منذ ثلاثة أيام هجرت مئات الأسر", reference=REF).iloc[0]["value"] == "2013-02-09"
