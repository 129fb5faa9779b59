"""Throughput and memory of every stage, against camel-tools' own preprocessing.

The corpus is built from the bundled and shared texts, repeated to size:
- the bundled seed article(s) in ``seeds/``;
- NewsFANE Gold newswire (``../shared/data/newsfane``): tokens joined back into sentences,
  consecutive sentences grouped into articles of about 400 words;
- CheckThat! 2022 Arabic tweets (``../shared/data/checkthat22``), grouped 15 to a document.
The pool (about 300k words) is cycled until the corpus reaches the asked size, so a 1M-word
corpus repeats each text about three times (speed is per word; repetition does not help a
per-document pipeline, which keeps no cache of documents).

Printed, in one run on the same documents:
0. start-up: ``import workbench`` and the first ``analyze`` in a fresh process, with the
   disk cache of lexicons (``workbench/cache.py``) empty and written, the modules' bytecode
   written (as an installed package has it); and with the cache written but no bytecode
   (``PYTHONDONTWRITEBYTECODE=1`` on a checkout: every module of the package compiled);
1. words per second of camel-tools' ``normalize_unicode`` + ``dediac_ar`` +
   ``simple_word_tokenize`` (the baseline) and of each workbench stage and ``analyze``
   end to end, with each of the four finders of ``find_mentions`` (times, actors, places,
   quantities) run alone and the passes of the name lexicons they make, each stage's ratio
   to the baseline and the ratio analyze / baseline;
2. peak memory (tracemalloc) of ``analyze`` over the corpus, streamed document by document;
3. ``workbench run`` on the corpus as a JSONL file at two sizes, in a child process: wall
   time and the child's peak resident memory, for the whole run and for its reading and
   analysis alone (flat memory means streaming works);
4. the speed-up of ``--jobs 2`` over ``--jobs 1`` on the larger corpus: for the whole run, and for its
   per-document analysis alone (the run ends with one timeline and one report drawn
   for the whole corpus, on two processes at most), and where a run's wall time goes
   (start-up, warm-up, reading and analysis, gathering rows, each output);
5. a folder of PDFs (the seed and NewsFANE articles typeset by WeasyPrint): words per second
   of reading their text layers with each glyph engine, and of ``workbench run`` on the
   folder with one and two jobs.

    python benchmarks/throughput.py [--words 1000000] [--skip-run] [--pdfs 60]
    python benchmarks/throughput.py --startup-only
    python benchmarks/throughput.py --stages-only [--words 300000]
    python benchmarks/throughput.py --memory-only [--words 1000000]
    python benchmarks/throughput.py --pdf-only [--pdfs 60 | --pdf-folder DIR] [--engines pdfium]
    python benchmarks/throughput.py --jobs-only [--words 1000000] [--repeat 3]

``--pdf-only`` runs the reading part of section 5 alone (no CLI runs), on the WeasyPrint
folder or on any folder of PDFs (``benchmarks/_work/pdf_damage/pdf`` holds the PDF damage
benchmark's four producers); it prints wall and CPU seconds (CPU time is the steadier
measure on a shared machine).
``--stages-only`` runs section 1 alone (no start-up, scaling, memory or runs).
``--memory-only`` runs section 3 alone: the peak resident memory of the run at two corpus
sizes (a run that streams keeps it flat).
``--jobs-only`` runs section 4 alone, ``--repeat`` times with one and two jobs in turn
(1 2, 2 1, ...: on a shared machine the load changes from minute to minute), and prints
the median of each phase and the median of the paired ratios, with the machine's load,
and the CPU seconds of the run's own process and of its children (workers, drawing process),
which other jobs on a shared machine change far less than wall seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from benchmarks import EVAL_DATA  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = EVAL_DATA
WORK = Path(__file__).resolve().parent / "_work"


# --- the corpus --------------------------------------------------------------------------

def newsfane_articles(words_per_article: int = 400) -> Iterator[str]:
    """NewsFANE sentences (tokens joined by spaces) grouped into article-sized documents."""
    path = SHARED / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    text = path.read_text(encoding="utf-8-sig").replace("\u200e", "")
    sentences: list[str] = []
    tokens: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[0])
    if tokens:
        sentences.append(" ".join(tokens))
    article: list[str] = []
    n = 0
    for sentence in sentences:
        article.append(sentence)
        n += sentence.count(" ") + 1
        if n >= words_per_article:
            yield "\n".join(article)
            article, n = [], 0
    if article:
        yield "\n".join(article)


def checkthat_documents(per_document: int = 15) -> Iterator[str]:
    """CheckThat! 2022 Arabic tweets, ``per_document`` to a document."""
    batch: list[str] = []
    for path in sorted((SHARED / "checkthat22").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                batch.append(row["tweet_text"])
                if len(batch) == per_document:
                    yield "\n\n".join(batch)
                    batch = []
    if batch:
        yield "\n\n".join(batch)


def pool() -> list[tuple[str, str]]:
    """(source, text) of every distinct document the corpus is built from."""
    docs = [("seed", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [("newsfane", t) for t in newsfane_articles()]
    docs += [("checkthat", t) for t in checkthat_documents()]
    return docs


def corpus(words: int) -> list[tuple[str, str]]:
    """Documents cycled from the pool until they hold ``words`` whitespace-separated words."""
    base = pool()
    out: list[tuple[str, str]] = []
    n = 0
    i = 0
    while n < words:
        source, text = base[i % len(base)]
        out.append((f"{source}-{i}", text))
        n += len(text.split())
        i += 1
    return out


def write_jsonl(docs: list[tuple[str, str]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            fh.write(json.dumps({"id": doc_id, "published": "2020-05", "text": text},
                                ensure_ascii=False) + "\n")
    return path


# --- measurements ------------------------------------------------------------------------

_STARTUP = (
    "import time; t0 = time.perf_counter(); c0 = time.process_time(); import workbench; "
    "t1 = time.perf_counter(); c1 = time.process_time(); "
    "import sys; text = open(sys.argv[1], encoding='utf-8').read(); "
    "workbench.analyze(text, published='2020-05'); t2 = time.perf_counter(); c2 = time.process_time(); "
    "print(t1 - t0, t2 - t1, c1 - c0, c2 - c1)"
)


def startup(runs: int = 3) -> list[tuple[str, float, float, float, float]]:
    """(case, seconds of ``import workbench``, seconds of the first ``analyze`` of the seed
    article, and the CPU seconds of each) in fresh child processes, best of ``runs`` by
    wall time: with an empty disk cache (the first process on a machine builds and writes
    the lexicons) and with the cache written (every later process), the bytecode of every
    module written beforehand into a folder of its own; and with the cache written and
    the package's modules compiled from source in each process. CPU time is the steadier
    measure on a shared machine."""
    import tempfile

    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base.update(PYTHONPATH=str(ROOT), WORKBENCH_CACHE_DIR=os.path.join(tmp, "cache"))
        compiled = {**base, "PYTHONPYCACHEPREFIX": os.path.join(tmp, "bytecode")}
        # Bytecode of every module analyze imports, written as installing a package does
        # (with the disk cache off, so that it stays empty).
        subprocess.run([sys.executable, "-c", _STARTUP, str(seed)], check=True, capture_output=True,
                       env={**compiled, "WORKBENCH_CACHE_DIR": "off"}, cwd=ROOT)
        source = {**base, "PYTHONDONTWRITEBYTECODE": "1"}
        source.pop("PYTHONPYCACHEPREFIX", None)
        for case, env, n in (("empty cache", compiled, 1), ("cache written", compiled, runs),
                             ("no bytecode", source, runs)):
            best = (float("inf"),) * 4
            for _ in range(n):
                done = subprocess.run([sys.executable, "-c", _STARTUP, str(seed)], env=env,
                                      check=True, capture_output=True, text=True, cwd=ROOT)
                found = tuple(map(float, done.stdout.split()))
                best = min(best, found, key=lambda t: t[0] + t[1])
            out.append((case, *best))
    return out


def time_per_document(fn: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn`` over ``texts``, one at a time."""
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        fn(text)
    return time.perf_counter() - start, time.process_time() - cpu


