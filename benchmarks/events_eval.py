"""Score the workbench's events and place mentions against the hand-coded events benchmark.

    python benchmarks/events_eval.py --split dev|test|all
    python benchmarks/events_eval.py --split test --ids ev083-ev110   # one batch of documents apart
    python benchmarks/events_eval.py --split dev --failures   # what was missed (dev only)
    python benchmarks/events_eval.py --split dev --place-failures   # places missed or wrong
    python benchmarks/events_eval.py --split dev --half 1   # one half of dev (sha1 parity)
    python benchmarks/events_eval.py --split dev --ablate   # dev's small places made unknown

Reads benchmarks/events/{documents,gold_events,gold_places}.csv and the article texts from
benchmarks/events/texts/ (openly licensed, committed) and benchmarks/_work/events/texts/
(cited-only, local). Uses only the public API: workbench.analyze(text, published=, doc_id=).
Documents without gold rows or without text are skipped and counted.

After the figures, the "why" lines count, for any split (counts only, no text), the first
failing step of each missed main event (place not read; read but no row there; a row only at
a coarser or finer place; a row there on another day; a row there paired with another event),
the reason of each false row (a duplicate, a place with no gold event, no place, not an
attack, another day, a place containing or inside a gold one), and how death tolls are wrong.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# Score this checkout's package, not whichever one the environment installed.
if str(HERE.parent) not in sys.path:  # run as a script: python benchmarks/events_eval.py
    sys.path.insert(0, str(HERE.parent))

import workbench  # noqa: E402

DATA = HERE / "events"
TEXT_DIRS = (DATA / "texts", HERE / "_work" / "events" / "texts")

_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def norm(s: str) -> str:
    """Fold Arabic spelling variants: diacritics, tatweel, alef/ya/ta marbuta forms."""
    s = _DIACRITICS.sub("", s or "")
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(s.split()).strip(" \"'«»“”()")


_PREFIXES = {"و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل",
             "فك", "وبال", "وكال", "فبال", "ولل", "فلل"}


def norm_word(s: str) -> str:
    """norm() kept word by word; proclitics are handled when words are compared (word_eq)."""
    return " ".join(norm(w) for w in norm(s).split())


def _clitic_of(longer: str, shorter: str) -> bool:
    """longer = a proclitic cluster + shorter ("ببغداد", "والموصل"), or لل + shorter without ال."""
    if len(shorter) < 2:
        return False
    if longer.endswith(shorter) and longer[: len(longer) - len(shorter)] in _PREFIXES:
        return True
    stem = shorter[2:]
    return shorter.startswith("ال") and longer in {"لل" + stem, "ولل" + stem, "فلل" + stem}


def word_eq(a: str, b: str) -> bool:
    """Same word up to the proclitics و ف ب ل ك and the article ال on either side."""
    return a == b or _clitic_of(a, b) or _clitic_of(b, a)


def words_within(a: str, b: str) -> bool:
    """True when the words of a occur, word_eq by word_eq, as a contiguous run inside b."""
    aw, bw = a.split(), b.split()
    if not aw or len(aw) > len(bw):
        return False
    return any(all(word_eq(x, y) for x, y in zip(aw, bw[i:i + len(aw)], strict=True))
               for i in range(len(bw) - len(aw) + 1))


def same_phrase(a: str, b: str) -> bool:
    aw, bw = a.split(), b.split()
    return bool(aw) and len(aw) == len(bw) and all(word_eq(x, y) for x, y in zip(aw, bw, strict=True))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_text(doc_id: str) -> str | None:
    for d in TEXT_DIRS:
        p = d / f"{doc_id}.txt"
        if p.exists():
            return p.read_text(encoding="utf-8")
    return None


def interval(value: Any) -> tuple[str, str] | None:
    """ISO date, month, year or 'a/b' interval -> (first day, last day) as sortable strings."""
    s = str(value or "").strip()
    if not s or s.lower() in {"nan", "none", "nat"} or "X" in s:
        return None
    a, _, b = s.partition("/")
    b = b or a
    lo, hi = a[:10], b[:10]
    return (lo + "-01-01"[len(lo) - 4:] if len(lo) < 10 else lo,
            hi + "-12-31"[len(hi) - 4:] if len(hi) < 10 else hi)


def overlaps(p: tuple[str, str] | None, g: tuple[str, str] | None) -> bool:
    return g is None or (p is not None and p[0] <= g[1] and g[0] <= p[1])


def num(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if f != f else f


def col(row: Any, *names: str) -> Any:
    for n in names:
        if n in row and str(row[n]) not in {"", "nan", "None", "NaT", "<NA>"}:
            return row[n]
    return None


@dataclass
class Tally:
    docs_total: int = 0
    docs_with_text: int = 0
    gold_main: int = 0
    main_found: int = 0
    gold_all: int = 0
    all_found: int = 0
    pred_rows: int = 0
    pred_matched: int = 0
    dated_gold: int = 0
    dated_right: int = 0
    dated_other_day: int = 0  # a row at the gold place, but on another date
    dated_no_row: int = 0  # no row at the gold place at all
    tolls: list[int] = field(default_factory=lambda: [0, 0])
    wounded: list[int] = field(default_factory=lambda: [0, 0])
    place_gold: int = 0
    place_found: int = 0
    mention_rows: int = 0
    mention_right: int = 0
    failures: list[str] | None = None
    place_failures: list[str] | None = None
    # why: counts only (no text), so they may be printed for test too
    why_missed: Counter = field(default_factory=Counter)  # missed main events, first failing step
    why_extra: Counter = field(default_factory=Counter)  # rows paired with no gold event
    why_deaths: Counter = field(default_factory=Counter)  # matched events, death toll wrong
    why_dates: Counter = field(default_factory=Counter)  # matched events, knowable date wrong
    place_why: Counter = field(default_factory=Counter)  # see place_reasons()


# generic heads that may be dropped from a gold place_text ("محافظة الحسكة" ~ "الحسكة"; مديرية is
# Yemen's district, as قضاء is Iraq's); not مطار, قاعدة, مستشفى or ريف, whose dropping would name a
# different place ("مطار بغداد" is not بغداد)
_GENERIC = {"محافظه", "مدينه", "بلده", "قريه", "حي", "حاره", "منطقه", "قضاء", "ناحيه", "مديريه", "مخيم",
            "مجمع", "سجن", "احياء", "مناطق"}


def place_forms(surface: str) -> set[str]:
    """norm_word(surface), plus the same without a leading generic head such as محافظة, حي, بلدة."""
    s = norm_word(surface)
    words = s.split()
    forms = {s} if s else set()
    if len(words) > 1 and any(word_eq(words[0], g) for g in _GENERIC):
        forms.add(" ".join(words[1:]))
    return forms


def canon_key(name: str) -> str:
    """Fold a Latin place name: accents, case, hyphens, a leading article (al-, ar-, ad-, as-, …)
    and a final h of ta marbuta (Hillah = Hilla, Fallujah = Falluja)."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[\u2018\u2019'`]", "", s)
    s = re.sub(r"[-_]", " ", s)
    s = re.sub(r"\b(?:a[lnrdstz]|ash|adh|ath)\s+", "", s)
    s = re.sub(r"(?<=[aeiy])h\b", "", s)  # ta marbuta written or not: Hillah = Hilla
    return " ".join(s.split())


