"""Character error rate: how far a cleaned text is from a reference, letter by letter.

The score of the repair benchmark (``benchmarks/repair.py``) and of the cleaning tests:
diacritics and tatweel do not count (a reference typed by hand writes them or not at
will), and whitespace is collapsed (a line break is a space).
"""

from __future__ import annotations

import re

from workbench.text.arabic import TATWEEL

# FATHATAN..SUKUN, SUPERSCRIPT ALEF and TATWEEL: marks a reference may write or leave out.
_CER_DROP_RE = re.compile(f"[\u064b-\u0652\u0670{TATWEEL}]")


def cer_normalise(text: str) -> str:
    """Letters and single spaces: diacritics and tatweel removed, whitespace collapsed.

    >>> cer_normalise("هجومًـا   على")
    'هجوما على'
    """
    return " ".join(_CER_DROP_RE.sub("", text).split())


def char_error_rate(hyp: str, ref: str) -> float:
    """Levenshtein distance over ``cer_normalise``d text, divided by the reference length.

    >>> char_error_rate("هجومًا على", "هجوما على")
    0.0
    >>> round(char_error_rate("هجوم على", "هجوما على"), 3)
    0.111
    """
    a, b = cer_normalise(hyp), cer_normalise(ref)
    if not b:
        return 0.0 if not a else 1.0
    return _levenshtein(a, b) / len(b)


def _levenshtein(a: str, b: str) -> int:
    try:
        import editdistance

        return int(editdistance.eval(a, b))
    except ImportError:  # pragma: no cover - editdistance ships with the environment
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]
