"""``workbench.resources`` reads every data table as ``pandas.read_csv`` read it: the same
cells (strings, empty cells ``""``), rows, column names and, as a frame, the same dtypes."""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

import pandas as pd
import pytest

from workbench.resources import data_path, read_rows, read_table

TABLES = sorted(
    str(p.relative_to(data_path(""))) for p in Path(data_path("")).rglob("*")
    if p.suffix in (".csv", ".tsv")
)


def _comment_lines(path: Path) -> int:
    """The leading ``#`` lines of a data file (its header comment), counted apart."""
    with path.open(encoding="utf-8") as fh:
        return sum(1 for _ in takewhile(lambda line: line.startswith("#"), fh))


def _pandas(name: str) -> pd.DataFrame:
    path = data_path(name)
    return pd.read_csv(path, sep="\t" if name.endswith(".tsv") else ",", dtype=str,
                       keep_default_na=False, skiprows=_comment_lines(path), encoding="utf-8")


@pytest.mark.parametrize("name", TABLES)
def test_same_as_pandas_on_every_data_table(name):
    want = _pandas(name)
    rows = read_rows(name)
    assert list(rows.columns) == want.columns.tolist()
    got = rows.records()
    assert got == want.to_dict("records")
    assert all(type(v) is str for r in got for v in r.values())
    assert list(rows) == list(want.itertuples(index=False))
    assert type(next(iter(rows)))._fields == type(next(want.itertuples(index=False)))._fields
    pd.testing.assert_frame_equal(read_table(name), want, check_exact=True)


def test_rows_are_new_dicts_and_columns_named():
    table = read_rows(TABLES[0])
    first, second = table.records(), table.records()
    assert first == second and first[0] is not second[0]
    assert table.column(table.columns[0]) == [r[table.columns[0]] for r in first]
    with pytest.raises(KeyError, match=TABLES[0]):
        table.column("no such column")


def test_bad_row_is_an_error_naming_file_and_line(tmp_path, monkeypatch):
    from workbench import resources

    (tmp_path / "t.csv").write_text("# a comment\nform,role\nفي,preposition\nمن\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_path", lambda name: tmp_path / name)
    with pytest.raises(ValueError, match=r"t\.csv, line 4: 1 cells where the header has 2"):
        resources.read_rows.__wrapped__("t.csv")
