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
