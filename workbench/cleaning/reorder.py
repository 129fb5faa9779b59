"""Reading order of a damaged line: runs emitted back to front, lines reversed letter by letter.

A PDF extractor that walks a right-to-left line left to right emits its runs in
reverse order, each run's text in reading order. Where a run break fell inside a word
the word comes out in two pieces, one at each end of a run (``الاستخبار`` … ``ية``).
``best_arrangement`` finds the order and the joins that make the likeliest Arabic,
with a cost per run break so that a line that is already right is left alone:

>>> tokens = "ية المساندة لفيلق يا لنقل السلاح الاستخبار كما ينتشرون مع سور".split()
>>> best_arrangement(tokens).text(tokens)
'كما ينتشرون مع سوريا لنقل السلاح الاستخبارية المساندة لفيلق'
>>> best_arrangement("في العراق اليوم".split()).breaks
0
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from ..text.arabic import TATWEEL
from .lexicon import (
    Context,
    core,
    grammar_score,
    has_edge_tatweel,
    is_fragment,
    is_key_prefix,
    is_known,
    is_known_key,
    joinable_left,
    joinable_right,
    tatweel_edges,
    token_logp,
    word_key,
)
from .model import text_logp

# Cost of one run break, in log10 units: a join must make the text this much likelier.
# Calibrated on already-clean text, where no line may change (see tests).
BREAK_COST = 3.0
# Weight of document-context evidence: small, so it only decides between readings the
# word list finds equally likely (where a two-run line starts).
CONTEXT_WEIGHT = 1e-3
# Evidence against a run break inside a pair of brackets, quotes or dashes (log units,
# weighted like the pair evidence): an aside is set as one run.
SPLIT_PAIR_COST = 2.0
# Among readings equally likely by every other measure, breaks nearer the middle of the
# line win: the middle minimises the expected displacement when the evidence is silent.
MIDDLE_WEIGHT = 1e-5
# Longest line (in tokens) treated as one visual line of a PDF.
MAX_LINE_TOKENS = 25

# Least gain (log10) of the character model for a line whose words were put in another
# order: the word list cannot tell orders apart (the same words either way), the letters
# across the new word junctions can. A margin of 2 (a hundred times likelier) keeps the
# reorders a model barely prefers off lines the extractor wrote in order (set on the dev
# documents of benchmarks/pdf_damage.py: five documents gain, one loses a little).
REORDER_CHAR_GAIN = 2.0


@dataclass(frozen=True)
class Arrangement:
    """Tokens of a line in reading order; ``joined[i]``: token ``order[i]`` is glued to the one before."""

    order: tuple[int, ...]
    joined: tuple[bool, ...]
    breaks: int
    score: float

    def text(self, tokens: list[str]) -> str:
        """The arranged line as text (single spaces)."""
        out: list[str] = []
        for i, glue in zip(self.order, self.joined, strict=True):
            if out and not glue:
                out.append(" ")
            out.append(tokens[i])
        return "".join(out)

    @property
    def changed(self) -> bool:
        return self.breaks > 0


# The best candidate of a state in ``best_arrangement``: its total, its place in the order
# candidates are tried (rank, 0 not glued / 1 glued), and the choice (z, glued, next state).
_Best = tuple[float, tuple[int, int], tuple[int, bool, tuple | None] | None]


def identity(n: int) -> Arrangement:
    """The line as it stands."""
    return Arrangement(tuple(range(n)), (False,) * n, 0, 0.0)


def needs_reorder(tokens: list[str]) -> bool:
    """Cheap test for damage evidence: tatweel at a token edge, or a fragment at a line end.

    >>> needs_reorder("في العراق اليوم".split()), needs_reorder("ــوبر فقد".split())
    (False, True)
    """
    if len(tokens) < 2 or len(tokens) > MAX_LINE_TOKENS:
        return False
    if TATWEEL in "".join(tokens) and any(has_edge_tatweel(t) for t in tokens):
        return True
    first, last = tokens[0], tokens[-1]
    if is_fragment(first) or is_fragment(last):
        return True
    # A line whose last and first tokens make a word: the signature of two swapped runs.
    return joinable_left(last) and joinable_right(first) and is_known(last + first)


def best_arrangement(
    tokens: list[str],
    *,
    before: str = "",
    after: str = "",
    context: Context | None = None,
    break_cost: float = BREAK_COST,
) -> Arrangement:
    """The likeliest reading order of ``tokens`` (one visual line, runs reversed).

    Candidates keep every run in order and reverse the sequence of runs; where two
    runs meet, their edge tokens may be joined into one word. Score: the word list's
    log-probability gain of every join, minus ``break_cost`` per run break; among
    equal scores, ``context`` (word pairs of the document) decides where the line
    starts, against the words ``before`` and ``after`` it. A dynamic programme over
    (position, pending last word) evaluates all ``2**(n-1)`` splits in O(n³).
    """
    n = len(tokens)
    if n < 2:
        return identity(n)
    prog = _Programme(tokens, after=after, context=context, break_cost=break_cost)
    base = prog.ctx(before, tokens[0]) + prog.to_after[-1]
    best_score, best_plan = base, None
    for x in range(n - 1, 0, -1):
        start = -break_cost + prog.cuts[x] + prog.ctx(before, tokens[x])
        score = prog.rest_of((x, (n - 1,)))
        if start + score > best_score + 1e-9:
            best_score, best_plan = start + score, (x, prog.plan_from((x, (n - 1,))))
    if best_plan is None:
        return identity(n)
    return _arrangement(n, *best_plan, best_score)


def _arrangement(n: int, x: int, plan: list[tuple[int, bool]], score: float) -> Arrangement:
    """The arrangement whose first run is ``[x, n)`` and whose later runs start where
    ``plan`` says (each glued to the word before it or not)."""
    order: list[int] = list(range(x, n))
    joined: list[bool] = [False] * (n - x)
    hi = x
    breaks = 0
    for z, glue in plan:
        breaks += 1
        order.extend(range(z, hi))
        joined.extend([glue] + [False] * (hi - z - 1))
        hi = z
    return Arrangement(tuple(order), tuple(joined), breaks, score)


# A state of the programme: the raw prefix [0, x) is still to place, and the output so
# far ends with the word made of the tokens in ``pend``.
_State = tuple[int, tuple[int, ...]]


class _Programme:
    """The dynamic programme of ``best_arrangement`` over one line.

    ``value(x, pend)`` is the best score for the raw prefix ``[0, x)`` given the output so
    far ends with the word made of the tokens in ``pend``. The choice that gives it is
    kept in ``choice``: the start z of the next run, whether it is glued to ``pend``, and
    the state after it (None: the run starts at 0 and ends the line).

    Candidates are tried in the order of ``below[x]``, each z not glued, then glued; the
    first with the highest total wins. A candidate not glued closes ``pend`` and goes on
    from (z, (x-1,)): for a one-token ``pend`` (close 0) its total depends on x alone, so
    the best of them is found once per x (``plain``) and shared by every such state,
    which then only tries the glued candidates.
    """

    def __init__(self, tokens: list[str], *, after: str, context: Context | None,
                 break_cost: float) -> None:
        n = len(tokens)
        self.tokens = tokens
        self.context = context
        self.lp = [token_logp(t) for t in tokens]
        starts = [0]
        for t in tokens[:-1]:
            starts.append(starts[-1] + len(t) + 1)
        width = starts[-1] + len(tokens[-1])
        inside = _pairs_spanning(tokens)
        # Pair evidence, computed once per line (the programme only adds it up).
        # cuts[z]: breaking the raw pair (z-1, z) — the evidence that it was no real pair,
        # and the cost of cutting through a bracketed or dashed aside.
        self.cuts = [0.0] + [
            -self.ctx(tokens[z - 1], tokens[z]) - CONTEXT_WEIGHT * SPLIT_PAIR_COST * inside[z]
            - _off_middle(starts[z], width)
            for z in range(1, n)
        ]
        self.to_after = [self.ctx(t, after) for t in tokens]
        # Later breaks only next to evidence of one (tatweel at an edge, a fragment, a
        # piece of one or two letters, a non-word such as a gap marker): a break elsewhere
        # costs and gains nothing. This keeps the programme near O(n · e²) for e such
        # places instead of O(n³); lines are at most MAX_LINE_TOKENS long.
        ev = [has_edge_tatweel(t) or is_fragment(t) or len(core(t)) <= 2 for t in tokens]
        breakable = [z for z in range(n - 1, 0, -1) if ev[z - 1] or ev[z]] + [0]

        # Per-token values the programme reads in its inner loop, computed once.
        self.keys = [word_key(t) for t in tokens]
        self.has_core = [bool(core(t)) for t in tokens]
        self.left_ok = [joinable_left(t) for t in tokens]
        right_ok = [joinable_right(t) for t in tokens]
        # A token without a word inside (punctuation) may join into a chain that has none
        # either; such a chain counts as known. In most lines every token has a word.
        self.all_have_core = all(self.has_core)

        self.steps = [0.0] + [-break_cost + self.cuts[z] for z in range(1, n)]
        # below[x]: the breakable places before x, in the order they are tried; glue_at[x]:
        # those a run can start at glued to the word before it, with their rank in below[x].
        self.below = [[z for z in breakable if z < x] for x in range(n)]
        self.glue_at = [[(r, z) for r, z in enumerate(self.below[x]) if right_ok[z]] for x in range(n)]

        self.memo: dict[_State, float] = {}
        self.choice: dict[_State, tuple[int, bool, _State | None]] = {}
        self.plain_memo: dict[int, _Best] = {}
        self.gains: dict[tuple[int, ...], float] = {}

    def ctx(self, a: str, b: str) -> float:
        """Document-context evidence that ``a b`` is a real pair of words (weighted)."""
        if not a or not b:
            return 0.0
        context = self.context
        return CONTEXT_WEIGHT * (context.score(a, b) if context is not None else grammar_score(a, b))

    def merged_gain(self, chain: tuple[int, ...]) -> float:
        """Gain of writing the tokens of ``chain`` as one word (-inf if impossible)."""
        gain = self.gains.get(chain)
        if gain is None:
            gain = self.gains[chain] = self._merged_gain(chain)
        return gain

    def _merged_gain(self, chain: tuple[int, ...]) -> float:
        tokens, keys, has_core = self.tokens, self.keys, self.has_core
        # Tokens of a chain meet at joinable edges (a glue is only made where ``left_ok``
        # and ``right_ok`` hold), so the joined word's key is the join of the tokens'
        # keys (see ``is_known_joined``). Most chains are no word: that is looked up
        # first, before the joined text is made.
        if not is_known_key("".join([keys[i] for i in chain])) and (
            self.all_have_core or any(has_core[i] for i in chain)
        ):
            return -math.inf
        text = "".join([tokens[i] for i in chain])
        # No word starts with a diacritic: a piece like ``ًا`` only ends one.
        if _MARK_FIRST_RE.match(text):
            return -math.inf
        gain = token_logp(text) - sum(self.lp[i] for i in chain)
        for a, b in itertools.pairwise(chain):
            gain += tatweel_edges(tokens[a], tokens[b])
        return gain

    def close(self, chain: tuple[int, ...]) -> float:
        """Gain of ending the pending word ``chain`` (0 for a single token)."""
        return 0.0 if len(chain) == 1 else self.merged_gain(chain)

    def dead_end(self, chain: tuple[int, ...]) -> bool:
        """True if no word starts with the tokens of ``chain`` (so neither it nor any
        longer chain is known): a state pending it has value -inf, and is not explored."""
        return not is_key_prefix("".join([self.keys[i] for i in chain])) and (
            self.all_have_core or any(self.has_core[i] for i in chain)
        )

    def rest_of(self, state: _State) -> float:
        """``value`` of a state, from the memo when it is there (most of the time)."""
        known = self.memo.get(state)
        return self.value(*state) if known is None else known

    def plain(self, x: int, closed_plain: float) -> _Best:
        """Best candidate not glued: (total, (rank, 0), choice); total -inf if none."""
        best_total: float = -math.inf
        best_rank = (-1, 0)
        best_choice = None
        last = (x - 1,)
        last_to_after = 0.0 + self.to_after[x - 1]  # close(last) + to_after: the run ends the line
        steps = self.steps
        for r, z in enumerate(self.below[x]):
            if z == 0:
                rest, state = last_to_after, None
            else:
                state = (z, last)
                rest = self.rest_of(state)
            total = steps[z] + closed_plain + rest
            if total > best_total:
                best_total, best_rank, best_choice = total, (r, 0), (z, False, state)
        return best_total, best_rank, best_choice

    def value(self, x: int, pend: tuple[int, ...]) -> float:
        """Best score of state ``(x, pend)``; its choice goes into ``choice``."""
        if len(pend) == 1:
            best = self.plain_memo.get(x)
            if best is None:
                best = self.plain_memo[x] = self.plain(x, 0.0)
        else:
            closed_plain = self.merged_gain(pend)
            best = (-math.inf, (-1, 0), None) if closed_plain == -math.inf else self.plain(x, closed_plain)
        best_total, best_rank, best_choice = best
        if self.left_ok[pend[-1]]:
            best_total, best_rank, best_choice = self._glued(x, pend, best_total, best_rank, best_choice)
        key = (x, pend)
        self.memo[key] = best_total
        if best_choice is not None:
            self.choice[key] = best_choice
        return best_total

    def _glued(self, x: int, pend: tuple[int, ...], best_total: float, best_rank: tuple[int, int],
               best_choice: tuple[int, bool, _State | None] | None) -> _Best:
        """The best of the candidates so far and those that glue a run to ``pend``."""
        last = (x - 1,)
        for r, z in self.glue_at[x]:
            chain = (*pend, z)
            if z == x - 1:
                if self.dead_end(chain):
                    continue
                closed, new_pend = 0.0, chain
            else:
                closed, new_pend = self.merged_gain(chain), last
            if closed == -math.inf:
                continue
            if z == 0:
                rest, state = self.close(new_pend) + self.to_after[new_pend[-1]], None
            else:
                state = (z, new_pend)
                rest = self.rest_of(state)
            total = self.steps[z] + closed + rest
            # First in candidate order among equals: glued z comes after not glued z.
            if total > best_total or (total == best_total > -math.inf and (r, 1) < best_rank):
                best_total, best_rank, best_choice = total, (r, 1), (z, True, state)
        return best_total, best_rank, best_choice

    def plan_from(self, state: _State | None) -> list[tuple[int, bool]]:
        """The runs chosen from ``state`` on: (start, glued) each."""
        plan = []
        while state is not None and state in self.choice:
            z, glue, state = self.choice[state]
            plan.append((z, glue))
        return plan


def _off_middle(start: int, width: int) -> float:
    """Evidence against a break at character ``start`` of a line ``width`` long: the
    farther from the middle, the more (a tie-breaker only)."""
    return MIDDLE_WEIGHT * abs(2 * start - width) / max(width, 1)


_PAIRED = {"(": ")", "[": "]", "\u00ab": "\u00bb", "\u201c": "\u201d"}  # guillemets, curly quotes
_SAME_PAIRED = {"-", "\u2013", "\u2014", '"'}  # dashes and straight quotes open and close alike


def _pairs_spanning(tokens: list[str]) -> list[int]:
    """For each break position z (between tokens z-1 and z), how many paired marks it splits.

    >>> _pairs_spanning("خاصة – غير الملزم – وأهمية".split())
    [0, 0, 1, 1, 1, 0]
    """
    n = len(tokens)
    spans: list[tuple[int, int]] = []
    open_at: dict[str, list[int]] = {}
    pending: dict[str, int] = {}
    for i, t in enumerate(tokens):
        for ch in (t[0], t[-1]) if len(t) > 1 else (t,):
            if ch in _SAME_PAIRED:
                if ch in pending:
                    spans.append((pending.pop(ch), i))
                else:
                    pending[ch] = i
            elif ch in _PAIRED:
                open_at.setdefault(_PAIRED[ch], []).append(i)
            elif open_at.get(ch):
                spans.append((open_at[ch].pop(), i))
    counts = [0] * (n + 1)
    for a, b in spans:
        if b > a:
            counts[a + 1] += 1
            counts[b + 1] -= 1
    out = [0] * n
    running = 0
    for z in range(n):
        running += counts[z]
        out[z] = running
    return out


_MARK_FIRST_RE = re.compile("[\u064b-\u0652\u0670]")  # FATHATAN..SUKUN, SUPERSCRIPT ALEF

# Units kept in their own order when a line is reversed letter by letter: runs of
# digits and Latin letters (with the separators inside numbers and words).
_LTR_UNIT_RE = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,:/_-]*[0-9A-Za-z])?")


def visual_units(line: str) -> list[tuple[int, int]]:
    """Spans of the units a letter-by-letter reversal moves: one per character, except
    each digit or Latin run, which is one unit (it is already left to right).

    >>> visual_units("يف 12")
    [(0, 1), (1, 2), (2, 3), (3, 5)]
    """
    units: list[tuple[int, int]] = []
    pos = 0
    for m in _LTR_UNIT_RE.finditer(line):
        units.extend((k, k + 1) for k in range(pos, m.start()))
        units.append((m.start(), m.end()))
        pos = m.end()
    units.extend((k, k + 1) for k in range(pos, len(line)))
    return units


def reverse_visual(line: str) -> str:
    """A line reversed character by character, digit and Latin runs kept left to right.

    Undoes the pdfminer way of emitting an Arabic line in visual order; its own inverse.

    >>> reverse_visual("2017 ماع يف")
    'في عام 2017'
    >>> reverse_visual(reverse_visual("في عام 2017 (CNN)")) == "في عام 2017 (CNN)"
    True
    """
    # Digits shown in visual order are already left to right: reversing the units
    # restores the Arabic and leaves each number as it is.
    return "".join(line[a:b] for a, b in reversed(visual_units(line)))


# Traces of a line reversed letter by letter: a word starting with a letter that only
# ends words (TEH MARBUTA, ALEF MAKSURA, HAMZA), or ending in the article turned round
# (LAM ALEF after two letters: قارعلا for العراق).
_REVERSED_TRACE_RE = re.compile(
    "(?:^|[\\s(\"])[\u0629\u0649\u0621]|[\u0621-\u064a]{2}\u0644\u0627(?=[^\u0621-\u064a]|$)"
)
# The same two traces written to start with the rare letters themselves, so the regex
# engine skips ahead to them in C instead of trying every position (ten times faster on
# running text): the letter first, then what must (not) stand before it.
_WORD_START_TRACE_RE = re.compile("[\u0629\u0649\u0621](?<![^\\s(\"][\u0629\u0649\u0621])")
_ARTICLE_END_TRACE_RE = re.compile("\u0644\u0627(?=[^\u0621-\u064a]|$)(?<=[\u0621-\u064a]{2}\u0644\u0627)")


def looks_reversed(line: str) -> bool:
    """Cheap test for a line that may be reversed letter by letter (no word list used).

    >>> looks_reversed("قارعلا يف"), looks_reversed("في العراق")
    (True, False)
    """
    # Same answer as ``_REVERSED_TRACE_RE.search(line) is not None``.
    return _WORD_START_TRACE_RE.search(line) is not None or _ARTICLE_END_TRACE_RE.search(line) is not None


def reversed_line_gain(line: str, *, traced: bool = True) -> float:
    """Mean per-word log-probability gain of reading ``line`` reversed (> 0: reverse it);
    ``traced``: only a line with a trace of reversal (``looks_reversed``) is read."""
    if traced and not looks_reversed(line):
        return 0.0
    words = [t for t in line.split() if token_logp(t) != 0.0]
    # Most words known as they stand: not a reversed line (and no need to look further).
    if not words or sum(map(is_fragment, words)) < 0.3 * len(words):
        return 0.0
    back = [t for t in reverse_visual(line).split() if token_logp(t) != 0.0]
    if len(back) != len(words):
        return 0.0
    return (sum(map(token_logp, back)) - sum(map(token_logp, words))) / len(words)


# An extractor that writes a right-to-left line in the order its glyph runs stand on the
# page (``pdftotext -raw``) wraps each run in an embedding (RLE … PDF): the runs come left
# to right, each run's letters in reading order, so a word whose glyphs were drawn in
# several runs comes in pieces back to front (``ا``, ``ل``, ``فض`` for ``فضلا``). Turning the
# sequence of runs round (numbers and Latin words outside them kept left to right) reads
# the line. An extractor does it to every line or to none, so the decision is the
# text's, from the lines of two runs or more: at least ``EMBEDDED_SHARE`` of them read
# better turned by the character model, and the median line by ``EMBEDDED_MARGIN``
# (log10). A few lines of a page whose runs were drawn in a stranger order do not sway
# it; a text already in reading order (``pdftotext`` without ``-raw`` wraps a whole line
# in one embedding) has almost no such lines, and they read worse turned. A short line
# alone says little: word order moves only the letters across word junctions.
EMBEDDED_SHARE = 2 / 3
EMBEDDED_MARGIN = 1.0
_EMBEDDED_RE = re.compile("\u202b[^\u202b\u202c\n]*\u202c")
_RAW_BREAK_RE = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
_BIDI_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def embedded_units(line: str) -> list[tuple[int, int]]:
    """Spans of the units a line written in visual order is made of: each embedding
    (RLE … PDF) whole, each digit or Latin run whole, every other character alone.

    >>> line = "\u202bالعالم\u202c 12"
    >>> [line[a:b] for a, b in embedded_units(line)] == ["\u202bالعالم\u202c", " ", "12"]
    True
    """
    units: list[tuple[int, int]] = []
    pos = 0
    for m in _EMBEDDED_RE.finditer(line):
        units.extend((pos + a, pos + b) for a, b in visual_units(line[pos : m.start()]))
        units.append(m.span())
        pos = m.end()
    units.extend((pos + a, pos + b) for a, b in visual_units(line[pos:]))
    return units


def embedded_line_gain(line: str) -> float:
    """How much likelier (log10) the line reads with its units turned round.

    >>> line = "\u202bات\u202c\u202bاشتباك\u202c \u202bفي\u202c \u202bالمسلحين\u202c"
    >>> embedded_line_gain(line) > EMBEDDED_MARGIN
    True
    """
    turned = "".join(line[a:b] for a, b in reversed(embedded_units(line)))
    return text_logp(_plain(turned)) - text_logp(_plain(line))


def _plain(text: str) -> str:
    """The text as the model reads it: bidi controls out, presentation forms folded."""
    return unicodedata.normalize("NFKC", _BIDI_RE.sub("", text))


def most_read_better(gains: Iterable[float], n: int, share: float, margin: float) -> bool:
    """Whether ``share`` of ``n`` lines read better turned (gain > 0) and their median gain
    is over ``margin``: the decision a text makes for all its lines of one kind of damage.
    The gains are weighed one by one and the answer given as soon as the rest cannot
    change it: text already in order fails after about a third of its lines, and the
    character model is the whole cost of such a stage.

    >>> most_read_better([3.0, 2.5, -1.0], 3, 2 / 3, 2.0), most_read_better([3.0, -1.0, -2.0], 3, 2 / 3, 2.0)
    (True, False)
    """
    if not n:
        return False
    weighed: list[float] = []
    worse = low = 0  # lines reading no better turned; lines gaining no more than the margin
    for g in gains:
        weighed.append(g)
        worse += g <= 0
        low += g <= margin
        # no more than n - worse lines can still read better; a median at or under the
        # margin is certain once more than half the lines are at or under it
        if n - worse < share * n or low >= n // 2 + 1:
            return False
    return n - worse >= share * n and statistics.median(weighed) > margin


def embedded_runs_in_order(raw: str) -> tuple[str, np.ndarray, int]:
    """``raw`` with its lines written as embedded runs in visual order turned round
    (see ``EMBEDDED_MARGIN``): the text, the raw index of each of its characters, and
    how many lines were turned.

    >>> words = ["الشرطة", "مع", "ات\u202c\u202bاشتباك", "في", "المسلحين", "من", "عدد", "قتل"]
    >>> text, src, n = embedded_runs_in_order(" ".join(f"\u202b{w}\u202c" for w in words))
    >>> _plain(text), n
    ('قتل عدد من المسلحين في اشتباكات مع الشرطة', 1)
    """
    same = np.arange(len(raw), dtype=np.int64)
    if "\u202b" not in raw:
        return raw, same, 0
    spans: list[tuple[int, int]] = []  # lines of two embedded runs or more
    pos = 0
    for m in itertools.chain(_RAW_BREAK_RE.finditer(raw), [None]):
        end = m.start() if m is not None else len(raw)
        if raw.count("\u202b", pos, end) >= 2:
            spans.append((pos, end))
        if m is not None:
            pos = m.end()
    if not most_read_better((embedded_line_gain(raw[a:b]) for a, b in spans), len(spans),
                            EMBEDDED_SHARE, EMBEDDED_MARGIN):
        return raw, same, 0
    return rearranged(raw, spans, lambda line: reversed(embedded_units(line)))


def rearranged(raw: str, spans: list[tuple[int, int]],
               pieces: Callable[[str], Iterable[tuple[int, int]]]) -> tuple[str, np.ndarray, int]:
    """``raw`` with each line ``raw[a:b]`` of ``spans`` written as the stretches ``pieces``
    gives of it (offsets in the line, in their new order), the rest as it stands: the text,
    the raw index of each of its characters, and how many lines were rearranged.

    >>> text, src, n = rearranged("ab cd", [(3, 5)], lambda line: [(1, 2), (0, 1)])
    >>> text, src.tolist(), n
    ('ab dc', [0, 1, 2, 4, 3], 1)
    """
    same = np.arange(len(raw), dtype=np.int64)
    order: list[np.ndarray] = []
    pos = 0
    for a, b in spans:
        order.append(same[pos:a])
        order.extend(same[a + x : a + y] for x, y in pieces(raw[a:b]))
        pos = b
    order.append(same[pos:])
    src = np.concatenate(order)
    return "".join(raw[i] for i in src), src, len(spans)
