"""Event resolution on small reports: spots against frames, further attacks, tolls by attack."""

from __future__ import annotations

import workbench
from workbench.claims.index import Mention
from workbench.claims.spots import listed_spots
from workbench.claims.tolls import find_tolls


def _events(text: str, published: str | None = "2017-11-11"):
    return workbench.analyze(text, published=published).events


def test_a_town_in_a_countryside_is_the_spot_not_the_governorate():
    ev = _events("استهدفت طائرة حربية مدينة الدانا في ريف إدلب الشمالي، ما أسفر عن مقتل سبعة مدنيين.")
    assert ev.location.tolist() == ["Ad Dānā"] and ev.fatalities.tolist() == ["7"]


def test_another_strike_is_a_second_event_with_its_own_toll():
    ev = _events("قتل سبعة مدنيين في غارة جوية على بلدة خشام في محافظة دير الزور كما قتل ثلاثة "
                 "مدنيين في غارة أخرى على محافظة الحسكة.")
    assert len(ev) == 2 and sorted(ev.fatalities) == ["3", "7"]


def test_at_least_is_a_count_not_a_negation():
    ev = _events("قُتل ما لا يقل عن 18 شخصا في انفجار سيارة ملغومة بمدينة الحلة.")
    assert ev.modality.tolist() == ["asserted"] and ev.fatalities.tolist() == ["18"]


def test_duals_and_bounds_are_tolls():
    tolls = [(t.kind, t.value) for t in find_tolls("الحصيلة قتيلان وخمسة جرحى، ومقتل أكثر من 20 شخصا.")]
    assert tolls == [("killed", 2.0), ("wounded", 5.0), ("killed", 20.0)]


def test_a_square_the_gazetteer_knows_is_the_spot_not_its_city():
    # the city named in a later sentence of the same attack does not replace the square
    ev = _events("قتل 26 شخصا في هجوم انتحاري في ساحة الطيران ببغداد.\n\n"
                 "والهجوم هو الأعنف الذي شهدته بغداد منذ أشهر.")
    assert ev.location.tolist() == ["ساحة الطيران"]


def test_an_attack_between_two_villages_is_one_event():
    # بين قريتي X وY places one attack between them; أحياء X وY lists one attack on each
    ev = _events("قتل عنصر في عملية اغتيال نفذها مسلحون بين بلدتي تسيل وعدوان في ريف درعا الغربي.")
    # تسيل, read after its head (the gazetteer's Tasīl), is the location
    assert len(ev) == 1 and ev.location.tolist() == ["Tasīl"]


def test_governorates_a_place_lies_between_hold_no_attack_of_their_own():
    # بين محافظتي X وY says where the named area lies: one attack there, none in X or Y
    ev = _events("قتل ثلاثة مسلحين بغارة جوية على سيارتهم في ناحية النخيب، بين محافظتي الأنبار "
                 "وكربلاء.")
    assert len(ev) == 1 and "Karbala" not in set(ev.location)
    # with no other place named, the two governorates are where it was told
    two = _events("قتل ثلاثة مسلحين بغارتين جويتين في محافظتي الأنبار وكربلاء.")
    assert len(two) == 2


def test_where_the_people_hit_live_is_no_place_of_the_attack():
    # تقطن محافظة كربلاء says where the men's tribe lives, not a second governorate struck
    ev = _events("قتل شخصان في غارة استهدفت سيارة تقل رجالا من قبيلة كبيرة تقطن محافظة كربلاء، "
                 "في ناحية النخيب.")
    assert ev.location.tolist() == ["Al-Nekhaeeb"]


def test_a_lead_of_two_attacks_in_two_governorates_yields_to_the_attacks_told_one_by_one():
    text = ("عاد التنظيم إلى الواجهة بتنفيذ هجومين متتاليين في محافظتي ديالى وصلاح الدين.\n\n"
            "وشن التنظيم هجوما على تمركز أمني في محافظة ديالى شمال العاصمة بغداد.\n\n"
            "ووقع الهجوم على مركز شرطة زاغنية في قضاء بعقوبة بمحافظة ديالى.\n\n"
            "وأكدت الخلية أن الهجوم أسفر عن جرح 2 من عناصر الأجهزة الأمنية وخمسة مدنيين.")
    ev = _events(text)
    diyala = ev[ev.admin1 == "Diyala"]
    # the attack in Diyala is not placed at Baghdad, and the toll told after it is its own
    assert "Baghdad" not in set(ev.location) and len(diyala) == 1
    assert diyala.injured.tolist() == ["7"]


