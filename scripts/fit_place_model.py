"""Fit the weights of ``workbench/data/find/place_name_weights.csv`` on dev data only.

Run from the repository root: ``.venv/bin/python scripts/fit_place_model.py [--write]``. It needs
the dev texts of ``benchmarks/events`` (in the repository or ``benchmarks/_work``) and the
NewsFANE corpus ``benchmarks/newsfane.py`` reads; test documents of either are never read.

The examples are the words :mod:`workbench.find.bare_names` weighs: the first word after each
locative (في، قرب، عند ...) that may stand in a name and that no place the finders read before
it covers, in the dev documents of the events benchmark (as ``workbench.analyze`` reads them)
and in NewsFANE's dev half (as the place finder reads it), and the words coordinated after a
known place that the model weighs as list items (الموصل وX: ``located``, after في). An events
word is a positive when a gold place name of its document (``gold_places.csv``, not
``not_place``) begins with it, a NewsFANE word when a gold place entity overlaps it; else a
negative. Known places that are rare words are examples too, their letters scored as if the
letter model had never seen them. The features are
:func:`workbench.find.name_model.bare_features`; the model is logistic (Newton's method, a
small L2 penalty: deterministic), and the threshold the probability that maximises names found
less ``WRONG_COST`` times names wrong on the examples.

Before writing, the weights are checked by two-fold cross-validation over documents (odd and
even position): fit on one half, count on the other half the names it reads right and wrong
beside those the rule before it (a word wordfreq has never seen) reads, both ways; the
k-fold comparison of ways of deciding is ``scripts/cv_place_model.py``. ``--write`` writes
the weights fitted on the whole of dev, of the features ``--features`` names.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import workbench  # noqa: E402
import workbench.find.places as places_module  # noqa: E402
from benchmarks import newsfane  # noqa: E402
from benchmarks.events_eval import DATA, norm_word, read_csv, read_text  # noqa: E402
from scripts.build_place_model import WORD_ZIPF, lexicon, name_words  # noqa: E402
from workbench.find import bare_names  # noqa: E402
from workbench.find.name_model import FEATURES, held_out_logodds  # noqa: E402
from workbench.find.places import find_places  # noqa: E402
from workbench.text.lexmatch import FoldedText  # noqa: E402

OUT = ROOT / "workbench" / "data" / "find" / "place_name_weights.csv"
L2 = 0.1
# The features fitted, chosen by the cross-validation of scripts/cv_place_model.py.
USED = FEATURES
# A wrong place name costs more than a right one gains: it may open a false event row.
WRONG_COST = 1.5



# doc_id, word, features, label, whether wordfreq has never seen it (the rule before the model),
# whether a known place covers it, and whether it is a list item after a known place
Example = tuple[str, str, list[float], int, bool, bool, bool]
# Known places are fitted on when they are rare words, as the names the gazetteer lacks are.
KNOWN_RARE = 2.5


def _captured(read: Callable[[], object]) -> list[tuple]:
    """The (folded text, place rows) :func:`bare_name_rows` is called with while ``read``
    runs (an analysis, or the place finder)."""
    got: list[tuple] = []
    original = places_module.bare_name_rows

    def spy(folded: FoldedText, rows: list[dict]) -> list[dict]:
        got.append((folded, list(rows)))
        return original(folded, rows)

    places_module.bare_name_rows = spy
    try:
        read()
    finally:
        places_module.bare_name_rows = original
    return got


def _weighed(doc_id: str, captured: list[tuple], is_gold: Callable[[str, int, int], bool],
             sides: tuple[set[str], set[str]]) -> list[Example]:
    """The examples of one document: the words :func:`bare_names.weighed_words` weighs in
    each captured call, once each, labelled by ``is_gold(word, start, end)``."""
    names, ordinary = sides
    out: list[Example] = []
    seen: set[tuple[int, str]] = set()
    for folded, rows in captured:
        for covered in (False, True):
            for after, word, feats in bare_names.weighed_words(folded, rows, covered):
                ks, ke = after[0][1:]
                if (ks, word) in seen or (covered and feats["zipf"] >= KNOWN_RARE):
                    continue
                seen.add((ks, word))
                key = folded.key[ks:ke]
                feats = {**feats, "letters": held_out_logodds(key, key in names, key in ordinary)}
                label = int(is_gold(word, *folded.span(ks, ke)))
                unseen = not covered and bare_names._unseen(folded, ks, ke)
                out.append((doc_id, word, [feats[f] for f in FEATURES], label, unseen, covered, False))
        # the words coordinated after a known place (الموصل وX), weighed as list items
        for after, word, feats in bare_names.listed_words(folded, rows):
            ks, ke = after[0][1:]
            if (ks, word) in seen:
                continue
            seen.add((ks, word))
            key = folded.key[ks:ke]
            feats = {**feats, "letters": held_out_logodds(key, key in names, key in ordinary)}
            label = int(is_gold(word, *folded.span(ks, ke)))
            out.append((doc_id, word, [feats[f] for f in FEATURES], label,
                        bare_names._unseen(folded, ks, ke), False, True))
    return out


def examples() -> list[Example]:
    """The weighed words of the dev documents of the events benchmark and of NewsFANE's dev
    half, with their features and labels: the words no known place covers, and the rare
    words (Zipf < ``KNOWN_RARE``) a known place does, as names the gazetteer might have
    lacked, their letters scored as if the letter model had never seen them
    (:func:`held_out_logodds`). An events word is a name when a gold place name of its
    document begins with it; a NewsFANE word when a gold place entity overlaps it."""
    zipf = lexicon()
    names = name_words(zipf)
    sides = (names, {w for w, z in zipf.items() if z >= WORD_ZIPF} - names)
    gold = read_csv(DATA / "gold_places.csv")
    out: list[Example] = []
    for doc in read_csv(DATA / "documents.csv"):
        text = read_text(doc["doc_id"])
        if doc["split"] != "dev" or text is None:
            continue
        real = {norm_word(p["surface"]).split()[0] for p in gold
                if p["doc_id"] == doc["doc_id"] and p["not_place"] != "yes" and p["surface"].strip()}
        captured = _captured(lambda text=text, doc=doc: workbench.analyze(
            text, published=doc["published"] or None, doc_id=doc["doc_id"]))
        out += _weighed(doc["doc_id"], captured,
                        lambda w, s, e, real=real: norm_word(w) in real, sides)
    for n, nf in enumerate(newsfane.documents(part="dev")):
        spans = [(s, e) for s, e, c in nf.entities if c in newsfane.PLACE_CLASSES]
        captured = _captured(lambda nf=nf: find_places(nf.text))
        out += _weighed(f"nf{n:03d}", captured,
                        lambda w, s, e, spans=spans: any(a < e and s < b for a, b in spans), sides)
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float | None = None, iterations: int = 50) -> np.ndarray:
    """Logistic regression weights (bias first) by Newton's method with an L2 penalty on the
    feature weights (not the bias): ``l2``, else this model's ``L2``; also the fit of
    ``fit_row_model.py``."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    pen = np.full(a.shape[1], L2 if l2 is None else l2)
    pen[0] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-a @ w))
        grad = a.T @ (p - y) + pen * w
        hess = (a.T * (p * (1 - p))) @ a + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def prob(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut that maximises right names less wrong ones (ties: the highest)."""
    best, cut = -1e9, 0.5
    for t in sorted(set(np.round(p, 4))):
        score = int(((p >= t) & (y == 1)).sum()) - WRONG_COST * int(((p >= t) & (y == 0)).sum())
        if score >= best:
            best, cut = score, float(t)
    return cut


def tally(keep: Callable[[int], bool], ex: list[Example]) -> tuple[int, int]:
    """(right, wrong) among the examples no known place covers that ``keep`` reads as names."""
    right = sum(1 for i, e in enumerate(ex) if keep(i) and e[3] and not e[5])
    wrong = sum(1 for i, e in enumerate(ex) if keep(i) and not e[3] and not e[5])
    return right, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all of dev")
    ap.add_argument("--features", default=",".join(USED),
                    help="the features fitted (comma-separated); the others are written with weight 0")
    args = ap.parse_args()
    used = tuple(args.features.split(","))
    ex = examples()
    x = np.array([[e[2][FEATURES.index(f)] for f in used] for e in ex], dtype=float)
    y = np.array([e[3] for e in ex], dtype=float)
    docs = sorted({e[0] for e in ex})
    half = np.array([docs.index(e[0]) % 2 for e in ex])
    print(f"{len(ex)} weighed words on dev, {int(y.sum())} gold names"
          f" ({sum(1 for e in ex if e[0].startswith('nf'))} words from NewsFANE)")
    print("features:", ", ".join(used))
    known = [e for e in ex if e[5]]
    print(f"of which {len(known)} covered by a known place ({sum(e[3] for e in known)} gold)")
    base = tally(lambda i: ex[i][4], ex)
    print(f"unseen by wordfreq (the rule before): {base[0]} names right, {base[1]} wrong")
    for fold in (0, 1):
        tr, te = half != fold, half == fold
        w = fit(x[tr], y[tr])
        cut = best_threshold(prob(w, x[tr]), y[tr])
        p = prob(w, x[te])
        idx = np.flatnonzero(te)
        read = set(idx[p >= cut].tolist())
        right, wrong = tally(read.__contains__, ex)
        rule = tally(lambda i, te=te: bool(te[i] and ex[i][4]), ex)
        print(f"fold {fold}: weights {np.round(w, 3).tolist()} threshold {cut:.3f}; "
              f"held-out: {right} names right, {wrong} wrong (the rule before: {rule[0]}, {rule[1]})")
    w = fit(x, y)
    cut = best_threshold(prob(w, x), y)
    print(f"all dev: weights {np.round(w, 3).tolist()} threshold {cut:.3f}")
    every = prob(w, x)
    right, wrong = tally(lambda i: every[i] >= cut, ex)
    print(f"  on all dev: {right} names right, {wrong} wrong")
    if args.write:
        fitted = dict(zip(used, w[1:], strict=True))
        rows = [("bias", w[0]), *((f, fitted.get(f, 0.0)) for f in FEATURES), ("threshold", cut)]
        head = ("# Weights of the logistic model of workbench.find.name_model: a word after a locative\n"
                "# is a place name when its probability reaches the threshold.\n"
                f"# source: fitted by scripts/fit_place_model.py on {len(ex)} words after locatives\n"
                "#   in the dev documents of benchmarks/events and NewsFANE's dev half"
                f" ({int(y.sum())} begin a gold place name); L2 {L2}, a wrong name costing {WRONG_COST}.\n"
                f"#   features fitted: {', '.join(used)} (the others weigh 0), chosen by"
                " scripts/cv_place_model.py.\n")
        body = "feature,weight,source\n" + "".join(
            f"{f},{v:.4f},fit_place_model dev\n" for f, v in rows)
        OUT.write_text(head + body, encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
