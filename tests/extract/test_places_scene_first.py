"""A sentence that tells no act but where the people were ("Assailants threw stones at a house in X")
places the incident told after it; a comma chain after "targeting", and the chain rather than a later
bare mention of the province, gives the town (texts written for these tests)."""

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


def test_a_chain_after_targeting_gives_its_town(session):
    text = "Gunmen fired mortars targeting Tal Warda, Kirkuk, Iraq, on Monday, killing two farmers."
    assert _first_place(session, text) == ("Kirkuk", "Tal Warda")


def test_the_chain_not_a_later_bare_province_gives_the_town(session):
    text = ("Rebels attacked army positions in Wadi Qarn, Marib, Yemen, killing four soldiers. "
            "This was one of three attacks around Marib on that day.")
    assert _first_place(session, text) == ("Marib", "Wadi Qarn")


def test_a_name_with_a_joined_article_is_the_written_town(session):
    text = "A roadside bomb killed two shepherds in Tel al-Warda, Hama, Syria, on Monday."
    assert _first_place(session, text) == ("Hama", "Tel al-Warda")
