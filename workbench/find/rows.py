"""What the finders share to make their rows: the scan over tokens.

The token finders (times, quantities) read left to right, trying each token not covered by
the last mention found. Written once here so the finders differ only in what they read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..text.tokens import Token

R = TypeVar("R")


def scan(toks: Sequence[Token], read: Callable[[int, Token, list[R]], tuple[R, int] | None]) -> list[R]:
    """Rows read left to right: at each token ``k`` past the last row, ``read(k, token,
    rows so far)`` gives a row and the token after it, or None to try the next token.

    >>> scan(list("abcd"), lambda k, t, rows: (t, k + 2) if t in "ab" else None)
    ['a']
    """
    rows: list[R] = []
    i = 0
    for k, tok in enumerate(toks):
        if k < i:
            continue
        got = read(k, tok, rows)
        if got is None:
            continue
        rows.append(got[0])
        i = got[1]
    return rows
