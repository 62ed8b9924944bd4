"""The incident tables: members, blocking lookups, merged records, decisions and kept-apart pairs."""

from __future__ import annotations

import sqlite3

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store
from conflictlens.store.incidents import RESOLVER, IncidentStore
from store_helpers import make_document, make_event

SOURCE = {"key": "doc:x", "label": "Kabul Wire", "kind": "report", "reported_on": "2023-03-09", "grade": "C",
          "document_id": "x"}


def add(incidents: IncidentStore, event_id: str, incident_id: str, keys=("k1",), document_id="doc_1", **kw):
    incidents.add_member(event_id, incident_id, document_id, [1, event_id], SOURCE, {"reason": "matched"},
                         list(keys), **kw)


def test_migration_creates_the_tables(store: Store) -> None:
    tables = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"incidents", "incident_members", "incident_blocks", "incident_decisions", "incident_apart"} <= tables


def test_members_and_blocking_lookup(store: Store) -> None:
    incidents = IncidentStore(store)
    with incidents.transaction():
        add(incidents, "e1", "inc_a", keys=("d|1|x", "d|1|y"))
        add(incidents, "e2", "inc_a", keys=("d|1|y",))
        add(incidents, "e3", "inc_b", keys=("d|9|z",))
    assert incidents.incidents_by_keys(["d|1|y", "d|2|q"]) == ["inc_a"]
    assert sorted(incidents.incidents_by_keys(["d|1|x", "d|9|z"])) == ["inc_a", "inc_b"]
    assert [m.event_id for m in incidents.members("inc_a")] == ["e1", "e2"]
    member = incidents.membership("e2")
    assert member.incident_id == "inc_a" and member.linked_by == RESOLVER and not member.pinned
    assert member.profile == [1, "e2"] and member.source["label"] == "Kabul Wire"
    with incidents.transaction():
        incidents.remove_member("e1")
    assert incidents.incidents_by_keys(["d|1|x"]) == [] and incidents.membership("e1") is None


def test_sample_profiles_takes_the_first_and_the_latest(store: Store) -> None:
    incidents = IncidentStore(store)
    with incidents.transaction():
        for i in range(10):
            add(incidents, f"e{i}", "inc_a")
    assert [profile[1] for profile in incidents.sample_profiles("inc_a", 4)] == ["e0", "e1", "e8", "e9"]
    assert len(incidents.sample_profiles("inc_a", 20)) == 10


def test_records_decisions_and_apart_pairs(store: Store) -> None:
    incidents = IncidentStore(store)
    with incidents.transaction():
        add(incidents, "e1", "inc_a")
        add(incidents, "e2", "inc_a")
        incidents.save_incident("inc_a", {"id": "inc_a", "members": ["e1", "e2"]}, 2, "2023-03-09", "AF")
        decision = incidents.record_decision("split", "ana", "two attacks", {"events": ["e2"], "incident": "inc_a"})
        incidents.keep_apart([("e2", "e1")], decision)
    assert incidents.apart_pairs(["e1", "e2"]) == {"e1": {"e2"}, "e2": {"e1"}}
    assert incidents.decisions(event_id="e2")[0].analyst == "ana"
    assert incidents.decisions(event_id="e9") == []
    assert list(incidents.iter_incidents(country="AF", min_size=2))[0]["id"] == "inc_a"
    with incidents.transaction():
        incidents.forget_apart(["e1", "e2"])
    assert incidents.apart_pairs(["e1"]) == {}
    assert incidents.counts() == {"incidents": 1, "members": 2, "merged": 1, "decisions": 1}


def test_memberships_survive_re_extraction_of_their_events(store: Store) -> None:
    """Members link by event id, without ON DELETE CASCADE: deleting the event keeps the link."""
    doc = make_document("A bomb exploded at a market in Maiduguri on Tuesday, killing 12 people.")
    ev = make_event(doc)
    store.save_document_with_events(doc, [ev], "v1")
    incidents = IncidentStore(store)
    with incidents.transaction():
        add(incidents, ev.id, "inc_a", document_id=doc.id, pinned=True, linked_by="ana")
    store.save_document_with_events(doc, [ev], "v2")  # deletes and re-inserts the document's events
    member = incidents.membership(ev.id)
    assert member is not None and member.pinned and member.linked_by == "ana"
    assert incidents.event_records([ev.id]).keys() == {ev.id}
    assert incidents.document_meta([doc.id])[doc.id]["title"] is None


