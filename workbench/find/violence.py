"""Where a text reports political violence: the offsets of its event triggers of ACLED's
political-violence types (battles, explosions and remote violence, violence against
civilians).

A word after a place preposition in a sentence that reports an attack names where the
attack happened far more often than the same word elsewhere (قتل مدنيان في قصف على الجزرة;
not في الحقيقة in an opinion piece), so the name model weighs that sentence as evidence.
The triggers are the event lexicon of :mod:`workbench.claims.clauses` (one home for the
words that report an event); the types are its ``event_type`` column.

>>> from workbench.text.lexmatch import fold
>>> attack_offsets(fold("قتل مدنيان في قصف على القرية")) != []
True
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from ..resources import read_rows
from ..text.lexmatch import FoldedText
from ..text.tokens import word_tokens

__all__ = ["POLITICAL_VIOLENCE", "attack_offsets", "reports_attack"]

# ACLED's three event types of political violence (ACLED Codebook 2023, "Event types"); its
# other types (protests, riots, strategic developments) tell no attack's place.
POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_MEMO = "attack_offsets"


@cache
def _violent_kinds() -> frozenset[str]:
    """The event kinds of ``event_triggers.csv`` whose ACLED type is political violence."""
    return frozenset(r["kind"] for r in read_rows("claims/event_triggers.csv").records()
                     if r["event_type"] in POLITICAL_VIOLENCE)


def attack_offsets(folded: FoldedText) -> list[int]:
    """The text offsets where a trigger of political violence starts in ``folded``, sorted;
    computed once per text (kept in its memo).

    >>> from workbench.text.lexmatch import fold
    >>> attack_offsets(fold("وقع انفجار في السوق"))
    [4]
    """
    def offsets() -> list[int]:
        from ..claims.clauses import text_triggers  # the event lexicon's one home

        kinds = _violent_kinds()
        cues = text_triggers(word_tokens(folded), folded.text, folded)
        return sorted({c.start for c in cues if c.value in kinds})

    return folded.remembered(_MEMO, offsets)


def reports_attack(folded: FoldedText, lo: int, hi: int) -> bool:
    """Whether a trigger of political violence starts in the text span ``[lo, hi)``.

    >>> from workbench.text.lexmatch import fold
    >>> f = fold("غارة على البلدة. وفي الحقيقة لا")
    >>> reports_attack(f, 0, 16), reports_attack(f, 16, len(f.text))
    (True, False)
    """
    offsets = attack_offsets(folded)
    i = bisect_left(offsets, lo)
    return i < len(offsets) and offsets[i] < hi
