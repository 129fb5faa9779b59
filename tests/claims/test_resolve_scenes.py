"""Where an attack happened when the report names places that are not its scene: a side of a
town, a distance from the capital, where the victims came from, where the teller is."""

from __future__ import annotations

import workbench
from workbench.claims.index import Mention, Mentions
from workbench.claims.spots import anchor_of, is_locator, off_scene


def _events(text: str, published: str = "2016-03-10"):
    return workbench.analyze(text, published=published).events


def test_a_side_of_a_town_is_located_at_the_town():
    ev = _events("انفجرت سيارة مفخخة عند نقطة تفتيش شمالي الرمادي اليوم.")
    assert ev.location.tolist() == ["Ramadi"] and ev.place_type.tolist() == ["city"]


def test_a_side_of_a_governorate_is_located_at_the_governorate():
    ev = _events("فجر انتحاري نفسه في نقطة تفتيش للجيش غرب محافظة الأنبار.")
    assert ev.location.tolist() == ["Anbar"]


def test_two_sides_of_one_town_are_two_attacks():
    ev = _events("انفجرت سيارة مفخخة غربي الرمادي صباح اليوم.\n\n"
                 "وانفجرت عبوة ناسفة شمالي الرمادي مساء اليوم استهدفت دورية للشرطة.")
    assert len(ev) == 2 and ev.location.tolist() == ["Ramadi", "Ramadi"]


def test_a_town_only_measured_from_is_no_place_of_the_attack():
    ev = _events("قتل خمسة جنود بانفجار سيارة مفخخة غربي الرمادي، نحو 110 كم غرب العاصمة بغداد.")
    assert ev.location.tolist() == ["Ramadi"]


def test_anchor_and_locator_helpers():
    side = Mention(0, 12, "غربي الرمادي", "place", "west of Ramadi", "direction",
                   place_type="region", place_id="gn:98717#west")
    assert anchor_of(side).value == "Ramadi"
    assert anchor_of(side._replace(flags="")) is None
    text = "في الخالدية (23 كم جنوبي الفلوجة)"
    town = Mention(3, 11, "الخالدية", "place", "Khalidiyah", place_type="city")
    side = Mention(20, 33, "جنوبي الفلوجة", "place", "south of Fallujah", "direction")
    km = Mention(13, 18, "23 كم", "quantity", "23", dimension="length")
    found = Mentions([town, side, km])
    assert is_locator(side, [town, side], found, text)
    assert not is_locator(town, [town, side], found, text)
    assert not is_locator(side, [side], found, text)  # nothing else named: it is the place


def test_where_the_victims_came_from_and_where_the_teller_is_are_no_scene():
    t = "وسط الزوار العائدين من كربلاء"
    assert off_scene(Mention(t.index("كربلاء"), len(t), "كربلاء", "place", "Karbala"), t)
    t = "وقال مصدر أمني في الحلة"
    assert off_scene(Mention(t.index("الحلة"), len(t), "الحلة", "place", "Hillah"), t)
    t = "انفجرت عبوة في الحلة"
    assert not off_scene(Mention(t.index("الحلة"), len(t), "الحلة", "place", "Hillah"), t)


def test_a_bombing_among_pilgrims_is_not_placed_where_they_came_from_or_at_the_source():
    ev = _events("انفجرت سيارة ملغومة يقودها انتحاري في قضاء المسيب وسط حشود الزوار العائدين من "
                 "كربلاء.\n\nونقلت وكالة عن مصدر أمني في الحلة أن الانفجار أدى إلى مقتل 12 شخصا.")
    assert len(ev) == 1
    assert ev.location.tolist() == ["Al-Mussyab"]
    assert ev.sub_event_type.tolist() == ["Suicide bomb"] and ev.fatalities.tolist() == ["12"]


def test_a_truce_or_a_withdrawal_the_report_recalls_is_no_event_of_it():
    # the past a report recalls to frame its news is no news; the same words told of the
    # day stay an event
    ev = _events("انفجرت عبوة ناسفة في بلدة الشيخ مسكين اليوم. وكان الرجل قد انضم إلى المصالحة "
                 "بعد اتفاق التسوية في محافظة درعا في تموز 2018.", published="2020-08-28")
    assert ev.kind.tolist() == ["explosion"]
    ev = _events("قصفت طائرة مسيرة قرية الحامدية مساء أمس. وكانت الفصائل قد انسحبت العام الماضي "
                 "من بلدة سراقب.", published="2020-08-28")
    assert ev.kind.tolist() == ["shelling"]
    ev = _events("وقعت الحكومة والمعارضة اتفاق وقف إطلاق النار في مدينة درعا اليوم.",
                 published="2020-08-28")
    assert ev.kind.tolist() == ["agreement"]
