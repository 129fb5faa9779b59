"""Event resolution: the mentions of one attack in one article become one event row.

A news report tells one attack several times — the headline, the lead, the toll sentence,
the follow-up. :func:`resolve_events` gathers the violent events of an article into
incidents: a mention joins the incident before it when its place fits (none, the same, or a
coarser or finer place of the same governorate: حي الشعلة inside بغداد) and its date fits.
Two specific places (two neighbourhoods, two villages) or two different days are two
events (ACLED: one event per attack per place per day). The incident takes the most
specific place (the dateline only when nothing else is named), the date of the procedure
below, the tolls of :func:`~.tolls.find_tolls` stated in its sentences or in the sentences
that follow it, and the spans of every piece (``evidence``).

How a row is dated, in this order (``date_basis`` says which step gave the date):

1. ``text``: the time said in the event word's own phrase, else set before it in its clause
   (وفي مساء أمس، انفجرت عبوة). Relative words are read by the time grammar against the
   publication date: اليوم is the day of publication, أمس the day before, a weekday the
   latest such day on or before it, a day and month without a year the latest such date on
   or before it. Not a date: a duration (خلال يومين), a period open at one end (منذ مايو،
   حتى الآن) or a length counted from another happening (قبل أيام من بدء الانتخابات).
   A day told between a verb of telling and the event (قال مصدر اليوم إن انفجارا ...) is the
   statement's (flag ``statement_date``); an attack told as بعد يومين من هجوم is dated that
   long before the news its clause told first (flag ``earlier_by``). An anaphoric day the
   time grammar found no day before (في اليوم نفسه, flag ``antecedent_unknown``) holds only
   the reference: it is dated by steps 2-4, and instead of the publication date by the
   event told just before it (``antecedent``). A relative day with no reference (أمس in a
   text with neither publication date nor dateline: flag ``needs_reference``) leaves the
   row undated; a day named above, a title's, is no reference for it, unless the row names
   a weekday that day falls on (الخميس (26 أيار 2022)). Two days said together of one
   attack (الأربعاء والخميس، الجمعة وقبله الخميس، يومي 13 و15: one time of the grammar)
   date one event over the span they bound, the guideline's rule for ranges.
2. ``sentence``: else the last day said before it in an earlier clause of its sentence
   (وتصعّد القوات قصفها منذ صباح اليوم، حيث استهدفت بلدة ...): told of the event as much as
   its own clause's, so a later clause's day (وكانت القوات قد قصفت أمس) is another attack,
   never a closer date for this one; else ``paragraph``: the last day said before it in its
   paragraph;
3. ``dateline`` / ``paragraph``: else the last day said before it anywhere above (a dateline
   or a lead's day governs the events below it). Steps 2 and 3 skip the days of recalled
   events: dated more than two weeks before publication, or said in a sentence that tells
   the past (وكان ... قد), unless counted from publication (اليوم، أمس).
4. ``published``: else the publication date, for an asserted violent event (not a hedged
   one, nor an analogy's: كما حصل مع الموصل).
5. When mentions gather into one incident, the date said closest to the event wins (step 1
   over a statement's day, 2 and 3 over 4) unless wider, and among dates as close the
   narrower one inside the wider (هذا الأسبوع ... الأربعاء: the day). A period the
   attack's own clause tells replaces the publication's day however wide (غارات ... على
   مدار الأيام الستة الماضية), unless vague (مؤخرا).
6. Role: an event dated more than two weeks before publication, or in a month or year that
   ended so long before, or told in the past without a date of its own, is ``background``.
   A statement's day does not date an attack its clause tells in the past (قال اليوم إن
   مسلحين كانوا قد هاجموا): that attack is undated.

Events the article recalls from the past (``وكان ... قد``, ``العام
الماضي``, or a date well before publication) are kept apart with ``role`` = background.
Each place a plural head lists (قرى البارة والأسدية) stays an attack of its own; a mention
with no place joins the attack of its role told before it (a place is what makes an event
row); a protest or a change of ground named only as the scene (لتعزيز سيطرتها، بعد أن
سيطروا) is no event. Every row kept is an event: the table has no confidence column (a
logistic scorer of row features fitted on the benchmark's dev halves,
``scripts/fit_row_model.py``, did not separate right rows from wrong ones better than these
rules).

>>> import workbench
>>> a = workbench.analyze("انفجار سيارة مفخخة في بغداد.\\n\\nوأسفر الانفجار عن مقتل 4 أشخاص "
...                       "وإصابة 9 آخرين.", published="2020-05-13")
>>> a.events[["role", "fatalities", "injured", "date_basis"]].values.tolist()
[['main', '4', '9', 'published']]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache, lru_cache

from ..find.gazetteer import FACILITY_TYPES, governorate_names
from ..find.geo import bearing, km
from ..find.local_names import place_heads
from ..find.times import time_rows
from ..find.times.lexicon import weekday_values
from ..resources import read_rows
from ..text.arabic import match_key
from ..text.clitics import ARTICLE
from ..text.dates import parse_date_span
from ..text.spans import span_cover
from ..text.tokens import tokenize
from .clauses import TextUnits, cue_words, duals, trigger_lexicon
from .index import Mention, Mentions, add_flags, counted_from_other, is_span_frame
from .roles import proclitic_keys
from .spots import (
    RECEIVING,
    anchor_of,
    frame_key,
    named_as_area,
    off_scene,
    spot_and_frames,
    spot_rank,
)
from .tolls import Toll, find_tolls, is_part, names_one, over_places, updates, word_forms

ADMIN_PARENTS_FILE = "claims/admin_parents.csv"
BACKGROUND_FILE = "claims/background_cues.csv"
INCIDENT_FILE = "claims/incident_cues.csv"

RESOLVED_COLUMNS = ["role", "fatalities_min", "fatalities_max", "injured", "injured_min",
                    "injured_max", "toll_source", "toll_text", "date_basis", "evidence"]

_NON_VIOLENT = frozenset({"Strategic developments", "Protests"})
# Places that contain others: a mention of one of them fits an event at a place inside it.
_COARSE = frozenset({"capital", "city", "governorate", "region", "country", "border", "district"})
# How fine a place kind is (0 finest): an event takes the finest place told of it.
PLACE_RANK = {"village": 0, "town": 0, "neighbourhood": 0, "base": 1, "city": 1, "capital": 1,
              "district": 2, "border": 3, "governorate": 4, "province": 4, "region": 5,
              "country": 6}
# Sites and local areas the head nouns announce (منطقة المشتل، ساحة الطيران، سوق، جسر) are
# as specific as a neighbourhood: a city named later never replaces them.
PLACE_RANK |= dict.fromkeys(("area", "square", "street", "road", "market", "junction", "bridge",
                              "mosque", "hospital", "subdistrict", "facility"), 0)
# Every facility of the gazetteer (a gas field, a dam, a refinery, a base) is a site as fine
# as a town: حقل كورمور names where the rockets fell, السليمانية only the governorate.
PLACE_RANK |= dict.fromkeys(FACILITY_TYPES, 1)
# An event dated this long before publication is one the article recalls, not its news.
_BACKGROUND_AGE = timedelta(days=14)
# How many words after an attack word may tell that it is another one (سيارة مفخخة ثانية).
_ANOTHER_REACH = 2
# How many words may stand between كان and قد in the pluperfect (وكان التنظيم قد تبنى).
_PLUPERFECT_REACH = 6


@cache
def _background_cues() -> dict[str, list[list[str]]]:
    """kind → the cues' words."""
    out: dict[str, list[list[str]]] = {}
    for row in read_rows(BACKGROUND_FILE):
        out.setdefault(row.kind, []).append(row.cue.split())
    return out


@cache
def _another_cues() -> frozenset[str]:
    return frozenset(row.cue for row in read_rows(INCIDENT_FILE) if row.kind == "another")


@cache
def _opening_cues(kind: str) -> tuple[tuple[str, ...], ...]:
    """The sentence-opening cues of ``kind`` (meanwhile, besides), each as its words."""
    return tuple(tuple(row.cue.split()) for row in read_rows(INCIDENT_FILE) if row.kind == kind)


def opens_another(text: str, trigger_start: int, earlier: Sequence[int] = (),
                  kind: str = "meanwhile") -> bool:
    """True when the sentence of an attack word opens with a turn to another incident and
    no attack word of ``earlier`` (the starts of the attack words told before) stands before
    it in the sentence (بالتوازي، قتل ...; في غضون ذلك، قتل ...): the turn is the first one's.
    With ``kind`` = besides, when its clause opens with an additive connective (كما، فيما،
    بينما), which a comma as often as a full stop leaves before.

    >>> t = "قتل رجل في المدينة. وبالتوازي، قتل مدرس في حي المشفى، كما قتل شرطي في القرية"
    >>> opens_another(t, t.index("قتل مدرس")), opens_another(t, t.index("قتل"))
    (True, False)
    >>> opens_another(t, t.rindex("قتل"), kind="besides")
    True
    """
    starts = [_sentence_start(text, trigger_start)]
    if kind != "meanwhile":
        starts.append(max(text.rfind(c, 0, trigger_start) for c in _CLAUSE_MARKS) + 1)
    for start in starts:
        if any(start <= e < trigger_start for e in earlier):
            continue
        forms = [word_forms(t.key) for t in tokenize(text[start:trigger_start])
                 if t.kind == "word"]
        cue = next((c for c in _opening_cues(kind) if _opens_with(forms, [c])), None)
        # كما ذكرت الوكالة، كما أضاف المصدر: one more teller of the news, not one more attack
        if cue is not None and not (kind == "besides" and len(forms) > len(cue)
                                    and cue_words("attribution_verb") & set(forms[len(cue)])):
            return True
    return False


def _opens_with(forms: list[list[str]], cues: Sequence[Sequence[str]]) -> bool:
    """Whether the words (each as its ``word_forms``) open with one of ``cues``, word by word."""
    return any(len(forms) >= len(cue) and all(c in forms[n] for n, c in enumerate(cue))
               for cue in cues)


def is_another(text: str, trigger_end: int, kind: str = "another") -> bool:
    """True when the words after an attack word mark it as a further attack (غارة أخرى),
    or with ``kind`` = also, as one more (وطال القصف أيضاً قرية إسكان).

    >>> t = "قتل ثلاثة مدنيين في غارة أخرى"
    >>> is_another(t, t.index("غارة") + 4), is_another(t, t.index("مدنيين") + 6)
    (True, False)
    """
    words = [t.key for t in tokenize(text[trigger_end:trigger_end + 40]) if t.kind == "word"]
    cues = _another_cues() if kind == "another" else _also_cues()
    return any(f in cues for w in words[:_ANOTHER_REACH] for f in word_forms(w))


@cache
def _also_cues() -> frozenset[str]:
    return frozenset(row.cue for row in read_rows(INCIDENT_FILE) if row.kind == "also")


def _follows(text: str, pos: int) -> bool:
    """Whether the sentence holding ``pos`` opens by telling what the news follows (يأتي ذلك
    بعد ساعات من ...): the event it goes on to tell is another than the one told before."""
    forms = [word_forms(t.key) for t in tokenize(text[_sentence_start(text, pos):pos], pieces=True)
             if t.kind == "word"]
    return _opens_with(forms, _background_cues().get("follows", ()))


# How many words may stand between a verb of following and the attack word that is its subject
# (ويأتي هذا الاستهداف), and between that word and the preposition after it (الهجوم الإرهابي عقب).
_FOLLOW_REACH = 3
_FOLLOW_GAP = 2


def followed_from(text: str, trigger_start: int, trigger_end: int) -> int | None:
    """Where the clause of an attack word that is the subject of a verb of following turns
    to what the news followed, or None: the places after it are that event's, not the news's.

    >>> t = "يأتي الانفجار عقب تمرد في السجن المركزي"
    >>> t[followed_from(t, 5, 13):][:3], followed_from("وقع الانفجار عقب تمرد", 4, 12)
    ('عقب', None)
    """
    cues = _background_cues()
    verbs = {w[0] for w in cues.get("follows_verb", ())}
    after = {w[0] for w in cues.get("follows_after", ())}
    before = [t.key for t in tokenize(text[_sentence_start(text, trigger_start):trigger_start])
              if t.kind == "word"][-_FOLLOW_REACH:]
    if not any(verbs & set(word_forms(w)) for w in before):
        return None
    words = [t for t in tokenize(text[trigger_end:trigger_end + 40]) if t.kind == "word"]
    return next((trigger_end + t.start for t in words[:_FOLLOW_GAP] if t.key in after), None)


@cache
def _past_firsts() -> frozenset[str]:
    """The first words of the prior and pluperfect cues (كان، سبق): where :func:`recalls_past`
    may find one begin."""
    cues = _background_cues()
    return frozenset(words[0] for kind in ("prior", "pluperfect") for words in cues.get(kind, ()))


