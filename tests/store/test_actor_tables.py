"""The store's actor tables (migrations 0005, 0006): candidates kept with their event, edits, stance counts."""

from __future__ import annotations

from store_helpers import make_document, make_event

from conflictlens.model.records import Attribution, DateInfo
from conflictlens.store import actors as store_actors

CANDIDATES = [{"name": "Jaish-ul-Test", "start": 0, "end": 5, "label": "ORG"},
              {"name": "Reuters", "start": 6, "end": 13, "label": None}]


def _save(store, text="A bombing in the market killed ten people.", version="v1", **overrides):
    doc = make_document(text)
    event = make_event(doc, **overrides)
    store.save_document_with_events(doc, [event], version)
    return doc, event


def test_candidates_are_kept_with_their_event_and_replaced_on_reextraction(store):
    doc, event = _save(store, extra={"actor_candidates": CANDIDATES})
    rows = list(store_actors.candidate_mentions(store))
    assert rows == [("Jaish-ul-Test", event.id, doc.id, "ORG", "2024-03-05"),
                    ("Reuters", event.id, doc.id, None, "2024-03-05")]
    store.save_document_with_events(doc, [make_event(doc, extra={})], "v2")  # re-extraction finds none
    assert list(store_actors.candidate_mentions(store)) == []


def test_malformed_candidate_lists_are_ignored_not_fatal(store):
    _save(store, "text one about a bombing", extra={"actor_candidates": "not a list"})
    _save(store, "text two about a bombing", extra={"actor_candidates": [1, {"name": 5}, {"start": 3}]})
    _save(store, "text three about a bombing", extra={"actor_candidates": {"name": "an object"}})
    assert list(store_actors.candidate_mentions(store)) == []


def test_edits_are_appended_in_order_with_a_timestamp(store):
    first = store_actors.record_actor_edit(store, {"op": "alias", "name": "Taliban", "value": "Talib", "by": "ana"})
    second = store_actors.record_actor_edit(store, {"op": "reject", "name": "Reuters", "note": "news agency"})
    rows = store_actors.actor_edits(store)
    assert [r["id"] for r in rows] == [first, second]
    assert rows[0]["by"] == "ana" and rows[0]["created_at"].endswith("+00:00")
    assert rows[1]["note"] == "news agency" and rows[1]["value"] is None


def test_stance_rows_and_event_counts(store):
    _save(store, "first report of a bombing", attribution=[Attribution("Group A", "claimed"),
                                                           Attribution("Group B", "denied")], perpetrator="Group A")
    _save(store, "second report of a bombing", attribution=[], perpetrator="Group A", claimed=True,
          date=DateInfo("2023-01-01", "2023-01-01", "day"))
    rows = sorted(store_actors.stance_rows(store, ["Group A"]))
    assert [(d, s) for _e, d, s in rows] == [("2023-01-01", "claimed"), ("2024-03-05", "claimed")]
    assert [s for _e, _d, s in store_actors.stance_rows(store, ["Group B"])] == ["denied"]
    counts = store_actors.event_counts(store)
    assert counts["Group A"] == 2 and counts["Group B"] == 1


def test_relation_rows_tolerate_a_missing_or_empty_table(store):
    assert store_actors.relation_rows(store, ["Taliban"]) == []


def test_relation_rows_read_source_and_target(store, monkeypatch):
    store.connection.execute("CREATE TABLE relations_probe (source TEXT, target TEXT, kind TEXT, start TEXT)")
    store.connection.execute("INSERT INTO relations_probe VALUES ('Taliban', 'Group B', 'rivalry', '2015-01-01')")
    store.connection.execute("INSERT INTO relations_probe VALUES ('Group C', 'Group B', 'alliance', NULL)")
    monkeypatch.setattr(store_actors, "_relations_table", lambda _store: "relations_probe")
    assert store_actors.relation_rows(store, ["Taliban"]) == [
        {"source": "Taliban", "target": "Group B", "kind": "rivalry", "start": "2015-01-01"}]
