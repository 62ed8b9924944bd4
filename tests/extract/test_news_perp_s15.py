"""Who did it and who claimed it, as session 15 found news prose telling it: claims told through a number
of a group's members, a statement from the group or its named spokesman; "the most likely suspects",
"suspicion fell on", an attack "attributed by the authorities to" a group; strikes "by" a state's forces;
"the inhuman act was committed by"; "Al-Qaeda's Sahel branch, JNIM, attacked"; names the registry lacked (JNIM spellings, "Burma's military",
English-speaking separatists). Also the one copy of the actor types of a state's forces, and a perpetrator
noun's other number. Every text here is written for these tests."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims

from conflictlens.extract.casualties.rules import casualty_rules
from conflictlens.model.vocab import vocabularies

JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
MYANMAR = "Military Forces of Myanmar"
AMBAZONIA = "Ambazonia separatists"


def _main(extractor, text: str, published: str = "2024-05-10"):
    return perpetrators_and_claims(extractor, text, published)


@pytest.mark.parametrize("sentence", [
    "JNIM, an armed group based in Mali, said six of its fighters carried out the raid.",
    "A statement from JNIM said that a member of the militia carried out the raid.",
    "Abu Hudhaifa, the spokesman for JNIM, quickly claimed responsibility for the raid.",
])
def test_claims_told_through_members_statements_and_a_named_spokesman(extractor, sentence):
    text = ("Gunmen raided an army post near Djibo in northern Burkina Faso on Monday, killing 14 soldiers, "
            f"security sources said. {sentence}")
    assert (JNIM, True) in _main(extractor, text, "2024-05-08")


@pytest.mark.parametrize("sentence", [
    "Lashkar-e-Taiba militants are the most likely suspects behind the bombing, officials said.",
    "Suspicion quickly fell on Lashkar-e-Taiba.",
])
def test_suspects_named_in_a_sentence_of_their_own(extractor, sentence):
    text = f"A bomb tore through a crowded market in Pune on Saturday evening, killing nine people. {sentence}"
    assert ("Lashkar-e-Taiba (LeT)", False) in _main(extractor, text, "2024-02-11")


def test_an_attack_attributed_by_the_authorities_to_a_group(extractor):
    text = ("Nine traders were killed on Tuesday in an attack on the market of Bamenyam, in western Cameroon, "
            "attributed by the authorities to English-speaking separatist rebels.")
    assert (AMBAZONIA, False) in _main(extractor, text, "2023-11-22")


def test_the_inhuman_act_names_the_act_told(extractor):
    text = ("Gunmen stormed the village of Mbonge in Cameroon's Southwest region early on Monday, killing "
            "12 people. \"The inhuman act was committed by separatist terrorists,\" an army officer said.")
    assert (AMBAZONIA, False) in _main(extractor, text, "2023-11-07")


@pytest.mark.parametrize("text", [
    "Airstrikes by the Myanmar military on two villages in Sagaing region on Tuesday killed nine civilians.",
    "Burma's military bombed a village in Sagaing region on Tuesday, killing nine civilians, residents said.",
])
def test_strikes_by_a_state_s_forces_and_burma_s_military(extractor, text):
    assert (MYANMAR, False) in _main(extractor, text, "2023-06-28")


@pytest.mark.parametrize("subject", [
    "Jama'a Nusrat al-Islam wal-Muslimin",  # a spelling the registry lacked
    "Al-Qaeda's Sahel branch, JNIM,",  # the group named after its parent's branch, between commas
    "Al-Qaeda's Sahel branch, Jama'a Nusrat al-Islam wal-Muslimin,",
])
def test_a_spelling_of_jnim_s_full_name_and_a_branch_named_after_its_parent(extractor, subject):
    text = (f"{subject} attacked an army base in northern Burkina Faso on Sunday, killing 30 soldiers, "
            "security sources said.")
    assert _main(extractor, text, "2024-06-17")[0][0] == JNIM


def test_the_actor_types_of_a_state_s_forces_are_kept_once():
    assert vocabularies().state_actor_types == frozenset({"state forces", "external/other forces"})
    cues = json.loads(resources.files("conflictlens.extract").joinpath("data/attribution_cues.json").read_text())
    types = json.loads(resources.files("conflictlens.resolve").joinpath("data/types.json").read_text())
    assert "state_actor_types" not in cues and "state_actor_types" not in types["two_sided"]


def test_a_perpetrator_noun_s_other_number_comes_from_the_lexicon():
    numbers = casualty_rules().perpetrator_numbers
    assert numbers["gunmen"] == "gunman" and numbers["gunman"] == "gunmen"
    assert numbers["militants"] == "militant" and numbers["suicide bombers"] == "suicide bomber"
    assert "gunmens" not in numbers.values()


@pytest.mark.parametrize(("country", "force"), [
    ("CO", "Popular Liberation Army (EPL)"), ("IN", "PLA (India)"), ("CN", "Government of China"),
])
def test_the_people_s_liberation_army_is_the_force_of_the_report_s_country(country, force):
    from conflictlens.actors.registry import ActorRegistry

    found = ActorRegistry.load().find_actors("Fighters of the People's Liberation Army (PLA) raided the post.",
                                             country, "2020-05-01")
    assert [m.canonical for m in found] == [force]


def test_the_sudan_people_s_liberation_army_is_no_chinese_force():
    from conflictlens.actors.registry import ActorRegistry

    found = ActorRegistry.load().find_actors("The Sudan People's Liberation Army attacked the town.", "SD", "2012-05-01")
    assert "Government of China" not in [m.canonical for m in found]


def test_a_claim_told_after_the_act_by_the_group_named_in_it(extractor):
    text = ("Three soldiers were killed in an ambush by Islamic State West Africa Province fighters near Damasak "
            "in Borno State, the jihadist group claimed through its Amaq news agency on Friday.")
    assert ("Islamic State West Africa Province (ISWAP)", True) in _main(extractor, text, "2021-04-03")


def test_a_quoted_claim_with_the_group_s_spokesman_named_after_it(extractor):
    text = ("A car bomb exploded outside a police compound in Kabul on Tuesday, killing 11 people, officials "
            "said. The Taliban are responsible for the attack, said Zabihullah Mujahid, a Taliban spokesman.")
    assert ("Taliban", True) in _main(extractor, text, "2019-03-06")


@pytest.mark.parametrize(("text", "force"), [
    ("Four people were killed by Israeli fire near an aid distribution site in Rafah on Tuesday, medics said.",
     "Military Forces of Israel"),
    ("Israeli tank shelling killed five people in the Nuseirat camp in central Gaza on Friday, medics said.",
     "Military Forces of Israel"),
    ("A Russian guided bomb hit a clinic in Kupiansk on Sunday, killing three people, officials said.",
     "Government of Russia (Soviet Union)"),
])
def test_a_state_s_fire_shells_and_bombs_named_by_its_demonym(extractor, text, force):
    assert _main(extractor, text, "2024-06-20")[0][0] == force


@pytest.mark.parametrize(("name", "actor"), [
    ("Viv Ansanm", "Viv Ansanm"), ("Gran Grif gang", "Gran Grif"), ("Wharf Jeremie gang", "Wharf Jérémie gang"),
    ("400 Mawozo", "400 Mawozo"), ("Azawad Liberation Front", "Azawad Liberation Front (FLA)"),
    ("VDP", "Volunteers for the Defence of the Homeland (VDP)"), ("Dozo hunters", "Dozos (Mali)"),
    ("Wazalendo militia", "Wazalendo"), ("RED-Tabara", "Burundi National Front (RED-TABARA)"),
    ("SPLM-N", "SPLM-N"), ("PAFF", "People's Anti-Fascist Front (PAFF)"), ("Tren de Aragua", "Tren de Aragua"),
])
def test_groups_the_registry_lacked(name, actor):
    from conflictlens.actors.registry import ActorRegistry

    found = ActorRegistry.load().find_actors(f"Fighters of the {name} attacked the village.", None, "2025-03-01")
    assert [m.canonical for m in found] == [actor]


@pytest.mark.parametrize("sentence", [
    "Police bomb squad experts are investigating the blast.",
    "Army bomb disposal experts defused a second device.",
    "Police fire brigade crews put out the flames.",
])
def test_a_force_s_bomb_squad_or_fire_brigade_is_no_agent(extractor, sentence):
    text = f"A bomb exploded outside a bank in Lima on Monday, killing one guard, officials said. {sentence}"
    assert [p for p, _claimed in _main(extractor, text, "2024-03-05")] == [None]