def recalls_past(text: str, *, pluperfect: bool = True) -> bool:
    """True when a clause tells its event as the past of the news.

    >>> recalls_past("وكان انتحاري قد فجر نفسه في السوق"), recalls_past("انفجرت سيارة مفخخة اليوم")
    (True, False)

    A pluperfect of telling (وكانت وكالة رويترز قد نقلت ... أن مسلحين قتلوا 11) says when the
    news was first told, not that what it tells is past:

    >>> recalls_past("وكانت وكالة رويترز قد نقلت عن مصادر أن مسلحين قتلوا 11 شخصا")
    False
    """
    keys = [t.key for t in tokenize(text, pieces=True) if t.kind == "word"]
    forms = [word_forms(k) for k in keys]
    cues = _background_cues()
    firsts = _past_firsts()
    for n in range(len(keys)):
        if firsts.isdisjoint(forms[n]):
            continue  # no cue begins at this word (most words): neither reading below can
        for words in cues.get("prior", ()):
            if all(n + m < len(keys) and w in forms[n + m] for m, w in enumerate(words)):
                return True
        if pluperfect and any(words[0] in forms[n] for words in cues.get("pluperfect", ())) \
                and "قد" in keys[n + 1:n + 1 + _PLUPERFECT_REACH]:
            at = keys.index("قد", n + 1)
            if at + 1 < len(keys) and cue_words("attribution_verb") & set(forms[at + 1]):
                continue  # وكانت الوكالة قد نقلت: the telling is past, not the attack
            return True
    return False


def resolve_events(rows: list[dict], text: str, mentions: Mentions, reference: date | None,
                   where: Callable[[Mention], dict] | None = None) -> list[dict]:
    """Event rows of :func:`~.events.find_events` (as dicts) resolved into incidents.

    Non-violent rows pass through; violent ones are gathered, tolled and dated. ``where``
    gives the location columns of a place mention; with it a row is placed at the spot its
    clause names (:mod:`~.spots`) rather than at a frame such as ريف إدلب or the dateline.
    """
    paragraphs = _paragraphs(text)
    out: list[dict] = []
    incidents: list[dict] = []
    totals: list[tuple[int, int]] = []  # spans of totals: their figures are no event's toll
    told: list[int] = []  # where the attack words gathered so far stand
    news: dict[str, dict] = {}  # by claim: the row of the news its clause tells first
    last: dict | None = None  # the incident the last violent row went to
    before: dict | None = None  # the last row given a date
    for row in rows:
        row = {**row, **{c: "" for c in RESOLVED_COLUMNS}}
        row["evidence"] = ";".join(f"{a}:{b}" for a, b in [
            (row["claim_start"], row["claim_end"]), *row.pop("_also_spans", ())])
        row["role"] = "main"
        _date_row(row, text, mentions, paragraphs, reference, news.get(row["claim_id"]),
                  before)
        if row["start"] and "earlier_by" not in str(row["date_flags"]).split(";"):
            before = row  # the last dated row: what an anaphoric day with no antecedent takes
            news.setdefault(row["claim_id"], row)  # the news its clause tells first
        if row["event_type"] in _NON_VIOLENT or "territory" in row["sub_event_type"]:
            if _standing(row, text):
                continue  # لتعزيز سيطرتها، في التظاهرات: the scene of the news, not news
            if _is_background(row, text, reference, _phrase_end(row, rows)):
                continue  # بعد اتفاق التسوية في تموز 2018: the past a report recalls, no news
            out.append(row)  # a statement, a talk or a front line moving: no attack to gather
            continue
        if _tally(row):  # مقتل 36 شخصا في درعا في شهر أيلول: a month's total, no event
            totals.append((int(row["claim_start"]), int(row["claim_end"])))
            continue
        _place_row(row, text, mentions, where)
        pointed = str(row["trigger_start"]) != "" and anaphoric(row) \
            and _pointed(text, int(row["trigger_start"]))
        if pointed and incidents:  # هذا الاستهداف: the attack just told, whatever its clause dates
            row["role"] = incidents[-1]["role"]
        elif _is_background(row, text, reference, _phrase_end(row, rows)):
            row["role"] = "background"
        # a recalled attack is gathered only with recalled ones: the news is another event
        same = [inc for inc in incidents if inc["role"] == row["role"]]
        row["_triggers"] = [int(row["trigger_start"])] if str(row["trigger_start"]) else []
        # أيضاً with a place of its own: the attack fell on one more place (وطال القصف أيضاً
        # قرية إسكان); with no place it adds to the attack told (وأسفر أيضاً عن); so too a
        # sentence opened by كما، فيما، بينما (كما قتل شرطي بانفجار في قرية أخرى)
        another = bool(row["_triggers"]) and ((is_another(text, int(row["trigger_end"]))
                                               and not _pointing_subject(text,
                                                                         int(row["trigger_start"])))
                                              or opens_another(text, int(row["trigger_start"]),
                                                               told)
                                              or (bool(row.get("_spot"))
                                                  and not any(_same_place(inc, row)
                                                              for inc in incidents)
                                                  and (is_another(text, int(row["trigger_end"]),
                                                                  "also")
                                                       or opens_another(
                                                           text, int(row["trigger_start"]),
                                                           told, "besides"))))
        # one more attack with no place of its own and a toll of its own (كما استهدف مجهولون
        # أيضاً سيارة ... أسفرت عن مقتل خمسة): no retelling of the attack before it, placed
        # near the attack told before it; with none placed, nothing places it
        one_more = bool(row.pop("_one_more", False)) and not row["location"] \
            and last is not None and bool(last["location"]) and last["role"] == row["role"]
        another = another or one_more
        told.extend(row["_triggers"])
        # بعد يومين من هجوم مماثل: what the news came after is another attack than the news
        # told with it, the attack just told, though one told before may be it; a definite
        # one (بعد ساعات من الهجوم) is the attack told
        earlier = "earlier_by" in str(row["date_flags"]).split(";") and not anaphoric(row)
        row["_another"] = another or earlier
        # the attack just told is the incident the last mention went to, not the last one
        # opened (هجومين في محافظتي ديالى وصلاح الدين ... ووقع الهجوم على مركز شرطة زاغنية
        # ... وأكدت الخلية أن الهجوم أسفر عن: the attack in Diyala)
        recent = [inc for inc in same if inc is not last] + [last] \
            if any(inc is last for inc in same) else same
        if earlier:
            recent = [inc for inc in recent if inc is not last]
        if (earlier or row["role"] == "background") and last is not None \
                and not row["location"] and last["location"] \
                and _place_told_again(row, text, mentions, whole=not earlier):
            # بعد يوم من اغتيال مسؤول بالمدينة، القرية ذاتها شهدت مجزرة في 9 من الشهر الماضي:
            # the place of the news, told again for the other attack
            _take_place(row, last)
        host = next((inc for inc in reversed(recent) if _listed_there(inc, row)), None) \
            if another else _kin_first(_at_spot_first(
                [inc for inc in reversed(recent) if _fits(inc, row)], row), row)
        told_last = _kin_first(recent[::-1], row) if recent else None
        if host is None and not another and not earlier and recent \
                and (anaphoric(row) or _told_subject(row, text)) \
                and not _listed(row) \
                and (_same_day(told_last, row) or _pointed(text, int(row["trigger_start"]))
                     or _dated_by_default(told_last, row) or _default_date(row)):
            host = told_last  # الانفجار at a place of its own: still the attack just told
            # واستهدف الانفجار مسجد أم القرى: the verb's object is what the attack told hit,
            # not where it was told to be; the incident keeps the place it was told at
            row["_target_only"] = _told_subject(row, text) and bool(host["location"])
        if host is not None and _listed(host) and not _listed(row) and not row["location"] \
                and ";" not in str(host["evidence"]):
            # no clause has told of the list's last place alone since the lead
            host = _list_head(host, same)
        if host is None and one_more and last is not None:
            _near_place(row, last)
        if host is None:
            incidents.append(row)
            out.append(row)
            if not earlier:  # what the news came after leaves the news the attack told
                last = row
        else:
            _absorb(host, row)
            if not earlier:
                last = host
    sums = [r for r in out if _sums_up(r, incidents)]
    # the toll of a lead that sums up several attacks is theirs together, no one attack's
    # (the guideline: a combined toll stays out of the fatalities columns)
    totals += [(int(r["claim_start"]), int(r["claim_end"])) for r in sums]
    out = [r for r in out if not _ground_of_attack(r, incidents)
           and not any(r is x for x in sums)]
    out = _merge_retold(out)
    out = _fold_sums(out)
    out = _gather_placeless(out)
    if where is not None:
        _narrow_coarse(out, text, mentions, where)
    out = _fold_coarse(out)
    out = _fold_lead(out, paragraphs)
    out = _fold_named_after(out)
    # ground taken in fighting is a battle (ACLED codes its dead): its toll is its own
    violent = [r for r in out if r["event_type"] not in _NON_VIOLENT]
    # the text's tolls are read only for a row to give them to: most documents tell no
    # attack, and reading every word for a toll is the costliest step of the events
    tolls = find_tolls(text) if violent else []
    give_tolls(violent, [t for t in tolls if not any(a <= t.start < b for a, b in totals)], text,
                mentions)
    out = _merge_same_toll(out)
    for n, row in enumerate(out):
        row["event_id"] = f"e{n + 1}"
        for key in ("_spot", "_frames", "_anchors", "_triggers", "_spots", "_frame_precision", "_another",
                    "_country_wide", "_names", "_side", "_as_spot"):
            row.pop(key, None)
    return out


# Kinds a report of attacks names as its scene as often as it tells them: a protest, ground
# held or taken. Only a verb of the report's own telling makes them news.
_SCENE_KINDS = frozenset({"Protests"})


def _standing(row: dict, text: str) -> bool:
    """A protest or a change of ground named by a noun with no doer (لتعزيز سيطرتها على منطقة
    جبلية، تتواصل الاغتيالات في التظاهرات) or by a verb of a relative or subordinate clause (الأراضي التي
    سيطروا عليها، بعد أن سيطر المسلحون على السجن) is a standing state or the scene of the
    news, not an event it tells (the guideline codes none); a main-clause verb tells one
    (سيطر تنظيم داعش على مدينة تكريت).

    >>> def row(t, w):
    ...     return {"trigger_start": t.index(w), "trigger_end": t.index(w) + len(w),
    ...             "event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
    >>> a, b = "فروا بعد أن سيطر المسلحون على السجن", "سيطر المسلحون على السجن"
    >>> c = "لتعزيز سيطرتها على منطقة جبلية"
    >>> _standing(row(a, "سيطر"), a), _standing(row(b, "سيطر"), b), _standing(row(c, "سيطرتها"), c)
    (True, False, True)
    """
    if row["event_type"] not in _SCENE_KINDS and "territory" not in row["sub_event_type"]:
        return False
    if str(row["trigger_start"]) == "":
        return False
    start, end = int(row["trigger_start"]), int(row["trigger_end"])
    doc = TextUnits(text[start:end], segment=False)
    found = trigger_lexicon().find(doc.tokens, text=doc.text, lo=0, hi=len(doc.tokens))
    if not any(c.role == "verb" for c in found):
        # a noun with its doer (اجتياح داعش لمدن) or repeated by an analogy (كما حصل مع
        # الموصل) still tells the event
        return not row.get("actor") and "analogy" not in str(row.get("coding_basis", ""))
    before = [t.key for t in tokenize(text[_sentence_start(text, start):start]) if t.kind == "word"]
    return bool(before) and (before[-1] in cue_words("relative")
                             or before[-1] in cue_words("complementizer"))


def _family(row: dict) -> str:
    """Which rows may tell the same event: any two attacks, else two rows of one kind (two
    protests, two captures of ground)."""
    violent = row["event_type"] not in _NON_VIOLENT and "territory" not in row["sub_event_type"]
    return "violent" if violent else str(row["kind"])


def _merge_retold(rows: list[dict]) -> list[dict]:
    """An attack of one kind told again at its place under another gazetteer entry of the
    same name (قرية الرشاد in the lead, الرشاد التابعة لقضاء المقدادية in the toll's
    sentence) joins the row told first there: one place, one day, one role and one kind
    make one attack (the guideline's unit), unless the words tell it as another attack
    (سيارة مفخخة ثانية، في حادث آخر)."""
    out: list[dict] = []
    for row in rows:
        violent = _family(row) == "violent"
        host = next((r for r in out if violent and _family(r) == "violent" and r["location"]
                     and row["location"] and r["location"] != row["location"]
                     and r["role"] == row["role"] and r["sub_event_type"] == row["sub_event_type"]
                     and _same_place(r, row) and _same_day(r, row) and not row.get("_another")),
                    None)
        if host is None:
            out.append(row)
        else:
            _absorb_mention(host, row)
    return out


