"""Damage simulator: clean Arabic prose made to look like text pulled badly out of a PDF.

The model reproduces the kinds of damage seen in the bundled seed article
(``seeds/000_a7d0b04255543ba7.txt``), each drawn from a seeded random generator so a
run is repeatable:

1. Hard wraps: each paragraph is broken into lines of at most ``width`` characters at
   spaces, as the PDF's visual lines were.
2. Justification kashida: on a justified line (every line of a paragraph but its last),
   with probability ``p_kashida``, four words in five get one TATWEEL (U+0640) run of
   2-3 after a letter that joins forward (never inside LAM-ALEF).
3. Dropped digits: every digit is removed (the seed's font had no digits in its text
   layer), leaving the double space around a lost number and any punctuation that
   followed it.
4. Visual runs: with probability ``p_runs`` a line is cut into 2-7 runs that are
   emitted in visual left-to-right order, i.e. run order reversed while each run keeps
   its logical order inside. Cuts fall where the seed's extractor broke runs: between a
   kashida-stretched letter and its kashida (often inside a word, the kashida opening
   the next run) and around lost digit runs.
   Runs that met inside a word are joined by a space, as extractors do.
5. Moved punctuation: with probability ``p_punct`` a line's final sentence punctuation
   (``.`` ``،`` ``:`` ``؛`` ``؟`` ``!``) is shown at the line start, followed by a space.
6. Orphan last line: a paragraph's last line shorter than half the width gets a blank
   line before it, with probability ``p_orphan``.

Paragraphs stay separated by a blank line. The damage never invents letters: every
letter of the source survives in the output, so a perfect repair reaches CER 0 on
letters and spaces (the measure the benchmark uses) even though digits are gone.

>>> damage("في عام 2017 وقع هجوم.", seed=1, width=40, p_runs=0.0, p_punct=1.0)
'. في عام  وقع هجوم'
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

TATWEEL = "\u0640"  # ARABIC TATWEEL (kashida)
# Letters after which no kashida can be drawn: ALEF forms, DAL, THAL, REH, ZAIN, WAW
# (and WAW WITH HAMZA), TEH MARBUTA, ALEF MAKSURA, HAMZA.
_NON_FORWARD_JOINING = set(
    "\u0622\u0623\u0625\u0627\u0671\u062f\u0630\u0631\u0632\u0648\u0624\u0629\u0649\u0621"
)
_LAM = "\u0644"  # ARABIC LETTER LAM: LAM + ALEF is a ligature, never stretched
_ALEFS = "\u0622\u0623\u0625\u0627"  # ALEF WITH MADDA, HAMZA ABOVE, HAMZA BELOW, ALEF
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a]")
_DIACRITIC = re.compile("[\u064b-\u0652\u0670]")
_DIGITS = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]+")
_FINAL_PUNCT = re.compile("([.\u060c:\u061b\u061f!])$")  # ., ARABIC COMMA, :, ARABIC SEMICOLON, ARABIC ?, !


def damage(
    text: str,
    *,
    seed: int = 0,
    width: int = 80,
    p_kashida: float = 0.5,
    p_runs: float = 0.35,
    p_punct: float = 0.5,
    p_orphan: float = 0.7,
) -> str:
    """``text`` (paragraphs separated by blank lines) with the seed's kinds of damage."""
    lines = damage_lines(text, seed=seed, width=width, p_kashida=p_kashida, p_runs=p_runs,
                         p_punct=p_punct, p_orphan=p_orphan)
    return "\n".join(line.damaged for line in lines)


@dataclass(frozen=True)
class DamagedLine:
    """One output line of ``damage``: the damaged text, the source line it came from
    ("" for a blank line), and how many runs it was cut into (1: order untouched)."""

    damaged: str
    source: str
    runs: int = 1


def damage_lines(
    text: str,
    *,
    seed: int = 0,
    width: int = 80,
    p_kashida: float = 0.5,
    p_runs: float = 0.35,
    p_punct: float = 0.5,
    p_orphan: float = 0.7,
) -> list[DamagedLine]:
    """The lines ``damage`` outputs, each with its source line: the truth a repair is scored on.

    >>> [(x.damaged, x.source) for x in damage_lines("في عام 2017 وقع هجوم.", seed=1, p_runs=0.0,
    ...                                               p_punct=1.0)]
    [('. في عام  وقع هجوم', 'في عام 2017 وقع هجوم.')]
    """
    rng = random.Random(seed)
    out: list[DamagedLine] = []
    for n, para in enumerate(re.split(r"\n\s*\n", text.strip())):
        if n:
            out.append(DamagedLine("", ""))
        lines = wrap(" ".join(para.split()), width=width)
        damaged: list[DamagedLine] = []
        for i, source in enumerate(lines):
            line = source
            justified = i < len(lines) - 1
            if justified and rng.random() < p_kashida:
                line = _stretch(line, rng)
            match = _FINAL_PUNCT.search(line)
            if match and rng.random() < p_punct:
                line = match.group(1) + " " + line[: match.start()].rstrip()
            line, holes = _drop_digits(line)
            runs = 1
            if rng.random() < p_runs:
                line, runs = _visual_runs(line, holes, rng)
            damaged.append(DamagedLine(line, source, runs))
        if len(damaged) > 1 and len(lines[-1]) < width / 2 and rng.random() < p_orphan:
            damaged.insert(len(damaged) - 1, DamagedLine("", ""))
        out.extend(damaged)
    return out


