"""Events: what happened, by whom, to whom, where, when and how many — coded like ACLED.

Events come from claims that report them (``types`` includes ``event``; negated claims
report that nothing happened and give none). Each event trigger in a claim
(``workbench/data/event_triggers.csv``: هجوم، انسحب، اجتياح، إعلان الانتصار، حوار ...)
becomes an event when something ties it to the world: it is a finite verb, a support
verb tells it (شن هجوما، هجومًا نفذه، انفجرت عبوة), a time, place or count sits in its
phrase, or a reporting verb (رصدت) presents it. The doer is the subject of the verb (or
the antecedent of الذي/التي before it), the genitive of a nominal trigger (اجتياح داعش),
or the agent after بيد / من قبل; the target follows ضد / على / استهدف. A killing told
with the attack it happened in is that attack's death toll. An analogy clause (كما حصل
مع الموصل) repeats the event of the clause it points back to, in its own place and time.

Coding follows ACLED's taxonomy (``workbench/data/acled_taxonomy.csv``): the trigger's
event type and sub-event type, adjusted when the target is civilian (Violence against
civilians – Attack) or the doer is a state force taking territory (Government regains
territory); ``coding_basis`` says which rule applied. When a claim lists several
governorates the event is split into one row per governorate (as ACLED does), and the
shared count is flagged. A date whose year was lost stays ``XXXX-MM``; the reference
chronology may propose a year in ``proposed_year`` with its basis.

>>> from workbench.claims.claims import find_claims
>>> from workbench.claims.index import empty_mentions
>>> claims = find_claims("انسحبت القوات الأمريكية من قاعدة التاجي.", mentions=empty_mentions())
>>> find_events(claims, empty_mentions())[["kind", "event_type", "sub_event_type"]].values.tolist()
[['withdrawal', 'Strategic developments', 'Non-violent transfer of territory']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import metadata, util
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import cached
from ..collector import collector_paused
from ..find.local_names import place_prepositions
from ..find.places import governorate_names
from ..resources import read_rows
from ..text.arabic import match_key
from ..text.clitics import BEH, CONJUNCTION_CLASS, CONJUNCTIONS, LAM, PREPOSITIONS
from .chronology import propose_year, year_is_unknown
from .claims import clause_triggers
from .clauses import (
    Cue,
    TextUnits,
    cue_words,
)
from .frames import frame_of_rows, frame_with_lead, record_type, records
from .index import FROM_WORDS, Mention, Mentions, add_flags, counted_from_other, is_span_frame
from .resolve import (
    PLACE_RANK,
    RESOLVED_COLUMNS,
    anaphoric,
    day_of_two,
    is_another,
    is_many,
    resolve_events,
)
from .roles import (
    agent,
    doer,
    light_verb,
    parties_between,
    phrase_target,
    target,
    trigger_row,
    undergo_verb,
)
from .spots import (
    CITY_KINDS,
    anchor_of,
    bounds_between,
    coordinated,
    is_frame,
    is_locator,
    listed_spots,
    locates_before,
    off_scene,
    spot_rank,
    stands_for_governorate,
    teller_seat,
)
from .tolls import find_tolls

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

TAXONOMY_FILE = "claims/acled_taxonomy.csv"

EVENT_COLUMNS = [
    "event_id", "claim_id", "kind", "event_type", "sub_event_type", "actor", "actor_type",
    "target", "target_type", "target_text", "places", "location", "place_type", "admin1", "country",
    "latitude", "longitude", "start", "end", "date_text", "date_precision", "date_flags",
    "time_of_day", "proposed_year", "proposed_basis", "count_text", "count_value", "count_min", "count_max",
    "count_unit", "count_flags", "fatalities", "modality", "source", "trigger",
    "trigger_start", "trigger_end", "claim_start", "claim_end", "coding_basis", "also_claims",
    *RESOLVED_COLUMNS,
]

ACLED_COLUMNS = [
    "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1",
    "actor2", "inter2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
    # the resolved event's own columns, after ACLED's: wounded are no ACLED column, and the
    # role, date basis and evidence spans let a reader check a row against its article
    "injured", "role", "date_basis", "toll_source", "evidence",
]

_PLACE_RANK = {"village": 0, "town": 0, "city": 1, "capital": 1, "base": 1, "district": 2,
               "border": 3, "governorate": 4, "region": 5, "country": 6}
# The day that stands for a third of a month (the qualifiers of workbench.find.times).
_QUALIFIER_DAY = {"early": "05", "mid": "15", "late": "25"}
_STATE_TYPES = frozenset({"State forces", "Government", "Military", "Police"})
_NON_VIOLENT = frozenset({"Strategic developments", "Protests"})


# --- reference tables ------------------------------------------------------------------

def acled_taxonomy() -> pd.DataFrame:
    """ACLED's event types, actor ("inter") codes and precision codes (a copy)."""
    return read_rows(TAXONOMY_FILE).frame()


@cache
def _inter_codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in (r for r in read_rows(TAXONOMY_FILE) if r.table == "inter"):
        for alias in [row.label, *row.aliases.split(";")]:
            if alias:
                out[alias.strip().lower()] = row.code
    return out


def inter_code(actor_type: str) -> str:
    """ACLED's inter code for an actor type label; ``''`` when unknown.

    >>> inter_code("Rebel group"), inter_code("External/Other forces"), inter_code("")
    ('2', '8', '')
    """
    return _inter_codes().get(actor_type.strip().lower(), "") if actor_type else ""


def admin1_name(code: str) -> str:
    """Governorate name for an ISO 3166-2 code (``IQ-AN`` → ``Anbar``); the code if unknown.

    The names are the gazetteer's (:func:`workbench.find.places.governorate_names`), the
    ones the place finder matched.
    """
    if not code:
        return ""
    names = governorate_names().get(code)
    return names[1] if names else code


@cache
def country_name(code: str) -> str:
    """English country name for an ISO 3166-1 alpha-2 code, from CLDR (babel)."""
    if not code:
        return ""
    return _territories().get(code.upper(), code)


@cache
def _territories() -> dict[str, str]:
    """babel's English territory names (``Locale('en').territories``), kept in the disk
    cache keyed by babel's version and locale files: unpickling babel's locale data costs
    more than everything else the events stage does for the first document."""

    def build() -> dict[str, str]:
        from babel import Locale

        return {str(k): str(v) for k, v in Locale("en").territories.items()}

    spec = util.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return build()
    folder = Path(next(iter(spec.submodule_search_locations))) / "locale-data"
    files = [f for f in (folder / "root.dat", folder / "en.dat") if f.exists()]
    return cached("cldr-territories-en", ["1", metadata.version("babel"), *files], build)


# --- finding events --------------------------------------------------------------------

