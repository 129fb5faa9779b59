"""Repair benchmark: how close each tool gets damaged or PDF-extracted Arabic to the source.

Corpus: the real prose excerpts in ``benchmarks/corpus/`` (provenance in their headers)
and, when present, the seed's hand reconstruction in ``benchmarks/reference/``.
Conditions, per text:

- ``clean``: the source itself (a repair tool must leave it unchanged);
- ``damaged``: the source through ``benchmarks.damage.damage`` (the seed's damage);
- ``pdf <producer>/<font>``: the source typeset to PDF by WeasyPrint or LibreOffice in
  Amiri or Noto Naskh Arabic, justified right to left, then extracted.

Tools: ``raw`` (the input as it is; for PDFs pdfplumber's ``extract_text()``),
``pdftotext`` (poppler), the peers (camel-tools normalise, ftfy, python-bidi, and the
PyPI "Arabic PDF repair" packages) applied to the raw text, ``pdf_text`` (the
workbench loader alone, with its pdfium or pdfplumber glyph source) and ``workbench``
(``workbench.sources.pdf.pdf_text`` for PDFs, then ``workbench.cleaning.clean.clean``).

Figures: character error rate over letters and single spaces after removing
diacritics and tatweel (``char_error_rate(hyp, ref)`` of ``benchmarks/cer.py``), and,
on clean input, the number of lines a tool changed. Generated PDFs are cached in
``benchmarks/_work/`` keyed by text, producer and font.

Run: ``.venv/bin/python benchmarks/repair.py`` (``--quick`` for one font per producer).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import EVAL_DATA  # noqa: E402
from benchmarks.cer import cer_normalise, char_error_rate  # noqa: E402
from benchmarks.damage import damage  # noqa: E402

CORPUS_DIR = ROOT / "benchmarks" / "corpus"
REFERENCE_DIR = ROOT / "benchmarks" / "reference"
WORK_DIR = ROOT / "benchmarks" / "_work"

PRODUCERS = ("weasyprint", "libreoffice")
FONTS = ("Amiri", "Noto Naskh Arabic")
PEERS = (
    "camel-tools normalise", "ftfy", "python-bidi", "arabic-repair", "arabic-rt",
    "arabic-lint", "arabic-extract",
)
_PAGE_CSS = (
    "@page {{ size: A4; margin: 2cm }} "
    "body {{ font-family: '{font}'; font-size: 12pt; line-height: 1.5 }} "
    "p {{ text-align: justify; margin: 0 0 0.8em 0 }}"
)


# --- corpus ----------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """A corpus file without its ``#`` header lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).strip() + "\n"


def load_corpus(*, names: list[str] | None = None) -> dict[str, str]:
    """Corpus texts by file stem, the seed's reference included when it exists."""
    files = sorted(CORPUS_DIR.glob("*.txt")) + sorted(REFERENCE_DIR.glob("*.txt"))
    texts = {f.stem: read_text(f) for f in files}
    if names is not None:
        texts = {k: v for k, v in texts.items() if k in names}
    return texts


# --- typesetting -----------------------------------------------------------------------


def html_document(text: str, *, font: str) -> str:
    """Right-to-left justified HTML, one ``<p>`` per paragraph (blank-line separated)."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f'<p dir="rtl">{html.escape(" ".join(p.split()))}</p>' for p in paras)
    css = _PAGE_CSS.format(font=font)
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body>\n{body}\n</body></html>\n"
    )


def make_pdf(text: str, *, producer: str, font: str, work_dir: Path = WORK_DIR) -> Path:
    """The text typeset to PDF by ``producer`` in ``font``; cached by content."""
    key = hashlib.sha1(f"{producer}\0{font}\0{_PAGE_CSS}\0{text}".encode()).hexdigest()[:16]
    out = work_dir / f"{producer}-{key}.pdf"
    if out.exists():
        return out
    work_dir.mkdir(parents=True, exist_ok=True)
    doc = html_document(text, font=font)
    if producer == "weasyprint":
        import weasyprint

        weasyprint.HTML(string=doc).write_pdf(out)
    elif producer == "libreoffice":
        _soffice_pdf(doc, out)
    else:
        raise ValueError(f"unknown producer {producer!r}")
    return out


def _soffice_pdf(doc: str, out: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".html")
        src.write_text(doc, encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
             "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(Path(tmp) / (out.stem + ".pdf"), out)


def producers_available() -> list[str]:
    """Producers that can run here (LibreOffice needs the Debian package)."""
    return [p for p in PRODUCERS if p != "libreoffice" or shutil.which("soffice")]


# --- raw extractors and peers ---------------------------------------------------------


def pdfplumber_text(path: Path) -> str:
    """pdfplumber's plain ``extract_text()``, pages joined by a blank line."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n\n".join(page.extract_text() or "" for page in pdf.pages)


