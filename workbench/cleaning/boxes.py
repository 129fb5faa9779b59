"""Lines a page cut into boxes at the glyphs of another font, the boxes written left to right.

Where the font of an Arabic line lacks digits, quotes or dashes, the producer draws them
from another font (LibreOffice does), and pdfminer lays each run of one font out as a
text box of its own: the boxes of one visual line come out one after another, blank
lines between, in the order they stand on the page, left to right:

    source:    مجموعته الاولي اثر فوزه علي الشمال 4 - صفر وتعادله
    extracted: - صفر وتعادله⏎⏎4⏎⏎مجموعته الاولي اثر فوزه علي الشمال

A box without an Arabic letter (a number, a quote, a dash) is such a run, and links the
boxes either side of it into one visual line (``box_groups``); an Arabic box written
without the space pdfminer keeps at the start of a box inside a line opens a new one.
A line written before the boxes of the next, whose first box carries no letter (a stop
at its left edge), is linked to them: a chain too long for one line is cut into the
visual lines it stands in, where the model reads it so (``visual_lines``). An Arabic box
written without the opening space next to a chain (a bracket glued to a Latin name,
``(AlMoe)``, has no space to keep) joins it where the model reads the line likelier so,
and it fits in one line (``JOIN_GAIN``).
Like the runs of ``fallback.py`` it is the text's decision: only a text with
``MIN_GROUPS`` such lines or more (one, where its letters were written left to right
too), their boxes paragraphs of their own (``BOXED_LINKS``),
that the word bigram model (``bigrams.py``) reads likelier with each line's boxes turned
round, by ``TEXT_GAIN`` a line on average (the words meeting at box edges, and at the
line's ends against the lines before and after it, scored), is read so, and then every
such line is turned. On the dev documents of ``benchmarks/pdf_damage.py`` only
pdfminer's reading of LibreOffice PDFs is; every other extractor's chains (page numbers,
a number wrapped onto a line of its own) read worse turned, or stand in one paragraph.

A line can be cut inside a word too, its left-hand piece written first (``cut_lines``:
``pdftotext -raw`` cuts Amiri's lines at a kaf, ``كة قوية⏎… مشار``): the two are made one
where the word bigram model reads them so, the word whole.

>>> from workbench.cleaning.lines import synthetic
>>> lines = [synthetic(t, 0) for t in ["- صفر قبل ان", "", "21", "", "ثم فوزه ايضا علي معيذر"]]
>>> [b.text for b in turned_group(lines, [0, 2, 4])]
['ثم فوزه ايضا علي معيذر 21 - صفر قبل ان', '', '']
"""

from __future__ import annotations

import bisect
import itertools

import numpy as np

from ..text.clitics import PROCLITICS
from .bigrams import chain_logp, pair_logp, words_of
from .lexicon import is_fragment, is_known
from .lines import Line, concat, empty_line, strip_line, synthetic
from .model import text_logp
from .pieces import weak_piece
from .reorder import reverse_visual
from .stages import ARABIC_RE, DIGIT_RE, reverse_line