@dataclass
class _Found:
    """One event before it becomes rows: what the trigger and its phrase say."""

    kind: str
    event_type: str
    sub_event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    actor: Mention | None = None
    target: str = ""
    target_type: str = ""
    target_text: str = ""
    places: list[Mention] = field(default_factory=list)
    time: Mention | None = None
    quantities: list[Mention] = field(default_factory=list)
    text: str = ""
    borrowed_from: str = ""
    fatalities: str = ""
    counts: str = ""
    places_before: bool = False  # the places were said before the trigger, not after it
    statement_time: bool = False  # the time dates the telling (أفاد مصدر السبت بأن ...)
    earlier_by: bool = False  # the time is a length before the news (بعد يومين من هجوم)


@collector_paused()  # many short-lived objects and no cycles, as in analyze
def find_events(claims: pd.DataFrame, mentions: pd.DataFrame | Mentions | None, *,
                reference: date | datetime | None = None,
                doc_id: str | None = None, text: str | None = None) -> pd.DataFrame:
    """Events reported by ``claims`` (from :func:`workbench.find_claims`), one row each.

    ``mentions`` is the frame the claims were built from (offsets into the same text),
    or its :class:`~workbench.claims.index.Mentions` index.
    ``reference`` (the publication date; by default the one ``find_claims`` was given)
    lets the chronology propose years only on the right side of it. ``start``/``end``
    are ISO dates of the event (``XXXX-12`` when the year was lost);
    ``claim_start``/``claim_end`` are offsets of the claim. ``doc_id``, when given, is
    put first in a column of its own, as in the tables of a corpus. ``text`` (the document
    the claims came from; by default rebuilt from the claims) lets the tolls of sentences
    that are no claims reach their event (:func:`~.resolve.resolve_events`).
    """
    found_in = mentions if isinstance(mentions, Mentions) else Mentions.of(mentions)
    if reference is None and claims.attrs.get("reference"):
        reference = date.fromisoformat(claims.attrs["reference"])
    rows = event_rows(_claim_records(claims), found_in, reference=reference, text=text)
    return events_frame(rows, doc_id=doc_id)


def event_rows(claims: Sequence, mentions: Mentions, *, reference: date | datetime | None = None,
               text: str | None = None, units: TextUnits | None = None) -> list[dict]:
    """The rows of :func:`find_events` as dicts, from claim records (:func:`claim_records`).

    ``units`` (the ``TextUnits`` of the text the claims came from) gives each claim its
    tokens without tokenising it again.
    """
    if isinstance(reference, datetime):
        reference = reference.date()
    rows = _events_of(claims, mentions, reference=reference, units=units)
    country_default = _document_country(mentions)
    return resolve_events(rows, text if text is not None else _text_of(claims), mentions,
                          reference, where=lambda place: _where(place, country_default))


def events_frame(rows: list[dict], *, doc_id: str | None = None) -> pd.DataFrame:
    """The frame of :func:`find_events` from its rows (``doc_id`` first when given)."""
    if doc_id is None:
        return frame_of_rows(rows, EVENT_COLUMNS)
    return frame_with_lead(rows, EVENT_COLUMNS, {"doc_id": doc_id})


def _events_of(claims: Sequence, mentions: Mentions, *,
               reference: date | datetime | None = None,
               units: TextUnits | None = None) -> list[dict]:
    """The rows of :func:`find_events` as dicts, from claim records (``_CLAIM_FIELDS``)."""
    if isinstance(reference, datetime):
        reference = reference.date()
    country_default = _document_country(mentions)
    by_id = {row.claim_id: row for row in claims}
    rows: list[dict] = []
    for n, claim in enumerate(claims):
        types = str(claim.types).split(";")
        if "event" not in types or claim.modality == "negated":
            continue
        found = _claim_events(claim, by_id, mentions, reference, country_default,
                              _units_of(claim, units))
        for row in found:
            # told as one more attack with a toll of its own (استهدف مجهولون أيضاً سيارة ...
            # أسفرت عن مقتل خمسة; تعرضت أيضا لاعتداء مماثل أسفر عن مصرع 4): with no place and
            # no date it shares the key of any other such row, and is no repeat of it (the
            # guideline: attacks of one site and day are one unless told with their own tolls)
            row["_one_more"] = _one_more(claim, row) and _toll_told(claim, row)
        head = claims[n - 1] if n else None
        if head is not None and str(claim.clause_break) == "comma" \
                and "event" not in str(head.types).split(";"):
            # the clause before, in the same sentence, told no event of its own: its places
            # are the scene of this one (وداهمت خياماً قرب قرية مسيكة، واختطفت طفلين)
            _place_from_tail(found, _scene_places(head, mentions, _units_of(head, units)),
                             country_default)
        tail = claims[n + 1] if n + 1 < len(claims) else None
        if tail is not None and str(tail.clause_break) == "comma" \
                and "event" not in str(tail.types).split(";"):
            _place_from_tail(found, _scene_places(tail, mentions, _units_of(tail, units)),
                             country_default)
            _time_from_tail(found, mentions.between(int(tail.start), int(tail.end), "time"))
            found = _list_from_tail(found, tail, mentions, country_default)
        rows.extend(found)
    return _merge_repeats(rows)


def _one_more(claim, row: dict) -> bool:
    """True when the clause tells its attack as one more than those told before: a word of
    otherness or an additive adverb right after the attack word (لاعتداء مماثل، استهدف
    مجهولون أيضاً). An opening connective alone (كما، فيما) is no such word: it as often adds
    a toll or a target to the attack told (incident_cues.csv, kind besides)."""
    text, at = str(claim.text), int(claim.start)
    # a definite attack word (كما أسفر الهجوم عن) tells the attack already told
    if str(row["trigger_start"]) == "" or anaphoric(row):
        return False
    end = int(row["trigger_end"]) - at
    return is_another(text, end) or is_another(text, end, "also")


def _toll_told(claim, row: dict) -> bool:
    """True when the clause gives a toll of its own as a figure after the attack word
    (لاعتداء مماثل أسفر عن مصرع 4 من العمال), the attack word being no word of a toll: a
    toll told with كما or آخرين (كما قتل 3 آخرون) adds to the attack told (incident_cues)."""
    at, end = int(row["trigger_start"]) - int(claim.start), int(row["trigger_end"]) - int(claim.start)
    tolls = find_tolls(str(claim.text))
    return not any(t.start <= at < t.end for t in tolls) \
        and any(t.start >= end and (t.value or t.lo or 0) > 0 for t in tolls)


def _scene_places(claim, mentions: Mentions, doc: TextUnits | None = None) -> list[Mention]:
    """The places of a clause that may be a scene: none the wounded were taken to or the
    news came from (:func:`~.spots.off_scene`: وتم نقل المصابين إلى مستشفى العريش), none
    after a motive, aim or reason (وجاء كرد فعل على الحملة التي تستهدف الموصل)."""
    start, end = int(claim.start), int(claim.end)
    cut = min([c.start for c in doc.cues if (c.role, c.value) in _PHRASE_ENDS], default=end) \
        if doc is not None else end
    keep = {(m.start + start, m.end + start) for m in mentions.shifted(start, end)
            if m.kind == "place" and m.start < cut and not off_scene(m, str(claim.text))}
    return [m for m in mentions.between(start, end, "place") if (m.start, m.end) in keep]


