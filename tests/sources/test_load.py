"""Loaders: every format, the encodings Arabic files come in, and bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from workbench import load
from workbench.sources.load import decode_text, iter_documents

ARABIC = "سُجل أكثر من 100 هجومٍ في الأنبار،\nوقالت الحكومة العراقية إن الوضع تحت السيطرة."
DATA = Path(__file__).parents[1] / "data"


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        (ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("cp1256"), "cp1256"),
        (ARABIC.replace("\n", "\r\n").encode("cp1256"), "cp1256"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert text == ARABIC
    assert found == encoding


def test_newlines_and_invisible_marks() -> None:
    dirty = "\ufeff\u200eالموصل\r\n\u202bنينوى\u202c\rكركوك\u200f\u2069"
    text, _ = decode_text(dirty.encode("utf-8"))
    assert text == "الموصل\nنينوى\nكركوك"


def test_real_newsfane_dirt_is_removed() -> None:
    raw = (DATA / "newsfane_excerpt.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and "\u200e".encode() in raw
    [row] = load(DATA / "newsfane_excerpt.txt").to_dict("records")
    assert row["error"] == ""
    assert row["encoding"] == "utf-8-sig"
    text = row["text"]
    assert "\r" not in text and "\u200e" not in text and "\ufeff" not in text
    first = text.split("\n")[0]
    assert first == "فرانكفورت\tB-Population-Center"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \r\n\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file, not text"),
        ("fake.pdf", "ليس ملف PDF".encode(), "not a PDF"),
        ("empty.pdf", b"", "empty"),
        ("notes.docx", b"PK\x03\x04", "not a readable Word document"),
        ("notes.odt", b"PK\x03\x04", "not a readable OpenDocument file"),
        ("notes.pages", b"PK\x03\x04", "unsupported type .pages"),
        ("scan.png", b"\x89PNG\r\n", "not a readable image"),
        ("empty.jsonl", b"\n", "empty file"),
    ],
)
def test_bad_input_gets_an_error_row_naming_file_and_problem(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [row] = load(path).to_dict("records")
    assert row["error"].startswith(f"{name}: ")
    assert problem in row["error"]
    assert path.read_bytes() == data


def test_missing_file_gets_an_error_row(tmp_path: Path) -> None:
    [row] = load(tmp_path / "nowhere.txt").to_dict("records")
    assert row["error"] == "nowhere.txt: file not found"


def test_batch_goes_on_after_bad_files_and_inputs_are_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "sub" / "a.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "c.pdf").write_text("not a pdf at all", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    before = _tree_hashes(folder)
    docs = load(folder)
    assert _tree_hashes(folder) == before
    assert docs["doc_id"].tolist() == ["a", "b", "c", "image", "a-2"]
    assert docs.set_index("doc_id").loc["a-2", "text"] == ARABIC
    errors = dict(zip(docs["doc_id"], docs["error"], strict=True))
    assert errors["a"] == "" and errors["a-2"] == ""
    assert "empty file" in errors["b"] and "not a PDF" in errors["c"]
    assert errors["image"] == "image.png: not a readable image (UnidentifiedImageError)"


def test_globs_and_doc_ids_are_unique(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(ARABIC, encoding="utf-8")
    docs = load(str(tmp_path / "*" / "*.txt"))
    assert docs["doc_id"].tolist() == ["article", "article-2"]


HTML_PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">
<title>هجوم في الأنبار | موقع الأخبار</title><script>var tracking = "لا تظهر";</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> قائمة التنقل</nav>
<article><h1>هجوم جديد لتنظيم داعش في الأنبار</h1>
<p>قالت مصادر أمنية عراقية إن عناصر من تنظيم داعش هاجموا نقطة تفتيش للجيش العراقي في صحراء
الأنبار غربي البلاد مساء أمس، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين بجروح.</p>
<p>وأضافت المصادر أن القوات الأمنية بدأت عملية تمشيط واسعة في المنطقة بحثا عن المهاجمين،
بمساندة طيران التحالف الدولي الذي نفذ غارتين على مواقع يشتبه بأنها للتنظيم.</p>
</article><footer>جميع الحقوق محفوظة لموقع الأخبار 2020</footer></body></html>"""


