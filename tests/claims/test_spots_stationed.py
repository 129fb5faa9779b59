"""Spots: where the force that fired is stationed (المتمركزة في مدينة سراقب) is no place its
fire fell on: one row, at the place struck."""

from __future__ import annotations

import workbench
from workbench.claims.index import Mention
from workbench.claims.spots import off_scene


def _locations(text: str) -> list[str]:
    return workbench.analyze(text, published="2021-05-02").events.location.tolist()


def test_the_town_the_gunners_are_stationed_in_is_no_second_attack():
    assert _locations("قصفت قوات النظام المتمركزة في مدينة سراقب بلدة سرمين بالصواريخ.") == ["Sarmīn"]


def test_the_area_of_the_artillery_is_no_place_of_its_shelling():
    assert _locations("قصفت المدفعية التركية المتمركزة في منطقة الرقامة، قرية كفرعايا بريف حمص.") \
        == ["كفرعايا"]


def test_stationed_in_marks_the_place_off_scene_with_or_without_a_head_noun():
    for text in ("القوات المتمركزة في سراقب", "من أماكن تمركزها في مدينة سراقب"):
        place = Mention(text.index("سراقب"), len(text), "سراقب", "place", "Saraqib")
        assert off_scene(place, text)
    text = "سقطت القذائف في مدينة سراقب"
    assert not off_scene(Mention(text.index("سراقب"), len(text), "سراقب", "place", "Saraqib"), text)


def test_a_conjunction_on_the_frame_verb_leaves_the_place_off_scene():
    # وتمركزت في: the frame is the same with و or ف on its first word
    for text, name in (("اقتحمت القوات البلدة وتمركزت في حي الصناعة", "حي الصناعة"),
                       ("الزوار والقادمين من سراقب", "سراقب")):
        place = Mention(text.index(name), len(text), name, "place", "x")
        assert off_scene(place, text)
