"""Repair Arabic text pulled badly out of PDFs, flag what was lost, keep offsets to the raw text.

``clean(raw)`` runs stages a notebook can show one by one (``Cleaned.stages``):

1. ``unicode``: lines written as embedded runs in visual order (``pdftotext -raw``)
   turned round; presentation forms to letters, bidi controls and zero-widths removed,
   line breaks and spaces made plain; a glyph an extractor named ``(cid:N)`` removed from
   inside a word it stretched (kashida) or made U+FFFD; a glyph a font named wrongly
   inside words (``خل؝ل``) read as the letter the word list says;
2. ``reversed_lines``: a line emitted letter by letter in visual order is read back; in a
   text that writes its left-to-right runs back to front (``6002``, ``eoMlA``: pdfplumber
   told the page is right to left), each run turned round (``ltr_runs.py``); then, lines
   in reading order, hamza or madda written as a mark after its letter made one letter
   (``ا`` + U+0654 → ``أ``, ``compose.py``);
3. ``box_runs``: the boxes pdfminer cut a line into where its font lacked digits or
   quotes (drawn from another font), written left to right, put in reading order;
   ``cut_lines``: a line cut inside a word (``شر|كة``), its pieces written left to right,
   made one line with the word whole, where the word bigram model reads it so;
4. ``fallback_runs``: the runs of lines written left to right where the font lacked
   quotes, stops or digits (drawn from another font) put in reading order, decided for
   the text by the word bigram model (in a text justified with kashida: after ``kashida``),
   a line only brackets cut left as written where its own words and edges say the font
   had them (``ساثيراتاي (الرابع) والدبلوماسي``);
   ``kashida_pivots``: a line whose runs came back to front round a letter that a kashida
   with no character cut off (``حاولة … نشاطها.معرضتها … في``) turned round it, where
   the character model reads it better so (after ``fallback_runs``, which turns the lines
   a font's missing marks cut);
5. ``kashida_digits``: the kashida glyph mapped to the digit 1 (``نف11ذه``) made tatweel again;
   ``orphan_marks``: marks a font lacked, written on lines of their own after their line
   (PyMuPDF, pdfminer), put back in the wide gaps the line kept for them (``عن  صدمته``
   then ``"``); quotes written on a line of their own before their line (pdfplumber told
   the page is right to left) put back in the holes it kept (``"`` then ``الاوسط .``),
   where the counts agree; a lone full stop with no gap kept after the word that most
   likely ends a sentence (``edges.py``);
6. ``lost_digits``: where the source dropped digits (a digit-free text keeping the
   double space they stood in) a visible marker is put in;
7. ``runs``: line runs emitted back to front put in reading order, words split across
   run breaks joined, punctuation displaced to the line start moved back to its end;
8. ``kashida``: tatweel removed;
9. ``split_words``: words split by a space at a diacritic joined again (a tanween written
   after a space, before a word, put back at the end of the word before it: ``هجوما ًانتحاريا``);
10. ``resegment``: the letters of a text most of whose words came in pieces, or of a line
   that lost its spaces, cut into words again by the word list, keeping to the word ends
   the glyph shapes of presentation forms tell (``joining_forms.py``: ``ﺕ`` drawn final
   in ``ﻭﺟﺪﺩﺕﺍﻟﺤﻜﻮﻣﺔ``);
11. ``split_pieces``: pieces of words written apart joined where the models agree;
    ``resegmented_runs``: in a text cut into words again, the runs of lines written left
    to right weighed again (as ``fallback_runs``), now that the word bigram model can read them
    (in a text justified with kashida, weighed here first, its tatweel out);
    then a glyph the PDF gave no character for (U+FFFF, kept by ``unicode`` where a space
    sets it apart, to cut runs as a quote would) is made U+FFFD, flagged by ``gaps``;
12. ``lam_alef``: a lam-alef ligature read back as ``ال`` (``خالل``) made ``لا`` again,
    where the word list knows only that reading (or finds it much likelier) and such
    words recur;
13. ``punctuation``: no space before a comma or full stop; in a text that writes them
    after the space between two words (``يونس ،مما``), the space put after them; in a
    text that writes its brackets mirrored (``)رويترز(``), the brackets turned round;
14. ``layout``: title, byline and dateline, headings and paragraphs in reading order;
15. ``gaps``: one row per marker, with its kind (count, year, date, range, number), and one
    per run of unreadable glyphs (U+FFFD, kind ``unreadable``).

The stages that move, join or split words (``guard.py``: ``runs``, ``split_words``,
``split_pieces``, ``kashida_pivots``, ``cut_lines``, ``orphan_marks``) keep a change to a line
only where the character and word bigram models read it no worse than before; the lines
put back are counted in the log (``undone``).

Every clean character keeps the index of the raw character it came from
(``Cleaned.offsets``), so a mention can be shown in the original.

>>> c = clean("كــثر مــن  هجومًــا نفــذه التنظيم خلال الشهر المنصرم فقــط سُــجل أ", lost_digits=True)
>>> c.text
'خلال الشهر المنصرم فقط سُجل أكثر من […] هجومًا نفذه التنظيم'
>>> c.gaps[["kind", "context"]].iloc[0].tolist()
['count', 'سُجل أكثر من […] هجومًا نفذه التنظيم']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..collector import collector_paused
from ..text.arabic import GAP_MARKER
from .boxes import box_runs, cut_lines
from .compose import compose_lines
from .fallback import fallback_runs, kashida_justified
from .gaps import dateline_date, dateline_rows, gap_frame, gap_rows, number_slot
from .glyphs import misread_glyphs
from .guard import ACROSS, MARGINS, guarded
from .joining_forms import boundaries
from .known_pieces import join_pieces
from .layout import find_byline
from .lines import Line, empty_line, lines_text, split_lines
from .ltr_runs import ltr_runs_reversed
from .orphans import orphan_marks
from .pieces import lam_alef_swapped, resegment_letters, unnamed_glyphs
from .pivots import kashida_pivots
from .spacing import tidy_stops
from .stages import (
    Block,
    Laid,
    digits_lost,
    join_split_words,
    kashida_digits,
    lay_out,
    mark_lost,
    normalise_unicode,
    remove_kashida,
    repair_runs,
    reverse_lines,
    unreadable_glyphs,
)

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

LOG_COLUMNS = ["stage", "changes", "undone", "description"]


@dataclass(frozen=True)
class Stage:
    """One cleaning stage: what it did and the text after it."""

    name: str
    changes: int
    description: str
    text: str
    undone: int = 0  # lines whose change the models read as no better: put back as they were


@dataclass(frozen=True)
class Cleaned:
    """Clean text, its layout and gaps, the stage log and the map back to the raw text.

    ``offsets[i]`` is the index in ``raw`` of the character clean ``text[i]`` came
    from (for an inserted marker or space: the raw place it stands for).
    """

    raw: str
    text: str
    blocks: tuple[Block, ...]
    gap_rows: tuple[dict, ...]
    title: str = ""
    author: str = ""
    dateline: str = ""
    published_text: str = ""
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    stages: tuple[Stage, ...] = ()

    @cached_property
    def gaps(self) -> pd.DataFrame:
        """Places where the source lost text: one row per gap, the columns ``GAP_COLUMNS``
        (made from ``gap_rows`` when first read)."""
        return gap_frame(list(self.gap_rows))

    @cached_property
    def log(self) -> pd.DataFrame:
        """The stage log: ``stage``, ``changes``, ``undone`` (lines whose change the models
        read as no better, put back: ``guard.py``), ``description``, one row per stage
        (made when first read: a batch run never reads it)."""
        return _log(list(self.stages))

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a clean span came from (smallest span covering its characters)."""
        start, end = max(0, start), min(len(self.text), end)
        if start >= end or not len(self.offsets):
            at = int(self.offsets[start]) if start < len(self.offsets) else len(self.raw)
            return at, at
        part = self.offsets[start:end]
        return int(part.min()), int(part.max()) + 1

    def stage_text(self, name: str) -> str:
        """The text as it stood after stage ``name``."""
        return next(s.text for s in self.stages if s.name == name)

    def changed_lines(self, name: str) -> pd.DataFrame:
        """The lines stage ``name`` changed: ``line`` (from 1), ``before`` and ``after``.

        Stages before ``layout`` keep the raw line structure, so lines compare one to one.

        >>> c = clean("عـــودة داعـــش\\nفي العراق")
        >>> c.changed_lines("kashida").values.tolist()
        [[1, 'عـــودة داعـــش', 'عودة داعش']]
        """
        import pandas as pd

        names = [s.name for s in self.stages]
        at = names.index(name)
        before = (self.stages[at - 1].text if at else self.raw).split("\n")
        after = self.stages[at].text.split("\n")
        rows = [
            (i, b, a) for i, (b, a) in enumerate(zip(before, after, strict=False), start=1) if b != a
        ]
        return pd.DataFrame(rows, columns=["line", "before", "after"])

    def block_texts(self, kind: str | None = None) -> list[str]:
        """Texts of the blocks (of one kind, if given), in reading order."""
        return [self.text[b.start : b.end] for b in self.blocks if kind in (None, b.kind)]


