"""wordfreq's Zipf frequency of an Arabic word, without loading wordfreq for plain words.

The finders ask wordfreq how common a word is (a rare word after a place head is a
name). ``wordfreq.zipf_frequency`` first imports wordfreq and its language tables, then
unpacks its Arabic list into a dict, then tokenises the word: together a second of the
first ``analyze``. For a word of plain Arabic letters (no marks, tatweel, digits or
punctuation) its tokeniser returns the word unchanged (a phrase, its words), so the
frequency is a lookup in that dict; :func:`zipf` does that lookup in a copy of the dict kept in the disk cache
(:mod:`workbench.cache`, keyed by wordfreq's version and its Arabic list's bytes; cut in
shards decoded as needed) and reproduces wordfreq's rounding step for step. Any other
word is cut by wordfreq's tokeniser and its tokens looked up the same way.

>>> zipf("الحادث") == __import__("wordfreq").zipf_frequency("الحادث", "ar")
True
"""

from __future__ import annotations

import math
import re
from importlib import metadata, util
from pathlib import Path

from ..cache import Shards, cached_shards, model_loader
from .arabic import PLAIN_LETTERS

# Letters wordfreq's Arabic tokeniser keeps as they are (HAMZA to GHAIN, FEH to YEH;
# TATWEEL, which it removes, left out). Checked on its whole Arabic list and every word
# of the benchmark corpora: tokenising such a word gives the word.
_PLAIN = f"[{PLAIN_LETTERS}]+"
# ... and a phrase of such words one space apart, which it cuts at the spaces.
_PLAIN_PHRASE = re.compile(f"{_PLAIN}(?: {_PLAIN})*")
_LANG = "ar"


def _wordlist_files() -> list[Path]:
    """wordfreq's Arabic list files (found without importing wordfreq)."""
    spec = util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return sorted(folder.glob(f"*_{_LANG}.msgpack.gz"))


# The list is kept as this many shards (about 150 words each), by a CRC-32 of the word: a
# process decodes only the shards of the words it asks for, a few dozen of the first
# document's words rather than 600k.
_SHARDS = 1 << 12


@model_loader
def _frequencies() -> Shards[float]:
    """wordfreq's Arabic word → frequency dict (``get_frequency_dict('ar')``), kept in the
    disk cache as ``_SHARDS`` shards."""

    def build() -> dict[str, float]:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(_LANG)

    files = _wordlist_files()
    if not files:  # nothing to key a cached copy by
        return Shards.of(build())
    return cached_shards("wordfreq-ar", ["3", metadata.version("wordfreq"), *files], build, _SHARDS)


def _frequency(word: str) -> float | None:
    """wordfreq's frequency of a token, ``None`` if it is not in the list."""
    return _frequencies().get(word)


def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, 'ar')``: plain words and phrases of plain words (one
    space apart) looked up directly; any other text cut into tokens by wordfreq's own
    tokeniser (مُدني → مدني, ٣٣ → a digit run), looked up in the same table. wordfreq's
    own lookup would first unpack its list again, some 70 MB, for a handful of words."""
    if word and not _PLAIN_PHRASE.fullmatch(word):
        from wordfreq.numbers import digit_freq, smash_numbers
        from wordfreq.tokens import lossy_tokenize

        tokens = lossy_tokenize(word, _LANG)
    else:
        tokens = word.split(" ") if word else []
        digit_freq = smash_numbers = None
    # wordfreq.zipf_frequency with minimum 0: word_frequency with a floor of 1e-9, where
    # the tokens of a phrase combine as 1 / f = 1 / f1 + 1 / f2 + ...; a run of digits is
    # looked up as zeros, then weighed by how common those digits are.
    minimum = 10**0.0 / 1e9
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token) if smash_numbers else token
        found = _frequency(smashed)
        if found is None:
            one_over = 0.0
            break
        if smashed != token:
            found *= digit_freq(token)
        one_over += 1.0 / found
    if not one_over:
        freq = minimum  # no token, or a token wordfreq does not know
    else:
        # floored, then rounded to three significant digits (never 0, being >= the floor)
        unrounded = max(1.0 / one_over, minimum)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def warm_up() -> None:
    """Load the word frequencies, and wordfreq's tokeniser for other words, now (before
    ``workbench run`` forks its workers)."""
    import wordfreq.numbers
    import wordfreq.tokens  # noqa: F401

    _frequencies().load_all()
