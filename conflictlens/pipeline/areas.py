"""Area filters as users write them: `bbox` WEST,SOUTH,EAST,NORTH and `near` LAT,LON,KM (decimal degrees,
kilometres) -> model.area values the store filters on (store/area.py). Bad values are coded errors."""

from __future__ import annotations

import math

from conflictlens.errors import ConflictLensError
from conflictlens.model.area import EARTH_KM, Area, Box, Circle


def areas_of(bbox: str | None = None, near: str | None = None) -> tuple[Area, ...]:
    """The areas given (none, one or both; an event must lie in each)."""
    return tuple(a for a in (box_of(bbox) if bbox else None, circle_of(near) if near else None) if a is not None)


def box_of(text: str) -> Box:
    west, south, east, north = _numbers(text, 4, "CL-E230", "bbox", "WEST,SOUTH,EAST,NORTH, e.g. 60.5,29.4,75,38.5")
    if not (_lon(west) and _lon(east) and _lat(south) and _lat(north) and south <= north):
        raise ConflictLensError("CL-E230", "give longitudes from -180 to 180 and latitudes from -90 to 90, south "
                                "before north (west may exceed east: the box then crosses the antimeridian)", "bbox")
    return Box(west, south, east, north)


def circle_of(text: str) -> Circle:
    lat, lon, km = _numbers(text, 3, "CL-E231", "near", "LATITUDE,LONGITUDE,KILOMETRES, e.g. 34.53,69.17,25")
    if not (_lat(lat) and _lon(lon) and 0 < km <= math.pi * EARTH_KM):
        raise ConflictLensError("CL-E231", "give a latitude from -90 to 90, a longitude from -180 to 180 and a "
                                "radius over 0 km (at most half the Earth's circumference)", "near")
    return Circle(lat, lon, km)


def _numbers(text: str, count: int, code: str, option: str, form: str) -> list[float]:
    parts = [p.strip() for p in text.split(",")]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != count or not all(math.isfinite(v) for v in values):
        raise ConflictLensError(code, f"{text!r} is not {count} numbers; give {form}", option)
    return values


def _lat(value: float) -> bool:
    return -90.0 <= value <= 90.0


def _lon(value: float) -> bool:
    return -180.0 <= value <= 180.0
