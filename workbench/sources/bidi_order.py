"""Logical order from visual order: the Unicode bidi algorithm's level resolution run
on a line as displayed, whose reordering undoes itself (rule L2 is its own inverse).
The PDF reader uses it per line of glyphs; ``visual_to_logical`` per string.

>>> visual_to_logical("2017 ماع يف")
'في عام 2017'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["visual_to_logical"]


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
    if {bidi(rep) for rep in reps} <= _ONE_LEVEL[base_level]:
        n = len(reps)
        order = list(range(n - 1, -1, -1)) if base_level else list(range(n))
        return order, [base_level] * n
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    uba.get_embedding_levels("".join(reps), storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [ch["level"] for ch in storage["chars"]]
    # L1: trailing and leading whitespace go back to the paragraph level
    for seq in (range(len(reps)), range(len(reps) - 1, -1, -1)):
        for i in seq:
            if not reps[i].isspace():
                break
            levels[i] = base_level
    order = list(range(len(reps)))
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
    return order, levels
