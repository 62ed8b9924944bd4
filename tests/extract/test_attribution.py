"""Attribution statements in text: every stance, who said it, when, through which channel.

The texts are written for these tests; the GTD check reads the restricted set in place.
"""

import csv
import re

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document


def doc(text, published="2021-06-09"):
    return Document(id=document_id(text), text=text, published=published)


def statements(extractor, text, published="2021-06-09"):
    [event] = extractor.extract(doc(text, published))
    return event, [(a.actor, a.stance, a.by, a.channel) for a in event.attribution]


def test_claim_names_its_channel_amaq(extractor):
    text = ("A suicide bomber killed 12 worshippers at a mosque in Kunduz city on Friday. The Islamic State Khorasan "
            "Province claimed responsibility for the attack through its Amaq news agency.")
    event, found = statements(extractor, text)
    assert found == [("Khorasan Chapter of the Islamic State", "claimed", "the group itself", "Amaq")]
    assert event.claimed is True


def test_claim_on_social_media_beats_the_word_statement(extractor):
    text = ("Gunmen ambushed a police patrol in Kandahar on Sunday, killing four officers. The Taliban claimed "
            "responsibility for the ambush in a statement posted on Telegram.")
    _, found = statements(extractor, text)
    assert found == [("Taliban", "claimed", "the group itself", "social media")]


def test_claim_through_a_spokesman(extractor):
    text = ("A remote-controlled bomb killed three soldiers in Razmak, North Waziristan, on Thursday. "
            "TTP spokesman Mohammad Khurasani said the group's fighters carried out the attack.")
    _, found = statements(extractor, text)
    assert found == [("Tehrik-i-Taliban Pakistan (TTP)", "claimed", "the group itself", "a spokesman")]


def test_attributed_by_police(extractor):
    text = ("A bomb hidden in a motorcycle exploded in a market in Peshawar on Monday, killing six people. "
            "Police blamed the Tehrik-i-Taliban Pakistan for the bombing.")
    event, found = statements(extractor, text)
    assert found == [("Tehrik-i-Taliban Pakistan (TTP)", "attributed", "Police", None)]
    assert event.perpetrator == "Tehrik-i-Taliban Pakistan (TTP)" and event.claimed is False


def test_suspected_by_police(extractor):
    text = ("Unknown gunmen kidnapped two engineers in Baghlan province on Monday. "
            "Police suspected the Taliban of the abduction.")
    _, found = statements(extractor, text)
    assert found == [("Taliban", "suspected", "Police", None)]


def test_suspected_involvement_of(extractor):
    text = ("A roadside bomb killed a driver in North Waziristan on Tuesday. No group claimed responsibility; "
            "however, sources suspected the involvement of the Tehrik-i-Taliban Pakistan.")
    _, found = statements(extractor, text)
    assert found == [("Tehrik-i-Taliban Pakistan (TTP)", "suspected", "sources", None)]


def test_denial_after_attribution(extractor):
    text = ("A car bomb killed nine people near a police station in Ghazni city on Saturday. Officials blamed the "
            "Taliban for the attack, which the group denied.")
    event, found = statements(extractor, text)
    assert ("Taliban", "attributed", "Officials", None) in found
    assert ("Taliban", "denied", "the group itself", None) in found
    assert event.perpetrator == "Taliban"


def test_denial_alone_makes_no_perpetrator(extractor):
    text = "A bomb killed two shopkeepers in Kunduz city on Friday. The Taliban denied any involvement in the blast."
    event, found = statements(extractor, text)
    assert found == [("Taliban", "denied", "the group itself", None)]
    assert event.perpetrator is None


def test_statements_carry_their_report_and_its_date(extractor):
    text = "A bomb killed two shopkeepers in Kunduz city on Friday. The Taliban denied any involvement in the blast."
    [event] = extractor.extract(doc(text, "2021-06-12"))
    assert [(a.said_on, a.document_id) for a in event.attribution] == [("2021-06-12", document_id(text))]
    [undated] = extractor.extract(doc(text, None))
    assert undated.attribution[0].said_on is None


CLINIC = ("Gunmen attacked a health clinic in Jalalabad, Nangarhar province, on Monday, killing six patients and two "
          "nurses. No group claimed responsibility for the attack. On Wednesday the US Secretary of State blamed the "
          "Taliban for the attack. The Islamic State Khorasan Province, a rival of the Taliban, denied any part in it. "
          "Sources told the Eastern Herald that Lashkar-e-Taiba had supplied the weapons for the attack.")


def test_clinic_nobody_claims_blamed_rival_denies_third_group_armed_it(extractor):
    event, found = statements(extractor, CLINIC, published="2021-06-09")
    assert found == [
        ("Taliban", "attributed", "US Secretary of State", None),
        ("Khorasan Chapter of the Islamic State", "denied", "the group itself", None),
        ("Lashkar-e-Taiba (LeT)", "suspected", "Sources", None),
    ]
    assert event.claimed is False and event.perpetrator == "Taliban"
    assert event.date.start == "2021-06-07"  # the statements came two days after the attack
    assert {a.said_on for a in event.attribution} == {"2021-06-09"}
    sentences = [ev.text for ev in event.evidence["attribution"]]
    assert len(sentences) == 3 and "Lashkar-e-Taiba" in sentences[2]


def test_gtd_wording_maps_to_attributed_and_suspected(extractor, shared_data):
    """GTD's "sources attributed the attack to" and "sources suspected" wording, read in place."""
    path = shared_data / "gtd" / "gtd_2021q1_afpak_dev.csv"
    if not path.exists():
        pytest.skip("GTD dev set not present")
    cues = {"attributed": re.compile(r"sources (?:also )?attributed", re.I),
            "suspected": re.compile(r"sources suspected", re.I)}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if any(c.search(r["summary"]) for c in cues.values())]
    rows = rows[:40] + [r for r in rows[40:] if cues["suspected"].search(r["summary"])]
    docs = [Document(id=document_id(r["summary"]), text=r["summary"]) for r in rows]
    hits = total = 0
    for row, (_doc, events) in zip(rows, extractor.extract_many(docs)):
        for stance, cue in cues.items():
            if cue.search(row["summary"]):
                total += 1
                hits += any(a.stance == stance and a.by.lower() == "sources" for e in events for a in e.attribution)
    assert total >= 45 and hits / total >= 0.97


@pytest.mark.parametrize("text", [
    "A roadside bomb hit a minibus in Kandahar city on Monday, killing three passengers. No group claimed "
    "responsibility for the blast. Police arrested two suspects over the blast.",
    "Gunmen stormed a bank in Lahore on Monday, killing a guard. Police detained four suspects after the attack.",
])
def test_who_arrests_suspects_is_not_the_perpetrator(extractor, text):
    # Arresting answers an attack: the police are the actor of an arrest, never the attack's perpetrator.
    event, found = statements(extractor, text, "2021-05-05")
    assert event.perpetrator is None and found == []


def test_who_arrests_is_the_actor_of_an_arrest(extractor):
    event, found = statements(extractor, "Police arrested four men in Herat city on Sunday on charges of "
                                         "smuggling weapons, the provincial police spokesman said.", "2021-05-05")
    assert event.sub_event_type == "Arrests"
    assert event.perpetrator == "Afghan National Police (ANP)"
