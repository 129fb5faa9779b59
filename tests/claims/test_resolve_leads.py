"""Events on small made-up reports: nouns in the accusative, leads that sum up several
attacks, places named after a town, adjectives after a plural place head."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2016-05-23"):
    return workbench.analyze(text, published=published).events


def test_an_ambush_in_the_accusative_is_an_event_at_its_place():
    ev = _events("قال مسؤول إن مسلحين نصبوا كميناً لقافلة قرب مدينة كركوك وقتلوا 25 منهم.")
    assert ev.kind.tolist() == ["armed_clash"] and ev.location.tolist() == ["Kirkuk"]

