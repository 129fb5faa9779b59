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
(37 عاما), a count of rockets — are never read. Victims told by name are counted by the
grammar of a victims phrase: a coordination of person-shaped items (an office or title, a
kinship noun with its pronoun, a name before its title, a counted noun), each one person or
its figure (اغتيال نائب رئيس الهيئة فلان، وقائد الفيلق فلان → 2).
A life parted with or lost counts its subject (فارق طفل الحياة، فقد شخصان حياتهما), and one
wounded who then died of it (أصيب شاب برصاصة فارق على إثرها الحياة) is a death, no wound.

>>> [(t.kind, t.value) for t in find_tolls("مقتل اثنين وإصابة سبعة آخرين بجروح.")]
[('killed', 2.0), ('wounded', 7.0)]
>>> [(t.kind, t.value) for t in find_tolls("لم يسفر الهجوم عن إصابات.")]
[('killed', 0.0), ('wounded', 0.0)]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import compress, pairwise
from operator import itemgetter
from typing import NamedTuple

from ..find.gazetteer import gazetteer, place_names
from ..find.local_names import name_word, place_heads
from ..find.times.lexicon import forms_of
from ..resources import read_rows
from ..text.arabic import SENTENCE_END, match_key
from ..text.clitics import ARTICLE, WAW
from ..text.memo import word_memo
from ..text.numbers import Number, read_number
from ..text.tokens import Token, tokenize
from ..text.wordlex import table_lexicon
from .clauses import cue_words, perfect_persons

TOLL_FILE = "claims/toll_cues.csv"
WORDS_FILE = "claims/toll_words.csv"
VERBS_FILE = "claims/toll_verbs.csv"  # the verbs of killing and wounding, by principal part
QUANTITY_FILE = "find/quantity_cues.csv"  # the counted nouns of things and units (صواريخ، كيلومترا)

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
    for row in read_rows(TOLL_FILE):
        words = row.cue.split()
        out.setdefault(row.role, {}).setdefault(words[0], []).append(words)
    for form, role in _verb_forms().items():
        cues = out.setdefault(role, {}).setdefault(form, [])
        if [form] not in cues:
            cues.append([form])
    for form in _demonyms():
        out["person"].setdefault(form, [[form]])
    return out


@cache
def _verb_forms() -> dict[str, str]:
    """Every person of the perfect of the toll verbs (:data:`VERBS_FILE`) → its role: the
    morphology makes them from the one form listed, as written (استشهد → استشهدت، استشهدوا;
    لقي → لقيت، لقوا; ارتقى → ارتقت، ارتقوا).

    >>> _verb_forms()["استشهدت"], _verb_forms()["توفوا"], _verb_forms()["جرحوا"]
    ('killed', 'killed', 'wounded')
    """
    return {match_key(form): row.role for row in read_rows(VERBS_FILE)
            for form in sorted(perfect_persons(frozenset({row.verb}), defective=True))}


# The ending of the feminine dual of the perfect (أصيبتا "the two were wounded"): the verb
# counts two.
_FEMININE_DUAL_VERB = "\u062a\u0627"


@cache
def _demonyms() -> dict[str, str]:
    """The people of every country as nouns, from the gazetteer's relational adjectives: form
    → how many it counts (قتل إيراني "an Iranian" 1; إيرانيون، إيرانيين told, not counted;
    the dual إيرانيان by the rule of :data:`_DUAL`).

    >>> _demonyms()["ايراني"], _demonyms()["ايرانيين"]
    ('1', 'plural')
    """
    out: dict[str, str] = {}
    for n in gazetteer().nisba_masc:
        if not n.startswith(ARTICLE):
            out.update({n: "1", n + _OBLIQUE: "plural", n + _NOMINATIVE_PLURAL: "plural"})
    return out


# The nominative ending of a sound masculine plural (مدنيون، إيرانيون).
_NOMINATIVE_PLURAL = "\u0648\u0646"


@cache
def _words(role: str) -> frozenset[str]:
    """The words of ``role`` in the file of toll words read by their exact key (``qualifier``,
    ``breakdown``)."""
    return frozenset(row.word for row in read_rows(WORDS_FILE) if row.role == role)


@cache
def _alone() -> dict[str, str]:
    """How many a noun counts alone: ``'1'``, ``'2'`` or ``'plural'`` (told, not counted)."""
    duals = {f: "2" for f in _verb_forms() if f.endswith(_FEMININE_DUAL_VERB)}
    return {**_demonyms(), **duals,
            **{row.cue: row.number for row in read_rows(TOLL_FILE) if row.number}}


@cache
def _things() -> frozenset[str]:
    """Every form of a counted noun of the quantity cues that counts no people (صواريخ،
    سيارات، أيام، كيلومترا): a noun whose forms the toll file never tells as people.
    After a toll word and its figure such a noun makes the figure no toll (إصابة 3 سيارات);
    any other noun there is the victims' noun (مقتل 3 ناشطين).

    >>> "سيارات" in _things(), "اشخاص" in _things()
    (True, False)
    """
    people = {words[0] for role in ("person", "killed", "wounded")
              for lists in _cues().get(role, {}).values() for words in lists if len(words) == 1}
    nouns = [r for r in read_rows(QUANTITY_FILE).records() if r["role"] == "noun"]
    persons = {r["key"] for r in nouns if r["form"] in people}
    return frozenset(r["form"] for r in nouns if r["key"] not in persons)


def _thing(key: str) -> bool:
    """Whether a word (with its proclitics) is a counted noun of things or units (وصواريخ)."""
    return any(f in _things() for f in _forms(key))


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
_FEMININE_DUALS = ("\u062a\u064a\u0646", "\u062a\u0627\u0646")


# A possessive pronoun on a verbal noun of death names whose death it was, and so counts
# them (بمقتله "his killing" = 1, مقتلهما = 2); هم "their" tells deaths without counting.
# The ت before the pronoun is the ta marbuta of the noun (وفاته → وفاة).
_PRONOUNS = (("هما", "2"), ("ها", "1"), ("ه", "1"))
_OWNER = ("هما", "هم", "ها")
_TA = ("\u062a", "\u0647")
_YA = "\u064a"


def _definite(key: str, form: str) -> bool:
    """Whether the proclitics ``key`` carries before ``form`` hold the article (القتلة، للجندي)."""
    return key[:len(key) - len(form)].endswith(_ARTICLES)


_ARTICLES = ("ال", "لل")