def finder_speeds(texts: list[str], reference: object) -> list[tuple[str, float, float]]:
    """(finder, wall seconds, CPU seconds) of each of the four finders of ``find_mentions``
    over ``texts`` (clean texts), each given the text's folding as ``find_mentions`` gives it.

    The folding and the cut into pieces the finders share are made anew for each finder
    (the last texts folded are forgotten first), so each line holds the whole cost of its
    finder run alone; together they take a little more than ``find_mentions``.
    """
    from workbench.find.actors import actor_rows
    from workbench.find.places import place_rows
    from workbench.find.quantities import quantity_rows
    from workbench.find.times import time_rows
    from workbench.text import lexmatch

    finders: list[tuple[str, Callable[[str, object], object]]] = [
        ("times", lambda t, f: time_rows(t, reference=reference, folded=f)),
        ("actors", lambda t, f: actor_rows(t, folded=f)),
        ("places", lambda t, f: place_rows(t, folded=f)),
        ("quantities", lambda t, f: quantity_rows(t, folded=f)),
    ]
    out = []
    for name, finder in finders:
        def run(text: str, finder: Callable[[str, object], object] = finder) -> object:
            lexmatch._RECENT.clear()  # the folding made again, as the first finder of a text makes it
            return finder(text, lexmatch.fold(text))

        out.append((f"  of which {name}", *time_per_document(run, texts)))
    out.append(("  of which the name lexicons' passes", *time_per_document(lexicon_passes(), texts)))
    return out


