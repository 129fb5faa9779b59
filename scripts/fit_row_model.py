"""Would a learned scorer of event rows beat the resolution rules? Fitted and checked on dev only.

Run from the repository root: ``.venv/bin/python scripts/fit_row_model.py [--with-ablated]``.
It needs the dev texts of ``benchmarks/events`` (in the repository or ``benchmarks/_work``);
test documents are never read.

The examples are the event rows ``workbench.analyze`` makes on the dev documents and their
features (:func:`row_features`: how the place is tied to the attack word, how coarse it is and
whether a finer row lies in it, toll, date, doer, role, the lead, a quote, a recalled past, a
dateline, how many rows the document has ...). A row is real when the benchmark's own
matching (``events_eval.assign``) pairs it with a gold event, else false. The model is
logistic (Newton's method, an L2 penalty: deterministic); the threshold is the probability
that maximises false rows dropped less ``LOST_COST`` times real rows dropped.

The check is cross-fitting over the halves of dev that ``events_eval.py --half`` reads
(parity of sha1(doc_id)): fitted on one half, the rows of the other half below the threshold
are dropped (never a document's last row) and that half is scored again (main events found,
event precision) before → after, both ways, on the normal run and on the ablated one
(``benchmarks/ablation.py``: dev's small gold places unknown, as names are on unseen
documents). ``--with-ablated`` fits on the rows of both runs. The weights fitted on all of
dev are printed. A model is worth shipping only when, on the half it was not fitted on,
precision rises and at most one main event is lost per five false rows dropped; the events
README says what was measured.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import workbench  # noqa: E402
from benchmarks.events_eval import (  # noqa: E402
    DATA,
    _gazetteer_keys,
    assign,
    candidates,
    half_of,
    matching,
    norm_word,
    read_csv,
    read_text,
)
from scripts import fit_place_model as fpm  # noqa: E402
from workbench.claims.index import Mention, Mentions  # noqa: E402
from workbench.claims.resolve import PLACE_RANK, recalls_past  # noqa: E402
from workbench.find.local_names import place_heads, place_prepositions  # noqa: E402
from workbench.text.tokens import tokenize  # noqa: E402

L2 = 1.0
# A real row dropped costs more than a false row kept gains: it loses an event outright.
LOST_COST = 2.0

# The features of a row (see row_features).
FEATURES = ("no_place", "wide_place", "town_place", "finer_inside", "place_in_clause",
            "place_distance", "after_preposition", "deaths", "wounded", "own_date", "undated",
            "actor", "background", "not_asserted", "lead", "gathered", "rows", "recalled",
            "quoted", "dateline", "non_violent", "listed", "same_place_other", "coarser_than_other",
            "territory")
_WIDE = frozenset({"governorate", "province", "region", "country", "border"})
_TOWN = frozenset({"city", "capital", "district", "subdistrict"})
_NON_VIOLENT = frozenset({"Strategic developments", "Protests"})
# Words between the attack word and a place beyond which the place is no nearer (a long clause).
_FAR = 30
_OPEN_QUOTES = "«“\""
_CLOSE_QUOTES = "»”\""


def _rank(row: dict) -> int:
    return PLACE_RANK.get(str(row["place_type"]), 5) if row["location"] else 9


def _finer_inside(row: dict, rows: Sequence[dict]) -> bool:
    """Another row of the same role and day stands at a finer place of the same governorate
    (or country, for a row at a country): غارة على حلب beside غارة على حي الشعار of one day."""
    if not row["location"]:
        return False
    for other in rows:
        if other is row or not other["location"] or other["role"] != row["role"]:
            continue
        if _rank(other) >= _rank(row) or other["location"] == row["location"]:
            continue
        if row["start"] and other["start"] and row["start"] != other["start"]:
            continue
        if other["country"] and row["country"] and other["country"] != row["country"]:
            continue
        if PLACE_RANK.get(str(row["place_type"]), 5) >= PLACE_RANK["country"] \
                or not row["admin1"] or other["admin1"] == row["admin1"]:
            return True
    return False


def _words(text: str) -> list[str]:
    return [t.key for t in tokenize(text) if t.kind == "word"]


def _place_tie(row: dict, text: str, mentions: Mentions) -> tuple[float, float, float]:
    """(the row's place is named in its clause, log words from the attack word to the nearest
    such name, a place preposition governs it): استهدفت غارة بلدة X ties X closely; a place
    named three clauses on (نقل الجرحى إلى مستشفى X) or only in the dateline does not."""
    said = [m for m in mentions.between(int(row["claim_start"]), int(row["claim_end"]), "place")
            if m.value == row["location"]]
    if not row["location"] or not said:
        return 0.0, math.log1p(_FAR), 0.0
    trigger = str(row["trigger_start"])
    at = int(trigger) if trigger else int(row["claim_start"])
    end = int(row["trigger_end"]) if trigger else at

    def gap(m: Mention) -> int:
        return len(_words(text[end:m.start])) if m.start >= end else len(_words(text[m.end:at]))

    near = min(said, key=gap)
    # the word before the name, past a head noun (قرية، مدينة), with a proclitic fused to it
    # (ببغداد، بقرية الخان): في، قرب، ب govern a place; a subject or object slot does not
    words = text[text.rfind("\n", 0, near.start) + 1:near.start].split()
    if words and _words(words[-1])[-1:] and _words(words[-1])[-1].removeprefix("و") in place_heads() \
            and words[-1][:1] not in "بو":
        words = words[:-1]
    before = words[-1] if words else ""
    bare = before[1:] if before[:1] == "و" and len(before) > 2 else before
    keys = _words(before)
    governed = (bool(keys) and keys[-1] in place_prepositions()) or bare[:1] == "ب"
    return 1.0, math.log1p(min(gap(near), _FAR)), float(governed)


def _lead(row: dict, text: str) -> bool:
    """The row's clause is in the title or the first paragraph of text."""
    lines = [n for n, line in enumerate(text[:int(row["claim_start"])].split("\n")) if line.strip()]
    return len(lines) <= 2