def place_match(gold: dict[str, str], pred: Any, surfaces: dict[str, set[str]],
                columns: tuple[str, ...] = ("places", "location")) -> bool:
    """Same canonical place (folded), or the gold place_text among the surfaces of the predicted places."""
    places = " ; ".join(str(col(pred, n) or "") for n in columns)
    canon = [p.strip().lower() for p in re.split(r"[;|]", places) if p.strip()]
    if gold["place"] and canon_key(gold["place"]) in {canon_key(c) for c in canon}:
        return True
    said = set().union(*(surfaces.get(c, set()) for c in canon))
    said |= {norm_word(c) for c in canon}
    forms = place_forms(gold["place_text"])
    return any(same_phrase(f, x) for f in forms for s in said for x in place_forms(s))


def candidates(g: dict[str, str], preds: list[Any], surfaces: dict[str, set[str]]) -> list[int]:
    """The predictions that may be the gold event, best first: at the gold place with dates that
    overlap the gold date, then there with no date at all (found, but its date is not right); a
    prediction whose date conflicts with the gold date is a different event. Rows whose own
    location is the gold place come before rows that only name it."""
    g_date = interval(g["date"])
    order = sorted(range(len(preds)), key=lambda i: not place_match(g, preds[i], surfaces, ("location",)))
    dated, undated = [], []
    for i in order:
        p = preds[i]
        if not place_match(g, p, surfaces):
            continue
        p_date = interval(f"{col(p, 'start') or ''}/{col(p, 'end') or ''}".strip("/"))
        if g_date is not None and p_date is None:
            undated.append(i)
        elif overlaps(p_date, g_date):
            dated.append(i)
    return dated + undated