def _place_from_tail(rows: list[dict], places: list[Mention], country_default: str) -> None:
    """Rows with no place take the places of the verbless segment after a comma that ends
    their sentence (اعتقلت ... كلا من الخزعلي، ورئيس منظمة بدر، في منطقة الجادرية), or of
    the clause before theirs in the sentence that told no event."""
    if not places:
        return
    for row in rows:
        if not row["places"]:
            row.update(_where(_most_specific(places), country_default))
            row["places"] = _place_values(places)


def _list_from_tail(rows: list[dict], tail, mentions: Mentions,
                    country_default: str) -> list[dict]:
    """A verbless segment after the comma that lists spots under a plural head goes on with
    the targets of a plural or dual attack noun told before it (6 تفجيرات استهدفت نقطة
    تفتيش، ومناطق البلديات والكرادة): one more event at each spot (ACLED: one event per
    place), all sharing the clause's toll."""
    local = mentions.shifted(int(tail.start), int(tail.end))
    spots = listed_spots([m for m in local if m.kind == "place"], str(tail.text))
    if not spots:
        return rows
    out = []
    for row in rows:
        out.append(row)
        if not is_many(str(row["trigger"])):
            continue
        flags = add_flags(row["count_flags"], "shared_across_places")
        # the place the clause itself names is one of the set: its toll is the set's too
        row["count_flags"] = flags
        for place in spots:
            if place.value == row["location"]:
                continue
            out.append({**row, **_where(place, country_default),
                        "places": ";".join(dict.fromkeys([place.value, *row["places"].split(";")])),
                        "count_flags": f"{flags};listed_spot",
                        "_also_spans": [(int(tail.start), int(tail.end))]})
    return out


def _time_from_tail(rows: list[dict], times: list[Mention]) -> None:
    """Rows with no date take the date of the verbless segment after a comma that ends
    their sentence (انفجرت عبوة ناسفة في الموصل، وذلك مساء أمس)."""
    said = [m for m in times if not is_span_frame(m)]
    if not said:
        return
    start, end, date_text, precision, date_flags = _dates(said[0])
    for row in rows:
        if not row["start"] and not row["date_text"]:
            row.update(start=start, end=end, date_text=date_text, date_precision=precision,
                       date_flags=date_flags, time_of_day=said[0].time_of_day)


def _text_of(claims: Sequence) -> str:
    """The document as far as its claims cover it (blanks between them), offsets kept."""
    end = max((int(c.end) for c in claims), default=0)
    chars = [" "] * end
    for c in claims:
        chars[int(c.start):int(c.start) + len(c.text)] = c.text
    return "".join(chars)[:end]


# The columns of a claims table that events are made from.
_CLAIM_FIELDS = ("claim_id", "start", "end", "text", "types", "modality", "clause_break",
                 "refers_to", "source")


def claim_records(rows: Sequence[dict]) -> list:
    """Claim rows as dicts (:func:`~.claims.claim_rows`) as the records events read."""
    make = record_type(_CLAIM_FIELDS)._make
    return [make([r[c] for c in _CLAIM_FIELDS]) for r in rows]


def _claim_records(claims: pd.DataFrame) -> list:
    """The claims as records of the columns events read (every column if some are missing)."""
    if not set(_CLAIM_FIELDS) <= set(claims.columns):
        return records(claims)
    make = record_type(_CLAIM_FIELDS)._make
    return list(map(make, zip(*(claims[c].tolist() for c in _CLAIM_FIELDS), strict=True)))


def _units_of(claim, units: TextUnits | None) -> TextUnits:
    """The tokens and cues of a claim's text: read from the document's ``units`` when the
    claim is cut from its text, else found in the claim's text alone."""
    start, end = int(claim.start), int(claim.end)
    if units is not None and units.text[start:end] == claim.text:
        return units.within(start, end)
    return TextUnits(claim.text, segment=False)


def _claim_events(claim, by_id: dict, mentions: Mentions, reference: date | None,
                  country_default: str, doc: TextUnits) -> list[dict]:
    local = mentions.shifted(claim.start, claim.end)
    triggers = clause_triggers(doc, 0, len(doc.tokens))
    if not triggers:
        if claim.clause_break != "analogy" or claim.refers_to not in by_id:
            return []
        found = _borrow(by_id[claim.refers_to], mentions)
        if found is None or not any(m.kind in ("place", "time") for m in local):
            return []
        found.places = [m for m in local if m.kind == "place"]
        found.time = next((m for m in local if m.kind == "time"), None)
        found.quantities = [m for m in local if m.kind == "quantity"]
        return _event_rows(claim, found, local, reference, country_default)
    founds = []
    for n, trig in enumerate(triggers):
        nxt = triggers[n + 1].i if n + 1 < len(triggers) else len(doc.tokens)
        prev = triggers[n - 1].j if n else 0
        found = _trigger_event(claim, doc, trig, prev, nxt, local, mentions)
        if found is not None:
            founds.append(found)
    for k, found in enumerate(founds):
        # بعد يومين من هجوم مماثل: the attack two days before the news told before it
        earlier = _told_earlier_by(claim.text, local, found.trigger_start - claim.start,
                                   founds[k - 1].trigger_end - claim.start if k else 0)
        if earlier is not None:
            found.time, found.earlier_by = earlier, True
    out = []
    for found in _merge_tolls(_merge_bombers(founds, claim.text, claim.start)):
        out.extend(_event_rows(claim, found, local, reference, country_default))
    return out


def _merge_bombers(founds: list[_Found], text: str, offset: int) -> list[_Found]:
    """A device and the bomber told with it at most a word apart (سيارة ملغومة يقودها انتحاري،
    انتحاري يقود سيارة مفخخة) are one suicide bombing, not an explosion and a second attack."""
    out: list[_Found] = []
    for f in founds:
        prev = out[-1] if out else None
        pair = {prev.kind, f.kind} if prev is not None else set()
        if prev is not None and pair == {"explosion", "suicide_bombing"} \
                and len(text[prev.trigger_end - offset:f.trigger_start - offset].split()) <= 1:
            bomber = prev if prev.kind == "suicide_bombing" else f
            prev.kind, prev.event_type, prev.sub_event_type = (
                bomber.kind, bomber.event_type, bomber.sub_event_type)
            prev.places = prev.places + [p for p in f.places if p not in prev.places]
            prev.quantities = prev.quantities or f.quantities
            prev.time = prev.time or f.time
            prev.actor = prev.actor or f.actor
            continue
        out.append(f)
    return out