def _log(stages: list[Stage]) -> pd.DataFrame:
    """The stage log: a copy of the frame of its names and descriptions, made once for
    each set of them, with the counts put in (pandas takes a quarter of a millisecond to
    make a frame of strings, a fifth of that to copy one and set a column)."""
    import pandas as pd

    changes = [s.changes for s in stages]
    if not all(type(n) is int for n in changes):  # let pandas read the counts as it would
        return pd.DataFrame([(s.name, s.changes, s.undone, s.description) for s in stages],
                            columns=LOG_COLUMNS)
    log = _log_frame(tuple((s.name, s.description) for s in stages)).copy()
    log["changes"] = np.array(changes, dtype=np.int64)
    log["undone"] = np.array([s.undone for s in stages], dtype=np.int64)
    return log


@lru_cache(maxsize=64)
def _log_frame(rows: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """A stage log with these names and descriptions, every count 0 (never handed out:
    callers copy it)."""
    import pandas as pd

    return pd.DataFrame([(name, 0, 0, description) for name, description in rows], columns=LOG_COLUMNS)


@collector_paused()  # many short-lived objects and no cycles, as in analyze
def clean(raw: str, *, gap_marker: str = GAP_MARKER, lost_digits: bool | None = None) -> Cleaned:
    """Repaired text of ``raw`` with its layout, gaps, stage log and offset map.

    ``gap_marker`` is what the text shows where the source lost digits (no spaces in it);
    ``lost_digits`` forces the lost-digit reading on or off (default: decided from the
    text: no digit anywhere, yet double spaces or stops displaced to line starts).
    Never raises on a string: a stage that fails leaves its input as it was and says so
    in the log.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean() takes a str, not {type(raw).__name__}")
    if not gap_marker or any(ch.isspace() for ch in gap_marker):
        raise ValueError("gap_marker must be non-empty and without spaces")
    stages: list[Stage] = []

    def run(name: str, description: str, fn: Callable[[], tuple]) -> tuple:
        try:
            return fn()
        except Exception as exc:  # a damaged document must not stop a batch
            stages.append(Stage(name, 0, f"failed ({type(exc).__name__}: {exc}); input kept", ""))
            return ()

    doc, n = normalise_unicode(raw)
    doc, k = unnamed_glyphs(doc)
    n += k
    doc, k = misread_glyphs(doc)
    n += k
    description = "presentation forms to letters; bidi controls, zero-widths out; unnamed glyphs"
    stages.append(Stage("unicode", n, description, doc.text))
    lines = split_lines(doc)

    def line_stage(name: str, description: str, fn: Callable[[list[Line]], tuple[list[Line], int]]) -> None:
        nonlocal lines

        def weighed(ls: list[Line]) -> tuple[list[Line], int, int]:
            # a stage that moves, joins or splits words keeps only the changes the models
            # read better (``guard.py``)
            new, count = fn(ls)
            if name not in MARGINS:
                return new, count, 0
            new, undone = guarded(ls, new, MARGINS[name], across=name in ACROSS)
            return new, count, undone

        result = run(name, description, lambda: weighed(lines))
        if result:
            lines, count, undone = result
            stages.append(Stage(name, count, description, lines_text(lines), undone))
        else:
            stages[-1] = Stage(name, 0, stages[-1].description, lines_text(lines))

    def read_back(ls: list[Line]) -> tuple[list[Line], int]:
        ls, n = reverse_lines(ls)
        ls, k = ltr_runs_reversed(ls)
        ls, c = compose_lines(ls)  # (in reading order now: a mark after its letter)
        return ls, n + k + c

    line_stage(
        "reversed_lines",
        "lines emitted letter by letter in visual order read back; left-to-right runs written"
        " back to front turned round; hamza and madda written as marks composed with their letters",
        read_back,
    )
    line_stage("box_runs", "boxes of a line written left to right put in reading order", box_runs)
    line_stage("cut_lines", "a line cut inside a word, its pieces written left to right, made one", cut_lines)
    # A text justified with kashida has its runs turned by the run repair, at the word
    # edges its tatweel marks; what its font lacked is weighed once the tatweel is out, as
    # a second clean of the text weighs it.
    justified = kashida_justified([line.text for line in lines])
    line_stage(
        "fallback_runs",
        "runs of lines written left to right put in reading order",
        (lambda ls: (ls, 0)) if justified else fallback_runs,
    )
    line_stage("kashida_pivots", "lines turned round a letter a kashida cut off", kashida_pivots)
    line_stage("kashida_digits", "kashida mapped to the digit 1 made tatweel again", kashida_digits)
    line_stage("orphan_marks", "lone marks after a line put back in the gaps it kept for them", orphan_marks)
    lost = digits_lost(lines, slot=number_slot) if lost_digits is None else lost_digits
    line_stage(
        "lost_digits",
        "marker where digits were dropped" if lost else "no sign of dropped digits",
        (lambda ls: mark_lost(ls, gap_marker)) if lost else (lambda ls: (ls, 0)),
    )
    byline = find_byline([line.text for line in lines])
    skip = set(byline)
    line_stage(
        "runs",
        "line runs put in reading order, split words joined, displaced stops moved back",
        lambda ls: repair_runs(ls, marker=gap_marker, lost=lost, skip=skip),
    )
    line_stage("kashida", "tatweel removed", remove_kashida)
    line_stage("split_words", "words split at a diacritic joined", join_split_words)
    shaped = boundaries(raw)
    line_stage(
        "resegment", "letters of a text written in pieces cut into words again",
        lambda ls: resegment_letters(ls, shaped),
    )
    # A text whose words were glued or in pieces could not be read by the word bigram
    # model when its runs were weighed; once its letters are cut into words, it can.
    resegmented = any(s.name == "resegment" and s.changes for s in stages)
    line_stage(
        "split_pieces", "pieces of words written apart joined, where the models agree", join_pieces
    )

    def runs_again(ls: list[Line]) -> tuple[list[Line], int]:
        ls, n = fallback_runs(ls) if resegmented or justified else (ls, 0)
        ls, k = unreadable_glyphs(ls)  # no run is turned after this: U+FFFF has cut its runs
        return ls, n + k

    line_stage(
        "resegmented_runs",
        "runs of lines written left to right put in reading order, once words are cut again;"
        " glyphs without a character made U+FFFD",
        runs_again,
    )
    line_stage("lam_alef", "lam-alef ligatures read back as alef-lam put right", lam_alef_swapped)
    line_stage("punctuation", "commas and stops against the word before them", tidy_stops)

    result = run("layout", "", lambda: (lay_out(lines, marker=gap_marker),))
    laid = result[0] if result else Laid(empty_line(), (), "", "", "", ())
    stages.append(
        Stage("layout", len(laid.blocks), "title, headings and paragraphs in reading order", laid.doc.text)
    )

    rows = run("gaps", "", lambda: (gap_rows(laid, gap_marker, len(raw)),))
    rows = rows[0] if rows else []
    published, n_date = dateline_date(laid.dateline, lost=lost, marker=gap_marker)
    if n_date and laid.byline:
        rows.extend(dateline_rows(published, n_date, lines[laid.byline[0]]))
    stages.append(Stage("gaps", len(rows), "one row per place where the source lost text", laid.doc.text))

    return Cleaned(
        raw=raw,
        text=laid.doc.text,
        blocks=laid.blocks,
        gap_rows=tuple(rows),
        title=laid.title,
        author=laid.author,
        dateline=laid.dateline,
        published_text=published,
        offsets=np.asarray(laid.doc.src, dtype=np.int64),
        stages=tuple(stages),
    )
