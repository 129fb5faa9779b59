"""Tolls: how many were killed and how many wounded, as a news report states them.

A toll is a number tied by the grammar to a word of killing or wounding
(``workbench/data/claims/toll_cues.csv``): right after a verbal noun or a passive verb
(مقتل 4 أشخاص، أصيب 25 آخرون), or before a passive verb with a noun of people between
(ثمانية أشخاص قتلوا), or a person noun alone, which counts one (مقتل مدني). Killed and
wounded are read apart (مقتل اثنين وإصابة سبعة → 2 and 7); a toll of both together
(قتل وجرح 13 شخصا) is no death toll and is kept only as text. A negation before a casualty
noun (لم يسفر الهجوم عن إصابات، دون وقوع ضحايا) states a toll of 0. A figure followed by a
word of a span or a total (منذ بداية العام، في هجمات متفرقة، خلال الشهر الماضي) is a total, never
one attack's toll; numbers not tied to a toll word — a unit's number (الفوج 12), an age
(37 عاما), a count of rockets — are never read.

>>> [(t.kind, t.value) for t in find_tolls("مقتل اثنين وإصابة سبعة آخرين بجروح.")]
[('killed', 2.0), ('wounded', 7.0)]
>>> [(t.kind, t.value) for t in find_tolls("لم يسفر الهجوم عن إصابات.")]
[('killed', 0.0), ('wounded', 0.0)]
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..resources import read_table
from ..text.memo import word_memo
from ..text.numbers import read_number
from ..text.tokens import Token, tokenize

TOLL_FILE = "claims/toll_cues.csv"

# How far (in tokens) a number may stand from its toll word: the figure, its noun and a
# qualifier such as على الأقل fit in four.
_REACH = 4


class Toll(NamedTuple):
    """One stated toll: ``kind`` killed | wounded | both, its value (or bounds) and span."""

    kind: str
    value: float | None
    lo: float | None
    hi: float | None
    start: int
    end: int
    text: str


@cache
def _cues() -> dict[str, dict[str, list[str]]]:
    """role → {first word of a cue: the cues' words} for every cue of the toll file."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in read_table(TOLL_FILE).itertuples(index=False):
        words = row.cue.split()
        out.setdefault(row.role, {}).setdefault(words[0], []).append(words)
    return out


@cache
def _alone() -> dict[str, str]:
    """How many a noun counts alone: ``'1'``, ``'2'`` or ``'plural'`` (told, not counted)."""
    table = read_table(TOLL_FILE)
    return {cue: str(n) for cue, n in zip(table["cue"], table["number"], strict=True) if str(n)
            and str(n) != "nan"}


# Proclitics a toll word may carry (وإصابة، بمقتل، ولقي); the word itself is tried first.
_PROCLITICS = ("وبال", "وال", "بال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


def word_forms(key: str) -> list[str]:
    """The key, then the key without one proclitic cluster (وإصابة → إصابة)."""
    return list(_forms(key))


@word_memo
def _forms(key: str) -> tuple[str, ...]:
    """:func:`word_forms` as a tuple, cached: a text asks for the forms of each of its words
    several times (once per role tried), and the vocabulary of a corpus repeats."""
    return (key, *(key[len(p):] for p in _PROCLITICS if key.startswith(p) and len(key) > len(p) + 2))


# The nominative dual -ان on a noun that counts one counts two (قتيل → قتيلان، مدني → مدنيان):
# a rule of the morphology, so every singular of the cue file has its dual without a list.
# (The oblique dual -ين is left to the file: on a nisba it is also the plural, مدنيين.)
_DUAL = "ان"


# A possessive pronoun on a verbal noun of death names whose death it was, and so counts
# them (بمقتله "his killing" = 1, مقتلهما = 2); هم "their" tells deaths without counting.
# The ت before the pronoun is the ta marbuta of the noun (وفاته → وفاة).
_PRONOUNS = (("هما", "2"), ("ها", "1"), ("ه", "1"))
_TA = ("\u062a", "\u0647")


def _pronoun_reading(key: str, role: str = "killed") -> tuple[str, float] | None:
    """(verbal noun of ``role``, how many) when ``key`` is one under a possessive pronoun."""
    for f in _forms(key):
        for suffix, n in _PRONOUNS:
            stem = f[:-len(suffix)]
            stem = stem[:-1] + _TA[1] if stem.endswith(_TA[0]) else stem
            if f.endswith(suffix) and len(stem) > 2 and [stem] in _cues().get(role, {}).get(
                    stem, ()) and not _alone().get(stem):
                return stem, float(n)
    return None


def pronoun_count(key: str, role: str = "killed") -> float | None:
    """How many a verbal noun of death (or, with ``role`` wounded, of wounding) with a
    possessive pronoun counts (مقتله 1, لإصابته 1), else None.

    >>> pronoun_count("بمقتله"), pronoun_count("وفاتها"), pronoun_count("مقتلهما"), pronoun_count("مقتل")
    (1.0, 1.0, 2.0, None)
    >>> pronoun_count("لاصابته", "wounded")
    1.0
    """
    reading = _pronoun_reading(key, role)
    return reading[1] if reading else None


@word_memo
def _count_forms(key: str) -> tuple[tuple[str, str], ...]:
    """(form, how many it counts) for each reading of a word: the word and its proclitic-free
    forms, the singular of a dual (مدنيان → مدني counting 2) and a verbal noun of death
    under a pronoun (بمقتله → مقتل counting 1).

    >>> _count_forms("وقتيلان")[-1], _count_forms("بمقتله")[-1]
    (('قتيل', '2'), ('مقتل', '1'))
    """
    alone = _alone()
    forms = tuple((f, alone.get(f, "")) for f in _forms(key))
    duals = tuple((f[:-len(_DUAL)], "2") for f, _ in forms
                  if f.endswith(_DUAL) and alone.get(f[:-len(_DUAL)]) == "1")
    pronouns = tuple((r[0], str(int(r[1]))) for r in (
        _pronoun_reading(key, role) for role in ("killed", "wounded")) if r is not None)
    return forms + duals + pronouns


@word_memo
def _cues_from(key: str, role: str) -> tuple[list[str], ...]:
    """The cues of ``role`` a word of matching key ``key`` may begin, in the order
    :func:`_role_at` tries them: by reading of the word, then longest cue first.

    Cached by (key, role): most words begin no cue, and this answers them with one lookup
    instead of reading their forms again for every role at every position.
    """
    cues = _cues().get(role, {})
    return tuple(words for form, _ in _count_forms(key)
                 for words in sorted(cues.get(form, ()), key=len, reverse=True))


@word_memo
def _begins_a_cue(key: str) -> bool:
    """True if a word of matching key ``key`` may begin a cue of some role (in one of its
    readings): ``_role_at`` of any role finds nothing at a word for which this is False."""
    forms = [form for form, _ in _count_forms(key)]
    return any(form in cues for cues in _cues().values() for form in forms)


def _role_at(toks: list[Token], i: int, role: str) -> int:
    """The token after a cue of ``role`` starting at ``i``; ``i`` when there is none."""
    for words in _cues_from(toks[i].key, role):
        rest = toks[i + 1:i + len(words)]
        if len(rest) == len(words) - 1 and all(
                w in _forms(t.key) for w, t in zip(words[1:], rest, strict=True)):
            return i + len(words)
    return i


def _is(toks: list[Token], i: int, role: str) -> bool:
    return 0 <= i < len(toks) and _role_at(toks, i, role) > i


def _stop(tok: Token) -> bool:
    """A full stop, comma or colon ends a toll phrase."""
    return tok.kind == "punct" and tok.key not in ("-", "(", ")")


def find_tolls(text: str) -> list[Toll]:
    """Every killed, wounded or combined toll stated in ``text``, in text order.

    >>> [(t.kind, t.value) for t in find_tolls("قتل 9 أشخاص في هجمات متفرقة اليوم.")]
    []
    >>> [(t.kind, t.value) for t in find_tolls("مقتل جندي من الفوج 12 بانفجار عبوة.")]
    [('killed', 1.0)]
    """
    toks = tokenize(text, pieces=True)
    # Most words begin no cue of any role: they are passed over on one cached look-up
    # (what the tests below would find of them: no toll, no zero toll).
    begins = [_begins_a_cue(t.key) for t in toks]
    out: list[Toll] = []
    i = 0
    while i < len(toks):
        if not begins[i]:
            i += 1
            continue
        j = _role_at(toks, i, "both")
        kind = "both" if j > i else ""
        for role in ("killed", "wounded"):
            if not kind and _is(toks, i, role):
                kind, j = role, _role_at(toks, i, role)
        if kind:
            own = pronoun_count(toks[i].key, kind) if kind in ("killed", "wounded") else None
            if own and kind == "wounded" and _died_before(toks, i):
                own = None  # توفي متأثرا بإصابته: the wound of one who died, no wounded toll
            toll = _make(kind, own, own, own, toks[i].start, toks[i].end, text) if own \
                else _figure_before(toks, text, kind, i) or _toll_after(
                toks, text, kind, i, j) or _toll_before(toks, text, kind, i,
                                                        out[-1].end if out else 0)
            if toll is not None and not _is_total(toks, toll, j):
                out.append(toll)
            i = max(j, i + 1)
            continue
        zero = _zero(toks, text, i)
        out.extend(zero)
        i += 1
    return out


def _toll_after(toks: list[Token], text: str, kind: str, i: int, j: int) -> Toll | None:
    """مقتل 4 أشخاص / إصابة 9 آخرين / مقتل مدنيين اثنين / مقتل مدني: the count after the cue."""
    j = _role_at(toks, j, "bound") if j < len(toks) else j  # مقتل ما لا يقل عن 18 شخصا
    for k in range(j, min(j + _REACH, len(toks))):
        if _stop(toks[k]) or _is(toks, k, "killed") or _is(toks, k, "wounded"):
            return None  # the phrase ends, or another toll begins (قتلوا وأصيب 25)
        n = read_number(toks, k)
        if n is not None and (n.value is not None or n.lo is not None):
            # a number must count people: a person noun right after it, or the cue right before
            after = n.end < len(toks) and (_is(toks, n.end, "person") or _is(toks, n.end, "killed")
                                           or _is(toks, n.end, "wounded"))
            before_person = k > j and _is(toks, k - 1, "person")
            if k == j or after or before_person:
                if k == j and n.end < len(toks) and not after and toks[n.end].kind == "word" \
                        and not _qualifier(toks, n.end):
                    return None  # مقتل 3 صواريخ: not people
                return _make(kind, n.value, n.lo, n.hi, toks[i].start, toks[n.end - 1].end, text)
        if k == j and _is(toks, k, "person"):
            nxt = read_number(toks, k + 1) if k + 1 < len(toks) else None
            if nxt is not None and nxt.value is not None:
                continue  # مقتل مدنيين اثنين: the number follows the noun
            alone = next((n for _, n in _count_forms(toks[k].key) if n), "plural")
            if alone == "plural":
                return None  # مقتل مدنيين: deaths told but not counted
            count = float(alone)
            return _make(kind, count, count, count, toks[i].start, toks[k].end, text)
    return None


def _died_before(toks: list[Token], i: int) -> bool:
    """A word of death among the few words before token ``i`` (توفي إثر إصابته)."""
    return any(_is(toks, k, "killed") for k in range(max(0, i - _REACH - 2), i))


def _figure_before(toks: list[Token], text: str, kind: str, i: int) -> Toll | None:
    """16 قتيلا و45 جريحا: a figure right before a noun of the dead or wounded is its count."""
    counts = [n for _, n in _count_forms(toks[i].key) if n]
    if not counts:
        return None
    for k in (i - 1, i - 2):
        n = read_number(toks, k) if k >= 0 else None
        if n is not None and n.end == i and n.value is not None:
            return _make(kind, n.value, n.lo, n.hi, toks[k].start, toks[i].end, text)
    if counts[-1] == "2":  # قتيلان وخمسة جرحى: the dual is its own count
        return _make(kind, 2.0, 2.0, 2.0, toks[i].start, toks[i].end, text)
    return None


def _qualifier(toks: list[Token], k: int) -> bool:
    """على الأقل / آخرين after a figure keeps it a count of people."""
    return toks[k].key in ("علي", "اخرين", "اخرون", "بجروح", "جراء", "في", "بينهم", "من")


def _toll_before(toks: list[Token], text: str, kind: str, i: int, since: int) -> Toll | None:
    """ثمانية أشخاص على الأقل قتلوا: a figure and its person noun before the verb (not a figure
    an earlier toll already took, offsets before ``since``)."""
    for k in range(i - 1, max(i - _REACH - 2, -1), -1):
        if toks[k].start < since or _stop(toks[k]) or _is(toks, k, "killed") or _is(toks, k, "wounded"):
            return None
        n = read_number(toks, k)
        if n is not None and n.value is not None and n.end < len(toks) and n.end <= i \
                and _is(toks, n.end, "person"):
            return _make(kind, n.value, n.lo, n.hi, toks[k].start, toks[i].end, text)
    return None


def _is_total(toks: list[Token], toll: Toll, j: int) -> bool:
    """A word of a total or a span of time in the rest of the toll phrase (منذ بداية العام)."""
    k = next((n for n, t in enumerate(toks) if t.start >= toll.end), len(toks))
    k = max(k, j)
    for n in range(k, min(k + 6, len(toks))):
        if _stop(toks[n]):
            return False
        if _is(toks, n, "period"):
            return True
        if _is(toks, n, "span_head") and any(_is(toks, m, "span") for m in range(n + 1, n + 3)):
            return True
    return False


def _zero(toks: list[Token], text: str, i: int) -> list[Toll]:
    """لم يسفر عن إصابات / دون وقوع ضحايا: a negation with a casualty noun within four words."""
    if not _is(toks, i, "zero_neg"):
        return []
    for k in range(i + 1, min(i + 5, len(toks))):
        if _stop(toks[k]):
            return []
        if _is(toks, k, "casualty") or (_is(toks, k, "wounded") and toks[k].key == "اصابات"):
            end = toks[_role_at(toks, k, "casualty") - 1].end if _is(toks, k, "casualty") \
                else toks[k].end
            return [_make("killed", 0.0, 0.0, 0.0, toks[i].start, end, text),
                    _make("wounded", 0.0, 0.0, 0.0, toks[i].start, end, text)]
        if read_number(toks, k) is not None:
            return []
    return []


def _make(kind: str, value: float | None, lo: float | None, hi: float | None, start: int,
          end: int, text: str) -> Toll:
    return Toll(kind, value, lo if lo is not None else value, hi if hi is not None else value,
                start, end, text[start:end])
