"""Claims: what a text asserts, on whose word and how firmly — one row per clause.

Each clause (see :mod:`workbench.claims.clauses`) is one claim unit with:

- ``type``: event, prediction, quantity, causal, comparison, evaluation, or statement.
  ``types`` lists every type that applies; ``type`` is prediction for a forward-looking
  clause, else the first of ``TYPE_ORDER`` that applies;
- ``source``: who asserts it when it is not the author (أعلن X، قال X، رصدت تقارير X،
  بحسب X، وفقا لـ X، ادعاء X, ``X: ...``), with offsets; empty when it is the author's
  own. A clause that repeats the reporting verb with no subject (كما رصدت ...) or
  continues the report (مضيفا أن، وأن ...) keeps the previous clause's source;
- ``modality``: asserted, hedged (قد + imperfect, ربما، يبدو), future (سـ، سوف، لن),
  negated (لم، لا، ليس — not لا بد، لا يزال، ليس فقط), or disputed: a dispute cue
  (اتضح أنه كلام للاستهلاك الإعلامي، عار عن الصحة) marks the claim it rejects — the
  nearest attributed clause before it in the sentence — and ``refers_to`` points there;
- the actors, places, times and quantities inside it (from the mentions frame), and a
  transparent check-worthiness score: a logistic function of named features whose
  weights (``workbench/data/claim_weights.csv``) were fitted on the CheckThat! 2022
  Arabic claim data by ``benchmarks/claims.py``; ``features`` lists what made the score.

>>> from workbench.claims.index import empty_mentions
>>> c = find_claims("قال المتحدث إن القوات انسحبت من المدينة.", mentions=empty_mentions())
>>> c.loc[0, ["type", "source", "modality"]].tolist()
['event', 'المتحدث', 'asserted']
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..resources import read_rows
from ..text.arabic import match_key
from ..text.clitics import CONJUNCTION_CLASS
from .aspect import generalises
from .clauses import (
    ALEF,
    ARTICLE,
    BEH,
    FEH,
    GAP_RE,
    HEH,
    IMPERFECT_PREFIXES,
    LAM,
    NOON,
    SEEN,
    WAW,
    YEH,
    Clause,
    Cue,
    TextUnits,
    adjacent,
    cue_words,
    is_gap,
    is_sa_future,
    proclitic_readings,
    surface,
    tokenize,
    trigger_lexicon,
)
from .frames import frame_of_rows, frame_with_lead
from .index import Mention, Mentions
from .roles import coordinated_device, ranked

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

WEIGHTS_FILE = "claims/claim_weights.csv"

CLAIM_COLUMNS = [
    "claim_id", "start", "end", "text", "type", "types", "source", "source_start",
    "source_end", "source_cue", "source_stance", "modality", "modality_cues", "disputed_by",
    "refers_to", "actors", "places", "times", "quantities", "flags", "checkworthiness",
    "checkworthy", "features", "sentence_id", "sentence_start", "sentence_end", "clause_break",
]

# Claim types in the order that picks ``type`` from ``types``.
TYPE_ORDER = ("event", "prediction", "quantity", "causal", "comparison", "evaluation")
MODALITIES = ("asserted", "hedged", "future", "negated", "disputed")

# The named features of the check-worthiness score (weights in claim_weights.csv).
FEATURES = (
    "quantity", "time", "place", "actor", "event", "attributed", "causal", "comparison",
    "evaluation", "hedged", "future", "negated", "question", "first_person", "religious",
    "dialect", "call_to_action", "url", "hashtag", "user_mention", "emoji", "latin_name",
    "exclamation", "length",
)
CHECKWORTHY_THRESHOLD = 0.5

_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
_LATIN_NAME_RE = re.compile(r"(?<![A-Za-z])[A-Z][a-zA-Z]{2,}")
_EMOJI_RE = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]")
_UPPER_RE = re.compile("[A-Z]")  # what a Latin name starts with


# --- mentions ------------------------------------------------------------------------

def _joined(values: Iterable[str]) -> str:
    """The non-empty values, each once in order of first appearance, joined by ``;``."""
    return ";".join(dict.fromkeys(filter(None, values)))


def quantity_label(m: Mention) -> str:
    """A quantity as ``value unit`` (``missing هجوم`` when the digits were lost)."""
    value = m.value or ("missing" if "count_missing" in m.flags else m.text)
    return f"{value} {m.unit_key}".strip()


# --- attribution ---------------------------------------------------------------------

def _nisba_like(key: str) -> bool:
    """An adjective-looking key (nisba -i/-iyya/-iyyun/-iyyin, possibly definite)."""
    word = key[1:] if key.startswith(WAW) and len(key) > 3 else key
    return word.endswith((YEH, YEH + HEH, YEH + WAW + NOON, YEH + YEH + NOON, YEH + HEH + ALEF))


@dataclass
class _Attribution:
    source: str = ""
    start: int = -1
    end: int = -1
    cue: str = ""
    stance: str = ""
    verb: str = ""


@dataclass
class _Unit:
    clause: Clause
    cues: list[Cue]
    mentions: list[Mention]
    attribution: _Attribution = field(default_factory=_Attribution)
    modality: str = "asserted"
    modality_cues: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    disputed_by: str = ""
    refers_to: int = -1
    dispute: bool = False


def _span_text(doc: TextUnits, i: int, j: int) -> tuple[str, int, int]:
    a, b = doc.tokens[i].start, doc.tokens[j - 1].end
    return doc.text[a:b], a, b


def _noun_phrase(doc: TextUnits, i: int, hi: int, mentions: Mentions) -> int:
    """End token of a source noun phrase starting at ``i`` (exclusive), ``i`` if none.

    Head, then its genitives (construct chain), nisba adjectives and و-joined adjectives,
    and any words inside an actor mention; at most six words, never across punctuation.
    """
    toks = doc.tokens
    if i >= hi or toks[i].key in cue_words("np_stop") or is_gap(toks[i]):
        return i
    j = i + 1
    inside = _mention_end(mentions, toks[i].start)
    while j < hi and j - i < 6:
        if not adjacent(doc.text, toks[j - 1], toks[j]):
            break
        key = toks[j].key
        if inside is not None and toks[j].start < inside:
            j += 1
            continue
        if key in cue_words("np_stop") or is_gap(toks[j]) or doc.roles_at(j) & {
                "attribution_verb", "complementizer", "hedge", "negation", "future"}:
            break
        prev = toks[j - 1].key
        genitive = not prev.startswith(ARTICLE) and key.startswith(ARTICLE)
        if _nisba_like(key) or genitive or _mention_end(mentions, toks[j].start) is not None:
            inside = _mention_end(mentions, toks[j].start) or inside
            j += 1
            continue
        break
    return j


def _mention_end(mentions: Mentions, pos: int) -> int | None:
    """End of the actor mention covering ``pos`` (the longest), if any."""
    hits = mentions.covering(pos, "actor")
    return max(m.end for m in hits) if hits else None


def _acceptable_source(doc: TextUnits, i: int, j: int, mentions: Mentions) -> bool:
    """A subject after a reporting verb counts as a source if it names someone."""
    if j <= i:
        return False
    if any(c.role == "source_noun" for k in range(i, j) for c in doc.cues_at.get(k, ())):
        return True
    a, b = doc.tokens[i].start, doc.tokens[j - 1].end
    named = mentions.covering(a) + mentions.between(a, b)
    return any(m.kind in ("actor", "place") for m in named)


def _attribute(doc: TextUnits, unit: _Unit, mentions: Mentions,
               previous: _Unit | None) -> _Attribution:
    """Who asserts this clause, from its own cues (or the clause it continues)."""
    cl = unit.clause
    toks = doc.tokens
    for cue in unit.cues:
        if cue.role == "attribution_prep":
            cue_text = doc.text[cue.start:cue.end]
            if cue.end < toks[cue.j - 1].end:  # وفقا لوزارة: the source starts inside the token
                end = _noun_phrase(doc, cue.j - 1, cl.j, mentions)
                a, b = cue.end, toks[max(end, cue.j) - 1].end
                return _Attribution(doc.text[a:b], a, b, cue_text, cue.value)
            end = _noun_phrase(doc, cue.j, cl.j, mentions)
            if end > cue.j:
                src, a, b = _span_text(doc, cue.j, end)
                return _Attribution(src, a, b, cue_text, cue.value)
        if cue.role == "attribution_verb":
            att = _verb_source(doc, unit, cue, mentions, previous)
            if att is not None:
                return att
        if cue.role == "attribution_noun":
            att = _noun_source(doc, unit, cue, mentions)
            if att is not None:
                return att
    colon = _colon_source(doc, cl)
    if colon is not None:
        return colon
    if previous is not None and previous.attribution.source and cl.brk != "sentence":
        first = doc.roles_at(cl.i)
        report = any(c.value == "report" for c in doc.cues_at.get(cl.i, ()))
        if report or "complementizer" in first or (
                "complementizer" in doc.roles_at(cl.i + 1) and toks[cl.i].key == WAW):
            return previous.attribution
    return _Attribution()


def _verb_source(doc: TextUnits, unit: _Unit, cue: Cue, mentions: Mentions,
                 previous: _Unit | None) -> _Attribution | None:
    cl, toks = unit.clause, doc.tokens
    verb = doc.text[cue.start:cue.end]
    k = cue.j
    # Subject up to a complementizer a few words on: قال وزير الدفاع العراقي إن ...
    for m in range(k + 1, min(cl.j, k + 7)):
        if "complementizer" in doc.roles_at(m):
            end = k
            while end < m and toks[end].key not in cue_words("np_stop"):
                end += 1
            if end > k:
                src, a, b = _span_text(doc, k, end)
                return _Attribution(src, a, b, verb, cue.value, toks[cue.i].key)
            break
    end = _noun_phrase(doc, k, cl.j, mentions)
    if _acceptable_source(doc, k, end, mentions):
        src, a, b = _span_text(doc, k, end)
        return _Attribution(src, a, b, verb, cue.value, toks[cue.i].key)
    # Subject before the verb in the same clause: الوزارة أكدت أن ...
    start = cl.i
    while start < cue.i and (doc.roles_at(start) & {"clause_break", "complementizer"}
                             or toks[start].key in cue_words("np_stop")):
        start += 1
    end = _noun_phrase(doc, start, cue.i, mentions)
    if end == cue.i and _acceptable_source(doc, start, end, mentions):
        src, a, b = _span_text(doc, start, end)
        return _Attribution(src, a, b, verb, cue.value, toks[cue.i].key)
    # The same reporting verb again with no subject: كما رصدت ... (subject carried over).
    if previous is not None and previous.attribution.source:
        base = _strip_conj(toks[cue.i].key)
        if base == _strip_conj(previous.attribution.verb):
            return previous.attribution
    return None


def _strip_conj(key: str) -> str:
    return key[1:] if key[:1] in (WAW, FEH) and len(key) > 3 else key


def _noun_source(doc: TextUnits, unit: _Unit, cue: Cue,
                 mentions: Mentions) -> _Attribution | None:
    """ادعاء الميليشيات → الميليشيات; ادعائها → the nearest actor before it."""
    toks = doc.tokens
    base = cue.cue.split()[0].rstrip("+")
    cue_text = doc.text[cue.start:cue.end]
    if base not in _readings(toks[cue.i].key):  # a pronoun suffix: resolve to an actor before
        # The most salient actor: the first in the clause (its subject or the possessor of
        # its first noun, إصرار الميليشيات ... وادعائها), else the last one before it.
        inside = mentions.before(cue.start, since=unit.clause.start, kind="actor")
        before = mentions.before(cue.start, since=unit.clause.sentence_start, kind="actor")
        pick = inside[0] if inside else before[-1] if before else None
        if pick is not None:
            return _Attribution(pick.text, pick.start, pick.end, cue_text, cue.value)
        return None
    end = _noun_phrase(doc, cue.j, unit.clause.j, mentions)
    if _acceptable_source(doc, cue.j, end, mentions):
        src, a, b = _span_text(doc, cue.j, end)
        return _Attribution(src, a, b, cue_text, cue.value)
    return None


def _readings(key: str) -> set[str]:
    """A token key and every reading of it without a proclitic."""
    return {rest for _, rest in proclitic_readings(key)}


def _colon_source(doc: TextUnits, cl: Clause) -> _Attribution | None:
    """News-wire style ``المصدر: الخبر`` at the start of a sentence."""
    if cl.brk != "sentence":
        return None
    head = doc.text[cl.start:min(cl.end, cl.start + 60)]
    pos = head.find(":")
    if pos <= 0:
        return None
    ks = [k for k in range(cl.i, cl.j) if doc.tokens[k].end <= cl.start + pos]
    toks = [doc.tokens[k] for k in ks]
    if not 1 <= len(toks) <= 4 or any(_URL_RE.match(doc.text, t.start) for t in toks):
        return None
    if any(doc.roles_at(k) & {"attribution_verb", "question"} for k in ks):
        return None
    a, b = toks[0].start, toks[-1].end
    return _Attribution(doc.text[a:b], a, b, ":", "neutral")


# --- modality and types --------------------------------------------------------------

def _in_brackets(text: str, cl: Clause, pos: int) -> bool:
    """Whether ``pos`` lies inside a bracketed aside of the clause: its negation is the
    aside's, not the clause's ("جهات معادية" (لم تسمها) نفذت تفجيراً: the attack happened)."""
    opened = text.rfind("(", cl.start, pos)
    return opened >= 0 and text.rfind(")", opened, pos) < 0 and text.find(")", pos, cl.end) >= 0


def _negates_a_later_segment(doc: TextUnits, cl: Clause, neg: Cue) -> bool:
    """Whether a negation stands in a comma segment after the clause's event words and no
    event word is in its segment: it negates what that segment says, not the event (قصف
    جوي على قرية دير شرقي ...، وأكبرهم لم يتجاوز 18 عاماً: the strike happened)."""
    before = [t for t in doc.triggers_in(cl.i, neg.i) if t.role not in ("light", "undergo")]
    if not before or not any(ch in doc.text[before[-1].end:neg.start] for ch in ",\u060c"):
        return False
    stops = [p for p in (doc.text.find(ch, neg.end, cl.end) for ch in ",\u060c") if p >= 0]
    end = min(stops, default=cl.end)
    return not [t for t in doc.triggers_in(neg.j, cl.j) if t.start < end
                and t.role not in ("light", "undergo")]


def _modality(doc: TextUnits, unit: _Unit) -> tuple[str, list[str]]:
    """The clause's modality and the cue words behind it (disputes are set later)."""
    toks = doc.tokens
    cl = unit.clause
    blocked = set()
    for c in unit.cues:
        if c.role == "not_negation":
            blocked.update(range(c.i, c.j))
    found: dict[str, list[str]] = {"hedged": [], "future": [], "negated": []}
    for c in unit.cues:
        word = doc.text[c.start:c.end]
        if c.role == "hedge":
            found["hedged"].append(word)
        elif c.role == "hedge_particle" and c.j < cl.j:
            nxt = surface(toks[c.j])
            if len(nxt) >= 3 and nxt[0] in IMPERFECT_PREFIXES:
                found["hedged"].append(f"{word} {toks[c.j].text}")
        elif c.role == "future":
            found["future"].append(word)
        elif c.role == "negation" and c.i not in blocked and not _in_brackets(doc.text, cl, c.start) \
                and not _negates_a_later_segment(doc, cl, c):
            found["negated"].append(word)
    if SEEN in doc.text[cl.start:cl.end]:  # the future prefix is a seen
        found["future"] += [tok.text for tok in toks[cl.i:cl.j]
                            if SEEN in tok.text and is_sa_future(tok)]
    for name in ("hedged", "future", "negated"):
        if found[name]:
            return name, found[name]
    return "asserted", []