def test_unresolved_events_are_found(store: Store) -> None:
    doc = make_document("Gunmen attacked a checkpoint in Kunduz on Monday, killing two police officers.")
    ev = make_event(doc)
    store.save_document_with_events(doc, [ev], "v1")
    incidents = IncidentStore(store)
    assert [e for e, _, _ in incidents.unresolved_events(10)] == [ev.id]
    with incidents.transaction():
        add(incidents, ev.id, "inc_a", document_id=doc.id)
    assert incidents.unresolved_events(10) == []


def test_unresolved_events_read_on_from_a_position(store: Store) -> None:
    docs = [make_document(f"Gunmen attacked checkpoint number {i} in Kunduz.") for i in range(5)]
    for doc in docs:
        store.save_document_with_events(doc, [make_event(doc)], "v1")
    incidents = IncidentStore(store)
    first = incidents.unresolved_events(2)
    rest = incidents.unresolved_events(10, first[-1][2])
    assert [e for e, _, _ in first + rest] == [e for e, _, _ in incidents.unresolved_events(10)]
    assert len(rest) == 3


def test_unresolved_events_with_their_documents_read_as_the_two_reads_do(store: Store) -> None:
    docs = [make_document(f"Gunmen attacked checkpoint number {i} in Kunduz.") for i in range(5)]
    for doc in docs:
        store.save_document_with_events(doc, [make_event(doc)], "v1")
    incidents = IncidentStore(store)
    with incidents.transaction():
        add(incidents, incidents.unresolved_events(1)[0][0], "inc_a", document_id=docs[0].id)
    first = incidents.unresolved_with_documents(2)
    rows = first + incidents.unresolved_with_documents(10, first[-1][2])
    assert [row[:3] for row in rows] == incidents.unresolved_events(10)
    meta = incidents.document_meta(doc.id for doc in docs)
    assert len(rows) == 4 and all(row[3] == meta[docs[n + 1].id] for n, row in enumerate(rows))


def test_a_failed_unit_of_work_leaves_nothing(store: Store) -> None:
    incidents = IncidentStore(store)
    with pytest.raises(ConflictLensError):
        with incidents.transaction():
            add(incidents, "e1", "inc_a")
            add(incidents, "e1", "inc_a")  # same event twice: a primary-key conflict
    assert incidents.membership("e1") is None


def test_json_columns_are_checked(sqlite_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        sqlite_store.connection.execute("INSERT INTO incidents VALUES ('i', 'not json', 1, NULL, NULL, 'x', 'x')")


def test_members_filed_together_are_stored_as_filed_one_by_one(tmp_path) -> None:
    from conflictlens.store.incidents import NewMember
    members = [NewMember(f"e{n}", f"inc_{n % 2}", "doc_1", [1, f"e{n}"], SOURCE, {"reason": "matched"},
                         [f"d|{n}|x", "d|0|y", f"d|{n}|x"], seq=n + 1) for n in range(4)]
    rows = []
    for name, together in (("one.db", False), ("many.db", True)):
        with Store.open(tmp_path / name) as store:
            incidents = IncidentStore(store)
            with incidents.transaction():
                if together:
                    incidents.add_members(members)
                else:
                    for m in members:
                        incidents.add_member(m.event_id, m.incident_id, m.document_id, m.profile, m.source,
                                             m.decision, m.keys, seq=m.seq)
            conn = store.connection
            rows.append((conn.execute("SELECT event_id, incident_id, profile, source, decision, seq FROM "
                                      "incident_members ORDER BY seq").fetchall(),
                         conn.execute("SELECT rowid, key, event_id FROM incident_blocks ORDER BY rowid").fetchall()))
    assert rows[0] == rows[1]
    assert len(rows[0][1]) == 8  # a key repeated for one member is filed once


def test_members_of_many_documents_in_one_look_up(store: Store) -> None:
    incidents = IncidentStore(store)
    with incidents.transaction():
        add(incidents, "e2", "inc_a", document_id="doc_1")
        add(incidents, "e1", "inc_b", document_id="doc_1")
        add(incidents, "e3", "inc_a", document_id="doc_2")
    found = incidents.members_of_documents(["doc_2", "doc_1", "doc_none", "doc_1"])
    assert {doc: [m.event_id for m in members] for doc, members in found.items()} == {
        "doc_1": ["e2", "e1"], "doc_2": ["e3"]}  # in the order they joined; a document with none is absent
    assert [m.event_id for m in incidents.members_of_document("doc_1")] == ["e2", "e1"]
    assert incidents.members_of_document("doc_none") == []

