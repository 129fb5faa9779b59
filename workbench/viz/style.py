"""What the charts share: fonts that draw Arabic, one colour per actor, the empty chart.

The timeline and the governorate chart give an actor the same colour when they are
drawn from the same events, so a reader can go from one to the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from .cells import row_dicts
from .names import actor_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# matplotlib is imported where a font is looked up, not here: the report's colours and
# the plan of a timeline (plan.py) need none of it, and ``workbench run`` renders each
# document's report section in processes that draw nothing.

# Arabic faces tried first (Debian fonts-noto-core, fonts-hosny-amiri); DejaVu Sans,
# bundled with matplotlib, is always the fallback and covers Arabic too.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri")

# Colour-blind-safe (Okabe & Ito 2008) without black and yellow, then a brown.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31")
UNKNOWN_ACTOR_COLOUR = "#6f6f6f"
OTHER_ACTOR_COLOUR = "#b5b5b5"


@cache
def font_families(lang: str = "ar") -> tuple[str, ...]:
    """Font list for text in ``lang``: installed Arabic faces, then DejaVu Sans."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    arabic = [name for name in ARABIC_FONTS if name in installed]
    return (*arabic, "DejaVu Sans") if lang == "ar" else ("DejaVu Sans", *arabic)


# The size of the properties whose fonts :func:`fonts_found_once` looks up, whatever the
# size of the text (matplotlib's default, so its own look-ups of that size serve too).
_SEARCH_SIZE = 10.0


@contextmanager
def fonts_found_once() -> Iterator[None]:
    """Within the block, each font list (``font_families``) is looked up once, not at
    every measure of a text: what a figure of many labels (الأنبار, نينوى ...) spends most.

    matplotlib finds the files of a text's families at each layout of each text, one
    family at a time (a copy of the properties and eleven settings read per family:
    about 80k look-ups for one corpus's timeline); the files found cannot change while
    one figure is saved, so they are remembered for the length of the block. They do not
    depend on the size either: matplotlib lists scalable fonts only and scores every one
    alike for size, so one search (a score of every installed font, some 10 ms) serves
    the labels of every size.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    find = manager.__dict__.get("_find_fonts_by_props")
    if find is not None or not hasattr(manager, "_find_fonts_by_props"):
        yield  # already remembered by an enclosing block, or a matplotlib without it
        return
    found: dict[tuple, list] = {}

    def remembered(prop: object, *args: object, **kwargs: object) -> list:
        if not isinstance(prop, font_manager.FontProperties):
            return type(manager)._find_fonts_by_props(manager, prop, *args, **kwargs)
        # the properties are copied (a Text's own may change after it is measured), at
        # one size for all
        sized = prop.copy()
        sized.set_size(_SEARCH_SIZE)
        key = (sized, args, tuple(sorted(kwargs.items())))
        paths = found.get(key)
        if paths is None:
            paths = found[key] = type(manager)._find_fonts_by_props(manager, sized, *args,
                                                                    **kwargs)
        return list(paths)

    manager._find_fonts_by_props = remembered
    try:
        yield
    finally:
        del manager._find_fonts_by_props


@contextmanager
def texts_measured_once() -> Iterator[None]:
    """Within the block, a text is measured once for each kind of renderer and resolution,
    not once for each renderer: saving a figure makes three (one to find its tight box,
    one to lay it out, one to draw), and each measured every label (الأنبار, نينوى ...)
    anew, shaping its Arabic again. A renderer's measure of a text depends only on its
    class and its pixels per point (the fonts, the text and its properties aside), so
    the measures of one serve the others alike.
    """
    from matplotlib import text as mtext

    own = mtext.__dict__.get("_get_text_metrics_function")
    if own is None or getattr(own, "shared", False):
        yield  # a matplotlib without it, or already shared by an enclosing block
        return
    measures: dict[tuple, dict[tuple, tuple[float, float, float]]] = {}

    def shared(renderer: Any) -> Callable[..., tuple[float, float, float]]:
        # (a renderer that rasterises some artists of a vector figure draws them by
        # another: the one it hands its calls to at the time)
        kind = type(getattr(renderer, "_renderer", renderer)), renderer.points_to_pixels(72.0)
        known = measures.setdefault(kind, {})

        def measure(text: str, fontprop: Any, ismath: Any, dpi: float) -> tuple[float, float, float]:
            key = (text, fontprop, ismath, dpi)
            got = known.get(key)
            if got is None:
                got = known[key] = renderer.get_text_width_height_descent(text, fontprop, ismath)
            return got

        return measure  # (made at each measure: no renderer outlives its drawing)

    shared.shared = True  # type: ignore[attr-defined]
    mtext._get_text_metrics_function = shared
    try:
        yield
    finally:
        mtext._get_text_metrics_function = own


def actor_colours(events: pd.DataFrame, *, lang: str = "ar") -> dict[str, str]:
    """Colour of each actor: the most frequent first, the rest share "other" grey.

    >>> actor_colours(pd.DataFrame({"actor": ["داعش", "داعش", "الحشد"]}))
    {'داعش': '#D55E00', 'الحشد': '#0072B2'}
    """
    names = [actor_name(row, lang=lang) for row in row_dicts(events)]
    counts = pd.Series([n for n in names if n], dtype=object).value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {name: PALETTE[i] for i, (name, _) in enumerate(ordered[: len(PALETTE)])}


def colour_of(actor: str, colours: Mapping[str, str]) -> str:
    """An actor's colour from :func:`actor_colours`; grey for other and unknown actors."""
    if actor in colours:
        return colours[actor]
    return UNKNOWN_ACTOR_COLOUR if not actor else OTHER_ACTOR_COLOUR


def rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    """``colour`` with transparency ``alpha``, for fills lighter than their edges."""
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)


def draw_empty(ax: Axes, message: str, title: str, fonts: tuple[str, ...], lang: str) -> None:
    """A chart with nothing to draw: its title and a message saying so, no axes."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=12,
            color="#444444", fontfamily=fonts, gid="wb-empty")
    ax.set_title(title, loc="right" if lang == "ar" else "left", fontfamily=fonts, fontsize=13,
                 fontweight="bold")


def figure_svg(fig: Figure, *, pad_inches: float = 0.2) -> str:
    """A matplotlib Figure as SVG text: text as paths, reproducible ids, no date, so the
    same events give the same file byte for byte (the report and the timeline both save so)."""
    import io

    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context({"svg.hashsalt": "workbench", "svg.fonttype": "path"}), fonts_found_once(), \
            texts_measured_once():
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white",
                    bbox_inches="tight", pad_inches=pad_inches)
    return buffer.getvalue()


__all__ = [
    "ARABIC_FONTS", "OTHER_ACTOR_COLOUR", "PALETTE", "UNKNOWN_ACTOR_COLOUR", "actor_colours",
    "colour_of", "draw_empty", "figure_svg", "font_families", "fonts_found_once", "rgba",
    "texts_measured_once",
]
