"""Who did it and who claimed it, as session 14 found news prose telling it: a claim told in a lead the
segmenter sets apart from the act told after it, claim verbs with an article or an adverb ("claimed a
deadly attack", "has officially claimed"), "announced today (Saturday) its responsibility", "a claim by X
that it carried out", a group named for attacks on several places, a toll update of "that attack" that
says who did it, and generic words that name nobody. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

IS_CAP = "Central Africa Province of the Islamic State"


def _events(extractor, text: str, published: str):
    return extractor.extract(Document(id=document_id(text), text=text, published=published))


def _main(extractor, text: str, published: str = "2024-05-10"):
    events = _events(extractor, text, published)
    return [(e.perpetrator, e.claimed) for e in events]


def test_a_lead_claim_set_apart_from_the_act_still_claims_it(extractor):
    text = ("Islamic State claims attack on Congolese village\n"
            "Islamic State claimed responsibility for a raid on a village this week in eastern Democratic "
            "Republic of Congo, in a statement on its Telegram channels.\n"
            "Residents of Mapobu village told reporters that rebels killed 14 farmers and burned houses on "
            "Wednesday night, about 30 km north of Beni.")
    found = _main(extractor, text, "2024-05-10")
    assert found and found[0] == (IS_CAP, True)


def test_a_claim_told_after_the_last_act_in_an_incident_of_its_own_reaches_it(extractor):
    text = ("Two suicide bombers blew themselves up at the gate of a police station in Bannu district on "
            "Monday, killing four policemen, officials said.\n"
            "Hours later, in the city of Lakki Marwat, the Tehrik-i-Taliban Pakistan claimed responsibility "
            "for the bombing in an emailed statement.")
    found = _main(extractor, text, "2024-05-06")
    assert found[0] == ("Tehrik-i-Taliban Pakistan (TTP)", True)


@pytest.mark.parametrize("sentence", [
    "Al-Shabaab has officially claimed responsibility for the suicide attack, the group said.",
    "Al-Shabaab claimed a deadly suicide attack on the restaurant in a statement.",
])
def test_claim_verbs_with_an_article_or_an_adverb(extractor, sentence):
    text = ("A suicide bomber blew himself up inside a restaurant in Mogadishu on Thursday, killing seven "
            f"people and wounding 12, police said. {sentence}")
    assert ("Al-Shabaab", True) in _main(extractor, text, "2024-03-08")


def test_responsibility_announced_with_the_day_in_brackets(extractor):
    text = ("The Islamic State announced today (Sunday) its responsibility for an attack on the village of "
            "Kasinga, where rebels killed nine people with machetes on Friday night, local officials said.")
    assert any(p and "Islamic State" in p and claimed for p, claimed in _main(extractor, text, "2024-06-09"))


def test_a_claim_by_a_group_that_it_carried_out_the_attack(extractor):
    text = ("A bomb exploded at a bus stop in Beni on Sunday, killing three people, the army said. The army's "
            "statement coincided with a claim by Islamic State that it carried out the attack.")
    assert (IS_CAP, True) in _main(extractor, text, "2024-06-10")


def test_a_group_named_for_attacks_on_two_towns_did_the_one_told_apart(extractor):
    text = ("Fighters of Islamic State West Africa Province (ISWAP) launched attacks on Monguno and Gajiram "
            "in Borno state on Saturday, killing at least 17 soldiers in Monguno.\n"
            "The fighters burned the police station and looted shops in Monguno, residents said.\n"
            "In Gajiram, the insurgents arrived on motorcycles at dusk and shot dead 23 traders at the "
            "market, a local official said.")
    events = _events(extractor, text, "2024-06-16")
    assert len(events) == 2
    assert all(e.perpetrator == "Islamic State West Africa Province (ISWAP)" for e in events)
    assert not any(e.claimed for e in events)


def test_a_group_named_for_another_town_does_not_reach_an_incident_elsewhere(extractor):
    text = ("Fighters of Islamic State West Africa Province (ISWAP) attacked Monguno and Gajiram in Borno "
            "state on Saturday, killing at least 17 soldiers.\n"
            "In Damboa, gunmen shot dead 23 traders at the market on Sunday, a local official said.")
    events = _events(extractor, text, "2024-06-17")
    damboa = [e for e in events if e.fatalities.best == 23]
    assert damboa and damboa[0].perpetrator is None


def test_a_toll_update_of_that_attack_says_who_did_it(extractor):
    text = ("A bomb exploded in a market in Jolo on Tuesday, killing five people, police said.\n"
            "On Sunday, a bomb exploded outside a church in Cotabato city, wounding 40 people.\n"
            "The number of deaths in that attack, which was blamed on the Moro Islamic Liberation Front "
            "(MILF), rose to four on Tuesday, officials said.")
    events = _events(extractor, text, "2009-07-07")
    cotabato = [e for e in events if e.date and e.date.start == "2009-07-05"]
    assert cotabato and cotabato[0].perpetrator == "Moro Islamic Liberation Front (MILF)"


@pytest.mark.parametrize("words", ["Kidnappers", "Hoodlums", "Militiamen", "Unknown killers"])
def test_generic_words_name_nobody(extractor, words):
    text = f"{words} killed eight villagers in an attack on Tungan Daji in Zamfara State on Tuesday, police said."
    assert _main(extractor, text, "2024-05-08")[0][0] is None


@pytest.mark.parametrize("words, published, actor", [
    ("Separatists", "2024-05-08", "Ambazonia separatists"),
    ("Suspected separatist fighters", "2023-02-01", "Ambazonia separatists"),
    ("Separatists", "2015-05-08", None),  # before the armed conflict
])
def test_separatists_in_cameroon_are_the_ambazonian_separatists(extractor, words, published, actor):
    text = f"{words} killed six gendarmes in an attack on Muyuka in the Southwest Region of Cameroon on Monday."
    assert _main(extractor, text, published)[0][0] == actor


def test_separatists_elsewhere_name_nobody(extractor):
    text = "Separatists killed six labourers in an attack near Turbat in Balochistan on Monday, police said."
    assert _main(extractor, text, "2024-05-08")[0][0] is None


def test_the_plga_is_the_maoist_party(extractor):
    text = "PLGA guerrillas killed two policemen in an ambush in Bijapur district of Chhattisgarh on Sunday."
    assert _main(extractor, text, "2024-05-06")[0][0] == "Communist Party of India - Maoist (CPI-Maoist)"


def test_a_group_accused_of_the_strike_and_denying_it_is_still_named(extractor):
    text = ("The Rapid Support Forces (RSF) have been accused of killing nine people in a drone strike on a "
            "camp for displaced families near Atbara in River Nile State on Sunday. The RSF denied any role "
            "in the attack.")
    assert ("Rapid Support Forces (RSF)", False) in _main(extractor, text, "2025-05-12")


def test_a_groups_military_spokesman_saying_it_carried_out_the_strike_claims_it(extractor):
    text = ("The Houthi military spokesman, Yahya Saree, said the group carried out a missile strike on a "
            "cargo ship off the port of Hodeidah on Monday, wounding two sailors.")
    assert any(p and "Houthi" in p and claimed for p, claimed in _main(extractor, text, "2024-03-05"))


@pytest.mark.parametrize("claim", [
    "Al-Shabaab's spokesman Ali Warsame told reporters the group was responsible.",
    "According to a statement from Al-Shabaab, its fighters carried out the attack.",
    "Al-Shabaab was quick to claim responsibility.",
    "Al-Shabaab issued a statement saying it carried out the attack.",
])
def test_claims_told_through_statements_and_spokesmen(extractor, claim):
    text = ("A suicide bomber blew himself up at a checkpoint in Kismayo on Thursday, killing seven soldiers, "
            f"police said. {claim}")
    assert ("Al-Shabaab", True) in _main(extractor, text, "2024-03-08")


@pytest.mark.parametrize("attribution", [
    "Police said Boko Haram jihadists were responsible.",
    "Police said the attackers belonged to Boko Haram, which has not commented.",
    "Police claimed the gunmen were Boko Haram members.",
])
def test_officials_attributions_name_the_group_without_a_claim(extractor, attribution):
    text = f"Gunmen stormed a village in Borno state on Sunday, killing 14 farmers, residents said. {attribution}"
    assert ("Boko Haram", False) in _main(extractor, text, "2024-03-11")