def _fold_sums(rows: list[dict]) -> list[dict]:
    """A lead whose clause names the spots of several attacks (تفجيرات في كل من طرطوس وجبلة)
    sums them up, and so does any row told first at the place of a later one: when a later
    row tells the attack at the row's own place, role and day (ثلاثة تفجيرات أخرى في مدينة
    طرطوس), the row joins it, one key per attack, place and day, and the toll said there is
    that row's. A later row told as another attack (وبالتوازي، قتل مدرس) stays apart from
    a row of one spot."""
    out = list(rows)
    for row in rows:
        if _family(row) != "violent" or not row["location"]:
            continue
        host = next((r for r in out if r is not row and _family(r) == "violent"
                     and r["location"] == row["location"] and r["role"] == row["role"]
                     and int(r["claim_start"]) > int(row["claim_start"])
                     and _kin_kinds(r, row) and _same_day(r, row) and not _told_apart(row, r)
                     and (_sums_towns(row) or _one_attack(r, row))), None)
        if host is not None:
            _absorb_mention(host, row)
            out = [r for r in out if r is not row]
    return out


def _merge_same_toll(rows: list[dict]) -> list[dict]:
    """Two attack rows of one day and governorate with the same dead and the same wounded are
    one attack two sources placed apart (تفجير ... في سوق شعبي شرقي طوزخرماتو، 25 قتيلا و62
    جريحا; التفجير ... وسط قضاء طوزخورماتو، 25 قتيلا و62 جريحا): ACLED keeps one event of a
    report told twice. Two figures, not one: a death toll alone (one dead, two) falls in two
    attacks of a day too often. The finer place stays."""
    def same_toll(row: dict) -> tuple[str, str] | None:
        dead, hurt = _toll_of(row, "fatalities"), _toll_of(row, "injured")
        return (dead, hurt) if dead and hurt and not _shared(row) else None

    return _fold_into_one(
        rows, lambda row: same_toll(row) is not None,
        lambda r, row: same_toll(r) == same_toll(row)
        and _kin_kinds(r, row) and r["country"] == row["country"] and _inside(r, row)
        and (PLACE_RANK.get(r["place_type"], 5), int(r["claim_start"]))
        < (PLACE_RANK.get(row["place_type"], 5), int(row["claim_start"])))


def _shared(row: dict) -> bool:
    """One of the rows a clause's several places make (a list, governorates): their toll is
    the clause's, shared, and says nothing of one attack told twice."""
    return bool({"shared_across_places", "listed_spot"} & set(str(row["count_flags"]).split(";")))


def _toll_of(row: dict, column: str) -> str:
    """The row's figure in ``column`` when one is given above zero, else ''."""
    value = str(row.get(column, ""))
    try:
        return value if float(value) > 0 else ""
    except ValueError:
        return ""


def _sums_towns(row: dict) -> bool:
    """The row's clause names several towns or cities as its spots (في كل من طرطوس وجبلة):
    a lead over their attacks, whatever its words say of any one of them."""
    spot = row.get("_spot")
    return bool(spot) and spot[1] >= 1 and len(row.get("_spots", ())) >= 2


def _one_attack(a: dict, b: dict) -> bool:
    """Two rows at one place that nothing tells apart: neither told as another attack
    (وبالتوازي، قتل مدرس), the days agree whichever is asked first (انفجاران يومي 3 و5), and
    their spots fit (غربي الرمادي and شمالي الرمادي are two)."""
    return not (a.get("_another") or b.get("_another")) and _same_day(b, a) \
        and _fits(a, b) and _fits(b, a)


def _gather_placeless(rows: list[dict]) -> list[dict]:
    """A row with no place joins the row of its family and role told nearest before it (else
    the first after it): a place is what makes an event of a mention (ACLED codes none
    without one), and a placeless mention in a report of an attack tells that attack again
    (قصف مدفعي على قرية شنشار ... وأسفر القصف عن ...). It stays a row of its own when the
    article tells no other event of its family, or when its own date differs (a recalled
    attack of another day), or when its words tell it as another attack (في حادث آخر).
    """
    out = list(rows)
    for row in rows:
        if row["location"] or row.get("_another"):
            continue  # في حادث منفصل، قصفت طائرات ...: told as another attack
        kin = [r for r in out if r["location"] and _family(r) == _family(row)
               and r["role"] == row["role"]]
        # the day a source told it (وأبلغ مسؤول اليوم أن عشرة قتلوا) dates no attack of its own
        hosts = [r for r in kin if (_same_day(r, row) or _default_date(row))
                 and not (row["date_basis"] == "text" == r["date_basis"] and not _default_date(row)
                          and (row["start"], row["end"]) != (r["start"], r["end"]))]
        if not hosts and anaphoric(row) and len(kin) == 1:
            hosts = kin  # أكد المصدر أن الهجوم وقع الاثنين الماضي: the one attack told, dated
        at = int(row["claim_start"])
        if not hosts and _family(row) != "violent":
            # ثم انسحبوا إلى جهة مجهولة، وسيطر الجيش مجددا على القاعدة: with no place of its
            # own, ground left or retaken right after an attack is the end of that attack, no
            # event of its own
            told = [r for r in out if r is not row and int(r["claim_start"]) <= at]
            last = max(told, key=lambda r: int(r["claim_start"]), default=None)
            if last is not None and last["location"] and _family(last) == "violent" \
                    and last["role"] == row["role"] and _same_day(last, row):
                hosts = [last]
        if not hosts:
            continue
        before = [r for r in hosts if int(r["claim_start"]) <= at]
        host = before[-1] if before else hosts[0]
        if _family(host) == _family(row):
            _absorb_mention(host, row)
        else:  # its words are the attack's evidence; its kind and day change nothing of it
            host["evidence"] = _joined_evidence(host["evidence"], row["evidence"])
        out = [r for r in out if r is not row]
    return out


# The kinds of place a row may stand at and still be narrowed to a local place of its article.
_NARROWABLE = frozenset({"city", "capital", "district", "governorate", "province", "region"})


def _narrow_coarse(rows: list[dict], text: str, mentions: Mentions,
                   where: Callable[[Mention], dict]) -> None:
    """A row placed only at a city or a governorate takes the local place inside it (a
    neighbourhood, a village, a site, a bridge) that a sentence of no row's evidence names
    after it: the sentence goes on telling the attack just told (مسلحين أوقفوا حافلة في وسط
    مدينة بغداد ... قاموا بايقاف كوستر ... قرب كراج باب المعظم).

    The place goes to the row told nearest before it in its governorate, and only when that
    row stands at a city or coarser; a city goes only to a row wider than a city (a
    governorate, a district, a side of a city: شمالي بغداد ... في منطقة الطارمية), and of
    several places the finest. A sentence that recalls the past or names a time of its own
    (بعد يومين), a place the news came from, a direction (وسط بغداد), a hospital or a place
    another row already holds is no such place.
    """
    violent = [r for r in rows if r["event_type"] not in _NON_VIOLENT
               and "territory" not in r["sub_event_type"] and r["role"] == "main"]
    if not violent:  # no row to narrow: most documents, and the tests below need not run
        return
    told = span_cover(span for r in rows for span in _spans(r))
    held = {p for r in rows for p in r["places"].split(";") if p}
    # each row's evidence read once, not once per place of the document
    ends = [[b for _, b in _spans(r)] for r in violent]
    taken: dict[int, list[Mention]] = {}
    for place in mentions.between(0, len(text), "place"):
        if "direction" in place.flags.split(";") or place.value in held \
                or place.place_type in RECEIVING or told(place.start):
            continue
        rank = spot_rank(place)
        if rank > PLACE_RANK["city"]:
            continue
        there = where(place)
        # a name the gazetteer lacks, in no governorate the text tells (حي الواسطي وسط
        # المدينة), lies where the attack just told was
        anywhere = not there["admin1"] and "unknown_place" in place.flags.split(";")
        near = [(max(b for b in ends[n] if b <= place.start), n) for n, r in enumerate(violent)
                if (anywhere or (r["admin1"] == there["admin1"] and r["country"] == there["country"]))
                and any(b <= place.start for b in ends[n])]
        # off the scene (where the people hit came from, the teller's seat) is read last:
        # it looks at the words before the place, the costliest test
        if not (there["admin1"] or anywhere) or not near or off_scene(place, text):
            continue
        n = max(near)[1]
        row = violent[n]
        if row["place_type"] not in _NARROWABLE:
            continue
        if rank and not _wider_than_city(row):
            continue  # a city is named in passing too often (تشهده الرمادي) to replace a city
        start, end = _sentence_start(text, place.start), _sentence_end(text, place.start)
        if recalls_past(text[start:end]) or any(
                t.text != row["date_text"] and "vague" not in t.flags.split(";")
                for t in mentions.between(start, end, "time")):
            continue  # بعد يومين من استهداف ... منطقة شنشار: another day (مؤخرا names none)
        taken.setdefault(n, []).append(place)
    for n, found in taken.items():
        row = violent[n]
        # the finest place told: قرية كلوزي after بلدة داقوق names where the attack fell
        row.update(where(min(found, key=spot_rank)))
        row["places"] = ";".join(dict.fromkeys(
            p for p in (*(f.value for f in found), *row["places"].split(";")) if p))


def _wider_than_city(row: dict) -> bool:
    """The row stands at a place that holds cities: a governorate or coarser, a district, or
    a side of a city (شمالي بغداد), so a city of its governorate told later (وقع الهجوم في
    منطقة الطارمية) is finer than it, not a second city beside it."""
    return bool(row.get("_side")) or PLACE_RANK.get(row["place_type"], 0) > PLACE_RANK["city"]


def _scale(row: dict) -> int:
    """How coarse the place of a row's own clause is: its spot's rank (0 a local spot, 1 a
    city); with no spot (ريف القنيطرة, a frame) at least 1, the rank of the kind of its
    location (a village 1, a district 2, a governorate 4)."""
    spot = row.get("_spot")
    if spot and row.get("_side"):
        return max(spot[1], 1)  # جنوب غربي بغداد: a side of a city is no finer than the city
    return spot[1] if spot else max(PLACE_RANK.get(row["place_type"], 5), 1)


def _inside(fine: dict, coarse: dict) -> bool:
    """The fine row may lie inside the coarse one: no governorate or country of theirs
    differs (Kirkuk holds no attack in Anbar), save a governorate the coarse one's holds
    (أربيل in إقليم كردستان)."""
    return all(not fine[c] or not coarse[c] or fine[c] == coarse[c]
               or (c == "admin1" and _holds(coarse[c], fine[c])) for c in ("admin1", "country"))


@cache
def _admin_parents() -> dict[str, str]:
    """ISO 3166-2 subdivision → the one that holds it (IQ-AR → IQ-KR), from the data file."""
    return {row.code: row.parent for row in read_rows(ADMIN_PARENTS_FILE)}


@cache
def _admin_codes(admin1: str) -> frozenset[str]:
    """The ISO 3166-2 codes a row's admin1 may stand for: itself when a code (IQ-KR), else
    the governorates of that name (Erbil → IQ-AR)."""
    if admin1 in _admin_parents().values() or admin1 in _admin_parents():
        return frozenset({admin1})
    return frozenset(code for code, (_, en) in governorate_names().items() if en == admin1)


def _holds(wide: str, narrow: str) -> bool:
    """The subdivision ``wide`` holds ``narrow`` (Kurdistan Region holds Erbil)."""
    parents = _admin_parents()
    return any(parents.get(code) in _admin_codes(wide) for code in _admin_codes(narrow))


# Kinds that name an attack without its means (هجوم، مقتل): the same attack as any other kind.
_GENERIC_KINDS = frozenset({"attack", "massacre"})


def _kin_kinds(a: dict, b: dict) -> bool:
    """Two rows' kinds may tell one attack: the same, or one names no means (هجوم)."""
    return a["kind"] == b["kind"] or bool({a["kind"], b["kind"]} & _GENERIC_KINDS)


# A border names no settlement (على الحدود مع النيجر): a lead told there is told again at its
# town, whether or not the town's clause names the border, and as a border lies on two
# countries it holds a town of either.
_VAGUE = frozenset({"border"})


def _fold_coarse(rows: list[dict]) -> list[dict]:
    """An attack whose clause names only a city or a frame (ريف القنيطرة) that is among the
    places of exactly one finer attack row of its role and day tells that attack again at
    a coarser scale (a lead «انفجار عبوة ناسفة في ريف القنيطرة», then «عبوة انفجرت بسيارة
    عنصر في نبع الصخر»): one event. When two finer rows hold the place, the coarse row may
    tell a third attack and stays, and so does a place of another governorate (هجمات في
    الأنبار وكركوك: Kirkuk holds no attack in Anbar)."""
    return _fold_into_one(
        rows, lambda row: bool(row["location"]),
        lambda r, row: r["location"] != row["location"] and _scale(r) < _scale(row)
        and _kin_kinds(r, row) and int(row["claim_start"]) <= int(r["claim_start"])
        # a border, or a governorate the fine row's clause names, holds it as it stands;
        # else the coarse place must frame the fine row and may hold it
        and (row["place_type"] in _VAGUE or _governorate_named(row, r)
             or (_frames_it(row, r) and _inside(r, row))))


