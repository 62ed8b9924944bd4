"""Tolls as real news tells them (issue 11, session 18): the arithmetic of a toll (what is no victim, what
sums several acts, what an earlier or another source told) and its attachment to the incident.

Texts written for these tests (each rule checked on two or more phrasings); no reference text is copied.
"""

from __future__ import annotations

import pytest

from tests.extract.casualty_helpers import best_figures as _best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite noun of the act or of a quantity is no victim
        ("Four guards died during the raid and a fifth died in hospital.", (5, None, None)),
        ("Two miners died throughout the assault and a third died on the way to the clinic.", (3, None, None)),
        ("Nine people were killed, and the governor said the number of dead may rise.", (9, None, None)),
        ("As a result, six policemen were killed.", (6, None, None)),
        # an opening adverb is no person's name
        ("Sadly, 12 people died.", (12, None, None)),
        ("\u201cTragically, eight villagers were killed in the night,\u201d the mayor said.", (8, None, None)),
        # a day after a month is no count
        ("Officials said on March 3 that four people were killed.", (4, None, None)),
        ("On May 14, three traders were killed and five were injured.", (3, 5, None)),
        # an age set between commas after a name is no count
        ("Amina Yusuf, 6, and her older brother Musa were killed when the shell hit.", (2, None, None)),
        ("Captain Omar Farid, 31, was killed in the ambush.", (1, None, None)),
        # a possessive before one person counts one
        ("Gunmen killed two hikers and their local guide.", (3, None, None)),
    ],
)
def test_what_is_no_victim(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside groups of untold size, an article counts nobody
        ("Eleven people are dead after gunmen burst into a cafe and shot customers, a waiter and musicians.",
         (11, None, None)),
        ("The attackers killed shoppers, a guard and stall owners. Seven people died in all.", (7, None, None)),
        ("Gunmen killed a guard and two drivers.", (3, None, None)),
        # an inclusion list runs on past its commas
        ("Ten people, including six soldiers, a village chief and three herders, were killed.", (10, None, None)),
        ("Gunmen killed 12 people, including three children, and wounded 20.", (12, 20, None)),
        ("Eight herders, including a boy, a village elder and two brothers, were killed.", (8, None, None)),
        # a list closed before its verb is two groups; attackers are never among the victims included
        ("Six guards, including a commander, and two civilians were killed.", (8, None, None)),
        ("Nine guards, including two officers and a cook, and four assailants were killed in the clash.",
         (9, None, 4)),
        # a part of the dead told again is no further victim
        ("At least seven villagers were killed on Monday. Three of those killed were sisters.", (7, None, None)),
        # 'others' beside a group of its own sentence tells no further victims
        ("Gunmen shot dead the mayor of the town. The mayor and two others died at the scene.", (3, None, None)),
        ("A bomb killed four soldiers. Two others died later in hospital.", (6, None, None)),
    ],
)
def test_groups_of_a_list(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause on the act that tells casualties is read; one on a person is not
        ("The ambush, which left three rangers and a driver dead, was blamed on rebels.", (4, None, None)),
        ("The explosion, which killed 9 people, was claimed by the group.", (9, None, None)),
        ("Five soldiers, who were guarding the bridge, were killed.", (5, None, None)),
        # a combined toll counts neither the dead nor the wounded
        ("The militants claimed a toll of more than 90 dead and wounded. Police said 14 were killed and 40 wounded.",
         (14, 40, None)),
        ("The group put the toll at 60 killed and injured.", (None, None, None)),
        # the toll of the injured is the injured's
        ("The death toll rose to 35. The toll of injured has reached at least 120.", (35, 120, None)),
        ("The toll of the wounded stood at 48.", (None, 48, None)),
        # deaths and injuries counted by a verb of reporting
        ("The army confirmed 14 deaths and 63 injuries on Monday.", (14, 63, None)),
        ("Hospitals recorded 9 deaths by nightfall.", (9, None, None)),
        # martyrdom embraced
        ("Three soldiers embraced martyrdom while two others sustained injuries.", (3, 2, None)),
        ("Two policemen have so far been confirmed dead.", (2, None, None)),
    ],
)
def test_tolls_told_otherwise(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'also' before a reporting verb tells no further victims
        ("A mortar killed six people, residents said. A medic also said that six people had been killed.",
         (6, None, None)),
        ("Eight guards were killed, police said. The governor also confirmed that eight had died.", (8, None, None)),
        ("Eight guards were killed. Two more people also died in hospital.", (10, None, None)),
        # an earlier report's figure gives way to the count told
        ("The ministry said two traders were killed. Officials had said three people were killed.", (2, None, None)),
        ("Four people died in the fire, the mayor said. Police had initially said six died.", (4, None, None)),
        ("Officials had said three people were killed.", (3, None, None)),
        # another act's toll after 'since <month> <year>, when'
        ("Gunmen killed 9 guards, the worst attack since June 2018, when rebels killed 20 soldiers.", (9, None, None)),
    ],
)
def test_earlier_and_repeated_reports(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count over several acts or a period gives way to the incident's own
        ("Nine soldiers were killed in two attacks on army posts at different locations on Monday. In the first "
         "attack, six soldiers were killed.", (6, None, None)),
        ("At least 40 people were killed across the province in the past week. The deadliest attack killed 11 "
         "farmers and wounded four others.", (11, 4, None)),
        ("Over the course of three days, air strikes killed 30 people. A strike on Tuesday killed 7 villagers.",
         (7, None, None)),
        # alone, it is all the report tells, and stays
        ("At least 40 people were killed across the province in the past week.", (40, None, None)),
    ],
)
def test_several_acts_and_periods(text: str, expected: tuple) -> None:
    assert _best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later source of its own does not raise the first source's count: the lower stays best
        ("At least 13 civilians were killed in the blast, Turkish officials said. The Britain-based monitoring "
         "group reported that 14 people were killed.", 13),
        ("Eleven villagers were killed, the district governor said. A local rights group said 15 people were "
         "killed.", 11),
        # a revision, or the same source, raises it
        ("Eleven villagers were killed, the district governor said. The governor later said 15 people had died.", 15),
        ("Five soldiers were killed, the army said. The army's media wing said seven soldiers were killed.", 7),
        # a headline, which names no source, gives way to the story
        ("Bomb kills 5 in market\nAt least seven people were killed in the blast, police said.", 7),
        # a lower figure by another source stays below the first
        ("Ten people were killed, a resident said. Local media said nine people had been killed.", 10),
        # the source is the first one a sentence names, after a headline that names none
        ("Car bomb kills at least 13\nAt least 13 people were killed, Turkish officials said. A monitoring group "
         "in London reported that 14 people were killed.", 13),
        # an apposition names the source
        ("Nine people were killed, activists said. The Resistance Committee, a pro-democracy group, said at least "
         "11 people were killed.", 9),
        # a quantity told in words is no source's figure
        ("A bomb killed 30 worshippers and injured scores, witnesses said. The health director told reporters that "
         "30 were killed and 70 wounded.", 30),
        # figures far apart count other victims: the larger stands
        ("Gunmen killed 12 people, activists said. Over months, residents said, the gunmen killed scores of "
         "civilians. At least 124 were killed in the raid, a rights group said.", 124),
    ],
)
def test_two_sources(text: str, expected: int) -> None:
    assert _best(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wounded told in figures where no word speaks of a death: the incident killed nobody
        ("Rebels ambushed an army truck near Kasese on Monday, wounding 4 soldiers and 2 civilians.", (0, 6)),
        ("At least nine guards were injured when a drone struck the governor's compound in Marib on Tuesday.",
         (0, 9)),
        # a word of death, a toll or the missing leave the dead unknown
        ("A bomb wounded 12 people at a market in Kandahar on Friday; the toll may rise.", (None, 12)),
        ("Gunmen wounded 8 villagers in Zamfara on Sunday, and two are missing.", (None, 8)),
        ("Gunmen wounded 8 villagers in Zamfara on Sunday and left the bodies of two herders nearby.", (None, 8)),
    ],
)
def test_injured_only(session, text: str, expected: tuple) -> None:
    events = [e.to_dict() for e in session.extract_text(text, published="2024-03-05")]
    assert events, "no event extracted"
    assert (events[0]["fatalities"]["best"], events[0]["injured"]["best"]) == expected
    # the parser itself tells what the text tells: no dead counted
    assert _best(text)[0] is None


def test_a_rough_count_of_one_kind_leaves_the_other_a_source() -> None:
    text = ("Activists reported that a car bomb killed at least 13 people and wounded dozens. A monitoring group in "
            "London said at least 14 people were killed and dozens wounded.")
    assert _best(text)[0] == 13


def test_injured_twice_told_by_two_sources() -> None:
    text = ("A bomb killed 30 worshippers and injured scores, witnesses said. The health director told reporters "
            "that 30 were killed and 70 wounded.")
    assert _best(text)[1] == 70
