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

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from .arabic import DIACRITICS_RE, TATWEEL, match_key
from .resources import read_table

# Letters (Arabic block letters, Latin, digits) as opposed to punctuation around a word.
_WORD_CHARS = "\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3\u06f0-\u06f9\u0660-\u0669A-Za-z0-9"
_EDGE_PUNCT_RE = re.compile(f"^[^{_WORD_CHARS}]+|[^{_WORD_CHARS}]+$")
ARABIC_WORD_RE = re.compile("^[\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3]+$")
_SLASH_SPLIT_RE = re.compile("[/\u2013\u2014-]")  # SOLIDUS, EN DASH, EM DASH, HYPHEN-MINUS

# log10 P(w) given to a word the list does not know (wordfreq's rarest entries are 1e-8).
UNKNOWN_LOGP = -9.0
# A merged word must be at least this frequent (zipf) to count as a real word.
MIN_JOIN_ZIPF = 1.0


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's Arabic list as ``{word: log10 P}``, loaded once (about 620k words)."""
    import wordfreq

    return {w: math.log10(f) for w, f in wordfreq.get_frequency_dict("ar").items()}


@cache
def _folded_frequencies() -> dict[str, float]:
    """The same list keyed by matching key (alef/yaa/taa-marbuta folded): best score per key."""
    out: dict[str, float] = {}
    for w, lp in _frequencies().items():
        k = match_key(w)
        if lp > out.get(k, -99.0):
            out[k] = lp
    return out


def core(token: str) -> str:
    """The word inside a token: no edge punctuation, tatweel or diacritics.

    >>> core("(الأنبــار،")
    'الأنبار'
    """
    return DIACRITICS_RE.sub("", _EDGE_PUNCT_RE.sub("", token).replace(TATWEEL, ""))


@lru_cache(maxsize=200_000)
def word_logp(word: str) -> float:
    """``log10 P(word)`` from wordfreq's Arabic list; ``UNKNOWN_LOGP`` when unknown.

    The exact spelling is looked up first, then its matching key, so a variant
    spelling of a known word (bare alef for hamza) still counts as known.

    >>> word_logp("أكثر") > word_logp("كثر") > UNKNOWN_LOGP
    True
    """
    w = core(word)
    if not w:
        return 0.0
    freqs = _frequencies()
    if w in freqs:
        return freqs[w]
    return _folded_frequencies().get(match_key(w), UNKNOWN_LOGP)


def is_known(word: str) -> bool:
    """True if the word (inside punctuation, without tatweel/diacritics) is in the list."""
    return word_logp(word) >= MIN_JOIN_ZIPF - 9.0


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
def _cues() -> tuple[tuple[str, str], ...]:
    table = read_table("clean_cues.tsv")
    return tuple(zip(table["cue"], table["role"], strict=True))


def cues(role: str) -> frozenset[str]:
    """Cue words of one role from ``clean_cues.tsv`` (byline, count, function, ...)."""
    return frozenset(cue for cue, r in _cues() if r == role)


class Context:
    """Word-pair association from the document itself, for choosing where a line starts.

    A unigram list cannot tell where a line that was emitted as two runs begins: every
    rotation has the same words. Pairs that occur elsewhere in the same document
    (``التحالف الدولي``) are the evidence that decides, with pairs of frequent function
    words as a weak prior. Scores are log-ratios; 0 means no evidence either way.

    >>> ctx = Context.from_lines(["قوات التحالف الدولي", "التحالف الدولي هنا"])
    >>> ctx.score("التحالف", "الدولي") > 0 == ctx.score("الدولي", "قوات")
    True
    """

    def __init__(self, pairs: Counter[tuple[str, str]], unigrams: Counter[str]):
        self.pairs = pairs
        self.unigrams = unigrams

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Context:
        pairs: Counter[tuple[str, str]] = Counter()
        unigrams: Counter[str] = Counter()
        for line in lines:
            keys = [k for k in (match_key(core(t)) for t in line.split()) if k]
            unigrams.update(keys)
            pairs.update(itertools.pairwise(keys))
        return cls(pairs, unigrams)

    def score(self, left: str, right: str) -> float:
        """Evidence that ``right`` follows ``left`` (> 0) beyond chance."""
        a, b = match_key(core(left)), match_key(core(right))
        if not a or not b:
            return 0.0
        n = self.pairs.get((a, b), 0)
        # A pair seen once may be the very juxtaposition under test; twice is evidence.
        return math.log(n) if n >= 2 else 0.0