def _types(doc: TextUnits, unit: _Unit, triggers: list[Cue]) -> list[str]:
    kinds = {c.role for c in unit.cues}
    m = unit.mentions
    out = []
    if triggers:
        out.append("event")
    if unit.modality in ("future", "hedged") or any(
            c.role == "attribution_verb" and c.value == "prediction" for c in unit.cues):
        out.append("prediction")
    if _has_quantity(doc, unit, m):
        out.append("quantity")
    if "causal" in kinds:
        out.append("causal")
    if _has_comparison(doc, unit, m):
        out.append("comparison")
    if kinds & {"evaluation", "deontic"} or unit.dispute:
        out.append("evaluation")
    return out


def _has_quantity(doc: TextUnits, unit: _Unit, m: list[Mention]) -> bool:
    """A quantity mention, a digit that is not a year, or a gap that is not in a date."""
    if any(x.kind == "quantity" for x in m):
        return True
    text = doc.text[unit.clause.start:unit.clause.end]
    times = [x for x in m if x.kind == "time"]
    for g in GAP_RE.finditer(text):
        pos = unit.clause.start + g.start()
        if not any(x.start <= pos < x.end for x in times):
            return True
    return bool(_DIGIT_RE.search(text)) and bool(
        _DIGIT_RE.search(_YEAR_RE.sub("", _URL_RE.sub("", text))))


