"""Where an event happened: the most specific place its clause names, set apart from frames.

A report names several places around one attack: the spot (حي الشعلة، مدينة الدانا، قرية
كفرسجنة), the area around it (ريف إدلب، شرقي بغداد), an institution named after a city
(قيادة عمليات بغداد) and the reporting town of the dateline. ACLED codes the event at the
most specific place; two attacks at two spots are two events even in one city. For each
place mention of an event's clause :func:`spot_and_frames` tells whether it is a *spot*
(a neighbourhood, village, town, base or a name the gazetteer does not know, or a city
standing bare) or a *frame* (a direction, an area word before it, an institution, a
governorate, region or country, the dateline). The spot is the least-named of the
most specific places; frames only tell which spots an unplaced clause may belong to.

>>> import workbench
>>> from workbench.claims.index import Mentions
>>> text = "استهدفت طائرة مدينة الدانا في ريف إدلب"
>>> spot, frames, spots = spot_and_frames(Mentions.of(workbench.analyze(text).mentions), text,
...                                       0, len(text))
>>> spot.value, sorted(frames), sorted(spots)
('Ad Dānā', ['Ad Dānā', 'SY-ID'], ['Ad Dānā'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from ..find.local_names import place_heads
from ..find.places import gazetteer, gazetteer_row, governorate_names, place_rows
from ..resources import read_rows
from ..text.arabic import match_key
from ..text.tokens import tokenize
from .clauses import cue_words
from .index import Mention, Mentions
from .tolls import word_forms

FRAMES_FILE = "claims/place_frames.csv"

# A place of these kinds contains the spot of an attack rather than being it.
_FRAME_TYPES = frozenset({"governorate", "region", "country", "border", "continent"})
# How specific a place kind is: a neighbourhood or a base is a spot, a city may be one.
_SPOT_RANK = {"neighbourhood": 0, "square": 0, "village": 0, "town": 0, "subdistrict": 0,
              "airport": 0, "air_base": 0, "military_base": 0, "base": 0, "prison": 0,
              "camp": 0, "crossing": 0, "dam": 0, "oil_field": 0, "refinery": 0,
              "facility": 0, "city": 1, "capital": 1, "district": 2}
# Kinds of place that are a city: framing by their own name unless they stand for their
# governorate (:func:`frame_key`).
CITY_KINDS = frozenset({"city", "capital"})
# How far back the word before a place is looked for (ريف + space + the name).
_LOOKBACK = 24
# How far back a word of launching is looked for (انطلاق الصواريخ من حي).
_LAUNCH_LOOKBACK = 48
# What may stand between two names of a list: blanks, commas, dashes (حي الفردوس - دوار
# النعيم), the quotes news put around names (قاعدتي “بلد” و”فيكتوريا”) and the conjunction و.
_LIST_GAP = " \t\u00a0,\u060c-\u2013\"'\u201c\u201d\u00ab\u00bb"


# Kinds of place a direction may be said from and still name where an attack happened (غربي
# الرمادي → الرمادي, as ACLED and the guideline code a relative description at its anchor);
# a direction of a country (شمال العراق) is read at the country instead (_country_anchor).
_ANCHOR_TYPES = frozenset({"governorate", "district", "city", "capital", "town", "village",
                           "neighbourhood", "subdistrict"})
# Verbs of lying at a distance (التي تبعد 390 كيلومترا عن بغداد): the place after the distance
# only says how far what they tell of lies.
_LIES_AT = frozenset({"تبعد", "يبعد", "تبعدان", "يبعدان"})
# How far before a place a distance may end and still measure it (نحو 110 كم غرب العاصمة بغداد).
_DISTANCE_REACH = 24


@cache
def _frame_words() -> dict[str, str]:
    """word → kind (area, institution, origin) of the frame words."""
    return {row.word: row.kind for row in read_rows(FRAMES_FILE)}


def _frames_of(word: str, after: str = "") -> Iterator[str]:
    """The frame kinds ``word`` reads as, form by form (والقادمين as القادمين), alone or with
    the word ``after`` it (العائدين من): the one look-up of a frame word, its clitics read off.

    >>> next(_frames_of("والقادمين", "من"))
    'origin'
    """
    frames = _frame_words()
    tail = f" {after}" if after else ""
    return (frames[k] for k in (match_key(f) + tail for f in word_forms(word)) if k in frames)


def frame_key(place: Mention) -> str:
    """What a place frames, for comparing frames: its governorate code when known, else its
    name (شرقي بغداد and بغداد both frame IQ-BG). A city that does not stand for its
    governorate frames itself: منبج and حلب both lie in SY-HL, yet ريف منبج is not ريف حلب,
    and two towns of one governorate are two places."""
    if place.place_type in CITY_KINDS and place.admin1 and not stands_for_governorate(place):
        return place.value
    iso = place.admin1 or (place.iso if "-" in place.iso else "")
    return iso or place.value


def stands_for_governorate(place: Mention) -> bool:
    """A city named as its governorate is (حلب، درعا، بغداد): the news names the governorate
    by its seat (ريف حلب، هجمات في درعا والقنيطرة), not منبج or الموصل.

    >>> from workbench.claims.index import Mention
    >>> city = Mention(0, 3, "حلب", "place", "Aleppo", place_type="city", admin1="SY-HL")
    >>> stands_for_governorate(city), stands_for_governorate(city._replace(text="منبج",
    ...                                                            value="Manbij"))
    (True, False)
    """
    names = governorate_names().get(place.admin1)
    if not names:
        return False
    words = match_key(place.text).split()
    return place.value == names[1] or match_key(names[0]) in {
        match_key(place.canonical_ar), *(" ".join(words[k:]) for k in range(len(words)))}


def _after_frame_word(text: str, start: int) -> bool:
    """True when the word before ``start`` is an area or institution word (ريف، عمليات), or the
    two words before it tell where people came from (العائدين من)."""
    return bool(_frame_kind(text, start))


def named_as_area(place: Mention, text: str) -> bool:
    """True for a place named as the area around a spot, not as a spot (ريف إدلب، محافظة
    إدلب): a town in ريف إدلب lies outside the city of إدلب.

    >>> from workbench.claims.index import Mention
    >>> t = "بلدة كفرنبل في ريف إدلب"
    >>> named_as_area(Mention(t.index("إدلب"), len(t), "إدلب", "place", "Idlib"), t)
    True
    """
    return _frame_kind(text, place.start) == "area"


@lru_cache(maxsize=256)
def _frame_kind(text: str, start: int) -> str:
    """The kind of the frame word(s) before ``start`` (area, institution, origin, source), or
    ''.

    Remembered for the last few hundred places: the tests of a place (an area? a home? an
    origin?) each ask it of the same place, about twice per place (ريف in ريف إدلب is read
    once for all of them).
    """
    words = [t.key for t in tokenize(text[max(0, start - _LOOKBACK):start]) if t.kind == "word"]
    frames = _frame_words()
    if words and words[-1] == "في" and any(frames.get(w) == "source" for w in words[-4:-1]):
        return "source"  # مصدر أمني في الحلة: where the source is, not the attack
    two = next(_frames_of(words[-2], words[-1]), "") if len(words) >= 2 else ""
    if two:
        # العائدين من كربلاء: where people came from; وهما من الشحيل: the people's home; a
        # conjunction or clitic on the first word (وتمركزت في حارة، والقادمين من) leaves the
        # frame as it is
        return two
    if len(words) >= 3 and words[-1] in place_heads():
        kind = next((k for k in _frames_of(words[-3], words[-2]) if k in _HEAD_BETWEEN), "")
        if kind:
            # تنحدر من بلدة كفر بطيخ، المتمركزة في مدينة سراقب: the head stands between
            return kind
    if len(words) >= 2 and (words[-1] in place_heads() or frames.get(words[-1]) == "area"):
        kind = next((k for k in _frames_of(words[-2]) if k in _PEOPLE_FROM), "")
        if kind:
            return kind  # عشيرة تقطن محافظة الأنبار، سكان مناطق شيلادزي: the head between
    if words and (words[-1] == "من" or words[-1] in place_heads()) and _launched_from(
            [t.key for t in tokenize(text[max(0, start - _LAUNCH_LOOKBACK):start])
             if t.kind == "word"]):
        return "launch"
    return next((k for k in _frames_of(words[-1]) if k != "launch"), "") if words else ""


# Frame kinds that tell where people come from or belong, not where they were hit.
_PEOPLE_FROM = frozenset({"origin", "belonging"})
# Two-word frames a head noun may follow before the name (المتمركزة في مدينة سراقب).
_HEAD_BETWEEN = _PEOPLE_FROM | {"stationed"}


def belongs_to_people(place: Mention, text: str) -> bool:
    """True for a place named as the home of people (وهما من بلدة الشحيل، من أهالي الموصل،
    سكان مناطق شيلادزي، ابن مدينة الرقة): an attack's place only when its clause names no
    other.

    >>> from workbench.claims.index import Mention
    >>> t = "قتل شابان وهما من بلدة الشحيل"
    >>> belongs_to_people(Mention(t.index("الشحيل"), len(t), "الشحيل", "place", "x"), t)
    True
    """
    return _frame_kind(text, place.start) == "belonging"


def _launched_from(words: list[str]) -> bool:
    """Whether the words before a place end in من (or من and a place head noun) after a word
    of launching among the few before it (انطلقت من منطقة، انطلاق الصواريخ من حي)."""
    if words and words[-1] in place_heads():
        words = words[:-1]
    if not words or words[-1] != "من":
        return False
    return any(k == "launch" for w in words[-4:-1] for k in _frames_of(w))


def off_scene(place: Mention, text: str) -> bool:
    """True for a place that is no place of the attack, not even a governorate it was in:
    where the people hit came from (الزوار العائدين من كربلاء) or where the teller of the
    news is (مصدر أمني في الحلة), the state named by its seat as the doer of a verb of
    carrying out (نفذت تل أبيب غارة), or a hospital the wounded were taken to.

    >>> from workbench.claims.index import Mention
    >>> t = "وسط حشود الزوار العائدين من كربلاء"
    >>> off_scene(Mention(t.index("كربلاء"), len(t), "كربلاء", "place", "Karbala"), t)
    True
    """
    return _frame_kind(text, place.start) in ("origin", "source", "launch", "doer", "backer",
                                              "stationed") \
        or taken_to(place, text)


# Where the wounded are taken (نقلهم لمستشفى الرمادي), not where they were hit: an attack on
# one is named in the attack's own clause, not after إلى or ل.
RECEIVING = frozenset({"hospital"})
_TO = frozenset({"\u0627\u0644\u064a"})  # إلى, as its matching key الي


def taken_to(place: Mention, text: str) -> bool:
    """True for a hospital named after إلى or the proclitic ل (نقل المصاب إلى مستشفى السويس،
    نقلهم لمستشفى الرمادي): where the wounded went, not where the attack was.

    >>> from workbench.claims.index import Mention
    >>> t = "وتم نقل المصاب إلى مستشفى السويس"
    >>> taken_to(Mention(t.index("مستشفى"), len(t), "مستشفى السويس", "place", "x",
    ...                  place_type="hospital"), t)
    True
    """
    if place.place_type not in RECEIVING:
        return False
    if place.text[:1] == "\u0644" or (place.start and text[place.start - 1] == "\u0644"):
        return True  # لمستشفى
    words = [t.key for t in tokenize(text[max(0, place.start - _LOOKBACK):place.start])
             if t.kind == "word"]
    return bool(words) and words[-1] in _TO


def teller_seat(place: Mention, text: str, teller: str) -> bool:
    """True for a place right after the teller of the news and في: where the teller sits,
    not where the attack was (ذكر جهاز مكافحة الإرهاب في إقليم كوردستان أن ...), as مصدر
    أمني في الحلة is for the frame words of a source.

    >>> from workbench.claims.index import Mention
    >>> t = "ذكر جهاز مكافحة الإرهاب في إقليم كوردستان أن هجوما وقع"
    >>> p = Mention(t.index("إقليم"), t.index(" أن"), "إقليم كوردستان", "place", "Kurdistan Region")
    >>> teller_seat(p, t, "جهاز مكافحة الإرهاب"), teller_seat(p, t, "")
    (True, False)
    """
    if not teller.strip():
        return False
    before = text[max(0, place.start - len(teller) - _SEAT_GAP):place.start].split()
    teller_words = teller.split()
    # في and the place, or في, a head word and the name (في إقليم كوردستان)
    for between in (0, 1):
        at = len(before) - between - 1  # where في should stand
        if at >= len(teller_words) and before[at] == "في" \
                and before[at - len(teller_words):at] == teller_words:
            return True
    return False


# Characters a teller, في and a head word may take up before a place beyond the teller's own.
_SEAT_GAP = 16


def is_frame(place: Mention, text: str) -> bool:
    """A place that frames the spot rather than being it: a direction, an area word or an
    institution before it, a governorate, region or country, or the dateline.

    >>> from workbench.claims.index import Mention
    >>> p = Mention(4, 8, "إدلب", "place", "Idlib", place_type="city")
    >>> is_frame(p, "ريف إدلب"), is_frame(p, "قرب إدلب")
    (True, False)
    """
    flags = set(place.flags.split(";"))
    return bool(flags & {"direction", "dateline", "inferred"}) \
        or place.place_type in _FRAME_TYPES or _after_frame_word(text, place.start) \
        or taken_to(place, text)


def _read_by_head(place: Mention) -> bool:
    """A name read after its head noun (حي الحبيبية) that the gazetteer lacks: the finder's
    spot, not a town named in passing."""
    return "unknown_place" in place.flags.split(";")


def spot_rank(place: Mention) -> int:
    """0 for a place that is surely a spot (a neighbourhood, a village, a base, a name the
    gazetteer lacks, a side of a town: غربي الرمادي), 1 for a city, more for coarser kinds."""
    if _read_by_head(place) or "direction" in place.flags.split(";"):
        return 0
    return _SPOT_RANK.get(place.place_type, 3)


def _settlement_direction(place: Mention) -> bool:
    """A side of a town or city (غربي الرمادي): where the attack was when the clause names
    no finer spot; two sides of one town (غربي / شمالي الرمادي) are two spots."""
    anchor = anchor_of(place)
    return anchor is not None and _SPOT_RANK.get(anchor.place_type, 3) <= 1


def _country(place: Mention) -> str:
    return (place.iso or place.admin1 or place.country).split("-")[0]


def spot_and_frames(mentions: Mentions, text: str, start: int, end: int,
                    teller: str = "") -> tuple[Mention | None, set[str], frozenset[str]]:
    """The spot of the clause ``text[start:end]`` (None when it names only frames), the
    keys (:func:`frame_key`) of every place it names, and the names of all its spots
    (a lead that names two towns, في طرطوس وجبلة, sums up two attacks; a town that holds a
    finer spot named with it is that spot's frame).

    Among the spots the most specific kind wins, then one in the country the document is
    mostly about (a capital abroad is where a statement was made), then the one the
    document names least (the city the report is about is named in every paragraph). A place
    where the ``teller`` of the clause sits (:func:`teller_seat`) is none of them."""
    said = [p for p in mentions.between(start, end, "place") if not teller_seat(p, text, teller)]
    places = [p for p in said if not is_locator(p, said, mentions, text)]
    all_places = [p for p in mentions if p.kind == "place"]
    counts = Counter(p.value for p in all_places)
    home = Counter(_country(p) for p in all_places if _country(p)).most_common(1)
    # a direction that says where the place before it lies (محافظة ديالى شمال العاصمة بغداد)
    # frames the clause but is no spot of it
    placing = [p for p in places if not locates_before(p, places, text)]
    spots = [p for p in placing if not is_frame(p, text)] or [
        p for p in placing if _settlement_direction(p)]
    keys = {frame_key(p) for p in places} | _towns_in_names(places, all_places)
    if not spots:
        return None, keys, frozenset()

    def rank(p: Mention) -> tuple[int, bool, int, int]:
        abroad = bool(home) and bool(_country(p)) and _country(p) != home[0][0]
        return spot_rank(p), abroad, counts[p.value], p.start

    finest = min(spot_rank(p) for p in spots)
    inner = {frame_key(p) for p in spots if spot_rank(p) == finest}
    # a coarser spot that holds a finer one (ساحة الطيران ببغداد) frames it: one spot, not two
    named = frozenset(p.value for p in spots if spot_rank(p) == finest
                      or frame_key(p) not in inner)
    return min(spots, key=rank), keys, named


def _towns_in_names(places: list[Mention], all_places: list[Mention]) -> set[str]:
    """The frame keys of the known towns a local name holds (طريق القامشلي – المالكية holds
    القامشلي): a road, market or square named after a town lies by it, so a clause naming
    the road and one naming the town may tell the same attack."""
    known = {match_key(q.text): q for q in all_places if not _read_by_head(q)}
    out: set[str] = set()
    for p in places:
        if not _read_by_head(p):
            continue
        words = match_key(p.text).split()
        for n in range(1, len(words)):  # the head (طريق) is no town: runs after it
            for m in range(n + 1, len(words) + 1):
                town = known.get(" ".join(words[n:m]))
                if town is not None:
                    out.add(frame_key(town))
    return out


def _plural_head_before(text: str, start: int) -> bool:
    """True when the word before ``start`` (or before مثل، منها there) is a plural or dual
    place head (أحياء، حيي، قريتي، مناطق، مدن مثل: ``number`` = many in
    ``find/place_heads.csv``) that no بين governs."""
    return bool(_plural_head_kind(text, start))


def _plural_head_kind(text: str, start: int) -> str:
    """The kind of place (``place_type`` in ``find/place_heads.csv``) of the plural or dual
    head before ``start`` (منطقتي → area, أحياء → neighbourhood), or '' when there is none."""
    words = [t.key for t in tokenize(text[max(0, start - _LOOKBACK):start]) if t.kind == "word"]
    if words and words[-1] in cue_words("list_example"):
        words = words[:-1]  # مدن مثل النيرب وسرمين: the head before "such as"
    heads = place_heads()
    if len(words) >= 2 and words[-2] in cue_words("between"):
        return ""  # بين قريتي معربليت ومعرزاف: one place between two, not one attack on each
    found = (heads.get(match_key(f), {}) for f in word_forms(words[-1])) if words else ()
    return next((str(h["place_type"]) for h in found if h.get("number") == "many"), "")


def _joined(gap: str) -> bool:
    """True when ``gap`` only joins two names of a list (و، a comma, blanks)."""
    rest = gap.strip(_LIST_GAP)
    return rest in ("", "\u0648") or (rest.startswith("\u0648") and not rest[1:].strip(_LIST_GAP))


def coordinated(gap: str) -> bool:
    """True when what stands between two places joins them as items of a list (و with or
    without a head noun, a comma), not one inside the other (بمحافظة، التابعة ل).

    >>> coordinated(" ومحافظة "), coordinated(" و"), coordinated(" بمحافظة "), coordinated(" شمال ")
    (True, True, False, False)
    """
    if any(c in gap for c in ",\u060c"):
        return True
    heads = place_heads()
    return any(w.startswith("\u0648") and (len(w) <= 3 or match_key(w[1:]) in heads
                                            or _frame_words().get(match_key(w[1:])) == "area")
               for w in gap.split())


def _without_places(text: str, start: int, end: int, places: list[Mention]) -> str:
    """``text[start:end]`` without the places inside it: a place that locates a list item
    (منطقتي الأمينية شمالي حمص وأم حارتين غربي حمص) stands between two items of the list."""
    out, i = [], start
    for q in sorted(places, key=lambda q: q.start):
        if start <= q.start and q.end <= end and q.start >= i:
            out.append(text[i:q.start])
            i = q.end
    out.append(text[i:end])
    return "".join(out)


def listed_spots(places: list[Mention], text: str,
                 located: Sequence[Mention] = ()) -> list[Mention]:
    """The spots a clause lists under a plural head, one attack on each (ACLED: one event
    per place); [] when the clause lists none. Three neighbourhoods struck in one sentence
    are three events, as the head أحياء says the attack fell on each of them. ``located``:
    places that may locate an item between two items (الأمينية شمالي حمص وأم حارتين).

    >>> from workbench.claims.index import Mention
    >>> t = "قصف أحياء الشعار والمرجة"
    >>> a = Mention(10, 16, "الشعار", "place", "الشعار", place_type="neighbourhood")
    >>> b = Mention(18, 24, "المرجة", "place", "المرجة", place_type="neighbourhood")
    >>> [p.value for p in listed_spots([a, b], t)], listed_spots([a, b], "قصف حي الشعار والمرجة")
    (['الشعار', 'المرجة'], [])
    """
    # a city read after its own head may follow the spots of a list (بلدتي بابيلا والحامدية
    # ومدينة معرة النعمان); a bare name the gazetteer knows only as a city elsewhere may be
    # a quarter of the list's town (أحياء حلب الجديدة والحمدانية) and stays out, unless the
    # list's head names a kind a town may be (منطقتي شيلادزي وكاني ماسي، قاعدتي بلد وفيكتوريا)
    spots = sorted((p for p in places if not is_frame(p, text) and (
        spot_rank(p) == 0 or (spot_rank(p) == 1 and (_own_head(p, text) or _town_kind_list(
            p, places, text))) or _quarter_namesake(p, places, text))), key=lambda p: p.start)
    best: list[Mention] = []
    run: list[Mention] = []
    for p in spots:
        gap = _without_places(text, run[-1].end, p.start, [*places, *located]) if run else ""
        # two names back to back are one name read in two (مدينة أريحا), not a list
        run = [*run, p] if run and gap.strip() and (
            _joined(gap) or _joined(_without_head(gap))) else [p]
        # the list may begin after the run's first names (ميس الجبل بقضاء مرجعيون وأطراف
        # بلدتي كفرحمام وراشيا الفخار: the list is the last two)
        best = next((run[k:] for k in range(len(run) - 1) if len(run) - k > len(best) and (
            _plural_head_before(text, run[k].start) or _headed(run[k:], text, places))), best)
    best = _list_end(best, text, [*places, *located])
    best = [_as_quarter(p, best) if _quarter_namesake(p, places, text) else p for p in best]
    return best if len({p.value for p in best}) >= 2 else []


# Kinds of place a plural head may list that a city's name may be too (منطقتي، بلدتي، مدن،
# قاعدتي بلد: a base named by its town); after أحياء or قرى a bare city name is a quarter or a
# village of the same name (أحياء حلب الجديدة), not the city.
_TOWN_KINDS = frozenset({"area", "town", "city", "district", "subdistrict", "military_base"})


def _town_kind_list(place: Mention, places: list[Mention], text: str) -> bool:
    """True when ``place`` is an item of a list joined by و and commas after a plural head of
    a kind a town may be (منطقتي، بلدتي، قاعدتي)."""
    return _list_head_kind(place, places, text) in _TOWN_KINDS


def _list_head_kind(place: Mention, places: list[Mention], text: str) -> str:
    """The kind of the plural head (``place_type`` in ``find/place_heads.csv``) of the list
    joined by و and commas that ``place`` is an item of: the head before it or before the
    names that lead up to it (أحياء الشعار والمرجة → neighbourhood); '' when it is in none."""
    ordered = sorted((q for q in places if q.start <= place.start), key=lambda q: q.start)
    for k in range(len(ordered) - 1, -1, -1):
        kind = _plural_head_kind(text, ordered[k].start)
        if kind:
            return kind
        gap = _without_places(text, ordered[k - 1].end, ordered[k].start, places) if k else ""
        if not k or not (_joined(gap) or _joined(_without_head(gap))):
            return ""
    return ""


def _quarter_namesake(place: Mention, places: list[Mention], text: str) -> bool:
    """True for a name the gazetteer knows as a town or district elsewhere, told as an item of
    a list of neighbourhoods (أحياء حلب الجديدة والحمدانية والأعظمية: Aleppo's quarters, not
    the Iraqi town and Baghdad district of those names)."""
    return spot_rank(place) >= 1 and not is_frame(place, text) \
        and _list_head_kind(place, places, text) == "neighbourhood"


def _as_quarter(place: Mention, items: list[Mention]) -> Mention:
    """``place`` read as a neighbourhood of its list's town: the name as written, with no
    coordinates, in the governorate of a quarter the list names by head if any (the
    namesake's governorate is another country's)."""
    local = next((q for q in items if _read_by_head(q)), None)
    return place._replace(
        value=place.text, canonical_ar=place.text, place_type="neighbourhood",
        flags="unknown_place", lat="", lon="", place_id="", iso="",
        admin1=local.admin1 if local is not None else "",
        country=local.country if local is not None else "")


def _list_end(run: list[Mention], text: str, places: list[Mention]) -> list[Mention]:
    """``run`` up to the name و joins last: a list ends with its last conjunct (البلديات
    والكرادة، بحسب مصادر: the name after the bare comma is no item of it)."""
    last = max((k for k in range(1, len(run))
                if "\u0648" in _without_places(text, run[k - 1].end, run[k].start, places)),
               default=None)
    return run if last is None else run[:last + 1]


def _headed(run: list[Mention], text: str, places: Sequence[Mention] = ()) -> bool:
    """True when every name of ``run`` has a head of its own or follows, within the run, a
    plural head (قرية الهباط وأطراف قرى البارة والأسدية); a bare name after a singular head
    is a second name of that one place (حي الشعار والمرجة)."""
    head = ""
    for p in run:
        if _plural_head_before(text, p.start):
            head = "many"
        elif _own_head(p, text) and not _inside_head(p, text, places):
            head = "one"
        elif head != "many":
            return False
    return True


def _inside_head(place: Mention, text: str, places: Sequence[Mention]) -> bool:
    """True when a place follows another with only its head, carrying ب or ل, between them
    (ميس الجبل بقضاء مرجعيون): the place holds the one before it, it is no further item of a
    list (بحي الفردوس وبحي النعيم: two items)."""
    before = max((q.end for q in places if q.end <= place.start), default=None)
    if before is None:
        return False
    words = text[before:place.start].split()
    return len(words) == 1 and len(words[0]) > 2 and words[0][0] in "\u0628\u0644" \
        and match_key(words[0][1:]) in place_heads()


def _without_head(gap: str) -> str:
    """``gap`` without a place head noun at its end, which belongs to the next item of a list
    (بابيلا والحامدية ومدينة معرة النعمان: و joins, مدينة heads معرة النعمان)."""
    words = gap.split()
    if not words:
        return gap
    last = words[-1]
    joined = last.startswith("\u0648") and len(last) > 2
    # the head itself, not a word of it with ب or ل (بساحة الشهداء بمنطقة الشواكة: one place
    # inside another, no list)
    if match_key(last[1:] if joined else last) not in place_heads():
        return gap
    rest = gap[:gap.rindex(last)]
    # the outskirts of the next items (وأطراف قرى البارة): an area word before their head
    words = rest.split()
    if not joined and words and words[-1].startswith("\u0648") \
            and _frame_words().get(match_key(words[-1][1:])) == "area":
        return rest[:rest.rindex(words[-1])] + "\u0648"
    return rest + ("\u0648" if joined else "")


def _own_head(place: Mention, text: str) -> bool:
    """True when a place is read after a head noun of its own, inside its mention or just
    before it (حي الزيدية، قرية إسكان): in حي الفردوس - دوار النعيم each item names its own
    spot, as a plural head would say of a bare list."""
    words = [t.key for t in tokenize(text[max(0, place.start - _LOOKBACK):place.end])
             if t.kind == "word"]
    inner = len([t for t in tokenize(place.text) if t.kind == "word"])
    heads = place_heads()
    at = len(words) - inner  # the mention's first word; the word before it may be the head
    return any(0 <= k < len(words) and any(match_key(f) in heads for f in word_forms(words[k]))
               for k in (at - 1, at))


def anchor_of(place: Mention) -> Mention | None:
    """The place a direction is said from, at the direction's offsets (غربي الرمادي → الرمادي,
    غرب محافظة الأنبار → الأنبار, شمال موزمبيق and غرب البلاد → the country); None for a
    place that is no direction, or a direction of a region (جنوب سيناء).

    >>> from workbench.claims.index import Mention
    >>> d = Mention(0, 12, "غربي الرمادي", "place", "west of Ramadi", "direction",
    ...             place_type="region", place_id="gn:98717#west")
    >>> anchor_of(d).value, anchor_of(d).place_type
    ('Ramadi', 'city')
    """
    if "direction" not in place.flags.split(";"):
        return None
    base_id = place.place_id.partition("#")[0]
    found = _anchor(place.text, base_id) if base_id else None
    if found is None and base_id:
        found = _country_anchor(base_id, place.iso)
    if found is None:
        return None
    return place._replace(flags="anchor", **found)


@lru_cache(maxsize=1 << 8)
def _country_anchor(base_id: str, iso: str) -> dict | None:
    """The country a direction is said of (شمال موزمبيق، غرب البلاد → the country): the
    guideline codes an event told by a side of a country at the country, the side being
    only how precise the text is; None when ``base_id`` is not the country ``iso``."""
    g = gazetteer()
    i = g.country_row.get(iso)
    if i is None or g.table[i]["id"] != base_id:
        return None
    row = gazetteer_row(i)
    return {c: _text(row.get(c)) for c in ("value", "canonical_ar", "place_type", "iso",
                                           "country", "admin1", "lat", "lon")}


@lru_cache(maxsize=1 << 12)
def _anchor(text: str, base_id: str) -> dict | None:
    """The gazetteer's record of ``base_id`` read from the words after the direction."""
    words = text.split()
    for k in range(1, len(words)):
        for row in place_rows(" ".join(words[k:])):
            if row.get("place_id") == base_id and row.get("place_type") in _ANCHOR_TYPES:
                return {c: _text(row.get(c)) for c in ("value", "canonical_ar", "place_type",
                                                       "iso", "country", "admin1", "lat", "lon")}
    return None


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


