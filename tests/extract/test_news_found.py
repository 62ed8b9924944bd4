"""Incidents a news report tells that were not found, or found where none was (issue 11, session 12,
branch hnewsfound). Texts written for these tests."""

from __future__ import annotations

import pytest


def _events(session, text: str, published: str) -> list[dict]:
    return [e.to_dict() for e in session.extract_text(text, published=published)]


# An attack told by a storming or raiding verb, its toll in a participle clause.
@pytest.mark.parametrize("text,killed", [
    ("Insurgent fighters stormed a guesthouse in Kismayo on Tuesday, killing 9 people, officials said.", 9),
    ("Armed men raided a wedding party in Gusau on Tuesday night, killing 11 guests and wounding four.", 11),
    ("Rebel fighters overran a camp for displaced families near Beni on Tuesday, killing 7 people.", 7),
])
def test_a_storming_verb_with_a_participle_toll_is_an_attack(session, text: str, killed: int) -> None:
    (event,) = _events(session, text, "2021-06-09")
    assert event["date"]["start"] == "2021-06-08" and event["fatalities"]["best"] == killed


def test_a_raid_that_hurt_nobody_stays_as_it_was(session) -> None:
    # the cue needs a toll told with it: a police search is no attack
    text = "Police raided the offices of a newspaper in the capital on Tuesday and seized computers."
    assert all(e["sub_event_type"] != "Attack" for e in _events(session, text, "2021-06-09"))


# A commemoration where an act of violence happens is an event; a commemoration alone is not.
@pytest.mark.parametrize("text", [
    "A bomb ripped through a crowd gathered to commemorate the anniversary of a tribal elder's death in "
    "Zhob on Tuesday, killing 14 people.",
    "An explosion at a memorial ceremony for a slain commander in Zhob killed 14 people on Tuesday.",
    "Fourteen people were killed when a blast tore through a commemoration in Zhob on Tuesday.",
])
def test_violence_at_a_commemoration_is_an_event(session, text: str) -> None:
    (event,) = _events(session, text, "2021-06-09")
    assert event["date"]["start"] == "2021-06-08" and event["fatalities"]["best"] == 14


@pytest.mark.parametrize("text", [
    "Hundreds gathered in Zhob on Tuesday to mark the anniversary of the bombing that killed 14 people.",
    "Families laid wreaths on Tuesday to mark the fifth anniversary of the attack, which killed 14 people.",
])
def test_a_commemoration_of_an_old_attack_is_no_event(session, text: str) -> None:
    assert _events(session, text, "2021-06-09") == []


# The history of an actor told in a relative clause opens no incident and dates none.
@pytest.mark.parametrize("clause", [
    "The rebels, who seized power in August 2017, say they have restored order, but a rival militia has "
    "carried out attacks on civilians.",
    "The rebels, who took control of the province in 2017, said their fighters killed two spies there.",
    "The group has held the valley since seizing control of it in March 2018, and its fighters have attacked "
    "the army there.",
])
def test_an_actors_history_in_a_clause_opens_no_incident(session, clause: str) -> None:
    text = ("A bomb exploded at a market in Zhob on Tuesday, killing six people, police said.\n\n"
            "No group claimed responsibility. " + clause)
    events = _events(session, text, "2021-06-09")
    assert [e["date"]["start"] for e in events] == ["2021-06-08"]


# A report that names no day is dated by the day it was published.
def test_an_undated_report_is_dated_by_its_publication_day(session) -> None:
    text = "Militants attacked a police checkpoint in Zhob district, killing four policemen, officials said."
    (event,) = _events(session, text, "2021-06-09")
    assert (event["date"]["start"], event["date"]["end"], event["date"]["precision"]) == \
        ("2021-06-09", "2021-06-09", "week")


# A sentence that opens on another day and tells its own act before a word that refers back ("the
# assault" of the same sentence) is another incident; a toll for the incident told before is not.
def test_an_act_told_on_another_day_before_its_anaphor_is_another_incident(session) -> None:
    text = ("Gunmen killed three farmers in the village of Kuru on Friday night, officials said.\n\n"
            "Sunday morning the gunmen attacked the nearby village of Dogo, where four people were killed "
            "before soldiers repelled the assault.")
    assert [e["date"]["start"] for e in _events(session, text, "2021-06-14")] == ["2021-06-11", "2021-06-13"]


def test_a_later_toll_of_the_attack_told_stays_with_it(session) -> None:
    text = ("Gunmen killed three farmers in the village of Kuru on Friday night, officials said.\n\n"
            "On Sunday two more villagers died of wounds suffered in the attack, police said.")
    assert [e["date"]["start"] for e in _events(session, text, "2021-06-14")] == ["2021-06-11"]


def test_what_a_group_goes_on_doing_is_no_incident(session) -> None:
    text = ("A car bomb exploded outside a restaurant in Baidoa on Tuesday, killing five people, police said.\n\n"
            "Despite being pushed out of Kismayo and most towns of the south, the insurgents continue to carry "
            "out deadly suicide attacks in Somalia and in neighbouring Kenya.")
    assert [e["date"]["start"] for e in _events(session, text, "2021-06-09")] == ["2021-06-08"]


def test_a_month_in_an_actors_history_dates_no_incident(session) -> None:
    text = ("Rioters torched police cars outside the ministry in Lusaka, injuring nine officers, in protest at "
            "fuel prices set by the government, which came to power in May.")
    (event,) = _events(session, text, "2021-11-10")
    assert event["date"]["start"] == "2021-11-10"
