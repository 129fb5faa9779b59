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

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

import pandas as pd

from ..resources import read_table
from ..text.arabic import fold_with_offsets, western_digits
from ..text.lexmatch import FoldedText, fold

COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "min", "max", "unit", "unit_key",
    "dimension", "base_value", "base_unit",
]

# One token of the folded text: a gap marker, a run of digits (with separators),
# a run of Arabic letters, or one punctuation character. Letter range excludes TATWEEL
# U+0640 (already dropped by folding).
_TOKEN_RE = re.compile(
    r"(?P<gap>\[(?:\u2026|\.\.\.)\])"  # GAP_MARKER "[…]" or "[...]"
    r"|(?P<num>\d+(?:[.,\u066b\u066c]\d+)*)"  # ARABIC DECIMAL SEPARATOR, THOUSANDS SEPARATOR
    r"|(?P<word>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+)"
    r"|(?P<punct>[^\s\w])"
)
_DIGITS_RE = re.compile(r"\d")
_NON_WESTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")  # ARABIC-INDIC, PERSIAN
_SPACE_RE = re.compile(r"\s")

# Proclitics that may precede a word or a number, longest first: و ف (conjunctions),
# ب ل ك (prepositions) and their combinations. The article ال is handled separately.
PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")
# Enclitic pronouns on a counted noun (أفرادها, عناصره): ها هم هن هما كم نا ه.
_ENCLITICS = ("هما", "ها", "هم", "هن", "كم", "نا", "ه")
_ARTICLE = "\u0627\u0644"  # ALEF + LAM: the article ال
# Bound of the per-word memos (readings of a word), so memory stays flat over a corpus.
_MEMO_SIZE = 1 << 16


class Token(NamedTuple):
    """A token of ``text``: its folded key and its span ``[start, end)`` in the original.

    A named tuple rather than a dataclass: a long document has a token per word, and a
    tuple is built several times faster (attribute access is as fast).
    """

    key: str
    start: int
    end: int
    kind: str  # "word" | "num" | "gap" | "punct"
    pre: str = ""  # a proclitic written onto a number (و in و2017)


def tokenize(text: str, *, folded: FoldedText | None = None) -> list[Token]:
    """Tokens of ``text`` with offsets into it; digits western, letters folded by ``match_key``.

    ``folded`` (``workbench.text.lexmatch.fold(text)``) lets several finders share one folding
    and one tokenisation of the same text; the list is computed once and must not be changed.

    >>> [(t.key, t.kind, t.pre) for t in tokenize("بين ٢٠١٤ و2017")]
    [('بين', 'word', ''), ('2014', 'num', ''), ('2017', 'num', 'و')]
    """
    if folded is None:
        folded = fold(text)
    got = folded.memo.get("tokens")
    if got is not None:
        return got
    key = folded.key
    if _NON_WESTERN_DIGIT_RE.search(key):
        key = western_digits(key)
    where = folded.positions()
    n = len(text)
    folded_away = _folded_away()
    new = tuple.__new__  # Token(...) without the keyword handling of its __new__
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(key):
        ks, ke = m.span()
        end = where[ke - 1] + 1
        if end < n and end != where[ke]:
            while end < n and text[end] in folded_away:
                end += 1
        kind = m.lastgroup or "punct"
        if kind == "num" and out:
            prev = out[-1]
            if prev.kind == "word" and prev.end == where[ks] and prev.key in PROCLITICS:
                out[-1] = new(Token, (m.group(), prev.start, end, kind, prev.key))
                continue
        append(new(Token, (m.group(), where[ks], end, kind, "")))
    folded.memo["tokens"] = out
    return out


@cache
def _folded_away() -> frozenset[str]:
    """Characters the matching key drops (diacritics, tatweel): they extend a token's end."""
    return frozenset(ch for cp in range(0x0600, 0x0700) if not fold_with_offsets(ch := chr(cp))[0])


@lru_cache(maxsize=_MEMO_SIZE)
def stems(word: str) -> tuple[tuple[str, str, bool], ...]:
    """Readings of a folded word as (proclitics, stem, has_article), the whole word first.

    >>> stems("والموصل")
    (('', 'والموصل', False), ('و', 'الموصل', False), ('وال', 'موصل', True))
    >>> stems("للهجمات")[-1]
    ('لل', 'هجمات', True)
    """
    out: list[tuple[str, str, bool]] = [("", word, False)]
    if len(word) > 4 and word.startswith(_ARTICLE):
        out.append((_ARTICLE, word[2:], True))
    for pre in PROCLITICS:
        if not word.startswith(pre) or len(word) - len(pre) < 2:
            continue
        rest = word[len(pre):]
        out.append((pre, rest, False))
        if rest.startswith(_ARTICLE) and len(rest) > 3:
            out.append((pre + _ARTICLE, rest[2:], True))
        elif pre.endswith("\u0644") and rest.startswith("\u0644") and len(rest) > 2:  # LAM: لل = ل + ال
            out.append((pre + "\u0644", rest[1:], True))
    return tuple(out)