def _quoted(row: dict, text: str) -> bool:
    """The attack word stands inside quotation marks opened on its line (a source's words)."""
    at = int(row["trigger_start"]) if str(row["trigger_start"]) else int(row["claim_start"])
    line = text[text.rfind("\n", 0, at) + 1:at]
    opened = sum(line.count(q) for q in _OPEN_QUOTES if q != '"')
    closed = sum(line.count(q) for q in _CLOSE_QUOTES if q != '"')
    return opened > closed or line.count('"') % 2 == 1


def row_features(rows: Sequence[dict], text: str, mentions: Mentions) -> list[dict[str, float]]:
    """The features of each resolved event row (see :data:`FEATURES`), read from the row,
    the other rows of its document and the text its offsets point into."""
    dateline = {m.value for m in mentions if m.kind == "place" and "dateline" in str(m.flags)}
    out = []
    for row in rows:
        in_clause, distance, governed = _place_tie(row, text, mentions)
        kind = str(row["place_type"])
        out.append({
            "no_place": float(not row["location"]),
            "wide_place": float(bool(row["location"]) and kind in _WIDE),
            "town_place": float(bool(row["location"]) and kind in _TOWN),
            "finer_inside": float(_finer_inside(row, rows)),
            "place_in_clause": in_clause,
            "place_distance": distance,
            "after_preposition": governed,
            "deaths": float(bool(str(row["fatalities"]))),
            "wounded": float(bool(str(row["injured"]))),
            "own_date": float(row["date_basis"] == "text"),
            "undated": float(not row["start"]),
            "actor": float(bool(row["actor"])),
            "background": float(row["role"] == "background"),
            "not_asserted": float(row["modality"] not in ("asserted", "")),
            "lead": float(_lead(row, text)),
            "gathered": math.log(1 + str(row["evidence"]).count(";")),
            "rows": math.log(len(rows)),
            "recalled": float(recalls_past(text[int(row["claim_start"]):int(row["claim_end"])])),
            "quoted": float(_quoted(row, text)),
            "dateline": float(bool(row["location"]) and row["location"] in dateline),
            "non_violent": float(row["event_type"] in _NON_VIOLENT),
            "listed": float("listed_spot" in str(row["count_flags"])
                            or "shared_across_places" in str(row["count_flags"])),
            "same_place_other": float(bool(row["location"]) and any(
                o is not row and o["location"] == row["location"] for o in rows)),
            "coarser_than_other": float(bool(row["location"]) and any(
                o is not row and o["location"] and _rank(o) < _rank(row)
                and (not row["admin1"] or o["admin1"] == row["admin1"]) for o in rows)),
            "territory": float("territory" in str(row["sub_event_type"])),
        })
    return out



