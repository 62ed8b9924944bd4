"""Who did it and who claimed it, as session 18 found news prose telling it: words that name a group told
before ("the group", a spokesman quoted by name alone), an adjective before a group's noun ("the Islamic
State terror group"), a demonym before a name, a group's word whose clause names its own fighters' deed,
and a deed told with its doer as its teller ("..., according to X"). Every text here is written for these
tests."""

from __future__ import annotations

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims


ISKP = "Khorasan Chapter of the Islamic State"
ISWAP = "Islamic State West Africa Province (ISWAP)"
JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
YPG = "People's Protection Units (YPG)"


def _events(extractor, text: str, published: str = "2024-09-10"):
    return perpetrators_and_claims(extractor, text, published)


@pytest.mark.parametrize("text, actor", [
    ("KABUL - Gunmen killed 25 worshippers at a temple in Kabul on Wednesday, officials said. The Islamic State "
     "(IS) terror group, which has targeted Sikhs before, claimed responsibility for the attack.", ISKP),
    ("MOGADISHU - A car bomb killed 12 people outside a hotel in Mogadishu on Monday, police said. The al-Shabaab "
     "militant group claimed the bombing.", "Al-Shabaab"),
    ("KISMAYO - The al-Shabaab armed group claimed on Monday they have killed at least 27 soldiers in a suicide "
     "attack on a military base near Kismayo.", "Al-Shabaab"),
    ("YOLA - Gunmen killed six people in Boloko village in Adamawa State on Monday, officials said. ISWAP in a post "
     "on Telegram also said six hunters were killed when its \"fighters attacked Boloko village.", ISWAP),
    ("OUAGADOUGOU - Three soldiers died when a convoy was ambushed near Djibo on Sunday, officials said. JNIM said "
     "in a statement that three soldiers died when its fighters ambushed the convoy.", JNIM),
])
def test_a_claim_told_with_an_adjective_or_through_its_fighters(extractor, text, actor):
    assert (actor, True) in _events(extractor, text)


@pytest.mark.parametrize("text, actor", [
    ("KANDAHAR - At least 10 soldiers were killed on Monday night after Taliban militants conducted a coordinated "
     "attack on their checkpoint in Kandahar province, officials said.", "Taliban"),
    ("ANKARA - A car bomb killed 13 civilians at a market in Tal Abyad on Saturday, officials said. The Turkish "
     "Defense Ministry blamed the attack on the Syrian Kurdish People's Protection Units (YPG) militia.", YPG),
])
def test_a_doer_named_by_a_verb_or_after_a_demonym(extractor, text, actor):
    assert _events(extractor, text)[0][0] == actor


def test_a_statement_that_no_claim_was_made_claims_nothing(extractor):
    text = ("OUAGADOUGOU - Gunmen killed 12 soldiers near Djibo on Sunday, officials said. A security source said "
            "the attack was carried out by JNIM. There was no official claim of responsibility from the group.")
    assert not any(claimed for _actor, claimed in _events(extractor, text))


def test_the_strikes_is_no_demonym(extractor):
    from conflictlens import pipeline
    from conflictlens.extract.state_strikes import with_strike_mentions
    resolver = pipeline.build_extractor().actors
    text = "The strikes came after rebels killed 20 soldiers. Russian strikes hit Kharkiv."
    found = with_strike_mentions(text, [], resolver, "2024-05-04")
    assert [m.text for m in found] == ["Russian"]


