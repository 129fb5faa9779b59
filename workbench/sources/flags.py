"""Spans a loader flags in the raw text (OCR read with low confidence), as gaps rows.

A loader returns raw text; the cleaning stage builds the gaps table from the clean text
and keeps, for every clean character, the raw character it came from. A reader that
knows a span of its output is not reliable (Tesseract's low confidence) puts U+FFFD in
its place, which clean already shows and reports as an ``unreadable`` gap, and gives
the span as a *flag*: ``{"raw_start", "raw_end", "kind", "context"}`` on the document.
``with_flags`` maps each flag to the clean text through the offset map and puts its row
in the gaps table, in place of the ``unreadable`` row(s) its U+FFFD produced, so the
kind (``ocr_low``) and Tesseract's reading (``context``) are kept.

>>> from workbench.cleaning.clean import clean
>>> c = clean("قصف مدفعي\\n\\n\\ufffd\\n\\nعلى البلدة")
>>> flag = {"raw_start": 11, "raw_end": 12, "kind": "ocr_low", "context": "OCR confidence 20 %: ..."}
>>> with_flags(c.gaps, c, [flag])[["start", "end", "kind"]].values.tolist()
[[11, 12, 'ocr_low']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["with_flags"]


def with_flags(
    gaps: pd.DataFrame, cleaned: Any, flags: Iterable[dict], *, doc_id: str | None = None
) -> pd.DataFrame:
    """``gaps`` (a clean's gaps table, with or without ``doc_id``) with one row per flag.

    A flag whose raw span left no character in the clean text gets ``start`` and ``end``
    of -1 (as a lost dateline date does). Returns a new frame; ``gaps`` is not changed.
    """
    flags = list(flags)
    if not flags:
        return gaps
    offsets = np.asarray(cleaned.offsets)
    keep = np.ones(len(gaps), dtype=bool)
    rows = []
    for flag in flags:
        lo, hi = int(flag["raw_start"]), int(flag["raw_end"])
        inside = np.flatnonzero((offsets >= lo) & (offsets < hi))
        start, end = (int(inside.min()), int(inside.max()) + 1) if len(inside) else (-1, -1)
        if "raw_start" in gaps.columns and len(gaps):
            covered = (
                (gaps["kind"] == "unreadable") & (gaps["raw_start"] >= lo) & (gaps["raw_end"] <= hi)
            ).to_numpy()
            keep &= ~covered
        rows.append({
            "start": start, "end": end, "kind": flag.get("kind", "ocr_low"),
            "context": flag.get("context", ""), "raw_start": lo, "raw_end": hi,
        })
    added = pd.DataFrame(rows)
    if "doc_id" in gaps.columns:
        added.insert(0, "doc_id", doc_id if doc_id is not None else
                     (gaps["doc_id"].iloc[0] if len(gaps) else ""))
    merged = pd.concat([gaps[keep], added.reindex(columns=gaps.columns)], ignore_index=True)
    merged[["start", "end", "raw_start", "raw_end"]] = merged[
        ["start", "end", "raw_start", "raw_end"]].astype("int64")
    order = merged["start"].where(merged["start"] >= 0, np.iinfo(np.int64).max)
    return merged.iloc[np.argsort(order.to_numpy(), kind="stable")].reset_index(drop=True)
