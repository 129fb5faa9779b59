"""Places: the span and the reading of a name where a shorter or vetoed reading competes."""

from __future__ import annotations

from workbench.find.places import find_places


def test_a_compass_point_in_construct_takes_a_town_that_is_also_a_word() -> None:
    # سلمية "peaceful" and السخنة "the hot one" are towns when a direction is reckoned from them
    got = find_places("سقطت قذيفة شمال شرقي سلمية في ريف حماة")["value"].tolist()
    assert any("Salam" in v for v in got)
    assert any("Sukhnah" in v for v in find_places("تقدمت القوات غرب السخنة في بادية حمص")["value"].tolist())
    # without the direction the word stays a word
    assert not any("Salam" in v for v in find_places("نظمت مسيرة سلمية في الساحة")["value"])


def test_a_compass_point_before_a_settlement_word_names_no_town() -> None:
    # جنوب المدينة "south of the city" is no Medina, nor the town "city centre"
    for text in ("قتل شاب جنوب المدينة", "سقطت قذيفة شمال مركز المدينة"):
        assert not any("Madin" in v or "Medina" in v for v in find_places(text)["value"])


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
