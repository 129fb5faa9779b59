"""Hijri days settled by their weekday, the first day or a part of a Hijri month, parts of a
year (a third, the first months), and a few forms of official and Egyptian copy."""

from __future__ import annotations

from datetime import date

import pytest

from tests.find.time_cases import one
from workbench.find.times import find_times


def test_a_weekday_said_with_a_hijri_day_moves_it_to_the_sighted_day():
    # Morocco began Shawwal 1436 a day after Umm al-Qura: its Saturday 29 Shawwal is 15 August
    row = one("يوم السبت 29 شوال 1436 ه", reference=date(2015, 8, 15))
    assert row["value"] == "2015-08-15"
    assert "hijri_weekday" in row["flags"]


def test_a_hijri_day_without_a_weekday_keeps_umm_al_qura():
    assert one("29 شوال 1436 ه", reference=date(2015, 8, 15))["value"] == "2015-08-14"


def test_a_weekday_far_from_the_hijri_day_is_a_conflict():
    row = one("يوم الثلاثاء 29 شوال 1436 ه", reference=date(2015, 8, 15))
    assert row["value"] == "2015-08-14"
    assert "weekday_conflict" in row["flags"]


@pytest.mark.parametrize(("text", "ref", "tense", "value"), [
    ("غرة شوال", date(2023, 4, 15), "future", "2023-04-21"),
    ("فاتح شهر شعبان لعام 1444", date(2023, 2, 20), "future", "2023-02-21"),
    ("منتصف شعبان", date(2024, 2, 1), "future", "2024-02-21/2024-03-01"),
    ("أواخر رمضان", date(2024, 3, 1), "future", "2024-03-31/2024-04-09"),
    # the middle of Sha'ban said on its 10th: this year's, still ahead
    ("نصف شهر شعبان", date(2024, 2, 20), "future", "2024-02-25"),
    ("غرة آب المقبل", date(2024, 2, 1), "future", "2024-08-01"),
])
def test_first_day_and_parts_of_a_month(text, ref, tense, value):
    assert one(text, reference=ref, tense=tense)["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    ("الثلث الأول من عام 2021", "2021-01/2021-04"),
    ("الثلث الأخير من العام الماضي", "2019-09/2019-12"),
    ("الأشهر الـ 7 الأولى من العام الحالي", "2020-01/2020-07"),
    ("الأشهر الخمسة الأولى من عام 2024", "2024-01/2024-05"),
    ("الشهرين الأولين من العام الجاري", "2020-01/2020-02"),
    ("الربع الأول من 2015", "2015-01/2015-03"),
])
def test_parts_of_a_year(text, value):
    assert one(text, reference=date(2020, 5, 12))["value"] == value


def test_the_last_third_of_the_night_is_no_part_of_a_year():
    assert find_times("في الثلث الأخير من الليل", reference=date(2020, 5, 12)).empty


def test_a_count_joined_to_a_month_by_fi_is_no_day():
    rows = find_times("28 هجوماً مقارنة بـ 1 في تموز (يوليو) الماضي", reference=date(2021, 9, 12))
    assert rows["value"].tolist() == ["2021-07"]


def test_a_weekday_with_its_direction_then_its_date():
    row = one("يوم الاثنين المقبل 25 ماي", reference=date(2020, 5, 14), tense="future")
    assert row["value"] == "2020-05-25"


@pytest.mark.parametrize(("text", "value"), [
    ("بحلول 2030", "2030"),
    ("ساعات الصباح", "2020-05-12"),
    ("النهارده", "2020-05-12"),
])
def test_official_and_egyptian_forms(text, value):
    assert one(text, reference=date(2020, 5, 12))["value"] == value


def test_less_than_a_week_is_a_length():
    assert one("خلال أقل من أسبوع", reference=date(2020, 5, 12))["value"] == "P1W"


def test_hours_of_the_morning_are_no_length():
    row = one("خلال ساعات الصباح", reference=date(2020, 5, 12))
    assert (row["value"], row["time_of_day"]) == ("2020-05-12", "morning")


@pytest.mark.parametrize(("text", "value", "part"), [
    ("ويكون فاتح شهر ذي القعدة هو يوم الاثنين 17 غشت 2015.", "2015-08-17", ""),
    ("يوم الجمعة 29 ذي الحجة 1444 هـ الموافق لـ 18 يوليوز 2023.", "2023-07-18", ""),
    ("بعد مغرب يوم الخميس 29 رجب 1443 هـ موافق 03 مارس 2022 مـ،", "2022-03-03", "evening"),
    # "to be" equates them as هو does, and a comma may stand before either
    ("أعلنت أن غرة شهر شوال ستكون يوم السبت 22 أبريل 2023", "2023-04-22", ""),
    ("وقالت إن فاتح شهر رجب لعام 1442 هـ، هو يوم السبت 13 فبراير 2021", "2021-02-13", ""),
])
def test_a_hijri_date_and_the_gregorian_day_the_writer_equates_it_with(text, value, part):
    rows = find_times(text, reference=date(2023, 1, 1))
    assert len(rows) == 1
    assert (rows.iloc[0]["value"], rows.iloc[0]["time_of_day"]) == (value, part)
    assert "hijri_equivalent" in rows.iloc[0]["flags"]


