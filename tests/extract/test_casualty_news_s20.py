"""Tolls as real news tells them (issue 11, session 20), by cause: the wounded told twice when 'others' or
'another' sets them apart from the dead of the sentence before, an earlier figure a source had put beside a
revised toll, and the headlines of other stories listed on the page under the story.

Texts written for these tests (each rule checked on two or more phrasings); no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.links import link_lines
from tests.extract.casualty_helpers import best_figures as _best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'others' opening a sentence after the dead: the wounded counted before, told again
        ("Four people were killed and three others wounded in a bomb attack on a bus in Kandahar, police said. "
         "\"The bomb killed four passengers on the spot. Three others were wounded in the blast,\" an officer said.",
         (4, 3, None)),
        ("Gunmen killed two farmers and injured five others near Jos on Monday. The attackers shot the farmers "
         "dead in their fields. Five others were hurt in the attack.", (2, 5, None)),
        # 'another' after the dead told again: the higher figure of the wounded stands, nothing is added
        ("A bomb killed 12 people and left about a dozen wounded at a market in Gao. The dead included ten women "
         "and two children. Another 14 people were injured, some seriously.", (12, 14, None)),
        # beside dead told before, further dead still add; so do further wounded after wounded
        ("Three soldiers were killed in the ambush. Two others died in hospital.", (5, None, None)),
        ("Three soldiers were killed in the ambush near Gao. Another soldier died of his wounds.", (4, None, None)),
        ("Five people were wounded in the explosion. Two others were hurt by gunfire afterwards.", (None, 7, None)),
        ("Three people were killed and four injured. Police said two others were wounded later.", (3, 6, None)),
        # the wounded first told after the dead are counted
        ("Two policemen were killed in the raid. Another three were wounded.", (2, 3, None)),
    ],
)
def test_others_after_the_dead_tell_the_wounded_again(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure a source had earlier put is superseded by the revised toll, not a second source's
        ("The death toll from the hotel siege rose to 31 on Sunday. Officials earlier put the toll at 14.",
         (31, None, None)),
        ("The death toll from the attack on the camp climbed to 40, the army said. Local officials had initially "
         "put the death toll at 22.", (40, None, None)),
        # told before the revision, the same
        ("Police initially put the death toll at 9. By Monday the toll had risen to 15.", (15, None, None)),
        # another source's estimate after a count, without an earlier word, stays the lower best
        ("At least 30 villagers were killed, police said. Residents put the death toll at 37.", (30, None, None)),
    ],
)
def test_an_earlier_figure_beside_a_revised_toll(text: str, expected: tuple) -> None:
    assert _best(text) == expected


_STORY = ("Gunmen killed 10 villagers in an attack on Olumbo on Sunday, police said.\n"
          "Two children were among the dead.\n")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # a block of other stories' headlines under the story
        (_STORY + "Related Articles\nFlood kills more than 100 in the south\nBus crash leaves 12 injured\n",
         (10, None, None)),
        (_STORY + "02:15\nStorm returns, over 60 dead\nGo to video\nMarket bomb kills 5, injures 11\n",
         (10, None, None)),
        # an inline link
        (_STORY + "Read also: Bandits kill 51 villagers in fresh raids\nThe army sent troops to the area.\n",
         (10, None, None)),
        (_STORY + "READ MORE - Suicide bomber kills 30 at funeral\n", (10, None, None)),
    ],
)
def test_other_stories_headlines_under_the_story(page: str, expected: tuple) -> None:
    assert _best(page) == expected


def test_a_marker_above_the_story_heads_the_page() -> None:
    page = "Latest News\n\nMilitants kill three police officers in Wajir\n\nThree policemen were killed on Friday.\n"
    assert link_lines(page) == ()
    assert _best(page)[0] == 3


def test_the_story_after_a_listing_is_read_again() -> None:
    page = (_STORY + "More From This Section\nCourt jails four for a bombing\n"
            "Separately, two soldiers were also killed in Diffa on Sunday, the army said.\n")
    assert [page[a:b] for a, b in link_lines(page)] == ["Court jails four for a bombing"]
    assert _best(page)[0] == 12



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's 'leaves' opens a verb of its own: the wounded are not the dead
        ("Blast Kills Three Soldiers, Leaves Five Injured", (3, 5, None)),
        ("Car bomb kills 4 civilians, leaves 9 wounded in Mogadishu", (4, 9, None)),
        ("Explosion in Arauca Kills One Soldier, Leaves Two Injured - Army", (1, 2, None)),
        # other verbs stay as they were
        ("Gunmen kill 3, set houses ablaze in Plateau", (3, None, None)),
        ("US strikes kill 5 civilians in Idlib", (5, None, None)),
    ],
)
def test_a_headlines_second_verb(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a running total told as 'the number of people who died / lost their lives' is the latest toll
        ("At least nine people were killed. One more injured man passed away, bringing the total number of people "
         "who lost their lives to nine.", (9, None, None)),
        ("Seven people were killed in the blast. Two of the wounded died overnight, bringing the number of people "
         "who died to nine.", (9, None, None)),
        ("Police said the number of lives lost in the raid had risen to 23.", (23, None, None)),
        # 'passed away' tells a death
        ("Three civilians passed away after the shelling.", (3, None, None)),
        # a wounded group that dies tells no injured
        ("At least eight people were killed and 20 wounded. Later one more injured man passed away in hospital.",
         (9, 20, None)),
        # wounded people brought in, or taken to hospital, stay as they were
        ("Forty bodies and 70 wounded people were brought in.", (None, 70, None)),
        ("The blast injured two soldiers and killed a child.", (1, 2, None)),
    ],
)
def test_a_running_total_and_a_death_among_the_wounded(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of death ('the martyrdom of', 'the death of') tells the dead; the injured after it still count
        ("A convoy was targeted in a suicide bombing on Saturday, resulting in the martyrdom of 13 soldiers and "
         "injuries to three civilians.", (13, 3, None)),
        ("The attack caused the death of one policeman and injuries to four passers-by.", (1, 4, None)),
        ("The killing of 13 soldiers and the wounding of 20 others shocked the country.", (13, 20, None)),
        ("The blast led to the death of 7 people.", (7, None, None)),
        # no figure, or a figure over a span of time, tells no toll
        ("He mourned the death of his brother in 2019.", (None, None, None)),
        ("Police said the death of 12 villagers since January had angered residents.", (None, None, None)),
    ],
)
def test_nouns_of_death_and_injury(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day between the subject and its verb group parts nothing
        ("Three policemen on Friday were killed and three others injured when they were ambushed.", (3, 3, None)),
        ("Two soldiers on Sunday were shot dead near the border.", (2, None, None)),
        ("Five people late on Monday were killed in a blast.", (5, None, None)),
        # elsewhere, days stay as they were
        ("Police said on Friday three people were killed.", (3, None, None)),
        ("On Friday, three people were killed.", (3, None, None)),
        ("Gunmen on Sunday killed four farmers.", (4, None, None)),
    ],
)
def test_a_day_between_subject_and_verb(text: str, expected: tuple) -> None:
    assert _best(text) == expected
