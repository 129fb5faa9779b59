"""Answers the claims and events stages remember or look up early are the answers they
would compute: the score of a clause's features, the frame before a place, the cue at a
word of a toll phrase (invented sentences)."""

from __future__ import annotations

from workbench.claims.claims import _score, score_features


def test_a_remembered_score_is_the_score_computed() -> None:
    features = {"quantity": 1.0, "place": 1.0, "question": 0.0, "length": 0.25}
    first = score_features(features)
    assert score_features(dict(features)) == first
    fresh = _score.__wrapped__((("quantity", 1.0), ("place", 1.0), ("length", 0.25)))
    assert first == fresh


def test_features_that_are_zero_do_not_change_the_score() -> None:
    assert score_features({"quantity": 1.0, "hedged": 0.0, "url": 0.0}) \
        == score_features({"quantity": 1.0})
    assert score_features({"quantity": 1.0}) != score_features({"quantity": 1.0, "place": 1.0})


def test_the_account_names_the_features_present() -> None:
    score, why = score_features({"place": 1.0, "event": 1.0})
    assert 0 < score < 1
    parts = why.split("; ")
    assert {p.split()[0] for p in parts} == {"place", "event", "bias"}
    assert parts[-1].startswith("bias")
