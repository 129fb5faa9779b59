"""Event dates on small made-up reports: which date of the text dates an event, and which
dates (durations, periods since, the dates of recalled events) do not."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2020-06-10"):
    return workbench.analyze(text, published=published).events


def test_a_period_since_frames_a_comparison_not_the_attack():
    ev = _events("انفجرت سيارة مفخخة قرب مطعم بحي الشعلة وهو أول هجوم كبير على العاصمة "
                 "منذ منتصف مايو.")
    assert ev[["start", "end", "date_basis"]].values.tolist() == [
        ["2020-06-10", "2020-06-10", "published"]]


def test_a_counted_series_spans_the_period_since():
    ev = _events("نفذت الميليشيات أكثر من 20 هجوما على القواعد الأمريكية منذ أكتوبر.")
    assert ev[["start", "end"]].values.tolist() == [["2019-10", "2020-06"]]


def test_a_duration_is_no_date_and_leaves_no_date_text():
    ev = _events("سيطر التنظيم على مدينة تكريت بعد يوم واحد من دخوله الموصل.", published=None)
    assert ev.start.tolist() == [""] * len(ev) and ev.date_text.tolist() == [""] * len(ev)


def test_the_date_of_a_recalled_attack_does_not_date_the_news_after_it():
    ev = _events("قتل 3 أشخاص بانفجار عبوة ناسفة في الموصل اليوم.\n\n"
                 "وكان انتحاري قد فجر نفسه في 3 آذار في كركوك.\n\n"
                 "وفي حادثة أخرى، انفجرت عبوة ناسفة في تكريت.")
    dated = dict(zip(ev.location, ev.start, strict=True))
    assert dated == {"Mosul": "2020-06-10", "Kirkuk": "2020-03-03", "Tikrit": "2020-06-10"}


def test_an_attack_in_a_month_long_past_is_background():
    ev = _events("قتل 3 أشخاص بانفجار عبوة ناسفة في الموصل اليوم.\n\n"
                 "وفي شهر آذار الماضي قتل 5 أشخاص بانفجار سيارة مفخخة في كركوك.")
    roles = dict(zip(ev.location, ev.role, strict=True))
    assert roles == {"Mosul": "main", "Kirkuk": "background"}


def test_this_attack_is_the_one_just_told_whatever_its_clause_dates():
    ev = _events("قصفت طائرة مسيرة تركية سيارة في القامشلي اليوم.\n\n"
                 "ويأتي هذا الاستهداف في إطار خرق تركيا لاتفاقيات وقعتها في تشرين الأول عام 2019.")
    assert ev.role.tolist() == ["main"]


def test_a_date_in_the_verbless_tail_of_the_sentence_dates_the_event():
    ev = _events("انفجرت عبوة ناسفة في الموصل، وذلك مساء أمس.")
    assert ev[["start", "date_basis", "date_text"]].values.tolist() == [
        ["2020-06-09", "text", "مساء أمس"]]


def test_the_attack_told_again_with_its_day_gives_that_day_to_the_lead():
    ev = _events("قتل خمسة أشخاص بانفجار سيارة مفخخة في كركوك.\n\n"
                 "وقال مصدر أمني إن الانفجار وقع مساء أمس قرب سوق شعبي.")
    assert ev[["location", "start", "date_text"]].values.tolist() == [
        ["Kirkuk", "2020-06-09", "مساء أمس"]]


def test_the_day_of_a_statement_gives_way_to_the_day_the_attack_is_told_with():
    ev = _events("أفاد مصدر أمني اليوم بأن عبوة ناسفة انفجرت في الموصل.\n\n"
                 "ووقع الانفجار فجر أمس قرب سوق شعبي.")
    assert ev[["location", "start", "date_text"]].values.tolist() == [
        ["Mosul", "2020-06-09", "فجر أمس"]]
    assert "statement_date" not in ev.date_flags.iloc[0]


def test_the_attack_told_again_on_the_day_of_a_statement_is_the_same_attack():
    ev = _events("قتل خمسة أشخاص أمس بانفجار سيارة مفخخة في كركوك.\n\n"
                 "وقال مصدر أمني اليوم إن حصيلة الانفجار ارتفعت إلى سبعة قتلى.")
    # the risen toll is the attack's, the first figure its lowest bound
    assert ev[["location", "start", "fatalities", "fatalities_min", "fatalities_max"]].values.tolist() == [
        ["Kirkuk", "2020-06-09", "7", "5", "7"]]



def test_a_day_told_from_publication_governs_what_follows_even_beside_a_pluperfect():
    ev = _events("قتل خمسة أشخاص أمس في انفجار عبوة كان مسلحون قد زرعوها قرب سوق في الموصل.\n\n"
                 "وفي حادث آخر، انفجرت عبوة ناسفة في تكريت.")
    assert dict(zip(ev.location, ev.start, strict=True)) == {
        "Mosul": "2020-06-09", "Tikrit": "2020-06-09"}


def test_a_statement_day_does_not_date_an_attack_the_statement_recalls():
    ev = _events("قتل خمسة أشخاص أمس بانفجار في الموصل.\n\n"
                 "وقال مصدر أمني اليوم إن مسلحين كانوا قد هاجموا قرية البو طلحة بقذائف الهاون.")
    recalled = ev[ev.location == "البو طلحة"]
    assert recalled[["role", "start", "date_text"]].values.tolist() == [["background", "", ""]]


def test_the_day_an_attack_is_announced_gives_way_to_the_day_it_is_told_with():
    # the day after a verb of telling dates the telling, with no إن after it as with one
    ev = _events("أعلن مصدر أمني عراقي، اليوم الأربعاء، استهداف قاعدة بلد الجوية بأربعة صواريخ.\n\n"
                 "وأضاف المصدر أن الصواريخ سقطت فجر أمس داخل القاعدة.")
    assert ev[["start", "date_text"]].values.tolist() == [["2020-06-09", "فجر أمس"]]


def test_a_day_inside_the_reported_clause_is_the_attack_s():
    ev = _events("قال مصدر إن مسلحين، مساء أمس، هاجموا قرية في المقدادية.")
    assert ev[["start", "date_flags"]].values.tolist() == [["2020-06-09", "relative"]]


def test_strikes_on_two_days_said_together_are_one_event_each_day_with_a_combined_toll():
    ev = _events("شنت طائرات حربية غارات على بلدة سرمين يومي السبت والأحد، ما أسفر عن مقتل عشرة مدنيين.")
    assert ev[["start", "end"]].values.tolist() == [["2020-06-06", "2020-06-06"],
                                                    ["2020-06-07", "2020-06-07"]]
    # the toll is both days' together: no day takes it
    assert ev.fatalities.tolist() == ["", ""]
    assert all("combined" in s for s in ev.toll_source)


def test_one_strike_on_two_days_said_together_is_dated_over_both():
    ev = _events("شنت طائرة حربية غارة على بلدة سرمين يومي السبت والأحد.")
    assert ev[["start", "end"]].values.tolist() == [["2020-06-06", "2020-06-07"]]


def test_an_attack_told_a_length_before_the_news_is_dated_back_from_it():
    # بعد يومين من هجوم: two days before the news its clause told first
    ev = _events("قتل خمسة أشخاص بانفجار عبوة ناسفة في الموصل أمس، وذلك بعد يومين من هجوم مماثل "
                 "في تكريت.")
    dated = dict(zip(ev.location, zip(ev.start, ev.date_text, strict=True), strict=True))
    assert dated == {"Mosul": ("2020-06-09", "أمس"), "Tikrit": ("2020-06-07", "بعد يومين")}


def test_a_few_days_before_the_news_is_up_to_a_week_before_it():
    ev = _events("يأتي الهجوم بعد أيام من تفجير انتحاري في الموصل أودى بحياة عشرة أشخاص.")
    recalled = ev[ev.date_text == "بعد أيام"]
    assert recalled[["start", "end"]].values.tolist() == [["2020-06-03", "2020-06-09"]]


def test_until_now_dates_no_event_after_it():
    # حتى الآن says until when, not which day: the paragraph's day still dates what follows
    ev = _events("انفجرت سيارة ملغومة في القيارة أمس الثلاثاء. ولم تعلن أي جهة مسؤوليتها حتى الآن. "
                 "وقال متحدث إن الانفجار نتج عن هجوم إرهابي بسيارة ملغومة في الموصل.")
    assert "حتى الآن" not in ev.date_text.tolist()


def test_a_past_told_after_the_announced_attack_is_another_s():
    # كانوا قد هاجموا follows the strike's word: the strike is today's news, the attack recalled
    ev = _events("أعلن الجيش اليوم مقتل خمسة مسلحين بغارة جوية في الموصل، بعد أن كانوا قد "
                 "هاجموا نقطة تفتيش.")
    assert ev[["role", "start"]].values.tolist() == [["main", "2020-06-10"], ["background", ""]]


def test_a_pluperfect_of_telling_recalls_the_telling_not_the_attack():
    from workbench.claims.resolve import recalls_past

    assert not recalls_past("وكانت وكالة رويترز قد نقلت عن مصادر أن مسلحين قتلوا 11 شخصا")
    assert not recalls_past("وكان المرصد قد رصد، في 19 آب، انفجارا بسيارة مفخخة")
    assert recalls_past("وكان انتحاري قد فجر نفسه في السوق")


def test_a_period_told_of_the_attack_replaces_the_publication_day():
    # the lead's attack word has no date of its own; the places listed after it share the
    # six days its clause tells (up to the day of writing), and so does the first of them
    ev = _events("تواصل الطائرات الحربية شن غارات جوية بالبراميل المتفجرة على مدار الأيام الستة "
                 "الماضية أدت لمقتل مائتي شخص في حيي الكلاسة وبستان القصر.")
    assert set(zip(ev.start, ev.end, strict=True)) == {("2020-06-04", "2020-06-10")}


def test_a_later_comparison_period_does_not_date_the_attack():
    ev = _events("قتل جنديان في هجوم على قرية البو عيثة.\n\n"
                 "والهجوم على قرية البو عيثة هو الثالث خلال الأيام العشرة الماضية.")
    assert ev[["start", "end"]].values.tolist() == [["2020-06-10", "2020-06-10"]]


def test_an_anaphoric_day_with_no_day_named_takes_the_date_of_the_event_told_before():
    ev = _events("قتل مسلحون شرطيا في بغداد أمس.\n\nوفي اليوم نفسه، انفجرت عبوة ناسفة في كركوك.")
    assert ev[["location", "start", "date_basis"]].values.tolist() == [
        ["Baghdad", "2020-06-09", "text"], ["Kirkuk", "2020-06-09", "text"]]
    ev = _events("قتل مسلحون شرطيا في بغداد.\n\nوفي اليوم نفسه، انفجرت عبوة ناسفة في كركوك.")
    kirkuk = ev[ev.location == "Kirkuk"].iloc[0]
    assert (kirkuk.start, kirkuk.date_basis) == ("2020-06-10", "antecedent")
    assert "antecedent_unknown" in kirkuk.date_flags.split(";")
    assert "published_date" not in kirkuk.date_flags.split(";")


def test_an_anaphoric_day_opening_the_text_falls_back_on_the_publication_day():
    ev = _events("في ذلك اليوم، انفجرت عبوة ناسفة في كركوك.")
    assert ev[["start", "date_basis"]].values.tolist() == [["2020-06-10", "published"]]
    assert "antecedent_unknown" in ev.date_flags[0].split(";")


def test_a_dateline_dates_the_relative_days_of_a_text_with_no_publication_date():
    ev = _events("أم درمان 21 سبتمبر 2024 – قُتل أربعة أشخاص أمس في قصف مدفعي على أم درمان.",
                 published=None)
    assert ev[["start", "date_text"]].values.tolist() == [["2024-09-20", "أمس"]]
    ev = _events("أعلنت الخلية اليوم الأحد (11 تشرين الأول 2020) انفجار عبوة في كركوك أمس.",
                 published=None)
    assert ev.start.tolist() == ["2020-10-10"]


def test_with_neither_publication_nor_dateline_a_relative_day_stays_undated():
    ev = _events("تفجيرات العراق 4 كانون الأول 2013\n\nقُتل أربعة أشخاص أمس في قصف على كركوك.",
                 published=None)
    assert ev.start.tolist() == [""]
    assert {"needs_reference", "undated"} <= set(ev.date_flags[0].split(";"))


def test_two_days_said_together_of_one_attack_are_one_event_over_the_span():
    ev = _events("قتل 31 شخصا في قصف جوي الأربعاء والخميس على مستشفى القدس في حلب.")
    assert ev[["start", "end", "date_text"]].values.tolist() == [
        ["2020-06-03", "2020-06-04", "الأربعاء والخميس"]]


def test_a_toll_still_unknown_until_now_is_not_dated_by_now():
    ev = _events("انفجرت سيارتان مفخختان في سوق الموصل.\n\n"
                 "وقال مصدر إن حصيلة التفجيرين غير معلومة حتى اللحظة.")
    assert ev[["start", "date_text", "date_basis"]].values.tolist() == [
        ["2020-06-10", "", "published"]]


def test_until_now_is_no_date_even_without_a_publication_date():
    ev = _events("اختطف مسلحون مجهولون طفلين في قرية جبيب، وحتى الآن لم يعرف مصيرهما.",
                 published=None)
    assert ev.date_text.tolist() == [""] * len(ev)


def test_a_length_counted_from_another_happening_dates_nothing():
    ev = _events("قتل 10 أشخاص بانفجار سيارة مفخخة في بغداد صباح الاثنين.\n\n"
                 "وتأتي هذه التفجيرات قبل أيام من بدء الانتخابات. وانفجرت عبوة ناسفة في كركوك.",
                 published="2020-06-08")
    assert dict(zip(ev.location, ev.start, strict=True)) == {
        "Baghdad": "2020-06-08", "Kirkuk": "2020-06-08"}


def test_a_length_before_now_still_dates_the_attack():
    ev = _events("انفجرت عبوة ناسفة في كركوك قبل يومين.")
    assert ev.start.tolist() == ["2020-06-08"]


def test_a_length_before_the_doer_named_with_min_qibal_still_dates_the_attack():
    ev = _events("قتل شرطي في كركوك قبل يومين من قبل مسلحين مجهولين.")
    assert ev.start.tolist() == ["2020-06-08"]


def test_a_restatement_says_the_day_the_lead_left_unsaid_and_keeps_a_recalled_attack_apart():
    # with no publication date no day resolves, yet the words of the restatement date the
    # attack, so the attack of another weekday recalled after it stays its own event
    ev = _events("قتل خمسة رعاة إثر انفجار لغم أرضي في بلدة السخنة.\n\n"
                 "وقال المصدر إن خمسة رعاة قتلوا في انفجار لغم أرضي صباح أمس الأحد في بلدة "
                 "السخنة.\n\n"
                 "ويذكر أن 12 شخصا قتلوا يوم الخميس الماضي في هجوم شنه مسلحون على رعاة في بلدة "
                 "القريتين.", published=None)
    assert ev[["location", "date_text"]].values.tolist() == [
        ["As Sukhnah", "صباح أمس الأحد"], ["Al Qaryatayn", "يوم الخميس الماضي"]]


def test_a_day_said_earlier_in_the_sentence_dates_the_clause_after_the_comma():
    # the clause after حيث is dated by the sentence's own day, so the recalled shelling of
    # the day before (وكانت ... قد) stays an attack of its own, not a closer date for it
    ev = _events("وتكثف القوات من غاراتها، منذ ساعات فجر اليوم، حيث قصفت بلدة تل رفعت.\n\n"
                 "وكانت القوات قد قصفت أمس الثلاثاء، بلدة تل رفعت.")
    assert ev[["start", "date_basis"]].values.tolist() == [
        ["2020-06-10", "sentence"], ["2020-06-09", "text"]]
