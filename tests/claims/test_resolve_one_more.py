"""Events on small made-up reports: an attack told with no place of its own, as one more than
the one before it (أيضاً، مماثل after its attack word) and with a toll of its own, is a second
event placed near the first; told without a toll it is not placed there, and told by a definite
attack word it adds to the attack told."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = None):
    return workbench.analyze(text, published=published).events


def test_one_more_attack_with_its_own_toll_is_a_second_event_at_the_first_ones_town():
    ev = _events("هاجم مسلحون مجهولون مقرا للشرطة في مدينة كركوك صباح اليوم، وأسفر الهجوم عن "
                 "مقتل شرطيين. وقالت المصادر إن محطة للكهرباء قريبة من المقر تعرضت أيضا لاعتداء "
                 "مماثل أسفر عن مقتل خمسة من العمال.", published="2021-03-02")
    assert len(ev) == 2
    assert ev.location.tolist() == ["Kirkuk", "Kirkuk"]
    assert sorted(ev.fatalities.tolist()) == ["2", "5"]


def test_one_more_attack_after_one_at_a_spot_is_placed_at_the_spots_governorate():
    ev = _events("استهدف مسلحون أمس حاجزا للجيش في قرية الطيبة بريف درعا، ما أدى إلى مقتل "
                 "ثلاثة عناصر. واستهدف مجهولون أيضاً حافلة تقل جنودا بعبوة ناسفة، ما أسفر عن "
                 "مقتل ستة عناصر.", published="2021-03-02")
    assert len(ev) == 2
    assert sorted(ev.fatalities.tolist()) == ["3", "6"]
    second = ev[ev.fatalities == "6"].iloc[0]
    assert second.place_type == "governorate" and second.admin1 == second.location


def test_one_more_attack_without_a_toll_of_its_own_is_not_placed_near_the_first():
    ev = _events("هاجم مسلحون مجهولون مقرا للشرطة في مدينة كركوك صباح اليوم، وأسفر الهجوم عن "
                 "مقتل شرطيين. وتعرضت دورية قريبة أيضا لاعتداء مماثل.", published="2021-03-02")
    assert ev[ev.location == "Kirkuk"].fatalities.tolist() == ["2"]
    assert "" in ev.location.tolist()  # told as another attack, but the text places it nowhere


def test_a_definite_attack_word_with_a_toll_tells_the_attack_again():
    ev = _events("هاجم مسلحون مجهولون مقرا للشرطة في مدينة كركوك صباح اليوم. كما أسفر الهجوم "
                 "أيضا عن مقتل ثلاثة أشخاص.", published="2021-03-02")
    assert len(ev) == 1
    assert ev.fatalities.tolist() == ["3"]
