"""Events on small made-up reports: the place where the teller of the news sits is no place
of the attack it tells; the publication day, standing in for an unsaid date, parts no
mention of an attack from the day the text says of it; an indefinite إطلاق نار is a
shooting; a day narrows a week, a month the years it lies in."""

from __future__ import annotations

import workbench


def _events(text: str, published: str | None = "2022-05-26"):
    return workbench.analyze(text, published=published).events


def test_an_agency_in_a_region_tells_the_attack_at_the_village_before():
    ev = _events("قصفت طائرات تركية قرية زيوة في دهوك، ما أودى بحياة شخصين.\n\n"
                 "وذكر جهاز مكافحة الإرهاب في إقليم كوردستان في بيان، أنه \"فقد شخصان حياتهما "
                 "جراء هجوم صاروخي شنه مقاتلو حزب العمال الكوردستاني\".")
    assert ev.location.tolist() == ["زيوة"]  # the village the head names, not Kurdistan


def test_a_place_after_in_that_follows_no_teller_is_the_attacks():
    ev = _events("قتل شخصان جراء هجوم صاروخي على مقر جهاز مكافحة الإرهاب في مدينة دهوك.")
    assert ev.location.tolist() == ["Dohuk"]


def test_a_row_dated_only_by_the_publication_day_joins_the_day_the_text_says():
    ev = _events("أفاد نشطاء أن غارة جوية نفذتها طائرة مسيرة مساء أمس استهدفت سيارة بالقرب من جسر "
                 "الرشيد في ريف الرقة. وأسفرت الغارة عن مقتل شخصين.", published="2020-01-10")
    assert ev[["start", "date_basis", "fatalities"]].values.tolist() == [["2020-01-09", "text", "2"]]


def test_the_news_and_an_attack_dated_back_from_it_stay_two_days():
    ev = _events("يأتي الهجوم على حاجز للجيش في الموصل بعد أيام من تفجير انتحاري في الموصل.",
                 published="2020-06-10")
    assert len(ev) == 2


def test_indefinite_firing_is_a_shooting_and_an_indefinite_ceasefire_is_not():
    ev = _events("شهد مخيم الهول مساء أمس حدوث إطلاق نار بين مجهولين وقوى الأمن، ما أدى إلى إصابة "
                 "عنصر.")
    assert ev.location.tolist() == ["al-Hol camp"] and ev.injured.tolist() == ["1"]
    assert _events("أعلنت الحكومة وقف إطلاق نار في درعا.").kind.tolist() == ["agreement"]


def test_a_day_said_later_narrows_the_week_an_attack_was_told_in():
    ev = _events("قصفت طائرات مسيرة معسكر التاجي هذا الأسبوع.\n\nوأعلن الجيش أن القصف على معسكر "
                 "التاجي وقع الأربعاء.", published="2020-03-14")
    assert ev[["start", "date_text"]].values.tolist() == [["2020-03-11", "الأربعاء"]]


def test_a_month_said_later_narrows_the_years_a_series_was_told_in():
    # months and years span their days too: آذار 2011 lies inside عامي 2010 و2011
    ev = _events("وذكرت تقارير سابقة أن الجماعة نفذت سلسلة تفجيرات ضربت بغداد خلال عامي 2010 و2011. "
                 "كما يشتبه في أنها نفذت هجومين وقعا في بغداد في آذار 2011، أسفرا عن مقتل 20 شخصا.",
                 published="2014-05-02")
    assert ev[["start", "date_text"]].values.tolist() == [["2011-03", "آذار 2011"]]
