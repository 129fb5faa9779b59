"""Spaces on the wrong side of commas and stops: ``يونس ،مما`` for ``يونس، مما``.

An extractor that writes each right-to-left line as one embedded run (``pdftotext``)
puts a comma or full stop between words on the far side of the space: the mark is glued
to the next word and the space stands before it. Such an extractor does it to every mark
of the text, so the text decides: where most marks between two words stand that way
(``SWAPPED_SHARE``, on ``SWAPPED_MIN`` lines at least), each is put back against the word before
it with the space after it. Prose in reading order has almost none
(``قال ،ان`` is no writing of anyone's).

>>> from workbench.cleaning.lines import synthetic
>>> lines = [synthetic("قال ،ان الهجوم وقع امس .وقال المتحدث ،ان 3جنود قتلوا", 0)] * 3
>>> [line.text for line in swapped_stop_spaces(lines)[0]][0]
'قال، ان الهجوم وقع امس. وقال المتحدث، ان 3 جنود قتلوا'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.arabic import TATWEEL
from .layout import plan_layout
from .lines import Line, concat, synthetic
from .stages import tidy_punctuation

# Share of the marks between two words that must stand swapped (space before, none
# after) for the text to be read as written that way, and the fewest such marks.
# On the dev documents of benchmarks/pdf_damage.py every ``pdftotext`` text has all its
# marks swapped (four to thirty a page), every other extractor's a few at most (from
# damage of its own). People typing Arabic on phones write some so too (up to five in a
# one-line tweet of the CheckThat! set): that is their writing, and stays; an extractor
# writes so on every line of a page, so the marks must stand on ``SWAPPED_MIN`` lines.
SWAPPED_SHARE = 0.8
SWAPPED_MIN = 3

_MARKS = "\u060c\u061b\u061f.,:;!?"  # ARABIC COMMA, SEMICOLON, QUESTION MARK
_WORD_END = "\u0621-\u0652\u0660-\u0669" + "0-9"  # letters, marks, digits
_CLOSERS = "\")\u00bb\u201d"  # quote, bracket, right guillemet, right double quote
_LETTER = "[\u0621-\u064a]"
_DIGITS = "[0-9\u0660-\u0669]+"
# A mark after a space, glued to the Arabic word after it.
_SWAPPED_RE = re.compile(f"(?<=[{_WORD_END}{_CLOSERS}]) ([{_MARKS}]+)(?={_LETTER})")
# A mark glued to the word before it, a space after it: the usual writing.
_USUAL_RE = re.compile(f"(?<=[{_WORD_END}{_CLOSERS}])[{_MARKS}]+(?= {_LETTER})")
# What the same extractor does to the other neutrals between words, each put right in
# a text read as written that way: the pattern, and what it becomes (group numbers keep
# their characters and offsets; strings are inserted).
_SWAPPED_FIXES: tuple[tuple[re.Pattern[str], tuple[int | str, ...]], ...] = (
    (_SWAPPED_RE, (1, " ")),  # يونس ،مما → يونس، مما
    # a stop before a number glued to the next word: شباط .2007ويروي → شباط 2007. ويروي
    (re.compile(f"(?<= )([.\u060c,]+)({_DIGITS})(?={_LETTER})"), (2, 1, " ")),
    # a number glued to the next word: عام 2000وفيلم → عام 2000 وفيلم
    (re.compile(f"({_DIGITS})(?={_LETTER})"), (1, " ")),
    # a dash between words glued to the next one: البوب -الذي → البوب - الذي
    (re.compile(f"(?<= )([-\u2013\u2014])(?={_LETTER})"), (1, " ")),
)


def swapped_stop_spaces(lines: list[Line]) -> tuple[list[Line], int]:
    """Commas and stops written before the space between two words moved after it, in a
    text that writes most of them so (see the module docstring); numbers and dashes
    glued to the next word by the same extractor set apart from it."""
    if not writes_swapped(lines):
        return list(lines), 0
    total = 0
    out = list(lines)
    for pattern, template in _SWAPPED_FIXES:
        for k, line in enumerate(out):
            out[k], n = _rewrite(line, pattern, template)
            total += n
    return out, total


def writes_swapped(lines: list[Line]) -> bool:
    """True for a text that writes its commas and stops before the space between two
    words (see the module docstring)."""
    return _writes_so(lines, _SWAPPED_RE, _USUAL_RE, SWAPPED_SHARE)


def _writes_so(lines: list[Line], odd: re.Pattern[str], usual: re.Pattern[str], share: float) -> bool:
    """True when a text writes a mark the ``odd`` way on ``share`` of the places it writes
    it either way, ``SWAPPED_MIN`` times at least and on as many lines: a habit of its
    extractor, not a slip of one writer.

    Read without tatweel, as the kashida stage leaves the text: a run of tatweel before a
    space is no word a mark could follow (``ــ .صورة``), and a second clean must find the
    habit the first found."""
    text = "\n".join(line.text for line in lines)
    if TATWEEL in text:
        text = text.replace(TATWEEL, "")
    found = len(odd.findall(text))
    if found < SWAPPED_MIN or found < share * (found + len(usual.findall(text))):
        return False
    return sum(odd.search(line) is not None for line in text.split("\n")) >= SWAPPED_MIN


def _rewrite(line: Line, pattern: re.Pattern[str], template: tuple[int | str, ...],
             left_as_is: Callable[[str, re.Match[str]], bool] | None = None) -> tuple[Line, int]:
    """Each match of ``pattern`` in ``line`` written as ``template`` says, offsets kept
    (save those ``left_as_is`` says to leave)."""
    parts: list[Line] = []
    pos = 0
    n = 0
    for m in pattern.finditer(line.text):
        if left_as_is is not None and left_as_is(line.text, m):
            continue
        parts.append(Line(line.text[pos : m.start()], line.src[pos : m.start()]))
        at = int(line.src[m.start()]) if m.start() < len(line.src) else 0
        for item in template:
            if isinstance(item, int):
                a, b = m.span(item)
                parts.append(Line(line.text[a:b], line.src[a:b]))
            else:
                parts.append(synthetic(item, at))
        pos = m.end()
        n += 1
    if not n:
        return line, 0
    parts.append(Line(line.text[pos:], line.src[pos:]))
    return concat(parts), n


# A comma or semicolon glued to the words on both sides (``المالية،من``): an extractor
# that infers spaces from the gaps between glyphs (XeLaTeX writes none) misses the
# narrow one after a comma. Where at least ``GLUED_SHARE`` of the commas between words
# are glued so, on ``SWAPPED_MIN`` lines or more, a space is put after each. The source
# texts of the dev documents have none; a tweet a few, on its one line. Full stops,
# question marks and colons (``البحر.وتجري``) are decided the same way, apart: a text
# may lose the space after one kind of mark and not the other.
GLUED_SHARE = 0.25
_GLUED_MARKS = ("\u060c\u061b,;", ".\u061f!:")  # commas and semicolons; stops and colons
_GLUED = tuple(
    (re.compile(f"(?<=[{_LETTER[1:-1]}])([{marks}])(?={_LETTER})"),
     re.compile(f"(?<=[{_WORD_END}{_CLOSERS}])[{marks}](?= {_LETTER})"))
    for marks in _GLUED_MARKS
)


def glued_commas(lines: list[Line]) -> tuple[list[Line], int]:
    """A space put after each comma (or stop) glued to the words on both sides, in a text
    that glues enough of them (see ``GLUED_SHARE``).

    >>> from workbench.cleaning.lines import synthetic
    >>> lines = [synthetic("قال،ان الهجوم وقع امس، وقال المتحدث،ان", 0)] * 3
    >>> glued_commas(lines)[0][0].text
    'قال، ان الهجوم وقع امس، وقال المتحدث، ان'
    >>> lines = [synthetic("وصل الوفد امس.وقال المتحدث ان الاجتماع انتهى.وغادر", 0)] * 3
    >>> glued_commas(lines)[0][0].text
    'وصل الوفد امس. وقال المتحدث ان الاجتماع انتهى. وغادر'
    """
    total = 0
    out = list(lines)
    for glued, usual in _GLUED:
        if not _writes_so(out, glued, usual, GLUED_SHARE):
            continue
        for k, line in enumerate(out):
            out[k], n = _rewrite(line, glued, (1, " "), _inside_word)
            total += n
    return out, total


def _inside_word(text: str, m: re.Match[str]) -> bool:
    """Whether the mark ``m`` stands between two pieces of one word, as both models read
    them (``split_piece_gain``): the glyph of a font that lacked it drawn into the word
    (pypdf on KacstBook: ``الق.راءة`` for ``القراءة``), not a space lost after it; a space
    there would cut the word for good.

    >>> import re
    >>> _inside_word("وسهلة الق.راءة", re.search("[.]", "وسهلة الق.راءة"))
    True
    >>> _inside_word("امس.وقال", re.search("[.]", "امس.وقال"))
    False
    """
    from .pieces import split_piece_gain  # pieces builds on the stages this module uses

    left = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
    right = text[m.end() :].split(None, 1)[0] if text[m.end() :].strip() else ""
    return bool(left and right) and split_piece_gain(left, right) > 0


# Brackets a text writes mirrored: each glyph read as the character of its shape, which in
# right-to-left text is the other bracket (``ساثيراتاي )الرابع( والدبلوماسي``).
_MIRRORED = {"(": ")", ")": "(", "[": "]", "]": "["}
_BRACKETS_RE = re.compile(r"[()\[\]]")
# A closing bracket glued to what follows it on its line: every mirrored pair opens so
# (``_mirrored_pair``: the enclosed words start right after it, and a line break between
# them is a space once the lines are joined). A text with none has no bracket to turn,
# and its paragraphs are never laid out to look.
_GLUED_CLOSER_RE = re.compile(r"[)\]]\S")
# How many times the lines of a text whose brackets all close before they open must
# outnumber those whose brackets open first for the text to be read as writing them
# mirrored: an extractor mirrors every pair of a text, and a line garbled otherwise may
# hold one pair the right way round by chance; a writer's stray ``) ... (`` stands beside
# pairs written the right way.
MIRRORED_RATIO = 2


# Most words a mirrored pair encloses: brackets hold a word or a few (an agency, a date
# range); a closing bracket far before an opening one is two pairs' halves, the runs of
# the line between them out of order.
MAX_ENCLOSED = 6
_WORD_RE = re.compile(r"[^\W_]")


def _mirrored_pair(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether a closing bracket ``a`` and an opening one ``b`` after it are a pair read
    mirrored: glued to the few words they enclose, as the glyphs stood (``)رويترز(``). A
    writer who types brackets the wrong way round glues them to the words outside
    (``جريدة) ليبرتي (امس``: NewsFANE has such sentences): that is the text as written."""
    inside = text[a.end() : b.start()]
    return (bool(_WORD_RE.search(inside)) and len(inside.split()) <= MAX_ENCLOSED
            and not inside[:1].isspace() and not inside[-1:].isspace())


