"""Place names no gazetteer holds and no head noun announces, read from the word model.

A report names a village or a quarter bare after a locative preposition (قتل في
الساليني، كمين قرب كيسانغو). What marks the name is that it is no word of Arabic: wordfreq
(Zipf, the same table the head-noun reader asks) has never seen it, while the words of a
sentence, even rare ones, are in it. So a word unseen by wordfreq right after a locative
(``locative`` in ``place_cues.csv``: في، قرب، عند، داخل ...) is read as a place, and the
name runs over the unseen words after it.

An unseen word is not always a name. Kept out: a word of the language with a pronoun
written onto it (موكبهما، استفتائنا) or split from it (حذائ ه), a damaged word (a taa
marbuta inside it, two words run together, one letter from a common word: الرسيف for
الرصيف), the relational adjective of a common noun (تلالية), a Latin word, a verb-like
plural (وتمركزوا) and the closed-class words a name never holds
(:func:`workbench.find.local_names.name_word`). A noun in construct before the unseen word
(لقاح كانسينو، شركة انفرايرو) is a product's or a firm's more often than a place's, so none
is read; على and حول are no locatives here (يتغلب على X is a person, حول X a topic). A
longer actor, outlet or time span over the name wins in :mod:`workbench.find.mentions`.

The row is flagged ``unknown_place`` (place_type ``locality``), with no coordinates,
``admin1`` and ``country`` those of the next known place in the sentence, as for a name
after a head noun.

>>> from workbench.find.places import find_places
>>> df = find_places("قتل جنديان في كمين قرب كيسانغو في ولاية بورنو")
>>> df[["text", "admin1", "flags"]].values.tolist()[0]
['كيسانغو', 'NG-BO', 'unknown_place']
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from ..text.clitics import ARTICLE
from ..text.lexmatch import FoldedText
from .local_names import (
    SENTENCE_END,
    name_word,
    place_context,
    place_locatives,
    sentence_bounds,
    unknown_row,
    word_zipf,
)

__all__ = ["bare_name_rows"]

# Below this wordfreq Zipf a word is unseen in Arabic text: a name (نغوبوا 0, الساليني 0),
# not a rare word of the language (فليفل 2.3, العصري 3.3).
_UNSEEN = 1.0
# At or above this a word is common (الرصيف 4.0، تلال): a misspelling or an adjective of it
# is no name.
_COMMON = 3.5
# Unseen words one name may run over.
_MAX_NAME = 3
_WORD = re.compile(r"\w+|[^\w\s]")
# A word of Arabic letters only (HAMZA to GHAIN, FEH to YEH): a Latin word (MedRxiv) is no
# Arabic place name, whatever wordfreq's Arabic list says.
_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a]+")


@cache
def _locative_re() -> re.Pattern[str]:
    """A whole word that is a locative, bare or after و or ف (وفي، فقرب): one compiled scan
    of the folded text finds them, where reading every word in Python cost most of the
    finder (a locative is a word in twenty)."""
    alts = "|".join(sorted(map(re.escape, place_locatives()), key=len, reverse=True))
    return re.compile(f"(?<!\\w)[\u0648\u0641]?(?:{alts})(?!\\w)")


# Pronouns written onto a noun (موكبهما "their convoy", انتماءاتهم): the noun before them
# is a word even when the whole is unseen. Longest first.
_PRONOUNS = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه")


def _unseen(folded: FoldedText, ks: int, ke: int) -> bool:
    """Whether the word at key span [ks, ke) is unseen by wordfreq, as written, without its
    article and without a pronoun written onto it (موكبهما: موكب is a word)."""
    s, e = folded.span(ks, ke)
    written = folded.text[s:e]
    forms = [written]
    if written.startswith(ARTICLE):
        forms.append(written[2:])
    for p in _PRONOUNS:
        if written.endswith(p) and len(written) - len(p) >= 3:
            stem = written[:-len(p)]
            forms.append(stem)
            if stem.endswith("ت"):
                forms.append(stem[:-1] + "ة")  # سيارتها → سيارة
            elif stem[-1:] in "ئؤ":
                forms.append(stem[:-1] + "ء")  # استفتائنا: the hamza's seat before a pronoun
            break
    return all(word_zipf(f) < _UNSEEN for f in forms) and not _damaged(written)


# Arabic letters a misspelling may put in or take out (HAMZA to GHAIN, FEH to YEH).
_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
# Each half of a run-together pair is a word at least this long (كول كول is a name).
_HALF = 4
# How frequent both halves are (Zipf), or both when a conjunction opens the second.
_RUN_ON = 3.0
_RUN_ON_JOINED = 2.5


def _damaged(word: str) -> bool:
    """Whether an unseen word is a word of the language damaged, not a name: a taa marbuta
    or alef maqsura inside it (قدرةه), two common words run together (الاقاليموخاضت:
    الاقاليم + وخاضت), or one letter from a common word (الرسيف for الرصيف, حتفال for
    احتفال). Names written in Arabic letters are none of these (بيداوا، راتيسبون)."""
    if any(ch in word[:-1] for ch in "\u0629\u0649"):
        return True
    for i in range(_HALF, len(word) - _HALF + 1):
        low = min(word_zipf(word[:i]), word_zipf(word[i:]))
        # a conjunction opening the second half starts a word (الامور + واعمال)
        if low >= _RUN_ON or (low >= _RUN_ON_JOINED and word[i] in "\u0648\u0641"):
            return True
    return _near_common(word) or _relational(word)


def _relational(word: str) -> bool:
    """A relational adjective of a common noun (تلالية from تلال "hills"): the noun without
    the article and the ي or ية ending is common; a name's stem is not (شيلادزي)."""
    stem = word[2:] if word.startswith(ARTICLE) else word
    for end in ("\u064a\u0629", "\u064a"):
        if stem.endswith(end):
            return word_zipf(stem[:-len(end)]) >= _COMMON
    return False