# One document: its id, half, for each row its features and label, and what is needed to
# score it again without some rows (the gold events' roles and the rows each may pair with).
Doc = dict


def _scored(doc: dict[str, str], gold: list[dict[str, str]]) -> Doc | None:
    """The rows of one document with their features, and the gold events each may pair with."""
    text = read_text(doc["doc_id"])
    if text is None or not gold:
        return None
    a = workbench.analyze(text, published=doc["published"] or None, doc_id=doc["doc_id"])
    preds = [row for _, row in a.events.iterrows()] if len(a.events) else []
    feats = row_features(a.rows.events, a.clean.text, Mentions.of_rows(a.rows.mentions))
    pm = a.mentions[a.mentions["kind"] == "place"] if len(a.mentions) else a.mentions
    surfaces: dict[str, set[str]] = {}
    for _, m in pm.iterrows():
        surfaces.setdefault(str(m["value"]).lower(), set()).add(norm_word(str(m["text"])))
    # which rows each gold event may pair with: enough to run the matching again on a subset
    options = [candidates(g, preds, surfaces) for g in gold]
    paired = assign(gold, preds, surfaces)
    return {"doc_id": doc["doc_id"], "half": half_of(doc["doc_id"]),
            "x": [[f[k] for k in FEATURES] for f in feats],
            "y": [int(i in paired.values()) for i in range(len(preds))],
            "main": [g["role"] == "main" for g in gold], "options": options,
            "gold": gold, "preds": [p.to_dict() for p in preds], "surfaces": surfaces}


def examples(ablate: bool) -> list[Doc]:
    """The scored rows of every dev document (with the gazetteers ablated when ``ablate``)."""
    docs = [d for d in read_csv(DATA / "documents.csv") if d["split"] == "dev"]
    gold = read_csv(DATA / "gold_events.csv")
    if ablate:
        from benchmarks.ablation import ablate as remove
        from benchmarks.ablation import ablated_keys

        places = read_csv(DATA / "gold_places.csv")
        remove(ablated_keys(places, {d["doc_id"] for d in docs}, _gazetteer_keys))
    out = []
    for doc in docs:
        scored = _scored(doc, [g for g in gold if g["doc_id"] == doc["doc_id"]])
        if scored is not None:
            out.append(scored)
    return out


