"""Who did it, who claimed it, who blamed whom, in news prose (issue 11, session 10): claims made
through a group's own medium or with an apposition, blame told by a participle or a speaker's "the
attackers were", habits that are no attribution, datelines glued to generic words, and a claim routed
to the incident it names by its words or its day. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

ISKP = "Khorasan Chapter of the Islamic State"
SHABAAB = "Al-Shabaab"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
HOUTHIS = "Houthi extremists (Ansar Allah)"


def _events(extractor, text: str, published: str = "2024-05-10"):
    return extractor.extract(Document(id=document_id(text), text=text, published=published))


def _first(extractor, text: str):
    return _events(extractor, text)[0]


LEAD_KABUL = "KABUL - A suicide bomber killed 14 people at a shrine in Kabul on Friday. "
LEAD_MOGADISHU = "MOGADISHU - A car bomb killed nine people near a checkpoint in Mogadishu on Sunday. "


@pytest.mark.parametrize("text, actor", [
    (LEAD_KABUL + "Islamic State said in a statement posted on social media that one of its fighters had "
                  "detonated an explosive vest.", ISKP),
    (LEAD_KABUL + "Islamic State's Amaq news agency said the group was behind the attack.", ISKP),
    (LEAD_KABUL + "Amaq said an Islamic State fighter carried out the attack.", ISKP),
    (LEAD_MOGADISHU + "The Shabab, who are linked to al-Qaeda, said they carried out the bombing.", SHABAAB),
    (LEAD_MOGADISHU + "Al-Shabaab said on its Andalus radio that its fighters were behind the blast.", SHABAAB),
    ("PESHAWAR - Gunmen shot dead six policemen in Peshawar on Monday. The Pakistani Taliban, also known as "
     "TTP, claimed the attack.", TTP),
    ("ADEN - A drone attack on a military parade killed 30 soldiers in Aden on Thursday. Houthi rebels, who "
     "call themselves Ansar Allah, claimed the strike.", HOUTHIS),
])
def test_claims_through_a_medium_or_with_an_apposition(extractor, text: str, actor: str) -> None:
    event = _first(extractor, text)
    assert (event.perpetrator, event.claimed) == (actor, True)
    assert any(a.stance == "claimed" and a.actor == actor for a in event.attribution)


@pytest.mark.parametrize("text, actor, by", [
    ("MANILA - Communist rebels killed four soldiers in Samar province on Monday, the army said, blaming the "
     "New People's Army.", "New People's Army (NPA)", "army"),
    ("DIYARBAKIR - Two soldiers were killed in a bomb attack in Diyarbakir province on Sunday. Authorities "
     "blamed the outlawed Kurdistan Workers' Party (PKK).", "Kurdistan Workers' Party (PKK)", "Authorities"),
    ("MAIDUGURI - Gunmen killed 15 people in Borno state on Monday. Residents said the attackers were Boko "
     "Haram fighters.", "Boko Haram", "Residents"),
])
def test_blame_told_by_a_participle_an_adjective_or_the_attackers(extractor, text: str, actor: str, by: str) -> None:
    event = _first(extractor, text)
    assert event.perpetrator == actor and event.claimed is False
    assert any(a.stance == "attributed" and a.actor == actor and a.by == by for a in event.attribution)


@pytest.mark.parametrize("text, actor", [
    ("KABUL - Gunmen killed four people on Friday in Kabul. The attackers were believed to be members of the "
     "Haqqani network.", "Haqqani Network"),
    ("MAIDUGURI - Gunmen suspected to be ISWAP fighters killed nine soldiers in Borno state on Friday.",
     "Islamic State West Africa Province (ISWAP)"),
])
def test_suspicions_of_who_the_attackers_were(extractor, text: str, actor: str) -> None:
    event = _first(extractor, text)
    assert event.perpetrator == actor
    assert any(a.stance == "suspected" and a.actor == actor for a in event.attribution)


@pytest.mark.parametrize("text", [
    "PESHAWAR - A bomb killed eight policemen in Peshawar on Monday. No group claimed responsibility, but the "
    "Pakistani Taliban have carried out similar attacks in the area.",
    LEAD_KABUL + "The Taliban are often blamed for such bombings.",
    LEAD_KABUL + "Islamic State has claimed several attacks on the Shiite minority in recent months.",
])
def test_a_groups_habits_are_no_attribution(extractor, text: str) -> None:
    event = _first(extractor, text)
    assert event.perpetrator is None and event.claimed is False


def test_a_claim_followed_by_other_attacks_of_its_kind_still_counts(extractor) -> None:
    event = _first(extractor, LEAD_KABUL + "IS claimed the attack, the third such attack this month.")
    assert (event.perpetrator, event.claimed) == (ISKP, True)


def test_a_spokesman_named_between_commas_denies(extractor) -> None:
    event = _first(extractor, LEAD_KABUL + "A Taliban spokesman, Zabihullah Mujahid, denied the group was "
                                           "involved.")
    assert event.perpetrator is None
    assert [(a.actor, a.stance) for a in event.attribution] == [("Taliban", "denied")]


@pytest.mark.parametrize("text", [
    "KANO - Bandits abducted 80 students from a school in Kebbi state on Thursday, police said.",
    "BAMAKO - Jihadists killed 12 soldiers in central Mali on Friday.",
])
def test_a_dateline_glued_to_a_generic_word_names_nobody(extractor, text: str) -> None:
    assert _first(extractor, text).perpetrator is None


def test_a_claim_with_a_place_of_its_own_goes_to_the_incident_it_names(extractor) -> None:
    text = ("ADEN - At least 40 people were killed in two attacks in southern Yemen on Thursday. A missile struck "
            "a military parade at a camp in Aden, killing 32 soldiers. Hours earlier, a car bomb exploded at a "
            "police station in Sheikh Othman, killing eight policemen. The Houthi movement, which controls the "
            "capital, Sanaa, claimed the missile strike on the parade.")
    events = _events(extractor, text)
    claimed = [e for e in events if e.claimed]
    assert len(claimed) == 1 and claimed[0].perpetrator == HOUTHIS
    assert claimed[0].fatalities.best != 8  # the parade, not the car bomb
    assert all(e.location.admin1 != "Sanaa" for e in events)


def test_a_claim_naming_the_incidents_day_goes_to_that_incident(extractor) -> None:
    text = ("KABUL - A suicide bomber killed 20 people at a wedding hall in Kabul on Sunday. On Saturday, a roadside "
            "bomb killed six soldiers in Jalalabad. Police said the wedding bomber had hidden his vest under a coat. "
            "Islamic State also claimed Saturday's bombing.")
    by_place = {e.location.place: e for e in _events(extractor, text)}
    assert by_place["Jalalabad"].claimed is True and by_place["Kabul"].claimed is False


def test_a_claim_of_both_attacks_goes_to_each_and_places_neither(extractor) -> None:
    text = ("MAIDUGURI - Gunmen killed 20 soldiers in Monguno in Borno state on Saturday. In a separate attack on "
            "Saturday, gunmen killed 40 villagers in Damaturu in Yobe state. ISWAP claimed both attacks as well as an "
            "attack on Gubio.")
    events = _events(extractor, text)
    assert len(events) == 2 and all(e.claimed for e in events)
    assert all(e.location.place != "Gubio" for e in events)


def test_a_name_told_again_in_brackets_is_one_name(extractor) -> None:
    text = ("MAIDUGURI, June 10 - Fighters from the Islamic State West Africa Province (ISWAP) killed 59 people in an "
            "attack on a village in Borno state on Tuesday.")
    assert _first(extractor, text).perpetrator == "Islamic State West Africa Province (ISWAP)"


def test_the_end_of_a_date_counts_no_victims(extractor) -> None:
    text = " date 2024-05-10 Fighters from Boko Haram killed 12 farmers in Borno state on Thursday."
    assert _first(extractor, text).perpetrator == "Boko Haram"


def test_pointing_the_finger_at_the_group_named_before(extractor) -> None:
    text = ("JOLO - A bomb killed six people in a market in Jolo on Tuesday. The town is a stronghold of Abu Sayyaf "
            "rebels, and the army commander was quick to point the finger at the militant group.")
    assert _first(extractor, text).perpetrator == "Abu Sayyaf Group (ASG)"


def test_a_groups_own_television_carries_the_claim_and_is_no_actor(extractor) -> None:
    text = ("ADEN - A missile hit a military parade in Aden on Thursday, killing 30 soldiers. The Houthis' official "
            "Al Masirah TV said the group had launched a ballistic missile at the parade.")
    event = _first(extractor, text)
    assert (event.perpetrator, event.claimed) == (HOUTHIS, True)
    assert [a.actor for a in event.attribution] == [HOUTHIS]
    assert event.attribution[0].channel == "Al Masirah"


def test_attackers_believed_members_of_a_group_described_before_its_name(extractor) -> None:
    text = ("MAKASSAR - Two suicide bombers wounded 20 people outside a church in Makassar on Sunday. Police said the "
            "two attackers are believed to have been members of the armed group Jemaah Anshorut Daulah (JAD).")
    event = _first(extractor, text)
    assert event.perpetrator == "Jamaah Ansharut Daulah (JAD)"
    assert [a.stance for a in event.attribution] == ["suspected"]


def test_a_group_confirms_to_a_broadcaster_that_it_did_it(extractor) -> None:
    text = ("MANDERA - Gunmen killed 14 quarry workers in Mandera county on Tuesday. Al-Shabab, which operates from "
            "Somalia, has confirmed to reporters it carried out the attack.")
    event = _first(extractor, text)
    assert (event.perpetrator, event.claimed) == (SHABAAB, True)
