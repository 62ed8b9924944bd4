"""Counting incidents: events, fatalities and claims by period and by group (issue 15, `trends`).

The pipeline hands this module one plain `IncidentRow` per incident (merged reports counted once);
nothing here reads a store. Claimed, attributed and unclaimed incidents are counted apart: a claim
is the perpetrator's own word, an attribution someone else's, and the issue's seed statistics
("80 claimed attacks in 2020") are counts of claims only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from conflictlens.errors import ConflictLensError

PERIODS = ("week", "month", "quarter", "year")
GROUPS = ("actor", "type", "target", "admin1", "admin2")
BY_KEYS = PERIODS + GROUPS
CLAIM_STATUSES = ("claimed", "attributed", "unclaimed")


@dataclass(frozen=True)
class IncidentRow:
    """One incident as counted: its first day, where, what, whose (the actor and its parents,
    nearest first: a branch's incident counts for its parent too) and its evidence (event ids)."""

    date: str
    fatalities: int = 0
    claim: str = "unclaimed"  # one of CLAIM_STATUSES
    actors: tuple[str, ...] = ()
    event_type: str | None = None
    target: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_ids: tuple[str, ...] = field(default=())


def period_of(date: str, by: str) -> str:
    """The period label of an ISO date: "2020-W05", "2020-05", "2020-Q2" or "2020"."""
    day = dt.date.fromisoformat(date[:10])
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def check_by(by: Iterable[str]) -> tuple[str | None, tuple[str, ...]]:
    """(the one period, the groups) of `--by` values; CL-E930 for an unknown or doubled period."""
    values = [b.strip().lower() for item in by for b in item.split(",") if b.strip()]
    unknown = [v for v in values if v not in BY_KEYS]
    if unknown:
        raise ConflictLensError("CL-E930", f"cannot group by {unknown[0]!r}; use any of {', '.join(BY_KEYS)} "
                                "(combinable, at most one period)", "--by")
    periods = [v for v in values if v in PERIODS]
    if len(periods) > 1:
        raise ConflictLensError("CL-E930", f"give one period, not {' and '.join(periods)}", "--by")
    return (periods[0] if periods else None), tuple(dict.fromkeys(v for v in values if v in GROUPS))


def _group_values(row: IncidentRow, group: str) -> tuple[str | None, ...]:
    if group == "actor":
        return row.actors or (None,)  # the actor, and each of its parents
    return ({"type": row.event_type, "target": row.target, "admin1": row.admin1, "admin2": row.admin2}[group],)


def _keys(row: IncidentRow, period: str | None, groups: tuple[str, ...]) -> list[tuple[str | None, tuple]]:
    label = period_of(row.date, period) if period else None
    keys: list[tuple] = [()]
    for group in groups:
        keys = [k + (v,) for k in keys for v in _group_values(row, group)]
    return [(label, k) for k in keys]


def count(rows: Iterable[IncidentRow], by: Iterable[str] = ("month",)) -> list[dict[str, Any]]:
    """One record per (period, group): {"period", "group", "events", "fatalities", "claimed",
    "attributed", "unclaimed", "event_ids"}, in period then group order. An actor row counts its
    branches' incidents as well, so actor rows of one lineage do not add up to a total."""
    period, groups = check_by(by)
    table: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        for label, values in _keys(row, period, groups):
            cell = table.setdefault((label, values), _empty(label, dict(zip(groups, values))))
            cell["events"] += 1
            cell["fatalities"] += row.fatalities
            cell[row.claim] += 1
            cell["event_ids"].extend(row.event_ids[:1])
    return [table[k] for k in sorted(table, key=lambda k: (k[0] or "", tuple(v or "" for v in k[1])))]


def _empty(label: str | None, group: dict[str, str | None]) -> dict[str, Any]:
    return {"period": label, "group": group, "events": 0, "fatalities": 0,
            **{status: 0 for status in CLAIM_STATUSES}, "event_ids": []}


def month_index(date: str) -> int:
    """Months since year 0: consecutive months are consecutive numbers."""
    return int(date[:4]) * 12 + int(date[5:7]) - 1


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
