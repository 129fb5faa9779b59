"""Datelines: the place a report was filed from, at the head of a paragraph.

A news report opens with where it was written and who wrote it: ``الموصل (وكالة ...) —``,
``بغداد - وكالة ...``, ``دمشق: ...``, ``بغداد/ المسلة``. That place is where the reporter
or agency was, not necessarily where the event happened: the events stage should use it
only when the text names no other place. Found by structure, not by a list: a place row
that opens its line (nothing before it but blanks) and is followed, on the same line, by
an optional comma with a short date, an optional bracketed source and then a dash, a
colon or a slash. Such rows get the flag ``dateline``.

The words after the dash up to the end of a short line, and the words in the bracket,
name the source (``بغداد - مصر اليوم``, ``أربيل (كوردستان 24)-``): a place row inside them
is an outlet or a byline and is dropped.

>>> rows = [{"start": 0, "end": 6, "flags": ""}, {"start": 18, "end": 21, "flags": ""}]
>>> [(r["start"], r["flags"]) for r in mark_datelines("الموصل - صحيفة\\nفي عنه", rows)]
[(0, 'dateline'), (18, '')]
"""

from __future__ import annotations

import re

# After the place: [، date] [(source)] then a dash (any), a tatweel used as one, a colon
# or a slash. Blanks are spaces and tabs only: a dateline stays on its line.
_AFTER = re.compile(
    r"[ \t\u00a0]*(?:[\u060c,][^\n()\-\u2013\u2014:]{1,40}?)?[ \t\u00a0]*"
    r"(?P<bracket>\([^()\n]{1,80}\)[ \t\u00a0]*)?"
    r"(?P<mark>[-\u2013\u2014\u0640:/])"
)
# The rest of a short line after the dash: a source or a byline (two or three words).
_BYLINE = re.compile(
    r"[ \t\u00a0]*(?P<name>[^\s:\-\u2013\u2014]+(?:[ \t\u00a0]+[^\s:\-\u2013\u2014]+){0,2})"
    r"[ \t\u00a0]*(?:\n|$|[-\u2013\u2014:])"
)
_LEAD = " \t\u00a0*\u2022\u200f\u200e"  # blanks, bullets and direction marks before a dateline


def mark_datelines(text: str, rows: list[dict]) -> list[dict]:
    """Flag place rows that open a dateline ``dateline``; drop rows in its source part.

    ``rows`` are place rows with ``start``, ``end`` and ``flags``; new dicts are returned.
    """
    out: list[dict] = []
    source: list[tuple[int, int]] = []
    for r in rows:
        # Back over the blanks before the row only (not to the line's start: a long line
        # would be read once per row): a dateline's place has nothing else before it.
        i = r["start"]
        while i and text[i - 1] in _LEAD:
            i -= 1
        if i and text[i - 1] != "\n":
            out.append(r)
            continue
        m = _AFTER.match(text, r["end"])
        if m is None:
            out.append(r)
            continue
        flags = ";".join(filter(None, [r.get("flags", ""), "dateline"]))
        out.append({**r, "flags": flags})
        if m.group("bracket"):
            source.append(m.span("bracket"))
        elif m.group("mark") != ":":
            b = _BYLINE.match(text, m.end())
            if b is not None:
                source.append(b.span("name"))
    if not source:
        return out
    return [r for r in out if not any(s <= r["start"] and r["end"] <= e for s, e in source)]
