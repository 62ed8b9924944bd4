"""Turn sqlite3 exceptions into coded errors whose message says what to do."""

from __future__ import annotations

import sqlite3

from conflictlens.errors import ConflictLensError

# Primary SQLite result codes (https://sqlite.org/rescode.html) -> remedy shown to the user.
_REMEDIES: dict[int, str] = {
    5: "the database is busy: another process is writing to it; wait for it to finish and retry",
    6: "the database is locked by another connection; close other conflictlens runs and retry",
    8: "the store is read-only; copy it somewhere writable and pass that path (--db)",
    10: "a disk I/O error occurred; check the disk and file permissions, then retry",
    11: "the database file is corrupt; restore it from a backup or pass a new database path",
    13: "the disk is full; free some space and retry (nothing was written)",
    14: "the database file cannot be opened; check that its directory exists and is writable",
    19: "a record conflicts with one already stored; nothing was written",
    26: "the file is not a SQLite database; pass the path of a conflictlens database or of a new file",
}
_DEFAULT_REMEDY = "the database reported an error; nothing was written, retry or restore from a backup"


_READ_ONLY = 8  # SQLITE_READONLY: a write to a store opened read-only, or on a read-only medium


def store_error(exc: sqlite3.Error, path: str) -> ConflictLensError:
    """A coded error for `exc`, naming the file and the remedy: CL-E206 for a write to a read-only
    store, else CL-E200."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    remedy = _REMEDIES.get(primary, _DEFAULT_REMEDY) if primary is not None else _DEFAULT_REMEDY
    return ConflictLensError("CL-E206" if primary == _READ_ONLY else "CL-E200", f"{remedy} (sqlite: {exc})",
                             subject=path)


class translated:  # noqa: N801 - used like the function it replaced: `with translated(path):`
    """Re-raise any sqlite3 error inside the block as a ConflictLensError (CL-E200).

    A class rather than @contextmanager: it wraps every query, and a generator-based context
    manager cost more than many of the queries themselves.
    """

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, self.path) from exc
        return False
