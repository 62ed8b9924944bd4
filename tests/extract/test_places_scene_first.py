"""A sentence that tells no act but where the people were ("Assailants threw stones at a house in X")
places the incident told after it; a place of an act told before stays that act's (texts written for
these tests)."""

from __future__ import annotations


def _first_place(session, text: str) -> tuple[str | None, str | None]:
    from conflictlens.model.ids import document_id
    from conflictlens.model.records import Document

    [(_doc, events)] = list(session.extractor.extract_many([Document(id=document_id(text), text=text)]))
    assert events, "no event extracted"
    return events[0].location.admin1, events[0].location.place


def test_a_scene_told_before_the_act_places_it(session):
    text = ("Assailants threw stones at the house of a councillor in Hazaribagh, Jharkhand, India. "
            "Two guards were injured in the attack.")
    assert _first_place(session, text) == ("Jharkhand", "Hazaribagh")


def test_a_town_entered_before_the_clash_places_it(session):
    text = ("Gunmen tried to enter Monguno town in Borno, Nigeria, on Monday. "
            "Four of the gunmen were killed in the ensuing clash with troops.")
    assert _first_place(session, text) == ("Borno", "Monguno")
