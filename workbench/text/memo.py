"""The bound of every per-word cache: how much of a corpus's vocabulary the stages remember.

The stages cache pure functions of one word (its matching key, its readings, its
frequency) because a corpus repeats its words: والموصل is read once, then looked up. The
bound keeps memory flat as the corpus grows: past it, the least recently used words are
forgotten and read again when they return. Measured on 250,000 words of news and tweets
(``benchmarks/throughput.py``): with 16,384 words per cache the analysis runs within 2% of
unbounded caches, which hold 40,000 to 50,000 words each there and keep growing with the
vocabulary (each remembered word costs a few hundred bytes in each of some twenty caches).
"""

from __future__ import annotations

from functools import lru_cache

WORD_MEMO_SIZE = 1 << 14

# ``@word_memo`` on a function of one word (or of a word and a fixed few options).
word_memo = lru_cache(maxsize=WORD_MEMO_SIZE)
