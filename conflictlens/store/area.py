"""SQL of the area filters (model.area): a box of latitudes and longitudes, a circle of kilometres.

The clause that decides reads the plain lat/lon columns on every store. The circle compares the
haversine term with that of the radius (no arcsine: nothing to round out of its domain). Where a
PostgreSQL store has PostGIS (store/postgis.py: the geography column events.geog, kept by the database
in step with lat/lon, and its GiST index), a wider ST_DWithin comes first so that the index finds the
candidates; the plain clause still decides, so the events found are the same with PostGIS and without.
Coordinates outside -90..90 and -180..180 lie in no area (PostGIS could not place them).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from typing import Any

from conflictlens.model.area import EARTH_KM, Area, Box, Circle, covering_km
from conflictlens.store.postgis import geography_schema

_PLACED = "lat >= -90 AND lat <= 90 AND lon >= -180 AND lon <= 180"
_HAVERSINE = ("power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) "
              "* power(sin(radians(lon - ?) / 2), 2) <= ?")
# The index's candidates: a sphere's distance (use_spheroid false), a little wider than the clause's.
_WIDER = 1.001


_MATH = {"power": (2, math.pow), "sin": (1, math.sin), "cos": (1, math.cos), "radians": (1, math.radians)}


def prepared(conn: Any) -> str | None:
    """Make `conn` ready for area_clauses; its `postgis` argument. On SQLite: the math functions the
    clauses call, as Python functions where SQLite was built without its own (they are optional)."""
    if not isinstance(conn, sqlite3.Connection):
        return geography_schema(conn)
    try:
        conn.execute("SELECT power(sin(radians(1)), 2) + cos(1)").fetchone()
    except sqlite3.OperationalError:
        for name, (arity, function) in _MATH.items():
            conn.create_function(name, arity, function, deterministic=True)
    return None


def area_clauses(areas: Sequence[Area], postgis: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE clauses (joined by AND) and parameters keeping events in every area; `postgis`: the schema
    of the PostGIS extension when the store's events have their geography column, else None."""
    clauses: list[str] = []
    params: list[Any] = []
    for area in areas:
        centre, km = ((area.lat, area.lon), area.km) if isinstance(area, Circle) else (area.centre(), covering_km(area))
        if postgis and km is not None:
            clauses.append(_within(postgis))
            params += [centre[1], centre[0], km * 1000 * _WIDER + 1]
        clause, values = _circle(area) if isinstance(area, Circle) else _box(area)
        clauses.append(f"({_PLACED} AND {clause})")
        params += values
    return clauses, params


def _circle(circle: Circle) -> tuple[str, list[Any]]:
    bound = math.sin(min(circle.km / EARTH_KM, math.pi) / 2) ** 2
    return _HAVERSINE, [circle.lat, circle.lat, circle.lon, bound]


def _box(box: Box) -> tuple[str, list[Any]]:
    lon = "lon >= ? AND lon <= ?" if box.west <= box.east else "(lon >= ? OR lon <= ?)"
    return f"lat >= ? AND lat <= ? AND {lon}", [box.south, box.north, box.west, box.east]


def _within(schema: str) -> str:
    s = '"' + schema.replace('"', '""') + '"'
    return f"{s}.ST_DWithin(geog, {s}.ST_SetSRID({s}.ST_MakePoint(?, ?), 4326)::{s}.geography, ?, false)"
