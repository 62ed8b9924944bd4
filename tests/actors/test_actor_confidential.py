"""`actors candidates` and `actors show` never print what a confidential source wrote or who it is."""

from __future__ import annotations

import json

from conflictlens.model.records import Attribution, DateInfo, Document, Event
from conflictlens.model.redaction import CONFIDENTIAL_SOURCE, MASK
from conflictlens.pipeline import actors as wiring
from conflictlens.pipeline.session import session_registry
from conflictlens.store import Store
from conflictlens.store import actors as store_actors
from conflictlens.store import ledger

SECRET_GROUP = "Khyber Night Riders Test"
PUBLIC_GROUP = "Swat Valley Volunteers Test"


def _save(store: Store, doc_id: str, group: str) -> str:
    doc = Document(id=doc_id, text=f"{group} attacked a checkpoint and killed two soldiers.", published="2021-03-02")
    event = Event(id=f"evt_{doc_id[4:]}", document_id=doc.id, date=DateInfo("2021-03-01", "2021-03-01", "day"),
                  perpetrator="Tehrik-i-Taliban Pakistan (TTP)",
                  attribution=[Attribution("Tehrik-i-Taliban Pakistan (TTP)", "suspected", "a local elder")],
                  extra={"actor_candidates": [{"name": group, "start": 0, "end": len(group), "label": "ORG"}]})
    store.save_document_with_events(doc, [event], "v1")
    return event.id


def test_candidates_from_confidential_reports_are_counted_but_masked(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        secret_event = _save(store, "doc_00000000000000a1", SECRET_GROUP)
        _save(store, "doc_00000000000000b2", PUBLIC_GROUP)
        ledger.mark_documents_confidential(store, ["doc_00000000000000a1"], "desk")
        rows = wiring.candidates(session_registry(store), store)
    printed = json.dumps(rows)
    assert SECRET_GROUP not in printed and secret_event not in printed and "doc_00000000000000a1" not in printed
    assert {r["name"] for r in rows} == {MASK, PUBLIC_GROUP}
    masked = next(r for r in rows if r["name"] == MASK)
    assert masked["mentions"] == 1 and masked["reason"] == "found only in confidential reports"


def test_show_relations_hide_confidential_sources(tmp_path, monkeypatch):
    with Store.open(tmp_path / "r.db") as store:
        store.connection.execute("CREATE TABLE relations_probe (source TEXT, target TEXT, kind TEXT, start TEXT, "
                                 "said_by TEXT, document_id TEXT, evidence TEXT)")
        store.connection.execute("INSERT INTO relations_probe VALUES ('Taliban', 'Haqqani Network', 'alliance', "
                                 "'2019-01-01', 'Mullah Secret Test', 'doc_00000000000000c3', 'the secret sentence')")
        store.connection.execute("INSERT INTO relations_probe VALUES ('Taliban', 'Al-Qaida', 'alliance', "
                                 "'2001-01-01', 'a UN report', 'doc_00000000000000d4', 'a public sentence')")
        ledger.mark_documents_confidential(store, ["doc_00000000000000c3"], "desk")
        monkeypatch.setattr(store_actors, "_relations_table", lambda _store: "relations_probe")
        profile = wiring.show_actor(session_registry(store), store, "Taliban")
    printed = json.dumps(profile)
    for secret in ("Mullah Secret Test", "doc_00000000000000c3", "the secret sentence", "a public sentence"):
        assert secret not in printed
    assert [(r["other"], r["said_by"]) for r in profile["relations"]] == [
        ("Al-Qaida", "a UN report"), ("Haqqani Network", CONFIDENTIAL_SOURCE)]


def test_show_reads_the_relations_table(tmp_path):
    from conflictlens.model.records import Evidence
    from conflictlens.model.relations import ActorRelation
    from conflictlens.store import relations as store_relations

    text = "A UN report said the Haqqani Network and the Taliban planned attacks together."
    with Store.open(tmp_path / "rel.db") as store:
        doc = Document(id="doc_00000000000000e5", text=text, published="2020-06-01")
        store.save_document_with_events(doc, [], "v1")
        store_relations.save_relations(store, [ActorRelation(
            id="rel_test_1", kind="alliance", source="Haqqani Network", target="Taliban", dimension="operational",
            start="2019-01-01", by="a UN report", said_on="2020-06-01", document_id=doc.id,
            evidence=Evidence(doc.id, 0, len(text), text))])
        shown = wiring.show_actor(session_registry(store), store, "Taliban")["relations"]
        assert [(r["other"], r["kind"], r["date_start"], r["by"]) for r in shown] == [
            ("Haqqani Network", "alliance", "2019-01-01", "a UN report")]
        assert text not in json.dumps(shown)  # the sentence itself is never printed by `show`
        ledger.mark_documents_confidential(store, [doc.id], "desk")
        hidden = wiring.show_actor(session_registry(store), store, "Taliban")["relations"]
        assert hidden[0]["by"] == CONFIDENTIAL_SOURCE and doc.id not in json.dumps(hidden)


def test_a_confidential_persons_name_is_no_candidate_and_names_no_organisation(tmp_path):
    """A surname taken for an organisation by NER is a person to protect; an organisation named
    after them is listed with the name masked."""
    with Store.open(tmp_path / "p.db") as store:
        _save(store, "doc_00000000000000f6", "NOORZAI")
        _save(store, "doc_00000000000000f7", "Noorzai Foundation")
        ledger.mark_person_confidential(store, "Zebratitle Noorzai", "desk")
        rows = wiring.candidates(session_registry(store), store)
    assert [r["name"] for r in rows] == [f"{MASK} Foundation"]
