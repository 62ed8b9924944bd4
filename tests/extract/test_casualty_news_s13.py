"""Tolls as real news tells them (issue 11, session 13): the next clause's count after 'and', uncounted
objects, superseded and estimated tolls, the injured taken to hospital, tolls of the acts an incident
came after, 'more than' that tells no further victims, and a headline's counts over a story with none.

Texts written for these tests; no reference text is copied.
"""

from __future__ import annotations

import pytest

from conflictlens.extract.casualties.parse import parse_casualties
from tests.extract.casualty_helpers import best_figures as _best
from conflictlens.extract.tolls import TITLE_KEY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count after 'and' is the subject of the next verb, not more of the object
        ("The blast killed 17 people and 20 were wounded.", (17, 20, None)),
        ("The car bomb killed at least 9 people and more than a dozen wounded.", (9, 13, None)),
        ("Gunmen killed three soldiers and two civilians were wounded.", (3, 2, None)),
        # the subject runs from the first 'and' after the verb before it
        ("Two guards were killed and three guards and a cook were wounded.", (2, 4, None)),
        ("Five herders were killed and 9 people, including boys and girls, were wounded.", (5, 9, None)),
        ("The mine killed four people and between 10 and 12 were hurt.", (4, 11, None)),
        # a list of victims is still one object
        ("The blast killed three soldiers and two civilians, police said.", (5, None, None)),
        ("The shelling killed one hundred and five people.", (105, None, None)),
        # a verb that ends its clause before 'and' has no object
        ("Two people killed and three soldiers wounded in Zorva blast", (2, 3, None)),
    ],
)
def test_the_next_clause_is_no_object(text: str, expected: tuple) -> None:
    assert _best(text) == expected


def test_more_than_a_dozen_is_thirteen() -> None:
    figures = parse_casualties("More than a dozen villagers were killed.")
    assert (figures.fatalities.low, figures.fatalities.best, figures.fatalities.high) == (13, 13, None)


@pytest.mark.parametrize(
    "text",
    [
        "Four raiders entered the camp. The raiders killed many guards before they fled.",
        "Three attackers stormed the post. The attackers killed an unknown number of soldiers.",
    ],
)
def test_an_uncounted_object_leaves_the_killers_alive(text: str) -> None:
    assert _best(text) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("The death toll rose to 44, an official said. He said the rise from an earlier figure of 31 came "
         "as more of the wounded died.", 44),
        ("An initial toll of 8 was given by the mayor. The toll rose to 11 by evening.", 11),
        ("The mayor gave an initial toll of 8.", 8),
        ("The death toll was 15, the mayor said.", 15),
        ("The toll from the night raid rose from 9 to 13.", 13),
    ],
)
def test_a_superseded_toll_is_never_the_latest(text: str, fatalities: int) -> None:
    assert parse_casualties(text).fatalities.best == fatalities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another source's estimate after a count: the lower figure is the best
        ("Twenty farmers were killed, the police said. Elders put the death toll at 26.", (20, 20, 26)),
        ("At least 40 people were killed, an official said. A witness estimated the toll at more than 60.",
         (40, 40, None)),
        # told with a day of its own, or a revision word, it is a later toll
        ("At least 20 farmers were killed on Monday. On Wednesday elders put the death toll at 26.", (20, 26, 26)),
        ("At least 20 farmers were killed. Elders later put the death toll at 26.", (20, 26, 26)),
    ],
)
def test_an_estimate_by_another_source_is_a_second_figure(text: str, expected: tuple) -> None:
    f = parse_casualties(text).fatalities
    assert (f.low, f.best, f.high) == expected


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("A mine hit the lorry, killing six workers. Nine others were taken to hospital.", 9),
        ("Fourteen people were rushed to hospital after the grenade went off.", 14),
        ("Seven pupils are being treated in hospital, the head teacher said.", 7),
        # the dead taken to hospital are not injured, nor is 'the injured' one person
        ("The bodies of the 6 workers were taken to hospital.", None),
        ("The dead and the injured were taken to the hospital.", None),
        ("Five bodies and 12 injured people were taken to the hospital.", 12),
    ],
)
def test_the_injured_told_by_their_hospital(text: str, injured: int | None) -> None:
    assert parse_casualties(text).injured.best == injured


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Raiders killed five herders. The raid came two days after a bombing in the same town killed 40 "
         "people.", 5),
        ("Raiders killed five herders. It was the deadliest attack since a bombing killed 40 people.", 5),
        ("Raiders killed five herders. The raid follows an ambush on Monday that killed 40 soldiers.", 5),
        # 'followed by' tells more of the same act
        ("The blast was followed by gunfire that killed 6 people.", 6),
    ],
)
def test_an_act_the_incident_came_after_adds_nothing(text: str, fatalities: int) -> None:
    assert parse_casualties(text).fatalities.best == fatalities


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # "more than 30" restates the 30 wounded, it adds no further victims ("five more" would)
        ("Eight people were killed and 30 wounded. More than 30 people were wounded, a doctor said.", 31),
        ("Eight people were killed and 30 wounded. Five more were wounded in a second blast.", 35),
    ],
)
def test_more_than_tells_no_further_victims(text: str, injured: int) -> None:
    assert parse_casualties(text).injured.best == injured


def test_a_cue_of_the_sentence_before_adds_no_victims() -> None:
    text = ("The truck bomb killed 7 guards and a cook, the army said. Soldiers later chased the attackers\u2026\n"
            "7 guards, 1 cook killed in truck bombing")
    assert parse_casualties(text).fatalities.best == 8


def _tolls(session, text: str, **fields) -> list[tuple]:
    events = [e.to_dict() for e in session.extract_text(text, published="2024-05-02", **fields)]
    return [(e["fatalities"]["best"], e["injured"]["best"], TITLE_KEY in (e.get("extra") or {})) for e in events]


STORY = ("Gunmen opened fire at a cattle market in the town of Kadunara on Tuesday, police said. The police "
         "sent officers to the town.")


def test_a_title_apart_from_the_text_gives_the_lead_its_counts(session) -> None:
    assert _tolls(session, STORY, title="Gunmen kill 12, wound 5 at Kadunara cattle market") == [(12, 5, True)]


def test_a_first_line_headline_gives_the_lead_its_counts(session) -> None:
    assert _tolls(session, "Gunmen kill 12, wound 5 at Kadunara cattle market\n" + STORY) == [(12, 5, False)]


def test_a_story_with_its_own_count_keeps_it(session) -> None:
    story = STORY.replace("on Tuesday,", "on Tuesday, killing 9 people,")
    assert _tolls(session, story, title="Gunmen kill 12, wound 5 at Kadunara cattle market") == [(9, None, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The landslide of fire from the shelling claimed 9 lives.", (9, None, None)),
        ("Eleven lives were lost when the ferry was bombed.", (11, None, None)),
        ("There were 6 fatalities and 14 injuries, the hospital said.", (6, 14, None)),
        # the act a report sets its incident after keeps its own toll
        ("The raid killed 3 guards. It was the worst since 2018, when a bombing claimed 60 lives.", (3, None, None)),
    ],
)
def test_losses_told_by_a_noun(text: str, expected: tuple) -> None:
    assert _best(text) == expected
