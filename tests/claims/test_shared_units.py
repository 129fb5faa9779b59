"""One cut of a document shared by its stages: a clause read from the document's tokens,
cues and triggers is the clause tokenised and matched alone; times read from the shared
folding find what they find folding the text themselves."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from workbench.claims.clauses import TextUnits
from workbench.cleaning.clean import clean
from workbench.find.times.finder import time_rows
from workbench.text.lexmatch import fold
from workbench.text.tokens import tokenize, tokens_between

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed_text() -> str:
    path = sorted(_SEEDS.glob("*.txt"))[0]
    return clean(path.read_text(encoding="utf-8")).text


def _same(a: TextUnits, b: TextUnits) -> bool:
    n = len(b.tokens)
    return (a.tokens, a.cues, a.triggers_in(0, n)) == (b.tokens, b.cues, b.triggers_in(0, n))


def test_clauses_and_sentences_read_from_the_document_are_the_clauses_alone():
    text = _seed_text()
    doc = TextUnits(text)
    spans = [(c.start, c.end) for c in doc.clauses] + [(s.start, s.end) for s in doc.sentences]
    assert len(spans) > 20
    for start, end in spans:
        assert _same(doc.within(start, end), TextUnits(text[start:end], segment=False))


@given(st.integers(0, 400), st.integers(0, 400))
def test_any_slice_reads_as_the_slice_tokenised_alone(a: int, b: int):
    text = "قال مسؤول أمني إن مسلحين هاجموا، فجر اليوم، حاجزاً للجيش [...] في و2017 وقتلوا ٣ جنود"
    start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    toks = tokenize(text)
    got = tokens_between(toks, [t.start for t in toks], start, end)
    if got is not None:  # None: the slice cuts a word
        assert got == tokenize(text[start:end])
    assert _same(TextUnits(text).within(start, end), TextUnits(text[start:end], segment=False))


def test_a_slice_that_cuts_a_word_is_told_apart():
    toks = tokenize("هاجموا البلدة")
    assert tokens_between(toks, [t.start for t in toks], 2, 13) is None
    assert tokens_between(toks, [t.start for t in toks], 0, 5) is None


def test_times_read_the_shared_folding_as_their_own():
    text = _seed_text()
    assert time_rows(text, folded=fold(text)) == time_rows(text)


# A made-up report long enough (500 characters and more) for its folding to be kept for
# the document's later stages.
_REPORT = " ".join([
    "قصفت طائرات حربية صباح الثلاثاء بلدة صغيرة في ريف المحافظة الشرقية، وقتل خمسة مدنيين",
    "بينهم طفلان، وأصيب آخرون بجروح. وقال مسؤول محلي إن الغارة استهدفت سوقا شعبيا مزدحما.",
] * 3)


def test_the_claims_read_the_words_and_triggers_the_mentions_found():
    from workbench.find.violence import attack_offsets
    from workbench.text.lexmatch import recent_folding

    folded = fold(_REPORT)
    assert recent_folding(_REPORT) is folded
    assert attack_offsets(folded)  # the mentions' attack reading cuts the words, finds the triggers
    doc = TextUnits(_REPORT)
    assert doc.tokens is folded.memo["words"]
    assert doc.triggers_in(0, len(doc.tokens)) == folded.memo["event_triggers"]
    assert doc._triggers is folded.memo["event_triggers"]  # read, not matched again
    alone = TextUnits(_REPORT, tokens=tokenize(_REPORT))  # cut and matched afresh
    assert _same(doc, alone)


def test_a_text_never_folded_is_cut_and_matched_by_its_units():
    from workbench.text.lexmatch import recent_folding

    text = _REPORT + " وفي المساء هدأت المدينة."
    assert recent_folding(text) is None
    doc = TextUnits(text)
    assert doc.tokens == tokenize(text) and doc.triggers_in(0, 3)
