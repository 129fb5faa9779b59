"""Events on small made-up reports: an attack told as what the news came after (بعد يومين
من هجوم) is another attack than the news, at the news's place when its clause names that
place only by a head noun (بالمدينة، لذات المديرية); a definite one is the attack told."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = None):
    return workbench.analyze(text, published=published).events


def test_an_attack_the_news_came_after_is_another_with_its_own_toll():
    ev = _events("قتل شرطي بانفجار عبوة ناسفة في مدينة الموصل صباح الأحد.\n\n"
                 "وقع الانفجار بعد يومين من هجوم مسلحين على حاجز بالمدينة أدى إلى إصابة جنديين.")
    assert ev[["location", "fatalities", "injured"]].values.tolist() == [
        ["Mosul", "1", ""], ["Mosul", "", "2"]]  # بالمدينة: the city just told


def test_the_same_district_is_the_place_just_told():
    ev = _events("شنت طائرات حربية ثلاث غارات على مديرية حيدان في محافظة صعدة صباح الأحد.\n\n"
                 "ويأتي هذا القصف بعد يومين من قصف الطائرات لذات المديرية بأربع غارات دمرت منازل "
                 "المواطنين.")
    assert len(ev) == 2 and ev.location.nunique() == 1


def test_a_head_noun_with_its_name_is_no_place_told_again():
    ev = _events("انفجرت عبوة ناسفة قرب حاجز للشرطة في مدينة الموصل، ما أدى إلى مقتل شرطي.\n\n"
                 "ووقع الانفجار بعد يومين من تفجير انتحاري استهدف سوقا في مدينة كركوك، بحسب "
                 "مصادر أمنية.")
    assert ev.location.tolist() == ["Mosul", "Kirkuk"]


def test_a_definite_attack_the_news_came_after_is_the_one_told():
    ev = _events("انفجرت سيارة مفخخة في سوق مدينة الموصل، ما أدى إلى مقتل ثلاثة مدنيين. "
                 "وقال مصدر إن عبوة ثانية انفجرت بعد ساعات من الانفجار قرب السوق.")
    assert (ev.location == "Mosul").sum() >= 1
    assert "3" in ev.fatalities.tolist()


def test_a_place_after_what_the_news_followed_is_not_the_news_place():
    ev = _events("قتل خمسة مدنيين بانفجار سيارة مفخخة في مدينة الحلة صباح الاثنين.\n\n"
                 "ويأتي الانفجار عقب حريق كبير في سوق الحلة الكبير يوم الأحد.")
    assert ev[["location", "fatalities"]].values.tolist() == [["Hillah", "5"]]


def test_a_place_after_a_time_of_the_news_itself_stays_the_news_place():
    ev = _events("وقع الانفجار بعد منتصف الليل في حي الجمهورية بمدينة الموصل، ما أدى إلى مقتل "
                 "شخصين.")
    assert ev[["location", "fatalities"]].values.tolist() == [["حي الجمهورية", "2"]]
