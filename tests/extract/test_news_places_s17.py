"""Where an incident took place (issue 11, session 17): a later sentence that says only where it took place,
a settlement the gazetteer lacks said near a town it knows, a part of a town, and a first-level division
written with its kind. Texts written for these tests; the invented settlements are in no gazetteer."""

from __future__ import annotations

import pytest

from conflictlens.extract.segment import group_incidents, sentence_info


def _locations(session, text: str) -> list[dict]:
    return [e.to_dict()["location"] for e in session.extract_text(text, published="2024-01-15")]


def test_a_sentence_that_says_only_where_it_took_place_places_the_incident(session) -> None:
    text = ("At least four soldiers were killed on Friday in fighting with a criminal gang in the northwest of "
            "Colombia, officials said. The confrontation took place in Segovia, in the Antioquia department, "
            "where illegal mines are disputed. The wounded were transferred to Barrancabermeja, a city in the centre.")
    (loc,) = _locations(session, text)
    assert (loc["country"], loc["admin1"], loc["place"]) == ("CO", "Antioquia", "Segovia")


def test_a_district_told_after_the_province_is_the_incidents(session) -> None:
    text = ("Five civilians were killed in a roadside bomb blast in Afghanistan's Uruzgan province on Thursday. "
            "Local officials say the incident took place in Deh Rawood district.")
    (loc,) = _locations(session, text)
    assert (loc["admin1"], loc["precision"]) == ("Uruzgan", "district") and loc["admin2"]


def test_a_scene_sentence_joins_the_incident_for_its_place_only() -> None:
    text = "Gunmen killed three farmers on Monday. Residents said it happened near Wundaru."
    opening = sentence_info(text, (0, 38), frozenset(), frozenset({"2024-01-15"}), True)
    scene = sentence_info(text, (39, len(text)), frozenset({"wundaru"}), frozenset(), False)
    assert scene.scene and not scene.strong
    (incident,) = group_incidents([opening, scene])
    assert incident.sentences == [(0, 38)] and incident.scenes == [(39, len(text))]
    # a sentence that names no place is no scene
    assert not sentence_info(text, (39, len(text)), frozenset(), frozenset(), False).scene


@pytest.mark.parametrize("told", [
    "An air strike hit the village of Qarnoun near Nabatieh on Friday, killing three people, the health ministry said.",
    "Six people were killed overnight at Qarnoun, near Nabatieh, a security official said on Saturday.",
    "The attack happened in Qarnoun village, around 12 km (eight miles) south of Nabatieh, officials said. It killed three.",
])
def test_a_settlement_said_near_a_known_town_is_the_place(session, told: str) -> None:
    loc = _locations(session, told)[0]
    assert (loc["country"], loc["admin1"], loc["place"]) == ("LB", "Nabatieh", "Qarnoun")
    assert loc["precision"] != "place"  # the point is the town's it is near


@pytest.mark.parametrize(("told", "place"), [
    ("Drones struck the rural border town of Zarbo in the Amhara region on Sunday, killing 12 people.", "Zarbo"),
    ("Gunmen killed five people in the Kalmbara area of Khyber Pakhtunkhwa on Monday, police said.", "Kalmbara"),
    ("Shells hit Gerbi displacement camp in North Darfur on Monday, killing five people, medics said.", "Gerbi"),
])
def test_a_town_area_or_displacement_camp_named_by_its_kind_is_the_place(session, told: str, place: str) -> None:
    assert _locations(session, told)[0]["place"] == place


@pytest.mark.parametrize(("told", "place"), [
    ("Gunmen shot dead a shopkeeper in the Marwa Gul area of Turbat, Balochistan, on Monday, police said.", "Turbat"),
    ("A bomb exploded at Ngalda military camp in Aden on Sunday, killing six soldiers, officials said.", "Aden"),
])
def test_a_part_of_a_town_or_a_military_camp_in_it_leaves_the_town_the_place(session, told: str, place: str) -> None:
    assert _locations(session, told)[0]["place"] == place


def test_a_town_of_two_provinces_is_read_in_the_province_the_report_names(session) -> None:
    text = ("Violence surged in Balochistan this week, officials said.\n\n"
            "On Friday a grenade wounded four children in Nasirabad, police said.")
    (loc,) = _locations(session, text)
    assert (loc["admin1"], loc["admin2"]) == ("Balochistan", "Nasirabad")


@pytest.mark.parametrize("told", [
    # the hospital a town names, where the wounded were sent, and a commissioner's seat are not where it happened
    "A suicide blast killed 30 people at a procession in Balochistan's Mastung district on Friday. "
    "Bodies were taken to the Mastung district hospital and the Civil Hospital Quetta, and critical cases were sent to Quetta.",
    "A suicide blast killed 30 people at a procession in Balochistan's Mastung district on Friday, "
    "said Quetta Deputy Commissioner Asad Khan.",
])
def test_hospitals_and_offices_elsewhere_do_not_place_the_attack(session, told: str) -> None:
    (loc,) = _locations(session, told)
    assert (loc["admin1"], loc["admin2"]) == ("Balochistan", "Mastung") and loc["place"] != "Quetta"


def test_where_a_convoy_was_bound_does_not_place_the_attack(session) -> None:
    text = ("Gunmen attacked a supply convoy bound for Parachinar in Kurram district on Thursday, killing "
            "ten people, officials said.")
    (loc,) = _locations(session, text)
    assert (loc["admin2"], loc["place"]) == ("Kurram", None)
