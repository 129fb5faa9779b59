"""Score the workbench's events and place mentions against the hand-coded events benchmark.

    python benchmarks/events_eval.py --split dev|test|all

Reads benchmarks/events/{documents,gold_events,gold_places}.csv and the article texts from
benchmarks/events/texts/ (openly licensed, committed) and benchmarks/_work/events/texts/
(cited-only, local). Uses only the public API: workbench.analyze(text, published=, doc_id=).
Documents without gold rows or without text are skipped and counted.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import workbench

HERE = Path(__file__).resolve().parent
DATA = HERE / "events"
TEXT_DIRS = (DATA / "texts", HERE / "_work" / "events" / "texts")

_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك])?(?:ال)?)")


def norm(s: str) -> str:
    """Fold Arabic spelling variants: diacritics, tatweel, alef/ya/ta marbuta forms."""
    s = _DIACRITICS.sub("", s or "")
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(s.split()).strip(" \"'«»“”()")


def norm_word(s: str) -> str:
    """norm() plus the leading proclitics و ف ب ل ك and the article ال, word by word."""
    out = []
    for w in norm(s).split():
        stripped = _PROCLITIC.sub("", w)
        out.append(stripped if len(stripped) >= 2 else w)
    return " ".join(out)


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
    tolls: list[int] = field(default_factory=lambda: [0, 0])
    wounded: list[int] = field(default_factory=lambda: [0, 0])
    place_gold: int = 0
    place_found: int = 0
    mention_rows: int = 0
    mention_right: int = 0


def place_match(gold: dict[str, str], pred: Any, surfaces: dict[str, set[str]]) -> bool:
    """Same canonical place, or the gold place_text among the surfaces of the predicted places."""
    places = " ; ".join(str(col(pred, n) or "") for n in ("places", "location"))
    canon = [p.strip().lower() for p in re.split(r"[;|]", places) if p.strip()]
    if gold["place"] and gold["place"].lower() in canon:
        return True
    said = set().union(*(surfaces.get(c, set()) for c in canon)) | {norm_word(places)}
    surface = norm_word(gold["place_text"])
    return bool(surface) and any(surface == s or surface in s.split(" ; ") for s in said)


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
    for g in gold:
        g_date = interval(g["date"])
        t.gold_all += 1
        main = g["role"] == "main"
        t.gold_main += main
        hit = None
        for i, p in enumerate(preds):
            if i in used or not place_match(g, p, surfaces):
                continue
            p_date = interval(f"{col(p, 'start') or ''}/{col(p, 'end') or ''}".strip("/"))
            if overlaps(p_date, g_date):
                hit = i
                break
        if g_date is not None:
            t.dated_gold += 1
        if hit is None:
            continue
        used.add(hit)
        p = preds[hit]
        t.all_found += 1
        t.main_found += main
        if g_date is not None:
            t.dated_right += 1
        for key, pcols, box in (("fatalities", ("fatalities", "count_value"), t.tolls),
                                ("injured", ("injured",), t.wounded)):
            lo, hi = num(g[f"{key}_min"]), num(g[f"{key}_max"])
            if lo is None:
                continue
            box[1] += 1
            value = num(col(p, *pcols))
            value = 0.0 if value is None and lo == 0 else value
            if value is not None and lo <= value <= (hi if hi is not None else lo):
                box[0] += 1
    t.pred_matched += len(used)
    found = {norm_word(str(x)) for x in (pm["text"] if len(pm) else [])}
    real = {norm_word(p["surface"]) for p in places if p["not_place"] != "yes"}
    fake = {norm_word(p["surface"]) for p in places if p["not_place"] == "yes"}
    t.place_gold += len(real)
    t.place_found += sum(1 for s in real if s in found or any(s in f for f in found))
    for f in found:
        t.mention_rows += 1
        t.mention_right += any(f == s or f in s or s in f for s in real) and f not in fake


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f} %" if b else f"{a}/0"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    args = ap.parse_args(argv)
    docs = [d for d in read_csv(DATA / "documents.csv") if args.split in ("all", d["split"])]
    gold = read_csv(DATA / "gold_events.csv")
    places = read_csv(DATA / "gold_places.csv")
    coded = {g["doc_id"] for g in gold}
    t = Tally()
    for doc in docs:
        if doc["doc_id"] not in coded:
            continue
        score_doc(t, doc, [g for g in gold if g["doc_id"] == doc["doc_id"]],
                  [p for p in places if p["doc_id"] == doc["doc_id"]])
    print(f"split {args.split}: {len(docs)} documents, {t.docs_total} with gold, "
          f"{t.docs_with_text} with text available")
    print(f"main events found            {pct(t.main_found, t.gold_main)}")
    print(f"all events found (incl. bg)  {pct(t.all_found, t.gold_all)}")
    print(f"event precision              {pct(t.pred_matched, t.pred_rows)}")
    print(f"knowable dates right         {pct(t.dated_right, t.dated_gold)}")
    print(f"death toll right (matched)   {pct(*t.tolls)}")
    print(f"wounded toll right (matched) {pct(*t.wounded)}")
    print(f"place names found            {pct(t.place_found, t.place_gold)}")
    print(f"place mentions right         {pct(t.mention_right, t.mention_rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
