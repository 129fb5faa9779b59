"""Claims: segmentation, attribution, modality, types, check-worthiness, the seed, the benchmark."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.claims.claims import (
    CLAIM_COLUMNS,
    FEATURES,
    MODALITIES,
    claim_features,
    find_claims,
    score_features,
    text_features,
)
from workbench.claims.clauses import (
    WORD_LIST_ROLES,
    cue_lexicon,
    find_cues,
    is_sa_future,
    split_clauses,
    split_sentences,
    tokenize,
)
from workbench.claims.frames import frame_of_rows, frame_with_lead
from workbench.claims.index import Mentions, empty_mentions
from workbench.resources import read_table
from workbench.text.arabic import match_key

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "benchmarks" / "reference" / "000_a7d0b04255543ba7.txt"
CUE_ROLES = {
    "attribution_verb", "attribution_prep", "attribution_noun", "source_noun", "complementizer",
    "hedge", "hedge_particle", "future", "negation", "not_negation", "dispute", "causal",
    "comparison", "evaluation", "deontic", "first_person", "religious", "dialect",
    "call_to_action", "question", "clause_break", "clause_break_strong", "irrealis",
    *WORD_LIST_ROLES,
}


def mentions(text: str, *items: tuple) -> pd.DataFrame:
    """A hand-made mentions frame with only the core columns (plus any extras given)."""
    rows = []
    for surface, kind, value, *extra in items:
        start = text.index(surface)
        rows.append({"start": start, "end": start + len(surface), "text": surface,
                     "kind": kind, "value": value, **(extra[0] if extra else {})})
    return pd.DataFrame(rows)


def claims_of(text: str, *items: tuple) -> pd.DataFrame:
    return find_claims(text, mentions=mentions(text, *items) if items else empty_mentions())


# --- lexicons ---------------------------------------------------------------------------

def test_every_cue_is_a_matching_key_with_a_known_role():
    table = read_table("claims/claim_cues.csv")
    assert len(table) > 300
    for row in table.itertuples(index=False):
        for word in row.cue.split():
            assert match_key(word.rstrip("+")) == word.rstrip("+"), row.cue
        assert row.role in CUE_ROLES, row
        assert row.clitics == ("none" if row.role in WORD_LIST_ROLES else row.clitics)
        assert row.clitics in {"conj", "verb", "all", "none"}, row


def test_weights_cover_exactly_the_named_features():
    table = read_table("claims/claim_weights.csv")
    assert set(table["feature"]) == {"bias", *FEATURES}
    assert table["weight"].astype(float).abs().max() < 10


@pytest.mark.parametrize(("text", "roles"), [
    ("وقد يتكرر", ["hedge_particle"]),
    ("للاستهلاك الإعلامي", ["dispute"]),         # li + al- written لل
    ("وادعائها بقدرتها", ["attribution_noun", "irrealis"]),  # pronoun suffix, hamza seat
    ("وفقاً لوزارة الصحة", ["attribution_prep", "source_noun"]),
    ("لا بد من حصره", ["negation", "not_negation"]),
    ("سلم الجيش", ["source_noun"]),              # not the negation لم with a future sa-
])
def test_cue_matching(text, roles):
    assert sorted(find_cues(text)["role"]) == sorted(roles)


@pytest.mark.parametrize(("word", "expected"), [
    ("ستخدم", True), ("سيتضمن", True), ("وسيشكل", True), ("سنستلم", True),
    ("سياسية", False), ("سيدي", False), ("سنوات", False), ("سيطرة", False), ("ستة", False),
])
def test_future_prefix_needs_the_verb_without_it(word, expected):
    assert is_sa_future(tokenize(word)[0]) is expected


# --- segmentation -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "clauses"), [
    ("وقد يتكرر اجتياح داعش للمدن كما حصل مع الموصل.",
     ["وقد يتكرر اجتياح داعش للمدن", "كما حصل مع الموصل"]),
    ("ضرب التنظيم مدنا (الأنبار، نينوى، كركوك) ضد القوات، وذلك في تطور لافت.",
     ["ضرب التنظيم مدنا (الأنبار، نينوى، كركوك) ضد القوات", "وذلك في تطور لافت"]),
    ("من جهة أخرى، منحت الوزارة إجازة لنصف أفرادها.",
     ["من جهة أخرى، منحت الوزارة إجازة لنصف أفرادها"]),
    ("إن المقاربة الأخطر من التغيرات الميدانية، هو الارتباط الوثيق بين الإرهاب والفساد.",
     ["إن المقاربة الأخطر من التغيرات الميدانية، هو الارتباط الوثيق بين الإرهاب والفساد"]),
    ("انسحبت القوات من المدينة، فالفساد ينخر مؤسسات الدولة.",
     ["انسحبت القوات من المدينة", "فالفساد ينخر مؤسسات الدولة"]),
    ("زار الوزير مدن بغداد، البصرة، والموصل.", ["زار الوزير مدن بغداد، البصرة، والموصل"]),
    ("هاجم التنظيم القرية؛ وانسحبت القوات منها.", ["هاجم التنظيم القرية", "وانسحبت القوات منها"]),
    ("التوتر مرتفع في المدينة، فترة الهدوء انتهت منذ أيام.",
     ["التوتر مرتفع في المدينة، فترة الهدوء انتهت منذ أيام"]),  # فترة: not a clitic fa-
    ("هيمن التنظيم على الريف بينما تراجعت القوات إلى المدن.",
     ["هيمن التنظيم على الريف", "بينما تراجعت القوات إلى المدن"]),
])
def test_clauses(text, clauses):
    assert split_clauses(text)["text"].tolist() == clauses


@pytest.mark.parametrize(("text", "kinds", "texts"), [
    ("انسحبت القوات. وعادت الهجمات!", ["sentence", "sentence"],
     ["انسحبت القوات.", "وعادت الهجمات!"]),
    ("في ديسمبر […] انسحبت القوات.", ["sentence"], ["في ديسمبر […] انسحبت القوات."]),
    ("أسباب العودة\nانسحبت القوات من المدينة.", ["heading", "sentence"],
     ["أسباب العودة", "انسحبت القوات من المدينة."]),
    ("قال د. أحمد إن القوات انسحبت.", ["sentence"], ["قال د. أحمد إن القوات انسحبت."]),
])
def test_sentences_and_headings(text, kinds, texts):
    found = split_sentences(text)
    assert found["kind"].tolist() == kinds
    assert found["text"].tolist() == texts


def test_headings_make_no_claims():
    text = "أسباب العودة\n\nانسحبت القوات من المدينة."
    assert claims_of(text)["text"].tolist() == ["انسحبت القوات من المدينة"]


# --- modality ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "modality"), [
    ("قد يتكرر اجتياح داعش للمدن.", "hedged"),
    ("فقد انسحبت القوات من المدينة.", "asserted"),     # qad + perfect asserts
    ("ربما انسحبت القوات من المدينة.", "hedged"),
    ("يبدو أن القوات انسحبت من المدينة.", "hedged"),
    ("ستنسحب القوات من المدينة.", "future"),
    ("سوف تنسحب القوات من المدينة.", "future"),
    ("لن تنسحب القوات من المدينة.", "future"),
    ("لم تنسحب القوات من المدينة.", "negated"),
    ("لا توجد قوات في المدينة.", "negated"),
    ("ليس هناك أي قوات في المدينة.", "negated"),
    ("لا بد من حصر السلاح بيد الدولة.", "asserted"),
    ("لا تزال القوات في المدينة.", "asserted"),
    ("الفساد يهدد الدولة وليس فقط المدن.", "asserted"),
    ("السياسية الجديدة تعتمد على الحوار.", "asserted"),
    # a negation in a bracketed aside is the aside's
    ("نفذت جهات معادية (لم تسمها) تفجيراً في المدينة.", "asserted"),
    ("لم تنفذ جهات معادية (مجهولة) تفجيراً في المدينة.", "negated"),
    # a detail not known, or nobody claiming the attack, does not deny it
    ("استهدف الطيران موقعا في القرية ولم تعرف أعداد الضحايا.", "asserted"),
    ("انفجرت سيارة مفخخة في السوق ولم تعلن أي جهة مسؤوليتها.", "asserted"),
    # a negation in a comma segment after the event word, with no event word of its own,
    # negates that segment only; one before the event word, or in its segment, negates it
    ("قصف الطيران قرية دير شرقي، ما تسبب بمقتل امرأة وأطفالها، عمر أكبرهم لم يتجاوز 18 عاماً.",
     "asserted"),
    ("لم يقصف الطيران قرية دير شرقي، عمر أكبرهم لم يتجاوز 18 عاماً.", "negated"),
])
def test_modality(text, modality):
    assert claims_of(text)["modality"].tolist() == [modality]


def test_dispute_marks_the_claim_the_author_rejects():
    text = ("إن إصرار الميليشيات على انسحاب القوات الأمريكية وادعائها بقدرتها على فرض الأمن "
            "دون التحالف الدولي، اتضح أنه كلام للاستهلاك الإعلامي فقط.")
    claims = claims_of(text, ("الميليشيات", "actor", "Militias"),
                       ("القوات الأمريكية", "actor", "US forces"),
                       ("التحالف الدولي", "actor", "International coalition"))
    assert claims["modality"].tolist() == ["disputed", "asserted"]
    assert claims.loc[0, "source"] == "الميليشيات"  # ادعائها → the militias, not US forces
    assert claims.loc[0, "disputed_by"] == "author"
    assert claims.loc[1, "refers_to"] == "c1"
    assert claims.loc[1, "type"] == "evaluation"
    assert set(MODALITIES) >= set(claims["modality"])


# --- attribution ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "sources"), [
    ("رصدت تقارير محلية ودولية خروج عناصر داعش من السجون.", ["تقارير محلية ودولية"]),
    ("أعلن المتحدث باسم الجيش أن القوات استعادت المدينة.", ["المتحدث باسم الجيش"]),
    ("قال وزير الدفاع العراقي إن القوات انسحبت.", ["وزير الدفاع العراقي"]),
    ("أكدت وزارة الصحة أن الإصابات ارتفعت.", ["وزارة الصحة"]),
    ("بحسب مصادر أمنية، قتل ثلاثة جنود في الهجوم.", ["مصادر أمنية"]),
    ("وفقا لوزارة الداخلية انسحبت القوات من المدينة.", ["وزارة الداخلية"]),
    ("وفقاً لـ وزارة الداخلية انسحبت القوات من المدينة.", ["وزارة الداخلية"]),
    ("نقلا عن مصادر محلية فإن الهجوم أسفر عن قتلى.", ["مصادر محلية"]),
    ("الصحة: من تلقى اللقاح لا يحتاج الحجر.", ["الصحة"]),
    ("انسحبت القوات الأمريكية من القاعدة.", [""]),
    # the repeated reporting verb with no subject keeps the source (كما رصدت ...)
    ("رصدت تقارير دولية خروج عناصر داعش من السجون، كما رصدت ثراء الضباط على المنافذ الحدودية.",
     ["تقارير دولية", "تقارير دولية"]),
    ("قالت الحكومة إن الهجوم فشل، مضيفة أن القوات صدت المهاجمين.", ["الحكومة", "الحكومة"]),
    # the author's own comment after a report is not attributed
    ("قالت الحكومة إن الهجوم فشل، وهذا كلام لا يصدقه أحد من السكان.", ["الحكومة", ""]),
])
def test_attribution(text, sources):
    claims = claims_of(text)
    assert claims["source"].tolist() == sources
    for row in claims.itertuples(index=False):
        if row.source:
            assert text[row.source_start:row.source_end] == row.source
        else:
            assert (row.source_start, row.source_end) == (-1, -1)


def test_attribution_verb_needs_a_subject_that_names_someone():
    # ذكر here is the noun "mention", and رصد is followed by its object, not a source
    claims = claims_of("رصد الهجمات مهمة صعبة على القوات.")
    assert claims["source"].tolist() == [""]


# --- types ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "primary", "types"), [
    ("انسحبت القوات الأمريكية من القاعدة.", "event", {"event"}),
    ("بلغ عدد المصابين 200 شخص.", "quantity", {"quantity"}),
    ("ارتفعت الأسعار بسبب الحرب.", "causal", {"causal"}),
    ("الوضع الأمني أسوأ من العام الماضي.", "comparison", {"comparison"}),
    ("نفذ التنظيم أكثر من 100 هجوم.", "event", {"event", "quantity"}),  # أكثر من + number
    ("هذا تطور لافت وخطير.", "evaluation", {"evaluation"}),
    ("ستخدم عودة التنظيم الميليشيات.", "prediction", {"prediction"}),
    ("تنشغل الحكومة بمشاورات تشكيل الحكومة.", "statement", {"statement"}),
    ("سُجل أكثر من […] هجومًا في المدينة.", "event", {"event", "quantity"}),  # count lost
    ("طالبت الميليشيات بانسحاب القوات الأمريكية.", "statement", {"statement"}),  # irrealis
])
def test_types(text, primary, types):
    claims = claims_of(text)
    assert claims["type"].tolist() == [primary]
    assert set(claims.loc[0, "types"].split(";")) == types


def test_mentions_inside_a_claim_are_listed_with_their_values():
    text = "نفذ تنظيم داعش أكثر من […] هجومًا في الأنبار خلال شهر أبريل."
    claims = claims_of(
        text, ("تنظيم داعش", "actor", "ISIS"), ("الأنبار", "place", "Anbar"),
        ("شهر أبريل", "time", "2020-04"),
        ("أكثر من […] هجومًا", "quantity", "", {"flags": "count_missing", "unit_key": "هجوم"}))
    row = claims.iloc[0]
    assert (row.actors, row.places, row.times, row.quantities) == (
        "ISIS", "Anbar", "2020-04", "missing هجوم")
    assert "count_missing" in row["flags"] and "gap" in row["flags"]


def test_offsets_and_columns():
    text = "قال المتحدث إن القوات انسحبت من المدينة، وقد تعود الهجمات قريبا."
    claims = claims_of(text)
    assert list(claims.columns) == CLAIM_COLUMNS
    for row in claims.itertuples(index=False):
        assert text[row.start:row.end] == row.text
        assert row.sentence_start <= row.start < row.end <= row.sentence_end


def test_empty_text_gives_an_empty_table():
    assert list(claims_of("").columns) == CLAIM_COLUMNS
    assert claims_of("   \n\n ").empty


@pytest.mark.parametrize("rows", [
    [],
    [{"a": "x", "b": 1, "c": 0.5, "d": True, "e": "y"},
     {"a": "z", "b": 2, "c": 1.0, "d": False, "e": 3}],
    [{"a": "", "b": -1, "c": 0.25, "d": True, "e": None}],
])
def test_frame_of_rows_is_the_frame_pandas_builds(rows):
    columns = ["a", "b", "c", "d", "e"]
    pd.testing.assert_frame_equal(frame_of_rows(rows, columns),
                                  pd.DataFrame(rows, columns=columns), check_exact=True)


def test_mention_records_read_every_column_as_text():
    frame = pd.DataFrame({"start": [9.0, 0.0], "end": [12.0, 4.0], "text": ["كركوك", "داعش"],
                          "kind": ["place", "actor"], "value": ["Kirkuk", None],
                          "lat": [35.47, float("nan")], "min": [pd.NA, 3]})
    records = Mentions.of(frame)
    assert [(m.start, m.end, m.value) for m in records] == [(0, 4, ""), (9, 12, "Kirkuk")]
    assert (records.items[1].lat, records.items[0].lat, records.items[0].min) == ("35.47", "", "3")
    assert records.items[0].country == "" and isinstance(records.items[0].start, int)
    assert [m.value for m in records.covering(10)] == ["Kirkuk"] and records.covering(5) == []


# --- check-worthiness -------------------------------------------------------------------

def test_score_is_transparent():
    claims = claims_of("انسحبت القوات الأمريكية من 3 قواعد في الأنبار.",
                       ("الأنبار", "place", "Anbar"))
    row = claims.iloc[0]
    assert 0 <= row.checkworthiness <= 1
    named = {part.split()[0] for part in row.features.split("; ")}
    assert {"quantity", "place", "event", "bias"} <= named


def test_a_question_scores_lower_than_the_statement():
    asked = claims_of("هل انسحبت القوات الأمريكية من القاعدة؟").iloc[0].checkworthiness
    told = claims_of("انسحبت القوات الأمريكية من 3 قواعد.").iloc[0].checkworthiness
    assert asked < told


def test_text_features_union_the_clauses():
    f = text_features("قال المتحدث إن القوات انسحبت، اللهم احفظ بلادنا", mentions=empty_mentions())
    assert f["attributed"] == 1.0 and f["religious"] == 1.0 and f["event"] == 1.0
    score, why = score_features(f)
    assert 0 < score < 1 and "religious" in why


# --- the seed (reference reconstruction, with the mention finders) ----------------------

@pytest.fixture(scope="module")
def seed_claims() -> pd.DataFrame:
    return find_claims(REFERENCE.read_text(encoding="utf-8"), reference=date(2020, 5, 1))


def _claim(claims: pd.DataFrame, words: str) -> pd.Series:
    hits = claims[claims["text"].str.contains(words, regex=False)]
    assert len(hits) == 1, (words, hits["text"].tolist())
    return hits.iloc[0]


def test_seed_attributed_claims(seed_claims):
    attributed = seed_claims[seed_claims["source"] != ""]
    escape = _claim(seed_claims, "خروج عناصر داعش من السجون")
    assert escape.source == "تقارير محلية ودولية"
    assert _claim(seed_claims, "كما رصدت غنى وثراء").source == "تقارير محلية ودولية"
    militias = _claim(seed_claims, "وادعائها بقدرتها")
    assert "الميليشيات" in militias.source
    assert militias.modality == "disputed"
    dispute = _claim(seed_claims, "للاستهلاك الإعلامي")
    assert dispute.refers_to == militias.claim_id and dispute.source == ""
    assert set(attributed["claim_id"]) == {escape.claim_id, militias.claim_id,
                                           _claim(seed_claims, "كما رصدت غنى").claim_id}


@pytest.mark.parametrize(("words", "modality"), [
    ("وقد يتكرر اجتياح داعش", "hedged"),
    ("وسيشكل خطرًا كبيرًا", "future"),
    ("عودة التنظيم ستخدم هذه الميليشيات", "future"),
    ("عودة داعش ستخفف الضغط", "future"),
    ("حوارًا شاملاً في منتصف يونيو", "future"),
    ("فهم لم يساهموا في مواجهته", "negated"),
    ("هجومًا نفذه تنظيم داعش", "asserted"),
    ("فقد انسحبت قوات التحالف", "asserted"),
])
def test_seed_modalities(seed_claims, words, modality):
    assert _claim(seed_claims, words).modality == modality


def test_seed_claims_carry_their_mentions(seed_claims):
    april = _claim(seed_claims, "هجومًا نفذه تنظيم داعش")
    assert april.type == "event" and "ISIS" in april.actors
    assert {"Anbar", "Nineveh", "Salah al-Din", "Diyala"} <= set(april.places.split(";"))
    assert april.times == "2020-04" and "count_missing" in april["flags"]
    mosul = _claim(seed_claims, "كما حصل مع الموصل")
    assert mosul.clause_break == "analogy" and mosul.type == "event"
    assert mosul.refers_to == _claim(seed_claims, "وقد يتكرر اجتياح").claim_id


# --- the benchmark ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def checkthat_dev() -> pd.DataFrame:
    from benchmarks.claims import evaluate_checkthat

    return evaluate_checkthat("dev").set_index("method")


@pytest.mark.eval_data
def test_checkthat_floors(checkthat_dev):
    detector = checkthat_dev.loc["claim detector"]
    baseline = checkthat_dev.loc["majority class (train)"]
    assert detector["accuracy"] >= 0.77 > baseline["accuracy"]
    assert detector["f1"] >= 0.845 > baseline["f1"]


def test_cue_lexicon_compiles_once():
    assert cue_lexicon() is cue_lexicon()


# --- robustness -------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "قال ", "أعلن ", "أن ", "داعش ", "هجوما ", "على ", "الموصل", "، ", ". ", "؟ ", "! ", "(", ")",
    "«", "»", "“", "”", "[…]", "\n", "ستخدم ", "لم ", "قد يتكرر ", "كما حصل ", "؛ ", ": ",
    "2020 ", "\u0640", "\u064b", "بحسب ", "وادعائها ", "اتضح أنه كلام ", "وفقا لـ", "x",
])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_never_raises_and_offsets_hold(text):
    claims = find_claims(text, mentions=empty_mentions())
    for row in claims.itertuples(index=False):
        assert text[row.start:row.end] == row.text
        assert row.source == "" or text[row.source_start:row.source_end] == row.source
        assert row.modality in MODALITIES


@pytest.mark.parametrize("rows", [
    [],
    [{"a": "x", "b": 1, "c": 0.5}, {"a": "z", "b": 2, "c": 1.0}],
    [{"a": None, "b": -1, "c": 0.25}],
])
@pytest.mark.parametrize("lead", [{"doc_id": "d1"}, {"doc_id": ""}, {"doc_id": 7},
                                  {"a": "replaced"}])
def test_frame_with_lead_is_the_frame_with_columns_inserted(rows, lead):
    columns = ["a", "b", "c"]
    want = frame_of_rows(rows, columns)
    for name, value in reversed(lead.items()):
        if name in want.columns:
            want = want.drop(columns=name)
        want.insert(0, name, value)
    got = frame_with_lead(rows, columns, lead)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got.columns.dtype == want.columns.dtype


@pytest.mark.parametrize(("text", "on"), [
    ("قال الوزير", set()),
    ("عام 2019 وعام ١٩٩٩", {"time"}),
    ("12019 و 20199", set()),
    ("انظر http://example.com/Abc الآن", {"url"}),
    ("انظر www.Example.org الآن", {"url"}),
    ("قال Trump إن", {"latin_name"}),
    ("قال aTrump و TX", set()),
    ("هل انسحبت؟ #خبر @مستخدم ! \U0001f600", {"question", "hashtag", "user_mention",
                                               "exclamation", "emoji"}),
])
def test_claim_features_read_the_text(text, on):
    f = claim_features(text, roles=set(), types=[], modality="asserted", attributed=False,
                       mentions=[], n_tokens=10)
    assert list(f) == list(FEATURES)
    assert all(type(v) is float for v in f.values())
    assert {name for name, v in f.items() if v and name != "length"} == on


def test_cue_cache_starts_afresh_without_losing_the_words_it_knew(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its size the per-word cache is emptied; words cached before must be looked up again."""
    import importlib

    clauses = importlib.import_module("workbench.claims.clauses")
    text = "قال المتحدث إن القوات ربما انسحبت من المدينة أمس"
    tokens = clauses.tokenize(text)
    lexicon = clauses.cue_lexicon()
    expected = lexicon.find(tokens, text=text)
    lexicon._by_key.clear()  # a memo only: emptying it changes no answer
    monkeypatch.setattr(clauses, "WORD_MEMO_SIZE", len(tokens) - 1)
    lexicon.find(tokens[:5], text=text)  # cached: the first five words
    assert lexicon.find(tokens, text=text) == expected  # overflows: cache emptied and refilled


def test_the_cue_prescan_keeps_every_word_a_cue_may_begin_at():
    """A word outside a cue lexicon's prescan set is given no reading: every word one of
    whose proclitic readings begins an entry must be in the set."""
    from workbench.claims.clauses import cue_lexicon, trigger_lexicon
    from workbench.text.clitics import FUTURE_PROCLITICS, PROCLITICS
    from workbench.text.tokens import tokenize

    seed = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    fronts = ("", *PROCLITICS, *FUTURE_PROCLITICS, "لل", "ولل", "ال", "وال", "بال")
    for lex in (cue_lexicon(), trigger_lexicon()):
        words = [f + w for f in fronts for w in lex.first_words()] + [t.key for t in tokenize(seed)]
        read = [w for w in words if any(p in e.clitics for (p, _), es in lex.readings(w) for e in es)]
        assert read and all(w in lex._may_begin() for w in read)
