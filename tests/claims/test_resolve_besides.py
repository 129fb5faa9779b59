"""Events on small made-up reports: a clause opened by an additive connective (كما، فيما،
بينما) that names a spot of its own tells one more attack, not the one just told; one that
opens with a verb of telling (كما ذكرت الوكالة) is one more teller of the same news, and one
that adds only a toll adds it to the attack told."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = None):
    return workbench.analyze(text, published=published).events


def test_a_connective_with_a_spot_of_its_own_opens_another_attack():
    ev = _events("هاجم مسلحون حاجزا للجيش في محافظة ديالى فجر اليوم، ما أسفر عن مقتل جنديين، "
                 "كما قتل ثلاثة مدنيين بانفجار عبوة ناسفة في قرية الهويدر.", published="2021-03-02")
    assert len(ev) == 2
    assert sorted(ev.fatalities.tolist()) == ["2", "3"]


def test_a_connective_before_a_verb_of_telling_adds_a_teller_not_an_attack():
    ev = _events("قصفت طائرات محيط مدينة حلب فجر اليوم وأصيب مدنيان. كما ذكرت وكالة محلية أن "
                 "القصف استهدف مواقع قرب بلدة الأتارب غربي حلب.", published="2021-03-02")
    assert len(ev) == 1


def test_a_connective_with_a_toll_only_adds_to_the_attack_told():
    ev = _events("انفجرت سيارة مفخخة في سوق مدينة كركوك صباح اليوم، ما أسفر عن مقتل أربعة "
                 "أشخاص، فيما أصيب عشرة آخرون بجروح.", published="2021-03-02")
    assert ev[["location", "fatalities", "injured"]].values.tolist() == [["Kirkuk", "4", "10"]]
