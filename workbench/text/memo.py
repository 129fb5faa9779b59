"""The bound of every per-word cache: how much of a corpus's vocabulary the stages remember.

The stages cache pure functions of one word (its matching key, its readings, its
frequency) because a corpus repeats its words: والموصل is read once, then looked up. The
bound keeps memory flat as the corpus grows: past it, the least recently used words are
forgotten and read again when they return. Measured on 250,000 words of news and tweets
(``benchmarks/throughput.py``): with 16,384 words per cache the analysis runs within a few
per cent of unbounded caches, which hold 40,000 to 50,000 words each there and keep growing
with the vocabulary (each remembered word costs a few hundred bytes in each of some twenty
caches).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

WORD_MEMO_SIZE = 1 << 14

F = TypeVar("F", bound=Callable[..., Any])
_CLEARS: list[Callable[[], None]] = []


def word_memo(fn: F) -> F:
    """``fn`` (of one word, or of a word and a fixed few options) remembering its last
    ``WORD_MEMO_SIZE`` words, until :func:`forget_words`."""
    memo = lru_cache(maxsize=WORD_MEMO_SIZE)(fn)
    _CLEARS.append(memo.cache_clear)
    return memo  # type: ignore[return-value]


def word_dict() -> dict:
    """An empty dict for a memo of words that its owner bounds by ``WORD_MEMO_SIZE``;
    emptied by :func:`forget_words`."""
    memo: dict = {}
    _CLEARS.append(memo.clear)
    return memo


def forget_words() -> None:
    """Empty every per-word cache. ``workbench run`` does so once its documents are
    analysed: the timeline and the report then reuse that memory instead of adding to it."""
    for clear in _CLEARS:
        clear()


class CharMemo(dict):
    """``fn`` of one character, remembered for good (texts have few distinct characters):
    ``memo[ch]``, or ``map(memo.__getitem__, word)`` for each character of a word, looks a
    character up in C, a few times cheaper than a call of an ``lru_cache`` function.

    >>> joins = CharMemo(lambda ch: ch not in "\u0627\u062f")  # ALEF and DAL join no further
    >>> list(map(joins.__getitem__, "\u0628\u0627"))
    [True, False]
    """

    def __init__(self, fn: Callable[[str], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, ch: str) -> Any:
        value = self[ch] = self.fn(ch)
        return value


class WordMemo(CharMemo):
    """``fn`` of one word remembered in a plain dict, as :class:`CharMemo` but bounded:
    ``map(memo.__getitem__, words)`` looks each word up in C, where an ``lru_cache`` call
    also moves the word in its recency list.
    For a cheap ``fn`` read for every token (a word's matching key), with a bound of
    ``limit`` words: past it the dict is emptied once and refilled.

    The bound must exceed a corpus's working vocabulary (25,000 words in 150,000 words of
    news and tweets): an ``lru_cache`` of 16,384 words, read over that corpus three times,
    missed one look-up in six (one in sixteen are a word's first reading), and a miss costs
    more than the ``fn`` it spares.

    >>> keys = WordMemo(str.upper, limit=2)
    >>> list(map(keys.__getitem__, ["قال", "a", "a"])), len(keys)
    (['قال', 'A', 'A'], 2)
    """

    def __init__(self, fn: Callable[[str], Any], limit: int = 4 * WORD_MEMO_SIZE) -> None:
        super().__init__(fn)
        self.limit = limit
        _CLEARS.append(self.clear)

    def __missing__(self, word: str) -> Any:
        if len(self) >= self.limit:
            self.clear()
        return super().__missing__(word)
