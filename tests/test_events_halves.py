"""The events scorer's two halves of a split (benchmarks/events_eval.py half_of): a rule
written from one half is checked on the other."""

from __future__ import annotations

import hashlib

from benchmarks import events_eval as ev


def test_half_is_the_parity_of_the_ids_sha1() -> None:
    for doc_id in ("ev003", "ev004", "made-up-id"):
        digest = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16)
        assert ev.half_of(doc_id) == digest % 2
    assert {ev.half_of("ev003"), ev.half_of("ev004")} == {0, 1}


def test_the_two_halves_of_dev_part_it_with_neither_empty() -> None:
    ids = [d["doc_id"] for d in ev.read_csv(ev.DATA / "documents.csv") if d["split"] == "dev"]
    halves = [[i for i in ids if ev.half_of(i) == h] for h in (0, 1)]
    assert sorted(halves[0] + halves[1]) == sorted(ids)
    assert all(len(h) > len(ids) // 4 for h in halves)  # neither half is a sliver