def _fold_named_after(rows: list[dict]) -> list[dict]:
    """An attack row at a site named by a head noun and the name of another row's place
    (مستشفى أتارب and الأتارب, محور تل أسقف and تل أسقف, قاعدة التاجي and التاجي), of its
    role and day, tells that row's attack again at a part of it: one event, at the place
    the other row names."""
    return _fold_into_one(
        rows, lambda row: bool(row["location"]),
        lambda r, row: bool(r["location"]) and r["location"] != row["location"]
        and _kin_kinds(r, row) and _named_after(row, r), keep_place=True)


def _named_after(site: dict, place: dict) -> bool:
    """The site row's place is written as a head noun and the other row's place name
    (مستشفى أتارب: مستشفى and أتارب), the article aside: a part of that place, named by it."""
    names = {_bare(_headless(n)) for n in place.get("_names", {}).get(place["location"], ())}
    return any(_headless(n) != n and _bare(_headless(n)) in names
               for n in site.get("_names", {}).get(site["location"], ()))


def _headless(name: str) -> str:
    """A name's matching key without a head noun before it (مستشفي الخربوشه → الخربوشه,
    بلده الخربوشه → الخربوشه); a name of one word stays whole."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in place_heads() else name


def _bare(name: str) -> str:
    """A name's matching key without the article on its words (الأتارب → اتارب)."""
    return " ".join(w[len(ARTICLE):] if w.startswith(ARTICLE) and len(w) > len(ARTICLE) + 1
                    else w for w in name.split())


def _fold_into_one(rows: list[dict], folds: Callable[[dict], bool],
                   host: Callable[[dict, dict], bool], *, keep_place: bool = False,
                   sums: bool = False) -> list[dict]:
    """Each attack row ``folds`` admits joins the one other row that may tell the same attack
    (same role and day, not told apart) and that ``host`` admits for it; with none or two
    such rows it stays. With ``keep_place`` the host keeps its own place (a lead's loose
    place never replaces the finer one). With ``sums`` a row that two or more rows may tell
    again is dropped when its place is wide (a region, a governorate) or only a frame (ريف
    مدينة حمص): it sums them up (غارات على منطقتين في ريف حمص, then each village)."""
    out = list(rows)
    for row in rows:
        if _family(row) != "violent" or row.get("_another") or not folds(row):
            continue
        hosts = [r for r in out if r is not row and _family(r) == "violent"
                 and r["role"] == row["role"] and not r.get("_another")
                 and _same_day(r, row) and not _told_apart(row, r) and host(r, row)]
        if sums and len(hosts) > 1 and (not row.get("_spot") or _scale(row) > PLACE_RANK["city"]):
            # a city named as the spot (على مدينة حمص) may hold a third attack of its own; a
            # frame or a region told over several finer attacks is no attack of its own
            out = [r for r in out if r is not row]
            continue
        if len(hosts) != 1:
            continue
        kept = {c: hosts[0][c] for c in _LOCATION_COLUMNS}
        _absorb_mention(hosts[0], row)
        if keep_place:
            hosts[0].update(kept)
        out = [r for r in out if r is not row]
    return out


def _fold_lead(rows: list[dict], paragraphs: list[tuple[int, int]]) -> list[dict]:
    """An attack the headline or first paragraph tells at a coarse or loose place (a side of a
    city «شمال بغداد», a border, a city) joins the one later row that tells it at a finer
    place near it (then «جنوب قضاء بلد بمحافظة صلاح الدين»): same role and day, kin kinds,
    not told apart. The lead's own words name the attack of the report; a row the body tells
    at its spot is that attack when no other row is; a border names the attack as loosely as
    its place (a كمين there, then the suicide cars that struck the unit at a town). With two
    or more such rows the lead may sum them up and stays. The finer row keeps its place and
    gathers every span. A lead at a region or a frame over two or more such rows sums
    them up and is dropped (ACLED codes each attack, not the sum)."""
    lead_end = paragraphs[min(1, len(paragraphs) - 1)][1] if paragraphs else 0
    return _fold_into_one(
        rows, lambda row: bool(row["location"]) and int(row["claim_start"]) <= lead_end,
        lambda r, row: bool(r["location"]) and r["location"] != row["location"]
        and r["claim_id"] != row["claim_id"] and int(r["claim_start"]) > int(row["claim_start"])
        and (_kin_kinds(r, row) or row["place_type"] in _VAGUE) and _finer_near(r, row),
        keep_place=True, sums=True)


# Bearings of the sides a direction names (شمال بغداد: north of Baghdad), in degrees.
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
             "southwest": 225, "west": 270, "northwest": 315}
# How far from the named city a side of it («شمال بغداد») or the city itself reaches, and how
# wide a side is around its bearing: a side of a city names the towns of its outskirts and
# of the next districts, a city the sites in and around it.
_SIDE_KM = 150.0
_CITY_KM = 25.0
_SIDE_DEGREES = 67.5


def _finer_near(fine: dict, lead: dict) -> bool:
    """The fine row stands at a finer place of the lead's country that the lead's place may
    name: any place up to a governorate on a border (of either country); a place of a district
    or finer on the side of a city the lead names (بلد north of Baghdad); a town or a
    village near a city the lead names only as a frame (في ريف مدينة حمص); else a finer place
    near the lead's city, or in its governorate when either has no coordinates."""
    if fine["country"] and lead["country"] and fine["country"] != lead["country"] \
            and lead["place_type"] not in _VAGUE:
        return False
    rank = PLACE_RANK.get(fine["place_type"], 5)
    if lead["place_type"] in _VAGUE:
        return rank <= PLACE_RANK["governorate"]
    coarse = PLACE_RANK.get(lead["place_type"])
    if coarse is None or (not lead.get("_side") and (coarse < PLACE_RANK["city"] or rank >= coarse)):
        return False  # a camp, a site or a village is no lead's loose place
    spot = lead.get("_spot") or ()
    side = str(spot[0]).partition(" of ")[0] if lead.get("_side") and spot else ""
    far = _km(fine, lead)
    if side in _BEARINGS:
        if rank > PLACE_RANK["district"] or far is None:
            return False
        ahead = abs((_bearing(lead, fine) - _BEARINGS[side] + 180) % 360 - 180)
        return far <= _SIDE_KM and ahead <= _SIDE_DEGREES
    if lead.get("_side"):
        return False  # وسط بغداد and the like: the city's own sites, as the city's
    if lead["place_type"] in _HOLDS_SITES and not spot and lead.get("_frames"):
        # a frame of a city (ريف مدينة حمص) holds the villages and towns around it
        return far <= _SIDE_KM if far is not None else bool(fine["admin1"]) and _inside(fine, lead)
    if lead["place_type"] in _HOLDS_SITES:
        # a city holds its sites, not the villages and towns around it (خان شيخون, معرة النعمان)
        return fine["place_type"] not in _SETTLEMENTS and (
            far <= _CITY_KM if far is not None else bool(fine["admin1"]) and _inside(fine, lead))
    # a district, a governorate or a region holds its towns; a camp or a base holds none
    return coarse >= PLACE_RANK["district"] and bool(fine["admin1"]) and _inside(fine, lead)


def _coordinates(row: dict) -> tuple[float, float] | None:
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except (TypeError, ValueError, KeyError):
        return None
    return None if math.isnan(lat) or math.isnan(lon) else (lat, lon)


def _km(a: dict, b: dict) -> float | None:
    """Kilometres between two rows' coordinates, None when either has none."""
    pa, pb = _coordinates(a), _coordinates(b)
    if pa is None or pb is None:
        return None
    return km(pa, pb)


def _bearing(a: dict, b: dict) -> float:
    """The initial bearing from row a to row b, in degrees from north (both have coordinates)."""
    return bearing(_coordinates(a), _coordinates(b))


def _governorate_named(coarse: dict, fine: dict) -> bool:
    """The coarse row stands at a governorate that the fine row's own clause names too (غربي
    محافظة الأنبار, then قرية ... التابعة لقضاء هيت غربي الرمادي): the text puts the spot
    there, whatever governorate the gazetteer gives the spot's name elsewhere."""
    if coarse["place_type"] not in _HOLDS_TOWNS:
        return False
    codes = {k for k in coarse.get("_frames", ()) if "-" in k}
    return bool(codes & set(fine.get("_frames", ())))


def _told_apart(a: dict, b: dict) -> bool:
    """The two rows' own words date them apart: both say a time, in other words, and the two
    do not resolve to one day (صباح هذا اليوم الاثنين and صباح هذا اليوم, both the 23rd, are
    one; الخميس and أمس with no publication date to resolve them may be two)."""
    if not (a["date_text"] and b["date_text"]) or a["date_text"] == b["date_text"]:
        return False
    if any("statement_date" in str(r.get("date_flags", "")).split(";") for r in (a, b)):
        return False  # أفاد مصدر الأربعاء: the day the news was told, not the attack's
    # اليوم and اليوم السبت: a weekday added to the words of a day names that day again
    # (not أمس and أمس الأول, two days)
    short, long = sorted((a["date_text"], b["date_text"]), key=len)
    rest = " ".join(w for w in long.split() if w not in short.split())
    if set(short.split()) <= set(long.split()) and _weekdays(rest) \
            and len(rest.split()) == len(_weekdays(rest)):
        return False
    return not (a["start"] and (a["start"], a["end"]) == (b["start"], b["end"]))


def _frames_it(coarse: dict, fine: dict) -> bool:
    """The coarse row's place frames the fine one: among the fine row's places, or named in
    the fine row's own clause, told apart from the coarse one's (a lead «تفجيرات في طرطوس
    وجبلة», then «ففي مدينة جبلة ... إثنان منها في كراج المدينة»: جبلة frames the garage).
    Places one clause lists side by side are no frames of each other, nor is one of the
    places a plural head lists (منطقتي شيلادزي وكاني ماسي) a frame of a row that only
    gathered that clause: each item is its own attack unless the fine row names it."""
    return coarse["location"] in fine["places"].split(";") or (
        coarse["claim_id"] != fine["claim_id"] and not _listed(coarse)
        and (coarse["location"] in fine.get("_names", {}) or _unframed_in(fine, coarse)))


def _unframed_in(fine: dict, coarse: dict) -> bool:
    """The fine row stands at a place the gazetteer puts in no governorate (فندق إيليت, a
    name it lacks) or in the coarse row's own (بئر العبد in شمال سيناء), of the coarse row's
    country, in a clause
    that names no other place (not كفرسجنة في ريف إدلب الجنوبي): nothing places it elsewhere,
    so it lies in the lead's place when that may hold it — a governorate any place, a city
    only a site, as a village or an area may lie outside the city (مقتل 15 ... في العاصمة
    مقديشو، then واستهدف التفجير فندق إيليت)."""
    if not fine["country"] or fine["country"] != coarse["country"] \
            or not set(fine["places"].split(";")) <= {fine["location"]}:
        return False
    if fine["admin1"] and fine["admin1"] != coarse["admin1"]:
        return False  # the gazetteer puts it in another governorate
    if coarse["place_type"] in _HOLDS_TOWNS:
        return True
    return coarse["place_type"] in _HOLDS_SITES and fine["place_type"] not in _SETTLEMENTS


# Kinds of place a lead may name that hold any place of their country's map, and those that
# hold only the sites in them (a hotel, a market, a neighbourhood), not the villages around.
_HOLDS_TOWNS = frozenset({"governorate", "province"})
_HOLDS_SITES = frozenset({"city", "capital"})
_SETTLEMENTS = frozenset({"village", "town", "city", "capital", "district", "subdistrict", "area"})


def _absorb_mention(host: dict, row: dict) -> None:
    """Gather ``row`` into ``host`` as :func:`_absorb` does, with every span of its evidence."""
    evidence = host["evidence"]
    _absorb(host, row)
    host["evidence"] = _joined_evidence(evidence, row["evidence"])


def _joined_evidence(a: str, b: str) -> str:
    """The spans of two evidence fields (``start:end;...``), each once, in order."""
    return ";".join(dict.fromkeys(s for s in (*a.split(";"), *b.split(";")) if s))


def _ground_of_attack(row: dict, incidents: list[dict]) -> bool:
    """A territory row told in the clause of an attack at its place and day is the aim or
    the outcome of that attack, not a second event (شنت القوات هجوما لاستعادة بلدات ... قضاء
    القائم: one attack)."""
    if "territory" not in row["sub_event_type"]:
        return False
    return any(row["claim_id"] in (inc["claim_id"], *inc["also_claims"].split(";"))
               and _same_day(inc, row)
               and (not row["location"] or row["location"] == inc["location"]
                    or row["location"] in inc["places"].split(";"))
               for inc in incidents)


# Places that hold the spots of several attacks: an attack word in the plural told of one
# of them sums up attacks told one by one elsewhere in the report.
_WIDE_PLACES = frozenset({"governorate", "province", "region", "country"})
# Endings of the plural (هجمات، تفجيرات) and of the dual (هجومين، تفجيرين) of attack nouns.
_MANY_ENDINGS = ("\u0627\u062a", "\u064a\u0646", "\u0627\u0646")


