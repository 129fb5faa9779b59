"""Speed of ``analyze`` in two checkouts, compared run for run on a shared machine.

Other jobs on the machine change a run's speed by a fifth from one minute to the next;
two checkouts timed one after the other compare the load as much as the code. This
script alternates them (A B, B A, A B, ...), each run a fresh process reading its own
checkout, all on the same documents of the throughput corpus (``throughput.corpus``),
and reports CPU-time words per second: each run, each checkout's median, and the median
of the paired ratios B / A (a pair ran within a minute, under much the same load).

By default a run first loads every lexicon (``warm_up``, as ``workbench run`` does) and
analyses a few documents, then times the rest of a long run; ``--cold`` times the first
documents of a fresh process instead, the disk cache's shards decoded as they are needed.
``--pdf-folder`` times ``pdf_text`` (the pdfium reader) on a folder of PDFs instead, in
words of their text layers per CPU second (the best of three passes), after reading the
first file once.

``--interleave N`` keeps one warm process per checkout and hands them the documents N at
a time, A then B, B then A, ...: each pair of batches runs within a second, so the load
of a shared machine weighs on both alike, where it moves a minute-long run by a tenth.
It reports each checkout's words per CPU second over all rounds and the median of the
batches' ratios; a checkout against itself reads 1.00 to within about one per cent.
``--stage mentions`` times the mention stage alone (``mention_rows`` on the documents
cleaned once beforehand) instead of ``analyze``, ``--stage clean`` ``clean`` alone (at
``--words 300000`` the corpus holds the tweets as well as the news); ``--stage claims`` the
cut into clauses and the claims (``TextUnits`` and ``claim_rows`` on the mentions found
beforehand), ``--stage events`` the events of those claims (``event_rows``; the tolls fold
the text again, where ``analyze`` shares the mentions' folding); with ``--pdf-folder``, the
warm processes read N PDFs of the folder at a time with ``pdf_text`` (a PDF read once first), in words of
their text layers.

    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT [--words 150000] [--rounds 5] [--cold]
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --interleave 10 [--words 60000] [--rounds 5]
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --interleave 10 --stage mentions
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --interleave 10 --stage clean
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --interleave 10 --stage claims|events
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --pdf-folder benchmarks/_work/pdf_damage/pdf
    python benchmarks/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT --pdf-folder PDF_FOLDER --interleave 34

A checkout of an earlier commit: ``git worktree add --detach ../old HEAD~3``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]

# A run: this checkout's corpus reader, the timed checkout's ``workbench``.
_CHILD = r"""
import json, sys, time
checkout, repo, words, cold = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path[:] = [repo, *(p for p in sys.path if p not in ("", repo, checkout))]
from benchmarks.throughput import corpus
sys.path.insert(0, checkout)
import workbench
if not workbench.__file__.startswith(checkout):
    raise SystemExit(f"workbench imported from {workbench.__file__}, not {checkout}")
from workbench.analysis import warm_up
texts = [t for _, t in corpus(words)]
if not cold:
    warm_up()
    for text in texts[:30]:
        workbench.analyze(text, published="2020-05")
start = time.process_time()
for text in texts:
    workbench.analyze(text, published="2020-05")
print(json.dumps({"words": sum(len(t.split()) for t in texts), "cpu": time.process_time() - start}))
"""

# What both PDF children start with: the timed checkout's ``pdf_text`` and the folder's PDFs.
_PDF_HEAD = r"""
import json, sys, time
from pathlib import Path
checkout, folder = sys.argv[1], sys.argv[2]
sys.path.insert(0, checkout)
import workbench
if not workbench.__file__.startswith(checkout):
    raise SystemExit(f"workbench imported from {workbench.__file__}, not {checkout}")
from workbench.sources.pdf import pdf_text
files = sorted(Path(folder).glob("*.pdf"))
"""

# A run of the PDF reader: the timed checkout's ``pdf_text`` on every PDF of a folder.
_PDF_CHILD = _PDF_HEAD + r"""
pdf_text(files[0])
best = float("inf")
for _ in range(3):  # the least of three passes: another job's burst lengthens one pass
    start = time.process_time()
    words = sum(len(pdf_text(f).split()) for f in files)
    best = min(best, time.process_time() - start)
