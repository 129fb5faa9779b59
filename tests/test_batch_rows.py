"""``workbench run`` writes most documents' CSV rows straight from the analysis's rows:
the text is the one the frames give."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from workbench.batch import _csv_of_rows, _csv_rows, analyse_document
from workbench.claims.frames import frame_of_rows, frame_with_lead
from workbench.sources.load import Document

SEED = next(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))
TEXTS = {
    "seed": SEED.read_text(encoding="utf-8"),
    "short": "قتل ثلاثة أشخاص وأصيب 4 آخرون في انفجار عبوة ناسفة ببغداد يوم 5 مايو 2020.",
    "none": "نص بلا أحداث.",
    "empty": "",
}


@pytest.mark.parametrize("name", TEXTS)
def test_rows_without_frames_are_the_rows_of_the_frames(name):
    doc = Document(doc_id=name, text=TEXTS[name], published="2020-05", source_path=f"{name}.txt")
    full, lean = analyse_document(doc, full=True), analyse_document(doc, full=False)
    assert full.rows == lean.rows
    assert lean.html is None
    assert f'id="doc-{name}"' in full.html  # the report's section, rendered with the rows


def test_plain_values_render_as_the_frame_renders_them():
    rows = [{"a": "x,y", "b": 1, "c": 0.1 + 0.2, "d": True},
            {"a": "", "b": -2, "c": math.nan, "d": False}]
    lead = {"doc_id": "d1"}
    assert _csv_of_rows(rows, ["a", "b", "c", "d"], ["doc_id", "z", "b"], lead) == \
        _csv_rows(frame_with_lead(rows, ["a", "b", "c", "d"], lead), ["doc_id", "z", "b"])


def test_a_column_pandas_would_convert_is_left_to_the_frame():
    rows = [{"a": 1}, {"a": None}]  # a frame makes this column float: 1.0 and NaN
    assert _csv_of_rows(rows, ["a"], [], {}) is None
    assert _csv_rows(frame_of_rows(rows, ["a"]), [])[1].startswith("1.0\n")


def test_gaps_with_a_loaders_flags_are_written_alike():
    text = "قصف مدفعي\n\n\ufffd\n\nعلى البلدة"
    flag = {"raw_start": 11, "raw_end": 12, "kind": "ocr_low", "context": "OCR confidence 20 %"}
    doc = Document(doc_id="ocr", text=text, source_path="ocr.pdf", flags=[flag])
    full, lean = analyse_document(doc, full=True), analyse_document(doc, full=False)
    assert full.rows == lean.rows
    assert "ocr_low" in lean.rows["gaps"][1]
