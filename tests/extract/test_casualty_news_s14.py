"""Tolls as real news tells them (issue 11, session 14): a toll told far from its noun ('the death toll
from ... has risen to 59'), a toll that is no bare article, a part of a group told before ('one of the
people wounded'), the object of an attack verb before another clause's subject, an earlier act set
'since' another, and the injured told by their hospital or their treatment.

Texts written for these tests; no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties
from tests.extract.casualty_helpers import best_figures as _best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of rising lets the figure stand far from the toll noun, possessives included
        ("The death toll from a night-time militant raid on a border post in the hilly north of Zarang "
         "province has risen to 37, officials said.", (37, None, None)),
        ("The death toll in Tuesday's attack by gunmen on four hamlets near Dunama has risen to 41.", (41, None, None)),
        ("Gunmen killed 12 people at the market. The death toll from the attack on the crowded Tuesday "
         "market near the old bridge in Dunama later rose to 19.", (19, None, None)),
        # without a verb of rising, the figure stays within eight words of the noun
        ("The death toll remained unclear hours after gunmen stormed the hotel in the centre of the old city "
         "and held 40 guests.", (None, None, None)),
    ],
)
def test_a_rising_toll_far_from_its_noun(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll in an attack at a market in Dunama rose to 20.", (20, None, None)),
        ("Six people were killed. The death toll from the attack at a checkpoint is expected to rise.",
         (6, None, None)),
        ("The toll stood at a dozen after the raid.", (12, None, None)),
    ],
)
def test_a_toll_is_no_bare_article(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a group told before counts no further injured
        ("One of the people wounded in the raid on the depot has died, taking the toll to five. "
         "Two wounded guards are in hospital.", (5, 2, None)),
        ("Two of the men injured in the ambush were flown to the capital.", (None, None, None)),
        # a count of its own still counts, a part told in the passive too
        ("Two men were injured in the ambush.", (None, 2, None)),
        ("Six herders were seized; one was shot dead and two of the herders were injured.", (1, 2, None)),
    ],
)
def test_a_part_of_a_group_told_before(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of an attack verb before 'and' is no part of the next clause's subject
        ("The raiders shot 9 of the herders in the legs and four others sustained burn injuries.", (None, 4, None)),
        ("Gunmen attacked two buses and six passengers were wounded.", (None, 6, None)),
        # a reporting verb's clause keeps its whole subject
        ("Police said two guards and three drivers were wounded.", (None, 5, None)),
    ],
)
def test_an_attack_verb_object_before_a_clause(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A bomber killed 14 people at the shrine. It was the third attack on the shrine since April, "
         "when more than 30 pilgrims were killed.", (14, None, None)),
        ("It was the first attack on the town since the truce, and it killed 8 people.", (8, None, None)),
    ],
)
def test_an_earlier_act_set_since_another(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people were killed and 11 others were being treated at Saint Anselm Hospital.", (3, 11, None)),
        ("Seven guards were rushed to the district headquarters hospital in Tarin.", (None, 7, None)),
        ("Four villagers were treated for gunshot wounds.", (None, 4, None)),
        ("Nine workers were hospitalised with burn injuries.", (None, 9, None)),
        ("The toll rose to 21 and 38 people were still in hospitals for treatment.", (21, 38, None)),
        ("Fourteen passengers remain in hospital.", (None, 14, None)),
        # the dead taken to a hospital are not injured
        ("The bodies of six victims were shifted to the city hospital.", (None, None, None)),
        ("Two suspects were taken to a police station.", (None, None, None)),
    ],
)
def test_the_injured_told_by_their_hospital(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name joined by 'and' to a place ('in Tarin and Dosali') is a place, not a victim
        ("After the attacks in Tarin and Dosali, 31 people were injured.", (None, 31, None)),
        ("Gunmen killed Wali Jan and Karim Dad in Tarin.", (2, None, None)),
    ],
)
def test_places_are_no_victims(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll told in the pluperfect is the earlier one
        ("The death toll from the bombings rose to 88 on Thursday. The toll had been put at 71 on Wednesday.",
         (88, None, None)),
        ("The death toll rose to 11 on Monday. The toll had stood at 9 before two of the wounded died.",
         (11, None, None)),
        # 'reaches', 'hits'
        ("Death toll from depot blast reaches 23", (23, None, None)),
        ("Market attack toll hits 17", (17, None, None)),
    ],
)
def test_earlier_and_reached_tolls(text: str, expected: tuple) -> None:
    assert _best(text) == expected


def test_fighters_told_as_the_attackers_are_no_victims() -> None:
    # in a clash, fighters killed count as victims, unless the passage tells them as the attackers
    text = "Six insurgents stormed a border post at dawn. Three insurgents were killed and four guards were wounded."
    figures = parse_casualties(text, [(0, len(text))], perpetrator_nouns_are_victims=True)
    assert (figures.fatalities.best, figures.injured.best, figures.perpetrators_killed.best) == (None, 4, 3)
    clash = "Troops raided a hideout at dawn. Three insurgents were killed."
    figures = parse_casualties(clash, [(0, len(clash))], perpetrator_nouns_are_victims=True)
    assert (figures.fatalities.best, figures.perpetrators_killed.best) == (3, None)


def test_a_headline_telling_only_the_dead_fills_them() -> None:
    # over the report's first event, a headline's count of the dead fills the dead the story leaves untold
    text = ("Toll in shrine bombing reaches 31\n\nAn official said more than 40 people were wounded in the "
            "bombing at the shrine in Tarin on Friday.")
    figures = parse_casualties(text, [(35, len(text))], headline=True, lead=True)
    assert (figures.fatalities.best, figures.injured.best) == (31, 41)
    # not over a later event
    figures = parse_casualties(text, [(35, len(text))], headline=True, lead=False)
    assert (figures.fatalities.best, figures.injured.best) == (None, 41)


def _tolls(session, text: str) -> list[tuple]:
    events = [e.to_dict() for e in session.extract_text(text, published="2024-05-02")]
    return [(e["fatalities"]["best"], e["injured"]["best"]) for e in events]


def test_another_group_wounded_is_the_incident_s_injured(session) -> None:
    # 'Another 40 people were wounded' tells the injured of the incident just told, not a new incident
    text = ("A car bomb exploded at a bus station in Tarin Kot on Wednesday, killing at least 12 people, officials "
            "said. Another 40 people were wounded, among them two police officers.")
    assert _tolls(session, text) == [(12, 40)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll of several incidents is no incident's toll
        ("In a separate attack, gunmen killed four guards in Tarin, bringing the day's toll to 24.", (4, None, None)),
        ("The combined death toll from the two attacks rose to 30. The market bombing killed 18.", (18, None, None)),
        ("The death toll from two suicide and gun attacks on police posts has risen to 80. At least 61 people "
         "were killed in Tarin.", (61, None, None)),
        # one incident's rising toll still supersedes; two blasts are often one incident
        ("Two more people died in hospital, bringing the death toll to 14.", (14, None, None)),
        ("The death toll from the two blasts at the shrine rose to 30.", (30, None, None)),
    ],
)
def test_a_toll_of_several_incidents(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acts in the plural that 'have killed' sum several acts: the incident's own count is kept
        ("Major attacks in the province have killed at least 40 people this week. Gunmen attacked the clinic, "
         "killing 16 people.", (16, None, None)),
        # twin blasts are one act
        ("Twin blasts at the depot have killed 40 people. The first blast killed 10.", (40, None, None)),
    ],
)
def test_plural_acts_that_have_killed(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts in words: 'a hundred' is 100, not the article's one; 'tens' a floor of 20
        ("Raiders killed a hundred herders in the valley.", (100, None, None)),
        ("More than a hundred pilgrims were injured.", (None, 101, None)),
        ("Tens of people were wounded in the blast.", (None, 20, None)),
        ("Nearly two dozen guards were killed and scores of others were hurt.", (24, 40, None)),
    ],
)
def test_counts_in_words(text: str, expected: tuple) -> None:
    assert _best(text) == expected