def test_a_repeated_clause_keeps_its_toll():
    # the second sentence repeats the kind, place and day of the first: one event, whose
    # toll is the one told in the repeat
    ev = _events("انفجار سيارتين مفخختين بمنطقتي الحبيبية والمشتل شرقي العاصمة بغداد. وقال مصدر "
                 "إن سيارة مفخخة انفجرت اليوم في منطقة الحبيبية شرقي بغداد مما أسفر عن مقتل مدني "
                 "وإصابة خمسة آخرين.")
    habibiya = ev[ev.location == "الحبيبية"]  # the quarter of Baghdad, read after منطقة
    assert habibiya.fatalities.tolist() == ["1"] and habibiya.injured.tolist() == ["5"]


def _spot(text: str, name: str, kind: str = "neighbourhood"):
    from workbench.claims.index import Mention

    start = text.index(name)
    return Mention(start, start + len(name), name, "place", name, place_type=kind)


def test_a_seat_of_power_as_the_doer_of_a_verb_of_carrying_out_is_no_place_of_the_attack():
    from workbench.claims.spots import off_scene

    text = "نفّذت تل أبيب غارة على ريف حمص"
    assert off_scene(_spot(text, "تل أبيب", "city"), text)
    assert not off_scene(_spot(text, "حمص", "city"), text)
    text = "قصفت الطائرات تل أبيب"
    assert not off_scene(_spot(text, "تل أبيب", "city"), text)


def test_a_place_that_only_says_how_far_the_city_of_the_attack_lies_is_no_place_of_it():
    import workbench
    from workbench.claims.index import Mentions
    from workbench.claims.spots import is_locator

    text = "واستهدف الانتحاري نقطة تفتيش في المدينة التي تبعد 390 كيلومترا إلى الشمال من بغداد"
    mentions = Mentions.of(workbench.analyze(text).mentions)
    places = [m for m in mentions if m.kind == "place"]
    baghdad = next(p for p in places if p.text == "بغداد")
    assert is_locator(baghdad, places, mentions, text)
    text = "انفجرت سيارة مفخخة قرب 3 كيلومترات من الطريق في بغداد"
    mentions = Mentions.of(workbench.analyze(text).mentions)
    places = [m for m in mentions if m.kind == "place"]
    assert not any(is_locator(p, places, mentions, text) for p in places)


def test_places_each_read_after_its_own_head_are_one_attack_on_each():
    # composed text: a list with no plural head, each item announced by its own head noun
    ev = _events("قصفت الطائرات فجر اليوم حي الفردوس - دوار النعيم - حي سيف الدولة في مدينة الرقة.")
    assert sorted(ev.location) == ["حي الفردوس", "حي سيف الدولة", "دوار النعيم"]


def test_a_city_with_its_own_head_ends_a_list_under_a_dual_head():
    ev = _events("قصفت الطائرات الروسية بلدتي بابيلا والحامدية ومدينة معرة النعمان جنوب إدلب.")
    assert len(ev) == 3 and "Ma‘arrat an Nu‘mān" in set(ev.location)


def test_one_place_inside_another_is_no_list():
    ev = _events("انفجرت سيارة مفخخة قرب دائرة التقاعد بساحة الشهداء بمنطقة الشواكة وسط بغداد.")
    assert len(ev) == 1


def test_a_toll_told_after_a_list_goes_to_its_first_place():
    ev = _events("هاجمت خلايا التنظيم مواقع قوات النظام في منطقة الكوم ومحور الطيبة في بادية تدمر.\n"
                 "وأسفر الهجوم عن مقتل 21 عنصرا.")
    tolls = dict(zip(ev.location, ev.fatalities, strict=True))
    assert tolls.get("الكوم") == "21"


def test_a_list_ends_with_its_last_conjunct():
    t = "قصف أحياء الشعار والمرجة، الحميدية"
    a = Mention(10, 16, "الشعار", "place", "الشعار", place_type="neighbourhood")
    b = Mention(18, 24, "المرجة", "place", "المرجة", place_type="neighbourhood")
    c = Mention(26, 34, "الحميدية", "place", "الحميدية", place_type="neighbourhood")
    assert [p.value for p in listed_spots([a, b, c], t)] == ["الشعار", "المرجة"]
    # a list joined by commas and closed by و keeps every item
    t2 = "قصف أحياء الشعار، المرجة والحميدية"
    b2 = Mention(18, 24, "المرجة", "place", "المرجة", place_type="neighbourhood")
    c2 = Mention(26, 34, "الحميدية", "place", "الحميدية", place_type="neighbourhood")
    assert [p.value for p in listed_spots([a, b2, c2], t2)] == ["الشعار", "المرجة", "الحميدية"]


