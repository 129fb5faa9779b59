"""The PDF damage benchmark's split: the events reports are dev, the rest by their id's hash."""

from __future__ import annotations

from benchmarks.pdf_damage import EVENTS_PREFIX, split_of


def test_events_reports_are_dev_whatever_their_hash() -> None:
    ids = [f"{EVENTS_PREFIX}ev{n:03d}" for n in range(1, 41)]
    assert {split_of(i) for i in ids} == {"dev"}


def test_other_documents_split_by_hash() -> None:
    ids = [f"newsfane/{n:05d}" for n in range(0, 4000, 97)]
    assert {split_of(i) for i in ids} == {"dev", "test"}
