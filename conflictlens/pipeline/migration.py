"""`conflictlens migrate`: copy a store into a new one, e.g. a SQLite file into a shared PostgreSQL database."""

from __future__ import annotations

from conflictlens.pipeline.session import CREATE, EXISTING, Session
from conflictlens.store import copy_store


def copy_database(source: str, target: str) -> dict[str, int]:
    """Copy every row of the store at `source` into the new (empty) store at `target`; rows per table.
    Counts are checked before the copy commits (CL-E211); a target holding data is refused (CL-E212)."""
    with Session(source, store=EXISTING) as old, Session(target, store=CREATE) as new:
        return copy_store(old.store, new.store)
