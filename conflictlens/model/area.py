"""Where events happened, as a filter: a box of latitudes and longitudes, or a circle around a point.

Both compare the stored lat/lon (decimal degrees, WGS 84); events without coordinates are in no area.
Distances are great-circle distances on a sphere of the Earth's mean radius (haversine), the same on
every store, with or without PostGIS (store/area.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_KM = 6371.0088  # the Earth's mean radius (IUGG), as PostGIS's sphere
# The rounded radius the gazetteer's and incident resolution's distance thresholds were set with.
MATCHING_EARTH_KM = 6371.0


@dataclass(frozen=True)
class Box:
    """Longitudes west..east and latitudes south..north, inclusive; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def lon_span(self) -> float:
        return self.east - self.west if self.west <= self.east else 360.0 - self.west + self.east

    def centre(self) -> tuple[float, float]:
        lon = self.west + self.lon_span() / 2
        return (self.south + self.north) / 2, lon - 360.0 if lon > 180.0 else lon


@dataclass(frozen=True)
class Circle:
    """Points at most `km` kilometres from (lat, lon)."""

    lat: float
    lon: float
    km: float


Area = Box | Circle


def km_between(lat1: float, lon1: float, lat2: float, lon2: float, earth_km: float = EARTH_KM) -> float:
    """Great-circle distance in km (haversine) on a sphere of radius `earth_km`: what the stores' SQL
    computes for the area filters. The gazetteer and incident resolution call it with the 6,371 km
    their thresholds were set on."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return earth_km * 2 * math.asin(min(1.0, math.sqrt(h)))


def covering_km(box: Box) -> float | None:
    """The radius around the box's centre that holds the whole box, or None when the box spans half the
    globe's longitudes or more. Under 180 degrees the farthest point of the box from its centre is a
    corner (along a parallel the distance grows with the longitude apart; along a meridian it has one
    minimum), so the corners decide."""
    if box.lon_span() >= 180.0:
        return None
    lat, lon = box.centre()
    return max(km_between(lat, lon, y, x) for y in (box.south, box.north) for x in (box.west, box.east))
