"""Build ``workbench/data/cleaning/char_ngrams.tsv.gz``, the character model of Arabic ``clean`` scores with.

Run from the repository root: ``.venv/bin/python scripts/build_char_ngrams.py``. It needs the
NewsFANE Gold corpus (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0) at
``../shared/data/newsfane/`` and the committed word list ``clean_lexicon.tsv.gz`` (wordfreq's
Arabic list, CC BY-SA 4.0). The output is committed; ``clean`` needs neither at run time.

Training text:

- the first half of NewsFANE's sentences (the dev half of ``benchmarks/newsfane.py`` and
  ``benchmarks/repair.py``), detokenised as ``benchmarks.newsfane.detokenise`` does,
  **without the sentences of the test documents of** ``benchmarks/pdf_damage.py`` (they are
  built from NewsFANE: a model trained on them would score its own test). The dev
  documents' sentences stay in: dev is for tuning.
- every word of the word list once (so the model knows the spelling of words NewsFANE lacks).

Each word is written as its matching key (``workbench.text.arabic.match_key``), letters only,
between spaces. Rows: every character n-gram of length 1 to ``ORDER`` seen at least
``MIN_COUNT`` times, with its count; the first row after the header is the total number of
characters (the unigram denominator).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.text.arabic import match_key  # noqa: E402

OUT = ROOT / "workbench" / "data" / "cleaning" / "char_ngrams.tsv.gz"
LEXICON = ROOT / "workbench" / "data" / "cleaning" / "clean_lexicon.tsv.gz"
ORDER = 5
MIN_COUNT = 2
_LETTERS_RE = re.compile("[\u0621-\u064a]+")


def words_of(text: str) -> list[str]:
    """Matching keys of the Arabic words of ``text`` (letters only)."""
    return [k for k in (match_key(w) for w in _LETTERS_RE.findall(text)) if k]


def training_lines() -> tuple[list[str], int]:
    """NewsFANE's dev half (its first half of sentences) outside the pdf_damage test
    documents, and how many of its sentences were left out for being in them.

    The second half is the test part of ``benchmarks/repair.py`` (run order on simulated
    damage, clean text left alone) and of the NewsFANE benchmark: never trained on.
    """
    from benchmarks.newsfane import CORPUS, read_sentences
    from benchmarks.pdf_damage import _sentence_text, all_documents, split_of

    test_text = " ".join(" ".join(d.text.split()) for d in all_documents() if split_of(d.doc_id) == "test")
    sentences = read_sentences(CORPUS)
    lines, left_out = [], 0
    for sentence in sentences[: len(sentences) // 2]:
        text = " ".join(_sentence_text(sentence).split())
        if not text:
            continue
        if text in test_text:
            left_out += 1
            continue
        lines.append(text)
    return lines, left_out


def lexicon_words() -> list[str]:
    with gzip.open(LEXICON, "rt", encoding="utf-8") as fh:
        rows = [line.split("\t")[0] for line in fh if not line.startswith("#")]
    return rows[1:]


def count(texts: Iterable[list[str]], order: int = ORDER) -> Counter[str]:
    """Character n-gram counts of word sequences written `` w1 w2 ... `` (spaces around)."""
    counts: Counter[str] = Counter()
    for words in texts:
        s = " " + " ".join(words) + " "
        for n in range(1, order + 1):
            counts.update(s[i : i + n] for i in range(len(s) - n + 1))
    return counts


def main() -> None:
    lines, left_out = training_lines()
    texts = [words_of(t) for t in lines] + [[w] for w in lexicon_words()]
    counts = count(texts)
    total = sum(c for g, c in counts.items() if len(g) == 1)
    rows = sorted(((g, c) for g, c in counts.items() if c >= MIN_COUNT and "\t" not in g),
                  key=lambda gc: (len(gc[0]), -gc[1], gc[0]))
    header = [
        "# Character n-gram counts of Arabic (matching keys, words between spaces), n = 1.."
        f"{ORDER}, count >= {MIN_COUNT}.",
        f"# source: NewsFANE Gold 2014 (Alotaibi & Lee; CC BY-SA 3.0), its first half: "
        f"{len(lines)} sentences "
        f"detokenised; the {left_out} sentences of the benchmarks/pdf_damage.py test documents left out;",
        "#   plus each word of clean_lexicon.tsv.gz (wordfreq's Arabic list, CC BY-SA 4.0) once.",
        "# licence: CC BY-SA 4.0 (derived from CC BY-SA sources).",
        "# built by scripts/build_char_ngrams.py",
        "gram\tcount",
        f"\t{total}",
    ]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(header + [f"{g}\t{c}" for g, c in rows]) + "\n")
    print(f"{OUT}: {len(rows)} n-grams, {total} characters, {left_out} test sentences left out")


if __name__ == "__main__":
    main()
