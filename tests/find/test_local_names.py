"""Local places read from a head noun and a name (workbench.find.local_names), and the
misreadings of proclitics and bare head nouns in the place finder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench.find.local_names import place_heads
from workbench.find.places import find_places
from workbench.resources import read_table

ROOT = Path(__file__).resolve().parents[2]


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = find_places(text)
    return [(r["text"], r["place_type"], r["admin1"], r["flags"]) for r in df.to_dict("records")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a neighbourhood the gazetteer lacks, named with its head, placed by the city after it
        ("سقطت قذيفة في حي الزيتون الشرقي غربي بغداد",
         ("حي الزيتون الشرقي", "neighbourhood", "IQ-BG", "unknown_place")),
        # a town's name after حي names a quarter, not the town (Amarah is in Iraq): it lies in
        # Jableh's governorate
        ("انفجرت عبوة على أطراف حي العمارة السكني في جبلة",
         ("حي العمارة", "neighbourhood", "SY-LA", "unknown_place")),
        # heads of roundabouts and police stations
        ("انفجرت سيارة مفخخة قرب دوار كاوا وسط مدينة عفرين",
         ("دوار كاوا", "square", "SY-HL", "unknown_place;facility")),
        # a police station is placed at the locality it is named after
        ("ووقع الهجوم على مركز شرطة زاغنية في قضاء بعقوبة",
         ("زاغنية", "facility", "IQ-DI", "unknown_place")),  # in the district named after it
        # a common noun in construct with a name
        ("انفجرت عبوة في منطقة سبع أبكار شمالي بغداد",
         ("سبع أبكار", "area", "IQ-BG", "unknown_place")),
        # the square: the head belongs to the name
        ("تجمع المتظاهرون في ساحة النصر وسط الموصل",
         ("ساحة النصر", "square", "IQ-NI", "unknown_place;facility")),
        # a name in brackets is taken as written
        ("قصف على قرية (كفر نبودة) في ريف حماة",
         ("كفر نبودة", "village", "SY-HM", "unknown_place")),
        # a mosque named after a known place is the mosque, not the place
        ("فجر انتحاري نفسه في مسجد القدس وسط كركوك",
         ("مسجد القدس", "mosque", "IQ-KI", "unknown_place;facility")),
    ],
)
def test_a_head_noun_and_a_name_make_a_local_place(text: str, expected: tuple) -> None:
    assert expected in _rows(text)


def test_a_plural_head_opens_a_list_of_places() -> None:
    got = [r[:2] for r in _rows("تعرضت أحياء الفردوس وطريق المطار والمرجة لقصف")]
    assert got == [("الفردوس", "neighbourhood"), ("طريق المطار", "road"),
                   ("المرجة", "neighbourhood")] or ("الفردوس", "neighbourhood") in got


def test_a_list_after_a_plural_head_may_open_with_mithl_and_end_with_comma_and_wa() -> None:
    got = [r[0] for r in _rows("استهدف القصف أطراف مدن مثل النيرب، سرمين، وفريكة، ما أسفر عن أضرار")]
    assert got == ["النيرب", "سرمين", "فريكة"]
    # a common word closes the pair after a dual village head
    # (and درعا after ريف is the province's town)
    assert [r[0] for r in _rows("اغتيال بين بلدتي تسيل وعدوان في ريف درعا")] == ["تسيل", "عدوان", "درعا"]
    # after a pair joined by و, a comma and و open the next clause, not a third item
    got = [r[0] for r in _rows("قصف منازل بين قريتي معربليت ومعرزاف، وأصيب راعٍ بجروح")]
    assert got == ["معربليت", "معرزاف"]


def test_a_list_after_a_dual_head_may_hold_quoted_names() -> None:
    # و standing apart and the quotes around each name; a dual head names no single place
    got = [r[:2] for r in _rows("استهدف هجوم قاعدتي “بلد” و”عين الأسد” بالصواريخ")]
    assert ("بلد", "military_base") in got
    assert not any(text.startswith("قاعدتي") for text, _ in got)


def test_feminine_adjectives_after_a_plural_head_are_no_list_of_places() -> None:
    # a plural of things takes its adjectives in the feminine singular
    assert not _rows("انسحبت القوات من معسكرات على تماس مع مناطق هجينة ووعرة")
    # one bare name among them keeps the list a list of places
    assert [r[0] for r in _rows("قصفت الطائرات بلدات حمورية وسقبا")] == ["حمورية", "سقبا"]


def test_the_units_of_yemen_libya_and_lebanon_and_plural_heads_announce_places() -> None:
    rows = _rows("أغارت الطائرات على مديرية حريب جنوب مأرب")
    assert rows[0][:2] == ("مديرية حريب", "district")  # named with its head
    got = [r[0] for r in _rows("سقطت قذائف على ضاحيتي الكمالية والشرفة شرق المدينة")]
    assert got[:2] == ["الكمالية", "الشرفة"]
    # محلية is no head: it is far more often the adjective "local"
    assert not _rows("قالت مصادر طبية ومحلية إن انتحاريا فجر نفسه")


def test_village_names_in_iyya_after_a_plural_head_are_names_not_adjectives() -> None:
    # a rare feminine in -iyya is a village's name; a frequent one (نائية) is an adjective
    got = [r[0] for r in _rows("قصفت الطائرات قرى أسدية وتل أمير ومشيرفة")]
    assert got == ["أسدية", "تل أمير", "مشيرفة"]
    assert not _rows("قصفت الطائرات قرى نائية")


def test_a_place_named_after_a_family_takes_al_as_its_first_word() -> None:
    assert ("آل شبوان", "area", "", "unknown_place") in _rows("غارة على منطقة آل شبوان ليلا")
    # وادي opens a name as تل and عين do: the valley a district is named after
    assert "مديرية وادي عبيدة" in [r[0] for r in _rows("غارة على مديرية وادي عبيدة ليلا")]


def test_a_relative_clause_or_a_plural_verb_after_a_head_is_no_name() -> None:
    # منطقة يشيع فيها: the pronoun of فيها refers back to the head
    assert not _rows("وقع الهجوم في منطقة ينتشر فيها المسلحون")
    # a verb of the third person plural closes a list of village names
    got = [r[0] for r in _rows("دخلت القوات قرى الحريبات والشويحة وانتشروا على أطرافها")]
    assert got == ["الحريبات", "الشويحة"]
    # a Kurdish name in -awa is a name
    assert "كانياوا" in [r[0] for r in _rows("قصفت المدفعية قرية كانياوا شمال دهوك")]


def test_a_road_named_after_a_known_place_is_a_place() -> None:
    # طريق needs a known place in its name: a town of the gazetteer is one
    assert "طريق منبج" in [r[0] for r in _rows("قتل رجل بقذيفة على طريق منبج صباح اليوم")]
    assert not [r for r in _rows("قتل رجل بقذيفة على طريق مريمين صباح اليوم") if "طريق" in r[0]]


def test_a_longer_local_name_wins_over_a_town_inside_it() -> None:
    rows = _rows("فجر نفسه في منطقة الباب الشرقي ببغداد")
    assert ("الباب الشرقي", "area", "IQ-BG", "unknown_place") in rows
    assert not any(r[2] == "SY-HL" for r in rows)  # not the Syrian town al-Bab


@pytest.mark.parametrize(
    "text",
    [
        "أرسل الرسالة عن طريق الهاتف إلى الوزير",  # عن طريق: "by way of"
        "وقعت المعركة في منطقة جبلية وعرة",  # an adjective of the head
        "تراجعت الأسهم في سوق العمل هذا الأسبوع",  # a market named after no place
        "نصب المسلحون كميناً للجنود",  # ك + a frequent word, not ك + Minna
        "استهدفت طائرة سيارة قرب مفرق قرية صغيرة",  # مفرق "junction", not al-Mafraq
        "تشهد مناطق النزاع والصراع نزوحا واسعا",  # a list of common nouns after a plural head
    ],
)
def test_common_nouns_are_not_places(text: str) -> None:
    rows = _rows(text)
    assert not [r for r in rows if r[3] == "unknown_place" or r[1] == "city"], rows


def test_place_heads_data_is_well_formed() -> None:
    table = read_table("find/place_heads.csv")
    assert set(table["span"]) <= {"name", "whole"}
    assert set(table["number"]) <= {"one", "many"}
    assert set(table["strict"]) <= {"yes", "no", "known"}
    assert set(table["named_after"]) <= {"place", "honour", "around"}
    assert table["form"].is_unique
    assert {"حي", "ساحه", "مسجد", "احياء"} <= set(place_heads())


def _committed_scores() -> tuple[float, float]:
    """Recall of the gold place names and precision of the place mentions on the two
    openly licensed documents of the events benchmark (ev015, ev075)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from events_eval import DATA, norm_word, read_csv, words_within

    gold = read_csv(DATA / "gold_places.csv")
    hit = total = right = rows = 0
    for doc in ("ev015", "ev075"):
        text = (DATA / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        found = {norm_word(x) for x in find_places(text)["text"]}
        real = [norm_word(p["surface"]) for p in gold
                if p["doc_id"] == doc and p["not_place"] != "yes"]
        hit += sum(any(words_within(s, f) for f in found) for s in real)
        total += len(real)
        rows += len(found)
        right += sum(any(words_within(f, s) or words_within(s, f) for s in real) for f in found)
    return hit / total, right / rows


def test_open_event_documents_keep_their_place_floor() -> None:
    recall, precision = _committed_scores()
    assert recall >= 0.90  # 10 of 11 gold place names
    assert precision >= 0.95


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a common word that closes the phrase after a village head is its name
        ("قتل عشرة مسلحين في قرية توكل شمال بلدة المقدادية", "توكل", "village"),
        # a name head and a direction adjective make one village's name
        ("قصف جوي على قرية دير شرقي القريبة من معرة النعمان", "دير شرقي", "village"),
        # a tribal name: البو and the next word
        ("اشتباكات في منطقة البو طلحة جنوب بلدة العظيم", "البو طلحة", "area"),
        # a rare name in construct with a known place wins over a foreign town inside it
        ("عبوة على الطريق بين بلدتي سحم الجولان والشجرة في ريف درعا", "سحم الجولان", "town"),
        # a kunya with its epithet under a mosque head
        ("هجوم انتحاري داخل مسجد أبو بكر الصديق في ناحية الوجيهية",
         "مسجد أبو بكر الصديق", "mosque"),
        # a common construct located by a direction and a known place
        ("انفجرت سيارتان في منطقة باب الحسين وسط الحلة", "باب الحسين", "area"),
    ],
)
def test_village_and_quarter_names_read_from_their_phrase(text: str, name: str, kind: str) -> None:
    assert (name, kind) in [r[:2] for r in _rows(text)]


