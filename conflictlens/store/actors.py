"""The store's actor tables: candidate actors (filled by a trigger as events are saved), the user's
registry edits, and the reads behind `conflictlens actors show` (events per stance, relations).

Plain rows in and out: the actors stage gives them meaning.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Iterable

from conflictlens.store.failures import translated
from conflictlens.store.postgres import open_stream
from conflictlens.store.sqlite import Store

EDIT_COLUMNS = ("op", "name", "value", "actor_type", "parent", "country", "by", "note", "created_at")
_INSERT_EDIT = ('INSERT INTO actor_edits (op, name, value, actor_type, parent, country, "by", note, created_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
_CHUNK = 500  # names per IN (...) list, well under SQLite's limit on bound parameters


def record_actor_edit(store: Store, edit: dict[str, Any]) -> int:
    """Append one edit (keys of EDIT_COLUMNS; created_at defaults to now, UTC) and return its id."""
    row = dict(edit)
    row["created_at"] = row.get("created_at") or datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction():
        cursor = store.connection.execute(_INSERT_EDIT, tuple(row.get(c) for c in EDIT_COLUMNS))
    return int(cursor.lastrowid)


def actor_edits(store: Store) -> list[dict[str, Any]]:
    """Every recorded edit, oldest first (the order they are replayed in)."""
    sql = f'SELECT id, {", ".join(_quoted(c) for c in EDIT_COLUMNS)} FROM actor_edits ORDER BY id'
    with translated(store.path):
        rows = store.connection.execute(sql).fetchall()
    return [dict(zip(("id", *EDIT_COLUMNS), r)) for r in rows]


def candidate_mentions(store: Store) -> Iterator[tuple[str, str, str, str | None, str | None]]:
    """(name, event id, document id, NER label, event date) per stored candidate mention."""
    sql = "SELECT name, event_id, document_id, label, date_start FROM actor_candidates ORDER BY rowid"
    with translated(store.path):
        cursor = open_stream(store.connection, sql)
        while batch := cursor.fetchmany(_CHUNK):
            yield from batch


def perpetrator_documents(store: Store) -> Iterator[tuple[str, str]]:
    """(perpetrator, document id), once each, for the stored events that name a perpetrator."""
    sql = "SELECT DISTINCT perpetrator, document_id FROM events WHERE perpetrator IS NOT NULL"
    with translated(store.path):
        cursor = open_stream(store.connection, sql)
        while batch := cursor.fetchmany(_CHUNK):
            yield from batch


def stance_rows(store: Store, names: Iterable[str]) -> list[tuple[str, str | None, str]]:
    """(event id, event date, stance) for every statement about any of `names`, plus events whose
    perpetrator is one of them with no such statement (imported records): stance claimed or attributed."""
    out: list[tuple[str, str | None, str]] = []
    names = list(dict.fromkeys(names))
    for i in range(0, len(names), _CHUNK):
        chunk = names[i:i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = (
            "SELECT a.event_id, e.date_start, a.stance FROM attributions AS a JOIN events AS e ON e.id = a.event_id "
            f"WHERE a.actor IN ({marks}) "
            "UNION ALL "
            "SELECT e.id, e.date_start, CASE e.claimed WHEN 1 THEN 'claimed' ELSE 'attributed' END FROM events AS e "
            f"WHERE e.perpetrator IN ({marks}) AND NOT EXISTS (SELECT 1 FROM attributions AS a "
            f"WHERE a.event_id = e.id AND a.actor IN ({marks}))"
        )
        with translated(store.path):
            out += store.connection.execute(sql, chunk * 3).fetchall()
    return out


def event_counts(store: Store) -> dict[str, int]:
    """Events per actor name, counting every event where the actor is perpetrator or in a statement."""
    sql = ("SELECT actor, count(DISTINCT event_id) FROM (SELECT actor, event_id FROM attributions "
           "WHERE actor IS NOT NULL UNION ALL SELECT perpetrator, id FROM events WHERE perpetrator IS NOT NULL) AS named "
           "GROUP BY actor")
    with translated(store.path):
        return {name: n for name, n in store.connection.execute(sql)}


def relation_rows(store: Store, names: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of the actor-relations table that name any of `names`; [] while that table is absent or empty.

    The table belongs to the relations area (migration 0004); this reads it by its `source` and
    `target` columns when it has them, so that a change of its other columns does not break `show`.
    """
    table = _relations_table(store)
    if table is None:
        return []
    names = list(dict.fromkeys(names))
    with translated(store.path):
        columns = [r[1] for r in store.connection.execute(f'PRAGMA table_info("{table}")')]
        if not {"source", "target"} <= set(columns):
            return []
        out: list[dict[str, Any]] = []
        for i in range(0, len(names), _CHUNK):
            chunk = names[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = f'SELECT * FROM "{table}" WHERE source IN ({marks}) OR target IN ({marks})'
            out += [_with_record(dict(zip(columns, r))) for r in store.connection.execute(sql, chunk * 2)]
    return out


def _with_record(row: dict[str, Any]) -> dict[str, Any]:
    """A row with the fields of its JSON `record` (if any) that the projection columns lack."""
    record = row.pop("record", None)
    try:
        data = json.loads(record) if isinstance(record, str) else {}
    except ValueError:
        data = {}
    if isinstance(data, dict):
        row.update({k: v for k, v in data.items() if k not in row})
    return row


def _relations_table(store: Store) -> str | None:
    sql = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%relation%' "
           "ORDER BY name = 'actor_relations' DESC, name LIMIT 1")
    with translated(store.path):
        row = store.connection.execute(sql).fetchone()
    return row[0] if row else None


def _quoted(column: str) -> str:
    return f'"{column}"' if column == "by" else column
