"""Local places the gazetteer lacks, read from the grammar: a head noun and a proper name.

Reports of violence name neighbourhoods, squares, roads, mosques, markets and villages
that no open gazetteer lists (في حي الشعلة، بساحة الطيران، مسجد أم القرى). Arabic
announces them with a head noun in construct with the name; the head nouns are data
(``data/find/place_heads.csv``, with the kind of place each announces). After a head the
name is one to three words:

* a definite noun (الشعلة), one or two rare words (Zipf < 3.5 in wordfreq: هنانو، زور
  مغار), a known place (مستشفى أربيل), or a common indefinite noun in construct with one
  of those (باب المعظم، مساكن هنانو);
* it stops at punctuation, a preposition, a direction (شرقي بغداد), a word with a
  proclitic (ببغداد), another head noun, a frequent indefinite word, a feminine adjective
  (منطقة تسوق مزدحمة) or an adjective of nearness (مول جواهر القريب من); after a
  facility's head a relational adjective that names no country ends it (مشفى جبلة
  الوطني);
* a name in brackets or quotes (قرية (غريبة)، منطقة "باب المعظم") is taken as written,
  and a head glossing the head in brackets (كراج (مراب) باب المعظم) is read past.

A head that is also a frequent common noun in construct (``strict``: منطقة الحادث، سوق
العمل، عن طريق الهاتف) needs a name holding a rare word or a known place, or to stand in a
list of places (حي الفردوس - دوار النعيم), or a phrase that places it in a known place
(سوق الصناعة بمدينة الموصل); the head of one administrative unit or camp that a place
preposition governs (في قضاء المعالي، بناحية الفرسان) needs only a name of no frequent
word (Zipf < 4.5: not في قضاء الله). The place slot of an attack clause governs a head as
a place preposition does (:mod:`workbench.find.violence`: استهدفت ناحية X، غارة على منطقة
X): there an administrative unit takes such a name, and any head does when the sentence
places the name in a known place (غارة على منطقة القصير في ريف حمص). A head that is also a
common adjective (محلية "local") is one only where a place preposition governs it
(``after``: في محلية كرري). A dual or plural head (أحياء، بمنطقتي) opens a list: الشعار
وطريق الباب is two places, and the list runs past the direction and place that locate an
item (منطقتي الأمينية شمالي حمص وأم حارتين). A list held whole in one pair of quotes (قرى
“A، وB”) is not read as a list: only its names a gazetteer knows are found.

Under a local head, a longer name wins over a gazetteer place inside it: منطقة الباب
الشرقي in Baghdad is a neighbourhood, not the Syrian town al-Bab. Under a town or
district head (``admin``) the gazetteer's reading stays. A quarter is named with its head
(حي الغزالي, as Wikipedia titles it), and a town's name after حي is the quarter's (حي
العمارة in Jableh is not Amarah); a hospital or mosque named after a town of Iraq or
Syria lies in it (مستشفى كركوك: Kirkuk, flagged facility). A list may open with مثل and
end with "، و" (مدن مثل النيرب، سرمين، وفريكة), and its names may stand in quotes (قاعدتي
“بلد” و”فيكتوريا”).

The row has no coordinates and is flagged ``unknown_place``; its ``admin1`` and
``country`` are those of the next known place in the sentence (حي الغزالي غربي بغداد →
Baghdad), else of the one before it.

>>> from workbench.find.places import find_places
>>> df = find_places("انفجار في حي الغزالي غربي بغداد")
>>> df[["text", "place_type", "admin1", "flags"]].values.tolist()[0]
['حي الغزالي', 'neighbourhood', 'IQ-BG', 'unknown_place']
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from ..resources import read_rows
from ..text.arabic import match_key
from ..text.clitics import ARTICLE, BEH, LAM
from ..text.lexmatch import FoldedText, word_before
from ..text.memo import word_memo
from ..text.spans import StartIndex
from ..text.zipf import zipf
from .name_model import UNSEEN, name_logodds

__all__ = [
    "SENTENCE_END", "abroad_rows", "local_name_rows", "located_after", "name_word", "place_context",
    "place_heads", "place_locatives", "place_prepositions", "sentence_bounds", "unknown_row", "word_zipf",
]

# A word is "rare" — name-like — below this wordfreq Zipf frequency (هنانو 2.9, الشواكة
# 0; باب 5.1, الحادث 4.7).
_RARE = 3.5
_MAX_WORDS = 3
_OPEN = {"(": ")", "\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u201d": "\u201d"}
_CLOSE = frozenset(_OPEN.values())
# The quote and bracket marks a name may stand in (قرية (غريبة)، منطقة "باب المعظم").
_MARKS = re.compile("[" + re.escape("".join(set(_OPEN) | _CLOSE) + ")") + "]")
_TOKEN = re.compile(r"\w+|[^\w\s]")
# . ! ? ARABIC QUESTION MARK, ARABIC SEMICOLON, a line break: where a sentence ends.
SENTENCE_END = re.compile(r"[.!?\u061f\u061b\n]")
# A proclitic preposition or conjunction fused with the article: the word starts a new
# phrase (ببغداد، والمشتل، للجيش).
_FUSED = ("بال", "لل", "وال", "فال", "كال", "وب", "ول", "ولل")
_DIRECTIONS = ("شمال", "جنوب", "شرق", "غرب", "وسط")
# One-letter proclitics (و، ف، ب، ل، ك) written onto a word.
_PROCLITICS = frozenset("\u0648\u0641\u0628\u0644\u0643")
# New and Old after a known town's name make a quarter's name (حلب الجديدة، الموصل القديمة);
# elsewhere they are adjectives (not_name in place_cues.csv).
_AGE = frozenset({"الجديده", "القديمه"})
# Kinds of gazetteer place a hospital or mosque of Iraq or Syria named after it lies in
# (a garage, road, bridge or street is often named after the town it leads to: كراج حلب in
# Damascus).
_SETTLEMENTS = frozenset({"city", "capital", "town", "village", "subdistrict", "district"})
_BUILT_IN_TOWN = frozenset({"hospital", "mosque"})
_LOCAL_COUNTRIES = frozenset({"IQ", "SY"})
# Kinds of place whose head is part of their name (حي الضباط، جبل متين، مزرعة الحدادية)
# while they are areas, not buildings or sites: no ``facility`` flag.
_AREA_KINDS = frozenset({"neighbourhood", "mountain", "village", "area", "camp"})
# Kinds whose heads (قرية، بلدة) take a name of common words that runs to the phrase's end.
_SETTLEMENT_KINDS = frozenset({"village", "town"})


# No head begins with alef and hamza below: written, it tells إحياء "reviving" from the
# plural أحياء "neighbourhoods" that folding makes one key.
_HAMZA_BELOW = "\u0625"


@cache
def place_heads() -> dict[str, dict[str, str]]:
    """``place_heads.csv`` by form: {form: {place_type, span, number, admin, strict}}.

    >>> place_heads()["ساحه"]["span"]
    'whole'
    """
    return {r["form"]: r for r in read_rows("find/place_heads.csv").records()}


@cache
def _not_after(form: str) -> frozenset[str]:
    """Words before ``form`` that make it no head (عن طريق)."""
    cell = place_heads()[form]["not_after"]
    return frozenset(w for w in str(cell).split("|") if w and cell == cell)


@cache
def _head_regex() -> re.Pattern[str]:
    forms = sorted(place_heads(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:[وف]?[بلك]?)(?P<head>" + "|".join(forms) + r")(?!\w)")


@cache
def _stop_words() -> frozenset[str]:
    """Words a name never holds: prepositions and the ``not_name`` cues of place_cues.csv."""
    roles = {"preposition", "not_name", "title", "speech_verb", "settlement", "vague_settlement"}
    words = {row.form for row in read_rows("find/place_cues.csv") if row.role in roles}
    return frozenset(words - _name_heads())  # أبو is a title and a name's first word


@cache
def _cue_forms(role: str) -> frozenset[str]:
    """The forms of one role of ``place_cues.csv``."""
    return frozenset(row.form for row in read_rows("find/place_cues.csv") if row.role == role)


def _governed(word: str) -> bool:
    """Whether ``word`` is a preposition an adjective takes (من، على) or a noun with ل and
    the article written onto it (للحدود): after a definite adjective it says what the
    adjective relates the place to (المتاخمة للحدود، المطلة على الطريق)."""
    return word in _cue_forms("governed") or (word.startswith(LAM + LAM) and len(word) > 4)


@cache
def _titles() -> frozenset[str]:
    """Titles before a person's name (الشيخ، الإمام، السيد): after a place head they open
    the name of a place named after that person (حي الشيخ مقصود)."""
    return _cue_forms("title") - _name_heads()


@cache
def _name_heads() -> frozenset[str]:
    """First words of names that take the next word with them (أبو بكر، أم القرى، تل العيد)."""
    return _cue_forms("name_head")


@word_memo
def word_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an Arabic word as written, cached (الحادث 4.7).

    >>> word_zipf("الشواكة")
    0.0
    """
    return zipf(word)


