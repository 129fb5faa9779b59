"""The disk cache of built artefacts (``workbench.cache``): keyed by what it is built from,
never read stale or damaged, and giving back exactly what a fresh build gives."""

from __future__ import annotations

import re

import pytest

from workbench import cache


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def test_built_once_then_read_back(cache_in, tmp_path):
    data = tmp_path / "words.tsv"
    data.write_text("a\t1\n", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"a": 1.5, "b": (1, "x")}

    first = cache.cached("t", [data], build)
    second = cache.cached("t", [data], build)
    assert first == second == {"a": 1.5, "b": (1, "x")}
    assert len(builds) == 1
    assert len(list(cache_in.glob("t-*.marshal"))) == 1


def test_changed_data_file_is_rebuilt(cache_in, tmp_path):
    data = tmp_path / "words.tsv"
    data.write_text("a\t1\n", encoding="utf-8")

    def build():
        return data.read_text(encoding="utf-8")

    assert cache.cached("t", [data], build) == "a\t1\n"
    data.write_text("a\t2\n", encoding="utf-8")
    assert cache.cached("t", [data], build) == "a\t2\n"
    assert len(list(cache_in.glob("t-*.marshal"))) == 2


def test_damaged_file_is_rebuilt(cache_in):
    assert cache.cached("t", ["v1"], lambda: [1, 2, 3]) == [1, 2, 3]
    (path,) = cache_in.glob("t-*.marshal")
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert cache.cached("t", ["v1"], lambda: [4]) == [4]
    path.write_bytes(b"")
    assert cache.cached("t", ["v1"], lambda: [5]) == [5]


def test_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.cache_dir() is None
    builds = []
    for _ in range(2):
        cache.cached("t", ["v"], lambda: builds.append(1) or 7)
    assert len(builds) == 2
    assert cache.compile_pattern("a|b") == re.compile("a|b")


def test_unwritable_cache_only_costs_the_build(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))
    assert cache.cached("t", ["v"], lambda: {"k": 1}) == {"k": 1}


@pytest.mark.parametrize("pattern", [
    r"(?<!\w)(?P<p>[وف]??[بلك]??)(?P<k>بغداد|الموصل(?:ي)?)(?!\w)",
    r"(\d+)[ ]*(?:a|b)+?$",
    "",
])
def test_compiled_pattern_is_re_compile(cache_in, pattern):
    fresh = re.compile(pattern)
    for _ in range(2):  # built, then read back
        got = cache.compile_pattern(pattern)
        assert got == fresh  # same pattern, flags and compiled program
        assert got.groupindex == fresh.groupindex and got.groups == fresh.groups
        text = "من بغداد ولالموصلي 12 ab"
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert len(list(cache_in.glob("re-*.marshal"))) == 1


def test_lexicon_pattern_cached_by_its_keys(cache_in):
    from workbench.text.lexmatch import Lexicon

    a = Lexicon(["الموصل", "بغداد"])
    b = Lexicon(["بغداد", "الموصل"])
    c = Lexicon(["الموصل", "بغداد", "كركوك"])
    text = "من بغداد إلى للموصل وكركوك"
    assert [m.key for m in a.finditer(text)] == [m.key for m in b.finditer(text)] == ["بغداد", "الموصل"]
    assert [m.key for m in c.finditer(text)] == ["بغداد", "الموصل", "كركوك"]
    assert len(list(cache_in.glob("lexicon-*.marshal"))) == 2  # one per set of keys


def test_lexicons_same_with_and_without_cache(cache_in, monkeypatch):
    from workbench.cleaning import lexicon, model

    cached_freq = lexicon._parse_frequencies(lexicon.data_path(lexicon.LEXICON_FILE))
    via_cache = cache.cached("clean-lexicon-test", ["x"], lambda: cached_freq)
    again = cache.cached("clean-lexicon-test", ["x"], lambda: {})
    assert again == via_cache == cached_freq
    assert list(again) == list(cached_freq)  # order kept too
    counts = model._parse_counts(model.data_path(model.MODEL_FILE))
    assert cache.cached("char-model-test", ["x"], lambda: counts) == \
        cache.cached("char-model-test", ["x"], lambda: None)


def test_territory_names_same_as_babel(cache_in):
    from babel import Locale

    from workbench.claims import events

    want = dict(Locale("en").territories)
    events._territories.cache_clear()
    assert events._territories() == want  # built and written
    events._territories.cache_clear()
    assert events._territories() == want  # read back
    assert list(cache_in.glob("cldr-territories-en-*.marshal"))


def test_shards_give_the_dict_they_were_cut_from(cache_in):
    words = {f"w{i}": i / 7 for i in range(500)}
    for _ in range(2):  # built, then read back
        shards = cache.cached_shards("shards-test", ["v1"], lambda: words, 16)
        assert [shards.get(k) for k in words] == list(words.values())
        assert shards.get("missing") is None and "missing" not in shards and "w3" in shards
        assert dict(shards.items()) == words
    assert len(list(cache_in.glob("shards-test-*.shards"))) == 1


@pytest.mark.parametrize("damage", ["payload", "header", "truncated", "empty"])
def test_damaged_shards_are_rebuilt(cache_in, damage):
    words = {f"w{i}": i for i in range(300)}
    builds = []

    def build():
        builds.append(1)
        return words

    cache.cached_shards("shards-test", ["v1"], build, 8)
    (path,) = cache_in.glob("shards-test-*.shards")
    blob = bytearray(path.read_bytes())
    if damage == "payload":
        blob[-3] ^= 0xFF  # in the last shard: found when that shard is read
    elif damage == "header":
        blob[9] ^= 0xFF
    path.write_bytes(bytes(blob[:-5] if damage == "truncated" else b"" if damage == "empty" else blob))
    shards = cache.cached_shards("shards-test", ["v1"], build, 8)
    assert dict(shards.items()) == words
    assert len(builds) == 2
    again = cache.cached_shards("shards-test", ["v1"], build, 8)  # the file was written afresh
    assert dict(again.items()) == words and len(builds) == 2


def test_word_lists_same_as_parsed(cache_in):
    import bisect

    from workbench.cleaning import lexicon, model

    parsed = lexicon._parse_frequencies(lexicon.data_path(lexicon.LEXICON_FILE))
    for _ in range(2):  # built, then read back
        lexicon._lexicon.cache_clear()
        model._counts.cache_clear()
        assert dict(lexicon._frequencies().items()) == parsed
        counts, total = model._parse_counts(model.data_path(model.MODEL_FILE))
        shards, total_read = model._counts()
        assert dict(shards.items()) == counts and total_read == total
    keys = sorted(parsed)
    prefixes = {k[:n] for k in keys[::50] for n in range(5)} | {"", "ىى", "x", "أكثرزز"}
    for p in prefixes:  # the prefix groups answer as a bisection of every key does
        at = bisect.bisect_left(keys, p)
        assert lexicon.is_key_prefix(p) == (at < len(keys) and keys[at].startswith(p)), p
