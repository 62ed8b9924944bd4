"""Periods of the aggregate roll-up: the days an ISO week and a calendar month have in common.

A week that crosses a month's end is cut in two, so every period lies inside one ISO week and one
month: counts kept per period add up exactly to counts per week and per month, and a date range
that starts on a period's first day and ends on a period's last day is a union of whole periods.
A period is named by its first day (YYYY-MM-DD). A day that is not a plain YYYY-MM-DD date is its
own period, as stored (it still sorts and compares as the stored text does).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def plain_day(value: str | None) -> dt.date | None:
    """`value` as a date when it is written exactly YYYY-MM-DD (the store's form), else None."""
    if not value or len(value) != 10:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.isoformat() == value else None


def leading_day(value: str | None) -> dt.date | None:
    """The date a value opens with (`2021-05-08`, `2021-05-08T10:00`, ...), or None when it opens with none."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def period_start(day: dt.date) -> dt.date:
    """The first day of the period holding `day`: its week's Monday, or its month's first day if later."""
    monday = day - dt.timedelta(days=day.weekday())
    return max(monday, day.replace(day=1))


def period_of(value: str | None) -> str | None:
    """The period a stored date_start belongs to (None for none; itself when not a plain date)."""
    day = plain_day(value)
    return period_start(day).isoformat() if day else value


def starts_period(day: dt.date) -> bool:
    return period_start(day) == day


def ends_period(day: dt.date) -> bool:
    following = _shifted(day, 1)
    return following is None or starts_period(following)


@dataclass(frozen=True)
class Span:
    """Stored date_start values, compared as text (as the store compares them), from `ge` (inclusive) or
    `gt` (exclusive) to `lt` (exclusive) or `le` (inclusive); None: open on that side."""

    ge: str | None = None
    lt: str | None = None
    le: str | None = None
    gt: str | None = None


def split_range(since: dt.date | None, until: dt.date | None) -> tuple[Span | None, list[Span]]:
    """[since, until] as a span of whole periods (None when it holds none; read on the periods, since a
    period lies wholly inside it or wholly outside) and the spans outside it (at most six days at each
    end), counted event by event. Together they hold exactly the stored dates [since, until] holds,
    also those that are no plain day ('2021-02-30' lies after the 28th and before March)."""
    first = since if since is None or starts_period(since) else _next_period(since)
    last = until if until is None or ends_period(until) else _shifted(period_start(until), -1)
    if (since is not None and first is None) or (until is not None and last is None) or (
            first is not None and last is not None and first > last):
        return None, [Span(ge=_iso(since), le=_iso(until))]
    edges = []
    if since is not None and first != since:
        edges.append(Span(ge=_iso(since), lt=_iso(first)))
    if until is not None and last != until:
        edges.append(Span(gt=_iso(last), le=_iso(until)))
    return Span(ge=_iso(first), le=_iso(last)), edges


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _shifted(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _next_period(day: dt.date) -> dt.date | None:
    following = _shifted(period_start(day), 7)  # a period is at most seven days long
    while following is not None and not starts_period(following):
        following = _shifted(following, -1)
    return following
