"""Place names no gazetteer holds and no head noun announces (workbench.find.bare_names)."""

from __future__ import annotations

from workbench.find.bare_names import _damaged
from workbench.find.places import find_places


def _unknown(text: str) -> list[tuple[str, str]]:
    df = find_places(text)
    return [(r["text"], r["admin1"]) for r in df.to_dict("records")
            if "unknown_place" in r["flags"] and r["place_type"] == "locality"]


def test_a_word_unseen_in_arabic_after_a_locative_is_a_place_placed_by_its_sentence() -> None:
    assert _unknown("قتل جنديان في كمين قرب كيسانغو في ولاية بورنو") == [("كيسانغو", "NG-BO")]


def test_the_name_runs_over_the_unseen_words_after_it() -> None:
    assert [t for t, _ in _unknown("سقطت قذيفة في كيسانغو تاليهو صباحا")] == ["كيسانغو تاليهو"]


def test_words_of_the_language_after_a_locative_are_no_names() -> None:
    # common, or unseen only with a pronoun written onto a word (استفتائنا، سيارتهما)
    for text in ("انفجرت عبوة في السيارة قرب المدرسة",
                 "شارك القراء في استفتائنا السابق",
                 "عثر على الوثائق في سيارتهما أمس",
                 "اجتمع الوزير مع نظيره في العاصمة"):
        assert _unknown(text) == []


def test_a_noun_before_the_unseen_word_or_a_verb_before_it_reads_no_place() -> None:
    # a product or a firm in construct, a person after a verb and على
    assert _unknown("وافقت الوزارة على استخدام لقاح كيسانغو") == []
    assert _unknown("تغلب اللاعب على كيسانغو في المباراة") == []


def test_damaged_words_are_no_names() -> None:
    assert _damaged("قدرةه")  # a taa marbuta inside a word
    assert _damaged("الاقاليموخاضت")  # two words run together
    assert not _damaged("كيسانغو") and not _damaged("شيلادزي")


def test_a_rare_word_that_a_known_place_locates_is_a_name() -> None:
    # seen by wordfreq now and then, name-shaped, placed by ب and a known city
    assert [t for t, _ in _unknown("سقطت قذيفة في زملكاني بدمشق أمس")] == ["زملكاني"]


def test_a_usual_continuation_of_the_locative_is_no_name() -> None:
    assert _unknown("قال المسؤول إنه في الحقيقة لم يصب أحد") == []
    assert _unknown("انعقد الاجتماع في إطار التعاون") == []


def test_a_word_split_from_its_pronoun_is_no_name() -> None:
    assert _unknown("يدس الورقة في حذائ ه ثم يخرج") == []


def test_a_latin_word_after_a_locative_is_no_arabic_place() -> None:
    assert _unknown("نشرت الدراسة في MedRxiv أمس") == []


def test_a_name_coordinated_with_a_place_takes_the_list_s_reading() -> None:
    # a list grows item by item from a known village: each name read is the next one's place
    got = [t for t, _ in _unknown("سقطت قذائف على إحسم، وكفرتوميلا، ودوملاكي، وسرتاغون في جبل الزاوية")]
    assert got == ["كفرتوميلا", "دوملاكي", "سرتاغون"]


def test_a_word_that_only_looks_listed_after_a_place_is_no_name() -> None:
    # a clause going on after the place (a verb, a noun), a word whose و is its own, or a
    # word that does not end as an item does (a firm and its adjective, a person and his post)
    for text in ("انفجرت عبوة في الموصل والحكومة تنفي",
                 "زار الوزير إحسم، وأبدى أمس تفاؤله",
                 "قتل جندي في الموصل وفقاً لمصادر محلية",
                 "وقعت الحكومة اتفاقا في إحسم وكيسانغو الصينية",
                 "عقد اجتماع في إحسم، وكيسانغو تاليهو أستاذ في الجامعة"):
        assert _unknown(text) == []


def test_a_rare_word_listed_before_a_known_place_is_located_by_it() -> None:
    # the first item of a list, after في, takes the known place after و as its locator
    assert [t for t, _ in _unknown("سقطت قذائف في مرعيان وإحسم صباحا")] == ["مرعيان"]


def test_a_word_of_nearness_and_its_preposition_tell_where_as_a_locative_does() -> None:
    assert _unknown("قتل جندي بالقرب من كيسانغو في ولاية بورنو") == [("كيسانغو", "NG-BO")]
    assert [t for t, _ in _unknown("تعرضت دورية لكمين في منطقة قريبة من كيسانغو")] == ["كيسانغو"]
    # a word of the language after it stays a word
    assert _unknown("كان الحديث بعيدا عن الحقيقة") == []


def test_an_unseen_name_ending_as_a_plural_verb_does_is_still_a_name() -> None:
    # verbs in -وا are words wordfreq knows (تمركزوا); a name it never saw is no verb
    assert [t for t, _ in _unknown("وقع الهجوم قرب دوملوا في ولاية بورنو")] == ["دوملوا"]
    assert _unknown("قال الشهود إن المسلحين قرب المدرسة تمركزوا ثم انسحبوا") == []


def test_the_list_items_after_a_known_place_are_weighed_word_or_name() -> None:
    # the fitting material sees every word coordinated after a place, a common one too
    from workbench.find.bare_names import listed_words
    from workbench.text.lexmatch import fold

    text = "قصفت الطائرات الموصل والحكومة"
    start = text.index("الموصل")
    got = [(w, f["located"]) for _, w, f in listed_words(fold(text), [{"start": start, "end": start + 6}])]
    assert got == [("الحكومة", 1.0)]
    assert _unknown(text) == []
