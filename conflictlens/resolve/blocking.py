"""Blocking: the index keys under which an event is filed, and the keys probed to find its candidates.

A key joins a type class, a place and a time bucket. The place is the first-level division
(`a|PK|blcstn`) and, when the event has coordinates, a one-degree grid cell (`g|29|67`); the time is
a bucket of a few days (`d|184231`, written first), or a month (`m|2021-03`) for events dated only
to a month or coarser. A new event probes the buckets of its date window, widened by the tolerance
of its date precision, in its division and in the grid cells within `cell_radius_km` of it (for
events whose division is unknown or named differently); compare() vetoes pairs further apart than
that unless they share a division, so blocking misses no pair that could be one incident. Two events share a
key only if they could be one incident, so no all-pairs comparison is ever made. Events with no
date or no country get no keys: they always start an incident of their own.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from conflictlens.resolve.profile import Profile
from conflictlens.resolve.settings import Settings

_KM_PER_DEGREE = 111.2


def index_keys(p: Profile, s: Settings) -> list[str]:
    """The keys `p` is filed under."""
    return block_keys(p, s)[0]


def probe_keys(p: Profile, s: Settings) -> list[str]:
    """The keys to look up to find every event `p` could be compared with."""
    return block_keys(p, s)[1]


def block_keys(p: Profile, s: Settings) -> tuple[list[str], list[str]]:
    """(index keys, probe keys) of `p`: computed together, they share the place part."""
    if not p.country or p.start is None:
        return [], []
    own, near = _spaces(p.klass, p.country, p.admin1, p.lat, p.lon, s.grid_degrees, s.cell_radius_km)
    index = [f"{t}|{space}" for t in _own_times(p, s) for space in own]
    probe = [f"{t}|{space}" for t in _window_times(p, s) for space in near]
    return index, probe


@lru_cache(maxsize=65_536)
def _spaces(klass: str, country: str, admin1: str | None, lat: float | None, lon: float | None, size: float,
            radius_km: float) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The place parts of an event's (own, probed) keys: its division, and its grid cell or the cells
    around it (remembered: datasets place many events at the same coordinates)."""
    area = f"{klass}|a|{country}|{admin1 or '-'}"
    if lat is None or lon is None:
        return (area,), (area,)
    own = f"{klass}|g|{math.floor(lat / size)}|{math.floor(lon / size)}"
    return (area, own), (area, *(f"{klass}|g|{i}|{j}" for i, j in _cells(lat, lon, radius_km, size)))


def time_of_key(key: str) -> str:
    """The time part of a key ("d|184231" or "m|2021-03"), for evicting old buckets."""
    return key[: key.index("|", 2)]


@lru_cache(maxsize=65_536)
def time_position(time: str) -> tuple[str, int | str] | None:
    """Where a time part falls among those of its kind: ("d", bucket number) or ("m", "2021-03"), which
    order as the times do; None for a part block_keys does not make."""
    kind, _, value = time.partition("|")
    if kind == "d" and value.isascii() and value.isdigit():
        return kind, int(value)
    return (kind, value) if kind == "m" and value else None


def time_end(time: str, s: Settings) -> int:
    """The last day (ordinal) a time key covers: no probe starting after it can reach it."""
    kind, value = time.split("|", 1)
    if kind == "d":
        return (int(value) + 1) * s.bucket_days - 1
    year, month = (int(x) for x in value.split("-"))
    following = date(year + month // 12, month % 12 + 1, 1)
    return following.toordinal() - 1


def _cells(lat: float, lon: float, radius_km: float, size: float) -> tuple[tuple[int, int], ...]:
    dlat = radius_km / _KM_PER_DEGREE
    dlon = radius_km / (_KM_PER_DEGREE * max(0.1, math.cos(math.radians(lat))))
    rows = range(math.floor((lat - dlat) / size), math.floor((lat + dlat) / size) + 1)
    cols = range(math.floor((lon - dlon) / size), math.floor((lon + dlon) / size) + 1)
    return tuple((i, j) for i in rows for j in cols)


def _own_times(p: Profile, s: Settings) -> tuple[str, ...]:
    return _times_of(p.start, p.end, s.fine_window_max_days, s.bucket_days)


def _window_times(p: Profile, s: Settings) -> tuple[str, ...]:
    # The widest tolerance of any candidate, not only this event's: a day-dated report may sit two
    # days after a month-dated one, and whichever arrives second must find the other.
    reach = max(p.tolerance, s.widest_tolerance)
    return _times_around(p.start - reach, p.end + reach, s.fine_window_max_days, s.bucket_days)


@lru_cache(maxsize=65_536)
def _times_of(first: int, last: int, fine_max: int, bucket: int) -> tuple[str, ...]:
    """An event's own time keys: its day buckets, or its months when it spans more than `fine_max` days."""
    if last - first <= fine_max:
        return tuple(f"d|{b}" for b in range(first // bucket, last // bucket + 1))
    return tuple(f"m|{m}" for m in _months(first, last))


@lru_cache(maxsize=65_536)
def _times_around(first: int, last: int, fine_max: int, bucket: int) -> tuple[str, ...]:
    """The time keys a window probes: its months (for coarse events) and, when short, its day buckets."""
    times = tuple(f"m|{m}" for m in _months(first, last))
    if last - first <= fine_max:
        times += tuple(f"d|{b}" for b in range(first // bucket, last // bucket + 1))
    return times


@lru_cache(maxsize=65_536)
def _months(first: int, last: int) -> tuple[str, ...]:
    a, b = date.fromordinal(first), date.fromordinal(last)
    out, year, month = [], a.year, a.month
    while (year, month) <= (b.year, b.month) and len(out) < 24:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)
