"""Events on small made-up reports: the home town of the people hit (وهما من بلدة ...، من
أهالي ...، سكان ...) is no place of the attack when its clause names another, and is its
place when it names none."""

from __future__ import annotations

import workbench


def _locations(text: str) -> list[str]:
    return workbench.analyze(text, published="2022-01-02").events.location.tolist()


def test_the_town_the_dead_came_from_is_not_where_the_mine_blew_up():
    assert _locations("انفجرت عبوة ناسفة قرب قرية الكرامة، ما أدى لمقتل شابين وهما من بلدة "
                      "الشحيل.") == ["Al Karāmah"]
    assert _locations("قتل مدني من أهالي بلدة الشحيل بقصف مدفعي على قرية الكرامة.") \
        == ["Al Karāmah"]


def test_the_town_of_the_residents_hit_is_not_where_the_shell_fell():
    assert _locations("سقطت قذيفة على سكان مناطق شيلادزي قرب قرية زيوة.") == ["زيوة"]


def test_the_home_town_is_the_place_when_the_clause_names_no_other():
    assert _locations("قتل شابان من أهالي مدينة الرقة في انفجار لغم.") == ["Ar Raqqah"]
