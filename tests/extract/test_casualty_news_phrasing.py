"""Tolls as news reports phrase them: counts opened by 'another', the toll of an earlier act told in
passing, one toll for several acts, and the injured told by their treatment.

Texts written for these tests (issue 11, session 11: real news tolls); no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties, parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("another 68", (68, 68, 68)), ("a further 15", (15, 15, 15)), ("an additional three", (3, 3, 3)),
     ("another", (1, 1, 1))],
)
def test_a_word_of_further_victims_opens_the_figure(phrase: str, value: tuple[int, int, int]) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        ("A bomber blew himself up at a wedding, killing at least 17 people. Another 45 people were wounded.",
         17, 45),
        ("Gunmen shot dead nine villagers. A further 11 were injured, a local chief said.", 9, 11),
        ("Two rangers were killed in the ambush and another three were hurt.", 2, 3),
        # alone, 'another' is one more victim
        ("Two rangers were killed in the ambush. Another ranger was wounded.", 2, 1),
    ],
)
def test_another_n_counts_n(text: str, fatalities: int, injured: int) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.best, figures.injured.best) == (fatalities, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed six soldiers at a checkpoint on Friday. The army said the group had claimed an attack "
        "in November in which 14 soldiers were killed.",
        "Militants killed six soldiers at a checkpoint on Friday. It was the deadliest attack in the area since a "
        "2017 bombing that killed 40 people.",
        "Militants killed six soldiers at a checkpoint on Friday. The same faction carried out a raid last year "
        "which killed 25 villagers.",
        "Militants killed six soldiers at a checkpoint on Friday. Fear has grown since gunmen carried out a massacre "
        "in a remote farming village in April that left at least 90 dead.",
    ],
)
def test_an_earlier_acts_toll_adds_nothing(text: str) -> None:
    assert parse_casualties(text).fatalities.best == 6


def test_the_incidents_own_clause_still_counts() -> None:
    text = "Militants stormed a police post on Friday in an attack in which four officers were killed."
    assert parse_casualties(text).fatalities.best == 4


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # two acts, each with its own article, under one toll; the next sentence tells this one's
        ("A rocket attack on a barracks and a car bombing near the market killed 33 people on Sunday. The rocket "
         "attack killed at least 21 soldiers.", 21),
        # acts on two named places under one toll
        ("At least 50 people were killed when rebels launched attacks on Kaga and Bulama. In Kaga the fighters "
         "killed 30 residents.", 30),
        # alone, the summed toll is all the report tells
        ("A rocket attack on a barracks and a car bombing near the market killed 33 people on Sunday.", 33),
        # twin bombs are one act: the detail does not replace the toll
        ("Two bombs exploded at a bus station, killing 30 people. The first blast killed 12 people.", 30),
    ],
)
def test_a_toll_of_several_acts_gives_way_to_the_incidents_own(text: str, fatalities: int) -> None:
    assert parse_casualties(text).fatalities.best == fatalities


@pytest.mark.parametrize(
    "second",
    ["Twelve others were hospitalised.", "Twelve people were treated for injuries.",
     "Twelve people were admitted to hospital.", "Twelve others were left wounded."],
)
def test_the_injured_told_by_their_treatment(second: str) -> None:
    figures = parse_casualties("A grenade thrown into a bus killed four passengers on Monday. " + second)
    assert (figures.fatalities.best, figures.injured.best) == (4, 12)


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        # the definite group refers back to the count in the same sentence: not counted twice
        ("The raiders overran the post and killed at least 20 soldiers, then stayed to make sure the soldiers died.",
         20, None),
        # the wounded who later died move to the dead
        ("Three guards were wounded in the shooting. The guards later died of their wounds.", 3, None),
        # a group only abducted before is counted when killed
        ("Gunmen seized five herders on Monday. The herders were killed the next day.", 5, None),
    ],
)
def test_a_group_referred_back_to_is_counted_once(text: str, fatalities: int, injured: int | None) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.best, figures.injured.best) == (fatalities, injured)
