"""Tolls brought up to date on small made-up reports: a figure told as the attack's toll
risen or renewed (ارتفعت حصيلة القتلى إلى، ليرتفع عدد الضحايا إلى، في حصيلة جديدة) is the
attack's toll; the earlier, lower figures stay its lowest bound (the guideline: min the
lowest figure, max the highest)."""

from __future__ import annotations

import workbench
from workbench.claims.tolls import find_tolls, updates


def _updated(text: str) -> list[tuple[float | None, bool]]:
    tolls = find_tolls(text)
    return [(t.value, updates(text, t, tolls)) for t in tolls]


def test_a_risen_toll_is_an_update():
    assert _updated("قتل ستة أشخاص في الهجوم. ثم ارتفعت حصيلة الهجوم إلى 9 قتلى.") == \
        [(6.0, False), (9.0, True)]


def test_a_toll_reaching_a_figure_is_an_update():
    assert _updated("وعثر على جثتين جديدتين ليرتفع عدد الضحايا إلى 11 قتيلا.")[-1] == (11.0, True)


def test_a_new_toll_after_its_figures_updates_both():
    assert _updated("وأحصى مقتل 7 أشخاص وإصابة 20 آخرين في حصيلة جديدة.") == \
        [(7.0, True), (20.0, True)]


def test_a_figure_in_another_clause_is_no_update():
    # the rise is of something else; the figure after the comma is told on its own
    assert _updated("وارتفعت أسعار الوقود في المدينة، وقتل 4 أشخاص في انفجار.") == [(4.0, False)]


def test_the_risen_toll_is_the_row_s_toll_the_first_its_lowest_bound():
    ev = workbench.analyze("قتل ستة مدنيين، الاثنين، في هجوم مسلح على قرية كفرنبل بريف إدلب. "
                           "وقال مصدر محلي إن حصيلة الهجوم على قرية كفرنبل ارتفعت إلى تسعة قتلى "
                           "بعد وفاة عدد من الجرحى.").events
    row = ev.iloc[0]
    assert (row.fatalities, row.fatalities_min, row.fatalities_max) == ("9", "6", "9")
