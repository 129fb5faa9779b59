"""``fold`` remembers the last documents it folded, so the stages of ``analyze`` share one
folding and its tokens; what it gives back is what a fresh folding gives."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.text import lexmatch
from workbench.text.arabic import fold_positions
from workbench.text.tokens import tokenize

DOC = "قتل ثلاثة أشخاص في هجوم على بلدة الزاب ببغداد يوم ٥ مايو ٢٠٢٠.\n" * 12


def test_a_document_is_folded_once():
    first = lexmatch.fold(DOC)
    assert lexmatch.fold(str(DOC)) is first
    assert tokenize(DOC, pieces=True) is tokenize(DOC, pieces=True, folded=first)


def test_remembered_folding_is_a_fresh_one():
    got = lexmatch.fold(DOC)
    key, kept = fold_positions(DOC)
    assert got.key == key
    assert np.array_equal(got.index, np.append(kept, len(DOC)))


def test_short_texts_are_not_kept_and_documents_age_out():
    short = "ثلاثة"
    assert lexmatch.fold(short) is not lexmatch.fold(short)
    first = lexmatch.fold(DOC)
    for k in range(lexmatch._RECENT_SIZE):
        lexmatch.fold(DOC + " " * (k + 1))
    assert lexmatch.fold(DOC) is not first
    assert len(lexmatch._RECENT) <= lexmatch._RECENT_SIZE


def test_threads_share_the_memory_safely():
    from concurrent.futures import ThreadPoolExecutor

    docs = [DOC + " " * k for k in range(40)]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda d: lexmatch.fold(d).key, docs * 5))
    assert got == [fold_positions(d)[0] for d in docs * 5]
    assert len(lexmatch._RECENT) <= lexmatch._RECENT_SIZE


@pytest.mark.parametrize("text", ["", "في", "بَـدًا ١٢", "هجومًا " * 60])
def test_fold_index_maps_every_key_character_and_the_end(text):
    # The index has one entry per key character (its offset in the text) and one more,
    # len(text), so a key span ending at the key's end maps to the text's end.
    folded = lexmatch.fold(text)
    key, kept = fold_positions(text)
    where = kept.tolist()
    assert folded.key == key
    assert folded.index.dtype == np.int64
    assert folded.index.tolist() == [*where, len(text)]
    assert folded.span(0, len(key)) == ((where[0] if where else 0), len(text))