def lexicon_passes() -> Callable[[str], object]:
    """One text's passes of the name lexicons over its folding, as the finders make them: the
    gazetteer, the actors, the nationality adjectives, the outlets and the sports words
    (each one compiled regex over the folded text; the other lexicons are read by set look-ups
    over tokens). Part of the actors' and places' lines above."""
    from workbench.find.actors import lexicons
    from workbench.find.gazetteer import gazetteer
    from workbench.find.outlets import outlets
    from workbench.find.places import _sport_lexicon
    from workbench.text import lexmatch

    names = (gazetteer().lexicon, lexicons().lexicon, lexicons().nisba_lexicon, outlets().lexicon,
             _sport_lexicon())

    def run(text: str) -> object:
        lexmatch._RECENT.clear()
        folded = lexmatch.fold(text)
        return [list(lex.finditer_folded(folded)) for lex in names]

    return run


def stage_speeds(texts: list[str]) -> list[tuple[str, float, float]]:
    """(stage, wall seconds, CPU seconds) over ``texts``; each stage fed what it consumes in
    the pipeline. CPU seconds are the steadier measure on a shared machine."""
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_unicode

    import workbench
    from workbench.analysis import reference_date

    def baseline(text: str) -> object:
        return simple_word_tokenize(dediac_ar(normalize_unicode(text)))

    def timed(name: str, fn: Callable[[], object]) -> object:
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        results.append((name, time.perf_counter() - start, time.process_time() - cpu))
        return out

    reference = reference_date("2020-05")
    results = [("camel-tools normalise+dediac+tokenise (baseline)", *time_per_document(baseline, texts))]
    cleaned = timed("clean", lambda: [workbench.clean(t) for t in texts])
    clean_texts = [c.text for c in cleaned]
    mentions = timed("find_mentions", lambda: [workbench.find_mentions(t, reference=reference)
                                               for t in clean_texts])
    results.extend(finder_speeds(clean_texts, reference))
    claims = timed("find_claims", lambda: [
        workbench.find_claims(t, mentions=m, reference=reference)
        for t, m in zip(clean_texts, mentions, strict=True)])
    timed("find_events", lambda: [workbench.find_events(c, m)
                                  for c, m in zip(claims, mentions, strict=True)])
    results.append(("analyze (end to end)",
                    *time_per_document(lambda t: workbench.analyze(t, published="2020-05"), texts)))
    return results