def test_a_list_of_neighbourhoods_reads_a_town_named_elsewhere_as_a_quarter():
    # composed text: الحمدانية and الأعظمية are an Iraqi town and a Baghdad district in the
    # gazetteer; after أحياء they are quarters of the city the report is about
    ev = _events("سقطت قذائف صاروخية اليوم على أحياء الشعار والحمدانية والأعظمية في مدينة حلب.")
    assert sorted(ev.location) == ["الأعظمية", "الحمدانية", "الشعار"]
    assert set(ev.latitude) == {""} and "Baghdad" not in set(ev.admin1)
    # told alone, the name is still the town the gazetteer knows
    alone = _events("انفجرت عبوة ناسفة اليوم في الحمدانية.")
    assert alone.location.tolist() == ["Al-Hamdaniya"]


def test_two_names_back_to_back_are_no_list():
    t = "قصف مدينة أريحا"
    a = Mention(4, 9, "مدينة", "place", "مدينة", place_type="city")
    b = Mention(10, 15, "أريحا", "place", "أريحا", place_type="town")
    assert listed_spots([a, b], t) == []


def test_the_state_that_backs_a_force_is_no_place_of_the_clash():
    text = "اندلعت اشتباكات عنيفة اليوم بين فصائل الجيش الوطني المدعومة من تركيا وقوات سوريا الديمقراطية."
    ev = workbench.analyze(text, published="2019-03-12").events
    assert ev.location.tolist() == [""]
    ev = workbench.analyze(text.replace("الديمقراطية.", "الديمقراطية في قرية أبو قلقل."),
                           published="2019-03-12").events
    assert ev.location.tolist() == ["Abū Qalqal"]


def test_a_hospital_the_wounded_were_taken_to_is_no_place_of_the_attack():
    tail = "، وتم نقل المصابين إلى مستشفى العريش العام."
    assert _events("هاجم مسلحون كمينا للجيش" + tail).location.tolist() == [""]
    assert _events("هاجم مسلحون كمينا للجيش في بلدة الشيخ زويد" + tail).location.tolist() == [
        "Ash Shaykh Zuwayd"]
    # a hospital the attack's own clause strikes is its place
    assert _events("قصفت طائرات حربية مستشفى العريش العام.").location.tolist() == [
        "مستشفى العريش العام"]


def test_a_lead_at_a_governorate_the_detail_names_folds_into_it_though_its_day_was_the_telling():
    # الأربعاء is the day the source spoke, not the attack's; the detail's clause names the
    # lead's governorate (غربي الرمادي), whatever governorate the village's name has elsewhere
    ev = _events("أفاد مصدر أمني، الأربعاء، بأن انفجارا استهدف دورية للجيش غربي محافظة الأنبار.\n\n"
                 "وقال المصدر إن عبوة ناسفة انفجرت مساء اليوم قرب قرية الزاوية التابعة لقضاء هيت "
                 "غربي الرمادي.", published=None)
    assert len(ev) == 1 and ev.date_text.tolist() == ["مساء اليوم"]


def test_a_governorate_a_place_is_said_to_lie_in_opens_no_attack_of_its_own():
    from workbench.claims.events import _governorates

    def names(text: str) -> list[str]:
        a = Mention(text.index("السلام"), text.index("السلام") + 6, "السلام", "place",
                    "Al-Salam", place_type="subdistrict", admin1="IQ-MA")
        at = text.index("ديالى")
        b = Mention(at, at + 5, "ديالى", "place", "Diyala", place_type="governorate",
                    iso="IQ-DI")
        return [p.value for p in _governorates([a, b], text, many=True)]

    # بمحافظة ديالى says where the subdistrict lies, whatever governorate its namesake has
    assert names("هجوم في ناحية السلام بمحافظة ديالى") == ["Al-Salam"]
    assert names("هجومين في ناحية السلام ومحافظة ديالى") == ["Al-Salam", "Diyala"]
