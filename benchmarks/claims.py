"""Claim detection on CheckThat! 2022 Arabic (subtask 1B), and the seed's claims and events.

The claim detector is the check-worthiness score of ``workbench.claims.claims``: a logistic
function of named, readable features (a number, a date, a place, an actor, an event, an
attribution, a question, first person, prayer formulas, dialect, links, ...). Its
weights are fitted here on the 1B training tweets (``--fit`` writes them to
``workbench/data/claims/claim_weights.csv``); accuracy and F1 of the positive class are
reported on the dev tweets only, next to the majority-class baseline. The genre (COVID-19
tweets) is not conflict reporting: the figures say how well the features carry over,
not how the detector does on news.

Then the speed of the two stages is measured, with mentions found beforehand: on news
text (NewsFANE newswire articles and CheckThat! tweet batches, cleaned as ``workbench
run`` cleans them, built as in ``benchmarks/throughput.py``) and on the seed's reference
text; and the seed article runs through ``workbench.analyze`` and its claim and event
tables are printed for reading.

Run from the repository root::

    .venv/bin/python benchmarks/claims.py            # figures + seed tables
    .venv/bin/python benchmarks/claims.py --fit      # refit the weights first
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import EVAL_DATA  # noqa: E402
from workbench.claims.claims import (  # noqa: E402
    CHECKWORTHY_THRESHOLD,
    FEATURES,
    WEIGHTS_FILE,
    score_features,
    text_features,
)
from workbench.resources import data_path  # noqa: E402

DATA = EVAL_DATA / "checkthat22"
SEED = ROOT / "seeds" / "000_a7d0b04255543ba7.txt"
REFERENCE = ROOT / "benchmarks" / "reference" / "000_a7d0b04255543ba7.txt"
REFERENCE_DATE = date(2020, 5, 1)  # the seed's publication month (its metadata sidecar)
SPLIT_FILE = "CT22_arabic_1B_claim_{split}.tsv"
FEATURE_DESCRIPTIONS = {
    "bias": "constant",
    "quantity": "a number (or a count whose digits were lost)",
    "time": "a date or period",
    "place": "a named place",
    "actor": "a named actor",
    "event": "an event is reported",
    "attributed": "someone other than the author asserts it",
    "causal": "a cause or consequence is claimed",
    "comparison": "a comparison is claimed",
    "evaluation": "an evaluation or opinion",
    "hedged": "hedged (قد + imperfect, ربما، يبدو)",
    "future": "about the future (سـ، سوف، لن)",
    "negated": "negated (لم، لا، ليس)",
    "question": "a question",
    "first_person": "the writer speaks of themselves",
    "religious": "prayer or religious formula",
    "dialect": "colloquial dialect markers",
    "call_to_action": "an invitation or a link to follow",
    "url": "contains a link",
    "hashtag": "contains a hashtag",
    "user_mention": "addresses a user (@)",
    "emoji": "contains emoji",
    "latin_name": "a capitalised Latin-script name",
    "exclamation": "an exclamation",
    "length": "length in words (capped at 40) / 40",
}


def load_split(split: str) -> pd.DataFrame:
    """One CheckThat! 2022 Arabic 1B split (``train`` or ``dev``): tweet_text, class_label."""
    frame = pd.read_csv(DATA / SPLIT_FILE.format(split=split), sep="\t", dtype=str,
                        keep_default_na=False, quoting=3)
    frame["class_label"] = frame["class_label"].astype(int)
    return frame[["tweet_id", "tweet_text", "class_label"]]


def feature_table(texts: list[str], *, batch: int = 200) -> pd.DataFrame:
    """The detector's features for each text (mentions found in batches, then sliced)."""
    from workbench.find.mentions import find_mentions

    rows = []
    for lo in range(0, len(texts), batch):
        chunk = texts[lo:lo + batch]
        joined, spans, pos = [], [], 0
        for t in chunk:
            t = t.replace("\n", " ")
            spans.append((pos, pos + len(t)))
            joined.append(t)
            pos += len(t) + 2
        mentions = find_mentions("\n\n".join(joined))
        for t, (a, b) in zip(joined, spans, strict=True):
            inside = mentions[(mentions["start"] >= a) & (mentions["end"] <= b)].copy()
            inside["start"] -= a
            inside["end"] -= a
            rows.append(text_features(t, mentions=inside))
    return pd.DataFrame(rows, columns=list(FEATURES))


