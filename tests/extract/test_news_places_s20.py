"""Where the scene is, against the places a report names around it (issue 11, session 20): a dateline in
title case, a town or capital named as a reference, a neighbouring province, a report from a border area,
a camp of the displaced in a town. Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.wire.furniture import find_dateline


def _locations(session, text: str) -> list[tuple]:
    return [(loc["country"], loc["admin1"], loc["place"])
            for loc in (e.to_dict()["location"] for e in session.extract_text(text, published="2024-03-10"))]


@pytest.mark.parametrize("text, place", [
    ("Ten killed in attack\n\nUpdate: 2024-03-09 10:15 GMT\nKandahar: Ten policemen were killed on Tuesday in an attack, "
     "an official said.\n", "Kandahar"),
    ("Rebels kill five soldiers\n\nBogota : Five soldiers were killed when rebels attacked a patrol on Monday.\n", "Bogota"),
    ("New Delhi, India: Gunmen shot dead three people near Srinagar on Monday, police said.\n", "New Delhi"),
])
def test_a_title_case_place_before_a_colon_opens_the_story(text, place) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and text[dateline.place[0]:dateline.place[1]] == place


@pytest.mark.parametrize("text", [
    "Kenya: Three killed in Mandera attack\nThree people were killed on Monday.",  # a headline ends no sentence
    "Question: What happened in Garissa on Friday? Nobody could say.\n",  # a label of the page
    "Explainer: Why the attacks in the Sahel keep growing, and what comes next.\n",
])
def test_a_headline_or_a_label_before_a_colon_is_no_dateline(text) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, expected", [
    # The city a title-case dateline names is where the report was filed, not the scene.
    ("Eight killed in Afghan checkpoint attack\n\nKandahar: Eight policemen were killed on Tuesday when Taliban "
     "fighters attacked a checkpoint in Ghazni province, an official said.", ("AF", "Ghazni")),
    ("Rebels kill five soldiers in Colombia\n\nBogota : Five soldiers were killed when rebels attacked an army "
     "patrol in Arauca department on Monday, the army said.", ("CO", "Arauca")),
])
def test_a_title_case_dateline_is_not_the_scene(session, text, expected) -> None:
    assert [loc[:2] for loc in _locations(session, text)] == [expected]


@pytest.mark.parametrize("text, province, reference", [
    ("Nine soldiers were killed when insurgents ambushed their convoy in a forest south of Maiduguri on Friday, "
     "the army said.", "Borno", "Maiduguri"),
    ("Gunmen killed seven soldiers on Sunday at an army post in the village of Tassia, roughly 60 km east of the "
     "Niger capital of Niamey, officials said.", "Niamey", "Niamey"),
    ("Militants stormed an army base in the vicinity of Dhanaane, near the port city of Kismayo, killing five "
     "soldiers on Sunday.", "Lower Juba", "Kismayo"),
])
def test_a_town_named_as_a_reference_is_not_the_place(session, text, province, reference) -> None:
    (location,) = _locations(session, text)
    assert location[1] == province and location[2] != reference


def test_inside_a_region_is_not_a_reference(session) -> None:
    text = "Nine soldiers were killed when insurgents ambushed their convoy in the south of Borno State on Friday."
    assert [loc[:2] for loc in _locations(session, text)] == [("NG", "Borno")]


def test_a_neighbouring_province_named_for_an_earlier_attack_is_not_the_scene(session) -> None:
    text = ("At least nine soldiers were killed when insurgents attacked an army post in the western province of "
            "Badghis last night, an official said on Sunday. Six more were captured after the attack, which happened "
            "in Ab Kamari area, the official said. The attack comes two days after 12 policemen were killed in "
            "Gulran district of neighbouring Herat province.")
    assert ("AF", "Badghis") in [loc[:2] for loc in _locations(session, text)]


def test_a_small_town_of_a_border_area_report(session) -> None:
    """The report names its neighbours (Mali, Algeria, Burkina Faso) beside its own provinces: the small town
    is still read in the country most of its names lie in."""
    text = ("Eleven Nigerien soldiers were killed on Sunday in an ambush by gunmen in the north of the country.\n"
            "The assault on an army convoy in the Tassara area, in the Tahoua region near Mali, shows the insecurity "
            "that reigns in this zone close to the Algeria-Mali-Niger border.\n"
            "\"Our men were ambushed by armed bandits near Tassara,\" the governor of Tahoua said on state television.\n"
            "Last month, jihadists killed 30 people in the Sahel region of Burkina Faso, officials there said.")
    assert ("NE", "Tahoua", "Tassara") in _locations(session, text)


@pytest.mark.parametrize("text, expected", [
    ("Four civilians were killed on Wednesday when RSF fighters shelled Kalma displacement camp in Nyala, the "
     "capital of South Darfur, a local committee said.", ("SD", "South Darfur", "Kalma")),
])
def test_a_camp_of_the_displaced_in_a_town_is_the_place(session, text, expected) -> None:
    assert expected in _locations(session, text)


def test_a_village_of_a_town_keeps_the_town(session) -> None:
    """GTD and the gold code a village by the town it lies in ("Upper Cabengbeng village in Sumisip")."""
    text = "Gunmen ambushed soldiers on Wednesday in Lower Tabiawan village in Sumisip, Basilan, killing three."
    assert [loc[2] for loc in _locations(session, text)] == ["Sumisip"]


@pytest.mark.parametrize("text, expected", [
    ("UNITED NATIONS, March 4 (AP) — Rebels ambushed a UN convoy in the Central African Republic on Sunday, killing "
     "three peacekeepers and wounding five, the United Nations said.\n\nThe mission sent a helicopter and more troops "
     "to secure the site near Bria, about 600 kilometers (370 miles) northeast of the capital, Bangui, a spokesman "
     "said.", ("CF", "Haute-Kotto", "Bria")),
    ("Gunmen ambushed an army patrol in Mali on Tuesday, killing six soldiers, the army said. Reinforcements reached "
     "the scene outside Tenenkou, some 400 kilometres northeast of the capital, Bamako, late on Tuesday.",
     ("ML", "Mopti", "Tenenkou")),
])
def test_the_site_of_an_attack_told_later_places_it_not_the_capital_it_is_measured_from(session, text, expected) -> None:
    assert _locations(session, text) == [expected]
