"""Batched saves for large imports: same outcomes as one-by-one saves, a few statements per batch."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conflictlens.store import Store
from conflictlens.store import actors as store_actors
from store_helpers import make_document, make_event


def _triples(texts: list[str], version: str) -> list:
    docs = [make_document(t) for t in texts]
    return [(d, [make_event(d)], version) for d in docs]


def test_batch_inserts_then_skips_unchanged_then_rewrites_revised(store: Store) -> None:
    rows = _triples(["row one of the file", "row two of the file"], "acled-import/1+aaa")
    first = store.save_versioned(rows, meta_key="import_version")
    assert [r.status for r in first] == ["inserted", "inserted"]
    again = store.save_versioned(rows, meta_key="import_version")
    assert [r.status for r in again] == ["unchanged", "unchanged"]
    revised = [(rows[0][0], rows[0][1], "acled-import/1+bbb"), rows[1]]
    assert [r.status for r in store.save_versioned(revised)] == ["updated", "unchanged"]
    assert store.counts()["events"] == 2
    assert store.meta("import_version") == "acled-import/1+aaa"
    assert store.meta("extractor_version") is None  # imports leave the extractor's version alone


def test_a_row_repeated_within_a_batch_is_saved_once(store: Store) -> None:
    rows = _triples(["the same row twice"], "v1") * 2
    results = store.save_versioned(rows)
    assert len(results) == 2
    assert store.counts()["documents"] == 1


def test_a_failing_batch_writes_nothing(store: Store) -> None:
    good = _triples(["a good row"], "v1")
    doc = make_document("a row whose event belongs elsewhere")
    stray = make_event(make_document("another document"))
    with pytest.raises(Exception):
        store.save_versioned([*good, (doc, [stray], "v1")])
    assert store.counts()["documents"] == 0


def test_batch_and_single_saves_store_the_same_record(store: Store, tmp_path) -> None:
    (doc, events, version), = _triples(["compare the two write paths"], "v1")
    store.save_versioned([(doc, events, version)])
    with Store.open(tmp_path / "single.db") as other:
        other.save_document_with_events(doc, events, version)
        assert other.get_event(events[0].id) == store.get_event(events[0].id)
        assert other.get_document(doc.id) == store.get_document(doc.id)


def test_batch_saved_documents_are_searchable_and_the_index_consistent(sqlite_store: Store) -> None:
    rows = _triples(["a grenade attack in Quetta", "a rocket strike near Khost", "a raid in Kunduz"], "v1")
    sqlite_store.save_versioned(rows[:2])
    sqlite_store.save_versioned(rows)  # the third is new: only it is indexed now
    assert [hit[0] for hit in sqlite_store.search_documents("Kunduz", 5)] == [rows[2][0].id]
    assert [hit[0] for hit in sqlite_store.search_documents("grenade", 5)] == [rows[0][0].id]
    with sqlite3.connect(sqlite_store.path) as conn:
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 3


def test_stored_records_leave_out_empty_values_and_read_back_whole(sqlite_store: Store) -> None:
    (doc, events, version), = _triples(["an event with many empty fields"], "v1")
    sqlite_store.save_versioned([(doc, events, version)])
    with sqlite3.connect(sqlite_store.path) as conn:
        record = json.loads(conn.execute("SELECT record FROM events").fetchone()[0])
    assert None not in record.values() and [] not in record.values() and {} not in record.values()
    assert all(None not in part.values() for part in record.values() if isinstance(part, dict))
    assert sqlite_store.get_event(events[0].id) == events[0]


def test_batch_saves_keep_candidate_actors(store: Store) -> None:
    doc = make_document("Jaish-ul-Test fighters raided a post")
    candidates = [{"name": "Jaish-ul-Test", "start": 0, "end": 13, "label": "ORG"}, {"name": 7}]
    store.save_versioned([(doc, [make_event(doc, extra={"actor_candidates": candidates})], "v1")])
    assert list(store_actors.candidate_mentions(store)) == [
        ("Jaish-ul-Test", make_event(doc).id, doc.id, "ORG", "2024-03-05")]


def test_a_row_judged_unchanged_that_is_not_comes_back_stale_and_unwritten(store: Store) -> None:
    """A reader (an import's parsing side) marks rows it found stored already; if the row changed
    meanwhile (an earlier duplicate in the same file, another program), it is not written."""
    from conflictlens.store.rows import prepare, unchanged

    (doc, events, _), (other, other_events, _) = _triples(["stored before", "never stored"], "v1")
    store.save_versioned([(doc, events, "v1")])
    assert [r.status for r in store.save_prepared([unchanged(doc.id, "v1")])] == ["unchanged"]
    results = store.save_prepared([prepare(other, other_events, "v1"), unchanged(doc.id, "v2")])
    assert [(r.status, r.events) for r in results] == [("inserted", 1), ("stale", 0)]
    assert store.stored_versions([doc.id, other.id]) == {doc.id: "v1", other.id: "v1"}