def fit_weights(features: pd.DataFrame, labels: np.ndarray, *, c: float = 1.0) -> pd.DataFrame:
    """Logistic-regression weights for the named features (L2, ``C=c``): feature, weight."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(features.to_numpy(), labels)
    weights = [("bias", float(model.intercept_[0]))]
    weights += [(name, float(w)) for name, w in zip(features.columns, model.coef_[0], strict=True)]
    return pd.DataFrame(
        [(n, round(w, 4), FEATURE_DESCRIPTIONS.get(n, "")) for n, w in weights],
        columns=["feature", "weight", "description"],
    )


def write_weights(weights: pd.DataFrame, *, n_train: int) -> Path:
    """Write fitted weights to ``workbench/data/claims/claim_weights.csv`` with their provenance."""
    path = data_path(WEIGHTS_FILE)
    header = (
        "# Weights of the check-worthiness score: score = 1 / (1 + exp(-(bias + sum w*f))).\n"
        "# source: logistic regression (scikit-learn, L2, C=1) fitted on the CLEF 2022 CheckThat!\n"
        f"# source: Task 1B Arabic training tweets (n={n_train}; matttang7/CLEF2022-Task1 copy of the\n"
        "# source: official data, commit 8a9bf00c3a880ae9c71e18f258c92aa834f45d44) by\n"
        "# source: `python benchmarks/claims.py --fit`; features are defined in workbench/claims.py.\n"
    )
    path.write_text(header + weights.to_csv(index=False), encoding="utf-8")
    return path


def _metrics(name: str, gold: np.ndarray, pred: np.ndarray) -> dict:
    tp = int(((pred == 1) & (gold == 1)).sum())
    fp = int(((pred == 1) & (gold == 0)).sum())
    fn = int(((pred == 0) & (gold == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"method": name, "n": len(gold), "accuracy": float((pred == gold).mean()),
            "precision": precision, "recall": recall, "f1": f1}


def evaluate_checkthat(split: str = "dev", *, features: pd.DataFrame | None = None) -> pd.DataFrame:
    """Accuracy, precision, recall and F1 (positive class) of the claim detector and of
    the majority-class baseline (the majority class of the training split)."""
    data = load_split(split)
    gold = data["class_label"].to_numpy()
    if features is None:
        features = feature_table(data["tweet_text"].tolist())
    scores = np.array([score_features(row)[0] for row in features.to_dict("records")])
    majority = int(load_split("train")["class_label"].mode()[0])
    return pd.DataFrame([
        _metrics("majority class (train)", gold, np.full(len(gold), majority)),
        _metrics("claim detector", gold, (scores >= CHECKWORTHY_THRESHOLD).astype(int)),
    ])


def seed_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims and events of the bundled seed, through ``workbench.analyze``."""
    from workbench.analysis import analyze

    meta = json.loads(SEED.with_suffix(".meta.json").read_text(encoding="utf-8"))
    result = analyze(SEED.read_text(encoding="utf-8"), published=meta.get("published"),
                     doc_id=SEED.stem)
    return result.claims, result.events


def throughput(*, copies: int = 20) -> pd.DataFrame:
    """Words per second of ``find_claims`` and ``find_events`` (mentions found beforehand)
    on the seed's reference reconstruction repeated ``copies`` times."""
    from workbench.claims.claims import find_claims
    from workbench.claims.events import find_events
    from workbench.find.mentions import find_mentions

    one = REFERENCE.read_text(encoding="utf-8")
    text = "\n\n".join([one] * copies)
    words = len(text.split())
    mentions = find_mentions(text, reference=REFERENCE_DATE)
    t0 = time.perf_counter()
    claims = find_claims(text, mentions=mentions, reference=REFERENCE_DATE)
    t1 = time.perf_counter()
    events = find_events(claims, mentions)
    t2 = time.perf_counter()
    return pd.DataFrame([
        {"stage": "find_claims", "words": words, "rows": len(claims), "seconds": t1 - t0,
         "words_per_s": words / (t1 - t0)},
        {"stage": "find_events", "words": words, "rows": len(events), "seconds": t2 - t1,
         "words_per_s": words / (t2 - t1)},
    ])