def _has_comparison(doc: TextUnits, unit: _Unit, m: list[Mention]) -> bool:
    """A comparison cue, except أكثر من / أقل من before a number (a quantity)."""
    quantities = [x for x in m if x.kind == "quantity"]
    for c in unit.cues:
        if c.role != "comparison":
            continue
        if c.value == "elative" and c.j < len(doc.tokens):
            nxt = doc.tokens[c.j]
            numeric = is_gap(nxt) or _DIGIT_RE.search(nxt.text) or any(
                q.start < max(c.end, nxt.end) and q.end > c.start for q in quantities)
            if numeric:
                continue
        return True
    return False


# --- event triggers inside a clause ----------------------------------------------------

def clause_triggers(doc: TextUnits, i: int, j: int) -> list[Cue]:
    """Event trigger cues in tokens ``[i, j)`` that report an event (not light verbs,
    not in an irrealis frame such as إصرار على، من أجل، قرار، عدم, and with any context
    word the trigger requires)."""
    # support verbs (نفذ) and verbs of undergoing (تعرض) only frame a nominal trigger
    cues = doc.triggers_in(i, j)
    found = [c for c in cues if c.role not in ("light", "undergo")]
    table = trigger_lexicon().rows
    if not found:
        # a support verb with an event of its own (انفجرت) tells it when no event word
        # follows it in the clause (أما في القادسية فقد انفجرت سيارتان مفخختان)
        found = [c for c in cues if c.role == "light" and table[c.row]["kind"]][:1]
    if not found:
        return []
    keys: set[str] | None = None  # the clause's words and their readings, when needed
    irrealis = [c for c in doc.cues_in(i, j) if c.role == "irrealis"]
    out = []
    taken: set[int] = set()
    ranked_end = -1  # the end of a trigger that only ranks an attack (هو سابع تفجير)
    for c in found:
        if taken & set(range(c.i, c.j)):
            continue
        requires = table[c.row]["requires"]
        if requires and keys is None:
            keys = set().union(*(_readings(t.key) for t in doc.tokens[i:j]))
        if requires and not any(match_key(r) in keys or _phrase_in(doc, i, j, r)
                                for r in requires.split("|")):
            continue
        if any(0 < c.i - x.i <= 6 for x in irrealis):
            continue
        if generalises(doc, c, i, j):
            continue  # يشن التنظيم هجمات، 32 هجوما خلال العام: a habit or a tally, no one attack
        if c.role == "noun" and c.i > i and doc.tokens[c.i - 1].key in cue_words("facility_head"):
            continue  # مركز اعتقال "detention centre": the noun names a place, not an event
        if c.role == "noun" and table[c.row]["event_type"] not in _DEVELOPMENTS \
                and _after_since(doc, i, c.i):
            # منذ هجوم 7 أكتوبر، منذ سيطرة القوات عليها: the point a period opens at, no
            # attack reported; a development named so (منذ إعلان الانتصار في ديسمبر) stays a
            # dated development, whose year the chronology proposes
            continue
        if c.role == "noun" and out and coordinated_device(doc, out[-1], c, table):
            continue  # انفجار عبوتين ناسفتين وسيارة مفخخة: the devices of one explosion
        if c.role == "noun" and (c.i == ranked_end or ranked(doc, max(i, c.i - 4), c.i)):
            ranked_end = c.j  # والهجوم هو سابع تفجير انتحاري: ranks an attack already told
            continue
        if (c.role == "noun" and out and out[-1].role == "verb" and c.i - out[-1].j <= 3
                and not _prepositional(doc, out[-1].j, c.j)):
            continue  # the verb's object (استعادت القوات السيطرة على ...), not a new event
        if (out and c.i - out[-1].j <= 2 and table[c.row]["kind"] == "attack"
                and table[out[-1].row]["kind"] != "attack" and c.role == "verb"):
            continue  # قصف صاروخي استهدف ...: the generic verb tells the same, named event
        out.append(c)
        taken.update(range(c.i, c.j))
    return out


