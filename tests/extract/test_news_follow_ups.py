"""What followed an incident, quotes that retell it, and the province of a town told: no incident of
their own (issue 11, session 15, branch hnewsfound4). Texts written for these tests."""

from __future__ import annotations

import pytest

import conflictlens

_ACT = "Gunmen killed five villagers in Konduga on Monday. "


@pytest.fixture(scope="module")
def session():
    with conflictlens.open() as s:
        yield s


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
    "Another eyewitness told reporters the gunmen shot the villagers in the market.",  # a speaker
])
def test_a_quote_or_a_witness_retells_the_act(session, after: str) -> None:
    (event,) = _events(session, _ACT + after)
    assert event["date"]["start"] == "2021-06-07"


def test_the_province_of_a_town_told_is_no_new_place(session) -> None:
    (event,) = _events(session, _ACT + "Police said gunmen on motorbikes killed five villagers in Borno State.")
    assert event["location"]["place"] == "Konduga"


def test_a_separate_attack_after_the_act_is_still_told(session) -> None:
    text = _ACT + "In a separate attack on Tuesday, gunmen killed three farmers in Damboa."
    assert len(_events(session, text)) == 2
