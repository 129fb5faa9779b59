"""Events on small made-up reports: with no publication date, a time told against the
unknown day of writing still parts the news from an attack the report recalls a month or
more before it, and a lead's أمس and a body's اليوم stay one attack; a recalled attack at
"the same village" stands at the village told before."""

from __future__ import annotations

import workbench


def _events(text: str):
    return workbench.analyze(text, published=None).events


def test_today_and_a_day_of_last_month_at_one_town_are_two_attacks():
    ev = _events("قتل سبعة أشخاص اليوم الأحد في انفجار سيارة مفخخة في مدينة تكريت.\n\n"
                 "وقتل 20 شخصا في 24 أيار الماضي في تفجير انتحاري في مدينة تكريت.")
    assert ev[["fatalities", "start"]].values.tolist() == [["7", ""], ["20", "XXXX-05-24"]]


def test_yesterday_in_the_lead_and_today_in_the_body_are_one_attack():
    ev = _events("قتل خمسة مدنيين يوم أمس السبت إثر انفجار سيارة مفخخة في قضاء بلد.\n\n"
                 "وذكر مصدر أمني أن سيارة مفخخة انفجرت صباح اليوم في مدخل قضاء بلد.")
    assert len(ev) == 1


def test_a_recalled_attack_at_the_same_village_takes_the_village_told_before():
    ev = workbench.analyze("قتل أربعة مدنيين في هجوم شنه مسلحون على قرية البو حسن.\n\n"
                           "والقرية ذاتها شهدت مجزرة ارتكبها مسلحون في 9 من الشهر الماضي.",
                           published="2022-03-20").events
    assert ev[["role", "location"]].values.tolist() == [["main", "البو حسن"],
                                                        ["background", "البو حسن"]]
