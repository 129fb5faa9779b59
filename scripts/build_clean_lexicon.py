"""Build ``workbench/data/cleaning/clean_lexicon.tsv.gz``, the word list the cleaning stage scores with.

Run from the repository root: ``.venv/bin/python scripts/build_clean_lexicon.py``. It needs
``wordfreq`` (code Apache-2.0; its word lists CC BY-SA 4.0, built from Wikipedia, subtitles,
news, books, web text and social media, see https://github.com/rspeer/wordfreq). The output
is committed; the cleaning stage needs no wordfreq at run time.

Each row is a matching key (``workbench.text.arabic.match_key``: no diacritics or tatweel, alef,
yaa and taa marbuta folded) and the best Zipf frequency of the spellings folding to it, in
hundredths, most frequent first. Keys rarer than ``MIN_ZIPF`` are left out, which keeps the
file small: such a word counts as unknown, the same floor an unseen word gets.
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.text.arabic import match_key  # noqa: E402

OUT = ROOT / "workbench" / "data" / "cleaning" / "clean_lexicon.tsv.gz"
MIN_ZIPF = 1.5


def build(*, min_zipf: float = MIN_ZIPF) -> list[tuple[str, int]]:
    """``(key, centi-Zipf)`` rows of wordfreq's Arabic list, folded, most frequent first."""
    import wordfreq

    best: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar").items():
        key = match_key(word)
        zipf = math.log10(freq) + 9.0
        if key and zipf > best.get(key, -1.0):
            best[key] = zipf
    rows = [(k, round(z * 100)) for k, z in best.items() if z >= min_zipf and "\t" not in k]
    rows.sort(key=lambda kv: (-kv[1], kv[0]))
    return rows


def main() -> None:
    import wordfreq

    rows = build()
    version = getattr(wordfreq, "__version__", "3.1.1")
    header = [
        "# Arabic word frequencies for the cleaning stage: matching key, Zipf frequency x 100.",
        f"# source: wordfreq {version} (Robyn Speer et al.), get_frequency_dict('ar');",
        "#   keys folded with workbench.text.arabic.match_key, best score per key, Zipf >= "
        f"{MIN_ZIPF}; {len(rows)} keys.",
        "# licence: wordfreq data CC BY-SA 4.0 (this derived list is shared under the same "
        "licence); wordfreq code Apache-2.0.",
        "# built by scripts/build_clean_lexicon.py",
        "key\tzipf100",
    ]
    body = "\n".join(header + [f"{k}\t{z}" for k, z in rows]) + "\n"
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} keys, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