def pdftotext_text(path: Path) -> str | None:
    """poppler's ``pdftotext`` output, or None when poppler-utils is missing."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    run = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def _per_line(fn: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(fn(line) for line in text.split("\n"))


def peer(name: str) -> Callable[[str], str] | str:
    """The peer as a text → text function, or why it cannot run here."""
    try:
        if name == "camel-tools normalise":
            from camel_tools.utils.dediac import dediac_ar
            from camel_tools.utils.normalize import normalize_unicode

            return lambda t: dediac_ar(normalize_unicode(t))
        if name == "ftfy":
            import ftfy

            return ftfy.fix_text
        if name == "python-bidi":
            from bidi import get_display

            return _per_line(lambda line: get_display(line))
        if name == "arabic-repair":
            import arabic_repair

            return arabic_repair.repair
        if name == "arabic-rt":
            import arabic_rt

            return arabic_rt.unfix
        if name == "arabic-lint":
            from arabic_lint.detect import recover

            return _per_line(lambda line: recover(line)[0])
        if name == "arabic-extract":
            from arabic_extract._pipeline import run_pipeline

            return run_pipeline
    except ImportError as exc:
        return f"not installed ({exc.name})"
    raise ValueError(f"unknown peer {name!r}")


def _arabic_extract_pdf(path: Path) -> str:
    import arabic_extract

    return arabic_extract.extract(path, ocr_scanned=False).text


# --- the workbench ---------------------------------------------------------------------


def _cleaning() -> tuple[Callable[[str], str] | None, Callable[[str, str], float]]:
    """``clean`` (text → clean text) of the cleaning stage, if there is one, and the scorer."""
    try:
        clean_fn = importlib.import_module("workbench.cleaning.clean").clean
    except (ImportError, AttributeError):
        return None, char_error_rate
    return (lambda t: clean_fn(t).text), char_error_rate


def lines_changed(output: str, source: str) -> int:
    """Lines of ``source`` not found unchanged at the same place in ``output``
    (whitespace runs and Unicode composition aside)."""

    def norm(line: str) -> str:
        return " ".join(unicodedata.normalize("NFC", line).split())

    out = [norm(x) for x in output.strip().split("\n")]
    src = [norm(x) for x in source.strip().split("\n")]
    changed = sum(1 for i, line in enumerate(src) if i >= len(out) or out[i] != line)
    return changed + max(0, len(out) - len(src))


# --- measuring -------------------------------------------------------------------------


def measure(
    texts: dict[str, str] | None = None,
    *,
    producers: tuple[str, ...] | list[str] | None = None,
    fonts: tuple[str, ...] = FONTS,
    peers: tuple[str, ...] = PEERS,
    engines: tuple[str, ...] = ("pdfium", "pdfplumber"),
    damaged: bool = True,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per (corpus, condition, tool): ``cer``, ``lines_changed`` (clean input
    only), ``seconds`` spent by the tool, and ``note`` when the tool could not run."""
    from workbench.sources.pdf import pdf_text

    texts = load_corpus() if texts is None else texts
    producers = producers_available() if producers is None else list(producers)
    clean_fn, cer = _cleaning()
    peer_fns = {name: peer(name) for name in peers}
    rows: list[dict] = []

    def score(corpus: str, condition: str, tool: str, fn: Callable[[], str | None],
              source: str) -> None:
        t0 = time.perf_counter()
        try:
            out = fn()
        except Exception as exc:  # a peer that crashes is a result, not a stop
            rows.append(dict(corpus=corpus, condition=condition, tool=tool, cer=None,
                             lines_changed=None, seconds=None,
                             note=f"error: {type(exc).__name__}: {exc}"[:120]))
            return
        seconds = time.perf_counter() - t0
        if out is None:
            rows.append(dict(corpus=corpus, condition=condition, tool=tool, cer=None,
                             lines_changed=None, seconds=None, note="not available"))
            return
        rows.append(dict(
            corpus=corpus, condition=condition, tool=tool, cer=cer(out, source),
            lines_changed=lines_changed(out, source) if condition == "clean" else None,
            seconds=seconds, note="",
        ))

    def text_tools(corpus: str, condition: str, given: str, source: str) -> None:
        score(corpus, condition, "raw", lambda: given, source)
        for name, fn in peer_fns.items():
            if isinstance(fn, str):
                rows.append(dict(corpus=corpus, condition=condition, tool=name, cer=None,
                                 lines_changed=None, seconds=None, note=fn))
            else:
                score(corpus, condition, name, lambda fn=fn: fn(given), source)
        if clean_fn is None:
            rows.append(dict(corpus=corpus, condition=condition, tool="workbench", cer=None,
                             lines_changed=None, seconds=None, note="workbench.cleaning.clean missing"))
        else:
            score(corpus, condition, "workbench", lambda: clean_fn(given), source)

    for k, (corpus, source) in enumerate(texts.items()):
        text_tools(corpus, "clean", source, source)
        if damaged:
            text_tools(corpus, "damaged", damage(source, seed=seed + k), source)
        for producer in producers:
            for font in fonts:
                condition = f"pdf {producer}/{font.split()[0]}"
                t0 = time.perf_counter()
                path = make_pdf(source, producer=producer, font=font)
                rows.append(dict(corpus=corpus, condition=condition, tool="(typeset)",
                                 cer=None, lines_changed=None,
                                 seconds=time.perf_counter() - t0, note=""))
                raw = pdfplumber_text(path)
                score(corpus, condition, "raw", lambda raw=raw: raw, source)
                score(corpus, condition, "pdftotext", lambda p=path: pdftotext_text(p), source)
                for name, fn in peer_fns.items():
                    if isinstance(fn, str):
                        rows.append(dict(corpus=corpus, condition=condition, tool=name,
                                         cer=None, lines_changed=None, seconds=None, note=fn))
                    elif name == "arabic-extract":
                        score(corpus, condition, name, lambda p=path: _arabic_extract_pdf(p),
                              source)
                    else:
                        score(corpus, condition, name, lambda fn=fn, r=raw: fn(r), source)
                for engine in engines:
                    score(corpus, condition, f"pdf_text {engine}",
                          lambda p=path, e=engine: pdf_text(p, engine=e), source)
                if clean_fn is not None:
                    score(corpus, condition, "workbench",
                          lambda p=path: clean_fn(pdf_text(p)), source)
    return pd.DataFrame(rows)


