"""What the time-grammar tests share: the one expression a text holds, its span checked."""

from __future__ import annotations

from datetime import date

import pandas as pd

from workbench.find.times import find_times

MAY_2020 = date(2020, 5, 12)  # a Tuesday


def one(text: str, **kw) -> pd.Series:
    """The single row ``find_times`` gives for ``text``, whose span must be its text; the
    rows of the dates a span is bounded by (flag ``span_end``) are left aside."""
    df = find_times(text, **kw)
    df = df[~df["flags"].str.split(";").apply(lambda f: "span_end" in f)].reset_index(drop=True)
    assert len(df) == 1, df
    row = df.iloc[0]
    assert text[row["start"]:row["end"]] == row["text"]
    return row
