"""The per-word memo of matching keys: same keys as computing them, bounded, forgettable."""

from __future__ import annotations

from workbench.text.arabic import match_key
from workbench.text.memo import WordMemo, forget_words
from workbench.text.tokens import tokenize


def test_a_memo_answers_what_its_function_does_and_remembers_each_word_once() -> None:
    calls: list[str] = []

    def key(word: str) -> str:
        calls.append(word)
        return match_key(word)

    memo = WordMemo(key, limit=100)
    words = ["الأنبــار", "هجومًا", "الأنبــار", "قال"]
    assert list(map(memo.__getitem__, words)) == ["الانبار", "هجوما", "الانبار", "قال"]
    assert calls == ["الأنبــار", "هجومًا", "قال"]


def test_a_full_memo_is_emptied_once_and_refilled_never_past_its_bound() -> None:
    memo = WordMemo(match_key, limit=3)
    for word in ["مدينة", "قرية", "بلدة", "ناحية", "قضاء"]:
        assert memo[word] == match_key(word)
        assert len(memo) <= 3
    assert "قضاء" in memo and "مدينة" not in memo


def test_forget_words_empties_a_memo() -> None:
    memo = WordMemo(match_key)
    memo["إدلب"]
    forget_words()
    assert not memo


def test_word_keys_stay_the_same_when_the_memo_overflows_in_mid_text(monkeypatch) -> None:
    from workbench.text import tokens

    text = "وأعلنت السلطاتُ أنّ الهجوم على إدلـب أوقع قتيلًا في إدلب"
    expected = [(t.text, match_key(t.text)) for t in tokenize(text)]
    monkeypatch.setattr(tokens, "_WORD_KEY", WordMemo(match_key, limit=2))
    assert [(t.text, t.key) for t in tokenize(text)] == expected
    assert len(tokens._WORD_KEY) <= 2