def _sums_up(row: dict, incidents: list[dict]) -> bool:
    """True when an incident founded on a plural or dual attack noun (هجومين، سلسلة هجمات)
    is placed only at a governorate, a region or a country, or nowhere, while the report
    tells an attack of the same role at a finer place inside it: the lead sums up the
    attacks told one by one (ACLED codes each attack, not the sum).

    >>> lead = {"trigger": "هجومين", "place_type": "governorate", "location": "Diyala",
    ...         "admin1": "Diyala", "country": "Iraq", "role": "main", "event_type": "Battles",
    ...         "sub_event_type": "Armed clash"}
    >>> one = {**lead, "trigger": "الهجوم", "place_type": "facility", "location": "زاغنية"}
    >>> _sums_up(lead, [lead, one]), _sums_up(one, [lead, one]), _sums_up(lead, [lead])
    (True, False, False)
    """
    if row["event_type"] in _NON_VIOLENT or "territory" in row["sub_event_type"]:
        return False
    if row["location"] and row["place_type"] not in _WIDE_PLACES:
        return False
    if not is_many(str(row["trigger"])):
        return False
    return any(inc is not row and inc["role"] == row["role"] and inc["location"]
               and inc["place_type"] not in _WIDE_PLACES
               and (not row["admin1"] or inc["admin1"] == row["admin1"])
               and (not row["country"] or inc["country"] == row["country"])
               for inc in incidents)


def is_many(trigger: str) -> bool:
    """The attack noun of a trigger is a plural or a dual form of the lexicon (هجمات،
    تفجيرين), not a singular (هجوم) or a verb."""
    words = trigger.split()
    if len(words) != 1:
        return False
    return not _many_forms().isdisjoint(word_forms(match_key(words[0])))


@cache
def _many_forms() -> frozenset[str]:
    """The plural and dual forms of the lexicon's attack nouns (هجمات، تفجيرين), gathered
    once: a text asks :func:`is_many` of each of its triggers, and the lexicon is fixed."""
    nouns = [r["trigger"].rstrip("+") for r in trigger_lexicon().rows if r["pos"] == "noun"]
    return frozenset(n for n in nouns if n.endswith(_MANY_ENDINGS)).union(*map(duals, nouns))


def _place_row(row: dict, text: str, mentions: Mentions,
               where: Callable[[Mention], dict] | None) -> None:
    """The row's spot and frames; its location moved to the spot when the clause names one.

    A row split per governorate out of one report (``shared_across_places``) keeps its
    governorate: the clause's places are shared by all its rows."""
    row["_names"] = {}
    row["_as_spot"] = set()  # places the clause names as places, not as an area (ريف إدلب)
    end = int(row["claim_end"])
    if str(row["trigger_start"]) != "":
        # يأتي الانفجار عقب تمرد في السجن المركزي: the prison is the mutiny's, not the blast's
        cut = followed_from(text, int(row["trigger_start"]), int(row["trigger_end"]))
        end = min(end, cut) if cut is not None else end
    said = mentions.between(int(row["claim_start"]), end, "place")
    for m in said:
        row["_names"].setdefault(m.value, set()).add(place_name(m.text))
        if not named_as_area(m, text):
            row["_as_spot"].add(m.value)
    if "shared_across_places" in str(row["count_flags"]):
        row["_spot"], row["_frames"], row["_spots"] = (), set(), frozenset()
        return
    spot, frames, row["_spots"] = spot_and_frames(mentions, text, int(row["claim_start"]), end,
                                                    str(row["source"]))
    row["_spot"] = (spot.value, spot_rank(spot), frame_key(spot), spot.admin1) \
        if spot is not None else ()
    row["_side"] = spot is not None and "direction" in spot.flags.split(";")
    row["_frames"] = frames
    # the towns a side of a town frames (غرب مدينة إعزاز: إعزاز), for a spot in that town
    row["_anchors"] = {frame_key(a) for m in said if (a := anchor_of(m)) is not None}
    # framed only by a side of the country (شمال غرب البلاد): it holds every governorate there
    row["_country_wide"] = spot is None and bool(said) and all(
        m.place_type in _COUNTRY_WIDE and not m.admin1 for m in said)
    if where is None:
        return
    if spot is not None and spot.value != row["location"]:
        row.update(where(spot))
        if spot.value not in row["places"].split(";"):
            row["places"] = ";".join(p for p in (spot.value, row["places"]) if p)
    elif spot is None and row["location"] and (_only_dateline(row, mentions) or row["location"] in {
            m.value for m in mentions.between(end, int(row["claim_end"]), "place")} - {
            m.value for m in said}):
        # the reporting town is the event's place only when the text names no other place;
        # the place of what the news followed (عقب حريق في سوق الحلة) is none of the news's
        row.update(where(None) | {"country": row["country"]})


def place_name(surface: str) -> str:
    """The name a place is written with, without the head of an administrative unit or a
    settlement before it: قضاء هيت and هيت are one name, as are قرية الرشاد and الرشاد.

    >>> place_name("قضاء هيت") == place_name("هيت"), place_name("ساحة الطيران")
    (True, 'ساحه الطيران')
    """
    words = match_key(surface).split()
    heads = place_heads()
    if len(words) > 1 and heads.get(words[0], {}).get("admin") == "yes":
        words = words[1:]
    return " ".join(words)


def _same_place(inc: dict, row: dict) -> bool:
    """The two rows stand at one place: the same gazetteer entry, or two entries the text
    names with one name (هيت the city and قضاء هيت the district, الرشاد a village the
    gazetteer lacks and الرشاد its subdistrict): within one report one name is one place."""
    a, b = inc["location"], row["location"]
    if a == b:
        return True
    return bool(inc.get("_names", {}).get(a, set()) & row.get("_names", {}).get(b, set()))


# Kinds of place that hold a country or a side of it (شمال غرب البلاد), no governorate.
_COUNTRY_WIDE = frozenset({"region", "country"})
# The spot rank of a governorate or a region: a spot only when the clause names nothing finer.
_GOVERNORATE_RANK = 3


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _paragraph_of(pos: int, paragraphs: list[tuple[int, int]]) -> int:
    return next((n for n, (a, b) in enumerate(paragraphs) if a <= pos <= b), 0)


def _day_times(mentions: Mentions, start: int, end: int) -> list:
    """Time mentions in ``[start, end)`` that name a day (a resolved value); a duration
    (``PT24H`` of خلال أربع وعشرين ساعة) says how long and a period since or until when (حتى
    الآن), not which day."""
    return [m for m in mentions.between(start, end, "time")
            if m.value and "XXXX" not in m.value and not is_span_frame(m)
            and m.precision in ("day", "hour", "minute")]


def _date_row(row: dict, text: str, mentions: Mentions, paragraphs: list[tuple[int, int]],
              reference: date | None, news: dict | None = None,
              before: dict | None = None) -> None:
    """The event's date: its clause's, else its sentence's, its paragraph's or the top's,
    else published.

    A duration (``P2D`` of خلال يومين, ``PT24H``) says how long and a period open at one
    end (منذ منتصف مايو) since when, not when: neither is a date. A date said before the
    event that belongs to a recalled event (وكان ... قد, or well before publication) does
    not date the news after it. An event told that long before the news (بعد يومين من هجوم
    مماثل, flag ``earlier_by``) is dated back from the news its clause told first (``news``),
    else from the date it would take."""
    flags = str(row["date_flags"]).split(";")
    if "earlier_by" in flags:
        length = row["date_text"]
        row.update(start="", end="", date_text="", date_precision="",
                   date_flags=";".join(f for f in flags if f not in ("earlier_by", "span_frame")))
        if news is not None:
            row.update({k: news[k] for k in ("start", "end", "date_text", "date_precision")})
        else:
            _date_row(row, text, mentions, paragraphs, reference)
        _date_back(row, length)
        row["date_flags"] = add_flags(row["date_flags"], "earlier_by")
        return
    if "antecedent_unknown" in flags:
        # في ذلك اليوم with no day named before it: its value is only the reference stand-in;
        # the day is that of the event or dated sentence told just before it
        row.update(start="", end="", date_precision="",
                   date_flags=";".join(f for f in flags if f != "antecedent_unknown"))
        _date_row(row, text, mentions, paragraphs, reference)
        row["date_flags"] = add_flags(row["date_flags"], "antecedent_unknown")
        if row["date_basis"] in ("", "published") and before is not None \
                and int(before["claim_start"]) <= int(row["claim_start"]):
            row.update({k: before[k] for k in ("start", "end", "date_precision")},
                       date_basis="antecedent", date_flags=";".join(
                           f for f in row["date_flags"].split(";") if f != "published_date"))
        return
    if row["start"].startswith("P") or "span_frame" in str(row["date_flags"]).split(";"):
        row["_frame_precision"] = row["date_precision"]  # a period's total still reads it
        row.update(start="", end="", date_text="", date_precision="", date_flags=";".join(
            f for f in str(row["date_flags"]).split(";") if f and f != "span_frame"))
    if row["start"]:
        row["date_basis"] = "text"
        return
    # أمس with no publication date nor dateline: the day is the writing's, unknown; a day
    # named above (a title's) is no reference for it, so the row stays undated and says so,
    # unless it names a weekday and the day above falls on it (الخميس (26 أيار 2022))
    unknown = {"relative", "needs_reference"} <= set(flags) and bool(row["date_text"])
    named = _weekdays(row["date_text"]) if unknown else frozenset()

    def news_days(start: int) -> list:
        found = _news_days(_day_times(mentions, start, int(row["claim_start"])), text, reference,
                           mentions)
        return [m for m in found if _on_weekday(m.value, named)] if unknown else found

    said = news_days(_sentence_start(text, int(row["claim_start"])))
    basis = "sentence"
    para = _paragraph_of(int(row["claim_start"]), paragraphs)
    p_start = paragraphs[para][0] if paragraphs else 0
    if not said:
        said = news_days(p_start)
        basis = "paragraph"
    if not said:  # a date said once at the top governs the events below it
        said = news_days(0)
        basis = "dateline" if said and _paragraph_of(said[-1].start, paragraphs) == 0 \
            else "paragraph"
    if said:
        m = said[-1]
        start, _, end = m.value.partition("/")
        row.update(start=start[:10], end=(end or start)[:10], date_text=m.text,
                   date_precision=m.precision, date_basis=basis)
    elif reference is not None and row["modality"] == "asserted" \
            and "analogy" not in row["coding_basis"] and row["event_type"] not in _NON_VIOLENT:
        # an analogy (كما حصل مع الموصل) recalls an event of unknown date: not today's news
        row.update(start=reference.isoformat(), end=reference.isoformat(),
                   date_precision="day", date_basis="published",
                   date_flags=";".join(f for f in (row["date_flags"], "published_date")
                                       if f and f != "undated"))


def _on_weekday(value: str, weekdays: frozenset[str]) -> bool:
    """The day of ``value`` falls on one of ``weekdays`` (as :func:`_weekdays` gives them).

    >>> _on_weekday("2022-05-26", frozenset({"3"})), _on_weekday("2022-05-26", frozenset())
    (True, False)
    """
    day = value.partition("/")[0][:10]
    try:
        return len(day) == 10 and str(date.fromisoformat(day).weekday()) in weekdays
    except ValueError:
        return False


def _date_back(row: dict, length: str) -> None:
    """Date the row ``length`` (بعد يومين, بعد أيام) before the day it holds, read by the time
    grammar as قبل + the length from that day (a few days: up to a week); hours or minutes
    before (بعد ساعات) leave the day; undated when it holds none or no day.

    >>> row = {"start": "2020-06-10", "end": "2020-06-10", "date_text": "اليوم"}
    >>> _date_back(row, "بعد يومين")
    >>> row["start"], row["date_text"]
    ('2020-06-08', 'بعد يومين')
    """
    day = str(row["start"])[:10]
    found = None
    if len(day) == 10 and "X" not in day:
        said = time_rows("\u0642\u0628\u0644 " + length.split(None, 1)[-1],  # قبل + the length
                         reference=date.fromisoformat(day))
        found = next((r for r in said if r["value"] and r["start"] == 0), None)
    if found is not None and found["value"].startswith("PT"):
        pass  # hours before the news: its day
    elif found is None or found["value"].startswith("P"):
        row.update(start="", end="", date_precision="", date_basis="")
    else:
        first, _, last = found["value"].partition("/")
        row.update(start=first[:10], end=(last or first)[:10], date_precision=found["precision"],
                   date_basis="text")
    row["date_text"] = length


def _news_days(times: list, text: str, reference: date | None,
               mentions: Mentions | None = None) -> list:
    """The times that may date the news told after them: not those of a recalled event,
    dated well before publication or told as past (وكان ... قد، في 11 كانون الأول 2013),
    nor a length counted from another happening (قبل أيام من بدء الانتخابات)."""
    out = []
    for m in times:
        if mentions is not None and counted_from_other(m, text, mentions):
            continue
        start = m.value.partition("/")[0][:10]
        if reference is not None and len(start) == 10:
            try:
                if date.fromisoformat(start) < reference - _BACKGROUND_AGE:
                    continue
            except ValueError:
                pass
        # a day told from the publication (اليوم، أمس) is the news' even in a sentence that
        # also recalls the past (قتل 5 اليوم بعبوة كان مسلحون قد زرعوها)
        if "relative" not in str(m.flags).split(";") \
                and recalls_past(text[_sentence_start(text, m.start):_sentence_end(text, m.end)]):
            continue
        out.append(m)
    return out


