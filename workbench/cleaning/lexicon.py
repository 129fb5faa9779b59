"""How Arabic-like a token is: the evidence behind every repair ``clean`` makes.

Word scores come from wordfreq's Arabic unigram list (it ships offline): ``log10 P(w)``
for a known word, a floor for an unknown one. Repairs compare candidate texts by the
sum of their words' scores, so a join is worth making when the joined word is far
likelier than its pieces:

>>> round(join_gain("أ", "كثر"), 1)
5.9
>>> round(join_gain("في", "ما"), 1)
0.2

Keys drop diacritics, tatweel and edge punctuation; the text itself is never changed here.
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from ..cache import Shards, cached_shards, model_loader
from ..resources import data_path, read_rows
from ..text.arabic import DIACRITICS_RE, TATWEEL, match_key
from ..text.memo import word_memo

# Letters (Arabic block letters, Latin, digits) as opposed to punctuation around a word.
_WORD_CHARS = "\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3\u06f0-\u06f9\u0660-\u0669A-Za-z0-9"
_EDGE_PUNCT_RE = re.compile(f"^[^{_WORD_CHARS}]+|[^{_WORD_CHARS}]+$")
ARABIC_WORD_RE = re.compile("^[\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3]+$")
_SLASH_SPLIT_RE = re.compile("[/\u2013\u2014-]")  # SOLIDUS, EN DASH, EM DASH, HYPHEN-MINUS

# log10 P(w) given to a word the list does not know: the list stops at Zipf 1.5, and a
# word below that is as good as unseen.
UNKNOWN_LOGP = -9.0
# A merged word must be at least this frequent (zipf) to count as a real word.
MIN_JOIN_ZIPF = 1.5
LEXICON_FILE = "cleaning/clean_lexicon.tsv.gz"


@model_loader
def _lexicon() -> tuple[Shards[float], Shards[list[str]]]:
    """The shipped word list (about 320k keys), loaded once: matching key → ``log10 P``,
    and the keys for prefix look-ups (:func:`_group_by_start`).

    The list (``clean_lexicon.tsv.gz``) is wordfreq's Arabic list folded by matching key,
    built by ``scripts/build_clean_lexicon.py``. Parsing it takes a third of a second;
    both are kept in the disk cache (:mod:`workbench.cache`), keyed by the file's hash,
    as shards decoded when first looked in (a document asks for a few thousand keys).
    """
    path = data_path(LEXICON_FILE)
    parsed: dict[str, dict[str, float]] = {}  # the file parsed once for both, when built

    def parse() -> dict[str, float]:
        if "words" not in parsed:
            parsed["words"] = _parse_frequencies(path)
        return parsed["words"]

    words = cached_shards("clean-lexicon", [_BUILD_VERSION, path], parse, _SHARDS)
    groups = cached_shards("clean-lexicon-prefixes", [_BUILD_VERSION, path],
                           lambda: _group_by_start(parse()), _GROUP_SHARDS)
    parsed.clear()  # a damaged file found later is built from the file again
    return words, groups


def _frequencies() -> Shards[float]:
    """Matching key → ``log10 P`` (:func:`_lexicon`)."""
    return _lexicon()[0]


# Bump when ``_parse_frequencies`` or ``_group_by_start`` change what they make of the file.
_BUILD_VERSION = "3"
# About twenty keys a shard: the first document decodes a tenth of the list.
_SHARDS = 1 << 14
_GROUP_SHARDS = 1 << 10  # of some 2700 groups of keys by their first two letters


def _parse_frequencies(path: Path) -> dict[str, float]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1
    out: dict[str, float] = {}
    for line in lines[start:]:
        key, _, zipf = line.partition("\t")
        if zipf:
            out[key] = int(zipf) / 100.0 - 9.0
    return out


# Tokens repeat: the per-token tests below are cached, as a pure function of the token.


@word_memo
def core(token: str) -> str:
    """The word inside a token: no edge punctuation, tatweel or diacritics. Tatweel goes
    first: punctuation behind it (``ا¡ـ``) is at the edge of the word the kashida stage
    leaves, and the word is the same with tatweel or without.

    >>> core("(الأنبــار،"), core("ا¡ـ")
    ('الأنبار', 'ا')
    """
    if TATWEEL in token:
        token = token.replace(TATWEEL, "")
    return DIACRITICS_RE.sub("", _EDGE_PUNCT_RE.sub("", token))


@word_memo
def word_logp(word: str) -> float:
    """``log10 P(word)`` from wordfreq's Arabic list; ``UNKNOWN_LOGP`` when unknown.

    Looked up by matching key, so a variant spelling of a known word (bare alef for
    hamza) counts as known.

    >>> word_logp("أكثر") > word_logp("كثر") > UNKNOWN_LOGP
    True
    """
    w = core(word)
    if not w:
        return 0.0
    return _frequencies().get(match_key(w), UNKNOWN_LOGP)


@word_memo  # asked of every token by most stages: one lookup rather than three
def is_known(word: str) -> bool:
    """True if the word (inside punctuation, without tatweel/diacritics) is in the list;
    a token with no word inside counts as known, as its ``word_logp`` of 0 says."""
    return not core(word) or is_known_key(word_key(word))


@word_memo
def word_key(token: str) -> str:
    """Matching key of the word in a token: ``match_key(core(token))``."""
    return match_key(core(token))


def is_known_joined(cores: Sequence[str], keys: Sequence[str]) -> bool:
    """``is_known`` of tokens written as one word, from each token's ``core`` and ``word_key``.

    Only for tokens that meet at letters, marks or tatweel (``joinable_left`` of the one
    before, ``joinable_right`` of the one after). Then edge punctuation can only stand
    at the outer ends, and tatweel, diacritics and matching keys go character by
    character: the core and key of the joined word are the joins of the tokens' own.
    Repairs try many joins of the same tokens, so this spares deriving a key for each.

    >>> tokens = ["أ", "كثر"]
    >>> is_known_joined([core(t) for t in tokens], [word_key(t) for t in tokens]) == is_known("أكثر")
    True
    """
    if not "".join(cores):
        return True  # no word inside, as is_known says
    return is_known_key("".join(keys))


def is_known_key(key: str) -> bool:
    """True if a matching key is a word of the list (``is_known`` of a word with that key).

    >>> is_known_key(word_key("أكثر")), is_known_key(word_key("وازدي"))
    (True, False)
    """
    return _frequencies().get(key, UNKNOWN_LOGP) >= MIN_JOIN_ZIPF - 9.0


def are_known_keys(keys: Iterable[str]) -> list[bool]:
    """:func:`is_known_key` of each of ``keys``, looked up in one pass (a repair tests the
    joins of thousands of pairs of tokens, most of them no word).

    >>> are_known_keys([word_key("أكثر"), word_key("وازدي")])
    [True, False]
    """
    get = _frequencies().lookup()
    least = MIN_JOIN_ZIPF - 9.0
    return [get(key, UNKNOWN_LOGP) >= least for key in keys]


def _group_by_start(keys: Iterable[str]) -> dict[str, list[str]]:
    """Sorted keys by their first two letters, and under ``""`` the sorted first letters:
    a prefix is looked for in its group alone.

    >>> _group_by_start(["من", "منذ", "م", "في"])
    {'': ['ف', 'م'], 'في': ['في'], 'من': ['من', 'منذ']}
    """
    keys = list(keys)
    groups: dict[str, list[str]] = {"": sorted({k[0] for k in keys if k})}
    for key in sorted(k for k in keys if len(k) >= 2):
        groups.setdefault(key[:2], []).append(key)
    return groups


@word_memo
def is_key_prefix(prefix: str) -> bool:
    """True if some matching key of the list starts with ``prefix`` (a word may follow).

    >>> is_key_prefix(word_key("أك")), is_key_prefix(word_key("أكثرزز"))
    (True, False)
    """
    keys = _lexicon()[1].get(prefix[:2] if len(prefix) >= 2 else "", ())
    at = bisect.bisect_left(keys, prefix)
    return at < len(keys) and keys[at].startswith(prefix)


def warm_up() -> None:
    """Decode the whole word list now (before ``workbench run`` forks its workers)."""
    for shards in _lexicon():
        shards.load_all()


@word_memo
def token_logp(token: str) -> float:
    """Score of one token as it stands: its word's log-probability (0 for non-words).

    Parts joined by ``/`` or a dash (``أبريل/نيسان``) are scored separately.
    """
    w = core(token)
    if not w or not ARABIC_WORD_RE.match(w):
        return 0.0
    parts = [p for p in _SLASH_SPLIT_RE.split(w) if p]
    return sum(word_logp(p) for p in parts) if len(parts) > 1 else word_logp(w)


def joinable_left(token: str) -> bool:
    """A token whose end can continue into the next token (ends in a letter, mark or tatweel)."""
    return bool(token) and ARABIC_WORD_RE.match(token[-1]) is not None


def joinable_right(token: str) -> bool:
    """A token whose start can continue the previous token (starts with a letter, mark or tatweel)."""
    return bool(token) and ARABIC_WORD_RE.match(token[0]) is not None


def join_gain(left: str, right: str) -> float:
    """How much likelier the text is with ``left`` and ``right`` as one word (log10).

    ``-inf`` when they cannot join (punctuation between) or the joined word is unknown.
    Tatweel at the joining edges is the strongest evidence of a split: a word never
    starts or ends with it, so each such edge adds ``TATWEEL_EDGE_BONUS``.
    """
    if not (joinable_left(left) and joinable_right(right)):
        return -math.inf
    merged = left + right
    if not is_known(merged):
        return -math.inf
    gain = token_logp(merged) - token_logp(left) - token_logp(right)
    return gain + tatweel_edges(left, right)


TATWEEL_EDGE_BONUS = 4.0


def tatweel_edges(left: str, right: str) -> float:
    """Bonus for tatweel at the seam of a join (``المصال`` + ``ــح``)."""
    bonus = 0.0
    if left.endswith(TATWEEL) and has_edge_tatweel(left):
        bonus += TATWEEL_EDGE_BONUS
    if right.startswith(TATWEEL):
        bonus += TATWEEL_EDGE_BONUS
    return bonus


# A proclitic written apart with tatweel before a name or number (لـ COVID19, بـ 2020).
# WAW, FEH, BEH, LAM, KAF, SEEN, ALEF: letters of the proclitics (و ف ب ل ك س ال).
_PROCLITIC_TATWEEL_RE = re.compile(f"^[\u0648\u0641\u0628\u0644\u0643\u0633\u0627]{{1,3}}{TATWEEL}+$")


def is_proclitic_tatweel(token: str) -> bool:
    """A proclitic written apart with tatweel (``لـ``, ``الـ``), as before a foreign name.

    >>> is_proclitic_tatweel("لـ"), is_proclitic_tatweel("ــذ")
    (True, False)
    """
    return _PROCLITIC_TATWEEL_RE.match(_EDGE_PUNCT_RE.sub("", token)) is not None


@word_memo
def has_edge_tatweel(token: str) -> bool:
    """True for a token that starts or ends with tatweel (real words never do).

    A lone proclitic with tatweel (``لـ``, written before a foreign name) is a word.

    >>> [has_edge_tatweel(t) for t in ("ــوبر", "فقــط", "لـ", "الـ")]
    [True, False, False, False]
    """
    if is_proclitic_tatweel(token):
        return False
    w = _EDGE_PUNCT_RE.sub("", token)
    return w.startswith(TATWEEL) or w.endswith(TATWEEL)


@word_memo
def is_fragment(token: str) -> bool:
    """An Arabic token that is not a word on its own: unknown, or a lone letter.

    >>> is_fragment("أ"), is_fragment("وازدي"), is_fragment("تقارير")
    (True, True, False)
    """
    w = core(token)
    if not w or not ARABIC_WORD_RE.match(w):
        return False
    return (len(w) == 1 and w not in _standalone_letters()) or not is_known(w)


@cache
def _standalone_letters() -> frozenset[str]:
    """One-letter words written apart (the conjunction WAW in some styles)."""
    return frozenset(cue for cue, role in _cues() if role == "standalone_letter")


@cache
def era_marks() -> frozenset[str]:
    """The one-letter era marks written after a year (``38 ه``, ``1990 م``), from the time
    grammar's word list: a lone letter that is a word where a number stands before it.

    >>> sorted(era_marks())
    ['م', 'ه']
    """
    return frozenset(row.form for row in read_rows("find/time_words.csv")
                     if row.type == "era" and len(row.form) == 1)


@cache
def _cues() -> tuple[tuple[str, str], ...]:
    return tuple((row.cue, row.role) for row in read_rows("cleaning/clean_cues.tsv"))


def cues(role: str) -> frozenset[str]:
    """Cue words of one role from ``clean_cues.tsv`` (byline, count, function, ...)."""
    return frozenset(cue for cue, r in _cues() if r == role)


# Punctuation that ends a phrase when it closes a token; a dash standing alone; an
# opening bracket or quote at the start of a token.
_CLOSING_PUNCT = set(".,:;!?\u060c\u061b\u061f\u2026")  # ARABIC COMMA, SEMICOLON, QUESTION MARK, ELLIPSIS
_DASHES = {"-", "\u2013", "\u2014"}  # HYPHEN-MINUS, EN DASH, EM DASH
_OPENERS = set("([{\"\u00ab\u201c")  # LEFT GUILLEMET, LEFT DOUBLE QUOTATION MARK
# The article, alone or after a one-letter proclitic (و ف ب ك), and لل (ل + the article).
_DEFINITE_RE = re.compile("^(?:[\u0648\u0641\u0628\u0643]?\u0627\u0644|\u0644\u0644)(?=..)")
# The adjective pattern fa'il (فعيل: وثيق، كبير، جديد), with an optional feminine ending.
_FAIL_RE = re.compile("^[\u0621-\u064a]{2}\u064a[\u0621-\u064a]\u0647?$")
# Nisba endings in matching keys (taa marbuta folded to HEH): -ي، -يه، -يين، -يون. The
# feminine plural -يات is left out: it is mostly the plural of a noun (عمليات، ميليشيات).
_NISBA_RE = re.compile("..(?:\u064a|\u064a\u0647|\u064a\u064a\u0646|\u064a\u0648\u0646)$")


@word_memo
def pair_classes(token: str) -> tuple[frozenset[str], frozenset[str]]:
    """Grammar classes of a token as the left and as the right word of a pair.

    Classes are those of ``clean_pairs.tsv`` (def, def_nisba, indef, prep, ...).

    >>> sorted(pair_classes("العراقية،")[1]), sorted(pair_classes("العراقية،")[0])
    (['def', 'def_nisba'], [])
    >>> sorted(pair_classes("من")[0])
    ['prep']
    """
    if token in _DASHES:
        return frozenset(), frozenset({"dash"})
    w = core(token)
    key = match_key(w)
    word: set[str] = set()
    if key and ARABIC_WORD_RE.match(w):
        roles = _role_keys()
        for role, name in (("preposition", "prep"), ("subordinator", "sub"),
                           ("complementizer", "an"), ("relative", "rel")):
            if key in roles.get(role, ()):
                word.add(name)
        if _DEFINITE_RE.match(key) and "rel" not in word:
            word.add("def")
            stem = _DEFINITE_RE.sub("", key)
            if _NISBA_RE.search(stem):
                word.add("def_nisba")
            elif _FAIL_RE.match(stem) and stem not in roles.get("fail_noun", ()):
                word.add("def_fail")
        elif key not in roles.get("function", ()) and not word and len(key) > 1:
            word.add("indef")
            if _NISBA_RE.search(key):
                word.add("indef_nisba")
    closed = token[-1] in _CLOSING_PUNCT or token[-1] in _DASHES
    opened = token[0] in _OPENERS and bool(w)
    left = frozenset() if closed else frozenset(word)
    right = frozenset({"open"}) if opened else frozenset(word)
    return left, right


@cache
def _role_keys() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for cue, role in _cues():
        out.setdefault(role, set()).add(match_key(cue))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _pair_rules() -> dict[tuple[str, str], float]:
    return {(row.left, row.right): float(row.weight) for row in read_rows("cleaning/clean_pairs.tsv")}


def grammar_score(left: str, right: str) -> float:
    """How plausible ``right`` is straight after ``left``, from the rules of ``clean_pairs.tsv``.

    >>> grammar_score("من", "في") < 0 < grammar_score("والمصالح", "العراقية،")
    True
    >>> grammar_score("خاصة", "أن") > grammar_score("خاصة", "–")
    True
    """
    if not left or not right:
        return 0.0
    a, _ = pair_classes(left)
    _, b = pair_classes(right)
    if not a or not b:
        return 0.0
    rules = _pair_rules()
    return sum(rules.get((x, y), 0.0) for x in a for y in b)


class Context:
    """Word-pair evidence for choosing where a line that was emitted as two runs starts.

    A unigram list cannot tell where such a line begins: every rotation has the same
    words. Two kinds of evidence can: pairs that occur elsewhere in the same document
    (``التحالف الدولي``), counted lazily on first use, and the grammar rules of
    ``clean_pairs.tsv`` (``grammar_score``). Scores are log units; 0 means no evidence.

    >>> ctx = Context.from_lines(["قوات التحالف الدولي", "التحالف الدولي هنا"])
    >>> ctx.score("التحالف", "الدولي") > 0 == ctx.score("الدولي", "قوات")
    True
    """

    def __init__(self, lines: Iterable[str] = ()):
        self._lines = lines
        self._pairs: Counter[tuple[str, str]] | None = None

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Context:
        return cls(lines)

    @property
    def pairs(self) -> Counter[tuple[str, str]]:
        """Counts of adjacent word pairs (matching keys) in the document."""
        if self._pairs is None:
            pairs: Counter[tuple[str, str]] = Counter()
            for line in self._lines:
                keys = [k for k in map(word_key, line.split()) if k]
                pairs.update(itertools.pairwise(keys))
            self._pairs = pairs
            self._lines = ()
        return self._pairs

    def seen(self, left: str, right: str) -> float:
        """Evidence from the document that ``right`` follows ``left`` (log of the count)."""
        a, b = word_key(left), word_key(right)
        if not a or not b:
            return 0.0
        n = self.pairs.get((a, b), 0)
        # A pair seen once may be the very juxtaposition under test; twice is evidence.
        return math.log(n) if n >= 2 else 0.0

    def score(self, left: str, right: str) -> float:
        """Evidence that ``right`` follows ``left``: the document's pairs plus grammar."""
        if not left or not right:
            return 0.0
        return self.seen(left, right) + grammar_score(left, right)
