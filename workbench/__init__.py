"""Arabic conflict-reporting workbench: clean text, mentions, claims, events, timelines.

The public API, one function per stage of the flow::

    load ─▶ clean ─▶ find_mentions ─▶ find_claims ─▶ find_events ─▶ plot_timeline

``find_times`` is the time grammar alone, with its ``tense`` convention and the rule behind each value.

``analyze`` runs the stages on one document; ``run`` runs them on many and writes tables.
Importing the package loads no lexicon and reads no file: that happens on first use.
"""

from __future__ import annotations

# The stages of ``analyze`` are imported eagerly: several share their name with the
# module that defines them (``clean`` in ``clean.py``), and a lazy attribute would be
# shadowed by the submodule as soon as any stage imported it.
from .analysis import Analysis, analyze
from .claims.claims import find_claims
from .claims.events import find_events
from .cleaning.clean import Cleaned, clean
from .find.mentions import find_mentions
from .find.times import find_times

# The rest is imported on first use (PEP 562): loading sources, running a batch and
# drawing pull in matplotlib and the document readers, which ``analyze`` never needs and
# which would triple the time ``import workbench`` takes. None of these names is the name
# of a module of this package, so no submodule import can shadow them.
_LAZY = {
    "run": ".batch",
    "load": ".sources.load",
    "highlight": ".viz.display",
    "rtl": ".viz.display",
    "plot_by_governorate": ".viz.governorates",
    "plot_timeline": ".viz.timeline",
    "save_timeline": ".viz.timeline",
}


def __getattr__(name: str) -> object:
    """The public functions of ``_LAZY``, imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