def test_list_items_between_joints_are_places() -> None:
    got = [r[0] for r in _rows(
        "وشهدت أحياء الميسر وقاضي عسكر والجزماتي وكرم الطراب وباب النصر قصفا بالبراميل")]
    assert got == ["الميسر", "قاضي عسكر", "الجزماتي", "كرم الطراب", "باب النصر"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # two rare words make one village name; a foreign town spelled like the second
        # word (Mġarr in Malta) does not split it
        ("قصفت المدفعية التركية قرية زور مغار غربي عين العرب", "زور مغار", "village"),
        # an adjective of nearness closes the name
        ("اقتحم مسلحون مول نخيل القريب من ساحة الاحتفالات", "مول نخيل", "mall"),
        # oil fields and mountains, named with their head
        ("سقطت قذائف على حقل خباز النفطي", "حقل خباز النفطي", "oil_field"),
        ("قصفت الطائرات مواقع في جبل متين شمال دهوك", "جبل متين", "mountain"),
        # fronts and farms, named with their head
        ("تدور اشتباكات في محاور الملاح والليرمون", "الليرمون", "area"),
        ("سقطت قذيفة في مزرعة الحدادية", "مزرعة الحدادية", "village"),
        # a facility's own relational adjective is part of its name
        ("نقل الجرحى إلى مستشفى الكندي التعليمي في بغداد", "مستشفى الكندي التعليمي",
         "hospital"),
        ("وصل المصابون إلى مشفى جبلة الوطني", "مشفى جبلة الوطني", "hospital"),
    ],
)
def test_names_a_head_announces(text: str, name: str, kind: str) -> None:
    assert (name, kind) in [r[:2] for r in _rows(text)]


