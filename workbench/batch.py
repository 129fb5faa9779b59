"""Run the workbench over many documents and write the tables (what the CLI calls).

Documents are streamed: each is loaded, analysed (in parallel processes, or on a Dask
cluster) and its rows appended to the tables, so memory stays flat as the corpus grows.
Outputs are first written to a staging folder inside ``out`` and moved into place
file by file at the end: an interrupted run leaves the previous results readable, and
files in ``out`` that the workbench did not write are never touched.
"""

from __future__ import annotations

import csv
import gc
import inspect
import io
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .analysis import Analysis, analyze, warm_up
from .cache import forget_models
from .claims.claims import CLAIM_COLUMNS
from .claims.events import ACLED_COLUMNS, EVENT_COLUMNS, acled_rows, documents_by_id, to_acled
from .claims.frames import frame_of_rows, record_type
from .find.mentions import ALL_COLUMNS as MENTION_COLUMNS
from .sources.flags import with_flags
from .sources.load import Document, Source, iter_sources
from .text.memo import forget_words
from .viz.report import REPORT_DOCUMENT_LIMIT, governorates_svg, report_section, write_report

# The charts (and matplotlib with them) are imported once the workers have forked
# (:func:`_load_drawing`): the analysis needs none of it, and the run's start before the
# fork is time in which one core works alone. With a drawing process, not before the end:
# this process then draws the chart by governorate while that one draws the timeline,
# which takes longer than the import and the chart together, where during the analysis
# the import takes a share of the cores the workers use.

MANIFEST = ".workbench-manifest.json"

# Key of a phase's CPU seconds (this process) in ``Summary.timings``, beside its wall seconds.
CPU_PREFIX = "CPU: "

# Key columns of each table, in the order DESIGN.md gives; stages may add more after them.
DOCUMENT_COLUMNS = [
    "doc_id", "title", "author", "published", "source_path", "n_chars_raw", "n_chars_clean",
    "error", "published_text", "published_basis", "language", "format", "encoding", "record",
    "n_gaps", "n_mentions", "n_claims", "n_events",
]
TABLE_COLUMNS = {
    "gaps": ["doc_id", "start", "end", "kind", "context"],
    "mentions": ["doc_id", *MENTION_COLUMNS],
    "claims": [
        "doc_id", "claim_id", "start", "end", "text", "type", "source", "modality",
        "actors", "places", "times", "quantities",
    ],
    "events": [
        "doc_id", "event_id", "claim_id", "kind", "actor", "target", "places", "start", "end",
        "date_text", "date_precision", "time_of_day", "count_text", "count_value",
    ],
}

# Where the marks of timeline.svg link to.
TIMELINE_LINK = "report.html#{anchor}"

# Tables a document contributes that are for the report only, not written as CSV.
REPORT_ONLY_TABLES = {"blocks"}

EXIT_OK = 0
EXIT_SOME_FAILED = 3
EXIT_NOTHING_READ = 2


@dataclass
class Result:
    """What one document contributes to the outputs (picklable, sent between processes).

    ``rows`` holds each table's rows already rendered as CSV (no header) under the header
    they follow, and ``html`` the section of a document the report shows in full (None for
    the others), both made by the process that analysed it: the one process that writes
    the files only appends text, and no frame is sent between processes.
    """

    document: dict
    clean_text: str | None = None
    rows: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    html: str | None = None


@dataclass
class Summary:
    """Counts for the closing line and the exit status, and the wall seconds of each
    phase of the run (``timings``: warm-up, analysis, gathering, each output...), with
    this process's CPU seconds of each under ``CPU_PREFIX + phase`` and the worker
    processes' under ``CPU_PREFIX + "workers"``."""

    out: Path
    documents: int = 0
    failed: int = 0
    unsupported: int = 0
    events: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_status(self) -> int:
        if self.documents == 0:
            return EXIT_NOTHING_READ
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def line(self) -> str:
        noun = "document" if self.documents == 1 else "documents"
        # A file of a type the workbench does not read is a failed row too, but the
        # user should see at once that it was not a broken file: it needs converting.
        unread = f" ({self.unsupported} of a type not read)" if self.unsupported else ""
        return (
            f"workbench: read {self.documents} {noun}, {self.failed} failed{unread}, "
            f"{self.events} events; results in {self.out}/"
        )