# How far a direction may stand after the place it locates (بعقوبة الواقعة على بعد 65
# كيلومترا شمال شرقي بغداد).
_APPOSITION_REACH = 45


def locates_before(p: Mention, places: list[Mention], text: str) -> bool:
    """True when the direction ``p`` only says where a place just before it lies (الحلة جنوب
    بغداد, بدرعا جنوب سوريا, محافظة ديالى شمال العاصمة بغداد): with no comma or و between,
    it names no second place, and its anchor is no spot of the event.

    >>> from workbench.claims.index import Mention
    >>> t = "في الحلة جنوب بغداد"
    >>> a = Mention(3, 8, "الحلة", "place", "Hillah", place_type="city")
    >>> b = Mention(9, 19, "جنوب بغداد", "place", "south of Baghdad", "direction")
    >>> locates_before(b, [a, b], t), locates_before(b, [a, b], "في الحلة، وجنوب بغداد")
    (True, False)
    """
    if "direction" not in p.flags.split(";"):
        return False
    for q in places:
        gap = text[q.end:p.start] if q.end <= p.start else None
        if q is not p and gap is not None and len(gap) <= _APPOSITION_REACH \
                and "direction" not in q.flags.split(";") and not any(c in gap for c in ",\u060c") \
                and not any(w.startswith("\u0648") and len(w) <= 3 for w in gap.split()):
            return True
    return False


