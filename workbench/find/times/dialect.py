"""The colloquial time words of the dialects (``time_dialect.csv``) with their spellings.

Each dialect word is a row typed as the standard words are, so the grammar composes it with the
same rules (باچر العصر: tomorrow afternoon); the Gulf and Iraqi sounds that writers spell several
ways (``time_dialect_spellings.csv``) give every spelling of a form (عقب باكر → عگب باچر).
"""

from __future__ import annotations

from functools import cache
from itertools import product

from ...resources import read_rows
from ...text.arabic import match_key

DIALECT_FILE = "find/time_dialect.csv"
SPELLINGS_FILE = "find/time_dialect_spellings.csv"


def _dialects(cell: str) -> frozenset[str]:
    return frozenset(d.strip() for d in cell.split(";") if d.strip())


@cache
def _spelling_table() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    return tuple((row.letter, tuple(row.spelled.split()), _dialects(row.dialects))
                 for row in read_rows(SPELLINGS_FILE))


def spellings(form: str, dialects: frozenset[str]) -> tuple[str, ...]:
    """Every way the dialects' writers spell ``form``: the form first, then each letter of the
    spellings table replaced by the letters written for it, in every combination.

    >>> spellings("عقب باكر", frozenset({"Gulf"}))[:3]
    ('عقب باكر', 'عقب باچر', 'عقب باجر')
    """
    choices = []
    for ch in form:
        alts = [ch]
        for letter, spelled, where in _spelling_table():
            if ch == letter and where & dialects:
                alts.extend(spelled)
        choices.append(alts)
    return tuple(dict.fromkeys("".join(c) for c in product(*choices)))


@cache
def dialect_rows() -> tuple[tuple[str, str, str, str], ...]:
    """(form, type, value, extra) of every dialect word in every spelling, as ``time_words.csv``
    rows are read.

    >>> ("باچر", "relative_day", "1", "") in dialect_rows()
    True
    """
    out: dict[tuple[str, str, str, str], None] = {}
    for row in read_rows(DIALECT_FILE):
        for form in spellings(match_key(row.form), _dialects(row.dialect)):
            out[(form, row.type, row.value, row.extra)] = None
    return tuple(out)
