"""Cross-validate the bare-name decision of ``workbench.find.name_model`` over documents.

Run from the repository root: ``.venv/bin/python scripts/cv_place_model.py [--k 5]``. The
fitting material is the one ``scripts/fit_place_model.py`` fits on (the words after a
locative in the dev documents of ``benchmarks/events`` and in NewsFANE's dev half); test
documents are never read. The documents are cut into ``k`` folds by the sha1 of their id;
each way of deciding is fitted (weights and threshold) on ``k - 1`` folds and counted on the
fold left out: the names no known place covers it reads right and wrong. Deterministic: no
randomness, folds by hash.

The ways compared: the logistic model with all its features (the shipped one), with fewer,
with a stronger L2 penalty, the letter model built from more names (every Arabic-script
name GeoNames' ``cities500`` holds, for every country, beside the gazetteer's: the
``--more`` build of ``scripts/build_place_model.py``), and the rule before the model (a word
wordfreq has never seen after a locative).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import fit_place_model as fpm  # noqa: E402
from scripts.build_place_model import (  # noqa: E402
    _LETTERS,
    WORD_ZIPF,
    count,
    lexicon,
    more_name_words,
)
from workbench.find.name_model import FEATURES, _logp  # noqa: E402
from workbench.text.arabic import match_key  # noqa: E402

# A variant: a name, the features it uses, its L2 penalty, whether its letters come from the
# letter model of more names.
Variant = tuple[str, tuple[str, ...], float, bool]
VARIANTS: tuple[Variant, ...] = (
    ("all five (shipped)", FEATURES, fpm.L2, False),
    ("all five, L2 1", FEATURES, 1.0, False),
    ("all five, L2 10", FEATURES, 10.0, False),
    ("no letters", ("zipf", "unseen", "after_locative", "located"), fpm.L2, False),
    ("no letters, L2 1", ("zipf", "unseen", "after_locative", "located"), 1.0, False),
    ("no bigram", ("letters", "zipf", "unseen", "located"), fpm.L2, False),
    ("zipf, unseen, located", ("zipf", "unseen", "located"), fpm.L2, False),
    ("letters, unseen, located", ("letters", "unseen", "located"), fpm.L2, False),
    ("unseen, bigram, located", ("unseen", "after_locative", "located"), fpm.L2, False),
    ("all five, more names", FEATURES, fpm.L2, True),
    ("all five, more names, L2 1", FEATURES, 1.0, True),
    ("no bigram, more names", ("letters", "zipf", "unseen", "located"), fpm.L2, True),
    ("letters, unseen, located, more names", ("letters", "unseen", "located"), fpm.L2, True),
)


def fold_of(doc_id: str, k: int, salt: str = "") -> int:
    """The fold of a document: the sha1 of its id (after ``salt``, for a repeat of the
    cross-validation on other folds) modulo ``k``."""
    return int(hashlib.sha1((salt + doc_id).encode("utf-8")).hexdigest(), 16) % k


def letter_model(names: set[str], words: set[str]) -> tuple[tuple, tuple]:
    """The two letter models of :mod:`workbench.find.name_model` built in memory from
    ``names`` and ``words`` (as ``scripts/build_place_model.py`` writes and the module reads
    them)."""
    out = []
    for side in (names, words):
        counts = dict(count(side))
        total: dict[str, int] = {}
        types: dict[str, int] = {}
        for g, n in counts.items():
            if len(g) > 1:
                total[g[:-1]] = total.get(g[:-1], 0) + n
                types[g[:-1]] = types.get(g[:-1], 0) + 1
        total[""] = sum(n for g, n in counts.items() if len(g) == 1)
        out.append((counts, total, types, sum(1 for g in counts if len(g) == 1)))
    return out[0], out[1]


def more_letters(ex: list[fpm.Example]) -> np.ndarray:
    """The letters feature of each example under the letter model of more names, held out
    as the shipped one is (as if the model had never seen the word)."""
    zipf = lexicon()
    names = more_name_words(zipf)
    words = {w for w, z in zipf.items() if z >= WORD_ZIPF and set(w) <= _LETTERS} - names
    model_n, model_w = letter_model(names, words)
    out = []
    for e in ex:
        key = match_key(e[1])
        out.append(_logp(model_n, key, key in names) - _logp(model_w, key, key in words))
    return np.array(out)


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float,
                   ex: list[fpm.Example], k: int, counted: np.ndarray) -> list[tuple[int, int]]:
    """(right, wrong) on each held-out fold of the model fitted on the others, among the
    examples ``counted`` holds (fitted on all)."""
    out = []
    for f in range(k):
        tr, te = folds != f, folds == f
        fpm.L2 = l2
        w = fpm.fit(x[tr], y[tr])
        cut = fpm.best_threshold(fpm.prob(w, x[tr]), y[tr])
        idx = np.flatnonzero(te & counted)
        read = set(idx[fpm.prob(w, x[te & counted]) >= cut].tolist())
        out.append(fpm.tally(read.__contains__, ex))
    return out


def rule(ex: list[fpm.Example], folds: np.ndarray, k: int, keep: Callable[[fpm.Example], bool],
         counted: np.ndarray) -> list[tuple[int, int]]:
    """(right, wrong) on each fold of a fixed rule (nothing fitted), among ``counted``."""
    return [fpm.tally(lambda i, f=f: bool(folds[i] == f and counted[i] and keep(ex[i])), ex)
            for f in range(k)]


def line(name: str, per: list[tuple[int, int]]) -> str:
    """One row of the table: right and wrong per fold, their sums, and the mean and spread
    of right − ``WRONG_COST`` × wrong per fold."""
    score = np.array([r - fpm.WRONG_COST * w for r, w in per])
    cells = " ".join(f"{r:>2}/{w:<2}" for r, w in per)
    return (f"{name:<38} {cells}  {sum(r for r, _ in per):>3} {sum(w for _, w in per):>3}"
            f"  {score.mean():6.2f} ± {score.std(ddof=1):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=1,
                    help="also cut the folds again with these many salts, and sum over all")
    ap.add_argument("--count", choices=("all", "events", "newsfane"), default="all",
                    help="count the held-out words of one source only (all are fitted on)")
    args = ap.parse_args()
    k = args.k
    ex = fpm.examples()
    y = np.array([e[3] for e in ex], dtype=float)
    base = np.array([e[2] for e in ex], dtype=float)
    more = more_letters(ex)
    nf = np.array([e[0].startswith("nf") for e in ex])
    counted = {"all": np.ones(len(ex), bool), "events": ~nf, "newsfane": nf}[args.count]
    for rep in range(args.repeats):
        salt = "" if rep == 0 else f"{rep}:"
        print(f"\n== folds by sha1({salt or ''}doc_id) mod {k}")
        table(ex, y, base, more, np.array([fold_of(e[0], k, salt) for e in ex]), k, counted)


def table(ex: list[fpm.Example], y: np.ndarray, base: np.ndarray, more: np.ndarray,
          folds: np.ndarray, k: int, counted: np.ndarray) -> None:
    """Print the cross-validation table of every variant on one cut into folds."""
    positives = [sum(1 for i, e in enumerate(ex) if folds[i] == f and counted[i] and e[3] and not e[5])
                 for f in range(k)]
    print(f"{len(ex)} weighed words ({sum(e[6] for e in ex)} list items after a known place),"
          f" {int(y.sum())} gold names; gold names no known place covers by fold: {positives}")
    print(f"{'way (right/wrong on each held-out fold)':<38} {'folds':<{6 * k - 1}}  right wrong"
          f"  right-{fpm.WRONG_COST}×wrong per fold (mean ± sd)")
    for name, feats, l2, use_more in VARIANTS:
        x = base.copy()
        if use_more:
            x[:, FEATURES.index("letters")] = more
        x = x[:, [FEATURES.index(f) for f in feats]]
        print(line(name, cross_validate(x, y, folds, l2, ex, k, counted)))
    print(line("rule: unseen by wordfreq", rule(ex, folds, k, lambda e: e[4], counted)))


if __name__ == "__main__":
    main()
