"""Golden outputs: every file ``workbench run`` writes for a fixed corpus, hashed.

A change meant to keep behaviour (a refactor, a speed-up) must leave every table and clean
text byte-identical. This script builds a fixed corpus (the seed, NewsFANE articles,
CheckThat! tweet batches and PDFs of the repair benchmark), runs ``workbench run`` on it,
and saves or compares the SHA-256 of every output file.

    python benchmarks/golden.py save before      # on the old code
    python benchmarks/golden.py compare before   # on the new code: lists every file that differs

The corpus and outputs live in ``benchmarks/_work/golden/`` (not committed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: python benchmarks/NAME.py
    sys.path.insert(0, str(_REPO))

from benchmarks.throughput import checkthat_documents, newsfane_articles  # noqa: E402

WORK = _REPO / "benchmarks" / "_work" / "golden"
# Volatile by design: the SVG/PNG embed matplotlib's drawing, identical only on one machine.
SKIP = {"timeline.png"}


def build_corpus(*, articles: int = 300, tweet_batches: int = 120, pdfs: int = 6) -> Path:
    """Write the fixed corpus once; later calls reuse it."""
    folder = WORK / "input"
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for seed in sorted((_REPO / "seeds").iterdir()):
        shutil.copy(seed, folder / seed.name)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i, text in enumerate(newsfane_articles()):
            if i >= articles:
                break
            fh.write(json.dumps({"id": f"newsfane-{i:03d}", "published": "2010-05-1" + str(i % 10),
                                 "text": text}, ensure_ascii=False) + "\n")
        for i, text in enumerate(checkthat_documents()):
            if i >= tweet_batches:
                break
            fh.write(json.dumps({"id": f"tweets-{i:03d}", "published": "2020-03", "text": text},
                                ensure_ascii=False) + "\n")
    _add_pdfs(folder, pdfs)
    stamp.touch()
    return folder


def _add_pdfs(folder: Path, n: int) -> None:
    from benchmarks.repair import load_corpus, make_pdf, producers_available

    texts = list(load_corpus().items())
    producers = producers_available()
    fonts = ["Amiri", "Noto Naskh Arabic"]
    made = 0
    for i, (name, text) in enumerate(texts):
        for producer in producers:
            if made >= n:
                return
            pdf = make_pdf(text, producer=producer, font=fonts[i % len(fonts)])
            shutil.copy(pdf, folder / f"{Path(name).stem}-{producer}.pdf")
            made += 1


def run_outputs(name: str) -> Path:
    """Run the workbench on the corpus with one job and return the output folder.

    The folder is named for the label, so runs under different labels never share it.
    """
    out = WORK / f"run-{name}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "workbench.cli", "run", str(build_corpus()), "--out", str(out),
           "--jobs", "1", "--quiet"]
    done = subprocess.run(cmd, cwd=_REPO, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        raise SystemExit(f"workbench run failed ({done.returncode}):\n{done.stderr}")
    return out


def manifest(out: Path) -> dict[str, str]:
    """SHA-256 of every output file, by path relative to the output folder."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*")) if p.is_file() and p.name not in SKIP
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("name", help="a label for the saved manifest, e.g. 'before'")
    args = parser.parse_args(argv)
    out = run_outputs(args.name)
    found = manifest(out)
    saved = WORK / f"manifest-{args.name}.json"
    if args.action == "save":
        saved.write_text(json.dumps(found, indent=1), encoding="utf-8")
        keep = WORK / f"out-{args.name}"
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(out, keep)
        print(f"saved {len(found)} files to {saved}")
        return 0
    before = json.loads(saved.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(found)} files, {len(differ)} differ from '{args.name}'")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
