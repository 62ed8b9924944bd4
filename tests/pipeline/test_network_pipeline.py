"""Wiring of actor relations: relations of imported events, and the published network's redaction."""

from __future__ import annotations

import json

from conflictlens.actors import ActorRegistry
from conflictlens.extract.relations.text import RelationExtractor
from conflictlens.model.ids import document_id, event_id
from conflictlens.model.records import DateInfo, Document, Event
from conflictlens.model.redaction import CONFIDENTIAL_SOURCE, ConfidentialityPolicy
from conflictlens.pipeline import network as job
from conflictlens.store import Store
from conflictlens.store import relations as stored

TEXT = ("Officials in Kabul said Khalid Rahimi, a tribal elder, told them the Taliban had given the TTP safe haven "
        "in Kunar.")


def _store_with(tmp_path, text: str, events=()) -> tuple[Store, Document]:
    store = Store.open(tmp_path / "rel.db")
    doc = Document(id=document_id(text), text=text, published="2021-10-15", outlet="Indus Monitor")
    store.save_document_with_events(doc, list(events), "test")
    return store, doc


def test_imported_events_give_clashes_without_text(tmp_path):
    doc_text = "ACLED row 1"
    doc_id = document_id(doc_text)
    event = Event(id=event_id(doc_id, 0, 1), document_id=doc_id, event_type="Battles", dataset="ACLED",
                  perpetrator="Taliban", target_actor="Afghan National Army (ANA)",
                  date=DateInfo("2020-03-01", "2020-03-01", "day"))
    store, _doc = _store_with(tmp_path, doc_text, [event])
    with store:
        assert job.save_event_relations(store, [event], ActorRegistry.load()) == 1
        data = job.actor_network(store, ActorRegistry.load(), actor="Afghan National Army", depth=1)
    edge = data["edges"][0]
    assert (edge["kind"], edge["first"], edge["sources"][0]["by"]) == ("clash", "2020-03-01", "ACLED")
    assert data["graph"]["actor"] == "Afghan National Army (ANA)"


def test_the_published_network_hides_confidential_reports_and_persons(tmp_path):
    store, doc = _store_with(tmp_path, TEXT)
    with store:
        job.save_batch_relations(store, [(doc, RelationExtractor(ActorRegistry.load()).extract(doc))])
        rel_ids = [r.id for r in stored.iter_relations(store)]
        plain = job.actor_network(store, ActorRegistry.load())
        hidden = job.actor_network(store, ActorRegistry.load(),
                                   policy=ConfidentialityPolicy(documents=frozenset({doc.id}), secret="s3cret"))
        person = job.actor_network(store, ActorRegistry.load(),
                                   policy=ConfidentialityPolicy(persons=("Khalid Rahimi",), secret="s3cret"))
    assert rel_ids and "safe haven in Kunar" in json.dumps(plain)
    text = json.dumps(hidden)
    assert "safe haven" not in text and "Officials in Kabul" not in text and doc.id not in text
    assert not any(i in text for i in rel_ids) and CONFIDENTIAL_SOURCE in text
    source = hidden["edges"][0]["sources"][0]
    assert source["evidence"]["start"] == 0 and source["said_on"] == "2021-10-15"
    assert (hidden["edges"][0]["kind"], hidden["edges"][0]["supports"]) == ("support", {"safe_haven": 1})
    assert "Khalid Rahimi" not in json.dumps(person) and "safe haven in Kunar" in json.dumps(person)


def test_relations_not_looked_for_leave_the_stored_ones(tmp_path):
    """The ingest hook gets None for a report read without an actor resolver: its stored relations stay,
    while an empty list (looked for, none found) replaces them."""
    store, doc = _store_with(tmp_path, TEXT)
    with store:
        assert job.save_batch_relations(store, [(doc, RelationExtractor(ActorRegistry.load()).extract(doc))]) >= 1
        stored_before = [r.id for r in stored.iter_relations(store)]
        job.save_batch_relations(store, [(doc, None)])
        kept = [r.id for r in stored.iter_relations(store)]
        job.save_batch_relations(store, [(doc, [])])
        emptied = [r.id for r in stored.iter_relations(store)]
    assert stored_before and kept == stored_before and emptied == []
