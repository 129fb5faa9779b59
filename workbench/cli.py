"""Command line: ``workbench run [INPUT ...] --out DIR``.

Exit status: 0 when every document was read and analysed; 3 when the run finished but
some documents failed (their rows in documents.csv say why); 2 when nothing could be
read or the command line is wrong; 130 when interrupted (previous results are intact).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .sources.load import MAX_CHARS
from .text.arabic import GAP_MARKER


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Clean Arabic conflict reporting and extract claims, events and timelines.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="analyse articles and write tables, clean text, a timeline and a report",
        description=(
            "Analyse articles (.txt .pdf .html .jsonl .csv files, folders or globs; none: the "
            "bundled seeds) and write documents.csv, clean/<doc_id>.txt, gaps.csv, "
            "mentions.csv, claims.csv, events.csv, events_acled.csv, timeline.png and "
            "report.html into --out."
        ),
        epilog=(
            "Exit status: 0 all documents analysed; 3 finished, some documents failed (see the "
            "error column of documents.csv); 2 nothing to read or bad arguments; 130 interrupted."
        ),
    )
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders or globs")
    run.add_argument("--out", "-o", required=True, type=Path, help="folder for the results")
    run.add_argument("--jobs", "-j", type=int, default=None,
                     help="parallel processes (default: all cores)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="'local' processes, or 'dask' (a cluster; see --scheduler)")
    run.add_argument("--scheduler", default=None,
                     help="Dask scheduler address (tcp://host:8786); default: a local cluster")
    run.add_argument("--gap-marker", default=GAP_MARKER,
                     help=f"what clean text shows where the source lost text (default {GAP_MARKER})")
    run.add_argument("--max-chars", type=int, default=MAX_CHARS,
                     help=f"longest document analysed, in characters (default {MAX_CHARS:,})")
    run.add_argument("--text-column", default=None, help="text column of .jsonl/.csv corpora")
    run.add_argument("--title-column", default=None, help="title column of .jsonl/.csv corpora")
    run.add_argument("--date-column", default=None, help="date column of .jsonl/.csv corpora")
    progress = run.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show a progress bar")
    progress.add_argument("--quiet", "-q", dest="progress", action="store_false",
                          help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    return 2


def _run(args: argparse.Namespace) -> int:
    from .batch import EXIT_NOTHING_READ, run_with_summary

    if args.jobs is not None and args.jobs < 1:
        print("workbench: --jobs must be at least 1", file=sys.stderr)
        return EXIT_NOTHING_READ
    load_options = {
        "text_column": args.text_column,
        "title_column": args.title_column,
        "date_column": args.date_column,
        "max_chars": args.max_chars,
    }
    try:
        summary = run_with_summary(
            args.inputs, out=args.out, jobs=args.jobs, engine=args.engine,
            scheduler=args.scheduler, progress=args.progress,
            clean_options={"gap_marker": args.gap_marker},
            load_options=load_options,
        )
    except KeyboardInterrupt:
        print("workbench: interrupted; previous results in the output folder are intact",
              file=sys.stderr)
        return 130
    print(summary.line())
    if summary.documents == 0:
        print("workbench: no input documents found", file=sys.stderr)
    return summary.exit_status


if __name__ == "__main__":
    sys.exit(main())
