"""Toll forms of news copy read by composition: made-up sentences, one form each."""

from workbench.claims.tolls import find_tolls


def _read(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_a_negation_reaches_its_noun_past_light_words():
    # the particle, preposition and noun of happening between them are not counted
    assert _read("سقط صاروخ في حقل دون أن يبلغ عن وقوع إصابات.") == [("killed", 0.0), ("wounded", 0.0)]
    assert _read("ولم ترد أي تقارير عن وقوع إصابات في القرية.") == [("killed", 0.0), ("wounded", 0.0)]
    assert _read("انفجرت العبوة من دون التسبب بإصابات.") == [("killed", 0.0), ("wounded", 0.0)]


def test_a_negation_still_stops_at_four_words_and_at_a_count():
    assert _read("لم تتمكن فرق الدفاع المدني من الوصول إلى الجرحى.") == []
    assert _read("لم يعرف عدد الضحايا بعد.") == []


def test_person_nouns_of_age_and_sex_count_one_and_their_duals_two():
    assert _read("استشهد فتى برصاص الجنود.") == [("killed", 1.0)]
    assert _read("قتل مسن في القصف.") == [("killed", 1.0)]
    # the feminine of مواطن takes the dual ending the morphology gives every noun in ة
    assert _read("استشهدت مواطنتان إثر انهيار المنزل.") == [("killed", 2.0)]
    # the oblique dual of a noun whose plural is broken (شاب، شبان)
    assert _read("وأصيب شابين بجراح طفيفة.") == [("wounded", 2.0)]


def test_company_after_the_victims_description_adds_those_with_him():
    # the genitive of his noun, his name and an aside between commas or in a bracket
    assert _read("وأسفر الحادث عن وفاة سائق الشاحنة، سالم أحمد (35 عاما)، إلى جانب ثلاثة آخرين.") \
        == [("killed", 4.0)]
    assert _read("استشهد المواطن نادر حسن، البالغ من العمر 50 عاما، مع أربعة من أبنائه.") \
        == [("killed", 5.0)]


def test_with_after_a_preposition_is_no_company():
    # those he fought against are no more dead
    assert _read("مقتل جندي في اشتباك مع 3 مسلحين.") == [("killed", 1.0)]


def test_since_a_time_further_on_in_the_clause_makes_a_total():
    assert _read("استشهاد 30 مواطنا برصاص القوات في مناطق عديدة شمالي القطاع منذ فجر اليوم.") == []
    assert _read("أدت الحرب إلى مقتل أكثر من 5 آلاف مدني وتشريد مليون منذ عام 2016.") == []
    # a full stop ends the clause: the next sentence's period is not this toll's
    assert _read("مقتل 4 أشخاص بانفجار عبوة في السوق الشعبي. ومنذ عام 2016 تشهد المدينة هجمات.") \
        == [("killed", 4.0)]
