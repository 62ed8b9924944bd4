"""Finding events by the start of their id, and limits too large for SQLite (issue 17)."""

from __future__ import annotations

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store
from conflictlens.store.lookup import event_ids_starting

TEXT = "A suicide bomber attacked the Maiduguri market on Tuesday, killing 12 people. " * 3


@pytest.fixture
def stored_ids(store: Store) -> list[str]:
    doc = make_document(TEXT)
    events = [make_event(doc, anchor) for anchor in (0, 30, 60, 90, 120)]
    store.save_document_with_events(doc, events, "test")
    return sorted(e.id for e in events)


def test_a_prefix_finds_the_ids_that_start_with_it(store: Store, stored_ids: list[str]) -> None:
    first = stored_ids[0]
    assert event_ids_starting(store, first[:-2], limit=10) == [i for i in stored_ids if i.startswith(first[:-2])]
    assert event_ids_starting(store, "evt_", limit=10) == stored_ids
    assert event_ids_starting(store, "evt_", limit=2) == stored_ids[:2]
    assert event_ids_starting(store, first, limit=10) == [first]


def test_a_prefix_matching_nothing_finds_nothing(store: Store, stored_ids: list[str]) -> None:
    assert event_ids_starting(store, "evt_zz", limit=10) == []
    assert event_ids_starting(store, "doc_", limit=10) == []


def test_prefix_characters_are_not_patterns(store: Store, stored_ids: list[str]) -> None:
    assert event_ids_starting(store, "evt%", limit=10) == []
    assert event_ids_starting(store, "evt_" + "_" * 3, limit=10) == []


@pytest.mark.parametrize("limit", [10**20, 2**63])
def test_a_limit_too_large_for_sqlite_is_a_coded_error(store: Store, limit: int) -> None:
    with pytest.raises(ConflictLensError) as raised:
        list(store.iter_events(limit=limit))
    assert raised.value.code == "CL-E400"
    with pytest.raises(ConflictLensError):
        store.search_documents("market", limit=limit)
