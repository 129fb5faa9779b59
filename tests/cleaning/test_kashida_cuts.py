"""Words cut inside their kashida stretch (``القتلـ ـى``): joined in place, no reason to turn runs."""

from workbench.cleaning.clean import clean
from workbench.cleaning.stages import kashida_cuts_joined, reorder_beats_joining


def test_a_cut_inside_a_stretch_is_joined_in_place() -> None:
    assert kashida_cuts_joined("عدد من الجرحـ ـى في الهجـ ـوم") == "عدد من الجرحـى في الهجـوم"
    # a proclitic set apart before a name, and a tatweel at one edge only, are no such cut
    assert kashida_cuts_joined("لـ ناسا والعر ـاق") == "لـ ناسا والعر ـاق"


def test_a_turn_that_only_buys_the_joins_loses_to_joining_in_place() -> None:
    old = "سقط عدد من القتلـ ـى والجرحـ ـى في هجـ ـوم استهدف دورية عسكرية في ريف المدينة"
    new = "ـوم استهدف دورية عسكرية في ريف المدينة في هجـ ـى والجرحـ ـى سقط عدد من القتلـ"
    assert not reorder_beats_joining(old, new)


def test_clean_keeps_a_stretched_line_in_its_order() -> None:
    text = (
        "سقط عدد من القتلـ ـى والجرحـ ـى في هجـ ـوم استهدف دورية عسكرية في ريف المدينة الشرقي\n"
        "وقال مصدر محلي ان الهجـ ـوم نفذه مسلحون مجهولون على الطريق العام"
    )
    once = clean(text).text
    assert once == (
        "سقط عدد من القتلى والجرحى في هجوم استهدف دورية عسكرية في ريف المدينة الشرقي"
        " وقال مصدر محلي ان الهجوم نفذه مسلحون مجهولون على الطريق العام"
    )
    assert clean(once).text == once
