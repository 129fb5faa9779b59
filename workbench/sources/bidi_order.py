"""Logical order from visual order: the Unicode bidi algorithm's level resolution run
on a line as displayed, whose reordering undoes itself (rule L2 is its own inverse).
The PDF reader uses it per line of glyphs; ``visual_to_logical`` per string. Lines
without explicit embeddings (all that glyphs give) are resolved here, as python-bidi
would resolve them; python-bidi serves any other.

>>> visual_to_logical("2017 ماع يف")
'في عام 2017'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text.memo import CharMemo

__all__ = ["CLASS_CODES", "visual_to_logical"]


def visual_to_logical(visual: str, *, base_dir: str = "R") -> str:
    """A line in visual (left-to-right display) order back in logical order.

    Runs the Unicode bidi algorithm's level resolution on the visual string and
    applies its reordering, which undoes itself: Arabic runs are reversed, digits and
    Latin stay left to right. ``base_dir`` is the paragraph direction, ``"R"`` or ``"L"``.

    >>> visual_to_logical("اًموجه 12 عقو")
    'وقع 12 هجومًا'
    """
    tokens = list(visual)
    order, _ = resolve([bidi_rep(t) for t in tokens], 1 if base_dir == "R" else 0)
    return "".join(tokens[i] for i in order)


@lru_cache(maxsize=4096)
def bidi_rep(text: str) -> str:
    """The character whose bidi class stands for a glyph (its first non-mark)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("NSM", "BN"):
            continue
        # "" is an unassigned code point, which the bidi resolver cannot place
        if kind in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "B", "S", ""):
            return "!"
        return ch
    return "!"


# Bidi classes that resolve to the paragraph level 0 or 1 when a line has no others.
_NEUTRAL = frozenset({"WS", "ON", "CS", "ES", "ET"})
_ONE_LEVEL = (_NEUTRAL | {"L"}, _NEUTRAL | {"R", "AL"})


# The classes a line of ``bidi_rep`` characters has: no explicit embeddings, marks,
# boundary neutrals or separators.
_IMPLICIT = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "ON", "WS"})


def resolve(reps: list[str], base_level: int) -> tuple[list[int], list[int]]:
    """Indices of the visual tokens in logical order (bidi rule L2 undoes itself),
    and the resolved embedding level of each token."""
    if not reps:
        return [], []
    # A line of one direction with nothing that can take another level (no digits, no
    # letters of the other direction; separators and terminators with no digit near
    # them are neutral, rule W6) resolves to the paragraph level throughout, which
    # the full algorithm below takes a hundred times longer to find: ``في عام`` is
    # reversed whole, ``(خبر)،`` too.
    bidi = unicodedata.bidirectional
    if set(map(bidi, set(reps))) <= _ONE_LEVEL[base_level]:  # each distinct rep once
        n = len(reps)
        order = list(range(n - 1, -1, -1)) if base_level else list(range(n))
        return order, [base_level] * n
    if base_level == 1:  # (the classes' letters, a character at a time from a memo)
        codes = "".join(map(CLASS_CODES.__getitem__, reps))
        if _OTHER_CLASS not in codes and _LTR not in codes:  # all of ``_RTL_NUMBERS``
            return _rtl_with_numbers(codes)
    kinds = list(map(bidi, reps))
    # python-bidi only for classes that ``bidi_rep`` never gives
    levels = (
        _implicit_levels(kinds, base_level) if set(kinds) <= _IMPLICIT
        else _uba_levels(reps, base_level)
    )
    # L1: trailing and leading whitespace go back to the paragraph level
    for seq in (range(len(reps)), range(len(reps) - 1, -1, -1)):
        for i in seq:
            if not reps[i].isspace():
                break
            levels[i] = base_level
    return _reordered(levels), levels


def _reordered(levels: list[int]) -> list[int]:
    """Rule L2: from the highest level down to the lowest odd one, each stretch of
    tokens at that level or above reversed; the indices of the tokens in their new order."""
    order = list(range(len(levels)))
    top = max(levels)
    lowest_odd = min(levels) | 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


# The classes of a right-to-left line with numbers and no left-to-right letter: every
# neutral there resolves to R (rules N1, N2: numbers count as R), so a token is at level
# 2 if it resolves to a number (EN or AN) and at level 1 otherwise.
_RTL_NUMBERS = frozenset({"R", "AL", "EN", "AN", "ES", "ET", "CS", "ON", "WS"})
# one letter a class, for the patterns below (and L, which the PDF reader asks of each
# character too: ``CLASS_CODES``)
_CLASS_CODE = {
    "R": "r", "AL": "a", "EN": "e", "AN": "n", "ES": "s", "ET": "t", "CS": "c", "ON": "o",
    "WS": "w", "L": "l",
}
_LTR = "l"  # the letter of L, the one class outside ``_RTL_NUMBERS`` with a letter
# W2: European digits after Arabic letters (no strong class between) are Arabic numbers
_AFTER_ARABIC_RE = re.compile("a[^ar]*e[^ar]*")
# W4: one separator between two numbers of a kind takes their kind
_EN_SEPARATOR_RE = re.compile("(?<=e)[sc](?=e)")
_AN_SEPARATOR_RE = re.compile("(?<=n)c(?=n)")
# W5: terminators next to European numbers are European numbers
_TERMINATORS_RE = re.compile("t+(?=e)|(?<=e)t+")
_NUMBER_RE = re.compile("[en]+")


