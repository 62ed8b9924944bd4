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
from urllib.parse import urlsplit, urlunsplit

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
def fresh_schema(server: str = SERVER) -> Iterator[str]:
    """The URL of a new, empty schema; the schema and all in it are dropped afterwards."""
    import psycopg

    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@lru_cache(maxsize=1)
def postgis_server() -> tuple[str | None, str | None]:
    """(URL of a database beside SERVER's whose PostGIS extension is created, None) or (None, why not).
    The tests' own database stays without PostGIS, so that every other test runs the plain lat/lon way."""
    import psycopg

    reason = unavailable()
    if reason:
        return None, reason
    with psycopg.connect(SERVER, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone():
            return None, "PostGIS is not installed on the server (apt-get install postgresql-15-postgis-3)"
        _racing(conn, "SELECT 1 FROM pg_database WHERE datname = 'test_postgis'", "CREATE DATABASE test_postgis")
    url = urlunsplit(urlsplit(SERVER)._replace(path="/test_postgis"))
    with psycopg.connect(url, autocommit=True) as conn:
        _racing(conn, "SELECT 1 FROM pg_extension WHERE extname = 'postgis'", "CREATE EXTENSION postgis")
    return url, None


def _racing(conn, exists: str, create: str) -> None:
    """Run `create` unless `exists` finds it made; another test run may make it at the same moment."""
    import psycopg

    if not conn.execute(exists).fetchone():
        try:
            conn.execute(create)
        except (psycopg.errors.DuplicateDatabase, psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
            pass  # made by the other run meanwhile
