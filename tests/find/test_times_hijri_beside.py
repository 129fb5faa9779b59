"""A Hijri day written beside its Gregorian day (a date line) takes the writer's equivalent."""

from __future__ import annotations

from datetime import date

from workbench import find_times

REF = date(2025, 12, 9)


def _rows(text: str) -> list[tuple[str, str, str]]:
    df = find_times(text, reference=REF)
    return [(r["text"], r["value"], r["flags"]) for r in df.to_dict("records")]


def test_a_hijri_day_beside_its_gregorian_day_takes_the_writers_equivalent():
    # Umm al-Qura puts 16 Jumada II 1447 on 7 December; the date line beside it says the 8th
    rows = _rows("الاثنين 8 ديسمبر 2025 16 جمادى الثانية 1447")
    assert [v for _, v, _ in rows] == ["2025-12-08", "2025-12-08"]
    assert "hijri_equivalent" in rows[1][2]
    # not side by side: each read by its own calendar
    assert [v for _, v, _ in _rows("16 جمادى الثانية 1447 وصلت البعثة في 8 ديسمبر 2025")] == \
        ["2025-12-07", "2025-12-08"]


def test_a_hijri_day_in_any_bracket_beside_its_gregorian_day_takes_it():
    # braces as brackets; both years unsaid: the pair settles on the year where they agree
    rows = _rows("وصلت القافلة في 17 جمادى الثانية {9 ديسمبر}")
    assert [v for _, v, _ in rows] == ["2025-12-09", "2025-12-09"]
    assert "hijri_equivalent" in rows[0][2]
    # 10 December alone would be last year's (past, after the reference day): its Hijri day
    # (18 Jumada II, 9 December 2025 by Umm al-Qura) puts it in this one
    rows = _rows("وصلت القافلة في 18 جمادى الثانية «10 ديسمبر»")
    assert [v for _, v, _ in rows] == ["2025-12-10", "2025-12-10"]
    assert "year_from_equivalent" in rows[1][2]


def test_a_word_of_correspondence_pairs_a_gregorian_day_with_the_hijri_day_after_it():
    # Umm al-Qura: 17 Jumada II 1447 = 8 December; the writer's calendar says the 9th
    rows = _rows("ويوم 9 من ديسمبر 2025 {الثلاثاء} يوافق 17 جمادى الثانية 1447")
    assert rows[0][1] == "2025-12-09" and rows[-1][1] == "2025-12-09"
    assert "hijri_equivalent" in rows[-1][2]
    rows = _rows("اجتمع المجلس في 17 جمادى الثانية 1447 والموافق لـ9 ديسمبر 2025")
    assert [v for _, v, _ in rows] == ["2025-12-09", "2025-12-09"]


def test_dates_too_far_apart_or_unlinked_keep_their_own_calendars():
    # a word of correspondence, but a week apart: not the same day
    values = [v for _, v, _ in _rows("في 17 جمادى الثانية 1447 ما يوازي 15 ديسمبر 2025")]
    assert values == ["2025-12-08", "2025-12-15"]
    # a day apart but in two sentences
    assert [v for _, v, _ in _rows("وقع في 17 جمادى الثانية 1447. ثم في 9 ديسمبر 2025 عاد")] == \
        ["2025-12-08", "2025-12-09"]
