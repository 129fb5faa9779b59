"""Places: the span and the reading of a name where a shorter or vetoed reading competes."""

from __future__ import annotations

from workbench.find.places import find_places


def test_a_town_cued_by_a_camp_head_is_no_feminine_adjective() -> None:
    # عقبة looks like the feminine of عقب; after مخيم the gazetteer's town is the camp's name
    assert "مخيم عقبة" in find_places("اقتحمت القوات مخيم عقبة فجرا")["text"].tolist()
    # a true adjective of the head stays no name
    assert find_places("في منطقة زراعية")["text"].tolist() == []


def test_a_plural_mountain_head_before_one_name_names_the_range() -> None:
    # a range is named with its plural head; a list after it keeps its items apart
    assert "جبال زرد كوه" in find_places("قصفت طائرة مواقع في جبال زرد كوه ليلا")["text"].tolist()
    got = find_places("قصفت طائرة مواقع في جبال قنديل وسنجار")["text"].tolist()
    assert "سنجار" in got and "جبال قنديل وسنجار" not in got


def test_a_road_between_two_places_written_with_a_dash_is_one_mention() -> None:
    df = find_places("قتل سائق على طريق زرزور – حلب مساء أمس")
    row = df[df["text"].str.startswith("طريق")].iloc[0]
    assert row["text"] == "طريق زرزور – حلب"
    assert row["value"] == "Aleppo"  # told by the town it joins
    # a head after the dash opens the next item of a list
    got = find_places("قصف حي الفردوس - دوار النعيم في الرقة")["text"].tolist()
    assert "حي الفردوس" in got and "دوار النعيم" in got


def test_a_name_head_inside_a_name_keeps_the_name_whole() -> None:
    # آل names the family a place is of; the name runs on through it
    got = find_places("سقطت قذيفة في منطقة قرن آل شمهان بمديرية صرواح")["text"].tolist()
    assert "قرن آل شمهان" in got
    # a common noun in construct with a name a name head opens (وادي is no و + word)
    got = find_places("انفجر لغم في منطقة سد وادي الرمل نحو 10 كم شرق تدمر")["text"].tolist()
    assert "سد وادي الرمل" in got


def test_a_compass_point_cues_an_indefinite_town_that_is_also_a_word() -> None:
    # سلمية "peaceful" names a town after a direction; the adjective stays a word
    assert "جنوب غربي سلمية" in find_places("سقطت قذيفة جنوب غربي سلمية ليلا")["text"].tolist()
    assert find_places("خرجت مظاهرات سلمية أمس")["text"].tolist() == []
    # a definite common noun after a direction is a noun of the language (جنوب السد)
    assert find_places("تقع القرية جنوب السد")["text"].tolist() == []
    assert find_places("انتشرت القوات شمال مركز المدينة")["text"].tolist() == []


def test_a_compass_point_said_from_a_place_is_no_region_of_the_country() -> None:
    text = "هاجم مسلحون حاجزا يبعد 40 كيلومترا إلى الشمال من كركوك. وفي العراق هدوء."
    df = find_places(text)
    assert not any(v.startswith("northern") for v in df["value"])
    assert "كركوك" in df["text"].tolist()
    assert "الجنوب" in find_places("تدور معارك في الجنوب منذ أيام في العراق.")["text"].tolist()
