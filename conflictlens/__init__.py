"""conflictlens: structured, sourced event records from reports of political violence.

Use it from Python through a session (one database, or none):

    import conflictlens

    with conflictlens.open("events.db") as session:
        session.ingest(["reports/"])
        for event in session.events(country="AF", since="2021-01-01"):
            print(event.id, event.summary)

Nothing heavy is imported here: spaCy loads when the first report is extracted.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from conflictlens.pipeline.session import Session

__version__ = "0.1.0"
__all__ = ["ConflictLensError", "Event", "ExportFilters", "Session", "open"]

# name -> the module it is loaded from on first use
_LAZY = {
    "Session": "conflictlens.pipeline.session",
    "ExportFilters": "conflictlens.pipeline.interop",
    "Event": "conflictlens.model.records",
    "ConflictLensError": "conflictlens.errors",
}


def open(db: str | os.PathLike[str] | None = None, *, actor_files: Iterable[str | os.PathLike[str]] = (),
         places_file: str | None = None, create: bool = True) -> Session:  # noqa: A001 - as sqlite3.connect
    """A session over the database at `db` (created unless `create` is False), or over none
    (`open()`: extraction only). Use it in a `with` block, or call `close()`."""
    from conflictlens.pipeline.session import CREATE, EXISTING, NONE, Session

    mode = NONE if db is None else (CREATE if create else EXISTING)
    return Session(db, actor_files=actor_files, places_file=places_file, store=mode)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
