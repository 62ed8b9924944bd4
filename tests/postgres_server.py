"""A PostgreSQL server for the tests that run on both store backends.

Each test gets a fresh schema of its own in the server's `test` database (dropped after it): its URL
names the schema through `options=-csearch_path=...`. Where no server answers (or psycopg is not
installed), those tests skip, and the session header says so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

SERVER = os.environ.get("CONFLICTLENS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


@lru_cache(maxsize=1)
def unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    try:
        with psycopg.connect(SERVER, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"no PostgreSQL server answers at {SERVER} ({str(exc).strip().splitlines()[0]})"
    return None


@contextmanager
def fresh_schema() -> Iterator[str]:
    """The URL of a new, empty schema; the schema and all in it are dropped afterwards."""
    import psycopg

    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in SERVER else "?"
    try:
        yield f"{SERVER}{separator}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(SERVER, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
