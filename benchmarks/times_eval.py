"""Arabic time expressions from real text: how many the workbench finds and resolves right.

Run from the repository root: ``.venv/bin/python benchmarks/times_eval.py --split dev``.

The gold set is ``benchmarks/times/expressions.csv`` (see ``benchmarks/times/README.md``).
Each row is run through the public API, ``workbench.find_times(context, reference=..., tense=...)``
(``workbench.find_mentions`` where there is no ``find_times``),
keeping the rows of kind ``time``. Tweet rows carry no text: their text is read at run time
from the CheckThat! files in the public evaluation data (``../shared/data`` or
``$WORKBENCH_EVAL_DATA``) and the offsets point into the tweet.

*found*: a predicted time overlaps the gold span. *right*: one of the overlapping predictions
is compatible with the gold value — the same first and last day at the gold grain (a week is
right when the middle of the predicted span falls in the gold ISO week); a clock time needs the
same ``HH:MM`` (either end of a range of clocks; ``midnight`` is 00:00); a part of day with a
date needs that date; a gold row without a date (unknown
publication date) needs the same time of day; a duration is right when no overlapping
prediction turns it into a date. ``--failures`` lists the misses, on the dev half only;
``--ids news-0324:news-0555`` scores only the rows named (a batch), on either half.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from benchmarks import EVAL_DATA  # noqa: E402

GOLD = _REPO / "benchmarks" / "times" / "expressions.csv"
DAY_GRAINS = frozenset({"day", "month", "year"})


def read_gold(path: Path = GOLD) -> list[dict[str, str]]:
    """The gold rows; tweet rows get their context and text from the CheckThat! files."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    tweets: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["source"] != "checkthat":
            continue
        file = row["file"]
        if file not in tweets:
            tweets[file] = _tweets(EVAL_DATA / file)
        row["context"] = tweets[file].get(row["doc"], "")
        row["text"] = row["context"][int(row["start"]):int(row["end"])]
    return rows


def _tweets(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["tweet_id"]: r["tweet_text"] for r in reader}


def span_of(iso: str) -> tuple[date, date] | None:
    """First and last day of an ISO value: ``2014``, ``2014-03``, ``2014-03-15``, ``2014-W12``,
    ``2014-03-15T16:30``, or an interval ``A/B``. None when it cannot be read."""
    iso = iso.strip()
    if not iso:
        return None
    if "/" in iso:
        left, right = iso.split("/", 1)
        a, b = span_of(left), span_of(right)
        return (a[0], b[1]) if a and b else None
    iso = iso.split("T", 1)[0]
    try:
        if "-W" in iso:
            year, week = iso.split("-W")
            monday = date.fromisocalendar(int(year), int(week[:2]), 1)
            return monday, monday + timedelta(days=6)
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None


def clock_of(value: str, time_of_day: str) -> str:
    """``HH:MM`` from a time-of-day cell or from a value with ``THH:MM``; else ''."""
    for cell in (time_of_day, value.split("T", 1)[1] if "T" in value else ""):
        cell = cell.strip()
        if len(cell) >= 5 and cell[2] == ":" and cell[:2].isdigit() and cell[3:5].isdigit():
            return cell[:5]
    return ""


def clocks_of(pred: dict) -> set[str]:
    """The ``HH:MM`` a prediction says: each end of a range of clocks (``19:00/07:00``) counts;
    ``midnight`` is 00:00."""
    values = str(pred.get("value") or "").split("/")
    tods = str(pred.get("time_of_day") or "").split("/")
    out = {clock_of("", "00:00" if t == "midnight" else t) for t in tods}
    if not out - {""}:  # no clock in time_of_day: the one the value carries
        out = {clock_of(v, "") for v in values}
    return out - {""}


def _predicted_span(pred: dict) -> tuple[date, date] | None:
    start, end = str(pred.get("start_date") or ""), str(pred.get("end_date") or "")
    if start and end:
        a, b = span_of(start), span_of(end)
        if a and b:
            return a[0], b[1]
    return span_of(str(pred.get("value") or ""))


def compatible(gold: dict[str, str], pred: dict) -> bool:
    """Whether one predicted time agrees with the gold row (see the module docstring)."""
    kind, grain, value = gold["kind"], gold["grain"], gold["value"]
    if kind == "duration":
        return _predicted_span(pred) is None
    if kind == "clock":
        want = clock_of(value, gold["time_of_day"])
        return bool(want) and want in clocks_of(pred)
    if not value:  # no reference date: only the time of day can be judged
        return str(pred.get("time_of_day") or "") == gold["time_of_day"]
    want, got = span_of(value), _predicted_span(pred)
    if want is None or got is None:
        return False
    if grain == "week":
        middle = got[0] + (got[1] - got[0]) / 2
        return want[0] <= middle <= want[1]
    return want == got


