"""Proclitics: the one table of the letters written onto the front of an Arabic word.

The conjunctions و ف (and) and the prepositions ب ل ك (in, to, like) attach to the next
word, alone or combined (conjunction first: وب، ول، فب); the future prefix سـ attaches to
an imperfect verb (ستنسحب، وسيعلن); the article ال follows them (والهجمات، بالانتشار), and
ل + ال is written لل (للموصل). Every matcher reads a word through this table:
:func:`stems` (the word lexicons over tokens), :func:`proclitic_readings` (the cue
lexicons of the claim rules), :func:`strip_proclitics` and the patterns of
:class:`workbench.text.lexmatch.Lexicon`. The readers differ in what they need back (the
article as a flag, as part of the proclitic, or kept), not in which letters are proclitics.

>>> PROCLITICS
('و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .memo import word_memo

WAW = "\u0648"  # ARABIC LETTER WAW, the conjunction proclitic
FEH = "\u0641"  # ARABIC LETTER FEH, the conjunction proclitic
BEH = "\u0628"  # ARABIC LETTER BEH, preposition "in, with"
LAM = "\u0644"  # ARABIC LETTER LAM, preposition "to, for"
KAF = "\u0643"  # ARABIC LETTER KAF, preposition "like"
SEEN = "\u0633"  # ARABIC LETTER SEEN, the future prefix sa-
ALEF = "\u0627"  # ARABIC LETTER ALEF
ARTICLE = ALEF + LAM  # the definite article al-

CONJUNCTIONS = (WAW, FEH)
PREPOSITIONS = (BEH, LAM, KAF)
# Every proclitic a noun or a number may carry: a conjunction, a preposition, or both
# (the conjunction first), shortest first.
PROCLITICS = (
    *CONJUNCTIONS, *PREPOSITIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS),
)
# The longest first, for readers that take the first proclitic a word starts with.
PROCLITICS_LONGEST_FIRST = tuple(sorted(PROCLITICS, key=len, reverse=True))
# The future prefix sa-, alone or after a conjunction (ستنسحب، وسيعلن).
FUTURE_PROCLITICS = (SEEN, WAW + SEEN, FEH + SEEN)
# The regex classes of the two slots, for matchers compiled to one pattern.
CONJUNCTION_CLASS = "".join(CONJUNCTIONS)
PREPOSITION_CLASS = "".join(PREPOSITIONS)

@word_memo
def stems(word: str) -> tuple[tuple[str, str, bool], ...]:
    """Readings of a folded word as (proclitics, stem, has_article), the whole word first.

    >>> stems("والموصل")
    (('', 'والموصل', False), ('و', 'الموصل', False), ('وال', 'موصل', True))
    >>> stems("للهجمات")[-1]
    ('لل', 'هجمات', True)
    """
    out: list[tuple[str, str, bool]] = [("", word, False)]
    if len(word) > 4 and word.startswith(ARTICLE):
        out.append((ARTICLE, word[2:], True))
    for pre in PROCLITICS_LONGEST_FIRST:
        if not word.startswith(pre) or len(word) - len(pre) < 2:
            continue
        rest = word[len(pre):]
        out.append((pre, rest, False))
        if rest.startswith(ARTICLE) and len(rest) > 3:
            out.append((pre + ARTICLE, rest[2:], True))
        elif pre.endswith(LAM) and rest.startswith(LAM) and len(rest) > 2:  # لل = ل + ال
            out.append((pre + LAM, rest[1:], True))
    return tuple(out)


# What proclitic_readings peels off: the noun proclitics, then the future prefix.
_READ_PROCLITICS = (*PROCLITICS, *FUTURE_PROCLITICS)


@word_memo
def proclitic_readings(key: str) -> tuple[tuple[str, str], ...]:
    """(proclitic, rest) readings of a token key, the bare reading first.

    The article counts as part of the proclitic when a word without it remains
    (الهجمات → ال + هجمات), so lexicon nouns are listed without it.

    >>> proclitic_readings("للاستهلاك")[:4]
    (('', 'للاستهلاك'), ('ل', 'لاستهلاك'), ('ل', 'الاستهلاك'), ('لال', 'استهلاك'))
    """
    out = [("", key)]
    for p in _READ_PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            rest = key[len(p):]
            out.append((p, rest))
            if p.endswith(LAM) and rest.startswith(LAM) and len(rest) >= 3:
                out.append((p, ARTICLE + rest[1:]))  # li + al- is written لل
    for p, rest in list(out):
        if rest.startswith(ARTICLE) and len(rest) >= 5:
            out.append((p + ARTICLE, rest[2:]))
    return tuple(out)


def clitic_forms(stems: Iterable[str]) -> frozenset[str]:
    """Every word that is one of ``stems`` under this table's proclitics (و ف، ب ل ك، سـ, ل +
    ال written لل) and the article: a word whose readings (:func:`stems`,
    :func:`proclitic_readings`) give a stem of the list is one of them, and a few more
    (their length limits are left out).

    A finder tests the keys of all its tokens against the set in one pass at C speed
    (``map(forms.__contains__, keys)``) and works out readings only for the few found.

    >>> forms = clitic_forms(["العام"])
    >>> [w for w in ("للعام", "والعام", "وبعام", "عامي") if w in forms]
    ['للعام', 'والعام', 'وبعام']
    """
    stems = set(stems)
    bare = stems | {s[2:] for s in stems if s.startswith(ARTICLE) and len(s) > 2}
    fronts = [c + p + a for c in ("", *CONJUNCTIONS) for p in ("", LAM + LAM, *PREPOSITIONS, SEEN)
              for a in ("", ARTICLE)]
    return frozenset(f + s for f in fronts for s in bare)


_STRIP_RE = re.compile(f"[{CONJUNCTION_CLASS}]?[{PREPOSITION_CLASS}]?")


def strip_proclitics(word: str) -> str:
    """A folded word without its proclitics, the article kept: وبالقوات → القوات.

    >>> strip_proclitics("للمدنيين"), strip_proclitics("وفي")
    ('المدنيين', 'وفي')
    """
    if word.startswith(ARTICLE) or len(word) < 4:
        return word
    m = _STRIP_RE.match(word)
    rest = word[m.end():] if m else word
    if m and m.group().endswith(LAM) and rest.startswith(LAM):
        return ARTICLE + rest[1:]
    return rest if len(rest) >= 2 else word