# Where a sentence ends; a clause ends at a comma or a semicolon too.
_SENTENCE_MARKS = ".!?\u061f\n"
_CLAUSE_MARKS = _SENTENCE_MARKS + ",\u060c;\u061b"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _SENTENCE_MARKS) + 1


def _sentence_end(text: str, pos: int, marks: str = _SENTENCE_MARKS) -> int:
    """The first of ``marks`` at or after ``pos`` (the end of its sentence), else the text's end."""
    ends = [i for i in (text.find(c, pos) for c in marks) if i >= 0]
    return min(ends, default=len(text))


def _phrase_end(row: dict, rows: list[dict]) -> int:
    """Where the row's own phrase ends: at the next event word of its claim, else the
    claim's end (والهجوم هو الأعنف ... بعد الإعلان عن تحرير البلاد نهاية العام الماضي: the
    past is the liberation's, not the attack's)."""
    here = str(row["trigger_start"])
    later = [int(r["trigger_start"]) for r in rows if r["claim_id"] == row["claim_id"]
             and str(r["trigger_start"]) and here and int(r["trigger_start"]) > int(here)]
    return min(later, default=int(row["claim_end"]))


def _is_background(row: dict, text: str, reference: date | None, phrase_end: int) -> bool:
    told = int(row["trigger_end"]) if str(row["trigger_end"]) else phrase_end
    if "statement_date" in str(row["date_flags"]).split(";") \
            and recalls_past(text[int(row["claim_start"]):told]):
        # قال المصدر اليوم إن مسلحين كانوا قد هاجموا القرية: the day is the telling's; the
        # attack recalled has none of its own. The past is told up to the event word: after
        # it (أعلنت الوزارة اليوم مقتل خمسة مسلحين كانوا قد هاجموا ...) it is another's
        row.update(start="", end="", date_text="", date_precision="", date_basis="",
                   date_flags="undated")
        return True
    end = str(row["end"] or row["start"])
    if reference is not None and len(end) >= 10 and "X" not in end:
        try:
            return date.fromisoformat(end[:10]) < reference - _BACKGROUND_AGE
        except ValueError:
            return False
    # a month or a year that ended well before publication (في شهر تشرين الأول written in
    # November, العام 2003) is the past of the news as much as a day is
    span = parse_date_span(end) if reference is not None and "X" not in end else None
    if span is not None and span.last_day < reference - _BACKGROUND_AGE:
        return True
    # a date of its own keeps the pluperfect news (وكان انتحاري قد فجر نفسه اليوم); a phrase
    # of prior time (بعد حادثة الفلوجة في كانون الثاني 2013) still sets it in the past
    dated = row["date_basis"] == "text" and bool(row["date_text"])
    return recalls_past(text[int(row["claim_start"]):phrase_end], pluperfect=not dated)


def _only_dateline(row: dict, mentions: Mentions) -> bool:
    """The row is placed at the dateline's town while the text names other places."""
    places = [m for m in mentions if m.kind == "place"]
    dateline = {m.value for m in places if "dateline" in m.flags}
    return row["location"] in dateline and any(m.value not in dateline for m in places)


def anaphoric(row: dict) -> bool:
    """A definite trigger (الانفجار، الهجوم، والتفجير) tells an attack already told: given
    information in Arabic news is definite, a new attack is indefinite (انفجار سيارة مفخخة).

    >>> anaphoric({"trigger": "واستهدف الانفجار"}), anaphoric({"trigger": "انفجار"})
    (False, False)
    >>> anaphoric({"trigger": "الانفجار"}), anaphoric({"trigger": "والهجوم"})
    (True, True)
    """
    words = str(row["trigger"]).split()
    return len(words) == 1 and any(words[0].startswith(p + "ال") for p in ("", "و", "ف", "ب")) \
        and not _dependent(words[0])


def _told_subject(row: dict, text: str) -> bool:
    """A verb trigger whose subject, right after it, is the definite noun of one blast (واستهدف
    الانفجار مسجد أم القرى، واستهدف التفجير حافلات): the verb tells what the blast already
    told hit, not a new attack (given information in news Arabic is definite, as for
    :func:`_anaphoric`).

    >>> t = "انفجرت سيارة مفخخة في الحي. واستهدف الانفجار مسجدا"
    >>> row = {"trigger": "واستهدف", "trigger_end": t.index("واستهدف") + 7}
    >>> _told_subject(row, t), _told_subject({**row, "trigger": "الانفجار"}, t)
    (True, False)
    """
    trigger = str(row["trigger"]).split()
    if str(row["trigger_end"]) == "" or len(trigger) != 1 \
            or not _attack_nouns().isdisjoint(word_forms(match_key(trigger[0]))):
        return False  # a noun trigger is read by _anaphoric
    words = [t.key for t in tokenize(text[int(row["trigger_end"]):int(row["trigger_end"]) + 30])
             if t.kind == "word"]
    return bool(words) and words[0].startswith(ARTICLE) \
        and words[0][len(ARTICLE):] in _blast_nouns()


@cache
def _attack_nouns() -> frozenset[str]:
    """The lexicon's one-word attack nouns that stand alone (انفجار، تفجير، هجوم), gathered
    once: a noun trigger is read by :func:`_anaphoric`, not as a verb's subject."""
    return frozenset(r["trigger"].rstrip("+") for r in trigger_lexicon().rows
                     if r["pos"] == "noun" and not r["requires"] and " " not in r["trigger"]
                     and r["event_type"] not in _NON_VIOLENT)


# Kinds of one blast: it goes off at one spot, so a definite one told again is the one told.
# A shelling, a raid or a wave of attacks may reach several places (وطال القصف مدرسة في محلية
# أخرى: the guideline's one event per place), so its definite noun as a subject is no sign.
_ONE_BLAST = frozenset({"explosion", "suicide_bombing"})


@cache
def _blast_nouns() -> frozenset[str]:
    """The singular one-word attack nouns of a single blast (انفجار، تفجير), gathered once:
    a plural or a dual (التفجيرات) may be blasts at several spots."""
    return frozenset(r["trigger"].rstrip("+") for r in trigger_lexicon().rows
                     if r["trigger"].rstrip("+") in _attack_nouns() and r["kind"] in _ONE_BLAST
                     and not is_many(r["trigger"].rstrip("+")))


# Dates this coarse make a bare count of the dead a total over the period (ACLED and the
# benchmark's guideline: totals over a month or a region are no event).
_PERIODS = frozenset({"month", "season", "year", "decade"})


def _tally(row: dict) -> bool:
    """A killing told by its count alone (مقتل، قتل: no attack word) over a month or more
    is a period's total, not an attack (وثقت مقتل 36 شخصا في درعا في شهر أيلول).

    >>> _tally({"trigger": "مقتل", "date_precision": "month", "date_basis": "text"})
    True
    >>> _tally({"trigger": "مقتل", "date_precision": "day", "date_basis": "text"})
    False
    """
    precision = row.get("_frame_precision") or row["date_precision"]
    if precision not in _PERIODS or (row["date_basis"] != "text" and not row.get("_frame_precision")):
        return False
    return not _killing_triggers().isdisjoint(word_forms(match_key(str(row["trigger"]))))


@cache
def _killing_triggers() -> frozenset[str]:
    """The lexicon's triggers that count the dead (مقتل، قتل), light verbs left out, gathered
    once: :func:`_tally` reads each row's trigger against them."""
    return frozenset(r["trigger"].rstrip("+") for r in trigger_lexicon().rows
                     if r["counts"] == "fatalities" and r["pos"] != "light")


def _dated_by_default(inc: dict, row: dict) -> bool:
    """The incident's date is a default (its paragraph's, the top's, the publication's, a
    statement's) and the row says its own: the attack just told, dated now (قتل خمسة
    بانفجار في كركوك. وقال مصدر إن الانفجار وقع مساء أمس).

    >>> told = {"date_basis": "text", "date_flags": ""}
    >>> _dated_by_default({"date_basis": "published"}, told), _dated_by_default(told, told)
    (True, False)
    """
    return _default_date(inc) and row["date_basis"] == "text" and not _default_date(row)


def _default_date(row: dict) -> bool:
    """The row's date was not told of the event (in its clause or its sentence): none, a
    default from around it, or the day of a statement that reports it (أفاد مصدر السبت بأن ...)."""
    return row["date_basis"] not in _TOLD or "statement_date" in str(row["date_flags"]).split(";")


def _date_rank(row: dict) -> int:
    """How close to the event its date was said: its own words or its sentence's 3; a
    statement's day, its paragraph's or the top's 2; the publication date 1; none 0. A
    gathered mention's date replaces the incident's only from closer.

    >>> _date_rank({"date_basis": "text", "date_flags": "statement_date"})
    2
    """
    if row["date_basis"] == "text":
        return 2 if "statement_date" in str(row["date_flags"]).split(";") else 3
    return {"sentence": 3, "paragraph": 2, "dateline": 2, "antecedent": 2,
            "published": 1}.get(row["date_basis"], 0)


def _pointed(text: str, trigger_start: int) -> bool:
    """A demonstrative right before the trigger (هذا الاستهداف): the attack just told, even
    when its clause dates something else (اتفاقيات ... في تشرين الأول عام 2019).

    >>> t = "ويأتي هذا الاستهداف في إطار خرق"
    >>> _pointed(t, t.index("الاستهداف")), _pointed(t, t.index("خرق"))
    (True, False)
    """
    words = [t.key for t in tokenize(text[max(0, trigger_start - 12):trigger_start])
             if t.kind == "word"]
    return bool(words) and words[-1] in cue_words("demonstrative")


# How many words before an attack noun a pointing subject may stand (فهذه عملية الاستهداف).
_POINTING_REACH = 3


def _pointing_subject(text: str, trigger_start: int) -> bool:
    """A pronoun, a copula or a demonstrative among the few words before the trigger in its
    sentence (وهو القصف الثاني، فهذه عملية الاستهداف الثانية): the sentence ranks the attack
    told in a series, so the ordinal after the noun marks no further attack.

    >>> t = "وهو القصف الثاني خلال أسبوع. وفي القصف الثاني قتل شخص"
    >>> _pointing_subject(t, t.index("القصف")), _pointing_subject(t, t.rindex("القصف"))
    (True, False)
    """
    start = _sentence_start(text, trigger_start)
    words = [t.key for t in tokenize(text[start:trigger_start]) if t.kind == "word"]
    pointers = cue_words("copula") | cue_words("demonstrative")
    return any(f in pointers for w in words[-_POINTING_REACH:] for f in proclitic_keys(w))


def _dependent(word: str) -> bool:
    """A trigger that needs a head word (النار of إطلاق النار): its article is the phrase's,
    a generic "the fire", not an attack already told."""
    return not _dependent_nouns().isdisjoint(word_forms(match_key(word)))


@cache
def _dependent_nouns() -> frozenset[str]:
    """The lexicon's trigger nouns that need a head word (النار), gathered once: every
    trigger of a text is read against them."""
    return frozenset(row["trigger"].rstrip("+") for row in trigger_lexicon().rows
                     if row["pos"] == "noun" and row["requires"])


def _listed_there(inc: dict, row: dict) -> bool:
    """A further attack (سيارة مفخخة ثانية ... في منطقة المشتل) at a place a lead listed
    (انفجار سيارتين مفخختين بمنطقتي الحبيبية والمشتل) is the lead's attack there."""
    return "shared_across_places" in str(inc["count_flags"]) and bool(row["location"]) \
        and inc["location"] == row["location"] and _same_day(inc, row)


def _same_day(inc: dict, row: dict) -> bool:
    """The two may be told of one day. A date that stands in for one the clause does not
    say (the publication day, the paragraph's or the top's) conflicts with no day said of
    the other's own attack (غارة نفذتها طائرة مساء أمس ... وأسفرت الغارة عن مقتل شخصين:
    one attack, on the evening before); an attack dated back from the news (بعد أيام من
    تفجير) is another day all the same."""
    if day_of_two(row) and day_of_two(inc) != day_of_two(row):
        return False  # انفجاران يومي 13 و15: each day its own attack, and neither the one
        # told before them (انفجار ... وسبقه انفجاران يومي 13 و15)
    a, b = (inc["start"], inc["end"]), (row["start"], row["end"])
    if not {"earlier_by"} & {*str(inc.get("date_flags", "")).split(";"),
                             *str(row.get("date_flags", "")).split(";")}:
        if inc.get("date_basis") in _STAND_IN and row.get("date_basis") not in _STAND_IN:
            a = ("", "")
        elif row.get("date_basis") in _STAND_IN and inc.get("date_basis") not in _STAND_IN:
            b = ("", "")
    if not (a[0] or b[0]) and _weekdays(inc["date_text"]) and _weekdays(row["date_text"]) \
            and not _weekdays(inc["date_text"]) & _weekdays(row["date_text"]):
        return False  # أمس الجمعة and أمس الأول الخميس: two days, though neither is dated
    if _apart_unreferenced(inc, row):
        return False  # اليوم الخميس and في 24 مايو الماضي with no day of writing: two days
    return not (a[0] and b[0]) or (_day(a[0]) <= _day(b[1], last=True) + "~"
                                   and _day(b[0]) <= _day(a[1], last=True) + "~")