_OTHER_CLASS = "?"  # the letter of a class not in ``_CLASS_CODE``


def _class_code(ch: str) -> str:
    """The letter of a character's bidi class (``_CLASS_CODE``), or ``_OTHER_CLASS``."""
    return _CLASS_CODE.get(unicodedata.bidirectional(ch), _OTHER_CLASS)


# ``_class_code`` of each character met, the one look-up of its bidi class that the level
# resolution and the PDF reader's per-character flags and strong directions all read:
# ``CLASS_CODES["ب"]`` is ``"a"``, ``CLASS_CODES["7"]`` ``"e"``, ``CLASS_CODES["x"]`` ``"l"``
CLASS_CODES = CharMemo(_class_code)


def _rtl_with_numbers(codes: str) -> tuple[list[int], list[int]]:
    """``resolve`` for a right-to-left line of ``_RTL_NUMBERS`` classes, given as a letter
    a class (``_CLASS_CODE``): the rules that make a number (W2, W4, W5) run as patterns
    on them, the numbers at level 2 and the rest at 1; read back, the line is reversed
    but for its numbers (``عام 2017`` as displayed is ``2017 ماع``).

    >>> _rtl_with_numbers("aawee")
    ([3, 4, 2, 1, 0], [1, 1, 1, 2, 2])
    """
    codes = _AFTER_ARABIC_RE.sub(lambda m: m.group().replace("e", "n"), codes)
    codes = _EN_SEPARATOR_RE.sub("e", codes)
    codes = _AN_SEPARATOR_RE.sub("n", codes)
    codes = _TERMINATORS_RE.sub(lambda m: "e" * len(m.group()), codes)
    n = len(codes)
    levels = [1] * n
    # (rule L1 changes nothing: no number is white space, nor a separator or terminator
    # at either end of the line)
    numbers = [m.span() for m in _NUMBER_RE.finditer(codes)]
    for a, b in numbers:
        levels[a:b] = [2] * (b - a)
    # L2: the line reversed, and each number within it back to left to right
    order: list[int] = []
    end = n
    for a, b in reversed(numbers):
        order.extend(range(end - 1, b - 1, -1))
        order.extend(range(a, b))
        end = a
    order.extend(range(end - 1, -1, -1))
    return order, levels


def _implicit_levels(kinds: list[str], base_level: int) -> list[int]:
    """Levels by the bidi rules W1-W7, N1-N2 and I1-I2 for a line with one level run
    at ``base_level`` (no explicit embeddings), step for step as python-bidi's
    ``resolve_weak_types``, ``resolve_neutral_types`` and ``resolve_implicit_levels``
    (tested to agree), without their per-character dictionaries."""
    edge = "LR"[base_level % 2]  # sor and eor of the one run
    types = list(kinds)
    n = len(types)
    # W2: European digits after Arabic letters are Arabic numbers; W3: AL is R
    strong = edge
    for i, kind in enumerate(types):
        if kind == "EN" and strong == "AL":
            types[i] = "AN"
        if kind in ("R", "L", "AL"):
            strong = kind
    types = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of a kind takes their kind
    for i in range(1, n - 1):
        kind, before, after = types[i], types[i - 1], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        if kind == "CS" and before == after and before in ("AN", "EN"):
            types[i] = before
    # W5: terminators next to European numbers are European numbers
    for i in range(n):
        if types[i] == "EN":
            for j in range(i - 1, -1, -1):
                if types[j] != "ET":
                    break
                types[j] = "EN"
            for j in range(i + 1, n):
                if types[j] != "ET":
                    break
                types[j] = "EN"
    # W6: the other separators and terminators are neutral
    types = ["ON" if kind in ("ET", "ES", "CS") else kind for kind in types]
    # W7: European numbers after left-to-right letters are left to right
    strong = edge
    for i, kind in enumerate(types):
        if kind == "EN" and strong == "L":
            types[i] = "L"
        if types[i] in ("L", "R"):
            strong = types[i]
    # N1, N2: a run of neutrals takes the direction on both sides (numbers count as R)
    # where they agree, else the paragraph's
    padded = [edge, *types, edge]
    start = None
    before = ""
    for i in range(1, n + 2):
        if padded[i] in ("WS", "ON"):
            if start is None:
                start, before = i, padded[i - 1]
        elif start is not None:
            after = padded[i]
            before = "R" if before in ("AN", "EN") else before
            after = "R" if after in ("AN", "EN") else after
            for j in range(start, i):
                padded[j] = before if before == after else edge
            start = None
    # I1, I2
    if base_level % 2:
        return [base_level if kind == "R" else base_level + 1 for kind in padded[1:-1]]
    return [
        base_level + (0 if kind == "L" else 1 if kind == "R" else 2) for kind in padded[1:-1]
    ]


def _uba_levels(reps: list[str], base_level: int) -> list[int]:
    """Levels by python-bidi's implementation of the full algorithm."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    uba.get_embedding_levels("".join(reps), storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    return [ch["level"] for ch in storage["chars"]]
