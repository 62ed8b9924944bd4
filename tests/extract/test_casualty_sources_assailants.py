"""Tolls told by two sources, attackers counted inside a toll, and the injured as news phrases them.

Texts written for these tests (issue 11, session 12: real news tolls); no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties
from conflictlens.extract.wire.furniture import find_dateline


def _triple(c) -> tuple:
    return (c.low, c.best, c.high)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a second source's toll after 'while': the range spans both, the lower is the best
        ("Police said 12 people were killed, while a hospital official put the toll at 15.", (12, 12, 15)),
        ("At least 30 people died, while a medic told reporters the death toll stood at more than 40.",
         (30, 30, None)),
        # two groups told by two speakers in one sentence: the same victims, not 27
        ("Police said 12 people were killed, while a hospital official said 15 people died.", (12, 12, 15)),
        ("The army said 12 soldiers were killed, but the rebels claimed they had killed 30 soldiers.",
         (12, 12, 30)),
    ],
)
def test_two_sources_in_one_sentence_give_a_range(text: str, fatalities: tuple) -> None:
    assert _triple(parse_casualties(text).fatalities) == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a revision is no second source: the latest toll is the best
        ("Nine people were killed on Sunday, but the death toll rose to 14 on Monday.", (9, 14, 14)),
        # 'five more' after the contrast tells further victims
        ("Police said 12 soldiers were killed, while officials said five more died in a second blast.",
         (17, 17, 17)),
        # no other speaker after 'while': two groups, they add up
        ("Police said 12 soldiers were killed, while 15 civilians died.", (27, 27, 27)),
        # another sentence's toll is still a revision
        ("Police said 12 people were killed. Later a hospital official put the toll at 15.", (12, 15, 15)),
    ],
)
def test_revisions_and_further_victims_stay_as_they_were(text: str, fatalities: tuple) -> None:
    assert _triple(parse_casualties(text).fatalities) == fatalities


@pytest.mark.parametrize(
    ("text", "victims", "assailants"),
    [
        ("The blast killed 12 people, including the two suicide bombers.", 10, 2),
        ("Twelve people, including the bomber, were killed.", 11, 1),
        ("The explosion killed at least 17 people, including both attackers, and wounded 40.", 15, 2),
        ("The raid killed 12 people, including three children and the gunman.", 11, 1),
        ("The death toll rose to 12, including the two attackers.", 10, 2),
        # no count of the attackers, or no attackers: as before
        ("The attack killed 12 people, including the attackers.", 12, None),
        ("The attack killed 12 people, including three policemen.", 12, None),
    ],
)
def test_attackers_inside_a_toll_are_not_victims(text: str, victims: int, assailants: int | None) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.best, figures.perpetrators_killed.best) == (victims, assailants)


def test_attackers_wounded_inside_a_count_stay_injured() -> None:
    # injured assailants are counted in 'injured' (the lexicon's convention)
    figures = parse_casualties("The attack killed 12 people and wounded 30, including the attacker.")
    assert (figures.fatalities.best, figures.injured.best, figures.perpetrators_killed.best) == (12, 30, None)


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        ("The attack killed five people, with dozens hurt.", 5, 24),
        ("Gunmen stormed the village, with at least 12 dead and 30 injured.", 12, 30),
        ("The blast killed three people and left 20 others wounded.", 3, 20),
        ("At least 30 people sustained gunshot injuries in the attack.", None, 30),
        ("Five people were killed and 11 sustained bullet wounds.", 5, 11),
        ("Five people were killed and 11 suffered serious head injuries.", 5, 11),
        ("Two died and four others sustained various degrees of injuries.", 2, 4),
        ("Five people were killed and 11 were left with injuries.", 5, 11),
        ("Hospital sources said 25 people were being treated for their injuries.", None, 25),
        ("The attack left five dead and several dozen injured.", 5, 24),
        ("The hospital received 15 injured people and 4 bodies.", None, 15),
        # 'with' before no count is part of the subject
        ("Two soldiers with the convoy died.", 2, None),
    ],
)
def test_injured_phrasings(text: str, fatalities: int | None, injured: int | None) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.best, figures.injured.best) == (fatalities, injured)


def test_a_fatal_injury_is_no_injury() -> None:
    figures = parse_casualties("The soldier suffered fatal injuries.")
    assert figures.injured.best is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bomber kills 9 at a wedding in Kunduz KUNDUZ, Afghanistan (AP) \u2014 A bomber struck a wedding.",
         "KUNDUZ, Afghanistan"),
        ("Eleven soldiers killed in raid on army post MOPTI: Gunmen attacked an army post.", "MOPTI"),
    ],
)
def test_a_headline_run_into_the_dateline(text: str, place: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and text[slice(*dateline.place)] == place
    assert text[dateline.end:].startswith(("A bomber", "Gunmen"))


@pytest.mark.parametrize(
    "text",
    [
        "Police said 20 people were killed in an attack on the NATO base, and the UN condemned it.",
        "Ten killed in Kabul blast, a Taliban official told AFP: the toll may rise.",
    ],
)
def test_capitals_inside_a_sentence_are_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_glued_headline_toll_adds_nothing(session) -> None:
    text = ("Bomber kills 9, wounds 25 at a wedding in Kunduz KUNDUZ, Afghanistan (AP) \u2014 A suicide bomber "
            "blew himself up at a wedding party in Kunduz on Saturday, killing nine people and wounding 25, "
            "a provincial spokesman said.")
    events = [e.to_dict() for e in session.extract_text(text, published="2024-03-10")]
    assert len(events) == 1
    assert (events[0]["fatalities"]["best"], events[0]["injured"]["best"]) == (9, 25)


@pytest.mark.parametrize(
    ("story", "injured"),
    [
        # the headline's dead are the story's: its injured are too
        ("Gunmen kill 9, injure 20 in raid on village\nGunmen raided the village of Kawuri on Saturday, "
         "killing nine people, an official said.", 20),
        # a headline whose dead differ from the story's may tell another incident: nothing is taken
        ("Gunmen kill 9, injure 20 in raids across the state\nGunmen raided the village of Kawuri on "
         "Saturday, killing four people, an official said.", None),
    ],
)
def test_injured_told_in_the_headline_only(story: str, injured: int | None) -> None:
    body = story.index("\n") + 1
    figures = parse_casualties(story, [(body, len(story))], headline=True)
    assert figures.injured.best == injured
    if injured is not None:
        assert figures.spans["injured"] and figures.spans["injured"][0][1] <= body


def test_later_deaths_raise_the_toll_of_the_same_incident(session) -> None:
    # "Two more people later died" tells no new incident ("Two hours later, ..." would)
    text = ("QUETTA, Pakistan \u2014 A bomb exploded at a political rally in Quetta on Friday, killing at least "
            "12 people, police said. Two more people later died of their wounds, raising the toll to 14.")
    events = [e.to_dict() for e in session.extract_text(text, published="2024-03-10")]
    assert len(events) == 1
    assert events[0]["fatalities"]["best"] == 14