def _pronoun_reading(key: str, role: str = "killed") -> tuple[str, float] | None:
    """(verbal noun of ``role``, how many) when ``key`` is one under a possessive pronoun,
    or a plural verb under an object pronoun (قتلوه 1, قتلوهما 2). A word with the article
    takes no pronoun: القتلة is "the killers", never "his killing"."""
    for f in _forms(key):
        if _definite(key, f):
            continue
        for suffix, n in _PRONOUNS:
            stem = f[:-len(suffix)]
            stem = stem[:-1] + _TA[1] if stem.endswith(_TA[0]) else stem
            # the alif of a plural verb drops before an object pronoun (قتلوا → قتلوه "they
            # killed him"): the pronoun counts the one killed
            stem = stem + _PLURAL_VERB[1] if stem.endswith(_PLURAL_VERB[0]) else stem
            # a final ى turns to ا before a pronoun (قضى → قضاه): a stem in ى (folded ي)
            # before one is another word (قضية "a case")
            if f.endswith(suffix) and len(stem) > 2 and not stem.endswith(_YA) \
                    and [stem] in _cues().get(role, {}).get(
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
    # the indefinite accusative writes an alif after a noun of one (سجين → سجينا، إيرانيا):
    # a rule of the script, so no singular of the cue file needs its accusative listed
    forms += tuple((f[:-1], "1") for f, n in forms
                   if not n and f.endswith(_TANWIN_ALIF) and alone.get(f[:-1]) == "1")
    duals = tuple((f[:-len(_DUAL)], "2") for f, _ in forms
                  if f.endswith(_DUAL) and alone.get(f[:-len(_DUAL)]) == "1")
    # a feminine noun in ة takes ت before either dual ending (امرأة → امرأتين، سيدتان); its
    # plural is in ات, so the oblique ending is no plural here
    duals += tuple((f[:-3] + _TA[1], "2") for f, _ in forms
                   if f.endswith(_FEMININE_DUALS) and alone.get(f[:-3] + _TA[1]) == "1")
    pronouns = tuple((r[0], str(int(r[1]))) for r in (
        _pronoun_reading(key, role) for role in ("killed", "wounded")) if r is not None)
    # a noun of one person under a pronoun still counts one (إصابة والدها، مقتل طفلهم); ه is
    # left out, being also the folded ta marbuta of a feminine (مسلحة)
    possessed = tuple((f[:-len(p)], "1") for f, _ in forms for p in _OWNER
                      if f.endswith(p) and alone.get(f[:-len(p)]) == "1"
                      and f[:-len(p)] not in _cues().get("partitive", {}))
    # a feminine noun in ة writes it ت before any pronoun, ه included (زوجته، والدتها)
    possessed += tuple((f[:-len(p) - 1] + _TA[1], "1") for f, _ in forms for p in _POSSESSIVE
                       if f.endswith(_TA[0] + p) and alone.get(f[:-len(p) - 1] + _TA[1]) == "1"
                       and f[:-len(p) - 1] + _TA[1] not in _cues().get("partitive", {}))
    return forms + duals + pronouns + possessed


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


@cache
def _cue_words() -> frozenset[str]:
    """Every word that may begin a cue: a proclitic cluster, a cue's first word (its ه
    written ت before a pronoun or a dual ending: وفاته، امرأتين) and a dual or pronoun ending. Every word
    :func:`_begins_a_cue` accepts is one (its length limits left out, so a few more)."""
    firsts = set().union(*_cues().values())
    stems = firsts | {w[:-1] + _TA[0] for w in firsts if w.endswith(_TA[1])}
    # a plural verb before an object pronoun (قتلوه): see :func:`_pronoun_reading`
    stems |= {w[:-1] for w in firsts if w.endswith(_PLURAL_VERB)}
    # a feminine noun's dual (امرأة → امرأتين): see :func:`_count_forms`
    stems |= {w[:-1] + d for w in firsts if w.endswith(_TA[1]) for d in _FEMININE_DUALS}
    endings = ("", _DUAL, _TANWIN_ALIF, *_OWNER, *(s for s, _ in _PRONOUNS))
    return frozenset(p + w + e for p in ("", *_PROCLITICS) for w in stems for e in endings)


_KEY = itemgetter(3)  # Token.key
_START = itemgetter(0)  # Token.start


def _first_from(toks: list[Token], offset: int) -> int:
    """The index of the first token that starts at or after ``offset`` (``len(toks)`` if
    none): the tokens are in text order."""
    return bisect_left(toks, offset, key=_START)


def _role_at(toks: list[Token], i: int, role: str) -> int:
    """The token after a cue of ``role`` starting at ``i``; ``i`` when there is none. The
    last word of a cue of several may carry a pronoun (أودى بحياتها)."""
    for words in _cues_from(toks[i].key, role):
        rest = toks[i + 1:i + len(words)]
        if len(rest) == len(words) - 1 and all(
                w in _forms(t.key) for w, t in zip(words[1:-1], rest, strict=False)) and (
                len(words) == 1 or words[-1] in _forms(rest[-1].key)
                or _owned(rest[-1].key, words[-1]) is not None):
            return i + len(words)
    return i


def _owned(key: str, word: str) -> float | None:
    """How many a pronoun on ``word`` written as ``key`` counts (بحياتها → بحياة: 1, بحياتهما:
    2, بحياتهم: 0, told but not counted), or None when ``key`` is not ``word`` with one.

    >>> _owned("بحياتها", "بحياه"), _owned("بحياتهم", "بحياه"), _owned("بحياه", "بحياه")
    (1.0, 0.0, None)
    """
    stem = word[:-1] + _TA[0] if word.endswith(_TA[1]) else word
    for f in _forms(key):
        if f.startswith(stem) and f[len(stem):] in _OWNED_COUNTS and not _definite(key, f):
            return _OWNED_COUNTS[f[len(stem):]]
    return None


# The possessive pronouns and how many they count (هم "their": told, not counted).
_OWNED_COUNTS = {"هما": 2.0, "ها": 1.0, "ه": 1.0, "هم": 0.0}


def _is(toks: list[Token], i: int, role: str) -> bool:
    """Whether a cue of ``role`` starts at token ``i``. About half the words asked about
    (the neighbours of a toll word: في، من، 12) can begin no cue of any role: one set
    look-up (:func:`_cue_words`) answers them before their readings are tried.

    >>> toks = tokenize("مقتل 3 في القصف", pieces=True)
    >>> _is(toks, 0, "killed"), _is(toks, 2, "killed"), _is(toks, 9, "killed")
    (True, False, False)
    """
    return 0 <= i < len(toks) and toks[i].key in _cue_words() and _role_at(toks, i, role) > i


def _stop(tok: Token) -> bool:
    """A full stop, comma or colon ends a toll phrase; a quotation mark does not: a reported
    toll is quoted as said (أسفر عن مقتل "14 عنصرا"، من قوات "الحشد الشعبي" قتلوا)."""
    return tok.kind == "punct" and tok.key not in ("-", "(", ")") and tok.key not in _QUOTES


def find_tolls(text: str) -> list[Toll]:
    """Every killed, wounded or combined toll stated in ``text``, in text order.

    >>> [(t.kind, t.value) for t in find_tolls("قتل 9 أشخاص في هجمات متفرقة اليوم.")]
    []
    >>> [(t.kind, t.value) for t in find_tolls("مقتل جندي من الفوج 12 بانفجار عبوة.")]
    [('killed', 1.0)]
    """
    toks = tokenize(text, pieces=True)
    # Most words begin no cue of any role: one set look-up each (in C) finds the few that
    # may, and only those are read (what the tests below would find of the others: no
    # toll, no zero toll); the reading goes from one of them to the next past its end.
    begins = [k for k in compress(range(len(toks)), map(_cue_words().__contains__, map(_KEY, toks)))
              if _begins_a_cue(toks[k].key)]
    out: list[Toll] = []
    i = 0
    for k in begins:
        if k < i:
            continue
        i = k
        j = _both_at(toks, i)
        if j > i and _counted_subject(toks, i):  # عنصراً قتل وأصيب اثنان: the noun counts the dead
            count = float(next(n for _, n in _count_forms(toks[i - 1].key) if n == "1"))
            out.append(_make("killed", count, count, count, toks[i - 1].start, toks[i].end, text))
            i += 1
            continue
        # a pair of nouns of the dead and wounded alone counts each (سقوط قتيل وجريح)
        j = i if j > i and _count_forms(toks[i].key) and any(
            n for _, n in _count_forms(toks[i].key)) and not _paired(toks, i) else j
        kind = "both" if j > i else ""
        for role in ("killed", "wounded"):
            if not kind and _is(toks, i, role):
                kind, j = role, _role_at(toks, i, role)
        if not kind and _life_taken(toks, i):  # أودى الانفجار بحياة 4 أشخاص
            kind, j = "killed", i + 1
        if kind == "killed" and _attempted(toks, i):
            # محاولة اغتيال ضابط: a killing tried, not done; the noun after it is no toll
            i = max(j, i + 1)
            continue
        if kind in ("killed", "wounded") and _among(toks, _life_verb(toks, i) or i):
            # من ضمن الجرحى أربعة من عائلة: some of the wounded already counted, a part
            i = max(j, i + 1)
            continue
        if kind in ("killed", "wounded") and ((_paired(toks, i) and any(
                _alone().get(f) == "1" for f in _forms(toks[i].key))) or _plural_pair(toks, i)):
            # 40 ضحية بين شهيد وجريح من بينهم 7: the pair tells dead and wounded together,
            # no figure around it is a toll of either
            i = max(j, i + 1)
            continue
        if kind:
            own = pronoun_count(toks[i].key, kind) if kind in ("killed", "wounded") else None
            if kind in ("killed", "wounded") and j > i + 1:  # أودى بحياتها: her life, one
                own = _cue_owner(toks, i, j, kind) or own
            if own and kind == "wounded" and _died_before(toks, i):
                own = None  # توفي متأثرا بإصابته: the wound of one who died, no wounded toll
            more, last = _kin(toks, j) if own else (0, i)
            toll = _make(kind, own + more, own + more, own + more, toks[i].start, toks[last].end,
                         text) if own \
                else _figure_before(toks, text, kind, i) or _fallen(toks, text, kind, i) or _toll_after(
                toks, text, kind, i, j) or _toll_before(toks, text, kind, i,
                                                        out[-1].end if out else 0) \
                or _subject_before(toks, text, kind, i) or _cue_noun(toks, text, kind, i, j) \
                or (_life_subject(toks, text, i) if kind == "killed" else None)
            if toll is None and kind == "killed" and out and _died_of_wound(toks, i, out[-1]):
                # أصيب شاب برصاصة فارق على إثرها الحياة: the one wounded died, a death
                wound = out.pop()
                toll = wound._replace(kind="killed", end=toks[j - 1].end,
                                      text=text[wound.start:toks[j - 1].end])
            if kind in ("killed", "wounded"):
                toll = _named(toks, text, kind, i, j, toll)
                toll = _with_others(toks, text, kind, toll, i, j)
            if toll is not None and not _is_total(toks, toll, j):
                if out and _adds_to(toks, out[-1], toll, i):
                    toll = _sum(out.pop(), toll, text)
                if out and _of_them(toks, text, out[-1], toll):
                    toll = toll._replace(hi=None)  # at least so many: the whole is not told
                out.append(toll)
            i = max(j, i + 1)
            continue
        fallen = _fallen(toks, text, "killed", i) if _is(toks, i, "casualty") else None
        if fallen is not None and not _is_total(toks, fallen, i + 1):
            out.append(fallen)  # سقوط ثلاثة من المواطنين ضحايا: victims fallen are dead
        zero = _zero(toks, text, i)
        out.extend(zero)
        if zero:  # the negated words are read: مقتل أحد in ولم يسفر عن مقتل أحد counts no one
            i = next((k for k in range(i + 1, len(toks)) if toks[k].start >= zero[0].end), len(toks))
            continue
        i += 1
    return out


def _among(toks: list[Token], i: int) -> bool:
    """Whether the toll word at ``i`` is a definite noun of the dead or wounded, or a verb
    after the relative that tells them, governed by a partitive (من ضمن الجرحى أربعة، 90
    شخصا ضمن الشهداء، ثلاثة من الذين فارقوا الحياة): the figure with it counts some of those
    the report has counted, a part of a toll told before, no toll of its own.

    >>> toks = tokenize("أن من ضمن الجرحى أربعة", pieces=True)
    >>> _among(toks, 3), _among(tokenize("سقط الجرحى", pieces=True), 1)
    (True, False)
    """
    at = i - 1
    if at > 0 and toks[at].key in _relatives():
        at -= 1  # من الذين قتلوا: those killed, told by the relative
    elif not any(_definite(toks[i].key, f) for f in _forms(toks[i].key)[1:]):
        return False
    return at >= 0 and any(f in _words("among") for f in _forms(toks[at].key))


@cache
def _relatives() -> frozenset[str]:
    """The relative pronouns (الذي، الذين، التي: ``find/actor_cues.csv``)."""
    return frozenset(r.form for r in read_rows(_ACTOR_CUES) if r.role == "relative_pronoun")


def _both_at(toks: list[Token], i: int) -> int:
    """The token after a toll word of both killed and wounded at ``i``; ``i`` when there is
    none. A cue of both (قتل وجرح), or a verbal noun of death joined by و to a word of
    wounding (مصرع وإصابة، استشهاد وجرح): the one figure after the pair counts both together.
    Only a verbal noun governs the figure after it: a verb or a noun under a pronoun ends its
    own phrase (18 شخصا لقوا حتفهم وأصيب 63: two tolls).

    >>> toks = tokenize("مصرع وإصابة 12 شخصا", pieces=True)
    >>> _both_at(toks, 0), _both_at(tokenize("لقوا حتفهم وأصيب 63", pieces=True), 1)
    (2, 1)
    """
    j = _role_at(toks, i, "both")
    if j > i or i + 1 >= len(toks) or not toks[i + 1].key.startswith(WAW) \
            or not any(f in _words("death_noun") for f in _forms(toks[i].key)):
        return j
    end = _role_at(toks, i + 1, "wounded")
    return end if end > i + 1 else j



def _life_taken(toks: list[Token], i: int) -> bool:
    """The noun of life at ``i`` (بحياة، أرواح) is the object of a verb of taking it a few words
    before, its subject between (أودى الانفجار بحياة، حصدت الغارة أرواح): a word of death as
    the two side by side are (أودى بحياة)."""
    return _life_verb(toks, i) is not None


def _life_verb(toks: list[Token], i: int) -> int | None:
    """The index of the verb that takes or leaves the noun of life at ``i`` (أودى … بحياة،
    فارق … الحياة), at most a few words before it within the clause; None when there is none."""
    if not _is(toks, i, "life"):
        return None
    for k in range(i - 1, max(i - _REACH - 1, -1), -1):
        if _stop(toks[k]):
            return None
        if _is(toks, k, "life_verb"):
            return k
    return None


def _life_subject(toks: list[Token], text: str, i: int) -> Toll | None:
    """فارق طفل الحياة، فقد شخصان حياتهما، شاب فارق الحياة: the one who parted with life (or
    lost it) is the verb's subject, a noun of one or two people between the verb and the noun
    of life, or opening the clause before the verb; it counts the dead."""
    v = _life_verb(toks, i)
    if v is None:
        return None
    between = [k for k in range(v + 1, i) if toks[k].kind == "word"]
    if len(between) == 1:
        count = next((n for _, n in _count_forms(toks[between[0]].key) if n in ("1", "2")), "")
        if count and _is(toks, between[0], "person"):
            return _make("killed", float(count), float(count), float(count), toks[v].start,
                         toks[i].end, text)
    toll = _subject_before(toks, text, "killed", v) if not between else None
    return toll._replace(end=toks[i].end, text=text[toll.start:toks[i].end]) if toll else None


def _died_of_wound(toks: list[Token], i: int, before: Toll | None) -> bool:
    """The verb of dying at ``i`` (or the noun of life a verb leaves) has no subject of its own,
    says it came of something told (على إثرها، متأثرا بها) and follows within a few words the
    wounding of one person: that one then died (أصيب شاب برصاصة فارق على إثرها الحياة، أصيب مدني
    بجروح توفي متأثرا بها), a death and no wound."""
    if before is None or before.kind != "wounded" or before.value != 1 or before.end > toks[i].start:
        return False
    v = _life_verb(toks, i)
    verb = v if v is not None else i
    if v is None and not any(f in _verb_forms() for f in _forms(toks[i].key)):
        return False  # حالات القتل: a noun of killing, no one's death
    # a plural or dual verb (توفوا، فارقا: both end in ا) tells of more than the one wounded
    if toks[verb].key.endswith(_DUAL_VERB):
        return False
    first = _first_from(toks, before.end)
    # a comma may stand between (أصيب بنزيف حاد، فارق على إثره الحياة); a full stop not
    if verb - first > _DESCRIPTION_REACH or any(t.key in _SENTENCE_STOPS for t in toks[first:verb]):
        return False
    return any(_is(toks, k, "resumptive") or _is(toks, k, "of_wound")
               for k in range(verb + 1, min(i + 3, len(toks))))


def _fallen(toks: list[Token], text: str, kind: str, i: int) -> Toll | None:
    """سقوط ثلاثة من المواطنين ضحايا، سقط نحو 20 مدنيا قتلى: a plural noun of the dead (or
    wounded, or victims) at ``i`` tells the state of the counted subject of a verb of falling
    before it; the figure, its noun between, is the toll.

    >>> [(t.kind, t.value) for t in find_tolls("أدى إلى سقوط ثلاثة من المواطنين ضحايا.")]
    [('killed', 3.0)]
    """
    key = toks[i].key
    if not any(_alone().get(f) == "plural" for f in _forms(key)) \
            or (key.startswith("\u0648") and _alone().get(key) is None):
        return None  # سقوط 3 صواريخ وقتلى: a noun joined by و is no state of the figure's
    for k in range(i - 2, max(i - _REACH - 2, -1), -1):
        if _stop(toks[k]) or _begins_other_toll(toks, k):
            return None
        n = read_number(toks, k)
        if n is None or n.value is None or n.start != k or n.end >= i:
            continue
        if any(read_number(toks, m) is not None for m in range(n.end, i)) or _thing(toks[n.end].key):
            return None
        # the verb right before the figure, or before a bound of it (سقط ما يقرب من 20)
        bound = next((b for b in range(max(k - 4, 0), k) if _role_at(toks, b, "bound") == k), k)
        if bound > 0 and _is(toks, bound - 1, "fall"):
            return _make(kind, n.value, n.lo, n.hi, toks[k].start, toks[i].end, text)
        return None
    return None


def _attempted(toks: list[Token], i: int) -> bool:
    """The cue at ``i`` is the object of a noun of trying (لمحاولة اغتيال، محاولة قتل): the
    killing it names was tried, not done."""
    return i > 0 and toks[i - 1].kind == "word" \
        and any(f in _words("attempt") for f in _forms(toks[i - 1].key))


def _cue_owner(toks: list[Token], i: int, j: int, kind: str) -> float | None:
    """How many the pronoun on the last word of the cue of several words at ``i`` counts
    (أودى بحياته 1, أودت بحياتهما 2), else None. A last word the cue holds as written has no
    pronoun to count: the ه of راح ضحيته is the attack's, "its victims"."""
    cues = [words for words in _cues_from(toks[i].key, kind) if len(words) == j - i]
    if any(words[-1] in _forms(toks[j - 1].key) for words in cues):
        return None
    counts = [_owned(toks[j - 1].key, words[-1]) for words in cues]
    return next((c for c in counts if c), None)


def _cue_noun(toks: list[Token], text: str, kind: str, i: int, j: int) -> Toll | None:
    """A cue of several words that ends in a noun of one or two people counts them when no
    figure follows it (أسفر عن سقوط ضحية: 1). A cue of both (قتيل وجريح) counts no one."""
    if j <= i + 1 or kind not in ("killed", "wounded"):
        return None
    alone = next((n for f in _forms(toks[j - 1].key) if (n := _alone().get(f)) in ("1", "2")), "")
    if not alone:
        return None
    return _make(kind, float(alone), float(alone), float(alone), toks[i].start, toks[j - 1].end,
                 text)


def _subject_before(toks: list[Token], text: str, kind: str, i: int) -> Toll | None:
    """إن شرطياً قتل: a noun of one or two people that opens its clause (after إن or أن, or
    a stop) before the verb is its subject, and counts the dead or wounded. The numerals one
    and two follow the noun they count, as its adjective (مدنياً واحداً قتل): the noun is
    still the subject, and the numeral agrees with its count. A comma may close the subject
    of a reported clause before its verb (أن مدنياً، توفي)."""
    verb = i - 1 if _reported_comma(toks, i) else i
    at = verb - 1 - _after_numeral(toks, verb - 1)
    if at < 0 or toks[at].kind != "word" or not _is(toks, at, "person"):
        return None
    if at > 0 and toks[at - 1].key not in _OPENERS and toks[at - 1].kind != "punct":
        return None
    count = next((n for _, n in _count_forms(toks[at].key) if n in ("1", "2")), "")
    if not count:
        return None
    return _make(kind, float(count), float(count), float(count), toks[at].start, toks[i].end,
                 text)


# The ending of an indefinite accusative (واحداً): the numeral read without it (واحد).
_TANWIN_ALIF = "\u0627"


def _after_numeral(toks: list[Token], k: int) -> int:
    """1 when token ``k`` is the numeral one or two after the noun it counts (مدنياً واحداً،
    جنديان اثنان), else 0.

    >>> _after_numeral(tokenize("مدنياً واحداً قتل", pieces=True), 1)
    1
    """
    if k < 1 or toks[k].kind != "word":
        return 0
    key = toks[k].key
    for form in (key, key[:-1] if key.endswith(_TANWIN_ALIF) else key):
        n = read_number([toks[k]._replace(key=form)], 0)
        if n is not None and n.value in (1.0, 2.0) and n.how == "words":
            return 1
    return 0


# The particles after which a noun opens a clause as its subject (إنّ، أنّ), also with the
# conjunction or the preposition a reported clause takes (وأن، فإن، بأن: أفادت بأن).
_OPENERS = frozenset({"ان", "وان", "فان", "بان"})


def _reported_comma(toks: list[Token], i: int) -> bool:
    """The token before the verb at ``i`` is a comma closing the subject of a clause that
    إن or أن opens a few words back, with no other stop between (أن ستة أشخاص من قوات
    "الحشد الشعبي"، قتلوا): the subject stays the verb's, the comma notwithstanding.

    >>> _reported_comma(tokenize("أن مدنياً، توفي", pieces=True), 3)
    True
    >>> _reported_comma(tokenize("قتل مدني، توفي", pieces=True), 3)
    False
    """
    if i < 2 or toks[i - 1].key not in _COMMAS:
        return False
    for k in range(i - 2, max(i - 2 - _GROUP_REACH, -1), -1):
        if toks[k].key in _OPENERS:
            return k < i - 2
        if _stop(toks[k]) or _begins_other_toll(toks, k):
            return False
    return False


def _with_others(toks: list[Token], text: str, kind: str, toll: Toll | None, i: int,
                 j: int) -> Toll | None:
    """قتل مع اثنين من مساعديه: a count after "with" adds those hit with the one the toll tells
    (the subject before a singular verb when no count follows it): 1 + 2."""
    at = j if toll is None else max(j, _first_from(toks, toll.end))
    at = _company_after(toks, at) if toll is not None else (
        at + _company_words(toks, at) if _company_words(toks, at) else None)
    if at is None or at >= len(toks):
        return toll
    n = read_number(toks, at)
    if n is None or n.value is None or n.end >= len(toks) or not (
            toks[n.end].key == _OF or _is(toks, n.end, "person")):
        return toll
    if toll is None and (j != i + 1 or toks[i].key.endswith(_PLURAL_VERB)):
        return None  # قتلوا مع: how many they were is not told
    base = toll.value if toll is not None else 1.0
    if base is None:
        return toll
    start = toll.start if toll is not None else toks[i].start
    return _make(kind, base + n.value, base + n.value, base + n.value, start,
                 toks[n.end - 1].end, text)


# The ending of a plural verb (قتلوا): its subject is more than one, uncounted.
_PLURAL_VERB = "وا"


def _company_words(toks: list[Token], k: int) -> int:
    """How many words a word of company at ``k`` takes (مع: 1, إلى جانب: 2), else 0."""
    for size in (2, 1):
        if k + size <= len(toks) and " ".join(t.key for t in toks[k:k + size]) in _words("company"):
            return size
    return 0


def _company_after(toks: list[Token], k: int) -> int | None:
    """The index of the count after a word of company that follows the one victim a toll
    tells, past his description: the genitive or name of his noun and an aside between
    commas or in a bracket (وفاة سائق المركبة، فهد (40 عاما)، إلى جانب خمسة آخرين; استشهد
    المواطن فلان، البالغ من العمر 60 عاما، مع ثمانية من أبنائه); else None. A word of
    anything else between them — a preposition, a verb — ends the victim's phrase (مقتل جندي
    في اشتباك مع 3 مسلحين: those he fought, no company)."""
    end = min(len(toks), k + _DESCRIPTION_REACH)
    while k < end:
        size = _company_words(toks, k)
        if size:
            return k + size
        tok = toks[k]
        close = _bracket_close(toks, k)
        if close is not None:
            k = close + 1
        elif tok.key in _COMMAS:
            # an aside: the next comma closes it, no stop of a sentence between
            nxt = next((m for m in range(k + 1, end) if toks[m].key in _COMMAS
                        or (_stop(toks[m]) and toks[m].key not in _COMMAS)), None)
            if nxt is None or toks[nxt].key not in _COMMAS:
                return None
            k = nxt + 1
        elif tok.kind == "word" and (tok.key.startswith(_ARTICLES) or name_word(tok.key, False)) \
                and not _begins_other_toll(toks, k) and read_number(toks, k) is None:
            k += 1  # سائق المركبة، المواطن حامد حسن: the noun's genitive, his name
        else:
            return None
    return None


# How many tokens the description of one victim may take before a word of company.
_DESCRIPTION_REACH = 16


def _counted_subject(toks: list[Token], i: int) -> bool:
    """A noun of one person right before the first verb of قتل وأصيب is that verb's subject
    (عنصراً قتل وأصيب اثنان: one killed, two wounded), so the two verbs tell two tolls."""
    return i > 0 and toks[i - 1].kind == "word" and any(
        n == "1" for f, n in _count_forms(toks[i - 1].key) if _is(toks, i - 1, "person"))


def _toll_after(toks: list[Token], text: str, kind: str, i: int, j: int) -> Toll | None:
    """مقتل 4 أشخاص / إصابة 9 آخرين / مقتل مدنيين اثنين / مقتل مدني: the count after the cue."""
    j = _role_at(toks, j, "resumptive") if j < len(toks) else j  # قتل فيها 11 من أبناء المدينة
    j = _role_at(toks, j, "bound") if j < len(toks) else j  # مقتل ما لا يقل عن 18 شخصا
    while j < len(toks) and toks[j].key in _QUOTES:  # مقتل "14 عنصرا": the figure quoted
        j += 1
    j = _past_time(toks, j)  # قتل، مساء أمس، ثلاثة أشخاص: the verb's subject after the time
    for k in range(j, min(j + _REACH, len(toks))):
        if _stop(toks[k]) or _is(toks, k, "killed") or _is(toks, k, "wounded"):
            return None  # the phrase ends, or another toll begins (قتلوا وأصيب 25)
        n = read_number(toks, k)
        n = _range(toks, k, n) if n is not None else None
        if n is not None and (n.value is not None or n.lo is not None):
            # a number must count people: a person noun right after it, or the cue right before
            after = n.end < len(toks) and (_is(toks, n.end, "person") or _is(toks, n.end, "killed")
                                           or _is(toks, n.end, "wounded"))
            # عدد القتلى ارتفع إلى 4: the count of a plural noun of the dead is people (when
            # no noun of other things follows it)
            after = after or (_is(toks, i - 1, "tally") and (
                n.end >= len(toks) or toks[n.end].kind != "word" or _qualifier(toks, n.end)))
            before_person = k > j and _is(toks, k - 1, "person")
            if k == j or after or before_person:
                if k == j and n.end < len(toks) and not after and _thing(toks[n.end].key):
                    return None  # مقتل 3 صواريخ: not people
                # any other noun right after the cue's figure is the victims' noun, listed or
                # not (مقتل 3 ناشطين، إصابة 5 رعاة)
                more, end = _and_more(toks, n.end) if n.value is not None else (0.0, n.end)
                return _make(kind, _plus(n.value, more), _plus(n.lo, more), _plus(n.hi, more),
                             toks[i].start, toks[end - 1].end, text)
        if k == j and _is(toks, k, "person") and not _weekday(toks[k].key):
            nxt = read_number(toks, k + 1) if k + 1 < len(toks) else None
            if nxt is not None and nxt.value is not None and not _is(toks, nxt.end, "age") \
                    and nxt.pre != "\u0648":
                continue  # مقتل مدنيين اثنين: the number follows the noun (ضابط وثلاثة: joined)
            # مقتل طفل 10 سنوات: a figure before a unit of age is the person's age; the
            # noun counts alone
            alone = next((n for _, n in _count_forms(toks[k].key) if n), "plural")
            if alone == "plural":
                return None  # مقتل مدنيين: deaths told but not counted
            more, last = _kin(toks, k + 1)
            # مقتل السائق وامرأتين: a noun of one or two people joined by و counts them too
            while last + 1 < len(toks) and (joined := _joined_count(toks, last + 1)):
                more, last = more + joined, last + 1
            # مقتل جندي ومدنيين: a joined noun in the oblique -ين is a dual or a plural; the
            # dual is the lowest reading (2, the guideline's lowest figure), the highest untold
            open_end = last + 1 < len(toks) and _joined_dual_or_plural(toks, last + 1)
            more, last = (more + 2, last + 1) if open_end else (more, last)
            # مقتل ضابط وثلاثة جنود: a count joined by و to the noun counts more of them
            counted, end = _and_more(toks, last + 1) if alone != "plural" else (0.0, last + 1)
            if not (more or counted or open_end):
                # بقتل الجندي أحمد 22 سنة، وجندي يدعى سالم: who the one is, then one more
                named, after = _named_more(toks, k + 1)
                more, last = (named, after) if named else (more, last)
            count = float(alone) + more + counted
            toll = _make(kind, count, count, count, toks[i].start,
                         toks[max(k, last, end - 1)].end, text)
            return toll._replace(hi=None) if open_end else toll
    return None


def _figure_at(toks: list[Token], k: int) -> bool:
    """Token ``k`` is a figure, in digits or words (14، اثنين: never the day الاثنين)."""
    return toks[k].kind == "num" or read_number(toks, k) is not None


def _timely(toks: list[Token], k: int) -> bool:
    """Token ``k`` is a word of a time (اليوم، مساء، الجمعة) or a figure of a date in one."""
    tok = toks[k]
    # a day's name without its article is a word of a count as well (أحد، اثنين): no time
    return _figure_at(toks, k) or (tok.kind == "word" and (_weekday(tok.key) or any(
        f in _time_words() and f not in _weekdays() for f in _forms(tok.key))))


# How many tokens a time set between a verb and its subject may run to (مساء أمس الخميس 14 أيار).
_TIME_REACH = 6


def _past_time(toks: list[Token], j: int) -> int:
    """The token after a time told between a toll verb and its subject, or ``j``: a run of
    words of a time (استشهد فجر اليوم الأحد شابان) or such a run between commas (وأصيب، أمس،
    مواطن): news sets the time after the verb, and the subject follows it.

    >>> _past_time(tokenize("قتل، مساء أمس، ثلاثة أشخاص", pieces=True), 1)
    5
    """
    comma = j < len(toks) and toks[j].key in _COMMAS
    k = j + 1 if comma else j
    end = k
    while end < min(k + _TIME_REACH, len(toks)) and _timely(toks, end):
        end += 1
    if not any(not _figure_at(toks, m) for m in range(k, end)):
        return j
    if comma:
        return end + 1 if end < len(toks) and toks[end].key in _COMMAS else j
    # a figure at the run's end counts people, no date (قتل اليوم 3 أشخاص): left to be read
    while end > k and _figure_at(toks, end - 1):
        end -= 1
    return end


@cache
def _weekdays() -> frozenset[str]:
    """The weekday names of the time grammar with their proclitic-free forms (الأحد)."""
    return forms_of("weekday")


def _weekday(key: str) -> bool:
    """Whether a word is a weekday name (الأحد "Sunday", never أحد "one of" a toll)."""
    return any(f in _weekdays() for f in (key, *_forms(key)) if f.startswith("ال"))


# Words that join the two figures of a range (من 15 إلى 20، 15 - 20).
_RANGE_JOINS = ("الي", "حتي", "-")


def _range(toks: list[Token], k: int, n: Number) -> Number:
    """The figure at ``k`` widened to the range it opens, when it opens one: بين 15 و20،
    من 15 إلى 20، 15 - 20 → 15..20 (the lower figure stands for the toll, as ACLED takes
    the lowest when figures differ); else the figure itself.

    >>> toks = tokenize("بين 15 و20 شخصا", pieces=True)
    >>> _range(toks, 1, read_number(toks, 1))[2:5]
    (15.0, 15.0, 20.0)
    """
    if n.value is None or n.end >= len(toks):
        return n
    if toks[n.end].key in _RANGE_JOINS:
        m = read_number(toks, n.end + 1) if n.end + 1 < len(toks) else None
    else:
        m = read_number(toks, n.end)
        m = m if m is not None and m.pre == WAW and k > 0 and _between(toks[k - 1]) else None
    if m is None or m.value is None or m.value <= n.value:
        return n
    return n._replace(end=m.end, lo=n.value, hi=m.value)


def _and_more(toks: list[Token], k: int) -> tuple[float, int]:
    """The counts joined by و to the count of a toll, and the token after the last
    (مقتل خمسة من أعضائه واثنين من الضيوف: 2 more): one noun of death governs them all.
    A count before a noun of the dead or wounded (و20 جريحا) is a toll of its own."""
    more, end = 0.0, k
    for _ in range(_REACH + 2):
        if k >= len(toks) or _stop(toks[k]) or _begins_other_toll(toks, k) \
                or toks[k].key in _words("breakdown") or _is(toks, k, "part"):
            break  # سبعة مدنيين هم امرأة وستة من أطفالها: who the seven are, not more
        n = read_number(toks, k)
        if n is None:
            # قتل 3 مدنيين وجندي: a noun of one or two people joined by و counts them too
            counted = _joined_count(toks, k)
            more, end = (more + counted, k + 1) if counted else (more, end)
            k += 1
            continue
        joined = n.pre == "\u0648" or (n.pre in ("", _TO) and _added(toks, n.start))
        if not joined or n.value is None or n.end >= len(toks) or _begins_other_toll(
                toks, n.end) or not (_is(toks, n.end, "person") or _qualifier(toks, n.end)):
            break
        more, end, k = more + n.value, n.end, n.end
    return more, end


# The ل and إلى that follow "in addition" (بالإضافة لخمسة، إضافة إلى ثلاثة).
_TO = "\u0644"
_TO_WORD = "الي"


def _addition_before(toks: list[Token], k: int) -> int | None:
    """The token of "in addition" right before token ``k``, past an إلى (بالإضافة لخمسة،
    إضافة إلى ثلاثة), or None."""
    before = k - 1 if k > 0 and toks[k - 1].key != _TO_WORD else k - 2
    return before if before >= 0 and toks[before].key in _words("addition") else None


def _added(toks: list[Token], k: int) -> bool:
    """Whether the figure at ``k`` follows a phrase of "in addition to" (بالإضافة لخمسة،
    إضافة إلى ثلاثة): a further count of the same toll, as a figure joined by و is."""
    return _addition_before(toks, k) is not None


def _adds_to(toks: list[Token], before: Toll, toll: Toll, i: int) -> bool:
    """Whether ``toll``, whose cue is token ``i``, is told "in addition to" the toll right
    before it, of the same kind, within a few words of it (قضى طفلان بالإضافة إلى مقتل
    قياديين اثنين: 2 + 2)."""
    if before.kind != toll.kind or before.value is None or toll.value is None:
        return False
    k = _addition_before(toks, i)
    if k is None:
        return False
    between = [t for t in toks[:k] if t.start >= before.end]
    return len(between) <= _REACH and not any(
        _stop(t) and t.key not in _COMMAS for t in between)


def _sum(first: Toll, second: Toll, text: str) -> Toll:
    """One toll of two told as one and another in addition to it."""
    return _make(first.kind, _plus(first.value, second.value or 0.0),
                 _plus(first.lo, second.lo or 0.0), _plus(first.hi, second.hi or 0.0),
                 first.start, second.end, text)


def _begins_other_toll(toks: list[Token], k: int) -> bool:
    return _is(toks, k, "killed") or _is(toks, k, "wounded") or _is(toks, k, "both")


def _plus(value: float | None, more: float) -> float | None:
    return None if value is None else value + more


# Possessive pronouns on a noun joined to a pronoun toll (إصابتها وطفلها: her and her child).
_POSSESSIVE = ("هما", "هم", "ها", "ه")
_WITH = "مع"


def _kin(toks: list[Token], k: int) -> tuple[int, int]:
    """How many nouns with a possessive pronoun are joined by و at ``k`` to a toll told by a
    pronoun (إصابتها وطفلها: one more), and the index of the last token taken.

    >>> _kin(tokenize("إصابتها وطفلها بجروح", pieces=True), 1)
    (1, 1)
    """
    more, last = 0, k - 1
    while k < len(toks) and toks[k].kind == "word":
        # امرأة مع طفلها "a woman with her child": مع joins the noun as و does
        at = k + 1 if toks[k].key == _WITH and k + 1 < len(toks) else k
        word = toks[at].key if at == k else "\u0648" + toks[at].key
        if not (toks[at].kind == "word" and word.startswith("\u0648") and len(word) > 4
                and word.endswith(_POSSESSIVE) and not _begins_other_toll(toks, at)
                and read_number(toks, at) is None):
            break  # وثلاثة: a number, whose ة folds to the ه of a pronoun
        more, last, k = more + 1, at, at + 1
    return more, last


def _died_before(toks: list[Token], i: int) -> bool:
    """A word of death among the few words before token ``i`` (توفي إثر إصابته)."""
    return any(_is(toks, k, "killed") or _life_taken(toks, k) for k in range(max(0, i - _REACH - 2), i))


def _figure_before(toks: list[Token], text: str, kind: str, i: int) -> Toll | None:
    """16 قتيلا و45 جريحا: a figure right before a noun of the dead or wounded is its count."""
    counts = [n for _, n in _count_forms(toks[i].key) if n]
    if not counts:
        return None
    # the longest figure that ends at the noun: خمسة وعشرون قتيلا is 25, not the 20 of وعشرون
    n = next((m for m in map(lambda k: read_number(toks, k), range(max(0, i - _REACH), i))
              if m is not None and m.end == i and m.value is not None), None)
    if n is not None:
        k = n.start
        first = next((r for r in (_range(toks, f, read_number(toks, f)) for f in (k - 1, k - 2)
                                  if f >= 0 and read_number(toks, f) is not None)
                      if r.end == i and r.hi == n.value), None)  # بين 15 و20 قتيلا
        if first is not None:
            return _make(kind, first.lo, first.lo, first.hi, toks[first.start].start,
                         toks[i].end, text)
        return _make(kind, n.value, n.lo, n.hi, toks[k].start, toks[i].end, text)
    single = any(_alone().get(f) == "1" for f in _forms(toks[i].key))  # قتيلا, not إصابته
    if counts[-1] == "2" or (single and not _paired(toks, i)):
        # قتيلان وخمسة جرحى، أوقع قتيلا و18 جريحا: the noun is its own count
        count = float(counts[-1])
        # جثة الصحفي: a noun of one in construct with a definite noun tells whose it is; the
        # toll spans both, so that it names one (see :func:`names_one`)
        end = i + 1 if count == 1 and _construct(toks, i) else i
        return _make(kind, count, count, count, toks[i].start, toks[end].end, text)
    return None


def _construct(toks: list[Token], i: int) -> bool:
    """The noun at ``i`` heads a construct with the definite word after it (جثة الرابع): no
    article and no accusative alif on it, the article on the next word (not a day's name).

    >>> [_construct(tokenize(t, pieces=True), 0) for t in ("جثة الصحفي", "قتيلا الجمعة")]
    [True, False]
    """
    if i + 1 >= len(toks) or toks[i + 1].kind != "word" or toks[i].key.endswith(_TANWIN_ALIF) \
            or any(_definite(toks[i].key, f) for f in _forms(toks[i].key)[1:]):
        return False
    nxt = toks[i + 1].key
    return nxt.startswith(ARTICLE) and not _weekday(nxt) and not _begins_other_toll(toks, i + 1)


def _plural_pair(toks: list[Token], i: int) -> bool:
    """A plural noun of the dead or wounded paired by و with the other (8 قتلى وجرحى، بين
    قتلى وجرحى): the pair says "dead and wounded" as its singular does; a plural
    followed by its own figure (8 قتلى و20 جريحا) is no pair."""
    def plural(k: int) -> bool:
        return any(_alone().get(f) == "plural" for f in _forms(toks[k].key))

    if not plural(i):
        return False
    other = "wounded" if _is(toks, i, "killed") else "killed"
    after = i + 1 < len(toks) and toks[i + 1].key.startswith("\u0648") \
        and _is(toks, i + 1, other) and plural(i + 1)
    before = i > 0 and toks[i].key.startswith("\u0648") and _is(toks, i - 1, other) \
        and plural(i - 1)
    return after or before


def _paired(toks: list[Token], i: int) -> bool:
    """A singular noun of the dead or wounded paired with the other after بين or a figure
    (بين شهيد وجريح، 356 شهيدا وجريحا): the pair says "dead and wounded", it counts no one.
    Standing alone the pair counts each (سقوط شهيد وجريح: one dead, one wounded)."""
    if i > 0 and _between(toks[i - 1]):
        return True
    for first in (i - 1, i):
        if first >= 0 and first + 1 < len(toks) and _pair_at(toks, first):
            return first > 0 and (_between(toks[first - 1]) or _figure_before_pair(toks, first))
    return False


def _between(tok: Token) -> bool:
    """Whether ``tok`` is بين "between" (``cue_words("between")``): before a pair of the dead
    and the wounded it says the two together (بين قتيل وجريح), before a range its ends."""
    return tok.key in cue_words("between")


def _pair_at(toks: list[Token], k: int) -> bool:
    """Tokens ``k`` and ``k + 1`` are a noun of the dead and one of the wounded, or the
    reverse, the second joined by و (شهيد وجريح، جريحا وقتيلا)."""
    if not toks[k + 1].key.startswith(WAW):
        return False
    return (_is(toks, k, "killed") and _is(toks, k + 1, "wounded")) or (
        _is(toks, k, "wounded") and _is(toks, k + 1, "killed"))


def _figure_before_pair(toks: list[Token], k: int) -> bool:
    """A figure ends right before the pair at ``k`` (356 شهيدا وجريحا): it counts the two."""
    return any((n := read_number(toks, m)) is not None and n.end == k
               for m in range(max(0, k - 3), k))


def _qualifier(toks: list[Token], k: int) -> bool:
    """على الأقل / آخرين / بجروح (بجراح, its other plural) after a figure keeps it a count of
    people, and so does a word that opens the clause of how they were hit (وأصيب 11 عندما فجر
    مهاجم): no noun counted follows."""
    return toks[k].key in _words("qualifier")


def _toll_before(toks: list[Token], text: str, kind: str, i: int, since: int) -> Toll | None:
    """ثمانية أشخاص على الأقل قتلوا: a figure and its person noun before the verb (not a figure
    an earlier toll already took, offsets before ``since``). A clause of a part between
    commas is read past (تعرض 6 مدنيين، بينهم 4 أطفال، للإصابات: 6). A figure of a group's
    members may stand further back, the group named at length (4 على الأقل من مقاتلي حركة
    النجباء المتحالفة مع إيران قتلوا). A comma closing the subject of a reported clause
    before its verb (أن ستة أشخاص من قوات الحشد، قتلوا) and quotation marks are read past."""
    k, left = (i - 2 if _reported_comma(toks, i) else i - 1), _GROUP_REACH
    joined: Toll | None = None  # a figure joined by و: the subject may begin further back
    while k >= 0 and left > 0:
        aside = _aside_before(toks, k)
        if aside is not None:
            k = aside
            continue
        if toks[k].key in _QUOTES:  # من قوات "الحشد الشعبي" قتلوا: the name quoted as written
            k -= 1
            continue
        if toks[k].start < since or _stop(toks[k]) or _is(toks, k, "killed") or _is(toks, k, "wounded"):
            return joined
        n = read_number(toks, k)
        at = _past_at_least(toks, n.end) if n is not None else 0
        if n is not None and n.value is not None and at < len(toks) and at <= i \
                and (((_is(toks, at, "person") or _plural_subject(toks, at, i))
                      and _GROUP_REACH - left < _REACH + 2) or (
                    toks[at].key == _OF and not any(c for _, c in _count_forms(toks[i].key)))):
            # 3 من عناصر الشرطة ومدني قتلوا: a group's members, and a person joined by و
            # (before a verb: 2 من قتلى التفجير is a part of the dead, no toll); a figure
            # joined by و counts more of the subject (15 سجينا وأربعة حراس قتلوا: 19)
            more = sum(_joined_count(toks, m) for m in range(n.end + 1, i)) \
                + _joined_figures(toks, n.end, i)
            toll = _make(kind, n.value + more, _plus(n.lo, more), _plus(n.hi, more),
                         toks[k].start, toks[i].end, text)
            if n.pre != "\u0648":
                return toll
            joined = joined or toll
        k, left = k - 1, left - 1
    return joined


def _plural_subject(toks: list[Token], at: int, i: int) -> bool:
    """The noun at ``at``, right after a figure, is the subject a plural verb at ``i`` agrees
    with (4 حطابين قتلوا): any noun but one of things or units, as after a toll word's figure.

    >>> _plural_subject(tokenize("4 حطابين قتلوا", pieces=True), 1, 2)
    True
    """
    return toks[at].kind == "word" and at < i and toks[i].key.endswith(_PLURAL_VERB) \
        and not _thing(toks[at].key) and read_number(toks, at) is None \
        and not any(f in _time_words() for f in _forms(toks[at].key))


@cache
def _time_words() -> frozenset[str]:
    """The first words of the time grammar's words of a time (صباحا، الساعة، أكتوبر): a figure
    before one is a time, not a count of people (10 صباحا)."""
    return frozenset(f.split()[0] for kind in _TIME_KINDS for f in forms_of(kind))


_TIME_KINDS = ("daypart", "unit", "relative_day", "weekday", "timezone", "clock_hour", "month")


def _joined_figures(toks: list[Token], k: int, i: int) -> float:
    """The figures joined by و between token ``k`` and the verb at ``i``, each before a noun
    of no things (وأربعة حراس): more of the subject the verb tells."""
    more = 0.0
    while k < i:
        n = read_number(toks, k)
        if n is None:
            k += 1
            continue
        if n.pre == "\u0648" and n.value is not None and n.end < i \
                and toks[n.end].kind == "word" and not _thing(toks[n.end].key):
            more += n.value
        k = max(n.end, k + 1)
    return more


# How far back (in tokens) the figure of a group's members may stand from its verb.
_GROUP_REACH = 12
_AT_LEAST = ("علي", "الاقل")


def _past_at_least(toks: list[Token], k: int) -> int:
    """The token after على الأقل at ``k`` (4 على الأقل من مقاتلي ...), else ``k``."""
    if k + 1 < len(toks) and (toks[k].key, toks[k + 1].key) == _AT_LEAST:
        return k + 2
    return k


def _aside_before(toks: list[Token], k: int) -> int | None:
    """When token ``k`` is the comma closing a clause of a part (، بينهم 4 أطفال،), the
    token before the comma that opens it; else None."""
    if not (_stop(toks[k]) and toks[k].key in _COMMAS):
        return None
    for m in range(k - 1, max(k - _REACH - 3, 0), -1):
        if _stop(toks[m]):
            return m - 1 if toks[m].key in _COMMAS and _is(toks, m + 1, "part") else None
    return None


_COMMAS = (",", "\u060c")


def _joined_count(toks: list[Token], k: int) -> float:
    """How many a person noun joined by و counts (ومدني 1, ومدنيان 2), else 0."""
    if not toks[k].key.startswith("\u0648") or not _is(toks, k, "person"):
        return 0.0
    count = next((c for _, c in _count_forms(toks[k].key) if c), "")
    return float(count) if count in ("1", "2") else 0.0


# How many tokens the words telling who a victim is may run to (a name, an age, a trade).
_WHO_REACH = 16


def _named_more(toks: list[Token], k: int) -> tuple[float, int]:
    """How many person nouns open a clause "، و" after the words that tell who the victim
    before ``k`` is, and the index of the last (الضابط أحمد مدكور 27 سنة بشظايا، وجندي يدعى
    ضياء: one more; شخص يدعى أسعد، يعمل سائقا، ومواطن آخر: one more). A noun that is the
    subject of a toll of its own (، وجندي أصيب) adds nothing here.

    >>> _named_more(tokenize("الضابط أحمد علي، وجندي يدعى سالم", pieces=True), 1)
    (1.0, 4)
    """
    more, last, commas = 0.0, k - 1, 0
    for m in range(k, min(k + _WHO_REACH, len(toks))):
        if toks[m].key in SENTENCE_END or _begins_other_toll(toks, m):
            break
        if toks[m].key not in _COMMAS:
            continue
        commas += 1
        if commas > 2 or m + 1 >= len(toks):
            break
        joined = _joined_count(toks, m + 1)
        # a noun with the article tells the same one again (العضو السابق، والأسير السابق)
        definite = any(_definite(toks[m + 1].key, f) for f in _forms(toks[m + 1].key))
        if joined and not definite and not (m + 2 < len(toks) and _begins_other_toll(toks, m + 2)):
            more, last = more + joined, m + 1
    return more, last


# The oblique ending of a sound masculine plural, which is also the oblique dual (مدنيين).
_OBLIQUE = "\u064a\u0646"


def _joined_dual_or_plural(toks: list[Token], k: int) -> bool:
    """A person noun joined by و at ``k`` in the oblique -ين that the toll file tells as a
    plural (ومدنيين، ومسلحين): unvowelled, it reads as a dual as well.

    >>> _joined_dual_or_plural(tokenize("ومدنيين", pieces=True), 0)
    True
    """
    return toks[k].key.startswith("\u0648") and _is(toks, k, "person") and any(
        f.endswith(_OBLIQUE) and _alone().get(f) == "plural" for f in _forms(toks[k].key))


def _of_them(toks: list[Token], text: str, before: Toll, toll: Toll) -> bool:
    """``toll`` counts some of the people of the larger toll of the other kind told before it
    in its sentence, "of them" (استقبل 30 مصابا، توفي 6 منهم): the dead among the wounded,
    so at least that many died, not all the deaths."""
    if before.kind == toll.kind or before.kind == "both" or before.value is None \
            or toll.value is None or toll.value >= before.value \
            or any(c in text[before.end:toll.start] for c in SENTENCE_END):
        return False
    k = _first_from(toks, toll.end)
    return k < len(toks) and toks[k].key in _words("of_them")


# The partitive من after a figure: 3 من عناصر الشرطة "three of the police".
_OF = "من"


def _is_total(toks: list[Token], toll: Toll, j: int) -> bool:
    """A word of a total or a span of time in the rest of the toll phrase (منذ بداية العام), a
    period since a time further on in its clause (في مناطق متعددة بالقطاع منذ فجر اليوم),
    or a period since the start of a span earlier in its sentence (ارتفع عدد الاستهدافات منذ
    بداية العام الجاري إلى 38، وتسببت بسقوط 24 قتيلاً)."""
    k = max(_first_from(toks, toll.end), j)
    for n in range(k, min(k + _SINCE_REACH, len(toks))):
        if _stop(toks[n]):
            break
        if n < k + _TOTAL_AFTER and _is(toks, n, "period"):
            return True
        if n < k + _TOTAL_AFTER and _is(toks, n, "span_head") and any(
                _is(toks, m, "span") for m in range(n + 1, n + 3)):
            return True
        # منذ عام 2015، منذ فجر اليوم further on in the clause: since a time the time grammar
        # knows, a total over the time since
        if _is(toks, n, "period") and any(f in _time_words() or _is(toks, m, "span")
                                          for m in range(n + 1, min(n + 3, len(toks)))
                                          for f in _forms(toks[m].key)):
            return True
    first = _first_from(toks, toll.start)
    for n in range(first - 1, max(first - _TOTAL_REACH, 0) - 1, -1):
        if toks[n].kind == "punct" and toks[n].key in _SENTENCE_STOPS:
            break
        if (_is(toks, n, "period") or _is(toks, n, "span_head")) \
                and any(_is(toks, m, "span") for m in range(n + 1, min(n + 3, first))):
            return True
    return False


# How far after a toll a word of a total or a span may stand in its phrase (مقتل 9 أشخاص في
# هجمات متفرقة).
_TOTAL_AFTER = 6
# How far after a toll a period since a time may stand in its clause (مقتل 41 برصاص القوات في
# مناطق متعددة بالقطاع منذ فجر اليوم).
_SINCE_REACH = 12
# How many tokens before a toll a period of its sentence may stand (منذ بداية العام ... 24 قتيلاً).
_TOTAL_REACH = 32
# What ends a sentence for that look back: the text's sentence ends, and a colon, which opens
# a new statement (a comma does not: the total's clauses go on).
_SENTENCE_STOPS = frozenset(SENTENCE_END) | {":"}


def _zero(toks: list[Token], text: str, i: int) -> list[Toll]:
    """لم يسفر عن إصابات / دون وقوع ضحايا: a negation with a casualty noun within four words,
    light words between them not counted (دون أن يبلغ عن وقوع إصابات: one word, يبلغ).
    A noun of a count between them negates the count, not the casualties (لم يعرف عدد الضحايا:
    the toll is unknown, no zero).

    >>> [(t.kind, t.value) for t in find_tolls("سقطت قذيفة دون أن تتسبب في أي إصابات.")]
    [('killed', 0.0), ('wounded', 0.0)]
    """
    if not _is(toks, i, "zero_neg"):
        return []
    words = 0
    for k in range(i + 1, len(toks)):
        if toks[k].key not in _words("zero_fill"):
            words += 1
        if words > _ZERO_REACH:
            return []
        if _stop(toks[k]) or _is(toks, k, "tally"):
            return []
        if _is(toks, k, "casualty") or (_is(toks, k, "wounded") and _INJURIES in _forms(toks[k].key)):
            end = toks[_role_at(toks, k, "casualty") - 1].end if _is(toks, k, "casualty") \
                else toks[k].end
            return [_make("killed", 0.0, 0.0, 0.0, toks[i].start, end, text),
                    _make("wounded", 0.0, 0.0, 0.0, toks[i].start, end, text)]
        if k + 1 < len(toks) and toks[k + 1].key == _ANYONE:
            # لم يسفر عن مقتل أحد، لم يصب أحد: under a negation أحد is "anyone", no count of
            # one; the verb or its noun says which toll is none
            kinds = [kind for kind in ("killed", "wounded") if _is(toks, k, kind)] or (
                ["killed", "wounded"] if _is(toks, k, "both") else [])
            if kinds:
                return [_make(kind, 0.0, 0.0, 0.0, toks[i].start, toks[k + 1].end, text)
                        for kind in kinds]
        if read_number(toks, k) is not None:
            return []
    return []


# أحد after a negated casualty word: "anyone" (folded key).
_ANYONE = "احد"
# The plural of wounding that, negated, says no one was hurt at all (بدون إصابات، من دون
# التسبب بإصابات: with its preposition too).
_INJURIES = "اصابات"
# How many words, light ones (toll_words.csv zero_fill) aside, a negation reaches for its noun.
_ZERO_REACH = 4


def _make(kind: str, value: float | None, lo: float | None, hi: float | None, start: int,
          end: int, text: str) -> Toll:
    return Toll(kind, value, lo if lo is not None else value, hi if hi is not None else value,
                start, end, text[start:end])


# The ending -ā of a dual verb (استشهدا، أصيبتا): the verb counts its subject, two.
_DUAL_VERB = "\u0627"


def names_one(toll: Toll) -> bool:
    """True when ``toll`` is one victim told by a definite noun (مقتل القيادي، بقتل الجندي
    المصري), or the two a dual verb tells after its subject (فلان وفلان قتلا): it names
    those the report counts, it is no count of its own.

    >>> [names_one(t) for t in find_tolls("مقتل القيادي فلان. ومقتل قيادي آخر.")]
    [True, False]
    >>> [names_one(t) for t in find_tolls("وقال إن دم الشهيد لن يذهب هدرا.")]
    [True]
    >>> [names_one(t) for t in find_tolls("قتل 5 أشخاص. وقُتل سامر خليل، بانفجار.")]
    [False, True]
    """
    toks = [t for t in tokenize(toll.text, pieces=True) if t.kind == "word"]
    if len(toks) == 1 and toll.value == 2 and toll.kind in ("killed", "wounded") and any(
            n == "2" and f.endswith(_DUAL_VERB) for f, n in _count_forms(toks[0].key)):
        return True  # سليماني والمهندس قتلا: the dual verb tells the two its subject named
    if toll.value != 1 or toll.kind not in ("killed", "wounded"):
        return False
    if len(toks) == 1 and pronoun_count(toks[0].key, toll.kind) == 1:
        return True  # بمقتله: the death of one the report has named
    named = tokenize(toll.text + _COMMAS[1], pieces=True)
    if len(named) > 2 and _bare_name(named, 1) == len(named) - 2:
        return True  # قُتل فلان الفلاني: one named, who may be one of those a figure counts
    # a noun of one with a definite genitive (جثة الصحفي): whose body, one already told
    if len(toks) == 2 and toks[1].key.startswith(ARTICLE) and any(
            n == "1" for _, n in _count_forms(toks[0].key)):
        return True
    # a definite noun of one, also alone (دم الشهيد، عائلة القتيل): the one the report knows
    return bool(toks) and any(
        n == "1" and _definite(toks[-1].key, f) for f, n in _count_forms(toks[-1].key))


def is_part(text: str, whole: Toll, toll: Toll) -> bool:
    """True when ``toll`` counts some of the victims of ``whole``: a smaller figure of the same
    kind later in the same sentence, with a word of part between (من بينها، منهم) or told as
    "one of" them (أحد المقاتلين); or, later in any sentence, told as more hit "also" (كما
    أصيب جندي): either way no other figure of the count ``whole`` gives, which sources that
    differ tell (وفي حصيلة أخرى، فيما قالت مصادر) and never with كما.

    >>> t = "مقتل 15 شخصا واحتراق سيارات، من بينها سيارة أدى اشتعالها إلى مقتل ثلاثة أطفال."
    >>> whole, part = find_tolls(t)
    >>> is_part(t, whole, part), is_part(t, part, whole)
    (True, False)
    """
    if whole.kind != toll.kind or whole.end > toll.start or whole.value is None \
            or toll.value is None or toll.value >= whole.value:
        return False
    if _also_before(text, toll.start) and not _placed_after(text, toll.end):
        # كما أصيب جندي: more hit "also", no other figure of the same count; with a place
        # of its own (كما لقي شخص آخر مصرعه في زاخو) it is the toll of the attack there
        return True
    between = text[whole.end:toll.start]
    if any(c in between for c in ".\n"):
        return False
    if toll.value == 1 and any(f in _words("one_of") for t in tokenize(toll.text, pieces=True)
                               for f in _forms(t.key)):
        return True  # عدد القتلى ارتفع إلى 4، بعد وفاة أحد المقاتلين: one of the four
    return any(_is(toks, k, "part") for toks in [tokenize(between, pieces=True)]
               for k in range(len(toks)))


def _sentence_of(text: str, start: int, end: int, marks: str = SENTENCE_END) -> tuple[int, int]:
    """The span of the sentence holding ``text[start:end]``: from after the last of ``marks``
    before ``start`` to the first at or after ``end`` (the text's ends if none).

    >>> _sentence_of("قتل 3. ثم ارتفعت الحصيلة إلى 5. انتهى", 17, 18)
    (6, 30)
    """
    first = max((text.rfind(c, 0, start) for c in marks), default=-1) + 1
    ends = [k for k in (text.find(c, end) for c in marks) if k >= 0]
    return first, min(ends, default=len(text))


UPDATES_FILE = "claims/toll_updates.csv"  # the words of a toll brought up to date (ارتفعت الحصيلة إلى)

# How far (in tokens) an update cue may stand from the figure it updates: ارتفعت حصيلة
# شهداء القصف على أحيائها إلى 38 puts seven words between them.
_UPDATE_REACH = 10


def updates(text: str, toll: Toll, tolls: Sequence[Toll] = ()) -> bool:
    """Whether ``toll`` is told as its attack's toll brought up to date (ارتفعت حصيلة القتلى
    إلى 14، ليرتفع عدد الضحايا إلى 21، مقتل 11 في حصيلة جديدة): a cue of
    :data:`UPDATES_FILE` in its sentence, a few words before it with no other figure of its
    kind between, or (for a cue such as حصيلة جديدة) after it. The updated figure is the
    attack's toll; the earlier ones are only its lowest bound.

    >>> t = "قتل 12 شخصا. ثم ارتفعت حصيلة القتلى إلى 14 قتيلا."
    >>> ts = find_tolls(t)
    >>> [(x.value, updates(t, x, ts)) for x in ts]
    [(12.0, False), (14.0, True), (14.0, False)]
    """
    start, stop = _sentence_of(text, toll.start, toll.end, SENTENCE_END + "\n")
    toks = tokenize(text[start:stop], pieces=True)
    lex = table_lexicon(UPDATES_FILE, form="cue")
    others = [o.start - start for o in tolls if o != toll and o.kind == toll.kind
              and start <= o.start < stop]
    at, end = toll.start - start, toll.end - start
    words = [k for k, t in enumerate(toks) if t.kind == "word"]
    for n, k in enumerate(words):
        m = lex.match(toks, k)
        if m is None:
            continue
        cue_end = toks[m.end - 1].end
        if cue_end <= at and sum(1 for w in words[n:] if toks[w].start < at) <= _UPDATE_REACH \
                and not any(cue_end <= o < at for o in others) \
                and not any(c in text[start + cue_end:start + at] for c in _COMMAS):
            return True  # ارتفعت الحصيلة إلى 14: the cue opens the figure's clause
        if toks[k].start >= end and any(r["kind"] == "either" for r in m.payloads) \
                and sum(1 for w in words if end <= toks[w].start < toks[k].start) <= _UPDATE_REACH:
            return True  # مقتل 11 وإصابة 45 في حصيلة جديدة
    return False


def _also_before(text: str, start: int) -> bool:
    """Whether the clause of a toll starting at ``start`` opens with كما "also" a few words
    before it, no stop between (كما أصيب جندي، كما أسفر الهجوم عن مقتل ثلاثة).

    >>> _also_before("قتل ثلاثة. كما أصيب جندي.", 16)
    True
    """
    toks = tokenize(text[max(0, start - _ALSO_CHARS):start], pieces=True)
    for tok in reversed(toks[-_REACH:]):
        if _stop(tok):
            return False
        if tok.key in _words("also"):
            return True
    return False


def _placed_after(text: str, end: int) -> bool:
    """Whether the clause after a toll ending at ``end`` names a place of the gazetteer, in
    one word or two (مصرعه في زاخو، في “كاني ماسي”): the toll is told at a place of its own.

    >>> _placed_after("كما لقي شخص آخر مصرعه في زاخو.", 21), _placed_after("كما أصيب جندي.", 13)
    (True, False)
    """
    stop = _sentence_of(text, end, end, SENTENCE_END + "".join(_COMMAS) + "\n")[1]
    keys = [t.key for t in tokenize(text[end:stop], pieces=True) if t.kind == "word"]
    places = _place_keys()
    return any(f in places for k in keys for f in _forms(k) if len(f) > 2) or any(
        f"{a} {b}" in places for a, b in pairwise(keys))


@cache
def _place_keys() -> frozenset[str]:
    """The matching keys of every place name of the gazetteer (زاخو، كاني ماسي)."""
    return frozenset(place_names()[1])


# How far back (in characters) the text before a toll is read for its clause's كما.
_ALSO_CHARS = 60


# The files whose words open a person-shaped phrase: titles before a name (الشيخ، اللواء،
# أبو), offices (نائب، قائد، مسؤول), and the prepositions and relatives that end a phrase.
_PLACE_CUES = "find/place_cues.csv"
_ACTOR_CUES = "find/actor_cues.csv"


@cache
def _heads() -> frozenset[str]:
    """The words that open a person-shaped item besides the toll file's nouns of people:
    a title before a given name (اللواء، الشيخ، أبو — place_cues ``title``) and an office
    (نائب، قائد، مسؤول — actor_cues ``person_title``), with and without the article.

    >>> "نائب" in _heads(), "الشيخ" in _heads(), "القوات" in _heads()
    (True, True, False)
    """
    words = {r.form for r in read_rows(_PLACE_CUES) if r.role == "title"}
    words |= {r.form for r in read_rows(_ACTOR_CUES) if r.role == "person_title"}
    return frozenset(words | {w[len(ARTICLE):] for w in words if w.startswith(ARTICLE)}
                     | {ARTICLE + w for w in words if not w.startswith(ARTICLE)})


@cache
def _phrase_stops() -> frozenset[str]:
    """Words that end a victims phrase: the prepositions of place and time (في، قرب، منذ),
    the relative pronouns (الذي، التي) and the words opening how the victims were hit
    (جراء، إثر، عندما), and a pronoun opening who the counted are (هم)."""
    words = {r.form for r in read_rows(_PLACE_CUES) if r.role in ("preposition", "locative")}
    words |= _relatives()
    words |= _words("breakdown")  # سبعة مدنيين هم امرأة وستة: who the seven are, no more
    return frozenset(words | (_words("qualifier") - _words("victims_more")))


# The quotation marks a name is written in (“حسين عادل”، «سارة»).
_QUOTES = frozenset('"“”«»')
# How many words one item of a victims phrase may run to past its head (a title, an
# office's genitives, a name of four parts, an adjective).
_ITEM_REACH = 8


def _item(toks: list[Token], m: int, quoted: bool = False) -> tuple[float, float | None, int] | None:
    """(lowest, highest, index after its head) of the person-shaped item at ``m``, read
    with the و that joins it: a figure of people (ثلاثة من الحراس), a noun of one or two
    people (جندي، زوجته، مدنيان), a title or office (اللواء، نائب، أبو), a name in quotes
    (“سارة”: one), or «آخرين» (at least one more); else None. With ``quoted``, also a noun
    before a name in quotes (:func:`_quoted_after`), in a list that says who a plural is.

    >>> toks = tokenize("وزوجته ونائب رئيس وآخرين و3 جنود", pieces=True)
    >>> [_item(toks, m)[:2] for m in (0, 1, 3)], _item(toks, 4)[:2]
    ([(1.0, 1.0), (1.0, 1.0), (1.0, None)], (3.0, 3.0))
    """
    tok = toks[m]
    if tok.key == "\u0648" and m + 1 < len(toks):  # و standing apart: و«سارة»
        return _item(toks, m + 1, quoted)
    if tok.key in _QUOTES:
        close = next((c for c in range(m + 1, min(m + _ITEM_REACH, len(toks)))
                      if toks[c].key in _QUOTES), None)
        words = close is not None and close > m + 1 and all(
            t.kind == "word" for t in toks[m + 1:close])
        return (1.0, 1.0, close + 1) if words else None
    n = read_number(toks, m)
    if n is not None:
        if n.value is None or n.end >= len(toks) or not (
                toks[n.end].key == _OF or _is(toks, n.end, "person")):
            return None
        return n.value, n.value, n.end + 1
    if tok.kind != "word" or _weekday(tok.key) or any(f in _time_words() for f in _forms(tok.key)):
        return None  # قتل ستة أطفال، الأحد: a day, no one more
    forms = _forms(tok.key)
    if any(f[:-len(p)] in _words("one_of") for f in forms for p in _POSSESSIVE if f.endswith(p)):
        return None  # شخصين، أحدهما: one of those counted, no one more
    if any(f in _words("victims_more") for f in forms) and tok.key.startswith("\u0648"):
        return 1.0, None, m + 1  # وآخرين: at least one more, how many untold
    count = next((c for _, c in _count_forms(tok.key) if c in ("1", "2")), "") \
        if _is(toks, m, "person") else ""
    if count:
        return float(count), float(count), _role_at(toks, m, "person")
    # a noun of one person under "his" joined in the list (وسائقه، ونجله): the ه left out
    # of :func:`_count_forms` (it folds the ة of a feminine) is here one person either way
    if tok.key.startswith("\u0648") and any(
            f.endswith(_POSSESSIVE[-1]) and _alone().get(f[:-1]) == "1" for f in forms):
        return 1.0, 1.0, m + 1
    if any(f in _heads() for f in forms):
        return 1.0, 1.0, m + 1
    return _name_then_title(toks, m) or (_quoted_after(toks, m) if quoted else None)


def _quoted_after(toks: list[Token], m: int) -> tuple[float, float, int] | None:
    """A noun and its genitive before a name in quotes (رسام الكاريكاتير “فلان”، الناشطة
    «فلانة»): what the one named is; the item counts one and ends at the closing quote.

    >>> _quoted_after(tokenize('رسام الكاريكاتير “سالم حسن” وزوجته', pieces=True), 0)
    (1.0, 1.0, 6)
    """
    for k in range(m, min(m + _NAME_REACH, len(toks))):
        if toks[k].key in _QUOTES and k > m:
            return _item(toks, k)
        if toks[k].kind != "word" or (k > m and toks[k].key.startswith("\u0648")) \
                or _ends_phrase(toks, k) or _begins_other_toll(toks, k):
            return None
    return None


# How many words a name may run to before the title set after it in apposition.
_NAME_REACH = 3


def _name_then_title(toks: list[Token], m: int) -> tuple[float, float, int] | None:
    """A name joined by و and then its title in apposition (وسالم المظفر المسؤول الإداري):
    up to three words that end no phrase, then a definite title, office or noun of one
    person; the item counts one. The title, definite, tells which one the name is.

    >>> toks = tokenize("وسالم المظفر المسؤول الإداري", pieces=True)
    >>> _name_then_title(toks, 0)
    (1.0, 1.0, 3)
    """
    if not toks[m].key.startswith("\u0648"):
        return None
    for k in range(m, min(m + _NAME_REACH + 1, len(toks))):
        tok = toks[k]
        if tok.kind != "word" or (k > m and tok.key.startswith("\u0648")) \
                or (k > m and _ends_phrase(toks, k)) or read_number(toks, k) is not None:
            return None
        if k > m and tok.key.startswith(_ARTICLES) and (
                tok.key in _heads() or any(_definite(tok.key, f) and c == "1"
                                           for f, c in _count_forms(tok.key))):
            return 1.0, 1.0, k + 1
    return None


def _victims(toks: list[Token], k: int,
             quoted: bool = False) -> tuple[float, float | None, int, int] | None:
    """The victims phrase at ``k``: a coordination (و، the comma, كل من) of person-shaped items
    (:func:`_item`), each with the words that tell who it is (a name, an office's genitive,
    an adjective). It ends at a full stop, a preposition, a relative pronoun or a toll word.
    Returns (lowest, highest, index of its last token, how many items), or None.

    >>> toks = tokenize("قائد الفيلق الجنرال قاسم، ونائب رئيس الهيئة أبو مهدي في ضربة", pieces=True)
    >>> _victims(toks, 0)
    (2.0, 2.0, 9, 2)
    """
    if k + 1 < len(toks) and (toks[k].key, toks[k + 1].key) == _EACH_OF:
        k += 2  # كل من فلان وفلان
    if k >= len(toks):
        return None
    first = _item(toks, k, quoted)
    if first is None:
        return None
    lo, hi, m = first
    last, items = m - 1, 1
    while m < len(toks):
        last, m = _item_end(toks, m, last)
        if m >= len(toks):
            break
        at = m + 1 if toks[m].key in _COMMAS else m
        if at >= len(toks) or not (toks[at].key.startswith("\u0648") or at > m) \
                or _begins_other_toll(toks, at):
            break
        item = _item(toks, at, quoted)
        if item is None:
            break
        end = _item_end(toks, item[2], item[2] - 1)[1]
        if end < len(toks) and _begins_other_toll(toks, end):
            break  # وجندي أصيب بجروح: the subject of a toll of its own
        lo, hi = lo + item[0], _plus(hi, item[1]) if item[1] is not None else None
        last, m, items = item[2] - 1, item[2], items + 1
    return lo, hi, last, items


def _item_end(toks: list[Token], m: int, last: int) -> tuple[int, int]:
    """The index of the last word telling who the item whose head ends before ``m`` is (a
    name, an office's genitive, an adjective; quotes read past), and the index of the token
    that ends the item (a coordinator or the phrase's end); ``last`` when no word follows."""
    words = 0
    while m < len(toks) and words < _ITEM_REACH:
        tok = toks[m]
        if tok.key in _QUOTES:
            m += 1
            continue
        close = _bracket_close(toks, m)
        if close is not None:  # الطفل فلان (11 عاما) والطفلة فلانة: the age read past
            last, m = close, close + 1
            continue
        if tok.kind != "word" or tok.key.startswith("\u0648") or _ends_phrase(toks, m):
            break
        last, m, words = m, m + 1, words + 1
    return last, m


_EACH_OF = ("كل", "من")
_OPEN_BRACKET, _CLOSE_BRACKET = "(", ")"


def _bracket_close(toks: list[Token], m: int) -> int | None:
    """The index of the ``)`` closing a short bracket opened at ``m`` (an age, a place of
    origin: فلان (20 عاما)), or None when ``m`` opens none.

    >>> _bracket_close(tokenize("سالم (20 عاما) وعلي", pieces=True), 1)
    4
    """
    if toks[m].key != _OPEN_BRACKET:
        return None
    return next((c for c in range(m + 1, min(m + _REACH + 1, len(toks)))
                 if toks[c].key == _CLOSE_BRACKET), None)


def _ends_phrase(toks: list[Token], m: int) -> bool:
    """Whether the word at ``m`` ends a victims phrase: a stop word, a figure, a toll word,
    or a word with a preposition written on it (بانفجار، لداعش) that is no title."""
    key = toks[m].key
    if key in _phrase_stops() or read_number(toks, m) is not None or _begins_other_toll(toks, m):
        return True
    return key[:1] in _BOUND_PREPOSITIONS and not key.startswith(_ARTICLES) \
        and not any(f in _heads() for f in _forms(key)) and len(key) > 3


# The prepositions written onto the next word (بانفجار، لصالح، كما).
_BOUND_PREPOSITIONS = ("\u0628", "\u0644", "\u0643")


def _named(toks: list[Token], text: str, kind: str, i: int, j: int,
           toll: Toll | None) -> Toll | None:
    """The toll a victims phrase after the cue at ``i`` counts, when it counts more than
    ``toll``: اغتيال نائب رئيس الهيئة أبو مهدي، وقائد الفيلق قاسم (2); «قتل معه X وY» adds
    the company to the one the pronoun tells (1 + 2); the object of an active verb of
    assassination stands after its subject (اغتالت القوات الأمريكية قائد ... ونائب ...: 2).
    """
    if j >= len(toks):
        return toll
    base, start = 0.0, j
    company = next((_OWNED_COUNTS.get(toks[j].key[len(w):]) for w in _words("company")
                    if toks[j].key.startswith(w) and toks[j].key != w), None)
    if company:
        base, start = company, j + 1  # قتل معه: he, and those with him
    elif any(f in _words("active") for f in _forms(toks[i].key)):
        # اغتالت القوات الأمريكية قائد: the subject before the object, a few words
        start = next((m for m in range(j, min(j + _REACH, len(toks)))
                      if _item(toks, m) is not None or _stop(toks[m])), j)
    phrase = _victims(toks, start)
    if phrase is None and toll is None:
        phrase = _enumerated(toks, j) or _apposed(toks, start) or _antecedent(toks, i, kind)
        # a name is the subject of a singular verb or the genitive of an indefinite noun
        # (قُتل فلان، مقتل فلان), never after القتل or قتلوا
        if phrase is None and not toks[i].key.endswith(_PLURAL_VERB) and not any(
                _definite(toks[i].key, f) for f in _forms(toks[i].key)) \
                and (name := _bare_name(toks, start)) is not None:
            return _make(kind, 1.0, 1.0, 1.0, toks[i].start, toks[name].end, text)
    if phrase is None or (phrase[3] < 2 and not company):
        return toll
    lo, hi, last, _ = phrase
    if toll is not None and toll.value is not None and toll.value >= base + lo:
        return toll
    named = _make(kind, base + lo, base + lo, base + lo, toks[i].start, toks[last].end, text)
    return named if hi is not None else named._replace(hi=None)


def _enumerated(toks: list[Token], k: int) -> tuple[float, float, int, int] | None:
    """A plural noun of people at ``k`` and a colon, then the list of who they are, each
    item between commas or joined by و one person (إصابة المواطنين: فلان الفلاني، وفلان
    علان: 2); a bracket in an item (an age) is read past. As :func:`_victims` returns.

    >>> _enumerated(tokenize("المواطنين: سالم علي (20 عاما)، ونادر حسن، من أهالي القرية", pieces=True), 0)
    (2.0, 2.0, 10, 2)
    """
    if k + 2 >= len(toks) or toks[k + 1].key != ":" or not any(
            _alone().get(f) == "plural" for f in _forms(toks[k].key)) or not _is(toks, k, "person"):
        return None
    count, words, last, m = 0, 0, k, k + 2
    while m < len(toks):
        tok = toks[m]
        if tok.key == _OPEN_BRACKET:
            close = _bracket_close(toks, m)
            if close is None:
                break
            last, m = close, close + 1
            continue
        if tok.key in _COMMAS:
            count, words, m = count + (words > 0), 0, m + 1
            continue
        # a name's later words may fold to a preposition (سالم علي): only an item's
        # first word ends the list
        if tok.kind != "word" or _begins_other_toll(toks, m) or (not words and _ends_phrase(toks, m)):
            break
        if tok.key.startswith("\u0648") and words:
            count, words = count + 1, 0  # وفلان: the next item
        words, last, m = words + 1, m, m + 1
        if words > _ITEM_REACH:
            return None  # no list of names: a clause goes on
    count += words > 0
    return (float(count), float(count), last, count) if count >= 2 else None


def _antecedent(toks: list[Token], i: int, kind: str) -> tuple[float, float | None, int, int] | None:
    """A toll told by a plural pronoun (أسفر عن إصابتهم) counts the victims phrase of two or
    more items its sentence named before it (أطلقوا النار على المدني فلان وطفلة أخرى ...
    إصابتهم: 2). As :func:`_victims` returns, the pronoun's token as the last.

    >>> toks = tokenize("أطلقوا النار على المدني سالم وطفلة أخرى، ما أسفر عن إصابتهم", pieces=True)
    >>> _antecedent(toks, 11, "wounded")
    (2.0, 2.0, 11, 2)
    """
    if not any(_their(f, kind) for f in _forms(toks[i].key)):
        return None
    first = i
    while first > 0 and not (toks[first - 1].kind == "punct"
                             and toks[first - 1].key in _SENTENCE_STOPS):
        first -= 1
    for k in range(first, i):
        if read_number(toks, k) is not None or (k > first and toks[k - 1].kind == "word"
                                                 and toks[k - 1].key not in _phrase_stops()):
            continue
        phrase = _victims(toks, k)
        if phrase is not None and phrase[3] >= 2 and phrase[2] < i:
            return phrase[0], phrase[1], i, phrase[3]  # the toll stands at its pronoun
    return None


# The possessive "their" on a verbal noun (إصابتهم، مقتلهم).
_PLURAL_OWNER = "هم"


def _their(form: str, kind: str) -> bool:
    """Whether ``form`` is a verbal noun of ``kind`` under "their" (إصابتهم → إصابة).

    >>> _their("اصابتهم", "wounded"), _their("اصابتهم", "killed")
    (True, False)
    """
    stem = form[:-len(_PLURAL_OWNER)]
    stem = stem[:-1] + _TA[1] if stem.endswith(_TA[0]) else stem
    return form.endswith(_PLURAL_OWNER) and len(stem) > 2 and [stem] in _cues().get(
        kind, {}).get(stem, ())


def _apposed(toks: list[Token], k: int) -> tuple[float, float | None, int, int] | None:
    """A plural noun phrase and, after a comma, the victims phrase that says who they are
    (اغتيال ناشطَي المدينة المعروفين، رسام الكاريكاتير “فلان” وزوجته الناشطة “فلانة”: 2): the
    items after the comma count them. As :func:`_victims` returns.
    """
    for m in range(k, min(k + _NAME_REACH + 1, len(toks))):
        if toks[m].key in _COMMAS and m > k:
            phrase = _victims(toks, m + 1, quoted=True)
            return phrase if phrase is not None and phrase[3] >= 2 else None
        if toks[m].kind != "word" or _ends_phrase(toks, m) or _begins_other_toll(toks, m) \
                or (m > k and toks[m].key.startswith("\u0648")):
            return None
    return None


# The letters a word may carry as a proclitic: a name read bare holds none, so a name
# that begins with one of them (باسل، كريم) is left unread rather than misread.
_BOUND_CLITICS = (*_BOUND_PREPOSITIONS, "\u0648", "\u0641")
# How many words a bare name set off by a comma may hold (فلان بن فلان الفلاني).
_NAME_WORDS = (2, 4)


def _bare_name(toks: list[Token], k: int) -> int | None:
    """A name alone after a word of killing, set off by a comma (قُتل فلان علان الفلاني،
    بانفجار): two to four words with no proclitic, none a word of the grammar (a stop, a
    figure, a time, a noun of people or a toll word), the first without the article; the
    index of its last word, else None. It counts one.

    >>> _bare_name(tokenize("سامر خليل الأحمد، بانفجار لغم", pieces=True), 0)
    2
    """
    for m in range(k, min(k + _NAME_WORDS[1] + 1, len(toks))):
        tok = toks[m]
        if tok.key in _COMMAS:
            return m - 1 if m - k >= _NAME_WORDS[0] else None
        if tok.kind != "word" or tok.key[:1] in _BOUND_CLITICS \
                or (m == k and tok.key.startswith(_ARTICLES)) or _ends_phrase(toks, m) \
                or _is(toks, m, "person") or _weekday(tok.key) \
                or not name_word(tok.key, m == k) or any(f in _time_words() for f in _forms(tok.key)):
            return None
    return None


# The construct dual of a feminine noun: منطقة → منطقتي (match keys: ة is written ه).
_DUAL_CONSTRUCT = "\u062a\u064a"
_HEH = "\u0647"


@cache
def _dual_heads() -> frozenset[str]:
    """The construct duals of the place heads (منطقتي، قريتي، محافظتي، ولايتي): the dual
    heads ``find/place_heads.csv`` lists, and the dual of each singular feminine head of
    that file and of the settlement words of ``find/place_cues.csv`` (ولاية → ولايتي), by the
    morphology, so no dual needs a line of its own."""
    heads = place_heads()
    singulars = {k for k, h in heads.items() if h.get("number") == "one"}
    singulars |= {r.form for r in read_rows(_PLACE_CUES) if r.role == "settlement"}
    duals = {k for k, h in heads.items() if h.get("number") == "many" and k.endswith(_DUAL_CONSTRUCT)}
    duals |= {w[:-1] + _DUAL_CONSTRUCT for w in singulars if w.endswith(_HEH) and " " not in w}
    return frozenset(duals)


def over_places(text: str, toll: Toll, tolls: Sequence[Toll] = ()) -> int | None:
    """Where the dual head of places in a toll's sentence ends, no بين before it and no
    other toll of ``tolls`` between the two (قصف في منطقتي شيلادزي وكاني ماسي أدى إلى
    استشهاد خمسة; قتل سبعة على مناطق حدودية بولايتي أورفه وماردين), or None: a toll told
    over places named under a dual head is the attacks' there together, no one place's (the
    guideline: one event at each place, the combined toll in ``toll_source`` only).

    >>> t = "قتل خمسة بقصف على قريتي الف وباء. وقتل اثنان بين قريتي جيم ودال."
    >>> five, two = Toll("killed", 5, 5, 5, 0, 8, ""), Toll("killed", 2, 2, 2, 34, 43, "")
    >>> t[:over_places(t, five)][-5:], over_places(t, two)
    ('قريتي', None)
    """
    start, stop = _sentence_of(text, toll.start, toll.end)
    words = [t for t in tokenize(text[start:stop]) if t.kind == "word"]
    duals, between = _dual_heads(), cue_words("between")
    for n, w in enumerate(words):
        if duals.isdisjoint(word_forms(w.key)):
            continue
        if n and not between.isdisjoint(word_forms(words[n - 1].key)):
            continue  # بين قريتي: one place between two, one event
        at = start + w.start
        lo, hi = min(at, toll.start), max(at, toll.end)
        if not any(o != toll and o.kind == toll.kind and lo <= o.start < hi for o in tolls):
            return start + w.end
    return None