def test_a_list_runs_past_the_place_that_locates_an_item() -> None:
    got = [r[0] for r in _rows("استهدفت الغارات بلدتي الهبيط جنوبي إدلب وكفرسجنة")]
    assert got == ["الهبيط", "جنوبي إدلب", "كفرسجنة"]


def test_a_head_glossed_in_brackets_takes_the_name_after_it() -> None:
    rows = _rows("أوقفوا حافلة قرب كراج (مراب) النهضة وسط بغداد")
    assert rows[0][0] == "كراج (مراب) النهضة"


def test_a_hospital_named_after_a_town_lies_in_it() -> None:
    # the phrase is the mention and the town its place; a hospital named after a place
    # abroad honours it (مستشفى القدس in Aleppo)
    assert _rows("نقل المصابون إلى مستشفى كركوك لتلقي العلاج") == [
        ("مستشفى كركوك", "city", "IQ-KI", "facility")]
    assert ("مستشفى القدس", "hospital") in [r[:2] for r in _rows("قصفت الطائرات مستشفى القدس")]


def test_a_country_adjective_stays_out_of_a_facility_name() -> None:
    assert ("قاعدة حميميم", "air_base") in [r[:2] for r in _rows("قصفت قاعدة حميميم الروسية")]


def test_a_strict_head_in_a_list_of_places_names_a_place() -> None:
    got = [r[0] for r in _rows("قصفت الطائرات حي الفردوس - دوار الصخرة - حي الشعار")]
    assert got == ["حي الفردوس", "دوار الصخرة", "حي الشعار"]
    # alone, the common noun stays a word (seasickness)
    assert not _rows("أصيب الركاب بدوار البحر")


def test_a_common_word_listed_with_a_place_is_a_place() -> None:
    # المرة "the time" is a name beside القصير, a gazetteer key, after a plural head
    got = [r[0] for r in _rows("تقدمت البيشمركة باتجاه مناطق المرة والقصير")]
    assert got == ["المرة", "القصير"]


def test_new_and_old_quarters_of_a_known_town() -> None:
    got = [r[:2] for r in _rows("استهدفت الصواريخ أحياء حلب الجديدة والحمدانية")]
    assert ("حلب الجديدة", "neighbourhood") in got
    # under a town head the town the gazetteer knows stays, with its adjective outside
    assert [r[0] for r in _rows("فجر نفسه في مدينة الموصل القديمة")] == ["الموصل"]
    rows = _rows("ألقيت قنبلة في مدينة بعقوبة الواقعة شمال شرقي بغداد")
    assert rows[0][0] == "بعقوبة"


