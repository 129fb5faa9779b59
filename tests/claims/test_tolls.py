"""Tolls and event resolution on invented sentences (the committed data the floors rest on)."""

from __future__ import annotations

import pytest

import workbench
from workbench.claims.resolve import recalls_past
from workbench.claims.tolls import find_tolls


def tolls(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("مقتل اثنين وإصابة سبعة آخرين بجروح.", [("killed", 2.0), ("wounded", 7.0)]),
    ("أسفر الانفجار عن مقتل 4 أشخاص وإصابة 9 آخرين.", [("killed", 4.0), ("wounded", 9.0)]),
    ("قالت الشرطة إن ثمانية أشخاص على الأقل قتلوا وأصيب 25 آخرون.",
     [("killed", 8.0), ("wounded", 25.0)]),
    ("ما أسفر عن مقتل مدني وإصابة خمسة آخرين.", [("killed", 1.0), ("wounded", 5.0)]),
    ("مقتل مدنيين اثنين وإصابة 7 آخرين.", [("killed", 2.0), ("wounded", 7.0)]),
    ("مقتل جنديين وجرح ثلاثة.", [("killed", 2.0), ("wounded", 3.0)]),
    ("هجوم أسفر عن 16 قتيلا و45 جريحا.", [("killed", 16.0), ("wounded", 45.0)]),
    # a count joined by و to a noun of one person counts more of the dead (its ة is no pronoun)
    ("أسفر الهجوم عن مقتل ضابط وثلاثة جنود وإصابة اثنين.", [("killed", 4.0), ("wounded", 2.0)]),
])
def test_killed_and_wounded_are_read_apart(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize("text", [
    "لم يسفر الهجوم عن إصابات.",
    "انفجرت العبوة دون وقوع ضحايا.",
    "سقطت القذيفة قرب السوق، ولم تسفر عن إصابات.",  # و on a particle of two letters
    "فلم يوقع الانفجار ضحايا.",
])
def test_none_is_zero(text):
    assert tolls(text) == [("killed", 0.0), ("wounded", 0.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("ولم يسفر الانفجار عن مقتل أحد.", [("killed", 0.0)]),
    ("لم يسفر القصف عن إصابة أحد من المدنيين.", [("wounded", 0.0)]),
    # outside a negation أحد is one of those counted
    ("أسفر الانفجار عن مقتل أحد الجنود.", [("killed", 1.0)]),
])
def test_anyone_under_a_negation_is_none(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize("text", [
    "انفجرت عبوة في السوق، ولم يعرف عدد الضحايا.",
    "لم تتضح حصيلة القتلى بعد.",
    "ولم تعرف أعداد الضحايا حتى الآن.",
])
def test_a_count_not_known_is_no_zero(text):
    # the negation bears on the count (عدد، حصيلة، أعداد), not on the casualties
    assert tolls(text) == []


@pytest.mark.parametrize("text", [
    "قتل 9 أشخاص في هجمات متفرقة اليوم.",
    "مقتل أكثر من 500 مدني منذ بداية العام.",
    "مقتل 40 شخصا خلال الشهر الماضي.",
    "استهدف القصف مقر الفوج 12 في المدينة.",
    "قتل رجل يبلغ 37 عاما.",
])
def test_totals_units_and_ages_are_no_toll(text):
    assert all(kind != "killed" or value in (1.0, None) for kind, value in tolls(text))
    assert (("killed", 9.0) not in tolls(text) and ("killed", 500.0) not in tolls(text)
            and ("killed", 40.0) not in tolls(text) and ("killed", 12.0) not in tolls(text))


def test_killed_and_wounded_together_is_no_death_toll():
    assert tolls("قتل وجرح 13 شخصا في انفجار.") == [("both", 13.0)]


def test_background_cues():
    assert recalls_past("وكان انتحاري قد فجر نفسه في السوق")
    assert recalls_past("وفي العام الماضي انفجرت سيارة في المدينة")
    assert not recalls_past("انفجرت سيارة مفخخة اليوم في السوق")


def test_one_attack_told_twice_is_one_row_with_its_tolls():
    text = ("انفجار سيارة مفخخة في بغداد.\n\n"
            "وأسفر الانفجار عن مقتل 4 أشخاص وإصابة 9 آخرين.")
    ev = workbench.analyze(text, published="2020-05-13").events
    assert len(ev) == 1
    row = ev.iloc[0]
    assert (row.role, row.fatalities, row.injured, row.start, row.date_basis) == (
        "main", "4", "9", "2020-05-13", "published")
    assert row.evidence


def test_a_date_in_the_sentence_wins_over_publication():
    ev = workbench.analyze("قتل ثلاثة أشخاص أمس في انفجار عبوة ناسفة في بغداد.",
                           published="2020-05-13").events
    assert ev.iloc[0].start == "2020-05-12" and ev.iloc[0].date_basis == "text"


def test_counts_joined_to_a_toll_add_up_but_a_count_of_wounded_stays_apart():
    def kinds(text):
        return [(t.kind, t.value) for t in find_tolls(text)]

    assert kinds("مما أدى إلى مقتل خمسة من أعضائه واثنين من الضيوف.") == [("killed", 7.0)]
    assert kinds("مقتل 3 جنود و2 مدنيين.") == [("killed", 5.0)]
    assert kinds("مقتل 16 شخصا و45 جريحا.") == [("killed", 16.0), ("wounded", 45.0)]
    assert kinds("مقتل 5 أشخاص بينهم 3 أطفال.") == [("killed", 5.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("مما أوقع قتيلا و18 جريحا.", [("killed", 1.0), ("wounded", 18.0)]),  # the noun counts one
    ("سقط 13 شخصا بين قتيل وجريح.", [("both", 13.0)]),  # a pair counts no one
    ("امرأة وطفلها أصيبا بانفجار عبوة.", [("wounded", 2.0)]),  # the dual verb counts two
    ("ما أسفر عن إصابتها وطفلها بجروح.", [("wounded", 2.0)]),  # her and her child
])
def test_nouns_and_verbs_that_count_alone(text, expected):
    assert [(t.kind, t.value) for t in find_tolls(text)] == expected


@pytest.mark.parametrize("text", ["أسفر عن مقتل ما بين 15 و20 شخصا.", "سقط بين 15 و20 قتيلا.",
                                  "قتل من 15 إلى 20 شخصا."])
def test_a_range_is_read_as_its_bounds(text):
    assert [(t.kind, t.value, t.lo, t.hi) for t in find_tolls(text)] == [("killed", 15.0, 15.0, 20.0)]


def test_a_part_of_a_toll_is_no_lower_figure():
    ev = workbench.analyze("قصف الطيران حي الشعار مما أسفر عن مقتل 15 شخصا واحتراق سيارات، من بينها "
                           "سيارة وقود أدى اشتعالها إلى مقتل ثلاثة أطفال.", published="2014-02-01").events
    assert ev.fatalities.tolist() == ["15"]


def test_a_resumptive_pronoun_does_not_part_a_toll_from_its_verb():
    assert tolls("الهجوم الذي قتل فيه ثلاثة جنود") == [("killed", 3.0)]


@pytest.mark.parametrize(("text", "expected"), [
    # a noun of one person, and the kin joined to it by و or مع, count the dead
    ("استشهد جرائها امرأة مع طفلها", [("killed", 2.0)]),
    ("استشهد امرأة وطفلها", [("killed", 2.0)]),
    ("ما أسفر عن وفاة طفلة وإصابة والدها بجروح", [("killed", 1.0), ("wounded", 1.0)]),
    ("قتل على إثرها ثلاثة جنود", [("killed", 3.0)]),
    # أحد "one of" counts one; الأحد is Sunday; أحدهما is one of those just counted
    ("قتل أحد قياديي التنظيم", [("killed", 1.0)]),
    ("مقتل أحد عشر مدنيا", [("killed", 11.0)]),
    ("وقع هجوم مساء الأحد على القاعدة، وأصيب الأحد", []),
    ("ما أدى إلى جرح عنصرين من القوات الأمنية، إصابة أحدهما بليغة", [("wounded", 2.0)]),
])
def test_people_counted_in_words(text, expected):
    assert tolls(text) == expected


def test_a_feminine_adjective_is_no_person_under_a_pronoun():
    assert tolls("إصابة عناصر مسلحة") == []


def test_a_toll_clause_before_the_attack_clause_is_that_attacks():
    text = ("قتل ثلاثة أشخاص جراء استهداف منزل بالقنابل في مدينة الصنمين. "
            "وبالتوازي، قتل المدعو أحمد، وهو مدرس، جراء استهدافه من قبل مسلحين مجهولين "
            "في حي المشفى في المدينة.")
    ev = workbench.analyze(text, published="2021-11-13").events
    assert ev.fatalities.tolist() == ["3", "1"]


def test_a_toll_after_a_period_since_the_start_of_the_year_is_a_total():
    text = ("وارتفع عدد الاستهدافات منذ بداية العام الجاري إلى 38، وتسببت بسقوط 24 قتيلاً من "
            "العسكريين، وطفلين وست نساء.")
    assert not [t for t in find_tolls(text) if t.kind == "killed"]
    # a day's toll with no period keeps its figure
    assert [t.value for t in find_tolls("وتسببت الغارة بسقوط 24 قتيلاً من العسكريين، وطفلين.")
            if t.kind == "killed"] == [24.0]


def test_a_feminine_dual_and_the_driver_count_people():
    # a feminine dual in -تين counts two; the driver counts one
    assert [t.value for t in find_tolls("أسفر القصف عن مقتل امرأتين")] == [2.0]
    assert [t.value for t in find_tolls("ما أدى إلى مقتل السائق على الفور")] == [1.0]


def test_claimed_the_life_of_is_a_death_toll():
    tolls = [(t.kind, t.value) for t in find_tolls(
        "تعرض المطار لغارة أودت بحياة عسكريين اثنين وإصابة آخرين")]
    assert tolls == [("killed", 2.0)]
    tolls = [(t.kind, t.value) for t in find_tolls("هجوم مما أودى بحياة شرطي وإصابة اثنين آخرين")]
    assert tolls == [("killed", 1.0), ("wounded", 2.0)]


def _toll_words() -> list[str]:
    """Cue words under every proclitic and ending the toll reader knows, and the seed's words."""
    from pathlib import Path

    from workbench.claims import tolls
    from workbench.text.tokens import tokenize

    seed = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    firsts = sorted(set().union(*tolls._cues().values()))
    fronts = ("", *tolls._PROCLITICS, "وس", "لل")
    ends = ("", "ان", "ين", "ه", "ها", "هما", "هم", "ات", "ي")
    made = [p + w + e for p in fronts for w in firsts for e in ends]
    made += [p + w[:-1] + "ت" + e for p in fronts for w in firsts if w.endswith("ه") for e in ends]
    return made + [t.key for t in tokenize(seed, pieces=True) if t.kind == "word"]


def test_every_word_that_may_begin_a_toll_cue_is_in_the_prescan_set():
    from workbench.claims import tolls

    words = _toll_words()
    missed = [w for w in words if tolls._begins_a_cue(w) and w not in tolls._cue_words()]
    assert not missed
    assert any(tolls._begins_a_cue(w) for w in words)


def _read(text: str) -> list[tuple[str, float]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_members_of_a_group_and_a_person_joined_before_the_verb_are_counted():
    assert _read("إن 3 من عناصر الشرطة العراقية ومدني قتلوا جراء إطلاق الرصاص") == [("killed", 4.0)]
    assert _read("إن 2 من قتلى التفجير هم من جرحى الحرب") == []  # a part of the dead


def test_a_bare_figure_after_a_passive_verb_before_a_clause_counts_people():
    assert _read("ثلاثة أشخاص قتلوا وأصيب 11 عندما فجر مهاجم سيارة") == [
        ("killed", 3.0), ("wounded", 11.0)]
    assert _read("مقتل 3 صواريخ") == []


def test_a_counted_subject_before_killed_and_wounded_parts_the_two_tolls():
    assert _read("إن عنصراً قتل وأصيب اثنان من فرع الأمن") == [("killed", 1.0), ("wounded", 2.0)]
    assert _read("قتل وأصيب 13 شخصا") == [("both", 13.0)]


def test_a_clause_of_a_part_between_commas_is_read_past():
    assert _read("تعرض 6 مدنيين، بينهم 4 أطفال، للإصابات نتيجة قصف") == [("wounded", 6.0)]
    assert _read("تعرض المدنيون، وهم كثر، للإصابات") == []


def test_the_figure_of_a_count_of_the_dead_counts_people():
    assert _read("ارتفع عدد القتلى إلى 20") == [("killed", 20.0)]
    assert _read("وقال متحدث إن عدد الجرحى ارتفع إلى 4، بعد ساعات") == [("wounded", 4.0)]
    assert _read("عدد القتلى في الهجمات 3 صواريخ") == []


def test_a_compound_figure_before_the_noun_is_read_whole():
    assert _read("سقط خمسة وعشرون قتيلا") == [("killed", 25.0)]
    assert _read("مقتل 5 و20 جريحا") == [("killed", 5.0), ("wounded", 20.0)]


def test_a_pair_of_dead_and_wounded_gives_no_toll_of_either():
    assert _read("سقط مئة وأربعين ضحية بين شهيد وجريح من بينهم 7 أطفال") == []
    assert _read("قتيلان وخمسة جرحى") == [("killed", 2.0), ("wounded", 5.0)]


def test_counts_after_who_they_are_break_the_figure_down():
    assert _read("ما تسبب بمقتل سبعة مدنيين هم امرأة وستة من أطفالها") == [("killed", 7.0)]
    assert _read("مقتل خمسة من أعضائه واثنين من الضيوف") == [("killed", 7.0)]


def test_nouns_of_one_or_two_people_joined_to_a_noun_counted_alone_add_up():
    assert _read("ما أدى إلى مقتل السائق وامرأتين كانتا برفقته") == [("killed", 3.0)]
    assert _read("مقتل جندي ومدني") == [("killed", 2.0)]


def test_a_period_early_in_a_long_sentence_makes_all_its_figures_totals():
    t = ("وبحسب المرصد، فإن عدد الاستهدافات ارتفع منذ بداية العام الجاري إلى 38، وتسببت بسقوط 24 "
         "قتيلاً من العسكريين، وطفلين وست نساء، فضلاً عن إصابة أكثر من 74 شخصاً بجراح متفاوتة.")
    assert _read(t) == []


def test_another_and_a_shepherd_count_one():
    assert _read("مقتل اثنين من مقاتلي داعش وإصابة آخر، وتدمير الشاحنات.") == [
        ("killed", 2.0), ("wounded", 1.0)]
    assert _read("وأصيب راعٍ بجروح نتيجة غارة") == [("wounded", 1.0)]


def test_the_prescan_changes_no_toll(monkeypatch):
    from pathlib import Path

    from workbench.claims import tolls

    seeds = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    texts += ["مقتل اثنين وإصابة سبعة آخرين بجروح.", "لم يسفر الهجوم عن إصابات.", "توفي متأثرا بإصابته.",
              "ثمانية أشخاص قتلوا وأصيب 25 آخرون", "بمقتله ومقتلهما وقتيلان",
              "إن عنصراً قتل وأصيب اثنان"]
    found = [find_tolls(t) for t in texts]
    monkeypatch.setattr(tolls, "_cue_words", _Everything)
    assert [find_tolls(t) for t in texts] == found


class _Everything(frozenset):
    """A set holding every string: the toll reader then reads every word."""

    def __contains__(self, item: object) -> bool:
        return True


def test_a_count_in_addition_to_a_toll_adds_to_it():
    assert _read("ما أدى لإصابة 4 عناصر من الأسايش بالإضافة لخمسة مدنيين") == [("wounded", 9.0)]
    assert _read("قضى طفلان بالإضافة إلى مقتل قياديين اثنين من قسد") == [("killed", 4.0)]
    # a toll of the other kind, or one in another sentence, is its own
    assert _read("مقتل 3 جنود، بالإضافة إلى إصابة 4 مدنيين") == [("killed", 3.0), ("wounded", 4.0)]
    assert _read("قتل 5 أشخاص. بالإضافة إلى مقتل طفل") == [("killed", 5.0), ("killed", 1.0)]
    assert _read("قتل 5 أشخاص بالإضافة إلى تدمير 3 منازل") == [("killed", 5.0)]


def test_a_rank_or_a_noun_of_one_person_counts_one():
    assert _read("ما أسفر عن مقتل عريف بالشرطة") == [("killed", 1.0)]
    assert _read("مقتل شاب بنيران مجهولين") == [("killed", 1.0)]
    assert _read("مقتل قياديين في التنظيم") == []  # told, not counted


def test_a_word_in_ya_before_a_pronoun_ending_is_no_verbal_noun_of_death():
    assert _read("سقوط سبعة قتلى في قضية ثأر") == [("killed", 7.0)]
    assert _read("قضى ليلته في المستشفى") == []


def test_the_figure_of_a_group_named_at_length_before_its_verb_is_the_toll():
    assert _read("وقالت مصادر أمنية إن 4 على الأقل من مقاتلي حركة النجباء المتحالفة مع إيران "
                 "قتلوا وأصيب 6 آخرون") == [("killed", 4.0), ("wounded", 6.0)]
    # a figure and a noun of people must stand near the verb
    assert _read("نقل 4 أشخاص إلى مستشفى المدينة الواقع قرب السوق القديم الذي قتلوا") == []


def test_one_of_those_counted_is_a_part_of_the_toll():
    from workbench.claims.tolls import is_part

    text = "وقال متحدث إن عدد القتلى ارتفع إلى 4، بعد وفاة أحد المقاتلين متأثرا بجراحه"
    whole, one = find_tolls(text)
    assert (whole.value, one.value) == (4.0, 1.0)
    assert is_part(text, whole, one)


def test_an_ordinal_after_a_verb_of_wounding_counts_one_more():
    assert _read("قضى طفلان وأصيب ثالث بجروح") == [("killed", 2.0), ("wounded", 1.0)]


def test_a_pronoun_on_the_last_word_of_a_cue_counts_its_owner():
    assert _read("أطلق مسلحون النار على موظف ما أودى بحياته") == [("killed", 1.0)]
    assert _read("سقطت قذيفة على السيارة فأودت بحياتهما") == [("killed", 2.0)]
    assert _read("انفجرت عبوة أودت بحياتهم جميعا") == []


def test_a_word_with_the_article_takes_no_pronoun():
    # القتلة "the killers", never "his killing"
    assert _read("هرب القتلة إلى جهة مجهولة") == []


def test_a_victim_named_by_a_definite_noun_does_not_lower_the_count():
    ev = workbench.analyze("قتل خمسة أشخاص بغارة جوية على بلدة كفرنبل، وأكد الأهالي "
                           "مقتل الجندي فلان أثناء إجازته.",
                           published="2020-05-13").events
    assert ev.fatalities.tolist() == ["5"]


def test_a_noun_of_people_opening_its_clause_is_the_subject_of_the_verb_after_it():
    assert _read('وقال المصدر إن "جندياً قتل برصاص مجهولين في أطراف القرية"') == [("killed", 1.0)]
    assert _read("وأضاف أن شرطيا أصيب بجروح طفيفة") == [("wounded", 1.0)]
    # a noun that is the object of the verb before it opens no clause
    assert _read("استهدف القناص شرطيا قتل على الفور") == []


def test_a_shepherd_in_a_construct_is_one_person():
    assert _read("انفجر لغم وأسفر عن إصابة راعي أغنام بجروح") == [("wounded", 1.0)]


def test_a_count_with_the_one_the_toll_tells_adds_to_it():
    assert _read("وأكد المصدر أن قائد المجموعة قتل مع ثلاثة من مرافقيه في الكمين") == [("killed", 4.0)]
    assert _read("قتل الضابط مع اثنين من حراسه") == [("killed", 3.0)]
    # a plural verb does not tell how many its subject counts
    assert _read("قتلوا مع اثنين من رفاقهم") == []


def test_a_feminine_noun_of_one_person_under_a_pronoun_counts_one():
    # the ة of زوجة، والدة is written ت before the pronoun
    assert _read("استشهاد طفلة وإصابة والدتها") == [("killed", 1.0), ("wounded", 1.0)]
    assert _read("أسفر القصف عن إصابة زوجته") == [("wounded", 1.0)]


def test_plural_nouns_of_dead_and_wounded_paired_count_no_deaths():
    assert _read("أوقع التفجير 11 قتلى وجرحى في السوق") == []
    assert _read("خلف القصف 30 ضحية بين قتلى وجرحى") == []
    # each plural with its own figure is two tolls
    assert _read("سقوط 6 قتلى و14 جرحى") == [("killed", 6.0), ("wounded", 14.0)]


def test_a_noun_of_people_joined_to_a_counted_toll_counts_them_too():
    assert _read("قتل 4 مدنيين وشرطي في الهجوم") == [("killed", 5.0)]
    assert _read("مقتل 2 من عناصر الأمن ومدنيان") == [("killed", 4.0)]


def test_an_assassination_is_a_killing_unless_it_was_only_tried():
    assert _read("أعلنت الشرطة اغتيال ضابط في المدينة") == [("killed", 1.0)]
    assert _read("اغتيل ثلاثة أشخاص قرب السوق") == [("killed", 3.0)]
    # a noun of trying before the killing: it did not happen
    assert _read("نجا القاضي من محاولة اغتيال قرب منزله") == []
    assert _read("أحبطت القوات محاولة اغتيال ضابط في المدينة") == []
    assert _read("تعرض لمحاولة قتل مدني") == []


def test_a_toll_told_apart_goes_to_the_attack_at_the_place_its_clause_names():
    text = ("أدى قصف تركي على منطقتي شيلادزي وزاخو إلى مقتل خمسة مدنيين. وقال مسؤول محلي إن "
            "الطيران التركي استهدف قرية سيدان في ناحية شيلادزي ما أدى إلى مقتل ثلاثة. "
            "كما لقي شخص آخر مصرعه في زاخو.")
    ev = workbench.analyze(text, published="2019-03-12").events.set_index("location")
    assert ev.loc["Zakho", "fatalities"] == "1"
    assert ev.loc["سيدان", "fatalities"] == "3"


def test_a_capture_of_ground_told_with_its_dead_keeps_the_toll():
    text = ("وكشف المرصد أن قوات سوريا الديمقراطية سيطرت على قرية السعيدين بريف حلب الشرقي، "
            "ما أسفر عن مقتل 7 عناصر من الفصائل.")
    ev = workbench.analyze(text, published="2017-11-11").events
    assert ev.fatalities.tolist() == ["7"]


@pytest.mark.parametrize(("text", "expected"), [
    # the persons of the perfect come from the morphology, not a list of each surface
    ("استشهدت ثلاث نساء في القصف.", [("killed", 3.0)]),
    ("توفيت سيدة متأثرة بجروحها.", [("killed", 1.0)]),
    ("وقال الأهالي إن أربعة رعاة توفوا في الانفجار.", [("killed", 4.0)]),
    ("لقيت طفلة حتفها بسقوط قذيفة.", [("killed", 1.0)]),
    ("ثلاثة جنود جرحوا في الاشتباك.", [("wounded", 3.0)]),
    ("قتلت القوات خمسة مسلحين وجرحت ثلاثة آخرين.", [("killed", 5.0), ("wounded", 3.0)]),
    # a feminine dual verb counts its subject: two
    ("أما الفتاتان فقد جرحتا.", [("wounded", 2.0)]),
    # a final ى drops before the suffix (ارتقى → ارتقت), a final ي does not (لقي → لقيت)
    ("ارتقت طفلة برصاص القناصة.", [("killed", 1.0)]),
])
def test_toll_verbs_in_every_person(text, expected):
    assert tolls(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verbal noun of death joined to a word of wounding shares the one figure after them:
    # killed and wounded together, no death toll and no wounded toll of its own
    ("أسفر الانفجار عن مصرع وإصابة 12 شخصا.", [("both", 12.0)]),
    ("أدى القصف إلى استشهاد وجرح سبعة مدنيين.", [("both", 7.0)]),
    ("أسفر الهجوم عن مقتل وإصابة 9 أشخاص.", [("both", 9.0)]),
    # a verb or a noun under a pronoun ends its own phrase: two tolls
    ("قالت الشرطة إن 18 شخصا لقوا حتفهم وأصيب 63 آخرون.", [("killed", 18.0), ("wounded", 63.0)]),
    ("أسفر عن مقتل ثلاثة وإصابة خمسة.", [("killed", 3.0), ("wounded", 5.0)]),
])
def test_death_noun_and_wounding_share_one_figure(text, expected):
    assert tolls(text) == expected