def match_gold(
    g: dict[str, str], preds: list[Any], surfaces: dict[str, set[str]], used: set[int]
) -> tuple[int | None, bool]:
    """The best unused candidate (:func:`candidates`) and whether its date is right."""
    hit = next((i for i in candidates(g, preds, surfaces) if i not in used), None)
    return hit, hit is not None and _date_right(g, preds[hit])


def _date_right(g: dict[str, str], pred: Any) -> bool:
    g_date = interval(g["date"])
    p_date = interval(f"{col(pred, 'start') or ''}/{col(pred, 'end') or ''}".strip("/"))
    return g_date is not None and p_date is not None and overlaps(p_date, g_date)


def assign(gold: list[dict[str, str]], preds: list[Any], surfaces: dict[str, set[str]]) -> dict[int, int]:
    """Gold event → prediction, each prediction used once, as many gold events paired as the
    candidates allow: each gold event takes its best free candidate, and one already taken is
    freed when the event holding it can move to another of its own (augmenting paths)."""
    return matching([candidates(g, preds, surfaces) for g in gold])


def matching(options: list[list[int]]) -> dict[int, int]:
    """Gold event → prediction from each gold event's candidates in order of preference, each
    prediction used once, as many paired as the candidates allow (augmenting paths)."""
    owner: dict[int, int] = {}

    def place(n: int, seen: set[int]) -> bool:
        for i in options[n]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or place(owner[i], seen):
                owner[i] = n
                return True
        return False

    for n in range(len(options)):
        free = next((i for i in options[n] if i not in owner), None)
        if free is not None:
            owner[free] = n
        else:
            place(n, set())
    return {n: i for i, n in owner.items()}


# How fine a kind of place is (smaller: smaller place), over the gold's kinds and the
# workbench's place types; used only to tell a containing place from one inside.
_FINENESS = {
    "neighbourhood": 0, "square": 0, "area": 0, "street": 0, "other": 0, "base": 0, "air_base": 0,
    "military_base": 0, "prison": 0, "camp": 0, "crossing": 0, "dam": 0, "airport": 0,
    "oil_field": 0, "refinery": 0, "village": 1, "town": 1, "city": 2, "capital": 2,
    "subdistrict": 3, "district": 3, "mountain": 3, "governorate": 4, "province": 4, "region": 5,
    "border": 5, "country": 6, "continent": 7,
}

MISSED = {
    "a": "gold place not among the document's place mentions",
    "a1": "  of which: inside a longer place mention",
    "a2": "  of which: in the text, in no place mention",
    "b": "place read, no row there nor at a place containing or inside it",
    "b0": "  of which: the document has no event row at all",
    "c": "a row at a containing (coarser) place only",
    "f": "a row at a place inside it (finer) only",
    "d": "a row at the place, date incompatible",
    "e": "a row at the place with a fitting date, paired with another gold event",
    "e1": "  of which: the row is located at the other event's place (places lumped)",
}
EXTRA = {
    "a": "duplicate of a found event (its place, a fitting date)",
    "b": "at a place with no gold event",
    "b1": "  of which: a background row",
    "c": "no place",
    "d": "not an attack (protest, strategic development)",
    "e": "at a gold event's place, on another day",
    "f": "at a place containing a gold event's place",
    "g": "at a place inside a gold event's place",
}
DEATHS = {"none": "none given", "low": "too low", "high": "too high"}
DATES = {"none": "none given", "early": "too early", "late": "too late"}