# Event types that are no violence: named after منذ, still a development of their own.
_DEVELOPMENTS = frozenset({"Strategic developments", "Protests"})


def _after_since(doc: TextUnits, i: int, k: int) -> bool:
    """Whether منذ governs the event noun at token ``k`` (clause from ``i``), right before it
    or through a word of onset (منذ اندلاع المعارك): the noun names when a period began.

    >>> from workbench.claims.clauses import TextUnits
    >>> doc = TextUnits("يتبادلان القصف منذ اندلاع المعارك", segment=False)
    >>> _after_since(doc, 0, 4), _after_since(doc, 0, 1)
    (True, False)
    """
    k -= 1
    if k > i and doc.tokens[k].key in cue_words("onset"):
        k -= 1
    return k >= i and doc.tokens[k].key.lstrip(CONJUNCTION_CLASS) in cue_words("since")


def _prepositional(doc: TextUnits, i: int, j: int) -> bool:
    """Whether a preposition (alone or as ب/ل on a word) stands in tokens ``[i, j)``."""
    for t in doc.tokens[i:j]:
        if t.key in cue_words("preposition") or any(
                p.removesuffix(ARTICLE)[-1:] in (BEH, LAM)
                for p, _ in proclitic_readings(t.key)[1:]):
            return True
    return False


