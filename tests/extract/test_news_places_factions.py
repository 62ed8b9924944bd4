"""Real news phrasing, issue 11 (session 9): factions named with their parent group, groups named in
a report's own words. Texts written for these tests (no restricted text)."""

from __future__ import annotations

import pytest


def _main(session, text: str, published: str = "2021-03-10") -> dict:
    return session.extract_text(text, published=published)[0].to_dict()


@pytest.mark.parametrize("claim", [
    "The Jamaat-ul-Ahrar faction of the banned Tehreek-i-Taliban Pakistan (TTP) claimed responsibility.",
    "Jamaat-ul-Ahrar, a breakaway faction of the Tehreek-i-Taliban Pakistan, claimed the attack.",
])
def test_a_faction_named_with_its_parent_is_the_claimant(session, claim: str) -> None:
    text = f"Two suicide bombers attacked a police post in Peshawar on Monday, killing four officers. {claim}"
    event = _main(session, text)
    assert (event["perpetrator"], event["claimed"]) == ("Jamaat-ul-Ahrar", True)


def test_a_parent_group_alone_is_still_the_claimant(session) -> None:
    text = ("Two suicide bombers attacked a police post in Peshawar on Monday, killing four officers. "
            "The Tehreek-i-Taliban Pakistan claimed responsibility.")
    assert _main(session, text)["perpetrator"] == "Tehrik-i-Taliban Pakistan (TTP)"


def test_the_west_africa_province_in_a_reports_words(session) -> None:
    text = ("Fighters from the Islamic State group West Africa (ISWAP) killed 31 herders on Tuesday in a village "
            "of Gubio district, Borno State, a militia leader said.")
    event = _main(session, text)
    assert event["perpetrator"] == "Islamic State West Africa Province (ISWAP)"
    assert (event["location"]["admin1"], event["location"]["place"]) == ("Borno", "Gubio")


@pytest.mark.parametrize("sentence, killed, injured", [
    # a bare count before the next verb is that verb's subject, not the first verb's object
    ("A health official said figures from the hospitals show 30 killed about 60 wounded.", 30, 60),
    # 'wounded people' counts the number right before it, not the bodies coordinated with it
    ("A doctor said thirty bodies and 70 wounded people had been brought to the hospital.", None, 70),
    # ', and' opens a clause: the governor is no victim, the civilians are no soldiers
    ("The bomb tore through a mosque, killing at least 20 people including the police chief, and the "
     "governor blamed a foreign militant.", 20, None),
    ("The blast killed three soldiers, and two civilians were wounded.", 3, 2),
    # a list with a comma before 'and' is still one group
    ("Three soldiers, two policemen, and a teacher were killed.", 6, None),
])
def test_counts_in_news_sentences(sentence: str, killed, injured) -> None:
    from conflictlens.extract.casualties.parse import parse_casualties
    figures = parse_casualties(sentence)
    assert (figures.fatalities.best, figures.injured.best) == (killed, injured)


def test_a_storming_places_the_incident_told_before_it(session) -> None:
    text = ("At least 12 soldiers are dead after dozens of militants attacked an army barracks in northern "
            "Burkina Faso. The jihadists stormed the barracks early Friday in Nassoumbou, near the Malian border.")
    event = _main(session, text, published="2016-12-16")
    assert (event["date"]["start"], event["location"]["admin1"], event["location"]["place"]) == (
        "2016-12-16", "Sahel", "Nassoumbou")


@pytest.mark.parametrize("sentence, act", [
    ("Gunmen stormed into a school in the town on Monday.", True),
    ("The home side stormed to victory in the final on Monday.", False),
])
def test_storming_a_place_is_an_act(sentence: str, act: bool) -> None:
    from conflictlens.extract.typing.unreal import tells_an_act
    assert tells_an_act(sentence) is act


def test_a_sum_over_separate_attacks_is_the_toll_of_neither(session) -> None:
    text = ("At least 30 people have been killed in two separate attacks in the port city of Aden. A rocket "
            "attack on a military camp in Aden killed at least 22 soldiers on Thursday, officials said. The "
            "earlier attack, a suicide bombing at a police station, killed at least eight others.")
    events = [e.to_dict() for e in session.extract_text(text, published="2019-08-01")]
    assert sorted(e["fatalities"]["best"] for e in events) == [8, 22]


def test_twin_bombings_stay_one_incident(session) -> None:
    text = ("At least 30 people were killed in twin suicide bombings at a market in central Baghdad on "
            "Thursday. The second bomber blew himself up as people came to help the wounded.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-01-21")]
    assert [e["fatalities"]["best"] for e in events] == [30]


def test_a_sum_over_separate_attacks_alone_is_the_report(session) -> None:
    text = ("Gunmen have killed nine villagers in separate attacks on three farming communities of Zamfara "
            "State, police said on Thursday.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-03-10")]
    assert [e["fatalities"]["best"] for e in events] == [9]
