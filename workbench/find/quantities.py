"""Quantities in Arabic conflict reporting: how many, of what, and how exactly.

Finds digits (Western and Arabic-Indic, with the Arabic decimal ``٫`` and thousands
separator ``٬``), number words (compounds such as ثلاثة وعشرون, duals, constructs such as
عشرات and مئات), fractions (نصف أفرادها), the approximator before a number (أكثر من,
نحو, أقل من → min/max), the counted noun after it (هجومًا → unit key هجوم) and a count
lost in the source: a gap marker ``[…]`` where the number belongs (أكثر من […] هجومًا)
gives a row with an empty value and the flag ``count_missing`` — never a guess.

Values are strings (``"" `` when not applicable) so rows join the other mention tables;
``min``/``max`` give the bounds the wording allows: an indefinite plural such as عشرات
("tens of") has no single value and spans 20–99 (flag ``vague``); أكثر من 100 has
``min`` 100, exclusive (flag ``more_than``).

Not reported: ordinals (الثالث), a lone واحد/أحد (idioms such as في آن واحد), years and
the day of a date (those are times), and number words with the article (الاثنين is
Monday) except the constructs العشرات/المئات/الآلاف.

>>> find_quantities("سُجل أكثر من 100 هجومًا")[["text", "value", "min", "unit_key", "flags"]].values.tolist()
[['أكثر من 100 هجومًا', '100', '100', 'هجوم', 'more_than']]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import compress, count
from operator import itemgetter, or_
from typing import TYPE_CHECKING, Any

from ..text.arabic import fold_with_offsets
from ..text.clitics import ARTICLE, LAM, clitic_forms, stems
from ..text.lexmatch import FoldedText
from ..text.memo import word_memo
from ..text.numbers import Number, number_words, read_number
from ..text.tokens import Token, tokenize
from ..text.wordlex import WordLexicon, table_lexicon
from .rows import scan

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "min", "max", "unit", "unit_key",
    "dimension", "base_value", "base_unit",
]

# Enclitic pronouns on a counted noun (أفرادها, عناصره): ها هم هن هما كم نا ه.
_ENCLITICS = ("هما", "ها", "هم", "هن", "كم", "نا", "ه")

# ---------------------------------------------------------------------------
# Finding quantities in text


@cache
def _cues() -> WordLexicon:
    return table_lexicon("find/quantity_cues.csv")


@cache
def month_lexicon() -> WordLexicon:
    """The month names (``months.csv``) as a lexicon; the time finder reads it too."""
    return table_lexicon("text/months.csv")


def _noun_at(toks: list[Token], j: int) -> tuple[int, dict[str, str] | None]:
    """A counted noun at token ``j`` (after an optional من), possibly with a pronoun suffix."""
    k = j
    if k < len(toks) and toks[k].key == "من" and k + 1 < len(toks):
        k += 1
    if k >= len(toks) or toks[k].kind != "word":
        return j, None
    m = _cues().match(toks, k)
    nouns = [p for p in (m.payloads if m else ()) if p["role"] == "noun"]
    if nouns and m and m.end == k + 1:
        return k + 1, nouns[0]
    for suffix in _ENCLITICS:
        key = toks[k].key
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            base = toks[k]._replace(key=key[: -len(suffix)])
            bm = _cues().match([base], 0)
            nouns = [p for p in (bm.payloads if bm else ()) if p["role"] == "noun"]
            if nouns:
                return k + 1, nouns[0]
    return j, None


def _approximator_before(toks: list[Token], i: int) -> tuple[int, str, str] | None:
    """An approximator ending right before token ``i``: (its first token, role, proclitics)."""
    for back in range(4, 0, -1):
        s = i - back
        if s < 0:
            continue
        m = _cues().match(toks, s)
        if m and m.end == i:
            roles = [p["role"] for p in m.payloads if p["role"] != "noun"]
            if roles and not roles[0].endswith("_after"):
                return s, roles[0], m.pre
    return None


def _is_date_part(toks: list[Token], num: Number) -> bool:
    """Digits that belong to a date or a clock time, or a bare year: those are times."""
    t = toks[num.start]
    if t.kind != "num":
        return False
    nxt = toks[num.end] if num.end < len(toks) else None
    prv = toks[num.start - 1] if num.start > 0 else None
    if nxt and nxt.key in "/-:." and nxt.start == toks[num.end - 1].end and num.end + 1 < len(toks) \
            and toks[num.end + 1].kind == "num":
        return True
    if prv and prv.key in "/-:" and prv.end == t.start and num.start > 1 \
            and toks[num.start - 2].kind == "num":
        return True
    if month_lexicon().match(toks, num.end) is not None:
        return True
    return bool(prv and prv.kind == "word" and month_lexicon().match(toks, num.start - 1))


def _is_year(toks: list[Token], num: Number) -> bool:
    """A bare four-digit number between 1900 and 2100 with no counted noun: a year."""
    t = toks[num.start]
    value = num.value or 0
    return bool(t.kind == "num" and num.end == num.start + 1 and value == int(value)
                and 1900 <= value <= 2100 and "," not in t.key and "\u066c" not in t.key)


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.6g}"


def find_quantities(text: str, *, folded: FoldedText | None = None) -> pd.DataFrame:
    """Counts and amounts in ``text``: one row per quantity, offsets into ``text``.

    Columns: start, end, text, kind ("quantity"), value, flags, min, max, unit (the counted
    noun as written), unit_key (its singular), dimension, base_value, base_unit.
    ``folded`` is ``workbench.text.lexmatch.fold(text)`` when the caller already has it.

    >>> df = find_quantities("أكثر من [\u2026] هجومًا ونصف أفرادها")
    >>> df[["text", "value", "unit_key", "flags"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['أكثر من [\u2026] هجومًا', '', 'هجوم', 'count_missing;more_than'],
     ['نصف أفرادها', '0.5', 'فرد', 'fraction']]
    """
    import pandas as pd

    if not text:
        return pd.DataFrame(columns=COLUMNS)
    return pd.DataFrame(quantity_rows(text, folded=folded), columns=COLUMNS)


def quantity_rows(text: str, *, folded: FoldedText | None = None) -> list[dict[str, Any]]:
    """The rows of :func:`find_quantities` as dicts keyed by ``COLUMNS``, in text order.

    >>> [r["value"] for r in quantity_rows("قتل ثلاثة جنود")]
    ['3']
    """
    if not text:
        return []
    toks = tokenize(text, pieces=True, folded=folded)

    def read(k: int, tok: Token, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], int] | None:
        kind = tok.kind
        if kind == "word":
            if not _word_may_start(tok.key):
                return None
        elif kind == "punct" and tok.key not in _DECIMAL_POINTS:
            return None
        return _quantity_at(text, toks, k)

    return scan(toks, read, at=_may_begin(toks))


def _may_begin(toks: list[Token]) -> Iterator[int]:
    """Indices of the tokens a quantity may begin at, found by set look-ups in C: numbers,
    gaps, decimal points and the written forms of first words (most of a text's words are
    none of them, and are never read)."""
    keys = map(_may_begin_keys().__contains__, map(_KEY, toks))
    kinds = map(_MAY_BEGIN_KINDS.__contains__, map(_KIND, toks))
    return compress(count(), map(or_, keys, kinds))


_KEY, _KIND = itemgetter(3), itemgetter(4)  # Token.key, Token.kind
_DECIMAL_POINTS = frozenset(".\u066b")  # ARABIC DECIMAL SEPARATOR
_MAY_BEGIN_KINDS = frozenset({"num", "gap"})


@cache
def _may_begin_keys() -> frozenset[str]:
    """The keys of word and punctuation tokens :func:`quantity_rows` reads (the first
    forms are words, the decimal points punctuation: no token of the other kind has them)."""
    return _first_forms() | _DECIMAL_POINTS


@word_memo
def _word_may_start(key: str) -> bool:
    """Whether a reading of the folded word begins a number word or a counted noun.

    A word outside the first words' written forms has no such reading: one set look-up
    answers most words without reading them.
    """
    if key not in _first_forms():
        return False
    firsts = _first_words()
    return any(stem in firsts for _, stem, _ in stems(key))


@cache
def _first_forms() -> frozenset[str]:
    """The first words under every proclitic and the article (:func:`clitic_forms`)."""
    return clitic_forms(_first_words())


@cache
def _first_words() -> frozenset[str]:
    """First words of number words and of dual nouns (هجومين), the two readings a quantity
    can begin with (an approximator before a number is found from the number)."""
    duals = {form.split()[0] for form, row in _cues().items
             if row["role"] == "noun" and row["number"] == "dual"}
    return number_words().first_words() | frozenset(duals)


def _quantity_at(text: str, toks: list[Token], i: int) -> tuple[dict[str, Any], int] | None:
    t = toks[i]
    flags: list[str] = []
    if t.kind == "gap":
        j, noun = _noun_at(toks, i + 1)
        appr = _approximator_before(toks, i)
        if noun is None and appr is None:
            return None
        start = appr[0] if appr else i
        flags.append("count_missing")
        if appr:
            flags.append(appr[1])
        end = j if noun else i + 1
        return _row(text, toks, start, end, None, None, None, noun, flags, appr[2] if appr else ""), end
    num = read_number(toks, i)
    if num is None:
        # a dual noun alone: هجومين = 2 attacks
        if t.kind == "word":
            m = _cues().match(toks, i)
            duals = [p for p in (m.payloads if m else ()) if p["role"] == "noun" and p["number"] == "dual"]
            if duals and m:
                return _row(text, toks, i, m.end, 2.0, 2.0, 2.0, duals[0], ["dual"], m.pre), m.end
        return None
    if _is_date_part(toks, num):
        return None
    j, noun = _noun_at(toks, num.end)
    if noun is None and _is_year(toks, num):
        return None
    unit_at = j - 1
    value, lo, hi = num.value, num.lo, num.hi
    start = num.start
    # a sign written onto the digits: -1.2
    if (
        toks[num.start].kind == "num" and num.start > 0 and toks[num.start - 1].key == "-"
        and toks[num.start - 1].end == toks[num.start].start and not toks[num.start].pre
        and (num.start < 2 or toks[num.start - 2].kind not in ("num", "gap"))
    ):
        start -= 1
        value = lo = hi = -(value or 0.0)
    pre = num.pre
    if num.how == "fraction":
        if j == num.end:
            # the fraction of whatever follows: نصف أفرادها, ثلث المساحة
            if num.end < len(toks) and toks[num.end].kind == "word":
                j = num.end + 1
                noun = {"key": "", "dimension": "", "base": "", "factor": ""}
                flags.append("fraction")
                return _row(text, toks, start, j, value, lo, hi, noun, flags, pre), j
            return None
        flags.append("fraction")
    if num.how in ("construct", "vague"):
        flags.append("vague")
    if num.how == "words" and value == 1 and noun is None:
        # واحد counts only after its noun (جندي واحد); alone it is mostly idiom (في آن واحد)
        if start == 0:
            return None
        back, noun = _noun_at(toks, start - 1)
        if noun is None or back != start:
            return None
        start, unit_at = start - 1, start - 1
        pre = _cues().match(toks, start).pre
    appr = _approximator_before(toks, num.start)
    after = _cues().match(toks, j)
    post = [p["role"] for p in (after.payloads if after else ()) if p["role"].endswith("_after")]
    if appr:
        start, role, pre = appr
    elif post and after:
        role = post[0].removesuffix("_after")
        j = after.end
    else:
        role = ""
    if role and value is not None:
        flags.append(role)
        if role in ("more_than", "at_least"):
            hi = None
        elif role in ("less_than", "at_most"):
            lo = None
    return _row(text, toks, start, j, value, lo, hi, noun, flags, pre, unit_at), j


def clitic_start(text: str, tok: Token, pre: str) -> int:
    """Where a mention begins inside its first token, after proclitics (not the article).

    >>> t = tokenize("لنصف", pieces=True)[0]
    >>> clitic_start("لنصف", t, "ل")
    1
    """
    if tok.kind == "num":
        pre = tok.pre
    if pre.endswith(ARTICLE):
        pre = pre[:-2]
    elif pre.endswith(LAM + LAM):  # ل + the article written لل
        pre = pre[:-1]
    if not pre:
        return tok.start
    _, where = fold_with_offsets(text[tok.start:tok.end])
    return tok.start + where[len(pre)] if len(pre) < len(where) else tok.start


def _row(
    text: str, toks: list[Token], i: int, j: int, value: float | None, lo: float | None,
    hi: float | None, noun: dict[str, str] | None, flags: list[str], pre: str = "",
    unit_at: int | None = None,
) -> dict[str, Any]:
    start, end = clitic_start(text, toks[i], pre), toks[j - 1].end
    unit = unit_key = dimension = base_value = base_unit = ""
    if noun is not None:
        last = toks[j - 1 if unit_at is None else unit_at]
        unit = text[last.start:last.end]
        unit_key = noun["key"]
        dimension = noun["dimension"]
        if noun.get("factor") and value is not None:
            base_value = _fmt(value * float(noun["factor"]))
            base_unit = noun["base"]
        if noun.get("number") == "dual" and toks[i].kind not in ("num",) and value is None:
            value = lo = hi = 2.0
    return {
        "start": start, "end": end, "text": text[start:end], "kind": "quantity",
        "value": _fmt(value), "flags": ";".join(flags), "min": _fmt(lo), "max": _fmt(hi),
        "unit": unit, "unit_key": unit_key, "dimension": dimension,
        "base_value": base_value, "base_unit": base_unit,
    }