def gold_kind(g: dict[str, str], places: list[dict[str, str]]) -> str:
    """The kind the places file gives the gold event's place_text (town when it is not listed)."""
    forms = place_forms(g["place_text"])
    for p in places:
        if forms & place_forms(p["surface"]):
            return p["kind"]
    return "town"


def _same(a: Any, b: Any) -> bool:
    return bool(str(a or "").strip()) and canon_key(str(a)) == canon_key(str(b or ""))


def contains(pred: Any, g: dict[str, str], kind: str) -> bool:
    """The row's location is coarser than the gold place and holds it: the gold's country,
    governorate (or a town of the same governorate around a neighbourhood or village)."""
    fine = _FINENESS.get(str(col(pred, "place_type") or ""), 1)
    if not col(pred, "location") or fine <= _FINENESS.get(kind, 1):
        return False
    if fine >= _FINENESS["country"]:
        return _same(col(pred, "country"), g["country"])
    return _same(col(pred, "admin1"), g["admin1"]) or _same(col(pred, "location"), g["admin1"])


def inside(pred: Any, g: dict[str, str], kind: str) -> bool:
    """The row's location is finer than the gold place and in the same governorate (country)."""
    fine = _FINENESS.get(str(col(pred, "place_type") or ""), 1)
    if not col(pred, "location") or fine >= _FINENESS.get(kind, 1):
        return False
    if _FINENESS.get(kind, 1) >= _FINENESS["country"]:
        return _same(col(pred, "country"), g["country"])
    return _same(col(pred, "admin1"), g["admin1"])


def why_missed(g: dict[str, str], preds: list[Any], surfaces: dict[str, set[str]], kind: str,
               text: str = "") -> str:
    """The first failing step for a gold event no row was paired with (a key of MISSED; a
    sub-key such as a1 is counted within its letter)."""
    at_place = [p for p in preds if place_match(g, p, surfaces)]
    if not at_place and not place_match(g, {"places": ";".join(surfaces)}, surfaces):
        said = {x for forms in surfaces.values() for x in forms}
        if any(words_within(f, x) for f in place_forms(g["place_text"]) for x in said):
            return "a1"
        return "a2" if words_within(norm_word(g["place_text"]), norm_word(text)) else "a"
    if at_place:
        if not candidates(g, preds, surfaces):
            return "d"
        own = any(place_match(g, p, surfaces, ("location",)) for p in at_place)
        return "e" if own else "e1"
    if any(inside(p, g, kind) for p in preds):
        return "f"
    if any(contains(p, g, kind) for p in preds):
        return "c"
    return "b0" if not preds else "b"


def why_extra(pred: Any, gold: list[dict[str, str]], found: set[int], surfaces: dict[str, set[str]],
              kinds: list[str]) -> str:
    """Why a row was paired with no gold event (a key of EXTRA), first reason first."""
    p_date = interval(f"{col(pred, 'start') or ''}/{col(pred, 'end') or ''}".strip("/"))
    here = [n for n, g in enumerate(gold) if place_match(g, pred, surfaces)]
    if any(n in found and (p_date is None or overlaps(p_date, interval(gold[n]["date"]))) for n in here):
        return "a"
    if here:
        return "e"
    if not col(pred, "location"):
        return "c"
    if col(pred, "event_type") in ("Protests", "Strategic developments"):
        return "d"
    if any(contains(pred, g, k) for g, k in zip(gold, kinds, strict=True)):
        return "f"
    if any(inside(pred, g, k) for g, k in zip(gold, kinds, strict=True)):
        return "g"
    return "b1" if col(pred, "role") == "background" else "b"


def why_date(g: dict[str, str], pred: Any) -> str:
    """How a matched event's knowable date is wrong (a key of DATES)."""
    p_date = interval(f"{col(pred, 'start') or ''}/{col(pred, 'end') or ''}".strip("/"))
    g_date = interval(g["date"])
    if p_date is None or g_date is None:
        return "none"
    return "early" if p_date[1] < g_date[0] else "late"