def wrap(paragraph: str, *, width: int) -> list[str]:
    """Greedy line breaking at spaces: lines of at most ``width`` characters.

    >>> wrap("في عام وقع هجوم", width=8)
    ['في عام', 'وقع هجوم']
    """
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _stretch(line: str, rng: random.Random) -> str:
    """One kashida run in most words, after a letter that joins forward (after its marks)."""
    return " ".join(_stretch_word(w, rng) if rng.random() < 0.8 else w for w in line.split(" "))


def _stretch_word(word: str, rng: random.Random) -> str:
    places = []
    for i, ch in enumerate(word):
        j = i + 1
        while j < len(word) and _DIACRITIC.match(word[j]):
            j += 1
        nxt = word[j] if j < len(word) else ""
        if (
            _ARABIC_LETTER.match(ch) and ch not in _NON_FORWARD_JOINING
            and _ARABIC_LETTER.match(nxt) and not (ch == _LAM and nxt in _ALEFS)
        ):
            places.append(j)
    if not places:
        return word
    at = rng.choice(places)
    return word[:at] + TATWEEL * rng.randint(2, 3) + word[at:]


def _drop_digits(line: str) -> tuple[str, list[int]]:
    """The line without digits, and the positions where digit runs were."""
    holes = []
    pieces = []
    last = 0
    removed = 0
    for m in _DIGITS.finditer(line):
        pieces.append(line[last : m.start()])
        holes.append(m.start() - removed)
        removed += m.end() - m.start()
        last = m.end()
    pieces.append(line[last:])
    return "".join(pieces), holes


def _visual_runs(line: str, holes: list[int], rng: random.Random) -> tuple[str, int]:
    """Cut at stretched letters and lost digits; emit the runs right to left (and their number)."""
    cuts = {h for h in holes if 0 < h < len(line)}
    # The seed's extractor cut between a stretched letter and its kashida: the kashida
    # opens the next run (``وازدي`` | ``ــاد``, ``المصال`` | ``ــح``).
    for m in re.finditer(f"[^{TATWEEL}\\s]{TATWEEL}", line):
        if 0 < m.start() + 1 < len(line):
            cuts.add(m.start() + 1)
    if not cuts:
        return line, 1
    n = min(len(cuts), rng.randint(1, 6))
    chosen = sorted(rng.sample(sorted(cuts), n))
    runs = [line[a:b] for a, b in zip([0, *chosen], [*chosen, len(line)], strict=True)]
    runs = [r for r in runs if r]
    out = ""
    for run in reversed(runs):
        if out and not out[-1].isspace() and not run[0].isspace():
            out += " "
        out += run
    return out.strip(), len(runs)


# --- lost numbers: does clean flag every one? ---------------------------------------------

_WORD = re.compile("[\u0621-\u064a]+")  # letters of an Arabic word, punctuation aside


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The Arabic words right before ``start`` and right after ``end`` (letters only)."""
    before = _WORD.findall(text[max(0, start - 60) : start])
    after = _WORD.findall(text[end : end + 60])
    return (before[-1] if before else "", after[0] if after else "")


def drop_numbers(text: str, *, width: int = 70) -> tuple[str, list[tuple[str, str]]]:
    """``text`` hard-wrapped at ``width`` and every digit dropped (as a font without digits
    in its text layer does), and the words around each lost number.

    >>> drop_numbers("قتل 12 شخصا في هجوم على قرية قرب المدينة صباح اليوم", width=30)[1]
    [('قتل', 'شخصا')]
    """
    lines = wrap(" ".join(text.split()), width=width)
    lost = [_neighbours(line, m.start(), m.end()) for line in lines for m in _DIGITS.finditer(line)]
    return "\n".join(_drop_digits(line)[0] for line in lines), lost


def flagged_numbers(texts: list[str], *, marker: str = "[…]") -> dict[str, int]:
    """Lost numbers ``clean`` flags: ``lost`` (numbers dropped from ``texts``), ``flagged``
    (markers put in), ``right`` (markers between the same words as a lost number).

    Precision is ``right / flagged``, recall ``right / lost``. Texts without digits measure
    false gaps alone (every marker is one).
    """
    from collections import Counter

    from workbench import clean

    tally = Counter()
    for text in texts:
        damaged, lost = drop_numbers(text)
        cleaned = clean(damaged).text
        at = [m.start() for m in re.finditer(re.escape(marker), cleaned)]
        found = Counter(_neighbours(cleaned, a, a + len(marker)) for a in at)
        want = Counter(lost)
        tally["lost"] += len(lost)
        tally["flagged"] += len(at)
        tally["right"] += sum((found & want).values())
    return dict(tally)