_zipf = word_zipf


def _is_direction(word: str) -> bool:
    base = word[2:] if word.startswith(ARTICLE) else word
    base = base[:-1] if base.endswith(("ي", "ه")) else base
    base = base[:-1] if base.endswith("ي") else base
    return base in _DIRECTIONS


# How frequent (wordfreq Zipf) the feminine of a relational adjective is when it is one.
_FEMININE_IN_USE = 2.5


def _adjective(word: str) -> bool:
    """A feminine relational adjective or participle whose masculine is a word: جبلية
    (جبلي), مزدحمة (مزدحم); not a name ending in ة (حمورية: حموري is no word), nor a
    rare feminine of a word (أسدية 2.0 beside أسدي 2.8, صالحية, يوسفية): an adjective in
    use is frequent in the feminine too (جبلية 3.5, زراعية 3.8, نائية 3.5)."""
    if word.endswith("ية"):
        return _zipf(word[:-1]) >= 2.0 and _zipf(word) >= _FEMININE_IN_USE
    return word.endswith("ة") and _zipf(word[:-1]) >= _RARE


def _adjectives(names: list[tuple[int, int, bool, str]], rows: StartIndex,
                folded: FoldedText) -> bool:
    """True when the names after a plural head are all single indefinite words ending in
    taa marbuta that the gazetteer lacks: the feminine singular adjectives a plural of
    things takes (مناطق هجينة ووعرة "mixed and rugged areas"). Names are definite (أحياء
    الشعار), known (مناطق حديثة وعنة), or listed with one that is not such a word (بلدات
    حمورية وسقبا)."""
    for ks, ke, _, own in names:
        key = folded.key[ks:ke]
        start, end = folded.span(ks, ke)
        if own or " " in key or key.startswith(ARTICLE) or not folded.text[start:end].endswith(
                "ة") or _known(rows, folded, ks, ke) or _holds_place(key):
            return False
    return bool(names)


class _Reader:
    """The tokens of a folded text after a position, with the original spelling."""

    def __init__(self, folded: FoldedText, rows: list[dict] | None = None) -> None:
        self.folded = folded
        self.key = folded.key
        # the spans the gazetteer's rows were accepted on, its context rules passed
        self.placed = frozenset((x["start"], x["end"]) for x in rows or ())

    def known(self, w: str, ks: int, ke: int) -> bool:
        """Whether the word at [ks, ke) is a known place: a gazetteer key that is no
        ordinary word, or a word whose gazetteer row the text's context accepted (تدمر,
        also "destroys", in بادية تدمر once the gazetteer read it as Palmyra)."""
        return _is_key(w) or self.folded.span(ks, ke) in self.placed

    def tokens(self, pos: int, limit: int = 8) -> list[tuple[str, int, int]]:
        out = []
        for m in _TOKEN.finditer(self.key, pos):
            if len(out) >= limit or "\n" in self.key[pos:m.start()]:
                break
            out.append((m.group(), m.start(), m.end()))
        return out

    def written(self, ks: int, ke: int) -> str:
        s, e = self.folded.span(ks, ke)
        return self.folded.text[s:e]


@cache
def _time_words() -> frozenset[str]:
    """The days and parts of a day the time grammar reads, with the article, and أمس
    (اليوم، الخميس، مساء): after a name they tell when, and end it (حي المنصور اليوم)."""
    from .times.lexicon import forms_of  # the time grammar's word list, one home for it

    forms = {f for kind in ("relative_day", "weekday", "daypart", "now") for f in forms_of(kind)
             if " " not in f}
    return frozenset(f for f in forms if f.startswith(ARTICLE)) | {"امس"}


def _told_before(word: str) -> bool:
    """A place head or settlement word, or its dual (مدينه، محافظتين): after ال it points
    back to a place the text told (سوق المدينة: the town's market)."""
    words = _head_and_settlement_words()
    return word in words or (word.endswith("ين") and word[:-1] in words)


@cache
def _head_and_settlement_words() -> frozenset[str]:
    """The place heads and settlement words (مدينه، سوق، بلده), gathered once."""
    return frozenset(place_heads().keys() | _cue_forms("settlement") | _cue_forms("vague_settlement"))


def _seen(word: str) -> bool:
    """Whether wordfreq has seen ``word``, as written or without a و or ف written onto it
    (وتمركزوا: تمركزوا 2.4), at the name model's UNSEEN cut."""
    forms = [word, word[1:]] if word[:1] in "\u0648\u0641" else [word]
    return max(word_zipf(f) for f in forms) >= UNSEEN


def name_word(word: str, first: bool) -> bool:
    """Whether ``word`` (a matching key) may stand in a place name, first or further on: no
    preposition, title, head noun, fused proclitic or verb (قرية تل العيد: تل، العيد yes;
    وتمركزوا، ببغداد no)."""
    if not word.isalpha() or word in _stop_words() or word in place_heads():
        return False
    if not first and word in _time_words():
        return False  # حي الكرادة اليوم: the name ends before the day
    if word.startswith(_FUSED) and len(word) > 4:
        return False
    if word[:1] in _PROCLITICS and word[1:] in place_heads():
        return False  # قرية أرك ببادية تدمر: a head with a proclitic opens the next phrase
    if _is_direction(word):
        # الباب الشرقي: a definite direction adjective may end a name, never start one.
        return not first and word.startswith(ARTICLE)
    if len(word) > 4 and word.endswith("وا") and not word.endswith("اوا") and _seen(word):
        # a verb of the third person plural (وتمركزوا) ends a list of names; a Kurdish
        # name in -awa (شيراوا) is none, nor a word wordfreq has never seen, as it knows
        # the verbs (تمركزوا 2.4، تجمهروا 1.8; نغوبوا unseen)
        return False
    # و opens the next item (وسرمين), and so before a short name head (وتل أمير); a name
    # head written with و is none (وادي)
    return not (not first and word.startswith("و") and word not in _name_heads()
                and (len(word) > 3 or word[1:] in _name_heads()))


def _name(r: _Reader, pos: int, facility: bool = False) -> tuple[int, int, bool] | None:
    """The name after ``pos``: (key start, key end, name-like) or None. After a facility's
    head a relational adjective that names no country ends the name (مشفى جبلة الوطني،
    مستشفى الكندي التعليمي; not قاعدة حميميم الروسية)."""
    toks = r.tokens(pos, _MAX_WORDS + 6)
    if not toks:
        return None
    first = toks[0][0]
    if first in _OPEN:
        close = _OPEN[first]
        inner = []
        for tok in toks[1:]:
            if tok[0] == close:
                break
            inner.append(tok)
        else:
            return None
        if not inner or len(inner) > 4 or not all(t[0].isalpha() for t in inner):
            return None
        if len(inner) == 1 and inner[0][0] in place_heads():
            # كراج (مراب) باب المعظم: another head glossing the head; the name follows
            return _name(r, tok[2], facility)
        return inner[0][1], inner[-1][2], True
    words: list[tuple[str, int, int]] = []
    state = ""  # what the last word was: def, name, construct, kunya, kname (kunya's name)
    for n, (w, ws, we) in enumerate(toks[:_MAX_WORDS]):
        written = r.written(ws, we)
        if state == "kunya" and _is_direction(w) and w.endswith("ي") and not w.startswith(ARTICLE):
            words.append((w, ws, we))  # دير شرقي، عين غربي: a village's name
            break
        if w in _titles() and state in ("", "construct"):
            # مقبرة الشيخ سعد، حي الشيخ مقصود: a place named after a person by title and
            # name; alone (نهر الإمام) or closing a construct the title is a definite noun
            state = "title" if state == "" else "def"
            words.append((w, ws, we))
            continue
        if not name_word(w, first=n == 0) or _clitic_word(w, written):
            break
        nxt = toks[n + 1] if n + 1 < len(toks) else ("", 0, 0)
        if state == "title":
            if _nisba_after(r, (w, ws, we)):
                break  # الشيخ العراقي: an adjective, no name
            state = "kname"
            words.append((w, ws, we))
            continue
        if nxt[0] in _AGE and _is_key(w) and state in ("", "name", "def"):
            words += [(w, ws, we), nxt]  # حلب الجديدة: the new quarter of a known town
            break
        if state == "" and not w.startswith(ARTICLE) and _nisba_after(r, nxt):
            # قاعدة فيكتوريا الأمريكية: an indefinite word that a definite adjective
            # follows is a proper name, and the adjective is no part of it, unless it is
            # a facility's own (مشفى جبلة الوطني)
            return ws, (nxt[2] if facility and _own_adjective(r, nxt) else we), True
        if facility and words and _own_adjective(r, (w, ws, we)):
            words.append((w, ws, we))
            break
        if state == "def" and w.startswith(ARTICLE) and not _is_direction(w) and _governed(nxt[0]):
            break  # منطقة البوكمال المتاخمة للحدود: an adjective that takes a preposition
        state = _next_state(r, state, w, written, nxt, (ws, we))
        if not state:
            break
        words.append((w, ws, we))
    while (words and not words[-1][0].startswith(ARTICLE)
           and ((_zipf(r.written(*words[-1][1:])) >= _RARE and not r.known(*words[-1]))
                or words[-1][0] in _name_heads())
           and not (len(words) > 1 and (words[-2][0] in _name_heads() or words[-2][0] in _titles()))):
        words.pop()  # a construct head left without its second term
    if not words:
        return None
    # a name head or a title before a further word opens a proper name, first or in
    # construct (أبو بكر، سد وادي أبيض)
    likely = any(w in _name_heads() or w in _titles() for w, _, _ in words[:-1]) or any(
        _zipf(r.written(ws, we)) < _RARE or _name_shaped(w, r.written(ws, we)) for w, ws, we in words)
    return words[0][1], words[-1][2], likely


