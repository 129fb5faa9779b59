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


@pytest.mark.parametrize("enabled", [True, False])
def test_each_stage_pauses_the_collector_for_its_call_only(enabled, monkeypatch):
    # the public stages pause the collector as analyze does: off while they work, as
    # found once they return
    import gc

    import workbench.claims.claims as claims_module
    import workbench.claims.events as events_module
    import workbench.cleaning.clean as clean_module
    import workbench.find.mentions as mentions_module

    inside = []

    def spy(module, name):
        real = getattr(module, name)

        def call(*args, **kwargs):
            inside.append((name, gc.isenabled()))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, call)

    for module, name in ((clean_module, "split_lines"), (mentions_module, "mention_rows"),
                         (claims_module, "claim_rows"), (events_module, "event_rows")):
        spy(module, name)
    was = gc.isenabled()
    reference = reference_date("2020-05")
    text = "قال مسؤول إن مسلحين هاجموا قرية في ريف حلب يوم ٥ مايو ٢٠٢٠ وقتلوا ثلاثة أشخاص."
    try:
        (gc.enable if enabled else gc.disable)()
        clean = clean_module.clean(text).text
        mentions = find_mentions(clean, reference=reference)
        claims = find_claims(clean, mentions=mentions, reference=reference)
        find_events(claims, mentions, reference=reference)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert inside == [("split_lines", False), ("mention_rows", False), ("claim_rows", False),
                      ("event_rows", False)]
