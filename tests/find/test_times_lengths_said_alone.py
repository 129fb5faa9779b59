"""Lengths said with one unit and no count: لمدة + a unit, a whole unit (ساعةً كاملةً), decades."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.find.times import find_times

REF = date(2026, 1, 19)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("كانت الكهرباء تنقطع لمدة ساعة كل يوم", "مدة ساعة", "PT1H"),  # لمدة: how long
        ("طلب تمديد ولاية الحكومة لمدة عام واحد", "مدة عام واحد", "P1Y"),
        ("بقي بضيافتي ساعةً كاملةً", "ساعةً كاملة", "PT1H"),  # a whole unit, no anchor
        ("ظل المصاب يوما كاملا تحت الأنقاض", "يوما كاملا", "P1D"),
        ("انقطعت العلاقات منذ عقدين", "منذ عقدين", "P20Y"),  # a decade: ten years
        ("عادت العلاقات بعد أكثر من عقد من القطيعة", "بعد أكثر من عقد", "P10Y"),
        # one in words after the unit counts it (شهر واحد "one month"), no month named 1
        ("قتل الصحفي منذ شهر واحد في المدينة", "منذ شهر واحد", "P1M"),
    ],
)
def test_one_unit_is_a_length(text, span, value):
    df = find_times(text, reference=REF)
    assert len(df) == 1, df
    assert (df.iloc[0]["text"], df.iloc[0]["value"], df.iloc[0]["relation"]) == (span, value, "duration")


def test_holding_a_meeting_is_no_decade():
    # عقد before a definite noun is the verbal noun "holding" (قبل عقد الاجتماع), not a decade
    assert find_times("وصل الوفد قبل عقد الاجتماع", reference=REF).empty


def test_a_count_of_days_after_a_month_is_no_day_of_it():
    # إكمال شهر شعبان 30 يومًا: 30 is how many days the month has, not its 30th day
    df = find_times("فسيتم إكمال شهر شعبان 30 يومًا", reference=REF)
    assert list(df["text"]) == ["شهر شعبان", "30 يومًا"]
    assert df.iloc[1]["value"] == "P30D"


def test_early_morning_after_since_is_this_morning():
    df = find_times("تحليق مكثف لطيران الاستطلاع منذ الصباح الباكر", reference=REF)
    assert (df.iloc[0]["text"], df.iloc[0]["start_date"]) == ("منذ الصباح الباكر", "2026-01-19")


def test_noon_misspelt_with_dad_gives_the_clock_its_half_of_the_day():
    # ضهراً (for ظهراً), as forums write it: 2:30 after noon
    df = find_times("مزدحمه ضهراً الساعه 2:30", reference=REF)
    assert df.iloc[0]["time_of_day"] == "14:30"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("أغلقت الطرق لعدة أيام", "لعدة أيام", "PXD"),  # ل: "for" a few units
        ("استمر القصف لبضع ساعات", "لبضع ساعات", "PTXH"),
        ("عاش في المنفى لسنوات", "لسنوات", "PXY"),  # ل + a bare plural
        ("يتوقع وصول الوفد في غضون أسبوع", "في غضون أسبوع", "P1W"),
    ],
)
def test_for_and_within_a_few_units_is_a_length(text, span, value):
    df = find_times(text, reference=REF)
    assert list(zip(df["text"], df["value"], strict=True)) == [(span, value)]


def test_the_days_of_a_war_are_no_length():
    assert find_times("أعادتنا الصور لأيام الحرب", reference=REF).empty


def test_the_last_hours_are_of_the_reference_day():
    row = find_times("قتل ثلاثة خلال الساعات الأخيرة", reference=REF).iloc[0]
    assert row["text"] == "خلال الساعات الأخيرة"
    assert (row["start_date"], row["end_date"]) == ("2026-01-19", "2026-01-19")


def test_the_last_ten_days_of_a_hijri_month():
    # العشر الأواخر: from the 21st to the month's end, like أواخر (Ramadan 1445: 11 March-9 April 2024)
    row = find_times("اعتكف في العشر الأواخر من رمضان 1445", reference=REF).iloc[0]
    assert (row["start_date"], row["end_date"]) == ("2024-03-31", "2024-04-09")


@pytest.mark.parametrize(("text", "span"), [
    ("اعتكف في العشر الأخيرة من رمضان 1445", ("2024-03-31", "2024-04-09")),
    ("اعتكف في العشر الأخير من رمضان 1445", ("2024-03-31", "2024-04-09")),
    # العشر الأول (الأُوَل) is the first ten days, not the first day
    ("صام العشر الأول من ذي الحجة 1445", ("2024-06-07", "2024-06-16")),
    ("صام العشر الأُوَل من ذي الحجة 1445", ("2024-06-07", "2024-06-16")),
])
def test_the_first_and_last_ten_days_said_other_ways(text, span):
    row = find_times(text, reference=REF).iloc[0]
    assert (row["start_date"], row["end_date"]) == span


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("قضى في السجن سنة ونصف", "سنة ونصف", "P18M"),  # a part of a unit, in the next smaller one
        ("انقطعت الكهرباء شهر ونصف", "شهر ونصف", "P45D"),
        ("بقي في المستشفى يوم ونصف", "يوم ونصف", "PT36H"),
        ("استمر الحصار على مدى عقد", "على مدى عقد", "P10Y"),
        ("أغلق المعبر لمدة تزيد عن شهر", "مدة تزيد عن شهر", "P1M"),
    ],
)
def test_parts_of_units_and_more_than(text, span, value):
    df = find_times(text, reference=REF)
    assert list(zip(df["text"], df["value"], strict=True)) == [(span, value)]


def test_a_year_and_a_half_ago():
    assert find_times("قتل قبل عام ونصف", reference=REF).iloc[0]["value"] == "2024-07"


@pytest.mark.parametrize("text", ["لم تنفذ منذ عقود فانتشرت", "على مدى عقود", "استمر الصراع لعقود"])
def test_decades_are_a_length(text):
    row = find_times(text, reference=date(2023, 5, 10)).iloc[0]
    assert (row["value"], row["relation"]) == ("PXY", "duration")


@pytest.mark.parametrize("text", ["قبل عقود", "عقود النفط الموقعة"])
def test_decades_make_no_point_in_time(text):
    assert find_times(text, reference=date(2023, 5, 10)).empty


def test_time_passing_between_an_anchor_and_its_length():
    """بعد مرور شهر على, منذ انقضاء عامين: the verbal noun of time passing is read through."""
    row = find_times("وبعد مرور أسبوعين على بدء الهدنة عاد النازحون", reference=date(2021, 3, 9)).iloc[0]
    assert (row["text"], row["value"], row["rule"]) == ("بعد مرور أسبوعين", "P2W", "elapse+after+length")
    assert find_times("بعد مرور الوقت", reference=date(2021, 3, 9)).empty


def test_a_month_named_by_its_number_in_words_stays_a_month():
    # شهر ثلاثة (March) and شهر 1 (January) name months; only one in words counts
    assert find_times("سافر في شهر ثلاثة", reference=REF).iloc[0]["value"] == "2025-03"
    assert find_times("سافر في شهر 1", reference=REF).iloc[0]["value"] == "2026-01"