# Below this wordfreq Zipf a word with a name's letters may be a name (الهول 3.6, نور 5.0).
_NAME_SHAPED_ZIPF = 4.5


def _name_shaped(key: str, written: str) -> bool:
    """Whether a word of middling frequency has the letters of a place name rather than of
    an ordinary word (the name model's letter log-odds above 0: الهول yes; البحوث، الحادث،
    الساحل no): after a strict head it is as name-like as a rare word."""
    return _zipf(written) < _NAME_SHAPED_ZIPF and name_logodds(key) > 0


def _middling(r: _Reader, ks: int, ke: int) -> bool:
    """Whether every word of the name at [ks, ke) is below the most frequent words of the
    language (Zipf < 4.5: سنجار 3.5، القصير 4.3; not الله 6.4، الأمن): a unit a place
    preposition governs is named so, a frequent word after its head is one of the head's
    other senses (في قضاء الله، مديرية الأمن)."""
    return all(_zipf(r.written(ws, we)) < _NAME_SHAPED_ZIPF for _, ws, we in r.tokens(ks, 8)
               if we <= ke)


def _own_adjective(r: _Reader, tok: tuple[str, int, int]) -> bool:
    """Whether ``tok`` is a definite relational adjective that no country's people take
    (الوطني، التعليمي، الجمهوري; not الروسية): part of a facility's proper name."""
    from .gazetteer import gazetteer

    g = gazetteer()
    return _nisba_after(r, tok) and tok[0] not in g.nisba_masc and tok[0] not in g.nisba_fem


def _nisba_after(r: _Reader, tok: tuple[str, int, int]) -> bool:
    """Whether ``tok`` is a definite relational adjective, a frequent word ending in ي or
    ية that is no direction (الأمريكية، الجوية، العسكري): it describes what precedes it."""
    w = tok[0]
    if not (w.startswith(ARTICLE) and w.isalpha() and len(w) > 4) or _is_direction(w):
        return False
    written = r.written(*tok[1:])
    return written.endswith(("ي", "ية")) and _zipf(written) >= _RARE


def _next_state(r: _Reader, state: str, w: str, written: str, nxt: tuple[str, int, int],
                at: tuple[int, int] = (0, 0)) -> str:
    """The role of ``w`` in the name after a word in role ``state`` ("" first), or "" when
    the name ends before it.

    A name is a definite noun (الشعلة), a rare word or two (هنانو، زور مغار), a known place
    (أربيل), a kunya (أبو بكر), or a common noun in construct with one of those (باب
    المعظم); a definite word closes a construct, so
    only a definite word (الباب الشرقي) follows it, and only a direction follows a rare name
    (طوكر الواقعة: an adjective of the sentence).
    """
    definite = w.startswith(ARTICLE)
    nisba = written.endswith(("ي", "ية")) and not _is_direction(w)
    if state == "":
        if w in _name_heads():
            return "kunya"  # before the article test: البو طلحة is a tribe's name
        if definite:
            return "def"
        if (_adjective(written) or (written.endswith("ي") and _zipf(written) >= _RARE
                                    and not _is_key(w) and not _is_direction(w))) \
                and r.folded.span(*at) not in r.placed:
            # an adjective of the head: منطقة جبلية، سوق مزدحمة (جبلي، مزدحم), مدرسة ثانوي;
            # not a word the gazetteer's row was accepted on in context (مخيم عقبة: عقبة
            # looks like the feminine of عقب, but the camp's head cued the town)
            return ""
        if _zipf(written) < _RARE or r.known(w, *at):
            return "name"  # هنانو, or a known place however frequent (مستشفى أربيل)
        # a common noun in construct with a definite word, a rare one, or a two-word name a
        # name head opens (سد وادي أبيض: the dam of Wadi Abyad)
        second = nxt[0].startswith(ARTICLE) or nxt[0] in _name_heads() or (
            nxt[0].isalpha() and _zipf(r.written(*nxt[1:])) < _RARE)
        return "construct" if second and (name_word(nxt[0], first=False) or nxt[0] in _titles()) else ""
    if state in ("construct", "name") and not definite and _adjective(written):
        return ""  # منطقة تسوق مزدحمة: an adjective of the phrase, no second term
    if state == "name" and not definite and _zipf(written) < _RARE:
        return "name2"  # قرية زور مغار: two rare words make one name
    if state == "construct" and w in _name_heads():
        return "kunya"  # سد وادي أبيض: the second term is a name a name head opens
    if state == "name" and w == ARTICLE:
        return "kunya"  # حدباء آل عوشان: آل (folded ال) names the family the place is of
    if state in ("construct", "kunya"):
        if definite:
            return "def"
        if state == "kunya":
            return "kname"
        return "name" if _zipf(written) < _RARE else ""
    if state == "kname":
        # a kunya takes an epithet: مسجد أبو بكر الصديق، جامع أبو حنيفة النعمان
        return "def" if definite or _is_direction(w) else ""
    if state == "def":
        return "def" if definite and not nisba else ""
    # A rare name in construct with a known place (سحم الجولان، معرة النعمان) or with a
    # definite noun that has no adjective's ending (إصبع الجليل); a definite word in ي or ة
    # after it may be an adjective of the sentence (طوكر الواقعة، قرية خربو الحدودية،
    # المحاصرة), and ends it.
    return "def" if definite and (_is_direction(w) or _is_key(w) or (
        state == "name" and not written.endswith(_ADJECTIVE_ENDINGS) and w not in _stop_words())) else ""


# Endings of the adjectives that follow a name (الحدودية، المحاصرة، الشرقي، الكبرى).
_ADJECTIVE_ENDINGS = ("ة", "ه", "ي", "ى")


def _is_key(w: str) -> bool:
    """A gazetteer key that is no ordinary word (الجولان; not الواقعة "located")."""
    from .gazetteer import gazetteer

    g = gazetteer()
    return w in g.by_key and w not in g.cue_keys


def _clitic_word(w: str, written: str) -> bool:
    """A preposition or conjunction on a common word (لدفن، ومستوطنة، لنجيب), or a word
    with a pronoun (سيطرتها): not a name."""
    if written.endswith(("ةها", "ةهم", "ةه")):
        return True
    if w.endswith(("ها", "هم")) and _zipf(written[:-2]) >= _RARE:
        return True
    return (w[:1] in "وفل" and len(w) > 2 and _zipf(written[1:]) >= _RARE
            and _zipf(written[1:]) > _zipf(written))


