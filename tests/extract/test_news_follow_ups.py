"""What followed an incident, quotes that retell it, and background: no incident of their own; a town's
province read in the report's country (issue 11, session 15, branch hnewsfound4). Texts written for
these tests."""

from __future__ import annotations

import pytest


_ACT = "Gunmen killed five villagers in Konduga on Monday. "


def _events(session, text: str) -> list[dict]:
    return [e.to_dict() for e in session.extract_text(text, published="2021-06-10")]


@pytest.mark.parametrize("after", [
    "Hundreds attended the funerals of the victims in Konduga on Wednesday.",
    "On Wednesday, students protested against the killing in Maiduguri.",
    "On Wednesday, the governor condemned the attack.",
    "On Wednesday, a court charged two men over the attack.",
    "Students protested against the killing in Maiduguri on Wednesday.",
])
def test_what_followed_an_incident_opens_none(session, after: str) -> None:
    (event,) = _events(session, _ACT + after)
    assert event["date"]["start"] == "2021-06-07" and event["fatalities"]["best"] == 5


def test_a_deed_told_at_a_protest_is_still_an_event(session) -> None:
    text = _ACT + "On Wednesday, protesters clashed with police in Maiduguri over the killing, leaving two dead."
    assert len(_events(session, text)) == 2


@pytest.mark.parametrize("after", [
    "\"They attacked us in Maiduguri,\" a survivor said.",  # a quote opening on a pronoun
    "\u201cGunmen killed my brother in front of me today,\u201d said a survivor.",  # a speaker's today
    "\u201cThe gunmen behind today\u2019s attack came from Maiduguri,\u201d a survivor said.",
    "Another eyewitness told reporters the gunmen shot the villagers in the market.",  # a speaker
])
def test_a_quote_or_a_witness_retells_the_act(session, after: str) -> None:
    (event,) = _events(session, _ACT + after)
    assert event["date"]["start"] == "2021-06-07"


def test_a_separate_attack_after_the_act_is_still_told(session) -> None:
    text = _ACT + "In a separate attack on Tuesday, gunmen killed three farmers in Damboa."
    assert len(_events(session, text)) == 2


def test_a_town_is_read_in_the_report_s_country_for_its_province(session) -> None:
    # "Gubio" is also Gubbio, Umbria: in a Nigerian report it lies in Borno, the province told
    text = ("Islamist fighters killed 59 people when they invaded a herding village in Borno State on Tuesday. "
            "Fighters from the group drove into a remote village in Gubio district shooting at residents.")
    (event,) = _events(session, text)
    assert event["location"]["place"] == "Gubio"


def test_a_speaker_s_surname_is_no_place(session) -> None:
    text = ("Gunmen stormed a hospital in Kabul on Tuesday, killing 14 people, said interior ministry spokesman "
            "Tariq Arian. Security forces killed all three assailants after hours of battle, Arian said.")
    (event,) = _events(session, text)
    assert event["location"]["place"] == "Kabul"


def test_a_favourite_tactic_is_background(session) -> None:
    text = ("A roadside bomb killed three soldiers in Mopti on Tuesday. Planting bombs under busy roads is a "
            "favourite tactic of militants operating in the Sahel.")
    (event,) = _events(session, text)
    assert event["fatalities"]["best"] == 3


def test_a_headline_and_an_overview_of_several_attacks_tell_none_of_them(session) -> None:
    text = ("Dozens killed in deadly attacks in Afghanistan\nTwo separate attacks targeted a hospital in Kabul and "
            "a funeral in Nangarhar province on Tuesday. Gunmen stormed the hospital in Kabul, killing 14 people. "
            "In Nangarhar, a suicide bomber blew himself up at a funeral, killing 24 people.")
    kabul, nangarhar = _events(session, text)
    assert (kabul["fatalities"]["best"], nangarhar["fatalities"]["best"]) == (14, 24)


def test_an_arrest_told_with_a_charge_stays_an_event(session) -> None:
    # later arrests are kept as events of their own (ACLED's strategic development 'Arrests')
    text = _ACT + "On Wednesday, police arrested and charged three men over the attack."
    act, arrest = _events(session, text)
    assert (arrest["sub_event_type"], arrest["date"]["start"]) == ("Arrests", "2021-06-09")


def test_a_town_that_is_also_a_speaker_s_name_still_places_the_act(session) -> None:
    text = _ACT + "Local leader Musa Konduga said the gunmen came on motorbikes."
    (event,) = _events(session, text)
    assert event["location"]["place"] == "Konduga"


def test_many_attacks_in_a_group_s_history_are_background(session) -> None:
    text = ("A bomb killed three soldiers in Jolo on Tuesday. Unlike other rebels in Mindanao, the group is "
            "considered a terrorist organization because of its many terrorist attacks in Basilan.")
    (event,) = _events(session, text)
    assert event["fatalities"]["best"] == 3


def test_a_funeral_that_tells_the_toll_gives_it_to_the_act(session) -> None:
    # a toll told with the funeral is the act's: the sentence joins the act as before
    text = ("Gunmen killed five people in Konduga on Monday. In a separate attack, bandits raided Damboa on "
            "Tuesday. Mourners at the funerals in Damboa said 12 people were killed in the attack.")
    first, second = _events(session, text)
    assert (second["location"]["place"], second["fatalities"]["best"]) == ("Damboa", 12)