# Fewest groups a text must have for the model to be asked: one or two numbers on lines
# of their own (a page number, a score) tell nothing of how the text was laid out,
# unless the text's lines were written in visual order (more than ``READ_BACK_SHARE`` of
# them read back letter by letter), as pdfminer writes a LibreOffice PDF: one group is
# then asked too.
MIN_GROUPS = 3
READ_BACK_SHARE = 0.5
# Least mean gain (log10, word bigram model) of the turned groups: the text's decision
# that its boxes came left to right. Set on the dev documents of benchmarks/pdf_damage.py.
TEXT_GAIN = 0.5
# Most blank lines between two boxes of one visual line (pdfminer writes one).
MAX_BLANKS = 1
# Least share of the chains' links that cross a blank line: pdfminer writes every box a
# paragraph of its own; a text whose chains are lines of one paragraph (a number wrapped
# onto a line of its own) was not laid out in boxes. On the dev documents of
# benchmarks/pdf_damage.py pdfminer's chains cross a blank line at 56 % of their links
# or more, every other extractor's at 7 % or less.
BOXED_LINKS = 0.3
# A chain of more than one visual line (``visual_lines``): the boxes are this many full
# lines long in all or more, each line they are cut into at most this many. On the dev
# documents of benchmarks/pdf_damage.py a chain of two lines is 1.31 lines long or more,
# its lines 1.04 at most; a chain of one line is 1.06 at most.
LONG_CHAIN = 1.25
ONE_LINE = 1.1
# Most places a chain is cut at (the cuts are searched exhaustively, fewest first).
MAX_CUTS = 8
# Most boxes in one visual line: a longer chain is a table or a list, not a line.
MAX_BOXES = 12
# Least gain (log10, word bigram model, at the junctions the two readings differ in) for
# an Arabic box written without the opening space to be read as the same visual line as
# the chain before it: the space is missing where the source has none (``(AlMoe)``, a
# bracket glued to a Latin name). Set on the dev documents of benchmarks/pdf_damage.py.
JOIN_GAIN = 2.0
# Most such doubtful links weighed in one chain (every way of taking them is scored).
MAX_DOUBTFUL = 4
# The box written first of a visual line (its left end), if Arabic and at most
# ``EDGE_BOX`` characters long, is read at the line's end as written or read back letter
# by letter, whichever the models (word bigram and character n-grams) read likelier, and
# is left out of the line where they read it where it was written likelier by more than
# ``-EDGE_GAIN`` (log10): pdfminer writes a short run it did not read back as a box of
# its own. Set on the dev documents of benchmarks/pdf_damage.py: at 0, boxes that do
# belong to their line were left out (pdfminer's dev CER rose).
EDGE_BOX = 12
EDGE_GAIN = -2.0


def box_groups(texts: list[str], spaced: list[bool] | None = None) -> list[list[int]]:
    """Indices of the lines that are boxes of one visual line: chains of non-blank lines
    (``MAX_BLANKS`` blank lines between at most) linked by a line without an Arabic
    letter, holding two boxes with Arabic letters or more (where a number is the only
    thing to move, the word bigram model, which knows numbers as one word, cannot tell
    which words it stands between).

    ``spaced`` (None: every line) says which lines were written opening with a space
    (their first character as the extractor wrote them, before any line was read back):
    pdfminer keeps the space between two runs of a visual line at the start of the box
    on the right, so an Arabic box written without it opens a visual line of its own
    (``نيويورك   الخرطوم   وكالات`` with its three dashes written after it as boxes:
    the line after the dashes is the next visual line), unless it ends in a proclitic
    written onto the number on its left (``بين 2003 و`` before ``2005``).

    >>> box_groups(["نص اول", "", "21", "", "نص ثان", "", "نص ثالث"])
    [[0, 2, 4]]
    >>> box_groups(["نص اول", "", "21", "", "نص ثان", "", "نص ثالث"], [False] * 7)
    []
    """
    groups = _chains(texts, spaced)
    return [g for g in groups if len(g) <= MAX_BOXES and sum(bool(ARABIC_RE.search(texts[i])) for i in g) > 1]


def _chains(texts: list[str], spaced: list[bool] | None) -> list[list[int]]:
    """Every chain of ``box_groups``, however long and however few its Arabic boxes."""
    full = [i for i, t in enumerate(texts) if t.strip()]
    groups: list[list[int]] = []
    current: list[int] = []
    for a, b in itertools.pairwise(full):
        arabic_b = ARABIC_RE.search(texts[b])
        linked = (
            b - a - 1 <= MAX_BLANKS
            and not (ARABIC_RE.search(texts[a]) and arabic_b)
            and not (arabic_b and spaced is not None and not spaced[b]
                     and not _glued_to_number(texts[a], texts[b]))
        )
        if linked:
            current = current or [a]
            current.append(b)
            continue
        if current:
            groups.append(current)
        current = []
    if current:
        groups.append(current)
    return groups


