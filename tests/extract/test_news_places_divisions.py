"""Where an incident happened when reports name divisions, settlements and places that are not the
incident's (issue 11, session 14): Burkina Faso's provinces in their regions, "Congo" in a report on
the DRC, villages in the division their town names, the places of hospitals and funerals, and a
dateline with no dash. Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.wire.furniture import find_dateline


def _location(session, text: str) -> dict:
    events = session.extract_text(text, published="2024-05-10")
    assert len(events) == 1, [e.to_dict()["location"] for e in events]
    return events[0].to_dict()["location"]


def test_a_burkina_province_lies_in_its_region(session) -> None:
    text = ("Gunmen killed twelve civilians on Tuesday in the village of Toeni in Sourou province, in "
            "northwestern Burkina Faso, security sources said.")
    loc = _location(session, text)
    assert (loc["country"], loc["admin1"], loc["admin2"], loc["place"]) == ("BF", "Boucle du Mouhoun", "Sourou", "Toeni")
    assert loc["lat"] is not None  # the province has no point of its own: its region's stands for it


def test_a_province_named_like_a_word_needs_its_kind(session) -> None:
    loc = _location(session, "Militants killed nine soldiers on Monday in Soum province, Burkina Faso, the army said.")
    assert (loc["admin1"], loc["admin2"]) == ("Sahel", "Soum Province")


def test_congo_in_a_report_on_its_eastern_provinces_is_the_drc(session) -> None:
    text = ("Militiamen killed 15 civilians on Monday in Djugu territory, in the Ituri province of northeastern "
            "Congo, local officials said.")
    loc = _location(session, text)
    assert (loc["country"], loc["admin1"]) == ("CD", "Ituri")


def test_congo_with_brazzaville_is_the_republic(session) -> None:
    loc = _location(session, "Gunmen killed four people on Monday in Brazzaville, Congo, police said.")
    assert loc["country"] == "CG"


def test_a_village_beats_the_town_its_division_is_named_after(session) -> None:
    text = ("Bandits killed nine villagers on Sunday in Gakurdi village in the Jibia local government area of "
            "Katsina State, police said.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"], loc["precision"]) == ("Katsina", "Gakurdi", "district")


def test_the_name_chained_before_a_district_is_the_place(session) -> None:
    text = ("Two policemen were killed on Thursday in a suicide attack on a police post in Takhta Beg, Khyber "
            "district, officials said.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["admin2"], loc["place"]) == ("Khyber Pakhtunkhwa", "Khyber", "Takhta Beg")


def test_a_town_beside_a_division_named_like_a_town_is_the_place(session) -> None:
    text = ("Bandits killed eight people on Friday near Dansadau in Maru local government area of Zamfara State, "
            "police said.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Zamfara", "Dansadau")


@pytest.mark.parametrize("text, admin2, not_place", [
    ("A roadside bomb killed five people and wounded seven on Sunday in Achin district, officials said. The "
     "wounded were taken to a hospital in Jalalabad, the provincial capital.", "Achin", "Jalalabad"),
    ("Militants killed four soldiers in an ambush on Tuesday in Kurram district, the army said. Their funeral "
     "prayers were offered in Rawalpindi.", "Kurram", "Rawalpindi"),
    ("Gunmen killed three policemen on Monday at a checkpoint in Lakki Marwat district, police said. Two injured "
     "constables were shifted to Peshawar for treatment.", "Lakki Marwat", "Peshawar"),
])
def test_where_the_wounded_were_treated_or_the_dead_mourned_is_not_the_place(session, text, admin2, not_place) -> None:
    loc = _location(session, text)
    assert loc["admin2"] == admin2 and loc["place"] != not_place


def test_where_the_dead_were_buried_is_not_the_place(session) -> None:
    text = ("Gunmen killed six farmers on Sunday in Dalwa village, some 20 kilometres from Maiduguri, the Borno "
            "State capital, residents said. The victims were buried in Konduga.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Borno", "Dalwa")


def test_a_dateline_with_an_agency_and_no_dash() -> None:
    found = find_dateline("Peshawar, Feb 6 (PTI) At least three policemen were killed in Karak district.")
    assert found is not None and found.end == len("Peshawar, Feb 6 (PTI) ")
    assert find_dateline("Attack in Kabul (video) Gunmen stormed a school") is None


def test_the_dateline_city_with_no_dash_does_not_place_the_attack(session) -> None:
    text = ("Peshawar, Feb 6 (PTI) At least three policemen were killed on Thursday when militants attacked a "
            "police post in the Karak district of Khyber Pakhtunkhwa province, police said.")
    loc = _location(session, text)
    assert loc["admin2"] == "Karak" and loc["place"] != "Peshawar"


def test_where_a_spokeswoman_sat_is_not_the_place(session) -> None:
    text = ("KANDAHAR, Afghanistan -- Helicopters rocketed a farming village in southern Afghanistan before dawn "
            "Monday, killing 17 residents, officials said. The residents were killed in the village of Azizi. A military spokeswoman "
            "in Kabul had no word of the deaths, but Kandahar's governor confirmed them.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Kandahar", "Azizi")


def test_a_spelled_out_distance_and_a_burial_place_do_not_place_the_attack(session) -> None:
    text = ("Sixteen volunteers were killed on Friday in an attack on a locality about thirty kilometers east of "
            "Boulsa, in Burkina Faso. It was the village of Kogsablego that was attacked. The victims were buried on "
            "Saturday in the commune of Boulsa, in the Centre-Nord region.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Centre-Nord", "Kogsablego")


def test_a_village_said_before_near_a_town_is_the_place(session) -> None:
    text = ("Gunmen killed six people overnight Saturday at Pissele, near Bourzanga, in northern Burkina Faso, "
            "a security official said.")
    loc = _location(session, text)
    assert (loc["admin1"], loc["place"]) == ("Centre-Nord", "Pissele")


def test_a_known_town_before_near_stays_the_place(session) -> None:
    loc = _location(session, "A car bomb killed nine people on Monday in Kabul, near the interior ministry, police said.")
    assert loc["place"] == "Kabul"
