"""Speed of the time grammar, and a dump of its rows to check a faster one says the same.

Words per second of ``workbench.find_times`` and of ``workbench.find_mentions`` on the
NewsFANE articles and CheckThat! tweet batches of ``benchmarks/throughput.py`` (reference
2020-05-01), each timed in CPU seconds of this process (the best of ``--repeat`` passes), so a busy
machine slows it little.

``--dump PATH`` writes ``time_rows`` of every text it knows into a JSON file: (a) every
document of that corpus with reference 2020-05-01, (b) every context of
``benchmarks/times/expressions.csv`` with its reference and tense, (c) every input of
``arabic_date_cases.tsv`` in the shared data with reference 2013-02-12T04:30, tense future,
(d) the documents of (a) again with no reference, tense future;
``--compare PATH`` dumps again and reports every text whose rows differ.

    python benchmarks/times_speed.py [--repeat 3] [--dump PATH | --compare PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from benchmarks import EVAL_DATA  # noqa: E402
from benchmarks.throughput import checkthat_documents, newsfane_articles  # noqa: E402

REFERENCE = date(2020, 5, 1)
CASES = EVAL_DATA / "cases" / "arabic_date_cases.tsv"
CASE_REFERENCE = datetime(2013, 2, 12, 4, 30)


def documents() -> list[str]:
    return list(newsfane_articles()) + list(checkthat_documents())


def best_seconds(fn, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - t0)
    return best


def speeds(texts: list[str], repeat: int) -> list[tuple[str, float]]:
    import workbench

    words = sum(len(t.split()) for t in texts)
    out = []
    for name, fn in (("find_times", lambda t: workbench.find_times(t, reference=REFERENCE)),
                     ("find_mentions", lambda t: workbench.find_mentions(t, reference=REFERENCE))):
        fn(texts[0])  # lexicons loaded outside the clock
        out.append((name, words / best_seconds(fn, texts, repeat)))
    return out


def inputs() -> list[tuple[str, str, date | datetime | None, str]]:
    """(label, text, reference, tense) of every text the dump covers."""
    from benchmarks.times_eval import _reference, read_gold

    docs = documents()
    out = [(f"corpus-{n}", t, REFERENCE, "past") for n, t in enumerate(docs)]
    seen = set()
    for row in read_gold():
        key = (row["context"], row["reference"], row["tense"] or "past")
        if row["context"] and key not in seen:
            seen.add(key)
            out.append((f"gold-{len(seen)}", key[0], _reference(key[1]), key[2]))
    with CASES.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
            out.append((f"case-{n}", row["input_text"], CASE_REFERENCE, "future"))
    out += [(f"bare-{n}", t, None, "future") for n, t in enumerate(docs)]
    return out


def dump() -> dict[str, list[dict]]:
    from workbench.find.times import time_rows

    return {label: time_rows(text, reference=ref, tense=tense)
            for label, text, ref, tense in inputs()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="write the rows of every text to this JSON file")
    parser.add_argument("--compare", type=Path, help="check the rows against this JSON dump")
    args = parser.parse_args(argv)
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        rows = dump()
        args.dump.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(rows)} texts, {sum(map(len, rows.values()))} rows -> {args.dump}")
        return 0
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        now = json.loads(json.dumps(dump(), ensure_ascii=False))
        bad = [k for k in before.keys() | now.keys() if before.get(k) != now.get(k)]
        print(f"{len(before)} texts, {sum(map(len, before.values()))} rows: "
              f"{'identical' if not bad else f'{len(bad)} texts differ: ' + ', '.join(sorted(bad)[:20])}")
        return 1 if bad else 0
    texts = documents()
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words} words (reference {REFERENCE}), best of {args.repeat}")
    for name, wps in speeds(texts, args.repeat):
        print(f"  {name:<14} {wps:>10,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