print(json.dumps({"words": words, "cpu": best}))
"""


# How a warm worker serves: its ``items`` ready, the CPU seconds of ``run`` over each batch
# of them asked for on stdin ("lo hi"), with the words ``counts`` gives them.
_SERVE = r"""
print(json.dumps({"documents": len(items)}), flush=True)
for line in sys.stdin:
    lo, hi = map(int, line.split())
    start = time.process_time()
    for item in items[lo:hi]:
        run(item)
    print(json.dumps({"words": sum(counts[lo:hi]), "cpu": time.process_time() - start}), flush=True)
"""

# A warm worker of --interleave: the timed checkout's ``workbench``, every lexicon loaded and
# the corpus analysed once, then the CPU seconds of each batch asked for on stdin ("lo hi").
# With the stage "clean" it times ``clean`` alone; with "mentions", ``mention_rows`` on the
# documents cleaned beforehand (words counted in the documents as given, as for analyze).
_WORKER = r"""
import json, sys, time
checkout, repo, words, stage = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path[:] = [repo, *(p for p in sys.path if p not in ("", repo, checkout))]
from benchmarks.throughput import corpus
sys.path.insert(0, checkout)
import workbench
if not workbench.__file__.startswith(checkout):
    raise SystemExit(f"workbench imported from {workbench.__file__}, not {checkout}")
from workbench.analysis import reference_date, warm_up
from workbench.find.mentions import mention_rows
texts = [t for _, t in corpus(words)]
counts = [len(t.split()) for t in texts]
warm_up()
reference = reference_date("2020-05")
if stage == "clean":
    def run(text):
        workbench.clean(text)
elif stage == "mentions":
    texts = [workbench.clean(t).text for t in texts]
    def run(text):
        mention_rows(text, reference=reference)
elif stage in ("claims", "events"):
    from workbench.claims.claims import claim_rows
    from workbench.claims.clauses import TextUnits
    from workbench.claims.events import claim_records, event_rows
    from workbench.claims.index import Mentions
    from workbench.collector import collector_paused
    texts = [workbench.clean(t).text for t in texts]
    found = [Mentions.of_rows(mention_rows(t, reference=reference)[0]) for t in texts]
    units = [TextUnits(t) for t in texts]
    claims = [claim_rows(t, m, units=u) for t, m, u in zip(texts, found, units)]
    texts = list(range(len(texts)))  # the documents by number: run reads their stages' input
    def run(k):
        with collector_paused():  # as in analyze
            if stage == "claims":  # the cut into clauses and the claims, as analyze makes them
                claim_rows(clean_texts[k], found[k], units=TextUnits(clean_texts[k]))
            else:  # the events of the claims read once beforehand, on their text units
                event_rows(claim_records(claims[k]), found[k], reference=reference,
                           text=clean_texts[k], units=units[k])
    clean_texts = [u.text for u in units]
else:
    def run(text):
        workbench.analyze(text, published="2020-05")
for text in texts:
    run(text)
