"""The cyclic garbage collector paused around work that makes many objects and no cycles.

Reading a document and analysing one allocate hundreds of thousands of short-lived
objects (glyphs, tokens, rows) that reference counting frees as they go; each few
hundred allocations start a pass of the collector, and now and then a full pass over
every object alive, the loaded lexicons too. Paused for the call, the collector runs
again as before once it returns: nothing stays exempt, unlike ``gc.freeze``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """``gc`` disabled inside the block, enabled again after it if it was before (a caller
    that disabled it keeps it so).

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
