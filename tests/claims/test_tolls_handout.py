"""Which row a toll goes to, on small made-up reports: a toll whose words run into the clause
of an attack told after it in the same sentence (بعد اغتيال فلان وفلان، فجر الجمعة بقصف على
موكبهما) is that attack's, not the one the report told before."""

from __future__ import annotations

import workbench


def test_a_toll_running_into_the_attack_after_it_is_that_attack_s():
    ev = workbench.analyze(
        "أعلن مصدر أمني، اليوم السبت، سقوط ثلاثة صواريخ على قاعدة بلد الجوية جنوبي صلاح الدين."
        "\n\nوتأتي هذه التطورات بعد اغتيال القيادي في الحشد أبو علي الكناني، وقائد الفصيل حسن "
        "العامري، فجر الجمعة بقصف صاروخي على موكبهما قرب مطار بغداد الدولي.").events
    tolls = dict(zip(ev.location, ev.fatalities, strict=True))
    assert tolls == {"Balad Air Base": "", "Baghdad International Airport": "2"}
