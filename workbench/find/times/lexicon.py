"""The words the time grammar reads, the tokens it reads them from, and where to look.

The text is folded once (:func:`workbench.text.arabic.fold_positions`, digits made Western),
cut into tokens that keep their offsets, and one compiled regex over the folded text finds
the tokens a time expression can begin at; the grammar runs only there.

>>> toks = tokenize("وصلوا فجرَ الخميسِ ١٥/٣/٢٠١٤")
>>> [t.key for t in toks]
['وصلوا', 'فجر', 'الخميس', '15', '/', '3', '/', '2014']
>>> [(pre, stem) for pre, stem in readings("وبالامس")]
[('', 'وبالامس'), ('و', 'بالامس'), ('وب', 'الامس'), ('وبال', 'امس')]
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, partial
from itertools import accumulate, chain, compress
from typing import TYPE_CHECKING, NamedTuple

from ...resources import read_rows
from ...text.arabic import ARABIC_DIGITS, DIGIT_TRANSLATION, EXT_ARABIC_DIGITS, fold_positions
from ...text.clitics import clitic_forms
from ...text.memo import word_memo
from .dialect import dialect_rows

if TYPE_CHECKING:
    from ...text.lexmatch import FoldedText

WORDS_FILE = "find/time_words.csv"
MONTHS_FILE = "text/months.csv"  # the month lexicon times and quantities share
NUMBERS_FILE = "text/number_words.csv"  # the number words quantities read
_CARDINALS = ("unit", "teen_unit", "ten", "hundred", "scale", "dual_scale")  # a count begins with these

_TOKEN_RE = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_CONJ = "\u0648\u0641"  # WAW FEH: و ف
_PREP = "\u0628\u0644\u0643"  # BEH LAM KAF: ب ل ك
_ARTICLE = "\u0627\u0644"  # ALEF LAM: ال


class Token(NamedTuple):
    """A token of the folded text: its key and its offsets in the original text."""

    key: str
    start: int
    end: int
    kstart: int  # offset in the folded text

    @property
    def is_num(self) -> bool:
        return self.key.isdigit()


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (digit runs, letter runs, single other characters), keyed folded."""
    return fold_tokens(text)[0]


def fold_tokens(text: str) -> tuple[list[Token], str]:
    """The tokens of ``text`` and its folded key (digits Western)."""
    toks, key, _ = fold_text(text)
    return toks, key


def fold_text(text: str, folded: FoldedText | None = None) -> tuple[Tokens, str, list[int]]:
    """The tokens of ``text``, its folded key (digits Western) and the index in ``text`` of
    each key character (with one more entry, ``len(text)``, when read from ``folded``).

    ``folded`` (``workbench.text.lexmatch.fold(text)``) is the folding the other finders
    of the document read: the text is not folded again.

    Made without a Python step per token (the text's tokens are mostly no time word): one
    ``findall`` gives each token with the spaces before it, offsets are running sums of
    their lengths, and a token is built only when the grammar indexes it (:class:`Tokens`).
    """
    if folded is None:
        key, kept_array = fold_positions(text)
        kept = kept_array.tolist()  # list indexing is many times faster than numpy's per item
    else:
        key, kept = folded.key, folded.positions()
    if _FOREIGN_DIGIT_RE.search(key):
        key = key.translate(DIGIT_TRANSLATION)
    if _UPPER_LATIN_RE.search(key):  # 19 GMT: Latin words are matched in lower case
        key = key.translate(_LATIN_LOWER)
    pieces = list(chain.from_iterable(_SPACED_TOKEN_RE.findall(key)))  # space, token, ...
    offsets = list(accumulate(map(len, pieces)))
    keys, kstarts, kends = pieces[1::2], offsets[0::2], offsets[1::2]
    starts = map(kept.__getitem__, kstarts)
    ends = map(_PLUS_ONE, map(kept.__getitem__, map(_MINUS_ONE, kends)))
    if "#" in key:
        return _without_hashtag_marks(keys, list(starts), list(ends), kstarts, kends), key, kept
    toks = Tokens(columns=(keys, list(starts), list(ends), kstarts))
    return toks, key, kept


