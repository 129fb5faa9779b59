"""Would a learned score of event rows beat the resolution rules? Cross-validated on dev only.

Each event row the workbench gives for a dev document of the events benchmark is labelled
right (it matches a gold event, by ``events_eval``'s own matcher) or extra, and described by
a few features a row carries (a place and how coarse, a date and its basis, a toll, the role,
where in the article it is told, how many mentions it gathered, a doer, a target, how many
rows the article has, a non-violent kind). A logistic regression (plain numpy) is fitted on
four fifths of the documents and scores the fifth; the report is the precision and the right
rows kept at each threshold. A score earns a ``confidence`` column only if it keeps nearly
every right row while dropping extras that the rules keep.

    python benchmarks/events_rowscore.py            # dev only: test rows are never read
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import events_eval as ev  # the benchmark's matcher, one home for it

import workbench

_WIDE = frozenset({"governorate", "province", "region", "country"})
_TOWN = frozenset({"city", "capital", "district", "subdistrict"})
FEATURES = ["bias", "no place", "wide place", "town place", "own date", "default date",
            "deaths", "wounded", "background", "position", "first lines", "gathered",
            "doer", "target", "many rows", "non-violent"]


def features(row: dict, n_text: int, n_rows: int) -> list[float]:
    """The features of one event row (see FEATURES)."""
    kind = str(row["place_type"])
    return [1.0, not row["location"], bool(row["location"]) and kind in _WIDE, kind in _TOWN,
            row["date_basis"] == "text", row["date_basis"] in ("paragraph", "dateline", "published"),
            bool(row["fatalities"]), bool(row["injured"]), row["role"] == "background",
            int(row["claim_start"]) / max(1, n_text), int(row["claim_start"]) < 200,
            ";" in str(row["evidence"]), bool(row["actor"]), bool(row["target"]), n_rows > 3,
            row["event_type"] in ("Protests", "Strategic developments")]


def dev_rows() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, right/extra labels and document ids of every event row on dev."""
    docs = [d for d in ev.read_csv(ev.DATA / "documents.csv") if d["split"] == "dev"]
    gold = ev.read_csv(ev.DATA / "gold_events.csv")
    xs, ys, ids = [], [], []
    for doc in docs:
        text = ev.read_text(doc["doc_id"])
        mine = [g for g in gold if g["doc_id"] == doc["doc_id"]]
        if text is None or not mine:
            continue
        a = workbench.analyze(text, published=doc["published"] or None, doc_id=doc["doc_id"])
        preds = [r for _, r in a.events.iterrows()] if len(a.events) else []
        places = a.mentions[a.mentions["kind"] == "place"] if len(a.mentions) else a.mentions
        surfaces: dict[str, set[str]] = {}
        for _, m in places.iterrows():
            surfaces.setdefault(str(m["value"]).lower(), set()).add(ev.norm_word(str(m["text"])))
        used: set[int] = set()
        for g in mine:
            hit, _ = ev.match_gold(g, preds, surfaces, used)
            if hit is not None:
                used.add(hit)
        for n, p in enumerate(preds):
            xs.append(features(p.to_dict(), len(text), len(preds)))
            ys.append(n in used)
            ids.append(doc["doc_id"])
    return np.array(xs, float), np.array(ys, float), ids


def fit(x: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.1,
        l2: float = 1e-2) -> np.ndarray:
    """Weights of a logistic regression by gradient descent (ridge-penalised)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return w


def main() -> int:
    x, y, ids = dev_rows()
    docs = sorted(set(ids))
    fold = {d: n % 5 for n, d in enumerate(np.random.default_rng(0).permutation(docs))}
    f = np.array([fold[d] for d in ids])
    score = np.zeros(len(y))
    for k in range(5):
        w = fit(x[f != k], y[f != k])
        score[f == k] = 1 / (1 + np.exp(-x[f == k] @ w))
    right = y.astype(bool)
    print(f"dev rows {len(y)}, right {int(right.sum())}, precision {right.mean():.3f}")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        keep = score >= threshold
        print(f"threshold {threshold}: kept {int(keep.sum())}, right kept "
              f"{int((keep & right).sum())}/{int(right.sum())}, precision "
              f"{(keep & right).sum() / max(1, keep.sum()):.3f}")
    w = fit(x, y)
    print("weights (all of dev):", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
