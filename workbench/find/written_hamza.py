"""A hamza the text writes after a proclitic rules out a name folded across it.

Matching folds أ إ آ to ا, so «وإن» ("and indeed") folds to وان, the key of the Turkish
city Van, and «كأن» ("as if") to كان, Cannes. But Arabic spelling writes a hamza on alef
inside a word only where a stem begins with it: after a proclitic (وإن = و + إن، بأن = ب +
أن، لأن = ل + أن) or in a stem that has the hamza itself (مأرب). A name whose own spelling
has a bare alef there (وان) cannot be what the text wrote: the folding made the match, the
writing rules it out. Texts that drop hamzas (وان) stay ambiguous and are left to the
other rules.

>>> ruled_out_by_hamza("وإن", ["وان"])
True
>>> ruled_out_by_hamza("وان", ["وان"]), ruled_out_by_hamza("وأربيل", ["أربيل"], "و")
(False, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.clitics import PROCLITICS_LONGEST_FIRST

_HAMZA_ALEF = "\u0623\u0625\u0622"  # أ إ آ
# Harakat, tanween, shadda, sukun, the dagger alef and tatweel: they do not change which
# letters are written.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _letters(word: str) -> str:
    return _MARKS.sub("", word)


def boundary_hamza(written: str) -> int | None:
    """The index of a hamza on alef that follows a proclitic at the start of ``written``
    (وإن → 1, ولأن → 2), else None.

    >>> boundary_hamza("فإن"), boundary_hamza("رأس"), boundary_hamza("إن")
    (1, None, None)
    """
    w = _letters(written)
    for pre in PROCLITICS_LONGEST_FIRST:
        if w.startswith(pre) and w[len(pre):len(pre) + 1] in tuple(_HAMZA_ALEF):
            return len(pre)
    return None


def ruled_out_by_hamza(written: str, names: Iterable[str], proclitic: str = "") -> bool:
    """Whether ``written`` (one word as the text spells it) cannot be any of ``names``
    (the place's Arabic spellings): it writes a hamza after a proclitic, the matcher kept
    that proclitic inside the name (``proclitic`` is the part it dropped), and no spelling
    of the name has a hamza at that place.

    >>> ruled_out_by_hamza("كأن", ["كان"]), ruled_out_by_hamza("بأبها", ["أبها"], "ب")
    (True, False)
    """
    at = boundary_hamza(written)
    if at is None or len(proclitic) >= at:  # the matcher cut the proclitic off: the stem is the name's
        return False
    head = _letters(written)[:at]
    return not any(
        _letters(n).startswith(head) and _letters(n)[at:at + 1] in tuple(_HAMZA_ALEF)
        for n in names
    )
