"""A PDF page's glyphs cut into words, the whole page at once: rows by baseline, each
row left to right by glyph centre, stacked letters put back in stream order, kashida
leaders told from word spaces, and words cut at spaces and gaps (the rules: the steps
1 and 2 of ``workbench.sources.pdf``, which groups the words into blocks and lines).

Python code costs about a microsecond a glyph a step, and a page has thousands: so the
steps run on columns of numbers (``GlyphColumns``) with one sort for the page; the
rules that need a loop over a row (stacked letters, a word whose right
edge an earlier word overhangs) are tested on all glyphs at once, and the loop runs
only in the rows where a test fires, which gives the same words as running it in all.

>>> from .pdf_glyphs import Glyph, glyph_columns
>>> row = [Glyph("\u0628", 30.0, 36.0, 100.0, 12.0, 33.0, 0), Glyph(" ", 26.0, 30.0, 100.0,
...        12.0, 28.0, 1), Glyph("\u0645", 20.0, 26.0, 100.0, 12.0, 23.0, 2)]
>>> [w.text for w in page_words(glyph_columns(row))]
['\u0645', '\u0628']
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from ..text.arabic import TATWEEL, is_arabic_letter
from .pdf_glyphs import Glyph, GlyphColumns

__all__ = ["Word", "median", "page_words", "rows_by_baseline"]

# Layout thresholds, in units of the font size (em) unless said otherwise.
WORD_GAP_EM = 0.2  # a gap wider than this between glyphs is a word space (Amiri's
# default spacing between REH and a following BEH-like letter is 0.125 em)
BASELINE_TOLERANCE_EM = 0.3  # glyphs whose baselines differ less are on one row
NARROW_SPACE_GAP_EM = 0.05  # white between glyphs that a narrow space glyph makes a break
STACK_CENTRE_RATIO = 0.25  # centres this close (of the narrower width): stacked letters
LEADER_COVER = 0.5  # a space glyph covered this much by its neighbours is no space
LEADER_INK_EM = 0.05  # ink taller than this on a space glyph is a drawn stroke
LEADER_CONTACT_EM = 0.15  # a drawn stroke this close to the glyphs on both sides joins them


class Word(NamedTuple):
    """A word of a page: a tuple, which ``_make_words`` builds in C from the page's
    columns (``tuple.__new__`` on rows of ``zip``), with no Python ``__init__`` a word."""

    parts: list[str]  # its glyphs' texts, in visual order, left to right
    x0: float
    x1: float
    baseline: float
    size: float
    text: str  # the parts joined
    centre: float  # (x0 + x1) / 2, which lines are sorted by
    simple: bool  # a character a glyph (no ligature of several)
    source: WordGlyphs  # where its glyphs are: from ``first`` on in ``source``
    first: int

    def glyph(self, k: int) -> Glyph:
        """Its glyph ``k`` (in visual order) as an object, made now: most words never
        need theirs."""
        return self.source.glyph(self.first + k)


@dataclass(slots=True)
class WordGlyphs:
    """The glyphs of a page's words, in word order: ``at`` their numbers in ``page``
    and ``texts`` their texts (a kashida leader's is the kashida)."""

    page: GlyphColumns
    at: list[int]
    texts: list[str]

    def glyph(self, k: int) -> Glyph:
        """Glyph ``k`` as an object."""
        return self.page.glyph(self.at[k], self.texts[k])

    def boxes(self, ks: list[int]) -> tuple[list[float], list[float], list[float], list[float]]:
        """The x0, x1, size and ink of glyphs ``ks``, a list each (no objects made)."""
        at = list(map(self.at.__getitem__, ks))
        page = self.page
        x0, x1, size, ink = (column[at].tolist() for column in (page.x0, page.x1, page.size, page.ink))
        return x0, x1, size, ink


_BASELINE, _SIZE = operator.attrgetter("baseline"), operator.attrgetter("size")


def row_starts(baselines: list[float], sizes: list[float]) -> list[int]:
    """Where rows start in items sorted by baseline (``baselines``, ``sizes``): an item
    starts one unless its baseline is within tolerance of the row's mean baseline."""
    starts: list[int] = []
    total = size = tolerance = 0.0
    count = 0  # items in the row
    for k, (baseline, item_size) in enumerate(zip(baselines, sizes, strict=True)):
        if item_size > size:  # the row's largest size so far, this item's included
            size = item_size
            tolerance = BASELINE_TOLERANCE_EM * size
        # (bounds on both sides rather than abs(): no call, on every glyph)
        if count and -tolerance <= baseline - total / count <= tolerance:
            total += baseline
            count += 1
        else:
            starts.append(k)
            total, size, count = baseline, item_size, 1
            tolerance = BASELINE_TOLERANCE_EM * size
    return starts


def rows_by_baseline(items: list[Any]) -> list[list[Any]]:
    """Items (glyphs or words) grouped into rows, top to bottom (``row_starts``, on
    arrays where no baseline is NaN, which has no place in a sorted order)."""
    n = len(items)
    baseline = np.fromiter(map(_BASELINE, items), np.float64, n)
    if np.isnan(baseline).any():
        ordered = sorted(items, key=_BASELINE)
        starts = row_starts(list(map(_BASELINE, ordered)), list(map(_SIZE, ordered)))
    else:
        by_line = np.argsort(baseline, kind="stable")
        ordered = list(map(items.__getitem__, by_line.tolist()))
        starts = _sorted_row_starts(
            baseline[by_line], np.fromiter(map(_SIZE, ordered), np.float64, n),
        )
    return [ordered[a:b] for a, b in zip(starts, [*starts[1:], n], strict=True)]


def median(values: list[float]) -> float:
    """``statistics.median`` (the same value), without its overhead on short lists."""
    values.sort()
    n = len(values)
    mid = n // 2
    return values[mid] if n % 2 else (values[mid - 1] + values[mid]) / 2


def page_words(cols: GlyphColumns) -> list[Word]:
    """The words of a page's glyphs (``cols``), row by row from the top, left to right
    in a row: rows cut at space glyphs, at gaps wider than ``WORD_GAP_EM``, and at gaps
    between glyphs that the content stream separates by a narrow space glyph.

    Chromium (Skia) draws each word space as a space of no width, placed where the
    pen happens to be rather than in the gap, and writes some words left to right and
    others right to left; so the space's position says nothing, but its place in the
    stream does: ``هجوم انتحاري`` is two stream runs, and where they meet on the row,
    the white between them is the word space however narrow justification left it.
    """
    n = len(cols)
    if not n:
        return []
    # rows: the glyphs by baseline, cut where the baseline moves on
    by_line = np.argsort(cols.baseline, kind="stable")
    starts = _sorted_row_starts(cols.baseline[by_line], cols.size[by_line])
    row = np.zeros(n, np.intp)  # row of each glyph in baseline order, then page order
    row[starts[1:]] = 1
    np.cumsum(row, out=row)
    bounds = np.array([*starts, n])  # row r spans bounds[r]:bounds[r + 1] in page order
    row_of_glyph = np.empty(n, np.intp)
    row_of_glyph[by_line] = row
    # page order: by row, then by centre (twice the centre: the same order), then by
    # place in the stream
    twice = cols.x0 + cols.x1
    perm = _page_order(cols.order, twice, row_of_glyph, len(starts))
    _settle_stacks_in(cols, perm, row, bounds, twice, cols.x1 - cols.x0)
    space = cols.space[perm]
    wide = space & ~cols.narrow[perm]
    x0, x1 = cols.x0[perm], cols.x1[perm]
    leader = _leaders_in(cols, perm, row, bounds, x0, x1, space, wide)
    # the glyphs words are made of: all but the spaces that are no kashida leader; a
    # word starts a row, and follows a space
    kept = np.flatnonzero(~space | leader)
    if not kept.size:
        return []
    k_row = row[kept]
    breaks = np.cumsum(wide & ~leader)[kept]  # the word spaces up to each glyph
    forced = np.ones(kept.size, bool)
    forced[1:] = (k_row[1:] != k_row[:-1]) | (breaks[1:] != breaks[:-1])
    x0, x1 = x0[kept], x1[kept]
    at = perm[kept]  # the words' glyphs, by number
    size, baseline, order = cols.size[at], cols.baseline[at], cols.order[at]
    narrow = np.sort(cols.order[cols.narrow])
    # a glyph's stream run: the narrow spaces before it in the stream
    run = np.searchsorted(narrow, order) if narrow.size else np.zeros(kept.size, np.intp)
    starts_at = _word_starts(x0, x1, size, run, forced, k_row)
    return _make_words(cols, at, leader[kept], starts_at, x0, x1, baseline, size)


def _page_order(order: Any, twice: Any, row: Any, rows: int) -> Any:
    """``np.lexsort((order, twice, row))``: glyphs by row, by centre, by stream place.
    Glyphs come in stream order (``order`` rising) from both engines: then two stable
    sorts do, by centre and then by row, the row numbers as 16-bit integers, which numpy
    sorts by radix in one pass (two thirds of the time of ``lexsort``)."""
    if rows > np.iinfo(np.int16).max or len(order) < 2 or not (order[1:] > order[:-1]).all():
        return np.lexsort((order, twice, row))
    by_centre = np.argsort(twice, kind="stable")
    return by_centre[np.argsort(row[by_centre].astype(np.int16), kind="stable")]


def _sorted_row_starts(baseline: Any, size: Any) -> list[int]:
    """``row_starts`` of arrays sorted by baseline, the loop run only where it must.

    A step between baselines wider than the tolerance of the page's largest size always
    starts a row, and resets the loop; between two such steps, glyphs on one baseline
    are one row (each is within rounding of their mean). So the loop runs only on the
    stretches with baselines apart by less, such as a row's digits set a hair lower."""
    n = len(baseline)
    if n < 2:
        return [0] * n
    # (rounding of the mean of n equal baselines: far below this slack)
    slack = 1e-9 * (float(np.abs(baseline).max()) + 1.0)
    if not BASELINE_TOLERANCE_EM * float(size.min()) > slack:  # (also not for NaN)
        return row_starts(baseline.tolist(), size.tolist())
    step = baseline[1:] - baseline[:-1]
    wide = step > BASELINE_TOLERANCE_EM * float(size.max()) + slack
    cuts = [0, *(np.flatnonzero(wide) + 1).tolist(), n]
    uneven = np.flatnonzero((step != 0.0) & ~wide)
    if not uneven.size:
        return cuts[:-1]
    # the stretches with a step inside, each read by the loop from where it starts
    loose = set(np.searchsorted(cuts, uneven + 1, "right").tolist())
    starts: list[int] = []
    for k, (a, b) in enumerate(itertools.pairwise(cuts), 1):
        if k in loose:
            starts.extend(a + s for s in row_starts(baseline[a:b].tolist(), size[a:b].tolist()))
        else:
            starts.append(a)
    return starts


def _settle_stacks_in(
    cols: GlyphColumns, perm: Any, row: Any, bounds: Any, twice: Any, width: Any,
) -> None:
    """In place on ``perm`` (page order of glyph indices): ``settle_stacks`` in each row
    where two neighbours it looks at have centres as close as it asks and stream places
    that it would swap them for; elsewhere it would leave the row as it is."""
    n = len(perm)
    if n < 4:
        return
    twice, width, order = twice[perm], width[perm], cols.order[perm]
    limit = STACK_CENTRE_RATIO * np.minimum(width[:-1], width[1:])
    half = (twice[:-1] - twice[1:]) / 2
    # the pairs (a, b) with centres that close, few on a page; of those, the ones it looks
    # at (neither the first nor the last glyph of a row in them) whose stream places and
    # their neighbours', in the order b, a, run one way
    at = np.flatnonzero((-limit < half) & (half < limit))
    if not at.size:  # (no pair that close: most pages of some producers)
        return
    r = row[at]
    position = at - bounds[r]
    at = at[(r == row[at + 1]) & (position >= 1) & (position + 1 <= bounds[r + 1] - bounds[r] - 2)]
    if not at.size:
        return
    seq = (order[np.maximum(at - 1, 0)], order[at + 1], order[at], order[np.minimum(at + 2, n - 1)])
    one_way = (
        (seq[0] < seq[1]) & (seq[1] < seq[2]) & (seq[2] < seq[3])
        | (seq[0] > seq[1]) & (seq[1] > seq[2]) & (seq[2] > seq[3])
    )
    close = at[one_way].tolist()
    swapped = {int(row[j]) for j in close if _both_letters(cols.text, perm, j)}
    for r in sorted(swapped):
        lo, hi = bounds[r], bounds[r + 1]
        at = perm[lo:hi].tolist()
        settled = settle_stacks(
            list(map(cols.text.__getitem__, at)), twice[lo:hi].tolist(), width[lo:hi].tolist(),
            order[lo:hi].tolist(),
        )
        perm[lo:hi] = list(map(at.__getitem__, settled))


def _both_letters(texts: list[str], perm: Any, j: int) -> bool:
    """Whether the glyphs at ``j`` and ``j + 1`` of the page order start with an Arabic
    letter, as ``settle_stacks`` asks of a pair it swaps."""
    return is_arabic_letter(texts[perm[j]][0]) and is_arabic_letter(texts[perm[j + 1]][0])


def settle_stacks(
    texts: list[str], twice: list[float], width: list[float], order: list[int],
) -> list[int]:
    """The places of a row's glyphs, sorted by centre (``texts``, twice their centres,
    widths and stream places), in the row's settled order: two neighbours whose centres
    nearly coincide (letters stacked in a ligature: Amiri draws the MEEM of ``المحترفين``
    over the HAH, a hair to its left) are put in the order the content stream gives them,
    when that makes the stream order run one way through the pair and its neighbours.
    Only letters: a glyph without text (U+FFFD, a lost LAM-ALEF) may come in the stream
    out of its logical place.

    >>> settle_stacks(["\u0627", "\u062d", "\u0645", "\u062a"], [10.0, 20.0, 19.0, 30.0],
    ...               [4.0, 4.0, 4.0, 4.0], [3, 1, 2, 0])
    [0, 2, 1, 3]
    """
    row = list(range(len(texts)))
    if len(row) < 4:
        return row
    a = row[1]  # the left glyph of the pair looked at, its centre (twice) and width
    a_twice, a_width = twice[a], width[a]
    for i in range(1, len(row) - 2):
        b = row[i + 1]
        b_twice, b_width = twice[b], width[b]
        limit = STACK_CENTRE_RATIO * (a_width if a_width < b_width else b_width)
        if -limit < (a_twice - b_twice) / 2 < limit \
                and is_arabic_letter(texts[a][0]) and is_arabic_letter(texts[b][0]):
            seq = (order[row[i - 1]], order[b], order[a], order[row[i + 2]])
            if seq[0] < seq[1] < seq[2] < seq[3] or seq[0] > seq[1] > seq[2] > seq[3]:
                row[i], row[i + 1] = b, a
                continue  # ``a`` moved right: the next pair is ``a`` and its new neighbour
        a, a_twice, a_width = b, b_twice, b_width
    return row


def _leaders_in(
    cols: GlyphColumns, perm: Any, row: Any, bounds: Any, x0: Any, x1: Any, space: Any,
    wide: Any,
) -> Any:
    """Which glyphs of the page order are kashida leaders: space glyphs drawn over a joint,
    not white between words (``ي ح`` read from ``يـحـ``), found for the whole page at once.

    A real word space draws nothing and sits between the letters; only a wide overhang
    (Amiri's KAF after a space) covers part of it, now and then. A kashida leader is
    covered for the most part by the letters on either side, and either draws ink
    (LibreOffice maps KacstBook's kashida to a space), is a NO-BREAK SPACE, or is one
    of many such in the row (XeLaTeX's kashida justification fills every joint of a
    line with leader glyphs mapped to spaces, and draws its word spaces as glue)."""
    n = len(perm)
    leader = np.zeros(n, bool)
    at = np.flatnonzero(wide)
    if not at.size:
        return leader
    index = np.arange(n)
    # the nearest glyph that is no space on the left and on the right, in its row
    left = np.maximum.accumulate(np.where(space, -1, index))[at]
    right = np.minimum.accumulate(np.where(space, n, index)[::-1])[::-1][at]
    at_row = row[at]
    lo, hi = bounds[at_row], bounds[at_row + 1]
    has_left, has_right = left >= lo, right < hi
    left, right = np.where(has_left, left, 0), np.where(has_right, right, 0)
    s0, s1 = x0[at], x1[at]
    overlap = (
        np.where(has_left, _overlaps(s0, s1, x0[left], x1[left]), 0.0)
        + np.where(has_right, _overlaps(s0, s1, x0[right], x1[right]), 0.0)
    )
    covered = overlap > LEADER_COVER * (s1 - s0)
    size = cols.size[perm[at]]
    drawn = cols.ink[perm[at]] > LEADER_INK_EM * size
    # a space glyph that draws a stroke and touches the glyphs on both sides is the
    # kashida between them, whatever covers it (LibreOffice draws KacstBook's kashida
    # so, between the letters rather than under them: ``بحـدوث`` read as ``بح دوث``)
    tol = LEADER_CONTACT_EM * size
    stroke = (
        has_left & has_right & drawn
        & (s0 - x1[left] <= tol) & (x0[right] - s1 <= tol)
    )
    if covered.any():
        # in a row where at least half the wide spaces are covered, every covered one is a
        # leader; elsewhere only a covered NO-BREAK SPACE or one that draws ink
        rows = int(at_row.max()) + 1
        many = 2 * np.bincount(at_row[covered], minlength=rows) >= np.bincount(at_row, minlength=rows)
        nbsp = np.fromiter(
            (cols.text[k] == "\u00a0" for k in perm[at].tolist()), bool, at.size,
        )
        stroke |= covered & (many[at_row] | drawn | nbsp)
    leader[at[stroke]] = True
    return leader


def _overlaps(x0: Any, x1: Any, o0: Any, o1: Any) -> Any:
    """How far the spans ``x0``-``x1`` and ``o0``-``o1`` overlap, 0 where apart."""
    width = np.minimum(x1, o1) - np.maximum(x0, o0)
    return np.where(width > 0.0, width, 0.0)


def _word_starts(x0: Any, x1: Any, size: Any, run: Any, forced: Any, row: Any) -> Any:
    """Which glyphs (left to right in their rows) start a word: the ``forced`` ones,
    and those after a gap from the word's right edge wider than ``WORD_GAP_EM``, or
    wider than ``NARROW_SPACE_GAP_EM`` where the stream ``run`` changes.

    The word's right edge is taken as the row's so far (one running maximum a row);
    the two differ only where a glyph of an earlier word reaches past a word's first
    glyph, and in a row where one does the glyphs are walked one by one."""
    n = len(x0)
    first = np.flatnonzero(np.concatenate(((True,), row[1:] != row[:-1])))
    right = np.empty(n)
    for a, b in zip(first.tolist(), [*first[1:].tolist(), n], strict=True):
        np.maximum.accumulate(x1[a:b], out=right[a:b])
    gap = np.empty(n)
    gap[0] = 0.0
    gap[1:] = x0[1:] - right[:-1]
    new_run = np.zeros(n, bool)
    new_run[1:] = run[1:] != run[:-1]
    starts = forced | (gap > WORD_GAP_EM * size) | (new_run & (gap > NARROW_SPACE_GAP_EM * size))
    inner = np.flatnonzero(starts[1:] & (row[1:] == row[:-1])) + 1
    for r in sorted(set(row[inner[x1[inner] < right[inner - 1]]].tolist())):  # (see _leaders_in)
        a = int(np.searchsorted(row, r, "left"))
        b = int(np.searchsorted(row, r, "right"))
        starts[a:b] = _walked_starts(
            x0[a:b].tolist(), x1[a:b].tolist(), size[a:b].tolist(), run[a:b].tolist(),
            forced[a:b].tolist(),
        )
    return np.flatnonzero(starts)


def _walked_starts(
    x0: list[float], x1: list[float], size: list[float], run: list[int], forced: list[bool],
) -> list[bool]:
    """``_word_starts`` for one row, glyph by glyph, with each word's own right edge."""
    out: list[bool] = []
    right = 0.0
    for k, g_size in enumerate(size):
        gap = x0[k] - right
        if forced[k] or gap > WORD_GAP_EM * g_size or (
            run[k] != run[k - 1] and gap > NARROW_SPACE_GAP_EM * g_size
        ):
            out.append(True)
            right = x1[k]
        else:
            out.append(False)
            if x1[k] > right:
                right = x1[k]
    return out


def _make_words(
    cols: GlyphColumns, at: Any, leader: Any, starts: Any, x0: Any, x1: Any,
    baseline: Any, size: Any,
) -> list[Word]:
    """Words of the glyphs ``at`` (numbers in ``cols``, page order; a ``leader``
    becomes a kashida) cut before ``starts``: each spans its glyphs' boxes, and its
    baseline and size are the medians of its glyphs' (the first's where all agree)."""
    at_list = at.tolist()
    texts = list(map(cols.text.__getitem__, at_list))
    for k in np.flatnonzero(leader).tolist():
        texts[k] = TATWEEL
    n = len(texts)
    edges = [*starts.tolist(), n]
    cuts = list(map(slice, edges[:-1], edges[1:]))
    # the words whose glyphs' baselines or sizes are not all one: those with two
    # neighbours that differ (a NaN differs from all, itself too)
    inner = np.empty(n, bool)
    inner[0] = False
    inner[1:] = (baseline[1:] != baseline[:-1]) | (size[1:] != size[:-1])
    inner[starts] = False
    mixed = np.logical_or.reduceat(inner, starts)
    baselines, sizes = baseline[starts].tolist(), size[starts].tolist()
    for k in np.flatnonzero(mixed).tolist():
        baselines[k] = median(baseline[cuts[k]].tolist())
        sizes[k] = median(size[cuts[k]].tolist())
    parts = list(map(texts.__getitem__, cuts))
    words = list(map("".join, parts))
    if len("".join(words)) == n:  # a character a glyph throughout the page
        simple: Any = itertools.repeat(True)
    else:
        simple = (np.fromiter(map(len, words), np.intp, len(words)) == np.diff(edges)).tolist()
    left, right = np.minimum.reduceat(x0, starts), np.maximum.reduceat(x1, starts)
    source = WordGlyphs(cols, at_list, texts)
    return list(map(tuple.__new__, itertools.repeat(Word), zip(
        parts, left.tolist(), right.tolist(), baselines, sizes, words,
        ((left + right) / 2).tolist(), simple, itertools.repeat(source), edges[:-1],
    )))