def _phrase_in(doc: TextUnits, i: int, j: int, phrase: str) -> bool:
    if " " not in phrase:
        return False
    words = phrase.split()
    toks = doc.tokens[i:j]
    return any(words[0] in _readings(toks[k].key)
               and [t.key for t in toks[k + 1:k + len(words)]] == words[1:]
               for k in range(len(toks)))


# --- check-worthiness ----------------------------------------------------------------

# How many sets of present features the scores are remembered for: 150,000 words of news
# and tweets hold about 2,400 over 5,500 clauses.
_SCORE_MEMO_SIZE = 1 << 12


@cache
def _weights() -> dict[str, float]:
    return {r.feature: float(r.weight) for r in read_rows(WEIGHTS_FILE)}


def claim_features(unit_text: str, *, roles: set[str], types: Sequence[str],
                   modality: str, attributed: bool, mentions: Sequence[Mention],
                   n_tokens: int) -> dict[str, float]:
    """The named features of one claim unit, each 0/1 except ``length`` (0–1)."""
    kinds = {m.kind for m in mentions}
    # Each pattern below is searched only when the text holds what it must start with
    # (a year 19xx/20xx, a URL http/www., a Latin name an A-Z): most clauses hold none.
    url = ("http" in unit_text or "www." in unit_text) and bool(_URL_RE.search(unit_text))
    latin_text = _URL_RE.sub("", unit_text) if url else unit_text
    f = {  # in the order of FEATURES
        "quantity": float("quantity" in types),
        "time": float("time" in kinds or (("19" in unit_text or "20" in unit_text)
                                          and bool(_YEAR_RE.search(unit_text)))),
        "place": float("place" in kinds),
        "actor": float("actor" in kinds),
        "event": float("event" in types),
        "attributed": float(attributed),
        "causal": float("causal" in types),
        "comparison": float("comparison" in types),
        "evaluation": float("evaluation" in types),
        "hedged": float(modality == "hedged"),
        "future": float(modality == "future"),
        "negated": float(modality == "negated"),
        "question": float("?" in unit_text or "\u061f" in unit_text or "question" in roles),
        "first_person": float("first_person" in roles),
        "religious": float("religious" in roles),
        "dialect": float("dialect" in roles),
        "call_to_action": float("call_to_action" in roles),
        "url": float(url),
        "hashtag": float("#" in unit_text),
        "user_mention": float("@" in unit_text),
        "emoji": float(bool(_EMOJI_RE.search(unit_text))),
        "latin_name": float(bool(_UPPER_RE.search(latin_text))
                            and bool(_LATIN_NAME_RE.search(latin_text))),
        "exclamation": float("!" in unit_text),
        "length": min(n_tokens, 40) / 40,
    }
    return f


