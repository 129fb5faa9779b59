"""A hamza written after a proclitic rules out a place name folded across it (وإن is not Van)."""

from __future__ import annotations

from workbench.find.places import find_places
from workbench.find.written_hamza import boundary_hamza, ruled_out_by_hamza


def _texts(sentence: str) -> list[str]:
    return find_places(sentence)["text"].tolist()


def test_particle_after_a_list_of_towns_is_no_town() -> None:
    # «، وإن» after a town would be a list item if folding made it وان (Van)
    assert _texts("سقطت قذائف على الموصل، وإن الأهالي نزحوا من القرى.") == ["الموصل"]


def test_a_name_after_a_proclitic_keeps_its_own_hamza() -> None:
    # و + أربيل: the proclitic is cut off, the hamza starts the name itself
    assert _texts("قتل جنديان في الموصل، وأربيل.") == ["الموصل", "أربيل"]


def test_the_same_word_without_hamza_is_left_to_the_other_rules() -> None:
    assert not ruled_out_by_hamza("وان", ["وان"])


def test_boundary_hamza_needs_a_proclitic_before_it() -> None:
    assert boundary_hamza("لأن") == 1
    assert boundary_hamza("ولأن") == 2
    assert boundary_hamza("مأرب") is None  # the stem's own hamza
    assert boundary_hamza("أن") is None


def test_a_name_spelled_with_the_hamza_is_not_ruled_out() -> None:
    assert not ruled_out_by_hamza("بأبها", ["أبها"], "ب")
    assert ruled_out_by_hamza("كأن", ["كان"])
