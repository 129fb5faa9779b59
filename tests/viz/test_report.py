"""report.html and the notebook view: well-formed, escaped, right-to-left, every mention
highlighted exactly, every error shown, every internal link resolving."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.viz.report import (
    REPORT_DOCUMENT_LIMIT,
    analysis_html,
    highlight_html,
    report_html,
    write_report,
)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}

TEXT = (
    "عودة داعش في العراق\n\n"
    "سُجل أكثر من [\u2026] هجومًا نفذه تنظيم داعش خلال شهر أبريل في الأنبار ونينوى. "
    "وقال مسؤول إن <script>alert('x')</script> لا يهم.\n\n"
    "أعلن الانتصار عليه في ديسمبر [\u2026]."
)


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _mentions(text: str) -> pd.DataFrame:
    rows = []
    for word, kind, value, nth in [
        ("داعش", "actor", "ISIS", 0), ("العراق", "place", "IQ", 0),
        ("أكثر من [\u2026] هجومًا", "quantity", "", 0), ("داعش", "actor", "ISIS", 1),
        ("شهر أبريل", "time", "2020-04", 0), ("الأنبار", "place", "IQ-AN", 0),
        ("نينوى", "place", "IQ-NI", 0), ("ديسمبر [\u2026]", "time", "XXXX-12", 0),
        ("<script>", "actor", "<b>bold</b>", 0),
    ]:
        start, end = _at(text, word, nth)
        rows.append({"doc_id": "d1", "start": start, "end": end, "text": word, "kind": kind,
                     "value": value, "flags": "count_missing" if kind == "quantity" else ""})
    return pd.DataFrame(rows)


def _claims(text: str) -> pd.DataFrame:
    s1 = _at(text, "سُجل")[0]
    e1 = text.index(".", s1) + 1
    s2 = _at(text, "أعلن")[0]
    return pd.DataFrame([
        {"doc_id": "d1", "claim_id": "c1", "start": s1, "end": e1, "text": text[s1:e1],
         "type": "event", "source": "author", "modality": "asserted"},
        {"doc_id": "d1", "claim_id": "c2", "start": s2, "end": len(text), "text": text[s2:],
         "type": "event", "source": "author", "modality": "asserted"},
    ])


def _gaps(text: str) -> pd.DataFrame:
    rows = [{"doc_id": "d1", "start": m.start(), "end": m.end(), "kind": "count",
             "context": "أكثر من […] هجومًا"} for m in re.finditer(re.escape("[\u2026]"), text)]
    rows.append({"doc_id": "d1", "start": -1, "end": -1, "kind": "date",
                 "context": "dateline: […] مايو […]"})
    return pd.DataFrame(rows)


def _events() -> pd.DataFrame:
    return pd.DataFrame([
        {"doc_id": "d1", "event_id": "e1", "claim_id": "c1", "kind": "attack",
         "event_type": "Battles", "actor": "داعش", "places": "الأنبار|نينوى",
         "admin1": "IQ-AN|IQ-NI", "start": "2020-04", "end": "2020-04",
         "count_text": "أكثر من [\u2026] هجومًا", "count_flags": "count_missing;more_than",
         "modality": "asserted"},
        {"doc_id": "d1", "event_id": "e2", "claim_id": "c2", "kind": "victory_declaration",
         "event_type": "Strategic developments", "actor": "الحكومة العراقية", "start": "XXXX-12",
         "proposed_year": "2017", "modality": "asserted"},
    ])


@dataclass
class Item:
    document: dict
    clean_text: str | None = None
    tables: dict = field(default_factory=dict)


def _document(doc_id: str, **values: object) -> dict:
    row = {"doc_id": doc_id, "title": "", "author": "", "published": "", "published_text": "",
           "published_basis": "", "source_path": f"in/{doc_id}.txt", "error": "",
           "n_chars_raw": 0, "n_chars_clean": 0}
    row.update(values)
    return row


@pytest.fixture
def run() -> dict:
    good = _document("d1", title="عودة داعش <i>في</i> العراق", author="كاتب", published="2020-05",
                     published_text="[…] مايو […]",
                     published_basis="month: text; day: lost; year: inferred",
                     n_chars_raw=len(TEXT), n_chars_clean=len(TEXT))
    bad = _document("d2<script>", error="d2.pdf: no text layer <script>alert(1)</script>")
    broken = _document("d3", error="d3.txt: analysis failed (ValueError: boom & <bust>)")
    items = [
        Item(good, TEXT, {"mentions": _mentions(TEXT), "claims": _claims(TEXT),
                          "gaps": _gaps(TEXT), "events": _events()}),
        Item(bad),
        Item(broken),
    ]
    return {"documents": pd.DataFrame([good, bad, broken]), "events": _events(), "items": items}


class _Checker(HTMLParser):
    """Well-formedness (every end tag closes the innermost open element), the text of each
    highlighted mention (pieces joined by ``data-m``), ids, internal links, all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.pieces: dict[str, str] = {}
        self.ids: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        for key in ("href", "xlink:href"):
            if (attrs.get(key) or "").startswith("#"):
                self.links.append(attrs[key][1:])
        if tag not in VOID:
            self.stack.append((tag, attrs.get("data-m")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]} ")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, mid in self.stack:
            if mid:
                self.pieces[mid] = self.pieces.get(mid, "") + data