def _merge_tolls(founds: list[_Found]) -> list[_Found]:
    """A killing told with the attack it happened in (قُتل ثلاثة جنود في هجوم ...) is that
    attack's death toll and victims, not a second event."""
    violent = [f for f in founds if f.counts != "fatalities" and f.event_type not in _NON_VIOLENT]
    if not violent:
        return founds
    out = []
    for f in founds:
        if f.counts == "fatalities" and f.kind in ("attack", "assassination"):
            # the attack told nearest before the killing is the one it happened in (بهجمات
            # ... بعد حادثة الفلوجة ... التي قتل فيها 11)
            host = ([v for v in violent if v.trigger_start < f.trigger_start] or violent)[-1] \
                if len(violent) > 1 else violent[0]
            host.fatalities = host.fatalities or f.fatalities or "unknown"
            if not host.target:
                host.target, host.target_type, host.target_text = (
                    f.target, f.target_type, f.target_text)
            if f.places and (not host.places or (host.places_before and not f.places_before)):
                # غارات ... أدت لمقتل 200 في حيي الكلاسة وبستان القصر: the places of the
                # killing are the attack's, not a country named before the attack word
                host.places, host.places_before = f.places, f.places_before
            host.time = host.time or f.time
            continue
        out.append(f)
    return out


# Cues that end the phrase of an attack told before them: its motive (ردا على، كرد فعل على),
# its aim (لشن، بهدف) and its reason (بسبب، بحجة) tell of other happenings.
_PHRASE_ENDS = frozenset({("irrealis", "motive"), ("irrealis", "purpose"), ("causal", "reason")})


def _trigger_event(claim, doc: TextUnits, trig: Cue, prev: int, nxt: int, local: Mentions,
                   mentions: Mentions) -> _Found | None:
    """Doer, target, places, time and count of one trigger, or None if it is not anchored."""
    toks = doc.tokens
    row = trigger_row(trig)
    wstart = min([trig.start] + [m.start for m in local if m.kind == "quantity"
                                 and m.start <= trig.start and m.end >= trig.end])
    wend = toks[nxt].start if nxt < len(toks) else len(claim.text)
    # the motive after the attack (ردا على الهجمات على قطاع غزة) or its aim (مخابئ تستخدمها
    # الخلايا لشن هجمات في البادية) is no part of its phrase: its places and dates are those
    # of what it answers or aims at
    wend = min([wend] + [c.start for c in doc.cues if (c.role, c.value) in _PHRASE_ENDS
                         and trig.j <= c.i < nxt])
    window = local.between(wstart, wend)
    evidential = any(c.role == "attribution_verb" and c.value in ("evidential", "neutral")
                     and 0 <= trig.i - c.j <= 3 for c in doc.cues)
    light_before = light_verb(doc, max(prev, trig.i - 4), trig.i)
    light_after = light_verb(doc, trig.j, min(trig.j + 2, nxt))
    anchored = (row["pos"] == "verb" or evidential or light_before is not None
                or light_after is not None or undergo_verb(doc, prev, trig.i) is not None
                or any(m.kind in ("time", "place", "quantity") for m in window)
                or _cause_of_harm(doc, trig, local, toks[prev].start if prev else 0,
                                  len(claim.text)))
    if not anchored or (light_before is None and light_after is None and not evidential
                        and _standing_state(doc, trig, row)):
        return None
    found = _Found(row["kind"], row["event_type"], row["sub_event_type"],
                   doc.text[trig.start:trig.end], claim.start + trig.start,
                   claim.start + trig.end, text=claim.text)
    found.counts = row["counts"]
    if row["after"] == "target":  # قُتل ثلاثة جنود: the victims follow, a doer only after بيد
        found.actor = agent(doc, trig.j, nxt, local)
        found.target, found.target_type, found.target_text = phrase_target(
            doc, trig.j, nxt, local, found.actor)
    else:
        found.actor = doer(claim, doc, trig, nxt, local, mentions, light_before, light_after)
        if row["event_type"] not in _NON_VIOLENT:
            found.target, found.target_type, found.target_text = target(
                doc, trig, nxt, local, found.actor, row["kind"])
    used = {(found.actor.start, found.actor.end)} if found.actor is not None else set()
    if found.kind in ("talks", "agreement"):
        parties = parties_between(doc, trig, nxt, local)
        if parties and found.actor is None:
            found.actor, parties = parties[0], parties[1:]
        if parties and not found.target:
            found.target = ";".join(p.value for p in parties)
            found.target_type = ";".join(p.actor_type for p in parties)
            found.target_text = ";".join(p.text for p in parties)
        used |= {(p.start, p.end) for p in parties}
        if found.actor is not None:
            used.add((found.actor.start, found.actor.end))
    found.places = [m for m in window if m.kind == "place" and (m.start, m.end) not in used
                    and not _country_as_party(m, claim.text)]
    if not found.places:  # a place set before the trigger (وفي كركوك، انفجرت عبوة ...)
        found.places = [m for m in local.before(trig.start, kind="place")
                        if (m.start, m.end) not in used and not _country_as_party(m, claim.text)]
        found.places_before = True
    times = [m for m in window if m.kind == "time"]
    if all(map(is_span_frame, times)):  # a time set before the trigger in the clause
        # (خلال شهر أبريل سُجل ...)
        times += local.before(trig.start, kind="time")[::-1]
    # قبل أيام من بدء الانتخابات counts from another happening: no date of this event
    times = [m for m in times if not counted_from_other(m, claim.text, local)]
    # a duration (خلال أسبوع واحد) says how long, and a period open at one end (منذ منتصف
    # مايو) since when: a date said with them comes first
    times = sorted(times, key=is_span_frame)
    found.time = times[0] if times else None
    found.statement_time = found.time is not None and found.time.end <= trig.start \
        and (_reported_after(claim.text[found.time.end:trig.start])
             or _announced_at(claim.text, doc, found.time, prev))
    found.quantities = [m for m in window if m.kind == "quantity"]
    if found.counts == "fatalities":  # the count right after قتل / مقتل is the death toll
        toll = [m for m in found.quantities if m.start <= _token_end(toks, trig.j + 1)]
        found.fatalities = (toll[0].value or "missing") if toll else "unknown"
    return found


def _cause_of_harm(doc: TextUnits, trig: Cue, local: Mentions, lo: int, hi: int) -> bool:
    """Whether a word of cause (:func:`_caused_by`) governs the nominal trigger after a toll
    told since ``lo`` (a death or a wound, :func:`~.tolls.find_tolls`): the trigger is what
    caused it, at the place the toll was told at (أصيب ثلاثة مدنيين في مدينة سراقب جراء قصف
    مدفعي). Only when nothing placed, dated or counted follows the trigger up to ``hi``: a
    place after it (جراء التفجير بسيارة مفخخة في ساحة الحمام) anchors it already. Why: news
    tells the harm first and the attack after it, and the attack word alone was unanchored."""
    if not _caused_by(doc, trig):
        return False
    after = local.between(trig.end, hi)
    return not any(m.kind in ("place", "time", "quantity") for m in after) \
        and bool(find_tolls(doc.text[lo:trig.start]))


