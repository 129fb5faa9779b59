"""Place finder, gazetteer data and the lexicon matcher."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.newsfane import (
    PLACE_CLASSES,
    detokenise,
    evaluate_newsfane,
    read_sentences,
    without_buildings,
)
from workbench.find.places import PLACE_COLUMNS, find_places, gazetteer, nisba_countries
from workbench.resources import read_table
from workbench.text.arabic import match_key
from workbench.text.clitics import strip_proclitics
from workbench.text.lexmatch import Lexicon, fold

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_a7d0b04255543ba7.txt"
EXCERPT = ROOT / "tests" / "data" / "newsfane_excerpt.txt"


# ---------------------------------------------------------------- data files


def _keys(cell: str) -> list[str]:
    return [k for k in cell.split("|") if k]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("find/places.csv", ["keys", "bare_keys", "cue_keys", "nisba", "people"]),
        ("find/iraq_places.csv", ["aliases"]),
        ("find/regions.csv", ["aliases"]),
        ("find/country_variants.csv", ["aliases", "nisba", "people"]),
        ("find/place_cues.csv", ["form"]),
    ],
)
def test_every_lexicon_entry_is_already_a_matching_key(name: str, columns: list[str]) -> None:
    table = read_table(name)
    bad = [
        (col, k) for col in columns for cell in table[col] for k in _keys(cell)
        if match_key(k) != k or "  " in k or k != k.strip()
    ]
    assert bad == []


def test_bare_and_cue_keys_are_keys_of_their_row() -> None:
    table = read_table("find/places.csv")
    for keys, bare, cue in zip(table["keys"], table["bare_keys"], table["cue_keys"], strict=True):
        assert set(_keys(bare)) <= set(_keys(keys))
        assert set(_keys(cue)) <= set(_keys(keys))


def test_iraq_has_its_18_governorates_and_the_kurdistan_region() -> None:
    table = read_table("find/places.csv")
    iso = set(table.loc[table["iso"].str.startswith("IQ-"), "iso"])
    assert iso == {
        "IQ-AN", "IQ-AR", "IQ-BA", "IQ-BB", "IQ-BG", "IQ-DA", "IQ-DI", "IQ-DQ", "IQ-KA",
        "IQ-KI", "IQ-KR", "IQ-MA", "IQ-MU", "IQ-NA", "IQ-NI", "IQ-QA", "IQ-SD", "IQ-SU",
        "IQ-WA",
    }


def test_iraqi_coordinates_fall_inside_iraq() -> None:
    table = read_table("find/places.csv")
    iraq = table[(table["country"] == "IQ") & (table["lat"] != "")]
    assert len(iraq) > 150
    assert iraq["lat"].astype(float).between(29.0, 37.5).all()
    assert iraq["lon"].astype(float).between(38.7, 48.7).all()


def test_countries_come_from_cldr_with_unique_codes() -> None:
    table = read_table("find/places.csv")
    countries = table[table["place_type"] == "country"]
    assert len(countries) >= 240
    assert countries["iso"].is_unique
    assert dict(zip(countries["iso"], countries["name_ar"], strict=True))["IQ"] == "العراق"


def test_nisba_adjectives_map_to_their_country() -> None:
    nisba = nisba_countries()
    assert nisba["السعوديه"] == "SA"
    assert nisba["الامريكيه"] == nisba["الاميركيه"] == "US"
    assert nisba["السوريه"] == "SY"


# ---------------------------------------------------------------- matcher


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في الموصل", [("الموصل", "")]),
        ("وبالموصل", [("الموصل", "وب")]),
        ("للموصل", [("لموصل", "ل")]),
        ("فلموصل", []),
        ("الموصلي", []),
        ("الموصـــل", [("الموصـــل", "")]),
        ("صلاح\nالدين", [("صلاح\nالدين", "")]),
    ],
)
def test_lexicon_handles_proclitics_boundaries_and_tatweel(text: str, expected: list) -> None:
    lex = Lexicon(["الموصل", "صلاح الدين"])
    assert [(text[m.start:m.end], m.proclitic) for m in lex.finditer(text)] == expected


def test_lexicon_rejects_keys_that_are_not_normalised() -> None:
    with pytest.raises(ValueError, match="not normalised"):
        Lexicon(["الأنبار"])


def test_bare_keys_take_no_proclitic() -> None:
    lex = Lexicon(["لاد"], bare=["لاد"])
    assert list(lex.finditer("بلاد")) == []
    assert [m.key for m in lex.finditer("لاد")] == ["لاد"]


def test_lexicon_matches_the_same_with_or_without_the_offset_list() -> None:
    # finditer_folded maps offsets through FoldedText.positions() when tokenising made it,
    # through the numpy index otherwise: both must give the same matches and keys.
    lex = Lexicon(["الموصل", "صلاح الدين", "اللاذقيه"])
    text = "وللموصل  بصلاح\u00a0الدين وفي صلاحِ\nالدين فللاذقية ومُوصل"
    alone = list(lex.finditer_folded(fold(text)))
    folded = fold(text)
    folded.positions()
    assert list(lex.finditer_folded(folded)) == alone
    assert [(m.key, m.proclitic) for m in alone] == [
        ("الموصل", "ول"), ("صلاح الدين", "ب"), ("صلاح الدين", ""), ("اللاذقيه", "فل"),
    ]


def test_sports_scores_are_found_at_word_starts_only() -> None:
    from workbench.find.places import _SCORE

    text = "فاز 2-1 ثم 3 - صفر وa4-5 و7-1 (٢ – ٠) 10-2x"
    assert [m.group() for m in _SCORE.finditer(text)] == ["2-1", "3 - صفر", "٢ – ٠"]


def test_fold_keeps_offsets_through_deleted_marks() -> None:
    f = fold("بَغْدادُ")
    assert f.key == "بغداد"
    assert f.span(0, 5) == (0, 8)


@pytest.mark.parametrize(
    ("word", "bare"), [("وبالقوات", "القوات"), ("للمدنيين", "المدنيين"), ("وفي", "وفي")]
)
def test_strip_proclitics(word: str, bare: str) -> None:
    assert strip_proclitics(word) == bare


# ---------------------------------------------------------------- finder


def _found(text: str) -> list[tuple[str, str]]:
    df = find_places(text)
    assert (df["text"] == [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)]).all()
    return list(zip(df["text"], df["value"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # proclitics and the article
        ("قصف بالأنبار وللموصل والرمادي", [("الأنبار", "Anbar"), ("لموصل", "Mosul"),
                                            ("الرمادي", "Ramadi")]),
        ("وصلت إلى نينوي وديالي", [("نينوي", "Nineveh"), ("ديالي", "Diyala")]),
        # the nisba adjective is not a place
        ("ضد القوات العراقية في المدن العراقية", []),
        ("الشركات السعودية تعمل في السعودية", [("السعودية", "Saudi Arabia")]),
        ("قوات سورية دخلت سورية", [("سورية", "Syria")]),
        # directions and coordinated directions
        ("شمال ووسط وغرب العراق", [("شمال", "northern Iraq"), ("وسط", "central Iraq"),
                                   ("غرب العراق", "western Iraq")]),
        ("هجوم جنوب غربي بغداد", [("جنوب غربي بغداد", "southwest of Baghdad")]),
        # borders
        ("على الحدود السعودية", [("الحدود السعودية", "Saudi Arabia border")]),
        ("على جانبي الحدود مع سوريا", [("الحدود مع سوريا", "Syria border")]),
        ("الحدود العراقية السورية", [("الحدود العراقية السورية", "Iraq–Syria border")]),
        # homographs need a cue, or a list of places
        ("هذا بلد جميل", []),
        ("في قضاء بلد", [("قضاء بلد", "Balad")]),
        ("تكريت وبلد وسامراء", [("تكريت", "Tikrit"), ("بلد", "Balad"), ("سامراء", "Samarra")]),
        # a district and its press spelling (عانة for عنة) make the list that confirms a
        # homograph; a dash joins a pair of places as a list does
        ("تقع أقضية القائم، عانة وراوة على الحدود", [("القائم", "Al-Qaim"), ("عانة", "Anah"),
                                                   ("راوة", "Rawa")]),
        ("هاجم التنظيم محور القائم-راوة", [("القائم", "Al-Qaim"), ("راوة", "Rawa")]),
        ("في إطار الاتفاق", []),
        ("فيروس كورونا", []),
        # one name, several places: the country the text mentions decides
        ("زار عمان ثم الأردن", [("عمان", "Amman"), ("الأردن", "Jordan")]),
        ("وصل إلى سلطنة عمان", [("سلطنة عمان", "Oman")]),
        # a given name is not a town
        ("قال الرئيس السوري بشار الأسد", []),
        # an indefinite noun with tanween is no place (صيداً "prey", not Sidon)
        ("جعلها صيداً ثميناً للخلايا", []),
        ("زار الوفد صيدا", [("صيدا", "Sidon")]),
        # the centre of "the city" is no subdistrict of Basra (مركز المدينة)
        ("قصفت الطائرات شمال مركز المدينة", []),
        ("في ناحية مركز المدينة شمال البصرة", [("مركز المدينة", "Markaz Al-Midaina"),
                                              ("شمال البصرة", "north of Basra")]),
        # the first word of a kunya before a name (أبا يوسف) is no town
        ("قالت إن أبا يوسف كان قائدا", []),
    ],
)
def test_find_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_unknown_names_after_a_settlement_word_are_flagged() -> None:
    df = find_places("اشتباكات في قرية الزنبقة وقرية كبيرة")
    assert df[["text", "flags"]].values.tolist() == [["الزنبقة", "unknown_place"]]


def test_inferred_region_uses_the_country_the_text_is_about() -> None:
    df = find_places("انتشرت في العراق الميليشيات في الجنوب")
    row = df[df["text"] == "الجنوب"].iloc[0]
    assert (row["value"], row["flags"]) == ("southern Iraq", "direction;inferred")
    assert find_places("في الجنوب", home_country="LB")["value"].tolist() == ["southern Lebanon"]


def test_rows_carry_codes_and_coordinates() -> None:
    row = find_places("في الموصل").iloc[0]
    assert (row["place_type"], row["country"], row["admin1"]) == ("city", "IQ", "IQ-NI")
    assert 36.0 < row["lat"] < 36.6 and 42.9 < row["lon"] < 43.4
    gov = find_places("محافظة الأنبار").iloc[0]
    assert (gov["iso"], gov["place_type"]) == ("IQ-AN", "governorate")
    assert math.isnan(find_places("جرف الصخر").iloc[0]["lat"])  # no offline source


def test_empty_text_gives_empty_frame_with_the_columns() -> None:
    assert list(find_places("").columns) == PLACE_COLUMNS


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("العراقموصلبغدادوفي الحدودية،\u0640\u064e\n")),
               max_size=60) | st.text(max_size=40))
def test_find_places_never_raises_and_spans_match(text: str) -> None:
    df = find_places(text)
    for s, e, t in zip(df["start"], df["end"], df["text"], strict=True):
        assert text[s:e] == t and s < e


def test_seed_places_are_found_in_the_raw_pdf_text() -> None:
    values = set(find_places(SEED.read_text(encoding="utf-8"))["value"])
    assert {
        "Iraq", "northern Iraq", "central Iraq", "western Iraq", "Anbar", "Nineveh",
        "Salah al-Din", "Diyala", "Kirkuk", "Mosul", "Saudi Arabia border", "Baghdad",
        "Washington",
    } <= values


def test_gazetteer_loads_once() -> None:
    assert gazetteer() is gazetteer()


@pytest.mark.parametrize(("text", "admin1"), [
    ("سقطت قذائف على بلدة جمرايا في ريف دمشق", "SY-RD"),
    ("سقطت قذائف على قرية زيوة في دهوك", "IQ-DA"),
    ("قصف على قرية جمرايا", ""),  # in no governorate the sentence names
])
def test_a_village_the_gazetteer_lacks_is_read_after_its_head(text: str, admin1: str) -> None:
    """The name after قرية or بلدة is a place of the governorate its sentence names; it
    has no id and no point (none is invented)."""
    row = find_places(text).iloc[0]
    assert row["place_id"] == "" and row["flags"] == "unknown_place" and row["admin1"] == admin1
    assert math.isnan(row["lat"])


@pytest.mark.parametrize("text", [
    "قال دوغان إن الهجوم فشل",  # a name without a head or cue: a person here
    "وقعت اشتباكات في دوغان أمس",  # a name the gazetteer lacks makes no mention without a head
    "برميلان متفجران على المدينة",  # ب + رميلان: "two barrels"
    "خسائر مادية وبشرية",  # ب + شرية: "human"
])
def test_a_name_without_its_head_is_no_place(text: str) -> None:
    assert find_places(text).empty


# ---------------------------------------------------------------- NewsFANE


def test_newsfane_reader_strips_bom_lrm_and_crlf() -> None:
    sentences = read_sentences(EXCERPT)
    tokens = [t for s in sentences for t, _ in s]
    assert tokens[0] == "فرانكفورت"
    assert not any(ch in t for t in tokens for ch in "\ufeff\u200e\r")


def test_detokenise_attaches_proclitics_and_keeps_gold_spans() -> None:
    doc = detokenise([[("و", "O"), ("ل", "O"), ("الموصل", "B-Population-Center"),
                       ("ل", "O"), ("هونج", "B-Population-Center"),
                       ("كونج", "I-Population-Center")]])
    assert doc.text == "وللموصل لهونج كونج"
    assert [doc.text[s:e] for s, e, _ in doc.entities] == ["لموصل", "هونج كونج"]


@pytest.mark.eval_data
def test_newsfane_place_scores_stay_above_their_floor() -> None:
    from workbench.find.places import find_places as finder

    df = evaluate_newsfane(part="test", finders={"place": (finder, PLACE_CLASSES)})
    f1 = dict(zip(df["match"], df["f1"], strict=False))
    # Every square, road, mosque or hospital read from a head noun counts against this
    # score: NewsFANE tags them Building-Grounds or Path, not as places.
    assert f1["overlap"] >= 0.84
    assert f1["exact"] >= 0.775
    df = evaluate_newsfane(part="test", finders={
        "place": (lambda t: without_buildings(finder(t)), PLACE_CLASSES)})
    f1 = dict(zip(df["match"], df["f1"], strict=False))
    assert f1["overlap"] >= 0.85
    assert f1["exact"] >= 0.785


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تعاقد ميلان الإيطالي مع اللاعب", []),
        ("فازت نيجيريا على النيجر 2 - صفر في المباراة", []),
        ("وفي أبوجا فازت نيجيريا على النيجر 2 - صفر في المباراة", [("أبوجا", "Abuja", "")]),
        ("فازت نيجيريا في الانتخابات على النيجر", [("نيجيريا", "Nigeria", ""),
                                                   ("النيجر", "Niger", "")]),
        ("هبطت الطائرة في مطار بغداد", [("مطار بغداد", "Baghdad International Airport",
                                         "facility")]),
        ("وقع الزلزال في ولاية كاليفورنيا", [("كاليفورنيا", "California", "")]),
    ],
)
def test_teams_facilities_and_provinces(text: str, expected: list) -> None:
    df = find_places(text)
    assert list(zip(df["text"], df["value"], df["flags"], strict=True)) == expected


def test_newsfane_convention_cuts_directions_and_drops_inferred() -> None:
    from benchmarks.newsfane import newsfane_convention

    text = "قصفت المدفعية جنوب لبنان ومطار دمشق وانتشر الجيش في الجنوب"
    df = newsfane_convention(find_places(text))
    assert [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)] == ["لبنان"]


def test_a_known_quarter_in_another_town_is_that_towns_quarter() -> None:
    rows = find_places("انفجار عبوة بحي الصالحية قرب دائرة المياه في مدينة الحسكة").to_dict("records")
    quarter = next(r for r in rows if r["text"] == "حي الصالحية")
    assert quarter["value"] == "حي الصالحية" and "unknown_place" in quarter["flags"]
    assert math.isnan(quarter["lat"])
    # in its own town it keeps the gazetteer's reading
    rows = find_places("سقطت قذيفة على حي الميدان في دمشق").to_dict("records")
    assert next(r for r in rows if r["text"] == "حي الميدان")["value"] == "al-Midan"


@pytest.mark.parametrize(
    "text",
    [
        "بلغت الفدية 50 مليون ليرة سورية",  # ليرة: no ل + يرة
        "ويذكر أن المدينة هي مدينة سورية تنتشر فيها الخلايا",  # a Syrian city
        "لم يعرف إن كانت جنسياتهم إيرانية أم سورية",  # two adjectives joined by أم
    ],
)
def test_a_country_name_read_as_its_feminine_nisba_is_no_place(text: str) -> None:
    assert find_places(text).empty


def test_the_country_after_a_preposition_or_in_a_list_stays_a_place() -> None:
    assert find_places("قتل مواطن في سورية")["value"].tolist() == ["Syria"]
    assert find_places("اجتمع وفد من تركيا وسورية")["value"].tolist() == ["Türkiye", "Syria"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compass point before a settlement noun in apposition with the place
        ("هجوم في محافظة ديالى شمال العاصمة بغداد", ("شمال العاصمة بغداد", "north of Baghdad")),
        ("انفجرت غرب مدينة الفلوجة", ("غرب مدينة الفلوجة", "west of Fallujah")),
        ("في حي الغزالي غربي العاصمة العراقية بغداد", ("غربي العاصمة العراقية بغداد",
                                                       "west of Baghdad")),
    ],
)
def test_a_direction_before_a_settlement_noun_is_said_of_the_place(text, expected) -> None:
    rows = find_places(text)
    assert expected in list(zip(rows["text"], rows["value"], strict=True))


def test_the_centre_of_a_town_is_the_town() -> None:
    rows = find_places("انفجرت سيارة وسط مدينة عفرين")
    assert list(zip(rows["text"], rows["value"], strict=True)) == [("عفرين", "‘Afrīn")]


def test_a_town_whose_name_is_also_a_word_is_a_place_in_the_countryside_of() -> None:
    # ريف X: the countryside of a town, so X is the town (السلمية is also "peaceful")
    df = find_places("زرعت ألغام في بريف السلمية الشرقي")
    assert df["value"].tolist() == ["As Salamīyah"]
    # the settlement word after ريف is the cue of the name after it, no place itself
    assert find_places("قصف في ريف مدينة القامشلي")["text"].tolist() == ["القامشلي"]


def test_a_dual_settlement_word_announces_the_towns_after_it() -> None:
    # محافظتي X وY: "the two governorates of"; مارب is also a word (مآرب "aims")
    assert "Ma'rib" in find_places("اشتباكات بين محافظتي مارب والجوف")["value"].tolist()


def test_a_list_item_beside_a_town_read_as_a_place_is_a_place() -> None:
    # حضرموت (a word too) joins مارب, read after محافظتي
    got = find_places("اشتباكات بين محافظتي مارب وحضرموت")["value"].tolist()
    assert got == ["Ma'rib", "Hadramaut"]
    # a settlement word listed after a town is no Medina
    assert "Medina" not in find_places("زرنا مدينة مشهد، مدينة تاريخية")["value"].tolist()


def test_a_name_in_brackets_after_a_place_is_its_other_name() -> None:
    # الراعي is also "the shepherd": in brackets after a town's name it is the town
    got = find_places("انفجرت سيارة في بلدة “جوبان باي” (الراعي) شمال حلب")["text"].tolist()
    assert "الراعي" in got
    # a word in brackets after a word that is no place stays a word
    assert "الراعي" not in find_places("قال الراعي (الراعي) إن الكنيسة")["text"].tolist()


def test_a_capital_is_the_capital_not_a_smaller_namesake() -> None:
    # GeoNames writes Washington, D.C. with no Arabic name; a town of the same name in Utah
    # has one, and must not take the capital's row
    row = find_places("قالت واشنطن إن الضربة استهدفت مستودعا للأسلحة.").iloc[0]
    assert (row["value"], row["place_type"], row["admin1"]) == ("Washington", "capital", "US-DC")
    assert 38 < row["lat"] < 39.5


def test_a_word_paired_with_another_of_its_kind_is_no_place() -> None:
    assert find_places("وبين فينة وأخرى يهاجم مسلحون القرى النائية.").empty
    both = find_places("دارت اشتباكات بين حمص وحماة.")["text"].tolist()
    assert both == ["حمص", "حماة"]
