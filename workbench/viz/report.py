"""report.html: one self-contained, right-to-left page per run, and the notebook view.

The page holds the run's timeline and attacks by governorate (inline SVG: hover a mark
for its details, click it to reach its event), the documents (errors shown), every event,
and for each document its clean text with mentions (coloured by kind), claims and gaps
highlighted, then its claims, events, gaps and mentions tables. Everything that comes
from the documents is escaped: their text is untrusted.

>>> html = highlight_html("هجوم في الأنبار", mentions=pd.DataFrame(
...     {"start": [8], "end": [15], "text": ["الأنبار"], "kind": ["place"], "value": ["IQ-AN"]}))
>>> html.count("<mark"), "الأنبار</mark>" in html
(1, True)
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..resources import data_path
from ..text.dates import parse_date_span
from .cells import cell_text, row_dicts
from .labels import count_label, date_label, toll_label, ui_label
from .plan import event_anchor, is_attack, slug
from .style import figure_svg

# The charts (governorates.py, timeline.py) are imported where they are drawn: a
# document's section of the report, rendered by each worker of ``workbench run``, needs
# no matplotlib, whose import is a third of the run's start before its workers fork.

REPORT_DOCUMENT_LIMIT: int = 50

# Layers of highlighting, outermost first: a heading block holds claims, a claim holds
# mentions, a mention (a count) may hold a gap.
_LAYERS = {"heading": 0, "claim": 1, "mention": 2, "gap": 3}
MENTION_KINDS = ("place", "actor", "time", "quantity")


@cache
def report_css() -> str:
    """The report's style sheet (``workbench/data/report.css``), scoped to ``.wb``."""
    return data_path("viz/report.css").read_text(encoding="utf-8")


# --- highlighting ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: int
    order: int
    tag: str
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)
    first_attrs: dict[str, str] = field(default_factory=dict)

    def open(self, first: bool) -> str:
        attrs = {**self.attrs, **(self.first_attrs if first else {})}
        classes = self.classes + ("" if first else " cont")
        parts = [f'class="{_attr(classes)}"'] + [f'{k}="{_attr(v)}"' for k, v in attrs.items()]
        return f"<{self.tag} {' '.join(parts)}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def highlight_html(
    text: str, *, mentions: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
    gaps: pd.DataFrame | None = None, blocks: pd.DataFrame | None = None, id_prefix: str = "",
) -> str:
    """``text`` as escaped HTML with mentions, claims, gaps (and heading blocks) marked.

    Offsets are Python string indices into ``text``. Spans that overlap without nesting
    are split into pieces that share ``data-m`` (mentions) or ``data-claim``; only the
    first piece carries the element id. A mention whose offsets do not hold its own text
    is marked ``mismatch``; spans outside the text are left out and counted in a note.

    >>> out = highlight_html("قال <b> [\u2026] هجومًا", gaps=pd.DataFrame(
    ...     {"start": [8], "end": [11], "kind": ["digits_dropped"], "context": [""]}))
    >>> print(out.removeprefix('<div class="text" dir="rtl" lang="ar">'))
    قال &lt;b&gt; <span class="gap" title="digits_dropped">[…]</span> هجومًا</div>
    """
    spans, unplaced = _spans(text, mentions=mentions, claims=claims, gaps=gaps, blocks=blocks,
                             id_prefix=id_prefix)
    body = _render(text, spans)
    note = ""
    if unplaced:
        note = f'<p class="note">{_esc(ui_label("report.unplaced", n=unplaced))}</p>'
    return f'<div class="text" dir="rtl" lang="ar">{body}</div>{note}'