# Days of writing a time told against an unknown one is read against: five days of each
# month of one year, so that what holds for all of them holds for the month's whole length.
_PROBE_DAYS = (1, 8, 15, 22, 28)
_PROBE_YEAR = 2001
# A sampled day the time cannot have been written on (its weekday is not the one it names).
_NO_DAY = (date.min, date.min)
# How far apart two such times must lie to be two attacks: a lead and a body written a day
# apart tell one attack as أمس and as اليوم, never as today and a past month.
_APART = timedelta(days=7)


def _probes() -> list[date]:
    """The sampled days of writing, in order."""
    return [date(_PROBE_YEAR, month, day) for month in range(1, 13) for day in _PROBE_DAYS]


@lru_cache(maxsize=4096)
def _probe_span(date_text: str, probe: date) -> tuple[date, date] | None:
    """The days a time names read against one day of writing (None: no day read;
    ``_NO_DAY``: a day it cannot have been written on).

    >>> _probe_span("مساء أمس", date(2001, 1, 8))[0].isoformat()
    '2001-01-07'
    """
    found = [r for r in time_rows(date_text, reference=probe)
             if r["value"] and not str(r["value"]).startswith("P")]
    if found and "weekday_conflict" in str(found[0]["flags"]).split(";"):
        return _NO_DAY  # اليوم الخميس read on a Monday: no day it was written
    span = parse_date_span(found[0]["value"]) if found else None
    return (span.lo, span.hi) if span is not None else None


def _unreferenced(row: dict) -> bool:
    """The row's own clause tells its time against a day of writing the text does not give
    (اليوم الخميس, في 9 من الشهر الماضي, 24 مايو الماضي with no publication date)."""
    return "needs_reference" in str(row.get("date_flags", "")).split(";") \
        and bool(row.get("date_text")) and row.get("date_basis") in ("", "text")


def _apart_unreferenced(inc: dict, row: dict) -> bool:
    """Two times told against the unknown day of writing that name no common day whatever
    that day is, nor within a week: two attacks (قتل 15 شخصا اليوم الخميس ... وقتل في 24
    مايو الماضي). أمس and اليوم may be a lead and a body written a day apart: one attack.

    >>> today = {"date_flags": "relative;needs_reference", "date_text": "اليوم", "date_basis": ""}
    >>> past = {"date_flags": "relative;needs_reference", "date_text": "9 من الشهر الماضي",
    ...         "date_basis": ""}
    >>> _apart_unreferenced(today, past), _apart_unreferenced(today, {**today, "date_text": "أمس"})
    (True, False)
    """
    if not (_unreferenced(inc) and _unreferenced(row)) or not any(
            "relative" in str(r["date_flags"]).split(";") for r in (inc, row)):
        return False  # two calendar days are compared by their values
    seen = False
    for probe in _probes():  # the first day of writing that brings them together ends it
        a, b = _probe_span(str(inc["date_text"]), probe), _probe_span(str(row["date_text"]), probe)
        if _NO_DAY in (a, b):
            continue
        if a is None or b is None or not (a[1] + _APART <= b[0] or b[1] + _APART <= a[0]):
            return False
        seen = True
    return seen


def day_of_two(row: dict) -> str:
    """Which of two days told together the row is on (``day_1_of_2``), or ''."""
    return next((f for f in str(row.get("date_flags", "")).split(";")
                 if f.startswith("day_") and f.endswith("_of_2")), "")


# Date bases that stand in for a date the clause does not say.
_STAND_IN = frozenset({"published", "paragraph", "dateline", "antecedent"})
# Bases of a date told of the event: in its clause, or in an earlier clause of its sentence.
_TOLD = frozenset({"text", "sentence"})


def _weekdays(date_text: str) -> frozenset[str]:
    """The days of the week a date's words name (الخميس → {'3'})."""
    days = weekday_values()
    return frozenset(days[f] for t in tokenize(str(date_text)) if t.kind == "word"
                     for f in word_forms(t.key) if f in days)


def _fits(inc: dict, row: dict) -> bool:
    """The row may be the same attack as the incident: its place and day agree.

    Two spots (two villages, two neighbourhoods, two bases) are two attacks; a row that
    names only frames (ريف حلب) joins an incident whose frames include one of its own."""
    if not _same_day(inc, row):
        return False
    if inc["location"] and row["location"] and inc["location"] != row["location"] \
            and _same_place(inc, row):
        return True  # two entries of one name: one place (قضاء هيت ... هيت)
    if (_listed(row) or _listed(inc)) and row["location"] \
            and inc["location"] and inc["location"] != row["location"]:
        return False  # one of the places a plural head lists (قرى البارة والأسدية): its own attack
    if inc.get("_spot") and row.get("_spot"):
        return _spots_fit(inc, row)
    if row.get("_frames") and inc.get("_frames") and not row["_frames"] & inc["_frames"] \
            and not ((inc.get("_country_wide") or row.get("_country_wide"))
                     and inc["country"] == row["country"]):
        return False
    if not inc["location"] or not row["location"] or inc["location"] == row["location"]:
        return True
    if inc["place_type"] not in _COARSE and row["place_type"] not in _COARSE:
        return False  # two neighbourhoods, two villages: two events
    return not inc["admin1"] or not row["admin1"] or inc["admin1"] == row["admin1"]


def _place_told_again(row: dict, text: str, mentions: Mentions, whole: bool = False) -> bool:
    """The row's clause names its place by a definite head noun alone, with no name after it
    (بعد يوم من اغتيال مسؤول محلي بالمدينة، لذات المديرية، القرية ذاتها): given
    information, the place just told. Looked for after the event word (what an attack dated
    back from the news came after), or with ``whole`` in all its clause (القرية ذاتها شهدت
    مجزرة: a recalled attack).

    >>> from workbench.claims.index import Mentions
    >>> t = "وقع الانفجار بعد يوم من اغتيال مسؤول بالمدينة"
    >>> row = {"trigger_end": t.index("اغتيال") + 6, "claim_end": len(t)}
    >>> _place_told_again(row, t, Mentions([])), _place_told_again(row, t[:-9], Mentions([]))
    (True, False)
    """
    heads = {f"ال{h}" for h, spec in place_heads().items() if spec["number"] == "one"}
    start, end = int(row["claim_start" if whole else "trigger_end"]), int(row["claim_end"])
    places = mentions.between(start, end, "place")
    for t in tokenize(text[start:end]):
        at, stop = t.start + start, t.end + start
        # a head with its name (بالمدينة الصناعية، في المنطقة الخضراء) names a place anew
        named = any(m.start <= at < m.end or 0 <= m.start - stop <= 1 for m in places)
        if t.kind == "word" and set(word_forms(t.key)) & heads and not named:
            return True
    return False


# The columns of a row that tell its place.
_LOCATION_COLUMNS = ("location", "place_type", "admin1", "country", "latitude", "longitude")


def _take_place(row: dict, other: dict) -> None:
    """Give ``row`` the place of ``other``: its location columns, spot and frames."""
    for col in _LOCATION_COLUMNS:
        row[col] = other[col]
    row["places"] = ";".join(p for p in dict.fromkeys((other["location"], *row["places"].split(";"))) if p)
    for key in ("_spot", "_frames", "_spots", "_anchors"):
        if key in other:
            row[key] = other[key]


def _near_place(row: dict, other: dict) -> None:
    """Give a row told with no place, as one more attack near ``other`` (محطة للغاز تقع في
    منطقة قريبة من موقع الهجوم تعرضت أيضا لاعتداء مماثل), the place that holds them both:
    ``other``'s own when it is a town or coarser, else its governorate (ACLED codes an event
    of unknown spot at the smallest unit known to hold it)."""
    if PLACE_RANK.get(str(other["place_type"]), 5) >= PLACE_RANK["city"] or not other["admin1"]:
        _take_place(row, other)
        return
    row.update({"location": other["admin1"], "place_type": "governorate",
                "admin1": other["admin1"], "country": other["country"],
                "latitude": "", "longitude": ""})
    row["places"] = ";".join(p for p in dict.fromkeys((other["admin1"], *row["places"].split(";"))) if p)


def _at_spot_first(hosts: list[dict], row: dict) -> list[dict]:
    """The incidents at the row's own spot before those that only hold it: الحلابسة joins
    the attack told at الحلابسة, not one told at غرب الفلوجة, which holds it."""
    if not row.get("_spot") or not row["location"]:
        return hosts
    return sorted(hosts, key=lambda inc: not _same_place(inc, row))


def _list_head(host: dict, incidents: list[dict]) -> dict:
    """The first of the places a list names with ``host`` (one trigger, one clause): a
    clause that says no place of its own (وأسفر الهجوم عن مقتل 21) tells of the list as the
    lead said it, and the lead's spot is its first place (منطقة الكوم ومحور الطيبة)."""
    return next((inc for inc in incidents if _listed(inc)
                 and inc["claim_id"] == host["claim_id"]
                 and inc["trigger_start"] == host["trigger_start"] and _same_day(inc, host)), host)


def _kin_first(hosts: list[dict], row: dict) -> dict | None:
    """The first of ``hosts``; for a definite anaphor (وأسفر التفجير عن) the first of its
    own kind of attack, if any: the anaphor names the attack it refers to by its kind.

    >>> a, b = {"sub_event_type": "Air/drone strike"}, {"sub_event_type": "Suicide bomb"}
    >>> _kin_first([a, b], {"trigger": "التفجير", "sub_event_type": "Suicide bomb"}) is b
    True
    """
    if hosts and anaphoric(row):
        return next((h for h in hosts if h["sub_event_type"] == row["sub_event_type"]), hosts[0])
    return hosts[0] if hosts else None


def _listed(row: dict) -> bool:
    """The row is one of the places a plural head lists (قرى البارة والأسدية): one attack
    on each (:func:`~.spots.listed_spots`)."""
    return "listed_spot" in str(row["count_flags"]).split(";")


def _spots_fit(inc: dict, row: dict) -> bool:
    """Two spots may be one attack's: the same place, or a city that the other's clause
    names as its frame (الكرادة في بغداد: بغداد frames الكرادة); else two attacks."""
    (a, a_rank, a_key, a_gov), (b, b_rank, b_key, b_gov) = inc["_spot"], row["_spot"]
    if a == b:
        return True
    if (a_rank >= _GOVERNORATE_RANK and a_key == b_gov) or (
            b_rank >= _GOVERNORATE_RANK and b_key == a_gov):
        return True  # في محافظة حماة ... باتجاه مدينة مصياف في ريف حماة: the spot in it
    if (inc.get("_side") and a in row.get("_names", {})) or (
            row.get("_side") and b in inc.get("_names", {})):
        return True  # جنوبي الفلوجة ... ناحية الخالدية (23 كم جنوبي الفلوجة): in that side
    if a_rank == b_rank == 1 and a not in row.get("_as_spot", ()) \
            and b not in inc.get("_as_spot", ()):
        # طوز خورماتو ... وفي تكريت: two towns of one governorate, two attacks; so too
        # مدينة إدلب ... بلدة كفرنبل في ريف إدلب, as the countryside lies outside the city
        return False
    # a side of the town frames a spot in it too (كراج الشحن غرب مدينة إعزاز: إعزاز)
    return (a_rank > 0 and a_key in row["_frames"] | row.get("_anchors", set())) or (
        b_rank > 0 and b_key in inc["_frames"] | inc.get("_anchors", set()))


