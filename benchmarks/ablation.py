"""Gazetteer ablation for the events benchmark: dev's small places made unknown names.

Nearly every place of the dev documents is in a gazetteer, so dev cannot show how the
workbench reads a name no gazetteer holds (a village, a neighbourhood), the commonest loss
on documents it has not seen. ``events_eval.py --split dev --ablate`` removes from the
place table every row below the governorate whose keys match the name of a dev gold place
of a small kind (town, village, neighbourhood, district, base, camp ...): under ablation
those names are unknown, and what the grammar of unknown names reads of them is measured.

The rows are removed as the gazetteer reads ``places.csv`` and ``local_places.csv`` (the
two tables it is built from; ``local_places_curated.csv`` and ``iraq_places.csv`` are
built into them), and the disk cache is moved to a folder of its own keyed by the list
of removed keys, so the normal run's cached gazetteer is never replaced by an ablated one.
The letter model of place names (:mod:`workbench.find.name_model`) scores the words of the
removed names as held out, since it was built from the gazetteer's names.
Only dev gold names are read: test is never ablated.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import Any

# Gold kinds of place made unknown: what test's unknown names are (not cities,
# governorates or countries, which every gazetteer holds).
SMALL_KINDS = frozenset({"town", "village", "neighbourhood", "district", "base", "camp",
                         "prison", "crossing", "other"})
# Gazetteer rows kept whatever their keys: a governorate or country named like a village
# stays known, as it would on any unseen document.
KEPT_TYPES = frozenset({"country", "continent", "region", "governorate", "province", "capital"})
_TABLES = {"find/places.csv": "keys", "find/local_places.csv": "aliases"}


def ablated_keys(places: list[dict[str, str]], doc_ids: set[str],
                 keys_of: Callable[[str], set[str]]) -> frozenset[str]:
    """The gazetteer keys of the gold places (``gold_places.csv`` rows) of ``doc_ids`` whose
    kind is small; ``keys_of`` gives the keys a surface may be held under (قرية X → X, ال)."""
    out: set[str] = set()
    for p in places:
        if p["doc_id"] in doc_ids and p["not_place"] != "yes" and p["kind"] in SMALL_KINDS:
            out |= keys_of(p["surface"])
    return frozenset(out)


class _Filtered:
    """A table of the gazetteer's sources with the rows that hold an ablated key left out."""

    def __init__(self, table: Any, column: str, keys: frozenset[str]) -> None:
        self._table, self._column, self._keys = table, column, keys

    def records(self) -> list[dict[str, str]]:
        return [r for r in self._table.records()
                if r["place_type"] in KEPT_TYPES
                or not self._keys.intersection(str(r[self._column]).split("|"))]

    def column(self, name: str) -> list[str]:
        return [r[name] for r in self.records()]


def ablate(keys: frozenset[str]) -> None:
    """Make the gazetteer read its tables without the rows holding ``keys``, with a disk
    cache of its own; call before the first document is analysed."""
    from workbench import cache
    from workbench.find import gazetteer

    if gazetteer.gazetteer.cache_info().currsize:
        raise RuntimeError("ablate() must run before the gazetteer is first loaded")
    base = cache.cache_dir()
    if base is not None:
        tag = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8")).hexdigest()[:12]
        os.environ[cache.CACHE_ENV] = str(base / f"ablated-{tag}")
    read = gazetteer.read_rows

    def read_rows(name: str) -> Any:
        table = read(name)
        return _Filtered(table, _TABLES[name], keys) if name in _TABLES else table

    gazetteer.read_rows = read_rows
    _hold_out_letters(frozenset(w for k in keys for w in k.split()))


def counted(key: str, counts: dict[str, int], order: int) -> bool:
    """Whether a letter model's n-gram ``counts`` may hold the word ``key`` (padded with
    spaces, as the model counts words): each of its n-grams of ``order`` is counted at
    least as often as the word has it."""
    s = f" {key} "
    grams = [s[i:i + order] for i in range(len(s) - order + 1)]
    return all(counts.get(g, 0) >= grams.count(g) for g in grams)


def _hold_out_letters(words: frozenset[str]) -> None:
    """Score the words of the ablated names with the letter model as if they had not been
    among the gazetteer names it was built from: an unknown name's letters are new to it."""
    from workbench.find import bare_names, local_names, name_model

    plain = name_model.name_logodds
    names = name_model._models()[0][0]

    def name_logodds(key: str) -> float:
        if key in words and counted(key, names, name_model.ORDER):
            try:
                return name_model.held_out_logodds(key, True, False)
            except ValueError:  # not counted after all
                pass
        return plain(key)

    for module in (name_model, local_names, bare_names):
        if hasattr(module, "name_logodds"):
            module.name_logodds = name_logodds