def _without_hashtag_marks(keys: list[str], starts: list[int], ends: list[int], kstarts: list[int],
                           kends: list[int]) -> Tokens:
    """The tokens without each # glued to the word after it: a tweet tags words of its
    sentence (أوائل #العام المقبل, #غدا) and the words stay what they say; the span of an
    expression still runs over the mark."""
    drop = {k for k, w in enumerate(keys)
            if w == "#" and k + 1 < len(keys) and kstarts[k + 1] == kends[k] and keys[k + 1][0].isalpha()}
    keep = [k for k in range(len(keys)) if k not in drop]
    kept_keys = [keys[k] for k in keep]
    return Tokens((_new_token((keys[k], starts[k], ends[k], kstarts[k])) for k in keep), keys=kept_keys)


_SPACED_TOKEN_RE = re.compile(rf"(\s*)({_TOKEN_RE.pattern})")
_FOREIGN_DIGIT_RE = re.compile(f"[{ARABIC_DIGITS}{EXT_ARABIC_DIGITS}]")  # what DIGIT_TRANSLATION maps
_UPPER_LATIN_RE = re.compile("[A-Z]")
_LATIN_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps every length
_PLUS_ONE, _MINUS_ONE = (1).__add__, (-1).__add__
_new_token = partial(tuple.__new__, Token)


class Tokens:
    """The tokens of one text and what the lexicon reads at each (:func:`lookup`): nothing
    for a token that is no entry's first word (most tokens), found in one pass; the others
    read when first asked (``None`` until then).

    ``maybe`` lists the tokens in :func:`_maybe_words` (found here by one set look-up
    each, in C, when not given), a superset of those with a reading or that may begin an
    expression: the rest have neither and are never looked at again.

    A sequence of :class:`Token`, indexed and sliced as a list. Made from ``columns`` (keys,
    starts, ends, key starts), a token is built when first indexed: the grammar reads the
    keys of most tokens and the offsets of few, and building every token cost a third of
    the finder's cut.
    """

    __slots__ = ("_cols", "_toks", "hits", "keys", "maybe")

    def __init__(self, tokens=(), *, keys: list[str] | None = None, maybe: list[int] | None = None,
                 columns: tuple[list[str], list[int], list[int], list[int]] | None = None) -> None:
        if columns is None:
            toks = list(tokens)
            if keys is None:
                keys = [t.key for t in toks]
        else:
            keys = columns[0]
            toks = [None] * len(keys)
        self._toks: list[Token | None] = toks
        self._cols = columns
        self.keys = keys
        hits: list[list[Hit] | None] = [_NO_HITS] * len(keys)
        if maybe is None:
            maybe = list(compress(range(len(keys)), map(_maybe_words().__contains__, keys)))
        for i in maybe:
            hits[i] = None  # read when asked: a token of the superset may have no reading
        self.maybe = maybe
        self.hits = hits

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i):
        if i.__class__ is slice:
            return list(map(self.__getitem__, range(*i.indices(len(self.keys)))))
        t = self._toks[i]
        if t is None:
            keys, starts, ends, kstarts = self._cols  # type: ignore[misc]
            t = self._toks[i] = _new_token((keys[i], starts[i], ends[i], kstarts[i]))
        return t

    def __iter__(self):
        return map(self.__getitem__, range(len(self.keys)))

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, Tokens) else other)

    __hash__ = None  # type: ignore[assignment]  # a mutable sequence, as a list

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


_NO_HITS: list[Hit] = []  # shared, never changed