def _spans(text: str, *, mentions, claims, gaps, blocks, id_prefix: str) -> tuple[list[_Span], int]:
    n = len(text)
    spans: list[_Span] = []
    unplaced = 0
    order = 0

    def place(start: Any, end: Any) -> tuple[int, int] | None:
        nonlocal unplaced
        try:
            a, b = int(float(start)), int(float(end))
        except (TypeError, ValueError):
            unplaced += 1
            return None
        if not 0 <= a <= b <= n:
            unplaced += 1
            return None
        return a, b

    for row in row_dicts(blocks):
        if cell_text(row.get("kind")) in ("heading", "title") and (ab := place(row["start"], row["end"])):
            spans.append(_Span(*ab, _LAYERS["heading"], order, "span", "heading"))
            order += 1
    for row in row_dicts(claims):
        if not (ab := place(row.get("start"), row.get("end"))):
            continue
        cid = cell_text(row.get("claim_id")) or str(order)
        title = " · ".join(t for t in (
            f"{ui_label('report.kind.claim')} {cid}", cell_text(row.get("type")),
            cell_text(row.get("source")) and f"{cell_text(row.get('source'))}",
            cell_text(row.get("modality")),
        ) if t)
        spans.append(_Span(*ab, _LAYERS["claim"], order, "span", "claim",
                           attrs={"data-claim": cid, "title": title},
                           first_attrs={"id": claim_anchor(id_prefix, cid), "data-n": cid}))
        order += 1
    for i, row in enumerate(row_dicts(mentions)):
        if not (ab := place(row.get("start"), row.get("end"))):
            continue
        kind = cell_text(row.get("kind"))
        said = cell_text(row.get("text"))
        classes = f"m m-{kind if kind in MENTION_KINDS else 'other'}"
        title = _mention_title(row)
        if said and text[ab[0]:ab[1]] != said:
            classes += " mismatch"
            title += " · " + ui_label("report.offset_mismatch", x=said)
        spans.append(_Span(*ab, _LAYERS["mention"], order, "mark", classes,
                           attrs={"data-m": f"{id_prefix}m{i}", "title": title}))
        order += 1
    for row in row_dicts(gaps):
        if not (ab := place(row.get("start"), row.get("end"))):
            continue
        title = " · ".join(t for t in (cell_text(row.get("kind")), cell_text(row.get("context"))) if t)
        classes = "gap" if ab[1] > ab[0] else "gap point"
        spans.append(_Span(*ab, _LAYERS["gap"], order, "span", classes, attrs={"title": title}))
        order += 1
    return spans, unplaced


def _mention_title(row: Mapping[str, Any]) -> str:
    kind = cell_text(row.get("kind"))
    label = ui_label(f"report.kind.{kind}") if kind in MENTION_KINDS else kind
    parts = [label, cell_text(row.get("value"))]
    flags = cell_text(row.get("flags"))
    if flags:
        parts.append(flags)
    return " · ".join(p for p in parts if p)


