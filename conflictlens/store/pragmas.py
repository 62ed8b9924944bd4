"""SQLite connection settings changed for one job and put back as they were (the bulk re-resolve's and an
import's): a PRAGMA is the connection's, not the file's, so a killed job leaves nothing behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext


@contextmanager
def pragmas_set(conn: sqlite3.Connection, settings: Sequence[tuple[str, str]],
                guard: Callable[[], AbstractContextManager] = nullcontext) -> Iterator[None]:
    """`settings` ((name, value) pairs) on `conn` while the block runs, the values before restored after,
    even on an error; `guard` wraps the setting and the restoring (a translation of SQLite's errors)."""
    with guard():
        before = [(name, conn.execute(f"PRAGMA {name}").fetchone()[0]) for name, _ in settings]
        for name, value in settings:
            conn.execute(f"PRAGMA {name} = {value}")
    try:
        yield
    finally:
        with guard():
            for name, value in before:
                conn.execute(f"PRAGMA {name} = {value}")
