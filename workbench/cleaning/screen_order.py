"""Lines whose words came in screen order, left to right: their word order turned round.

Some extractors write a line's words as they stand on the page, from left to right, each
word's letters in reading order (``pdftotext -raw`` where a font's glyphs cut its
direction marks short): ``مفخخة سيارة بانفجار`` for ``بانفجار سيارة مفخخة``. The text
decides once, after lines mirrored letter by letter are read back (a mirrored line also
reads better with its words turned round, before its letters are): where most lines of
three words or more read better with their words turned (character model) and the median
line gains ``SCREEN_MARGIN`` per word junction, every such line that reads better turned
is turned.

>>> from workbench.cleaning.lines import synthetic
>>> lines = [synthetic(" ".join(reversed(s.split())), 0) for s in (
...     "قتل ثلاثة أشخاص في انفجار سيارة مفخخة",
...     "وأصيب عدد من المدنيين بجروح في المدينة",
...     "وقالت مصادر محلية إن الانفجار وقع قرب السوق")]
>>> [line.text for line in screen_order_lines(lines)[0]][0]
'قتل ثلاثة أشخاص في انفجار سيارة مفخخة'
"""

from __future__ import annotations

import re

from .lexicon import core, is_known
from .lines import Line, concat
from .model import text_logp
from .reorder import most_read_better

# Share of the weighed lines that must read better turned, as for lines of embedded runs
# (``reorder.EMBEDDED_SHARE``): a few lines drawn in a stranger order do not sway the text.
SCREEN_SHARE = 2 / 3
# Median log10 gain per word junction the weighed lines must show. Texts in reading order
# whose words came glued or in pieces (XeLaTeX, kashida justified) reach 0.13 at most
# (dev, one half); a text in screen order gains about 0.6.
SCREEN_MARGIN = 0.4
# Lines of fewer Arabic words say little about their order (a name, a dateline).
MIN_WORDS = 3
# Share of a line's Arabic tokens the word list must know for the line to vote: a line
# whose words came glued or in pieces reads better or worse turned by chance junctions.
MIN_KNOWN = 0.5
# Fewest voting lines for a text to decide (as ``stages.MIRRORED_MIN_LINES``): one long
# line of glued words and unreadable glyphs is no text in screen order.
MIN_LINES = 3

_ARABIC_WORD_RE = re.compile("[\u0621-\u064a]")


def turned_gain(text: str) -> float:
    """How much likelier (log10, per word junction) the line reads with its words turned.

    >>> screen, reading = "مفخخة سيارة بانفجار شخص مقتل", "مقتل شخص بانفجار سيارة مفخخة"
    >>> turned_gain(screen) > SCREEN_MARGIN > turned_gain(reading)
    True
    """
    words = text.split()
    if len(words) < 2:
        return 0.0
    turned = " ".join(reversed(words))
    return (text_logp(turned) - text_logp(" ".join(words))) / (len(words) - 1)


def words_turned(line: Line) -> Line:
    """The line with its words (and the spaces between them) in the opposite order, its
    edges kept, offsets moved along: ``مفخخة  سيارة`` → ``سيارة  مفخخة``."""
    m = _INNER_RE.search(line.text)
    if not m:
        return line
    a, b = m.span()
    inner = [(x.start() + a, x.end() + a) for x in _PART_RE.finditer(line.text[a:b])]
    parts = [Line(line.text[:a], line.src[:a])]
    parts.extend(Line(line.text[x:y], line.src[x:y]) for x, y in reversed(inner))
    parts.append(Line(line.text[b:], line.src[b:]))
    return concat(parts)


_INNER_RE = re.compile(r"\S(?:.*\S)?")
_PART_RE = re.compile(r"\S+|\s+")


def _weighed(line: Line) -> bool:
    """Whether the line has enough Arabic words, most of them known, to vote on the
    text's word order (``في مدينة عفرين``, not ``فيمدينةعفرين بريف``)."""
    words = [w for w in line.text.split() if _ARABIC_WORD_RE.search(w)]
    return len(words) >= MIN_WORDS and sum(is_known(core(w)) for w in words) >= MIN_KNOWN * len(words)


def screen_order_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines with their words turned round, in a text whose lines came in screen order
    (decided for the whole text); how many lines were turned."""
    weighed = [k for k, line in enumerate(lines) if _weighed(line)]
    gains: dict[int, float] = {}

    def gain(k: int) -> float:
        if k not in gains:
            gains[k] = turned_gain(lines[k].text)
        return gains[k]

    votes = (gain(k) for k in weighed)
    if len(weighed) < MIN_LINES or not most_read_better(votes, len(weighed), SCREEN_SHARE, SCREEN_MARGIN):
        return list(lines), 0
    out = list(lines)
    n = 0
    for k in weighed:
        if gain(k) > 0:  # the text has decided: any line that reads better turned is turned
            out[k] = words_turned(lines[k])
            n += 1
    return out, n
