"""Where a news report says an incident happened (issue 11). Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.wire.furniture import find_dateline


def _location(session, text: str) -> dict:
    (event,) = session.extract_text(text, published="2021-03-07")
    return event.to_dict()["location"]


@pytest.mark.parametrize("opening", ["KABUL, Afghanistan —", "KABUL:", "KABUL --"])
def test_a_dateline_in_capitals_needs_no_date_or_agency(opening: str) -> None:
    text = f"Bomb kills five in east\n\nBy A Reporter\n\n{opening} A bomb killed five people in Jalalabad on Sunday."
    found = find_dateline(text)
    assert found is not None and text[found.place[0]: found.place[1]] == "KABUL"


def test_words_that_open_a_headline_are_no_dateline() -> None:
    assert find_dateline("UPDATE: A bomb killed five people in Jalalabad on Sunday.") is None


def test_the_body_places_the_incident_not_the_dateline(session) -> None:
    text = ("KABUL, Afghanistan — Gunmen attacked a police post in the east of the country on Sunday, killing "
            "six officers. The attackers stormed the post in Jalalabad before dawn, police said.")
    assert _location(session, text)["place"] == "Jalalabad"


def test_a_distance_reference_does_not_place_the_incident(session) -> None:
    text = "Gunmen killed five police officers at a checkpoint 20 km north of Kabul on Sunday."
    location = _location(session, text)
    assert (location["admin1"], location["place"]) == ("Kabul", None)
