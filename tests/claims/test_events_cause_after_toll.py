"""Events: a toll told at a place, then what caused it after a word of cause (جراء، نتيجة،
بفعل) or ب (بقصف، بإطلاق نار): the cause is the event, at the place the toll was told at."""

from __future__ import annotations

import workbench


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    ev = workbench.analyze(text, published="2022-03-06").events
    return [(r.location, r.kind, str(r.fatalities_min), str(r.injured_min))
            for r in ev.itertuples()]


def test_wounded_at_a_town_by_shelling_after_jarraa_is_a_shelling_there():
    rows = _rows("أصيب أربعة مدنيين في مدينة سراقب جراء قصف مدفعي.")
    assert [(loc, kind, inj) for loc, kind, _, inj in rows] == [("Saraqib", "shelling", "4")]


def test_a_second_toll_after_fi_hin_is_its_own_event_at_its_own_place():
    rows = _rows("قتل مدني بقصف على قرية الحمرا، في حين أصيب خمسة مدنيين آخرين في مدينة "
                 "معرة النعمان جراء استهدافها بالصواريخ.")
    assert [r[0] for r in rows] == ["الحمرا", "Ma‘arrat an Nu‘mān"]
    assert rows[1][3] == "5" and rows[0][3] in ("", "nan", "None")


def test_wounded_by_gunfire_written_with_bi_at_an_area():
    rows = _rows("أصيب راع في منطقة الوادي الأخضر بإطلاق نار من مسلحين مجهولين.")
    assert [(r[0], r[1], r[3]) for r in rows] == [("الوادي الأخضر", "attack", "1")]


def test_a_place_after_the_cause_is_the_attacks_own():
    rows = _rows("وأصيب 12 شخصا بجروح جراء التفجير بسيارة مفخخة في ساحة الشهداء ببغداد.")
    assert len(rows) == 1 and rows[0][0] == "ساحة الشهداء" and rows[0][3] == "12"


def test_no_toll_before_the_cause_makes_no_event():
    # a sentence of a court: ب on the execution word tells the penalty, nobody was harmed
    assert _rows("وأصدرت محكمة الجنايات في الموصل الحكم بالإعدام على المدانين.") == []
    # a reason (بسبب) tells of another happening, not how the wound was made
    assert _rows("أصيب ثلاثة في مدينة سراقب بسبب الازدحام.") == []
