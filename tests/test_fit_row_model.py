"""The measure of a learned scorer of event rows (scripts/fit_row_model.py): its features
read on made-up reports, its fitting and its threshold."""

from __future__ import annotations

import numpy as np

import workbench
from scripts import fit_row_model as rm
from workbench.claims.index import Mentions


def _features(text: str) -> list[dict[str, float]]:
    a = workbench.analyze(text, published="2020-05-13")
    return rm.row_features(a.rows.events, a.clean.text, Mentions.of_rows(a.rows.mentions))


def test_a_village_after_a_preposition_with_a_toll_is_tied_to_its_attack() -> None:
    (f,) = _features("قتل ثلاثة مدنيين في قصف على قرية كفرنبودة اليوم.")
    assert f["place_in_clause"] == 1.0 and f["after_preposition"] == 1.0
    assert f["deaths"] == 1.0 and f["no_place"] == 0.0 and f["wide_place"] == 0.0
    assert f["lead"] == 1.0 and set(f) == set(rm.FEATURES)


def test_a_recalled_attack_and_a_quote_are_read_as_such() -> None:
    text = ("انفجرت سيارة مفخخة في حي الكرادة ببغداد اليوم.\n\n"
            "وقال مسؤول: «استهدف قصف مدفعي مدينة الموصل».\n\n"
            "وكان انتحاري قد فجر نفسه في سوق مدينة الحلة.")
    feats = _features(text)
    assert any(f["quoted"] for f in feats)
    assert any(f["recalled"] for f in feats)
    assert all(f["rows"] == np.log(len(feats)) for f in feats)


def test_fitting_is_deterministic_and_learns_the_sign_of_a_feature() -> None:
    x = np.array([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [0.0], [1.0]])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0])
    w = rm.fit(x, y)
    assert np.array_equal(w, rm.fit(x, y)) and w[1] < 0


def test_the_threshold_weighs_a_lost_real_row_at_twice_a_false_row() -> None:
    p = np.array([0.1, 0.2, 0.3, 0.9])
    assert rm.best_threshold(p, np.array([0.0, 0.0, 1.0, 1.0])) == 0.3  # drops the two false
    # one false row below a real one: dropping both gains 1 - 2, so nothing is dropped
    assert rm.best_threshold(np.array([0.1, 0.2, 0.9]), np.array([1.0, 0.0, 1.0])) == 0.0


def test_scoring_without_a_row_moves_its_gold_event_to_another_candidate() -> None:
    doc = {"options": [[0, 1], [1]], "main": [True, True], "_p": [0.2, 0.9]}
    assert rm.score([doc], [[True, True]]) == (2, 2, 2, 2)
    assert rm.score([doc], [[False, True]]) == (1, 2, 1, 1)
    assert rm.score([doc], [[False, False]]) == (1, 2, 1, 1)  # the last row is kept
    assert rm.auc(np.array([0.9, 0.1, 0.5]), np.array([1.0, 0.0, 0.0])) == 1.0
