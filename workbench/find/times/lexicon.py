"""The words of time expressions: the time-word table, and which tokens may begin one.

``data/find/time_words.csv`` holds the time words by type (units, weekdays, qualifiers,
anchors, directions, parts of the day ...); months and number words come from
:mod:`workbench.text`. The filters here (:func:`may_start`, :func:`core_ahead`,
:func:`number_may_start`) decide cheaply where the parser need not be tried at all; a
test checks they lose no time the parser would find.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ...text.clitics import stems
from ...text.numbers import read_number
from ...text.tokens import Token
from ...text.wordlex import WordLexicon, table_lexicon
from ..quantities import month_lexicon

_FUTURE_PREFIX = "\u064a\u062a\u0646"  # YEH TEH NOON: سـ + imperfect prefix


@cache
def time_words() -> WordLexicon:
    """The time words (``find/time_words.csv``), compiled once."""
    return table_lexicon("find/time_words.csv")


# What a parse reads at the token where an expression begins (see ``Parser.expression``):
# these time-word types, and of the anchors only those that open a span or a shift. A word
# of another type (an era هـ, a tense cue, a period noun, the anchors في and إلى) only
# follows or precedes an expression, so the parser is not tried there.
_START_TYPES = frozenset({
    "qualifier", "year_word", "day_offset", "weekday", "first", "last", "month_word",
    "holiday", "now", "direction", "unit", "week_word",
})
_START_ANCHORS = frozenset({"since", "from", "before", "after", "within", "between", "until"})


@cache
def _starters() -> frozenset[str]:
    """Every word that can begin a time expression: first words of the entries a parse
    reads at its first token (time words of the start types, months, number words)."""
    words = {"\u064a\u0648\u0645"}  # YEH WAW MEEM: يوم, read literally before a weekday
    for form, row in table_lexicon("find/time_words.csv").items:
        if row["type"] in _START_TYPES or (row["type"] == "anchor" and row["value"] in _START_ANCHORS):
            words.add(form.split()[0])
    for name in ("text/months.csv", "text/number_words.csv"):
        words |= {form.split()[0] for form in table_lexicon(name).items_forms()}
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def may_start(key: str) -> bool:
    """Whether a reading of the folded word (clitics off) begins a time lexicon entry."""
    starters = _starters()
    return any(stem in starters for _, stem, _ in stems(key))


def word_at(toks: list[Token], i: int, *types: str) -> tuple[int, dict[str, str], str] | None:
    """The time-word entry of one of ``types`` at token ``i``: (end, row, proclitics)."""
    if i >= len(toks) or toks[i].kind != "word":
        return None
    if word_types(toks[i].key).isdisjoint(types):
        return None
    m = time_words().match(toks, i)
    if m is not None:
        for p in m.payloads:
            if p["type"] in types:
                return m.end, p, m.pre
    # another reading of the same token (اليوم as ال + يوم) when the longest is another type
    for pre, stem, _ in stems(toks[i].key):
        for p in time_words().single(stem):
            if p["type"] in types:
                return i + 1, p, pre
    return None


@lru_cache(maxsize=1 << 16)
def word_types(key: str) -> frozenset[str]:
    """The time-word types of every entry a reading of the folded word can begin."""
    return frozenset(
        p["type"] for _, _, _, entries in time_words().candidates(key)
        for _, payloads in entries for p in payloads
    )


@lru_cache(maxsize=1 << 16)
def anchor_only(key: str) -> bool:
    """A word that can begin an expression only as an anchor (منذ, بين, من, قبل ...): what it
    anchors starts at the next token, so the parse needs a possible start there."""
    if not may_start(key) or word_types(key) & _START_TYPES:
        return False
    others = _other_starters()
    return not any(stem in others for _, stem, _ in stems(key)) and "anchor" in word_types(key)


@cache
def _other_starters() -> frozenset[str]:
    """First words of months and number words, and يوم: starts that are not time words."""
    words = {"\u064a\u0648\u0645"}  # YEH WAW MEEM: يوم
    for name in ("text/months.csv", "text/number_words.csv"):
        words |= {form.split()[0] for form in table_lexicon(name).items_forms()}
    return frozenset(words)


def number_may_start(toks: list[Token], k: int) -> bool:
    """Whether the digits at token ``k`` can begin a time: a numeric date (12/5/2020,
    12.5.2020), a day (1–31) or a year (1900–2100), or a length before a unit (3 أيام)."""
    key = toks[k].key
    nxt = key_at(toks, k + 1)
    if key.count(".") == 2 or nxt in ("/", "-", "."):
        return True
    # Digits start a point only as the day of ``day (من|في)? month``; a day or a year
    # alone is a time only as the first end of a range (13 الى 15 تموز, 2014 – 2017).
    if key.isdigit() and (len(key) <= 2 or 1900 <= int(key) <= 2100):
        if nxt in _RANGE_DASHES:
            return True
        if len(key) <= 2 and (_month_may_start(toks, k + 1) or (
                nxt in ("من", "في") and _month_may_start(toks, k + 2))):
            return True
    # a length (3 أيام, 1 فاصلة 5 ساعة): what comes between the digits and the unit is read
    # as a number, so the unit is a core token ahead (see core_ahead)
    if not core_ahead(toks, k + 1):
        return False
    num = read_number(toks, k)
    return num is not None and word_at(toks, num.end, "unit") is not None


def _month_may_start(toks: list[Token], k: int) -> bool:
    """Whether ``Parser.month_at`` can read a month at token ``k`` (شهر or a month name)."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    key = toks[k].key
    return "month_word" in word_types(key) or bool(month_lexicon().candidates(key))


