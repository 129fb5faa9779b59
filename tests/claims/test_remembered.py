"""Answers the claims and events stages remember or look up early are the answers they
would compute: the score of a clause's features, the frame before a place, the cue at a
word of a toll phrase, the cues and sentence ends of a text (invented sentences)."""

from __future__ import annotations

import pytest

from workbench.claims import clauses
from workbench.claims.claims import _score, score_features
from workbench.claims.clauses import cue_lexicon, split_sentences
from workbench.claims.index import Mention
from workbench.claims.spots import named_as_area
from workbench.claims.tolls import _cue_words, _is, _role_at, find_tolls
from workbench.text.tokens import tokenize


def test_a_remembered_score_is_the_score_computed() -> None:
    features = {"quantity": 1.0, "place": 1.0, "question": 0.0, "length": 0.25}
    first = score_features(features)
    assert score_features(dict(features)) == first
    fresh = _score.__wrapped__((("quantity", 1.0), ("place", 1.0), ("length", 0.25)))
    assert first == fresh


def test_features_that_are_zero_do_not_change_the_score() -> None:
    assert score_features({"quantity": 1.0, "hedged": 0.0, "url": 0.0}) \
        == score_features({"quantity": 1.0})
    assert score_features({"quantity": 1.0}) != score_features({"quantity": 1.0, "place": 1.0})


def test_the_account_names_the_features_present() -> None:
    score, why = score_features({"place": 1.0, "event": 1.0})
    assert 0 < score < 1
    parts = why.split("; ")
    assert {p.split()[0] for p in parts} == {"place", "event", "bias"}
    assert parts[-1].startswith("bias")


def _place(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "place", "Homs")


def test_the_frame_before_a_place_is_read_from_its_own_text() -> None:
    # the place stands at the same offset in both: the answer is each text's own
    area = "سقطت قذيفة في ريف حمص"
    centre = "سقطت قذيفة في وسط حمص"
    assert area.index("حمص") == centre.index("حمص")
    for _ in range(2):
        assert named_as_area(_place(area, "حمص"), area)
        assert not named_as_area(_place(centre, "حمص"), centre)


@pytest.mark.parametrize("text", [
    "سقطت قذيفة على السوق ولم تسفر عن وقوع إصابات.",
    "قتل 3 أشخاص في قصف على البلدة مساء أمس.",
    "أصيب شرطيان بجروح في انفجار عبوة.",
])
def test_a_word_that_begins_no_cue_is_no_cue_of_any_role(text: str) -> None:
    toks = tokenize(text, pieces=True)
    roles = ("killed", "wounded", "casualty", "zero_neg", "period", "span", "tally")
    for i, tok in enumerate(toks):
        for role in roles:
            assert _is(toks, i, role) == (_role_at(toks, i, role) > i)
            if tok.key not in _cue_words():
                assert not _is(toks, i, role)


def test_tolls_read_with_their_neighbours() -> None:
    assert [(t.kind, t.value) for t in find_tolls(
        "سقطت قذيفة على السوق ولم تسفر عن وقوع إصابات.")] == [("killed", 0.0), ("wounded", 0.0)]
    assert [(t.kind, t.value) for t in find_tolls(
        "قتل 3 أشخاص في قصف على البلدة مساء أمس.")] == [("killed", 3.0)]


_CUED = "وقال مسؤول إن القوات ربما انسحبت من البلدة، لكن الهجمات لم تتوقف وفقا لشهود"


def _cues(lo: int = 0, hi: int | None = None) -> list[tuple[str, str, int, int]]:
    toks = tokenize(_CUED)
    return [(c.cue, c.role, c.i, c.j) for c in cue_lexicon().find(toks, text=_CUED, lo=lo, hi=hi)]


def test_cues_are_read_at_the_words_that_may_begin_them() -> None:
    found = _cues()
    assert ("قال", "attribution_verb", 0, 1) in found  # under the proclitic و
    assert ("ربما", "hedge", 4, 5) in found
    assert ("لم", "negation", 10, 11) in found
    assert ("وفقا ل", "attribution_prep", 12, 14) in found  # a phrase, its ل on the next word
    assert not any(i in (3, 6, 7) for _, _, i, _ in found)  # القوات، من، البلدة begin none
    assert _cues(5, 9) == [c for c in found if c[2] >= 5 and c[3] <= 9]


def test_cues_are_the_same_when_the_memo_of_words_overflows(monkeypatch) -> None:
    whole = _cues()
    monkeypatch.setattr(clauses, "WORD_MEMO_SIZE", 2)  # forgotten after every second word
    cue_lexicon()._by_key.clear()
    assert _cues() == whole
    assert len(cue_lexicon()._by_key) <= 2


@pytest.mark.parametrize(("text", "expected"), [
    ("انسحبت القوات.وعادت الهجمات إلى المدينة",
     ["انسحبت القوات.", "وعادت الهجمات إلى المدينة"]),  # a stop glued after a letter
    ('قال "انتهى القتال".وأضاف أن الهدوء عاد', ['قال "انتهى القتال".', "وأضاف أن الهدوء عاد"]),
    ("هل انسحبت القوات؟وعادت الهجمات", ["هل انسحبت القوات؟", "وعادت الهجمات"]),
    ("بلغت النسبة 3.5 في المئة هذا العام", ["بلغت النسبة 3.5 في المئة هذا العام"]),  # a digit
    ("قتلـ.ـى كثيرون في القرية", ["قتلـ.ـى كثيرون في القرية"]),  # a tatweel before it
    (".وعادت الهجمات إلى المدينة", [".وعادت الهجمات إلى المدينة"]),  # nothing before it
])
def test_a_sentence_ends_at_a_stop_glued_to_the_next_word(text: str, expected: list[str]) -> None:
    assert split_sentences(text)["text"].tolist() == expected
