"""The store's repositories as attributes: `store.incidents`, `store.ledger`, `store.relations`, `store.actors`,
`store.tokens`, `store.indexes`.

Code outside the store reaches its tables through these and the names `conflictlens.store` exports,
never by importing `store.rows`, `store.query` or `store.sqlite` (tests/test_layering.py).
"""

from __future__ import annotations

import inspect
from functools import cached_property, partial
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conflictlens.store.incidents import IncidentStore


class BoundModule:
    """A module of store functions bound to one store: `store.ledger.source_grades()` is
    `ledger.source_grades(store)`. Only functions whose first parameter is the store are bound;
    anything else of the module (row types, constants) is returned as it is."""

    def __init__(self, store: Any, module: ModuleType) -> None:
        self._store, self._module = store, module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if inspect.isfunction(value) and _takes_store_first(value):
            return partial(value, self._store)
        return value


def _takes_store_first(function: Any) -> bool:
    parameters = list(inspect.signature(function).parameters)
    return bool(parameters) and parameters[0] == "store"


class Repositories:
    """Mixed into `Store`: each repository is made on first use and kept with the open store.
    (Imported when first used: the repository modules import the Store class.)"""

    @cached_property
    def incidents(self) -> IncidentStore:
        from conflictlens.store.incidents import IncidentStore
        return IncidentStore(self)

    @cached_property
    def ledger(self) -> BoundModule:
        from conflictlens.store import ledger
        return BoundModule(self, ledger)

    @cached_property
    def relations(self) -> BoundModule:
        from conflictlens.store import relations
        return BoundModule(self, relations)

    @cached_property
    def actors(self) -> BoundModule:
        from conflictlens.store import actors
        return BoundModule(self, actors)

    @cached_property
    def indexes(self) -> BoundModule:
        from conflictlens.store import deferred_indexes
        return BoundModule(self, deferred_indexes)

    @cached_property
    def tokens(self) -> BoundModule:
        from conflictlens.store import tokens
        return BoundModule(self, tokens)
