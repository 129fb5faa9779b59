"""Build ``workbench/data/text/fold_table.tsv``, the character folding behind matching keys.

Run from the repository root: ``.venv/bin/python scripts/build_fold_table.py``. It writes
``workbench.text.arabic.camel_fold_table()`` (camel-tools' ``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar`` over U+0600–U+06FF, tatweel
removed, Persian look-alikes folded) so that matching needs no camel-tools import at run time;
``tests/test_load.py`` checks the file still equals what camel-tools gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.text.arabic import FOLD_TABLE_FILE, camel_fold_table  # noqa: E402

OUT = ROOT / "workbench" / "data" / FOLD_TABLE_FILE
HEADER = """\
# Character folding for matching keys (workbench.text.arabic.match_key): one row per character of
# the Arabic block (U+0600-U+06FF) that folds. code: its code point (hex); folded: the code
# points it becomes (hex, space-separated), empty when it is removed.
# Derived from camel-tools {version} (MIT licence; Obeid et al., LREC 2020): dediac_ar,
# normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar; tatweel removed;
# Persian YEH, KEHEH, HEH GOAL and YEH BARREE as their Arabic look-alikes.
# Rebuilt by: python scripts/build_fold_table.py
"""


def main() -> None:
    from importlib.metadata import version

    rows = [
        f"{cp:04X}\t{' '.join(f'{ord(c):04X}' for c in (folded or ''))}"
        for cp, folded in sorted(camel_fold_table().items())
    ]
    OUT.write_text(HEADER.format(version=version("camel-tools")) + "code\tfolded\n"
                   + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} characters")


if __name__ == "__main__":
    main()