def run(
    inputs: Iterable[str | Path] = (),
    *,
    out: str | Path,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    clean_options: dict | None = None,
    load_options: dict | None = None,
) -> Path:
    """Analyse ``inputs`` (files, folders, globs; none: the bundled seeds) into ``out``.

    Writes documents.csv, clean/<doc_id>.txt, gaps.csv, mentions.csv, claims.csv,
    events.csv, events_acled.csv, timeline.png/.svg and report.html. Returns ``out``.
    """
    return run_with_summary(
        inputs, out=out, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress,
        clean_options=clean_options, load_options=load_options,
    ).out


def run_with_summary(
    inputs: Iterable[str | Path] = (), *, out: str | Path, **options: Any
) -> Summary:
    """``run``, returning the counts the CLI reports.

    ``options`` are ``run``'s keyword options, with its defaults: its signature is the
    one place they are written (an unknown option is a TypeError, as in a call to ``run``).
    """
    bound = inspect.signature(run).bind(inputs, out=out, **options)
    bound.apply_defaults()
    jobs, engine, scheduler, progress, clean_options, load_options = (
        bound.arguments[name]
        for name in ("jobs", "engine", "scheduler", "progress", "clean_options", "load_options")
    )
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    inputs = list(inputs)
    docs = iter_sources(*inputs, progress=sys.stderr.isatty() if progress is None else progress,
                        **(load_options or {}))
    staging = Path(tempfile.mkdtemp(prefix=".workbench-staging-", dir=out))
    summary = Summary(out=out)
    timings = summary.timings
    writer = drawer = None
    try:
        # With a core to spare, a second process draws the timeline (one figure: the SVG,
        # then the PNG) while this one draws the chart by governorate and writes the report;
        # started now, it loads its modules while this one loads the lexicons. Not two, one
        # for each file: the PNG equals the one-job file only when its figure is first laid
        # out as saving the SVG leaves it, a layout that costs nearly what the SVG does, and
        # each process builds the figure; on the 300k-word corpus the PNG's process took
        # 3.45 CPU s after its data against 3.75 for both files in one, and its start 1.6
        # more during the analysis (whole run, CPU-computed: x1.69 one, x1.58 two).
        if engine != "local" or (jobs or os.cpu_count() or 1) > 1:
            drawer = _Drawer.start()
        writer = _Writer(staging, timings)
        results = _analyse_all(docs, jobs=jobs, engine=engine, scheduler=scheduler,
                               clean_options=clean_options or {}, timings=timings)
        children = _children_cpu()
        with _timed(timings, "reading and analysis"):
            for result in _progress(results, enabled=progress):
                writer.add(result)
                summary.documents += 1
                if summary.documents == 1 and drawer is None:  # the workers, if any, run
                    _load_drawing()
                error = result.document.get("error") or ""
                summary.failed += bool(error)
                summary.unsupported += ": unsupported type " in error
                summary.events += int(result.document.get("n_events", 0) or 0)
        for key in ("", CPU_PREFIX):
            timings[key + "reading and analysis"] -= timings.get(key + "warm-up", 0.0)
        # the workers have ended with the analysis (the drawing process has not)
        timings[CPU_PREFIX + "workers"] = _children_cpu() - children
        with _timed(timings, "forgetting"):
            # Neither the words the analysis remembered nor its language models are needed
            # to draw: the timeline and the report reuse their memory instead of adding to it.
            forget_words()
            forget_models()
        writer.finish(drawer)
        with _timed(timings, "publishing"):
            _publish(staging, out)
    finally:
        if drawer is not None:
            drawer.stop()
        if writer is not None:
            writer.close()
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def _load_drawing() -> None:
    """Import what draws the chart by governorate (matplotlib), for the end of the run
    (the timeline is the drawing process's, or drawn where none runs)."""
    from .viz import governorates  # noqa: F401


