"""Runs of Latin letters and digits written back to front are turned round where the text
writes them all so; a text writing them as written, or with one odd run, is left."""

from __future__ import annotations

from workbench import clean
from workbench.cleaning.lines import synthetic
from workbench.cleaning.ltr_runs import ltr_runs_reversed, writes_runs_backwards

SOURCE = [
    "افتتح معرض التعليم عام 2006 بمشاركة 830 شركة من 41 دولة",
    "وقالت شركة (Nova Learning) انها وقعت عقودا بقيمة 1500 دولار",
    "واختتمت الدورة في 12 - 3 - 2007 وسط حضور كبير",
]


def _backwards(line: str) -> str:
    """The line as an extractor told the page is right to left writes it: each run of
    Latin letters and digits back to front."""
    import re

    return re.sub(r"[A-Za-z0-9](?:[A-Za-z0-9 .,:/-]*[A-Za-z0-9])?", lambda m: m.group()[::-1], line)


def test_runs_written_backwards_turned_round() -> None:
    lines = [_backwards(line) for line in SOURCE]
    assert "6002" in lines[0] and "gninraeL avoN" in lines[1]  # the damage the test is about
    out, n = ltr_runs_reversed([synthetic(t, 0) for t in lines])
    assert [line.text for line in out] == SOURCE
    assert n >= 6


def test_runs_as_written_left() -> None:
    out, n = ltr_runs_reversed([synthetic(t, 0) for t in SOURCE])
    assert n == 0 and [line.text for line in out] == SOURCE
    # one run that reads backwards by chance (a number opening with a zero) is no habit
    assert not writes_runs_backwards("رقم الهاتف 0123 والعام 2006 و1500 دولار")


def test_offsets_follow_the_characters() -> None:
    raw = "\n".join(_backwards(line) for line in SOURCE)
    out = clean(raw)
    at = out.text.index("2006")
    start, end = out.to_raw(at, at + 4)
    assert sorted(raw[start:end]) == sorted("2006")


def test_clean_is_idempotent_on_them() -> None:
    once = clean("\n".join(_backwards(line) for line in SOURCE)).text
    assert "Nova Learning" in once and "2007" in once
    assert clean(once).text == once