def _glued_to_number(left: str, box: str) -> bool:
    """True if ``box`` ends in a lone proclitic written onto the number of the box on its
    left (``و`` of ``و2005``): no space between the two boxes, yet one visual line.

    >>> _glued_to_number("2005", "ما بين 2003 و")
    True
    """
    words = box.split()
    return bool(words) and words[-1] in PROCLITICS and bool(DIGIT_RE.search(left))


def _chain(boxes: list[list[str]], before: str, after: str) -> float:
    """``log10 P`` of the words meeting where the boxes (their words, in this order) and
    the edge words ``before`` and ``after`` (empty: none) meet."""
    score = 0.0
    last = before
    for words in (w for w in [*boxes, [after]] if w and w[0]):
        if last:
            score += pair_logp(last, words[0])
        last = words[-1]
    return score


def chain_gain(boxes: list[list[str]], before: str, after: str) -> float:
    """How much likelier (log10) a chain of boxes (their words, in the order written)
    reads turned round whole than as it stands, between the last word ``before`` and the
    first word ``after`` it: the text's evidence that its boxes came left to right.

    >>> chain_gain([["صفر", "قبل", "ان"], ["0"], ["ثم", "فوزه", "معيذر"]], "", "") > 0
    True
    """
    return _chain(boxes[::-1], before, after) - _chain(boxes, before, after)


def line_width(texts: list[str], groups: list[list[int]]) -> float:
    """The width of a full visual line, in characters: the upper quartile of the lengths
    of the lines with Arabic letters that are no box of a chain (most lines of a
    justified column run its full width; a paragraph's last line is shorter)."""
    boxed = {i for group in groups for i in group}
    lengths = sorted(len(t.strip()) for i, t in enumerate(texts) if i not in boxed and ARABIC_RE.search(t))
    return float(lengths[round(0.75 * (len(lengths) - 1))]) if lengths else 0.0


def visual_lines(texts: list[str], before: str, after: str, width: float) -> list[list[int]]:
    """A chain's boxes (``texts``, as written) cut into the visual lines they stand in
    (indices into ``texts``, in the order written): a line written after an Arabic box
    opens with a box without letters (a stop or a quote at its left edge), so pdfminer
    links it to the line above (``استجوبت نشطاء …⏎⏎.⏎⏎2003``). A chain too long for one
    line of ``width`` (``LONG_CHAIN``) is cut at the fewest such places that leave every
    line short enough (``ONE_LINE``), the cut the word bigram model reads likeliest (no
    chain that long is one line: on the dev documents of benchmarks/pdf_damage.py a title
    written before the stop and number boxes of the paragraph's first line is one).

    >>> visual_lines(["ثم فوزه علي", "21", "قال انه"], "", "", 40.0)
    [[0, 1, 2]]
    """
    whole = [list(range(len(texts)))]
    lengths = [len(t.strip()) for t in texts]
    if not width or sum(lengths) < LONG_CHAIN * width:
        return whole
    arabic = [bool(ARABIC_RE.search(t)) for t in texts]
    cuts = [k for k in range(1, len(texts)) if arabic[k - 1] and not arabic[k]]
    words = [words_of(t) for t in texts]

    def read(lines: list[list[int]]) -> float:  # each line's boxes turned, the lines in order
        return _chain([words[i] for line in lines for i in reversed(line)], before, after)

    for n in range(1, min(len(cuts), MAX_CUTS) + 1):
        readings = []
        for chosen in itertools.combinations(cuts, n):
            edges = [0, *chosen, len(texts)]
            lines = [list(range(a, b)) for a, b in itertools.pairwise(edges)]
            if all(sum(lengths[a:b]) <= ONE_LINE * width for a, b in itertools.pairwise(edges)):
                readings.append((read(lines), lines))
        if readings:
            _, lines = max(readings, key=lambda r: r[0])
            return lines
    return whole