def _check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def test_report_is_well_formed_rtl_and_self_contained(run, tmp_path):
    write_report(tmp_path / "report.html", **run)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    checker = _check(html)
    assert html.startswith("<!DOCTYPE html>")
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert "<style>" in html and "<svg" in html  # CSS and figures inline
    assert not re.search(r'<(?:link|img|script)\b', html)  # nothing fetched, nothing run
    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"


def test_the_report_written_section_by_section_is_the_page(run, tmp_path):
    # write_report streams the page to the file; it must be report_html's page, byte for byte.
    write_report(tmp_path / "report.html", **run)
    assert (tmp_path / "report.html").read_bytes() == report_html(**run).encode("utf-8")


def test_ids_stay_unique_with_a_close_up_panel(run):
    far = pd.concat([run["events"], pd.DataFrame([{
        "doc_id": "d1", "event_id": "e3", "claim_id": "c2", "kind": "territory_capture",
        "event_type": "Battles", "actor": "داعش", "start": "XXXX", "proposed_year": "2014/2017"}])],
        ignore_index=True)
    html = report_html(**{**run, "events": far})
    checker = _check(html)
    assert any(i.endswith("wb-close-event-0") for i in checker.ids)  # two panels drawn
    assert len(checker.ids) == len(set(checker.ids))
    assert [link for link in checker.links if link not in set(checker.ids)] == []


def test_report_escapes_untrusted_text(run):
    html = report_html(**run)
    assert "<script" not in html.lower()
    assert "<i>" not in html and "<b>bold</b>" not in html
    text = "".join(_check(html).text)
    # Shown as written, not interpreted.
    assert "عودة داعش <i>في</i> العراق" in text
    assert "<script>alert('x')</script>" in text
    assert "d2.pdf: no text layer <script>alert(1)</script>" in text


def test_every_document_error_is_shown(run):
    text = "".join(_check(report_html(**run)).text)
    for error in run["documents"]["error"]:
        if error:
            assert text.count(error) >= 2  # in the documents table and in its own section


def test_each_mention_is_highlighted_exactly():
    mentions = _mentions(TEXT)
    html = highlight_html(TEXT, mentions=mentions, claims=_claims(TEXT), gaps=_gaps(TEXT))
    checker = _check(html)
    assert "".join(checker.text).startswith(TEXT)  # the text itself is unchanged
    assert len(checker.pieces) == len(mentions)
    for i, row in enumerate(mentions.itertuples()):
        assert checker.pieces[f"m{i}"] == row.text == TEXT[row.start:row.end]
    kinds = [a["class"] for t, a in checker.tags if t == "mark"]
    assert "m m-quantity" in kinds and "m m-place" in kinds and "m m-actor" in kinds
    titles = [a.get("title", "") for t, a in checker.tags if t == "mark"]
    assert any("IQ-AN" in title for title in titles)  # hover shows the value


