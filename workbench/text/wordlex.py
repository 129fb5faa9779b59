"""Word lexicons over tokens: forms of one or more words, the first read with its proclitics.

:class:`FormIndex` is the core every token-level lexicon shares: entries filed under the
forms of their first word, and a token's key read through the proclitic table
(:mod:`workbench.text.clitics`) to find the entries it can begin. :class:`WordLexicon`
builds on it for the time words, month names, number words and quantity cues (a form's
payloads, the longest form at a token); the claim cue lexicon
(``workbench.claims.clauses.CueLexicon``) for cues with per-entry proclitics and pronoun
suffixes.

This is the other kind of matcher than :class:`workbench.text.lexmatch.Lexicon`, which
finds names anywhere in a folded text with one regex and no tokens: the readers of
numbers, dates and cues step token by token and need token indices and payloads.

>>> lex = WordLexicon([("ثلاثه", "3"), ("ثلاثه عشر", "13")])  # forms as matching keys
>>> from workbench.text.tokens import tokenize
>>> m = lex.match(tokenize("وثلاثة عشر", pieces=True), 0)
>>> m.end, m.payloads, m.pre
(2, ('13',), 'و')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

from ..resources import read_rows
from .clitics import stems
from .memo import WORD_MEMO_SIZE, word_dict
from .tokens import Token

E = TypeVar("E")


class FormIndex(Generic[E]):
    """Entries filed under the forms of their first word, looked up through a token key's
    proclitic readings (``reader``: :func:`~workbench.text.clitics.stems` or
    :func:`~workbench.text.clitics.proclitic_readings`; the bare stem is a reading's
    second item)."""

    def __init__(self, reader: Callable[[str], tuple[tuple[Any, ...], ...]]) -> None:
        self.reader = reader
        self._first: dict[str, list[E]] = {}

    def file(self, word: str, entry: E) -> None:
        """File ``entry`` under the first-word form ``word``."""
        self._first.setdefault(word, []).append(entry)

    def first_words(self) -> frozenset[str]:
        """The words a form can begin with (before clitics are considered)."""
        return frozenset(self._first)

    def readings(self, key: str) -> list[tuple[tuple[Any, ...], list[E]]]:
        """The readings of ``key`` whose stem begins a form, each with its entries, in
        reading order (the whole word first)."""
        first = self._first
        return [(r, first[r[1]]) for r in self.reader(key) if r[1] in first]


class Match(NamedTuple):
    """A lexicon match from token ``i`` up to (not including) token ``end``.

    A named tuple: built many times per document, and a tuple is built several times
    faster than a frozen dataclass.
    """

    end: int
    payloads: tuple[Any, ...]
    pre: str
    article: bool


class WordLexicon(FormIndex[tuple[tuple[str, ...], tuple[Any, ...]]]):
    """Forms (space-separated folded words) mapped to payloads, matched on token runs.

    The first word of a form may carry proclitics and the article (:func:`stems`); later
    words match exactly.
    """

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        super().__init__(stems)
        self.items: list[tuple[str, Any]] = list(items)
        self._memo: dict[str, tuple[Any, ...]] = word_dict()
        by_words: dict[tuple[str, ...], list[Any]] = {}
        for form, payload in self.items:
            by_words.setdefault(tuple(form.split()), []).append(payload)
        for words, payloads in by_words.items():
            self.file(words[0], (words, tuple(payloads)))
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def items_forms(self) -> list[str]:
        """The forms of the lexicon."""
        return [form for form, _ in self.items]

    def single(self, stem: str) -> tuple[Any, ...]:
        """Payloads of the one-word form ``stem`` (no clitic handling)."""
        for words, payloads in self._first.get(stem, ()):
            if len(words) == 1:
                return payloads
        return ()

    def candidates(self, word: str) -> tuple[Any, ...]:
        """The readings of ``word`` (see :func:`stems`) that begin a form, with the forms:
        (proclitics, stem, has_article, entries), remembered per word."""
        got = self._memo.get(word)
        if got is None:
            if len(self._memo) >= WORD_MEMO_SIZE:
                self._memo.clear()
            got = self._memo[word] = tuple(
                (pre, stem, article, entries) for (pre, stem, article), entries in self.readings(word)
            )
        return got

    def match(self, toks: list[Token], i: int, *, clitics: bool = True) -> Match | None:
        """The longest form starting at token ``i`` (None if none does)."""
        if i >= len(toks) or toks[i].kind != "word":
            return None
        word = toks[i].key
        if clitics:
            readings = self.candidates(word)
        else:
            entries = self._first.get(word)
            readings = (("", word, False, entries),) if entries else ()
        best: Match | None = None
        for pre, _, article, entries in readings:
            for words, payloads in entries:
                n = len(words)
                if i + n > len(toks):
                    continue
                if n == 1 or all(
                    toks[i + k].kind == "word" and toks[i + k].key == words[k] for k in range(1, n)
                ):
                    if best is None or i + n > best.end:
                        best = Match(i + n, payloads, pre, article)
                    break
        return best


def table_lexicon(name: str, *, form: str = "form", where: dict[str, str] | None = None) -> WordLexicon:
    """A :class:`WordLexicon` over a data table's ``form`` column, rows (as dicts) as payloads."""
    return _table_lexicon(name, form, tuple(sorted((where or {}).items())))


@cache
def _table_lexicon(name: str, form: str, where: tuple[tuple[str, str], ...]) -> WordLexicon:
    rows = [r for r in read_rows(name).records() if all(r[col] == val for col, val in where)]
    return WordLexicon([(row[form], row) for row in rows])
