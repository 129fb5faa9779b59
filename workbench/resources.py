"""Package data: lexicons and tables in ``workbench/data/``, read once and cached.

Data files are UTF-8 CSV/TSV/JSON. Lines starting with ``#`` at the top of a CSV/TSV
are its header comment (sources, licence) and are skipped.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd


def data_path(name: str) -> Path:
    """Path of a file shipped in ``workbench/data``."""
    return Path(str(files("workbench").joinpath("data", name)))


@cache
def read_table(name: str) -> pd.DataFrame:
    """A CSV (``,``) or TSV (``\\t``) data file as strings, header comments skipped.

    Cached: callers must not modify the frame they get (take a ``.copy()`` to change it).
    """
    sep = "\t" if name.endswith(".tsv") else ","
    return pd.read_csv(
        data_path(name), sep=sep, comment=None, dtype=str, keep_default_na=False,
        skiprows=_comment_lines(data_path(name)), encoding="utf-8",
    )


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")`` for a table of strings (what :func:`read_table` gives):
    one new dict per row, built column by column.

    pandas boxes every value on its way out of ``to_dict``, a tenth of a second for the
    place tables on every start; reading whole columns as lists gives the same dicts at
    a fraction of that. A frame with a column of another type goes through pandas.
    """
    columns = frame.columns.tolist()
    if len(set(columns)) != len(columns) or not all(
            pd.api.types.is_string_dtype(dtype) for dtype in frame.dtypes):
        return frame.to_dict("records")
    values = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


@cache
def read_json(name: str) -> Any:
    """A JSON data file, parsed once."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


def _comment_lines(path: Path) -> int:
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            n += 1
    return n
