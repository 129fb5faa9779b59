"""Events on small made-up reports: nouns in the accusative, leads that sum up several
attacks, places named after a town, adjectives after a plural place head."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2016-05-23"):
    return workbench.analyze(text, published=published).events


def test_an_ambush_in_the_accusative_is_an_event_at_its_place():
    ev = _events("قال مسؤول إن مسلحين نصبوا كميناً لقافلة قرب مدينة كركوك وقتلوا 25 منهم.")
    assert ev.kind.tolist() == ["armed_clash"] and ev.location.tolist() == ["Kirkuk"]


def test_a_lead_over_two_towns_leaves_each_its_own_place():
    ev = _events("وقعت تفجيرات متزامنة في كل من طرطوس وجبلة صباح اليوم.\n\n"
                 "ففي مدينة جبلة وقعت أربعة تفجيرات أسفرت عن مقتل 45 مواطنا.\n\n"
                 "كما وقعت ثلاثة تفجيرات في مدينة طرطوس أسفرت عن مقتل 20 مواطنا.")
    assert ev.location.tolist() == ["Jablah", "Ţarţūs"]
    assert ev.places.tolist() == ["Jablah", "Ţarţūs"]
    assert ev.fatalities.tolist() == ["45", "20"]
