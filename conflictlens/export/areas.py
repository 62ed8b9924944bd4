"""`--areas`: province and district polygons with event counts, for choropleth maps.

Polygons come from the bundled boundaries (scripts/build_boundaries.py; geoBoundaries, today for
Afghanistan only). An event counts in the district whose polygon holds its point when its place
is known to the district or better, and in the province holding its point when known to the
province or better; an event without coordinates counts in the province its admin1 names. Events
known only to the country, or outside the bundled countries, count nowhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

from conflictlens.export.context import PublicView
from conflictlens.export.geojson import write_collection
from conflictlens.export.reference import boundaries
from conflictlens.model.records import Event
from conflictlens.model.text import ascii_key

_TO_DISTRICT = frozenset(("place", "district"))
_TO_PROVINCE = frozenset(("place", "district", "province"))


@dataclass(frozen=True)
class Area:
    feature: dict[str, Any]
    level: str  # admin1 or admin2
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]  # polygons -> rings -> points
    bbox: tuple[float, float, float, float]

    def holds(self, x: float, y: float) -> bool:
        west, south, east, north = self.bbox
        if not (west <= x <= east and south <= y <= north):
            return False
        return any(_in_ring(x, y, rings[0]) and not any(_in_ring(x, y, hole) for hole in rings[1:])
                   for rings in self.polygons)


@dataclass(frozen=True)
class AreaIndex:
    areas: tuple[Area, ...]
    cells: dict[tuple[int, int], tuple[int, ...]]  # 1-degree cell -> areas whose bbox touches it
    by_admin1_name: dict[str, int]
    countries: frozenset[str]

    def containing(self, x: float, y: float, level: str) -> Area | None:
        for i in self.cells.get((int(x // 1), int(y // 1)), ()):
            area = self.areas[i]
            if area.level == level and area.holds(x, y):
                return area
        return None


def _in_ring(x: float, y: float, ring: tuple[tuple[float, float], ...]) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit



@lru_cache(maxsize=1)
def area_index() -> AreaIndex:
    areas, cells, names = [], {}, {}
    for feature in boundaries()["features"]:
        geometry = feature["geometry"]
        polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        polygons = tuple(tuple(tuple((p[0], p[1]) for p in ring) for ring in poly) for poly in polys)
        xs = [p[0] for poly in polygons for p in poly[0]]
        ys = [p[1] for poly in polygons for p in poly[0]]
        area = Area(feature, feature["properties"]["level"], polygons, (min(xs), min(ys), max(xs), max(ys)))
        for cx in range(int(min(xs) // 1), int(max(xs) // 1) + 1):
            for cy in range(int(min(ys) // 1), int(max(ys) // 1) + 1):
                cells.setdefault((cx, cy), []).append(len(areas))
        if area.level == "admin1":
            names[ascii_key(feature["properties"]["name"])] = len(areas)
        areas.append(area)
    countries = frozenset(a.feature["properties"]["country"] for a in areas)
    return AreaIndex(tuple(areas), {k: tuple(v) for k, v in cells.items()}, names, countries)


def count_by_area(events: Iterable[Event]) -> dict[str, list[int]]:
    """Area id -> [events, fatalities (best)]."""
    index = area_index()
    counts: dict[str, list[int]] = {}
    for event in events:
        for area in _areas_of(event, index):
            tally = counts.setdefault(area.feature["id"], [0, 0])
            tally[0] += 1
            tally[1] += event.fatalities.best or 0
    return counts


def _areas_of(event: Event, index: AreaIndex) -> list[Area]:
    loc = event.location
    if loc.country and loc.country.upper() not in index.countries:
        return []
    if loc.lat is not None and loc.lon is not None:
        found = []
        if loc.precision in _TO_DISTRICT:
            found.append(index.containing(loc.lon, loc.lat, "admin2"))
        if loc.precision in _TO_PROVINCE:
            found.append(index.containing(loc.lon, loc.lat, "admin1"))
        return [a for a in found if a is not None]
    if loc.admin1 and loc.precision in _TO_PROVINCE:
        i = index.by_admin1_name.get(ascii_key(loc.admin1))
        return [index.areas[i]] if i is not None else []
    return []


def write_areas(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    """Every bundled area as a Feature with `events` and `fatalities` in its properties (zeros kept)."""
    counts = count_by_area(events)
    features = []
    for area in area_index().areas:
        events_n, fatalities = counts.get(area.feature["id"], (0, 0))
        properties = {**area.feature["properties"], "events": events_n, "fatalities": fatalities}
        features.append({**area.feature, "properties": properties})
    return write_collection(features, out)
