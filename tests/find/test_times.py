"""Times: ISO 8601 values against a reference, with tense, gaps and qualifiers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.find.time_cases import MAY_2020, one
from workbench.find.times import find_times
from workbench.resources import read_table
from workbench.text.arabic import GAP_MARKER, match_key

GAP = GAP_MARKER
DUCKLING = datetime(2013, 2, 12, 4, 30)


@pytest.mark.parametrize(
    ("text", "value", "flags"),
    [
        ("خلال شهر أبريل/نيسان المنصرم فقط", "2020-04", "month_only;year_inferred"),
        ("منذ أكتوبر، فقد انسحبت", "2019-10/2020-05", "month_only;year_inferred"),
        (f"وإعلان الانتصار عليه في ديسمبر {GAP}.", "XXXX-12", "year_unknown"),
        ("في 5 حزيران 2014", "2014-06-05", ""),
        ("في تشرين الأول 2019", "2019-10", ""),
        ("بين 2014 و2017", "2014/2017", "range"),
        ("٢٠١٤ – ٢٠١٧", "2014/2017", "range"),
        ("أمس", "2020-05-11", "relative"),
        ("قبل ثلاثة أيام", "2020-05-09", "relative"),
        # منذ + a length in a clause: how long it has lasted (the start is proposed); standing
        # alone it is a page's stamp, how long ago (test_times_since_ago)
        ("مضرب عن الطعام منذ يومين", "P2D", ""),
        ("ينتظرون منذ ساعة", "PT1H", ""),
        # hours before a reference day without a clock: counted from its midday, flagged
        ("قبل 30 ساعة", "2020-05-11", "relative;day_inferred"),
        ("حتى الآن", "2020-05-12", "relative"),  # a reference day: no time of day invented
        ("الأسبوع الماضي", "2020-W19", "relative"),
        ("العام المقبل", "2021", "relative"),
        ("يوم الجمعة", "2020-05-08", "relative"),
        ("الثلاثاء الماضي", "2020-05-05", "relative"),
        ("في عام 2014", "2014", ""),
        ("20-02-1430 هـ", "2009-02-15", ""),
        ("في 15 رمضان 1441 هـ", "2020-05-08", ""),
        ("رمضان 2019", "2019-05-06/2019-06-03", ""),
        ("12/05/2020", "2020-05-12", ""),
        ("في أيار", "2020-05", "month_only;year_inferred"),
        ("شهرين", "P2M", ""),
        ("30 يوم", "P30D", ""),
    ],
)
def test_values(text, value, flags):
    row = one(text, reference=MAY_2020)
    assert (row["value"], row["flags"]) == (value, flags)


def test_mid_june_with_lost_year_is_unknown_with_a_proposal_in_future_clause():
    text = f"أن هناك حوارًا شاملاً في منتصف يونيو {GAP} بين بغداد وواشنطن الذي سيتضمن صيغة الوجود"
    row = one(text, reference=MAY_2020)
    assert (row["value"], row["qualifier"], row["flags"], row["proposed"]) == (
        "XXXX-06", "mid", "year_unknown", "2020-06",
    )


def test_lost_year_in_past_clause_has_no_proposal():
    row = one(f"أعلن الانتصار في ديسمبر {GAP}.", reference=MAY_2020)
    assert row["proposed"] == ""


@pytest.mark.parametrize(
    ("text", "value"),
    [("سيزور الوفد بغداد في يونيو", "2020-06"), ("زار الوفد بغداد في يونيو", "2019-06"),
     ("سوف تجري الانتخابات في مارس", "2021-03"), ("جرت الانتخابات في مارس", "2020-03")],
)
def test_month_without_year_follows_tense(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("في أوائل آذار 2013", "2013-03-01", "2013-03-10"),
     ("منتصف حزيران 2013", "2013-06-11", "2013-06-20"),
     ("أواخر شباط 2013", "2013-02-21", "2013-02-28"),
     ("مطلع عام 2019", "2019-01-01", "2019-01-31")],  # start of a year: its first month
)
def test_qualifiers_narrow_a_month_or_year(text, start, end):
    row = one(text, reference=MAY_2020)
    assert (row["start_date"], row["end_date"]) == (start, end)


def test_gap_range_needs_a_period_word():
    with_word = find_times(f"كما حصل في فترة الحرب على التنظيم بين {GAP} – {GAP}.")
    assert with_word["value"].tolist() == ["XXXX/XXXX"]
    assert find_times(f"قتل بين {GAP} و{GAP} شخصا").empty


def test_without_reference_unresolved_parts_are_flagged():
    row = one("في أبريل")
    assert row["value"] == "XXXX-04"
    assert "needs_reference" in row["flags"]
    assert one("منذ أكتوبر 2019")["value"] == "2019-10/.."


@pytest.mark.parametrize(
    ("text", "value"),
    [("الثلاثاء", "2013-02-19"), ("4 ابريل", "2013-04-04"), ("الاول من شهر شباط", "2013-02-01"),
     ("ثاني اربعاء من شهر اكتوبر من عام 2014", "2014-10-08"),
     ("الثلاثاء الاخير من شهر مارس السنة القادمة", "2014-03-25"),
     ("اخر يوم بشهر عشرة سنة 2015", "2015-10-31"), ("عيد الفطر", "2013-08-08")],
)
def test_duckling_convention_with_future_tense(text, value):
    assert one(text, reference=DUCKLING, tense="future")["value"] == value


@pytest.mark.parametrize(
    "text",
    ["مارس الضغوط على الحكومة", "محرم عليهم ذلك", "في آب", "أحد الأسباب", "من أجل احتواء",
     "حتى عن مهام هذه الميليشيات", "الإثنين وعشرين", ""],
)
def test_common_words_are_not_times(text):
    df = find_times(text, reference=MAY_2020)
    assert df.empty or "الإثنين" in text


@pytest.mark.parametrize(
    ("text", "value"),
    [("في 20 آب", "2019-08-20"), ("وفي 20 آب، قتل", "2019-08-20"),
     ("يوم 20 آب الماضي", "2019-08-20"), ("في العشرين من آب", "2019-08-20"),
     ("في الـ20 من آب", "2019-08-20"), ("في شهر آب", "2019-08"), ("في 10 محرم", "2019-09-09")],
)
def test_a_month_that_is_a_common_word_is_read_after_a_day_or_shahr(text, value):
    # آب "father", محرم "forbidden": a day said as a date or شهر before them is cue enough
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize("text", ["وقتل 3 أب وابنه", "فاز الفريق 2 صفر", "أب لثلاثة أطفال"])
def test_a_bare_count_before_a_common_word_is_no_date(text):
    assert find_times(text, reference=MAY_2020).empty


def test_bad_tense_is_rejected():
    with pytest.raises(ValueError):
        find_times("أمس", tense="soon")


@pytest.mark.parametrize(("name", "column"), [("text/months.csv", "form"), ("find/time_words.csv", "form")])
def test_lexicon_entries_are_normalised(name, column):
    df = read_table(name)
    bad = [f for f in df[column] if f and " ".join(match_key(w) for w in f.split()) != f]
    assert not bad


def test_month_table_covers_every_series():
    df = read_table("text/months.csv")
    for series in ("western", "levantine", "maghrebi", "hijri"):
        months = set(df[df["series"] == series]["month"].astype(int))
        assert months == set(range(1, 13)) or series == "maghrebi"


@pytest.mark.parametrize(
    ("text", "value"),
    [("زار الوفد بغداد في يونيو. سيعود الوفد", "2019-06"),  # the cue is in the next sentence
     ("زار الوفد بغداد في يونيو\n\nسيعود الوفد", "2020-06"),  # a paragraph's first word ends it
     ("سيعود الوفد.\n\nزار الوفد بغداد في يونيو", "2019-06")],
)
def test_future_cue_is_looked_for_in_the_same_sentence(text, value):
    assert one(text, reference=MAY_2020)["value"] == value


@pytest.mark.parametrize(
    ("text", "span", "value", "time_of_day"),
    [
        ("قُتل جنديان فجر الأربعاء في الأنبار", "فجر الأربعاء", "2020-05-06", "dawn"),
        ("وصباح يوم الخميس انفجرت عبوة", "صباح يوم الخميس", "2020-05-07", "morning"),
        ("هاجم مسلحون النقطة مساء أمس", "مساء أمس", "2020-05-11", "evening"),
        ("يوم الأحد الماضي عصرًا", "يوم الأحد الماضي عصرًا", "2020-05-10", "afternoon"),
        ("سقطت صواريخ ليلة أمس", "ليلة أمس", "2020-05-11", "night"),
        # ليلة + a named day: the night before it (a day begins at sunset)
        ("وقعت الهجمات ليلة الجمعة", "ليلة الجمعة", "2020-05-08", "eve"),
        ("قرابة منتصف ليل الثلاثاء", "قرابة منتصف ليل الثلاثاء", "2020-05-12", "midnight"),
        ("عند الساعة الثالثة من فجر اليوم", "عند الساعة الثالثة من فجر اليوم", "2020-05-12", "03:00"),
        ("الساعة العاشرة مساءً يوم الخميس", "الساعة العاشرة مساءً يوم الخميس", "2020-05-07", "22:00"),
        ("يوم الخميس في تمام الساعة الواحدة والنصف ظهرًا", "يوم الخميس في تمام الساعة الواحدة والنصف ظهرًا",
         "2020-05-07", "13:30"),
        ("أمس الساعة 9:30 صباحًا", "أمس الساعة 9:30 صباحًا", "2020-05-11", "09:30"),
        ("أمس الساعة 21.15", "أمس الساعة 21.15", "2020-05-11", "21:15"),
        ("الساعة الحادية عشرة إلا ربعًا من مساء الأحد", "الساعة الحادية عشرة إلا ربعًا من مساء الأحد",
         "2020-05-10", "22:45"),
        # nothing says which half of the day: both readings
        ("يوم الاثنين الساعة الثالثة", "يوم الاثنين الساعة الثالثة", "2020-05-11", "03:00|15:00"),
        # فجّر (blew up) is a verb, not dawn
        ("فجّر انتحاري نفسه يوم الأربعاء", "يوم الأربعاء", "2020-05-06", ""),
    ],
)
def test_time_of_day(text, span, value, time_of_day):
    """The day and the time of day; a clock also gives the value to the minute (2020-05-07T22:00)."""
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["start_date"], row["time_of_day"]) == (span, value, time_of_day)
    if time_of_day[:1].isdigit() and "|" not in time_of_day:
        assert row["value"] == f"{value}T{time_of_day}"


def test_a_part_of_the_day_alone_is_no_time():
    # with no day, cue or past verb (وقع الانفجار صباحًا is the story day's morning): a habit
    assert find_times("يفتح السوق صباحًا قرب المحطة", reference=MAY_2020).empty


def test_a_part_of_the_day_before_a_reflexive_object_is_a_verb():
    # فجّرا نفسيهما "the two blew themselves up": no dawn, no two o'clock
    assert find_times("أن انتحاريين اثنين فجرا نفسيهما").empty
    assert find_times("وقع الانفجار الساعة الثالثة فجرا")["value"].tolist() == ["XXXX-XX-XXT03:00"]


def test_reference_given_as_iso_text_is_read_as_a_date_or_a_moment() -> None:
    import workbench
    from workbench.text.dates import as_reference

    as_date = find_times("سيعقد الاجتماع يوم الخميس", reference=date(2020, 5, 12))
    as_text = find_times("سيعقد الاجتماع يوم الخميس", reference="2020-05-12")
    assert as_text["value"].tolist() == as_date["value"].tolist() == ["2020-05-14"]
    hours = find_times("قبل ثلاث ساعات", reference="2020-05-12T09:30")
    assert hours["value"].tolist() == ["2020-05-12T06:30"]
    assert as_reference("٢٠٢٠-٠٥") == date(2020, 5, 1)
    assert as_reference("XXXX-05") is None
    assert as_reference(datetime(2020, 5, 1, 8)) == datetime(2020, 5, 1, 8)
    with pytest.raises(ValueError, match="not a reference date: 'yesterday'"):
        find_times("أمس", reference="yesterday")
    mentions = workbench.find_mentions("عاد أمس", reference="2014-06-02")
    assert mentions.loc[mentions.kind == "time", "value"].tolist() == ["2014-06-01"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("توفي يوم عشرين غشت سنة 1953 بالرباط", "يوم عشرين غشت سنة 1953", "1953-08-20"),
        ("وصل الوفد يوم خمسة وعشرين مارس 2012", "يوم خمسة وعشرين مارس 2012", "2012-03-25"),
    ],
)
def test_day_of_month_as_a_cardinal_word_after_yawm(text, span, value):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"]) == (span, value)


def test_a_count_after_yawm_is_no_day():
    assert find_times("قتل يوم الأحد ثلاثة أشخاص", reference=MAY_2020)["text"].tolist() == ["يوم الأحد"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("ارتفعت الجرائم خلال عامي 2022 و2023", "عامي 2022 و2023", "2022/2023"),  # the dual of عام
        ("قتل العشرات بين عامي 2020 و2022", "بين عامي 2020 و2022", "2020/2022"),
        ("تراجعت الصادرات خلال شهري يناير وفبراير 2020", "شهري يناير وفبراير 2020", "2020-01/2020-02"),
    ],
)
def test_two_years_or_months_named_after_a_dual(text, span, value):
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"]) == (span, value)


def test_a_monthly_wage_is_no_month():
    assert find_times("يتقاضى راتبا شهري 500 دولار", reference=MAY_2020).empty


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("صوت المجلس على الميثاق في 28 يليو تموز من عام 1945 .", "28 يليو تموز من عام 1945", "1945-07-28"),
        ("وعشاء في العاشر من دسمبر كانون الاول 2013", "العاشر من دسمبر كانون الاول 2013", "2013-12-10"),
    ],
)
def test_a_slip_in_one_of_two_month_names(text, span, value):
    # the month's other name right after the slip confirms it
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"]) == (span, value)


def test_a_slip_alone_is_no_month():
    assert find_times("وصل يليو الى المدينة", reference=MAY_2020).empty


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("اجتمعوا في 23 و24 أيلول 2020", "23 و24 أيلول 2020", "2020-09-23/2020-09-24"),
        ("في 12 و13 من الشهر الجاري", "12 و13 من الشهر الجاري", "2020-05-12/2020-05-13"),
    ],
)
def test_two_days_said_together_without_yawmay(text, span, value):
    # as يومي 23 و24 أيلول: the span the two days bound
    row = one(text, reference=MAY_2020)
    assert (row["text"], row["value"]) == (span, value)


def test_two_counts_are_no_days():
    assert find_times("أصيب 5 و3 منهم", reference=MAY_2020).empty


@pytest.mark.parametrize(
    ("text", "value"),
    [("في 5 الجاري", "2020-05-05"), ("يوم 5 الحالي", "2020-05-05"), ("بتاريخ 9 الشهر الجاري", "2020-05-09")],
)
def test_a_day_of_this_month_said_by_jari_alone(text, value):
    assert find_times(text, reference=MAY_2020)["value"].tolist() == [value]


def test_a_count_before_jari_is_no_day():
    assert find_times("قتل 5 الجاري", reference=MAY_2020).empty


def test_a_bracketed_year_before_where_dates_the_day_after_it():
    text = "وحادث احتجاز الرهائن في بنغلادش (2016) في 1 تموز/يوليو في دكا"
    df = find_times(text)
    assert df["value"].tolist() == ["2016", "2016-07-01"]
    assert "year_from_sentence" in df["flags"].iloc[1]
    # a count in brackets keeps its noun or the من of a part: no year
    assert find_times("قتل ( 2000 ) من المقاتلين").empty


def test_an_anaphoric_day_is_the_day_named_last_and_flagged():
    df = find_times("قصفت الطائرات البلدة في 12 أيار وقتل في ذلك اليوم خمسة", reference=date(2024, 5, 17))
    row = df.iloc[-1]
    assert row["text"] == "ذلك اليوم" and row["value"] == "2024-05-12"
    assert "anaphoric" in row["flags"] and "antecedent_unknown" not in row["flags"]
    alone = one("وفي اليوم نفسه قتل ثلاثة", reference=date(2024, 5, 17))
    assert {"anaphoric", "antecedent_unknown"} <= set(alone["flags"].split(";"))


def test_a_part_of_the_day_as_an_adverb_after_a_past_verb_is_the_story_day():
    df = find_times("استهدفت غارة الضاحية يوم الثلاثاء 30 تموز بما أن الغارة نُفّذت مساءً",
                    reference=date(2024, 7, 31))
    row = df.iloc[-1]
    assert row["value"] == "2024-07-30" and row["time_of_day"] == "evening"
    assert find_times("عملوا ليلا ونهارا", reference=date(2024, 7, 31)).empty


def test_a_part_of_the_day_as_an_adverb_after_the_subject_of_a_past_verb():
    # the verb, its subject, then the adverb (with or without a comma): the story day
    for text in ("ووقع الانفجار صباحا قرب السوق", "وقصفت المدفعية الثقيلة، ليلا، أطراف البلدة"):
        row = find_times(text, reference=date(2021, 3, 9)).iloc[0]
        assert row["value"] == "2021-03-09" and row["rule"] == "cue+part_of_day"
    # an imperfective verb says what is done as a habit, and a comma closes the clause
    assert find_times("يعمل المزارعون ليلا", reference=date(2021, 3, 9)).empty
    assert find_times("وصل الوفد، ثم بدأ الحديث عن أعمال تجري ليلا", reference=date(2021, 3, 9)).empty


@pytest.mark.parametrize(("text", "value"), [
    ("في 14 محرم الحرام 1446", "2024-07-20"),
    ("في 20 صفر الخير 1446", "2024-08-24"),
    ("حلول شهر رمضان المبارك لعام 1445", "2024-03-11/2024-04-09"),
    # the sacred months' الحرام does not stop the date before its year
    ("في غرة رجب الحرام 1445هـ", "2024-01-13"),
    ("الأول من شهر ذي الحجة الحرام لعام 1445 للهجرة", "2024-06-07"),
    ("في 3 ذو القعدة الحرام 1445", "2024-05-11"),
    # ذوالحجة in one word, جماد for جمادى
    ("وصل الوفد في 5 ذوالحجة 1445هـ", "2024-06-11"),
    ("عقد الاجتماع يوم 3 جماد الأولى 1446ه", "2024-11-05"),
    ("صدر في 10 جماد الآخرة 1445 هـ", "2023-12-23"),
])
def test_a_hijri_month_keeps_its_epithet(text, value):
    assert one(text, reference=date(2024, 3, 1))["value"] == value


def test_a_numeric_hijri_date_with_a_two_digit_year():
    row = one("صدر بتاريخ 15/ 8/ 45هـ", reference=date(2024, 3, 1))
    assert row["value"] == "2024-02-25" and row["calendar"] == "hijri"


def test_a_numeric_gregorian_equivalent_takes_the_order_the_hijri_day_gives():
    row = one("بتاريخ 25/10/1445هـ الموافق 5/4/2024م", reference=date(2024, 6, 1))
    assert row["value"] == "2024-05-04" and "order_from_hijri" in row["flags"]
    row = one("بتاريخ 25/10/1445هـ الموافق 4/5/2024م", reference=date(2024, 6, 1))
    assert row["value"] == "2024-05-04" and "order_from_hijri" not in row["flags"]


def test_a_two_digit_year_with_one_digit_parts_needs_a_dating_word():
    assert one("بتاريخ 5/7/23", reference=date(2024, 12, 1))["value"] == "2023-07-05"
    assert one("الخميس 6/7/23", reference=date(2024, 12, 1))["value"] == "2023-07-06"
    assert find_times("في 5/7/23 من الحالات", reference=date(2024, 12, 1)).empty


@pytest.mark.parametrize(("text", "value"), [
    ("خلال الـ24 ساعة الماضية", "2024-05-16/2024-05-17"),
    ("خلال الساعات ال48 الماضية", "2024-05-15/2024-05-17"),
    ("خلال الـ10 أيام المقبلة", "2024-05-18/2024-05-27"),
    ("خلال الساعات الثلاث الماضية", "2024-05-17"),
    # the count without its article, in words or digits: the adjective's article still says it
    ("وفي اثنتين وسبعين ساعة الأخيرة", "2024-05-14/2024-05-17"),
    ("خلال 5 أيام المقبلة", "2024-05-18/2024-05-22"),
])
def test_the_n_units_past_or_next_counted_in_digits_are_a_period(text, value):
    row = one(text, reference=date(2024, 5, 17))
    assert row["value"] == value and row["relation"] == "period"


def test_a_count_and_unit_with_no_article_after_them_stay_a_length():
    assert one("استمر القصف ثماني وأربعين ساعة متواصلة", reference=date(2024, 5, 17))["value"] == "PT48H"


def test_without_reference_a_relative_day_keeps_its_time_of_day():
    row = one("مساء اليوم الخميس")
    assert row["value"] == "" and row["time_of_day"] == "evening"
    assert {"relative", "needs_reference"} <= set(row["flags"].split(";"))
    assert one("الساعة 10 من صباح اليوم")["time_of_day"] == "10:00"


def test_a_part_of_the_same_day_is_of_the_day_named_before():
    df = find_times("قصف في 12 أيار وفي مساء اليوم ذاته قتل خمسة", reference=date(2024, 5, 17))
    row = df.iloc[-1]
    assert row["text"] == "مساء اليوم ذاته" and row["value"] == "2024-05-12"
    assert row["time_of_day"] == "evening" and "anaphoric" in row["flags"]
    assert one("مساء اليوم", reference=date(2024, 5, 17))["value"] == "2024-05-17"


def test_a_range_of_hijri_years_takes_the_era_said_after_the_second():
    row = one("عام 1445-1446هـ", reference=date(2024, 3, 20))
    assert row["value"] == "2023-07-19/2025-06-25" and row["value"].count("/") == 1
    assert row["calendar"] == "hijri" and row["end_date"] == "2025-06-25"


def test_a_range_of_numeric_hijri_days_takes_the_era_said_after_the_second():
    row = one("من 1/9 إلى 30/9/1445هـ", reference=date(2024, 5, 1))
    assert row["value"] == "2024-03-11/2024-04-09"
    assert one("من 1/9 إلى 30/9/2023", reference=date(2024, 5, 1))["value"] == "2023-09-01/2023-09-30"


def test_hijri_days_of_the_pilgrimage_and_of_rajab():
    assert one("يوم التروية 1445", reference=date(2024, 3, 20))["value"] == "2024-06-14"
    assert one("ذكرى الإسراء والمعراج", reference=date(2024, 3, 20))["value"] == "2024-02-08"


def test_a_year_then_its_month_in_digits():
    assert one("في 2024/3", reference=date(2024, 3, 20))["value"] == "2024-03"
    assert find_times("موسم 2010/11", reference=date(2024, 3, 20)).empty  # two years


@pytest.mark.parametrize(("text", "value"), [
    ("أقل من أسبوع", "P1W"), ("نحو شهر", "P1M"), ("لأكثر من 10 سنوات", "P10Y"), ("حوالي نصف ساعة", "PT30M"),
])
def test_about_or_more_than_a_length_is_that_length(text, value):
    row = one(text, reference=date(2024, 3, 20))
    assert row["value"] == value and "approx" in row["flags"]


def test_about_a_length_before_a_point_moves_it():
    assert one("نحو ساعتين بعد منتصف الليل", reference=date(2024, 3, 20))["value"] == "2024-03-20T02:00"


@pytest.mark.parametrize("text", ["ساعات طويلة", "أياما عديدة", "بعد أيام معدودة"])
def test_a_plural_unit_with_an_adjective_of_number_is_a_vague_length(text):
    row = one(text, reference=date(2024, 3, 20))
    assert row["value"].startswith("P") and "X" in row["value"] and "vague" in row["flags"]


def test_the_vague_periods_ahead_mirror_those_past():
    assert one("خلال الأشهر القادمة", reference=date(2024, 3, 20))["value"] == "2024-03/2024-09"
    assert one("الفترة المقبلة", reference=date(2024, 3, 20))["value"] == "2024-03-21/2024-04-19"


@pytest.mark.parametrize("said", ["وفي تلك الليلة", "وفي الليلة نفسها"])
def test_that_night_is_the_night_of_the_day_named_before(said):
    df = find_times(f"قصف في 12 أيار {said} قتل خمسة", reference=date(2024, 5, 17))
    row = df.iloc[-1]
    assert row["value"] == "2024-05-12" and row["time_of_day"] == "night"
    assert "anaphoric" in row["flags"] and "antecedent_unknown" not in row["flags"]
    assert one("قتل الليلة", reference=date(2024, 5, 17))["value"] == "2024-05-17"  # tonight


def test_about_a_length_keeps_its_ago():
    assert one("نحو ثلاث سنوات مضت", reference=date(2024, 5, 17))["value"] == "2021"
    assert find_times("يعبر عن ذلك العصر القديم", reference=date(2024, 5, 17)).empty  # an era


def test_a_date_whose_month_name_stands_between_dashes_or_slashes():
    assert one("نُشر في 03-مايو-2023 على الموقع", reference=date(2024, 1, 1))["value"] == "2023-05-03"
    assert one("الخميس 12/مارس/2020", reference=date(2024, 1, 1))["value"] == "2020-03-12"


def test_a_date_line_and_its_clock_after_a_dash_are_no_range():
    df = find_times("الخميس 12 مارس 2020 - 10:15 ص", reference=date(2020, 3, 12))
    assert df["value"].tolist() == ["2020-03-12", "2020-03-12T10:15"]


def test_an_ordinal_day_after_lam_joins_its_month():
    # ل + الثامن is written للثامن, the article's alef lost
    row = one("الموافق للثامن والعشرين من شهر مايو 2025", reference=date(2025, 5, 1), tense="future")
    assert row["value"] == "2025-05-28"
    assert find_times("وصل للثالث في الترتيب", reference=date(2025, 5, 1)).empty


def test_a_date_whose_month_name_stands_between_dots():
    assert one("قصف على الريف 12.آذار.2019 وسقط جرحى", reference=date(2019, 3, 12))["value"] == "2019-03-12"
    # a dot that ends a sentence joins no day to the month after it
    assert one("سقط منهم 12. آذار شهر الحصاد", reference=date(2019, 3, 12))["value"] == "2019-03"


def test_this_year_after_lam():
    row = one("أعلى حصيلة لهذا العام", reference=date(2019, 3, 12))
    assert (row["value"], row["rule"]) == ("2019", "this+unit")