@pytest.mark.parametrize(
    "text",
    [
        "لجأت العائلات إلى قرية صغيرة شمال حلب",  # an adjective of the head
        "هبطت الطائرة في مطار عسكري قرب حمص",  # a relational adjective
        "سقطت قذيفة في بلدة أخرى شمال المدينة",
        "وصلت الشرطة إلى منطقة الحادث وسط بغداد",  # a one-word common noun, however located
        "خزنت الأرقام في قاعدة البيانات",
        "انفجرت السيارة قرب منطقة تسوق مزدحمة",  # an adjective, no second term of a name
        "قصف الطيران عددا من أحياء المدينة",  # "the city" the text speaks of
    ],
)
def test_adjectives_and_common_nouns_after_a_head_stay_words(text: str) -> None:
    assert not [r for r in _rows(text) if "unknown_place" in r[3]]


def test_regions_the_reports_name_are_places() -> None:
    rows = _rows("قتل مدنيون في قصف على الغوطة الشرقية وجبال مكحول")
    assert [(r[0], r[2]) for r in rows] == [("الغوطة الشرقية", "SY-RD"), ("جبال مكحول", "IQ-SD")]


@pytest.mark.parametrize(("text", "name", "value"), [
    # an indefinite name that a definite adjective follows ends before the adjective
    ("سقطت صواريخ على قاعدة فيكتوريا الأمريكية داخل محيط المطار", "قاعدة فيكتوريا",
     "Victory Base Complex"),
    ("هجوم بطائرة مسيرة على قاعدة الحرير الأمريكية في أربيل", "قاعدة الحرير", "Harir Air Base"),
    # a quoted name after the head is the gazetteer's base
    ('استهداف قاعدة "بلد الجوية" جنوبي صلاح الدين', 'قاعدة "بلد الجوية', "Balad Air Base"),
    # the known base wins over a longer phrase that runs into the sentence
    ("مصدر من داخل قاعدة بلد الجوية القول إن", "قاعدة بلد الجوية", "Balad Air Base"),
])
def test_base_names_without_their_adjectives(text: str, name: str, value: str) -> None:
    got = {r["text"]: r["value"] for r in find_places(text).to_dict("records")}
    assert got.get(name) == value


def test_a_rare_name_before_an_adjective_is_a_local_base() -> None:
    got = [(t, k) for t, k, _, _ in _rows("قصف قاعدة زمبورة الروسية في ريف حمص")]
    assert ("قاعدة زمبورة", "military_base") in got


def test_a_desert_named_after_badia_is_a_place() -> None:
    got = [(t, k) for t, k, _, _ in _rows("قتلوا بعد محاصرتهم في بادية كباجب بريف دير الزور")]
    assert ("بادية كباجب", "area") in got
    # a common word after بادية is no name
    assert [t for t, _, _, _ in _rows("انفجار لغم في بادية المحافظة")] == []


def test_known_deserts_and_quarters_in_the_gazetteer() -> None:
    got = {r["text"]: r["value"] for r in find_places(
        "انفجار لغم ببادية البشري، وقتل آخر في درعا البلد").to_dict("records")}
    assert got == {"بادية البشري": "Jabal al-Bishri", "درعا البلد": "Daraa al-Balad"}


def test_a_town_after_badia_is_the_town() -> None:
    # the mention takes the head in (the land around the town), the place stays the town
    got = {r["text"]: r["value"] for r in find_places(
        "هاجمت خلايا التنظيم مواقع في بادية تدمر بريف حمص الشرقي").to_dict("records")}
    assert got.get("بادية تدمر") == "Tadmur"


def test_a_village_name_like_an_adjective_before_a_definite_adjective() -> None:
    got = [(t, k) for t, k, _, _ in _rows("استهداف موقع في قرية بارة التابعة لخانصور")]
    assert ("بارة", "village") in got
    assert [t for t, _, _, _ in _rows("قصف قرية صغيرة قرب الحدود")] == []


def test_a_town_inside_a_later_local_name_gives_no_governorate():
    # العمارة in حي العمارة is the quarter's name, not Amarah in Maysan: the garage before it
    # takes no governorate from it, but that of the town named before it (جبلة, Latakia)
    df = find_places("ففي مدينة جبلة تزامنت تفجيرات في كراج البولمان وعلى أطراف حي العمارة السكني.")
    garage = df[df.text == "كراج البولمان"]
    assert garage.admin1.tolist() == ["SY-LA"] and garage.country.tolist() != ["IQ"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a frequent word (العبارة "the phrase") under a district head placed in its province
        ("انفجرت عبوة ناسفة ضمن ناحية العبارة في ديالى", "العبارة"),
        ("سقطت قذيفة على ناحية الوحدة في نينوى", "الوحدة"),
        # the preposition written onto the province, a city that names its province
        ("هجوم على أطراف قرية الدب بكركوك بالأسلحة", "الدب"),
    ],
)
def test_district_head_placed_in_its_province_names_a_place(text: str, name: str) -> None:
    assert any(name in r[0] for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "من ناحية العبارة لا جديد في البيان",
        "ناحية الدب بغداد",  # بغداد begins with ب: no preposition before it
    ],
)
def test_district_head_without_a_province_after_it_stays_a_common_noun(text: str) -> None:
    assert not any(r[0].endswith(("العبارة", "الدب")) for r in _rows(text))


def test_an_adjective_of_belonging_closes_a_village_name() -> None:
    assert "أردنا" in [r[0] for r in _rows("سقطت قذيفة على قرية أردنا التابعة لقضاء العمادية")]


