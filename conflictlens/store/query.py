"""Building safe queries from user input: event filters and FTS5 match expressions."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from conflictlens.errors import ConflictLensError
from conflictlens.model.area import Area
from conflictlens.store.area import area_clauses

_WORD = re.compile(r"\w+")
MAX_SEARCH_TERMS = 32
SQLITE_MAX_INTEGER = 2**63 - 1  # a larger Python int cannot be bound to a statement


def fts_match(user_query: str) -> str | None:
    """An FTS5 expression matching documents that contain every term of `user_query`.

    Each whitespace-separated chunk becomes a quoted phrase of its word characters, so FTS5
    syntax in user input (quotes, parentheses, NEAR, AND/OR/NOT, column filters, `*`, `^`) is
    treated as plain text and cannot raise a syntax error. "al-Shabaab" stays a phrase
    ("al Shabaab"), matching the way the tokenizer splits the indexed text.
    Returns None when the query holds no searchable word.
    """
    phrases = []
    for chunk in user_query.split():
        words = _WORD.findall(chunk)
        if words:
            phrases.append('"' + " ".join(words) + '"')
    return " ".join(phrases[:MAX_SEARCH_TERMS]) or None


def iso_date(value: str | date | None, option: str) -> str | None:
    """Normalise a date option to YYYY-MM-DD, the form stored in events.date_start."""
    if value is None or isinstance(value, date):
        return value.isoformat() if value is not None else None
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ConflictLensError(
            "CL-E108", f"{value!r} is not a date; give it as YYYY-MM-DD", subject=option
        ) from None


def positive_limit(limit: int | None, option: str = "limit") -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= SQLITE_MAX_INTEGER:
        raise ConflictLensError(
            "CL-E400", f"{limit!r} is not a valid limit; give a whole number from 0 to {SQLITE_MAX_INTEGER}",
            subject=option,
        )
    return limit


def event_filter(
    country: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    event_type: str | None = None,
    perpetrator: str | Sequence[str] | None = None,
    limit: int | None = None,
    including: Sequence[str] = (),
    sub_event_type: str | None = None,
    attack_type: str | None = None,
    after: tuple[str | None, str] | None = None,
    areas: Sequence[Area] = (),
    postgis: str | None = None,
) -> tuple[str, list[Any]]:
    """SELECT of event records matching every given filter, ordered by date_start then id.

    `since`/`until` are inclusive and apply to date_start. Events without a date sort first
    and are excluded as soon as either bound is given. `perpetrator` is one stored name or
    several (an actor's names and its branches'). `including`: events that pass the
    perpetrator filter whatever their stored perpetrator (those an analyst reassigned to it).
    `after`: only events after this (date_start, id) in that order (a keyset page). `areas`: events in
    each (store/area.py; `postgis`: the PostGIS schema where the events have their geography column).
    """
    clauses, params = event_where(country, since, until, event_type, perpetrator, including, sub_event_type,
                                  attack_type)
    where, values = area_clauses(areas, postgis)
    clauses += where
    params += values
    if after is not None:
        clause, values = _after_clause(*after)
        clauses.append(clause)
        params.extend(values)
    return _ordered_select(clauses, params, positive_limit(limit))


def _after_clause(day: str | None, event_id: str) -> tuple[str, list[Any]]:
    """Events after (day, event_id) in the order date_start (events without one first), then id."""
    if day is None:
        return "((date_start IS NULL AND id > ?) OR date_start IS NOT NULL)", [event_id]
    # The same as date_start > day OR (date_start = day AND id > event_id), said so that the date index
    # seeks to `day` (with the OR alone SQLite walked the index from its start: a deep page of 1M events
    # read most of it).
    return "date_start >= ? AND (date_start > ? OR id > ?)", [day, day, event_id]


def event_where(
    country: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    event_type: str | None = None,
    perpetrator: str | Sequence[str] | None = None,
    including: Sequence[str] = (),
    sub_event_type: str | None = None,
    attack_type: str | None = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (joined by AND) and their parameters of `event_filter`."""
    clauses: list[str] = []
    params: list[Any] = []
    checks = (
        ("country = ?", country.strip().upper() if country else None),
        ("date_start >= ?", iso_date(since, "since")),
        ("date_start <= ?", iso_date(until, "until")),
        ("event_type = ?", event_type),
        ("sub_event_type = ?", sub_event_type),
        ("attack_type = ?", attack_type),
    )
    for clause, value in checks:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if perpetrator is not None:
        clause, values = _perpetrator_clause(perpetrator, including)
        clauses.append(clause)
        params.extend(values)
    return clauses, params


def _ordered_select(clauses: list[str], params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    sql = "SELECT record FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY date_start, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _perpetrator_clause(perpetrator: str | Sequence[str], including: Sequence[str]) -> tuple[str, list[Any]]:
    if isinstance(perpetrator, str):
        clause, params = "perpetrator = ?", [perpetrator]
    else:  # a JSON array keeps any number of names to one bound parameter
        clause, params = "perpetrator IN (SELECT value FROM json_each(?))", [json.dumps(list(perpetrator))]
    if including:
        clause = f"({clause} OR id IN (SELECT value FROM json_each(?)))"
        params.append(json.dumps(list(including)))
    return clause, params
