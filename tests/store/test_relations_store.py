"""Actor relations in the store: deterministic keys, replacement on re-extraction, filters, grades."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Evidence
from conflictlens.model.relations import ActorRelation, relation_id
from conflictlens.store import relations as stored

TEXT = "ISKP and Lashkar-e-Jhangvi carried out joint attacks. The Taliban fought ISKP in Kunar."


def _rel(doc_id: str, kind: str, source: str, target: str, *, start: str | None = None, end: str | None = None,
         said_on: str = "2021-06-10", event_id: str | None = None, span=(0, 52)) -> ActorRelation:
    return ActorRelation(
        id=relation_id(kind, source, target, None, doc_id, event_id, None if event_id else span), kind=kind,
        source=source, target=target, start=start, end=end, said_on=said_on, document_id=doc_id, event_id=event_id,
        evidence=Evidence(doc_id, span[0], span[1], TEXT[span[0]:span[1]]), origin="event" if event_id else "text",
        by="officials", confidence=0.8,
    )


@pytest.fixture
def doc_with_event(store):
    doc = make_document(TEXT, title="relations")
    event = make_event(doc)
    store.save_document_with_events(doc, [event], "v1")
    return doc, event


def _all(store):
    return list(stored.iter_relations(store))


def test_relations_round_trip_and_replace_per_document(store, doc_with_event):
    doc, event = doc_with_event
    alliance = _rel(doc.id, "alliance", "ISKP", "LeJ", start="2017-01-01", end="2019-12-31")
    rivalry = _rel(doc.id, "rivalry", "ISKP", "Taliban", span=(53, 86))
    clash = _rel(doc.id, "clash", "ISKP", "Taliban", event_id=event.id)
    assert stored.replace_document_relations(store, doc.id, [alliance, rivalry, clash]) == 3
    assert _all(store) == sorted([alliance, rivalry, clash], key=lambda r: r.id)
    before = store.connection.execute("SELECT * FROM actor_relations ORDER BY id").fetchall()
    stored.replace_document_relations(store, doc.id, [alliance, rivalry, clash])  # the same report again
    assert store.connection.execute("SELECT * FROM actor_relations ORDER BY id").fetchall() == before
    stored.replace_document_relations(store, doc.id, [rivalry])  # re-extraction found less
    assert _all(store) == [rivalry]
    assert [r.kind for r in stored.iter_relations(store)] == ["rivalry"]


def test_relations_go_with_their_event_and_document(store, doc_with_event):
    doc, event = doc_with_event
    stored.replace_document_relations(store, doc.id, [_rel(doc.id, "clash", "ISKP", "Taliban", event_id=event.id),
                                                      _rel(doc.id, "alliance", "ISKP", "LeJ")])
    store.save_document_with_events(doc, [], "v2")  # re-extracted: its event is gone
    assert [r.kind for r in _all(store)] == ["alliance"]
    store.connection.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
    assert _all(store) == []


def test_filters_by_date_window_actor_kind_and_document(store, doc_with_event):
    doc, _event = doc_with_event
    old = _rel(doc.id, "alliance", "ISKP", "LeJ", start="2017-01-01", end="2019-12-31")
    pledge = _rel(doc.id, "allegiance", "ISKP", "ISIL", start="2015-01-01", said_on="2021-06-10", span=(1, 5))
    recent = _rel(doc.id, "rivalry", "ISKP", "Taliban", said_on="2021-08-27", span=(53, 86))
    stored.replace_document_relations(store, doc.id, [old, pledge, recent])
    kinds = lambda **f: sorted(r.kind for r in stored.iter_relations(store, **f))  # noqa: E731
    assert kinds(since="2018-01-01", until="2018-12-31") == ["allegiance", "alliance"]
    assert kinds(since="2021-07-01") == ["rivalry"]
    assert kinds(until="2016-01-01") == ["allegiance"]
    assert kinds(actor="Taliban") == ["rivalry"]
    assert kinds(kinds=["alliance", "allegiance"]) == ["allegiance", "alliance"]
    assert kinds(document_id="doc_none") == []


def test_grades_are_kept(store, doc_with_event):
    doc, _event = doc_with_event
    rel = _rel(doc.id, "alliance", "ISKP", "LeJ").graded("B", 2)
    stored.replace_document_relations(store, doc.id, [rel])
    graded = stored.get_relation(store, rel.id)
    assert (graded.reliability, graded.credibility) == ("B", 2)
    row = store.connection.execute("SELECT reliability, credibility FROM actor_relations").fetchone()
    assert tuple(row) == ("B", 2)


def test_a_damaged_record_is_a_coded_error(store, doc_with_event):
    doc, _event = doc_with_event
    rel = _rel(doc.id, "alliance", "ISKP", "LeJ")
    stored.replace_document_relations(store, doc.id, [rel])
    for damaged in ("[]", '{"evidence": 5}', '{"confidence": "high"}'):
        store.connection.execute("UPDATE actor_relations SET record = ?", (damaged,))
        with pytest.raises(ConflictLensError) as err:
            _all(store)
        assert err.value.code == "CL-E753" and err.value.subject == rel.id


def test_the_record_leaves_out_what_the_columns_hold(store, doc_with_event):
    doc, _event = doc_with_event
    rel = replace(_rel(doc.id, "support", "ISKP", "LeJ"), support="weapons", said_on="2021-05-01").graded("B", 2)
    stored.replace_document_relations(store, doc.id, [rel])
    record = json.loads(store.connection.execute("SELECT record FROM actor_relations").fetchone()[0])
    assert not set(record) & {"id", "kind", "source", "target", "stance", "support", "start", "end", "said_on",
                              "document_id", "event_id", "origin", "reliability", "credibility", "directed"}
    assert _all(store) == [rel] and stored.get_relation(store, rel.id) == rel


def test_a_record_written_whole_reads_the_same(store, doc_with_event):
    doc, _event = doc_with_event
    rel = _rel(doc.id, "alliance", "ISKP", "LeJ").graded("A", 1)
    stored.replace_document_relations(store, doc.id, [rel])
    whole = json.dumps(rel.to_dict(), sort_keys=True)  # as stores written before session 19 hold it
    store.connection.execute("UPDATE actor_relations SET record = ?", (whole,))
    assert _all(store) == [rel] and stored.get_relation(store, rel.id) == rel


def test_a_relation_needs_a_stored_document(store):
    rel = _rel("doc_0000000000000000", "alliance", "ISKP", "LeJ")
    with pytest.raises(ConflictLensError) as err:
        stored.replace_document_relations(store, rel.document_id, [rel])
    assert err.value.code == "CL-E200" and _all(store) == []


def test_saving_relations_inserts_new_updates_stored_and_the_last_copy_wins(store, doc_with_event):
    doc, event = doc_with_event
    clash = _rel(doc.id, "clash", "ISKP", "Taliban", event_id=event.id)
    alliance = _rel(doc.id, "alliance", "ISKP", "LeJ")
    assert stored.save_relations(store, [clash]) == 1
    graded = clash.graded("B", 2)
    # The stored clash is updated in place; a relation given twice is written once, as its last copy.
    assert stored.save_relations(store, [graded, alliance, alliance.graded("C", 3)]) == 2
    assert _all(store) == sorted([graded, alliance.graded("C", 3)], key=lambda r: r.id)