def test_gaps_and_claims_are_marked():
    html = highlight_html(TEXT, claims=_claims(TEXT), gaps=_gaps(TEXT))
    checker = _check(html)
    gaps = [a for t, a in checker.tags if "gap" in a.get("class", "").split()]
    assert len(gaps) == TEXT.count("[\u2026]")
    claims = [a for t, a in checker.tags if a.get("class") == "claim"]
    assert [c["data-claim"] for c in claims] == ["c1", "c2"]
    # The gap in the date line, outside the clean text, is counted in a note.
    assert "".join(checker.text).endswith("تظهر في الجداول فقط: 1")


def test_mismatched_offsets_are_flagged_not_hidden():
    bad = pd.DataFrame([{"start": 0, "end": 4, "text": "بغداد", "kind": "place", "value": ""}])
    html = highlight_html(TEXT, mentions=bad)
    assert 'class="m m-place mismatch"' in html


def test_internal_links_resolve(run):
    checker = _check(report_html(**run))
    ids = set(checker.ids)
    assert checker.links, "the page has internal links"
    missing = [link for link in checker.links if link not in ids]
    assert missing == []
    # Each timeline mark links to its event's row, and that row to its claim's sentence.
    assert "event-d1-e1" in checker.links and "claim-d1-c1" in checker.links


def test_documents_beyond_the_limit_are_in_the_tables_only():
    items = [Item(_document(f"doc{i}", title=f"وثيقة {i}"), "نص قصير", {})
             for i in range(REPORT_DOCUMENT_LIMIT + 3)]
    documents = pd.DataFrame([it.document for it in items])
    html = report_html(documents=documents, events=pd.DataFrame(), items=items)
    _check(html)
    assert html.count('<section class="doc"') == REPORT_DOCUMENT_LIMIT
    assert f"doc{REPORT_DOCUMENT_LIMIT + 2}" in html  # still listed in the documents table
    assert "<svg" in html and "<!--" not in html


def test_analysis_html_for_jupyterlab():
    clean = SimpleNamespace(
        text=TEXT, gaps=_gaps(TEXT).drop(columns="doc_id"), title="عودة داعش في العراق",
        author="", published_text="", blocks=[SimpleNamespace(kind="title", start=0, end=19)],
    )
    analysis = SimpleNamespace(
        doc_id="d1", published="2020-05", clean=clean, text=TEXT, gaps=_gaps(TEXT),
        mentions=_mentions(TEXT), claims=_claims(TEXT), events=_events(),
    )
    html = analysis_html(analysis)
    checker = _check(html)
    assert html.startswith('<div class="wb" lang="ar" dir="rtl">')
    assert len(checker.pieces) == len(analysis.mentions)
    assert any(a.get("class") == "heading" for _, a in checker.tags)
    assert "<script" not in html.lower()


@st.composite
def _overlapping(draw):
    text = draw(st.text(alphabet="ابت <>&\n", min_size=1, max_size=40))
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    mentions = draw(st.lists(spans, max_size=6))
    claims = draw(st.lists(spans, max_size=3))
    gaps = draw(st.lists(spans, max_size=3))
    return text, mentions, claims, gaps


@given(_overlapping())
def test_any_overlap_of_spans_stays_well_formed_and_exact(case):
    text, mentions, claims, gaps = case
    frame = pd.DataFrame({"start": [a for a, _ in mentions], "end": [b for _, b in mentions],
                          "text": [text[a:b] for a, b in mentions],
                          "kind": ["place"] * len(mentions)})
    claim_frame = pd.DataFrame({"start": [a for a, _ in claims], "end": [b for _, b in claims],
                                "claim_id": [f"c{i}" for i in range(len(claims))]})
    gap_frame = pd.DataFrame({"start": [a for a, _ in gaps], "end": [b for _, b in gaps]})
    html = highlight_html(text, mentions=frame, claims=claim_frame, gaps=gap_frame)
    checker = _check(html)
    for i, (a, b) in enumerate(mentions):
        assert checker.pieces.get(f"m{i}", "") == text[a:b]
    assert "".join(checker.text).startswith(text)
