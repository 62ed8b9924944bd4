"""Incidents found and dated (issue 11, session 20, branch hnewsfound9): an act told in passing ("The attack
came hours after gunmen killed ...") is an incident of its own, dated back from the one told, while the report
goes on with the one told; a page's stamp under the headline does not date the story; a dateline whose place
carries its country in brackets ("Quetta [Pakistan], December 19 (ANI):") is a dateline; a day after
"according to reports" is a day of telling. Texts written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.passing import came_after
from conflictlens.extract.wire.furniture import find_dateline


def _events(session, text: str, published: str) -> list[dict]:
    return [e.to_dict() for e in session.extract_text(text, published=published)]


def _by_place(events: list[dict]) -> dict[str, dict]:
    return {(e.get("location") or {}).get("place"): e for e in events}


@pytest.mark.parametrize("sentence,back", [
    ("The market attack comes hours after two policemen were shot dead at a checkpoint in Dikwa.", 0),
    ("The deaths came the day after a roadside bomb killed four soldiers near Gao.", 1),
    ("It came two days after gunmen abducted nine farmers in Zurmi.", 2),
    ("The ambush came just days after militants stormed a police post in Tank.", None),
    ("Wednesday's bombing was the third this month, after an attack on Sunday killed two traders in Marka.", None),
])
def test_an_act_the_incident_came_after_is_told_in_passing(sentence, back) -> None:
    assert came_after(sentence) == (True, back)


@pytest.mark.parametrize("sentence", [
    "The attack came two days after the governor said the army had killed a rebel commander.",  # a saying
    "The strike came a day after the attack.",                # "the attack": an incident told already
    "The raid came a week after militants stormed a school in Bama.",  # weeks before: background
    "Protests came a day after gunmen killed five traders.",  # no incident as the subject
    "Gunmen killed five traders after the market closed.",
])
def test_what_is_no_act_told_in_passing(sentence) -> None:
    assert came_after(sentence)[0] is False


def test_an_act_told_in_passing_hours_before_is_an_incident_of_that_day(session) -> None:
    text = ("Gunmen kill 14 miners in eastern Congo\n\n"
            "Gunmen killed 14 miners at a gold site near the town of Mambasa on Thursday, local officials said. "
            "The attackers arrived before dawn and opened fire on the workers. "
            "The mine attack comes hours after three people were killed when militiamen raided the village of "
            "Komanda. Residents blamed the ADF for the killings at the mine.")
    events = _by_place(_events(session, text, "2024-05-10"))
    assert set(events) >= {"Mambasa", "Komanda"}
    assert events["Mambasa"]["date"]["start"] == events["Komanda"]["date"]["start"] == "2024-05-09"
    assert events["Mambasa"]["fatalities"]["best"] == 14
    assert events["Komanda"]["fatalities"]["best"] == 3


def test_an_act_the_day_before_is_dated_the_day_before(session) -> None:
    text = ("KABUL: Nine people were killed on Tuesday when their minibus hit a roadside bomb in Ghazni "
            "province, a police spokesman said. The deaths came the day after a suicide bomber killed 20 "
            "worshippers at a mosque in Kabul. The minibus was travelling to the provincial capital.")
    events = _events(session, text, "2022-03-08")
    dates = sorted(e["date"]["start"] for e in events)
    assert dates == ["2022-03-07", "2022-03-08"]
    ghazni = next(e for e in events if e["date"]["start"] == "2022-03-08")
    assert ghazni["fatalities"]["best"] == 9


def test_a_sentence_going_on_with_the_act_told_in_passing_dates_it(session) -> None:
    text = ("Gunmen shot dead a judge in the southern state of Guerrero on Friday, prosecutors said. "
            "The judge was attacked as he left his office in Iguala. "
            "The killing came just days after a local mayor was killed in Tlapa. "
            "He was shot on Monday outside his home.")
    events = _by_place(_events(session, text, "2023-06-02"))
    days = {place.split()[0]: e["date"]["start"] for place, e in events.items()}  # "Tlapa de Comonfort"
    assert days == {"Iguala": "2023-06-02", "Tlapa": "2023-05-29"}


def test_an_earlier_attack_weeks_before_is_no_incident(session) -> None:
    text = ("A bomb killed eleven worshippers at a mosque in Kandahar on Friday, officials said. "
            "The attack came a week after a suicide bomber killed 40 people at a mosque in Kunduz.")
    events = _events(session, text, "2021-10-16")
    assert len(events) == 1
    assert events[0]["date"]["start"] == "2021-10-15"


def test_a_page_stamp_under_the_headline_does_not_date_the_story(session) -> None:
    text = ("Grenade attack wounds three in Goma\n\n"
            "Daily Courier, June 14, 2023 Share this article:\n\n"
            "Three people were Tuesday night wounded in a grenade explosion at a market in Goma, police said "
            "Wednesday.\n\n"
            "Witnesses said an unidentified man threw the grenade into the crowd.")
    events = _events(session, text, "2023-06-14")
    assert [e["date"]["start"] for e in events] == ["2023-06-13"]


@pytest.mark.parametrize("line,place", [
    ("Lahore [Pakistan], March 3 (ANI): Two policemen were shot dead on Sunday.", "Lahore"),
    ("Srinagar [India], July 9 (ANI): A militant was killed.", "Srinagar"),
])
def test_a_dateline_may_carry_its_country_in_brackets(line, place) -> None:
    found = find_dateline(line)
    assert found is not None and line[found.place[0]: found.place[1]] == place
    assert line[found.end:].startswith(("Two", "A "))


def test_the_dateline_day_in_brackets_form_does_not_date_the_story(session) -> None:
    text = ("Peshawar [Pakistan], April 10 (ANI): Three people were killed and five injured on Saturday in a "
            "blast near a bus stand in Peshawar, police said.")
    events = _events(session, text, "2022-04-10")
    assert events[0]["date"]["start"] == "2022-04-09"


def test_a_day_after_according_to_reports_is_no_day_of_the_act(session) -> None:
    text = ("According to reports on Sept. 20, the police chief called a recent bombing that killed four and "
            "injured 11 an act of terror. The explosives went off on Sunday at a bus station in Machala, "
            "killing four people and injuring 11.")
    events = _events(session, text, "2022-09-20")
    assert [e["date"]["start"] for e in events] == ["2022-09-18"]


def test_an_act_some_days_before_that_no_sentence_dates_gives_no_event(session) -> None:
    text = ("Car bomb kills 12 at Baghdad market\n\n"
            "A car bomb exploded at a crowded market in Baghdad on Saturday, killing 12 people, police said. "
            "The latest deaths come days after a gunman killed four people at a checkpoint north of the capital.")
    events = _events(session, text, "2016-04-09")
    assert [e["date"]["start"] for e in events] == ["2016-04-09"]
    assert events[0]["fatalities"]["best"] == 12