# Not cached: _stem_entries, which remembers its words, is its one reader.
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """(proclitics, stem) readings of a folded word: و/ف, then ب/ل/ك, then ال taken off.
    لل is ل + ال (للعام → ل + العام)."""
    out = [("", word)]
    w, pre = word, ""
    if len(w) > 2 and w[0] in _CONJ:
        pre, w = w[0], w[1:]
        out.append((pre, w))
    if len(w) > 2 and w[0] in _PREP:
        if w.startswith("\u0644\u0644"):  # LAM LAM: لل
            out.append((pre + "\u0644", "\u0627" + w[1:]))
        pre, w = pre + w[0], w[1:]
        out.append((pre, w))
    if len(w) > 3 and w.startswith(_ARTICLE):
        out.append((pre + _ARTICLE, w[2:]))
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon row: the words of its form, its type, value and extra."""

    words: tuple[str, ...]
    type: str
    value: str
    extra: str


@cache
def _entries() -> dict[str, tuple[Entry, ...]]:
    """Entries by their first word: the time words, and the months as type ``month``
    (value = month number, extra = calendar:ambiguity)."""
    by_first: dict[str, list[Entry]] = {}
    rows = dict.fromkeys((row.form, row.type, row.value, row.extra) for row in read_rows(WORDS_FILE))
    rows.update(dict.fromkeys(dialect_rows()))  # the dialects' words, read as the standard ones
    for form, kind, value, extra in rows:
        words = tuple(form.split())
        by_first.setdefault(words[0], []).append(Entry(words, kind, value, extra))
    for row in read_rows(MONTHS_FILE):
        words = tuple(row.form.split())
        by_first.setdefault(words[0], []).append(
            Entry(words, "month", row.month, f"{row.calendar}:{row.ambiguous}"))
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_first.items()}


def forms_of(kind: str) -> frozenset[str]:
    """Every form of one type of time word, as the word list writes it.

    >>> "الاحد" in forms_of("weekday")
    True
    """
    return frozenset(" ".join(e.words) for es in _entries().values() for e in es if e.type == kind)


@cache
def longest_entry() -> int:
    """The most words any entry has (ثلاثة أرباع الساعة: three): how far one piece may run.

    >>> longest_entry() >= 3
    True
    """
    return max(len(e.words) for es in _entries().values() for e in es)


@cache
def demonstratives() -> frozenset[str]:
    """The words for "this" before a unit or a day: the forms of direction ``current`` without
    the article (هذا, هذه, the Gulf هذي of ``time_words.csv``, the Maghrebi and Levantine هاد of
    ``time_dialect.csv``), one home for what was a pair of literals.

    >>> sorted(demonstratives())
    ['هاد', 'هذا', 'هذه', 'هذي']
    """
    return frozenset(" ".join(e.words) for es in _entries().values() for e in es
                     if e.type == "direction" and e.value == "current" and not e.words[0].startswith("ال"))


@cache
def unit_forms(*values: str) -> frozenset[str]:
    """Every form of the units of time of the given values (month, year, ...).

    >>> sorted(unit_forms("month"))[:3]
    ['اشهر', 'الاشهر', 'الشهرين']
    """
    return frozenset(" ".join(e.words) for es in _entries().values() for e in es
                     if e.type == "unit" and e.value in values)


@cache
def weekday_values() -> dict[str, str]:
    """The weekday names with the article, each with its day (0 = Monday .. 6 = Sunday).

    >>> weekday_values()["الجمعه"], weekday_values()["الاتنين"]
    ('4', '0')
    """
    return {" ".join(e.words): e.value for es in _entries().values() for e in es
            if e.type == "weekday" and e.extra == "0"}


@cache
def month_by_one_slip(word: str) -> frozenset[str]:
    """The months (numbers as text) one of whose one-word names of five letters or more is
    ``word`` with one letter dropped, added or changed: a slip of the pen (يليو for يوليو,
    دسمبر for ديسمبر), read only where the month's other name follows and confirms it.

    >>> sorted(month_by_one_slip("يليو")), sorted(month_by_one_slip("دسمبر"))
    (['7'], ['12'])
    """
    if len(word) < 4 or not word.isalpha():
        return frozenset()
    return frozenset(e.value for es in _entries().values() for e in es
                     if e.type == "month" and len(e.words) == 1 and len(e.words[0]) >= 5
                     and _one_edit(word, e.words[0]))


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one letter dropped, added or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


class Hit(NamedTuple):
    """An entry read at a token: tokens ``[i, end)``, the proclitics on the first token."""

    end: int
    entry: Entry
    pre: str


def lookup(toks: list[Token], i: int) -> list[Hit]:
    """Every entry that reads at token ``i`` (longest first), under any clitic reading."""
    memo = getattr(toks, "hits", None)
    if i >= (len(memo) if memo is not None else len(toks)):  # a list's length: no Python call
        return []
    if memo is not None and i >= 0:
        hits = memo[i]
        if hits is None:
            hits = memo[i] = _lookup(toks, i)
        return hits
    return _lookup(toks, i)


def _lookup(toks: list[Token], i: int) -> list[Hit]:
    hits = []
    keys = getattr(toks, "keys", None)
    for n, pre, e in _ordered_entries(keys[i] if keys is not None else toks[i].key):
        if n == 1 or (i + n <= (len(keys) if keys is not None else len(toks)) and (
                # the words after the first compared as one slice of the keys
                tuple(keys[i + 1:i + n]) == e.words[1:] if keys is not None
                else all(toks[i + k].key == e.words[k] for k in range(1, n)))):
            hits.append(Hit(i + n, e, pre))
    return hits


@word_memo
def _ordered_entries(word: str) -> tuple[tuple[int, str, Entry], ...]:
    """(words, proclitics, entry) of :func:`_stem_entries`, longest first, fewest proclitics
    first among equals (a stable sort: the order :func:`lookup` gives its hits)."""
    return tuple(sorted(((len(e.words), pre, e) for pre, e in _stem_entries(word)),
                        key=lambda x: (-x[0], len(x[1]))))


@word_memo
def _stem_entries(word: str) -> tuple[tuple[str, Entry], ...]:
    """The entries whose first word a reading of ``word`` is, with the proclitics taken off."""
    table = _entries()
    return tuple((pre, e) for pre, stem in readings(word) for e in table.get(stem, ()))


def find(toks: list[Token], i: int, *types: str, pre_ok: bool = True) -> Hit | None:
    """The longest entry of one of ``types`` at token ``i`` (without proclitics unless
    ``pre_ok``)."""
    # The grammar asks this of most tokens many times over: the remembered readings are
    # read first, and a token with none (most) costs no more.
    try:
        hits = toks.hits[i] if i >= 0 else None  # type: ignore[attr-defined]
    except (AttributeError, IndexError):
        hits = None
    if hits is None:
        hits = lookup(toks, i)
    elif not hits:
        return None
    for h in hits:
        if h.entry.type in types and (pre_ok or not h.pre):
            return h
    return None


def any_within(toks: list[Token], lo: int, hi: int, types: frozenset[str]) -> bool:
    """Whether :func:`find` finds an entry of ``types`` at a token in ``[lo, hi)``: the
    words are tested by their keys, hits read only where a multi-word entry may be."""
    keys = getattr(toks, "keys", None)
    if keys is None:
        return any(find(toks, k, *types) is not None for k in range(lo, min(hi, len(toks))))
    marks = list(map(_type_marks(types), keys[lo:hi]))
    return 1 in marks or any(find(toks, lo + o, *types) is not None
                             for o, m in enumerate(marks) if m == 2)


@cache
def _type_marks(types: frozenset[str]):
    """For a word: 1 when an entry of ``types`` reads at it alone, 2 when one may with the
    words after it, else 0."""

    @word_memo
    def mark(word: str) -> int:
        found = {n == 1 for n, _, e in _ordered_entries(word) if e.type in types}
        return 1 if True in found else 2 if found else 0

    return mark


def keys_between(toks: list[Token], i: int, j: int) -> list[str]:
    """The keys of tokens ``[i, j)``, as ``[t.key for t in toks[i:j]]`` without building the
    tokens of a :class:`Tokens` (a number in words is read from its keys alone).

    >>> keys_between(tokenize("منذ ثلاثة أيام"), 1, 3)
    ['ثلاثه', 'ايام']
    """
    keys = getattr(toks, "keys", None)
    return keys[i:j] if keys is not None else [t.key for t in toks[i:j]]


def key(toks: list[Token], i: int) -> str:
    """The key of token ``i``, ``""`` outside the text (the rules ask past its ends)."""
    if i < 0:
        return ""
    try:
        return toks.keys[i]  # type: ignore[attr-defined]  # a Tokens: its list of keys
    except IndexError:
        return ""
    except AttributeError:
        return toks[i].key if i < len(toks) else ""


@cache
def number_starts() -> frozenset[str]:
    """The words a cardinal can begin with (ست ساعات, ثلاثة أشهر), from the number lexicon."""
    return frozenset(row.form for row in read_rows(NUMBERS_FILE) if row.type in _CARDINALS)


@cache
def starter_re() -> re.Pattern[str]:
    """One regex over the folded text for the places an expression may begin: a digit, or
    the first word of an entry or of a cardinal (with proclitics and the article, as lookup
    reads them) followed by a non-letter.
    Digits may follow a letter: tweets glue them on (وتاريخها27 مارس2020)."""
    firsts = set(_entries()) | number_starts()
    alt = "|".join(sorted((re.escape(w) for w in firsts), key=len, reverse=True))
    return re.compile(
        rf"(?<![0-9])[0-9]|(?<![^\W\d_])[{_CONJ}]?(?:\u0644\u0644|[{_PREP}])?(?:{_ARTICLE})?(?:{alt})(?![^\W\d_])")


def candidates(toks: list[Token], folded: str) -> list[int]:
    """Indices of the tokens where an expression may begin: the tokens :func:`starter_re`
    matches at in ``folded`` (a digit run, or a word that is the first word of an entry or
    of a cardinal under its proclitics), worth reading when a core word follows within
    ``_REACH`` tokens.

    The test is made per token, not by running the regex: a match of the regex begins at a
    token's start and, as its words are letters only, covers that whole letter token.
    """
    if not isinstance(toks, Tokens):
        toks = Tokens(toks)
    keys = toks.keys
    # Only a token with a reading, a number or a gap (…) may be either; the others are
    # not tested one by one.
    ahead = set(toks.maybe).union(compress(range(len(keys)), map(str.isdigit, keys)))
    if "\u2026" in folded:
        ahead.update(k for k, w in enumerate(keys) if w == "\u2026")
    ahead_sorted = sorted(ahead)
    core = {k: _core_word(keys[k]) for k in ahead_sorted}
    cores = [k for k in ahead_sorted
             if core[k] == 1 or (core[k] and any(_is_core(h.entry) for h in lookup(toks, k)))]
    out = []
    for i in (k for k in ahead_sorted if _starts_expression(keys[k])):
        j = bisect_left(cores, i)  # the first core token at or after i
        if j < len(cores) and cores[j] <= i + _REACH:
            out.append(i)
    return out


@word_memo
def _core_word(word: str) -> int:
    """1 when a token ``word`` says a time by itself (a word of ``_CORE``; a number, or one
    lost in the source (…), that may have been a year); 2 when it does if the words after
    it complete an entry of ``_CORE``; else 0."""
    if word.isdigit() or word == "\u2026":
        return 1
    found = {n == 1 for n, _, e in _ordered_entries(word) if _is_core(e)}
    return 1 if True in found else 2 if found else 0


def _is_core(entry: Entry) -> bool:
    """An entry that says a time by itself: a type of ``_CORE``, or الحالي/الجاري, which
    name this month after a day (الثالث الحالي, في 5 الجاري)."""
    return entry.type in _CORE or (entry.type == "direction" and entry.value == "current")


@word_memo
def _starts_expression(word: str) -> bool:
    """Whether :func:`starter_re` matches at the start of a token ``word``: a digit run, or
    [و|ف][لل|ب|ل|ك][ال] + the first word of an entry or of a cardinal, the whole token."""
    if word[0] in "0123456789":
        return True
    firsts = _firsts()
    rests = [word]
    if word[0] in _CONJ:
        rests.append(word[1:])
    for r in list(rests):
        if r.startswith("\u0644\u0644"):  # LAM LAM: لل
            rests.append(r[2:])
        if r and r[0] in _PREP:
            rests.append(r[1:])
    # the article taken off as :func:`readings` takes it (الظهر read as ظهر)
    rests += [r[2:] for r in rests if r.startswith(_ARTICLE)]
    return any(r in firsts for r in rests)


@cache
def _firsts() -> frozenset[str]:
    return frozenset(_entries()) | number_starts()


@cache
def _maybe_words() -> frozenset[str]:
    """The first words of entries and cardinals under every proclitic and the article
    (:func:`workbench.text.clitics.clitic_forms`): every token :func:`readings` or
    :func:`_starts_expression` finds one in is among them (their length limits left out,
    so a few more)."""
    return clitic_forms(_firsts())


# What says a time by itself; a word of the other types (من, قبل, هذا, حوالي, ست, الثالث)
# begins an expression only when one of these follows within _REACH tokens.
_CORE = frozenset({"weekday", "relative_day", "month", "month_word", "week_word", "year_word",
                   "unit", "daypart", "clock_word", "clock_hour", "vague", "holiday", "now",
                   "event_day", "season", "anniversary", "timezone", "quarter_word", "hour_part",
                   "decade"})
_REACH = 8  # من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر
