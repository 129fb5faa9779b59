"""Place and actor recognition on NewsFANE Gold (Arabic newswire, fine-grained NE tags).

Run from the repository root: ``.venv/bin/python -m benchmarks.newsfane``.

The corpus (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0) is ``token<TAB>tag`` IOB with
CRLF line ends, a byte-order mark and U+200E before each token; an empty token ends a
sentence. Its text is clitic-segmented (``و الصين``, ``ل هونج كونج``, ``ضيف ه``, ``بن ها``):
the finders are meant for running text, so each standalone proclitic token (و ف ب ل ك)
is joined to the next token, with ل + ال written لل as in print, and each pronoun
enclitic token (ه ها هم هما هن نا ي) to the word before it; everything else is joined
by spaces.
A gold entity's span is its own tokens, without the attached proclitic.

Sentences are grouped ten at a time into pseudo-documents (the corpus keeps no
document boundaries) so document context — which country a text is about — exists.
The first half of the sentences is the development part, used to tune rules and
thresholds; the second half is the test part, reported as the result.

Scores: *exact* — a prediction and a gold entity cover the same whitespace tokens of
the detokenised text (so an attached proclitic does not count against either side);
*overlap* — they share at least one character. Each gold entity and each prediction
is matched at most once.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from benchmarks import EVAL_DATA  # noqa: E402

CORPUS = EVAL_DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt"

# Gold classes scored as places: populated and administrative places, states and
# clusters of them, and continents (ACE-style GPE and Location::Continent).
PLACE_CLASSES = frozenset({
    "Nation", "Population-Center", "State-or-Province", "County-or-District",
    "GPE-Cluster", "Continent",
})
# Gold classes scored as actors: state bodies and forces (Government — NewsFANE puts
# armies and police forces here), organisations including armed groups and
# international bodies (Non-Governmental), and communities (Group).
ACTOR_CLASSES = frozenset({"Government", "Non-Governmental", "Group"})

_PROCLITICS = {"\u0648", "\u0641", "\u0628", "\u0644", "\u0643"}  # و ف ب ل ك
# Pronoun enclitics the corpus splits off (ضيف ه، بن ها، مع هم): HEH, HEH ALEF, HEH MEEM,
# HEH MEEM ALEF, HEH NOON, NOON ALEF, YEH.
_ENCLITICS = {
    "\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0647\u0646",
    "\u0646\u0627", "\u064a",
}
_LRM = "\u200e"
_BOM = "\ufeff"
DOC_SENTENCES = 10


@dataclass
class Doc:
    """A detokenised pseudo-document with its gold entities (start, end, class)."""

    text: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)


def read_sentences(path: Path = CORPUS) -> list[list[tuple[str, str]]]:
    """Sentences as (token, tag) lists, with BOM, LRM and CR removed."""
    raw = path.read_text(encoding="utf-8").replace(_BOM, "").replace("\r", "")
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in raw.split("\n"):
        if "\t" not in line:
            continue
        token, tag = line.split("\t", 1)
        token = token.replace(_LRM, "").strip()
        if not token:
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append((token, tag.strip()))
    return [s for s in sentences if s]


def detokenise(sentences: list[list[tuple[str, str]]]) -> Doc:
    """Join tokens into running text, proclitics attached, gold entity spans kept."""
    parts: list[str] = []
    pos = 0
    doc = Doc("")
    pending = ""  # a proclitic waiting for its host token
    for sentence in sentences:
        current: list = []  # [start, end, class] of the entity being read
        for token, tag in sentence:
            if token in _PROCLITICS and len(pending) < 2:
                if current:
                    doc.entities.append(tuple(current))
                    current = []
                pending += token
                continue
            if token in _ENCLITICS and parts and not pending and parts[-1][-1:].isalpha():
                parts[-1] += token
                pos += len(token)
                if tag.startswith("I-") and current and current[2] == tag[2:]:
                    current[1] = pos
                elif current:
                    doc.entities.append(tuple(current))
                    current = []
                continue
            if pending:
                glue = pending
                if pending.endswith("\u0644") and token.startswith("\u0627\u0644"):
                    token = token[1:]  # ل + الموصل → للموصل
                word = glue + token
                start_tok = pos + len(glue)
            else:
                word = token
                start_tok = pos
            if parts:
                parts.append(" ")
                pos += 1
                start_tok += 1
            parts.append(word)
            end_tok = pos + len(word)
            if tag.startswith("B-"):
                if current:
                    doc.entities.append(tuple(current))
                current = [start_tok, end_tok, tag[2:]]
            elif tag.startswith("I-") and current and current[2] == tag[2:]:
                current[1] = end_tok
            else:
                if current:
                    doc.entities.append(tuple(current))
                current = []
            pos = end_tok
            pending = ""
        if current:
            doc.entities.append(tuple(current))
    doc.text = "".join(parts)
    return doc


def documents(*, part: str = "test", path: Path = CORPUS) -> list[Doc]:
    """The dev (first half) or test (second half) sentences as pseudo-documents."""
    sentences = read_sentences(path)
    half = len(sentences) // 2
    chosen = sentences[:half] if part == "dev" else sentences[half:]
    return [detokenise(chosen[i:i + DOC_SENTENCES]) for i in range(0, len(chosen), DOC_SENTENCES)]


def _token_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last whitespace tokens touched by a span."""
    first = text.count(" ", 0, start)
    last = text.count(" ", 0, max(start, end - 1))
    return first, last