def summary(results: pd.DataFrame) -> pd.DataFrame:
    """CER (percent) by corpus/condition × tool, with the mean per condition kind."""
    scored = results[results["tool"] != "(typeset)"]
    table = scored.pivot_table(index=["corpus", "condition"], columns="tool", values="cer",
                               aggfunc="first", dropna=False) * 100
    order = ["raw", "pdftotext", *PEERS, "pdf_text pdfium", "pdf_text pdfplumber", "workbench"]
    table = table[[c for c in order if c in table.columns]]
    kinds = table.index.get_level_values("condition").map(
        lambda c: "pdf (all)" if c.startswith("pdf") else c)
    means = table.groupby(kinds).mean()
    means.index = pd.MultiIndex.from_tuples([("MEAN", k) for k in means.index])
    return pd.concat([table, means])


def pdf_mean_cer(results: pd.DataFrame, tool: str = "workbench") -> float:
    """Mean CER of ``tool`` over every PDF round trip in ``results``."""
    pdf = results[results["condition"].str.startswith("pdf") & (results["tool"] == tool)]
    return float(pdf["cer"].mean())


# --- rotation accuracy, lines wrongly changed, speed -----------------------------------

SHARED = EVAL_DATA
CHECKTHAT = SHARED / "checkthat22" / "CT22_arabic_1B_claim_train.tsv"
_LETTERS_RE = re.compile("[\u0621-\u063a\u0641-\u064a]+")  # Arabic letters, no tatweel or marks
_SPACE_PUNCT_RE = re.compile(r"\s+(?=[\u060c\u061b\u061f,.:;!?)])")
_OPEN_SPACE_RE = re.compile(r"([(])\s+")


