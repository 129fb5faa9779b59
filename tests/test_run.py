"""`workbench run`: the CLI end to end, mixed good and broken input, safe output folders."""

from __future__ import annotations

import hashlib
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from workbench import cli

# The module, not the function of the same name that the package exports.
run_module = importlib.import_module("workbench.batch")

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a7d0b04255543ba7.txt"
ARTICLE = (
    "هجوم جديد في الأنبار\n\n"
    "قالت مصادر أمنية عراقية إن عناصر من تنظيم داعش هاجموا نقطة تفتيش للجيش العراقي في "
    "صحراء الأنبار مساء أمس، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين.\n\n"
    "وأضافت المصادر أن القوات الأمنية بدأت عملية تمشيط واسعة في المنطقة بحثا عن المهاجمين.\n"
)
OUTPUTS = [
    "documents.csv", "gaps.csv", "mentions.csv", "claims.csv", "events.csv",
    "events_acled.csv", "timeline.png", "timeline.svg", "report.html",
]


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("seed_run")
    status = cli.main(["run", "--out", str(out), "--quiet", "--jobs", "1"])
    return status, out


def test_cli_on_the_bundled_seed_writes_every_output(seed_run: tuple[int, Path]) -> None:
    status, out = seed_run
    assert status == 0
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    docs = _read(out / "documents.csv")
    assert docs["doc_id"].tolist() == ["000_a7d0b04255543ba7"]
    doc = docs.iloc[0]
    assert doc["error"] == ""
    assert doc["author"] == "مجاهد الطائي"
    assert doc["published"] == "2020-05"
    clean = (out / "clean" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8")
    assert int(doc["n_chars_clean"]) == len(clean.rstrip("\n"))
    assert "\u0640" not in clean
    assert clean.startswith("عودة داعش في العراق")


def test_every_row_points_into_the_clean_text(seed_run: tuple[int, Path]) -> None:
    _, out = seed_run
    clean = (out / "clean" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8")
    mentions = _read(out / "mentions.csv")
    assert len(mentions) > 0
    for row in mentions.itertuples():
        assert clean[int(row.start):int(row.end)] == row.text
    for table in ("gaps", "claims"):
        frame = _read(out / f"{table}.csv")
        assert len(frame) > 0 and (frame["doc_id"] == "000_a7d0b04255543ba7").all()
        for row in frame.itertuples():
            assert 0 <= int(row.start) <= int(row.end) <= len(clean) or int(row.start) == -1


@pytest.mark.parametrize("jobs", ["1", "2"])  # with 2, files are read in the worker processes
def test_mixed_folder_goes_on_past_broken_files(tmp_path: Path, jobs: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "seed.txt").write_bytes(SEED.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "fake.pdf").write_text("plain text, not a PDF", encoding="utf-8")
    (inputs / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    before = _hashes(inputs)
    out = tmp_path / "out"
    status = cli.main(["run", str(inputs), "--out", str(out), "--quiet", "--jobs", jobs])
    assert status == run_module.EXIT_SOME_FAILED
    assert _hashes(inputs) == before
    docs = _read(out / "documents.csv").set_index("doc_id")
    assert set(docs.index) == {"binary", "empty", "fake", "good", "seed", "truncated"}
    assert docs.loc["good", "error"] == "" and docs.loc["seed", "error"] == ""
    for doc_id in ("binary", "empty", "fake", "truncated"):
        assert docs.loc[doc_id, "error"].startswith(f"{doc_id}.")
    assert sorted(p.name for p in (out / "clean").iterdir()) == ["good.txt", "seed.txt"]


def test_nothing_to_read_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert cli.main(["run", str(empty), "--out", str(tmp_path / "out"), "--quiet"]) == 2


def test_output_folder_keeps_foreign_files_and_drops_only_its_own_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("my notes", encoding="utf-8")
    (out / "clean").mkdir()
    (out / "clean" / "mine.txt").write_text("hand-made", encoding="utf-8")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["run", str(first), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    assert (out / "clean" / "first.txt").is_file()
    assert cli.main(["run", str(second), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    assert not (out / "clean" / "first.txt").exists()
    assert (out / "clean" / "second.txt").is_file()
    assert (out / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert (out / "clean" / "mine.txt").read_text(encoding="utf-8") == "hand-made"
    manifest = json.loads((out / run_module.MANIFEST).read_text(encoding="utf-8"))
    assert "clean/second.txt" in manifest["files"] and "notes.md" not in manifest["files"]
    assert not [p for p in out.iterdir() if p.name.startswith(".workbench-staging")]


def test_interrupted_run_leaves_previous_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["run", str(article), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    before = _hashes(out)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "analyse_document", interrupted)
    assert cli.main(["run", str(article), "--out", str(out), "--quiet", "--jobs", "1"]) == 130
    assert _hashes(out) == before


def test_parallel_jobs_give_the_same_tables(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(4):
        (inputs / f"doc{i}.txt").write_text(ARTICLE if i % 2 else SEED.read_text("utf-8"), "utf-8")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert cli.main(["run", str(inputs), "--out", str(serial), "--quiet", "--jobs", "1"]) == 0
    assert cli.main(["run", str(inputs), "--out", str(parallel), "--quiet", "--jobs", "2"]) == 0
    # with two cores the timeline PNG is drawn by a second process:
    # every file the same, byte for byte, and nothing of the drawing process left over
    assert _hashes(serial) == _hashes(parallel)
    assert (parallel / "timeline.svg").read_text("utf-8").count("<title>") > 0


def test_a_failed_drawing_process_leaves_its_drawings_to_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    serial = tmp_path / "serial"
    assert cli.main(["run", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(serial),
                     "--quiet", "--jobs", "1"]) == 0
    failing = run_module._Drawer(subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.exit(1)"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True))
    monkeypatch.setattr(run_module._Drawer, "start", classmethod(lambda cls: failing))
    summary = run_module.run_with_summary([tmp_path / "a.txt", tmp_path / "b.txt"],
                                          out=tmp_path / "parallel", jobs=2, progress=False)
    assert _hashes(serial) == _hashes(tmp_path / "parallel")
    for phase in ("warm-up", "reading and analysis", "tables", "governorates", "report"):
        assert summary.timings[phase] >= 0, phase
        assert summary.timings[run_module.CPU_PREFIX + phase] >= 0, phase
    assert summary.timings[run_module.CPU_PREFIX + "workers"] > 0  # they read both texts


def test_a_drawing_process_that_ends_before_its_drawings_leaves_them_to_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # it says the timeline SVG is written, writes none and ends: the run draws both files
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    inputs = [tmp_path / "a.txt", tmp_path / "b.txt"]
    run_module.run(inputs, out=tmp_path / "serial", jobs=1, progress=False)
    lying = run_module._Drawer(subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.readline(); print('timeline.svg')"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
    monkeypatch.setattr(run_module._Drawer, "start", classmethod(lambda cls: lying))
    summary = run_module.run_with_summary(inputs, out=tmp_path / "parallel", jobs=2, progress=False)
    assert _hashes(tmp_path / "serial") == _hashes(tmp_path / "parallel")
    assert run_module.CPU_PREFIX + "drawing process" not in summary.timings


def test_the_drawing_process_reports_its_cpu_before_and_after_its_data(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    summary = run_module.run_with_summary([tmp_path / "a.txt", tmp_path / "b.txt"],
                                          out=tmp_path / "out", jobs=2, progress=False)
    # its imports before the staged tables came, its drawing after
    assert summary.timings[run_module.CPU_PREFIX + "drawing process, before its data"] > 0
    assert summary.timings[run_module.CPU_PREFIX + "drawing process"] > 0
    assert (tmp_path / "out" / "timeline.png").stat().st_size > 0


def test_dask_engine_on_a_local_cluster_gives_the_same_tables(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(SEED.read_bytes())
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "bad.pdf").write_text("not a pdf", encoding="utf-8")
    local, distributed = tmp_path / "local", tmp_path / "dask"
    cli.main(["run", str(inputs), "--out", str(local), "--quiet", "--jobs", "1"])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        status = cli.main(["run", str(inputs), "--out", str(distributed), "--quiet",
                           "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert status == run_module.EXIT_SOME_FAILED
    for name in ("documents.csv", "mentions.csv", "claims.csv", "events.csv", "gaps.csv"):
        assert (local / name).read_bytes() == (distributed / name).read_bytes(), name


def test_console_script_prints_one_summary_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "run", str(article), "--out", str(tmp_path / "o"),
         "--quiet", "--jobs", "1"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        f"workbench: read 1 document, 0 failed, "
        f"{len(_read(tmp_path / 'o' / 'events.csv'))} events; results in {tmp_path / 'o'}/"
    )


def test_corpus_tables_keep_columns_the_first_document_lacks(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("زار الوفد مدينة الموصل.\n", encoding="utf-8")  # a place, no count
    (inputs / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["run", str(inputs), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    mentions = _read(out / "mentions.csv")
    assert {"min", "max", "unit", "start_date", "admin1"} <= set(mentions.columns)
    first = mentions[mentions["doc_id"] == mentions["doc_id"].iloc[0]]
    assert set(first["kind"]) == {"place"}
    counts = mentions[mentions["kind"] == "quantity"]
    assert len(counts) and (counts["min"] != "").all()


def test_a_reader_crash_is_that_files_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are read where they are analysed; an unforeseen reader failure stays in its row."""
    load_module = importlib.import_module("workbench.sources.load")

    def broken(path: Path, doc: object) -> None:
        raise RuntimeError("glyph table corrupt")

    monkeypatch.setattr(load_module, "_read_pdf", broken)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (inputs / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["run", str(inputs), "--out", str(out), "--quiet", "--jobs", "1"]) == 3
    docs = _read(out / "documents.csv").set_index("doc_id")
    assert docs.loc["a", "error"] == "a.pdf: cannot read (RuntimeError: glyph table corrupt)"
    assert docs.loc["b", "error"] == "" and int(docs.loc["b", "n_events"]) >= 1


def test_every_kind_of_document_gets_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word, OpenDocument, a scanned PDF, a page image, an unknown type: one row each;
    hidden files and an earlier run's outputs stay out; a blurred page is a gap."""
    import os
    import shutil

    from PIL import ImageFilter

    from benchmarks.repair import make_pdf
    from tests.sources.test_office import PARAGRAPHS, write_docx, write_odt
    from workbench.sources.pdf import render_pdf_pages

    if shutil.which("tesseract") is None:
        if os.environ.get("CI"):
            pytest.fail("Tesseract is not installed (.ci/run installs it)")
        pytest.skip("Tesseract is not installed")
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_docx(inputs / "word.docx", PARAGRAPHS)
    write_odt(inputs / "open.odt", PARAGRAPHS)
    pdf = make_pdf(PARAGRAPHS[0], producer="weasyprint", font="Noto Naskh Arabic", work_dir=tmp_path)
    page = next(render_pdf_pages(pdf, [0], dpi=300))
    page = page.crop((0, 0, page.width, page.height // 4))
    page.save(inputs / "scan.pdf", resolution=300)
    page.save(inputs / "photo.png", dpi=(300, 300))
    page.filter(ImageFilter.GaussianBlur(6)).save(inputs / "blurred.png", dpi=(300, 300))
    (inputs / "notes.pages").write_bytes(b"PK\x03\x04")
    (inputs / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (inputs / "word.meta.json").write_text('{"published": "2007-05-01"}', encoding="utf-8")
    assert cli.main(["run", str(inputs / "word.docx"), "--out", str(inputs / "earlier"), "--quiet"]) == 0
    out = tmp_path / "out"
    capsys.readouterr()
    status = cli.main(["run", str(inputs), "--out", str(out), "--quiet", "--jobs", "2"])
    assert status == run_module.EXIT_SOME_FAILED
    assert "read 6 documents, 1 failed (1 of a type not read)" in capsys.readouterr().out
    docs = _read(out / "documents.csv").set_index("doc_id")
    assert sorted(docs.index) == ["blurred", "notes", "open", "photo", "scan", "word"]
    assert docs.loc["notes", "error"].startswith("notes.pages: unsupported type .pages")
    assert (docs.drop(index="notes")["error"] == "").all()
    assert docs.loc["word", "published"] == "2007-05-01"
    assert docs.loc["open", "title"] == "تقرير عن الهجمات"
    gaps = _read(out / "gaps.csv")
    low = gaps[gaps["kind"] == "ocr_low"]
    assert low["doc_id"].tolist() == ["blurred"]
    clean_blurred = (out / "clean" / "blurred.txt").read_text(encoding="utf-8")
    assert clean_blurred[int(low["start"].iloc[0]):int(low["end"].iloc[0])] == "\ufffd"


def test_summary_line_sets_unsupported_files_apart(tmp_path: Path) -> None:
    from workbench.batch import Summary

    summary = Summary(out=tmp_path, documents=3, failed=2, unsupported=1, events=4)
    assert summary.line() == (
        f"workbench: read 3 documents, 2 failed (1 of a type not read), 4 events; "
        f"results in {tmp_path}/"
    )
    assert "type not read" not in Summary(out=tmp_path, documents=1, failed=1).line()


def test_run_with_summary_takes_the_options_of_run(tmp_path: Path) -> None:
    from workbench.batch import run_with_summary

    with pytest.raises(TypeError):
        run_with_summary(out=tmp_path / "out", jobz=1)
    assert not (tmp_path / "out").exists()


def test_models_let_go_after_a_run_are_read_back_for_the_next_analysis():
    # A run lets go of the language models before drawing; an analysis after it in the
    # same process reads them back and finds what it found before.
    from workbench import analyze
    from workbench.cleaning import lexicon
    from workbench.text.memo import forget_words

    text = SEED.read_text(encoding="utf-8")
    before = analyze(text, published="2020-05")
    forget_words()
    run_module.forget_models()
    assert lexicon._lexicon.cache_info().currsize == 0
    after = analyze(text, published="2020-05")
    assert lexicon._lexicon.cache_info().currsize == 1
    assert after.clean.text == before.clean.text
    pd.testing.assert_frame_equal(after.events, before.events)