def _near_common(word: str) -> bool:
    """Whether one letter deleted, added or changed makes ``word`` a common word (Zipf at
    least ``_COMMON``): a misspelling. Only words of five letters or more: a short name is
    one letter from many words."""
    if len(word) < 5:
        return False
    edits = {word[:i] + word[i + 1:] for i in range(len(word))}
    for i in range(len(word) + 1):
        for ch in _LETTERS:
            edits.add(word[:i] + ch + word[i:])
            if i < len(word):
                edits.add(word[:i] + ch + word[i + 1:])
    edits.discard(word)
    return any(word_zipf(e) >= _COMMON for e in edits)


def _name(folded: FoldedText, toks: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """The key span of the unseen name that opens ``toks`` (the words after a locative),
    running over the unseen words after it, or None."""
    end = 0
    for n, (w, ws, we) in enumerate(toks[:_MAX_NAME]):
        if not (_ARABIC.fullmatch(w) and len(w) >= 3 and name_word(w, first=n == 0)
                and _unseen(folded, ws, we)):
            break
        end = n + 1
    if not end:
        return None
    if end < len(toks) and toks[end][0] in _PRONOUNS:
        return None  # حذائ ه: a word the text split from its pronoun
    return toks[0][1], toks[end - 1][2]


def bare_name_rows(folded: FoldedText, rows: list[dict]) -> list[dict]:
    """``rows`` (the place rows found so far) with the bare names after a locative added.

    >>> from workbench.text.lexmatch import fold
    >>> [r["text"] for r in bare_name_rows(fold("هجوم قرب دوملاكي"), [])]
    ['دوملاكي']
    """
    key, text = folded.key, folded.text
    ends: list[int] = []
    taken = [(r["start"], r["end"]) for r in rows]
    found: list[dict] = []
    for loc in _locative_re().finditer(key):
        # The words after the locative, as a cut of the whole text into words gives them:
        # a locative is a whole word, so the cut goes on from its end.
        after = [(m.group(), m.start(), m.end()) for m in islice(_WORD.finditer(key, loc.end()),
                                                                 _MAX_NAME + 1)]
        span = _name(folded, after)
        if span is None:
            continue
        if not ends:
            ends = [m.start() for m in SENTENCE_END.finditer(key)] + [len(key)]
        s, e = folded.span(*span)
        if any(a < e and s < b for a, b in taken):
            continue
        lo, hi = sentence_bounds(folded, ends, span[0])
        found.append({**unknown_row(text, s, e, "locality", "unknown_place"), "text": text[s:e],
                      **place_context(rows, (lo, hi), s, e)})
        taken.append((s, e))
    return rows + found
