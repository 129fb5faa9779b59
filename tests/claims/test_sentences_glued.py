"""Sentences of small made-up reports: a full stop glued to the next word (القصف.وأضاف،
"...".وأشار) ends the sentence, unless a lone letter, a digit or a tatweel stands before it."""

from __future__ import annotations

from workbench.claims.clauses import split_sentences


def test_a_full_stop_glued_to_the_next_word_ends_the_sentence():
    assert split_sentences("سقطت قذيفة على السوق اليوم.وأضاف المصدر أن الأضرار مادية.")[
        "text"].tolist() == ["سقطت قذيفة على السوق اليوم.", "وأضاف المصدر أن الأضرار مادية."]


def test_a_glued_full_stop_after_a_lone_letter_a_digit_or_a_tatweel_ends_nothing():
    for text in ("نقلت (أ.ف.ب) أن 2.5 طن سقطت", "قال د.محمد إن القصف توقف", "سقط قتلـ.ـى"):
        assert len(split_sentences(text)) == 1


def test_a_full_stop_glued_after_a_closing_quote_ends_the_sentence():
    assert split_sentences('قال المصدر: "سقطت قذيفة على السوق".وأشار إلى أضرار مادية.')[
        "text"].tolist() == ['قال المصدر: "سقطت قذيفة على السوق".', "وأشار إلى أضرار مادية."]
