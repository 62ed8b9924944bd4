"""Who did it and who claimed it, as session 16 found news prose telling it: "killed in clashes with X"
names X, a group, as the other side; "..., killing four policemen, the Taliban said in a statement" is
the group's claim. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims


JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"


def _main(extractor, text: str, published: str = "2024-05-10"):
    return perpetrators_and_claims(extractor, text, published)


@pytest.mark.parametrize("text, actor", [
    ("OUAGADOUGOU - Two soldiers were killed in clashes with JNIM fighters near Djibo on Monday, the army said.",
     JNIM),
    ("MOGADISHU - Five soldiers were killed on Tuesday in heavy fighting with al-Shabaab militants in the "
     "Lower Shabelle region, officials said.", "Al-Shabaab"),
    ("MAIDUGURI - Ten vigilantes died in a gun battle with Boko Haram fighters near Bama on Sunday.", "Boko Haram"),
])
def test_killed_in_clashes_with_a_named_group_names_the_group(extractor, text, actor):
    assert _main(extractor, text) == [(actor, False)]


def test_killed_in_clashes_with_a_state_s_forces_names_no_one(extractor):
    text = "ISLAMABAD - Six militants were killed in clashes with security forces in North Waziristan on Friday."
    assert _main(extractor, text) == [(None, False)]


@pytest.mark.parametrize("text, actor", [
    ("PESHAWAR - Militants attacked a police post in Bannu on Monday, killing four policemen, the TTP said "
     "in a statement.", TTP),
    ("KABUL - Taliban fighters stormed a police checkpoint in Kunduz province on Monday, killing four "
     "policemen, the Taliban said in a statement.", "Taliban"),
    ("QUETTA - Four soldiers were killed when fighters attacked an army camp in Turbat on Monday, the Baloch "
     "Liberation Army said in a statement sent to reporters.", "Baloch Liberation Army (BLA)"),
])
def test_a_group_telling_the_attack_in_a_statement_claims_it(extractor, text, actor):
    assert _main(extractor, text, "2020-05-10") == [(actor, True)]


@pytest.mark.parametrize("text", [
    # a state's forces speak so of attacks on them
    "PESHAWAR - Militants attacked a police post in Bannu on Monday, killing four policemen, police said in a statement.",
    # the group's own men counted among the dead
    "KABUL - Four Taliban fighters were killed in an air strike in Kunduz province on Monday, the Taliban said "
    "in a statement.",
    # no doers told: a government may be speaking of an attack on its men
    "KABUL - Four policemen were killed in an attack on a checkpoint in Kunduz province on Monday, the Taliban "
    "said in a statement.",
])
def test_a_statement_that_is_no_claim(extractor, text):
    assert not any(claimed for _actor, claimed in _main(extractor, text, "2023-05-10"))


@pytest.mark.parametrize("text, actor, claimed", [
    # the comma of an apposition the name closes
    ("KARACHI - Two guards were killed in a blast near the port on Sunday. The banned outfit, Baloch Liberation "
     "Army (BLA), has claimed responsibility for the attack in a statement.", "Baloch Liberation Army (BLA)", True),
    # an apposition between the name and its verb
    ("MOGADISHU - Nine people were killed when a bomber struck a cafe in Mogadishu on Friday. Al-Shabaab, an "
     "Islamist group blamed for violence across Somalia over the years, is believed to be behind the attack, he said.",
     "Al-Shabaab", False),
    # ... without its closing comma, and a claim of what its fighters did, told after a fronted clause
    ("OUAGADOUGOU - Jama'ah Nusrah al-Islam wa-l-Muslimeen (JNIM), an armed group active in the Sahel has claimed "
     "that in its latest raid on a base near Djibo, its fighters killed 30 soldiers.", JNIM, True),
    # two names of one group in the brackets
    ("COTONOU - 30 soldiers were killed in an attack on an army post in northern Benin on Thursday. The Group "
     "for the Support of Islam and Muslims (Jama'at Nusrat al-Islam wal-Muslimin or JNIM) claimed the attack.",
     JNIM, True),
    # "in the Sahel" after the name, before its comma
    ("NIAMEY - Three gendarmes were killed on Saturday in an attack near Tera. On Monday, the Groupe de soutien "
     "a l'islam et aux musulmans (GSIM), an affiliate of al-Qaeda in the Islamic Maghreb (AQIM) in the Sahel, "
     "claimed responsibility for the attack.", JNIM, True),
])
def test_a_name_s_apposition_or_brackets_do_not_part_it_from_its_verb(extractor, text, actor, claimed):
    assert (actor, claimed) in _main(extractor, text, "2024-05-10")


def test_an_attack_led_by_a_group(extractor):
    text = ("PORT-AU-PRINCE - Gunmen killed 12 residents of Petionville on Tuesday. The attack on Petionville "
            "was led by the Viv Ansanm coalition, police said.")
    assert ("Viv Ansanm", False) in _main(extractor, text, "2024-11-20")


@pytest.mark.parametrize("text, actor", [
    # a headline's present tense
    ("YAOUNDE - Anglophone separatists kill five soldiers in west Cameroon. The attack took place near Galim on "
     "Saturday, officials said.", "Ambazonia separatists"),
    # a vehicle rammed
    ("SRINAGAR - At least 30 policemen were killed in Pulwama district on Thursday when a Jaish-e-Mohammed "
     "militant rammed an explosives-laden car into their bus, officials said.", "Jaish-e-Mohammad (JeM)"),
])
def test_a_group_as_the_subject_of_a_headline_s_verb_or_of_rammed(extractor, text, actor):
    assert (actor, False) in _main(extractor, text, "2020-03-08")


def test_a_statement_claiming_that_it_eliminated_is_a_claim():
    from conflictlens.actors import ActorRegistry
    from conflictlens.extract.attribution import statements_in_sentence
    sentence = "The Israel Defense Forces issued a statement claiming that it eliminated a cell near Jenin."
    mentions = ActorRegistry.load().find_actors(sentence, None, "2023-06-21")
    found = statements_in_sentence(sentence, (0, len(sentence)), mentions)
    assert [(s.actor, s.stance) for s in found] == [("Military Forces of Israel", "claimed")]


@pytest.mark.parametrize("sentence, want", [
    ("In a statement on Tuesday, the Arakan Army announced that more than 40 soldiers died during its assault "
     "on the border post.", [("Arakan Army", "claimed")]),
    # "their attack" told by the police is the militants' attack, not a claim of the police
    ("Police said the militants killed three people during their attack on the village.", [("Unknown", "attributed")]),
])
def test_a_group_telling_deaths_during_its_assault_claims_it(sentence, want):
    from conflictlens.actors import ActorRegistry
    from conflictlens.extract.attribution import statements_in_sentence
    mentions = ActorRegistry.load().find_actors(sentence, None, "2024-12-10")
    found = statements_in_sentence(sentence, (0, len(sentence)), mentions)
    assert [(s.actor, s.stance) for s in found] == want
