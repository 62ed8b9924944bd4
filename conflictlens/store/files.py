"""The store's file on disk: is it a SQLite database, may it be written, and the read-only open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.store.failures import store_error

_SQLITE_HEADER = b"SQLite format 3\x00"


def writable(path: str) -> bool:
    """Whether a store may be written here: the file and its folder (WAL makes its -wal and -shm files
    there). os.access also says no to root on a read-only mount or an immutable file. A file not
    there yet is left to the open, which creates it or says why it cannot."""
    if not os.path.exists(path):
        return True
    return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def connect_read_only(path: str, timeout: float) -> sqlite3.Connection:
    """A read-only connection that writes nothing next to the file.

    "immutable" makes SQLite read the file alone (no -shm to create, no locks), which is only right
    when no commits wait in a -wal file and no other program has the store open: otherwise (a store
    copied while open, or in use) the plain read-only mode reads through the -wal file, using the
    -shm file already beside it.
    """
    wal, shm = f"{path}-wal", f"{path}-shm"
    # An empty -wal with its -shm: another program has the store open now and may commit at any time.
    pending = os.path.exists(wal) and (os.path.getsize(wal) > 0 or os.path.exists(shm))
    uri = Path(os.path.abspath(path)).as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite opens the files lazily
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if not pending:
            raise store_error(exc, path) from exc
        raise ConflictLensError(
            "CL-E206", f"the store is read-only and commits wait in its -wal file, which cannot be read here "
            f"({exc}); open it once where it is writable, or copy it with its -wal file somewhere writable",
            subject=path) from exc


def check_is_sqlite_file(path: str) -> None:
    """Refuse, without touching it, a file that is not a SQLite database."""
    target = Path(path)
    if target.is_dir():
        raise ConflictLensError(
            "CL-E200", "this is a directory; pass the path of a database file inside it", subject=path
        )
    try:
        with target.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return  # a new database will be created
    except OSError as exc:
        raise ConflictLensError(
            "CL-E200", f"cannot read the file ({exc.strerror}); check its permissions", subject=path
        ) from exc
    if header and header != _SQLITE_HEADER:
        raise ConflictLensError(
            "CL-E200",
            "this file is not a SQLite database; pass the path of a conflictlens database "
            "or of a new file (it will be created)",
            subject=path,
        )
