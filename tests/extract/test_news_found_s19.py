"""Incidents found once (issue 11, session 19, branch hnewsfound8): a country's name that is also a town's or a
division's ("central Mexico", "northern Mozambique", "near the border with Mali") names the country, so the
sentence after a headline or lead placed only by it, naming the town, tells the same incident; a country's
name that is a division of the report's own country ("Niger" in a Nigerian report) stays that division.
Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.places import admin_names
from conflictlens.model.protocols import PlaceEntry, PlaceMention


def _events(session, text: str, published: str) -> list[dict]:
    return [e.to_dict() for e in session.extract_text(text, published=published)]


def _entry(kind: str, country: str, name: str, admin1: str | None = None) -> PlaceEntry:
    return PlaceEntry(f"{country}-{kind}-{name}", name, kind, country, admin1, None, None, None)


_MEXICO = PlaceMention(0, 6, "Mexico", (_entry("country", "MX", "Mexico"), _entry("admin1", "MX", "México", "México")))
_NIGER = PlaceMention(0, 5, "Niger", (_entry("country", "NE", "Niger"), _entry("admin1", "NG", "Niger", "Niger")))
_MALI = PlaceMention(0, 4, "Mali", (_entry("country", "ML", "Mali"), _entry("place", "CN", "Mali", "Gansu")))


@pytest.mark.parametrize("mention,country,named", [
    (_MEXICO, "MX", ""),            # the country of the report, not the State of México
    (_MALI, "BF", ""),              # a neighbour: no Mali lies in Burkina Faso
    (_NIGER, "NG", "niger"),        # Niger State in a Nigerian report
    (_NIGER, "NE", ""),             # the country in a report of Niger
    (_MEXICO, None, "méxico"),      # no country known: as before
])
def test_a_country_name_names_the_country(mention, country, named) -> None:
    assert admin_names(mention, country) == named


@pytest.mark.parametrize("text", [
    "Nine killed as gunmen storm a nightclub in southern Mexico\n\n"
    "Nine people were shot dead at a nightclub in southern Mexico on Sunday, prosecutors said.\n\n"
    "The armed men burst into the club in the city of Tuxtepec, Oaxaca, shortly after midnight and fired "
    "on the crowd, officials said.",
    "Suspected insurgents behead four villagers in northern Mozambique\n\n"
    "Four villagers were beheaded on Saturday by suspected insurgents in northern Mozambique, local "
    "officials said. The fighters raided fields outside a village in Muidumbe district, Cabo Delgado, "
    "and killed the four men before fleeing into the bush.",
    "Ten villagers killed in Burkina attack\n\n"
    "At least ten villagers were killed in an attack by suspected jihadists in northern Burkina Faso, near the "
    "border with Niger, residents said on Monday.\n\n"
    "Gunmen on motorbikes attacked the village of Gorgadji in Seno province on Saturday night, a resident said.",
])
def test_a_lead_placed_by_the_country_and_the_town_told_next_are_one_incident(session, text) -> None:
    events = _events(session, text, "2024-03-04")
    assert len(events) == 1


def test_niger_state_in_a_nigerian_report_is_still_a_place(session) -> None:
    text = ("Bandits killed twelve farmers in Niger State on Monday, police said. "
            "In a separate attack on Tuesday, gunmen shot dead five traders in Kaduna State, residents said.")
    events = _events(session, text, "2024-03-06")
    assert {e["location"]["admin1"] for e in events} >= {"Niger", "Kaduna"}
