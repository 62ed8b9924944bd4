"""Who did it, as session 20 found news prose telling it in a later sentence: a group's spokesman or media
arm telling what its own men did ("X spokesman NAME said the group's fighters had overrun the base"), a
group saying the attacker was one of its men, "appeared to be the work of X", a suspicion that goes on to
tell the group's habits ("fell on X, which often ..."), and a claim told "later" with no place or toll of
its own; "the killers were most likely X fighters", "suspected members of the ousted X regime". Every text here
is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims

BLA = "Baloch Liberation Army (BLA)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
ISKP = "Khorasan Chapter of the Islamic State"


@pytest.mark.parametrize("text, actor", [
    ("A remote-controlled bomb hit a convoy in Turbat on Saturday, killing six soldiers. BLA spokesman Jeeyand "
     "Baloch said the group's fighters had targeted the convoy.", BLA),
    ("Militants stormed a military base near Jowhar on Tuesday, killing eight soldiers, officials said.\n"
     "Al-Shabaab's military operations spokesman, Abdiasis Abu Musab, said the group's fighters had overrun the "
     "base.", "Al-Shabaab"),
    ("Gunmen attacked a police post in Dera Ismail Khan on Sunday, killing three officers. A TTP spokesman said "
     "in a statement that its men had raided the post.", TTP),
])
def test_a_groups_spokesman_telling_its_own_mens_deed_claims_it(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(actor, True)]


@pytest.mark.parametrize("text, actor", [
    ("A suicide bomber rammed a car into a police station in Lakki Marwat on Monday, killing five policemen.\n"
     "The Pakistani Taliban said the bomber was one of its fighters from the district.", TTP),
    ("Gunmen ambushed a supply convoy near Sevare on Friday, killing seven soldiers, the army said.\n"
     "JNIM said in a statement that both attackers were members of its Macina brigade.", JNIM),
])
def test_a_group_saying_the_attacker_was_one_of_its_men_claims_it(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(actor, True)]


@pytest.mark.parametrize("text", [
    "A suicide bomber killed eleven people at a mosque in Peshawar on Friday, police said.\nThe Pakistani "
    "Taliban said the bomber was not one of its fighters and condemned the attack.",
    "Gunmen killed four police officers at a checkpoint in Quetta on Sunday, officials said.\nAn army spokesman "
    "said its soldiers had cordoned off the area and launched a search operation.",
    "Gunmen killed six people in a village near Bunia in Ituri on Saturday, local officials said.\nA CODECO "
    "spokesman said the group's fighters were not in the area at the time and denied involvement.",
])
def test_a_denial_or_a_states_own_men_names_no_doer(extractor, text):
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(None, False)]


@pytest.mark.parametrize("text, actor", [
    ("A magnetic bomb killed three officials in Kabul on Tuesday, police said. The bombing appeared to be the "
     "work of the Taliban, officials said.", "Taliban"),
    ("A bomb planted on a motorcycle killed two soldiers in Ghazni on Sunday. Local officials said the blast "
     "looked like the work of the Taliban.", "Taliban"),
    ("A landmine struck a military truck near Kismayo on Monday, killing four soldiers. Suspicion immediately "
     "fell on al-Shabaab, which often plants such mines on the road.", "Al-Shabaab"),
    ("A roadside bomb hit a minibus near Afgoye on Thursday, killing nine passengers, police said. Suspicion "
     "quickly fell on al-Shabaab, which has often used such bombs on the road.", "Al-Shabaab"),
])
def test_the_work_of_a_group_or_a_suspicion_with_its_habits_names_it(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(actor, False)]


def test_the_groups_habits_alone_still_name_no_doer(extractor):
    text = ("Gunmen killed four customs officers in an ambush near Ouagadougou on Saturday, officials said. "
            "JNIM has often attacked customs posts in the region.")
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(None, False)]


def test_a_claim_told_later_with_no_place_or_toll_joins_the_attack(extractor):
    text = ("KABUL - An explosion ripped through a Shiite mosque in Kabul on Friday, killing 18 worshippers, police "
            "said.\nNo one immediately claimed the blast. Later on Friday, the Islamic State Khorasan Province said "
            "in a statement on Telegram that one of its fighters had detonated an explosive vest among the "
            "worshippers.")
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(ISKP, True)]


@pytest.mark.parametrize("text, actor", [
    ("Gunmen killed seven farmers near Konduga on Sunday. A local official said the killers were most likely Boko "
     "Haram fighters.", "Boko Haram"),
    ("A landmine destroyed a police truck near Dhobley on Monday, killing three officers. The district commissioner "
     "said the mine was \"most likely\" planted by al-Shabaab, which has previously carried out similar attacks in "
     "the area.", "Al-Shabaab"),
    ("Six policemen were killed in an attack by suspected members of the ousted Taliban regime in Khost province, "
     "officials said.", "Taliban"),
])
def test_the_killers_likely_members_of_a_group_name_it(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-12") == [(actor, False)]