def score_doc(
    t: Tally, doc: dict[str, str], gold: list[dict[str, str]], places: list[dict[str, str]]
) -> None:
    text = read_text(doc["doc_id"])
    t.docs_total += 1
    if text is None:
        return
    t.docs_with_text += 1
    a = workbench.analyze(text, published=doc["published"] or None, doc_id=doc["doc_id"])
    ev = a.events
    preds = [row for _, row in ev.iterrows()] if len(ev) else []
    mentions = a.mentions
    pm = mentions[mentions["kind"] == "place"] if len(mentions) else mentions
    surfaces: dict[str, set[str]] = {}
    for _, m in pm.iterrows():
        surfaces.setdefault(str(m["value"]).lower(), set()).add(norm_word(str(m["text"])))
    t.pred_rows += len(preds)
    used: set[int] = set()
    paired = assign(gold, preds, surfaces)
    kinds = [gold_kind(g, places) for g in gold]
    for n, g in enumerate(gold):
        g_date = interval(g["date"])
        t.gold_all += 1
        main = g["role"] == "main"
        t.gold_main += main
        hit = paired.get(n)
        date_ok = hit is not None and _date_right(g, preds[hit])
        if g_date is not None:
            t.dated_gold += 1
        if hit is None:
            if g_date is not None and any(place_match(g, p, surfaces) for p in preds):
                t.dated_other_day += 1
            elif g_date is not None:
                t.dated_no_row += 1
            why = why_missed(g, preds, surfaces, kinds[n], text)
            t.why_missed[why] += main
            _fail(t, f"{g['event_id']} missed ({why}): {g['place_text']} / {g['date'] or g['date_text']}")
            continue
        used.add(hit)
        p = preds[hit]
        t.all_found += 1
        t.main_found += main
        t.dated_right += date_ok
        for key, pcols, box in (("fatalities", ("fatalities", "count_value"), t.tolls),
                                ("injured", ("injured",), t.wounded)):
            lo, hi = num(g[f"{key}_min"]), num(g[f"{key}_max"])
            if lo is None:
                continue
            box[1] += 1
            value = num(col(p, pcols[0]))
            if value is None and col(p, pcols[0]) is None and len(pcols) > 1 and person_count(p):
                value = num(col(p, *pcols[1:]))
            value = 0.0 if value is None and lo == 0 else value
            if value is not None and lo <= value <= (hi if hi is not None else lo):
                box[0] += 1
            else:
                if key == "fatalities":
                    t.why_deaths["none" if value is None else "low" if value < lo else "high"] += 1
                _fail(t, f"{g['event_id']} {key}: gold {lo:g}..{hi if hi is not None else lo:g}, "
                         f"got {col(p, pcols[0])}")
        if g_date is not None and not date_ok:
            t.why_dates[why_date(g, p)] += 1
            _fail(t, f"{g['event_id']} date: gold {g['date']}, got {col(p, 'start')} "
                     f"({col(p, 'date_text')})")
    t.pred_matched += len(used)
    for i, p in enumerate(preds):
        if i not in used:
            why = why_extra(p, gold, set(paired), surfaces, kinds)
            t.why_extra[why] += 1
            _fail(t, f"{doc['doc_id']} extra row ({why}): {col(p, 'kind')} at {col(p, 'location')} "
                     f"{col(p, 'start')} ({col(p, 'role')})")
    found = {norm_word(str(x)) for x in (pm["text"] if len(pm) else [])}
    real = {norm_word(p["surface"]) for p in places if p["not_place"] != "yes"}
    fake = {norm_word(p["surface"]) for p in places if p["not_place"] == "yes"}
    t.place_gold += len(real)
    for s in sorted(real):
        hit = any(words_within(s, f) for f in found)
        t.place_found += hit
        if not hit and t.place_failures is not None:
            t.place_failures.append(f"{doc['doc_id']} place missed: {s}")
    for f in sorted(found):
        t.mention_rows += 1
        right = (any(words_within(f, s) or words_within(s, f) for s in real)
                 and not any(same_phrase(f, x) for x in fake))
        t.mention_right += right
        if not right and t.place_failures is not None:
            t.place_failures.append(f"{doc['doc_id']} wrong place: {f}")
    written = {norm_word(p["surface"]): p["surface"] for p in places if p["not_place"] != "yes"}
    t.place_why.update(place_reasons(text, mentions, real, fake, written))


def _fail(t: Tally, line: str) -> None:
    if t.failures is not None:
        t.failures.append(line)