def bounds_between(place: Mention, places: Sequence[Mention], text: str) -> bool:
    """True for a place that only bounds where something lies: بين governs it, bare or
    through a dual head noun (بين محافظتي ديالى وصلاح الدين، بين الحلة والكوت), or it is
    the conjunct و joins to such a place. The spot lies between the two, at neither.

    >>> from workbench.claims.index import Mention
    >>> t = "في قرية بين محافظتي ديالى وكركوك"
    >>> a = Mention(t.index("ديالى"), t.index(" وكركوك"), "ديالى", "place", "Diyala")
    >>> b = Mention(t.index("كركوك"), len(t), "كركوك", "place", "Kirkuk")
    >>> bounds_between(b, [a, b], t), bounds_between(a, [a, b], "في ديالى وكركوك")
    (True, False)
    """
    words = [t.key for t in tokenize(text[max(0, place.start - _LOOKBACK):place.start])
             if t.kind == "word"]
    between = cue_words("between")
    if words[-1:] and words[-1] in between:
        return True
    # بين محافظتي ديالى: the dual head of the two names (its construct ends in ي) between
    if len(words) >= 2 and words[-2] in between and words[-1].endswith("\u064a"):
        return True
    before = max((q for q in places if q.end <= place.start), key=lambda q: q.end, default=None)
    return before is not None and _joined(_without_head(text[before.end:place.start])) \
        and bounds_between(before, places, text)