def analyze_peak_memory(texts: list[str]) -> float:
    """Peak traced memory (MiB) while analysing ``texts`` one at a time."""
    import workbench

    workbench.analyze(texts[0], published="2020-05")  # lexicons loaded before tracing
    tracemalloc.start()
    for text in texts:
        workbench.analyze(text, published="2020-05")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def scaling(sizes: tuple[int, ...] = (100_000, 400_000, 1_600_000)) -> list[tuple[str, list[float]]]:
    """Seconds per stage on one text with no line breaks at growing sizes (the long-input guard).

    A stage whose time grows faster than its input shows here as a rising seconds-per-size.
    """
    import workbench
    from workbench.analysis import reference_date

    reference = reference_date("2020-05")
    base = (ROOT / "seeds" / "000_a7d0b04255543ba7.txt").read_text(encoding="utf-8").replace("\n", " ")
    workbench.analyze(base, published="2020-05")
    rows: dict[str, list[float]] = {"clean": [], "find_mentions": [], "find_claims": [], "find_events": []}
    for size in sizes:
        text = (base * (size // len(base) + 1))[:size]
        t0 = time.perf_counter()
        clean = workbench.clean(text).text
        t1 = time.perf_counter()
        mentions = workbench.find_mentions(clean, reference=reference)
        t2 = time.perf_counter()
        claims = workbench.find_claims(clean, mentions=mentions, reference=reference)
        t3 = time.perf_counter()
        workbench.find_events(claims, mentions, reference=reference)
        t4 = time.perf_counter()
        for name, seconds in zip(rows, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            rows[name].append(seconds)
    return list(rows.items())


# Runs a command as its own child and prints that child's peak RSS (KiB): a fresh figure per
# run, where RUSAGE_CHILDREN of this process would keep the largest of all runs so far (and
# RUSAGE_SELF of a child this process starts directly counts this process's own size, which
# Linux carries across exec).
_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_child(corpus_path: Path, jobs: int, out: Path) -> tuple[float, float]:
    """``workbench run`` in a child process: (seconds, peak RSS MiB of its largest process)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "workbench.cli", "run",
         str(corpus_path), "--out", str(out), "--jobs", str(jobs), "--quiet"],
        check=True, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def analysis_phase(corpus_path: Path, jobs: int) -> tuple[float, float]:
    """Reading and analysing every document of ``corpus_path`` with ``jobs`` processes and
    writing nothing (the part of ``workbench run`` that runs in parallel), in a child
    process: (seconds, the child's peak RSS in MiB; with jobs > 1, of its largest process)."""
    code = (
        "import importlib, sys, time; run = importlib.import_module('workbench.batch'); "
        "from workbench.sources.load import iter_sources; t = time.perf_counter(); "
        "n = sum(1 for _ in run._analyse_all(iter_sources(sys.argv[1]), jobs=int(sys.argv[2]), "
        "engine='local', scheduler=None, clean_options={})); "
        "print(time.perf_counter() - t, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-c", code, str(corpus_path), str(jobs)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )
    seconds = float(result.stderr.strip().splitlines()[-1])
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


# A whole run as the CLI makes it, in a fresh process: its wall time from the start of the
# process, the phases ``run_with_summary`` timed, and the CPU seconds of the process and of
# its children (the workers and the drawing process, once they ended), as JSON.
_PHASES = (
    "import json, resource, sys, time; t0 = time.perf_counter(); "
    "from workbench.batch import run_with_summary; t1 = time.perf_counter(); "
    "s = run_with_summary([sys.argv[1]], out=sys.argv[2], jobs=int(sys.argv[3]), progress=False); "
    "c = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(json.dumps({'start-up (import)': t1 - t0, **s.timings, "
    "'whole run': time.perf_counter() - t0, 'CPU, this process': time.process_time(), "
    "'CPU, its children': c.ru_utime + c.ru_stime}))"
)
_CPU = ("CPU, this process", "CPU, its children")


_CPU_PHASE = "CPU: "  # workbench.batch.CPU_PREFIX: a phase's CPU seconds in the run's timings


def cpu_scaling(one: dict[str, float], two: dict[str, float]) -> dict[str, float]:
    """Speed-ups of ``--jobs 2`` computed from CPU seconds, as on two idle cores, where
    wall seconds on a shared machine say more of the other jobs than of the run.

    The parallel part: its CPU with one job over half the CPU of the run's process and its
    workers in it (what two cores share). The whole run: the CPU of one job over the
    serial start (import, warm-up), the parallel part on two cores, and the closing
    drawings, whichever of this process and the drawing process ends last. The drawing
    process's CPU before its data came (its imports) runs on the core the serial start
    leaves idle; what exceeds the start is shared with the parallel part. A run that
    does not split the drawing process's CPU so counts all of it in the closing part."""
    def phase(cpu: dict[str, float], name: str) -> float:
        return cpu.get(_CPU_PHASE + name, 0.0)

    # phases of the run's own process, one after another ("gathering" lies inside the
    # analysis, the workers and the drawing process are other processes)
    own = {k[len(_CPU_PHASE):]: v for k, v in two.items() if k.startswith(_CPU_PHASE)
           and k[len(_CPU_PHASE):] not in ("workers", "gathering (in the analysis)")
           and not k[len(_CPU_PHASE):].startswith("drawing process")}
    start_two = two["CPU, this process"] - sum(own.values()) + own.get("warm-up", 0.0)
    tail_two = sum(v for k, v in own.items() if k not in ("warm-up", "reading and analysis"))
    parallel_one = phase(one, "reading and analysis")
    parallel_two = (phase(two, "reading and analysis") + phase(two, "workers")) / 2
    if _CPU_PHASE + "drawing process" in two:
        drawing = phase(two, "drawing process")
        early = max(0.0, phase(two, "drawing process, before its data") - start_two) / 2
    else:
        drawing, early = two["CPU, its children"] - phase(two, "workers"), 0.0
    whole_one = one["CPU, this process"] + one["CPU, its children"]
    whole_two = start_two + parallel_two + early + max(tail_two, drawing)
    return {"reading and analysis, 2 jobs (CPU-computed)": parallel_one / parallel_two,
            "whole run, 2 jobs (CPU-computed)": whole_one / whole_two}


def run_phases(corpus_path: Path, jobs: int, out: Path) -> dict[str, float]:
    """Wall seconds of a ``workbench run`` and of each of its phases, in a child process."""
    result = subprocess.run([sys.executable, "-c", _PHASES, str(corpus_path), str(out), str(jobs)],
                            check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])


def jobs_section(path: Path, words: int, repeat: int) -> None:
    """Section 4 alone: one and two jobs in turn, ``repeat`` pairs; medians per phase."""
    import statistics

    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    ratios = []
    loads = []
    for r in range(repeat):
        loads.append(os.getloadavg()[0])
        for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
            runs[jobs].append(run_phases(path, jobs, WORK / f"out_phases_j{jobs}"))
        ratios.append(runs[1][-1]["whole run"] / runs[2][-1]["whole run"])
        print(f"   pair {r + 1}: --jobs 1 {runs[1][-1]['whole run']:6.1f} s, --jobs 2 "
              f"{runs[2][-1]['whole run']:6.1f} s, ×{ratios[-1]:.2f} (load {loads[-1]:.1f})",
              flush=True)
    print(f"\n4. --jobs 2 vs --jobs 1 on {words:,} words, {repeat} pairs ({os.cpu_count()} cores; "
          f"1-minute load before each pair {min(loads):.1f} to {max(loads):.1f}); wall seconds, "
          f"medians:")
    # each run's phases in the order it timed them (the whole run last); "—": not a phase
    # of that run (with one job this process draws the timeline, SVG and PNG at once; with
    # two the drawing process does, and this one waits for it)
    phases = [*dict.fromkeys(k for jobs in (2, 1) for run in runs[jobs] for k in run
                             if k not in ("whole run", *_CPU) and not k.startswith(_CPU_PHASE)),
              "whole run"]
    print(f"   {'phase':<28} {'--jobs 1':>9} {'--jobs 2':>9}")
    for phase in phases:
        cells = [f"{statistics.median(run[phase] for run in runs[jobs]):9.2f}"
                 if phase in runs[jobs][0] else f"{'—':>9}" for jobs in (1, 2)]
        print(f"   {phase:<28} {cells[0]} {cells[1]}")
    print(f"   speed-up of the whole run: median ×{statistics.median(ratios):.2f} "
          f"(pairs ×{min(ratios):.2f} to ×{max(ratios):.2f})")
    # CPU seconds do not depend on the other jobs of a shared machine as wall seconds do:
    # what a second job adds to the work (start-up of the workers and the drawing process,
    # words each worker learns again, results sent back) shows here
    print("   CPU seconds, medians (this process, its children, both):")
    for jobs in (1, 2):
        own, children = (statistics.median(run[k] for run in runs[jobs]) for k in _CPU)
        print(f"   --jobs {jobs}: {own:6.2f} + {children:6.2f} = {own + children:6.2f}")
    cpu = {jobs: {k: statistics.median(run.get(k, 0.0) for run in runs[jobs])
                  for k in runs[jobs][0] if k.startswith(_CPU_PHASE) or k in _CPU}
           for jobs in (1, 2)}
    print("   CPU seconds of each phase, medians (this process; the workers' apart):")
    for key in dict.fromkeys(k for jobs in (1, 2) for k in cpu[jobs] if k.startswith(_CPU_PHASE)):
        cells = [f"{cpu[jobs][key]:9.2f}" if key in cpu[jobs] else f"{'—':>9}" for jobs in (1, 2)]
        print(f"   {key[len(_CPU_PHASE):]:<28} {cells[0]} {cells[1]}")
    for label, value in (cpu_scaling(cpu[1], cpu[2]) if len(cpu[2]) > 2 else {}).items():
        print(f"   {label}: ×{value:.2f}")


def run_memory(words: int) -> tuple[float, float, Path]:
    """Section 3: ``workbench run`` (one job) on JSONL corpora of ``words`` / 4 and ``words``
    words, then their reading and analysis alone; returns the larger corpus's seconds
    (whole run, analysis alone) and path."""
    WORK.mkdir(parents=True, exist_ok=True)
    print("\n3. workbench run on a JSONL corpus (child process; peak RSS of the largest child), "
          "and its reading and analysis alone (no tables, timeline or report)")
    for size in (words // 4, words):
        path = write_jsonl(corpus(size), WORK / f"corpus_{size}.jsonl")
        one, rss = run_child(path, jobs=1, out=WORK / f"out_{size}")
        print(f"   {size:>10,} words, --jobs 1: {one:7.1f} s, {size / one:>9,.0f} words/s, "
              f"peak RSS {rss:7.1f} MiB")
        a1, rss = analysis_phase(path, 1)
        print(f"   {'':>10}  analysis alone: {a1:7.1f} s, {size / a1:>9,.0f} words/s, "
              f"peak RSS {rss:7.1f} MiB")
    return one, a1, path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--skip-run", action="store_true", help="skip the CLI runs (3 to 5)")
    parser.add_argument("--pdfs", type=int, default=60, help="PDFs in the folder of section 5")
    parser.add_argument("--startup-only", action="store_true", help="only section 0")
    parser.add_argument("--stages-only", action="store_true",
                        help="only section 1 (the stages' words per second and the ratio)")
    parser.add_argument("--memory-only", action="store_true",
                        help="only section 3 (time and peak RSS of the runs, --jobs 1)")
    parser.add_argument("--pdf-only", action="store_true",
                        help="only read the PDFs of section 5 (no CLI runs)")
    parser.add_argument("--pdf-folder", type=Path, help="read these PDFs in section 5")
    parser.add_argument("--engines", default="pdfium,pdfplumber",
                        help="glyph engines of pdf_text to time (comma-separated)")
    parser.add_argument("--jobs-only", action="store_true",
                        help="only section 4 (--jobs 1 and 2 in turn, phases of each run)")
    parser.add_argument("--repeat", type=int, default=3, help="pairs of runs of --jobs-only")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder of the corpora and the runs' outputs (default: _work)")
    args = parser.parse_args()
    global WORK
    WORK = args.work or WORK
    engines = tuple(args.engines.split(","))
    if args.pdf_only:
        folder = args.pdf_folder or pdf_folder(args.pdfs)
        n_words, speeds = pdf_speeds(folder, engines)
        print(f"pdf_text on {folder} ({n_words:,} words in the text layers)")
        for engine, seconds, cpu in speeds:
            print(f"   {engine:<10} {n_words / seconds:>9,.0f} words/s  ({seconds:6.1f} s wall), "
                  f"{n_words / cpu:>9,.0f} words/s  ({cpu:6.1f} s CPU)")
        return

    if args.memory_only:
        run_memory(args.words)
        return
    if args.jobs_only:
        path = WORK / f"corpus_{args.words}.jsonl"
        write_jsonl(corpus(args.words), path)
        jobs_section(path, args.words, args.repeat)
        return
    if not args.stages_only:
        print("0. start-up: import workbench, then the first analyze (the seed article), "
              "fresh process")
        for case, imp, first, imp_cpu, first_cpu in startup():
            print(f"   {case:<14} import {imp:5.2f} s + first analyze {first:5.2f} s = {imp + first:5.2f} s "
                  f"(CPU {imp_cpu:4.2f} s + {first_cpu:4.2f} s = {imp_cpu + first_cpu:4.2f} s)")
    if args.startup_only:
        return

    docs = corpus(args.words)
    texts = [t for _, t in docs]
    n_words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {n_words:,} words "
          f"(pool of {len(pool())} distinct documents, cycled)")

    print("\n1. words per second (same documents, one process), by wall and by CPU time")
    speeds = stage_speeds(texts)
    # × baseline: the stage's words per CPU second over the baseline's (1.00 is as fast)
    for name, seconds, cpu in speeds:
        print(f"   {name:<52} {n_words / seconds:>12,.0f} words/s  ({seconds:6.1f} s)"
              f"  {n_words / cpu:>12,.0f} words/CPU s  ({cpu:6.1f} s)  ×{speeds[0][2] / cpu:5.2f} baseline")
    print(f"   ratio analyze / baseline (>= 1.0 means the whole analysis is at least as fast): "
          f"{speeds[0][1] / speeds[-1][1]:.2f} by wall time, {speeds[0][2] / speeds[-1][2]:.2f} by CPU time")
    if args.stages_only:
        return

    sizes = (100_000, 400_000, 1_600_000)
    print("\n   one line without breaks (long-input guard), seconds at "
          + ", ".join(f"{n:,}" for n in sizes) + " characters:")
    for name, seconds in scaling(sizes):
        growth = seconds[-1] / seconds[0] if seconds[0] else float("nan")
        print(f"   {name:<16} " + "  ".join(f"{x:7.2f}" for x in seconds)
              + f"   ×{growth:.1f} for ×{sizes[-1] // sizes[0]} input")

    sample = texts[: max(1, len(texts) // 10)]
    print(f"\n2. peak traced memory of analyze, streamed over {len(sample)} documents: "
          f"{analyze_peak_memory(sample):.1f} MiB")

    if args.skip_run:
        return
    one, a1, path = run_memory(args.words)
    # The speed-up on the larger corpus, where start-up and the closing drawings weigh least.
    cores = os.cpu_count() or 1
    two, _ = run_child(path, jobs=2, out=WORK / "out_j2")
    a2, _ = analysis_phase(path, 2)
    print(f"\n4. --jobs 2 vs --jobs 1 on {args.words:,} words ({cores} cores):")
    print(f"   whole run (ends with one timeline and report): {one:6.1f} s → {two:6.1f} s, "
          f"speed-up {one / two:.2f}×")
    print(f"   reading and analysis alone:                    {a1:6.1f} s → {a2:6.1f} s, "
          f"speed-up {a1 / a2:.2f}×")
    pdf_section(args.pdf_folder or pdf_folder(args.pdfs), engines)


def pdf_folder(n_docs: int) -> Path:
    """A folder of ``n_docs`` PDFs: pool documents typeset by WeasyPrint, justified right to
    left, alternately in Amiri and Noto Naskh Arabic (cached between runs)."""
    from benchmarks.repair import make_pdf

    folder = WORK / f"pdfs_{n_docs}"
    texts = [t for source, t in pool() if source != "checkthat"][:n_docs]
    for i, text in enumerate(texts):
        make_pdf(text, producer="weasyprint", font=("Amiri", "Noto Naskh Arabic")[i % 2],
                 work_dir=folder)
    return folder


def pdf_speeds(folder: Path, engines: tuple[str, ...] = ("pdfium", "pdfplumber"),
               ) -> tuple[int, list[tuple[str, float, float]]]:
    """Words in the text layers of ``folder``'s PDFs (by the first engine) and, per engine,
    (engine, wall seconds, CPU seconds) to read them all."""
    from workbench.sources.pdf import pdf_text

    files = sorted(folder.glob("*.pdf"))
    results = []
    n_words = 0
    for k, engine in enumerate(engines):
        start, cpu = time.perf_counter(), time.process_time()
        n = sum(len(pdf_text(f, engine=engine).split()) for f in files)
        results.append((engine, time.perf_counter() - start, time.process_time() - cpu))
        if k == 0:
            n_words = n
    return n_words, results


def pdf_section(folder: Path, engines: tuple[str, ...]) -> None:
    n_words, speeds = pdf_speeds(folder, engines)
    n_docs = len(list(folder.glob("*.pdf")))
    print(f"\n5. a folder of {n_docs} PDFs ({n_words:,} words in their text layers)")
    for engine, seconds, _ in speeds:
        print(f"   pdf_text, {engine:<10} {n_words / seconds:>9,.0f} words/s  ({seconds:6.1f} s)")
    for jobs in (1, 2):
        seconds, rss = run_child(folder, jobs=jobs, out=WORK / f"out_pdfs_j{jobs}")
        print(f"   workbench run --jobs {jobs}: {seconds:6.1f} s, {n_words / seconds:>9,.0f} words/s, "
              f"peak RSS {rss:7.1f} MiB")


if __name__ == "__main__":
    main()