def _names(
    r: _Reader, head_end: int, many: bool, one_word: bool = False, facility: bool = False,
    settlement: bool = False,
) -> list[tuple[int, int, bool, str]]:
    """The names after a head: one, or a list after a dual or plural head.

    Each is (key start, key end, name-like, the head of a list item that has its own:
    أحياء الشعار وطريق الباب → طريق for the second). ``one_word``: a common word
    that closes the phrase is a name after this head (قرية توكل شمال المقدادية).
    ``settlement``: a village or town head, whose name may be two or three common words
    running to the phrase's end (:func:`_to_close`).
    """
    if many:
        head_end = _past_coordinated_head(r, head_end)
        # مدن مثل النيرب وسرمين: a word that opens the list stands before its first name
        opener = r.tokens(head_end, 1)
        if opener and opener[0][0] in _list_openers():
            head_end = opener[0][2]
    got = _name(r, head_end, facility)
    if one_word and settlement:
        got = _to_close(r, head_end, got) or got
    if got is None and one_word:
        got = _one_word(r, head_end)
    if got is None:
        return []
    out = [(*got, "")]
    commas = 0  # how many items a comma brought in
    paired = False  # whether an item was joined by و alone
    while many:
        toks = r.tokens(out[-1][1], 3)
        if toks and toks[0][0] in _CLOSE:
            toks = toks[1:]  # قاعدتي “بلد” و”فيكتوريا”: past the quote that closes the name
        if len(toks) > 1 and _is_direction(toks[0][0]) and not toks[0][0].startswith(ARTICLE):
            # منطقتي الأمينية شمالي حمص وأم حارتين: past the direction and the one-word
            # place that locate an item
            joint = toks[1][0].startswith("\u0648") or not toks[1][0].isalpha()
            toks = r.tokens(toks[1][1] if joint else toks[1][2], 3)
        if not toks:
            break
        w, ws, _ = toks[0]
        if w == "\u0648" and len(toks) > 1:
            nxt = toks[1][1]  # و standing apart before a quoted name
        elif w in ("\u060c", ","):
            nxt = toks[1][1] if len(toks) > 1 else None
            if nxt is not None and (commas or not paired) and toks[1][0].startswith("و") \
                    and len(toks[1][0]) > 3:
                # the last item of a comma list after و (النيرب، سرمين، وفريكة); after a pair
                # joined by و a comma and و open the next clause (معربليت ومعرزاف، وأصيب)
                nxt += 1
            commas += 1
        elif w.startswith("و") and len(w) > 2:
            nxt = ws + 1
            paired = True
        else:
            break
        if nxt is None:
            break
        inner = r.tokens(nxt, 1)
        if inner and inner[0][0] in place_heads():
            item = _name(r, inner[0][2])
            own = inner[0][0]
            if item is not None and place_heads()[own]["number"] == "many" \
                    and not r.key.startswith(ARTICLE, item[0]) and " " not in r.key[item[0]:item[1]]:
                break  # ومناطق حراجية: a plural of things and its adjective, no list item
        else:
            item, own = _name(r, nxt) or _between_joints(r, nxt), ""
            if one_word and settlement:
                item = _to_close(r, nxt, item) or item  # قريتي العامرية ونهر الإمام في
            if item is None and one_word:
                # بلدتي تسيل وعدوان: after a village or town head a common word that
                # closes the phrase is a name, in the list as in the first place
                item = _one_word(r, nxt)
        if item is None:
            break
        # In a list, a definite item is a name like the first (والمرجة) when the first is
        # name-like; after a common first item (مناطق النزاع والصراع) it is a common noun too.
        out.append((item[0], item[1], item[2] or (out[0][2] and r.key.startswith(
            ARTICLE, item[0])), own))
    return out


def _closes(r: _Reader, pos: int) -> bool:
    """Whether the phrase ends at ``pos``: punctuation, a number, the end of the line, a
    preposition, a direction (شمال، غربي), the next item of a list (و...) or a definite
    adjective agreeing with the head or governing a preposition (القريبة، القريب من)."""
    toks = r.tokens(pos, 1)
    if not toks:
        return True
    w, ws, we = toks[0]
    if not w.isalpha():
        return True
    if w in place_prepositions() or _is_direction(w) or (w.startswith("و") and len(w) > 2):
        return True
    if not w.startswith(ARTICLE):
        return False
    after = r.tokens(we, 1)
    return _adjective(r.written(ws, we)) or bool(after and after[0][0] in place_prepositions())


def _located(r: _Reader, pos: int, rows: list[dict]) -> bool:
    """Whether a direction and a known place follow ``pos`` (منطقة باب الحسين وسط الحلة،
    مرآب الملاحة وسط الديوانية): a phrase so located names a place, however common its
    words; a one-word name under a name head stays the common noun (منطقة الحادث وسط بغداد)."""
    toks = r.tokens(pos, 2)
    if len(toks) < 2 or not _is_direction(toks[0][0]):
        return False
    starts = {r.folded.span(ws, we)[0] for _, ws, we in toks}
    return any(x["start"] in starts for x in rows)


# Places a district, town or village is said to lie in (Kirkuk, the city, names its province
# as often as the governorate row does).
_PROVINCES = frozenset({"governorate", "city", "capital"})


def _in_province(r: _Reader, pos: int, rows: list[dict]) -> bool:
    """Whether a place preposition and a known province follow ``pos`` (ناحية العبارة في
    ديالى، قرية الدب بكركوك): a unit placed in its province is a place, however common
    its name's word; a common noun after the head is rarely placed so (من ناحية الأمن)."""
    toks = r.tokens(pos, 2)
    if not toks:
        return False
    if toks[0][0] in place_prepositions() and len(toks) == 2:
        at = toks[1]
    elif toks[0][0].startswith(BEH):
        at = toks[0]  # قرية الدب بكركوك: the preposition written onto the province
    else:
        return False
    ws, we = r.folded.span(at[1], at[2])
    lo = ws + (at is toks[0])  # بغداد itself begins with ب: the proclitic comes before the name
    return any(lo <= x["start"] < we and x.get("place_type") in _PROVINCES for x in rows)


def _locator(r: _Reader, pos: int, rows: list[dict], within: bool = False) -> dict | None:
    """The known place a direction or a place preposition right after ``pos`` locates the
    phrase in (منطقة الجنينة في محافظة البصرة → محافظة البصرة; حي X وسط بغداد → بغداد).

    ``within``: only a place that holds the phrase — after a preposition of place (في، قرب،
    داخل), a direction or an adjective of belonging, and through the land around a place
    (بلدة X في ريف حلب، التابعة لمحافظة دير الزور → حلب، محافظة دير الزور); not after
    إلى، من، مع, which tell where to or from."""
    toks = r.tokens(pos, 4)
    if not toks:
        return None
    clitics: tuple[str, ...] = (BEH,)
    preps = place_locatives() if within else place_prepositions()
    if within and len(toks) >= 2 and toks[0][0] in _cue_forms("belonging"):
        # التابعة لمحافظة X، الواقعة في X: the adjective takes the place with ل as well
        toks, clitics = toks[1:], (BEH, LAM)
    if len(toks) >= 2 and (toks[0][0] in preps or _is_direction(toks[0][0])):
        at, lo_shift, rest = toks[1], 0, toks[2:]
    elif toks[0][0].startswith(clitics):
        at, lo_shift, rest = toks[0], 1, toks[1:]  # بالبصرة: the preposition written onto the place
    else:
        return None
    if within and rest and at[0][lo_shift:] in _cue_forms("around"):
        # في ريف حلب، بريف دير الزور: what lies in the land around a place lies in it
        at, lo_shift, rest = rest[0], 0, rest[1:]
    if rest and at[0][lo_shift:] in _town_heads():
        # مدرسة الحسن بمدينة الميادين: the head of a town before its name
        at, lo_shift = rest[0], 0
    ws, we = r.folded.span(at[1], at[2])
    # على الحدود مع إسرائيل: a border runs beside the phrase, it holds nothing
    return next((x for x in rows if ws + lo_shift <= x["start"] < we and x.get("country")
                 and x.get("place_type") != "border"), None)


@cache
def _town_heads() -> frozenset[str]:
    """The heads of one administrative unit or town (مدينة، بلدة، قرية، ناحية، قضاء): the
    place named after them locates a phrase before them as the name alone does."""
    return frozenset(f for f, h in place_heads().items() if h["admin"] == "yes" and h["number"] == "one")


def located_after(folded: FoldedText, rows: list[dict], pos: int) -> bool:
    """Whether a known place of ``rows`` locates the phrase ending at key ``pos``, through a
    direction, a place preposition or ب (جمرايا بدمشق، العلاوي وسط بغداد): what is so placed
    is a place.

    >>> from workbench.find.places import find_places
    >>> from workbench.text.lexmatch import fold
    >>> f = fold("في كورمور قرب كركوك")
    >>> located_after(f, find_places(f.text).to_dict("records"), 9)
    True
    """
    r = _Reader(folded, rows)
    if _locator(r, pos, rows) is not None:
        return True
    # وسط بغداد read as one row of a direction: it starts at the direction
    toks = r.tokens(pos, 1)
    start = folded.span(toks[0][1], toks[0][2])[0] if toks else -1
    return any(x["start"] == start and "direction" in str(x.get("flags", "")) for x in rows)