def _caused_by(doc: TextUnits, trig: Cue) -> bool:
    """Whether a word of cause governs the trigger: a causal cue of claim_cues.csv right
    before it (جراء قصف; not بسبب, a reason that tells of another happening), or ب written
    onto it (بقصف) or onto the verbal noun its row requires before it (بإطلاق نار، جراء
    إطلاق نار): after a harm, ب tells what it was done with."""
    def caused(i: int) -> bool:
        key = doc.tokens[i].key.lstrip(CONJUNCTION_CLASS)
        return any(c.role == "causal" and c.value != "reason" and c.j == i for c in doc.cues) \
            or (i == trig.i and key.startswith(BEH) and len(key) > 1 and not trigger_row(
                trig)["trigger"].startswith(BEH))

    if caused(trig.i):
        return True
    if trig.i == 0:
        return False
    before = doc.tokens[trig.i - 1].key.lstrip(CONJUNCTION_CLASS)
    required = set(str(trigger_row(trig)["requires"]).split("|"))
    bare = before[1:] if before.startswith(BEH) else before
    return bare in required and (before.startswith(BEH) or caused(trig.i - 1))


# words from the length of بعد + a length + من to the event word it names (بعد أيام من إعلان
# المرصد السوري عن اشتباكات)
_EARLIER_REACH = 6


def _told_earlier_by(text: str, local: Mentions, trigger: int, after: int) -> Mention | None:
    """The length of بعد + a length + من/على right before an event word (يأتي ذلك بعد يومين من
    هجوم مماثل في تكريت): the event happened that long before the news told first, which
    :func:`~.resolve.resolve_events` dates; ``trigger`` is where the event word begins,
    ``after`` where the one before it ends.

    >>> t = "وذلك بعد يومين من هجوم مماثل"
    >>> m = Mention(5, 14, "بعد يومين", "time", "P2D", relation="duration")
    >>> _told_earlier_by(t, Mentions([m]), t.index("هجوم"), 0).text
    'بعد يومين'
    """
    for m in reversed(local.between(after, trigger, "time")):
        words = text[m.end:trigger].split()
        if str(m.value).startswith("P") and match_key(m.text.split()[0]) in _AFTER \
                and words and match_key(words[0]) in FROM_WORDS and len(words) <= _EARLIER_REACH:
            return m
    return None


_AFTER = frozenset({"\u0628\u0639\u062f", "\u0648\u0628\u0639\u062f"})  # بعد, وبعد


# Proclitic prepositions (after و or ف) that make a noun of control or agreement the frame
# of its clause: الخاضعة لسيطرة القوات، لانسحاب بعض القوات، بموجب اتفاق.
_FUSED_PREPOSITIONS = (LAM, BEH, LAM + LAM)


def _standing_state(doc: TextUnits, trig: Cue, row: dict) -> bool:
    """True when a non-violent or territorial noun is governed by a preposition fused to it
    or by a word of ``state_frame`` (بموجب، تحت) before it: the clause is set in a
    standing state (who holds a town, an agreement in force), it does not report the
    taking or the signing (المدينة الخاضعة لسيطرة القوات التركية).

    >>> from workbench.claims.claims import clause_triggers
    >>> def state(text: str) -> bool:
    ...     doc = TextUnits(text, segment=False)
    ...     trig = clause_triggers(doc, 0, len(doc.tokens))[0]
    ...     return _standing_state(doc, trig, trigger_row(trig))
    >>> state("استغل التنظيم انشغال الأمن إضافة لانسحاب بعض القوات من العراق")
    True
    >>> state("يعيش السكان بموجب اتفاق التسوية في العام 2018"), state("انسحاب القوات من العراق")
    (True, False)
    >>> state("تقع إدلب في اتفاق مناطق خفض التصعيد"), state("أعلنت الحكومة وقف إطلاق النار")
    (True, False)
    """
    if row["pos"] != "noun" or (row["event_type"] not in _NON_VIOLENT
                                and "territory" not in row["kind"]):
        return False
    before = doc.tokens[trig.i - 1].key if trig.i else ""
    if before and before in cue_words("state_frame"):
        return True
    bare = {before, before[1:]} if before[:1] in CONJUNCTIONS else {before}
    if row["sub_event_type"] == "Agreement" and bare & cue_words("preposition"):
        return True  # في اتفاق مناطق خفض التصعيد، إلى وقف لإطلاق النار: the terms, not the signing
    key, form = doc.tokens[trig.i].key, str(row["trigger"]).split()[0].rstrip("+")
    at = key.find(form)
    return at > 0 and key[:at].lstrip(CONJUNCTION_CLASS) in _FUSED_PREPOSITIONS


def _country_as_party(place: Mention, text: str) -> bool:
    """True when a country is named with no preposition governing it: it is a party, the
    state that acts or owns (قامت خلالها إسرائيل باستهداف، قنصلية إيران), not where the
    event happened (غارات على سوريا، في العراق).

    >>> t = "قامت إسرائيل باستهداف الأراضي السورية"
    >>> _country_as_party(Mention(5, 12, "إسرائيل", "place", "Israel", place_type="country"), t)
    True
    >>> t = "غارات على سوريا"
    >>> _country_as_party(Mention(10, 15, "سوريا", "place", "Syria", place_type="country"), t)
    False
    """
    if place.place_type != "country" or "direction" in place.flags.split(";"):
        return False
    # a proclitic preposition governs the name fused to it (بسوريا، لإسرائيل، كالعراق)
    if place.start and text[place.start - 1] in PREPOSITIONS:
        return False
    words = text[max(0, place.start - 30):place.start].split()
    if not words:
        return False
    before = match_key(words[-1])
    before = before[1:] if before[:1] in CONJUNCTIONS and len(before) > 2 else before
    return before not in place_prepositions() and before.lstrip(CONJUNCTION_CLASS) not in (
        place_prepositions())


def _reported_after(between: str) -> bool:
    """True when a complementizer (إن، أن، بأن) stands between a time and the event word
    after it: the time dates the telling, not the event (قال مصدر اليوم إن انفجارا ...).

    >>> _reported_after(" إن عبوة ناسفة "), _reported_after(" في ")
    (True, False)
    """
    words = {match_key(w) for w in between.split()}
    return not words.isdisjoint(cue_words("complementizer"))


# tokens from a verb of telling to a time that dates the telling (أعلنت خلية الإعلام الأمني،
# اليوم الثلاثاء): the teller's name fits within them
_TELLING_REACH = 8