_PERSON_UNITS = {"", "شخص", "اشخاص", "شهيد", "قتيل", "مدني", "ضحيه", "مواطن", "مقاتل", "عنصر", "جندي",
                 "طفل", "امراه", "عامل", "زائر", "ارهابي", "مسلح"}


def person_count(pred: Any) -> bool:
    """A count may stand for the death toll only when it counts people (not cars, rockets, km)."""
    return norm(str(col(pred, "count_unit") or "")) in _PERSON_UNITS


# --- why place names are missed or wrong (counts only: printed for every split) -------------

MISS_REASONS = {
    "cut": "found with a shorter span (a mention inside the name)",
    "other_span": "found with another span (a longer or overlapping mention)",
    "other_kind": "read as another kind (actor, outlet, time, count)",
    "vetoed": "gazetteer matched it in the text, a rule dropped it",
    "not_in_text": "in a gazetteer, this spelling not in the text as a key matches it",
    "not_matched": "in a gazetteer and in the text, not matched",
    "unknown_after_head": "in no gazetteer, after a place head noun",
    "unknown_bare": "in no gazetteer, no head noun before it",
}
WRONG_REASONS = {
    "look_alike": "a look-alike the gold lists as no place (outlet, person, word)",
    "span": "a gold place with another span (longer, shorter, overlapping)",
    "unlisted_gazetteer": "no gold place: a gazetteer name",
    "unlisted_grammar": "no gold place: a name read after a head noun",
    "unlisted_region": "no gold place: a direction or border phrase",
}


def _shares_word(a: str, b: str) -> bool:
    return any(word_eq(x, y) for x in a.split() for y in b.split())


def _gazetteer_keys(surface: str) -> set[str]:
    """Matching keys a gold surface (as written: the keys keep the hamza seat, إسرائيل →
    اسرائيل, which norm() folds away) may be held under: as written, without a generic head,
    with and without the article."""
    from workbench.text.arabic import match_key

    words = match_key(surface).split()
    forms = {" ".join(words)} if words else set()
    if len(words) > 1 and any(word_eq(norm(words[0]), g) for g in _GENERIC):
        forms.add(" ".join(words[1:]))
    out = set()
    for k in forms:
        out |= {k, "ال" + k}
        if k.startswith("ال"):
            out.add(k[2:])
    return out


def place_reasons(text: str, mentions: Any, real: set[str], fake: set[str],
                  written: dict[str, str] | None = None) -> Counter:
    """Why each gold place name of a document is missed and each wrong place mention is
    wrong, as counts keyed ("missed", reason) / ("wrong", reason) (MISS_REASONS,
    WRONG_REASONS). ``written`` maps a normalised gold name to its surface as written, the
    form the gazetteer's keys are compared with. Counts carry no text, so they are printed
    for the test split too."""
    from workbench.find.gazetteer import gazetteer
    from workbench.find.local_names import place_heads
    from workbench.text.lexmatch import fold

    why: Counter = Counter()
    rows = [] if not len(mentions) else [m for _, m in mentions.iterrows()]
    # one entry per distinct text, as the scorer counts mentions
    places = list({norm_word(str(m["text"])): (norm_word(str(m["text"])), str(m["flags"]),
                                                str(m["place_type"]))
                   for m in reversed(rows) if m["kind"] == "place"}.values())
    others = [norm_word(str(m["text"])) for m in rows if m["kind"] != "place"]
    found = {f for f, _, _ in places}
    g = gazetteer()
    folded = fold(text)
    matched = {m.key for m in g.lexicon.matches(folded)}
    words = norm_word(text).split()
    for s in real:
        if any(words_within(s, f) for f in found):
            continue
        keys = _gazetteer_keys((written or {}).get(s, s))
        if any(words_within(f, s) for f in found):
            reason = "cut"
        elif any(_shares_word(s, f) for f in found):
            reason = "other_span"
        elif any(_shares_word(s, o) for o in others):
            reason = "other_kind"
        elif keys & matched:
            reason = "vetoed"
        elif keys & set(g.by_key):
            in_text = any(words_within(f, " ".join(words)) for f in place_forms(s))
            reason = "not_matched" if in_text else "not_in_text"
        else:
            reason, detail = _unknown_reason(s, words, place_heads())
            why["unknown", detail] += 1
        why["missed", reason] += 1
    for f, flags, kind in places:
        if any(words_within(f, s) or words_within(s, f) for s in real) \
                and not any(same_phrase(f, x) for x in fake):
            continue
        if any(same_phrase(f, x) for x in fake):
            reason = "look_alike"
        elif any(_shares_word(f, s) for s in real):
            reason = "span"
        elif "direction" in flags or kind in ("region", "border"):
            reason = "unlisted_region"
        elif "unknown_place" in flags:
            reason = "unlisted_grammar"
        else:
            reason = "unlisted_gazetteer"
        why["wrong", reason] += 1
    return why


