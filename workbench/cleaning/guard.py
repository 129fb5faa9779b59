"""Do no harm: a stage's change to a line is kept only where the language models read it better.

The stages that reorder, join, split or move text decide by their own evidence (a word
list, runs weighed over a whole text, signs in the lines); each can be wrong on a text
unlike the ones it was set on. Both models of the cleaning read every change once more:
the character model (``model.py``) over its letters and the word bigram model
(``bigrams.py``) over its words, each line read with the last word of the line before it
and the first word of the line after. A change that does not score at least the stage's
margin above the line as it came in is undone, whatever extractor wrote the line.

Stages that change what the models cannot see (presentation forms to letters, tatweel,
markers of lost digits, spaces beside punctuation) are not guarded: the models would
read them as no change at all.

>>> reading_gain("ابن ة", "ابنة") > 0
True
"""

from __future__ import annotations

from .bigrams import chain_logp, words_of
from .lines import Line
from .model import text_logp

# Least gain (log10, both models) a guarded stage's change to a line must bring, by stage:
# the stages that move words, join or split them, within a line or across lines. Not
# guarded: ``reversed_lines``, ``box_runs``, ``fallback_runs``, ``resegment`` and
# ``resegmented_runs``, whose changes are decided over a whole text or a whole line's
# letters, where a line's own letters and words read the turn no better than before (on the
# dev documents of benchmarks/pdf_damage.py, guarding them undid runs turned right: CER
# pypdf 6.83 → 8.22, pdfminer 3.76 → 3.97); the stages after ``resegmented_runs`` change
# letters and signs the models do not read.
MARGINS: dict[str, float] = {
    "cut_lines": 0.0,
    "kashida_pivots": 0.0,
    "orphan_marks": 0.0,
    "runs": 0.0,
    "split_words": 0.0,
    "split_pieces": 0.0,
}
# Stages whose changes reach across lines: adjacent changed lines weighed together.
ACROSS = frozenset({"cut_lines", "orphan_marks"})
# Most unchanged lines between two changed lines of one span of such a stage.
ACROSS_GAP = 2


def reading_gain(old: str, new: str, *, before: str = "", after: str = "") -> float:
    """How much likelier (log10) ``new`` reads than ``old`` between the words ``before``
    and ``after``: the character model over the letters and spaces of both; where the two
    hold the same words in another order, the word bigram model over their pairs as well
    (it sums a term a word, so it weighs orders of the same words, not cuts into words).

    >>> reading_gain("الامن مجلس الدولي", "مجلس الامن الدولي") > 0
    True
    """
    a, b = f"{before} {old} {after}", f"{before} {new} {after}"
    gain = text_logp(b) - text_logp(a)
    wa, wb = words_of(a), words_of(b)
    if wa != wb and sorted(wa) == sorted(wb):
        gain += chain_logp(wb) - chain_logp(wa)
    return gain


def _edge_word(lines: list[Line], k: int, step: int) -> str:
    """The word next to line ``k``: the last of the nearest non-blank line before it
    (``step`` -1) or the first of the nearest after it (``step`` 1)."""
    k += step
    while 0 <= k < len(lines):
        words = lines[k].text.split()
        if words:
            return words[-1] if step < 0 else words[0]
        k += step
    return ""


def _spans(changed: list[int], across: bool) -> list[tuple[int, int]]:
    """The changed lines, one span each, or runs of nearby ones (``ACROSS_GAP``) made one
    span, the lines between them too, where the stage works across lines (a word made
    whole from the end of one line and the start of the next is weighed on the two
    together; a box moved into a line from a line or two below it, on all of them)."""
    spans: list[tuple[int, int]] = []
    for k in changed:
        if across and spans and k - spans[-1][1] <= ACROSS_GAP:
            spans[-1] = (spans[-1][0], k + 1)
        else:
            spans.append((k, k + 1))
    return spans


def guarded(
    old: list[Line], new: list[Line], margin: float, *, across: bool = False
) -> tuple[list[Line], int]:
    """``new`` (a stage's output for the lines ``old``) with every changed line (or span of
    adjacent changed lines, ``across``) that the models do not read ``margin`` better
    (log10) than before put back as it was; and how many lines were put back.

    >>> import numpy as np
    >>> old = [Line("مجلس الامن الدولي", np.arange(17))]
    >>> new = [Line("الدولي مجلس الامن", np.arange(17))]
    >>> guarded(old, new, 0.0)[1]
    1
    """
    if len(old) != len(new):  # a stage that changes the lines themselves is not weighed here
        return new, 0
    changed = [k for k, (a, b) in enumerate(zip(old, new, strict=True)) if a.text != b.text]
    if not changed:
        return new, 0
    out = list(new)
    undone = 0
    for a, b in _spans(changed, across):
        before, after = _edge_word(new, a, -1), _edge_word(new, b - 1, 1)
        was = " ".join(line.text for line in old[a:b])
        now = " ".join(line.text for line in new[a:b])
        if reading_gain(was, now, before=before, after=after) < margin:
            out[a:b] = old[a:b]
            undone += b - a
    return out, undone