items = texts
""" + _SERVE


# A warm worker of --interleave with --pdf-folder: the timed checkout's ``pdf_text``, every
# PDF of the folder read once (its words counted), then the CPU seconds of each batch of
# PDFs asked for on stdin ("lo hi").
_PDF_WORKER = _PDF_HEAD + r"""
counts = [len(pdf_text(f).split()) for f in files]
items, run = files, pdf_text
""" + _SERVE


def interleaved(
    old: Path, new: Path, words: int, rounds: int, batch: int, stage: str = "analyze",
    pdf_folder: Path | None = None,
) -> None:
    """Both checkouts in warm processes, batch by batch in alternating order (see the module
    docstring); prints the words per CPU second of each and the median batch ratio."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def argv(checkout: Path) -> list[str]:
        if pdf_folder is not None:
            return [sys.executable, "-c", _PDF_WORKER, str(checkout), str(pdf_folder.resolve())]
        return [sys.executable, "-c", _WORKER, str(checkout), str(_REPO), str(words), stage]

    workers = [subprocess.Popen(argv(c), cwd=_REPO, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True) for c in (old, new)]

    def ask(worker: subprocess.Popen, lo: int, hi: int) -> dict:
        worker.stdin.write(f"{lo} {hi}\n")
        worker.stdin.flush()
        return json.loads(worker.stdout.readline())

    n = min(json.loads(w.stdout.readline())["documents"] for w in workers)  # both ready
    cpu, total, ratios = [0.0, 0.0], 0, []
    for r in range(rounds):
        for step, lo in enumerate(range(0, n, batch)):
            order = (0, 1) if (r + step) % 2 == 0 else (1, 0)
            got = {k: ask(workers[k], lo, lo + batch) for k in order}
            total += got[0]["words"]
            for k in (0, 1):
                cpu[k] += got[k]["cpu"]
            ratios.append(got[0]["cpu"] / got[1]["cpu"])
        print(f"round {r + 1}: A {total / cpu[0]:>9,.0f}  B {total / cpu[1]:>9,.0f} words/s "
              f"(all rounds so far)", flush=True)
    for w in workers:
        w.stdin.close()
        w.wait()
    print(f"words/s (CPU): A {total / cpu[0]:,.0f}, B {total / cpu[1]:,.0f}; B / A {cpu[0] / cpu[1]:.3f}; "
          f"median B / A of {len(ratios)} batches: {statistics.median(ratios):.3f}")


def run_once(checkout: Path, words: int, cold: bool, pdf_folder: Path | None = None) -> float:
    """CPU-time words per second of ``analyze`` over the corpus (or of ``pdf_text`` over the
    PDFs of ``pdf_folder``) in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    argv = [sys.executable, "-c", _CHILD, str(checkout), str(_REPO), str(words), str(int(cold))]
    if pdf_folder is not None:
        argv = [sys.executable, "-c", _PDF_CHILD, str(checkout), str(pdf_folder.resolve())]
    done = subprocess.run(argv, cwd=_REPO, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the run in {checkout} failed:\n{done.stderr}")
    got = json.loads(done.stdout.strip().splitlines()[-1])
    return got["words"] / got["cpu"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path, help="checkout A (the package in OLD/workbench)")
    parser.add_argument("new", type=Path, help="checkout B")
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="time a fresh process's first documents")
    parser.add_argument("--pdf-folder", type=Path, help="time pdf_text on these PDFs instead")
    parser.add_argument("--interleave", type=int, default=0, metavar="N",
                        help="two warm processes, N documents at a time in turn")
    parser.add_argument("--stage", choices=("analyze", "clean", "mentions", "claims", "events"),
                        default="analyze",
                        help="with --interleave: time analyze, or one stage on its input made beforehand")
    args = parser.parse_args()
    for checkout in (args.old, args.new):
        if not (checkout / "workbench" / "__init__.py").is_file():
            raise SystemExit(f"{checkout}: no workbench package there")
    if args.interleave:
        interleaved(args.old.resolve(), args.new.resolve(), args.words, args.rounds, args.interleave,
                    args.stage, args.pdf_folder)
        return
    speeds: dict[Path, list[float]] = {args.old: [], args.new: []}
    for r in range(args.rounds):
        order = (args.old, args.new) if r % 2 == 0 else (args.new, args.old)
        for checkout in order:
            speeds[checkout].append(run_once(checkout.resolve(), args.words, args.cold, args.pdf_folder))
        print(f"round {r + 1}: A {speeds[args.old][-1]:>9,.0f}  B {speeds[args.new][-1]:>9,.0f} words/s",
              flush=True)
    ratios = [b / a for a, b in zip(speeds[args.old], speeds[args.new], strict=True)]
    print(f"median words/s (CPU): A {statistics.median(speeds[args.old]):,.0f}, "
          f"B {statistics.median(speeds[args.new]):,.0f}; "
          f"median B / A of the rounds: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