def _bracket_order(text: str) -> int:
    """1 where a line's brackets all open before they close, pair by pair (``(a) (b)``),
    -1 where they all close first, each pair round a few words it is glued to
    (``)a( )b(``), else 0."""
    found = list(_BRACKETS_RE.finditer(text))
    if not found or len(found) % 2:
        return 0
    opening = [m.group() in "([" for m in found]
    if all(o == (k % 2 == 0) for k, o in enumerate(opening)):
        return 1
    if all(o == (k % 2 == 1) for k, o in enumerate(opening)) and all(
        _mirrored_pair(text, a, b) for a, b in zip(found[::2], found[1::2], strict=True)
    ):
        return -1
    return 0


def mirrored_brackets(lines: list[Line]) -> tuple[list[Line], int]:
    """Brackets a text writes mirrored turned round, in the paragraphs whose brackets all
    close before they open, where such paragraphs outnumber the others ``MIRRORED_RATIO``
    times.

    Decided per paragraph of the layout (``bracket_units``), not per line: a pair a line
    break splits (``)رويترز⏎ذكرت(``) is one pair once the lines are joined, as the next
    clean reads them. A paragraph whose brackets read neither way as a whole (a line
    garbled otherwise) is read in its parts (``_bracket_parts``): those holding mirrored
    pairs count where none holds a pair the right way round, and are turned.

    >>> from workbench.cleaning.lines import synthetic
    >>> out, n = mirrored_brackets([synthetic("قال )رويترز( ان", 0)])
    >>> out[0].text, n
    ('قال (رويترز) ان', 1)
    """
    if not any("(" in line.text or "[" in line.text for line in lines) \
            or not any(_GLUED_CLOSER_RE.search(line.text) for line in lines):
        return lines, 0
    mirrored = right = 0
    turn: list[int] = []
    for unit in bracket_units([line.text for line in lines]):
        order = _bracket_order(_joined(lines, unit))
        if order == 1:
            right += 1
        elif order == -1:
            mirrored += 1
            turn.extend(unit)
        elif len(unit) > 1:
            parts = [(part, _bracket_order(_joined(lines, part))) for part in _bracket_parts(lines, unit)]
            odd = [part for part, o in parts if o == -1]
            turn.extend(i for part in odd for i in part)
            # counted only where no part reads the right way round: the next clean reads the
            # paragraph as one line, whose parts it cannot see, and must not find more
            # mirrored paragraphs against fewer right ones than this one found
            if all(o != 1 for _, o in parts):
                mirrored += len(odd)
    if not mirrored or mirrored <= MIRRORED_RATIO * right:
        return lines, 0
    out = list(lines)
    for i in turn:
        out[i] = Line(_BRACKETS_RE.sub(lambda m: _MIRRORED[m.group()], lines[i].text), lines[i].src)
    return out, mirrored


