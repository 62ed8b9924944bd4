"""Tolls as real news tells them (issue 11, session 19), by cause: a lead's total over several acts or a long
conflict's toll beside the incident's own figure, partial quotes between a subject and its verb, deaths told
inside a group of the wounded, and the side a report tells as martyrs.

Texts written for these tests (each rule checked on two or more phrasings); no reference text is copied.
"""

from __future__ import annotations

import pytest

from tests.extract.casualty_helpers import best_figures as _best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acts counted in figures are several acts: the incident's own toll stands
        ("Nine people have been killed in two attacks in the north, officials said. Six people were killed by "
         "gunmen overnight at Kaya, a security source said.", (6, None, None)),
        ("Gunmen killed 14 villagers in three raids on Sunday. In Bani, the gunmen shot dead eight farmers.",
         (8, None, None)),
        ("Both ambushes left 20 soldiers dead. The army said 12 soldiers died near Tessit.", (12, None, None)),
        # blasts counted in one attack are one act
        ("Two blasts killed 20 people at the market. The first blast killed 5.", (20, None, None)),
        # a toll over two named provinces or states sums the acts in each
        ("Bandits raided villages across Sokoto and Kebbi states, killing more than 30 people. Police said 9 "
         "people were killed in Tangaza.", (9, None, None)),
        ("At least 11 soldiers were killed in insurgent attacks in Kunduz and Helmand provinces on Thursday. "
         "In Kunduz, eight soldiers were killed at an outpost.", (8, None, None)),
        # alone, either is all the report tells, and stays
        ("Nine people have been killed in two attacks in the north, officials said.", (9, None, None)),
        ("At least 11 soldiers were killed in insurgent attacks in Kunduz and Helmand provinces on Thursday.",
         (11, None, None)),
        # the states of the police who spoke sum nothing
        ("Gunmen killed 12 people at a market in Kano, police in Kano and Kaduna states said.", (12, None, None)),
    ],
)
def test_totals_over_several_acts(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll a long conflict has taken is no incident's
        ("Gunmen killed 40 villagers on Saturday. The attack was not linked to a war in the north that began in "
         "2020 and has resulted in the deaths of thousands of people.", (40, None, None)),
        ("Gunmen killed 40 villagers on Saturday. The insurgency, which began in 2009, has killed more than "
         "35,000 people.", (40, None, None)),
        ("Gunmen killed 40 villagers on Saturday. More than 40,000 people have been killed in the conflict.",
         (40, None, None)),
        ("Militants killed 12 soldiers on Monday. The insurgency has killed hundreds of soldiers.", (12, None, None)),
        # 'the latest violence' and a war-torn place may tell the incident itself
        ("At least 12 people have been killed in the latest violence in Jos.", (12, None, None)),
        ("Twelve soldiers have been killed in the war-torn north.", (12, None, None)),
    ],
)
def test_a_long_conflicts_toll(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A local official said three people "were shot dead in the village of Kora," and their bodies were '
         'found later.', (3, None, None)),
        ("The mayor said four traders \u201cwere killed by the gunmen at the market\u201d on Sunday.", (4, None, None)),
        ('Police said that five guards "died instantly" when the truck exploded.', (5, None, None)),
        ('Witnesses said two children "had been injured by shrapnel" in the blast.', (None, 2, None)),
    ],
)
def test_partial_quote_before_the_verb(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a death told in a relative clause inside a group of the wounded is the antecedent's
        ("A roadside bomb injured at least seven people including a soldier who later died, state radio said.",
         (1, 7, None)),
        ("Nine villagers, including a child who later died, were wounded in the blast.", (1, 9, None)),
        ("The blast wounded nine villagers, two of whom later died in hospital.", (2, 9, None)),
        ("Gunmen killed five and wounded 12, two of whom later died.", (7, 12, None)),
        # without the wounded, such a clause retells one of the dead
        ("Five people were killed, including a nurse who died on the way to hospital.", (5, None, None)),
        ("Gunmen killed a guard who tried to stop them.", (1, None, None)),
    ],
)
def test_a_later_death_inside_the_wounded(text: str, expected: tuple) -> None:
    assert _best(text) == expected


def _fatalities(session, text: str) -> list:
    return [(e.sub_event_type, e.fatalities.best) for e in session.extract_text(text, published="2025-03-02")]


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were martyred and nine terrorists were killed in a fierce gunfight with militants in "
        "Bannu district on Saturday, the military said.",
        "Security forces clashed with militants in Tank district on Saturday. Nine militants were killed in the "
        "exchange of fire, while two soldiers embraced martyrdom, the army said.",
    ],
)
def test_a_clash_whose_martyrs_are_the_victims(session, text: str) -> None:
    """The side told as martyrs are the victims; the other side's fighters killed are assailants."""
    assert (("Armed clash", 2) in _fatalities(session, text)), _fatalities(session, text)


def test_a_clash_without_martyrs_still_counts_the_fighters(session) -> None:
    """Without that framing the fighters killed in a clash stay victims, as before."""
    text = "Troops clashed with militants in Tank district on Saturday. Nine militants were killed, the army said."
    assert ("Armed clash", 9) in _fatalities(session, text), _fatalities(session, text)
