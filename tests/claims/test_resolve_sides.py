"""Resolve: a lead placed at a side of a city (جنوب غربي بغداد) tells the attack a later
sentence places at a quarter of that city, on the same day named with or without its weekday."""

from __future__ import annotations

import workbench
from workbench.claims.resolve import _told_apart


def test_a_side_of_the_city_folds_into_the_quarter_the_next_sentence_names():
    text = ("أفاد مصدر أمني اليوم السبت بإصابة ثلاثة مدنيين بانفجار عبوة ناسفة جنوب غربي العاصمة "
            "بغداد. وقال المصدر إن العبوة انفجرت اليوم قرب سوق شعبي في حي الجهاد جنوبي بغداد.")
    ev = workbench.analyze(text, doc_id="t").events
    assert ev[["location", "injured"]].values.tolist() == [["Hay al-Jihad", "3"]]


def _row(date_text: str) -> dict:
    return {"date_text": date_text, "start": "", "end": ""}


def test_a_weekday_added_names_the_same_day_but_another_word_does_not():
    assert not _told_apart(_row("اليوم"), _row("اليوم السبت"))
    assert not _told_apart(_row("أمس الجمعة"), _row("أمس"))
    assert _told_apart(_row("أمس"), _row("أمس الأول"))
    assert _told_apart(_row("اليوم"), _row("الخميس"))


def test_a_toll_of_the_event_the_news_follows_is_no_toll_of_the_attack_before():
    text = ("انفجرت عبوة ناسفة اليوم بسيارة موظف في بلدة الخير دون وقوع إصابات. "
            "يأتي ذلك بعد يومين من مقتل العضو السابق في المجلس المحلي برصاص مجهولين.")
    ev = workbench.analyze(text, doc_id="t").events
    assert ev["fatalities"].tolist()[0] == "0"


def test_two_towns_of_one_governorate_are_two_attacks():
    text = ("وقعت ثلاثة اعتداءات في طوز خورماتو في محافظة صلاح الدين ما أدى إلى مقتل 5 أشخاص. "
            "وفي سامراء في محافظة صلاح الدين استهدفت سيارة مفخخة مقرا حزبيا ما أسفر عن إصابة "
            "ثلاثة من الحراس.")
    ev = workbench.analyze(text, doc_id="t").events
    rows = sorted(ev[["location", "fatalities", "injured"]].values.tolist())
    assert len(rows) == 2 and ["5", ""] in [r[1:] for r in rows] and ["", "3"] in [r[1:] for r in rows]
