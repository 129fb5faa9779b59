"""The sentence edge counts: words that end sentences and words that open them."""

from __future__ import annotations

import math

from workbench.cleaning.edges import stop_logp


def test_a_sentence_ends_before_a_verb_with_wa() -> None:
    # ``وقال`` opens sentences, a preposition never ends one
    assert stop_logp("الماضي", "وقال") > stop_logp("في", "وقال")
    assert stop_logp("الماضي", "وقال") > stop_logp("الماضي", "العراق")


def test_no_words_no_edge() -> None:
    assert stop_logp("", "وقال") == -math.inf
    assert stop_logp("...", "وقال") == -math.inf
