"""Resolve: an attack the lead tells at a loose place (a side of a city, a border, a city)
joins the one later row that tells it at a finer place near it, and only then."""

from __future__ import annotations

import workbench
from workbench.claims.resolve import _finer_near

LEAD = ("مقتل شخصين بانفجار {side} بغداد\n\n"
        "قتل شخصان وأصيب خمسة آخرون في انفجار عبوة ناسفة مساء الأحد {side} العاصمة بغداد.\n\n"
        "وانفجرت العبوة قرب قضاء الدجيل بمحافظة صلاح الدين.")


def _events(text: str):
    return workbench.analyze(text, published="2020-03-02", doc_id="t").events


def test_a_lead_north_of_a_city_joins_the_town_told_north_of_it_with_its_toll():
    ev = _events(LEAD.format(side="شمال"))
    assert ev[["location", "fatalities", "injured"]].values.tolist() == [["Dujail", "2", "5"]]
    assert len(ev.evidence.iloc[0].split(";")) == 2  # both tellings keep their offsets


def test_a_lead_south_of_a_city_is_no_telling_of_a_town_north_of_it():
    ev = _events(LEAD.format(side="جنوب"))
    assert sorted(ev.location.tolist()) == ["Baghdad", "Dujail"]


def _place(kind: str, lat: float, lon: float, admin1: str = "A", **more: object) -> dict:
    return {"location": kind, "place_type": kind, "admin1": admin1, "country": "C",
            "latitude": lat, "longitude": lon, **more}


def test_a_city_holds_a_site_near_it_but_not_a_town_nor_a_far_site():
    city = _place("city", 35.0, 36.0)
    assert _finer_near(_place("facility", 35.05, 36.0), city)
    assert not _finer_near(_place("village", 35.05, 36.0), city)
    assert not _finer_near(_place("facility", 36.0, 36.0), city)


def test_a_border_holds_a_town_of_either_country_and_a_governorate_only_its_own():
    border = _place("border", float("nan"), float("nan"), admin1="")
    assert _finer_near(_place("town", 35.0, 36.0, country="D"), border)
    governorate = _place("governorate", float("nan"), float("nan"))
    assert _finer_near(_place("village", 35.0, 36.0), governorate)
    assert not _finer_near(_place("village", 35.0, 36.0, admin1="B"), governorate)


AMBUSH = ("قتل ثمانية جنود في كمين قرب {where}.\n\n"
          "وقال مصدر أمني إن انتحاريا فجر نفسه بالوحدة العسكرية في بلدة القائم غربي محافظة الأنبار.")


def test_an_ambush_on_a_border_is_the_suicide_attack_told_at_a_town_there():
    ev = _events(AMBUSH.format(where="الحدود مع سوريا"))
    assert ev[["location", "kind", "fatalities"]].values.tolist() == [["Al-Qaim", "suicide_bombing", "8"]]


def test_an_ambush_at_a_city_is_no_suicide_attack_told_at_another_town():
    ev = _events(AMBUSH.format(where="مدينة الرمادي"))
    assert sorted(ev.location.tolist()) == ["Al-Qaim", "Ramadi"]


SUMMARY = ("شنت طائرات حربية غارات جوية على {where} مساء اليوم.\n\n"
           "وقال مصدر إن الغارات استهدفت قرية الرقامة شمالي حمص وقرية كفرعايا غربي حمص.")


def test_a_lead_over_two_villages_in_the_countryside_of_a_city_sums_them_up():
    ev = _events(SUMMARY.format(where="منطقتين في ريف مدينة حمص"))
    assert sorted(ev.location.tolist()) == ["Ar Riqāmā", "كفرعايا"]


def test_a_lead_at_a_region_over_two_attacked_villages_sums_them_up():
    ev = _events("شن مسلحون هجوما على مواقع للجيش في البادية السورية فجر اليوم.\n\n"
                 "وقال مصدر إن المسلحين هاجموا قرية الرقامة وقرية كفرعايا في ريف حمص.")
    assert sorted(ev.location.tolist()) == ["Ar Riqāmā", "كفرعايا"]


def test_a_lead_at_the_city_itself_may_be_a_third_attack_and_stays():
    ev = _events(SUMMARY.format(where="مدينة حمص"))
    assert sorted(ev.location.tolist()) == ["Ar Riqāmā", "Homs", "كفرعايا"]


def test_a_frame_of_a_city_holds_a_village_near_it():
    frame = _place("city", 35.0, 36.0, _frames={"A"})
    assert _finer_near(_place("village", 35.1, 36.1), frame)
    assert not _finer_near(_place("village", 35.1, 36.1), _place("city", 35.0, 36.0))
