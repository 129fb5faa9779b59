"""The events scorer's counts of why place names are missed or wrong (benchmarks/events_eval.py
place_reasons), on made-up sentences."""

from __future__ import annotations

import workbench
from benchmarks import events_eval as ev


def test_each_missed_name_and_wrong_mention_gets_one_reason() -> None:
    text = "سقطت قذيفة على حي الزيتون في بغداد، وقال مسؤول من زمكلوت إن الهجوم وقع ليلا."
    mentions = workbench.analyze(text).mentions
    found = {ev.norm_word(t) for t in mentions[mentions["kind"] == "place"]["text"]}
    real = {ev.norm_word(s) for s in ("بغداد", "زمكلوت", "الزيتون الشرقي")}
    why = ev.place_reasons(text, mentions, real, set())
    missed = sum(n for (side, _), n in why.items() if side == "missed")
    assert missed == sum(not any(ev.words_within(s, f) for f in found) for s in real)
    # a name in no gazetteer, no head before it, after the preposition في
    assert why["missed", "unknown_bare"] >= 1
    assert why["unknown", "bare, after a place preposition, 1 word"] >= 1
    # حي الزيتون found for الزيتون الشرقي: another span, on both sides of the count
    assert why["missed", "other_span"] == 1 and why["wrong", "span"] == 1
    # a mention the gold lists as a look-alike
    why = ev.place_reasons(text, mentions, {ev.norm_word("الزيتون")}, {ev.norm_word("بغداد")})
    assert why["wrong", "look_alike"] == 1


def test_a_name_with_a_hamza_seat_is_looked_up_under_the_gazetteers_key() -> None:
    from workbench.find.gazetteer import gazetteer

    keys = ev._gazetteer_keys("مدينة إسرائيل")  # a made-up head before a country name
    assert "اسرائيل" in keys and "اسرائيل" in gazetteer().by_key
    # a missed name the gazetteer holds is counted as in the gazetteer, not as unknown
    text = "قال مسؤول إن الهجوم وقع ليلا."
    mentions = workbench.analyze(text).mentions
    written = {ev.norm_word("إسرائيل"): "إسرائيل"}
    why = ev.place_reasons(text, mentions, set(written), set(), written)
    assert why["missed", "not_in_text"] == 1 and not why["missed", "unknown_bare"]
