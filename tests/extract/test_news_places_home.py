"""Places read in the country a report is set in, settlements named by their kind, and places named
as someone's home or a comparison (issue 11, session 13). Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.places import at_home, country_votes
from conflictlens.model.protocols import PlaceEntry, PlaceMention


def _locations(session, text: str) -> list[dict]:
    return [e.to_dict()["location"] for e in session.extract_text(text, published="2022-05-10")]


def _entry(name: str, country: str, kind: str = "place", population: int = 5_000) -> PlaceEntry:
    return PlaceEntry(f"t:{country}:{name}", name, kind, country, None, None, 1.0, 1.0, population)


def _mention(start: int, text: str, *entries: PlaceEntry) -> PlaceMention:
    return PlaceMention(start, start + len(text), text, entries)


def test_a_name_found_only_abroad_yields_to_the_report_country() -> None:
    home = [_mention(0, "Ruritania", _entry("Ruritania", "RU", "country")), _mention(20, "Strelsau", _entry("Strelsau", "RU"))]
    abroad = _mention(40, "Zenda", _entry("Zendaville", "XX"))
    assert country_votes(home + [abroad])["RU"] == 3
    assert at_home([abroad, home[1]], home + [abroad]) == [home[1]]


def test_namesakes_abroad_are_dropped_and_big_cities_written_as_they_are_kept() -> None:
    home = [_mention(0, "Ruritania", _entry("Ruritania", "RU", "country")), _mention(20, "Strelsau", _entry("Strelsau", "RU"))]
    both = _mention(40, "Tarlenheim", _entry("Tarlenheim", "RU"), _entry("Tarlenheim", "XX"))
    capital = _mention(60, "Metropolis", _entry("Metropolis", "XX", population=2_000_000))
    (narrowed, kept) = at_home([both, capital], home + [both, capital])
    assert [c.country for c in narrowed.candidates] == ["RU"] and kept is capital


def test_without_a_clear_home_country_nothing_is_dropped() -> None:
    one = _mention(0, "Strelsau", _entry("Strelsau", "RU"))
    other = _mention(20, "Zenda", _entry("Zendaville", "XX"))
    assert at_home([one, other], [one, other]) == [one, other]


def test_an_alias_abroad_does_not_move_a_nigerian_attack(session) -> None:
    text = ("Gunmen kill seven in Nigeria's Kaduna state\n\nGunmen killed seven farmers in Kaduna state, Nigeria, on "
            "Sunday, police said. The attackers came from the Kaura hills, a police spokesman in Kaduna told reporters.")
    assert all(loc["country"] == "NG" for loc in _locations(session, text))


def test_the_state_of_a_name_is_the_state_not_its_capital(session) -> None:
    text = "Gunmen killed eight residents in Nigeria's northwestern state of Kaduna on Tuesday, an official said."
    (loc,) = _locations(session, text)
    assert loc["admin1"] == "Kaduna" and loc["place"] is None


@pytest.mark.parametrize("told", [
    "Gunmen raided Tungan Dogo village in Zamfara state on Sunday, killing nine people, police said.",
    "Gunmen raided the village of Tungan Dogo in Zamfara state on Sunday, killing nine people, police said.",
])
def test_a_settlement_named_by_its_kind_is_the_place(session, told: str) -> None:
    (loc,) = _locations(session, told)
    assert (loc["country"], loc["admin1"], loc["place"]) == ("NG", "Zamfara", "Tungan Dogo")


def test_an_incident_named_only_by_its_country_keeps_the_province_told_before(session) -> None:
    text = ("Rebels killed five villagers near Beni in North Kivu province on Friday night, officials said. "
            "On Sunday morning the rebels attacked the nearby village of Kasinga, killing four more, in a "
            "part of eastern DR Congo where they have long been active.")
    assert [loc["admin1"] for loc in _locations(session, text)] == ["North Kivu", "North Kivu"]


def test_a_place_named_as_a_home_town_does_not_place_the_attack(session) -> None:
    text = ("A suicide bomber killed eleven people at a cattle market on Monday, police in Helmand said. "
            "The bomber, a native of Kunduz, blew himself up among traders in Lashkar Gah.")
    (loc,) = _locations(session, text)
    assert loc["place"] == "Lashkar Gah"


def test_a_border_country_does_not_place_the_attack(session) -> None:
    text = ("A car bomb killed three guards on Tuesday in a tribal district bordering Afghanistan, officials said. "
            "The blast went off near Khar, the main town of Bajaur.")
    (loc,) = _locations(session, text)
    assert loc["country"] == "PK" and loc["place"] == "Khar"


def test_a_district_called_a_region_is_still_found(session) -> None:
    text = "A roadside bomb killed four policemen in the Lower Dir region of Pakistan on Monday, police said."
    (loc,) = _locations(session, text)
    assert (loc["country"], loc["admin1"]) == ("PK", "Khyber Pakhtunkhwa")


def test_a_country_named_once_outweighs_one_alias_abroad() -> None:
    home = _mention(0, "Ruritania", _entry("Ruritania", "RU", "country"))
    abroad = _mention(20, "Zenda", _entry("Zendaville", "XX"))
    assert at_home([abroad], [home, abroad]) == []


def test_a_country_name_votes_for_its_country_though_a_town_abroad_shares_it() -> None:
    country = _mention(0, "Ruritania", _entry("Ruritania", "RU", "country"), _entry("Ruritania", "XX"))
    assert country_votes([country])["RU"] == 2 and country_votes([country])["XX"] == 0


def test_a_foreign_country_beside_a_home_place_places_nothing() -> None:
    home = [_mention(0, "Ruritania", _entry("Ruritania", "RU", "country")), _mention(20, "Strelsau", _entry("Strelsau", "RU"))]
    town, patron = _mention(40, "Zenda", _entry("Zenda", "RU")), _mention(60, "Borduria", _entry("Borduria", "BO", "country"))
    assert at_home([town, patron], home + [town, patron]) == [town]
    # with no place of the home country among them, the foreign country is all there is: kept
    assert at_home([patron], home + [town, patron]) == [patron]


def test_agents_of_a_foreign_country_do_not_move_an_attack(session) -> None:
    text = ("Gunmen kill police officers in Niger\n\nThree police officers were killed on Monday after gunmen stormed "
            "the Tamou police station in Niger's Tillaberi region. A jihadist group claimed the attack, saying it "
            "had killed 'three agents of France'. Niger's army is fighting jihadists across the region.")
    locations = _locations(session, text)
    assert locations and all(loc["country"] == "NE" for loc in locations)
