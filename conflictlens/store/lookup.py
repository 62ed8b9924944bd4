"""Finding stored events by the start of their id: what a user copies or types by hand."""

from __future__ import annotations

from conflictlens.store.failures import translated
from conflictlens.store.query import positive_limit
from conflictlens.store.sqlite import Store


def event_ids_starting(store: Store, prefix: str, limit: int) -> list[str]:
    """Ids of stored events beginning with `prefix`, in id order, at most `limit` of them.

    A range over the primary key (prefix <= id < the next string after every id that starts with
    it), not LIKE: the index answers it without a scan, and `%` or `_` in the prefix are plain text.
    """
    sql = "SELECT id FROM events WHERE id >= ?" + (" AND id < ?" if prefix else "") + " ORDER BY id LIMIT ?"
    params = [prefix, *([_after(prefix)] if prefix else []), positive_limit(limit)]
    with translated(store.path):
        return [row[0] for row in store.connection.execute(sql, params)]


def _after(prefix: str) -> str:
    """The least string greater than every string starting with `prefix` (its last character + 1)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
