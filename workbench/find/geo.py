"""Distance and bearing between two points on the Earth: one home for the geodesy the place
finder (a quarter far from the town its phrase names) and event resolution (a lead «شمال
بغداد» and the town it frames) both need.

>>> round(km((33.31, 44.36), (36.34, 43.13)))  # Baghdad to Mosul
355
>>> round(bearing((33.31, 44.36), (36.34, 43.13)))  # Mosul lies north-north-west
342
"""

from __future__ import annotations

import math

__all__ = ["bearing", "km"]

_EARTH_KM = 6371.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The initial bearing from a to b, in degrees from north (0–360)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    y = math.sin(lo2 - lo1) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    return math.degrees(math.atan2(y, x)) % 360
