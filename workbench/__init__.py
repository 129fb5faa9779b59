"""Arabic conflict-reporting workbench: clean text, mentions, claims, events, timelines.

The public API, one function per stage of the flow::

    load ─▶ clean ─▶ find_mentions ─▶ find_claims ─▶ find_events ─▶ plot_timeline

``find_times`` is the time grammar alone, with its ``tense`` convention and the rule behind each value.

``analyze`` runs the stages on one document; ``run`` runs them on many and writes tables.
Importing the package loads no lexicon and reads no file: that happens on first use.
"""

from __future__ import annotations

# The functions are imported eagerly: several share their name with the module that
# defines them (``clean`` in ``clean.py``), and a lazy attribute would be shadowed by
# the submodule as soon as any stage imported it.
from .analysis import Analysis, analyze
from .batch import run
from .claims.claims import find_claims
from .claims.events import find_events
from .cleaning.clean import Cleaned, clean
from .find.mentions import find_mentions
from .find.times import find_times
from .sources.load import load
from .viz.display import highlight, rtl
from .viz.governorates import plot_by_governorate
from .viz.timeline import plot_timeline, save_timeline

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Cleaned",
    "analyze",
    "clean",
    "find_claims",
    "find_events",
    "find_mentions",
    "find_times",
    "highlight",
    "load",
    "plot_by_governorate",
    "plot_timeline",
    "rtl",
    "run",
    "save_timeline",
]
