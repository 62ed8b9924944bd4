"""The actor registry of one store: the bundled file, the user's registry files and the analyst's
edits recorded in the store (`actor_edits`), replayed in order.

Every path through a store (ingest, dataset import, export, incident resolution, the network,
`extract --db`, the `actors` commands) reads actors through `session_registry`, so an analyst's
correction holds on all of them. It is the registry a per-store session will own; until then it is
cached per store state: the same files and the same recorded edits give the same registry object.
Keep this module's imports light: the import worker (`dataset_rows`) starts from it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.store import Store
from conflictlens.store import actors as store_actors

_EDIT_FIELDS = ("op", "name", "value", "actor_type", "parent", "country", "by", "note", "created_at")


def stored_edits(store: Store | None) -> tuple[ActorEdit, ...]:
    """The edits recorded in `store`, oldest first (none without a store)."""
    if store is None:
        return ()
    return tuple(ActorEdit(**{k: row[k] for k in _EDIT_FIELDS}) for row in store_actors.actor_edits(store))


def session_registry(store: Store | None, actor_files: Iterable[str] = ()) -> ActorRegistry:
    """The registry of `store`: bundled file + `actor_files` + the store's recorded edits."""
    return registry_of(tuple(str(f) for f in actor_files), stored_edits(store))


@lru_cache(maxsize=4)
def registry_of(actor_files: tuple[str, ...], edits: tuple[ActorEdit, ...]) -> ActorRegistry:
    """The registry for one store state. A forked import worker given the same state finds it cached."""
    return ActorRegistry.load(actor_files, edits)
