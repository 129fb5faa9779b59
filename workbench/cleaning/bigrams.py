"""A word bigram model of Arabic: how likely one word is to follow another.

The character model (``model.py``) sees only the letters across a word junction; the
order of whole runs of words is better told by which words follow which: ``خطابه قطف``
against ``لتوظيفه وردا``. Counts of word pairs from NewsFANE news prose (the benchmark's
test documents left out) and the bigram table shipped with ar-corrector, built by
``scripts/build_word_bigrams.py``; scored with stupid backoff (Brants et al., 2007).

>>> pair_logp("مجلس", "الامن") > pair_logp("الامن", "مجلس")
True
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import math
import re
from pathlib import Path

from ..cache import Shards, cached, cached_shards, model_loader
from ..resources import data_path
from ..text.arabic import match_key
from ..text.memo import word_memo

MODEL_FILE = "cleaning/word_bigrams.tsv.gz"
# Stupid backoff: an unseen pair scores the right word's unigram estimate, discounted
# by this factor (log10 of 0.4).
BACKOFF = math.log10(0.4)
_WORD_RE = re.compile("[\u0621-\u064a]+|[0-9\u0660-\u0669\u06f0-\u06f9]+")
# Every number is the same word to the model: where numbers stand is what it learns.
NUMBER = "0"


def words_of(text: str) -> list[str]:
    """The words the model knows a text by: runs of letters of its matching key, and
    numbers (each written ``0``).

    >>> words_of("قال: «الأسد» 14")
    ['قال', 'الاسد', '0']
    """
    return key_words(match_key(text))


def word_places(key: str) -> tuple[list[int], list[int]]:
    """Where the words of a matching key start and end (for :func:`edge_words`)."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD_RE.finditer(key):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def edge_words(key: str, places: tuple[list[int], list[int]], start: int, end: int) -> tuple[str, str] | None:
    """The first and last of :func:`key_words` of ``key[start:end]`` (None: it has none),
    found among the words of the whole key (``places``): a word of the stretch is a word
    of the key cut at the stretch's edges, so only the two words at its ends are read.

    >>> key = "قال 14 اليوم"
    >>> edge_words(key, word_places(key), 1, 9), key_words(key, 1, 9)
    (('ال', 'ال'), ['ال', '0', 'ال'])
    """
    starts, ends = places
    i = bisect.bisect_right(ends, start)  # the first word ending inside the stretch
    if start >= end or i == len(ends) or starts[i] >= end:
        return None
    j = bisect.bisect_left(starts, end) - 1  # the last word starting inside it
    first = key[max(starts[i], start) : min(ends[i], end)]
    last = key[max(starts[j], start) : min(ends[j], end)]
    return (first if first[0] in _LETTER_SET else NUMBER, last if last[0] in _LETTER_SET else NUMBER)


def key_words(key: str, start: int = 0, end: int | None = None) -> list[str]:
    """:func:`words_of` of a text whose matching key is ``key[start:end]``: the key of a
    line taken once serves each of its stretches (folding maps one character to at most
    one, so the key of a stretch is a stretch of the key)."""
    found = _WORD_RE.findall(key, start, len(key) if end is None else end)
    return [w if w[0] in _LETTER_SET else NUMBER for w in found]


_LETTER_SET = frozenset(chr(c) for c in range(0x0621, 0x064B))


@model_loader
def _counts() -> tuple[Shards[str], Shards[int], int]:
    """Word → the words after it with their counts, as the file writes them
    (``" الامن:12 العراقي:7"``, read into numbers only when the word is met: a table of
    every pair would hold some 300 MB in memory), word → count as a left word, and the
    sum of the latter; kept in the disk cache keyed by the model file's hash, as shards
    decoded when first looked in (the first document asks for a few dozen words: reading
    the whole table back took a fifth of a second)."""
    path = data_path(MODEL_FILE)
    parsed: list[tuple[dict[str, str], dict[str, int], int]] = []

    def parse() -> tuple[dict[str, str], dict[str, int], int]:
        if not parsed:  # one parse serves the three stores when the cache is cold
            parsed.append(_parse_counts(path))
        return parsed[0]

    following = cached_shards("word-bigrams-after", ["3", path], lambda: parse()[0], _SHARDS)
    words = cached_shards("word-bigrams-left", ["3", path], lambda: parse()[1], _SHARDS)
    total = cached("word-bigrams-total", ["3", path], lambda: parse()[2])
    parsed.clear()  # a damaged shard file parses the model again rather than keep it all
    return following, words, total


_SHARDS = 1 << 12  # about fifty words a shard


def warm_up() -> None:
    """Decode the whole model now (before ``workbench run`` forks its workers)."""
    following, words, _ = _counts()
    following.load_all()
    words.load_all()


def _parse_counts(path: Path) -> tuple[dict[str, str], dict[str, int], int]:
    following: dict[str, str] = {}
    words: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1
    for line in lines[start:]:
        if not line:
            continue
        word, n, after = line.split("\t")
        words[word] = int(n)
        following[word] = after
    return following, words, sum(words.values())


@word_memo
def pair_count(left: str, right: str) -> int:
    """How often ``right`` follows ``left`` in the model (0: never seen), found in the
    pairs of ``left`` as stored (``"الامن:12 العراقي:7"``) rather than unpacked into a
    dict: remembered dicts of the pairs of a common word (thousands each) grew with a
    corpus's vocabulary by a hundred MiB, where one search of the text costs microseconds.
    The pairs asked are remembered, bounded as every per-word memo: the run-order search
    asks the same few pairs of a line again for each order it weighs.

    >>> pair_count("مجلس", "الامن") > pair_count("الامن", "مجلس")
    True
    """
    after = _counts()[0].get(left)
    if not after:
        return 0
    needle = right + ":"
    if after.startswith(needle):
        at = len(needle)
    else:
        at = after.find(" " + needle)
        if at < 0:
            return 0
        at += len(needle) + 1
    end = after.find(" ", at)
    return int(after[at:] if end < 0 else after[at:end])


def pair_logp(left: str, right: str) -> float:
    """``log10 P(right | left)`` of two words (as :func:`words_of` gives them)."""
    _, words, total = _counts()
    n = pair_count(left, right)
    if n:
        return math.log10(n / words[left])
    return BACKOFF + math.log10(words.get(right, 0.5) / total)


def chain_logp(words: list[str]) -> float:
    """``log10 P`` of each word after the one before it, summed (the first word free).

    >>> chain_logp(words_of("الأمم المتحدة")) > chain_logp(words_of("المتحدة الأمم"))
    True
    """
    return sum(pair_logp(a, b) for a, b in itertools.pairwise(words))
