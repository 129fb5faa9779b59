"""One attack told twice: a second source's same dead and wounded name the attack already
told, at another place of the same governorate: no second event."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2020-03-01"):
    return workbench.analyze(text, published=published).events


def test_the_same_dead_and_wounded_told_at_two_places_of_a_day_are_one_attack():
    text = ("قتل تسعة أشخاص وأصيب 21 آخرون بانفجار سيارة مفخخة وسط مدينة بعقوبة اليوم.\n\n"
            "وقال مصدر في الشرطة إن سيارة مفخخة انفجرت قرب سوق شعبي في ناحية بهرز، ما أسفر "
            "عن مقتل تسعة أشخاص وإصابة {} آخرين.")
    once = _events(text.format(21))
    assert len(once) == 1 and once.iloc[0]["location"] == "Buhriz"  # the finer place stays
    assert (once.iloc[0]["fatalities"], once.iloc[0]["injured"]) == ("9", "21")
    # the same dead but other wounded: two attacks that killed as many
    assert len(_events(text.format(15))) == 2