def _absorb(inc: dict, row: dict) -> None:
    """Gather ``row`` into the incident: the most specific place, the sub-event, the doer."""
    inc["evidence"] += f";{row['claim_start']}:{row['claim_end']}"
    inc["_triggers"] = inc.get("_triggers", []) + row.get("_triggers", [])
    if row["claim_id"] != inc["claim_id"]:
        inc["also_claims"] = ";".join(dict.fromkeys(
            c for c in (*inc["also_claims"].split(";"), row["claim_id"]) if c))
    # a spot narrows the incident: a finer one, or the one spot of a clause after a lead
    # that named several (في طرطوس وجبلة ... ففي مدينة جبلة)
    picks = len(inc.get("_spots", ())) > 1 == len(row.get("_spots", ()))
    # a blast told again as a verb's subject names what it hit, not a place for the incident
    target_only = bool(row.get("_target_only"))
    narrows = bool(row.get("_spot")) and not target_only and (
        not inc.get("_spot") or row["_spot"][1] < inc["_spot"][1] or picks)
    # the lead's other spots, when as specific as the one picked, are the places of its other
    # attacks (طرطوس), not this one's; a finer one (حمورية before غوطة دمشق) may still be it
    others = inc["_spots"] - row["_spots"] if narrows and picks and inc.get("_spot") \
        and row["_spot"][1] <= inc["_spot"][1] else frozenset()
    places = ";".join(dict.fromkeys(p for p in (*inc["places"].split(";"),
                                                 *row["places"].split(";"))
                                    if p and p not in others))
    if row["location"] and not target_only and (narrows or not inc["location"] or PLACE_RANK.get(
            row["place_type"], 5) < PLACE_RANK.get(inc["place_type"], 5)):
        for col in _LOCATION_COLUMNS:
            inc[col] = row[col]
    inc["places"] = places
    for value, names in row.get("_names", {}).items():
        inc.setdefault("_names", {}).setdefault(value, set()).update(names)
    if narrows:  # only the frames said with the spot still hold
        inc["_spot"], inc["_frames"] = row["_spot"], set(row["_frames"])
        inc["_spots"] = row["_spots"]
        inc["_anchors"] = set(row.get("_anchors", ()))
    elif not inc.get("_frames"):
        inc["_frames"] = set(row.get("_frames", ()))
    if (_date_rank(row) > _date_rank(inc) and (_span_days(row) <= _span_days(inc)
                                               or _told_over_published(inc, row))) or (
            _date_rank(row) == _date_rank(inc) and _span_days(row) < _span_days(inc)
            and _within(row, inc)):
        # a closer date, or one as close that narrows it (هذا الأسبوع ... الأربعاء: the day)
        for col in ("start", "end", "date_text", "date_precision", "date_flags", "date_basis"):
            inc[col] = row[col]
    if inc["sub_event_type"] == "Armed clash" and row["sub_event_type"] != "Armed clash":
        for col in ("kind", "event_type", "sub_event_type", "coding_basis"):
            inc[col] = row[col]
    for col in ("actor", "target"):
        if not inc[col] and row[col]:
            inc[col] = row[col]
            inc[f"{col}_type"] = row[f"{col}_type"]
    inc["source"] = inc["source"] or row["source"]


def _told_over_published(inc: dict, row: dict) -> bool:
    """The incident holds only the publication's day, which no word of the text said, and
    another attack word of its own clause tells a period that is not vague: the period is
    the attack's, however wide (شن غارات جوية بالبراميل المتفجرة على مدار الأيام الستة
    الماضية: the six days, not the day the report came out). A vague one (مؤخرا) says no
    more than the day; a later sentence's period is a comparison as often (والهجوم هو
    الثالث خلال الأسبوع الماضي), not the attack's date.

    >>> inc = {"claim_id": "c1", "date_basis": "published", "date_flags": "published_date"}
    >>> told = {"claim_id": "c1", "date_basis": "text", "date_flags": "relative"}
    >>> _told_over_published(inc, told), _told_over_published(inc, {**told, "claim_id": "c2"})
    (True, False)
    >>> _told_over_published(inc, {**told, "date_flags": "vague;relative"})
    False
    """
    return inc["date_basis"] == "published" and row["date_basis"] == "text" \
        and row["claim_id"] == inc["claim_id"] \
        and not {"vague", "statement_date"} & set(str(row["date_flags"]).split(";"))


def _within(row: dict, inc: dict) -> bool:
    """The row's dated days lie inside the incident's (الأربعاء inside هذا الأسبوع)."""
    a, b = _day(row["start"]), _day(row["end"] or row["start"], last=True)
    lo, hi = _day(inc["start"]), _day(inc["end"] or inc["start"], last=True)
    return bool(a and lo) and lo <= a and b <= hi + "~"


def _day(value: object, last: bool = False) -> str:
    """The ISO day a date value starts (or with ``last`` ends) on, as text to compare; an ISO
    week (2020-W11, هذا الأسبوع) is its Monday or its Sunday; other values are cut to the day.

    >>> _day("2020-W11"), _day("2020-W11", last=True), _day("2020-03-11T15:00")
    ('2020-03-09', '2020-03-15', '2020-03-11')
    """
    text = str(value)
    if len(text) >= 8 and text[4:6] == "-W" and text[6:8].isdigit() and text[:4].isdigit():
        try:
            return date.fromisocalendar(int(text[:4]), int(text[6:8]), 7 if last else 1).isoformat()
        except ValueError:
            return text[:10]
    return text[:10]


def _span_days(row: dict) -> float:
    """How many days a row's date spans (a day 0, في الآونة الأخيرة a month); undated rows
    span everything: a date said in the text replaces the paragraph's only if no wider."""
    try:
        start = date.fromisoformat(_day(row["start"]))
        end = date.fromisoformat(_day(row["end"] or row["start"], last=True))
    except ValueError:
        # a month or a year (اغسطس 2003, عامي 2002 و2003) spans its days too, so that the
        # month narrows the years it lies in
        span = parse_date_span(row["start"], row["end"] or None)
        return float((span.hi - span.lo).days - 1) if span is not None else float("inf")
    return float((end - start).days)


def _spans(row: dict) -> list[tuple[int, int]]:
    return [tuple(map(int, s.split(":"))) for s in row["evidence"].split(";") if s]


def give_tolls(events: list[dict], tolls: list[Toll], text: str = "",
               mentions: Mentions | None = None) -> None:
    """Each toll goes to the event whose sentence holds it (the one whose attack word is
    nearest when the sentence tells two), else to the event at the place its own clause
    names (لقي شخص آخر مصرعه في كاني ماسي), else to the main event mentioned last before it
    (the toll sentence goes on telling the attack just mentioned); the lowest stated figure
    is the event's (or the toll brought up to date in its own sentence: ارتفعت الحصيلة إلى
    14), the lowest its ``*_min``, the highest its ``*_max``."""
    given: dict[int, list[Toll]] = {}
    for toll in tolls:
        holders = [n for n, ev in enumerate(events)
                   if any(a <= toll.start < b for a, b in _spans(ev))]
        # two attacks told in one sentence: the toll goes to the attack word nearest to it
        owner = min(holders, key=lambda n: min(
            (abs(t - toll.start) for t in events[n].get("_triggers") or ()), default=0),
            default=None)
        if owner is None and text:
            # the toll clause before the attack's clause in one sentence (قتل المدعو أحمد،
            # جراء استهدافه من قبل مسلحين): the attack told right after it, also when the
            # attack's clause begins inside the toll's words (بعد اغتيال فلان، وقائد الفصيل
            # فلان، فجر الجمعة بقصف على موكبهما: the toll's list runs into it)
            stop = _sentence_end(text, toll.end)
            later = [(min(a for a, _ in _spans(ev)), n) for n, ev in enumerate(events)
                     if toll.start < min(a for a, _ in _spans(ev)) < stop]
            owner = min(later)[1] if later else None
        if owner is None and text and _follows(text, toll.start):
            continue  # يأتي ذلك بعد ساعات من مقتل: another event, no toll of the one before
        if owner is None and text and mentions is not None:
            owner = _toll_place_owner(toll, events, text, mentions)
        if owner is None:
            # the toll sentence goes on telling the attack mentioned last before it, not
            # the one first told last (a lead that names two attacks is told before both)
            before = [(max(a for a, _ in _spans(ev) if a <= toll.start), n)
                      for n, ev in enumerate(events) if ev["role"] == "main"
                      and min(a for a, _ in _spans(ev)) <= toll.start]
            if not before and _sums_report(events):
                continue  # a toll told above the attacks it sums (أربعة قتلى في يوم واحد)
            owner = max(before)[1] if before else next(
                (n for n, ev in enumerate(events) if ev["role"] == "main"), None)
        if owner is not None and len(events) > 1 and mentions is not None \
                and _over_places_of(events[owner], toll, tolls, text, mentions):
            # في منطقتي شيلادزي وكاني ماسي ... استشهاد خمسة: the attacks' toll together, in
            # the source column only (the guideline), unless one row is all it can cover
            events[owner]["toll_source"] = "; ".join(x for x in (
                events[owner].get("toll_source", ""), f"combined toll over places: {toll.text}") if x)
            continue
        if owner is not None:
            given.setdefault(owner, []).append(toll)
    for n, ev in enumerate(events):
        mine = given.get(n, [])
        pair = [e for e in events if e is not ev and day_of_two(e) and day_of_two(ev)
                and e["claim_id"] == ev["claim_id"] and e["trigger_start"] == ev["trigger_start"]]
        if mine and pair:
            # غارات يومي السبت والأحد أسفرت عن مقتل عشرة: the toll is both days' together,
            # no one day's (the guideline: a combined toll, fatalities blank)
            note = f"combined toll of the attacks on two days: {' | '.join(t.text for t in mine)}"
            for e in (ev, *pair):
                e.update(fatalities="", toll_source=note)
            ev["toll_text"] = " | ".join(t.text for t in mine)
            continue
        for kind, col in (("killed", "fatalities"), ("wounded", "injured")):
            figures = [t for t in mine if t.kind == kind and t.value is not None]
            # a part of a toll told before it (من بينها ... مقتل ثلاثة أطفال) is no other figure
            figures = [t for t in figures if not any(is_part(text, w, t) for w in figures)]
            # one victim named (مقتل القيادي، بقتل الجندي) beside a figure of the same deaths
            # is one of those counted, no lower figure of another source
            counted = [t for t in figures if not names_one(t)]
            figures = [t for t in figures if not names_one(t)
                       or not any(c.value > t.value for c in counted)]
            # a lowest reading with no highest (جندي ومدنيين: 3 or more) is no other figure
            # beside a stated one it may be (5)
            figures = [t for t in figures if t.hi is not None or not any(
                c.hi is not None and c.value >= t.value for c in figures)]
            positive = [t for t in figures if t.value > 0] or figures
            if not positive:
                if col == "fatalities" and ev["fatalities"] not in ("unknown", "missing"):
                    ev["fatalities"] = ""
                continue
            # a toll brought up to date (حصيلة الهجوم ارتفعت إلى 14، في حصيلة جديدة) is the
            # attack's toll, the last so told, when told in a sentence of the attack's own;
            # handed on from a sentence of no attack it may update another (a campaign's)
            # toll, and the lowest figure stays. The earlier figures stay its lowest bound.
            latest = [t for t in positive if updates(text, t, tolls)
                      and any(a <= t.start < b for a, b in _spans(ev))]
            ev[col] = _figure(latest[-1].value if latest else min(t.value for t in positive))
            ev[f"{col}_min"] = _figure(min(t.lo for t in positive))
            highest = [t.hi for t in positive]
            ev[f"{col}_max"] = _figure(max(highest)) if None not in highest else ""
        ev["toll_text"] = " | ".join(t.text for t in mine)
        if mine and ev["source"]:
            ev["toll_source"] = "; ".join(x for x in (ev["source"], ev["toll_source"]) if x)
        both = [t for t in mine if t.kind == "both"]
        if both and not ev["fatalities"]:
            ev["toll_source"] = "; ".join(
                x for x in (ev["toll_source"], f"killed and wounded together: {both[0].text}") if x)


# How far after a dual head of places the names it governs may run (منطقتي شيلادزي وكاني ماسي).
_DUAL_LIST_CHARS = 60


def _over_places_of(row: dict, toll: Toll, tolls: list[Toll], text: str, mentions: Mentions) -> bool:
    """Whether ``toll`` is told over the places a dual head names in its sentence and the
    row stands at one of them (هجوم على قريتي العامرية ونهر الإمام: the row at العامرية); a
    toll of another attack told in that sentence (ارتفعت حصيلة هجوم الرشاد إلى 12) stays."""
    end = over_places(text, toll, tolls)
    if end is None or not row["location"]:
        return False
    stop = min(_sentence_end(text, end), end + _DUAL_LIST_CHARS)
    return row["location"] in {m.value for m in mentions.between(end, stop, "place")}


def _toll_place_owner(toll: Toll, events: list[dict], text: str, mentions: Mentions) -> int | None:
    """The one event standing at a place the toll's own clause names after it (كما لقي شخص
    آخر مصرعه في كاني ماسي: the attack at كاني ماسي), or None: a toll is tied to its place
    as an attack word is."""
    # a place after the clause's end (a comma too) is no place of the toll
    said = {m.value for m in mentions.between(toll.end, _sentence_end(text, toll.end, _CLAUSE_MARKS),
                                              "place")}
    owners = [n for n, ev in enumerate(events) if ev["location"] and ev["location"] in said]
    return owners[0] if len(owners) == 1 else None


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _sums_report(events: list[dict]) -> bool:
    """Whether the report tells main attacks at two or more places: a toll told above all of
    them, in no sentence of an attack (أربعة قتلى في السويداء في يوم واحد، ثم قتل شاب في
    المزرعة ... وقتل اثنان في قنوات), sums them and is no one attack's toll (the guideline:
    a combined toll stays out of the fatalities columns)."""
    return len({ev["location"] for ev in events if ev["role"] == "main" and ev["location"]}) > 1
