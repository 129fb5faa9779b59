"""How much a word in context looks like a place name: a small statistical model.

A village or a quarter no gazetteer holds is read from what a name looks like, not from a
list of cases. Two pieces of evidence, each a model of the language:

* its **letters**: two character 4-gram models (Witten-Bell smoothed), one of the words of
  the gazetteer's Arabic names, one of the ordinary words of news prose (built by
  ``scripts/build_place_model.py`` into ``data/find/place_name_ngrams.tsv.gz``). Their
  log-odds is high for the shapes of names (كفرنبودة، الساليني، كيسانغو: كفر/عين/تل openings,
  ـية/ـات/ـو endings, foreign letter runs) and low for a word of the language (الحقيقة،
  استهدافها);
* its **context**: how often the word follows the locative before it in the shipped word
  bigram counts (:mod:`workbench.cleaning.bigrams`): في الحقيقة, في اطار are usual
  continuations; a place name seldom is.

They are weighed with wordfreq's frequency of the word (graded, and whether it has never
seen it) and with whether a known place right after it locates it, by a logistic model
whose weights and threshold (``data/find/place_name_weights.csv``) were fitted on the dev
documents of the events benchmark and NewsFANE's dev half (``scripts/fit_place_model.py``).

>>> name_logodds("كفرنبوده") > 0 > name_logodds("الحقيقه")
True
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable

from ..cache import model_loader
from ..cleaning.bigrams import pair_count
from ..resources import data_path, read_rows
from ..text.memo import word_memo

__all__ = ["FEATURES", "bare_features", "bare_name_p", "held_out_logodds", "is_bare_name", "name_logodds",
           "weights"]

MODEL_FILE = "find/place_name_ngrams.tsv.gz"
ORDER = 4
# Below this wordfreq Zipf a word is unseen in Arabic text (نغوبوا 0, الساليني 0).
UNSEEN = 1.0
# The features of a word after a locative, in the order of the weights file.
FEATURES = ("letters", "zipf", "unseen", "after_locative", "located")


@model_loader
def _models() -> tuple[tuple[dict[str, int], dict[str, int], dict[str, int], int], ...]:
    """The two letter models (names, words): each n-gram counts, and for each history its
    total continuation count and its number of distinct continuations, and the alphabet
    size; read once."""
    with gzip.open(data_path(MODEL_FILE), "rt", encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if not line.startswith("#")]
    side: list[tuple[dict[str, int], dict[str, int], dict[str, int], int]] = []
    rows = [line.split("\t") for line in lines[2:]]
    for col in (1, 2):
        counts = {r[0]: int(r[col]) for r in rows if int(r[col])}
        total: dict[str, int] = {}
        types: dict[str, int] = {}
        for g, n in counts.items():
            if len(g) > 1:
                h = g[:-1]
                total[h] = total.get(h, 0) + n
                types[h] = types.get(h, 0) + 1
        alphabet = sum(1 for g in counts if len(g) == 1)
        total[""] = sum(n for g, n in counts.items() if len(g) == 1)
        side.append((counts, total, types, alphabet))
    return tuple(side)


def _logp(model: tuple[dict[str, int], dict[str, int], dict[str, int], int], word: str,
          held_out: bool = False) -> float:
    """Natural log probability of `` word `` after its opening space under one letter model,
    each letter given up to ``ORDER - 1`` letters before it (Witten-Bell interpolation down
    to add-one unigrams). ``held_out``: as if the model had been built without ``word``
    (which it holds once), to score its own training words fairly."""
    counts, total, types, alphabet = model
    s = f" {word} "
    own: dict[str, int] = {}
    own_total: dict[str, int] = {}
    lost_types: dict[str, int] = {}
    if held_out:
        for n in range(1, ORDER + 1):
            for i in range(len(s) - n + 1):
                own[s[i:i + n]] = own.get(s[i:i + n], 0) + 1
        for g, n in own.items():
            if len(g) > 1:
                own_total[g[:-1]] = own_total.get(g[:-1], 0) + n
                if counts.get(g, 0) <= n:
                    lost_types[g[:-1]] = lost_types.get(g[:-1], 0) + 1
    base = total[""] - sum(n for g, n in own.items() if len(g) == 1) + alphabet + 1
    out = 0.0
    for i in range(1, len(s)):
        c = s[i]
        p = (counts.get(c, 0) - own.get(c, 0) + 1) / base
        for k in range(1, min(ORDER, i + 1)):
            h = s[i - k:i]
            t = types.get(h, 0) - lost_types.get(h, 0)
            if t <= 0:
                break
            hc = h + c
            p = (counts.get(hc, 0) - own.get(hc, 0) + t * p) / (total[h] - own_total.get(h, 0) + t)
        out += math.log(p)
    return out


@word_memo
def name_logodds(key: str) -> float:
    """log P(key | place-name letters) - log P(key | ordinary-word letters), a matching key
    (الساليني high, الحقيقه low)."""
    names, words = _models()
    return _logp(names, key) - _logp(words, key)


def held_out_logodds(key: str, in_names: bool, in_words: bool) -> float:
    """:func:`name_logodds` as if ``key`` had not been among the names (``in_names``) or
    the ordinary words (``in_words``) the letter models were built from: what the model
    says of a word it has never seen, for fitting on words it has."""
    names, words = _models()
    return _logp(names, key, in_names) - _logp(words, key, in_words)


@model_loader
def weights() -> dict[str, float]:
    """The fitted weights of ``place_name_weights.csv`` by feature, with ``bias`` and
    ``threshold`` (the probability at or above which a word is read as a name)."""
    return {r.feature: float(r.weight) for r in read_rows("find/place_name_weights.csv")}


def after_locative(locative: str, key: str) -> float:
    """log10(1 + how often ``key`` follows ``locative`` in the word bigram counts): a usual
    continuation (في الحقيقة) is a word of the sentence, not a name."""
    return math.log10(1 + pair_count(locative, key))


def bare_features(locative: str, key: str, zipf: float, located: bool) -> dict[str, float]:
    """The features of ``key`` (a matching key) right after ``locative`` (bare, no و/ف), its
    wordfreq Zipf given: the letters' log-odds, the Zipf, 1 when wordfreq has never seen it,
    :func:`after_locative`, and 1 when a known place locates it (``located``: في جمرايا
    بدمشق).

    >>> bare_features("في", "الحقيقه", 4.0, False)["after_locative"] > 0
    True
    """
    return {"letters": name_logodds(key), "zipf": zipf, "unseen": float(zipf < UNSEEN),
            "after_locative": after_locative(locative, key), "located": float(located)}


def bare_name_p(features: dict[str, float]) -> float:
    """The logistic model's probability that the word of ``features`` is a place name."""
    w = weights()
    z = w["bias"] + sum(w[f] * features[f] for f in FEATURES)
    return 1 / (1 + math.exp(-z))


def is_bare_name(locative: str, key: str, zipf: float, located: Callable[[], bool]) -> bool:
    """Whether ``key`` after ``locative`` is read as a place name: the model's probability
    (:func:`bare_name_p` of :func:`bare_features`) reaches the fitted threshold. The bigram
    count and the locating place (``located``, asked only then) are looked up only when they
    can change the answer: most words after في are common words the letters and the
    frequency already rule out, and a bigram look-up after في reads a long list.

    >>> is_bare_name("قرب", "كيسانغو", 0.0, lambda: False)
    True
    """
    w = weights()
    cut = math.log(w["threshold"] / (1 - w["threshold"]))
    z = (w["bias"] + w["letters"] * name_logodds(key) + w["zipf"] * zipf
         + w["unseen"] * (zipf < UNSEEN))
    low, high = sorted((0.0, w["located"]))
    if w["after_locative"] <= 0 and z + high < cut:
        return False  # the bigram count only lowers it, and a locating place cannot save it
    z += w["after_locative"] * after_locative(locative, key)
    if z + low >= cut or z + high < cut:
        return z + low >= cut
    return z + w["located"] * located() >= cut
