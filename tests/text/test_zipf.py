"""``workbench.text.zipf.zipf`` is wordfreq's ``zipf_frequency(word, 'ar')``, exactly."""

from __future__ import annotations

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from workbench.text.zipf import zipf

WORDS = [
    "الحادث", "بغداد", "الشواكة", "مدني", "قتيل", "في", "و", "زززززز",  # plain letters
    "الشرق الاوسط", "للمملكة العربية السعودية", "بغداد زززززز",  # phrases of plain words
    # through wordfreq itself
    "مُدني", "الــحادث", "بغداد  الموصل", " بغداد", "٣٣", "2020", "abc", "", "بغداد،", "ISIS",
]


@pytest.mark.parametrize("word", WORDS)
def test_same_as_wordfreq(word):
    assert zipf(word) == zipf_frequency(word, "ar")


def test_same_on_a_slice_of_the_list():
    words = [w for i, w in enumerate(get_frequency_dict("ar")) if i % 97 == 0]
    assert [zipf(w) for w in words] == [zipf_frequency(w, "ar") for w in words]


def test_shards_hold_the_whole_list():
    from workbench.text import zipf as module

    module.warm_up()
    merged = dict(module._frequencies().items())
    assert merged == get_frequency_dict("ar")
