"""Right-to-left display of tables and text in JupyterLab.

Jupyter lays out tables and text left-to-right, so an Arabic column reads in the wrong
direction. ``rtl(x)`` wraps a DataFrame or a string so it shows right-to-left, with the
same plain-text form as before (what nbval and a terminal see).

>>> view = rtl(pd.DataFrame({"المدينة": ["الموصل"], "n": [3]}))
>>> 'dir="rtl"' in view._repr_html_()
True
>>> print(repr(rtl("سطر أول")))
سطر أول

``highlight(text, mentions=...)`` shows text with mentions, claims and gaps marked, as
in the HTML report (colour by kind, the value on hover).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

_STYLE = "direction: rtl; text-align: right; unicode-bidi: isolate;"


@dataclass(frozen=True)
class RTL:
    """A table or text that Jupyter shows right-to-left."""

    data: pd.DataFrame | str
    max_rows: int = 60
    max_colwidth: int = 120

    def _repr_html_(self) -> str:
        if isinstance(self.data, str):
            body = html.escape(self.data).replace("\n", "<br>\n")
            return f'<div dir="rtl" lang="ar" style="{_STYLE} line-height: 1.8;">{body}</div>'
        with pd.option_context("display.max_colwidth", self.max_colwidth):
            table = self.data.to_html(max_rows=self.max_rows, index=False, border=0, na_rep="")
        return f'<div dir="rtl" lang="ar" style="{_STYLE}">{table}</div>'

    def __repr__(self) -> str:
        if isinstance(self.data, str):
            return self.data
        with pd.option_context("display.max_colwidth", 40, "display.width", 120):
            return self.data.to_string(max_rows=self.max_rows, index=False)


def rtl(data: pd.DataFrame | str, *, max_rows: int = 60, max_colwidth: int = 120) -> RTL:
    """Show ``data`` (a DataFrame or Arabic text) right-to-left in a notebook."""
    return RTL(data, max_rows=max_rows, max_colwidth=max_colwidth)


@dataclass(frozen=True)
class Highlighted:
    """Text with mentions, claims and gaps marked; plain text outside Jupyter."""

    text: str
    mentions: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    gaps: pd.DataFrame | None = None

    def _repr_html_(self) -> str:
        from .report import highlight_html, report_css

        body = highlight_html(self.text, mentions=self.mentions, claims=self.claims, gaps=self.gaps)
        return inline_styles(
            f'<div class="wb" lang="ar" dir="rtl"><style>{report_css()}</style>{body}</div>'
        )

    def __repr__(self) -> str:
        return self.text


def highlight(
    text: str,
    *,
    mentions: pd.DataFrame | None = None,
    claims: pd.DataFrame | None = None,
    gaps: pd.DataFrame | None = None,
) -> Highlighted:
    """Show ``text`` right-to-left with ``mentions`` (colour by kind), ``claims`` and ``gaps`` marked.

    Offsets in the tables are indices into ``text``.
    """
    return Highlighted(text, mentions=mentions, claims=claims, gaps=gaps)


# JupyterLab strips <style> from outputs it does not trust (a notebook opened, not run), so
# the highlight colours are also written into each element; the colours come from the
# report's stylesheet, the one place they are defined.
_CSS_VAR_RE = re.compile(r"--wb-([\w-]+):\s*([^;]+);")
_CLASS_ATTR_RE = re.compile(r'<(mark|span|div) class="([^"]*)"')


@cache
def _palette() -> dict[str, str]:
    from .report import report_css

    return dict(_CSS_VAR_RE.findall(report_css()))


def _style_for(classes: list[str]) -> str:
    colour = _palette()
    if "m" in classes:
        kind = next((c[2:] for c in classes if c.startswith("m-")), "other")
        fill, edge = colour.get(kind, colour["other"]), colour.get(f"{kind}-edge", colour["other-edge"])
        return f"background-color: {fill}; border-bottom: 2px solid {edge}; border-radius: 3px;"
    if "gap" in classes:
        return (f"background-color: {colour['gap']}; color: {colour['gap-edge']}; font-weight: bold; "
                f"border: 1px dashed {colour['gap-edge']};")
    if "claim" in classes:
        return f"background-color: {colour['claim']}; border-bottom: 2px solid {colour['claim-edge']};"
    if "text" in classes:
        return "white-space: pre-wrap; line-height: 2.2; direction: rtl; text-align: right;"
    if "heading" in classes:
        return "font-weight: bold;"
    return ""


def inline_styles(markup: str) -> str:
    """Highlight markup with its colours also inline, for viewers that drop ``<style>``.

    >>> inline_styles('<mark class="m m-place">الموصل</mark>').startswith('<mark class="m m-place" style=')
    True
    """

    def add(match: re.Match[str]) -> str:
        style = _style_for(match.group(2).split())
        return f'{match.group(0)} style="{style}"' if style else match.group(0)

    return _CLASS_ATTR_RE.sub(add, markup)
