"""What the finders share to make their rows: the scan over tokens and the table builders.

The token finders (times, quantities) read left to right, trying each token not covered by
the last mention found; the name finders (places, actors) sort their hits, keep one per
start or span and fill every column. Written once here so the finders differ only in what
they read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..text.lexmatch import FoldedText, fold
from ..text.tokens import Token

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

R = TypeVar("R")


def folded_text(text: object, folded: FoldedText | None) -> FoldedText | None:
    """The folding a name finder reads: the caller's (shared by the finders), else made
    here; None when there is no text (empty, or not a string: a missing cell).

    >>> folded_text("", None) is None, folded_text("في", None).key
    (True, 'في')
    """
    if not isinstance(text, str) or not text:
        return None
    return fold(text) if folded is None else folded


def scan(toks: Sequence[Token], read: Callable[[int, Token, list[R]], tuple[R, int] | None],
         at: Iterable[int] | None = None) -> list[R]:
    """Rows read left to right: at each token ``k`` past the last row, ``read(k, token,
    rows so far)`` gives a row and the token after it, or None to try the next token.

    ``at`` (increasing indices) are the only tokens ``read`` may find a row at, when the
    caller can tell the others apart faster than by calling ``read`` on each.

    >>> scan(list("abcd"), lambda k, t, rows: (t, k + 2) if t in "ab" else None)
    ['a']
    """
    rows: list[R] = []
    i = 0
    for k in range(len(toks)) if at is None else at:
        if k < i:
            continue
        got = read(k, toks[k], rows)
        if got is None:
            continue
        rows.append(got[0])
        i = got[1]
    return rows


def mention_records(
    text: str, rows: list[dict], columns: Sequence[str], kind: str, *, unique_by: tuple[str, ...]
) -> list[dict]:
    """Rows in text order, one per value of the ``unique_by`` fields (the first, shortest),
    with every column and ``text`` and ``kind`` filled in.

    >>> mention_records("ab", [{"start": 0, "end": 2}, {"start": 0, "end": 1}], ["start", "text", "kind"],
    ...         "place", unique_by=("start",))
    [{'start': 0, 'text': 'a', 'kind': 'place'}]
    """
    rows = sorted(rows, key=lambda r: (r["start"], r["end"]))
    unique = [r for i, r in enumerate(rows)
              if i == 0 or [r[f] for f in unique_by] != [rows[i - 1][f] for f in unique_by]]
    out = []
    for r in unique:
        rec = {c: r.get(c, "") for c in columns}
        rec["text"] = text[r["start"]:r["end"]]
        rec["kind"] = kind
        out.append(rec)
    return out


def mention_frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows with every one of ``columns`` as a frame with those columns (empty: just them)."""
    import pandas as pd

    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame({c: [r[c] for r in rows] for c in columns}, columns=columns)
