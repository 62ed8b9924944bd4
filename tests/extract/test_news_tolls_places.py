"""Tolls, days and places of real news prose (issue 11, session 10). Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties
from conflictlens.extract.wire.furniture import find_dateline


def _one(session, text: str, published: str) -> dict:
    events = [e.to_dict() for e in session.extract_text(text, published=published)]
    assert events, "no event extracted"
    return events[0]


@pytest.mark.parametrize("text, killed, injured", [
    # a vague group beside one told in figures adds no figure, only an unknown ceiling
    ("Eight traders were killed and several others wounded.", (8, 8, 8), (3, 3, None)),
    ("Six people were also hurt and several others wounded.", (None, None, None), (6, 6, None)),
    ("At least five people died and a few were hurt. Four were injured too, a nurse said.",
     (5, 5, None), (4, 4, 4)),
    ("Several villagers were wounded in the raid.", (None, None, None), (3, 3, None)),
    # a dash parts a dateline or an aside from the clause; between figures it joins a range
    ("Herat, Afghanistan \u2013 Eleven people were killed in the blast.", (11, 11, 11), (None, None, None)),
    ("Nine pilgrims - most of them women - were killed.", (9, 9, 9), (None, None, None)),
    ("The gunmen killed 6 - 8 people and wounded 2 - 3 others.", (6, 7, 8), (2, 2, 3)),
])
def test_news_tolls(text: str, killed: tuple, injured: tuple) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.low, figures.fatalities.best, figures.fatalities.high) == killed
    assert (figures.injured.low, figures.injured.best, figures.injured.high) == injured


@pytest.mark.parametrize("text, place", [
    ("date 2022-04-02 GAO, Mali \u2014 Gunmen attacked a market.", "GAO"),
    ("Published 2022-04-02 Gao, (Agency News - Wire Service - 2nd Apr, 2022) : Gunmen attacked a market.", "Gao"),
])
def test_a_dateline_behind_a_page_stamp_or_a_long_credit(text: str, place: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and dateline.place is not None
    assert text[slice(*dateline.place)] == place


def test_the_page_date_heading_the_copy_is_not_the_incident_day(session) -> None:
    text = ("date 2022-04-09 GAO: A bomb went off at a mosque in the town of Gao during Friday prayers, "
            "killing seven worshippers, officials said.")
    assert _one(session, text, "2022-04-09")["date"]["start"] == "2022-04-08"


def test_the_page_date_dates_a_story_that_tells_no_day(session) -> None:
    text = "date 2022-04-09 GAO: A bomb went off at a mosque in the town of Gao, killing seven worshippers."
    assert _one(session, text, "2022-04-09")["date"]["start"] == "2022-04-09"


def test_a_day_of_mourning_is_not_the_incident_day(session) -> None:
    text = ("Chad was in mourning on Thursday for 14 soldiers killed when their patrol was ambushed near "
            "Bol. The ambush on Wednesday night was claimed by no group.")
    assert _one(session, text, "2022-06-09")["date"]["start"] == "2022-06-08"


def test_the_weekday_that_names_the_attacks_later_dates_them(session) -> None:
    text = ("date 2022-06-12 At least 9 farmers were killed when militants raided Kukawa in Borno state. "
            "The group claimed the two Saturday attacks in a statement.")
    assert _one(session, text, "2022-06-12")["date"]["start"] == "2022-06-11"


def test_overnight_and_a_weekday_name_that_weekday(session) -> None:
    text = "Rebels killed five villagers overnight Friday in an attack on a village near Beni, officials said."
    assert _one(session, text, "2022-05-15")["date"]["start"] == "2022-05-13"


@pytest.mark.parametrize("background", [
    "The militia is accused of killing thousands of villagers since 2014.",
    "More than 300 people have been killed by the rebels since March.",
])
def test_sums_and_earlier_incidents_add_nothing_to_the_toll(session, background: str) -> None:
    text = f"At least 12 people were killed by rebels in the town of Beni on Saturday night, officials said. {background}"
    event = _one(session, text, "2022-05-15")
    assert event["fatalities"]["best"] == 12


@pytest.mark.parametrize("text, admin1", [
    ("A suicide bomber struck a funeral in eastern Afghanistan on Monday, killing 9 people including the Jalalabad "
     "police chief. The bomb went off in a mosque in the town of Mehtarlam.", "Laghman"),
    ("Gunmen shot dead the Herat provincial governor in Kabul on Monday.", "Kabul"),
])
def test_the_seat_of_an_office_is_no_place_of_the_act(session, text: str, admin1: str) -> None:
    assert _one(session, text, "2021-06-08")["location"]["admin1"] == admin1


def test_a_sentence_opening_on_one_of_several_places_tells_the_act_there(session) -> None:
    text = ("date 2022-06-12 At least 30 people were killed when militants launched attacks on Dikwa and Nganzai "
            "in Borno state. The fighters overran the army base in Dikwa and killed 12 soldiers. "
            "In Nganzai, the militants arrived on motorcycles on Saturday and killed 18 farmers.")
    events = [e.to_dict() for e in session.extract_text(text, published="2022-06-12")]
    assert any(e["location"]["place"] == "Nganzai" and e["fatalities"]["best"] == 18 for e in events)