def score_features(features: dict[str, float]) -> tuple[float, str]:
    """Logistic score of named features and a readable account of what made it.

    >>> score, why = score_features({"quantity": 1.0})
    >>> 0 < score < 1 and why.startswith("quantity")
    True
    """
    return _score(tuple(filter(_VALUE, features.items())))


_VALUE = itemgetter(1)  # a feature's value: the features that are 0 add nothing to a score


@lru_cache(maxsize=_SCORE_MEMO_SIZE)
def _score(present: tuple[tuple[str, float], ...]) -> tuple[float, str]:
    """:func:`score_features` of the features present (value not 0), in their order.

    Remembered: a clause's features are a few flags and its length, so clauses repeat the
    same few thousand sets, and the score's account (sorted, formatted) costs more than a
    look-up. ``(("quantity", 1.0),)`` scores every clause whose only feature is a quantity.
    """
    weights = _weights()
    parts = [(name, value * weights.get(name, 0.0)) for name, value in present]
    z = weights.get("bias", 0.0) + sum(p for _, p in parts)
    parts.sort(key=lambda p: -abs(p[1]))
    why = "; ".join(f"{name} {p:+.2f}" for name, p in parts if abs(p) >= 0.005)
    why = f"{why}; bias {weights.get('bias', 0.0):+.2f}" if why else \
        f"bias {weights.get('bias', 0.0):+.2f}"
    return 1 / (1 + math.exp(-z)), why


