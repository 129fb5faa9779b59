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
