"""The aggregate roll-up (table event_rollup, migration 0010): events and summed best fatality figures
per period, place, type and perpetrator as the outbound gate shows it, kept exact by the store's writes.

Every write that changes what the roll-up holds calls in here, in its own transaction: an event
inserted counts once (`count_inserted`), an event deleted (a document re-extracted) no longer counts
(`uncount_documents`), and an analyst's answer moves its event to the perpetrator it names
(`moving_override`). Rows are keyed by their values (`rollup_key`), so NULLs key too; a row whose
count falls to zero is deleted. Periods: conflictlens.model.periods. A second table keeps the same
counts over all periods (`event_rollup_totals`), read when no date bounds the aggregate, and a third by
day (`event_rollup_day`, migration 0011: its period is the stored date_start itself), read for the days
at the ends of a date range that cut a period.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from conflictlens.model.periods import period_of
from conflictlens.store.rows import EVENT_COLUMNS, EventRows

COLUMNS = ("period", "country", "admin1", "admin2", "event_type", "sub_event_type", "attack_type", "perpetrator")
# The analyst's answer in force per event (NULL when the latest decision cleared it).
CURRENT_ACTORS = (
    "SELECT a.event_id, a.actor FROM attribution_overrides AS a "
    "JOIN (SELECT event_id, max(seq) AS seq FROM attribution_overrides GROUP BY event_id) AS latest "
    "ON latest.seq = a.seq"
)
# Stored events as the gate shows what the roll-up keeps of them: date, place, types, the perpetrator in
# force, fatalities. Also the source of the counts over days the roll-up cannot answer alone.
SHOWN_EVENTS = (
    "SELECT e.date_start AS period, e.country, e.admin1, e.admin2, e.event_type, e.sub_event_type, "
    "e.attack_type, coalesce(o.actor, e.perpetrator) AS perpetrator, 1 AS events, "
    f"coalesce(e.fatalities_best, 0) AS fatalities FROM events AS e LEFT JOIN ({CURRENT_ACTORS}) AS o "
    "ON o.event_id = e.id"
)
# The roll-up by period, by day, and its totals over all periods (far fewer rows, for aggregates without dates).
TABLES = {"event_rollup": COLUMNS, "event_rollup_day": COLUMNS, "event_rollup_totals": COLUMNS[1:]}


def _upsert(table: str) -> str:
    columns = TABLES[table]
    return (f"INSERT INTO {table} (key, {', '.join(columns)}, events, fatalities) "
            f"VALUES ({', '.join('?' * (len(columns) + 3))}) ON CONFLICT (key) DO UPDATE SET "
            f"events = {table}.events + excluded.events, fatalities = {table}.fatalities + excluded.fatalities")


def _drop_emptied(table: str) -> str:
    return f"DELETE FROM {table} WHERE events <= 0 AND key IN (SELECT value FROM json_each(?))"


_ACTORS_OF = (
    "SELECT a.event_id, a.actor FROM attribution_overrides AS a JOIN (SELECT event_id, max(seq) AS seq "
    "FROM attribution_overrides WHERE event_id IN (SELECT value FROM json_each(?)) GROUP BY event_id) AS latest "
    "ON latest.seq = a.seq"
)
_AT = {name: EVENT_COLUMNS.index(name) for name in ("id", "date_start", *COLUMNS[1:], "fatalities_best")}


def rollup_key(values: Sequence[str | None]) -> str:
    """The key of a row of the roll-up: each value as s<length>:<value>, n for none (as migration 0010)."""
    return "".join("n" if v is None else f"s{len(v)}:{v}" for v in values)


def count_inserted(conn: sqlite3.Connection, flat: Sequence[EventRows]) -> None:
    """Count events just inserted (rows.event_rows), each under the perpetrator in force for it: an
    analyst's answer may be older than the event (re-extraction inserts it again under its id)."""
    if not flat:
        return
    actors = _current_actors(conn, [f.event[_AT["id"]] for f in flat])
    rows = []
    for f in flat:
        e = f.event
        perpetrator = actors.get(e[_AT["id"]]) or e[_AT["perpetrator"]]
        rows.append((e[_AT["date_start"]], *(e[_AT[c]] for c in COLUMNS[1:-1]), perpetrator,
                     1, e[_AT["fatalities_best"]] or 0))
    _apply(conn, rows, 1)


def uncount_documents(conn: sqlite3.Connection, document_ids: Sequence[str]) -> None:
    """Take the events of `document_ids` out of the counts: call just before deleting them."""
    if document_ids:
        _apply(conn, _shown(conn, "e.document_id", document_ids), -1)


@contextmanager
def moving_override(conn: sqlite3.Connection, event_id: str) -> Iterator[None]:
    """Around the append of an analyst's decision on `event_id`: its event (if stored) is counted under
    the perpetrator in force before and then after it."""
    _apply(conn, _shown(conn, "e.id", [event_id]), -1)
    yield
    _apply(conn, _shown(conn, "e.id", [event_id]), 1)


