"""Actor finder and the actor lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.newsfane import ACTOR_CLASSES, evaluate_newsfane
from workbench.find.actors import ACTOR_COLUMNS, find_actors
from workbench.resources import read_table
from workbench.text.arabic import match_key

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a7d0b04255543ba7.txt"
ACLED_STYLE = {
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "External/Other forces", "Civilians", "Government", "Political party", "Identity group",
}


def _keys(cell: str) -> list[str]:
    return [k for part in cell.split(";") for k in part.split("|") if k]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("find/actors.csv", ["aliases", "anaphor"]),
        ("find/actor_heads.csv", ["head"]),
        ("find/actor_cues.csv", ["form"]),
    ],
)
def test_every_lexicon_entry_is_already_a_matching_key(name: str, columns: list[str]) -> None:
    table = read_table(name)
    bad = [
        (col, k) for col in columns for cell in table[col] for k in _keys(cell)
        if match_key(k) != k or "  " in k or k != k.strip()
    ]
    assert bad == []


def test_homograph_notes_name_aliases_of_their_row() -> None:
    table = read_table("find/actors.csv")
    for aliases, note in zip(table["aliases"], table["homograph"], strict=True):
        for part in filter(None, note.split(";")):
            assert part.split(":", 1)[0] in aliases.split("|")


def test_actor_rows_are_complete_and_typed() -> None:
    table = read_table("find/actors.csv")
    assert table["id"].is_unique
    assert set(table["actor_type"]) <= ACLED_STYLE
    assert (table["name_en"] != "").all() and (table["name_ar"] != "").all()
    assert set(read_table("find/actor_heads.csv")["actor_type"]) <= ACLED_STYLE


def test_no_alias_belongs_to_two_actors() -> None:
    seen: dict[str, str] = {}
    for actor_id, aliases in zip(*read_table("find/actors.csv")[["id", "aliases"]].T.values,
                                 strict=True):
        for k in aliases.split("|"):
            assert seen.setdefault(k, actor_id) == actor_id, k


def _found(text: str, **kw) -> list[tuple[str, str, str]]:
    df = find_actors(text, **kw)
    assert (df["text"] == [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)]).all()
    return list(zip(df["text"], df["value"], df["actor_type"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلن تنظيم الدولة الإسلامية مسؤوليته", [
            ("تنظيم الدولة الإسلامية", "Islamic State (ISIS)", "Rebel group")]),
        ("هاجمت كتائب حزب الله وعصائب أهل الحق", [
            ("كتائب حزب الله", "Kataib Hezbollah", "Political militia"),
            ("عصائب أهل الحق", "Asaib Ahl al-Haq", "Political militia")]),
        ("وقصف الحشد الشعبي", [("الحشد الشعبي", "Popular Mobilization Forces", "State forces")]),
        ("وقال حزب الله اللبناني", [("حزب الله اللبناني", "Hezbollah", "Political militia")]),
        # head + nisba or country name
        ("تقدمت القوات العراقية", [("القوات العراقية", "Military Forces of Iraq", "State forces")]),
        ("قالت حكومة العراق", [("حكومة العراق", "Government of Iraq", "Government")]),
        ("ووزارة الدفاع العراقية", [("وزارة الدفاع العراقية", "Ministry of Defence of Iraq",
                                     "Government")]),
        ("ضد القوات والمصالح العراقية", [("القوات", "Military Forces of Iraq", "State forces")]),
        # foreign forces in a text about Iraq
        ("في العراق انسحبت القوات الأمريكية", [
            ("القوات الأمريكية", "Military Forces of United States", "External/Other forces")]),
        ("في العراق ينشط فيلق القدس الإيراني", [
            ("فيلق القدس الإيراني", "Quds Force (IRGC)", "External/Other forces")]),
        # a minister's title is not the ministry; the nisba after a noun is an adjective
        ("قال وزير الخارجية الأمريكي", []),
        ("اجتمع القادة العراقيين", [("العراقيين", "Iraqis", "Identity group")]),
        ("قتل ثلاثة مدنيين", [("مدنيين", "Civilians", "Civilians")]),
        # homographs
        ("القاعدة الجوية الأمريكية", []),
        ("الحشد العسكري على الحدود", []),
        ("زعيم تنظيم القاعدة", [("تنظيم القاعدة", "al-Qaeda", "Rebel group")]),
        ("نفذت الميليشيات الولائية", [
            ("الميليشيات الولائية", "Pro-Iran militias", "Political militia")]),
    ],
)
def test_find_actors(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هاجم داعش مواقع وقال التنظيم إنه", ["Islamic State (ISIS)", "Islamic State (ISIS)"]),
        ("قال التنظيم ثم هاجم داعش", ["Islamic State (ISIS)"]),  # not named before
        ("هاجم داعش وتنظيم القاعدة وقال التنظيم", ["Islamic State (ISIS)", "al-Qaeda"]),
        ("انسحبت قوات التحالف الدولي وقال التحالف", [
            "International coalition against ISIS", "International coalition against ISIS"]),
    ],
)
def test_anaphora_resolves_only_to_a_single_earlier_actor(text: str, expected: list) -> None:
    assert find_actors(text)["value"].tolist() == expected


def test_bare_state_heads_refer_to_the_country_the_text_is_about() -> None:
    df = find_actors("في العراق شكلت الحكومة الجديدة وصوت البرلمان")
    assert df[["text", "value", "flags"]].values.tolist() == [
        ["الحكومة", "Government of Iraq", "country_inferred"],
        ["البرلمان", "Parliament of Iraq", "country_inferred"],
    ]
    assert find_actors("شكلت الحكومة", home_country="LB")["value"].tolist() == [
        "Government of Lebanon"]
    assert find_actors("شكلت الحكومة", home_country="").empty


def test_empty_text_gives_empty_frame_with_the_columns() -> None:
    assert list(find_actors("").columns) == ACTOR_COLUMNS


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("داعشالقوتعرقيهحكمنظ والتحالف،\u0640\n")),
               max_size=60) | st.text(max_size=40))
def test_find_actors_never_raises_and_spans_match(text: str) -> None:
    df = find_actors(text)
    for s, e, t in zip(df["start"], df["end"], df["text"], strict=True):
        assert text[s:e] == t and s < e


def test_seed_actors_are_found_in_the_raw_pdf_text() -> None:
    df = find_actors(SEED.read_text(encoding="utf-8"))
    assert {
        "Islamic State (ISIS)", "Pro-Iran militias", "Unidentified militia",
        "International coalition against ISIS", "Military Forces of United States",
        "Government of Iraq", "Ministry of Defence of Iraq", "Military Forces of Iraq",
        "Government of Syria", "Shia political parties", "Parliament of Iraq",
    } <= set(df["value"])
    assert (df.loc[df["value"] == "Military Forces of United States", "actor_type"]
            == "External/Other forces").all()
    assert (df["flags"] == "anaphor").sum() >= 5


@pytest.mark.eval_data
def test_newsfane_actor_scores_stay_above_their_floor() -> None:
    def actors(text: str):  # NewsFANE tags outlets in a class of their own (Media)
        found = find_actors(text)
        return found[found["actor_type"] != "Media"] if len(found) else found

    df = evaluate_newsfane(part="test", finders={"actor": (actors, ACTOR_CLASSES)})
    f1 = dict(zip(df["match"], df["f1"], strict=False))
    assert f1["overlap"] >= 0.61
    assert f1["exact"] >= 0.58


def test_attributive_people_flagged() -> None:
    """A plural nisba after a definite plural noun is kept, flagged ``attributive``."""
    df = find_actors("سقط الضحايا العراقيين وتظاهر الفلسطينيون")
    assert df["flags"].tolist() == ["attributive", ""]
