"""Candidate actors: unknown organisations grouped for review, with suggestions and non-actor hints."""

from __future__ import annotations

from conflictlens.actors import ActorRegistry
from conflictlens.actors.candidates import (
    NOT_ACTOR, REJECTED, REVIEW, CandidateMention, not_actor_reason, review_candidates,
)
from conflictlens.actors.edits import ActorEdit

TTP = "Tehrik-i-Taliban Pakistan (TTP)"


def mention(name, event="evt_1", doc="doc_1", label="ORG", date="2021-03-01"):
    return CandidateMention(name, event, doc, label, date)


def test_not_actor_reasons():
    assert not_actor_reason("Reuters") == "news outlet"
    assert not_actor_reason("the Interior Ministry") == "government office"
    assert not_actor_reason("Ministry of Refugees and Repatriation") == "government office"
    assert not_actor_reason("Kandahar University") == "institution"
    assert not_actor_reason("Hazara") == "nationality, religion or community"
    assert not_actor_reason("Achakzai", "NORP") == "nationality, religion or community"
    assert not_actor_reason("Achakzai", "ORG") is None
    assert not_actor_reason("mosques") == "not a proper name"
    assert not_actor_reason("KABUL", is_place=lambda n: n.lower() == "kabul") == "place name"
    assert not_actor_reason("Lashkar-e-Khorasan Test") is None


def test_grouping_counts_and_order():
    reg = ActorRegistry.load()
    rows = [
        mention("Tehrik-e-Taliban Swat Test", "e1", "d1", date="2021-02-01"),
        mention("Tehrik-e-Taliban Swat Test", "e2", "d2", date="2021-03-05"),
        mention("Tehrik e Taliban Swat test", "e3", "d2", date=None),
        mention("Reuters", "e1", "d1"),
        mention("Jaish-ul-Test Brigade", "e4", "d3"),
        mention("Taliban", "e5", "d4"),  # known to the registry now: not a candidate
    ]
    found = review_candidates(rows, reg)
    assert [c.name for c in found] == ["Tehrik-e-Taliban Swat Test", "Jaish-ul-Test Brigade", "Reuters"]
    first = found[0]
    assert (first.status, first.mentions, first.documents) == (REVIEW, 3, 2)
    assert (first.first_seen, first.last_seen) == ("2021-02-01", "2021-03-05")
    assert first.spellings == ["Tehrik-e-Taliban Swat Test", "Tehrik e Taliban Swat test"]
    assert first.example_events == ["e1", "e2", "e3"]
    assert first.suggestions and first.suggestions[0]["actor"] == TTP
    assert 0.6 <= first.suggestions[0]["score"] < 1.0
    assert (found[2].status, found[2].reason) == (NOT_ACTOR, "news outlet")
    assert found[0].to_dict()["name"] == "Tehrik-e-Taliban Swat Test"


def test_review_decisions_take_effect():
    rows = [mention("Tehrik-e-Taliban Swat Test"), mention("Tolo News"), mention("Jaish-ul-Test Brigade")]
    edits = [ActorEdit("merge", "Tehrik-e-Taliban Swat Test", TTP), ActorEdit("reject", "Tolo News"),
             ActorEdit("add", "Jaish-ul-Test Brigade", actor_type="rebel group")]
    found = review_candidates(rows, ActorRegistry.load(edits=edits))
    assert [(c.name, c.status) for c in found] == [("Tolo News", REJECTED)]