def test_a_known_facility_described_by_an_adjective_is_the_gazetteer_s_place():
    from workbench.find.places import find_places

    df = find_places("سقطت صواريخ في قاعدة فيكتوريا الجوية الأمريكية")
    assert df[["text", "value"]].values.tolist()[0] == ["قاعدة فيكتوريا الجوية",
                                                       "Victory Base Complex"]
    # a direction after a name is part of a local name (منطقة الباب الشرقي in Baghdad)
    assert find_places("انفجار في منطقة الباب الشرقي")["value"].tolist() == ["الباب الشرقي"]


def test_a_homonym_abroad_placed_in_a_local_province_is_a_local_name() -> None:
    # الجنينة is a town of Sudan in the gazetteer; the text places it in Basra
    rows = _rows("اغتيل ناشط في منطقة الجنينة في محافظة البصرة")
    assert ("الجنينة", "area", "IQ-BA") in [r[:3] for r in rows]
    # a name that honours a place abroad still points there (مستشفى القدس في حلب)
    assert ("مستشفى القدس", "hospital") in [r[:2] for r in _rows("قصفت الطائرات مستشفى القدس في حلب")]


def test_a_day_after_a_name_ends_it() -> None:
    # the time grammar's days close a local name: the day tells when, not where
    assert [r[0] for r in _rows("انفجرت عبوة لاصقة في حي المنصور اليوم")] == ["حي المنصور"]
    assert "قاعدة بلد" in [r[0] for r in _rows("سقطت قذيفة على قاعدة بلد مساء الخميس")]


def test_a_levantine_quarter_and_a_school_are_read_after_their_heads():
    texts = [t for t, *_ in _rows("سقطت قذائف على حارة الزيتونة قرب مدرسة الرشيدية في المدينة")]
    assert texts == ["حارة الزيتونة", "مدرسة الرشيدية"]


def test_an_indefinite_relational_adjective_after_a_head_is_no_name():
    # مدرسة ثانوي: a secondary school, no school named ثانوي
    assert _rows("يعمل وكيل مدرسة ثانوي يعايش مشاكل الطلبة") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل شرطي في قرية زيركو بان سور في كركوك", "زيركو بان سور"),
        ("انفجرت عبوة في محيط قرية عين الحصان بريف درعا.", "عين الحصان"),
    ],
)
def test_a_village_name_of_common_words_runs_to_the_end_of_the_phrase(text, name):
    assert name in [t for t, *_ in _rows(text)]


@pytest.mark.parametrize(
    "text",
    ["جرف الإعصار قرى الصيادين الأكثر تضررا من العاصفة", "هاجموا قرية صغيرة نائية في الريف"],
)
def test_a_phrase_of_the_sentence_after_a_village_head_is_no_name(text):
    assert _rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter and a cemetery named after a man by title and name
        ("قصف مدفعي على حي الشيخ مقصود في حلب", "حي الشيخ مقصود"),
        ("انفجار عبوة بالقرب من مقبرة الشيخ سعد في مدينة إعزاز", "مقبرة الشيخ سعد"),
        # the title closes a construct: a village named after a canal, in a list
        ("هجوم لمسلحين على قريتي العامرية ونهر الإمام في محافظة ديالى", "نهر الإمام"),
    ],
)
def test_a_title_or_a_natural_head_opens_a_place_name(text: str, expected: str) -> None:
    assert expected in [r[0] for r in _rows(text)]


def test_a_title_is_no_name_after_a_strict_head_and_a_known_river_stays_known() -> None:
    assert _rows("وقع الانفجار في منطقة الشيخ في المدينة") == []
    assert find_places("عبروا نهر الفرات")["value"].tolist() == ["Euphrates"]


def test_a_local_name_repeated_without_its_head_and_located_alike_is_the_same_place():
    text = ("انفجرت عبوة في منطقة مخازن الرشيد شرقي بغداد. وقال مصدر إن العبوة كانت مزروعة "
            "في مخازن الرشيد شرقي بغداد.")
    rows = find_places(text)
    named = rows[rows["text"] == "مخازن الرشيد"]
    assert len(named) == 2 and set(named["admin1"]) == {"IQ-BG"}
    # the same words with nothing placing them are not taken
    text = "انفجرت عبوة في منطقة مخازن الرشيد شرقي بغداد. وأغلقت مخازن الرشيد أبوابها."
    rows = find_places(text)
    assert (rows["text"] == "مخازن الرشيد").sum() == 1


def test_a_second_plural_head_joined_by_waw_opens_the_same_list() -> None:
    # مدن وقرى: two kinds of place, one list of names after the second head
    texts = [r[0] for r in _rows("قصفت المدفعية قرى وبلدات كفرنوخ وتلعادة قرب حلب")]
    assert "كفرنوخ" in texts and "تلعادة" in texts


def test_the_desert_of_a_place_is_told_with_its_head_and_keeps_the_place() -> None:
    # بادية X: the land around X; the mention takes the head in, the place stays X
    df = find_places("انفجر لغم في بادية حمص.")
    assert df[["text", "value"]].values.tolist() == [["بادية حمص", "Homs"]]


