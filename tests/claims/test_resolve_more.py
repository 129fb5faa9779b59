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
