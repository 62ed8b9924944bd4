"""The ledger's tables: audited overrides that outlive re-extraction, source grades, confidential marks."""

import sqlite3

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store
from conflictlens.store import ledger


def stored_event(store, version="1.0"):
    doc = make_document("A bomb exploded in a market in Maiduguri, killing twelve people.")
    event = make_event(doc)
    store.save_document_with_events(doc, [event], version)
    return doc, event


def test_override_survives_re_extraction(store):
    doc, event = stored_event(store, "1.0")
    ledger.record_override(store, event.id, "Boko Haram", "R. Analyst", "claim video authenticated")
    result = store.save_document_with_events(doc, [make_event(doc)], "2.0")  # deletes and re-inserts the events
    assert result.status == "updated" and store.get_event(event.id) is not None
    current = ledger.current_override(store, event.id)
    assert (current.actor, current.analyst, current.why) == ("Boko Haram", "R. Analyst", "claim video authenticated")
    assert ledger.current_overrides(store) == {event.id: current}


def test_overrides_are_an_append_only_audit_trail(store):
    _doc, event = stored_event(store)
    ledger.record_override(store, event.id, "Boko Haram", "A", "first look")
    ledger.record_override(store, event.id, "ISWAP", "B", "second look", phrase="likely")
    assert ledger.current_override(store, event.id).actor == "ISWAP"
    ledger.clear_override(store, event.id, "C", "back to the rule")
    assert ledger.current_override(store, event.id) is None and ledger.current_overrides(store) == {}
    history = ledger.override_history(store, event.id)
    assert [(h.action, h.actor, h.analyst) for h in history] == [
        ("set", "Boko Haram", "A"), ("set", "ISWAP", "B"), ("clear", None, "C")]
    assert all(h.at.endswith("+00:00") for h in history)
    for sql in ("UPDATE attribution_overrides SET actor = 'x'", "DELETE FROM attribution_overrides"):
        with pytest.raises((sqlite3.IntegrityError, ConflictLensError), match="audit trail"):
            store.connection.execute(sql)


def test_override_needs_who_and_why(store):
    _doc, event = stored_event(store)
    for analyst, why in (("", "reason"), ("Analyst", "  ")):
        with pytest.raises(ConflictLensError) as err:
            ledger.record_override(store, event.id, "ISWAP", analyst, why)
        assert err.value.code == "CL-E721" and err.value.subject == event.id
    with pytest.raises(ConflictLensError) as err:
        ledger.clear_override(store, event.id, "Analyst", "nothing to clear")
    assert err.value.code == "CL-E726"
    assert ledger.override_history(store, event.id) == []


def test_source_grades_are_set_replaced_and_listed(store):
    ledger.set_source_grade(store, "eastern herald", "B", "Desk", "two years of accurate reports")
    ledger.set_source_grade(store, "Eastern Herald", "C", "Desk", "one retraction")
    [(source, grade, by, why, _at)] = ledger.source_grades(store)
    assert (source, grade, by, why) == ("eastern herald", "C", "Desk", "one retraction")
    with pytest.raises(ConflictLensError) as err:
        ledger.set_source_grade(store, "x", "Z", "Desk", "bad grade")  # the table refuses it too
    assert err.value.code == "CL-E200"


def test_confidential_marks(store):
    doc, event = stored_event(store)
    ledger.mark_documents_confidential(store, [doc.id, doc.id], "Desk", "tip")
    ledger.mark_person_confidential(store, "Ahmad Zia", "Desk")
    ledger.mark_person_confidential(store, "AHMAD ZIA", "Desk")  # same person
    assert ledger.confidential_documents(store) == frozenset({doc.id})
    assert ledger.confidential_persons(store) == ("Ahmad Zia",)
    assert [e[:2] for e in ledger.confidential_entries(store)] == [("document", doc.id), ("person", "Ahmad Zia")]
    assert ledger.event_ids_of_documents(store, [doc.id]) == [event.id]
    assert ledger.document_exists(store, doc.id) and not ledger.document_exists(store, "doc_0000000000000000")


def test_each_database_has_its_own_redaction_secret(tmp_path):
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        secret_a, secret_b = ledger.redaction_secret(a), ledger.redaction_secret(b)
    assert len(secret_a) == 64 and secret_a != secret_b
    with Store.open(tmp_path / "a.db") as again:
        assert ledger.redaction_secret(again) == secret_a
