"""What an import into SQLite puts off or skips: secondary indexes built once after a large import into an
empty or small store, and the tables' CHECKs on the rows the import writes (`unchecked_own_rows`).

An imported row is written into about 25 B-tree indexes; building 16 of these once instead saved about
a sixth of the importing process's CPU in a harness, 4 to 10% of the whole command's (docs/scale.md,
session 13); the incident list's two followed in session 21. For an import that brings more rows than the
store holds, dropping the ones that only serve reading (filters, the network's look-ups, the roll-up's
covering indexes, the incident list's order) and building each once at the end is cheaper. The indexes the import's own statements use (primary keys, the roll-up's
unique keys, the document and event keys that deletes and cascades look up) are never dropped.

Kill safety: the indexes are dropped and their definitions written to `meta` in one transaction,
before the first row is written (and after a parse worker has opened the store: an open builds them);
the import then commits as before; the last step builds them again and
clears the mark in one transaction. A kill in between leaves every committed row intact and the
mark in place; the next writable `Store.open` builds the missing indexes (`rebuild_orphaned`). The
mark names the importing process (pid and host): a store opened meanwhile by another program (a
query, the web app) leaves a live import's indexes alone, since building them would take the write
lock the import needs; its answers stay right, only slower, until the import builds them.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from conflictlens.store.dialect import SQLITE
from conflictlens.store.pragmas import pragmas_set

# meta key holding {index name: CREATE statement} while indexes are dropped for an import.
DEFERRED_MARK = "deferred_indexes"
# Indexes no statement of the import path reads: only queries, exports and the network do.
DEFERRABLE = (
    "documents_content_hash",
    "events_country_date", "events_perpetrator", "events_date", "events_type",
    "attributions_actor",
    "actor_relations_source", "actor_relations_target", "actor_relations_date",
    "event_rollup_period", "event_rollup_country", "event_rollup_perpetrator", "event_rollup_type",
    "event_rollup_admin1", "event_rollup_covering", "event_rollup_day_covering",
    # The incident list's filters: resolution reads incidents by id only, and an import with resolution
    # rewrites about one incident a row, each written into both (session 21, docs/scale.md).
    "incidents_country_date", "incidents_date",
)
# Below this many expected rows the indexes' own upkeep is too small to be worth a rebuild.
MIN_ROWS = 10_000
# The file's size over this is the rows it is taken to bring: ACLED's rows are about 260 bytes of CSV,
# UCDP's 500, so it rather under-counts them; a file of fewer, longer rows costs one rebuild of
# indexes over a store no larger than it (the `stored <= expected` test), about what their upkeep costs.
BYTES_PER_ROW_AT_MOST = 1_000


def worth_deferring(store: Any, file_bytes: int) -> bool:
    """True on SQLite when a file of `file_bytes` surely brings MIN_ROWS rows or more, and more rows than
    the store holds (building an index costs about what its upkeep for as many rows costs)."""
    expected = file_bytes // BYTES_PER_ROW_AT_MOST
    if store.dialect is not SQLITE or store.read_only or expected < MIN_ROWS:
        return False
    count = "SELECT count(*) FROM (SELECT 1 FROM events LIMIT ?)"
    return store.connection.execute(count, (expected + 1,)).fetchone()[0] <= expected


@contextmanager
def deferred_while(store: Any, file_bytes: int) -> Iterator[None]:
    """Around an import of a file of `file_bytes`: when `worth_deferring`, the deferrable indexes are
    dropped before and built again after (also after an error); else nothing changes.

    A kill inside leaves the mark for `rebuild_deferred`; nothing committed is lost."""
    dropped = worth_deferring(store, file_bytes) and _drop(store)
    try:
        yield
    finally:
        if dropped:
            rebuild_deferred(store)


def _drop(store: Any) -> bool:
    """Drop the deferrable indexes and leave their definitions in the mark, in one transaction."""
    conn = store.connection
    with store.transaction():
        if store.meta(DEFERRED_MARK) is not None:
            return False  # another import is deferring them already
        marks = ", ".join("?" * len(DEFERRABLE))
        definitions = dict(conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                        f"AND name IN ({marks}) ORDER BY name", DEFERRABLE).fetchall())
        if not definitions:
            return False
        owner = {"pid": os.getpid(), "host": socket.gethostname()}
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                     (DEFERRED_MARK, json.dumps({"owner": owner, "indexes": definitions})))
        for name in definitions:
            conn.execute(f'DROP INDEX "{name}"')
    return True


def rebuild_deferred(store: Any) -> None:
    """Build the indexes an import dropped and clear its mark, in one transaction (no-op without a mark)."""
    conn = store.connection
    if store.dialect is not SQLITE or store.read_only or store.meta(DEFERRED_MARK) is None:
        return
    with store.transaction():
        definitions = store.meta(DEFERRED_MARK)
        if definitions is None:
            return  # another process built them meanwhile
        for statement in json.loads(definitions)["indexes"].values():
            conn.execute(statement if "IF NOT EXISTS" in statement
                         else statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        conn.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_MARK,))


def rebuild_orphaned(store: Any) -> None:
    """`rebuild_deferred` when the import that dropped the indexes is gone (killed): on opening a store."""
    mark = store.meta(DEFERRED_MARK) if store.dialect is SQLITE and not store.read_only else None
    if mark is not None and not _owner_alive(json.loads(mark)["owner"]):
        rebuild_deferred(store)


def _owner_alive(owner: dict) -> bool:
    """Whether the importing process still runs. Another host's cannot be asked: taken as gone."""
    if owner["host"] != socket.gethostname():
        return False
    try:
        os.kill(owner["pid"], 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it exists
    return True


@contextmanager
def unchecked_own_rows(store: Any) -> Iterator[None]:
    """Around an import's writes on SQLite: the tables' CHECK constraints not run, then run again after.

    Every value they test is one the store wrote itself: each record (`json_valid`) is orjson's, or the
    standard encoder's with allow_nan=False, which write valid JSON or fail; `claimed` is int(bool);
    a relation's origin and stance come from the model's own constants. SQLite parsed each record again,
    about 1.6 KB an event and 0.5 KB a relation (session 18: 7% of the importing process's CPU). The same
    setting as the bulk re-resolve's (incident_bulk._BULK_PRAGMAS). A connection setting, not stored:
    a kill leaves nothing behind, and every transaction commits or rolls back as before.
    """
    if store.dialect is not SQLITE or store.read_only:
        yield
        return
    with pragmas_set(store.connection, (("ignore_check_constraints", "1"),)):
        yield