def _announced_at(text: str, doc: TextUnits, time: Mention, prev: int) -> bool:
    """True when a time follows a verb of telling, before the event word it announces and
    before any complementizer (أعلن مصدر أمني، اليوم السبت، استهداف قاعدة بلد): the day is the
    telling's, as after a complementizer (:func:`_reported_after`); a day told of the event
    itself may still come. Not when an earlier event word stands between the verb and the time
    (its day), nor in the reported clause (قال إن مسلحين، مساء أمس، هاجموا).

    >>> doc = TextUnits("أعلن مصدر أمني، اليوم السبت، استهداف قاعدة بلد", segment=False)
    >>> _announced_at(doc.text, doc, Mention(16, 27, "اليوم السبت", "time", ""), 0)
    True
    """
    toks = doc.tokens
    prev_end = toks[prev - 1].end if prev else -1
    for c in doc.cues:
        if c.role != "attribution_verb" or c.end > time.start or c.end <= prev_end <= time.start:
            continue
        between = [t for t in toks if c.end <= t.start < time.start]
        if len(between) <= _TELLING_REACH and not _reported_after(text[c.end:time.start]):
            return True
    return False


def _token_end(toks, k: int) -> int:
    return toks[min(k, len(toks) - 1)].end if toks else 0


def _borrow(ref_claim, mentions: Mentions) -> _Found | None:
    """The event of the clause an analogy points back to (its kind, coding, doer)."""
    doc = TextUnits(ref_claim.text, segment=False)
    triggers = clause_triggers(doc, 0, len(doc.tokens))
    if not triggers:
        return None
    trig = triggers[0]
    row = trigger_row(trig)
    local = mentions.shifted(ref_claim.start, ref_claim.end)
    nxt = triggers[1].i if len(triggers) > 1 else len(doc.tokens)
    return _Found(row["kind"], row["event_type"], row["sub_event_type"],
                  doc.text[trig.start:trig.end], ref_claim.start + trig.start,
                  ref_claim.start + trig.end,
                  actor=doer(ref_claim, doc, trig, nxt, local, mentions, None, None),
                  text=ref_claim.text, borrowed_from=ref_claim.claim_id)


def _event_rows(claim, found: _Found, local: Mentions, reference: date | None,
                country_default: str) -> list[dict]:
    actor = found.actor
    event_type, sub_event_type, basis = _coding(found)
    start, end, date_text, precision, date_flags = _dates(found.time)
    if found.statement_time:
        date_flags = add_flags(date_flags, "statement_date")
    if found.earlier_by:
        date_flags = add_flags(date_flags, "earlier_by")
    if found.quantities and found.trigger in found.quantities[0].text \
            and not _open_until(found.time):
        # a counted series (نفذت أكثر من 20 هجوما منذ أكتوبر) spans the period it is told over;
        # not one told up to now (حصيلة التفجيرين غير معلومة حتى اللحظة): that names no start
        date_flags = ";".join(f for f in date_flags.split(";") if f != "span_frame")
    proposed_year = proposed_basis = ""
    if year_is_unknown(start):
        text = f"{found.text} {claim.text}" if found.borrowed_from else claim.text
        proposal = propose_year(found.kind, text, when=start, modality=claim.modality,
                                reference=reference)
        proposed_year, proposed_basis = proposal.year, proposal.basis
        if not start:
            date_flags = add_flags(date_flags, "undated")
    if found.borrowed_from:
        basis += f"; analogy of {found.borrowed_from}"
    base = {
        "claim_id": claim.claim_id, "kind": found.kind, "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor": actor.value if actor is not None else "",
        "actor_type": actor.actor_type if actor is not None else "",
        "target": found.target, "target_type": found.target_type,
        "target_text": found.target_text,
        "places": _place_values(found.places),
        "start": start, "end": end, "date_text": date_text, "date_precision": precision,
        "date_flags": date_flags,
        "time_of_day": found.time.time_of_day if found.time is not None else "",
        "proposed_year": proposed_year,
        "proposed_basis": proposed_basis, **_count(found.quantities[0] if found.quantities
                                                   else None),
        "fatalities": found.fatalities or _fatalities(local),
        "modality": claim.modality, "source": claim.source,
        "trigger": found.trigger, "trigger_start": found.trigger_start,
        "trigger_end": found.trigger_end, "claim_start": claim.start, "claim_end": claim.end,
        "coding_basis": basis, "also_claims": "",
    }
    # a place only measured from (62 كم غرب بغداد), come from (العائدين من كربلاء) or where
    # the teller is (مصدر في الحلة، جهاز مكافحة الإرهاب في إقليم كوردستان) is no place of the
    # event
    placed = [p for p in found.places if not is_locator(p, found.places, local, claim.text)
              and not off_scene(p, claim.text) and not teller_seat(p, claim.text, claim.source)]
    # the places بين governs (في ناحية النخيب، بين محافظتي الأنبار وكربلاء) bound the place the
    # clause names: no attack in each of their governorates, unless they are all it names
    inside = [p for p in placed if not bounds_between(p, found.places, claim.text)] \
        or placed
    # a direction that says where the place before it lies (محافظة ديالى شمال العاصمة بغداد)
    # is no place of the event when that place is named
    placed = [p for p in placed if not locates_before(p, placed, claim.text)] or placed
    governorates = _governorates(inside, claim.text, is_many(found.trigger))
    if not is_many(found.trigger):
        # one attack told at a spot: a governorate or a region the clause names with no spot
        # of its own in it is the scene of something else, no second attack (غارات على قرية
        # كربلي في دهوك، في إطار عمليات ... في إقليم كردستان; محاولة اغتيال بمعية محافظ محافظة
        # عدن ومحافظ محافظة لحج بمدينة إنماء: the governorates of two titles)
        held = {_admin1_code(p) for p in placed
                if spot_rank(p) == 0 and not is_frame(p, claim.text)} - {""}
        governorates = [g for g in governorates if _admin1_code(g) in held] or governorates
    listed = listed_spots(placed, claim.text, found.places)
    if listed:  # neighbourhoods listed under أحياء: one event at each, with the frames
        spans = {(p.start, p.end) for p in listed}  # an item may be re-read as a quarter
        others = [p.value for p in found.places if (p.start, p.end) not in spans]
        governorates = listed
    if len(governorates) >= 2:
        rows = []
        for place in governorates:
            row = {**base, **_where(place, country_default)}
            if listed:
                row["places"] = ";".join(dict.fromkeys([place.value, *others]))
            # listed_spot: one of the places a plural head lists (أحياء الشعار والمرجة), each
            # the spot of its own attack, not a governorate the clause names
            row["count_flags"] = add_flags(row["count_flags"], "shared_across_places",
                                                      "listed_spot" if listed else "")
            rows.append(row)
        return _two_days(rows, found)
    return _two_days([{**base, **_where(_most_specific(placed), country_default)}], found)


def _two_days(rows: list[dict], found: _Found) -> list[dict]:
    """A dual or plural attack noun told on two days at once (انفجاران يومي 13 و15 من الشهر،
    هجمات الأربعاء والخميس): one attack on each day (ACLED: one event per day), each row
    dated by its own day and flagged ``day_1_of_2`` / ``day_2_of_2`` so that the two never
    merge, even undated."""
    time = found.time
    flags = str(time.flags).split(";") if time is not None else []
    # two days joined by و (3 و5 حزيران، الأربعاء والخميس، الجمعة وقبله الخميس) as well
    if not ("two_days" in flags or ("two" in flags and time.precision == "day")) \
            or not is_many(found.trigger):
        return rows
    out = []
    for row in rows:
        for k, day in enumerate((row["start"], row["end"]), 1):
            flags = add_flags(row["date_flags"], f"day_{k}_of_2")
            out.append({**row, "start": day, "end": day, "date_flags": flags,
                        "date_precision": "day" if day else row["date_precision"]})
    return out