def letter_words(text: str) -> list[str]:
    """The Arabic words of ``text`` as letters only (order kept): what a reordering must get right."""
    return _LETTERS_RE.findall(text.replace("\u0640", ""))


def newsfane_paragraphs(*, part: str = "test", limit: int | None = 300) -> list[str]:
    """NewsFANE pseudo-documents (ten sentences each, detokenised) as paragraphs of real news."""
    from benchmarks.newsfane import CORPUS, documents

    if not CORPUS.exists():
        return []
    # The detokenised corpus keeps a space before closing punctuation and after an
    # opening bracket; printed prose does not.
    docs = [_OPEN_SPACE_RE.sub(r"\1", _SPACE_PUNCT_RE.sub("", d.text)) for d in documents(part=part)]
    return docs[:limit]


def checkthat_tweets(*, limit: int | None = 3000) -> list[str]:
    """CheckThat! 2022 Arabic tweets (task 1B train), as posted."""
    if not CHECKTHAT.exists():
        return []
    table = pd.read_csv(CHECKTHAT, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    return table["tweet_text"].tolist()[:limit]


def _words_as_written(text: str) -> list[str]:
    from workbench.cleaning.stages import normalise_unicode

    return cer_normalise(_SPACE_PUNCT_RE.sub("", normalise_unicode(text)[0].text)).split()


def lines_wrongly_changed(*, tweets: list[str] | None = None, paragraphs: list[str] | None = None,
                          width: int = 70) -> dict[str, tuple[int, int]]:
    """Already-clean text through ``clean``: (lines whose words changed, lines) per source.

    ``tweets``: each tweet cleaned on its own. ``paragraphs``: each cleaned as one line,
    and all of them hard-wrapped at ``width`` characters (as a PDF's lines) and cleaned as
    one text, compared line by line before the lines are joined into paragraphs.
    A change is any difference in the sequence of words (spaces before punctuation and
    diacritics aside).
    """
    from textwrap import wrap

    from workbench.cleaning.clean import clean

    tweets = checkthat_tweets() if tweets is None else tweets
    paragraphs = newsfane_paragraphs() if paragraphs is None else paragraphs
    out: dict[str, tuple[int, int]] = {}
    changed = sum(_words_as_written(clean(t).text) != _words_as_written(t) for t in tweets)
    out["tweets"] = (changed, len(tweets))
    changed = sum(_words_as_written(clean(p).text) != _words_as_written(p) for p in paragraphs)
    out["paragraphs"] = (changed, len(paragraphs))
    lines = [line for p in paragraphs for line in [*wrap(p, width), ""]]
    repaired = clean("\n".join(lines)).stage_text("punctuation").split("\n")
    pairs = [(a, b) for a, b in zip(lines, repaired, strict=False) if a.strip()]
    changed = sum(_words_as_written(a) != _words_as_written(b) for a, b in pairs)
    out["wrapped lines"] = (changed, len(pairs))
    return out


def rotation_accuracy(texts: list[str], *, seed: int = 0, width: int = 80) -> dict[str, tuple[int, int]]:
    """Run-order repair on simulated damage: (lines right, lines) by kind of line.

    Each text is damaged by ``benchmarks.damage.damage_lines`` (which keeps the source of
    every line) and cleaned; a repaired line is right when its Arabic words, letters only,
    are the source line's in the same order. Kinds: ``two runs``, ``more runs`` (lines the
    simulator cut and reversed), ``untouched`` (order left alone: a change is a wrong one),
    and ``start, words right``: the reordered lines whose words came out right, where the
    only question left is the word the line starts with.
    """
    from benchmarks.damage import damage_lines
    from workbench.cleaning.clean import clean

    tally: dict[str, list[int]] = {"two runs": [0, 0], "more runs": [0, 0], "untouched": [0, 0],
                                   "start, words right": [0, 0]}
    for k, text in enumerate(texts):
        lines = damage_lines(text, seed=seed + k, width=width)
        repaired = clean("\n".join(x.damaged for x in lines)).stage_text("punctuation").split("\n")
        if len(repaired) != len(lines):
            continue
        for truth, got in zip(lines, repaired, strict=True):
            if not truth.source:
                continue
            kind = "untouched" if truth.runs == 1 else "two runs" if truth.runs == 2 else "more runs"
            tally[kind][1] += 1
            right = letter_words(got) == letter_words(truth.source)
            tally[kind][0] += right
            if truth.runs > 1 and sorted(letter_words(got)) == sorted(letter_words(truth.source)) \
                    and letter_words(got) != letter_words(truth.damaged):
                # A line put back into the right words: did it start at the right word?
                tally["start, words right"][1] += 1
                tally["start, words right"][0] += right
    return {kind: (right, n) for kind, (right, n) in tally.items()}


def words_per_second(texts: list[str], *, repeat: int = 1) -> float:
    """``clean`` throughput over ``texts`` (each cleaned as one document), after a warm-up."""
    from workbench.cleaning.clean import clean

    clean("في العراق")
    words = sum(len(t.split()) for t in texts) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            clean(t)
    return words / (time.perf_counter() - t0)


def first_call_seconds() -> float:
    """Seconds for the first ``clean`` call in a fresh interpreter (imports and word list)."""
    code = ("import time; t=time.perf_counter(); from workbench.cleaning.clean import clean; "
            "clean('كــثر مــن  هجومًــا نفــذه التنظيم خلال الشهر المنصرم فقــط سُــجل أ\\nسطر\\nسطر'); "
            "print(time.perf_counter()-t)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(run.stdout.strip())


def pathological_inputs() -> dict[str, str]:
    """Inputs that must not make ``clean`` super-linear (timed in ``main``, checked in tests)."""
    word = "\u0627\u0644\u0639\u0631\u0627\u0642"  # العراق
    stretched = "\u0627\u0644\u0639\u0640\u0640\u0631\u0627\u0640\u0640\u0642"  # العــراــق
    return {
        "1M-character line": (word * 170_000)[:1_000_000],
        "100k-word line": " ".join([word, "\u0641\u064a"] * 50_000),  # العراق في ...
        "kashida everywhere": "\n".join(" ".join([stretched] * 12) for _ in range(2_000)),
        "spaces and stops": "\n".join(". " + "  ".join([word] * 20) for _ in range(2_000)),
        "ones and kashida": ("\u0646\u06411\u0640" * 100_000)[:400_000],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="Amiri only")
    parser.add_argument("--clean-only", action="store_true",
                        help="only the seed CER, rotation accuracy, lines wrongly changed and speed")
    args = parser.parse_args(argv)
    if args.clean_only:
        speed_and_rotation()
        return
    t0 = time.perf_counter()
    results = measure(fonts=("Amiri",) if args.quick else FONTS)
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_rows", 200)
    print("Character error rate, % (letters and single spaces; diacritics and tatweel removed)")
    print(summary(results).round(2).to_string(na_rep="-"))
    notes = results[results["note"].astype(bool)].groupby("tool")["note"].first()
    for tool, note in notes.items():
        print(f"  {tool}: {note}")
    print("\nLines wrongly changed on clean input (sum over the corpus)")
    clean = results[results["condition"] == "clean"]
    print(clean.groupby("tool")["lines_changed"].sum(min_count=1).to_string(na_rep="-"))
    print(f"  (of {int(sum(len(t.strip().splitlines()) for t in load_corpus().values()))} lines)")
    print("\nSeconds per tool (sum over all conditions)")
    print(results.groupby("tool")["seconds"].sum(min_count=1).round(2).to_string(na_rep="-"))
    for tool in ("pdf_text pdfium", "pdf_text pdfplumber", "workbench"):
        if tool in set(results["tool"]):
            print(f"PDF round trip, mean CER {tool}: {pdf_mean_cer(results, tool) * 100:.2f}%")
    speed_and_rotation()
    print(f"total {time.perf_counter() - t0:.1f}s")


def _share(part: int, whole: int) -> str:
    return f"{part / whole * 100:5.1f}%" if whole else "    -"


def lost_number_figures(*, part: str = "test") -> dict[str, tuple[int, int, int]]:
    """(right, flagged, lost) markers for NewsFANE paragraphs (of ``part``) with one number,
    with several, and with none (every marker there is a false gap), all digits dropped."""
    from benchmarks.damage import _DIGITS, flagged_numbers

    docs = newsfane_paragraphs(part=part, limit=None)
    groups = {
        "one number a paragraph": [d for d in docs if len(_DIGITS.findall(d)) == 1],
        "several numbers a paragraph": [d for d in docs if len(_DIGITS.findall(d)) > 1],
        "no number (false gaps)": [d for d in docs if not _DIGITS.search(d)],
    }
    out = {}
    for name, texts in groups.items():
        f = flagged_numbers(texts)
        out[f"{name} ({len(texts)})"] = (f.get("right", 0), f.get("flagged", 0), f.get("lost", 0))
    return out


def speed_and_rotation(*, paragraphs: int = 300) -> None:
    """Print rotation accuracy on simulated damage, lines wrongly changed, and speed."""
    from benchmarks.damage import damage
    from workbench.cleaning.clean import clean

    seed_raw = (ROOT / "seeds" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8")
    reference = (REFERENCE_DIR / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8")
    print(f"\nSeed body CER: {char_error_rate(clean(seed_raw).text, reference) * 100:.2f}%")
    news = newsfane_paragraphs(limit=paragraphs)
    corpus = list(load_corpus().values())
    print("\nRun-order repair on simulated damage (lines right / lines)")
    for name, texts in (("NewsFANE paragraphs", news), ("repair corpus", corpus)):
        for kind, (right, n) in rotation_accuracy(texts).items():
            share = f"{right / n * 100:.1f}%" if n else "-"
            print(f"  {name:20s} {kind:18s} {right:5d} / {n:5d}  {share}")
    print("\nLines wrongly changed on clean text")
    for kind, (bad, n) in lines_wrongly_changed(paragraphs=news).items():
        print(f"  {kind:14s} {bad} / {n}")
    print("\nLost numbers flagged (digits dropped from NewsFANE paragraphs, hard-wrapped)")
    for name, (right, flagged, lost) in lost_number_figures().items():
        print(f"  {name:30s} lost {lost:5d}  flagged {flagged:5d}  right {right:5d}  "
              f"precision {_share(right, flagged)}  recall {_share(right, lost)}")
    print("\nclean() speed")
    print(f"  first call (fresh interpreter): {first_call_seconds():.2f} s")
    clean_text = ["\n\n".join(news)]
    print(f"  clean text:   {words_per_second(clean_text, repeat=3):,.0f} words/s "
          f"({sum(len(t.split()) for t in clean_text):,} words)")
    damaged = ["\n\n".join(damage(p, seed=k) for k, p in enumerate(news))]
    print(f"  damaged text: {words_per_second(damaged):,.0f} words/s")
    tweets = checkthat_tweets()
    print(f"  tweets, one document each: {words_per_second(tweets):,.0f} words/s ({len(tweets)} tweets)")
    for name, text in pathological_inputs().items():
        t0 = time.perf_counter()
        clean(text)
        print(f"  {name:20s} {len(text):9,d} chars  {time.perf_counter() - t0:6.2f} s")


if __name__ == "__main__":
    main()