class Match(NamedTuple):
    """A lexicon match from token ``i`` up to (not including) token ``end``.

    Named tuples (this, ``Number``, ``Token``): built many times per document, and a tuple
    is built several times faster than a frozen dataclass.
    """

    end: int
    payloads: tuple[Any, ...]
    pre: str
    article: bool


@dataclass
class Lexicon:
    """Forms (space-separated folded words) mapped to payloads, matched on token runs.

    The first word of a form may carry proclitics and the article; later words match exactly.
    """

    items: list[tuple[str, Any]]
    _first: dict[str, list[tuple[tuple[str, ...], tuple[Any, ...]]]] = field(
        init=False, repr=False
    )
    _readings: dict[str, tuple[Any, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        by_words: dict[tuple[str, ...], list[Any]] = {}
        for form, payload in self.items:
            by_words.setdefault(tuple(form.split()), []).append(payload)
        self._first = {}
        for words, payloads in by_words.items():
            self._first.setdefault(words[0], []).append((words, tuple(payloads)))
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def first_words(self) -> frozenset[str]:
        """The words a form can begin with (before clitics are considered)."""
        return frozenset(self._first)

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
        """The readings of ``word`` (see :func:`stems`) that begin a form, with the forms."""
        got = self._readings.get(word)
        if got is None:
            if len(self._readings) >= _MEMO_SIZE:
                self._readings.clear()
            got = self._readings[word] = tuple(
                (pre, stem, article, self._first[stem])
                for pre, stem, article in stems(word) if stem in self._first
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


def table_lexicon(name: str, *, form: str = "form", where: dict[str, str] | None = None) -> Lexicon:
    """A ``Lexicon`` over a data table's ``form`` column, rows (as dicts) as payloads."""
    return _table_lexicon(name, form, tuple(sorted((where or {}).items())))


@cache
def _table_lexicon(name: str, form: str, where: tuple[tuple[str, str], ...]) -> Lexicon:
    df = read_table(name)
    for col, val in where:
        df = df[df[col] == val]
    return Lexicon([(row[form], row) for row in df.to_dict("records")])


# ---------------------------------------------------------------------------
# Reading numbers


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
def _number_words() -> Lexicon:
    return table_lexicon("text/number_words.csv")


def _entries(m: Match | None, *types: str) -> list[dict[str, str]]:
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

    >>> toks = tokenize("خمسمائة و خمسة و عشرون")
    >>> read_number(toks, 0).value
    525.0
    >>> n = read_number(tokenize("عشرات الهجمات"), 0)
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
    m = _number_words().match(toks, j, clitics=False)
    scale = _entries(m, "scale")
    if m and scale:
        value *= float(scale[0]["value"])
        j = m.end
    return Number(i, j, value, value, value, "digits", t.pre)


def _read_words(toks: list[Token], i: int) -> Number | None:
    lex = _number_words()
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
    nxt = _number_words().match(toks, j)
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
    toks = tokenize(text)
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
    toks = tokenize(text)
    got = read_ordinal(toks, 0)
    return got[1] if got and got[0] == len(toks) else None


def read_ordinal(toks: list[Token], i: int) -> tuple[int, int] | None:
    """An ordinal starting at token ``i``: (end token, rank), as in الثالث والعشرون → 23."""
    lex = _number_words()
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


# ---------------------------------------------------------------------------
# Finding quantities in text


@cache
def _cues() -> Lexicon:
    return table_lexicon("find/quantity_cues.csv")


@cache
def month_lexicon() -> Lexicon:
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
            base = Token(key[: -len(suffix)], toks[k].start, toks[k].end, "word")
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
    toks = tokenize(text, folded=folded)
    rows: list[dict[str, Any]] = []
    i = 0
    for k, tok in enumerate(toks):
        if k < i:
            continue
        kind = tok.kind
        if kind == "word":
            if not _word_may_start(tok.key):
                continue
        elif kind == "punct" and tok.key not in ".\u066b":  # ARABIC DECIMAL SEPARATOR
            continue
        row = _quantity_at(text, toks, k)
        if row is None:
            continue
        rows.append(row[0])
        i = row[1]
    return rows


@lru_cache(maxsize=_MEMO_SIZE)
def _word_may_start(key: str) -> bool:
    """Whether a reading of the folded word begins a number word or a counted noun."""
    firsts = _first_words()
    return any(stem in firsts for _, stem, _ in stems(key))


@cache
def _first_words() -> frozenset[str]:
    """First words of number words and of dual nouns (هجومين), the two readings a quantity
    can begin with (an approximator before a number is found from the number)."""
    duals = {form.split()[0] for form, row in _cues().items
             if row["role"] == "noun" and row["number"] == "dual"}
    return _number_words().first_words() | frozenset(duals)


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

    >>> t = tokenize("لنصف")[0]
    >>> clitic_start("لنصف", t, "ل")
    1
    """
    if tok.kind == "num":
        pre = tok.pre
    if pre.endswith(_ARTICLE):
        pre = pre[:-2]
    elif pre.endswith("لل"):  # LAM LAM: ل + the article written لل
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
