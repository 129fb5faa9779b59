"""``import workbench`` loads what ``analyze`` needs and nothing more, with the full API."""

from __future__ import annotations

import subprocess
import sys

import workbench


def test_public_api_resolves():
    for name in workbench.__all__:
        assert callable(getattr(workbench, name)), name
    assert set(workbench.__all__) <= set(dir(workbench))


def test_lazy_names_are_the_module_functions():
    from workbench.batch import run
    from workbench.sources.load import load
    from workbench.viz.display import highlight, rtl
    from workbench.viz.governorates import plot_by_governorate
    from workbench.viz.timeline import plot_timeline, save_timeline

    assert workbench.run is run and workbench.load is load
    assert workbench.highlight is highlight and workbench.rtl is rtl
    assert workbench.plot_by_governorate is plot_by_governorate
    assert workbench.plot_timeline is plot_timeline and workbench.save_timeline is save_timeline
    assert workbench.clean.__module__ == "workbench.cleaning.clean"


def test_unknown_attribute_raises():
    import pytest

    with pytest.raises(AttributeError):
        workbench.no_such_function  # noqa: B018


def _fresh_process(code: str) -> str:
    """What ``code`` prints, run in a fresh Python (other tests import modules into this one)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout


def test_import_and_analyze_load_no_drawing_or_readers():
    code = (
        "import sys, workbench; workbench.analyze('قتل ثلاثة أشخاص في بغداد.', published='2020-05'); "
        "heavy = [m for m in ('matplotlib', 'trafilatura', 'pdfplumber', 'pypdfium2', 'docx', "
        "'dask', 'camel_tools', 'workbench.batch', 'workbench.viz.timeline') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    assert _fresh_process(code).strip() == ""


def test_import_and_analyze_load_no_pandas_and_tables_are_still_frames():
    # In a fresh process: other tests import pandas into this one.
    code = (
        "import sys, workbench; a = workbench.analyze('قتل ثلاثة أشخاص في بغداد يوم 5 مايو.', "
        "published='2020-05'); print('pandas' in sys.modules, len(a.rows.events)); "
        "import pandas as pd; print(type(a.events) is pd.DataFrame, type(a.gaps) is pd.DataFrame, "
        "a.events['fatalities'].dtype, len(a.events))"
    )
    before, after = _fresh_process(code).splitlines()
    n_events = before.split()[1]
    assert before.split()[0] == "False" and int(n_events) >= 1
    assert after.split()[:2] == ["True", "True"] and after.split()[-1] == n_events


def test_data_tables_read_as_rows_and_as_frames():
    import pandas as pd

    from workbench.resources import read_rows, read_table

    rows = read_rows("find/time_few.csv")
    frame = read_table("find/time_few.csv")
    assert type(frame) is pd.DataFrame and frame.columns.tolist() == list(rows.columns)
    assert frame.to_dict("records") == rows.records()
    assert [tuple(r) for r in frame.itertuples(index=False)] == [tuple(r) for r in rows]


def test_the_run_loads_no_drawing_before_its_workers_fork():
    # matplotlib is imported once the analysis runs or at its end (batch._load_drawing),
    # not with the run's module: the start before the fork is one core's work alone.
    code = (
        "import sys, workbench.batch, workbench.viz.report, workbench.viz.plan; "
        "print('matplotlib' in sys.modules)"
    )
    assert _fresh_process(code).strip() == "False"