def _joined(lines: list[Line], unit: tuple[int, ...]) -> str:
    """The text of a unit's lines as layout joins them."""
    return " ".join(lines[i].text for i in unit if lines[i].text)


def _bracket_parts(lines: list[Line], unit: tuple[int, ...]) -> list[tuple[int, ...]]:
    """A unit's lines in the smallest runs that each hold an even number of brackets:
    runs no pair can cross (``)a`` ``b(`` one run, ``)c(`` another)."""
    parts: list[tuple[int, ...]] = []
    cur: list[int] = []
    count = 0
    for i in unit:
        cur.append(i)
        count += len(_BRACKETS_RE.findall(lines[i].text))
        if count % 2 == 0:
            parts.append(tuple(cur))
            cur, count = [], 0
    if cur:
        parts.append(tuple(cur))
    return parts


def bracket_units(texts: list[str]) -> list[tuple[int, ...]]:
    """The lines that read as one unit once laid out: the title, each paragraph or
    heading of ``plan_layout``, any other line alone (a byline, a blank line).

    >>> bracket_units(["قال )رويترز", "ان( القوات وصلت.", "", "وعادت الى المدينة."])
    [(0, 1), (2,), (3,)]
    """
    plan = plan_layout(texts)
    units = [plan.title] if plan.title else []
    units.extend(b.lines for b in plan.blocks)
    seen = {i for unit in units for i in unit}
    units.extend((i,) for i in range(len(texts)) if i not in seen)
    return sorted(units)


def tidy_stops(lines: list[Line]) -> tuple[list[Line], int]:
    """Commas and stops against the word before them: swapped spaces put back
    (``swapped_stop_spaces``), glued commas given their space (``glued_commas``), then no
    space before a mark (``tidy_punctuation``); brackets a text writes mirrored turned
    round first (``mirrored_brackets``)."""
    lines, turned = mirrored_brackets(lines)
    lines, swapped = swapped_stop_spaces(lines)
    lines, glued = glued_commas(lines)
    lines, tidied = tidy_punctuation(lines)
    return lines, turned + swapped + glued + tidied