def test_a_town_whose_name_is_also_a_word_counts_as_known_once_the_gazetteer_read_it() -> None:
    # تدمر is also "destroys": read as Palmyra, it is a known place after a head
    df = find_places("قتل راعيان في بادية تدمر")
    assert df[["text", "value"]].values.tolist() == [["بادية تدمر", "Tadmur"]]
    # the verb opening a sentence stays no place
    assert _rows("تدمر الطائرات بيوت حي السلام")[0][0] == "حي السلام"


@pytest.mark.parametrize("text", [
    "سقطت قذائف قرب مدرسة الفاروق بمدينة الرستن",
    "سقطت قذائف قرب مدرسة الفاروق في بلدة تلبيسة",
])
def test_a_phrase_placed_in_a_town_told_with_its_head_names_a_place(text: str) -> None:
    # بمدينة X، في بلدة X: the town's head stands between the preposition and the town
    assert _rows(text)[0][:2] == ("مدرسة الفاروق", "facility")
    # a common noun after a strict head stays none, wherever it is placed
    assert _rows("قتل في منطقة الحادث في مدينة الموصل")[0][0] == "الموصل"


def test_a_name_in_quotes_after_a_village_head_is_whole_though_its_first_word_is_known() -> None:
    got = [r[:2] for r in _rows("هاجم مسلحون قرية “خدر خجيجة” شمال الموصل")]
    assert ("خدر خجيجة", "village") in got and not any(t == "خدر" for t, _ in got)


def test_a_name_in_quotes_has_the_value_of_the_name_written_without_them() -> None:
    # the quotes are punctuation: the quarter named with and without them is one place
    df = find_places('هاجم مسلحون حي "الشهداء" ثم عادوا إلى حي الشهداء مساء')
    assert df["value"].tolist() == ["حي الشهداء", "حي الشهداء"]


def test_a_definite_name_ends_before_the_words_of_the_sentence_after_it() -> None:
    # an indefinite word takes no definite noun in construct: بعد opens the sentence again
    got = [r[0] for r in _rows("داهمت القوات قرية الزهراوية بعد تمشيط المنطقة")]
    assert got == ["الزهراوية"]
    # a definite adjective that takes a preposition describes the place (المتاخمة للحدود)
    got = [r[0] for r in _rows("قصفت الطائرات منطقة الزهراوية المتاخمة للحدود")]
    assert got == ["الزهراوية"]
    got = [r[0] for r in _rows("قصفت الطائرات منطقة الزهراوية المطلة على الطريق")]
    assert got == ["الزهراوية"]
    # a direction stays the name's own (حي الزهور الشمالي)
    assert _rows("سقطت قذيفة على حي الزهور الشمالي من المدينة")[0][0] == "حي الزهور الشمالي"


def test_a_river_or_lake_is_told_with_its_head() -> None:
    # an unknown river's name is read after its head; a known one keeps its place
    got = [r[:2] for r in _rows("شنت طائرة غارات على نهر زيلكاني قرب القرية")]
    assert ("نهر زيلكاني", "area") in got
    df = find_places("نصب المسلحون كمينا قرب بحيرة تشاد")
    assert df[["text", "value"]].values.tolist() == [["بحيرة تشاد", "Chad"]]
    # a common word after the head is no name
    assert _rows("عبر الجنود نهرا ثم قطعوا نهر الحياة") == []


def test_a_building_told_by_its_kind_and_located_in_a_town_is_a_place() -> None:
    got = [(*r[:2], r[3]) for r in _rows("نقل الجرحى الى المستشفى العسكري بمدينة الرستن")]
    assert ("المستشفى العسكري", "hospital", "unknown_place;facility") in got
    assert ("السجن المركزي", "prison") in [r[:2] for r in _rows("فر سجناء من السجن المركزي في حمص")]
    # unlocated, or a quarter or market of a kind a town has many of, it describes
    assert _rows("نقل الجرحى الى المستشفى العسكري") == []
    assert [r[0] for r in _rows("انفجار في السوق التجاري بمدينة الرستن")] == ["الرستن"]


def test_a_building_told_by_its_kind_where_a_place_preposition_governs_it_is_a_place() -> None:
    # the site of what happened: a locative, or ب written onto the head
    got = [(*r[:2], r[3]) for r in _rows("سقطت قذائف على محيط المشفى الوطني دون إصابات")]
    assert got == [("المشفى الوطني", "hospital", "unknown_place;facility")]
    assert [r[0] for r in _rows("انفجرت عبوة قرب الملعب البلدي صباح اليوم")] == ["الملعب البلدي"]
    assert [r[0] for r in _rows("اندلع حريق بالمستشفى المركزي ليلا")] == ["المستشفى المركزي"]
    # where the wounded were taken, or what a clause speaks of, it only describes
    assert _rows("نقل الجرحى الى المشفى الوطني للعلاج") == []
    assert _rows("وأعلن المستشفى المركزي حاجته إلى الدم") == []


def test_a_quarter_told_by_its_kind_where_a_place_preposition_governs_it_is_a_place() -> None:
    got = [(*r[:2], r[3]) for r in _rows("انفجرت دراجة مفخخة بالحي الشرقي من مدينة الرقة")]
    assert ("الحي الشرقي", "neighbourhood", "unknown_place") in got
    assert [r[0] for r in _rows("داهم مسلحون منزلا في الحي العصري ليلا")] == ["الحي العصري"]
    # unlocated and ungoverned, the phrase describes (a town has many quarters so told)
    assert _rows("تركزت الغارات على الحي الشمالي من المدينة") == []
    assert _rows("يعاني الحي الجنوبي نقصا في المياه") == []


