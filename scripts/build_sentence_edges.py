"""Build ``workbench/data/cleaning/sentence_edges.tsv.gz``: how often each word ends and opens a sentence.

Run from the repository root: ``.venv/bin/python scripts/build_sentence_edges.py``.
Source: NewsFANE Gold 2014 (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0) at
``../shared/data/newsfane/``, its first half of sentences (the dev half), detokenised,
**without the sentences of the test documents of** ``benchmarks/pdf_damage.py`` — the
text of the character and word bigram models (``scripts/build_char_ngrams.py``). A
sentence is a NewsFANE sentence cut again after each ``.``, ``!``, ``?`` or ``؟`` it holds;
it *ends* at its last word where it closes with one of those, and *opens* at its first.

Words are what ``workbench.cleaning.bigrams.words_of`` reads (matching keys of the
letters, numbers as ``0``). One row per word seen at least ``MIN_WORD`` times:
``word<TAB>count<TAB>ends<TAB>opens``.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.build_char_ngrams import training_lines  # noqa: E402
from workbench.cleaning.bigrams import words_of  # noqa: E402

OUT = ROOT / "workbench" / "data" / "cleaning" / "sentence_edges.tsv.gz"
MIN_WORD = 2
_SENTENCE_RE = re.compile(r"(?<=[.!?\u061f])\s+")
_CLOSES = (".", "!", "?", "\u061f")


def main() -> None:
    lines, left_out = training_lines()
    count: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    sentences = 0
    for line in lines:
        for part in _SENTENCE_RE.split(line):
            words = words_of(part)
            if not words:
                continue
            sentences += 1
            count.update(words)
            opens[words[0]] += 1
            if part.rstrip().endswith(_CLOSES):
                ends[words[-1]] += 1
    header = [
        "# How often each word (matching keys of the letters, numbers as 0) ends and opens a",
        f"#   sentence; words seen >= {MIN_WORD} times.",
        f"# source: NewsFANE Gold 2014 (Alotaibi & Lee; CC BY-SA 3.0), its first half: {len(lines)} "
        f"sentences detokenised, cut into {sentences} at their stops; the {left_out} sentences of the "
        "benchmarks/pdf_damage.py test documents left out.",
        "# licence: CC BY-SA 4.0 (derived from a CC BY-SA source).",
        "# built by scripts/build_sentence_edges.py",
        "word\tcount\tends\topens",
    ]
    words = sorted((w for w, n in count.items() if n >= MIN_WORD), key=lambda w: (-count[w], w))
    body = "\n".join(header) + "\n" + "".join(f"{w}\t{count[w]}\t{ends[w]}\t{opens[w]}\n" for w in words)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(body.encode("utf-8"))  # no time stamp: a rebuild writes the same bytes
    print(f"{OUT}: {len(words)} words, {sentences} sentences, {left_out} test sentences left out")


if __name__ == "__main__":
    main()
