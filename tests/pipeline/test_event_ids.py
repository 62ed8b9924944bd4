"""`resolve_event_id`: a whole id, a confidential event's pseudonym, or the unique start of either."""

from __future__ import annotations

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.model.redaction import ConfidentialityPolicy
from conflictlens.pipeline.event_ids import SHOWN_CANDIDATES, resolve_event_id
from conflictlens.store import Store
from tests.store.store_helpers import make_document, make_event

PUBLIC = "A suicide bomber attacked the Maiduguri market on Tuesday, killing 12 people. " * 4
SECRET = "Gunmen from al-Shabaab stormed a hotel in Mogadishu; the attackers were killed. " * 4


@pytest.fixture
def stored():
    with Store.open(":memory:") as store:
        ids = {}
        for name, text in (("public", PUBLIC), ("secret", SECRET)):
            doc = make_document(text)
            events = [make_event(doc, anchor) for anchor in range(0, 240, 20)]
            store.save_document_with_events(doc, events, "test")
            ids[name] = (doc.id, sorted(e.id for e in events))
        yield store, ids


def _unique_start(ident, others):
    return next(ident[:n] for n in range(5, len(ident)) if sum(o.startswith(ident[:n]) for o in others) == 1)


def test_a_whole_id_or_its_unique_start_names_the_event(stored):
    store, ids = stored
    everyone = ids["public"][1] + ids["secret"][1]
    policy = ConfidentialityPolicy()
    for event_id in ids["public"][1]:
        assert resolve_event_id(store, event_id, policy) == event_id
        start = _unique_start(event_id, everyone)
        assert resolve_event_id(store, start, policy) == event_id
        assert resolve_event_id(store, f" {start}… ", policy) == event_id


@pytest.mark.parametrize("given", ["", "evt_zz", "doc_", "…"])
def test_nothing_named_is_event_not_found(stored, given):
    with pytest.raises(ConflictLensError) as raised:
        resolve_event_id(stored[0], given, ConfidentialityPolicy())
    assert raised.value.code == "CL-E202"


def test_an_ambiguous_start_lists_at_most_ten_candidates(stored):
    store, ids = stored
    with pytest.raises(ConflictLensError) as raised:
        resolve_event_id(store, "evt_", ConfidentialityPolicy())
    assert raised.value.code == "CL-E401" and raised.value.subject == "evt_"
    listed = sorted(ids["public"][1] + ids["secret"][1])[:SHOWN_CANDIDATES]
    assert all(i in raised.value.message for i in listed) and raised.value.message.count("evt_") == SHOWN_CANDIDATES


def test_confidential_events_answer_to_their_pseudonyms_and_never_show_their_real_ids(stored):
    store, ids = stored
    secret_doc, secret_ids = ids["secret"]
    policy = ConfidentialityPolicy(documents=frozenset({secret_doc}), secret="newsroom key")
    pseudonyms = {policy.pseudonym(i): i for i in secret_ids}
    shown = ids["public"][1] + list(pseudonyms)
    for pseudonym, real in pseudonyms.items():
        assert resolve_event_id(store, pseudonym, policy) == real
        assert resolve_event_id(store, _unique_start(pseudonym, shown), policy) == real
    with pytest.raises(ConflictLensError) as raised:
        resolve_event_id(store, "evt_", policy)
    assert not any(real in raised.value.message for real in secret_ids)
