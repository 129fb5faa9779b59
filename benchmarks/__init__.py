"""Repeatable accuracy and speed measurements; each module prints its figures when run.

The public evaluation data (NewsFANE, CheckThat! 2022, the Arabic date and number cases)
is not copied into the project: it is read from ``../shared/data`` beside the checkout, or
from the folder named by the environment variable ``WORKBENCH_EVAL_DATA``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DATA = Path(os.environ.get("WORKBENCH_EVAL_DATA") or ROOT.parent / "shared" / "data")