def text_features(text: str, *, mentions: pd.DataFrame | None = None,
                  reference: date | datetime | None = None) -> dict[str, float]:
    """Features of a whole short text (a tweet, a headline): the union over its clauses.

    What the claim detector of ``benchmarks/claims.py`` scores: the features
    :func:`find_claims` gives each clause, each taken at its largest over the clauses,
    with ``length`` over the whole text.

    >>> from workbench.claims.index import empty_mentions
    >>> text_features("هل انسحبت القوات؟", mentions=empty_mentions())["question"]
    1.0
    """
    _, _, features = _analyse(text, _mentions_for(text, mentions, reference))
    out = dict.fromkeys(FEATURES, 0.0)
    for feats in features:
        for name, value in feats.items():
            out[name] = max(out[name], value)
    out["length"] = min(len(tokenize(text)), 40) / 40
    return out


# --- the stage -----------------------------------------------------------------------

@collector_paused()  # many short-lived objects and no cycles, as in analyze
def find_claims(text: str, *, mentions: pd.DataFrame | Mentions | None = None,
                reference: date | datetime | None = None,
                doc_id: str | None = None) -> pd.DataFrame:
    """One row per clause of ``text``: type, source, modality, mentions, check-worthiness.

    ``mentions`` (from :func:`workbench.find_mentions`, or a frame with at least
    ``start, end, text, kind, value``, or their :class:`~workbench.claims.index.Mentions`
    index) supplies the actors, places, times and quantities; when ``None`` they are found
    with ``reference`` as the anchor date.
    Offsets are into ``text``; ``source_start``/``source_end`` are -1 when the claim is
    the author's own; ``refers_to`` is the ``claim_id`` a dispute or an analogy points
    back to. See ``CLAIM_COLUMNS`` for the columns; ``reference`` is kept in
    ``.attrs["reference"]`` for :func:`workbench.find_events`. ``doc_id``, when given,
    is put first in a column of its own, as in the tables of a corpus.

    >>> from workbench.claims.index import empty_mentions
    >>> t = "رصدت تقارير محلية ودولية خروج عناصر داعش من السجون."
    >>> find_claims(t, mentions=empty_mentions()).loc[0, ["source", "type"]].tolist()
    ['تقارير محلية ودولية', 'event']
    """
    rows = claim_rows(text, _mentions_for(text, mentions, reference))
    return claims_frame(rows, reference=reference, doc_id=doc_id)


def claims_frame(rows: list[dict], *, reference: date | datetime | None = None,
                 doc_id: str | None = None) -> pd.DataFrame:
    """The frame of :func:`find_claims` from its rows (``doc_id`` first when given)."""
    out = frame_of_rows(rows, CLAIM_COLUMNS) if doc_id is None else \
        frame_with_lead(rows, CLAIM_COLUMNS, {"doc_id": doc_id})
    if reference is not None:  # find_events proposes years on the right side of it
        out.attrs["reference"] = reference.isoformat()[:10]
    return out


def claim_rows(text: str, mentions: Mentions, *, units: TextUnits | None = None) -> list[dict]:
    """The rows of :func:`find_claims` as dicts (column → plain value), before the frame.

    ``units`` (``TextUnits(text)``) lets the events read the same tokens and clauses.
    """
    doc, units, features = _analyse(text, mentions, units)
    return [_row(doc, n, unit, *score_features(feats))
            for n, (unit, feats) in enumerate(zip(units, features, strict=True))]


def _mentions_for(text: str, mentions: pd.DataFrame | Mentions | None,
                  reference: date | datetime | None) -> Mentions:
    if isinstance(mentions, Mentions):
        return mentions
    if mentions is None:
        from ..find.mentions import find_mentions

        mentions = find_mentions(text, reference=reference)
    return Mentions.of(mentions)