def _render(text: str, spans: list[_Span]) -> str:
    """Escaped ``text`` with ``spans`` opened and closed so the markup nests properly."""
    points = {0, len(text)}
    for s in spans:
        points.update((s.start, s.end))
    cuts = sorted(points)
    out: list[str] = []
    stack: list[_Span] = []
    opened: set[int] = set()
    ordered = sorted(spans, key=lambda s: (s.layer, s.start, -s.end, s.order))
    rank = {id(s): i for i, s in enumerate(ordered)}
    for a, b in itertools.pairwise(cuts):
        for s in spans:  # zero-width spans: an empty element at their point
            if s.start == s.end == a:
                out.append(_close_all(stack))
                out.append(s.open(True) + s.close())
                out.append(_reopen(stack, opened))
        active = sorted((s for s in spans if s.start <= a and s.end >= b and s.start < s.end),
                        key=lambda s: rank[id(s)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(s.close() for s in reversed(stack[keep:]))
        for s in active[keep:]:
            out.append(s.open(id(s) not in opened))
            opened.add(id(s))
        stack = active
        out.append(_esc(text[a:b]))
    out.append(_close_all(stack))
    for s in spans:  # zero-width spans at the very end
        if s.start == s.end == len(text) and len(text) > 0:
            out.append(s.open(True) + s.close())
    return "".join(out)


def _close_all(stack: list[_Span]) -> str:
    return "".join(s.close() for s in reversed(stack))


def _reopen(stack: list[_Span], opened: set[int]) -> str:
    return "".join(s.open(id(s) not in opened) for s in stack)


def claim_anchor(id_prefix: str, claim_id: Any) -> str:
    """The HTML id of a claim's highlight: ``claim-<doc_id>-<claim_id>``."""
    return "claim-" + slug(f"{id_prefix}-{cell_text(claim_id)}" if id_prefix else cell_text(claim_id))


# --- tables -----------------------------------------------------------------------------

# A list cell ("a;b|c") gets a space after each separator so it can wrap.
_LIST_SEP_RE = re.compile(r"([;|])(?=\S)")
# "month: ...; day: ...; year: ...": the parts of a date's basis, each "part: reason".
_BASIS_SPLIT_RE = re.compile(r";\s+(?=[\w ]{1,20}:)")

_LONG_COLUMNS = {"text", "context", "error", "proposed_basis", "source_path", "title"}
_NUMERIC_COLUMNS = {"start", "end", "n_chars_raw", "n_chars_clean", "n_gaps", "n_mentions",
                    "n_claims", "n_events", "claim_start", "claim_end", "count_value",
                    "checkworthiness", "fatalities", "injured"}


def table_html(
    frame: pd.DataFrame | None, columns: Iterable[str] | None = None, *,
    row_ids: list[str] | None = None, cells: Mapping[str, Any] | None = None,
    row_classes: list[str] | None = None,
) -> str:
    """A DataFrame as an escaped HTML table; each cell ``dir="auto"``.

    ``cells`` maps a column to a function ``row -> HTML`` (already escaped) for cells that
    need links or markup; ``row_ids`` give rows an id for links to them.

    >>> table_html(pd.DataFrame({"text": ["<script>"]})).split("<tbody>")[1]
    '<tr><td dir="auto" class="long">&lt;script&gt;</td></tr></tbody></table></div>'
    """
    if frame is None or len(frame) == 0:
        return f'<p class="note">{_esc(ui_label("report.none"))}</p>'
    cells = dict(cells or {})
    columns = [c for c in (columns or frame.columns) if c in frame.columns or c in cells]
    head = "".join(f"<th><code>{_esc(c)}</code></th>" for c in columns)
    body = []
    for i, row in enumerate(frame.to_dict(orient="records")):
        rid = f' id="{_attr(row_ids[i])}"' if row_ids else ""
        cls = f' class="{_attr(row_classes[i])}"' if row_classes and row_classes[i] else ""
        tds = []
        for c in columns:
            klass = "long" if c in _LONG_COLUMNS else "num" if c in _NUMERIC_COLUMNS else ""
            klass_attr = f' class="{klass}"' if klass else ""
            value = cells[c](row) if c in cells else _esc(_LIST_SEP_RE.sub(r"\1 ", cell_text(row.get(c))))
            tds.append(f'<td dir="auto"{klass_attr}>{value}</td>')
        body.append(f"<tr{rid}{cls}>{''.join(tds)}</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


EVENT_COLUMNS = ["doc_id", "event_id", "claim_id", "role", "date_shown", "count_shown", "kind",
                 "actor", "target", "places", "admin1", "fatalities", "injured", "toll_source",
                 "start", "end", "date_basis", "date_text", "date_precision",
                 "proposed_year", "proposed_basis", "count_text", "count_value", "count_flags",
                 "modality", "source", "event_type", "sub_event_type"]
CLAIM_COLUMNS = ["claim_id", "text", "type", "source", "modality", "actors", "places", "times",
                 "quantities", "checkworthiness", "start", "end"]
GAP_COLUMNS = ["start", "end", "kind", "context"]
MENTION_COLUMNS = ["start", "end", "text", "kind", "value", "flags"]
DOCUMENT_COLUMNS = ["doc_id", "title", "error", "author", "published", "n_chars_raw",
                    "n_chars_clean", "n_gaps", "n_mentions", "n_claims", "n_events", "source_path"]


def events_table_html(events: pd.DataFrame | None, *, claim_links: bool = True,
                      shown_docs: set[str] | None = None, anchors: bool = True) -> str:
    """The events table: the date and count as the timeline draws them ("؟" where lost);
    with ``anchors`` each row's id is the event's anchor (the timeline's marks link there)."""
    if events is None or len(events) == 0:
        return table_html(None)
    records = events.to_dict(orient="records")
    ids = [event_anchor(r.get("doc_id"), r.get("event_id")) for r in records] if anchors else None

    def claim_cell(row: Mapping[str, Any]) -> str:
        cid = _esc(cell_text(row.get("claim_id")))
        doc = cell_text(row.get("doc_id"))
        if claim_links and cid and (shown_docs is None or doc in shown_docs):
            return f'<a href="#{_attr(claim_anchor(doc, row.get("claim_id")))}">{cid}</a>'
        return cid

    cells = {"date_shown": _date_cell, "count_shown": _count_cell, "claim_id": claim_cell}
    return table_html(events, EVENT_COLUMNS, row_ids=ids, cells=cells)


def _date_cell(row: Mapping[str, Any]) -> str:
    span = parse_date_span(row.get("start"), row.get("end"), proposed_year=row.get("proposed_year"))
    label = _esc(date_label(span))
    if span is None:
        return f'<span class="unknown">{label}</span>'
    return f'<span class="proposed">{label}</span>' if span.proposed else label


def _count_cell(row: Mapping[str, Any]) -> str:
    label = toll_label(row) or count_label(row)
    if "count_missing" in cell_text(row.get("count_flags")):
        return f'<span class="unknown">{_esc(label)}</span>'
    return _esc(label)


# --- one document --------------------------------------------------------------------------

def document_html(
    document: Mapping[str, Any], clean_text: str | None, tables: Mapping[str, pd.DataFrame],
    *, blocks: pd.DataFrame | None = None, heading: str = "h2",
) -> str:
    """One document's section: title, author, date and its basis, errors, the highlighted
    clean text, then its claims, events, gaps and mentions tables (collapsible)."""
    doc_id = cell_text(document.get("doc_id"))
    title = cell_text(document.get("title"))
    name = f'{_esc(title)} <span class="en" lang="en" dir="ltr">{_esc(doc_id)}</span>' if title else (
        f"<bdi>{_esc(doc_id)}</bdi>")
    parts = [f'<section class="doc" id="{_attr(doc_anchor(doc_id))}">',
             f"<{heading}>{name}</{heading}>", _meta_html(document, clean_text)]
    error = cell_text(document.get("error"))
    if error:
        parts.append(f'<div class="error-box"><b>{_both("report.error")}</b>: '
                     f"<bdi>{_esc(error)}</bdi></div>")
    if clean_text is None:
        parts.append(f'<p class="note">{_esc(ui_label("report.no_text"))}</p></section>')
        return "".join(parts)
    mentions, claims = tables.get("mentions"), tables.get("claims")
    gaps, events = tables.get("gaps"), tables.get("events")
    text = highlight_html(clean_text, mentions=mentions, claims=claims, gaps=gaps, blocks=blocks,
                          id_prefix=doc_id)
    parts.append(_details("report.text", text, _legend_html(), open_=True))
    parts.append(_details("report.claims", table_html(claims, CLAIM_COLUMNS,
                                                      cells={"claim_id": _claim_link(doc_id)}),
                          count=_len(claims), open_=_len(claims) <= 40))
    parts.append(_details("report.events", events_table_html(events, anchors=False),
                          count=_len(events), open_=_len(events) <= 40))
    parts.append(_details("report.gaps", table_html(gaps, GAP_COLUMNS), count=_len(gaps)))
    parts.append(_details("report.mentions", table_html(mentions, MENTION_COLUMNS),
                          count=_len(mentions)))
    parts.append("</section>")
    return "".join(parts)


def doc_anchor(doc_id: Any) -> str:
    """The HTML id of a document's section: ``doc-<doc_id>``."""
    return "doc-" + slug(cell_text(doc_id))


def _claim_link(doc_id: str):
    def cell(row: Mapping[str, Any]) -> str:
        cid = cell_text(row.get("claim_id"))
        return f'<a href="#{_attr(claim_anchor(doc_id, cid))}">{_esc(cid)}</a>'
    return cell


def _meta_html(document: Mapping[str, Any], clean_text: str | None) -> str:
    rows = []
    author = cell_text(document.get("author"))
    if author:
        rows.append(("report.author", _esc(author)))
    published = cell_text(document.get("published"))
    said = cell_text(document.get("published_text"))
    if published or said:
        shown = _esc(date_label(parse_date_span(published))) if published else ""
        value = f'<span dir="auto">{shown}</span> <code>{_esc(published)}</code>' if published else ""
        if said:
            value += f' · {_esc(ui_label("report.published_text"))}: «<span dir="auto">{_esc(said)}</span>»'
        rows.append(("report.published", value))
    basis = cell_text(document.get("published_basis"))
    if basis:
        items = [b.strip() for b in _BASIS_SPLIT_RE.split(basis) if b.strip()]
        value = ("<ul>" + "".join(f"<li><bdi>{_esc(b)}</bdi></li>" for b in items) + "</ul>"
                 if len(items) > 1 else f"<bdi>{_esc(basis)}</bdi>")
        rows.append(("report.basis", value))
    source = cell_text(document.get("source_path"))
    if source:
        rows.append(("report.source", f'<code dir="ltr">{_esc(source)}</code>'))
    raw, clean = cell_text(document.get("n_chars_raw")), cell_text(document.get("n_chars_clean"))
    if raw or clean_text is not None:
        clean = clean or (str(len(clean_text)) if clean_text is not None else "")
        dash = "\u2014"  # EM DASH: not known
        rows.append(("report.chars",
                     f'<span class="num">{_esc(raw or dash)} / {_esc(clean or dash)}</span>'))
    body = "".join(f"<dt>{_both(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="meta">{body}</dl>'


def _legend_html() -> str:
    items = [f'<li><mark class="m m-{k}">{_esc(ui_label(f"report.kind.{k}"))}</mark></li>'
             for k in MENTION_KINDS]
    items.append(f'<li><span class="claim">{_esc(ui_label("report.kind.claim"))}</span></li>')
    items.append(f'<li><span class="gap">[…] {_esc(ui_label("report.kind.gap"))}</span></li>')
    return f'<ul class="legend" aria-label="{_attr(ui_label("report.legend"))}">{"".join(items)}</ul>'


def _details(key: str, body: str, before: str = "", *, count: int | None = None,
             open_: bool = False) -> str:
    n = f' <span class="count">({count})</span>' if count is not None else ""
    flag = " open" if open_ else ""
    return f"<details{flag}><summary>{_both(key)}{n}</summary>{before}{body}</details>"


# --- the page --------------------------------------------------------------------------------

def report_html(*, documents: pd.DataFrame, events: pd.DataFrame, items: list,
                title: str | None = None, timeline: str | None = None,
                governorates: str | None = None) -> str:
    """The whole report page as a string (see :func:`write_report`).

    ``timeline``: the timeline SVG already drawn for these events (as ``save_timeline``
    returns it), so a large corpus is not drawn twice; its marks link into this page.
    ``governorates``: their chart by governorate already drawn (:func:`governorates_svg`).
    """
    return "".join(_report_pieces(documents=documents, events=events, items=items,
                                  title=title, timeline=timeline, governorates=governorates))


def _report_pieces(*, documents: pd.DataFrame | None, events: pd.DataFrame | None, items: list,
                   title: str | None = None, timeline: str | None = None,
                   governorates: str | None = None) -> Iterator[str]:
    """The report page in pieces, each section built when the one before is written: the
    page of a large corpus (every document and event listed) is never held whole."""
    documents = documents if documents is not None else pd.DataFrame()
    events = events if events is not None else pd.DataFrame()
    shown = items[:REPORT_DOCUMENT_LIMIT]
    shown_docs = {cell_text(it.document.get("doc_id")) for it in shown}
    published = _published_map(documents, shown)
    title = title or ui_label("report.title")
    yield (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>\n{report_css()}</style>\n</head>\n"
        f'<body>\n<main class="wb page">\n'
    )
    sections = itertools.chain(
        (
            lambda: f'<header><h1>{_esc(title)} <span class="en" lang="en" dir="ltr">'
            f'{_esc(ui_label("report.title", lang="en"))}</span></h1>'
            f'<p class="lede">{_esc(ui_label("report.lede"))}</p>'
            f"{_stats_html(documents, events, items)}</header>",
            lambda: _toc_html(shown),
            lambda: _timeline_section(events, published, svg=timeline, gov_svg=governorates),
            lambda: _documents_section(documents, shown_docs),
            lambda: f'<section id="events"><h2>{_both("report.events")}</h2>'
            f"{events_table_html(events, shown_docs=shown_docs)}</section>",
        ),
        (lambda item=item: _item_html(item) for item in shown),
    )
    for i, section in enumerate(sections):
        yield ("\n" if i else "") + section()
    total = max(len(documents), len(items))
    if total > len(shown):
        more = ui_label("report.more_documents", n=len(shown), total=total)
        yield f'\n<p class="note">{_esc(more)}</p>'
    yield "\n</main>\n</body>\n</html>\n"


def _item_html(item: Any) -> str:
    """The section of a document the report shows in full: its ``html`` when it was
    rendered already (by the process that analysed it), else made from its tables."""
    html = getattr(item, "html", None)
    if html is not None:
        return html
    return report_section(item.document, getattr(item, "clean_text", None),
                          getattr(item, "tables", {}) or {})


def report_section(document: Mapping[str, Any], clean_text: str | None,
                   tables: Mapping[str, pd.DataFrame]) -> str:
    """The section of a document the report shows in full, from its tables (a ``"blocks"``
    table, with kind/start/end, sets the headings in bold): :func:`document_html` as
    :func:`write_report` shows it (a document titled «قصف» opens with ``<h2>قصف``)."""
    return document_html(document, clean_text, tables, blocks=_blocks_frame(tables.get("blocks")))


def write_report(path: Path, *, documents: pd.DataFrame, events: pd.DataFrame,
                 items: list, timeline: str | None = None, governorates: str | None = None) -> None:
    """Write report.html: the run's summary, timeline, documents and events, and the first
    ``REPORT_DOCUMENT_LIMIT`` documents in full (``items``: objects with ``.document``,
    ``.clean_text`` and ``.tables``, or with their section already rendered as ``.html``
    by :func:`report_section`, as ``workbench.batch`` collects them; a ``"blocks"``
    table there, with kind/start/end, sets the headings in bold). Written section by
    section, so its memory does not grow with the page. ``timeline``, ``governorates``:
    the charts already drawn for these events (see :func:`report_html`)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for piece in _report_pieces(documents=documents, events=events, items=items,
                                    timeline=timeline, governorates=governorates):
            fh.write(piece)


def _published_map(documents: pd.DataFrame, items: list) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in row_dicts(documents):
        if cell_text(row.get("published")):
            out[cell_text(row.get("doc_id"))] = cell_text(row.get("published"))
    for item in items:
        doc = item.document
        if cell_text(doc.get("published")):
            out.setdefault(cell_text(doc.get("doc_id")), cell_text(doc.get("published")))
    return out


def _stats_html(documents: pd.DataFrame, events: pd.DataFrame, items: list) -> str:
    docs = row_dicts(documents) or [it.document for it in items]
    failed = sum(1 for d in docs if cell_text(d.get("error")))
    tables = [getattr(it, "tables", {}) or {} for it in items]

    def total(column: str, table: str) -> int:
        values = [_int(d.get(column)) for d in docs]
        if any(v is not None for v in values):
            return sum(v or 0 for v in values)
        return sum(_len(t.get(table)) for t in tables)

    attacks = sum(1 for ev in row_dicts(events) if is_attack(ev))
    stats = [("documents", len(docs), ""), ("failed", failed, "bad" if failed else ""),
             ("gaps", total("n_gaps", "gaps"), ""), ("mentions", total("n_mentions", "mentions"), ""),
             ("claims", total("n_claims", "claims"), ""), ("events", _len(events), ""),
             ("attacks", attacks, "")]
    items_html = "".join(
        f'<li class="{cls}"><b>{n}</b>{_esc(ui_label(f"report.stat.{key}"))}</li>'
        for key, n, cls in stats)
    return f'<ul class="stats" aria-label="{_attr(ui_label("report.summary"))}">{items_html}</ul>'


def _toc_html(shown: list) -> str:
    links = [("#timeline", "report.timeline"), ("#documents", "report.documents"),
             ("#events", "report.events")]
    parts = [f'<a href="{href}">{_esc(ui_label(key))}</a>' for href, key in links]
    for item in shown:
        doc_id = cell_text(item.document.get("doc_id"))
        name = cell_text(item.document.get("title")) or doc_id
        parts.append(f'<a href="#{_attr(doc_anchor(doc_id))}" dir="auto">{_esc(_short(name))}</a>')
    return f'<nav class="toc">{"".join(parts)}</nav>'


# A saved timeline links its marks to report.html; inside the report the links stay on the page.
_REPORT_LINK_RE = re.compile(r'(xlink:href=")report\.html#')


def _timeline_section(events: pd.DataFrame, published: dict[str, str], *, svg: str | None = None,
                      gov_svg: str | None = None) -> str:
    if svg is None:
        from .timeline import timeline_svg

        svg = timeline_svg(events, published=published or None, link="#{anchor}")
    else:
        svg = _REPORT_LINK_RE.sub(r"\1#", svg)
    if gov_svg is None:
        gov_svg = governorates_svg(events)
    return (
        f'<section id="timeline"><h2>{_both("report.timeline")}</h2>'
        f"<figure>{_inline_svg(svg, 'tl')}"
        f'<figcaption>{_esc(ui_label("report.timeline_help"))}</figcaption></figure>'
        f'<h3>{_both("report.governorates")}</h3>'
        f'<figure class="narrow">{_inline_svg(gov_svg, "gov")}</figure></section>'
    )


def governorates_svg(events: pd.DataFrame) -> str:
    """The report's chart of attack reports by governorate (e.g. الأنبار, نينوى) as SVG text."""
    from .governorates import plot_by_governorate

    return figure_svg(plot_by_governorate(events).figure)


_SVG_START_RE = re.compile(r"<svg\b")
_SVG_ID_RE = re.compile(r'\bid="([^"]+)"')
_SVG_COMMENT_RE = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _inline_svg(svg: str, prefix: str) -> str:
    """An SVG document as an element to place in HTML: no XML prolog, its own ids prefixed
    so two figures on one page do not share glyph or clip-path ids."""
    start = _SVG_START_RE.search(svg)
    svg = _SVG_COMMENT_RE.sub("", svg[start.start():] if start else svg)
    ids = set(_SVG_ID_RE.findall(svg))
    if not ids:
        return svg

    def rename(match: re.Match) -> str:
        return match.group(0).replace(match.group(1), f"{prefix}-{match.group(1)}")

    svg = re.sub(r'\bid="([^"]+)"', rename, svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{prefix}-{m.group(1)})"
                 if m.group(1) in ids else m.group(0), svg)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"'
                  if m.group(1) in ids else m.group(0), svg)


def _documents_section(documents: pd.DataFrame, shown_docs: set[str]) -> str:
    rows = row_dicts(documents)

    def doc_cell(row: Mapping[str, Any]) -> str:
        doc_id = cell_text(row.get("doc_id"))
        if doc_id in shown_docs:
            return f'<a href="#{_attr(doc_anchor(doc_id))}">{_esc(doc_id)}</a>'
        return _esc(doc_id)

    def error_cell(row: Mapping[str, Any]) -> str:
        error = cell_text(row.get("error"))
        return f'<span class="error">{_esc(error)}</span>' if error else ""

    classes = ["failed" if cell_text(r.get("error")) else "" for r in rows]
    table = table_html(documents, DOCUMENT_COLUMNS,
                       cells={"doc_id": doc_cell, "error": error_cell}, row_classes=classes)
    failed = sum(1 for c in classes if c)
    note = (f'<p class="error">{_both("report.failed")}: <span class="num">{failed}</span></p>'
            if failed else "")
    return f'<section id="documents"><h2>{_both("report.documents")}</h2>{note}{table}</section>'


# --- JupyterLab ------------------------------------------------------------------------------

def analysis_html(analysis) -> str:
    """An ``Analysis`` for JupyterLab: the clean text with mentions and claims highlighted
    (right to left), the gaps, then the claims and events tables."""
    clean = analysis.clean
    document = {
        "doc_id": analysis.doc_id, "title": getattr(clean, "title", "") or analysis.doc_id,
        "author": getattr(clean, "author", ""), "published": analysis.published,
        "published_text": getattr(clean, "published_text", ""),
        "n_chars_clean": len(analysis.text),
    }
    tables = {"mentions": analysis.mentions, "claims": analysis.claims,
              "gaps": analysis.gaps, "events": analysis.events}
    blocks = _blocks_frame(getattr(clean, "blocks", None))
    section = document_html(document, analysis.text, tables, blocks=blocks, heading="h3")
    return (f'<div class="wb" lang="ar" dir="rtl"><style>{report_css()}</style>'
            f"{section}</div>")


def _blocks_frame(blocks: Any) -> pd.DataFrame | None:
    if blocks is None:
        return None
    if isinstance(blocks, pd.DataFrame):
        return blocks
    rows = []
    for b in blocks:
        if isinstance(b, Mapping):
            rows.append(dict(b))
        else:
            rows.append({"kind": getattr(b, "kind", ""), "start": getattr(b, "start", None),
                         "end": getattr(b, "end", None)})
    return pd.DataFrame(rows)


# --- small helpers ----------------------------------------------------------------------------

def _esc(text: Any) -> str:
    return html.escape(cell_text(text) if not isinstance(text, str) else text, quote=False)


def _attr(text: Any) -> str:
    return html.escape(cell_text(text) if not isinstance(text, str) else text, quote=True)


def _both(key: str) -> str:
    """A label in Arabic with its English beside it, smaller."""
    return (f'{_esc(ui_label(key))} <span class="en" lang="en" dir="ltr">'
            f"{_esc(ui_label(key, lang='en'))}</span>")


def _len(frame: Any) -> int:
    return 0 if frame is None else len(frame)


def _int(value: Any) -> int | None:
    try:
        return int(float(cell_text(value)))
    except ValueError:
        return None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
