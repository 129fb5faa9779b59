"""Build the small demonstration corpus that notebooks/05-corpus.ipynb reads.

Sentences of the NewsFANE Gold 2014 newswire corpus (CC BY-SA 3.0; see
notebooks/data/README.md) that report violence, joined back into running text and grouped
eight to a pseudo-article, as JSON lines. Run from the repository root, with the shared
evaluation data beside it:

    .venv/bin/python -m scripts.make_notebook_corpus
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.newsfane import CORPUS, detokenise, read_sentences

OUT = Path(__file__).resolve().parent.parent / "notebooks" / "data" / "newsfane_conflict.jsonl"
PER_ARTICLE = 8
ARTICLES = 24
# Words that mark a report of violence (folded spelling, as NewsFANE writes them).
CUES = re.compile(r"هجوم|هجمات|قتل|مقتل|انفجار|تفجير|اشتباك|غارة|قصف|مسلح|عبوة|اغتيال")


def main() -> None:
    sentences = [detokenise([s]).text for s in read_sentences(CORPUS)]
    chosen = [s for s in sentences if CUES.search(s) and 12 <= len(s.split()) <= 60]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for i in range(ARTICLES):
            group = chosen[i * PER_ARTICLE:(i + 1) * PER_ARTICLE]
            if not group:
                break
            record = {"id": f"nf{i + 1:02d}", "text": "\n\n".join(group),
                      "source": "NewsFANE Gold 2014 (CC BY-SA 3.0), sentences regrouped"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({min(len(chosen), ARTICLES * PER_ARTICLE)} sentences)")


if __name__ == "__main__":
    main()
