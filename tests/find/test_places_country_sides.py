"""Places: a side of the country the text is about (جنوب البلاد) and what it names."""

from __future__ import annotations

from workbench.find.places import find_places


def _texts(text: str) -> list[str]:
    return find_places(text, home_country="IQ")["text"].tolist()


def test_a_side_of_the_country_after_a_named_place_only_locates_it() -> None:
    assert _texts("قتل جنديان في هجوم على قرية في الرمادي غرب البلاد") == ["الرمادي"]
    assert _texts("سقطت قذائف على أحياء في كركوك بشمال البلاد") == ["كركوك"]
    assert "شرق البلاد" not in _texts("انفجرت عبوة في ديالى في شرق البلاد صباحا")
    # a side of a named place locates it the same way (جنوب الموصل شمالي البلاد)
    assert _texts("سقطت قذيفة جنوب الموصل شمالي البلاد") == ["جنوب الموصل"]


def test_a_side_of_the_country_said_alone_stays_a_region() -> None:
    assert "غرب البلاد" in _texts("تدور معارك عنيفة في شمال وغرب البلاد منذ أسابيع")
    # a comma or a new conjunct ends the phrase of the place before
    assert "غرب البلاد" in _texts("وقعت هجمات في البصرة، وفي غرب البلاد")


def test_a_side_told_by_the_adjective_of_a_country_names_no_place() -> None:
    # الشمال السوري: the country only by its nisba, as القوات السورية names no place
    assert _texts("كثفت الطائرات غاراتها في الشمال السوري خلال الشهر") == []
    assert "الجنوب" not in find_places("عادت الاغتيالات إلى الجنوب السوري", home_country="SY")[
        "text"].tolist()
    # said bare after a preposition, the side of the country the text is about stays
    assert _texts("انتشرت القوات في الجنوب منذ أيام") == ["الجنوب"]