def _elsewhere(row: dict, locator: dict | None) -> bool:
    """Whether the gazetteer's reading of a name lies outside the place the text locates it in
    (الجنينة, a town of Sudan, told في محافظة البصرة): a homonym, not the place meant."""
    if locator is None or locator.get("country") not in _LOCAL_COUNTRIES:
        return False
    if row.get("country") != locator["country"]:
        return True
    return bool(row.get("admin1") and locator.get("admin1")) and row["admin1"] != locator["admin1"]


def _one_word(r: _Reader, pos: int) -> tuple[int, int, bool] | None:
    """One indefinite word that closes the phrase after a head: a name however common the
    word (قرية توكل شمال المقدادية، مطار أتاتورك 2016), unless it is an adjective of the
    head (قرية صغيرة، مطار عسكري، بلدة سورية)."""
    toks = r.tokens(pos, 1)
    if not toks:
        return None
    w, ws, we = toks[0]
    written = r.written(ws, we)
    if (not name_word(w, first=True) or _clitic_word(w, written) or w.startswith(ARTICLE)
            or written.endswith(("ي", "ية", "ى")) or len(w) < 3):
        return None
    if _adjective(written) and not _definite_adjective(r, we):
        # قرية صغيرة is a small village; قرية بارة التابعة لخانصور, whose adjective is
        # definite, is a named one
        return None
    return (ws, we, True) if _closes(r, we) else None


def _to_close(r: _Reader, pos: int, got: tuple[int, int, bool] | None
              ) -> tuple[int, int, bool] | None:
    """Two or three plain words that run from a village or town head to the end of the
    phrase, longer than the name the grammar read: a village's name, however common its
    words (قرية تشومو خلف في قضاء سنجار، قرية موره بان شاخ في كركوك، قرية نبع الصخر بريف
    القنيطرة), as :func:`_one_word` takes one such word. None when the phrase runs on (قرية
    العامرية شهدت هجوما) or holds an adjective of the head (بلدة صغيرة نائية)."""
    words: list[tuple[str, int, int]] = []
    for w, ws, we in r.tokens(pos, _MAX_WORDS):
        written = r.written(ws, we)
        if not (name_word(w, first=not words) or (words and w in _titles())) \
                or _clitic_word(w, written) or _adjective(written) \
                or (not w.startswith(ARTICLE) and written.endswith(("ي", "ى"))) \
                or _nisba_after(r, (w, ws, we)) or _beh_phrase(r, ws) \
                or (not words and w.startswith("\u0648")) \
                or (words and words[0][0].startswith(ARTICLE)):
            # و opens another clause (قرى وتشريد الآلاف); a definite word is complete: a
            # definite word after it is its adjective (قرى الصيادين الأكثر تضررا), and an
            # indefinite one, which no definite noun takes in construct, opens the rest of
            # the sentence (قرية الزهراوية بعد تمشيط المنطقة)
            return None
        words.append((w, ws, we))
        # a rare word (تشومو خلف), or a noun in construct with a definite one (نبع الصخر);
        # common words else are a phrase of the sentence (قرى الصيادين الأكثر تضررا)
        named = any(_zipf(r.written(a, b)) < _RARE for _, a, b in words) or (
            len(words) == 2 and not words[0][0].startswith(ARTICLE) and w.startswith(ARTICLE))
        if len(words) >= 2 and named and (got is None or we > got[1] or not got[2]) \
                and (_closes(r, we) or _beh_phrase(r, we)):
            return words[0][1], we, True
    return None


def _beh_phrase(r: _Reader, pos: int) -> bool:
    """Whether a word with the preposition ب written onto it follows ``pos`` (بريف
    القنيطرة، بمحافظة ديالى): a phrase of place that ends the name before it."""
    toks = r.tokens(pos, 1)
    return bool(toks) and toks[0][0].startswith(BEH) and len(toks[0][0]) > 3 \
        and _zipf(r.written(*toks[0][1:])[1:]) >= _RARE


def _definite_adjective(r: _Reader, pos: int) -> bool:
    """Whether a definite feminine adjective follows ``pos`` (التابعة، الواقعة): the phrase
    before it is definite, so an indefinite word in it is a proper name."""
    toks = r.tokens(pos, 1)
    return bool(toks) and toks[0][0].startswith(ARTICLE) and toks[0][0].isalpha() \
        and _adjective(r.written(*toks[0][1:]))


def _between_joints(r: _Reader, pos: int) -> tuple[int, int, bool] | None:
    """A list item of one to three plain words between two joints (أحياء الميسر وقاضي عسكر
    والجزماتي): the list's commas and و delimit it where the name grammar does not."""
    words: list[tuple[str, int, int]] = []
    for w, ws, we in r.tokens(pos, _MAX_WORDS + 1):
        if w in ("\u060c", ",") or (words and w.startswith("و") and len(w) > 2):
            break
        if not name_word(w, first=not words) or _clitic_word(w, r.written(ws, we)):
            return None
        words.append((w, ws, we))
    else:
        return None
    if not words or len(words) > _MAX_WORDS:
        return None
    return words[0][1], words[-1][2], False


