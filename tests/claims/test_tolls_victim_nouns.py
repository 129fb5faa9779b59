"""Tolls: the noun after a toll word and its figure is the victims' noun whatever it is; a
noun of things or units there (سيارات، صواريخ، كيلومترا) makes the figure no toll."""

from __future__ import annotations

from workbench.claims.tolls import find_tolls


def _tolls(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_a_noun_no_list_holds_after_the_figure_is_counted():
    assert _tolls("أسفر الهجوم عن مقتل 4 حطابين قرب السد.") == [("killed", 4.0)]
    assert _tolls("أدى القصف إلى إصابة ثلاثة صيادين بجروح.") == [("wounded", 3.0)]


def test_a_figure_then_of_them_is_counted():
    assert _tolls("استقبل المستشفى 12 مصابا، توفي 3 منهم لاحقا.") == [
        ("wounded", 12.0), ("killed", 3.0)]


def test_things_and_units_after_the_figure_are_no_toll():
    assert _tolls("أدى القصف إلى إصابة 3 سيارات في الشارع.") == []
    assert _tolls("أدى القصف إلى إصابة 5 منازل بأضرار.") == []


def test_a_joined_oblique_plural_reads_as_its_dual_at_least():
    toll, = find_tolls("أسفر الانفجار عن مقتل شرطي ومسلحين قرب الجسر.")
    assert (toll.kind, toll.value, toll.lo, toll.hi) == ("killed", 3.0, 3.0, None)


def test_an_open_lowest_reading_gives_way_to_a_stated_figure():
    import workbench

    ev = workbench.analyze("انفجرت عبوة ناسفة في سوق بلدة الخير أمس، ما أسفر عن مقتل شرطي ومسلحين. "
                           "وقالت الشرطة إن الانفجار أسفر عن مقتل 6 أشخاص.", doc_id="t").events
    assert ev[["fatalities", "fatalities_min", "fatalities_max"]].values.tolist() == [["6", "6", "6"]]


def test_the_dead_of_the_wounded_are_at_least_so_many():
    wounded, killed = find_tolls("نقل 40 مصابا إلى المستشفى، توفي 5 منهم لاحقا.")
    assert (wounded.value, killed.kind, killed.value, killed.hi) == (40.0, "killed", 5.0, None)


def test_a_verb_of_taking_life_with_its_subject_between():
    assert _tolls("أودت الغارة بحياة عسكريين اثنين.") == [("killed", 2.0)]
    assert _tolls("حصد القصف أرواح 9 أشخاص في السوق.") == [("killed", 9.0)]
    assert _tolls("نجا الضابط بحياته من الكمين.") == []


def test_falling_victim_to_an_attack():
    assert _tolls("راح ضحيته 6 أشخاص بينهم طفل.")[0] == ("killed", 6.0)
    assert _tolls("راح ضحية القصف 4 مدنيين.") == [("killed", 4.0)]
    assert _tolls("أسفر الهجوم عن سقوط ضحية وإصابة 3 آخرين.") == [("killed", 1.0), ("wounded", 3.0)]


def test_a_death_told_by_a_pronoun_names_one_counted_in_a_larger_figure():
    from workbench.claims.tolls import names_one

    whole, one = find_tolls("قتل 4 أشخاص في الهجوم. وأكد مصدر مقتله على الفور.")
    assert (whole.value, one.value) == (4.0, 1.0)
    assert (names_one(whole), names_one(one)) == (False, True)


def test_one_more_victim_after_the_words_telling_who_the_first_is():
    assert _tolls("أدى الهجوم إلى إصابة الضابط سامر خليل 40 عاما، وشرطي يدعى رامي بجروح.") == [
        ("wounded", 2.0)]
    assert _tolls("أفاد المصدر بوفاة رجل يدعى كريم، يعمل حارسا في المصنع، ومواطن آخر.") == [
        ("killed", 2.0)]


def test_a_noun_with_a_toll_of_its_own_after_the_comma_adds_nothing():
    assert _tolls("قتل الضابط سامر خليل، وجندي أصيب بجروح.") == [("killed", 1.0), ("wounded", 1.0)]


def test_the_counted_nouns_of_people_of_the_quantity_cues_are_people_here_too():
    assert _tolls("أدى القصف إلى مقتل خمسة أفراد من عائلة واحدة.") == [("killed", 5.0)]
    assert _tolls("أصيب 4 نازحين في المخيم.") == [("wounded", 4.0)]