def _analyse(text: str, mentions: Mentions, doc: TextUnits | None = None,
             ) -> tuple[TextUnits, list[_Unit], list[dict[str, float]]]:
    """Clauses of ``text`` (segmented in ``doc`` when given) with attribution, modality,
    types and features."""
    if doc is None:
        doc = TextUnits(text)
    units: list[_Unit] = []
    for cl in doc.clauses:
        unit = _Unit(cl, doc.cues_in(cl.i, cl.j), mentions.between(cl.start, cl.end))
        prev = units[-1] if units and units[-1].clause.sentence_id == cl.sentence_id else None
        unit.attribution = _attribute(doc, unit, mentions, prev)
        unit.modality, unit.modality_cues = _modality(doc, unit)
        units.append(unit)
    _resolve_disputes(doc, units)
    features = []
    for n, unit in enumerate(units):
        cl = unit.clause
        unit.types = _types(doc, unit, clause_triggers(doc, cl.i, cl.j))
        if cl.brk == "analogy" and n > 0 and unit.refers_to < 0:
            unit.refers_to = n - 1
            if "event" in units[n - 1].types and "event" not in unit.types:
                unit.types.insert(0, "event")
        features.append(claim_features(
            text[cl.start:cl.end], roles={c.role for c in unit.cues}, types=unit.types,
            modality=unit.modality, attributed=bool(unit.attribution.source),
            mentions=unit.mentions, n_tokens=cl.j - cl.i))
    return doc, units, features


def _resolve_disputes(doc: TextUnits, units: list[_Unit]) -> None:
    """A dispute cue marks the claim it rejects: the nearest attributed clause before it
    in the sentence (else the clause just before), or its own clause when it also
    carries the attribution (ادعاءات كاذبة)."""
    for n, unit in enumerate(units):
        if not any(c.role == "dispute" for c in unit.cues):
            continue
        unit.dispute = True
        by = unit.attribution.source or "author"
        if unit.attribution.source and unit.attribution.stance == "distancing":
            unit.modality, unit.disputed_by = "disputed", "author"
            unit.modality_cues = [doc.text[c.start:c.end] for c in unit.cues if c.role == "dispute"]
            continue
        same = []  # the clauses before it in its sentence, nearest first
        for k in range(n - 1, -1, -1):
            if units[k].clause.sentence_id != unit.clause.sentence_id:
                break
            same.append(k)
        if not same:
            continue
        target = next((k for k in same if units[k].attribution.source), same[0])
        units[target].modality = "disputed"
        units[target].disputed_by = by
        units[target].modality_cues = [doc.text[c.start:c.end] for c in unit.cues
                                       if c.role == "dispute"]
        unit.refers_to = target


def _row(doc: TextUnits, n: int, unit: _Unit, score: float, why: str) -> dict:
    cl, m, att = unit.clause, unit.mentions, unit.attribution
    types = unit.types or ["statement"]
    primary = "prediction" if "prediction" in types else next(
        (t for t in TYPE_ORDER if t in types), "statement")
    text = doc.text[cl.start:cl.end]
    flags = _joined(f for x in m for f in x.flags.split(";")) if m else ""
    if GAP_RE.search(text):
        flags = _joined([*flags.split(";"), "gap"])
    return {
        "claim_id": f"c{n + 1}",
        "start": cl.start, "end": cl.end, "text": text,
        "type": primary, "types": ";".join(types),
        "source": att.source, "source_start": att.start, "source_end": att.end,
        "source_cue": att.cue, "source_stance": att.stance,
        "modality": unit.modality, "modality_cues": ";".join(unit.modality_cues),
        "disputed_by": unit.disputed_by,
        "refers_to": f"c{unit.refers_to + 1}" if unit.refers_to >= 0 else "",
        "actors": _joined(x.value for x in m if x.kind == "actor"),
        "places": _joined(x.value for x in m if x.kind == "place"),
        "times": _joined(x.value for x in m if x.kind == "time"),
        "quantities": _joined(quantity_label(x) for x in m if x.kind == "quantity"),
        "flags": flags,
        "checkworthiness": round(score, 3), "checkworthy": score >= CHECKWORTHY_THRESHOLD,
        "features": why,
        "sentence_id": cl.sentence_id, "sentence_start": cl.sentence_start,
        "sentence_end": cl.sentence_end, "clause_break": cl.brk,
    }