def _shown(conn: sqlite3.Connection, column: str, values: Sequence[str]) -> list[tuple[Any, ...]]:
    sql = f"{SHOWN_EVENTS} WHERE {column} IN (SELECT value FROM json_each(?))"
    return [tuple(r) for r in conn.execute(sql, (json.dumps(list(values)),))]


def _current_actors(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, str]:
    if conn.execute("SELECT 1 FROM attribution_overrides LIMIT 1").fetchone() is None:
        return {}  # the common case, and every bulk import into a store no analyst has touched
    rows = conn.execute(_ACTORS_OF, (json.dumps(event_ids),)).fetchall()
    return {event_id: actor for event_id, actor in rows if actor}


def _apply(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]], sign: int) -> None:
    """Add (sign 1) or take away (-1) rows of (date_start, the other COLUMNS..., events, fatalities)."""
    # Keyed by the kept values themselves (rollup_key is one-to-one on them), and a key is the keys of
    # its parts put together: the values past the date, shared by the three tables and repeated by
    # many events, are spelled once per batch. Rows keep the order of their first event as before.
    totals: dict[str, dict[tuple[Any, ...], list[Any]]] = {table: {} for table in TABLES}
    periods: dict[Any, str | None] = {}
    rest_keys: dict[tuple[Any, ...], str] = {}
    width = len(COLUMNS)
    for row in rows:
        day, rest = row[0], tuple(row[1:width])
        period = periods[day] if day in periods else periods.setdefault(day, period_of(day))
        rest_key = rest_keys.get(rest) or rest_keys.setdefault(rest, rollup_key(rest))
        events, fatalities = sign * row[width], sign * (row[width + 1] or 0)
        for table, first in (("event_rollup", (period,)), ("event_rollup_day", (day,)), ("event_rollup_totals", ())):
            kept = (*first, *rest)
            total = totals[table].get(kept)
            if total is None:
                total = totals[table][kept] = [rollup_key(first) + rest_key, *kept, 0, 0]
            total[-2] += events
            total[-1] += fatalities
    for table, by_kept in totals.items():
        if by_kept:
            conn.executemany(_upsert(table), [tuple(t) for t in by_kept.values()])
            if sign < 0:
                conn.execute(_drop_emptied(table), (json.dumps([t[0] for t in by_kept.values()]),))


def counts_sql(column: str, span: Any, *, from_events: bool = False, by_day: bool = False,
               country: str | None = None,
               event_type: str | None = None, sub_event_type: str | None = None, attack_type: str | None = None,
               perpetrator: Sequence[str] | None = None, admin1_in: Sequence[str | None] | None = None,
               ) -> tuple[str, list[Any]]:
    """SELECT of (value of `column`, events, fatalities) per value over the dates of `span`
    (model.periods.Span): read on the roll-up (the span must hold whole periods), `by_day` on its rows
    by day (any span; a period value is then a day), or `from_events` on the stored events themselves
    (any span, the same answers: the reference the roll-up is tested against). Filters as the gate shows
    events: `perpetrator` names match the answer in force; `admin1_in`: stored admin1 values (None for none)."""
    if column not in COLUMNS:
        raise ValueError(f"cannot count events by {column!r}")
    dates, params = _span_clauses("e.date_start" if from_events else "period", span)
    # Over events, the dates bound the inner select (the date index serves it); then the rest filters.
    # By day, one index covers every column (event_rollup_day_covering): the span reads it alone.
    source = f"({SHOWN_EVENTS}{_where(dates)}) AS shown" if from_events else "event_rollup_day" if by_day else (
        "event_rollup" if dates or column == "period" else "event_rollup_totals")
    clauses = [] if from_events else dates
    for name, value in (("country", country), ("event_type", event_type), ("sub_event_type", sub_event_type),
                        ("attack_type", attack_type)):
        if value is not None:
            clauses.append(f"{name} = ?")
            params.append(value)
    for name, values in (("perpetrator", perpetrator), ("admin1", admin1_in)):
        if values is not None:
            clauses.append(_one_of(name, values))
            params.append(json.dumps([v for v in values if v is not None]))
    sql = f"SELECT {column}, sum(events), sum(fatalities) FROM {source}{_where(clauses)} GROUP BY {column}"
    return sql, params


def _span_clauses(column: str, span: Any) -> tuple[list[str], list[Any]]:
    bounds = ((">=", span.ge), (">", span.gt), ("<", span.lt), ("<=", span.le))
    return [f"{column} {op} ?" for op, value in bounds if value is not None], [v for _, v in bounds if v is not None]


def _one_of(column: str, values: Sequence[str | None]) -> str:
    clause = f"{column} IN (SELECT value FROM json_each(?))"
    return f"({clause} OR {column} IS NULL)" if None in values else clause


def _where(clauses: list[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""