@contextmanager
def _timed(timings: dict[str, float], phase: str) -> Iterator[None]:
    """Add the wall seconds of the block to ``timings[phase]`` and this process's CPU
    seconds to ``timings["CPU: " + phase]`` (the steadier measure on a shared machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        timings[phase] = timings.get(phase, 0.0) + time.perf_counter() - start
        key = CPU_PREFIX + phase
        timings[key] = timings.get(key, 0.0) + time.process_time() - cpu


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (0 where the system does not say)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


# --- analysis of one document ----------------------------------------------------------

def analyse_document(
    doc: Document | Source, clean_options: dict | None = None, *, full: bool = True
) -> Result:
    """Read (if need be) and analyse one document; a failure becomes its ``error``, never
    an exception. ``full``: also render its section of the report, shown in full.
    """
    if isinstance(doc, Source):
        doc = _read(doc)
    row = {
        "doc_id": doc.doc_id, "title": doc.title, "author": doc.author,
        "published": doc.published, "source_path": doc.source_path,
        "n_chars_raw": doc.n_chars_raw, "n_chars_clean": 0, "error": doc.error,
        "published_text": str(doc.extra.get("published_text", "")),
        "published_basis": doc.published_basis, "language": doc.language,
        "format": doc.format, "encoding": doc.encoding, "record": doc.record,
    }
    if doc.error:
        return _rendered(Result(document=row), {}, full=full)
    try:
        analysis = analyze(doc.text, published=doc.published or None, doc_id=doc.doc_id,
                           **(clean_options or {}))
    except Exception as exc:  # one bad document must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        row["error"] = (
            f"{Path(doc.source_path).name}: analysis failed ({type(exc).__name__}: {exc}; "
            f"at {Path(where.filename).name}:{where.lineno})"
        )
        return _rendered(Result(document=row), {}, full=full)
    cleaned = analysis.clean
    # Without flags the gaps are the clean's own: their rows take doc_id as they are written.
    gaps = with_flags(analysis.gaps, cleaned, doc.flags, doc_id=doc.doc_id) \
        if full or doc.flags else None
    row.update(
        n_chars_clean=len(cleaned.text),
        title=doc.title or cleaned.title,
        author=doc.author or cleaned.author,
        published_text=row["published_text"] or cleaned.published_text,
        n_gaps=len(cleaned.gap_rows if gaps is None else gaps), n_mentions=len(analysis.rows.mentions),
        n_claims=len(analysis.rows.claims), n_events=len(analysis.rows.events),
    )
    if not full:  # rows go to CSV straight from the analysis's records, no frame between
        return _rendered_rows(Result(document=row, clean_text=cleaned.text), analysis, gaps)
    tables = {
        "gaps": gaps,
        "mentions": analysis.mentions,
        "claims": analysis.claims,
        "events": analysis.events,
        "events_acled": to_acled(analysis.events, documents=pd.DataFrame([row])),
        "blocks": pd.DataFrame(
            [(b.kind, b.start, b.end) for b in cleaned.blocks], columns=["kind", "start", "end"]
        ),
    }
    return _rendered(Result(document=row, clean_text=cleaned.text), tables, full=full)


def _read(source: Source) -> Document:
    try:
        return source.read()
    except Exception as exc:  # a reader's unforeseen failure is this file's problem only
        return Document(
            doc_id=source.doc_id, source_path=str(source.path),
            format=source.path.suffix.lower().lstrip("."),
            error=f"{source.path.name}: cannot read ({type(exc).__name__}: {exc})",
        )


def _rendered(result: Result, tables: dict[str, pd.DataFrame], *, full: bool) -> Result:
    """``result`` with its CSV rows rendered, and with ``full`` its report section."""
    result.rows["documents"] = _csv_rows(pd.DataFrame([result.document]), DOCUMENT_COLUMNS)
    for name, frame in tables.items():
        if name not in REPORT_ONLY_TABLES:
            result.rows[name] = _csv_rows(frame, TABLE_COLUMNS.get(name, []))
    if full:
        result.html = report_section(result.document, result.clean_text, tables)
    return result


def _rendered_rows(result: Result, analysis: Analysis, gaps: pd.DataFrame | None) -> Result:
    """``result`` with its CSV rows rendered from the rows of ``analysis``: what
    :func:`_rendered` writes from its frames, the frames built only for a table whose
    rows pandas would convert (a column of mixed types). ``gaps``: the gaps with the
    loader's flags, None when there are none (the clean's gaps are written)."""
    rows, lead = analysis.rows, {"doc_id": analysis.doc_id}
    result.rows["documents"] = _csv_of_rows([result.document], list(result.document),
                                            DOCUMENT_COLUMNS, {}, typed=False)
    result.rows["gaps"] = _csv_rows(analysis.clean.gaps, TABLE_COLUMNS["gaps"], lead) \
        if gaps is None else _csv_rows(gaps, TABLE_COLUMNS["gaps"])
    # The mentions frame holds every value as it is, offsets as ints (no inference).
    result.rows["mentions"] = _csv_of_rows(rows.mentions, rows.mention_columns,
                                           TABLE_COLUMNS["mentions"], lead, typed=False)
    for name, table_rows, columns in (("claims", rows.claims, CLAIM_COLUMNS),
                                      ("events", rows.events, EVENT_COLUMNS)):
        result.rows[name] = (_csv_of_rows(table_rows, columns, TABLE_COLUMNS[name], lead)
                             or _csv_rows(getattr(analysis, name), TABLE_COLUMNS[name]))
    if "doc_id" not in EVENT_COLUMNS and _typed(rows.events, EVENT_COLUMNS):
        # the records of the events frame, as its values would read back
        make = record_type(("doc_id", *EVENT_COLUMNS))._make
        events = [make([analysis.doc_id, *(r[c] for c in EVENT_COLUMNS)]) for r in rows.events]
        acled = acled_rows(events, documents_by_id([result.document]))
        result.rows["events_acled"] = (_csv_of_rows(acled, ACLED_COLUMNS, [], {})
                                       or _csv_rows(frame_of_rows(acled, ACLED_COLUMNS), []))
    else:
        acled_frame = to_acled(analysis.events, documents=pd.DataFrame([result.document]))
        result.rows["events_acled"] = _csv_rows(acled_frame, [])
    return result


def _csv_of_rows(rows: list[dict], columns: list[str], key_columns: list[str],
                 lead: dict[str, str], *, typed: bool = True) -> tuple[list[str], str] | None:
    """What :func:`_csv_rows` writes for the frame of ``rows`` (``lead``'s columns first,
    then ``columns``), without making it; None when ``typed`` and a column mixes types or
    holds other than str, int, float or bool, which pandas would convert.
    """
    header = _header(key_columns, lead, columns)
    if not rows:
        return header, ""
    if typed and not _typed(rows, columns):
        return None
    own = {c: [r.get(c, "") for r in rows] for c in columns if c not in lead}
    return header, _csv_text(header, lead, own, len(rows))


def _typed(rows: list[dict], columns: list[str]) -> bool:
    """Whether every column of ``rows`` holds values of one type that a frame keeps as
    they are (str, int, float, bool: see :mod:`workbench.claims.frames`)."""
    for c in columns if rows else ():
        kinds = {type(r[c]) for r in rows}
        if len(kinds) != 1 or kinds.pop() not in (str, int, float, bool):
            return False
    return True


def _csv_rows(frame: pd.DataFrame, key_columns: list[str],
              lead: dict[str, str] | None = None) -> tuple[list[str], str]:
    """(header, rows as CSV text): the key columns first, then the frame's others; with
    ``lead``, as if the frame had those columns (one value each) first."""
    lead = lead or {}
    header = _header(key_columns, lead, frame.columns)
    if frame.empty:
        return header, ""
    table = frame.to_numpy(dtype=object)
    own: dict[str, Sequence] = {}
    for j, c in enumerate(frame.columns):
        if c not in lead:
            own.setdefault(c, table[:, j])  # a repeated name: its first column
    return header, _csv_text(header, lead, own, len(frame))


def _header(key_columns: list[str], lead: dict[str, str], columns: Iterable[str]) -> list[str]:
    """A table's columns: the key columns, then ``lead``'s, then the others in order."""
    names = [*lead, *(c for c in columns if c not in lead)]
    return key_columns + [c for c in names if c not in key_columns]


def _csv_text(header: list[str], lead: dict[str, object], columns: dict[str, Sequence], n: int) -> str:
    """``n`` rows as CSV text under ``header``: a column of ``lead`` holds its one value
    in every row, any other its cells in ``columns`` (empty where it has none).

    The one writer of every table, from rows or from a frame: cells as
    ``DataFrame.to_csv`` writes them (missing values empty, floats in their shortest
    form), with the csv module as pandas' writer uses it; pandas itself costs a
    millisecond or more per call, as much as the analysis of a short article.
    """
    cells = [[_cell(lead[c])] * n if c in lead else [_cell(v) for v in columns[c]] if c in columns
             else [""] * n for c in header]
    return _csv_lines(zip(*cells, strict=True))


def _csv_lines(rows: Iterable[Sequence[str]]) -> str:
    """Rows of cells as CSV text, one line each, as every table and header is written."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _cell(value: object) -> str:
    """A value as ``to_csv`` writes it: missing values empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _analyse_all(
    docs: Iterator[Document | Source], *, jobs: int | None, engine: str, scheduler: str | None,
    clean_options: dict, timings: dict[str, float] | None = None,
) -> Iterator[Result]:
    if engine == "dask":
        # Files are read here and their text shipped: cluster workers may not see this disk.
        texts = (_read(d) if isinstance(d, Source) else d for d in docs)
        yield from _analyse_dask(texts, scheduler=scheduler, jobs=jobs, clean_options=clean_options)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use 'local' or 'dask')")
    jobs = jobs or os.cpu_count() or 1
    head = list(itertools.islice(docs, 2))
    docs = itertools.chain(head, docs)
    if len(head) < 2:  # one document: neither workers nor warming up would pay
        yield from (analyse_document(doc, clean_options) for doc in docs)
        return
    # Lexicons loaded here are inherited by forked workers instead of read by each, and
    # frozen out of the garbage collector's sight: its full passes would otherwise walk
    # their millions of entries again and again (a tenth of the analysis time), and in a
    # forked worker, touching them, copy their memory.
    with _timed(timings if timings is not None else {}, "warm-up"):
        warm_up()
    gc.freeze()
    try:
        if jobs <= 1:
            for i, doc in enumerate(docs):
                yield analyse_document(doc, clean_options, full=i < REPORT_DOCUMENT_LIMIT)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _bounded(pool.submit, docs, window=4 * jobs, clean_options=clean_options)
    finally:
        gc.unfreeze()


def _analyse_dask(
    docs: Iterator[Document], *, scheduler: str | None, jobs: int | None, clean_options: dict,
) -> Iterator[Result]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        yield from _bounded(client.submit, docs, window=window, clean_options=clean_options,
                            pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _bounded(
    submit: Callable[..., Any], docs: Iterator[Document | Source], *, window: int, clean_options: dict,
    **submit_options: Any,
) -> Iterator[Result]:
    """Keep at most ``window`` documents in flight; yield results in input order."""
    pending: deque = deque()
    for i, doc in enumerate(docs):
        full = i < REPORT_DOCUMENT_LIMIT
        pending.append(submit(analyse_document, doc, clean_options, full=full, **submit_options))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _progress(results: Iterator[Result], *, enabled: bool | None) -> Iterator[Result]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, desc="workbench", unit="doc", file=sys.stderr)


# --- writing -----------------------------------------------------------------------------

class _Writer:
    """Appends each document's rendered rows to the staged tables as they arrive."""

    def __init__(self, staging: Path, timings: dict[str, float] | None = None) -> None:
        self.staging = staging
        (staging / "clean").mkdir()
        self.headers: dict[str, list[str]] = {}
        self.files: dict[str, Any] = {}
        self.report_items: list[Result] = []
        self.timings = timings if timings is not None else {}

    def add(self, result: Result) -> None:
        with _timed(self.timings, "gathering (in the analysis)"):
            doc = result.document
            if result.clean_text is not None:
                path = self.staging / "clean" / f"{doc['doc_id']}.txt"
                path.write_text(result.clean_text + "\n", encoding="utf-8")
            for name, (header, text) in result.rows.items():
                self._append(name, header, text)
            if len(self.report_items) < REPORT_DOCUMENT_LIMIT:
                self.report_items.append(result)

    def _append(self, name: str, header: list[str], text: str) -> None:
        fh = self.files.get(name)
        if fh is None:
            fh = self.files[name] = (self.staging / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self.headers[name] = header
            fh.write(_csv_lines([header]))
        if not text:
            return
        if header != self.headers[name]:  # columns this table's header lacks are dropped
            at = [header.index(c) if c in header else -1 for c in self.headers[name]]
            text = _csv_lines([row[i] if i >= 0 else "" for i in at]
                              for row in csv.reader(io.StringIO(text)) if row)
        fh.write(text)

    def finish(self, drawer: _Drawer | None = None) -> None:
        """Close the tables and draw the timeline and the report; ``drawer``: a second
        process that draws the timeline (SVG, then PNG) meanwhile."""
        timed = self.timings
        with _timed(timed, "tables"):
            self.close()
            for name, columns in [("documents", DOCUMENT_COLUMNS), *TABLE_COLUMNS.items()]:
                path = self.staging / f"{name}.csv"
                if not path.exists():
                    with path.open("w", encoding="utf-8", newline="") as fh:
                        fh.write(_csv_lines([self.headers.get(name, columns)]))
            events, documents, published = _timeline_tables(self.staging)
        png, svg_path = self.staging / "timeline.png", self.staging / "timeline.svg"
        if drawer is not None and not drawer.draw(self.staging):
            drawer = None
        with _timed(timed, "governorates"):
            governorates = governorates_svg(events)
        svg = None
        if drawer is not None:
            with _timed(timed, "timeline svg (waiting)"):
                svg = drawer.timeline_svg(svg_path)
        if svg is None:  # one figure laid out and drawn once, saved in both formats
            if drawer is not None:  # (gone, or never to be waited for: none writes beside)
                drawer.stop()
            drawer = None
            with _timed(timed, "timeline svg and png"):
                svg = _save_timeline(events, png, svg_path, published=published)
        with _timed(timed, "report"):
            write_report(self.staging / "report.html", documents=documents, events=events,
                         items=self.report_items, timeline=svg, governorates=governorates)
        if drawer is not None:
            with _timed(timed, "timeline png (waiting)"):
                if not drawer.finished() or not png.is_file():
                    _save_timeline(events, png, svg_path, published=published)
            timed.update(drawer.cpu)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def _timeline_tables(staging: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """The staged events and documents, and each document's publication date."""
    # Read back from the staged tables rather than kept in memory: a corpus's events are
    # held once, at the end, as one table.
    events = pd.read_csv(staging / "events.csv", dtype=str, keep_default_na=False)
    documents = pd.read_csv(staging / "documents.csv", dtype=str, keep_default_na=False)
    published = dict(zip(documents["doc_id"], documents["published"], strict=True))
    return events, documents, published


def _save_timeline(events: pd.DataFrame, png: Path, svg: Path, *, published: dict[str, str],
                   svg_written: Callable[[str], None] | None = None) -> str:
    """The run's timeline.png and timeline.svg, from one figure (see ``save_timeline``)."""
    from .viz.timeline import save_timeline

    return save_timeline(events, png, svg, published=published, link=TIMELINE_LINK,
                         svg_written=svg_written) or ""


def draw_when_staged() -> None:
    """What the second drawing process of a run does: wait for the staging folder's path
    on stdin, then draw ``timeline.svg`` and ``timeline.png`` from the staged tables,
    saying on stdout when the SVG is written (a line with its name); last, its CPU
    seconds before and after the path came, as JSON. No path: nothing to draw."""
    from .viz import timeline  # (loaded while the analysis runs)

    # the first drawing of a process loads more than its modules: done while the run
    # starts and analyses, it is not done after the run's events come
    with suppress(Exception):
        timeline.rehearse()
    line = sys.stdin.readline().strip()
    waited = time.process_time()
    if line:
        staging = Path(line)
        events, _, published = _timeline_tables(staging)
        svg = staging / "timeline.svg"
        _save_timeline(events, staging / "timeline.png", svg, published=published,
                       svg_written=lambda _: print(svg.name, flush=True))
    print(json.dumps({"before": waited, "after": time.process_time() - waited}), flush=True)


class _Drawer:
    """A new Python process (:func:`draw_when_staged`) drawing the timeline SVG and PNG
    of a staging folder, started before the analysis.

    A process of its own, not a fork: a forked copy would share this process's open font
    files, and two processes reading one file descriptor corrupt each other's glyphs.
    """

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        # its CPU seconds, as ``Summary.timings`` keeps them, once it ended
        self.cpu: dict[str, float] = {}

    @classmethod
    def start(cls) -> _Drawer | None:
        """The process, loading its modules (None if it cannot start)."""
        package_root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)}
        code = "from workbench.batch import draw_when_staged; draw_when_staged()"
        try:
            return cls(subprocess.Popen(
                [sys.executable, "-c", code], env=env, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                encoding="utf-8"))
        except OSError:
            return None

    def draw(self, staging: Path) -> bool:
        """Send the staging folder, its tables written; False if the process is gone."""
        try:
            self.process.stdin.write(f"{staging}\n")
            self.process.stdin.close()
            return True
        except (OSError, ValueError):
            return False

    def timeline_svg(self, svg: Path) -> str | None:
        """Wait for the timeline SVG (the PNG is drawn after it); its text, None if the
        process wrote none."""
        try:
            name = self.process.stdout.readline().strip()
            return svg.read_text(encoding="utf-8") if name == svg.name else None
        except (OSError, ValueError):
            return None

    def finished(self) -> bool:
        """Wait for the PNG; whether the process drew it."""
        with suppress(OSError, ValueError):
            for line in self.process.stdout:
                with suppress(ValueError, TypeError, KeyError):
                    used = json.loads(line)
                    self.cpu = {CPU_PREFIX + "drawing process, before its data": used["before"],
                                CPU_PREFIX + "drawing process": used["after"]}
        return self.process.wait() == 0

    def stop(self) -> None:
        """End the process if it is still running (an interrupted or failed run)."""
        with suppress(OSError):
            self.process.stdin.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        with suppress(OSError):
            self.process.stdout.close()


def _publish(staging: Path, out: Path) -> None:
    """Move staged files into ``out`` one by one, then drop files of the previous run
    that this run did not produce (only those listed in the manifest the workbench wrote)."""
    written = sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())
    manifest = out / MANIFEST
    previous: list[str] = []
    if manifest.is_file():
        try:
            previous = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
        except (OSError, ValueError):
            previous = []
    for rel in written:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
    for rel in set(previous) - set(written):
        stale = out / rel
        if stale.is_file() and stale.resolve().is_relative_to(out.resolve()):
            stale.unlink()
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"files": written}, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, manifest)
