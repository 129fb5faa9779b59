"""Count, head by head, how often a name the grammar reads after a place head noun is a real place.

Run from the repository root: ``.venv/bin/python scripts/count_head_names.py [--write]``. It reads
the dev documents of ``benchmarks/events`` and NewsFANE's dev half only (test documents of
either are never read), with the disk cache off.

A head's ``strict`` (``place_heads.csv``) says what a name after it needs besides the grammar:
``no`` nothing, ``known`` a known place in it or a phrase that places it, ``yes`` that or a rare
word or a name head (:mod:`workbench.find.local_names`). The documents are read three times,
every head set to each of the three, and the place mentions under a head told apart by what
admitted them: ``known`` (read with every head ``known``), ``likely`` (read only with every head
``yes`` or looser) and ``plain`` (read only with every head ``no``). Each mention is labelled as
the benchmark scores it (events: a gold place name of its document within it or it within one,
and no gold look-alike; NewsFANE: a gold place entity overlaps it), and counted under its
head's form and kind: منطقة اليورو and منطقة الجزاء are read in NewsFANE's economy and sports
news as منطقة الشعب is in reports of war.

A head's strictness follows from the share of its mentions that are real, by evidence: it
accepts the plain name when plain names after it are real at least ``ACCEPT`` of the time,
else asks a known place when its likely names are real less than ``ACCEPT`` of the time (with
fewer than ``SUPPORT`` likely names, a head that asks one still does); a form with fewer than
``SUPPORT`` plain mentions takes its kind's counts (ضاحية those of حي), and a kind with fewer
keeps the curated value. ``--write`` writes the column so decided (the ``source``
comment of the file says so).

``--spans`` counts instead, head by head, whether the events coders write a name after it with
the head (معسكر زمزم) or without (منبج after مدينة): a gold name that opens with the head, or
one the text writes right after the head while no gold name holds both. A head takes its head
into the mention (``span`` whole, or ``named_after`` around) when the names with it are at least
``ACCEPT`` of ``SPAN_SUPPORT`` names or more from two reports or more; the table marks a head
whose data says otherwise.

``--unlisted`` counts the words no head form is that stand right before a gold place name
(events dev and NewsFANE dev), or open a gold name of two words or more while common
themselves (wordfreq Zipf ≥ 3.5: مستعمرة in مستعمرة كريات شمونة), of the names no
gazetteer key is: the nouns that may be heads
the file lacks, with how many names and documents each precedes. A place preposition or a
word of the stop list is no head.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["WORKBENCH_CACHE_DIR"] = "off"

import workbench  # noqa: E402
from benchmarks import newsfane  # noqa: E402
from benchmarks.events_eval import DATA, norm_word, read_csv, read_text, same_phrase, words_within  # noqa: E402
from workbench.find.local_names import place_heads  # noqa: E402
from workbench.find.places import find_places  # noqa: E402
from workbench.text.arabic import match_key  # noqa: E402

HEADS = ROOT / "workbench" / "data" / "find" / "place_heads.csv"
LEVELS = ("known", "yes", "no")
# Mentions of one evidence a form (else its kind) needs before its counts decide.
SUPPORT = 5
# The share of real names at which a head accepts names on that evidence: a wrong place costs
# 1.5 right ones (as for the bare names, fit_place_model.WRONG_COST), so a name pays when it is
# real at least 1.5 / 2.5 of the time.
ACCEPT = 1.5 / 2.5
_PROCLITICS = "\u0648\u0641\u0628\u0644\u0643"
# Gold names after a head form (with it or without) before its count decides its span.
SPAN_SUPPORT = 3


def _head_of(text: str, start: int, end: int) -> str | None:
    """The head form before or opening the mention at [start, end): its first word, else the
    word before it, proclitics (وب، ل) taken off."""
    heads = place_heads()
    first = match_key(text[start:end]).split()[:1]
    before = match_key(text[max(0, start - 40):start]).split()[-1:]
    for w in first + before:
        for cut in range(0, 3):
            if w[cut:] in heads and all(c in _PROCLITICS for c in w[:cut]):
                return w[cut:]
    return None


def _mentions(level: str, docs: list[tuple[dict, str]], nf: list[newsfane.Document]
              ) -> dict[tuple[str, int, int], str]:
    """The unknown-place mentions under a head of every document (the events documents as
    ``workbench.analyze`` reads them, NewsFANE's as the place finder does), each head's
    strictness set to ``level``: (doc_id, start, end) -> head form."""
    heads = place_heads()
    saved = {f: h["strict"] for f, h in heads.items()}
    for h in heads.values():
        h["strict"] = level
    out: dict[tuple[str, int, int], str] = {}
    try:
        for doc, text in docs:
            m = workbench.analyze(text, published=doc["published"] or None, doc_id=doc["doc_id"]).mentions
            if not len(m):
                continue
            for r in m[(m["kind"] == "place") & m["flags"].str.contains("unknown_place")].itertuples():
                head = _head_of(text, int(r.start), int(r.end))
                if head is not None:
                    out[(doc["doc_id"], int(r.start), int(r.end))] = head
        for n, d in enumerate(nf):
            for r in find_places(d.text).itertuples():
                head = _head_of(d.text, int(r.start), int(r.end))
                if "unknown_place" in str(r.flags) and head is not None:
                    out[(f"nf{n:03d}", int(r.start), int(r.end))] = head
    finally:
        for f, s in saved.items():
            heads[f]["strict"] = s
    return out


def counts() -> Counter[tuple[str, str, bool]]:
    """(head form, evidence, real) -> mentions, on the events dev documents and NewsFANE's
    dev half (a mention there real when a gold place entity overlaps it)."""
    docs = [(d, t) for d in read_csv(DATA / "documents.csv")
            if d["split"] == "dev" and (t := read_text(d["doc_id"])) is not None]
    nf = list(newsfane.documents(part="dev"))
    gold = read_csv(DATA / "gold_places.csv")
    read = {level: _mentions(level, docs, nf) for level in LEVELS}
    texts = {d["doc_id"]: t for d, t in docs}
    out: Counter[tuple[str, str, bool]] = Counter()
    for key, head in read["no"].items():
        doc_id, s, e = key
        evidence = "known" if key in read["known"] else "likely" if key in read["yes"] else "plain"
        if doc_id.startswith("nf"):
            spans = nf[int(doc_id[2:])].entities
            out[(head, evidence, any(a < e and s < b for a, b, c in spans
                                     if c in newsfane.PLACE_CLASSES))] += 1
            continue
        places = [p for p in gold if p["doc_id"] == doc_id]
        real = {norm_word(p["surface"]) for p in places if p["not_place"] != "yes"}
        fake = {norm_word(p["surface"]) for p in places if p["not_place"] == "yes"}
        f = norm_word(texts[doc_id][s:e])
        right = (any(words_within(f, x) or words_within(x, f) for x in real)
                 and not any(same_phrase(f, x) for x in fake))
        out[(head, evidence, right)] += 1
    return out


def decide(c: Counter[tuple[str, str, bool]], forms: list[str], kind: str, curated: str
           ) -> tuple[str, str]:
    """The strictness of the heads ``forms`` (one form, or a kind's), and why."""
    def share(evidence: str) -> tuple[int, int]:
        return (sum(c[(f, evidence, True)] for f in forms),
                sum(c[(f, evidence, True)] + c[(f, evidence, False)] for f in forms))
    plain, likely = share("plain"), share("likely")
    if plain[1] >= SUPPORT:
        if plain[0] / plain[1] >= ACCEPT:
            return "no", f"plain {plain[0]}/{plain[1]} real"
        if likely[1] < SUPPORT:
            # too few likely names to loosen a head that asks a known place
            return ("known" if curated == "known" else "yes"), f"plain {plain[0]}/{plain[1]} real"
        if likely[0] / likely[1] < ACCEPT:
            return "known", f"plain {plain[0]}/{plain[1]}, likely {likely[0]}/{likely[1]} real"
        return "yes", f"plain {plain[0]}/{plain[1]}, likely {likely[0]}/{likely[1]} real"
    return curated, f"too few plain ({plain[1]}) for {kind}"


def _after_head(word: str) -> str | None:
    """The head form ``word`` is, proclitics (و، ب، ل) taken off, else None."""
    heads = place_heads()
    return next((word[cut:] for cut in range(0, 3)
                 if word[cut:] in heads and all(c in _PROCLITICS for c in word[:cut])), None)


def span_counts() -> dict[str, dict[bool, set[tuple[str, str]]]]:
    """head form -> with the head (True) or without (False) -> the (doc_id, gold name) pairs,
    over the events dev documents' gold places."""
    heads = place_heads()
    gold = read_csv(DATA / "gold_places.csv")
    out: dict[str, dict[bool, set[tuple[str, str]]]] = {}
    for d in read_csv(DATA / "documents.csv"):
        text = read_text(d["doc_id"]) if d["split"] == "dev" else None
        if text is None:
            continue
        words = match_key(text).split()
        names = [match_key(p["surface"]).split() for p in gold
                 if p["doc_id"] == d["doc_id"] and p["not_place"] != "yes"]
        held = {" ".join(n) for n in names}
        for name in names:
            head = next((" ".join(name[:k]) for k in (2, 1)
                         if len(name) > k and " ".join(name[:k]) in heads), None)
            if head is not None:
                out.setdefault(head, {True: set(), False: set()})[True].add((d["doc_id"], " ".join(name)))
                continue
            n = len(name)
            for i in range(1, len(words) - n + 1):
                if not all(words_within(a, b) for a, b in zip(name, words[i:i + n], strict=True)):
                    continue
                head = _after_head(words[i - 1])
                if head is not None and f"{head} {' '.join(name)}" not in held:
                    out.setdefault(head, {True: set(), False: set()})[False].add(
                        (d["doc_id"], " ".join(name)))
                    break
    return out


def print_spans() -> None:
    """The table of :func:`span_counts`, each head's decision and its data's reading."""
    heads = place_heads()
    print(f"{'head':<12} {'kind':<14} with  without  -> decided (data: span, named_after)")
    for f, c in sorted(span_counts().items(), key=lambda kv: -len(kv[1][True]) - len(kv[1][False])):
        w, wo = len(c[True]), len(c[False])
        docs = {d for d, _ in c[True] | c[False]}
        if w + wo < SPAN_SUPPORT or len(docs) < 2:
            decided = "too few"
        else:
            decided = "head in" if w / (w + wo) >= ACCEPT else "name" if wo / (w + wo) >= ACCEPT else "either"
        h = heads[f]
        data = "head in" if h["span"] == "whole" or h["named_after"] == "around" else "name"
        mark = " *" if decided in ("head in", "name") and decided != data else ""
        print(f"{f:<12} {h['place_type']:<14} {w:4d} {wo:8d}  -> {decided} "
              f"({h['span']}, {h['named_after']}){mark}")


def unlisted_counts() -> dict[str, dict[str, set[str]]]:
    """word -> {"names": the gold names it announces, "docs": the documents}: the words
    before or opening a gold place name that no head form of ``place_heads.csv`` is, over
    the events dev documents and NewsFANE's dev half."""
    from workbench.find.gazetteer import gazetteer
    from workbench.find.local_names import place_prepositions, word_zipf

    heads = place_heads()
    not_heads = place_prepositions() | _stop_words()
    out: dict[str, dict[str, set[str]]] = {}

    def add(word: str, name: str, doc: str) -> None:
        if any((word[cut:] in not_heads or word[cut:] in heads) and all(c in _PROCLITICS for c in word[:cut])
               for cut in range(0, 3)):
            return  # وفي، بمنطقة: a preposition or a listed head with its proclitics
        for cut in range(0, 3):
            w = word[cut:]
            if not all(c in _PROCLITICS for c in word[:cut]) or len(w) < 2:
                continue
            if w in heads or w in not_heads or not w.isalpha():
                return
            if word_zipf(w) >= 3.5:
                got = out.setdefault(w, {"names": set(), "docs": set()})
                got["names"].add(name)
                got["docs"].add(doc)
                return

    gold = read_csv(DATA / "gold_places.csv")
    named: list[tuple[str, str, list[str]]] = []  # (doc, text key, gold names' keys)
    for d in read_csv(DATA / "documents.csv"):
        text = read_text(d["doc_id"]) if d["split"] == "dev" else None
        if text is not None:
            named.append((d["doc_id"], match_key(text), [
                match_key(p["surface"]) for p in gold
                if p["doc_id"] == d["doc_id"] and p["not_place"] != "yes"]))
    for n, doc in enumerate(newsfane.documents(part="dev")):
        named.append((f"nf{n:03d}", match_key(doc.text), [
            match_key(doc.text[a:b]) for a, b, c in doc.entities if c in newsfane.PLACE_CLASSES]))
    known = gazetteer().by_key
    for doc_id, key, names in named:
        words = key.split()
        for name in names:
            parts = name.split()
            if name in known or " ".join(parts[1:]) in known:
                continue  # a name the gazetteer reads wants no head
            if len(parts) > 1:
                add(parts[0], " ".join(parts[1:]), doc_id)
            for i in range(1, len(words) - len(parts) + 1):
                if words[i:i + len(parts)] == parts:
                    add(words[i - 1], name, doc_id)
    return out


def _stop_words() -> frozenset[str]:
    """The words a name never holds (``not_name`` and ``stop`` of ``place_cues.csv``)."""
    from workbench.resources import read_rows

    return frozenset(match_key(r.form) for r in read_rows("find/place_cues.csv")
                     if r.role in ("not_name", "locative", "title", "speech_verb", "settlement",
                                                        "not_place_head", "nearness", "belonging"))


def print_unlisted() -> None:
    """The table of :func:`unlisted_counts`: words before two names or more, most first."""
    c = unlisted_counts()
    print(f"{'word':<14} names docs  examples")
    for w, got in sorted(c.items(), key=lambda kv: (-len(kv[1]["names"]), -len(kv[1]["docs"]))):
        if len(got["names"]) >= 2:
            print(f"{w:<14} {len(got['names']):5d} {len(got['docs']):4d}  "
                  f"{' | '.join(sorted(got['names'])[:4])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the strict column so decided")
    ap.add_argument("--spans", action="store_true",
                    help="count how the coders write names after each head instead")
    ap.add_argument("--unlisted", action="store_true",
                    help="count the words before gold names that no head form is instead")
    args = ap.parse_args()
    if args.unlisted:
        print_unlisted()
        return
    if args.spans:
        print_spans()
        return
    c = counts()
    heads = place_heads()
    kinds: dict[str, list[str]] = {}
    for f, h in heads.items():
        kinds.setdefault(h["place_type"], []).append(f)
    print(f"{'head':<12} {'kind':<14} {'strict':<6} plain(real/all) likely known -> decided")
    decided: dict[str, str] = {}
    for f in sorted(heads, key=lambda f: (heads[f]["place_type"], f)):
        h = heads[f]
        cells = [f"{c[(f, ev, True)]}/{c[(f, ev, True)] + c[(f, ev, False)]}"
                 for ev in ("plain", "likely", "known")]
        own = sum(c[(f, "plain", b)] for b in (True, False))
        strict, why = decide(c, [f] if own >= SUPPORT else kinds[h["place_type"]], h["place_type"],
                             h["strict"])
        decided[f] = strict
        if sum(int(x.split("/")[1]) for x in cells) or strict != h["strict"]:
            mark = " *" if strict != h["strict"] else ""
            print(f"{f:<12} {h['place_type']:<14} {h['strict']:<6} {cells[0]:>7} {cells[1]:>6} "
                  f"{cells[2]:>6} -> {strict} ({why}){mark}")
    if args.write:
        lines = HEADS.read_text(encoding="utf-8").splitlines(keepends=True)
        out, col = [], None
        for line in lines:
            if line.startswith("#") or not line.strip():
                out.append(line)
                continue
            cells = line.rstrip("\n").split(",")
            if col is None:
                col = cells.index("strict")
            elif cells[0] in decided:
                cells[col] = decided[cells[0]]
            out.append(",".join(cells) + "\n")
        HEADS.write_text("".join(out), encoding="utf-8")
        print(f"wrote {HEADS}")


if __name__ == "__main__":
    main()
