"""Who did it, in real news phrasing (issue 11). Texts written for these tests."""

from __future__ import annotations

import pytest


def _main(session, text: str) -> dict:
    events = session.extract_text(text, published="2021-07-20")
    return events[0].to_dict()


@pytest.mark.parametrize("text", [
    "A bomb ripped through a crowded Baghdad market on Monday, killing 30 people, in what the Islamic State "
    "group's militants claimed as a suicide attack.",
    "A suicide bomber killed 30 people in a Baghdad market on Monday. The extremists claimed on the Telegram "
    "messenger service that an IS suicide bomber had detonated an explosives belt.",
    "Houthi rebels claim to be behind a missile that hit a military parade in Aden on Monday, killing 30 soldiers.",
    "A suicide bomber killed 30 people near a mosque in Jalalabad on Monday. A Taliban spokesman, Qari Yusuf, "
    "said the group had sent the bomber.",
])
def test_claims_told_in_news_phrasing(session, text: str) -> None:
    event = _main(session, text)
    assert event["claimed"] is True and event["perpetrator"]


def test_a_claim_of_an_earlier_attack_is_not_this_ones(session) -> None:
    text = ("A suicide bomber attacked a mosque in Kandahar on Monday, killing 40 people. The assault came a week "
            "after a suicide attack on a mosque in Kunduz, which was claimed by the Islamic State group.")
    event = _main(session, text)
    assert (event["claimed"], event["perpetrator"]) == (False, None)


def test_a_place_before_attack_is_no_perpetrator(session) -> None:
    text = ("A suicide bomber killed 20 people near a mosque in Mehtar Lam on Monday. Officials said the group "
            "behind the Laghman attack was not yet known.")
    assert _main(session, text)["perpetrator"] in (None, "Unidentified")


def test_a_headlines_counted_soldiers_are_victims_not_perpetrators(session) -> None:
    text = "Two Mali Soldiers Killed In Roadside Bomb Attack\n\nTwo Malian soldiers were killed by a roadside bomb on Tuesday."
    assert _main(session, text)["perpetrator"] in (None, "Unidentified")
