"""Real news phrasing, session 12 of issue 11: factions named with their parent group, groups named in
a report's own words. Texts written for these tests (no restricted text)."""

from __future__ import annotations

import pytest

import conflictlens


@pytest.fixture(scope="module")
def session():
    with conflictlens.open() as s:
        yield s


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
