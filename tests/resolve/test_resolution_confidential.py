"""`why`, `split`, `merge` and the audit trail show a confidential report's events by pseudonym only,
lists of ids and the resolver's reasons included (issue 17, follow-up)."""

from __future__ import annotations

import json
import re

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.model.ids import document_id, event_id
from conflictlens.model.records import Document
from conflictlens.pipeline.attribution import confidentiality_policy
from conflictlens.pipeline.resolution import resolve_after_save
from conflictlens.pipeline.resolution_decisions import decisions, merge, split, why
from conflictlens.store import Store
from conflictlens.store import ledger
from resolve_helpers import event

# Ids made as the extractor makes them (the resolver's reasons name them, `why` rewrites them).
DOCS = {name: document_id(f"report {name}") for name in "abc"}
EVENTS = {name: event_id(DOCS[name], 0, 10) for name in "abc"}
REAL = re.compile(f"{EVENTS['a']}|{DOCS['a']}")  # the confidential report's real ids


@pytest.fixture
def store(tmp_path):
    """A confidential funeral report (a), a public one of the same funeral (b), a public clinic attack (c)
    that the resolver refused to join to a's incident because a disagrees with it."""
    with Store.open(tmp_path / "confidential.db") as opened:
        ledger.mark_documents_confidential(opened, [DOCS["a"]], "desk")
        funeral = {"place": "Dasht-e-Barchi", "targets": ("funeral",)}
        clinic = {"place": "Khair Khana", "sub": "Attack", "killed": 4, "targets": ("private clinic",)}
        for name, facts in (("a", funeral), ("b", funeral), ("c", clinic)):
            pair = [(Document(id=DOCS[name], text=f"report {name}", published="2023-03-09"),
                     [event(EVENTS[name], doc=DOCS[name], **facts)])]
            resolve_after_save(opened, pair, opened.save_many(pair, "v1"))
        yield opened


def test_why_names_a_confidential_event_by_its_pseudonym_even_in_the_resolvers_reasons(store):
    hidden = confidentiality_policy(store).pseudonym(EVENTS["a"])
    explained = json.dumps(why(store, EVENTS["c"]))
    assert f"{hidden} disagrees" in explained and not REAL.search(explained)
    assert not REAL.search(json.dumps(why(store, hidden[:9])))


def test_split_merge_and_the_trail_show_pseudonyms_and_take_them(store):
    hidden, public = confidentiality_policy(store).pseudonym(EVENTS["a"]), EVENTS["b"]
    outputs = [split(store, [hidden], "ana", "a second blast"), merge(store, [hidden[:9], public], "ana", "one")]
    assert outputs[0]["events"] == [hidden] and hidden in outputs[1]["events"]
    trail = decisions(store, hidden[:9])
    assert [d["action"] for d in trail] == ["split", "merge"] and decisions(store, public) == trail
    for output in (*outputs, *trail, why(store, public)):
        assert not REAL.search(json.dumps(output)), output


def test_an_unresolved_confidential_event_is_named_as_given_in_the_error(store):
    """The error names the event as the analyst gave it, never by the real id it was resolved to."""
    late_doc = document_id("report d")
    late = event_id(late_doc, 0, 10)
    ledger.mark_documents_confidential(store, [late_doc], "desk")
    store.save_many([(Document(id=late_doc, text="report d", published="2023-03-10"), [event(late, doc=late_doc)])],
                    "v1")  # saved, not yet resolved into an incident
    hidden = confidentiality_policy(store).pseudonym(late)
    for call in (lambda: why(store, hidden), lambda: split(store, [hidden[:9]], "ana", "apart")):
        with pytest.raises(ConflictLensError) as raised:
            call()
        assert raised.value.code == "CL-E602" and raised.value.subject == hidden
