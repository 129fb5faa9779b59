"""Tolls read past what news sets between a toll word and its count: quotation marks, a
comma closing a reported subject, a time after the verb; a pair of the dead and the wounded
that counts each unless بين or a figure makes it "dead and wounded" together; and more hit
"also" (كما), which is no other figure of a count."""

from __future__ import annotations

from workbench.claims.tolls import find_tolls, is_part


def _of(text: str, kind: str) -> list[float | None]:
    return [t.value for t in find_tolls(text) if t.kind == kind]


def test_a_quoted_figure_after_the_toll_word_is_the_toll():
    assert _of('وأسفر الكمين عن مقتل "12 عنصرا" من حرس الحدود.', "killed") == [12.0]
    assert _of("وأدت الغارة إلى مقتل «ثلاثة رعاة» قرب البئر.", "killed") == [3.0]


def test_a_quoted_name_inside_the_subject_before_the_verb_is_read_past():
    assert _of('وذكرت الوكالة أن خمسة عمال من شركة "النور" قتلوا في الهجوم.', "killed") == [5.0]


def test_a_comma_closing_a_reported_subject_keeps_it_the_verb_s():
    assert _of("وقال شهود إن طفلاً، قتل بشظية في السوق.", "killed") == [1.0]
    assert _of("وأكد المصدر أن أربعة حراس من المصنع، قتلوا في الهجوم.", "killed") == [4.0]


def test_a_time_between_the_verb_and_its_subject_is_read_past():
    assert _of("قتل، مساء الخميس، أربعة مدنيين في قصف على القرية.", "killed") == [4.0]
    assert _of("استشهد فجر اليوم شابان برصاص الجنود.", "killed") == [2.0]
    assert _of("وأصيب، صباح أمس، رجل وامرأة بجروح.", "wounded") == [2.0]


def test_a_count_word_that_is_also_a_day_s_name_stays_a_count():
    assert _of("وأصيب أحد المارة بشظايا.", "wounded") == [1.0]
    assert _of("ما أدى إلى إصابة اثنين بجروح.", "wounded") == [2.0]


def test_a_pair_of_the_dead_and_wounded_alone_counts_each():
    text = "وسقط قتيل وجريح في الانفجار."
    assert (_of(text, "killed"), _of(text, "wounded")) == ([1.0], [1.0])
    text = "أسفر القصف عن شهيدين وجريح."
    assert (_of(text, "killed"), _of(text, "wounded")) == ([2.0], [1.0])


def test_a_pair_after_between_or_a_figure_counts_no_one():
    assert _of("سقط عشرون شخصا بين قتيل وجريح في التفجير.", "killed") == []
    assert _of("ارتفع عدد الضحايا إلى 40 قتيلا وجريحا.", "killed") == []


def test_a_toll_told_with_also_is_no_other_figure_of_the_count_before_it():
    text = "أصيب خمسة مزارعين بقصف على القرية. كما أصيب شرطي قرب الحاجز."
    whole, also = [t for t in find_tolls(text) if t.kind == "wounded"]
    assert (whole.value, also.value) == (5.0, 1.0)
    assert is_part(text, whole, also)


def test_a_smaller_figure_of_another_sentence_without_also_stays_a_figure():
    text = "أصيب خمسة مزارعين بقصف على القرية. وقالت مصادر إن شرطيا أصيب."
    whole, other = [t for t in find_tolls(text) if t.kind == "wounded"]
    assert not is_part(text, whole, other)
