"""Actors and places as a reader of the figures sees them, in Arabic or English.

The tables hold canonical English actor names and gazetteer codes (``IQ-AN``); the
names shown come from the lexicons of :mod:`workbench.find.actors` and
:mod:`workbench.find.places`, the same ones the finders match, so a name is spelt the
same in a table, a chart and the report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..find.actors import actor_names
from ..find.places import place_names
from ..text.arabic import ARABIC_LETTER_RE, match_key
from .cells import cell_text, split_cell
from .labels import maybe_label

# "Military Forces of Iraq": a state actor named by role and country; "northern Iraq":
# a direction within a place (the forms workbench.find.actors and workbench.find.places give).
_ROLE_OF_RE = re.compile(r"^(?P<role>[A-Z][\w ]+?) of (?P<where>.+)$")
_DIRECTION_RE = re.compile(r"^(?P<dir>[a-z-]+) (?P<where>[A-Z].+)$")


def display_name(value: str, *, lang: str = "ar") -> str:
    """An actor or place as named in ``lang``. The tables hold canonical English names
    (and gazetteer codes); the Arabic ones come from the same lexicons. A name neither
    knows is shown as it is.

    >>> display_name("Islamic State (ISIS)"), display_name("IQ-AN")
    ('تنظيم الدولة الإسلامية (داعش)', 'الأنبار')
    >>> display_name("Military Forces of Iraq"), display_name("northern Iraq")
    ('القوات المسلحة (العراق)', 'شمال العراق')
    >>> display_name("داعش", lang="en"), display_name("Someone new")
    ('Islamic State (ISIS)', 'Someone new')
    """
    value = cell_text(value)
    if not value:
        return ""
    to_ar, to_en = actor_names()
    if lang != "ar":
        if ARABIC_LETTER_RE.search(value):
            return to_en.get(match_key(value)) or place_name(value, lang=lang)
        return place_name(value, lang=lang)
    if ARABIC_LETTER_RE.search(value):
        return value
    if value in to_ar:
        return to_ar[value]
    place = place_name(value, lang=lang)
    if place != value:
        return place
    match = _ROLE_OF_RE.match(value)
    role = match and maybe_label("actor_role." + match["role"], "ar")
    if role:
        return f"{role} ({place_name(match['where'], lang=lang)})"
    match = _DIRECTION_RE.match(value)
    direction = match and maybe_label("direction." + match["dir"], "ar")
    if direction:
        return f"{direction} {place_name(match['where'], lang=lang)}"
    return value


def place_name(value: str, *, lang: str = "ar") -> str:
    """A place as named in ``lang``: a gazetteer id (``IQ-AN``) or an Arabic name is
    looked up in the gazetteer; anything else stays as it is.

    >>> place_name("IQ-KI"), place_name("IQ-KI", lang="en"), place_name("الانبار", lang="en")
    ('كركوك', 'Kirkuk', 'Anbar')
    >>> place_name("Salah al-Din")
    'صلاح الدين'
    """
    names, keys = place_names()
    entry = (names.get(value) or names.get(keys.get(match_key(value), ""))
             or names.get(keys.get(value.lower(), "")))
    if not entry:
        return value
    return entry[0] if lang == "ar" else entry[1]


def actor_name(event: Mapping[str, Any], *, lang: str = "ar") -> str:
    """The actor of an event row as named in ``lang`` (``""`` when none is known)."""
    return display_name(cell_text(event.get("actor")), lang=lang)



def event_places(event: Mapping[str, Any], columns: tuple[str, ...], *,
                 lang: str = "ar") -> list[str]:
    """The places named in the first of ``columns`` that names any, each once, in ``lang``.

    >>> event_places({"location": "", "admin1": "IQ-AN|IQ-NI"}, ("location", "admin1"))
    ['الأنبار', 'نينوى']
    """
    for column in columns:
        names = split_cell(event.get(column), "|;؛،,")
        if names:
            return list(dict.fromkeys(display_name(n, lang=lang) for n in names))
    return []


__all__ = ["actor_name", "display_name", "event_places", "place_name"]
