"""A direction that names no place (غرب البلاد، في الجنوب، the first sides of شمال ووسط
العراق) is its own kind of mention, not a place name, and still locates an event."""

import workbench
from workbench.claims.index import Mentions
from workbench.find.mentions import mention_rows
from workbench.find.places import DIRECTION_KIND, names_no_place, place_rows


def _kinds(text: str) -> dict[str, str]:
    return {r["text"]: r["kind"] for r in place_rows(text)}


def test_direction_of_the_country_is_no_place_name() -> None:
    kinds = _kinds("أعلنت الحكومة أن الجيش تقدم في سوريا. وقصفت الطائرات مواقع في شرق البلاد.")
    assert kinds["سوريا"] == "place"
    assert kinds["شرق البلاد"] == DIRECTION_KIND


def test_bare_direction_is_no_place_name() -> None:
    kinds = _kinds("قالت وزارة الدفاع العراقية إن القوات في العراق تتقدم في الجنوب.")
    assert kinds["الجنوب"] == DIRECTION_KIND


def test_elliptic_side_is_no_place_name_but_the_named_one_is() -> None:
    kinds = _kinds("هطلت أمطار غزيرة على شمال ووسط العراق.")
    assert kinds["شمال"] == DIRECTION_KIND
    assert kinds["وسط العراق"] == "place"


def test_side_of_a_named_town_stays_a_place() -> None:
    assert _kinds("اشتباكات عنيفة غربي الرمادي")["غربي الرمادي"] == "place"


def test_flags_tell_which_directions_name_no_place() -> None:
    assert names_no_place("direction;inferred") and names_no_place("direction;elliptic")
    assert not names_no_place("direction") and not names_no_place("inferred")


def test_claims_read_a_direction_as_a_place() -> None:
    rows, _ = mention_rows("قتل جنديان في العراق. وانفجرت عبوة في شمال البلاد.")
    direction = [r for r in rows if r["kind"] == DIRECTION_KIND]
    assert direction
    index = Mentions.of_rows(rows)
    assert [m.text for m in index.between(direction[0]["start"], direction[0]["end"] + 1, "place")] \
        == [direction[0]["text"]]


def test_event_told_only_by_a_direction_keeps_a_location() -> None:
    a = workbench.analyze("قال مسؤول عراقي إن العراق يشهد هجمات. وقتل ثلاثة جنود في انفجار "
                          "عبوة ناسفة غرب البلاد أمس.", published="2020-03-02")
    places = a.mentions[a.mentions["kind"] == "place"]
    assert "غرب البلاد" not in set(places["text"])
    assert len(a.events) and set(a.events["country"]) == {"Iraq"}
    assert all(a.events["location"] != "")


def test_side_of_a_named_country_locates_at_the_country() -> None:
    a = workbench.analyze("قتل أربعة مدنيين في هجوم شنه مسلحون شمال مالي أمس.", published="2021-05-10")
    assert list(a.events["location"]) == ["Mali"]
    assert "northern Mali" in a.events["places"].iloc[0].split(";")


def test_side_of_the_country_locates_at_the_country() -> None:
    a = workbench.analyze("قال مسؤول عراقي إن العراق يشهد هجمات. وقتل ثلاثة جنود في انفجار "
                          "عبوة ناسفة جنوب البلاد أمس.", published="2020-03-02")
    assert list(a.events["location"]) == ["Iraq"]
    assert "southern Iraq" in a.events["places"].iloc[0].split(";")


def test_side_of_a_town_still_locates_at_the_town() -> None:
    a = workbench.analyze("قتل خمسة جنود في هجوم غربي الرمادي أمس.", published="2020-03-02")
    assert list(a.events["location"]) == ["Ramadi"]
