"""Counts and fatalities of events grouped by one dimension (admin1, admin2, week, month, type, actor)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event


def _week(event: Event) -> str | None:
    day = _day(event)
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(event: Event) -> str | None:
    return (event.date.start or "")[:7] or None


def _day(event: Event) -> dt.date | None:
    try:
        return dt.date.fromisoformat(event.date.start) if event.date.start else None
    except ValueError:
        return None


DIMENSIONS: dict[str, Callable[[Event], str | None]] = {
    "admin1": lambda e: e.location.admin1,
    "admin2": lambda e: e.location.admin2,
    "country": lambda e: e.location.country,
    "week": _week,
    "month": _month,
    "type": lambda e: e.event_type,
    "actor": lambda e: e.perpetrator,
}


def check_dimension(by: str) -> Callable[[Event], str | None]:
    if by not in DIMENSIONS:
        raise ConflictLensError("CL-E914", f"group by one of {', '.join(DIMENSIONS)}", "by")
    return DIMENSIONS[by]


def aggregate(events: Iterable[Event], by: str) -> list[dict[str, Any]]:
    """One group per value of `by` (None: events without one): events, fatalities (best, summed)."""
    key = check_dimension(by)
    groups: dict[str | None, dict[str, Any]] = {}
    for event in events:
        value = key(event)
        group = groups.setdefault(value, {"key": value, "events": 0, "fatalities": 0})
        group["events"] += 1
        group["fatalities"] += event.fatalities.best or 0
    ordered = sorted(groups.values(), key=lambda g: (g["key"] is None, g["key"] or ""))
    if by not in ("week", "month"):
        ordered.sort(key=lambda g: -g["events"])  # stable: ties stay in name order
    return ordered
