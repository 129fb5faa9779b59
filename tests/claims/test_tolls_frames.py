"""Tolls: the frames that tell a death as a verb of its own (ارتقى، a dual verb after its
subject), an unknown extent that is no zero, and the subject told before a plural verb."""

from __future__ import annotations

from workbench.claims.tolls import find_tolls, names_one


def _tolls(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_ascended_as_a_martyr_is_a_death():
    assert _tolls("وارتقى ثلاثة فتية خلال اقتحام البلدة فجرا.") == [("killed", 3.0)]


def test_an_unknown_extent_of_losses_is_no_zero_toll():
    assert _tolls("ولم يعرف حجم الخسائر البشرية في المعسكر.") == []
    assert _tolls("ولم يسفر القصف عن خسائر بشرية.") == [("killed", 0.0), ("wounded", 0.0)]


def test_a_dual_verb_counts_two_told_by_their_subject():
    toll, = find_tolls("وقالت الشرطة إن القائد سالم ومرافقه قتلا في الكمين.")
    assert (toll.kind, toll.value) == ("killed", 2.0)
    assert names_one(toll)  # the two its subject named: no figure of its own beside a larger one
    assert not names_one(find_tolls("أسفر الكمين عن مقتل جنديين.")[0])


def test_a_demonym_is_a_noun_of_people():
    assert _tolls("قتل كندي وأصيب أربعة آخرون في الهجوم.") == [("killed", 1.0), ("wounded", 4.0)]
    assert _tolls("أسفر الانفجار عن إصابة يابانيين اثنين.") == [("wounded", 2.0)]


def test_an_indefinite_accusative_of_a_noun_of_one_counts_one():
    assert _tolls("وقال المصدر إن رهينة واحدة قتلت.") == [("killed", 1.0)]
    assert _tolls("أكد المسؤول أن سجينا قتل خلال التمرد.") == [("killed", 1.0)]


def test_the_subject_of_a_plural_verb_is_counted_whatever_its_noun():
    assert _tolls("وأفاد شهود بأن 6 حطابين على الأقل قتلوا قرب الغابة.") == [("killed", 6.0)]
    assert _tolls("وقالت الوكالة إن 12 نزيلا وثلاثة حراس قتلوا خلال التمرد.") == [("killed", 15.0)]
    # a figure before a word of time is a time
    assert _tolls("وعند الساعة 10 صباحا قتلوا في الكمين.") == []


def test_a_definite_noun_of_one_alone_names_one_of_those_counted():
    import workbench

    text = ("انفجرت سيارة مفخخة في سوق بلدة النخيل أمس. وقال الأهالي إن 7 شهداء سقطوا في التفجير، "
            "وإن دم الشهيد لن يذهب هدرا.")
    ev = workbench.analyze(text, published="2020-05-13", doc_id="t").events
    assert ev.fatalities.tolist() == ["7"]


def test_a_body_found_counts_one_dead_and_bodies_their_figure():
    assert _tolls("وعثرت الشرطة على 9 جثث مجهولة الهوية في المقبرة.") == [("killed", 9.0)]
    assert _tolls("عثر الأهالي على جثة شاب قرب النهر.") == [("killed", 1.0)]
    assert _tolls("أسفر القصف عن ارتقاء طفلين في الحي.") == [("killed", 2.0)]


def test_a_body_in_construct_with_a_definite_noun_names_one_already_counted():
    whose, = find_tolls("ولم يتم التعرف على جثة الخامس حتى الآن.")
    assert (whose.value, whose.text) == (1.0, "جثة الخامس")
    assert names_one(whose)
    assert not names_one(find_tolls("عثر الأهالي على جثة شاب قرب النهر.")[0])


def test_an_object_pronoun_on_a_plural_verb_of_killing_counts_the_one_killed():
    assert _tolls("خطف المسلحون الموظف من منزله وقتلوه قرب النهر.") == [("killed", 1.0)]
    assert _tolls("اعتقلوا الشقيقين وقتلوهما بعد ساعة.") == [("killed", 2.0)]


def test_the_dead_as_the_state_of_a_fallen_subject_count_its_figure():
    assert _tolls("أدى الهجوم إلى سقوط خمسة من الرعاة ضحايا.") == [("killed", 5.0)]
    assert _tolls("سقط نحو 12 مدنيا قتلى في القصف.") == [("killed", 12.0)]
    # a noun of things, or the dead joined by و, is no state of the figure's noun
    assert _tolls("أدى القصف إلى سقوط 4 قذائف وقتلى في البلدة.") == []