def _score(pairs_gold: list, pairs_pred: list, same: Callable) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for p in pairs_pred:
        for j, g in enumerate(pairs_gold):
            if j not in used and same(p, g):
                used.add(j)
                tp += 1
                break
    return tp, len(pairs_pred), len(pairs_gold)


def evaluate_newsfane(
    *,
    part: str = "test",
    path: Path = CORPUS,
    finders: dict[str, tuple[Callable[[str], pd.DataFrame], frozenset[str]]] | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of each finder against its gold classes.

    One row per (task, match), match in ``exact`` / ``overlap``; ``recall_by_class``
    rows give the overlap recall of each gold class.
    """
    finders = finders or default_finders()
    docs = documents(part=part, path=path)
    rows = []
    for task, (finder, classes) in finders.items():
        counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
        by_class: dict[str, list[int]] = {}
        for doc in docs:
            gold = [(s, e, c) for s, e, c in doc.entities if c in classes]
            found = finder(doc.text)
            pred = list(zip(found["start"], found["end"], strict=True)) if len(found) else []
            g_tok = [(*_token_range(doc.text, s, e), c) for s, e, c in gold]
            p_tok = [_token_range(doc.text, s, e) for s, e in pred]
            tp, npred, ngold = _score(g_tok, p_tok, lambda p, g: p == g[:2])
            counts["exact"] = [a + b for a, b in zip(counts["exact"], (tp, npred, ngold),
                                                     strict=True)]
            tp, npred, ngold = _score(gold, pred, lambda p, g: p[0] < g[1] and g[0] < p[1])
            counts["overlap"] = [a + b for a, b in zip(counts["overlap"], (tp, npred, ngold),
                                                       strict=True)]
            for s, e, c in gold:
                hit = any(ps < e and s < pe for ps, pe in pred)
                stats = by_class.setdefault(c, [0, 0])
                stats[0] += hit
                stats[1] += 1
        for match, (tp, npred, ngold) in counts.items():
            p = tp / npred if npred else 0.0
            r = tp / ngold if ngold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append({"part": part, "task": task, "match": match, "precision": p,
                         "recall": r, "f1": f, "gold": ngold, "predicted": npred, "tp": tp})
        for c, (hit, n) in sorted(by_class.items()):
            rows.append({"part": part, "task": task, "match": f"recall {c}",
                         "precision": float("nan"), "recall": hit / n, "f1": float("nan"),
                         "gold": n, "predicted": 0, "tp": hit})
    return pd.DataFrame(rows)


_DIRECTION_PREFIX = re.compile(
    r"^(?:[\u0648\u0641]?[\u0628\u0644]?(?:\u0627\u0644)?"
    r"(?:\u0634\u0645\u0627\u0644|\u062c\u0646\u0648\u0628|\u0634\u0631\u0642|\u063a\u0631\u0628"
    r"|\u0648\u0633\u0637)[\u064a\u0649]?\s+)+"
)  # شمال جنوب شرق غرب وسط, with و ف ب ل, the article and the nisba ending


def newsfane_convention(found: pd.DataFrame) -> pd.DataFrame:
    """Place rows as NewsFANE annotates places, for comparison only.

    NewsFANE tags the place inside a direction phrase (جنوب لبنان → لبنان), never tags a
    direction alone (في الجنوب، جنوب البلاد, flagged ``inferred``), and tags a facility
    named after a place (مطار دمشق) as a building: so direction rows are cut to the
    place name, and ``inferred`` and ``facility`` rows are left out.
    """
    if not len(found):
        return found
    keep = ~found["flags"].str.contains("inferred|facility")
    out = found[keep].copy()
    starts = []
    for start, text, flags in zip(out["start"], out["text"], out["flags"], strict=True):
        m = _DIRECTION_PREFIX.match(text) if "direction" in flags else None
        starts.append(start + m.end() if m and m.end() < len(text) else start)
    out["start"] = starts
    return out


def without_buildings(found: pd.DataFrame) -> pd.DataFrame:
    """Place rows without the squares, roads, mosques, hospitals, markets and airports read
    from a head noun (flags ``unknown_place;facility``: ساحة الطيران، طريق الباب).

    NewsFANE's place classes are populated and administrative places; it tags those phrases
    as Building-Grounds, Path or Airport, so every one of them counts against the plain
    ``place`` score even when it is right. This variant scores the rows that name a
    settlement or a unit. Facilities named after a place the gazetteer knows (مطار بغداد)
    stay, as they did before the head-noun rows existed.
    """
    if not len(found):
        return found
    return found[~found["flags"].str.contains("unknown_place;facility", regex=False)]


def default_finders() -> dict[str, tuple[Callable[[str], pd.DataFrame], frozenset[str]]]:
    """Places (as reported, read by NewsFANE's conventions, and without the buildings and
    roads read from a head noun); actors; and actors
    without the rows whose country is only inferred (a bare الحكومة), which NewsFANE never
    annotates, and without media outlets (NewsFANE's class Media)."""
    from workbench.find.actors import find_actors
    from workbench.find.places import find_places

    def named_actors(text: str) -> pd.DataFrame:
        # NewsFANE tags media outlets in a class of their own (Media), not as actors.
        df = find_actors(text)
        if not len(df):
            return df
        return df[~df["flags"].str.contains("country_inferred") & (df["actor_type"] != "Media")]

    def convention_places(text: str) -> pd.DataFrame:
        return newsfane_convention(find_places(text))

    def settlement_places(text: str) -> pd.DataFrame:
        return without_buildings(find_places(text))

    return {
        "place": (find_places, PLACE_CLASSES),
        "place (NewsFANE convention)": (convention_places, PLACE_CLASSES),
        "place (no buildings)": (settlement_places, PLACE_CLASSES),
        "actor": (find_actors, ACTOR_CLASSES),
        "actor (no inferred)": (named_actors, ACTOR_CLASSES),
    }


def words_per_second(finder: Callable[[str], pd.DataFrame], text: str, *,
                     target_words: int = 1_000_000, doc_words: int = 2_000) -> float:
    """Throughput of ``finder`` over ``text`` repeated to ``target_words``, per document."""
    words = text.split()
    chunks = [" ".join(words[i:i + doc_words]) for i in range(0, len(words), doc_words)]
    finder(chunks[0])  # load lexicons before timing
    done = 0
    t0 = time.perf_counter()
    while done < target_words:
        for chunk in chunks:
            finder(chunk)
            done += doc_words
            if done >= target_words:
                break
    return done / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    target = int(argv[0]) if argv else 1_000_000
    pd.set_option("display.width", 140)
    for part in ("dev", "test"):
        df = evaluate_newsfane(part=part)
        print(f"\nNewsFANE {part} part")
        print(df.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    text = " ".join(d.text for d in documents(part="test"))
    finders = default_finders()
    for task in ("place", "actor"):
        finder = finders[task][0]
        wps = words_per_second(finder, text, target_words=target)
        print(f"\n{task} finder: {wps:,.0f} words/s over {target:,} words")


if __name__ == "__main__":
    main()