def _unknown_reason(s: str, words: list[str], heads: dict[str, dict[str, str]]) -> tuple[str, str]:
    """A name in no gazetteer: after which head (its kind and strictness), or bare after a
    place preposition or not, and how many words it has."""
    from workbench.find.local_names import place_prepositions

    text = " ".join(words)
    size = "1 word" if len(s.split()) == 1 else "2+ words"
    for h, spec in heads.items():
        if s.split()[0] == norm(h) or words_within(f"{norm(h)} {s}", text):
            return "unknown_after_head", f"head {spec['place_type']}, strict {spec['strict']}, {size}"
    preps = {norm(w) for w in place_prepositions()}
    after_prep = any(words_within(f"{w} {s}", text) for w in preps) or any(
        words_within(f"ب{s}", text) for _ in (0,)) or any(words_within(f"ب{s[2:]}", text)
                                                       for _ in (0,) if s.startswith("ال"))
    return "unknown_bare", f"bare, {'after a place preposition' if after_prep else 'no preposition'}, {size}"


def print_place_reasons(t: Tally) -> None:
    """The counts of :func:`place_reasons`, missed names then wrong mentions."""
    for side, table in (("missed", MISS_REASONS), ("wrong", WRONG_REASONS)):
        print(f"place names {side}, by reason:")
        for reason, says in table.items():
            print(f"  {t.place_why[side, reason]:4d}  {reason:20s} {says}")
    print("place names in no gazetteer, by context:")
    for (side, detail), n in sorted(t.place_why.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        if side == "unknown":
            print(f"  {n:4d}  {detail}")


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f} %" if b else f"{a}/0"


def id_range(spec: str) -> tuple[str, str]:
    """'ev083-ev110' -> ('ev083', 'ev110'): the documents of one batch, scored apart from the rest."""
    m = re.fullmatch(r"(ev\d{3})-(ev\d{3})", spec.strip())
    if not m or m[1] > m[2]:
        raise argparse.ArgumentTypeError(
            f"--ids wants a range of document ids such as ev083-ev110, not {spec!r}")
    return m[1], m[2]


def half_of(doc_id: str) -> int:
    """The half (0 or 1) a document falls in by the parity of the SHA-1 of its id: a rule
    written from one half of dev is checked on the other, which it was not written from.

    >>> half_of("ev003"), half_of("ev004")
    (0, 1)
    """
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2


def print_why(t: Tally) -> None:
    """The counts of why events were missed and rows are false (no text: fit for any split)."""
    for title, total, counts, labels in (
            ("missed main events", t.gold_main - t.main_found, t.why_missed, MISSED),
            ("false rows", t.pred_rows - t.pred_matched, t.why_extra, EXTRA),
            ("death tolls wrong", t.tolls[1] - t.tolls[0], t.why_deaths, DEATHS),
            ("knowable dates wrong (matched)", sum(t.why_dates.values()), t.why_dates, DATES)):
        print(f"why: {title} {total}")
        for key, label in labels.items():
            # a count holds those of the "of which" lines under it (a1, a2 are within a)
            subs = [k for k in labels if k != key and k.startswith(key) and labels[k].startswith("  of")]
            n = counts[key] + sum(counts[k] for k in subs)
            print(f"  ({key:>4}) {n:4d}  {label}")


PLACE_FIELDS = ("place_found", "place_gold", "mention_right", "mention_rows")


def country_group(doc: dict[str, str]) -> str:
    """The group a document's place figures are counted in: iraq, syria, or other (Yemen,
    Somalia, Lebanon, Sudan, Chad ...), so the wars beyond the two are seen apart."""
    country = doc.get("country", "").strip().lower()
    return country if country in ("iraq", "syria") else "other"


