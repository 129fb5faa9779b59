"""Outlets over places, datelines, local places and person cues: small invented cases."""

from __future__ import annotations

import pytest

from workbench import find_mentions
from workbench.find.places import find_places


def _kinds(text: str) -> list[tuple[str, str, str]]:
    df = find_mentions(text)
    return [(r.text, r.kind, r.value) for r in df.itertuples() if r.kind in ("place", "actor")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وذكرت قناة الميادين أن الغارة طالت الميادين",
     [("قناة الميادين", "actor", "Al Mayadeen"), ("الميادين", "place", "Al Mayādīn")]),
    ("نقلت الأناضول عن مصدر", [("الأناضول", "actor", "Anadolu Agency")]),
    ("بحسب روسيا اليوم", [("روسيا اليوم", "actor", "RT Arabic")]),
    ("عقد مؤتمر عن الشرق الأوسط", [("الشرق الأوسط", "place", "Middle East")]),
])
def test_outlets_win_over_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "outlet"), [
    ("قال مراسل “حلب اليوم” إن عصابة خطفت مدنيين", "حلب اليوم"),
    ('وفقا لما أفادت به مراسلة "القاهرة الإخبارية".', "القاهرة الإخبارية"),
    ("نقلت قناة «دمشق الآن» أن قذيفة سقطت", "دمشق الآن"),
])
def test_a_quoted_name_after_a_media_head_or_reporter_is_an_outlet(text: str, outlet: str) -> None:
    assert _kinds(text)[0] == (outlet, "actor", outlet)
    assert all(kind != "place" for _, kind, _ in _kinds(text))


def test_a_quoted_word_after_a_verb_of_saying_stays_a_place() -> None:
    # a verb may quote what was said, not name who said it
    assert [k for _, k, _ in _kinds('وذكرت أن "بغداد" تعرضت لهجوم')] == ["place"]


def test_outlet_is_a_media_actor() -> None:
    row = find_mentions("وقالت وكالة الأناضول").iloc[0]
    assert (row["actor_type"], row["flags"]) == ("Media", "outlet")


@pytest.mark.parametrize(("text", "flagged"), [
    ("الموصل (وكالة الأنباء العراقية) — قتل ثلاثة في تلعفر", ["Mosul"]),
    ("بغداد - قتل شخص في الرمادي", ["Baghdad"]),
    ("دمشق: سقطت قذيفة على حمص", ["Damascus"]),
    ("وقع انفجار في بغداد - الكرخ", []),
])
def test_datelines_are_flagged(text: str, flagged: list[str]) -> None:
    df = find_places(text)
    assert df[df["flags"].str.contains("dateline")]["value"].tolist() == flagged


def test_the_source_after_a_dateline_is_not_a_place() -> None:
    assert find_places("بغداد - مصر اليوم\nانفجار في الكرادة")["value"].tolist() == [
        "Baghdad", "Karrada"]


def test_local_places_carry_admin_codes() -> None:
    row = find_places("سقطت صواريخ على قاعدة عين الأسد الجوية").iloc[0]
    assert (row["place_type"], row["admin1"], row["admin2"], row["flags"]) == (
        "air_base", "IQ-AN", "هيت", "facility")
    assert find_places("في محافظة إدلب").iloc[0]["iso"] == "SY-ID"


@pytest.mark.parametrize("text", ["وقال معن إن الهجوم فشل", "التقى العميد حمص بالوفد"])
def test_town_names_of_people_are_not_places(text: str) -> None:
    assert find_places(text).empty
