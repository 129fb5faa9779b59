"""Lines whose glyph runs came back to front, cut at kashida glyphs that have no character.

LibreOffice justifies Arabic with kashida: it stretches a joined word with kashida glyphs,
and each stretch cuts the line into glyph runs. Where the font's kashida glyph has no
character in the PDF, an extractor writes the glyph's code, a control character
(U+0002 … U+001F, one per font). pypdf then writes the runs of each such line left to
right, each run in reading order, the kashida glyphs between them:

    source:    ... شريط المباراة التي جمعت الجزيرة والشباب
    extracted: باب␄␄رة والش␄␄تي جمعت الجزي␄␄اراة ال␄␄... شريط المب

Cut at the kashida glyphs and the pieces turned round, the line reads again. An extractor
does this to every line or to none (PyMuPDF writes the same glyphs in reading order), so
the decision is the text's, as for embedded runs (``reorder.embedded_runs_in_order``):
the character model must read at least ``TURN_SHARE`` of the lines so cut better turned,
the median line by ``TURN_MARGIN`` (log10). A control character is read as a kashida glyph
only where it stands after or before an Arabic letter nearly everywhere it occurs.
A font subset may give the glyph a printable code instead (``,`` ``7`` ``L``: no mark of
prose), read as one where its stretches stand between two letters far more often than
the text's stops do (``printable_glyphs``); such a glyph left in a word is dropped.

XeLaTeX draws its kashida as leaders between joined letters; pypdf writes each leader as
a gap of spaces and loses the spaces between words, so a line is a row of glyph runs
parted by gaps: back to front on most lines, in reading order on some
(``leader_runs_in_order``). The text shows it by its gaps, nearly all two spaces or more
(``LEADER_SHARE``); each line is turned where the character model reads it better so than
as it stands and than read back letter by letter (the mirrored lines of other extractors)
by ``TURN_MARGIN``, and its runs are joined; the resegment stage cuts the letters into
words again.

A font whose kashida glyph the PDF maps to a space (KacstBook through LibreOffice) leaves
pypdf's runs back to front with one to three spaces at each cut, among the single spaces
between words (``ائق طر الس  وي لن يض`` for ``... لن يضطر السائق``). Which gaps are cuts
is searched for (``spaced_runs``): the runs turned round and joined at the cuts, the
likeliest reading under the character model, each cut costing ``CUT_COST`` and standing
only after a letter that joins the next (kashida stretches nothing else). A text whose
gaps are often wide (``WIDE_SHARE``) is read so where most of its first lines
(``SPACED_EVIDENCE``) gain ``SPACED_LINE_GAIN`` each by it, and the median line
``SPACED_MEDIAN``; then every line that gains ``SPACED_LINE_GAIN`` is read so.

>>> line = "ة\\x04\\x04في الحقيقة ان القضي"
>>> text, src, n = kashida_runs_in_order("\\n".join([line] * 3))
>>> text.split("\\n")[0], n
('في الحقيقة ان القضية', 3)
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from functools import lru_cache

import numpy as np

from ..text.arabic import joins_next
from .model import text_logp
from .reorder import _plain, most_read_better, rearranged

# Least share of the lines with kashida glyphs that must read better turned, and least
# median gain (log10) of those lines, for a text's runs to be read as back to front. Set on
# the dev documents of benchmarks/pdf_damage.py: pypdf's LibreOffice lines gain 10 to 40
# a line turned; PyMuPDF's, in reading order, lose as much.
TURN_SHARE = 2 / 3
TURN_MARGIN = 2.0
# Fewest lines with kashida glyphs a text needs for the decision: a line or two say
# nothing about how an extractor orders runs.
MIN_LINES = 3
# Least share of a control character's stretches that touch an Arabic letter for it to be
# read as a kashida glyph (a stretch is drawn where a word joins: after or before a letter).
LETTER_SHARE = 0.9
# A printable character a font subset gave its kashida glyph (LibreOffice: ``,`` in a Noto
# Naskh text, ``7`` in KacstBook, ``L`` or ``R`` in Scheherazade) is read as one where at
# least ``PRINTABLE_STRETCHES`` of its stretches stand between two letters, and the share
# of its stretches that do is over that of the text's stops by ``PRINTABLE_OVER_STOPS``
# (a text that lost its spaces glues its stops and quotes to letters too: pypdf on XeLaTeX).
PRINTABLE_STRETCHES = 5
PRINTABLE_OVER_STOPS = 0.5
# Most printable stretches the shares are counted over (a text's first ones tell).
PRINTABLE_EVIDENCE = 5000

# Least share of a text's gaps (spaces between two characters) that are two spaces or
# more for its gaps to be read as kashida leaders: pypdf's XeLaTeX kashida texts on the
# dev documents of benchmarks/pdf_damage.py 0.90 to 0.98, pdfminer's (which keeps the
# spaces between words) 0.67 to 0.74, every other text under 0.45.
LEADER_SHARE = 0.85
# Fewest gaps a text needs for that reading.
MIN_GAPS = 50

# Least share of a text's gaps that are two spaces or more for its spaces to be searched
# for kashida cuts (below ``LEADER_SHARE``): pypdf's LibreOffice KacstBook texts with
# spaced kashida on the dev documents of benchmarks/pdf_damage.py 0.17 and 0.19; texts
# in reading order mostly under 0.1, pdfminer's mirrored lines up to 0.43 (the search
# finds no reading of them that gains).
WIDE_SHARE = 0.12
# Lines of a text the decision is made on, the share of them and the median gain (log10)
# they must show, and the least gain for a line to be read with its cuts.
SPACED_EVIDENCE = 12
SPACED_SHARE = 0.5
SPACED_MEDIAN = 10.0
SPACED_LINE_GAIN = 5.0
# Cost (log10) of one cut: fewer cuts where the model is unsure (a run of two known words
# glued reads about as well as the words apart).
CUT_COST = 2.0
# Readings kept at each token of the search (the pending word scored as it stands).
BEAM = 30
# Most tokens of a line searched: a visual line of prose holds 10 to 30 (the search
# grows with the square of their number; a line of XeLaTeX's leaders, 60 and more).
MAX_TOKENS = 40

# What an extractor writes for a glyph with no character: C0 controls but the line and
# page breaks and the tab, which mean what they say, or a symbol that prose does not set
# between letters (KacstBook's kashida comes out of one LibreOffice PDF as ``*``).
_GLYPH_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0e-\x1f*#$%&+<=>@^_|~`\\\\]+")
_LETTER_RE = re.compile("[\u0621-\u064a]")
# Stretches of one printable character (ASCII or Latin-1), and the stops of prose.
_PRINTABLE_STRETCH_RE = re.compile("([!-~\u00a1-\u00ff])\\1*")
_ARABIC_STOPS = "\u060c\u061b\u061f"
# Marks Arabic prose writes against its words, glued between two where the extractor lost
# the space (pypdf on XeLaTeX: ``للمتضررين.والدمازين``, ``قال"ان``): never read as a glyph.
# A Latin comma, digit or letter between two Arabic letters is no prose.
_PROSE_MARKS = ".\"'()[]{}<>-:;!?/\u00ab\u00bb" + _ARABIC_STOPS
# A printable character that may be a glyph, glued between two letters (or tatweels): a
# text with fewer than ``PRINTABLE_STRETCHES`` of them has no printable glyph (one pass,
# where the count of every character's stretches is a slower one).
_GLUED_PRINTABLE_RE = re.compile(
    f"[\u0621-\u064a\u0640](?:(?!{_GLYPH_CONTROL_RE.pattern[:-1]}|[{re.escape(_PROSE_MARKS)}])"
    "[!-~\u00a1-\u00ff])+[\u0621-\u064a\u0640]"
)
_STOPS = ".,:;!?" + _ARABIC_STOPS
# A hashtag: # at a word's start, then the tag's words joined by _ (#الموصل_اليوم).
_HASHTAG_RE = re.compile("(?<!\\w)#[^\\s#]+")
# Digits and Latin letters: runs set left to right inside a right-to-left line.
_LEFT_TO_RIGHT_RE = re.compile("[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9]+")
_WIDE_RE = re.compile("[ \u00a0]{2,}")
_TOKEN_RE = re.compile("[^\\s]+")
# What a run of a word ends or starts with where two runs join: a letter (its
# presentation forms too), tatweel, or a glyph with no character.
_JOINING = re.compile("[\u0621-\u064a\u0670-\u06d3\ufb50-\ufdff\ufe70-\ufefc\ufffd\uffff]")
_NOT_LETTER_RE = re.compile("[^\u0621-\u064a]")
_LINE_BREAK_RE = re.compile("[\n\r\x0c\x85\u2028\u2029]")


def kashida_glyphs(raw: str) -> str:
    """The characters ``raw`` writes for kashida glyphs: each control character whose
    stretches nearly all touch an Arabic letter (``LETTER_SHARE``), then the printable ones
    (``printable_glyphs``).

    >>> kashida_glyphs("الجزي\\x04\\x04رة و\\tهنا")
    '\\x04'
    """
    seen: Counter[str] = Counter()
    touching: Counter[str] = Counter()
    # A hashtag (#الموصل_اليوم) is web text's own use of # and _ next to letters, not a
    # glyph standing for kashida: its marks are neither evidence for one nor against.
    tags = [m.span() for m in _HASHTAG_RE.finditer(raw)]
    tag_starts = [a for a, _ in tags]
    for m in _GLYPH_CONTROL_RE.finditer(raw):
        k = bisect.bisect_right(tag_starts, m.start()) - 1
        if k >= 0 and m.start() < tags[k][1]:  # inside a hashtag
            continue
        for ch in set(m.group()):
            seen[ch] += 1
            touching[ch] += bool(_LETTER_RE.match(raw[m.start() - 1 : m.start()] if m.start() else "")
                                 or _LETTER_RE.match(raw[m.end() : m.end() + 1]))
    controls = "".join(sorted(ch for ch, n in seen.items() if touching[ch] >= LETTER_SHARE * n))
    return controls + printable_glyphs(raw, skip=set(seen))


def _letter_at(raw: str, i: int, step: int) -> str:
    """The first character from ``raw[i]`` on (by ``step``) that is no tatweel, where it is
    an Arabic letter; else ''."""
    while 0 <= i < len(raw) and raw[i] == "\u0640":
        i += step
    return raw[i] if 0 <= i < len(raw) and _LETTER_RE.match(raw[i]) else ""


def _inside_word(raw: str, start: int, end: int) -> bool:
    """Whether ``raw[start:end]`` stands where a kashida may: between two letters, not
    between two tatweels (a word the writer stretched round a mark, ``الهجـ.ـوم``)."""
    if not _letter_at(raw, start - 1, -1) or not _letter_at(raw, end, 1):
        return False
    return not (raw[start - 1 : start] == "\u0640" and raw[end : end + 1] == "\u0640")


def printable_glyphs(raw: str, skip: set[str] | frozenset[str] = frozenset()) -> str:
    """The printable characters ``raw`` writes for kashida glyphs (``PRINTABLE_STRETCHES``,
    ``PRINTABLE_OVER_STOPS``, ``LETTER_SHARE``), but those of ``skip``.

    >>> printable_glyphs("الجزي,,رة و" * 5 + "قال، ثم")
    ','
    >>> printable_glyphs("ذهبوا.ثم عادوا.وقال " * 6)
    ''
    >>> printable_glyphs("قال،ثم وذهب،ثم الجزي,,رة " * 6)
    ''
    """
    if next(itertools.islice(_GLUED_PRINTABLE_RE.finditer(raw), PRINTABLE_STRETCHES - 1, None), None) is None:
        return ""
    seen: Counter[str] = Counter()
    touching: Counter[str] = Counter()
    between: Counter[str] = Counter()
    for m in itertools.islice(_PRINTABLE_STRETCH_RE.finditer(raw), PRINTABLE_EVIDENCE):
        ch = m.group(1)
        seen[ch] += 1
        touching[ch] += bool(_letter_at(raw, m.start() - 1, -1) or _letter_at(raw, m.end(), 1))
        between[ch] += _inside_word(raw, m.start(), m.end())
    for ch in _ARABIC_STOPS:  # never a glyph, but a baseline for the others
        for m in re.finditer(f"{ch}+", raw):
            seen[ch] += 1
            between[ch] += _inside_word(raw, m.start(), m.end())
    found = []
    for ch, n in seen.items():
        if ch in skip or ch in _PROSE_MARKS or between[ch] < PRINTABLE_STRETCHES:
            continue
        if touching[ch] < LETTER_SHARE * n:
            continue
        stops = [c for c in _STOPS if c != ch]
        stop_n = sum(seen[c] for c in stops)
        stop_share = sum(between[c] for c in stops) / stop_n if stop_n else 0.0
        if between[ch] / n >= stop_share + PRINTABLE_OVER_STOPS:
            found.append(ch)
    return "".join(sorted(found))


def turned_pieces(line: str, glyphs: str) -> list[tuple[int, int]]:
    """Spans of ``line`` cut at its stretches of kashida ``glyphs``, in reading order; the
    glyphs themselves left out. Numbers and Latin words are runs of their own direction
    that stay where they stand: the pieces between two of them are turned among
    themselves (the producer lays out each stretch of one direction on its own).

    >>> line = "اب\\x04ث ال\\x04في ح"
    >>> [line[a:b] for a, b in turned_pieces(line, "\\x04")]
    ['في ح', 'ث ال', 'اب']
    >>> line = "قتل 15 ين\\x04 مسلح"
    >>> "".join(line[a:b] for a, b in turned_pieces(line, "\\x04"))
    'قتل 15  مسلحين'
    """
    out: list[tuple[int, int]] = []
    pos = 0
    # a glyph written as a digit or a Latin letter (``7``, ``L``) is no run of its own
    masked = line.translate({ord(g): "\x01" for g in glyphs}) if glyphs.isascii() else line
    for m in [*_LEFT_TO_RIGHT_RE.finditer(masked), None]:
        end = m.start() if m is not None else len(line)
        inner = line[pos:end].strip(" ")
        start = line.index(inner, pos) if inner else end
        stop = start + len(inner)
        spans: list[tuple[int, int]] = []
        at = start
        for g in re.finditer(f"[{re.escape(glyphs)}]+", inner):
            spans.append((at, start + g.start()))
            at = start + g.end()
        spans.append((at, stop))
        # Spaces at the stretch's edges, beside a number, stay where they stand.
        out.extend(s for s in [(pos, start), *reversed(spans), (stop, end)] if s[1] > s[0])
        if m is not None:
            out.append(m.span())
            pos = m.end()
    return out


def turn_gain(line: str, glyphs: str) -> float:
    """How much likelier (log10) the line reads with its pieces turned round than in place.

    >>> turn_gain("ة\\x04\\x04في الحقيقة ان القضي", "\\x04") > TURN_MARGIN
    True
    """
    spans = turned_pieces(line, glyphs)
    turned = "".join(line[a:b] for a, b in spans)
    in_place = "".join(line[a:b] for a, b in sorted(spans))
    return text_logp(turned) - text_logp(in_place)


def kashida_runs_in_order(raw: str) -> tuple[str, np.ndarray, int]:
    """``raw`` with the lines cut by kashida glyphs turned round where the text's lines
    read better so (see the module docstring): the text, the raw index of each of its
    characters, and how many lines were turned. The kashida glyphs of turned lines are
    left out (they stand for no letter); other lines keep them for the Unicode stage.
    """
    same = np.arange(len(raw), dtype=np.int64)
    glyphs = kashida_glyphs(raw)
    if not glyphs:
        return raw, same, 0
    # lines cut by kashida glyphs
    spans = [(a, b) for a, b in _line_spans(raw) if any(ch in glyphs for ch in raw[a:b])]
    text, src, n = raw, same, 0
    if len(spans) >= MIN_LINES and most_read_better(
            (turn_gain(raw[a:b], glyphs) for a, b in spans), len(spans), TURN_SHARE, TURN_MARGIN):
        text, src, n = rearranged(raw, spans, lambda line: turned_pieces(line, glyphs))
    # A printable glyph left inside a word (a line in reading order, or mirrored) stands
    # for no letter, as a control one the Unicode stage drops: it is dropped here.
    printable = "".join(g for g in glyphs if not _GLYPH_CONTROL_RE.match(g))
    if not printable:
        return text, src, n
    keep = np.ones(len(text), dtype=bool)
    for m in re.finditer(f"[{re.escape(printable)}]+", text):
        if _inside_word(text, m.start(), m.end()):
            keep[m.start() : m.end()] = False
    if keep.all():
        return text, src, n
    breaks = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10)
    lines_changed = len(np.unique(np.searchsorted(breaks, np.flatnonzero(~keep))))
    return "".join(ch for ch, k in zip(text, keep, strict=True) if k), src[keep], n + lines_changed


def _line_spans(raw: str) -> list[tuple[int, int]]:
    """Where each line of ``raw`` starts and ends, its break left out.

    >>> _line_spans("اب\\nث\\r\\nج")
    [(0, 2), (3, 4), (5, 5), (6, 7)]
    """
    bounds = [0, *itertools.chain.from_iterable(m.span() for m in _LINE_BREAK_RE.finditer(raw)), len(raw)]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


@lru_cache(maxsize=2)  # asked of the same text by both readings of its gaps
def _gaps(raw: str) -> tuple[int, int]:
    """How many gaps ``raw`` has between its tokens, and how many runs of two spaces or
    more (counted quickly, over the whole text: a run at a line's edge counts too).

    >>> _gaps("ين   لح مس")
    (2, 1)
    """
    return max(len(raw.split()) - 1, 0), len(_WIDE_RE.findall(raw))


def _joined(line: str, spans: list[tuple[int, int]]) -> str:
    """The runs ``spans`` of ``line`` written one after another: joined where two letters
    meet, a space between a run and a number or a mark."""
    return "".join(
        ("" if k == 0 or _runs_join(line[spans[k - 1][1] - 1], line[a]) else " ") + line[a:b]
        for k, (a, b) in enumerate(spans)
    )


def _runs_join(left: str, right: str) -> bool:
    return bool(_JOINING.match(left) and _JOINING.match(right))


def leader_turn_gain(line: str) -> float:
    """How much likelier (log10) the runs of a line parted by kashida leaders read turned
    round than as they stand, or than read back letter by letter, runs joined each time.

    >>> leader_turn_gain("ين   لح   مس   منال   عدد   قتل   اق   عر   فيال") > TURN_MARGIN
    True
    """
    plain = _plain(line)
    spans = [m.span() for m in _TOKEN_RE.finditer(plain)]
    if len(spans) < 2:
        return 0.0
    turned = text_logp(_joined(plain, spans[::-1]))
    mirrored = _plain(_joined(plain, spans))[::-1]
    return turned - max(text_logp(_joined(plain, spans)), text_logp(mirrored))


def leader_runs_in_order(raw: str) -> tuple[str, np.ndarray, int]:
    """``raw`` with its runs parted by kashida leaders joined, each line's turned round
    where it reads better so (see the module docstring): the text, the raw index of each
    of its characters, and how many lines were joined or turned.

    >>> line = "ين   لح   مس   منال   عدد   قتل   اق   عر   فيال"
    >>> text, src, n = leader_runs_in_order("\\n".join([line] * 8))
    >>> text.split("\\n")[0], n
    ('فيالعراققتلعددمنالمسلحين', 8)
    """
    same = np.arange(len(raw), dtype=np.int64)
    gaps, wide = _gaps(raw)
    if gaps < MIN_GAPS or wide < LEADER_SHARE * gaps:
        return raw, same, 0
    order: list[np.ndarray] = []
    changed = 0
    lines = _line_spans(raw)
    for n, (pos, end) in enumerate(lines):
        line = raw[pos:end]
        spans = [t.span() for t in _TOKEN_RE.finditer(line)]
        changed += len(spans) > 1
        if leader_turn_gain(line) > TURN_MARGIN:
            spans.reverse()
        space = next((i for i, ch in enumerate(line) if ch in " \u00a0"), 0)
        for k, (a, b) in enumerate(spans):
            if k and not _runs_join(line[spans[k - 1][1] - 1], line[a]):
                order.append(same[pos + space : pos + space + 1])
            order.append(same[pos + a : pos + b])
        if n + 1 < len(lines):  # the line break
            order.append(same[end : lines[n + 1][0]])
    src = np.concatenate(order) if order else same[:0]
    return "".join(raw[i] for i in src), src, changed


def _word_logp(token: str) -> float:
    """``text_logp`` of a token's letters (a stop a font drew elsewhere cuts no word)."""
    return text_logp(_NOT_LETTER_RE.sub("", token))


def _cut_joins(left: str, right: str) -> bool:
    """A cut may stand between ``left`` and ``right`` turned: after a letter that joins."""
    letters = _NOT_LETTER_RE.sub("", left)
    return bool(letters) and joins_next(letters[-1]) and "\u0621" <= right[:1] <= "\u064a"


def spaced_runs(tokens: list[str]) -> tuple[float, list[tuple[int, int]]]:
    """The likeliest reading of a line's ``tokens`` as runs back to front cut at some of
    its gaps: how much likelier (log10) it is than the tokens as they stand (cuts paid
    for), and its runs in reading order as token spans (one span: the line as it stands).

    >>> line = "ائق طر الس  ون يض  تراجعت نسبة الحوادث في المدينة بعد ان اصبح القان"
    >>> gain, runs = spaced_runs(line.split())
    >>> gain > SPACED_LINE_GAIN, runs
    (True, [(5, 14), (3, 5), (1, 3), (0, 1)])
    """
    m = len(tokens)
    scores = [_word_logp(t) for t in tokens]
    prefix = [0.0]
    for x in scores:
        prefix.append(prefix[-1] + x)
    in_place = prefix[m]

    def inner(a: int, b: int) -> float:  # the words of run a..b-1 but its first and last
        return prefix[b - 1] - prefix[a + 1] if b - a >= 3 else 0.0

    # A reading so far: its score, the word left open at its end (to be joined to the next
    # run's first), and its runs; kept by the token where its last run starts.
    found: dict[int, list[tuple[float, str, list[tuple[int, int]]]]] = {}
    for a in range(1, m):
        opening = (scores[a] + inner(a, m), tokens[m - 1]) if m - a >= 2 else (0.0, tokens[a])
        found.setdefault(a, []).append((*opening, [(a, m)]))
    for s in range(m - 1, 0, -1):
        kept = sorted(found.pop(s, []), key=lambda r: -(r[0] + _word_logp(r[1])))[:BEAM]
        for score, open_word, runs in kept:
            for a in range(s - 1, -1, -1):
                if not _cut_joins(open_word, tokens[a]):
                    continue
                if s - a >= 2:
                    step = (score - CUT_COST + _word_logp(open_word + tokens[a]) + inner(a, s), tokens[s - 1])
                else:
                    step = (score - CUT_COST, open_word + tokens[a])
                found.setdefault(a, []).append((*step, [*runs, (a, s)]))
    ends = [(score + _word_logp(open_word), runs) for score, open_word, runs in found.get(0, [])]
    if not ends:
        return 0.0, [(0, m)]
    score, runs = max(ends, key=lambda r: r[0])
    return score - in_place, runs


def _searchable(line: str) -> bool:
    """A line the spaced-kashida search reads: three tokens to ``MAX_TOKENS``, a wide gap."""
    return "  " in line.strip() and 3 <= len(line.split(None, MAX_TOKENS)) <= MAX_TOKENS


def spaced_runs_in_order(raw: str) -> tuple[str, np.ndarray, int]:
    """``raw`` with its lines read as runs back to front cut at spaced kashida, where the
    text shows it (see the module docstring): the text, the raw index of each of its
    characters, and how many lines were read so.
    """
    same = np.arange(len(raw), dtype=np.int64)
    gaps, wide = _gaps(raw)
    if gaps < MIN_GAPS or not WIDE_SHARE * gaps <= wide < LEADER_SHARE * gaps:
        return raw, same, 0
    lines = _line_spans(raw)
    evidence = [(a, b) for a, b in lines if _searchable(raw[a:b])][:SPACED_EVIDENCE]
    if len(evidence) < MIN_LINES:
        return raw, same, 0
    gains = [spaced_runs(raw[a:b].split())[0] for a, b in evidence]
    if sum(g > SPACED_LINE_GAIN for g in gains) < SPACED_SHARE * len(gains) \
            or statistics.median(gains) < SPACED_MEDIAN:
        return raw, same, 0
    order: list[np.ndarray] = []
    changed = 0
    pos = 0
    for a, b in lines:
        order.append(same[pos:a])
        pos = b
        line = raw[a:b]
        if not 3 <= len(line.split(None, MAX_TOKENS)) <= MAX_TOKENS:
            order.append(same[a:b])
            continue
        spans = [(a + m.start(), a + m.end()) for m in _TOKEN_RE.finditer(line)]
        gain, runs = spaced_runs([raw[x:y] for x, y in spans])
        if gain <= SPACED_LINE_GAIN:
            order.append(same[a:b])
            continue
        changed += 1
        for first, stop in runs:  # a run's own gaps kept as they stand
            order.append(same[spans[first][0] : spans[stop - 1][1]])
    order.append(same[pos:])
    src = np.concatenate(order)
    return "".join(raw[i] for i in src), src, changed
