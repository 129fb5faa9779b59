"""Events on small made-up reports: verbs of undergoing, places listed under a plural head,
names that need a cue confirmed elsewhere in the report."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2017-11-11"):
    return workbench.analyze(text, published=published).events


def test_a_place_subjected_to_strikes_is_an_event_there():
    ev = _events("تعرضت قرية عوادة لغارات جوية روسية.")
    assert ev.kind.tolist() == ["airstrike"] and ev.location.tolist() == ["عوادة"]
    assert ev.start.tolist() == ["2017-11-11"]


def test_the_subject_of_undergo_is_no_doer_and_without_a_trigger_no_event():
    ev = _events("تعرضت قرية عوادة لغارات جوية روسية.")
    assert ev.actor.tolist() == [""]
    assert len(_events("تعرضت الحكومة لانتقادات شديدة من المعارضة.")) == 0


def test_neighbourhoods_listed_under_a_plural_head_are_one_event_each():
    ev = _events("قصفت طائرات النظام أحياء الشعار والمرجة والصالحين في حلب.")
    assert ev.location.tolist() == ["الشعار", "المرجة", "الصالحين"]
    assert ev.places.tolist()[1].split(";") == ["المرجة", "Aleppo"]


def test_two_names_after_a_singular_head_stay_one_event():
    ev = _events("قصفت طائرات النظام حي الشعار والمرجة في حلب.")
    assert len(ev) == 1


def test_the_places_of_the_killing_place_the_attack_when_it_names_none_after_it():
    ev = _events("شنت طائرات روسيا غارات جوية أدت لمقتل عشرة أشخاص في حيي الكلاسة والمرجة.")
    assert ev.location.tolist() == ["الكلاسة", "المرجة"]


def test_a_name_that_needs_a_cue_is_a_place_once_the_report_names_it_with_one():
    def places(text):
        m = workbench.find_mentions(text)
        return m[m.kind == "place"].text.tolist()
    assert places("قتل قيادي بدرعا أمس") == []
    assert places("وثقت الشبكة 36 قتيلا في محافظة درعا. وقتل قيادي بدرعا أمس") == [
        "محافظة درعا", "درعا"]


def test_a_pronoun_on_a_verbal_noun_of_death_counts_the_dead():
    from workbench.claims.tolls import find_tolls
    assert [(t.kind, t.value) for t in find_tolls("استهدفوه بالرصاص ما تسبب بمقتله")] == [
        ("killed", 1.0)]
    assert [(t.kind, t.value) for t in find_tolls("ما أدى إلى مقتلهما")] == [("killed", 2.0)]
    assert find_tolls("ما أسفر عن مقتلهم") == []
    ev = _events("اغتال مجهولون قياديا سابقا في بلدة معربة، ما تسبب بمقتله على الفور.")
    assert ev.fatalities.tolist() == ["1"]


def test_firing_at_someone_is_a_shooting_but_a_ceasefire_is_not():
    ev = _events("وأطلق مسلحون مجهولون النار على رئيس بلدية المسيفرة بريف درعا، ما أسفر عن مقتله.")
    assert ev.kind.tolist() == ["attack"] and ev.fatalities.tolist() == ["1"]
    assert _events("أعلنت الحكومة وقف إطلاق النار في درعا.").kind.tolist() == ["agreement"]


def test_two_shootings_at_two_places_stay_two_events():
    ev = _events("وأطلق مسلحون النار على رئيس بلدية المسيفرة، ما أسفر عن مقتله.\n\n"
                 "وأصيب عنصر جراء إطلاق النار عليه في منطقة درعا البلد.")
    assert len(ev) == 2


def test_two_others_in_the_dual_are_a_wounded_toll():
    from workbench.claims.tolls import find_tolls
    assert [(t.kind, t.value) for t in find_tolls("قتل عنصر وأصيب اثنان آخران، اليوم")] == [
        ("killed", 1.0), ("wounded", 2.0)]


def test_a_duration_said_before_is_no_date_of_the_events_below():
    ev = _events("شهدت محافظة درعا ثلاث عمليات اغتيال خلال أربع وعشرين ساعة.\n\n"
                 "كما استهدف مسلحون مدير منطقة نوى عند منطقة الكراج القديم.", published=None)
    assert not any(str(s).startswith("P") for s in ev.start)


def test_a_direction_that_locates_a_town_is_no_second_governorate():
    ev = _events("قتل 77 شخصا في تفجير شاحنة مفخخة بمدينة الحلة جنوب بغداد.")
    assert ev.location.tolist() == ["Hillah"]
    two = _events("قتل 7 أشخاص في تفجيرين في مدينة الحلة وفي شمال بغداد.")
    assert sorted(two.admin1) == ["Babil", "Baghdad"]


def test_a_month_said_with_a_duration_dates_the_attack():
    ev = _events("ففي شهر تشرين الأول وخلال أسبوع واحد استهدفت طائرات مسيرة تركية سيارة في مدينة "
                 "كوباني.", published="2021-11-10")
    assert ev.start.tolist() == ["2021-10"] and ev.date_text.tolist() == ["شهر تشرين الأول"]


def test_an_attack_ranked_after_a_copula_is_no_new_event():
    ev = _events("قتل 20 شخصا في تفجير انتحاري في بغداد. والهجوم هو سابع تفجير انتحاري في العراق "
                 "خلال شهر.")
    assert len(ev) == 1 and ev.location.tolist() == ["Baghdad"]
    assert len(_events("قتل 26 شخصا في هجوم في بغداد. ويعد ذلك ثاني هجوم يستهدف العاصمة.")) == 1
    assert len(_events("قتل شخص في هجوم في بغداد. وقتل ثاني شخص في هجوم في الموصل.")) == 2


def test_an_attack_ranked_by_an_adjective_after_a_pointing_subject_is_no_new_event():
    # وهو ... الثاني، فهذه ... الثانية: the attack told, counted in a series
    assert len(_events("قصفت المدفعية قرية الحامدية اليوم. وهو القصف الثاني خلال أسبوع الذي "
                       "يستهدف القرية.")) == 1
    assert len(_events("استهدفت طائرة مسيرة سيارة في مدينة مأرب اليوم. فهذه عملية الاستهداف "
                       "الثانية خلال نحو شهرين.")) == 1
    # with no pointing subject the second attack is another one
    assert len(_events("قصفت المدفعية قرية الحامدية اليوم. وفي الهجوم الثاني قتل شخصان في قرية "
                       "كفرنبل.")) == 2


def test_the_car_bomb_that_exploded_places_the_attack_of_the_lead():
    ev = _events("قتل وجرح 13 شخصا في انفجار سيارة مفخخة بوسط بغداد.\n\nوأفاد الناطق في بيان أن "
                 "السيارة المفخخة انفجرت بمنطقة الشواكة بوسط بغداد، مما أسفر عن مقتل 4 أشخاص "
                 "وإصابة 9 آخرين.")
    assert ev.location.tolist() == ["الشواكة"]
    assert (ev.fatalities.tolist(), ev.injured.tolist()) == (["4"], ["9"])


def test_a_second_car_bomb_at_a_place_the_lead_listed_is_the_leads_attack_there():
    ev = _events("قتل 3 أشخاص في انفجار سيارتين مفخختين بمنطقتي الحبيبية والمشتل في بغداد. "
                 "وقال مصدر إن سيارة مفخخة انفجرت في منطقة الحبيبية مما أسفر عن مقتل مدني. "
                 "وأضاف أن سيارة مفخخة ثانية انفجرت في منطقة المشتل مما أدى إلى مقتل مدنيين اثنين.")
    assert ev.location.tolist() == ["الحبيبية", "المشتل"]
    assert ev.fatalities.tolist()[1] == "2"


def test_reviving_with_hamza_below_is_no_head_of_neighbourhoods():
    m = workbench.find_mentions("في طريق عودتهم من مراسم إحياء ذكرى أربعينية الحسين في كربلاء")
    assert m[m.kind == "place"].text.tolist() == ["كربلاء"]
    m = workbench.find_mentions("قصف على أحياء الشعار وطريق الباب")
    assert m[m.kind == "place"].text.tolist() == ["الشعار", "طريق الباب"]


def test_a_suicide_bomber_in_the_accusative_after_inna_is_an_event():
    ev = _events("أعلنت مصادر من الشرطة إن انتحاريا فجر سيارته الملغومة بمحطة للوقود في مدينة "
                 "الحلة، مما أسفر عن مقتل 12 مدنيا.")
    assert ev.kind.tolist() == ["suicide_bombing"] and ev.location.tolist() == ["Hillah"]
    assert ev.fatalities.tolist() == ["12"]


def test_this_attack_is_the_one_just_told_whatever_its_clause_dates():
    ev = _events("استهدفت طائرة مسيرة تركية سيارة في مدينة كوباني يوم أمس.\n\nويأتي هذا الاستهداف في "
                 "إطار خرق القوات التركية لاتفاقيات تم التوصل إليها في تشرين الأول عام 2019.",
                 published="2021-11-10")
    assert len(ev) == 1 and ev.start.tolist() == ["2021-11-09"]


def test_the_backdrop_of_the_news_is_no_event():
    ev = _events("قتل 5 أشخاص في هجوم في بغداد، ووقع هذا الهجوم في وقت يشهد العراق هجوما لمسلحين "
                 "متطرفين منذ أسابيع.")
    assert len(ev) == 1 and ev.fatalities.tolist() == ["5"]


def test_a_months_count_of_the_dead_is_a_total_and_no_event():
    ev = _events("اغتال مجهولون قياديا في بلدة معربة اليوم، ما تسبب بمقتله.\n\nوكانت الشبكة وثقت مقتل 36 "
                 "شخصا في محافظة درعا في شهر أيلول.", published="2023-10-02")
    assert len(ev) == 1 and ev.fatalities.tolist() == ["1"]


def test_a_common_word_listed_with_known_places_is_a_place_and_each_is_an_event():
    text = ("قتل اثنان في انفجار عبوتين ناسفتين وسيارة مفخخة في مناطق البلديات ومدينة الصدر "
            "والعبيدي شرقي بغداد.")
    m = workbench.find_mentions(text)
    assert "البلديات" in m[m.kind == "place"].text.tolist()
    assert workbench.find_mentions("وقعت اشتباكات في مناطق متفرقة من البلاد").query(
        "kind == 'place'").empty
    ev = _events(text)
    assert ev.location.tolist()[:2] == ["البلديات", "Sadr City"] and len(ev) == 3
    assert set(ev.trigger) == {"انفجار"}


def test_a_pronoun_on_a_noun_of_wounding_counts_one_wounded_unless_he_died():
    from workbench.claims.tolls import find_tolls
    assert [(t.kind, t.value) for t in find_tolls("استهدف مسلحون مدير المنطقة، ما أدى لإصابته")] == [
        ("wounded", 1.0)]
    assert [t.kind for t in find_tolls("توفي مدني إثر إصابته بقصف مدفعي سابق")] == ["killed"]
    assert find_tolls("ما أسفر عن إصابتهم") == []


def test_a_place_after_a_comma_ending_the_sentence_places_an_unplaced_event():
    ev = _events("اعتقلت القوات الأمريكية كلا من قيس الخزعلي، ورئيس منظمة بدر هادي العامري، في منطقة "
                 "الجادرية.")
    assert ev.kind.tolist() == ["arrest"] and ev.location.tolist() == ["Jadriya"]


def test_a_period_said_later_does_not_replace_the_attacks_day():
    # في الآونة الأخيرة spans a month: the attack keeps the publication day
    ev = workbench.analyze("قتل أربعة مدنيين بانفجار سيارة مفخخة في منطقة العلاوي وسط بغداد.\n\n"
                           "وشهدت العاصمة، في الآونة الأخيرة، سلسلة هجمات بالسيارات المفخخة.",
                           published="2016-12-03").events
    assert ev[["start", "end"]].values.tolist() == [["2016-12-03", "2016-12-03"]]


_SHELLED = "قصفت المدفعية التركية قرية تل طويل في ريف الحسكة اليوم.\n\n"


def test_a_placeless_mention_of_the_attack_joins_it_with_its_toll():
    ev = _events(_SHELLED + "كما قصفت القوات التركية بالمدفعية، ما أدى إلى إصابة ثلاثة مدنيين.")
    assert ev.location.tolist() == ["تل طويل"] and ev.injured.tolist() == ["3"]
    # each piece stays traceable: the second sentence is in the evidence
    assert len(ev.evidence.iloc[0].split(";")) == 2


def test_a_placeless_attack_told_as_another_or_alone_stays_a_row():
    ev = _events(_SHELLED + "في حادث آخر، قصفت طائرات مجهولة بالصواريخ، ما أدى إلى إصابة ثلاثة.")
    assert ev.location.tolist() == ["تل طويل", ""]
    ev = _events("قصفت القوات التركية بالمدفعية، ما أدى إلى إصابة ثلاثة مدنيين.")
    assert ev.location.tolist() == [""] and ev.injured.tolist() == ["3"]


def test_ground_held_or_taken_in_a_subordinate_clause_is_the_scene_not_an_event():
    ev = _events("انفجرت عبوة ناسفة في قضاء هيت اليوم. وشنت القوات العراقية عملية لتعزيز "
                 "سيطرتها على منطقة جبلية قرب مدينة كركوك.")
    assert ev.kind.tolist() == ["explosion"]
    assert len(_events("هرب السجناء بعد أن سيطر المسلحون على سجن بادوش.")
               .query("kind == 'territory_capture'")) == 0
    # told by the report's own verb, the capture is news
    assert _events("سيطر تنظيم داعش على مدينة تكريت.").kind.tolist() == ["territory_capture"]


def test_places_a_plural_head_lists_stay_one_attack_each_after_a_definite_trigger():
    # الهجمات is definite, yet each village listed under قرى is an attack of its own, not
    # the shelling of جوزف told before
    ev = _events("قتل مدني بقصف مدفعي على قرية جوزف في ريف إدلب اليوم.\n\nوامتدت الهجمات "
                 "المدفعية لقوات النظام إلى أطراف قرى البارة والأسدية.")
    assert ev.location.tolist() == ["جوزف", "البارة", "الأسدية"]
    assert ev.fatalities.tolist() == ["1", "", ""]


def test_a_plural_head_lists_the_names_after_such_as():
    ev = _events("قصفت قوات النظام أطراف مدن مثل النيرب وسرمين.")
    # النيرب, a name the gazetteer lacks, is read as a place because the list announces it
    assert ev.location.tolist() == ["النيرب", "Sarmīn"]


_KIRKUK = "قتل ثلاثة أشخاص بانفجار عبوة ناسفة في مدينة كركوك اليوم.\n\n"


def test_a_city_row_takes_the_local_place_a_later_sentence_tells_of_the_attack():
    ev = _events(_KIRKUK + "وقال مصدر أمني إن الضحايا كانوا يتسوقون في حي الواسطي وسط المدينة.")
    assert ev.location.tolist() == ["حي الواسطي"]
    assert ev.places.tolist() == ["حي الواسطي;Kirkuk"] and ev.fatalities.tolist() == ["3"]


def test_a_local_place_of_another_day_of_the_past_or_of_the_hospital_keeps_the_city():
    for tail in ("وبعد يومين عثر على عبوة قرب حي الواسطي.",
                 "ونقل الجرحى إلى مستشفى آزادي.",
                 "والضحايا من عائلة تنحدر من قرية البشير."):
        assert _events(_KIRKUK + tail).location.tolist()[0] == "Kirkuk", tail


def test_a_governorate_row_takes_the_city_a_later_sentence_tells_of_the_attack():
    ev = _events("قتل جنديان بانفجار عبوة ناسفة في محافظة ديالى اليوم.\n\n"
                 "وقال مصدر أمني إن القوة كانت تمر قرب مدينة بعقوبة عند الانفجار.")
    assert ev.location.tolist() == ["Baqubah"] and ev.fatalities.tolist() == ["2"]


def test_a_city_row_keeps_its_city_when_another_city_is_named_later():
    ev = _events(_KIRKUK + "وقال مصدر أمني إن المدينة تشهد هجمات كما تشهدها الحويجة.")
    assert ev.location.tolist() == ["Kirkuk"]


def test_of_a_town_and_a_village_told_later_the_row_takes_the_village():
    ev = _events("قتل شرطي بهجوم مسلح جنوب كركوك اليوم.\n\n"
                 "وأوضح المصدر أن الشرطي كان في بلدة داقوق قرية كلوزي الواقعة في محيطها.")
    assert ev.location.tolist() == ["كلوزي"]


def test_a_lead_at_a_side_of_the_country_joins_the_attack_told_at_a_village_there():
    ev = _events("قتل ستة أطفال، الأحد، في قصف للجيش السوري طاول منزلهم في شمال غرب البلاد.\n\n"
                 "وأعلن المرصد استشهاد 6 أطفال في قصف نفذته قوات النظام على قرية القرقور بسهل "
                 "الغاب في ريف حماة.", published=None)
    assert ev.location.tolist() == ["القرقور"] and ev.fatalities.tolist() == ["6"]


def test_two_weekdays_are_two_days_though_neither_is_dated():
    ev = _events("قتل 18 شخصا في انفجار سيارة ملغومة بمدينة الحلة أمس الجمعة. وقال الجيش الأمريكي "
                 "إن جنديا أمريكيا قتل أمس الأول الخميس في شمال العراق.", published=None)
    assert ev.location.tolist() == ["Hillah", "Iraq"]  # a side of a country is coded at the country
    assert ev.date_text.tolist() == ["أمس الجمعة", "أمس الأول الخميس"]


def test_items_listed_with_a_direction_each_are_one_event_each():
    ev = _events("استهدف القصف منطقتي الزيتونة شمالي حماة والمشيرفة غربي حماة مساء اليوم.")
    assert ev.location.tolist()[:2] == ["الزيتونة", "المشيرفة"]


def test_a_listed_place_does_not_take_in_a_later_attack_elsewhere():
    ev = _events("استهدف القصف منطقتي الزيتونة شمالي حماة والمشيرفة غربي حماة. "
                 "وقصفت طائرات حربية منطقة القصير بريف حمص وأصيب مدنيان.")
    assert {"الزيتونة", "المشيرفة"} <= set(ev.location)
    assert len(ev) == 3


def test_a_spot_by_a_side_of_the_town_is_the_attack_told_at_the_town():
    # the lead names the town, the next paragraph a garage west of it: one explosion there
    ev = _events("دوى انفجار عنيف ظهر اليوم الاثنين وسط مدينة أعزاز بريف حلب الشمالي.\n\n"
                 "أصيب 7 أشخاص نتيجة انفجار سيارة شحن ملغمة، قرب دوار الجمال عند مدخل كراج "
                 "الشحن غرب مدينة إعزاز.", published="2021-08-23")
    assert len(ev) == 1 and ev.location.tolist() == ["كراج الشحن"]
    assert ev.injured.tolist() == ["7"]


def test_a_toll_told_after_two_attacks_goes_to_the_one_mentioned_last():
    # the lead names both places; the toll sentence goes on telling the camp's shelling
    ev = _events("قصفت طائرات تركية مخيم مخمور وقرية سنوني اليوم.\n\n"
                 "وقال مصدر إن طائرة قصفت قرية سنوني ليلا.\n\n"
                 "وأضاف أن قصفا استهدف مخيم مخمور، فضلا عن إصابة 17 آخرين.")
    assert dict(zip(ev.location, ev.injured, strict=True))["سنوني"] == ""
    assert "17" in ev.injured.tolist()


def test_a_definite_anaphor_joins_the_attack_of_its_own_kind():
    # التفجير refers back to the roadside bomb, though the air strike was told after it
    ev = _events("انفجرت عبوة ناسفة في حي الشعلة ببغداد صباح اليوم. وشنت طائرات غارة جوية "
                 "على قرية بادوش غرب الموصل. وخلف التفجير 5 قتلى.")
    assert ev.fatalities.tolist() == ["5", ""]


def test_spots_listed_after_a_comma_go_on_with_a_plural_attack_noun():
    ev = _events("وفي الموصل قتل 5 أشخاص في 4 تفجيرات استهدفت سوقا في حي الزهور، "
                 "وأحياء الشفاء والنور والعربي.")
    assert ev.location.tolist()[-3:] == ["الشفاء", "النور", "العربي"]
    assert len(ev) == 4
    assert all("shared_across_places" in str(f) for f in ev.count_flags)


def test_a_singular_attack_takes_no_spots_listed_after_it():
    ev = _events("وفي الموصل انفجرت عبوة ناسفة في حي الزهور، وأحياء الشفاء والنور هادئة.")
    assert len(ev) == 1


def test_a_village_and_the_outskirts_of_villages_listed_after_it_are_one_event_each():
    ev = _events("شنت الطائرات غارات على مواقع بريف إدلب، تضمنت مدرسة في قرية كفرنبل "
                 "وأطراف قرى البارة والأسدية.")
    assert {"Kafranbel", "البارة", "الأسدية"} <= set(ev.location)


def test_a_town_holding_the_village_before_it_is_no_item_of_the_list_after_it():
    ev = _events("قصفت المدفعية بلدة ميس الجبل بقضاء مرجعيون وأطراف بلدتي كفرحمام "
                 "وراشيا الفخار.")
    assert "مرجعيون" not in set(ev.location)
    assert {"كفرحمام", "راشيا الفخار"} <= set(ev.location)


def test_two_blasts_on_two_days_are_one_event_each_day():
    ev = _events("وقع انفجاران في مدينة الباب يومي 13 و15 من الشهر الجاري.", "2021-06-20")
    assert ev.start.tolist() == ["2021-06-13", "2021-06-15"]
    assert ev.end.tolist() == ["2021-06-13", "2021-06-15"]


def test_one_blast_over_two_days_stays_one_event():
    ev = _events("وقع انفجار في مدينة الباب يومي 13 و15 من الشهر الجاري.", "2021-06-20")
    assert len(ev) == 1


def test_two_blasts_on_two_days_stay_apart_undated_and_from_the_blast_told_before():
    ev = _events("انفجرت عبوة ناسفة في مدينة الباب، وسبقها انفجاران في مدينة الباب يومي 3 و5 "
                 "من الشهر الجاري.", None)
    assert len(ev) == 3


def test_attacks_on_two_weekdays_joined_by_wa_are_one_event_each_day():
    ev = _events("وقعت هجمات في الموصل الأربعاء والخميس.", "2020-06-10")
    assert ev.start.tolist() == ["2020-06-03", "2020-06-04"]
    assert ev.end.tolist() == ["2020-06-03", "2020-06-04"]


def test_attacks_in_two_years_joined_by_wa_are_not_split_by_day():
    ev = _events("وقعت هجمات في الموصل عامي 2016 و2017.", "2020-06-10")
    assert len(ev) == 1


def test_a_lead_over_two_towns_joins_the_attack_told_later_in_its_town():
    # one key per attack, place and day: the lead sums up, the later clause tells Homs's attack
    text = ("وقعت تفجيرات متزامنة في كل من حمص وحماة صباح اليوم. ففي مدينة حماة انفجرت سيارة "
            "مفخخة في حي الأربعين. كما وقعت ثلاثة تفجيرات أخرى في مدينة حمص أسفرت عن مقتل 12 شخصا.")
    ev = workbench.analyze(text, published="2019-03-12").events
    assert sorted(ev.location) == ["Homs", "حي الأربعين"]
    assert ev.set_index("location").loc["Homs", "fatalities"] == "12"


def test_towns_listed_under_a_dual_head_of_areas_are_one_event_each_quoted_or_not():
    for text in ("قصفت طائرات تركية منطقتي “زاخو” و”العمادية” في محافظة دهوك.",
                 "قصفت طائرات تركية منطقتي زاخو والعمادية في محافظة دهوك."):
        assert _events(text).location.tolist() == ["Zakho", "Amadiya"]


def test_a_town_listed_under_areas_is_no_frame_of_an_attack_told_in_the_other_item():
    # زاخو is an item of the list, not the frame of the village told in شيلادزي after it
    ev = _events("أدى قصف تركي على منطقتي شيلادزي وزاخو إلى مقتل خمسة مدنيين. "
                 "وقال مسؤول محلي إن الطيران التركي استهدف قرية سيدان في ناحية شيلادزي.")
    assert sorted(ev.location) == ["Zakho", "سيدان"]


def test_a_city_name_after_a_head_of_neighbourhoods_is_a_quarter_of_the_list():
    # after أحياء, حلب الجديدة and الحمدانية are quarters of Aleppo, one attack on each (the
    # guideline's one event per place), neither the city of Aleppo nor the Iraqi town
    ev = _events("قصفت طائرات النظام أحياء حلب الجديدة والحمدانية.")
    assert sorted(ev.location) == ["الحمدانية", "حلب الجديدة"]


def test_a_toll_a_source_gave_today_is_the_attack_of_yesterday_told_again():
    # اليوم dates the telling (أبلغ ... اليوم أن), not a second attack with no place
    ev = _events("قتل 12 شخصا في هجوم على قرية ناكالا في شمال موزمبيق أمس. وأبلغ مسؤول في "
                 "المنطقة الوكالة اليوم أن عشرة أشخاص قتلوا بالرصاص.", published="2018-09-21")
    assert ev.location.tolist() == ["ناكالا"] and ev.start.tolist() == ["2018-09-20"]


def test_ground_left_with_no_place_right_after_an_attack_is_the_end_of_that_attack():
    ev = _events("هاجم مسلحون قرية الصمود جنوب كركوك مساء اليوم واختطفوا طفلا. ثم انسحبوا إلى "
                 "جهة مجهولة.")
    assert ev.kind.tolist() == ["abduction"] and ev.location.tolist() == ["الصمود"]
    # a withdrawal told on its own, with no attack before it, stays an event
    assert _events("انسحبت القوات الأمريكية من العراق.").kind.tolist() == ["withdrawal"]


def test_the_attack_with_no_place_and_a_day_of_its_own_is_the_one_attack_told():
    # الهجوم points back: with one attack told, a source's other day for it is no second one
    ev = _events("قتل مسلحون 20 جنديا في هجوم على مقر عسكري قرب قرية بادوش يوم السبت. وأكد مصدر "
                 "عسكري أن الهجوم وقع الاثنين الماضي.", published="2014-05-11")
    assert ev.location.tolist() == ["بادوش"]
