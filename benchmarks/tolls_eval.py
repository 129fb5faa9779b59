"""Tolls read from real sentences: how often the killed and the wounded come out right.

Run from the repository root: ``.venv/bin/python benchmarks/tolls_eval.py --split dev``.

The gold set is ``benchmarks/tolls/sentences.csv`` (see ``benchmarks/tolls/README.md``).
Each sentence is read as an event row gets its toll: :func:`workbench.claims.tolls.find_tolls`
on the sentence, and the tolls given by the function the event rows use
(``resolve.give_tolls``) to one event whose evidence spans the sentence; its
``fatalities_min``/``_max`` and ``injured_min``/``_max`` are compared with the gold.

*right*: both bounds as the gold (blank and blank is right); *none read*: a stated figure
left blank; *too low* / *too high*: a figure below / above the gold ``min``, or a figure
read where the gold is blank (too high); *other*: the right ``min`` with another ``max``.
``--failures`` lists the misses, on the dev half only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from workbench.claims.resolve import give_tolls  # noqa: E402
from workbench.claims.tolls import find_tolls  # noqa: E402

GOLD = _REPO / "benchmarks" / "tolls" / "sentences.csv"
COLUMNS = (("killed", "fatalities"), ("wounded", "injured"))
OUTCOMES = ("right", "none read", "too low", "too high", "other")


def read_gold(path: Path = GOLD) -> list[dict[str, str]]:
    """The gold rows of the tolls benchmark."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_toll(sentence: str) -> dict[str, tuple[str, str]]:
    """The killed and wounded (min, max) an event row spanning ``sentence`` gets, as text.

    >>> read_toll("قتل شخصان وأصيب 5 آخرون بجروح.")
    {'killed': ('2', '2'), 'wounded': ('5', '5')}
    """
    event = {"role": "main", "evidence": f"0:{len(sentence)}", "claim_id": "c1",
             "trigger_start": "", "source": "", "toll_source": "", "toll_text": "",
             "fatalities": "", "fatalities_min": "", "fatalities_max": "",
             "injured": "", "injured_min": "", "injured_max": "", "date_flags": ""}
    give_tolls([event], find_tolls(sentence), sentence)
    out = {}
    for kind, col in COLUMNS:
        lo = event[f"{col}_min"] or event.get(col, "")
        lo = "" if lo in ("unknown", "missing") else lo
        hi = event[f"{col}_max"] if lo else ""
        out[kind] = (lo, hi or lo)
    return out


def outcome(gold: tuple[str, str], read: tuple[str, str]) -> str:
    """How a read (min, max) stands to the gold one: one of :data:`OUTCOMES`."""
    if gold == read:
        return "right"
    if not read[0]:
        return "none read"
    if not gold[0] or float(read[0]) > float(gold[0]):
        return "too high"
    if float(read[0]) < float(gold[0]):
        return "too low"
    return "other"


def score(rows: list[dict[str, str]]) -> tuple[dict[str, dict[str, int]], list[tuple]]:
    """Counts of outcomes per kind, and the misses (row, kind, gold, read)."""
    counts = {kind: dict.fromkeys(OUTCOMES, 0) for kind, _ in COLUMNS}
    misses = []
    for row in rows:
        read = read_toll(row["sentence"])
        for kind, _ in COLUMNS:
            gold = (row[f"{kind}_min"], row[f"{kind}_max"] or row[f"{kind}_min"])
            how = outcome(gold, read[kind])
            counts[kind][how] += 1
            if how != "right":
                misses.append((row, kind, gold, read[kind], how))
    return counts, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--failures", action="store_true", help="list the misses (dev only)")
    args = parser.parse_args(argv)
    rows = [r for r in read_gold() if args.split in ("all", r["split"])]
    counts, misses = score(rows)
    for kind, _ in COLUMNS:
        c = counts[kind]
        stated = sum(1 for r in rows if r[f"{kind}_min"])
        right_stated = sum(1 for r in rows if r[f"{kind}_min"]) - sum(
            1 for m in misses if m[1] == kind and m[2][0])
        print(f"{args.split} {kind}: right {c['right']}/{len(rows)} "
              f"(stated right {right_stated}/{stated}); none read {c['none read']}, "
              f"too low {c['too low']}, too high {c['too high']}, other {c['other']}")
    if args.failures:
        if args.split != "dev":
            parser.error("--failures lists dev misses only")
        for row, kind, gold, read, how in misses:
            print(f"{row['id']}\t{row['outlet']}\t{kind}\t{how}\tgold {gold}\tread {read}\t"
                  f"{row['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