# Every expression the parser finds holds a "core" token: digits, a gap, a month name or a
# time word of one of these types (a qualifier, an anchor, هذا, an ordinal or a number word
# alone is never a time). What comes before that token in the expression is read only by
# the lexicons (time words, months, number words), by the literal keys below or as digits.
_CORE_TYPES = frozenset({
    "unit", "year_word", "week_word", "month_word", "weekday", "day_offset", "now", "holiday",
})
# Literal keys the parser compares tokens with (key_at(...) == ..., conjunctions of ranges,
# separators of dates and numbers).
_LITERALS = frozenset({
    "يوم", "اسبوع", "من", "في", "و", "فاصله", "الي", "حتي", "لغايه",
    "/", "(", ")", "-", "–", "—", "،", ",", ".", "\u066b",
})
_RANGE_DASHES = ("-", "–", "—", "الي")  # what follows the first end of a range
_STOP, _PART, _CORE = 0, 1, 2


@cache
def _form_words() -> frozenset[str]:
    """Every word of every form of the time-word, month and number-word lexicons."""
    words: set[str] = set()
    for name in ("find/time_words.csv", "text/months.csv", "text/number_words.csv"):
        for form in table_lexicon(name).items_forms():
            words.update(form.split())
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def _word_role(key: str) -> tuple[int, frozenset[str]]:
    """How the parser may read the folded word: (role, nexts). Role _CORE when a one-word
    entry of a reading is a core (a month, a time word of ``_CORE_TYPES``), _PART when the
    parser may read the word otherwise, _STOP when no parse reads it. ``nexts``: the second
    words of the longer core entries the word begins (بعد غد, هذه اللحظه), which make the
    word a core only when the next token is one of them."""
    core, nexts = False, set()
    for lex, types in ((time_words(), _CORE_TYPES), (month_lexicon(), None)):
        for _, _, _, entries in lex.candidates(key):
            for words, payloads in entries:
                if types is None or any(p["type"] in types for p in payloads):
                    if len(words) == 1:
                        core = True
                    else:
                        nexts.add(words[1])
    if core or key == "يوم":
        return _CORE, frozenset()
    part = bool(nexts or word_types(key)) or key in _LITERALS or key in _form_words() or bool(
        table_lexicon("text/number_words.csv").candidates(key))
    return (_PART if part else _STOP), frozenset(nexts)


def core_ahead(toks: list[Token], k: int) -> bool:
    """Whether a core token (see ``_CORE_TYPES``) comes at ``k`` or after it with only words
    the parser may read in between: a necessary condition for an expression at ``k``, checked
    before the full parse, which fails at most candidate words (بعد ذلك, هذا القرار)."""
    n = len(toks)
    for j in range(k, n):
        t = toks[j]
        kind = t.kind
        if kind == "word":
            role, nexts = _word_role(t.key)
            if role == _CORE or (nexts and j + 1 < n and toks[j + 1].key in nexts):
                return True
            if role == _STOP:
                return False
        elif kind == "num" or kind == "gap":
            return True
        elif t.key not in _LITERALS:
            return False
    return False


def may_follow_anchor(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` can begin what an anchor governs: a number, a gap, a decimal
    point before digits (.5) or a word that may begin a time expression."""
    if j >= len(toks):
        return False
    t = toks[j]
    if t.kind == "word":
        return may_start(t.key)
    return t.kind in ("num", "gap") or (t.kind == "punct" and t.key in ".\u066b")


def key_at(toks: list[Token], i: int) -> str:
    return toks[i].key if 0 <= i < len(toks) else ""



# ---------------------------------------------------------------------------
# Future cues


def is_future_cue(toks: list[Token], k: int) -> bool:
    key = toks[k].key
    if not word_types(key).isdisjoint(("future_cue", "direction")):
        got = word_at(toks, k, "future_cue", "direction")
        if got and (got[1]["type"] == "future_cue" or got[1]["value"] == "future"):
            return True
    return _future_verb(key)


@lru_cache(maxsize=1 << 16)
def _future_verb(key: str) -> bool:
    """Whether a reading of the folded word is a سـ-prefixed imperfect verb (a future cue)."""
    for pre, stem, art in stems(key):
        if art or pre not in ("", "و", "ف"):
            continue
        # SEEN + an imperfect prefix: سيتضمن, ستخدم
        if len(stem) >= 5 and stem[0] == "\u0633" and stem[1] in _FUTURE_PREFIX and not _not_future(stem):
            return True
    return False


@cache
def _not_future_forms() -> frozenset[str]:
    df = table_lexicon("find/time_words.csv", where={"type": "not_future"})
    return frozenset(form for form, _ in df.items)


def _not_future(stem: str) -> bool:
    forms = _not_future_forms()
    return stem in forms or any(stem.startswith(f) and len(f) >= 4 for f in forms)

