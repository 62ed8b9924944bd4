"""Versioned migrations: numbered SQL files applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Callable
from importlib import resources

from conflictlens.errors import ConflictLensError

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

SQLITE_MIGRATIONS = "conflictlens.store.migrations"
POSTGRES_MIGRATIONS = "conflictlens.store.migrations.postgres"  # the same versions, in PostgreSQL's words

_CREATE_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@lru_cache(maxsize=2)
def migrations(package: str = SQLITE_MIGRATIONS) -> tuple[Migration, ...]:
    """The bundled migrations, ordered by version; versions must run 1..n without gaps."""
    folder = resources.files(package)
    found = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise ConflictLensError(
            "CL-E300", "store migrations are missing or misnumbered; reinstall conflictlens",
            subject=str(folder),
        )
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def split_statements(sql: str) -> list[str]:
    """Split a script into statements; semicolons inside strings, comments and triggers stay put.

    executescript() would be simpler but commits any open transaction first, which would break
    the all-or-nothing application of pending migrations.
    """
    statements, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _strip_comments(buffer).strip(" \n\t;"):
                statements.append(buffer)
            buffer = ""
    if _strip_comments(buffer).strip(" \n\t;"):
        raise ValueError(f"incomplete SQL statement at end of migration: {buffer[:80]!r}")
    return statements


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def current_version(conn: sqlite3.Connection, path: str) -> int:
    """Schema version recorded in the file; 0 for a new file. Refuses foreign SQLite databases."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_migrations" not in tables:
        if {t for t in tables if not t.startswith("sqlite_")}:
            raise ConflictLensError(
                "CL-E200",
                "this SQLite database was not created by conflictlens; pass a new file path "
                "or the path of an existing conflictlens database",
                subject=path,
            )
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(conn: Any, path: str, package: str = SQLITE_MIGRATIONS,
            current: Callable[[Any, str], int] | None = None, run: Callable[[Any, str], None] | None = None) -> int:
    """Apply pending migrations in one transaction; return the resulting schema version.

    `conn` must be in autocommit mode (isolation_level=None): transactions are explicit here.
    PostgreSQL (store/postgres.py) passes its own migrations `package`, how to read the `current`
    version and how to `run` a migration's script.
    """
    current, run = current or current_version, run or _run_statements
    if _check_version(conn, path, current) == latest_version():
        return latest_version()  # common case: no write lock taken on open
    with write_transaction(conn):
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = _check_version(conn, path, current)
        conn.execute(_CREATE_LEDGER)
        for migration in migrations(package)[version:]:
            run(conn, migration.sql)
            _record(conn, migration)
    return latest_version()


@contextmanager
def write_transaction(conn: Any) -> Iterator[None]:
    """One explicit transaction under the store's write lock (BEGIN IMMEDIATE; on PostgreSQL the dialect's
    advisory lock), on a connection in autocommit mode: committed at the end, rolled back on any failure."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _check_version(conn: Any, path: str, current: Callable[[Any, str], int]) -> int:
    version = current(conn, path)
    if version > latest_version():
        raise ConflictLensError(
            "CL-E201",
            f"the database has schema version {version} but this conflictlens knows only up to "
            f"{latest_version()}; upgrade conflictlens to read it",
            subject=path,
        )
    return version


def _run_statements(conn: sqlite3.Connection, sql: str) -> None:
    for statement in split_statements(sql):
        conn.execute(statement)


def _record(conn: Any, migration: Migration) -> None:
    conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (migration.version, migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )
