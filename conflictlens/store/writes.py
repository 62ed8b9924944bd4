"""The store's insert path: documents, events and what hangs off them, a batch at a time.

Everything derived from a new row is written here, set-based and in the caller's transaction (on
PostgreSQL the rows go through COPY: `insert_rows`): the full-text index of new documents (one
INSERT ... SELECT per batch), the candidate actors of new events and their counts in the aggregate
roll-up (store/rollup.py). Migration 0006 dropped the row triggers that did this, because a trigger costs
SQLite tens of microseconds per row and made them most of the cost of a bulk import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from conflictlens.store import rows as R
from conflictlens.store.postgres import PgConnection
from conflictlens.store.rollup import count_inserted

INSERT_ACTOR_NAME = "INSERT OR IGNORE INTO actors (name) VALUES (?)"
# Events written here are in no incident until the pipeline resolves them, in the same transaction
# or later (`import --no-resolve`). This mark says so durably, whatever kills the process; only a
# resolution that has seen every event clears it (conflictlens.store.incidents). Migration 0007
# sets it for databases written before.
UNRESOLVED_MARK = "events_unresolved"
_MARK_UNRESOLVED = "INSERT OR IGNORE INTO meta (key, value) VALUES (?, '1')"
# New documents have the highest doc_no values (SQLite gives a new rowid max + 1), so the rows
# above the old maximum are exactly this batch's.
_INDEX_NEW_DOCUMENTS = (
    "INSERT INTO documents_fts (rowid, title, text) SELECT doc_no, title, text FROM documents WHERE doc_no > ?"
)


def insert_rows(conn: sqlite3.Connection | PgConnection, table: str, columns: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """Plain INSERTs of many rows: PostgreSQL takes them as one COPY stream (a statement per row costs a
    round trip each), SQLite as executemany. Both run in the caller's transaction: all or nothing."""
    if not rows:
        return
    if isinstance(conn, PgConnection):
        conn.copy_rows(table, columns, rows)
    else:
        conn.executemany(R.insert_sql(table, tuple(columns)), rows)


def insert_documents(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert document rows (INSERT_DOCUMENT's columns) and index them for full-text search."""
    if not rows:
        return
    before = conn.execute("SELECT coalesce(max(doc_no), 0) FROM documents").fetchone()[0]
    insert_rows(conn, "documents", (*R.DOCUMENT_COLUMNS, "ingested_at"), rows)
    conn.execute(_INDEX_NEW_DOCUMENTS, (before,))


def insert_events(conn: sqlite3.Connection, flat: Sequence[R.EventRows]) -> None:
    """Insert flattened events with their evidence, attributions, candidate actors and actor names,
    count them in the aggregate roll-up, and mark the store as holding events in no incident yet.

    Names only go to the actors table: types and parents come from the registry (Store.save_actors).
    """
    if not flat:
        return
    insert_rows(conn, "events", R.EVENT_COLUMNS, [f.event for f in flat])
    insert_rows(conn, "evidence", R.EVIDENCE_COLUMNS, [r for f in flat for r in f.evidence])
    insert_rows(conn, "attributions", R.ATTRIBUTION_COLUMNS, [r for f in flat for r in f.attributions])
    insert_rows(conn, "actor_candidates", R.CANDIDATE_COLUMNS, [r for f in flat for r in f.candidates])
    count_inserted(conn, flat)
    names = sorted(set().union(*(f.actors for f in flat)))
    conn.executemany(INSERT_ACTOR_NAME, [(n,) for n in names])
    conn.execute(_MARK_UNRESOLVED, (UNRESOLVED_MARK,))