def test_a_rare_name_in_construct_with_a_definite_noun_is_one_name() -> None:
    assert "زنبور الجبل" in [r[0] for r in _rows("سقطت صواريخ في منطقة زنبور الجبل ليلا")]
    # a definite adjective after the rare name is the sentence's, not the name's
    got = [r[0] for r in _rows("قصفت المدفعية قرية خربو الحدودية أمس")]
    assert "خربو" in got and "خربو الحدودية" not in got
    assert [r[0] for r in _rows("دخلت القوات منطقة زنبور المحاصرة منذ أشهر")] == ["زنبور"]


def test_a_word_of_middling_frequency_with_a_name_s_letters_is_a_name_after_a_strict_head() -> None:
    assert "الهول" in [r[0] for r in _rows("تمشيط القرى وخصوصا منطقة الهول من الخلايا")]
    # an ordinary word of the same frequency is not (منطقة البحوث "the research area")
    assert _rows("زار الوزير منطقة البحوث أمس") == []


def test_a_junction_names_the_place_after_it() -> None:
    assert "كفرونة" in [r[0] for r in _rows("استهدفت غارة سيارة عند مفترق كفرونة جنوب لبنان")]
    assert "هادويا" in [r[0] for r in _rows("انفجرت عبوة في مفترق طرق هادويا مساء أمس")]
    # the crossroads of a figure of speech names nothing
    assert _rows("يقف البلد على مفترق طرق خطير") == []


def test_a_stadium_is_named_with_its_head() -> None:
    assert [r[0] for r in _rows("سقطت قذيفة هاون على ملعب الجلاء صباح اليوم")] == ["ملعب الجلاء"]
    # named after a known town, it lies in the town
    df = find_places("انفجار قرب ملعب بغداد")
    assert df[["text", "flags"]].values.tolist() == [["بغداد", "facility"]]
    # a pitch of a game is no named stadium
    assert _rows("بنى الأهالي ملعب كرة قدم صغيرا") == []


def test_a_camp_named_after_its_town_is_told_with_its_head_and_keeps_the_town() -> None:
    df = find_places("اقتحمت القوات مخيم جنين فجر اليوم")
    assert df[["text", "value"]].values.tolist() == [["مخيم جنين", "Janīn"]]


def test_a_market_of_common_words_placed_in_a_known_town_is_a_place() -> None:
    # سوق needs a known place in its name or in the phrase that locates it
    got = [r[0] for r in _rows("سقط قتلى في قصف على سوق النجارين بمدينة الموصل")]
    assert "سوق النجارين" in got
    assert [r[0] for r in _rows("ارتفعت الأسعار في سوق العمل هذا العام")] == []


def test_the_second_of_two_listed_villages_is_read_without_its_conjunction() -> None:
    # "A، وB": the و joins the item, the mention starts at the name
    got = [r[0] for r in _rows("قصفت المدفعية قرى كفرطونة، وسرجيلان في ريف إدلب")]
    assert got[:2] == ["كفرطونة", "سرجيلان"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Sudan's unit after a preposition, or with ب written onto it
        ("قتل مدنيون في قصف على محلية جبرونا شمال الخرطوم", "جبرونا"),
        ("سقطت قذائف بمحلية الصالحة غربي أم درمان", "الصالحة"),
    ],
)
def test_a_sudanese_locality_after_a_preposition_is_a_head(text: str, name: str) -> None:
    assert name in [r[0] for r in _rows(text)]


def test_local_as_an_adjective_is_no_head() -> None:
    # مصادر محلية "local sources": no preposition governs محلية, so the known place after it
    # is read as it would be without it, and nothing is named by the adjective
    got = [r[0] for r in _rows("وقالت مصادر محلية سورية إن القصف استمر")]
    assert not any(t.startswith("محلية") for t in got)
    assert "سورية" not in got


def test_a_head_with_a_proclitic_ends_the_village_name_before_it() -> None:
    # ببادية: ب on the head بادية opens the phrase that locates the village
    got = [r[0] for r in _rows("انفجر لغم في قرية كرسوع ببادية تدمر")]
    assert got[0] == "كرسوع"
    assert "بادية تدمر" in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("انفجرت سيارة قرب فندق بشاطئ كانتوري في العاصمة", "كانتوري"),
        ("وقع التفجير عند بوابة معسكر سيلاندو في حي هدن", "معسكر سيلاندو"),
    ],
)
def test_a_beach_or_a_camp_announces_its_name(text: str, name: str) -> None:
    assert name in [r[0] for r in _rows(text)]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # a camp the gazetteer lacks: the mention takes the head in, the place is the name
        ("قصفت المدفعية معسكر كرندق للنازحين", "معسكر كرندق", "كرندق"),
        # so also in a list, the head its item's own
        ("قصفت المدفعية أحياء المدينة ومعسكر كرندق للنازحين", "معسكر كرندق", "كرندق"),
        ("قتل راعيان في بادية الحماد بريف حمص", "بادية الحماد", "الحماد"),
    ],
)
def test_a_head_named_around_takes_the_head_into_an_unknown_name(
        text: str, mention: str, value: str) -> None:
    got = {r["text"]: r["value"] for r in find_places(text).to_dict("records")}
    assert got.get(mention) == value


