"""Who did it, as session 19 found news prose telling it apart from the deed: the attackers' identity told
in its own clause ("the slain attacker was identified as NAME, a member of X", "police identified the bomber
as a recruit of X", "both attackers belonged to X"); the weapon between a group's name and its attack ("a
Taliban suicide attack", "PKK bomb attack"); a place held by its attackers ("overrun by X"); an attack tried
("X attempted to ambush a patrol"). Every text here is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims

BLA = "Baloch Liberation Army (BLA)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
ELN = "National Liberation Army of Colombia (ELN)"
ADF = "Allied Democratic Forces (ADF)"
PKK = "Kurdistan Workers' Party (PKK)"


def _perpetrators(extractor, text: str, published: str = "2024-03-10") -> list:
    return [actor for actor, _claimed in perpetrators_and_claims(extractor, text, published)]


@pytest.mark.parametrize("text, actor", [
    ("Gunmen stormed a church in Kaduna on Sunday, killing five people. The slain attacker was later identified "
     "as Musa Bello, a known commander of Boko Haram.", "Boko Haram"),
    ("The gunman who killed four worshippers at a church in Kano on Sunday was identified as Ibrahim Sani, a "
     "member of Boko Haram, police said.", "Boko Haram"),
    ("A suicide bomber killed nine worshippers at a mosque in Peshawar on Friday. Police identified the bomber as "
     "a 19-year-old member of the Pakistani Taliban.", TTP),
    ("A bomber blew himself up at a checkpoint in Mogadishu on Thursday, killing six soldiers. Officials "
     "identified the bomber as a 20-year-old recruit of al-Shabaab.", "Al-Shabaab"),
    ("Two assailants on a motorbike shot dead a police officer in Quetta on Monday. Police said both attackers "
     "belonged to the Balochistan Liberation Army.", BLA),
])
def test_the_attackers_identity_told_apart_names_the_doer(extractor, text, actor):
    assert _perpetrators(extractor, text) == [actor]


@pytest.mark.parametrize("text", [
    "A gunman killed two guards at a bank in Lagos on Friday. One of the wounded was identified as Musa Ali, a "
    "member of a local vigilante group.",
    "Gunmen killed five villagers near Maiduguri on Tuesday. A survivor was identified as a former member of Boko "
    "Haram who had surrendered.",
])
def test_a_victims_identity_names_no_doer(extractor, text):
    assert _perpetrators(extractor, text) == [None]


@pytest.mark.parametrize("text, actor", [
    ("Seven soldiers died in a Boko Haram suicide attack on a base in Borno State on Sunday, the army said.",
     "Boko Haram"),
    ("An ELN grenade attack on a police station in Cucuta injured four officers on Wednesday.", ELN),
    ("A Taliban suicide attack on a police compound in Kunduz on Monday killed seven officers, officials said.",
     "Taliban"),
    ("PKK Bomb Attack Kills Two Turkish Police\nDIYARBAKIR, Turkey - Kurdish militants detonated a car bomb near a "
     "police checkpoint in southeast Turkey early on Sunday, killing two police officers, security sources said.",
     PKK),
])
def test_a_weapon_between_the_name_and_its_attack(extractor, text, actor):
    assert _perpetrators(extractor, text, "2015-09-14")[0] == actor


@pytest.mark.parametrize("text, actor", [
    ("Security forces retook a school in Beni on Tuesday that had been overrun by ADF rebels a day earlier; eight "
     "pupils were killed.", ADF),
    ("A police officer was killed on Monday when Maoist rebels attempted to ambush a patrol in Sukma district.",
     "Maoists"),
])
def test_a_place_overrun_or_an_attack_tried_names_the_doer(extractor, text, actor):
    assert _perpetrators(extractor, text) == [actor]


JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"


@pytest.mark.parametrize("text, actor", [
    ("Gunmen killed 11 soldiers near Djibo on Sunday. In a statement, JNIM said the ambush had been staged by its "
     "fighters.", JNIM),
    ("A suicide bomber killed 9 policemen in Bannu on Monday. The TTP later said the bombing was carried out by two "
     "of its suicide bombers.", TTP),
])
def test_a_group_saying_its_men_carried_out_the_attack_claims_it(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-10") == [(actor, True)]


def test_a_state_saying_the_attack_was_carried_out_by_its_men_claims_nothing(extractor):
    text = "Gunmen killed 5 traders in Borno on Monday. Police said the attack was carried out by its men."
    assert perpetrators_and_claims(extractor, text, "2024-03-10") == [(None, False)]


@pytest.mark.parametrize("text, actor", [
    ("Authorities attributed the attack on a police post in Arauca on Monday, which killed two officers, to the "
     "ELN.", ELN),
    ("Police blamed the Monday attack on a Quetta hospital, which killed 70 people, on Jamaat-ul-Ahrar.",
     "Jamaat-ul-Ahrar"),
    ("The army blamed Sunday's massacre in Ituri, in which 22 villagers died, on CODECO militiamen.",
     "Cooperative for the Development of the Congo (CODECO) militia"),
])
def test_blame_told_across_a_clause_about_the_attack(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-10") == [(actor, False)]


@pytest.mark.parametrize("text, actor", [
    ("Al-Shabaab fighters overran a military base in Lower Shabelle on Monday, killing 20 soldiers, the group "
     "said.", "Al-Shabaab"),
    ("ISWAP fighters ambushed a convoy near Monguno on Sunday, killing nine soldiers, the group said in a "
     "statement on Telegram.", "Islamic State West Africa Province (ISWAP)"),
    ("The BLA attacked a Frontier Corps camp in Panjgur on Tuesday and killed 12 soldiers, the separatist group "
     "claimed.", BLA),
])
def test_a_deed_told_then_the_group_as_its_teller_is_its_claim(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-10") == [(actor, True)]


@pytest.mark.parametrize("text, actor", [
    ("Al-Shabaab fighters overran a military base in Lower Shabelle on Monday, killing 20 soldiers, the army "
     "said.", "Al-Shabaab"),
    ("Boko Haram killed 30 villagers in Gwoza on Monday, a local vigilante group said.", "Boko Haram"),
])
def test_a_deed_told_by_others_is_no_claim(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-03-10") == [(actor, False)]
