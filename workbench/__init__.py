"""Arabic conflict-reporting workbench: clean text, mentions, claims, events, timelines.

The public API, one function per stage of the flow::

    load ─▶ clean ─▶ find_mentions ─▶ find_claims ─▶ find_events ─▶ plot_timeline

``analyze`` runs the stages on one document; ``run`` runs them on many and writes tables.
Importing the package does no work: each stage's module is imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> module that defines it.
_API = {
    "load": "load",
    "clean": "clean",
    "Cleaned": "clean",
    "find_mentions": "mentions",
    "find_claims": "claims",
    "find_events": "events",
    "analyze": "analyze",
    "Analysis": "analyze",
    "plot_timeline": "plot",
    "plot_by_governorate": "plot",
    "save_timeline": "plot",
    "run": "run",
    "rtl": "display",
    "highlight": "display",
}

__all__ = [
    "Analysis",
    "Cleaned",
    "analyze",
    "clean",
    "find_claims",
    "find_events",
    "find_mentions",
    "highlight",
    "load",
    "plot_by_governorate",
    "plot_timeline",
    "rtl",
    "run",
    "save_timeline",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .analyze import Analysis, analyze
    from .claims import find_claims
    from .clean import Cleaned, clean
    from .display import highlight, rtl
    from .events import find_events
    from .load import load
    from .mentions import find_mentions
    from .plot import plot_by_governorate, plot_timeline, save_timeline
    from .run import run


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