def _coding(found: _Found) -> tuple[str, str, str]:
    kind, trigger = found.kind, found.trigger
    if kind in ("attack", "armed_clash") and "Civilians" in found.target_type:
        return ("Violence against civilians", "Attack",
                f"{trigger} → {kind}; the target is civilian → Violence against civilians/Attack")
    if (kind == "territory_capture" and found.actor is not None
            and found.actor.actor_type in _STATE_TYPES):
        return ("Battles", "Government regains territory",
                f"{trigger} → {kind}; the doer is a state force → Government regains territory")
    note = " (no remote weapon or civilian target named: coded as a clash)" if kind == "attack" \
        else ""
    return (found.event_type, found.sub_event_type,
            f"{trigger} → {kind} → {found.event_type}/{found.sub_event_type}{note}")


def _open_until(time: Mention | None) -> bool:
    """True for a period said only by its end (حتى الآن، حتى اللحظة): its value is that end,
    no span an event could be dated over.

    >>> _open_until(Mention(0, 8, "حتى الآن", "time", "2020-06-17", relation="until"))
    True
    """
    return time is not None and (time.relation == "until"
                                 or "until" in str(time.flags).split(";")) \
        and "/" not in str(time.value)


def _dates(time: Mention | None) -> tuple[str, str, str, str, str]:
    """start, end, text, precision and flags of a time mention (``mid_month`` and the
    like when a qualifier such as منتصف narrows a month); a span frame is flagged
    ``span_frame`` (:func:`is_span_frame`)."""
    if time is None:
        return "", "", "", "", ""
    start, _, end = time.value.partition("/")
    precision = time.precision
    if time.qualifier in _QUALIFIER_DAY and precision == "month" and not end:
        precision = f"{time.qualifier}_month"
    flags = time.flags
    if is_span_frame(time) and not start.startswith("P"):
        flags = add_flags(flags, "span_frame")
    return start, end or start, time.text, precision, flags


def _count(qty: Mention | None) -> dict:
    if qty is None:
        return {"count_text": "", "count_value": "", "count_min": "", "count_max": "",
                "count_unit": "", "count_flags": ""}
    value = qty.value or ("missing" if "count_missing" in qty.flags else "")
    return {"count_text": qty.text, "count_value": value, "count_min": qty.min,
            "count_max": qty.max, "count_unit": qty.unit_key, "count_flags": qty.flags}


def _fatalities(local: Mentions) -> str:
    """Fatalities stated in the claim (a count of قتيل، قتلى، شهداء ...), "missing" if lost."""
    for m in local:
        if m.kind == "quantity" and match_key(m.unit_key) in cue_words("fatality_unit"):
            return m.value or "missing"
    return ""


def _admin1_code(place: Mention) -> str:
    return place.admin1 or (place.iso if place.place_type == "governorate" else "")


def _place_values(places: list[Mention]) -> str:
    """The ``places`` cell: each place's value, and after a direction the town it is said
    from (وسط الديوانية names الديوانية: the guideline codes a relative description at its
    anchor town).

    >>> d = Mention(0, 12, "غربي الرمادي", "place", "west of Ramadi", "direction",
    ...             place_type="region", place_id="gn:98717#west")
    >>> _place_values([d])
    'west of Ramadi;Ramadi'
    """
    values = []
    for p in places:
        values.append(p.value)
        anchor = anchor_of(p)
        if anchor is not None:
            values.append(anchor.value)
    return ";".join(dict.fromkeys(values))


def _governorates(places: list[Mention], text: str = "", many: bool = False) -> list[Mention]:
    """One place per governorate named (a governorate, or a city standing for its own:
    :func:`~.spots.stands_for_governorate`); a direction that locates the place before it
    (الحلة جنوب بغداد) names none of its own. Another city names its governorate only under a
    plural or dual attack noun (``many``: تفجيرين في الحلة وفي شمال بغداد, one in each); one
    attack told with two towns (هجوم في تل أبيض قرب الرقة) is at one of them."""
    seen: dict[str, Mention] = {}
    for n, p in enumerate(places):
        if text and locates_before(p, places, text):
            continue
        if text and n and p.place_type == "governorate" and PLACE_RANK.get(
                (anchor_of(places[n - 1]) or places[n - 1]).place_type, 5) < PLACE_RANK[
                "governorate"] and not coordinated(text[places[n - 1].end:p.start]):
            continue  # ناحية السلام ... بمحافظة ديالى: the place before lies in it, no list
        if p.place_type in CITY_KINDS and not many and not stands_for_governorate(p):
            continue
        code = _admin1_code(p)
        if code and (code not in seen or p.place_type == "governorate"):
            seen[code] = p
    return list(seen.values())


def _most_specific(places: list[Mention]) -> Mention | None:
    """The finest place named; a direction ranks as the place it is said from (غربي الرمادي
    is as fine as الرمادي, finer than محافظة الأنبار)."""
    def rank(p: Mention) -> int:
        return _PLACE_RANK.get((anchor_of(p) or p).place_type, 5)

    return min(places, key=rank) if places else None


def _where(place: Mention | None, country_default: str) -> dict:
    """The location columns of a place: a direction (غربي الرمادي) is located at the place it
    is said from (ACLED and the guideline code a relative description at its anchor town)."""
    if place is None:
        return {"location": "", "place_type": "", "admin1": "",
                "country": country_name(country_default), "latitude": "", "longitude": ""}
    place = anchor_of(place) or place
    code = _admin1_code(place)
    iso = place.iso or code or place.country
    country = iso.split("-")[0] if iso else country_default
    return {"location": place.value, "place_type": place.place_type,
            "admin1": admin1_name(code), "country": country_name(country),
            "latitude": place.lat, "longitude": place.lon}


def _document_country(mentions: Mentions) -> str:
    """The country most places of the document are in (for events with no place)."""
    codes = Counter((p.iso or p.admin1 or p.country).split("-")[0] for p in mentions
                    if p.kind == "place" and (p.iso or p.admin1 or p.country))
    return codes.most_common(1)[0][0] if codes else ""


# The columns of a row that tell its date.
_DATE_COLUMNS = ("start", "end", "date_text", "date_precision", "date_flags", "time_of_day",
                 "proposed_year", "proposed_basis")


