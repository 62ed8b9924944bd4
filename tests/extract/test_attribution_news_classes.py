"""Who did it and who said so, by classes of news phrasing (issue 11, session 11): a name after a noun
phrase that says what kind of group it is or which part of it ("the armed wing of"), a passive's agent
that is no speaker, blame pinned or laid on a group or said by a participle with its speaker ("blamed
by the authorities on"), "told reporters that X was most likely behind", the hallmarks a group's
attacks have, claims told by other verbs ("owned up to", "admitted responsibility"), a participle
("issued a statement claiming") or a noun ("a claim of responsibility by X"), a claim by a group's
affiliate, and a name the tagger ran across the dateline's dash. Every text here is written for these
tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

BOKO = "Boko Haram"
SHABAAB = "Al-Shabaab"
LEJ = "Lashkar-e-Jhangvi"
ISKP = "Khorasan Chapter of the Islamic State"


def _first(extractor, text: str, published: str = "2024-05-10"):
    return extractor.extract(Document(id=document_id(text), text=text, published=published))[0]


@pytest.mark.parametrize("text, actor, stance, by", [
    ("KANO - A bomb went off outside a church in Kano on Sunday, killing four people. Police said they "
     "blamed radical Islamist sect Boko Haram.", BOKO, "attributed", "Police"),
    ("GAROWE - A car bomb killed six soldiers at a base in Galkayo on Monday. Regional officials are pinning "
     "the blast on a militant group known as al-Shabaab.", SHABAAB, "attributed", "sources"),
    ("GAROWE - A car bomb killed six soldiers at a base in Galkayo on Monday, in an attack blamed by the "
     "regional police on al-Shabaab.", SHABAAB, "attributed", "sources"),
    ("GAROWE - A car bomb killed six soldiers at a base in Galkayo on Monday. The governor laid the blame for "
     "the bombing squarely on al-Shabaab.", SHABAAB, "attributed", "sources"),
    ("QUETTA - A bomb killed 11 Hazara miners near Quetta on Tuesday. Security officials told reporters that "
     "Lashkar-e-Jhangvi was most likely behind the attack.", LEJ, "suspected", "Security officials"),
    ("MAIDUGURI - Gunmen killed 23 rice farmers near Jere in Borno state on Saturday. The attack had the "
     "hallmarks of Boko Haram, a local official said.", BOKO, "suspected", "sources"),
    ("MAIDUGURI - Gunmen killed 23 rice farmers near Jere in Borno state on Saturday. A local official said "
     "the killings were most likely the work of Boko Haram.", BOKO, "suspected", "sources"),
    ("OWERRI - Gunmen killed four policemen at a checkpoint in Imo state on Friday. The army blamed the armed "
     "wing of the outlawed Indigenous People of Biafra (IPOB).", "Indigenous People of Biafra (IPOB)", "attributed",
     "army"),
    ("MAIDUGURI - At least 31 herders were killed by suspected members of Boko Haram in Borno state on Tuesday, "
     "residents said.", BOKO, "suspected", "sources"),
])
def test_blame_and_suspicion_with_the_kind_of_group_or_its_speaker(extractor, text, actor, stance, by) -> None:
    event = _first(extractor, text)
    assert event.perpetrator == actor and event.claimed is False
    assert any(a.stance == stance and a.actor == actor and a.by == by for a in event.attribution)


NIAMEY_LEAD = "NIAMEY - Gunmen killed 17 soldiers at an army post in Tillaberi region on Monday. "
JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"


@pytest.mark.parametrize("claim", [
    "JNIM owned up to the attack on Tuesday.",
    "JNIM admitted responsibility for the raid.",
    "JNIM acknowledged carrying out the assault in an audio message.",
    "JNIM announced responsibility for the raid.",
    "JNIM issued a statement on Telegram claiming the raid.",
    "JNIM claimed to have killed 17 soldiers.",
    "A claim of responsibility by JNIM appeared online.",
])
def test_claims_with_other_verbs_a_participle_or_a_noun(extractor, claim: str) -> None:
    event = _first(extractor, NIAMEY_LEAD + claim)
    assert (event.perpetrator, event.claimed) == (JNIM, True)


@pytest.mark.parametrize("text", [
    NIAMEY_LEAD + "JNIM rejected reports claiming the raid was its work.",
    NIAMEY_LEAD + "The army's claim that it killed 30 attackers could not be checked.",
])
def test_no_claim_in_reports_rejected_or_a_claim_of_fact(extractor, text: str) -> None:
    assert _first(extractor, text).claimed is False


def test_a_claim_by_a_groups_affiliate_is_the_groups_claim(extractor) -> None:
    event = _first(extractor, "KABUL - A bomb killed nine worshippers at a mosque in Kabul on Friday. An "
                              "Islamic State affiliate claimed the bombing in a post on Telegram.")
    assert (event.perpetrator, event.claimed) == (ISKP, True)
    assert any(a.stance == "claimed" and a.channel == "social media" for a in event.attribution)


def test_a_name_run_across_the_datelines_dash_is_no_actor(extractor) -> None:
    event = _first(extractor, "SANAA - Air strikes killed 12 civilians in Saada province on Wednesday, "
                              "residents said.")
    assert event.perpetrator is None
    assert all("SANAA" not in (a.actor or "") for a in event.attribution)
