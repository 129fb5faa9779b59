"""The guard of the stages that move, join or split words: a change the models read worse is undone."""

import numpy as np

from workbench.cleaning.clean import clean
from workbench.cleaning.guard import guarded, reading_gain
from workbench.cleaning.lines import Line


def _line(text: str) -> Line:
    return Line(text, np.arange(len(text), dtype=np.int64))


def test_a_reorder_the_models_read_worse_is_undone() -> None:
    old = [_line("وصل وفد مجلس الامن الى المدينة"), _line("صباح اليوم")]
    new = [_line("الامن الى المدينة وصل وفد مجلس"), _line("صباح اليوم")]
    out, undone = guarded(old, new, 0.0)
    assert undone == 1
    assert out[0] is old[0] and out[1] is new[1]


def test_a_change_the_models_read_better_is_kept() -> None:
    old = [_line("اعلنت الشر كة عن خطة جديدة")]
    new = [_line("اعلنت الشركة عن خطة جديدة")]
    assert reading_gain(old[0].text, new[0].text) > 0
    out, undone = guarded(old, new, 0.0)
    assert undone == 0 and out[0] is new[0]


def test_a_margin_asks_more_than_no_loss() -> None:
    old = [_line("اعلنت الشر كة عن خطة جديدة")]
    new = [_line("اعلنت الشركة عن خطة جديدة")]
    gain = reading_gain(old[0].text, new[0].text)
    assert guarded(old, new, gain + 1.0)[1] == 1


def test_lines_across_are_weighed_together() -> None:
    # a word made whole from the end of one line and the start of the next: the first line
    # alone reads better, the second alone worse; together the join wins
    old = [_line("قال المتحدث باسم الشر"), _line("كة ان العمل توقف")]
    new = [_line("قال المتحدث باسم الشركة"), _line("ان العمل توقف")]
    out, undone = guarded(old, new, 0.0, across=True)
    assert undone == 0 and [line.text for line in out] == [line.text for line in new]


def test_the_log_counts_the_lines_put_back() -> None:
    c = clean("كما أسفر الهجوم عن ُمقتل ثلاثة أشخاص\nفي القرية")
    log = c.log.set_index("stage")
    assert log.undone["split_words"] == 1
    assert "عنُمقتل" not in c.stage_text("split_words")
