"""Place names no gazetteer holds and no head noun announces, read by the name model.

A report names a village or a quarter bare after a locative preposition (قتل في
الساليني، كمين قرب كيسانغو). What marks the name is its shape and its place in the
sentence, weighed by :mod:`workbench.find.name_model`: letters that look like a name's and
not like a word's, a word wordfreq has seldom or never seen, a word that seldom follows the
locative in news prose (في الحقيقة is usual), and a known place that locates it (جمرايا
بدمشق). The first word after a locative (``locative`` in ``place_cues.csv``: في، قرب، عند،
داخل ...) whose probability reaches the fitted threshold is read as a place, and the name
runs over the words after it that wordfreq has never seen.

Kept out before the model weighs a word: a damaged word (a taa marbuta inside it, two words
run together), a word split from its pronoun (حذائ ه), a Latin word, a verb-like plural
(وتمركزوا) and the closed-class words a name never holds
(:func:`workbench.find.local_names.name_word`); a word is weighed by its most frequent
reading, so a word with a pronoun written onto it (موكبهما، استفتائنا) is a common word. A
noun in construct before the word (لقاح كانسينو، شركة انفرايرو) is a product's or a firm's
more often than a place's, so none is read; على and حول are no locatives here (يتغلب على X
is a person, حول X a topic). A longer actor, outlet or time span over the name wins in
:mod:`workbench.find.mentions`.

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
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import islice

from ..resources import read_rows
from ..text.arabic import PLAIN_LETTERS
from ..text.clitics import ARTICLE
from ..text.lexmatch import FoldedText
from .local_names import (
    SENTENCE_END,
    located_after,
    name_word,
    place_context,
    place_locatives,
    sentence_bounds,
    unknown_row,
    word_zipf,
)
from .name_model import UNSEEN, bare_features, is_bare_name

__all__ = ["bare_name_rows"]

# A name runs over the words wordfreq has never seen (name_model.UNSEEN), and only such a
# word may be damaged rather than rare.
_UNSEEN = UNSEEN
# At or above this a word is common (الرصيف 4.0، تلال): a misspelling or an adjective of it
# is no name.
_COMMON = 3.5
# Unseen words one name may run over.
_MAX_NAME = 3
_WORD = re.compile(r"\w+|[^\w\s]")
# A word of Arabic letters only (HAMZA to GHAIN, FEH to YEH): a Latin word (MedRxiv) is no
# Arabic place name, whatever wordfreq's Arabic list says.
_ARABIC = re.compile(f"[{PLAIN_LETTERS}]+")


@cache
def _locative_re() -> re.Pattern[str]:
    """A whole word that is a locative, bare or after و or ف (وفي، فقرب): one compiled scan
    of the folded text finds them, where reading every word in Python cost most of the
    finder (a locative is a word in twenty). A word of nearness and the preposition it takes
    tell where as a locative does (بالقرب من، القريبة من، بعيدا عن: ``nearness`` in
    ``place_cues.csv``); the group ``loc`` or ``near`` is the locative the name model
    weighs the next word after."""
    alts = "|".join(sorted(map(re.escape, place_locatives()), key=len, reverse=True))
    near = "|".join(sorted(map(re.escape, _nearness()), key=len, reverse=True))
    takes = "|".join(sorted({p for ps in _nearness().values() for p in ps}, key=len, reverse=True))
    return re.compile(f"(?<!\\w)[\u0648\u0641]?(?:(?P<loc>{alts})|(?:{near}) (?P<near>{takes}))(?!\\w)")


@cache
def _nearness() -> dict[str, tuple[str, ...]]:
    """The words of nearness or distance (``nearness`` in ``place_cues.csv``) with the
    prepositions they take: {بالقرب: (من,), بعيد: (عن, من)}."""
    return {r.form: tuple(str(r.extra).split("|")) for r in read_rows("find/place_cues.csv")
            if r.role == "nearness"}


# Pronouns written onto a noun (موكبهما "their convoy", انتماءاتهم): the noun before them
# is a word even when the whole is unseen. Longest first.
_PRONOUNS = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه")


def _unseen(folded: FoldedText, ks: int, ke: int) -> bool:
    """Whether the word at key span [ks, ke) is unseen by wordfreq, as written, without its
    article and without a pronoun written onto it (موكبهما: موكب is a word)."""
    written = _written(folded, ks, ke)
    return best_zipf(written) < _UNSEEN and not _damaged(written)


def _written(folded: FoldedText, ks: int, ke: int) -> str:
    s, e = folded.span(ks, ke)
    return folded.text[s:e]


def best_zipf(written: str) -> float:
    """wordfreq's Zipf of a word as written, without its article or without a pronoun
    written onto it, whichever is highest (موكبهما: موكب 3.4)."""
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
    return max(word_zipf(f) for f in forms)


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
    """The key span of the name the model read at the first of ``toks`` (the words after a
    locative), running over the unseen words after it, or None when the text split a
    pronoun from it (حذائ ه)."""
    end = 1
    for n, (w, ws, we) in enumerate(toks[1:_MAX_NAME], start=1):
        if not (_ARABIC.fullmatch(w) and len(w) >= 3 and name_word(w, first=False)
                and _unseen(folded, ws, we)):
            break
        end = n + 1
    if end < len(toks) and toks[end][0] in _PRONOUNS:
        return None  # حذائ ه: a word the text split from its pronoun
    return toks[0][1], toks[end - 1][2]


def _after_locatives(folded: FoldedText) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """Each locative of the text (bare: في for وفي) and the words after it."""
    key = folded.key
    for loc in _locative_re().finditer(key):
        # The words after the locative, as a cut of the whole text into words gives them:
        # a locative is a whole word, so the cut goes on from its end.
        after = [(m.group(), m.start(), m.end()) for m in islice(_WORD.finditer(key, loc.end()),
                                                                 _MAX_NAME + 1)]
        yield loc.group("loc") or loc.group("near"), after


def _may_open(w: str) -> bool:
    """Whether the key ``w`` may be the first word of a bare name: Arabic letters, three at
    least, no closed-class word (:func:`name_word`)."""
    return bool(_ARABIC.fullmatch(w)) and len(w) >= 3 and name_word(w, first=True)


def _candidates(folded: FoldedText, rows: list[dict], covered: bool = False
                ) -> Iterator[tuple[str, list[tuple[str, int, int]], str, float]]:
    """The first words after a locative the name model weighs: (the locative, the words
    after it, the first as written, its Zipf), for those no row of ``rows`` covers (with
    ``covered``, those a row covers)."""
    taken = [(r["start"], r["end"]) for r in rows]
    for locative, after in _after_locatives(folded):
        if not after or not _may_open(after[0][0]):
            continue
        s, e = folded.span(after[0][1], after[0][2])
        if any(a < e and s < b for a, b in taken) != covered:
            continue
        written = folded.text[s:e]
        zipf = best_zipf(written)
        if zipf < _UNSEEN and _damaged(written):
            continue  # a word of the language damaged (قدرةه), which wordfreq cannot know
        yield locative, after, written, zipf


def weighed_words(folded: FoldedText, rows: list[dict], covered: bool = False
                  ) -> Iterator[tuple[list[tuple[str, int, int]], str, dict[str, float]]]:
    """The first words after a locative the name model weighs, with all their features:
    (the words after the locative, the first as written, its features), for those no row
    of ``rows`` covers (with ``covered``, those a row covers: the known names the model is
    fitted on too).

    >>> from workbench.text.lexmatch import fold
    >>> [w for _, w, _ in weighed_words(fold("هجوم قرب دوملاكي"), [])]
    ['دوملاكي']
    """
    for locative, after, written, zipf in _candidates(folded, rows, covered):
        w, _, ke = after[0]
        yield after, written, bare_features(locative, w, zipf, _located(folded, rows, ke))


def bare_name_rows(folded: FoldedText, rows: list[dict]) -> list[dict]:
    """``rows`` (the place rows found so far) with the bare names after a locative added:
    those the name model (:func:`workbench.find.name_model.is_bare_name`) reads as names;
    then the names coordinated after a place (:func:`_listed_words`).

    >>> from workbench.text.lexmatch import fold
    >>> [r["text"] for r in bare_name_rows(fold("هجوم قرب دوملاكي"), [])]
    ['دوملاكي']
    """
    key, text = folded.key, folded.text
    ends: list[int] = []
    taken = [(r["start"], r["end"]) for r in rows]
    found: list[dict] = []

    def add(span: tuple[int, int]) -> dict | None:
        nonlocal ends
        if not ends:
            ends = [m.start() for m in SENTENCE_END.finditer(key)] + [len(key)]
        s, e = folded.span(*span)
        if any(a < e and s < b for a, b in taken):
            return None
        lo, hi = sentence_bounds(folded, ends, span[0])
        row = {**unknown_row(text, s, e, "locality", "unknown_place"), "text": text[s:e],
               **place_context(rows, (lo, hi), s, e)}
        found.append(row)
        taken.append((s, e))
        return row

    for locative, after, _, zipf in _candidates(folded, rows):
        w, _, ke = after[0]
        if not is_bare_name(locative, w, zipf, lambda ke=ke: _located(folded, rows, ke)):
            continue
        span = _name(folded, after)
        if span is not None:
            add(span)
    # A list of places grows from each place in it, the names read here included
    # (قرى إحسم وبلشون والمسطومة: بلشون after إحسم, then المسطومة after بلشون).
    queue = sorted(rows + found, key=lambda r: r["end"])
    while queue:
        item = queue.pop(0)
        for after in _listed_words(folded, item, taken):
            span = _name(folded, after)
            row = add(span) if span is not None else None
            if row is not None:
                queue.insert(0, row)
    return rows + found


# The conjunction that adds an item to a list (الموصل وتلعفر), written onto the item.
_AND = "\u0648"
# Between two items of a list a comma may stand as well (إحسم، وبلشون).
_COMMAS = frozenset({"\u060c", ","})
# A name coordinated with a place holds the list's role: في الموصل وX is في الموصل وفي X,
# so it is weighed as a word after this locative.
_LIST_LOCATIVE = "\u0641\u064a"
# Marks that close a list item: a comma before the next, a closing quote or bracket.
_ITEM_ENDS = frozenset({"\u060c", ",", "\u201d", '"', "\u00bb", ")"})


def _listed_words(folded: FoldedText, row: dict, taken: list[tuple[int, int]]
                  ) -> Iterator[list[tuple[str, int, int]]]:
    """The words after the conjunction that follows the place ``row`` (بلشون in إحسم،
    وبلشون), when the name ends as a list item does (:func:`_item_ends`) and the name model
    reads its first word as a name with the place before it as its locator (``located``):
    a word coordinated with a place is an item of the list, yet a common word stays a word
    (في الموصل والحكومة). Yields nothing or one list.

    >>> from workbench.text.lexmatch import fold
    >>> f = fold("قصف على إحسم وبلشون")
    >>> [a[0][0] for a in _listed_words(f, {"start": 8, "end": 12}, [(8, 12)])]
    ['بلشون']
    """
    for after, _, zipf in _listed_candidates(folded, row, taken):
        if is_bare_name(_LIST_LOCATIVE, after[0][0], zipf, lambda: True):
            yield after


def _listed_candidates(folded: FoldedText, row: dict, taken: list[tuple[int, int]]
                       ) -> Iterator[tuple[list[tuple[str, int, int]], str, float]]:
    """The words after the conjunction that follows the place ``row`` that
    :func:`_listed_words` weighs, before the name model does: (the words, the first as
    written, its Zipf)."""
    if not row.get("end"):
        return
    toks = _next_item(folded, bisect_right(folded.positions(), row["end"] - 1), _MAX_NAME + 2)
    if not toks:
        return
    w, ws, we = toks[0]
    after = [(w[1:], ws + 1, we), *toks[1:]]
    if not _may_open(after[0][0]):
        return
    s, e = folded.span(ws + 1, we)
    if any(a < e and s < b for a, b in taken):
        return
    written = folded.text[s:e]
    zipf = best_zipf(written)
    if zipf < _UNSEEN and _damaged(written):
        return
    if word_zipf(folded.text[folded.span(ws, we)[0]:e]) > zipf:
        return  # وفقا، وسطها، وليد: read with its و the word is commoner, so the و is its own
    # only a word that ends as an item does is one (سينوفاك الصينية: a firm, its adjective
    # after it; وليستير ثورو أستاذ: a person)
    if _item_ends(folded, after):
        yield after, written, zipf


def listed_words(folded: FoldedText, rows: list[dict]
                 ) -> Iterator[tuple[list[tuple[str, int, int]], str, dict[str, float]]]:
    """The words coordinated after a place of ``rows`` that the name model weighs as list
    items (:func:`_listed_words`), with their features: the known places' lists, as the
    fitting of the model sees them (والحكومة after في الموصل is weighed too).

    >>> from workbench.text.lexmatch import fold
    >>> [w for _, w, _ in listed_words(fold("قصف على إحسم وبلشون"), [{"start": 8, "end": 12}])]
    ['بلشون']
    """
    taken = [(r["start"], r["end"]) for r in rows]
    for row in rows:
        for after, written, zipf in _listed_candidates(folded, row, taken):
            yield after, written, bare_features(_LIST_LOCATIVE, after[0][0], zipf, True)


def _located(folded: FoldedText, rows: list[dict], pos: int) -> bool:
    """The ``located`` evidence of the name model for the word ending at key ``pos``: a known
    place locates it (:func:`located_after`: جمرايا بدمشق) or is the next item of its list
    (:func:`_listed_before`: البارة وإحسم)."""
    return located_after(folded, rows, pos) or _listed_before(folded, rows, pos)


def _listed_before(folded: FoldedText, rows: list[dict], pos: int) -> bool:
    """Whether a known place of ``rows`` is the next item of a list after key ``pos`` (في
    البارة وإحسم: إحسم known): coordinated with a place, the word is located by it as by a
    place after ب.

    >>> from workbench.text.lexmatch import fold
    >>> _listed_before(fold("في البارة، وإحسم"), [{"start": 12, "end": 16}], 9)
    True
    """
    toks = _next_item(folded, pos, 2)
    if not toks:
        return False
    start = folded.span(toks[0][1] + 1, toks[0][2])[0]
    return any(r["start"] == start for r in rows)


def _next_item(folded: FoldedText, pos: int, n: int) -> list[tuple[str, int, int]]:
    """The key tokens among the ``n`` after key ``pos`` from the next item of a list on: its
    word with the و written onto it first, a comma allowed before it (، وبلشون); none when
    the text after ``pos`` goes on otherwise.

    >>> from workbench.text.lexmatch import fold
    >>> [t[0] for t in _next_item(fold("إحسم، وبلشون قصفت"), 4, 3)], _next_item(fold("إحسم قصفت"), 4, 3)
    (['وبلشون', 'قصفت'], [])
    """
    key = folded.key
    toks = [(m.group(), m.start(), m.end()) for m in islice(_WORD.finditer(key, pos), n)]
    if toks and toks[0][0] in _COMMAS:
        toks = toks[1:]
    if not toks or not toks[0][0].startswith(_AND) or key[pos:toks[0][1]].strip(" \u060c,"):
        return []
    return toks


def _item_ends(folded: FoldedText, after: list[tuple[str, int, int]]) -> bool:
    """Whether the name read at the first of ``after`` ends as an item of a list does: before
    a comma, the next item (و...), a closing mark, the sentence's end or a locative (إحسم،
    وبلشون، وفليفل” في جبل الزاوية), so the place before it locates it. A clause goes on
    after a word that only looks listed (بلبنان، وأبدى أمس تشاؤمه)."""
    span = _name(folded, after)
    if span is None:
        return False
    nxt = _WORD.search(folded.key, span[1])
    if nxt is None:
        return True
    w = nxt.group()
    return (w in _ITEM_ENDS or SENTENCE_END.fullmatch(w) is not None
            or (w.startswith(_AND) and len(w) > 3) or w in place_locatives())