def news_documents(*, articles: int = 60, tweet_batches: int = 40) -> list[str]:
    """Clean news text: every third NewsFANE article and every fourth CheckThat! batch of 15
    tweets from ``benchmarks/throughput.py``'s pool, through ``workbench.cleaning.clean``."""
    from benchmarks.throughput import checkthat_documents, newsfane_articles
    from workbench.cleaning.clean import clean

    news = list(newsfane_articles())[::3][:articles]
    tweets = list(checkthat_documents())[::4][:tweet_batches]
    return [clean(text).text for text in news + tweets]


def stage_speed(texts: list[str], *, repeats: int = 3) -> pd.DataFrame:
    """Words per second of ``find_claims`` and ``find_events`` over ``texts``, one document
    at a time, mentions found beforehand; the best of ``repeats`` runs (a shared machine
    only ever makes a run slower), by the wall clock and by the process's CPU time."""
    from workbench.claims.claims import find_claims
    from workbench.claims.events import find_events
    from workbench.find.mentions import find_mentions

    mentions = [find_mentions(t, reference=REFERENCE_DATE) for t in texts]
    words = sum(len(t.split()) for t in texts)
    inf = float("inf")
    wall = {"find_claims": inf, "find_events": inf}
    cpu = dict(wall)
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        claims = [find_claims(t, mentions=m, reference=REFERENCE_DATE)
                  for t, m in zip(texts, mentions, strict=True)]
        w1, c1 = time.perf_counter(), time.process_time()
        events = [find_events(c, m) for c, m in zip(claims, mentions, strict=True)]
        w2, c2 = time.perf_counter(), time.process_time()
        wall = {"find_claims": min(wall["find_claims"], w1 - w0),
                "find_events": min(wall["find_events"], w2 - w1)}
        cpu = {"find_claims": min(cpu["find_claims"], c1 - c0),
               "find_events": min(cpu["find_events"], c2 - c1)}
    rows = {"find_claims": sum(map(len, claims)), "find_events": sum(map(len, events))}
    return pd.DataFrame([
        {"stage": stage, "documents": len(texts), "words": words, "rows": rows[stage],
         "seconds": wall[stage], "words_per_s": words / wall[stage],
         "cpu_seconds": cpu[stage], "cpu_words_per_s": words / cpu[stage]}
        for stage in ("find_claims", "find_events")
    ])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", action="store_true", help="refit the weights on train first")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed tables")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 70)
    if args.fit:
        train = load_split("train")
        t0 = time.perf_counter()
        feats = feature_table(train["tweet_text"].tolist())
        weights = fit_weights(feats, train["class_label"].to_numpy())
        path = write_weights(weights, n_train=len(train))
        from workbench.claims.claims import _weights

        _weights.cache_clear()
        print(f"fitted on {len(train)} training tweets in {time.perf_counter() - t0:.1f} s "
              f"→ {path.relative_to(ROOT)}")
        print(weights.to_string(index=False))
        print()
    t0 = time.perf_counter()
    dev = load_split("dev")
    feats = feature_table(dev["tweet_text"].tolist())
    elapsed = time.perf_counter() - t0
    print(f"CheckThat! 2022 Arabic 1B (verifiable factual claim?), dev split, "
          f"{len(dev)} tweets ({elapsed:.1f} s, {len(dev) / elapsed:.0f} tweets/s)")
    print(evaluate_checkthat("dev", features=feats).round(3).to_string(index=False))
    news = news_documents()
    speed = stage_speed(news)
    print(f"\nSpeed on clean news text ({len(news)} documents: NewsFANE articles and "
          "CheckThat! tweet batches; mentions found beforehand; best of 3 runs):")
    for row in speed.itertuples(index=False):
        print(f"   {row.stage:<12} {row.words_per_s:>10,.0f} words/s  "
              f"({row.words:,} words, {row.rows:,} rows, {row.seconds:.2f} s; "
              f"by CPU time {row.cpu_words_per_s:,.0f} words/s)")
    print("\nSpeed on the seed's reference text x20 (mentions found beforehand):")
    print(throughput().round(2).to_string(index=False))
    if args.no_seed:
        return
    claims, events = seed_tables()
    print(f"\nSeed {SEED.name}: {len(claims)} claims, {len(events)} events")
    print(claims[["claim_id", "type", "modality", "source", "checkworthiness", "text"]]
          .to_string(index=False))
    print()
    print(events[["event_id", "claim_id", "kind", "sub_event_type", "actor", "admin1", "start",
                  "end", "proposed_year", "count_text", "modality", "source"]]
          .to_string(index=False))


if __name__ == "__main__":
    main()
