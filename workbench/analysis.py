"""One document through every stage: clean → mentions → claims → events.

``analyze`` is what ``workbench run`` does per document, and what a notebook calls to
look at one article. Each table it returns carries ``doc_id`` and offsets into
``Analysis.text`` (the clean text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from .claims.claims import claim_rows, claims_frame
from .claims.clauses import TextUnits
from .claims.events import claim_records, event_rows, events_frame
from .claims.index import Mentions
from .cleaning.clean import Cleaned, clean
from .collector import collector_paused
from .find.mentions import mention_rows, mentions_frame
from .find.times.dateline import writing_day
from .text.dates import as_reference

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd


@dataclass(frozen=True)
class Rows:
    """The rows of an analysis's tables as dicts (column → plain value), before any frame:
    ``mentions`` with the columns ``mention_columns``; none carries ``doc_id``."""

    mentions: list[dict]
    mention_columns: list[str]
    claims: list[dict]
    events: list[dict]
    reference: date | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the workbench found in one document.

    The tables are built from ``rows`` when first read: a batch run writes most
    documents' rows without ever making a frame of them.
    """

    doc_id: str
    published: str
    clean: Cleaned
    rows: Rows = field(repr=False)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Places, actors, times and quantities (:func:`workbench.find_mentions`), with ``doc_id``."""
        return _with_doc_id(mentions_frame(self.rows.mentions, self.rows.mention_columns), self.doc_id)

    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per clause (:func:`workbench.find_claims`), with ``doc_id``."""
        return claims_frame(self.rows.claims, reference=self.rows.reference, doc_id=self.doc_id)

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events the claims report (:func:`workbench.find_events`), with ``doc_id``."""
        return events_frame(self.rows.events, doc_id=self.doc_id)

    @property
    def text(self) -> str:
        """The clean text every offset points into."""
        return self.clean.text

    @property
    def gaps(self) -> pd.DataFrame:
        """Places where the source lost text, with ``doc_id``."""
        return _with_doc_id(self.clean.gaps, self.doc_id)

    def _repr_html_(self) -> str:
        from .viz.display import inline_styles
        from .viz.report import analysis_html

        return inline_styles(analysis_html(self))

    def __repr__(self) -> str:
        return (
            f"Analysis(doc_id={self.doc_id!r}, chars={len(self.text)}, gaps={len(self.clean.gap_rows)}, "
            f"mentions={len(self.rows.mentions)}, claims={len(self.rows.claims)}, "
            f"events={len(self.rows.events)})"
        )


def analyze(
    raw: str,
    *,
    published: str | date | datetime | None = None,
    doc_id: str | None = None,
    **clean_options: object,
) -> Analysis:
    """Clean ``raw`` and extract mentions, claims and events from it.

    ``published`` (ISO date, possibly partial: ``2020-05``) anchors relative and
    year-less dates ("منذ أكتوبر", "شهر أبريل المنصرم"). Without it the text's own dateline
    (أم درمان 21 سبتمبر 2024 –, :func:`~.find.times.dateline.writing_day`) stands in; with
    neither, relative days stay undated (flag ``needs_reference``), never guessed.

    The garbage collector is paused during the call (``collector_paused``) and runs
    again after it. Many documents in one process: ``warm_up()`` then ``gc.freeze()``, as
    ``workbench run`` does, also keeps the collector's full passes between calls from
    walking the loaded lexicons and word memos again and again. It is left to the caller
    because it exempts every object alive at that moment, the caller's too, from
    collection until ``gc.unfreeze()``.
    """
    doc_id = doc_id or "document"
    reference = reference_date(published)
    # The stages make many short-lived objects and no cycles: the collector's passes
    # over them (and its full passes over the loaded lexicons) are spared for the call.
    with collector_paused():
        cleaned = clean(raw, **clean_options)
        if reference is None:  # relative days are read from the day the text says it is written
            reference = writing_day(cleaned.text)
        mentions, columns = mention_rows(cleaned.text, reference=reference)
        # The stages pass rows, not frames: the mentions are indexed once for both, and
        # the tables are made only when read.
        found = Mentions.of_rows(mentions)
        # One cut of the text into words, sentences and clauses for claims and events alike.
        units = TextUnits(cleaned.text)
        claims = claim_rows(cleaned.text, found, units=units)
        events = event_rows(claim_records(claims), found, reference=reference, text=cleaned.text,
                            units=units)
    return Analysis(
        doc_id=doc_id,
        published=_iso(published),
        clean=cleaned,
        rows=Rows(mentions, columns, claims, events, reference),
    )


# Touches every lexicon: a split word (مسؤ ول), kashida, Arabic-Indic digits, a place, an actor,
# a date, a count, a relative month and a reported-speech cue.
_WARM_UP_TEXT = (
    "قال مسؤ ول في وزارة الداخلية العراقية إن تنظيـم داعش هاجم بلدة الزاب ببغداد يوم ٥ مايو ٢٠٢٠ "
    "وقتل ثلاثة أشخاص.\n\nوأضـاف أن الهجوم وقع منذ أكتوبر الماضي"
)


def warm_up() -> None:
    """Load every lexicon and compile every pattern now rather than on the first document.

    ``workbench run`` calls it before starting worker processes, so forked workers share
    the loaded tables instead of each reading them again.
    """
    from .cleaning.bigrams import warm_up as load_word_pairs
    from .cleaning.lexicon import warm_up as load_word_list
    from .cleaning.model import warm_up as load_char_model
    from .text.zipf import warm_up as load_word_frequencies

    # The word lists are decoded shard by shard as words are looked up; a run decodes
    # them whole here, once, for every worker.
    load_word_list()
    load_char_model()
    load_word_pairs()
    load_word_frequencies()
    analyze(_WARM_UP_TEXT, published="2020-05")


def reference_date(published: str | date | datetime | None) -> date | None:
    """The date relative expressions resolve against; ``None`` when unknown.

    A partial date stands for its first day: ``'2020-05'`` → 2020-05-01.

    >>> reference_date("2020-05")
    datetime.date(2020, 5, 1)
    >>> reference_date("XXXX-05") is None
    True
    """
    try:
        reference = as_reference(published)
    except ValueError:  # a publication date that is no date anchors nothing
        return None
    return reference.date() if isinstance(reference, datetime) else reference


def _iso(published: str | date | datetime | None) -> str:
    if published is None:
        return ""
    if isinstance(published, (date, datetime)):
        return published.isoformat()[:10]
    return str(published)


def _with_doc_id(frame: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    # A shallow copy: under pandas' copy-on-write the frames share no writes, and a deep
    # copy would only spend time copying and consolidating columns.
    out = frame.copy(deep=False)
    if "doc_id" in out.columns:
        out = out.drop(columns="doc_id")
    out.insert(0, "doc_id", doc_id)
    return out
