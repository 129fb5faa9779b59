"""All mentions in a text: places, actors, times and quantities in one table.

Runs the four finders and keeps one reading where their spans overlap:

- The longer span wins, so an actor whose name contains a place or nationality
  (القوات الأمريكية, حكومة إقليم كردستان) is an actor, not a place; on equal spans a time
  beats an actor, an actor a place, and a place a count.
- A time beats a count it covers (a date's day, a duration's number: خلال ثلاثة أيام).
- A place inside an actor's span after في or ب stays a place as well: in
  الحشد الشعبي في الأنبار the province is where, not part of the name.
- The nisba rule (decided in ``workbench.places``): an adjective of nationality such as
  العراقية is not a place; after an actor head noun (القوات العراقية) it is part of the actor.

Columns: start, end, text, kind, value, flags, then every column any finder adds (empty
strings where a column does not apply), sorted by start.

>>> find_mentions("")
Empty DataFrame
Columns: [start, end, text, kind, value, flags]
Index: []
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from .actors import find_actors
from .places import find_places
from .quantities import find_quantities
from .times import find_times

BASE_COLUMNS = ["start", "end", "text", "kind", "value", "flags"]
_PRIORITY = {"time": 0, "actor": 1, "place": 2, "quantity": 3}
_LOCATIVE = ("في", "ب")  # a place after these inside an actor span is where it acts


def find_mentions(text: str, *, reference: date | datetime | None = None) -> pd.DataFrame:
    """Places, actors, times and quantities in ``text``, one row each, offsets into ``text``.

    ``reference`` (the publication date) anchors relative and year-less times.

    >>> df = find_mentions("هاجم داعش الموصل في أيار 2014", reference=date(2014, 6, 1))
    >>> df[df.kind == "time"][["text", "value"]].values.tolist()
    [['أيار 2014', '2014-05']]
    """
    if not isinstance(text, str) or not text:
        return pd.DataFrame(columns=BASE_COLUMNS)
    frames = [
        find_times(text, reference=reference),
        find_actors(text),
        find_places(text),
        find_quantities(text),
    ]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=BASE_COLUMNS)
    rows = pd.concat(frames, ignore_index=True, sort=False)
    keep = _resolve_overlaps(text, rows)
    out = rows.loc[keep].sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    columns = BASE_COLUMNS + [c for c in out.columns if c not in BASE_COLUMNS]
    out = out[columns]
    for col in columns[2:]:
        out[col] = out[col].astype(object).where(out[col].notna(), "")
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out


def _resolve_overlaps(text: str, rows: pd.DataFrame) -> list[int]:
    """Indices of the rows kept: longest first, then by kind priority; see the module doc."""
    order = sorted(
        rows.index,
        key=lambda k: (
            -(int(rows.at[k, "end"]) - int(rows.at[k, "start"])),
            _PRIORITY.get(str(rows.at[k, "kind"]), 9),
            int(rows.at[k, "start"]),
        ),
    )
    times = [(int(rows.at[k, "start"]), int(rows.at[k, "end"])) for k in rows.index
             if rows.at[k, "kind"] == "time"]
    kept: list[tuple[int, int, str, int]] = []
    for k in order:
        s, e, kind = int(rows.at[k, "start"]), int(rows.at[k, "end"]), str(rows.at[k, "kind"])
        if kind == "quantity" and any(ts <= s and e <= te for ts, te in times):
            continue  # a date's day or a duration's number: the time row says it
        clash = False
        for ks, ke, kkind, _ in kept:
            if s < ke and ks < e:
                if kind == "place" and kkind == "actor" and ks <= s and e <= ke and _after_locative(
                    text, ks, s
                ):
                    continue
                clash = True
                break
        if not clash:
            kept.append((s, e, kind, k))
    return [k for _, _, _, k in kept]


def _after_locative(text: str, actor_start: int, place_start: int) -> bool:
    """Whether the place begins with ب or follows في within the actor's span."""
    before = text[actor_start:place_start].split()
    if before and before[-1] in _LOCATIVE:
        return True
    return text[place_start:place_start + 1] == "\u0628"  # BEH: بالأنبار