@pytest.mark.parametrize("text, actor, claimed", [
    # "the group" is the armed group named last before it
    ("MANDERA - Three policemen were killed on Friday when they were ambushed by al-Shabaab fighters in Banisa, "
     "Mandera county.\n\nOn Tuesday May 18, the group ambushed a Kenya Defence Forces convoy in Baure, Lamu, killing "
     "at least five soldiers.", "Al-Shabaab", False),
    ("KABUL - Gunmen killed 25 worshippers at a temple in Kabul on Wednesday, officials said. Islamic State has "
     "targeted Sikhs before.\n\nThe group issued a statement confirming that its members carried out the attack.",
     ISKP, True),
    ("KABUL - Gunmen killed 25 worshippers at a temple in Kabul on Wednesday, officials said. Islamic State has "
     "targeted Sikhs before.\n\nThe militant group later released a statement saying its fighters carried out the "
     "attack.", ISKP, True),
    # a spokesman introduced with his group, then quoted by name alone
    ("LASHKAR GAH - Taliban fighters attacked a checkpoint in Lashkar Gah on Tuesday, killing 11 policemen. Taliban "
     "spokesman Zabihullah Mujahid said the group was responsible for the attack.\n\nIn a separate incident, "
     "another 12 policemen were killed in Marjah district of Helmand after an hour-long gun battle, Mujahid said.",
     "Taliban", True),
])
def test_words_that_name_a_group_told_before(extractor, text, actor, claimed):
    assert _events(extractor, text)[-1] == (actor, claimed)


@pytest.mark.parametrize("text", [
    # "a group of" people named since: "the group" may mean them
    "KABUL - Gunmen killed 25 worshippers at a temple in Kabul on Wednesday, officials said. Islamic State has "
    "targeted Sikhs before. A group of men was seen fleeing.\n\nThe group then attacked a police post in the city.",
    # a state's spokesman quoted by name keeps his own word
    "KAMPALA - Two explosions killed three people in Kampala on Tuesday. At least 33 people were admitted to "
    "hospital, police spokesperson Fred Enanga told reporters. Three suicide bombers also died in the blasts, "
    "Enanga said.",
])
def test_words_that_name_no_group_told_before(extractor, text):
    assert all(actor is None and not claimed for actor, claimed in _events(extractor, text)[-1:])


def test_the_group_beside_its_name_is_read_by_the_cues(extractor):
    text = ("MEHTARLAM - A suicide bomber killed 23 people at a mosque in Mehtarlam on Wednesday, officials said. A "
            "Taliban spokesman, Zabihullah Mujahid, said the Islamist group had sent a suicide bomber to carry out the "
            "attack.")
    assert _events(extractor, text, "2009-09-03")[0] == ("Taliban", True)


def test_a_group_telling_its_deed_claims_it(extractor):
    text = ("SITTWE - The Arakan Army ambushed a military convoy in Rakhine State on Monday, killing 12 soldiers, "
            "according to the Arakan Army.")
    assert _events(extractor, text)[0][1] is True


@pytest.mark.parametrize("text, actor, claimed", [
    # a claim sentence that also sums up the past ("the deadliest since ...") still says who did the act
    ("BAGHDAD - A suicide bomber blew up a truck outside a shopping centre in Baghdad's Karada district on Sunday, "
     "killing 120 people, officials said.\n\nThe Islamic State group claimed the bombing, the deadliest in the "
     "capital since the beginning of the war in 2003.", "Islamic State of Iraq and the Levant (ISIL)", True),
    # "the attackers are believed to have been members of X", in a sentence that recalls X's past attacks
    ("MAKASSAR - Two suicide bombers detonated explosives outside a church in Makassar on Sunday, wounding 20 "
     "people, police said. The attack took place as the mass was ending.\n\nThe police chief told reporters that "
     "the two attackers are believed to have been members of the armed group Jemaah Anshorut Daulah (JAD), which "
     "has pledged allegiance to ISIS and was responsible for deadly suicide bombings on churches in 2018.",
     "Jamaah Ansharut Daulah (JAD)", False),
    ("MAKASSAR - Two suicide bombers detonated explosives outside a church in Makassar on Sunday, wounding 20 "
     "people, police said. The attack took place as the mass was ending.\n\nPolice said the attackers were thought "
     "to be members of Jemaah Anshorut Daulah, which was responsible for suicide bombings on three churches in "
     "Surabaya in 2018.", "Jamaah Ansharut Daulah (JAD)", False),
])
def test_who_did_it_told_beside_the_past(extractor, text, actor, claimed):
    assert _events(extractor, text) == [(actor, claimed)]


RUSSIA = "Government of Russia (Soviet Union)"


