"""``workbench.resources.records`` gives what ``DataFrame.to_dict("records")`` gives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench.resources import data_path, read_table, records

TABLES = sorted(
    str(p.relative_to(data_path(""))) for p in Path(data_path("")).rglob("*")
    if p.suffix in (".csv", ".tsv")
)


@pytest.mark.parametrize("name", TABLES)
def test_same_as_pandas_on_every_data_table(name):
    table = read_table(name)
    got = records(table)
    want = table.to_dict("records")
    assert got == want
    assert [list(r) for r in got] == [list(r) for r in want]  # column order too
    assert all(type(v) is str for r in got for v in r.values())


def test_rows_are_new_dicts_and_filtered_frames_work():
    table = read_table(TABLES[0])
    first, second = records(table), records(table)
    assert first == second and first[0] is not second[0]
    part = table.iloc[1::2]
    assert records(part) == part.to_dict("records")


def test_other_column_types_go_through_pandas():
    frame = pd.DataFrame({"a": ["x", "y"], "n": [1, 2]})
    assert records(frame) == [{"a": "x", "n": 1}, {"a": "y", "n": 2}]
    assert type(records(frame)[0]["n"]) is int