@pytest.mark.parametrize(("text", "value"), [
    ("للشهر الماضي", "2020-04"),  # ل + الشهر, the article's alif dropped
    ("للعام الحالي", "2020"),
    ("للأشهر الثلاثة الأولى من العام الحالي", "2020-01/2020-03"),
])
def test_a_unit_after_li_keeps_its_article(text, value):
    assert one(text, reference=date(2020, 5, 12))["value"] == value


@pytest.mark.parametrize(("text", "ref", "value"), [
    # Morocco's 1 Sha'ban 1442 was Monday 15 March 2021, Umm al-Qura's Sunday 14th
    ("يوم الإثنين المقبل أول أيام شهر شعبان", date(2021, 3, 13), "2021-03-15"),
    ("الأربعاء غرة محرم", date(2023, 7, 17), "2023-07-19"),
])
def test_a_weekday_before_the_first_of_a_hijri_month_settles_it(text, ref, value):
    assert one(text, reference=ref, tense="future")["value"] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the nth day of a feast, counted from its first (Eid al-Adha 1445: Sunday 16 June 2024)
        ("قصفت المدينة ثالث أيام عيد الأضحى", "ثالث أيام عيد الأضحى", "2024-06-18"),
        ("زار الأسرى ثاني يوم عيد الأضحى", "ثاني يوم عيد الأضحى", "2024-06-17"),
        ("صام الناس يوم عرفة", "يوم عرفة", "2024-06-15"),  # 9 Dhu al-Hijja
    ],
)
def test_days_of_the_feast(text, span, value):
    row = find_times(text, reference=date(2024, 6, 20)).iloc[0]
    assert (row["text"], row["value"]) == (span, value)


def test_the_nth_day_of_a_war_is_no_feast():
    assert find_times("في ثاني أيام الحرب", reference=date(2024, 6, 20)).empty


def test_a_hijri_feast_with_its_hijri_year():
    row = find_times("صلى الناس عيد الفطر 1445 في الساحات", reference=date(2024, 6, 20)).iloc[0]
    assert (row["text"], row["value"]) == ("عيد الفطر 1445", "2024-04-10")


def test_the_half_of_a_month_said_with_its_article():
    # النصف من شعبان: the 15th (Sha'ban 1445 began on 11 February 2024)
    row = find_times("أحيا المصلون ليلة النصف من شعبان", reference=date(2024, 5, 15)).iloc[0]
    assert (row["text"], row["start_date"]) == ("ليلة النصف من شعبان", "2024-02-25")


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("الأيام العشرة الأولى من أبريل", date(2023, 5, 10), "2023-04-01/2023-04-10"),
        ("الأيام الخمسة الأخيرة من مارس", date(2023, 5, 10), "2023-03-27/2023-03-31"),
        ("الأيام الأولى من شهر مايو", date(2023, 5, 10), "2023-05-01/2023-05-10"),  # as مطلع
        ("الأيام الأخيرة من الشهر الماضي", date(2023, 5, 10), "2023-04-21/2023-04-30"),
        # the 21 days of Ramadan 1443 so far (it began on 2 April 2022): its first 21
        ("ارتفعت خلال الـ21 يومًا من رمضان مقارنة", date(2022, 4, 23), "2022-04-02/2022-04-22"),
    ],
)
def test_the_first_or_last_days_of_a_month(text, reference, value):
    assert find_times(text, reference=reference)["value"].tolist() == [value]


def test_the_first_days_of_no_month_are_not_read():
    assert find_times("في الأيام الأولى من الحرب", reference=date(2023, 5, 10)).empty


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في العام الهجري 1445", "2023-07-19/2024-07-06"),  # the Hijri year said by its name, no era
        ("في 12 رمضان من العام الهجري 1445", "2024-03-22"),
        ("مع بداية السنة الهجرية 1446", "2024-07-07/2024-08-04"),  # its first month, Muharram
        ("حتى نهاية العام الهجري 1445", "2024-06-07/2024-07-06"),  # its last, Dhu al-Hijjah
    ],
)
def test_a_year_named_hijri(text, value):
    row = find_times(text, reference=date(2024, 5, 1)).iloc[0]
    assert (row["value"], row["calendar"]) == (value, "hijri")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في التسعينيات", "1990/1999"),
        ("في ستينيات القرن الماضي", "1960/1969"),
        ("منذ الثمانينيات", "1980/2021"),  # since the decade: from its first year
    ],
)
def test_a_decade_by_its_name(text, value):
    df = find_times(text, reference=date(2021, 10, 10))
    assert df[df["flags"] != "span_end"]["value"].tolist() == [value]