def _merge_repeats(rows: list[dict]) -> list[dict]:
    """Merge repeats (same kind, doer, places and date) and number the events."""
    kept: list[dict] = []
    index: dict[tuple, dict] = {}
    for row in rows:
        # one of two days told together (day_1_of_2) is its own attack, even undated
        key = (row["kind"], row["actor"], row["location"], row["places"], row["start"],
               row["end"], row["modality"], day_of_two(row))
        # one more attack told after a placed one (see _one_more) is no repeat of a row
        # that shares its empty key: resolve places it near that one
        if key in index and index[key]["claim_id"] != row["claim_id"] \
                and not (row.get("_one_more") and not (row["places"] or row["start"])
                         and any(r["location"] for r in kept)):
            first = index[key]
            first["also_claims"] = ";".join(c for c in (first["also_claims"], row["claim_id"]) if c)
            if not first["date_text"] and row["date_text"]:
                # the repeat says the day the first left unsaid (مقتل ستة ... صباح أمس السبت)
                # though with no publication date neither resolves it
                first.update({c: row[c] for c in _DATE_COLUMNS})
            # the repeat's clause is evidence too: its tolls are the event's
            first.setdefault("_also_spans", []).append((row["claim_start"], row["claim_end"]))
            continue
        index[key] = row
        kept.append(row)
    for n, row in enumerate(kept):
        row["event_id"] = f"e{n + 1}"
    return kept


# --- ACLED export ----------------------------------------------------------------------

def to_acled(events: pd.DataFrame, *, documents: pd.DataFrame | None = None,
             modalities: tuple[str, ...] = ("asserted",)) -> pd.DataFrame:
    """Events in ACLED's column names and codes, to merge with ACLED or GTD extracts.

    Only events told with one of ``modalities`` are exported (ACLED records what
    happened: future, hedged and disputed events are left out by default). The date is
    the event's day, the middle of a part-month, or the middle of a month (time
    precision 1, 2, 3); a period of several months is given at its start with precision
    3 and said so in ``notes``. A year lost in the source leaves ``event_date`` empty;
    the chronology's proposal, if any, is in ``notes`` — never in the date. Fatalities
    are 0 when none are reported and empty when their digits were lost. ``documents``
    (``doc_id, title, author, published``) names the source article.

    >>> from workbench.claims.claims import find_claims
    >>> from workbench.claims.index import empty_mentions
    >>> claims = find_claims("انسحبت القوات الأمريكية من قاعدة التاجي.", mentions=empty_mentions())
    >>> list(to_acled(find_events(claims, None)).columns) == ACLED_COLUMNS
    True
    """
    import pandas as pd

    if events is None or not len(events):
        return pd.DataFrame(columns=ACLED_COLUMNS)
    docs = documents_by_id(documents.to_dict("records") if documents is not None else [])
    return frame_of_rows(acled_rows(records(events), docs, modalities=modalities), ACLED_COLUMNS)


def acled_rows(events: Sequence, docs: dict[str, dict], *,
               modalities: tuple[str, ...] = ("asserted",)) -> list[dict]:
    """The rows of :func:`to_acled` as dicts, from event records (named tuples of the
    events table's columns) and the documents by ``doc_id`` (:func:`documents_by_id`)."""
    rows = []
    for ev in events:
        if ev.modality not in modalities:
            continue
        event_date, year, precision, date_note = _acled_date(ev)
        notes = [f"{ev.trigger}: {ev.count_text}".strip(": ") if ev.count_text else ev.trigger]
        if date_note:
            notes.append(date_note)
        if "count_missing" in str(ev.count_flags):
            notes.append("count lost in the source")
        if "shared_across_places" in str(ev.count_flags):
            notes.append("the count covers all the governorates listed together")
        if getattr(ev, "role", "") == "background":
            notes.append("background: an earlier event the article recalls")
        if ev.proposed_year:
            notes.append(f"year not in the text; the reference chronology proposes {ev.proposed_year}")
        if ev.modality != "asserted":
            notes.append(f"modality: {ev.modality}")
        doc_id = getattr(ev, "doc_id", "")
        rows.append({
            "event_date": event_date, "year": year, "time_precision": precision,
            "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
            "actor1": ev.actor, "inter1": inter_code(ev.actor_type),
            "actor2": ev.target, "inter2": inter_code(str(ev.target_type).split(";")[0]),
            "country": ev.country, "admin1": ev.admin1, "location": ev.location,
            "latitude": ev.latitude, "longitude": ev.longitude,
            "geo_precision": _geo_precision(ev.place_type),
            "source": _source(ev.source, docs.get(doc_id)), "notes": "; ".join(notes),
            "fatalities": _acled_fatalities(ev.fatalities),
            **{c: getattr(ev, c, "") for c in ("injured", "role", "date_basis", "toll_source",
                                               "evidence")},
        })
    return rows


def documents_by_id(documents: list[dict]) -> dict[str, dict]:
    """Document rows by ``doc_id``; one document also answers for events without one."""
    out = {}
    for rec in documents:
        out[str(rec.get("doc_id", ""))] = rec
    if len(out) == 1:
        out.setdefault("", next(iter(out.values())))
    return out


def _source(claim_source: str, doc: dict | None) -> str:
    parts = []
    if claim_source:
        parts.append(claim_source)
    if doc:
        title = str(doc.get("title") or doc.get("doc_id") or "")
        author = str(doc.get("author") or "")
        published = str(doc.get("published") or "")
        desc = title + (f" ({author})" if author else "") + (f", {published}" if published else "")
        if desc:
            parts.append(f"via {desc}" if claim_source else desc)
    return " ".join(parts)


def _acled_date(ev) -> tuple[str, str, str, str]:
    start, end = str(ev.start), str(ev.end)
    if year_is_unknown(start):
        return "", "", "", ("date unknown" if not start else f"year lost in the source ({start})")
    if start != end and end and not year_is_unknown(end):
        return _month_middle(start) if len(start) == 7 else _day(start), start[:4], "3", \
            f"reported for the period {start}/{end}"
    if len(start) >= 10:
        if ev.date_precision in ("day", ""):
            return start[:10], start[:4], "1", ""
        return start[:10], start[:4], "2", ""
    if len(start) == 7:
        qualifier = str(ev.date_precision).removesuffix("_month")
        if qualifier in _QUALIFIER_DAY:
            return f"{start}-{_QUALIFIER_DAY[qualifier]}", start[:4], "2", ""
        return _month_middle(start), start[:4], "3", ""
    return f"{start[:4]}-07-01", start[:4], "3", f"only the year is known ({start[:4]})"


def _day(iso: str) -> str:
    return iso[:10] if len(iso) >= 10 else f"{iso[:7]}-15"


def _month_middle(iso: str) -> str:
    return f"{iso[:7]}-15"


def _geo_precision(place_type: str) -> str:
    if not place_type:
        return "3"
    rank = _PLACE_RANK.get(place_type, 5)
    return "1" if rank <= 1 else "2" if rank <= 3 else "3"


def _acled_fatalities(value: str) -> str:
    """ACLED's count: 0 when none are reported, empty when deaths are told but not counted
    (``unknown``) or their digits were lost (``missing``)."""
    if value in ("missing", "unknown"):
        return ""
    return value or "0"