# Kinds of place named by the two places they join, written with a dash between
# (طريق حلب – دمشق، طريق أم باطنة- نبع الصخر): the road from one to the other.
_ROAD_KINDS = frozenset({"road"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _other_end(r: _Reader, name: tuple[int, int, bool, str]
               ) -> tuple[tuple[int, int, bool, str], bool]:
    """A road's name run on over a dash to the name of its other end (طريق مريمين – اعزاز:
    one road, the mention of both towns), and whether it was. A head after the dash opens
    the next item of a list (حي الفردوس - دوار النعيم)."""
    ks, ke, likely, own = name
    toks = r.tokens(ke, 2)
    if len(toks) < 2 or toks[0][0] not in _DASHES or toks[1][0] in place_heads():
        return name, False
    got = _name(r, toks[1][1])
    if got is None:
        return name, False
    return (ks, got[1], likely or got[2], own), True


def _past_coordinated_head(r: _Reader, pos: int) -> int:
    """Past a second plural head joined to the first by و (بلدات وقرى الباره، وبلشون): two
    kinds of place open one list, whose names follow the second head."""
    toks = r.tokens(pos, 1)
    if toks and toks[0][0].startswith("\u0648"):
        spec = place_heads().get(toks[0][0][1:])
        if spec is not None and spec["number"] == "many":
            return toks[0][2]
    return pos


def _before_resumptive(r: _Reader, pos: int) -> bool:
    """Whether a preposition with a resumptive pronoun follows ``pos`` (فيها، منه): the
    words before it open a relative clause on the head, no name."""
    toks = r.tokens(pos, 1)
    return bool(toks) and toks[0][0] in _cue_forms("resumptive")


@cache
def _list_openers() -> frozenset[str]:
    """Words between a plural head and its list (مدن مثل النيرب، قرى منها الهباط)."""
    return _cue_forms("list_opener")


def place_locatives() -> frozenset[str]:
    """Words after which a phrase tells where (في، قرب، عند، داخل: ``locative`` in
    ``place_cues.csv``)."""
    return _cue_forms("locative")


@cache
def place_prepositions() -> frozenset[str]:
    """Words after which a name is a place (في، على، قرب، ريف، محيط ...: ``preposition``
    in ``place_cues.csv``)."""
    return _cue_forms("preposition")


def _own_head(r: _Reader, ks: int) -> tuple[int, int]:
    """The key span of the head word right before a list item's name (و طريق → طريق)."""
    j = ks
    while j > 0 and r.key[j - 1] in " \t\u00a0":
        j -= 1
    i = j
    while i > 0 and r.key[i - 1].isalpha():
        i -= 1
    if r.key[i:j].startswith("و") and r.key[i + 1:j] in place_heads():
        i += 1
    return i, j


def _known(rows: StartIndex, folded: FoldedText, ks: int, ke: int) -> bool:
    """Whether the gazetteer found a place inside the key span ``[ks, ke)``."""
    return rows.holds(*folded.span(ks, ke))


def _holds_place(name: str) -> bool:
    """Whether a run of the words of ``name`` is a gazetteer key (طريق الباب: al-Bab, a
    name the gazetteer reads only after a cue)."""
    from .gazetteer import gazetteer

    words = name.split()
    by_key = gazetteer().by_key
    return any(" ".join(words[i:j]) in by_key
               for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def _gazetteer_reading(r: _Reader, inside: list[dict], ks: int, ke: int) -> bool:
    """Whether a town or village head's name is the gazetteer's place and words of the
    sentence (مدينة الموصل القديمة، مدينة بعقوبة الواقعة), not a longer name that holds
    it: a name head alone (قرية دير شرقي: دير), a name in construct with another known
    place (بلدة سحم الجولان) or a name of two words or more in quotes is the longer name's."""
    folded = r.folded
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(r.key, ks, ke)]
    before, after = r.key[:ks].rstrip()[-1:], r.key[ke:].lstrip()[:1]
    if len(words) > 1 and before in _OPEN and after == _OPEN[before]:
        return False  # قرية “خدر خجيجة”: the quotes hold the whole name
    for row in inside:
        covered = [w for w in words if folded.span(w[1], w[2])[0] >= row["start"]
                   and folded.span(w[1], w[2])[1] <= row["end"]]
        if len(covered) == 1 and covered[0][0] in _name_heads() and len(words) > 1:
            return False
        if words[0] not in covered and not words[0][0].startswith(ARTICLE):
            return False  # قرية زور مغار: an indefinite noun in construct with the place
        rest = [w for w in words if w not in covered]
        if any(_is_key(w) and not (_is_direction(w) or w in _AGE or _adjective(r.written(ws, we)))
               for w, ws, we in rest):
            return False
    return True


def _described(rest: str) -> bool:
    """Whether ``rest``, the words after a known facility's name (its head among them), are
    only definite relational adjectives that name no direction (الجوية، الأمريكية، العسكري):
    they describe it rather than extend its name."""
    words = rest.split()
    return bool(words) and len(words) <= 2 and all(
        w.startswith(ARTICLE) and w.endswith(("ي", "ية")) and not _is_direction(match_key(w))
        and _zipf(w) >= _RARE for w in words)


# Marks that join the items of a list of places written without و (حي الفردوس - دوار النعيم).
_JOINTS = frozenset({"-", "\u2013", "\u060c", ",", "/"})


def _beside_place(r: _Reader, h: re.Match, ke: int, places: list[dict]) -> bool:
    """Whether the phrase of head ``h`` ending at ``ke`` stands in a list beside another
    place: a joint (a dash, a comma, و) between it and a place row before it, or between it
    and another head noun after it (حي الفردوس - دوار النعيم - حي سيف الدولة)."""
    folded = r.folded
    ends = {x["end"] for x in places}
    if h.group().startswith("\u0648") and h.group() != h.group("head"):
        j = h.start()  # ودوار النعيم: the و is the joint
    else:
        j = h.start()
        while j > 0 and r.key[j - 1] in " \t\u00a0":
            j -= 1
        if j == 0 or r.key[j - 1] not in _JOINTS:
            j = -1
        else:
            j -= 1
    if j > 0:
        while j > 0 and r.key[j - 1] in " \t\u00a0":
            j -= 1
        if folded.span(j, j)[0] in ends:
            return True
    toks = r.tokens(ke, 2)
    return len(toks) == 2 and toks[0][0] in _JOINTS and (
        toks[1][0] in place_heads() or toks[1][0][1:] in place_heads())


def _facility_row(head: str, name: str) -> dict | None:
    """The gazetteer's row for ``head name`` when it is a key (قاعده + بلد الجويه), else None."""
    from .gazetteer import gazetteer
    from .places import gazetteer_row

    g = gazetteer()
    rows = g.by_key.get(f"{head} {name}")
    if not rows or f"{head} {name}" in g.cue_keys:
        return None
    return {**gazetteer_row(rows[0]), "flags": "facility"}


# Kinds a gazetteer row and a head may name alike (قاعدة: the base, air or land).
_BASES = frozenset({"air_base", "military_base"})


def _same_kind(row_type: str, head_type: str) -> bool:
    """Whether a gazetteer row's kind is the kind its head announces (camp after مخيم)."""
    return row_type == head_type or (row_type in _BASES and head_type in _BASES)


def place_context(rows: list[dict], bounds: tuple[int, int], start: int, end: int) -> dict:
    """admin1 and country of the next known place in the sentence, else the one before."""
    known = [x for x in rows if x.get("admin1") and bounds[0] <= x["start"] < bounds[1]
             and not (start <= x["start"] < end)]
    after = [x for x in known if x["start"] >= end]
    before = [x for x in known if x["start"] < start]
    pick = min(after, key=lambda x: x["start"]) if after else (
        max(before, key=lambda x: x["start"]) if before else None)
    return {"admin1": pick["admin1"], "country": pick["country"]} if pick else {}


# Kinds of place a town has many of, told by their kind (الحي الصناعي، السوق التجاري،
# الشارع التجاري، المنطقة الوسطى): the phrase describes one, it names none.
_KIND_NAMED_KINDS = frozenset({"street", "market", "square", "road"})
# Quarters told by their kind where a place preposition governs them (في الحي العصري، بالحي
# الغربي، في الضاحية السكنية): the quarter where it happened.
_QUARTER_KINDS = frozenset({"neighbourhood"})


@cache
def _definite_head_regex() -> re.Pattern[str]:
    """A definite head of one building (المستشفى، بالسجن): the article, written alone or
    after a proclitic preposition or conjunction, before the head."""
    forms = sorted((f for f, h in place_heads().items()
                    if h["number"] == "one" and h["admin"] != "yes" and " " not in f and (
                        (h["span"] == "whole" and h["place_type"] not in _AREA_KINDS | _KIND_NAMED_KINDS)
                        or h["place_type"] in _QUARTER_KINDS)),
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:[وف]?[بك]?ال|[وف]?لل)(?P<head>" + "|".join(forms) + r")(?!\w)")


def _definite_adjective_word(tok: tuple[str, int, int]) -> bool:
    """A definite relational adjective or direction (العسكري، المركزي، الغربي), not a
    gazetteer place (مستشفى الكندي is named after one)."""
    w = tok[0]
    if not (w.startswith(ARTICLE) and w.isalpha() and len(w) > 4):
        return False
    return _is_direction(w) or (w.endswith("ي") and not _is_key(w))


def _attack_slot(r: _Reader, m: re.Match, ends: list[int]) -> bool:
    """Whether the head of ``m`` stands where an attack clause puts its place: right after a
    trigger of political violence whose object it is (استهدفت منطقة X، قصفت ناحية X), or
    after على (``attack_target``) in a sentence that reports an attack (غارة على منطقة X);
    ``ends`` are the key positions of the text's sentence ends.

    >>> from workbench.text.lexmatch import fold
    >>> f = fold("غارة على منطقة الكرم. وعلّق على منطقة الكرم")
    >>> [_attack_slot(_Reader(f), h, [20, len(f.key)]) for h in _place_heads_in(f)]
    [True, False]
    """
    from .violence import attack_offsets, reports_attack

    j = m.start()
    while j > 0 and r.key[j - 1] in " \t\u00a0":
        j -= 1
    before = word_before(r.key, m.start())
    if not before:
        return False
    if r.folded.span(j - len(before), j)[0] in attack_offsets(r.folded):
        return True
    bare = before[1:] if before[:1] in "\u0648\u0641" else before
    return bare in _cue_forms("attack_target") and reports_attack(
        r.folded, *sentence_bounds(r.folded, ends, m.start()))


def _governed_by_locative(r: _Reader, m: re.Match) -> bool:
    """Whether a preposition of place governs the definite head of ``m``: a locative before
    it (قرب الملعب البلدي، على محيط المشفى الوطني) or ب written onto it (بالمستشفى
    العسكري). The building is then where something happened, not where casualties were
    taken (نقل المصابين إلى المشفى الوطني) nor what a clause speaks of."""
    if BEH in r.key[m.start():m.start("head")]:
        return True
    before = word_before(r.key, m.start())
    return before in place_locatives() or (before[:1] in "\u0648\u0641" and before[1:] in place_locatives())


def _definite_head_rows(r: _Reader, rows: list[dict], found: list[dict],
                        ends: list[int]) -> list[dict]:
    """Buildings told by a definite head and a definite adjective that the text locates in
    a known place (المستشفى العسكري بمقديشو، السجن المركزي في X) or that a place preposition
    governs (قرب الملعب البلدي، على محيط المشفى الوطني): the phrase names the one such
    building of that town, though it holds no name. Streets and markets so told (السوق
    التجاري) are descriptions of a kind a town has many of; a quarter so told is the
    quarter where it happened only where a place preposition governs it (في الحي العصري،
    بالحي الغربي; not تركزت الغارات على الحي الشمالي). Unlocated, the phrase describes."""
    key, text = r.key, r.folded.text
    heads = place_heads()
    out: list[dict] = []
    for m in _definite_head_regex().finditer(key):
        head = heads[m.group("head")]
        toks = r.tokens(m.end(), 1)
        if not toks or not _definite_adjective_word(toks[0]):
            continue
        governed = _governed_by_locative(r, m)
        if head["place_type"] in _QUARTER_KINDS and not governed:
            continue
        if not _located(r, toks[0][2], rows) and _locator(r, toks[0][2], rows) is None \
                and not governed:
            continue
        s = r.folded.span(m.start("head"), m.end("head"))[0] - 2
        e = r.folded.span(*toks[0][1:])[1]
        if any(x["start"] < e and s < x["end"] for x in [*rows, *found, *out]):
            continue
        out.append({**unknown_row(text, s, e, head["place_type"], _unknown_flags(head)),
                    "_sentence": sentence_bounds(r.folded, ends, m.start())})
    return out


def local_name_rows(folded: FoldedText, rows: list[dict]) -> list[dict]:
    """``rows`` (the gazetteer's place rows) with the local names after head nouns added.

    A gazetteer row inside a longer name under a local head is replaced by the name.

    >>> from workbench.text.lexmatch import fold
    >>> [r["text"] for r in local_name_rows(fold("قصف على أحياء الشعار وطريق الباب"), [])]
    ['الشعار', 'طريق الباب']
    """
    key, text = folded.key, folded.text
    if _head_regex().search(key) is None and _definite_head_regex().search(key) is None:
        return rows
    reader = _Reader(folded, rows)
    ends = [m.start() for m in SENTENCE_END.finditer(key)] + [len(key)]
    heads = place_heads()
    dropped: set[int] = set()
    found: list[dict] = []
    index = StartIndex(rows)  # the rows by start: a long text's names each read the few near them
    for h in _place_heads_in(folded):
        spec = heads[h.group("head")]
        many = spec["number"] == "many"
        facility = spec["span"] == "whole" and spec["place_type"] not in _AREA_KINDS
        # the head of one administrative unit that a place preposition governs (في قضاء
        # بلد، بناحية الشمال) is the unit where something happened, and the word after it
        # its name however common (في قضاء الحادث is not said: قضاء's other senses, "the
        # judiciary", "spending time", take no preposition of place)
        # and so is the head an attack clause puts in its place slot (استهدفت ناحية X، غارة
        # على منطقة X): in a report of an attack that slot holds where it happened
        governed = not many and (_governed_by_locative(reader, h) or _attack_slot(reader, h, ends))
        placed = spec["admin"] == "yes" and governed
        names = _names(reader, h.end(), many, spec["one_word"] == "yes" or placed, facility,
                       spec["place_type"] in _SETTLEMENT_KINDS)
        ends_joined = False  # a road told by the two places it joins (طريق حلب – دمشق)
        if names and not many and spec["place_type"] in _ROAD_KINDS:
            names[0], ends_joined = _other_end(reader, names[0])
        # a list whose other items are known places or carry their own head (مناطق البلديات
        # ومدينة الصدر والعبيدي) makes a place of each item, however common the word
        listed = len(names) > 1 and any(own or _known(index, folded, ks, ke) or _holds_place(
            key[ks:ke]) for ks, ke, _, own in names[1:])
        adjectives = many and _adjectives(names, index, folded)
        for ks, ke, likely, own in names:
            head = heads[own or h.group("head")]
            if not key.startswith(ARTICLE, ks) and _before_resumptive(reader, ke):
                continue  # منطقة يشيع فيها: a relative clause describes the head
            hs = folded.span(h.start("head"), h.end("head"))[0] if not own else None
            ns, ne = folded.span(ks, ke)
            lo_row = ns if hs is None else hs
            known = index.holds(lo_row, ne) or _holds_place(
                key[ks:ke])
            if not own and many and adjectives:
                continue  # مناطق هجينة ووعرة: adjectives of the plural head, no names
            if (many or facility) and not own and key.startswith(ARTICLE, ks) \
                    and _told_before(key[ks + 2:ke]):
                # أحياء المدينة "the quarters of the city", سوق المدينة "the town's market",
                # مناطق المحافظتين: the places the text speaks of, no name (قضاء المدينة, a
                # settlement's head, may still name a town called so)
                continue
            known = known or listed
            long_name = head["span"] == "whole" or len(key[ks:ke].split()) > 1
            # a phrase the sentence places in a known place (مدرسة الحسن بمدينة الميادين،
            # مجمع القصور الرئاسية في تكريت، سوق الصناعة بمدينة الموصل) names a place, as one
            # placed in its province, after a strict head as after any
            located = (long_name and _located(reader, ke, rows)) or (
                head["admin"] == "yes" and _in_province(reader, ke, rows)) or (
                long_name and _locator(reader, ke, rows) is not None) or (
                placed and not own and _middling(reader, ks, ke)) or (
                # any head in a place slot, its name placed in a known place (غارة على منطقة
                # القصير في ريف حمص): a name of no frequent word, however common (القصير 4.3)
                governed and not own and _middling(reader, ks, ke)
                and _locator(reader, ke, rows, within=True) is not None)
            if not own and not (likely or known or located) and _beside_place(
                    reader, h, ke, rows + found):
                likely = True  # حي الفردوس - دوار النعيم - حي سيف الدولة: a list of places
            if (head["strict"] == "yes" and not (likely or known or located)) or (
                    head["strict"] == "known" and not (known or located)):
                continue
            s = ns
            # a plural head before one name, no list, names a range with it (جبال قنديل)
            single = not many or (len(names) == 1 and head["span"] == "whole")
            if head["span"] == "whole" and (own or single):
                s = hs if hs is not None else folded.span(*_own_head(reader, ks))[0]
            # Rows over the name, or over the head and part of the name (منطقة الباب).
            inside = [i for i, x in enumerate(rows) if x["start"] < ne and ns < x["end"]]
            exact = any(rows[i]["start"] == ns and rows[i]["end"] == ne for i in inside)
            # a settlement of the gazetteer under a local head that the words after the name
            # place elsewhere is a homonym: the local name is read (منطقة الجنينة في محافظة
            # البصرة is no town of Sudan); a name that honours (مستشفى القدس) points away
            homonym = exact and not own and head["named_after"] != "honour" and all(
                rows[i].get("place_type") in _SETTLEMENTS and _elsewhere(rows[i], _locator(reader, ke, rows))
                for i in inside)
            exact = exact and not homonym
            if exact and head["named_after"] != "honour":
                # the gazetteer knows the name (مطار بغداد: Baghdad, a facility); a place of
                # the head's own kind is named with its head (مخيم المغازي, as Wikipedia
                # titles camps), so the mention takes the head in, as does a head that names
                # the land around the place (بادية تدمر: the desert of Palmyra)
                for i in inside:
                    if hs is not None and not own and single and (head["named_after"] == "around" or (
                            head["span"] == "whole"
                            and _same_kind(rows[i].get("place_type", ""), head["place_type"]))):
                        index.move(i, hs)
                continue
            town = [i for i in inside if rows[i]["start"] == ns and rows[i]["end"] == ne
                    and rows[i].get("country") in _LOCAL_COUNTRIES
                    and rows[i].get("place_type") in _SETTLEMENTS]
            if town and not own and head["place_type"] in _BUILT_IN_TOWN and hs is not None:
                # مستشفى كركوك: a hospital named after a town of Iraq or Syria lies in it;
                # the phrase is the mention and the town its place, flagged facility (مستشفى
                # القدس in Aleppo honours a place elsewhere)
                row = rows[town[0]]
                index.move(town[0], hs)
                flags = [f for f in str(row.get("flags", "")).split(";") if f]
                if head["place_type"] not in _AREA_KINDS and "facility" not in flags:
                    row["flags"] = ";".join([*flags, "facility"])
                continue
            if any(rows[i]["start"] < lo_row or rows[i]["end"] > ne for i in inside):
                continue  # a known name runs past it
            if not ends_joined and any(rows[i]["end"] == ne and (
                    rows[i]["start"] < ns or (head["span"] == "whole" and not exact)) for i in inside):
                # the gazetteer names head and name together (قاعدة عين الأسد), or a road
                # or a bridge runs to a known place (طريق بغداد الكوت); a settlement's name
                # may end in one (بلدة سحم الجولان)
                continue
            described = [i for i in inside if hs is not None and head["span"] == "whole"
                         and rows[i]["start"] <= hs and _described(text[rows[i]["end"]:ne])]
            if described:
                # قاعدة فيكتوريا الجوية: the base the gazetteer knows, described; the mention
                # runs over the words that describe it
                rows[described[0]]["end"] = ne
                continue
            if inside and head["admin"] == "yes" and not homonym and _gazetteer_reading(
                    reader, [rows[i] for i in inside], ks, ke):
                continue  # مدينة الموصل القديمة: the town the gazetteer knows
            if any(f["start"] <= s < f["end"] for f in found):
                continue
            dropped.update(inside)
            if ends_joined and inside:
                # طريق مريمين – اعزاز: the road is told by the first known town it joins, as a
                # camp by the town it stands by (مخيم جنين)
                end_row = rows[inside[0]]
                found.append({**end_row, "start": s, "end": ne,
                              "flags": ";".join(f for f in (end_row.get("flags"), "facility") if f)})
                continue
            known_row = _facility_row(own or h.group("head"), key[ks:ke])
            if known_row is not None and head["span"] == "whole":
                # قاعدة "بلد الجوية": the gazetteer knows head and name once the quotes
                # around the name are read through
                found.append({"start": s, "end": ne, **known_row})
                continue
            row = unknown_row(text, s, ne, head["place_type"], _unknown_flags(head))
            if head["named_after"] == "around" and (own or single):
                # معسكر زمزم، بادية البشري: the mention takes the head in, as for a known
                # name, and the place is the name's (مخيم زمزم and معسكر زمزم are one)
                row["start"] = hs if hs is not None else folded.span(*_own_head(reader, ks))[0]
            found.append({**row, "_sentence": sentence_bounds(folded, ends, ks)})
    kept = [x for i, x in enumerate(rows) if i not in dropped]
    found += _definite_head_rows(reader, kept, found, ends)
    for f in found:
        f["text"] = text[f["start"]:f["end"]]
        if "_sentence" in f:
            # once every local name is read: a town inside a later one (حي العمارة in
            # Jableh) is no known place to take a governorate from
            f.update(place_context(kept, f.pop("_sentence"), f["start"], f["end"])
                     or _named_after(rows, f))
    return kept + found


def _named_after(rows: list[dict], row: dict) -> dict:
    """admin1 and country of the known town a facility is named after (ملعب حلب الدولي: a
    stadium of Aleppo), for a facility whose sentence names no other known place. Only then:
    a quarter's name holds other towns' names (حي العمارة in Jableh is not Amarah)."""
    if "facility" not in row["flags"].split(";"):
        return {}
    inside = [x for x in rows if x.get("admin1") and row["start"] <= x["start"] < row["end"]]
    return {"admin1": inside[0]["admin1"], "country": inside[0]["country"]} if inside else {}


def _chain(r: _Reader, h: re.Match, many: bool, by_start: dict[int, int],
           rows: list[dict]) -> tuple[list[int], int]:
    """The rows that stand right after head ``h``, and in a list after a plural one (قريتي
    الجديدة والقصر), with the key position where the phrase ends."""
    pos = h.end()
    if many:
        pos = _past_coordinated_head(r, pos)
        opener = r.tokens(pos, 1)
        if opener and opener[0][0] in _list_openers():
            pos = opener[0][2]
    positions = r.folded.positions()
    chain: list[int] = []
    while True:
        toks = r.tokens(pos, 2)
        if not toks:
            break
        w, ws, we = toks[0]
        shifts = (0,)
        if chain:
            joined = w in ("\u060c", ",", "\u0648") and len(toks) > 1
            if joined:
                w, ws, we = toks[1]
            if w.startswith("\u0648") and len(w) > 2:
                shifts = (1, 0)  # والقصر: the و joins the next item (ورد: or a name in و)
            elif not joined:
                break
        i = next((by_start[s] for s in (r.folded.span(ws + k, we)[0] for k in shifts)
                  if s in by_start), None)
        if i is None:
            break
        chain.append(i)
        pos = bisect_right(positions, rows[i]["end"] - 1) if rows[i]["end"] else pos
        if not many:
            break
    return chain, pos


def _place_heads_in(folded: FoldedText) -> Iterator[re.Match]:
    """The head nouns of ``folded`` that stand as place heads: not in a phrase that takes the
    word in another sense (عن طريق "by way of"), not إحياء "commemorating" folded like أحياء."""
    key, text = folded.key, folded.text
    heads = place_heads()
    for h in _head_regex().finditer(key):
        before = word_before(key, h.start())
        if before in _not_after(h.group("head")):
            continue  # عن طريق الهاتف: "by way of"
        if heads[h.group("head")]["after"] == "preposition" and BEH not in key[h.start():h.start("head")] \
                and not {before, before[1:] if before[:1] in "\u0648\u0641" else ""} & place_prepositions():
            continue  # مصادر محلية: the adjective "local", no head, where no preposition governs it
        if text[folded.span(h.start("head"), h.end("head"))[0]] == _HAMZA_BELOW:
            continue  # إحياء ذكرى "commemorating": folded like أحياء "neighbourhoods"
        yield h


def unknown_row(text: str, s: int, e: int, place_type: str, flags: str) -> dict:
    """A place row for the name at ``[s, e)`` that no gazetteer holds: its words and kind,
    no coordinates; its country and governorate come from its sentence later. The value
    drops the quotes and brackets the name stood in (مخيم “زمزم → مخيم زمزم), so that the
    name written with and without them is one place."""
    name = " ".join(_MARKS.sub(" ", text[s:e]).split())
    return {"start": s, "end": e, "value": name, "canonical_ar": name,
            "place_type": place_type, "iso": "", "country": "", "admin1": "", "admin2": "",
            "lat": math.nan, "lon": math.nan, "place_id": "", "flags": flags}


def _unknown_flags(head: dict) -> str:
    """The flags of a name no gazetteer holds read after ``head``: a facility's when the head
    names a building or a site that takes its head into its name (مستشفى، قاعدة)."""
    facility = head["span"] == "whole" and head["place_type"] not in _AREA_KINDS
    return "unknown_place" + (";facility" if facility else "")


def sentence_bounds(folded: FoldedText, ends: list[int], at: int) -> tuple[int, int]:
    """The text offsets of the sentence holding key position ``at``, given the key positions
    of the text's sentence ends (``ends``, the text's key length last)."""
    sent = bisect_right(ends, at)
    lo = folded.span(ends[sent - 1], ends[sent - 1])[0] if sent else 0
    hi = folded.span(ends[sent], ends[sent])[0] if sent < len(ends) else len(folded.text)
    return lo, hi


def abroad_rows(folded: FoldedText, rows: list[dict]) -> list[dict]:
    """``rows`` with a town the gazetteer knows only in another country read as the local
    place its phrase names: a name after a place head (or in a list under one) that the
    words after the phrase locate in a known place of another country is a quarter or
    village of that place, flagged ``unknown_place`` with the locator's country and admin1
    (حي الجديدة في الموصل: a quarter of Mosul, not El Jadida in Morocco). The world towns
    of the gazetteer share many names with the villages and quarters of Iraq and Syria; a
    name the gazetteer also knows in the locator's country keeps its row.

    >>> from workbench.find.places import find_places
    >>> find_places("قصف على حي الجديدة في الموصل")[["text", "country", "flags"]].values.tolist()[0]
    ['حي الجديدة', 'IQ', 'unknown_place']
    """
    key, text = folded.key, folded.text
    if not rows or _head_regex().search(key) is None:
        return rows
    from .gazetteer import gazetteer

    g = gazetteer()
    reader = _Reader(folded, rows)
    heads = place_heads()
    by_start = {x["start"]: i for i, x in enumerate(rows)}
    out = list(rows)
    for h in _place_heads_in(folded):
        head = heads[h.group("head")]
        many = head["number"] == "many"
        chain, end = _chain(reader, h, many, by_start, rows)
        if not chain:
            continue
        where = _locator(reader, end, rows, within=True)
        if where is None or not where.get("country"):
            continue
        for n, i in enumerate(chain):
            row = out[i]
            if not row.get("place_id") or row.get("place_type") not in _SETTLEMENTS:
                continue  # a local name, a region or a country: no town of the gazetteer
            s, e = row["start"], row["end"]
            item = key[bisect_right(folded.positions(), s - 1):bisect_right(folded.positions(), e - 1)]
            countries = {g.table[j]["country"] for k in _keys_of(item) for j in g.by_key.get(k, ())}
            if not countries or where["country"] in countries:
                continue  # the gazetteer knows the name in the locator's country too
            if n == 0 and not many and head["span"] == "whole":
                s = folded.span(h.start("head"), h.end("head"))[0]  # حي الجديدة, with its head
            out[i] = {**row, **unknown_row(text, s, e, head["place_type"], _unknown_flags(head)),
                      "text": text[s:e], "country": where["country"],
                      "admin1": where.get("admin1", "")}
    return out


def _keys_of(item: str) -> tuple[str, ...]:
    """The gazetteer keys a list item may be matched on: as written, and without the و that
    joined it (والقصر)."""
    return (item, item[1:]) if item.startswith("\u0648") else (item,)
