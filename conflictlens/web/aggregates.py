"""Counts and fatalities of events grouped by one dimension (admin1, admin2, country, week, month, type,
actor). The store's roll-up counts them by a column (`Session.aggregate_counts`); with a text filter
(words of the reports, which only the events know) the events read through the gate are counted here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event


def _week(day: str | None) -> str | None:
    try:
        year, week, _ = dt.date.fromisoformat(day).isocalendar() if day else (None, None, None)
    except ValueError:
        return None
    return f"{year}-W{week:02d}" if year else None


def _month(day: str | None) -> str | None:
    return (day or "")[:7] or None


def _same(value: str | None) -> str | None:
    return value


@dataclass(frozen=True)
class Dimension:
    column: str  # the events column the store groups by (date_start: the roll-up's periods)
    of_event: Callable[[Event], str | None]  # that column's value on an event
    key: Callable[[str | None], str | None]  # the group a column value belongs to
    in_time: bool = False  # groups listed in time order, not by count


def _date(event: Event) -> str | None:
    return event.date.start


DIMENSIONS: dict[str, Dimension] = {
    "admin1": Dimension("admin1", lambda e: e.location.admin1, _same),
    "admin2": Dimension("admin2", lambda e: e.location.admin2, _same),
    "country": Dimension("country", lambda e: e.location.country, _same),
    "week": Dimension("date_start", _date, _week, in_time=True),
    "month": Dimension("date_start", _date, _month, in_time=True),
    "type": Dimension("event_type", lambda e: e.event_type, _same),
    "actor": Dimension("perpetrator", lambda e: e.perpetrator, _same),
}


def check_dimension(by: str) -> Dimension:
    if by not in DIMENSIONS:
        raise ConflictLensError("CL-E914", f"group by one of {', '.join(DIMENSIONS)}", "by")
    return DIMENSIONS[by]


def counted(events: Iterable[Event], by: str) -> list[dict[str, Any]]:
    """The groups of `events` (read through the gate)."""
    dimension = check_dimension(by)
    return grouped(((dimension.of_event(e), 1, e.fatalities.best or 0) for e in events), by)


def grouped(rows: Iterable[tuple[Any, int, int]], by: str) -> list[dict[str, Any]]:
    """Groups from (column value, events, fatalities) rows: one per group (None: events without a value),
    in time order for week and month, else most events first (ties in name order)."""
    dimension = check_dimension(by)
    groups: dict[str | None, dict[str, Any]] = {}
    for value, events, fatalities in rows:
        key = dimension.key(value)
        group = groups.setdefault(key, {"key": key, "events": 0, "fatalities": 0})
        group["events"] += events
        group["fatalities"] += fatalities
    ordered = sorted(groups.values(), key=lambda g: (g["key"] is None, g["key"] or ""))
    if not dimension.in_time:
        ordered.sort(key=lambda g: -g["events"])  # stable: ties stay in name order
    return ordered
