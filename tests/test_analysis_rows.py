"""``analyze`` passes rows between its stages; the tables it returns are those the stage
functions give on their own, column for column and dtype for dtype."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.analysis import _with_doc_id, analyze, reference_date
from workbench.claims.claims import find_claims
from workbench.claims.events import find_events
from workbench.claims.index import Mentions
from workbench.find.mentions import find_mentions

SEEDS = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))
TEXTS = [
    "قال مسؤول في وزارة الداخلية العراقية إن تنظيم داعش هاجم بلدة الزاب ببغداد يوم 5 مايو 2020 "
    "وقتل ثلاثة أشخاص وأصاب 4 آخرين.",
    "",
    "نص بلا أحداث.",
    *(p.read_text(encoding="utf-8") for p in SEEDS[:1]),
]


@pytest.mark.parametrize("text", TEXTS)
def test_tables_are_the_stage_functions_tables(text):
    a = analyze(text, published="2020-05", doc_id="d1")
    reference = reference_date("2020-05")
    mentions = find_mentions(a.text, reference=reference)
    found = Mentions.of(mentions)
    assert Mentions.of_rows(a.rows.mentions).items == found.items
    claims = find_claims(a.text, mentions=found, reference=reference, doc_id="d1")
    events = find_events(claims, found, doc_id="d1", text=a.text)
    for old, new in ((_with_doc_id(mentions, "d1"), a.mentions), (claims, a.claims), (events, a.events)):
        assert old.columns.tolist() == new.columns.tolist()
        assert old.dtypes.astype(str).tolist() == new.dtypes.astype(str).tolist()
        assert old.attrs == new.attrs
        assert old.equals(new)
    assert repr(a).endswith(f"mentions={len(mentions)}, claims={len(claims)}, events={len(events)})")


def test_tables_are_built_once():
    a = analyze(TEXTS[0], published="2020-05")
    assert a.events is a.events and len(a.events) == len(a.rows.events) > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_analyze_leaves_the_garbage_collector_as_it_found_it(enabled):
    # analyze pauses the collector for the call only: enabled before, enabled after; a
    # caller that disabled it finds it still disabled
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        analyze(TEXTS[0], published="2020-05")
        assert gc.isenabled() is enabled
        with pytest.raises(TypeError):
            analyze(b"bytes")  # type: ignore[arg-type]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
