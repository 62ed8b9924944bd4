"""Tolls told twice are one toll: sentences that restate the same victims are not added up.

Texts written for these tests (issue 11: a headline toll plus a body toll of the same victims came out
as their sum); no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties
from conflictlens.model.records import Casualties


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        # a headline and its body tell the same 40 dead
        ("Bombing at a bus station kills 40\n\nA bomb at a bus station killed at least 40 people on Monday, "
         "police said.", 40, None),
        # the lead and a later paragraph repeat the toll
        ("Two men blew themselves up in a market, killing at least 18 people. Hospital staff said 18 people "
         "were killed and 60 were wounded in the blasts.", 18, 60),
        # a wire story repeats its opening paragraph
        ("A car bomb killed nine soldiers near the base. Officials said the bomb killed nine soldiers near "
         "the base.", 9, None),
        # the dead are told by where they were taken: the same victims again
        ("The explosion killed 12 people. Six people died at the main hospital and four were killed at the clinic.",
         12, None),
        # "as well as" joins the named dead: no further victims
        ("A bomber killed at least 14 people near the court. He said the 14 dead included two judges as well as "
         "a police chief.", 14, None),
        # "others" tells the wounded of the restating sentence, not more dead
        ("At least seven people were killed when a truck bomb exploded at the market. Seven traders were confirmed "
         "dead and several others are hurt, police said.", 7, 3),  # "several" counts three
    ],
)
def test_a_restated_toll_is_not_added(text: str, fatalities: int, injured: int | None) -> None:
    figures = parse_casualties(text)
    assert (figures.fatalities.best, figures.injured.best) == (fatalities, injured)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen killed two guards at the gate. A passer-by was also killed in the crossfire.", 3),
        ("Gunmen killed two guards at the gate. Three more people were killed inside the building.", 5),
        ("A bomb killed four workers. In addition, two police officers were killed when they arrived.", 6),
    ],
)
def test_victims_marked_as_further_ones_still_add(text: str, fatalities: int) -> None:
    assert parse_casualties(text).fatalities.best == fatalities


def test_a_revision_gives_low_best_and_high() -> None:
    text = ("At least 19 people were killed in the attack on the mosque, officials said. The toll later rose "
            "to 22, a hospital spokesman said.")
    assert parse_casualties(text).fatalities == Casualties(19, 22, 22)


def test_a_larger_restatement_raises_the_toll() -> None:
    text = "Militants killed 15 villagers on Sunday. Residents said 17 people were killed in the raid."
    figures = parse_casualties(text).fatalities
    assert (figures.low, figures.best) == (17, 17)


def test_a_guessed_count_only_raises_the_ceiling() -> None:
    text = ("A bombing at a mosque killed at least 21 people. A witness said he believed as many as 25 people "
            "may have been killed in the blast.")
    assert parse_casualties(text).fatalities == Casualties(21, 21, 25)


def test_a_weekday_after_a_verb_is_no_victim() -> None:
    figures = parse_casualties("The siege left at least 22 dead and 22 wounded Monday after gunmen stormed the campus.")
    assert (figures.fatalities.best, figures.injured.best) == (22, 22)
