"""Where a text reports political violence (workbench.find.violence)."""

from __future__ import annotations

from workbench.find.violence import attack_offsets, reports_attack
from workbench.text.lexmatch import fold


def test_triggers_of_political_violence_are_found_and_others_are_not() -> None:
    f = fold("قصفت الطائرات البلدة ثم تظاهر السكان")
    starts = attack_offsets(f)
    assert starts == [0]  # قصفت; تظاهر is a protest, no political violence


def test_reports_attack_is_bounded_by_the_span() -> None:
    text = "وقع انفجار قرب السوق. واجتمع المجلس في القاعة"
    f = fold(text)
    cut = text.index(".") + 1
    assert reports_attack(f, 0, cut)
    assert not reports_attack(f, cut, len(text))


def test_a_text_with_no_trigger_has_no_offsets() -> None:
    assert attack_offsets(fold("افتتح الوزير معرضا للكتاب في المدينة")) == []