def test_html_article_title_and_body_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.encode("cp1256"))
    [row] = load(path).to_dict("records")
    assert row["error"] == ""
    assert "هجوم" in row["title"]
    assert "نقطة تفتيش للجيش العراقي" in row["text"]
    assert "بمساندة طيران التحالف الدولي" in row["text"]
    for boilerplate in ("قائمة التنقل", "tracking", "لا تظهر", "جميع الحقوق محفوظة"):
        assert boilerplate not in row["text"]


def test_html_without_article_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
                    encoding="utf-8")
    [row] = load(path).to_dict("records")
    assert row["error"] == "nav.html: no article text found in HTML"


def test_jsonl_corpus_one_document_per_line_bad_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "n1", "title": "عنوان أول", "date": "2020-04-02", "text": ARABIC},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "n3", "title": "بلا نص", "text": ""}, ensure_ascii=False),
        json.dumps({"id": "n4", "body": "نص في عمود آخر"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = load(path)
    assert docs["doc_id"].tolist() == ["feed-n1", "feed-2", "feed-n3", "feed-n4", "feed-5"]
    first = docs.iloc[0]
    assert (first["title"], first["published"], first["text"]) == ("عنوان أول", "2020-04-02", ARABIC)
    assert docs.iloc[1]["error"].startswith("feed.jsonl:2: invalid JSON")
    assert docs.iloc[2]["error"] == "feed.jsonl:3: empty text"
    assert docs.iloc[3]["text"] == "نص في عمود آخر" and docs.iloc[3]["error"] == ""
    assert docs.iloc[4]["error"] == "feed.jsonl:5: a JSON line must be an object"



@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_corpus_read_in_chunks_gives_the_records_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """A UTF-8 corpus is read a chunk at a time: a CRLF cut between two chunks is one line
    break, a character cut between two byte chunks is one character; other encodings are
    decoded whole. Either way the records are those of the whole file."""
    from workbench.sources import load as module

    rows = [json.dumps({"id": f"n{i}", "text": "قتل ثلاثة‏ أشخاص " * i}, ensure_ascii=False)
            for i in range(1, 6)]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode(encoding))
    whole = load(path)
    monkeypatch.setattr(module, "_CHUNK_CHARS", 7)
    chunked = load(path)
    assert chunked.equals(whole)
    assert whole["doc_id"].tolist() == [f"feed-n{i}" for i in range(1, 6)]
    assert whole["text"].tolist() == ["قتل ثلاثة أشخاص " * i for i in range(1, 6)]
    assert whole["encoding"].iloc[0] == encoding

def test_csv_corpus_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "archive.csv"
    path.write_text(
        'headline,story_text,day\n"هجوم في كركوك","نص الخبر الأول\nسطر ثان",2020-05-01\n'
        '"خبر ثان","نص الخبر الثاني",2020-05-02\n',
        encoding="utf-8",
    )
    docs = load(path, text_column="story_text", date_column="day")
    assert docs["text"].tolist() == ["نص الخبر الأول\nسطر ثان", "نص الخبر الثاني"]
    assert docs["title"].tolist() == ["هجوم في كركوك", "خبر ثان"]
    assert docs["published"].tolist() == ["2020-05-01", "2020-05-02"]
    unnamed = load(path)
    assert unnamed["error"].str.contains("no text column").all()


def test_sidecar_metadata_wins_and_says_its_basis(tmp_path: Path) -> None:
    (tmp_path / "art.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "art.meta.json").write_text(
        json.dumps({"title": "عنوان", "published": "2020-05",
                    "published_basis": {"month": "text", "year": "inferred"}}),
        encoding="utf-8",
    )
    [row] = load(tmp_path).to_dict("records")
    assert (row["title"], row["published"]) == ("عنوان", "2020-05")
    assert row["published_basis"] == "month: text; year: inferred"


def test_bundled_seed_is_the_default_input() -> None:
    [doc] = list(iter_documents())
    assert doc.doc_id == "000_a7d0b04255543ba7"
    assert doc.error == ""
    assert doc.author == "مجاهد الطائي"
    assert doc.published == "2020-05"
    assert "year: inferred" in doc.published_basis
    assert doc.text.count("\u0640") == 351


def test_public_api_names_functions_not_modules() -> None:
    import inspect

    import workbench
    import workbench.analysis
    import workbench.batch  # importing the submodules must not shadow the functions
    import workbench.cleaning.clean
    import workbench.sources.load

    for name in workbench.__all__:
        value = getattr(workbench, name)
        assert callable(value) and not inspect.ismodule(value), name
    assert workbench.clean("نص").text == "نص"
