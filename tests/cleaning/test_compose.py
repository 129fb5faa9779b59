"""Hamza and madda written as a mark after their letter, composed into one letter."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.compose import compose_marks
from workbench.cleaning.lines import Line, synthetic

HAMZA_ABOVE = "\u0654"
MADDA_ABOVE = "\u0653"
HAMZA_BELOW = "\u0655"


def test_each_pair_becomes_the_letter_unicode_composes() -> None:
    line, n = compose_marks(synthetic(
        f"سا{HAMZA_ABOVE}ل الوزير عن مو{HAMZA_ABOVE}تمر ا{HAMZA_BELOW}قليمي وا{MADDA_ABOVE}خر", 0))
    assert line.text == "سأل الوزير عن مؤتمر إقليمي وآخر"
    assert n == 4


def test_the_composed_letter_keeps_the_offset_of_the_letter() -> None:
    line, _ = compose_marks(Line(f"ا{HAMZA_ABOVE}ب", np.array([10, 11, 12])))
    assert line.text == "أب"
    assert line.src.tolist() == [10, 12]


def test_a_mark_no_letter_composes_with_stays() -> None:
    text = f"ب{HAMZA_ABOVE}ات هنا"
    line, n = compose_marks(synthetic(text, 0))
    assert (line.text, n) == (text, 0)


def test_a_text_that_lost_its_spaces_is_cut_into_words_across_a_hamza() -> None:
    # The mark used to end the run of letters the word list cuts, leaving the words
    # around it glued (the run before it ends in a lone alef).
    glued = [
        f"وصلالوفدالا{HAMZA_ABOVE}منيالىالمدينةصباحاليومالتالي",
        f"وقالالمتحدثا{HAMZA_ABOVE}نالاجتماعانتهىبعدساعتين",
        f"وا{MADDA_ABOVE}خرونغادرواالمدينةقبلوصولالوفدالرسمي",
    ]
    text = clean("\n".join(glued)).text
    assert "الأمني" in text.split()
    assert "أن" in text.split()
    assert "وآخرون" in text.split() or "آخرون" in text.split()


def test_a_line_written_in_visual_order_gets_the_mark_on_its_own_letter() -> None:
    # Letter by letter in visual order the mark comes before its alef; it must not be
    # glued to the letter before it (here a waw: ``ؤ``).
    sentences = [
        f"وقالت المصادر ان الحصيلة الا{HAMZA_ABOVE}ولية للهجوم على القرية ارتفعت",
        f"وذكر المتحدث ان القوات الا{HAMZA_ABOVE}منية وصلت الى المكان بعد الانفجار",
        f"واضاف ان الا{HAMZA_ABOVE}وضاع في المدينة هادئة منذ صباح اليوم",
        "واشار الى ان فرق الانقاذ تعمل على نقل الجرحى الى المستشفى",
    ]
    text = clean("\n".join(s[::-1] for s in sentences)).text
    assert "الأولية" in text.split()
    assert "الأمنية" in text.split()
    assert "ؤ" not in text
