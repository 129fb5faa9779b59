"""Lexicon matching over Arabic text: one compiled pattern, proclitics, word boundaries.

A :class:`Lexicon` compiles its keys (already in :func:`workbench.text.arabic.match_key`
form) into one trie-shaped regular expression and scans the folded text once, so the
cost does not grow with the number of entries. A key matches only as whole words, and
may carry the proclitics و ف (and) and ب ل ك (in, to, like) — alone or combined, as in
وب، ول، فب — in front of it; ``ل`` + ``ال`` contracts to ``لل`` (للموصل = ل + الموصل).
Reported spans leave the proclitic out, so they point at the name itself; in the
contracted form the span starts at the article's remaining ``ل``. The proclitics are those
of :mod:`workbench.text.clitics`.

A multi-word key also matches with the space after a word dropped where that word ends
in a letter that does not join the next (ا د ذ ر ز و ة ى ...): the gap is invisible
there and writers often leave it out (ديرالزور for دير الزور, ابوكمال for ابو كمال).
Folding merges ة with ه and ى with ي, which do join: a glued match at one of them holds
only where the original letter is the non-joining one.

This matcher is for names (places, actors), which may run over several words and are
found anywhere in a long text: one regex over the folded text, no tokens. The other
matcher, :class:`workbench.text.wordlex.WordLexicon`, reads forms over tokens, where the
finders of times, numbers and claim cues need token indices and per-entry payloads.

>>> lex = Lexicon(["الموصل", "صلاح الدين", "بغداد"])
>>> text = "من بغداد إلى للموصل وبصلاح الدين"
>>> [(text[m.start:m.end], m.key, m.proclitic) for m in lex.finditer(text)]
[('بغداد', 'بغداد', ''), ('لموصل', 'الموصل', 'ل'), ('صلاح الدين', 'صلاح الدين', 'وب')]
>>> [m.key for m in Lexicon(["دير الزور"]).finditer("في ريف ديرالزور")]
['دير الزور']
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple, TypeVar

import numpy as np

from ..cache import cached, compile_pattern
from .arabic import fold_positions, is_arabic_letter, joins_next, match_key
from .clitics import ARTICLE, CONJUNCTION_CLASS, LAM, PREPOSITION_CLASS

# Whitespace allowed between the words of a multi-word key.
_SPACE = r"[ \t\n\r\u00a0]+"
# ... and after a word ending in a letter that does not join the next, where the space
# is invisible and often left out.
_GLUE_SPACE = r"[ \t\n\r\u00a0]*"


def _glue_letters() -> tuple[frozenset[str], frozenset[str]]:
    """Key letters after which a space may be dropped, and those of them that folding also
    makes of a joining letter (ة → ه, ى → ي), so the original letter must be checked."""
    letters = [chr(c) for c in range(0x0621, 0x064B) if is_arabic_letter(chr(c))]
    loose = {match_key(c) for c in letters if not joins_next(c)}
    joining = {match_key(c) for c in letters if joins_next(c)}
    return frozenset(loose), frozenset(loose & joining)


_GLUE, _GLUE_CHECK = _glue_letters()


class LexMatch(NamedTuple):
    """One lexicon hit: offsets into the original text, the key, the proclitic dropped.

    A named tuple rather than a frozen dataclass: a text has a hit every few words, and
    a tuple is built several times faster (attribute access is as fast).
    """

    start: int
    end: int
    key: str
    proclitic: str
    key_start: int
    key_end: int


_T = TypeVar("_T")


@dataclass(frozen=True)
class FoldedText:
    """Text with its matching key and, for each key character, its original index.

    ``index`` has one extra entry (``len(text)``) so a key end maps to an original end
    that takes in any diacritics following the last letter. ``memo`` holds views derived
    from it (tokens, lexicon matches) so the finders run on one text compute them once.

    >>> f = fold("هجومًا")
    >>> f.key, f.span(0, len(f.key))
    ('هجوما', (0, 6))
    """

    text: str
    key: str
    index: np.ndarray
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def span(self, key_start: int, key_end: int) -> tuple[int, int]:
        """Original (start, end) of the key slice ``[key_start, key_end)``."""
        return int(self.index[key_start]), int(self.index[key_end])

    def remembered(self, name: str, make: Callable[[], _T]) -> _T:
        """``make()`` computed once for this text and kept in ``memo`` under ``name``: a view
        several stages read (its words, its event triggers) is not computed again.

        >>> f = fold("قتل مدنيان")
        >>> f.remembered("n", lambda: 2), f.remembered("n", lambda: 3)
        (2, 2)
        """
        got = self.memo.get(name)
        if got is None:
            got = self.memo[name] = make()
        return got

    def positions(self) -> list[int]:
        """``index`` as a list of ints (cached), for per-character lookups in Python."""
        got = self.memo.get("positions")
        if got is None:
            got = self.memo["positions"] = self.index.tolist()
        return got


def fold(text: str) -> FoldedText:
    """Fold ``text`` with :func:`match_key` and keep the offset map back to it.

    Vectorised (``str.translate`` plus one numpy pass), so it scales to long documents.
    The last few texts folded are remembered: the stages of ``analyze`` each fold the
    same clean text (the mentions, then the tolls of the events), and share its folding
    and the views in its ``memo`` (its tokens) instead of computing them again.
    """
    got = _RECENT.get(text)
    if got is not None:
        return got
    key, kept = fold_positions(text)
    # The offset map with its extra end entry, written into one array: most texts folded
    # are short (the words of a number), where np.append's copies cost more than the fold.
    index = np.empty(len(kept) + 1, dtype=np.int64)
    index[:-1] = kept
    index[-1] = len(text)
    folded = FoldedText(text, key, index)
    if len(text) >= _RECENT_MIN_CHARS:
        with _RECENT_LOCK:  # documents analysed in threads (Dask's threaded scheduler)
            while len(_RECENT) >= _RECENT_SIZE:
                _RECENT.pop(next(iter(_RECENT)))  # the oldest
            _RECENT[text] = folded
    return folded


def recent_folding(text: str) -> FoldedText | None:
    """The folding of ``text`` if :func:`fold` made it lately (a document's mentions), else
    None, without folding it: a later stage reads the views the finders left in its
    ``memo`` (``recent_folding(fold(doc).text)`` is ``fold(doc)`` for a document's text).
    """
    return _RECENT.get(text)


# Texts folded last, oldest first: a document's stages run one after the other. Short
# texts (the words of a number, a clause) are cheap to fold and many: they are not kept,
# so they never push the document out.
_RECENT: dict[str, FoldedText] = {}
_RECENT_LOCK = threading.Lock()
_RECENT_SIZE = 4
_RECENT_MIN_CHARS = 500


def _trie_pattern(keys: Iterable[str], glued: bool = False) -> str:
    """A regex matching exactly ``keys``, shaped as a trie, longest alternative first;
    ``glued``: the space after a non-joining letter may be missing."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict, prev: str = "", run: int = 0) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                # Not after a one-letter word: initials are written apart (ا ب, not اب).
                atom = _GLUE_SPACE if glued and prev in _GLUE and run >= 2 else _SPACE
            else:
                atom = re.escape(ch)
            branches.append(atom + emit(node[ch], ch, 0 if ch == " " else run + 1))
        if not branches:
            return ""
        if end:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def _lexicon_pattern(keys: list[str], contracted: list[str], proclitics: bool, glued: bool) -> str:
    """The pattern of a :class:`Lexicon`: its keys (and, with proclitics, the contracted
    forms after LAM) as whole words, proclitics in named groups. Kept in the disk cache
    with the rest of the lexicon's state (``_lexicon_state``)."""
    main = _trie_pattern(keys, glued)
    if proclitics:
        pieces = []
        if contracted:
            lam = _trie_pattern(contracted, glued)
            pieces.append(f"(?P<lp>[{CONJUNCTION_CLASS}]?{LAM})(?P<lk>{lam})")
        pieces.append(f"(?P<p>[{CONJUNCTION_CLASS}]??[{PREPOSITION_CLASS}]??)(?P<k>{main})")
        body = "(?:" + "|".join(pieces) + ")"
    else:
        body = f"(?P<k>{main})"
    return rf"(?<!\w){body}(?!\w)"


# What the pattern is made of besides the keys: a change to any of them is a new pattern.
_PATTERN_SOURCES = (_SPACE, _GLUE_SPACE, "".join(sorted(_GLUE)), CONJUNCTION_CLASS,
                    PREPOSITION_CLASS, LAM)


# Bump when the pattern ``_lexicon_pattern`` writes changes for the same keys.
_PATTERN_VERSION = "3"


def _contracted(key: str) -> str | None:
    """The form a key with the article takes after the preposition LAM (الموصل → لموصل)."""
    if not key.startswith(ARTICLE) or len(key) < 4:
        return None
    rest = key[2:]
    # ل + اللاذقية is written للاذقية: the article's LAM merges with the name's own.
    return rest if rest.startswith(LAM) else LAM + rest


# Bump when what ``_lexicon_state`` returns changes for the same keys.
_STATE_VERSION = "1"


def _lexicon_state(uniq: list[str], proclitics: bool, glued: bool) -> tuple:
    """What a :class:`Lexicon` derives from its sorted distinct keys: the keys, the
    contracted forms after LAM, the one-word and the spaced forms, the glued forms and
    the pattern. Raises ``ValueError`` on a key that is not a matching key."""
    bad = [k for k in uniq if match_key(k) != k or "  " in k or k != k.strip()]
    if bad:
        raise ValueError(f"lexicon keys are not normalised: {bad[:5]}")
    contract: dict[str, str] = {}
    for k in uniq:
        c = _contracted(k)
        if c is not None:
            contract.setdefault(c, k)
    plain = [k for k in (*uniq, *contract) if not _SPACES.search(k)]
    spaced = sorted({k for k in (*uniq, *contract) if " " in k})
    unglue: dict[str, str] = {}
    if glued:
        for k in spaced:
            unglue.setdefault(_glue(k), k)
    pattern = _lexicon_pattern(uniq, sorted(contract), proclitics, glued)
    return list(uniq), contract, plain, spaced, unglue, pattern


class Lexicon:
    """Keys compiled once into one regex; :meth:`finditer` scans folded text in one pass.

    Keys must already be matching keys (``match_key(k) == k``), words separated by one
    space. With ``proclitics=False`` only bare words match; keys in ``bare`` never take a
    proclitic (لاد, a town, must not be read in بلاد "country"). With ``glued`` (the default)
    a multi-word key also matches with a space dropped after a non-joining letter.

    >>> Lexicon(["كركوك"]).keys
    ('كركوك',)
    >>> [m.proclitic for m in Lexicon(["كركوك"]).finditer("فكركوك وكركوكي")]
    ['ف']
    """

    def __init__(
        self, keys: Iterable[str], *, proclitics: bool = True, bare: Iterable[str] = (),
        glued: bool = True,
    ) -> None:
        given = [k for k in keys if k]
        # Sorted and distinct already (the gazetteer's keys) is checked in one pass: sorting
        # tens of thousands of keys again costs more than the rest of reading them back.
        uniq = given if all(a < b for a, b in pairwise(given)) else sorted(set(given))
        self._bare = frozenset(bare)
        # What the keys imply is kept in the disk cache (workbench.cache) by a hash of the
        # keys and of what the pattern is made of: checking, contracting and gluing tens of
        # thousands of keys and building their trie costs a tenth of a second a process,
        # reading the result back a few milliseconds.
        keys_t, contract, plain, spaced, unglue, pattern = cached(
            "lexicon", [_STATE_VERSION, _PATTERN_VERSION, *_PATTERN_SOURCES, str(proclitics),
                        str(glued), "\n".join(uniq)],
            lambda: _lexicon_state(uniq, proclitics, glued))
        self.keys: tuple[str, ...] = tuple(keys_t)
        self._contract: dict[str, str] = contract
        # One-word keys and contracted forms: a match of one is already its key, with no
        # run of spaces to normalise (most hits; spares a regex substitution each).
        self._plain = frozenset(plain)
        # A glued form (no space after a non-joining letter) back to its key or contracted
        # form; a form that is itself a key (عبدالله beside عبد الله) reads as that key.
        self._spaced = frozenset(spaced)
        self._unglue: dict[str, str] = unglue
        self._proclitics = proclitics
        self._lam = proclitics and bool(self._contract)  # the pattern has the lp/lk branch
        self._regex = compile_pattern(pattern)

    def finditer_folded(self, folded: FoldedText) -> Iterator[LexMatch]:
        """Matches in an already folded text (fold once, scan with several lexicons)."""
        # The offset map as a list when the text was tokenised (find_mentions): cheaper
        # than a numpy lookup per match; alone, one lookup per match beats converting it.
        where = folded.memo.get("positions")
        plain = self._plain
        for m in self._regex.finditer(folded.key):
            lam = m.group("lk") if self._lam else None
            if lam is not None:
                ks, ke = m.span("lk")
                form = lam if lam in plain else self._form(folded, lam, ks)
                if form is None:
                    continue
                key = self._contract[form]
                proclitic = m.group("lp")
            else:
                ks, ke = m.span("k")
                key = m.group("k")
                if key not in plain:
                    key = self._form(folded, key, ks)
                    if key is None:
                        continue
                proclitic = (m.group("p") or "") if self._proclitics else ""
            if proclitic and key in self._bare:
                continue
            if where is None:
                start, end = folded.span(ks, ke)
            else:
                start, end = where[ks], where[ke]
            yield LexMatch(start, end, key, proclitic, ks, ke)

    def _form(self, folded: FoldedText, found: str, at: int) -> str | None:
        """The key (or contracted form) a multi-word match ``found`` at key offset ``at``
        reads as, or None when a glued boundary is at ه or ي written as such (they join:
        مدينهالموصل would show its missing space, مدينةالموصل does not)."""
        form = _SPACES.sub(" ", found)
        if form in self._spaced or form in self._plain:
            return form
        form = self._unglue.get(_glue(form))
        if form is None:
            return None
        where = folded.positions() if "positions" in folded.memo else None
        i = 0
        for ch in form:  # walk the key's form against the text found
            if ch == " ":
                if found[i] in _BLANKS:
                    while found[i] in _BLANKS:
                        i += 1
                elif found[i - 1] in _GLUE_CHECK:
                    k = at + i - 1
                    pos = where[k] if where is not None else int(folded.index[k])
                    if joins_next(folded.text[pos]):
                        return None
                continue
            i += 1
        return form

    def matches(self, folded: FoldedText) -> list[LexMatch]:
        """All matches in ``folded`` as a list, computed once per folded text and lexicon."""
        got = folded.memo.get(self)
        if got is None:
            got = folded.memo[self] = list(self.finditer_folded(folded))
        return got

    def finditer(self, text: str) -> Iterator[LexMatch]:
        """Matches of the keys in ``text``, left to right, longest at each position."""
        return self.finditer_folded(fold(text))


_SPACES = re.compile(_SPACE)
_GLUE_RE = re.compile(f"(?<=\\w[{''.join(sorted(_GLUE))}]) (?=\\w\\w)")


def _glue(form: str) -> str:
    """``form`` with every space after a non-joining letter dropped (دير الزور → ديرالزور),
    where the words on both sides have two letters or more."""
    return _GLUE_RE.sub("", form)

_WORD = re.compile(r"\w+")
_BLANKS = " \t\n\r\u00a0"


def word_before(key: str, pos: int) -> str:
    """The word ending just before ``pos`` (spaces skipped), or "" after punctuation.

    >>> word_before("قال وزير الخارجية", 9)
    'وزير'
    """
    j = pos
    while j > 0 and key[j - 1] in _BLANKS:
        j -= 1
    i = j
    while i > 0 and (key[i - 1].isalnum() or key[i - 1] == "_"):
        i -= 1
    return key[i:j]


def word_after(key: str, pos: int) -> tuple[str, int, int]:
    """The word starting after ``pos`` when only spaces come between, with its span.

    >>> word_after("القوات العراقية", 6)
    ('العراقية', 7, 15)
    """
    m = _WORD.search(key, pos)
    if not m or key[pos:m.start()].strip(_BLANKS):
        return "", pos, pos
    return m.group(), m.start(), m.end()
