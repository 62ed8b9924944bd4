"""Tolls as real news tells them (issue 11, session 15): tolls told by a noun of the act ('the killing
of 13 civilians'), a headline telling two incidents parted by a semicolon, the second of several acts,
another place's 'where' clause, acts told as several ('in a pair of bomb attacks') and unnamed fighters
of one side ('militants attacked ..., killing four insurgents').

Texts written for these tests; no reference text is copied.
"""

from __future__ import annotations

import pytest

from tests.extract.casualty_helpers import best_figures as _best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of the act with 'of', and injuries 'to', count as a verb would
        ("The governor condemned the killing of 14 farmers, and injuries to 22 others, in the raid on Dunama.",
         (14, 22, None)),
        ("The massacre of 31 herders shocked the district.", (31, None, None)),
        ("The killing of a village chief by gunmen on Sunday drew protests.", (1, None, None)),
        # the same victims told again by the noun are not added
        ("Gunmen killed 14 farmers on Sunday. The governor condemned the killing of 14 farmers.", (14, None, None)),
        # a noun set over a span of time is no incident's toll; a year is no figure
        ("The gang is blamed for the killing of 250 people since 2015.", (None, None, None)),
        ("The killing in 2019 of three guards was never solved.", (None, None, None)),
    ],
)
def test_noun_tolls(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline of two incidents: the clause after the semicolon is the other one's
        ("Seven dead in bus station attack; 11 killed in wedding bombing", (7, None, None)),
        # a headline run into its story without a space is still read so
        ("Seven dead in bus station attack; 11 killed in wedding bombingGunmen stormed the bus station on "
         "Monday, killing seven people.", (7, None, None)),
        # one act told twice, or no act named after the semicolon: the groups stand
        ("Four killed in the blast; 15 injured in the blast.", (4, 15, None)),
        ("Three guards were killed; two drivers died.", (5, None, None)),
    ],
)
def test_headline_of_two_incidents(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # once the first act is told, the second act's casualties are its own
        ("The first bomb went off at a bus stop, killing four people and wounding 20 others. The second "
         "blast wounded at least eight people.", (4, 20, None)),
        # without a first act told, a second act's sentence stays (it may be this incident)
        ("Gunmen killed four people. The second blast wounded at least eight people.", (4, 8, None)),
        # a place told by where it lies, with a 'where' clause: that place's toll
        ("Gunmen killed three people in Tarabad on Friday. Tarabad lies near Kelmor, where a suicide "
         "bomber killed 23 people at a shrine.", (3, None, None)),
        ("The bomber struck a market in Kelmor, where 23 people were killed.", (23, None, None)),
        # acts told as several: their summed toll gives way to this incident's own
        ("Militants killed seven people, including three soldiers, in a pair of bomb attacks on Tuesday. "
         "The first attack hit a patrol near Dunama, where three soldiers were killed.", (3, None, None)),
    ],
)
def test_other_acts(text: str, expected: tuple) -> None:
    assert _best(text) == expected


def test_unnamed_fighters_are_one_side() -> None:
    # 'militants' attacked: 'insurgents' are the same side, their dead assailants (a clash still)
    text = ("Militants armed with heavy machine guns attacked an army post on Monday, triggering a gunfight "
            "that killed three soldiers and five insurgents.")
    from conflictlens.extract.casualties.parse import parse_casualties
    figures = parse_casualties(text, perpetrator_nouns_are_victims=True)
    assert (figures.fatalities.best, figures.perpetrators_killed.best) == (3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence opening on a contrast retells the victims: another source's figure, the lower is best
        ("A farmer said 26 people were killed. However, a police spokesman said 17 people were killed.",
         (17, None, None)),
        ("Nine people were killed, a medic said. But officials said at least 14 people died.", (9, None, None)),
        # unless it tells further victims, or revises the count
        ("Gunmen killed nine people. But four more people died in hospital.", (13, None, None)),
        # a revision word before a reporting verb tells when the source spoke, not further victims
        ("A farmer said 26 people were killed. Police later said 31 people had died.", (31, None, None)),
        ("Gunmen killed nine people. Four more later died in hospital.", (13, None, None)),
    ],
)
def test_sources_and_revisions(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another toll told as such: its groups of one sentence add up, and the lower figure is best
        ("A bomber killed 18 people including three guards, the mayor said. The ministry gave a lower death "
         "toll, saying eight traders and six guards were killed.", (14, None, None)),
        ("Police said 12 people were killed, while a nurse said nine traders and four guards died.",
         (12, None, None)),
        # an earlier act told 'since ..., when': its toll is not this one's
        ("A bomber blew himself up at a checkpoint, killing himself and one guard. It was the first bombing in the capital, "
         "Dunama, since last October, when more than 40 people were killed at a market.", (1, None, 1)),
        # a killing verb after an adverb of an earlier time tells an earlier act's toll
        ("Four people were killed when militants stormed a court. The group recently killed 15 guards it had "
         "abducted.", (4, None, None)),
    ],
)
def test_other_tolls_and_earlier_acts(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare 'more' or 'others' continues the group named last before it: attackers stay attackers
        ("Two attackers blew themselves up at the gate while one more was shot dead by guards. A guard and "
         "two porters died.", (3, None, 1)),
        ("Troops captured four of the raiders while six others died in the fighting, and three guards were "
         "killed.", (3, None, 6)),
        # after a victim group, the others are victims
        ("Bandits killed six herders and two others on the road.", (8, None, None)),
    ],
)
def test_others_continue_their_group(text: str, expected: tuple) -> None:
    assert _best(text) == expected
