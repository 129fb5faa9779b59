"""Build ``workbench/data/claims/admin_parents.csv``: which ISO 3166-2 subdivision holds another.

Run from the repository root: ``.venv/bin/python scripts/build_admin_parents.py``. Every
subdivision pycountry (the iso-codes project) gives a ``parent_code`` is written with that
parent (IQ-AR Erbil in IQ-KR the Kurdistan Region), in the order pycountry lists them;
``workbench.claims.resolve`` reads the file so that a row at a region may fold into the
attack told at a place of a governorate it holds.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "workbench" / "data" / "claims" / "admin_parents.csv"
HEADER = """\
# Subdivisions held by a larger one (IQ-AR Erbil in IQ-KR the Kurdistan Region): a lead at
# the larger tells of a place in the smaller. Every ISO 3166-2 subdivision with a parent.
# source: ISO 3166-2 via the iso-codes project (pycountry {version}), parent_code of each subdivision.
code,parent,source
"""


def main() -> None:
    rows = [f"{sub.code},{sub.parent_code},ISO 3166-2\n"
            for sub in pycountry.subdivisions if getattr(sub, "parent_code", None)]
    OUT.write_text(HEADER.format(version=version("pycountry")) + "".join(rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} subdivisions with a parent")


if __name__ == "__main__":
    main()