def _ablated_examples() -> list[Doc]:
    """The ablated run's documents, read in a process of its own (ablation must come before
    the gazetteer is first loaded)."""
    run = subprocess.run([sys.executable, __file__, "--dump-ablated"], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(run.stdout)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression weights (bias first): the bare-name model's Newton fit, with this
    model's penalty ``L2`` and up to 100 steps."""
    return fpm.fit(x, y, l2=L2, iterations=100)


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut that maximises false rows dropped less ``LOST_COST`` times real
    rows dropped (ties: the lowest, which drops least); 0 drops nothing."""
    best, cut = 0.0, 0.0
    for t in sorted(set(np.round(p, 4))):
        drop = p < t
        score = int((drop & (y == 0)).sum()) - LOST_COST * int((drop & (y == 1)).sum())
        if score > best:
            best, cut = score, float(t)
    return cut


def _matching(options: list[list[int]], kept: set[int]) -> dict[int, int]:
    """Gold event → row among ``kept``, as many paired as possible (events_eval's matching)."""
    return matching([[i for i in o if i in kept] for o in options])


def score(docs: list[Doc], keep: list[list[bool]]) -> tuple[int, int, int, int]:
    """(main events found, main events, rows paired, rows) over ``docs`` keeping the rows of
    ``keep`` (a document's last row always kept)."""
    found = total = paired_rows = rows = 0
    for doc, k in zip(docs, keep, strict=True):
        kept = {i for i, flag in enumerate(k) if flag}
        if not kept and k:
            kept = {int(np.argmax(doc["_p"]))}
        pairs = _matching(doc["options"], kept)
        found += sum(1 for n in pairs if doc["main"][n])
        total += sum(doc["main"])
        paired_rows += len(pairs)
        rows += len(kept)
    return found, total, paired_rows, rows


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The chance that a real row scores above a false one (ranks; ties counted half)."""
    real, false = p[y == 1], p[y == 0]
    if not len(real) or not len(false):
        return float("nan")
    above = (real[:, None] > false[None, :]).sum() + 0.5 * (real[:, None] == false[None, :]).sum()
    return float(above / (len(real) * len(false)))


def _arrays(docs: list[Doc]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([r for d in docs for r in d["x"]], dtype=float).reshape(-1, len(FEATURES))
    y = np.array([v for d in docs for v in d["y"]], dtype=float)
    return x, y


def cross_fit(train: list[Doc], runs: dict[str, list[Doc]]) -> None:
    """Fit on one half of ``train``, drop below the threshold on the other half of each run."""
    for fold in (0, 1):
        x, y = _arrays([d for d in train if d["half"] != fold])
        w = fit(x, y)
        cut = best_threshold(fpm.prob(w, x), y)
        print(f"fitted on half {1 - fold}: threshold {cut:.3f}")
        for name, docs in runs.items():
            held = [d for d in docs if d["half"] == fold]
            for d in held:
                d["_p"] = fpm.prob(w, np.array(d["x"], dtype=float).reshape(-1, len(FEATURES))).tolist()
            keep = [[len(d["y"]) < 2 or q >= cut for q in d["_p"]] for d in held]
            before = score(held, [[True] * len(d["y"]) for d in held])
            after = score(held, keep)
            dropped = [(q, v) for d, k in zip(held, keep, strict=True)
                       for q, v, f in zip(d["_p"], d["y"], k, strict=True) if not f]
            p = np.array([q for d in held for q in d["_p"]])
            right = np.array([v for d in held for v in d["y"]])
            print(f"  {name} half {fold}: AUC {auc(p, right):.3f}; main {before[0]} → "
                  f"{after[0]}/{before[1]}, precision "
                  f"{before[2]}/{before[3]} → {after[2]}/{after[3]}; dropped "
                  f"{sum(1 for _, v in dropped if not v)} false, {sum(v for _, v in dropped)} real")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--with-ablated", action="store_true",
                    help="fit on the rows of the ablated run as well as the normal one's")
    ap.add_argument("--dump-ablated", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump_ablated:
        docs = examples(ablate=True)
        for d in docs:
            d["surfaces"] = {k: sorted(v) for k, v in d["surfaces"].items()}
        json.dump(docs, sys.stdout, ensure_ascii=False, default=str)
        return
    normal = examples(ablate=False)
    ablated = _ablated_examples()
    train = normal + ablated if args.with_ablated else normal
    x, y = _arrays(train)
    print(f"{len(y)} rows on dev ({int(y.sum())} real, {int(len(y) - y.sum())} false)"
          f"{' with the ablated run' if args.with_ablated else ''}; features: {', '.join(FEATURES)}")
    cross_fit(train, {"normal": normal, "ablated": ablated})
    w = fit(x, y)
    cut = best_threshold(fpm.prob(w, x), y)
    print("all dev: " + ", ".join(f"{f} {v:+.2f}" for f, v in zip(("bias", *FEATURES), w, strict=True))
          + f"; threshold {cut:.3f}")


if __name__ == "__main__":
    main()