def _edges(texts: list[str], full: list[int], chain: list[int]) -> tuple[str, str]:
    """The last word of the nearest line with words before a chain, the first after it."""
    k = bisect.bisect_left(full, chain[0])
    m = bisect.bisect_right(full, chain[-1])
    before = words_of(texts[full[k - 1]])[-1] if k else ""
    after = words_of(texts[full[m]])[0] if m < len(full) else ""
    return before, after


def _weighed_chains(texts: list[str], spaced: list[bool], full: list[int], width: float) -> list[list[int]]:
    """The chains of ``_chains``, where a link the opening-space rule alone cuts is weighed
    by the word bigram model: the runs either side are one chain where the text reads
    likelier so, each visual line's boxes turned, by ``JOIN_GAIN`` (``(AlMoe)``: no space
    on either side of the Latin box, yet one line)."""
    strict = _chains(texts, spaced)
    chain_of = {i: n for n, chain in enumerate(strict) for i in chain}
    out: list[list[int]] = []
    for loose in _chains(texts, None):
        runs: list[list[int]] = [[loose[0]]]
        for a, b in itertools.pairwise(loose):
            if a in chain_of and chain_of.get(b) == chain_of[a]:
                runs[-1].append(b)
            else:
                runs.append([b])
        if len(runs) == 1 or len(runs) - 1 > MAX_DOUBTFUL:
            out.extend(r for r in runs if len(r) > 1)
            continue
        before, after = _edges(texts, full, loose)

        def read(chains: list[list[int]], before: str = before, after: str = after) -> float:
            boxes: list[list[str]] = []
            for chain in chains:
                rows = visual_lines([texts[i] for i in chain], "", "", width)
                boxes.extend(words_of(texts[chain[i]]) for row in rows for i in reversed(row))
            return _chain(boxes, before, after)

        lengths = {i: len(texts[i].strip()) for i in loose}
        readings = []
        for joins in itertools.product([False, True], repeat=len(runs) - 1):
            chains = [list(runs[0])]
            for run, join in zip(runs[1:], joins, strict=True):
                if join:
                    chains[-1].extend(run)
                else:
                    chains.append(list(run))
            # runs joined are one visual line: together they must fit in one
            if all(sum(lengths[i] for i in c) <= ONE_LINE * width for c in chains if c not in runs):
                readings.append((read(chains), chains))
        base, chosen = readings[0]
        score, best = max(readings, key=lambda r: r[0])
        if score - base > JOIN_GAIN:
            chosen = best
        out.extend(c for c in chosen if len(c) > 1)
    return out


def turned_group(lines: list[Line], group: list[int]) -> list[Line]:
    """The boxes at ``group`` in reading order, written as one line in the group's first
    place; its other lines left empty (the lines of the text keep their places)."""
    parts: list[Line] = []
    for i in reversed(group):
        box = strip_line(lines[i])
        if parts:
            parts.append(synthetic(" ", int(box.src[0])))
        parts.append(box)
    return [concat(parts)] + [empty_line() for _ in group[1:]]


def _opens_with_space(line: Line) -> bool:
    """True if the line's first character as the extractor wrote it is a space."""
    return bool(len(line.src)) and line.text[int(np.argmin(line.src))] == " "


def _boxed(groups: list[list[int]]) -> bool:
    """True if the chains' boxes stand as paragraphs of their own (``BOXED_LINKS``)."""
    links = [(a, b) for group in groups for a, b in itertools.pairwise(group)]
    return sum(b - a > 1 for a, b in links) >= BOXED_LINKS * len(links)


def _read_back(lines: list[Line]) -> bool:
    """True if most lines with Arabic letters were written in visual order and read back
    letter by letter (their raw offsets run backwards): an extractor that walks each
    line's letters left to right walks its boxes so too."""
    arabic = [line for line in lines if len(line.src) > 1 and ARABIC_RE.search(line.text)]
    return sum(int(line.src[0]) > int(line.src[-1]) for line in arabic) > READ_BACK_SHARE * len(arabic)


