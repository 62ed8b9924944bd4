"""The store's durable mark that events may be in no incident (migration 0007, issue 17)."""

from __future__ import annotations

from pathlib import Path

from conflictlens.store import Store
from conflictlens.store.incidents import IncidentStore
from store_helpers import make_document, make_event

SOURCE = {"key": "outlet:x", "label": "X"}


def save_one(store: Store, text: str = "Gunmen attacked a checkpoint in Kunduz, killing two police officers."):
    doc = make_document(text)
    ev = make_event(doc)
    store.save_document_with_events(doc, [ev], "v1")
    return doc, ev


def as_written_before_migration_7(db: Path) -> None:
    """Make the database look as a version without the mark left it: no mark, schema version 6."""
    with Store.open(db) as store, store.transaction():
        store.connection.execute("DELETE FROM meta WHERE key = 'events_unresolved'")
        store.connection.execute("DELETE FROM schema_migrations WHERE version >= 7")


def test_writing_events_sets_the_mark_and_only_clearing_it_removes_it(store: Store) -> None:
    incidents = IncidentStore(store)
    assert not incidents.unresolved_marked()
    save_one(store)
    assert incidents.unresolved_marked()
    with incidents.transaction():
        incidents.clear_unresolved_mark()
    assert not incidents.unresolved_marked()


def test_a_document_without_events_sets_no_mark(store: Store) -> None:
    store.save_document_with_events(make_document("A quiet day in Kunduz."), [], "v1")
    assert not IncidentStore(store).unresolved_marked()


def test_migration_marks_an_older_database_holding_events_in_no_incident(db_path: Path) -> None:
    with Store.open(db_path) as store:
        save_one(store)
    as_written_before_migration_7(db_path)
    with Store.open(db_path) as store:
        assert IncidentStore(store).unresolved_marked()


def test_migration_leaves_an_older_database_whose_events_are_all_resolved_unmarked(db_path: Path) -> None:
    with Store.open(db_path) as store:
        doc, ev = save_one(store)
        incidents = IncidentStore(store)
        with incidents.transaction():
            incidents.add_member(ev.id, "inc_a", doc.id, [1], SOURCE, None, ["k1"])
    as_written_before_migration_7(db_path)
    with Store.open(db_path) as store:
        assert not IncidentStore(store).unresolved_marked()
