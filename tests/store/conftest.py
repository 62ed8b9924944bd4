"""Fixtures for the store tests: a database (a SQLite file, then a PostgreSQL schema) and an open store.

`db_path` is what `Store.open` takes: a Path on SQLite, a postgresql:// URL on PostgreSQL. A test about
SQLite's file itself takes `sqlite_path` instead and runs once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictlens.store import Store


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request, sqlite_path: Path) -> Path | str:
    if request.param == "sqlite":
        return sqlite_path
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db_path: Path | str) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def sqlite_store(sqlite_path: Path) -> Iterator[Store]:
    """A store in a SQLite file, for the tests about SQLite's own machinery (the file, FTS5, its locks)."""
    with Store.open(sqlite_path) as opened:
        yield opened
