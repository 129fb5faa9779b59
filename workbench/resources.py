"""Package data: lexicons and tables in ``workbench/data/``, read once and cached.

Data files are UTF-8 CSV/TSV/JSON. Lines starting with ``#`` at the top of a CSV/TSV
are its header comment (sources, licence) and are skipped.
"""

from __future__ import annotations

import csv
import json
from collections import namedtuple
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported only when a frame is asked for
    import pandas as pd


def data_path(name: str) -> Path:
    """Path of a file shipped in ``workbench/data``."""
    return Path(str(files("workbench").joinpath("data", name)))


class Table:
    """The rows of a CSV/TSV data file, every cell a string (an empty cell ``""``).

    What every lexicon loader reads: ``for row in read_rows("find/place_cues.csv")``
    gives named tuples (``row.form``, ``row.role``), ``column("form")`` one column,
    ``records()`` new dicts. Reading the lexicons needs no pandas; :meth:`frame` makes
    the ``DataFrame`` of :func:`read_table` when one is asked for.
    """

    __slots__ = ("_rows", "columns", "name")

    def __init__(self, name: str, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]):
        self.name = name
        self.columns = columns
        # The named-tuple type ``DataFrame.itertuples(index=False)`` makes: a header that
        # is no Python name (``2020``, ``class``) becomes ``_0``, ``_1`` …
        make = namedtuple("Row", columns, rename=True)._make
        self._rows = tuple(map(make, rows))

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._rows)

    def column(self, name: str) -> list[str]:
        """The cells of one column, top to bottom.

        >>> read_rows("find/time_few.csv").column("unit")[:2]
        ['minute', 'hour']
        """
        try:
            at = self.columns.index(name)
        except ValueError:
            raise KeyError(f"{self.name}: no column {name!r} (columns: {', '.join(self.columns)})") from None
        return [row[at] for row in self._rows]

    def records(self) -> list[dict[str, str]]:
        """One new dict per row (column → cell), as ``DataFrame.to_dict("records")`` gives."""
        columns = self.columns
        return [dict(zip(columns, row, strict=True)) for row in self._rows]

    def frame(self) -> pd.DataFrame:
        """The table as a new ``DataFrame`` of strings, as ``pd.read_csv(..., dtype=str,
        keep_default_na=False)`` reads the file."""
        import pandas as pd

        data = {c: [row[i] for row in self._rows] for i, c in enumerate(self.columns)}
        return pd.DataFrame(data, columns=list(self.columns), dtype=str)


@cache
def read_rows(name: str) -> Table:
    """A CSV (``,``) or TSV (``\\t``) data file as a :class:`Table` of strings, the header
    comment (leading ``#`` lines) and blank lines skipped; read once.

    A row with more or fewer cells than the header is an error naming the file and line.
    """
    path = data_path(name)
    with path.open(encoding="utf-8", newline="") as fh:
        skip = 0  # the header comment, read past in the same pass
        first = fh.readline()
        while first.startswith("#"):
            skip += 1
            first = fh.readline()
        reader = csv.reader(chain([first] if first else [], fh),
                            delimiter="\t" if name.endswith(".tsv") else ",")
        try:
            header = tuple(next(reader))
        except StopIteration:
            raise ValueError(f"{path}: no header row") from None
        if len(set(header)) != len(header):
            raise ValueError(f"{path}: a column name is repeated in the header {header}")
        rows = []
        for row in reader:
            if not row:  # a blank line
                continue
            if len(row) != len(header):
                raise ValueError(f"{path}, line {reader.line_num + skip}: {len(row)} cells where the "
                                 f"header has {len(header)}")
            rows.append(tuple(row))
    return Table(name, header, tuple(rows))


@cache
def read_table(name: str) -> pd.DataFrame:
    """A CSV (``,``) or TSV (``\\t``) data file as a ``DataFrame`` of strings
    (:func:`read_rows` made a frame), header comments skipped.

    Cached: callers must not modify the frame they get (take a ``.copy()`` to change it).
    """
    return read_rows(name).frame()


@cache
def read_json(name: str) -> Any:
    """A JSON data file, parsed once."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