def _reference(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def predictions(rows: list[dict[str, str]]) -> dict[tuple[str, str], list[dict]]:
    """The predicted times of each distinct (context, reference), from the public API."""
    import workbench

    found: dict[tuple[str, str, str], list[dict]] = {}
    for row in rows:
        key = _key(row)
        if key in found or not row["context"]:
            continue
        reference = _reference(row["reference"])
        if hasattr(workbench, "find_times"):
            times = workbench.find_times(row["context"], reference=reference, tense=row["tense"] or "past")
        else:
            frame: pd.DataFrame = workbench.find_mentions(row["context"], reference=reference)
            times = frame[frame["kind"] == "time"] if len(frame) else frame
        found[key] = times.to_dict("records")
    return found


def _key(row: dict[str, str]) -> tuple[str, str, str]:
    return row["context"], row["reference"], row["tense"]


def judge(rows: list[dict[str, str]]) -> list[dict]:
    """One result per gold row with text: found, right and the overlapping predictions."""
    preds = predictions(rows)
    results = []
    for row in rows:
        if not row["context"]:
            continue
        start, end = int(row["start"]), int(row["end"])
        overlapping = [p for p in preds[_key(row)]
                       if int(p["start"]) < end and start < int(p["end"])]
        results.append({"row": row, "found": bool(overlapping),
                        "right": bool(overlapping) and any(compatible(row, p) for p in overlapping),
                        "preds": overlapping})
    return results


def _line(label: str, group: list[dict]) -> str:
    n = len(group)
    found = sum(r["found"] for r in group)
    right = sum(r["right"] for r in group)
    # the count beside the share: 301 of 317 is 94.95 %, which one decimal shows as 95.0 %
    return (f"  {label:<22} {n:>4}   found {found / n:6.1%}   right {right / n:6.1%} ({right})"
            if n else f"  {label}: 0")


def report(results: list[dict], split: str) -> str:
    """The figures: overall, by kind, by source, and the headline groups."""
    lines = [f"Arabic time expressions from real text, split {split}: {len(results)} expressions"]
    lines.append(_line("all", results))
    for title, key in (("by kind", "kind"), ("by source", "source")):
        lines.append(title)
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in results:
            groups[r["row"][key]].append(r)
        lines += [_line(name, groups[name]) for name in sorted(groups)]
    dated = [r for r in results if r["row"]["grain"] in DAY_GRAINS and r["row"]["value"]
             and r["row"]["kind"] not in ("clock", "duration")]
    clocks = [r for r in results if r["row"]["kind"] == "clock"]
    lines.append("headline")
    lines.append(_line("day/month/year grains", dated))
    lines.append(_line("clock times", clocks))
    lines.append(f"  expressions found      {sum(r['found'] for r in results)} of {len(results)}")
    return "\n".join(lines)


def failures(results: list[dict]) -> str:
    """One line per miss: id, kind, gold text and value, what was predicted."""
    out = []
    for r in results:
        if r["right"]:
            continue
        row = r["row"]
        got = "; ".join(f"{p['text']}={p.get('value', '')} {p.get('time_of_day', '')}".strip()
                        for p in r["preds"]) or "nothing"
        want = row["value"] or row["time_of_day"] or "(duration)"
        out.append(f"{row['id']}\t{row['kind']}\t{row['text']}\twant {want}\tgot {got}")
    return "\n".join(out)


def select_ids(rows: list[dict[str, str]], spec: str) -> list[dict[str, str]]:
    """The rows whose id is named in ``spec``: ids and ranges separated by commas, a range
    ``news-0324:news-0555`` taking every id of that source numbered between its ends."""
    wanted: list[tuple[str, int, int]] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition(":")
        last = last or first
        source, a = first.rsplit("-", 1)
        source_b, b = last.rsplit("-", 1)
        if source != source_b or not (a.isdigit() and b.isdigit()):
            raise ValueError(f"--ids: cannot read {part!r} (want e.g. news-0324:news-0555)")
        wanted.append((source, int(a), int(b)))

    def named(row_id: str) -> bool:
        source, _, number = row_id.rpartition("-")
        return number.isdigit() and any(s == source and a <= int(number) <= b for s, a, b in wanted)

    return [r for r in rows if named(r["id"])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--failures", action="store_true", help="list the misses (dev only)")
    parser.add_argument("--ids", default="",
                        help="only these rows, e.g. news-0324:news-0555 (ranges and ids, comma-separated)")
    args = parser.parse_args(argv)
    if args.failures and args.split != "dev":
        print("--failures is for the dev split only: the project tunes on dev and only reports test.",
              file=sys.stderr)
        return 2
    rows = [r for r in read_gold() if args.split == "all" or r["split"] == args.split]
    if args.ids:
        rows = select_ids(rows, args.ids)
    missing = sum(1 for r in rows if not r["context"])
    results = judge(rows)
    print(report(results, args.split))
    if missing:
        print(f"  ({missing} tweet rows skipped: CheckThat! data not found under {EVAL_DATA})")
    if args.failures:
        print(failures(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
