"""Robustness: a folder of awkward and broken inputs in one run; any string through analyze."""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import workbench
from benchmarks.repair import make_pdf
from tests.sources.test_pdf import _with_encrypt_dictionary
from workbench import cli

run_module = importlib.import_module("workbench.batch")

ARTICLE = (
    "هجوم جديد في الأنبار\n\n"
    "قالت مصادر أمنية عراقية إن عناصر من تنظيم داعش هاجموا نقطة تفتيش للجيش العراقي في "
    "صحراء الأنبار مساء أمس، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين.\n"
)
PAGE = (
    "<html><head><title>هجوم في الأنبار</title><script>var ad = 1;</script></head><body>"
    "<nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav><article><h1>هجوم في الأنبار</h1>"
    "<p>قالت مصادر أمنية عراقية إن عناصر من تنظيم داعش هاجموا نقطة تفتيش للجيش العراقي في "
    "صحراء الأنبار مساء أمس، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين بجروح مختلفة.</p>"
    "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("awkward")
    work = tmp_path_factory.mktemp("pdf")
    good_pdf = make_pdf(ARTICLE, producer="weasyprint", font="Noto Naskh Arabic", work_dir=work).read_bytes()
    files = {
        "utf8.txt": ARTICLE.encode("utf-8"),
        "bom_crlf.txt": b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        "windows1256.txt": ARTICLE.encode("cp1256"),
        "utf16.txt": ARTICLE.encode("utf-16"),
        "page.html": PAGE.encode("utf-8"),
        "good.pdf": good_pdf,
        "encrypted.pdf": _with_encrypt_dictionary(good_pdf),
        "truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "text_named.pdf": ARTICLE.encode("utf-8"),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 64,
        "one_line.txt": ("هجوم في الأنبار " * 400_000).encode("utf-8"),  # 6.4M characters
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_awkward_folder_good_files_right_broken_files_named(awkward: Path, tmp_path: Path) -> None:
    before = _hashes(awkward)
    out = tmp_path / "out"
    status = cli.main(["run", str(awkward), "--out", str(out), "--quiet", "--jobs", "2"])
    assert status == run_module.EXIT_SOME_FAILED
    assert _hashes(awkward) == before
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    good = ["utf8", "bom_crlf", "windows1256", "utf16", "page", "good"]
    for doc_id in good:
        assert docs.loc[doc_id, "error"] == "", doc_id
        clean = (out / "clean" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert "نقطة تفتيش للجيش العراقي" in clean, doc_id
    expected = {
        "encrypted": "encrypted PDF",
        "truncated": "truncated or damaged PDF",
        "text_named": "not a PDF",
        "empty": "empty file",
        "binary": "binary file, not text",
        "one_line": "too long for one document",
    }
    for doc_id, problem in expected.items():
        assert problem in docs.loc[doc_id, "error"], (doc_id, docs.loc[doc_id, "error"])
        assert not (out / "clean" / f"{doc_id}.txt").exists()
    assert int(docs.loc["one_line", "n_chars_raw"]) == 400_000 * len("هجوم في الأنبار ")
    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    assert set(mentions.loc[mentions.value == "Anbar", "doc_id"]) >= set(good)


def test_a_long_document_can_be_allowed(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("هجوم في الأنبار. " * 2000, encoding="utf-8")
    assert "too long" in workbench.load(path, max_chars=1000).loc[0, "error"]
    assert workbench.load(path, max_chars=100_000).loc[0, "error"] == ""


# Arabic letters, digits, punctuation, kashida, bidi controls, presentation forms, newlines.
ALPHABET = st.sampled_from([
    *"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ",
    "\u0640", "\u064b", "\u0651", "\u200f", "\u202b", "\ufefb", "\n", "\n\n", ".", "،", "–",
    "(", ")", "1", "٢", "2020", "  ", "[…]", "x",
])
arabic_like = st.lists(ALPHABET, max_size=120).map("".join)


@given(st.one_of(arabic_like, st.text(max_size=200)))
@example("\ufffd")  # a glyph without a character: an ``unreadable`` gap, not a marker
def test_analyze_never_raises_and_every_offset_is_in_the_text(raw: str) -> None:
    a = workbench.analyze(raw, published="2020-05", doc_id="h")
    n = len(a.text)
    for frame in (a.mentions, a.claims, a.gaps):
        for start, end in zip(frame["start"], frame["end"], strict=True):
            assert start == end == -1 or 0 <= start <= end <= n
    for row in a.mentions.itertuples():
        assert a.text[row.start:row.end] == row.text
    for row in a.claims.itertuples():
        assert a.text[row.start:row.end] == row.text


@given(arabic_like)
def test_find_mentions_on_any_text_is_well_formed(text: str) -> None:
    found = workbench.find_mentions(text)
    assert set(found["kind"]) <= {"place", "actor", "time", "quantity"}
    for row in found.itertuples():
        assert text[row.start:row.end] == row.text
