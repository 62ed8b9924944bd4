"""Where an incident happened (issue 11, session 15): a list of names closed by a plural kind ("Tunga
and Dogo villages": no country Tonga), a province said after a named division ("Wase Local Government
Area of Plateau": the state, though its name is a word), and the seats of local government areas of
northern Nigeria that the open sets lack. Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.geo import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _location(session, text: str) -> dict:
    events = session.extract_text(text, published="2024-05-10")
    assert len(events) == 1, [e.to_dict()["location"] for e in events]
    return events[0].to_dict()["location"]


def _kinds(gazetteer: Gazetteer, text: str, name: str) -> set[tuple[str, str]]:
    found = [m for m in gazetteer.find_places(text) if m.text == name]
    return {(c.kind, c.country) for m in found for c in m.candidates}


def test_a_plural_kind_after_a_list_names_each_of_its_names(gazetteer: Gazetteer) -> None:
    kinds = _kinds(gazetteer, "Bandits burnt houses in Tunga and Dogo villages on Friday.", "Tunga")
    assert ("country", "TO") not in kinds
    assert ("country", "TO") in _kinds(gazetteer, "The minister flew on to Tonga and Fiji.", "Tonga")


def test_a_plural_kind_after_states_narrows_each_name(gazetteer: Gazetteer) -> None:
    text = "Attacks went on in Zamfara, Katsina and Sokoto states last week."
    assert _kinds(gazetteer, text, "Katsina") == {("admin1", "NG")}


def test_a_province_after_a_named_division_needs_no_kind(gazetteer: Gazetteer) -> None:
    text = "Gunmen killed four farmers in Wase Local Government Area of Plateau on Sunday."
    assert ("admin1", "NG") in _kinds(gazetteer, text, "Plateau")
    # alone, the word is no place
    assert _kinds(gazetteer, "The talks reached a plateau on Sunday. Plateau prices fell.", "Plateau") == set()


def test_the_division_of_a_province_in_a_report_that_names_no_country(session) -> None:
    text = ("Gunmen on Sunday night killed the head of Kadarko community of Wase Local Government Area of "
            "Plateau and two of his sons, residents said.")
    loc = _location(session, text)
    assert (loc["country"], loc["admin1"]) == ("NG", "Plateau")


@pytest.mark.parametrize(("name", "admin1"), [("Wase", "Plateau"), ("Kaura", "Kaduna"), ("Birnin Magaji", "Zamfara"),
                                              ("Otukpo", "Benue"), ("Gulani", "Yobe"), ("Buni Yadi", "Yobe")])
def test_seats_of_nigerian_local_government_areas(gazetteer: Gazetteer, name: str, admin1: str) -> None:
    assert any(e.country == "NG" and e.admin1 == admin1 for e in gazetteer.lookup(name, kind="place"))


def test_dikhan_is_dera_ismail_khan(gazetteer: Gazetteer) -> None:
    assert {e.name for e in gazetteer.lookup("Dikhan")} == {"Dera Ismail Khan"}


def test_villages_of_a_list_name_the_first_settlement(session) -> None:
    text = "Gunmen killed seven people on Monday in the villages of Tokpa and Lume in Ituri province, officials said."
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Ituri", "Tokpa")


def test_villages_of_a_list_name_the_first_settlement_too(session) -> None:
    loc = _location(session, "Bandits killed nine farmers on Sunday in the villages of Dogo and Tsauni in Zamfara State.")
    assert (loc["admin1"], loc["place"]) == ("Zamfara", "Dogo")


def test_a_village_in_a_town_written_after_its_kind_is_the_place(session) -> None:
    text = ("Insurgents on Friday attacked the village of Nantuko, in the district of Mocimboa da Praia, in the "
            "province of Cabo Delgado, killing three people, residents said.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["admin2"], loc["place"]) == ("Cabo Delgado", "Mocimboa da Praia", "Nantuko")


def test_a_district_of_a_province_leaves_the_province_a_province(session) -> None:
    text = ("Insurgents attacked the villages of Nantuko and Lipa in the Muidumbe district of Cabo Delgado province "
            "on Monday, beheading two men.")
    loc = _location(session, text)
    assert (loc["country"], loc["admin1"], loc["place"]) == ("MZ", "Cabo Delgado", "Nantuko")
