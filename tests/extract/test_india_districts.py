"""Indian reports (session 21, branch hsatpeval): districts as the press names them ("West Midnapore",
"Sukma"), a district named outright over a town name's namesake elsewhere, and killings told by their
method ("axed to death"). Texts written for these tests."""

from __future__ import annotations

import pytest


def _main(session, text: str) -> dict:
    events = [e.to_dict() for e in session.extract_text(text, published="2012-05-10")]
    assert events, text
    return events[0]


@pytest.mark.parametrize("text, admin1, district", [
    ("Rebels shot dead two villagers in the Lalgarh area of West Midnapore District.", "West Bengal", "West Midnapore"),
    ("A jawan was killed in an IED blast under Awapalli police station limits in Bijapur District.",
     "Chhattisgarh", "Bijapur"),
    ("Two policemen were killed when rebels ambushed a patrol near a village in Sukma District.",
     "Chhattisgarh", "Sukma"),
    ("Rebels killed a contractor at a village in East Singhbhum District on Tuesday.", "Jharkhand", "East Singhbhum"),
    ("A trader was shot dead by rebels in Gumla District.", "Jharkhand", "Gumla"),
])
def test_a_district_as_the_press_names_it_sets_state_and_district(session, text, admin1, district) -> None:
    where = _main(session, text)["location"]
    assert where["country"] == "IN" and where["admin1"] == admin1
    assert district in (where["admin2"], where["place"])


def test_either_spelling_of_a_district_gives_the_one_district(session) -> None:
    press = _main(session, "Rebels killed a shopkeeper in West Singhbhum district on Monday.")["location"]
    official = _main(session, "Rebels killed a shopkeeper in Pashchim Singhbhum district on Monday.")["location"]
    assert press["admin2"] == official["admin2"] == "West Singhbhum"


@pytest.mark.parametrize("text, killed", [
    ("A farmer was axed to death by rebels at a village in Gaya District.", 1),
    ("Two villagers were axed to death by suspected rebels in Gaya District on Sunday.", 2),
    ("Rebels hanged a village headman to death in Gaya District.", None),
    ("Rebels slit the throat of a shopkeeper in Gaya District.", None),
])
def test_a_killing_told_by_its_method_is_an_attack(session, text, killed) -> None:
    event = _main(session, text)
    assert event["sub_event_type"] == "Attack"
    if killed:
        assert event["fatalities"]["best"] == killed