def test_a_count_with_the_article_is_no_decade():
    assert find_times("قتل الستين شخصا", reference=date(2021, 10, 10)).empty


def test_a_hijri_year_alone_is_the_span_of_its_days():
    # half of each Gregorian year 1440 AH overlaps lies outside it
    row = one("أُسست الجمعية عام 1440 هـ في الرياض", reference=date(2024, 1, 1))
    assert row["value"] == "2018-09-11/2019-08-30"
    assert (row["start_date"], row["end_date"]) == ("2018-09-11", "2019-08-30")
    # before the Umm al-Qura tables: the tabular calendar, in Julian dates
    assert one("توفي سنة 661 هجرية", reference=date(2024, 1, 1))["value"] == "1262-11-15/1263-11-03"


def test_a_hijri_first_of_month_equated_with_tomorrows_date():
    # a sighting a day after Umm al-Qura's 1 Rajab 1446 (Wednesday 1 January 2025)
    text = "فاتح شهر رجب لعام 1446 هـ هو يوم غد الخميس 02 يناير 2025 م"
    row = one(text, reference=date(2025, 1, 1), tense="future")
    assert row["value"] == "2025-01-02" and "hijri_equivalent" in row["flags"]


def test_egyptian_kam_before_a_singular_unit_is_a_few_of_it():
    row = one("استنوا كام يوم وهنشوف", reference=date(2022, 4, 15))
    assert row["text"] == "كام يوم" and row["value"] == "PXD" and "vague" in row["flags"]
    assert one("اتقبض عليه قبل كام يوم", reference=date(2022, 4, 15))["value"] == "2022-04-08/2022-04-14"
    assert find_times("بكام الكيلو النهارده؟", reference=date(2022, 4, 15))["text"].tolist() == ["النهارده"]


def test_a_year_with_the_era_in_its_adverbial_form():
    # هجريًّا, ميلاديًّا: the era adjectives in the accusative of specification
    row = one("خلال العام 1446 هجريًّا", reference=date(2025, 1, 1))
    assert (row["value"], row["calendar"]) == ("2024-07-07/2025-06-25", "hijri")
    assert one("في عام 1999 ميلاديًا", reference=date(2025, 1, 1))["value"] == "1999"


def test_a_first_of_a_hijri_month_said_to_fall_on_a_day_by_relation():
    # Morocco's sighting a day after Umm al-Qura: the verb equates the two, the later day kept
    row = one("أن فاتح شهر رجب لعام 1447 ه سيصادف يوم بعد غد الاثنين", reference=date(2025, 12, 20))
    assert (row["value"], row["rule"].split("+")[0]) == ("2025-12-22", "hijri=gregorian")


@pytest.mark.parametrize(("text", "ref", "value"), [
    # هذا العام after a Hijri month is the reference's Hijri year, not a direction of the month
    ("موعد العشر الأواخر من شهر رمضان لهذا العام", date(2023, 4, 8), "2023-04-12/2023-04-20"),
    ("تحري هلال شهر شعبان لهذا العام", date(2024, 1, 8), "2024-02-11/2024-03-10"),
    # الحالي after a Hijri month said inside it: this month, its part still ahead or not
    ("في أواخر رمضان الحالي", date(2023, 4, 8), "2023-04-12/2023-04-20"),
])
def test_a_hijri_month_of_this_year(text, ref, value):
    assert one(text, reference=ref, tense="past")["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    # the Hijri year said by relation is a year of the Hijri calendar, not the Gregorian one
    ("تراجعت الحوادث خلال العام الهجري الحالي", "2023-07-19/2024-07-06"),
    ("سجلت الإدارة ذلك في العام الهجري الماضي", "2022-07-30/2023-07-18"),
    ("تبدأ الدراسة مع بداية العام الهجري", "2023-07-19/2023-08-16"),
    ("تنتهي الأعمال نهاية السنة الهجرية الحالية", "2024-06-07/2024-07-06"),
])
def test_a_hijri_year_said_by_relation(text, value):
    row = one(text, reference=date(2024, 5, 1))
    assert row["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    # the feast's epithet does not part it from its Hijri year
    ("صلاة عيد الفطر المبارك لعام 1445هـ", "2024-04-10"),
    ("أول أيام عيد الأضحى المبارك 1444", "2023-06-28"),
    ("احتفالات المولد النبوي الشريف لعام 1445 هـ", "2023-09-27"),
])
def test_a_hijri_feast_with_its_epithet_and_year(text, value):
    assert one(text, reference=date(2024, 5, 1))["value"] == value