@pytest.mark.parametrize("text, doers", [
    # a roundup of one side's strikes: a strike told by its place and toll alone is that side's
    ("KYIV - Russian missile strikes killed two civilians in Kharkiv on Saturday, regional officials said.\n\nIn the "
     "Dnipropetrovsk region, shelling injured a 57-year-old woman in Nikopol, regional governor Serhiy Lysak said.",
     [RUSSIA, RUSSIA]),
    ("GAZA - An Israeli air strike killed five people in a house in Khan Younis on Monday, medics said.\n\nIn Rafah, "
     "a drone strike killed two people near a school, the health ministry said.",
     ["Military Forces of Israel", "Military Forces of Israel"]),
    # two sides strike: the strike told alone is neither's
    ("KYIV - Russian missile strikes killed two civilians in Kharkiv on Saturday, regional officials said.\n\nA "
     "Ukrainian drone strike killed one person in the Russian city of Belgorod on Saturday, Russian officials "
     "said.\n\nIn the Dnipropetrovsk region, shelling injured a 57-year-old woman in Nikopol, regional governor "
     "Serhiy Lysak said.", [RUSSIA, "Military Forces of Ukraine", None]),
    # the side named struck in another country
    ("KYIV - Russian missile strikes killed two civilians in Kharkiv, Ukraine, on Saturday, regional officials "
     "said.\n\nIn Russia's Belgorod region, shelling killed a man in the town of Shebekino, the Russian governor "
     "said.", [RUSSIA, None]),
])
def test_a_strike_told_without_its_doer_in_a_report_of_one_sides_strikes(extractor, text, doers):
    assert [actor for actor, _claimed in _events(extractor, text)] == doers


@pytest.mark.parametrize("text, actor", [
    ("KANDAHAR - A civilian vehicle struck a roadside bomb by the Taliban in Arghistan district on Friday, killing "
     "nine civilians.", "Taliban"),
    ("ARAUCA - Soldiers on patrol in Fortul, in Colombia's Arauca department, suffered the detonation of an explosive device installed on the road by "
     "terrorists from the National Liberation Army, killing one soldier on Tuesday, the army said.",
     "National Liberation Army of Colombia (ELN)"),
    # "identified by" holds no "IED by"
    ("KABUL - One civilian was killed in a blast in Kabul on Monday. \"The suicide bomber was identified by security "
     "forces before reaching his target,\" a police spokesman said.", None),
])
def test_a_device_named_with_its_doer(extractor, text, actor):
    assert _events(extractor, text, "2022-09-06")[0][0] == actor


def test_another_count_of_injured_tells_no_other_incident(extractor):
    text = ("KABUL - Two explosions near Kabul airport killed 13 U.S. service members on Thursday, the Pentagon said. "
            "Another 18 are injured.\n\nTwo suicide bombers assessed to have been ISIS fighters detonated at the "
            "Abbey gate, a U.S. general said.")
    assert _events(extractor, text, "2021-08-27") == [("Khorasan Chapter of the Islamic State", False)]


@pytest.mark.parametrize("text, claimed", [
    # the group's spokesman, introduced before and quoted by name, tells its fighters' deed
    ("QUETTA - Three soldiers were killed in attacks in Balochistan this week, officials said. BLA spokesperson "
     "Jeeyand Baloch stated that their commanders carried out four operations.\n\nJeeyand Baloch said that on "
     "October 17, BLA fighters ambushed army troops in the desert area of Mastung, killing one soldier.", True),
    ("KUNDUZ - Taliban spokesman Zabihullah Mujahid said the group would go on fighting.\n\nMujahid said that on "
     "Monday, Taliban fighters stormed a checkpoint in Kunduz, killing five policemen.", True),
    # the police tell the group's deed: theirs is no claim
    ("KUNDUZ - Police said that on Monday, Taliban fighters stormed a checkpoint in Kunduz, killing five "
     "policemen.", False),
])
def test_a_teller_then_the_deed(extractor, text, claimed):
    assert _events(extractor, text, "2019-10-20")[-1][1] is claimed