def reading_logp(words: list[str]) -> float:
    """``log10 P`` of words read in this order, the word bigram and character models summed.

    >>> reading_logp(["ان", "لا"]) > reading_logp(["ال", "نا"])
    True
    """
    return chain_logp(words) + text_logp(" ".join(words))


def edge_box(texts: list[str], group: list[int], before: str, after: str) -> tuple[list[int], str | None]:
    """``group`` (indices, in the order written) and how its first box is read: a lone
    short Arabic box there is read at the line's end as written or read back letter by
    letter, whichever the models read likelier (the text returned), unless they read it
    where it was written likelier by more than ``-EDGE_GAIN``: it is then left out (None).
    pdfminer writes a short run it did not read back as a box of its own (``و .م .ق`` for
    ``ق. م. و``): its shape alone is no evidence that it belongs to the line, nor of how
    it reads.

    >>> edge_box(["ال نا", "12", "قال الوزير"], [0, 1, 2], "", "")
    ([0, 1, 2], 'ان لا')
    """
    first = texts[group[0]]
    if len(group) < 3 or not ARABIC_RE.search(first) or len(first.strip()) > EDGE_BOX:
        return group, first
    rest = [w for i in reversed(group[1:]) for w in words_of(texts[i])]
    edges = ([before] if before else [], [after] if after else [])
    apart = reading_logp([*edges[0], *words_of(first), *rest, *edges[1]])
    readings = (first, reverse_visual(first.strip()))
    joined = {t: reading_logp([*edges[0], *rest, *words_of(t), *edges[1]]) for t in readings}
    best = max(joined, key=joined.__getitem__)
    if joined[best] - apart > EDGE_GAIN:
        return group, best
    return group[1:], None


def box_runs(lines: list[Line]) -> tuple[list[Line], int]:
    """Visual lines a page cut into boxes written left to right put in reading order, in a
    text whose groups of boxes read that much better turned (see the module docstring)."""
    texts = [line.text for line in lines]
    spaced = [_opens_with_space(line) for line in lines]
    groups = box_groups(texts, spaced)
    if not groups or not _boxed(groups) or (len(groups) < MIN_GROUPS and not _read_back(lines)):
        return list(lines), 0
    full = [i for i, t in enumerate(texts) if words_of(t)]
    width = line_width(texts, groups)
    evidence = 0.0
    turned: list[list[int]] = []
    read_back: set[int] = set()  # lone boxes read back letter by letter (``edge_box``)
    for chain in _weighed_chains(texts, spaced, full, width):
        if sum(bool(ARABIC_RE.search(texts[i])) for i in chain) < 2:
            continue
        before, after = _edges(texts, full, chain)
        rows = visual_lines([texts[i] for i in chain], before, after, width)
        groups_read = [[chain[i] for i in row] for row in rows]
        for n, group in enumerate(groups_read):
            # a line turned reads from the box written last to the one written first
            nxt = words_of(texts[groups_read[n + 1][-1]])[:1] if n + 1 < len(groups_read) else [after]
            group, edge = edge_box(texts, group, before, nxt[0] if nxt else "")
            if edge is not None and edge != texts[group[0]]:
                read_back.add(group[0])
                texts[group[0]] = edge
            if 1 < len(group) <= MAX_BOXES:
                turned.append(group)
                evidence += chain_gain([words_of(texts[i]) for i in group], before, nxt[0] if nxt else "")
            before = (words_of(texts[group[0]]) or [before])[-1]
    if evidence < TEXT_GAIN * len(turned):
        return list(lines), 0
    # the extractor wrote every line so: each chain is turned, whatever the model reads
    # of its few junctions alone
    boxes = [reverse_line(strip_line(line)) if i in read_back else line for i, line in enumerate(lines)]
    out = list(lines)
    for group in turned:
        for i, line in zip(group, turned_group(boxes, group), strict=True):
            out[i] = line
    return out, len(turned)


# Least gain (log10, word bigram model, the words from the line before to the line after)
# for two lines to be read as the pieces of one cut inside a word, written second piece
# first. Set on the dev documents of benchmarks/pdf_damage.py.
CUT_GAIN = 3.0
# Words either side of the cut that must be no pieces themselves.
CUT_CONTEXT = 2


