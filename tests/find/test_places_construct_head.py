"""Places: the head noun of a longer name confirms no homograph town of that spelling."""

from __future__ import annotations

from workbench.find.places import find_places


def test_camp_of_camp_taji_does_not_confirm_mascara_elsewhere():
    df = find_places("سقطت صواريخ على معسكر التاجي. وقتل 3 عسكريين بهجوم على معسكر في العراق.")
    assert "Mascara" not in df["value"].tolist()
    assert "Camp Taji" in df["value"].tolist()


def test_a_name_said_inside_a_longer_one_still_confirms_its_bare_use():
    df = find_places("قصف على مدينة معسكر الجزائرية. ووصل الوفد إلى معسكر أمس.")
    assert df["value"].tolist().count("Mascara") == 2


def test_a_head_noun_before_a_town_in_a_list_is_no_medina():
    df = find_places("سقطت قذائف على مدينة حمص ومدينة حماة، وقتل شخصان في مدينة حمص.")
    assert "Madinah" not in df["value"].tolist()
    assert "Homs" in df["value"].tolist()
    assert "حماة" in df["text"].tolist()


def test_medina_by_its_full_name_is_still_read():
    df = find_places("توجه الحجاج إلى المدينة المنورة بعد مكة.")
    assert "Madinah" in df["value"].tolist()
