"""Gazetteer ablation of the events benchmark (benchmarks/ablation.py): the small places
of made-up gold rows become unknown names, broad places stay known."""

from __future__ import annotations

from benchmarks import ablation
from benchmarks import events_eval as ev


def _gold(surface: str, kind: str, doc: str = "d1", not_place: str = "") -> dict[str, str]:
    return {"doc_id": doc, "surface": surface, "kind": kind, "not_place": not_place}


def test_keys_of_small_gold_places_of_the_chosen_documents_only() -> None:
    places = [_gold("قرية الزهيرات", "village"), _gold("حلب", "governorate"),
              _gold("تل البيض", "town", doc="d2"), _gold("الرشيد", "other", not_place="yes")]
    keys = ablation.ablated_keys(places, {"d1"}, ev._gazetteer_keys)
    assert "الزهيرات" in keys and "قريه الزهيرات" in keys
    assert "حلب" not in keys  # a governorate is never ablated
    assert not any("البيض" in k for k in keys)  # another document's place
    assert "الرشيد" not in keys  # no place


class _Table:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows

    def records(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.rows]


def test_filtered_table_drops_rows_holding_a_key_but_keeps_broad_kinds() -> None:
    rows = [{"place_type": "village", "keys": "الزهيرات|زهيرات"},
            {"place_type": "governorate", "keys": "الزهيرات"},
            {"place_type": "town", "keys": "البيض"}]
    kept = ablation._Filtered(_Table(rows), "keys", frozenset({"زهيرات"})).records()
    assert [r["place_type"] for r in kept] == ["governorate", "town"]


def test_ablate_is_refused_for_test() -> None:
    import pytest

    with pytest.raises(SystemExit):
        ev.main(["--split", "test", "--ablate"])


def test_counted_asks_every_ngram_of_the_padded_word() -> None:
    counts = {" تل ": 1, " تل": 2, "تل ": 1}
    assert ablation.counted("تل", counts, 4)
    assert not ablation.counted("تلو", counts, 4)
    assert ablation.counted("تل", {" تل": 1, "تل ": 1}, 3)