def _cut_gain(prev: str, first: list[str], second: list[str], nxt: str) -> float:
    """How much likelier (log10) the words of two lines read as ``second`` then ``first``
    with the word at their meeting whole, than as written (``prev`` and ``nxt``: the
    words either side, empty for none)."""
    edges = ([prev] if prev else [], [nxt] if nxt else [])
    as_written = [*edges[0], *first, *second, *edges[1]]
    turned = [*edges[0], *second[:-1], second[-1] + first[0], *first[1:], *edges[1]]
    return chain_logp(turned) - chain_logp(as_written)


def _cut_shaped(texts: list[str], width: float) -> bool:
    """True if two lines side by side could be the pieces of one cut inside a word, as
    ``cut_lines`` first asks of them: an Arabic letter opens the first and closes the
    second, and together they fit in one line. Most texts have no such pair, and their
    words are then never read (the model and the word list decide only between such lines).

    >>> _cut_shaped(["كة قوية لكل من قطر", "مشار"], 0.0), _cut_shaped(["قال في", "عام 2020"], 0.0)
    (True, False)
    """
    limit = ONE_LINE * width
    ends = [(t[:1], t[-1:], len(t)) for t in map(str.strip, texts)]
    return any(
        ARABIC_RE.match(a0) and ARABIC_RE.match(b1) and (not width or na + nb <= limit)
        for (a0, _, na), (_, b1, nb) in itertools.pairwise(ends)
    )


def cut_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """Two lines that are one visual line cut inside a word, written the left-hand piece
    first (pdftotext ``-raw`` on a LibreOffice PDF cuts ``شركة`` at its kaf:
    ``كة " المو " (⏎متميزة … من شر``), put in reading order as one line, the word whole:
    where together they fit in one line, the joined word is a word and a piece is none,
    and the word bigram model reads the text likelier so by ``CUT_GAIN``.

    >>> from workbench.cleaning.lines import synthetic
    >>> texts = ["وشهدت دورة العام الحالي من معرض الخليج للتعليم والتدريب", "كة قوية لكل من قطر", "مشار"]
    >>> out, n = cut_lines([synthetic(t, 0) for t in texts])
    >>> out[2].text, n
    ('مشاركة قوية لكل من قطر', 1)
    """
    texts = [line.text for line in lines]
    width = line_width(texts, [])
    if not _cut_shaped(texts, width):
        return list(lines), 0
    words = [words_of(t) for t in texts]
    full = [i for i, w in enumerate(words) if w]
    out = list(lines)
    n = 0
    prev = ""
    for k, (i, j) in enumerate(itertools.pairwise(full)):
        first, second = words[i], words[j]
        a, b = out[i].text.strip(), texts[j].strip()
        if (
            j == i + 1
            and ARABIC_RE.match(a[:1]) and ARABIC_RE.match(b[-1:])
            and (not width or len(a) + len(b) <= ONE_LINE * width)
            and (weak_piece(first[0]) or weak_piece(second[-1]))
            # a lone letter joins something everywhere
            and min(len(first[0]), len(second[-1])) > 1
            # the words beside the cut are words: a text written in pieces has a piece
            # that joins something everywhere
            and not any(map(is_fragment, [*second[-1 - CUT_CONTEXT : -1], *first[1 : 1 + CUT_CONTEXT]]))
            and is_known(second[-1] + first[0])
            and _cut_gain(prev, first, second, words[full[k + 2]][0] if k + 2 < len(full) else "") > CUT_GAIN
        ):
            # the line made whole takes the second place, where a third piece written
            # after it (a line cut twice) is weighed against it in turn
            out[j] = concat([strip_line(lines[j]), strip_line(out[i])])
            out[i] = empty_line()
            words[j] = [*second[:-1], second[-1] + first[0], *first[1:]]
            n += 1
            continue
        prev = first[-1]
    return out, n