def print_places_by_country(counts: dict[str, Counter]) -> None:
    """Place names found and place mentions right per country group (counts only)."""
    print("places by country of the document: names found | mentions right")
    for group in ("iraq", "syria", "other"):
        c = counts.get(group, Counter())
        print(f"  {group:<6} {pct(c['place_found'], c['place_gold']):<22} | "
              f"{pct(c['mention_right'], c['mention_rows'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--failures", action="store_true",
                    help="list what was missed or wrong (dev only: test failures are never read)")
    ap.add_argument("--place-failures", action="store_true",
                    help="list gold place names missed and place mentions that are wrong "
                         "(dev only)")
    ap.add_argument("--ids", type=id_range, metavar="FIRST-LAST",
                    help="only the documents whose id is in this range, e.g. ev083-ev110")
    ap.add_argument("--half", type=int, choices=(0, 1),
                    help="only the documents of this half (parity of sha1(doc_id)): write a "
                         "rule from one half of dev, check it on the other")
    ap.add_argument("--ablate", action="store_true",
                    help="remove from the gazetteer the rows holding a dev gold place of a small "
                         "kind, so those names are unknown (dev only; see ablation.py)")
    args = ap.parse_args(argv)
    if (args.failures or args.place_failures) and args.split != "dev":
        ap.error("--failures and --place-failures are for the dev split only: "
                 "rules are never written from test")
    if args.ablate and args.split != "dev":
        ap.error("--ablate reads the gold places of the documents: dev only")
    docs = [d for d in read_csv(DATA / "documents.csv") if args.split in ("all", d["split"])
            and (args.ids is None or args.ids[0] <= d["doc_id"] <= args.ids[1])
            and (args.half is None or half_of(d["doc_id"]) == args.half)]
    gold = read_csv(DATA / "gold_events.csv")
    places = read_csv(DATA / "gold_places.csv")
    coded = {g["doc_id"] for g in gold}
    if args.ablate:
        from benchmarks.ablation import ablate, ablated_keys

        dev = {d["doc_id"] for d in read_csv(DATA / "documents.csv") if d["split"] == "dev"}
        ablate(ablated_keys(places, dev, _gazetteer_keys))
    t = Tally(failures=[] if args.failures else None,
              place_failures=[] if args.place_failures else None)
    by_country: dict[str, Counter] = {}
    for doc in docs:
        if doc["doc_id"] not in coded:
            continue
        before = [getattr(t, f) for f in PLACE_FIELDS]
        score_doc(t, doc, [g for g in gold if g["doc_id"] == doc["doc_id"]],
                  [p for p in places if p["doc_id"] == doc["doc_id"]])
        group = by_country.setdefault(country_group(doc), Counter())
        for f, b in zip(PLACE_FIELDS, before, strict=True):
            group[f] += getattr(t, f) - b
    batch = f" ({args.ids[0]}-{args.ids[1]})" if args.ids else ""
    batch += f" (half {args.half})" if args.half is not None else ""
    batch += " (ablated)" if args.ablate else ""
    print(f"split {args.split}{batch}: {len(docs)} documents, {t.docs_total} with gold, "
          f"{t.docs_with_text} with text available")
    print(f"main events found            {pct(t.main_found, t.gold_main)}")
    print(f"all events found (incl. bg)  {pct(t.all_found, t.gold_all)}")
    print(f"event precision              {pct(t.pred_matched, t.pred_rows)}")
    print(f"knowable dates right         {pct(t.dated_right, t.dated_gold)}")
    print(f"  missed, a row at the place on another date {t.dated_other_day}, "
          f"no row at the place {t.dated_no_row}")
    print(f"death toll right (matched)   {pct(*t.tolls)}")
    print(f"wounded toll right (matched) {pct(*t.wounded)}")
    print(f"place names found            {pct(t.place_found, t.place_gold)}")
    print(f"place mentions right         {pct(t.mention_right, t.mention_rows)}")
    print_places_by_country(by_country)
    print_why(t)
    print_place_reasons(t)
    for line in [*(t.failures or ()), *(t.place_failures or ())]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
