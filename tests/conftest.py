"""Test settings shared by the suite: a headless plotting backend, deterministic property tests."""

from __future__ import annotations

import os

import matplotlib
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

# ``ci`` (the default, what ``make test`` runs): the same examples on every run and
# machine (derandomized, no example database), so a failure is never a matter of luck;
# a failing example is printed with the blob that reproduces it.
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# ``fuzz`` (``make fuzz``): a long randomised search for new failing inputs; each one
# found is fixed and then pinned with ``@example`` so ``ci`` runs it every time.
settings.register_profile(
    "fuzz",
    max_examples=5000,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config, items) -> None:
    """Tests marked ``eval_data`` need the public evaluation data (see benchmarks/__init__.py).

    Without it they are skipped with the reason shown, except under CI, where missing data
    is an error: CI always has it, so a skip there would hide a broken path.
    """
    import pytest

    from benchmarks import EVAL_DATA

    if EVAL_DATA.is_dir():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"evaluation data not found at {EVAL_DATA}")
    skip = pytest.mark.skip(reason=f"evaluation data not found at {EVAL_DATA} "
                                   "(set WORKBENCH_EVAL_DATA to its folder)")
    for item in items:
        if "eval_data" in item.keywords:
            item.add_marker(skip)
