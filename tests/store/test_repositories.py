"""The store's repositories as attributes: made once per open store, functions bound to it."""

from __future__ import annotations

from conflictlens.store import Store
from conflictlens.store import ledger
from conflictlens.store.incidents import IncidentStore
from conflictlens.store.repositories import BoundModule


def test_repositories_are_attributes_of_the_open_store(tmp_path):
    with Store.open(tmp_path / "r.db") as store:
        assert isinstance(store.incidents, IncidentStore) and store.incidents is store.incidents
        assert store.ledger.redaction_secret() == ledger.redaction_secret(store)
        assert store.ledger.confidential_documents() == ledger.confidential_documents(store) == frozenset()
        assert list(store.relations.iter_relations()) == [] and store.actors.actor_edits() == []


def test_only_functions_taking_the_store_first_are_bound():
    import types

    module = types.ModuleType("sample")
    exec("def takes(store, x): return (store, x)\ndef plain(x): return x\nLIMIT = 3", module.__dict__)
    bound = BoundModule("S", module)
    assert bound.takes(1) == ("S", 1) and bound.plain(2) == 2 and bound.LIMIT == 3