def is_locator(place: Mention, places: list[Mention], mentions: Mentions, text: str) -> bool:
    """True when a place is only measured from: a distance stands just before it and another
    place is said before the distance (الرمادي مركز محافظة الأنبار، نحو 110 كم غرب العاصمة
    بغداد: the attack is at الرمادي, بغداد only says how far that is).

    >>> from workbench.claims.index import Mention
    >>> t = "في الخالدية (23 كم جنوبي الفلوجة)"
    >>> a = Mention(3, 11, "الخالدية", "place", "Khalidiyah", place_type="city")
    >>> b = Mention(20, 33, "جنوبي الفلوجة", "place", "south of Fallujah", "direction")
    >>> q = Mention(13, 18, "23 كم", "quantity", "23", dimension="length")
    >>> is_locator(b, [a, b], Mentions([a, b, q]), t), is_locator(a, [a, b], Mentions([a, b, q]), t)
    (True, False)
    """
    # a distance that ends within reach of the place, however long its own words (390 كيلومترا)
    distances = [q for q in mentions.before(place.start, since=max(0, place.start - 2 * _DISTANCE_REACH),
                                            kind="quantity")
                 if q.dimension == "length" and q.end >= place.start - _DISTANCE_REACH]
    if not distances:
        return False
    gap = text[distances[-1].end:place.start]
    if any(c in gap for c in ".,\u060c:;") or len(gap.split()) > 3:
        return False
    before = [t.key for t in tokenize(text[max(0, distances[-1].start - _LOOKBACK):
                                           distances[-1].start]) if t.kind == "word"]
    if before and any(f in _LIES_AT for f in word_forms(before[-1])):
        return True  # المدينة التي تبعد 390 كيلومترا إلى الشمال من بغداد: what lies that far
    return any(p is not place and p.end <= distances[-1].start for p in places)
