"""Numbers written in Arabic: digits with their separators, number words, ordinals.

Read over the pieces of :func:`workbench.text.tokens.tokenize` (``pieces=True``), with the
number words of ``data/text/number_words.csv``. Both finders that read numbers use them:
quantities (how many) and times (days, years, lengths, clock hours).

>>> parse_number("ثلاثمائة وخمسين"), parse_ordinal("الخامس و العشرون")
(350.0, 25)
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from .arabic import western_digits
from .tokens import Token, tokenize
from .wordlex import Match, WordLexicon, table_lexicon


class Number(NamedTuple):
    """A number read from tokens ``[start, end)``: its value or bounds, and how it was written."""

    start: int
    end: int
    value: float | None
    lo: float | None
    hi: float | None
    how: str  # digits | words | construct | vague | fraction | dual
    pre: str = ""


_MAGNITUDE = {"unit": 1, "teen": 2, "ten": 3, "hundred": 4}


@cache
def number_words() -> WordLexicon:
    """The number words (``text/number_words.csv``) as a lexicon: units, tens, hundreds,
    scales, constructs (عشرات), vague amounts, fractions and ordinals."""
    return table_lexicon("text/number_words.csv")


def _entries(m: Match | None, *types: str) -> list[dict[str, str]]:
    """The payloads of ``m`` of the given number-word types."""
    return [p for p in (m.payloads if m else ()) if p["type"] in types]


def parse_digits(key: str) -> float | None:
    """The value of a digit run with its separators, or None for a date-like run.

    >>> parse_digits("100,000"), parse_digits("1.10"), parse_digits("100\u066c000\u066b0")
    (100000.0, 1.1, 100000.0)
    >>> parse_digits("12.5.2020") is None
    True
    """
    key = western_digits(key)
    if "\u066b" in key or "\u066c" in key:
        key = key.replace("\u066c", "").replace("\u066b", ".")
    elif "," in key:
        _, *groups = key.split(",")
        if "." in key or all(len(g.split(".")[0]) == 3 for g in groups):
            key = key.replace(",", "")
        elif len(groups) == 1:
            key = key.replace(",", ".")
        else:
            return None
    if key.count(".") > 1:
        return None
    try:
        return float(key)
    except ValueError:
        return None


def read_number(toks: list[Token], i: int) -> Number | None:
    """A cardinal number starting at token ``i``: digits (with a scale word), or number words.

    >>> toks = tokenize("خمسمائة و خمسة و عشرون", pieces=True)
    >>> read_number(toks, 0).value
    525.0
    >>> n = read_number(tokenize("عشرات الهجمات", pieces=True), 0)
    >>> n.value, n.lo, n.hi, n.how
    (None, 20.0, 99.0, 'construct')
    """
    if i >= len(toks):
        return None
    t = toks[i]
    if t.kind == "punct" and t.key in ".\u066b" and i + 1 < len(toks):
        nxt = toks[i + 1]
        prev_num = i > 0 and toks[i - 1].kind == "num" and toks[i - 1].end == t.start
        if nxt.kind == "num" and nxt.start == t.end and not nxt.pre and not prev_num:
            frac = parse_digits("0." + nxt.key.replace(",", ""))
            return Number(i, i + 2, frac, frac, frac, "digits")
        return None
    if t.kind == "num":
        return _read_digits(toks, i)
    if t.kind == "word":
        return _read_words(toks, i)
    return None


def _read_digits(toks: list[Token], i: int) -> Number | None:
    t = toks[i]
    value = parse_digits(t.key)
    if value is None:
        return None
    j = i + 1
    # 1 فاصلة 1: the spoken decimal comma
    if (
        j + 1 < len(toks) and toks[j].key == "فاصله" and toks[j + 1].kind == "num"
        and "." not in toks[j + 1].key
    ):
        value = float(f"{int(value)}.{toks[j + 1].key}")
        j += 2
    # 3/4: a written fraction (two parts only; three parts are a date)
    elif (
        j + 1 < len(toks) and toks[j].key == "/" and toks[j + 1].kind == "num"
        and toks[j].start == t.end and toks[j + 1].start == toks[j].end
        and not (j + 2 < len(toks) and toks[j + 2].key == "/")
    ):
        den = parse_digits(toks[j + 1].key)
        if not den:
            return None
        value = value / den
        j += 2
    m = number_words().match(toks, j, clitics=False)
    scale = _entries(m, "scale")
    if m and scale:
        value *= float(scale[0]["value"])
        j = m.end
    return Number(i, j, value, value, value, "digits", t.pre)


def _read_words(toks: list[Token], i: int) -> Number | None:
    lex = number_words()
    m = lex.match(toks, i)
    if m is None:
        return None
    pre = m.pre
    if m.article:
        cons = _entries(m, "construct")
        if not cons:
            return None
        return _construct(toks, i, m, cons[0], pre)
    first = _entries(m, "unit", "teen_unit", "ten", "hundred", "dual_scale", "construct", "vague",
                     "fraction")
    if not first:
        singular = [p for p in _entries(m, "scale") if p["form"] in ("الف", "مليون", "مليار", "بليون")]
        if not singular:
            return None
        v = float(singular[0]["value"])  # مليون alone: one million
        return Number(i, m.end, v, v, v, "words", pre)
    kinds = {p["type"] for p in first}
    if kinds <= {"construct", "scale"} or kinds == {"construct"}:
        return _construct(toks, i, m, _entries(m, "construct")[0], pre)
    if "vague" in kinds:
        e = _entries(m, "vague")[0]
        lo, hi = float(e["value"]), float(e["extra"])
        return Number(i, m.end, None, lo, hi, "vague", pre)
    if "fraction" in kinds:
        e = _entries(m, "fraction")[0]
        v = float(e["value"])
        return Number(i, m.end, v, v, v, "fraction", pre)
    total = 0.0
    current = 0.0
    last_mag = 99
    last_type = ""
    j = i
    entry = first[0]
    while True:
        etype = entry["type"]
        v = float(entry["value"])
        if etype == "teen_unit":
            nxt = lex.match(toks, m.end, clitics=False)
            if not any(p["value"] == "10" for p in _entries(nxt, "unit")):
                break
            current += v + 10
            last_mag, last_type, j = _MAGNITUDE["teen"], "teen", nxt.end
        elif etype == "dual_scale":
            total += current + v
            current = 0.0
            last_mag, last_type, j = 5, "scale", m.end
        else:
            current += v
            last_mag, last_type, j = _MAGNITUDE[etype], etype, m.end
        # what may follow without و: عشر after a unit (teen), مئة after a unit, a scale word
        nxt = lex.match(toks, j, clitics=False)
        if last_type == "unit" and v < 10 and _entries(nxt, "unit") and nxt and any(
            p["value"] == "10" for p in _entries(nxt, "unit")
        ):
            current += 10
            last_mag, last_type, j = _MAGNITUDE["teen"], "teen", nxt.end
            nxt = lex.match(toks, j, clitics=False)
        if last_type == "unit" and _entries(nxt, "hundred") and nxt:
            h = float(_entries(nxt, "hundred")[0]["value"])
            if h == 100:
                current = current * 100
                last_mag, last_type, j = _MAGNITUDE["hundred"], "hundred", nxt.end
                nxt = lex.match(toks, j, clitics=False)
        if _entries(nxt, "scale") and nxt:
            total += (current or 1.0) * float(_entries(nxt, "scale")[0]["value"])
            current = 0.0
            last_mag, last_type, j = 5, "scale", nxt.end
        # و + a smaller part (or a ten after a unit: ثلاثة وعشرون)
        k = j
        if k < len(toks) and toks[k].kind == "word" and toks[k].key == "و":
            k += 1
        nm = lex.match(toks, k)
        if nm is None or (k == j and nm.pre != "و") or (k > j and nm.pre) or nm.article:
            break
        nxt_entries = _entries(nm, "unit", "teen_unit", "ten", "hundred", "dual_scale")
        if not nxt_entries:
            break
        ne = nxt_entries[0]
        ntype = "teen" if ne["type"] == "teen_unit" else ne["type"]
        nmag = 5 if ntype == "dual_scale" else _MAGNITUDE[ntype]
        if not (nmag < last_mag or (last_type == "unit" and ne["type"] == "ten")):
            break
        entry, m = ne, nm
    value = total + current
    if value == 0:
        return None
    return Number(i, j, value, value, value, "words", pre)


def _construct(toks: list[Token], i: int, m: Match, e: dict[str, str], pre: str) -> Number:
    lo, hi = float(e["value"]), float(e["extra"])
    j = m.end
    nxt = number_words().match(toks, j)
    if nxt and nxt.article and (_entries(nxt, "scale") or _entries(nxt, "construct")):
        scale = float((_entries(nxt, "scale") or _entries(nxt, "construct"))[0]["value"])
        if scale >= 1000:
            scale = 10 ** round(math.log10(scale))
            lo, hi, j = lo * scale, (hi + 1) * scale - 1, nxt.end
    return Number(i, j, None, lo, hi, "construct", pre)


def parse_number(text: str) -> float | None:
    """The value of ``text`` when the whole of it is one number (digits or words), else None.

    >>> parse_number("ثلاثمائة وخمسين"), parse_number("١٬٠٠٠٬٠٠٠٫٠٠"), parse_number("مليونين")
    (350.0, 1000000.0, 2000000.0)
    """
    toks = tokenize(text, pieces=True)
    sign = 1.0
    if len(toks) > 1 and toks[0].key == "-" and toks[1].start == toks[0].end:
        sign, toks = -1.0, toks[1:]
    num = read_number(toks, 0)
    if num is None or num.end != len(toks) or num.value is None:
        return None
    return sign * num.value


def parse_ordinal(text: str) -> int | None:
    """The rank of an ordinal written in words (الثالث عشر → 13), else None.

    >>> parse_ordinal("الخامس و العشرون"), parse_ordinal("الاثنى عشر"), parse_ordinal("ثامن")
    (25, 12, 8)
    """
    toks = tokenize(text, pieces=True)
    got = read_ordinal(toks, 0)
    return got[1] if got and got[0] == len(toks) else None


def read_ordinal(toks: list[Token], i: int) -> tuple[int, int] | None:
    """An ordinal starting at token ``i``: (end token, rank), as in الثالث والعشرون → 23."""
    lex = number_words()
    m = lex.match(toks, i)
    ords = _entries(m, "ordinal")
    if m is None:
        return None
    if not ords:
        # the tens and 11th/12th with the article: العشرين, الإحدى عشرة
        if m.article and _entries(m, "ten"):
            return m.end, int(float(_entries(m, "ten")[0]["value"]))
        return None
    e = ords[0]
    rank = int(float(e["value"]))
    j = m.end
    nxt = lex.match(toks, j, clitics=False)
    if any(p["value"] == "10" for p in _entries(nxt, "unit")) and nxt:
        return nxt.end, rank + 10
    k = j
    if k < len(toks) and toks[k].key == "و":
        k += 1
    nm = lex.match(toks, k)
    if nm and (k > j or nm.pre in ("و", "وال")) and _entries(nm, "ten") and rank < 10:
        return nm.end, rank + int(float(_entries(nm, "ten")[0]["value"]))
    if e["extra"] == "teen":
        return None
    return j, rank
