"""A part of a big city named by its kind before the city: the city is the place (texts written for
these tests)."""

from __future__ import annotations

import pytest


def _place(session, text: str) -> tuple[str | None, str | None]:
    events = [e.to_dict() for e in session.extract_text(text, published="2021-03-10")]
    assert events, "no event extracted"
    return events[0]["location"].get("admin1"), events[0]["location"].get("place")


@pytest.mark.parametrize("text, city", [
    ("A bomb exploded near a bus in Hodan District, Mogadishu, Somalia, killing two people.", "Mogadishu"),
    ("Gunmen shot dead a ward official in Kamayut Township, Yangon, Myanmar, on Monday.", "Yangon"),
    ("A rocket struck a house in the Zayouna area of Baghdad, Iraq, wounding three people.", "Baghdad"),
    ("Gunmen killed two police officers on Marian Road, Calabar, Cross River State, Nigeria.", "Calabar"),
])
def test_the_city_not_its_part(session, text, city):
    assert _place(session, text)[1] == city


def test_a_district_of_the_province_stays_the_district(session):
    # Arghandab is a district of Kandahar province, not a part of the city
    text = "A roadside bomb killed three soldiers in Arghandab district, Kandahar, Afghanistan, on Sunday."
    assert _place(session, text)[1] != "Kandahar"


def test_a_village_before_a_small_town_stays_the_village(session):
    text = "Gunmen attacked Kutari area, Ohafia, Abia State, Nigeria, and killed four villagers."
    assert _place(session, text)[1] != "Ohafia"


def test_a_district_before_a_city_named_like_its_province_is_the_provinces(session):
    text = "Gunmen attacked a police post in Tal Warda, Dibis district, Kirkuk, Iraq, killing two officers."
    assert _place(session, text)[1] != "Kirkuk"


def test_a_numbered_police_district_is_a_part_of_the_city(session):
    text = "A sticky bomb killed a driver in Kolola Pushta, 11th Police District, Kabul, Afghanistan."
    assert _place(session, text)[1] == "Kabul"