def test_one_camp_under_two_heads_is_one_name() -> None:
    from workbench.claims.resolve import place_name

    assert place_name("معسكر كرندق") == place_name("مخيم كرندق") == place_name("كرندق")


def test_a_camp_of_common_words_names_no_place() -> None:
    # strict: the name must hold a rare word or a known place
    assert _rows("أقام الجيش معسكر التدريب الصيفي") == []


def test_a_conjunction_on_a_short_common_word_is_no_name_after_a_head() -> None:
    # وسد: "and a dam"; the road is no road named وسد, though a place locates the phrase
    got = [r[0] for r in _rows("وعدت الحكومة ببناء طريق وسد في شمال البلاد المجاورة لكينيا")]
    assert not any(t.startswith("طريق") for t in got)


def test_a_facility_named_after_its_town_takes_the_towns_governorate_when_alone():
    from workbench.find.places import find_places

    row = find_places("سقطت قذيفة على ملعب حلب الدولي").iloc[0]
    assert (row["text"], row["admin1"], row["country"]) == ("ملعب حلب الدولي", "SY-HL", "SY")
    assert "facility" in row["flags"] and row["lat"] != row["lat"]  # no invented coordinates


def test_a_facility_of_the_town_told_before_names_no_place() -> None:
    df = find_places("سقطت قذيفة على بلدة صغيرة، وأصابت سوق المدينة وكراج البلدة.")
    assert not any(t in ("سوق المدينة", "كراج البلدة") for t in df["text"])


def test_the_areas_of_the_two_governorates_name_no_place() -> None:
    df = find_places("استعادت القوات بعض مناطق المحافظتين بعد معارك.")
    assert df.empty


def test_a_district_called_the_town_is_still_read() -> None:
    df = find_places("انفجرت عبوة ناسفة في قضاء المدينة شمال البصرة.")
    assert "قضاء المدينة" in df["text"].tolist()


@pytest.mark.parametrize(
    ("text", "name", "place_type"),
    [
        # a district or subdistrict a place preposition governs takes a name of middling
        # frequency, which a strict head alone would not (الفرسان 4.1, المعالي 3.5)
        ("سقطت قذيفتان في ناحية الفرسان مساء أمس", "الفرسان", "subdistrict"),
        ("قتل شخصان بانفجار عبوة في قضاء المعالي", "المعالي", "district"),
        # a camp is named with its head
        ("اشتباكات في مخيم الوفاء شرقي المدينة", "مخيم الوفاء", "camp"),
    ],
)
def test_unit_governed_by_a_place_preposition_takes_a_middling_name(
        text: str, name: str, place_type: str) -> None:
    assert (name, place_type, "", "unknown_place") in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "قتل جندي في قضاء الله وقدره",  # a frequent word: the head's other sense
        "قال مصدر في مديرية الأمن الوطني",  # a directorate, no district
        "قتل مدني في قضاء الأمان",  # الأمان 4.5: as frequent as a common word
        "ناقش المجلس قضاء الفرسان",  # no place preposition nor attack governs the head
    ],
)
def test_unit_with_a_frequent_word_or_ungoverned_names_nothing(text: str) -> None:
    assert not [r for r in _rows(text) if "unknown_place" in r[3]]


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # the place slot of an attack clause: على after a report of an attack, or the object
        # of an attack verb; a name of middling frequency (القلعة 4.3) that the sentence places
        # in a known place names the place attacked
        ("شنت الطائرات غارة على منطقة القلعة في ريف حلب الجنوبي", "القلعة", "SY-HL"),
        ("استهدفت منطقة الفرسان بريف حماة", "الفرسان", "SY-HM"),
        # an administrative unit in that slot takes such a name as after في
        ("قصف استهدف قضاء الفرسان", "الفرسان", ""),
        ("غارة جوية على ناحية الحصان أوقعت قتلى", "الحصان", ""),
    ],
)
def test_head_in_the_place_slot_of_an_attack_takes_a_middling_name(
        text: str, name: str, admin1: str) -> None:
    assert [r for r in _rows(text) if r[0] == name and r[2] == admin1 and "unknown_place" in r[3]]


@pytest.mark.parametrize(
    "text",
    [
        "تحدث الوزير عن منطقة القلعة في ريف حلب",  # no attack: a common noun after منطقة
        "علق الوزير على منطقة القلعة في ريف حلب",  # على in a sentence of no attack
        "شنت الطائرات غارة على منطقة القلعة أمس",  # in an attack, but placed nowhere
        "قتل مدني في غارة. وعلق الوزير على منطقة القلعة في ريف حلب",  # the attack is another sentence's
    ],
)
def test_middling_name_after_a_strict_head_needs_the_attack_slot_and_a_place(text: str) -> None:
    assert "القلعة" not in [r[0] for r in _rows(text)]
