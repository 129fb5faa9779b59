"""Check and re-make the local copies of the events set's cited-only texts.

The texts of cited-only reports are not in the repository; each one's address and the SHA-1
of the coded text are in ``benchmarks/events/documents.csv``. A copy is re-made from the
stored page: its lines stripped, blank ones dropped, paragraphs joined by one blank line and
a final newline (``قتل أربعة…\\n\\nوقال ضابط…\\n``), with the site's chrome left out. ``remake``
finds the stretch of the page's paragraphs (less a few chrome lines inside it, with the recorded
headline when the stored copy lacks it, cut where the coded text stopped) whose SHA-1 is the
recorded one, so only a copy identical to the coded text is saved.

    python benchmarks/events_texts.py check
    python benchmarks/events_texts.py remake ev001 page.txt [more.txt ...]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "events" / "documents.csv"
LOCAL = HERE / "_work" / "events" / "texts"
MAX_DROPPED = 4  # chrome lines (date, caption, share buttons) inside the coded stretch


def documents() -> dict[str, dict[str, str]]:
    """The set's documents by doc_id."""
    with DOCUMENTS.open(encoding="utf-8") as f:
        return {row["doc_id"]: row for row in csv.DictReader(f)}


def paragraphs(page: str) -> list[str]:
    """The page's non-blank lines, stripped: the units a copy is made of."""
    return [line.strip() for line in page.splitlines() if line.strip()]


def as_copy(paras: list[str]) -> str:
    """The stored form of a text: paragraphs joined by one blank line, newline at the end."""
    return "\n\n".join(paras) + "\n"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def find_copy(page: str, want_sha1: str, want_chars: int, title: str = "") -> str | None:
    """The copy of ``page`` whose SHA-1 is ``want_sha1``, or None.

    Tries every stretch of paragraphs, less up to ``MAX_DROPPED`` inner ones (chrome lines),
    with or without the recorded title before it (some stored copies lack the headline), its
    last paragraph whole or cut where the coded text stopped (a stored copy may run on past
    it). The recorded length prunes the search; the SHA-1 alone decides."""
    paras = paragraphs(page)
    heads = [[], [title.strip()]] if title.strip() else [[]]
    for i in range(len(paras)):
        for j in range(i + 1, len(paras) + 1):
            span = paras[i:j]
            for k in range(min(MAX_DROPPED, max(len(span) - 2, 0)) + 1):
                for drop in combinations(range(1, len(span) - 1), k):
                    kept = [p for m, p in enumerate(span) if m not in drop]
                    for head in heads:
                        text = _cut_to(head + kept, want_chars)
                        if text is not None and sha1(text) == want_sha1:
                            return text
    return None


def _cut_to(paras: list[str], want_chars: int) -> str | None:
    """The copy of ``paras`` with its last paragraph cut so the copy is ``want_chars`` long."""
    rest = "".join(p + "\n\n" for p in paras[:-1])
    keep = want_chars - len(rest) - 1
    last = paras[-1]
    if keep <= 0 or keep > len(last) or last[:keep] != last[:keep].rstrip():
        return None
    return rest + last[:keep] + "\n"


def check() -> int:
    """Print, for the cited-only documents, how many local copies are present and right."""
    docs = [d for d in documents().values() if d["text_in_repo"] == "no"]
    right, wrong, missing = [], [], []
    for d in docs:
        path = LOCAL / f"{d['doc_id']}.txt"
        if not path.exists():
            missing.append(d["doc_id"])
        elif sha1(path.read_text(encoding="utf-8")) == d["sha1"]:
            right.append(d["doc_id"])
        else:
            wrong.append(d["doc_id"])
    print(f"cited-only documents: {len(docs)}; local copies right: {len(right)}, "
          f"differing from the coded text: {len(wrong)}, missing: {len(missing)}")
    for label, ids in (("differing", wrong), ("missing", missing)):
        if ids:
            print(f"{label}: {' '.join(ids)}")
    return 0


def remake(doc_id: str, pages: list[Path]) -> int:
    """Save the copy of ``doc_id`` found in one of ``pages``; say so when none matches."""
    doc = documents().get(doc_id)
    if doc is None:
        print(f"{doc_id}: not in {DOCUMENTS.name}", file=sys.stderr)
        return 2
    for page, raw in ((page, page.read_text(encoding="utf-8")) for page in pages):
        # Another stored copy of the same page (its AMP version) may double spaces the coded
        # copy had single.
        text = next((t for t in (find_copy(form, doc["sha1"], int(doc["n_chars"]), doc["title"])
                                 for form in (raw, re.sub(r" {2,}", " ", raw)))
                     if t is not None), None)
        if text is not None:
            LOCAL.mkdir(parents=True, exist_ok=True)
            (LOCAL / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            print(f"{doc_id}: saved from {page} ({len(text)} chars)")
            return 0
    print(f"{doc_id}: no stretch of {', '.join(map(str, pages))} has the coded text's SHA-1 "
          f"({doc['n_chars']} chars)", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="count present, differing and missing local copies")
    rm = sub.add_parser("remake", help="save a copy found in stored page text")
    rm.add_argument("doc_id")
    rm.add_argument("pages", nargs="+", type=Path)
    args = ap.parse_args(argv)
    if args.command == "check":
        return check()
    return remake(args.doc_id, args.pages)


if __name__ == "__main__":
    sys.exit(main())
