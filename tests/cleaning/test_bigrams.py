"""The word bigram model reads a pair's count from the stored pairs of its left word:
every pair as the stored list gives it, the first and the last alike, and none for a
word it never saw after it (nor for a word it never saw at all)."""

from __future__ import annotations

import math

from workbench.cleaning.bigrams import BACKOFF, _counts, pair_count, pair_logp


def _stored(left: str) -> dict[str, int]:
    items = (item.rpartition(":") for item in _counts()[0][left].split())
    return {right: int(n) for right, _, n in items}


def test_every_stored_pair_of_a_common_word_is_found() -> None:
    stored = _stored("مجلس")
    assert len(stored) > 100
    assert all(pair_count("مجلس", right) == n for right, n in stored.items())


def test_a_word_that_is_the_end_of_another_is_not_taken_for_it() -> None:
    # "امن" ends "الامن" (stored after مجلس): only a whole word of the list counts.
    stored = _stored("مجلس")
    assert "الامن" in stored
    assert pair_count("مجلس", "امن") == stored.get("امن", 0)
    assert pair_count("مجلس", "لامن") == stored.get("لامن", 0)


def test_unseen_pairs_back_off_to_the_right_word() -> None:
    _, words, total = _counts()
    assert pair_count("مجلس", "زززز") == 0
    assert pair_count("زززز", "الامن") == 0
    assert math.isclose(pair_logp("زززز", "الامن"), BACKOFF + math.log10(words["الامن"] / total))
    n = pair_count("مجلس", "الامن")
    assert math.isclose(pair_logp("مجلس", "الامن"), math.log10(n / words["مجلس"]))
