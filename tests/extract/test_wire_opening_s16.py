"""Wire archives that strip the dateline off a report's first line leave its lead sentence starting on a
short line ("SANTIAGO, 3 MAR 90 (RADIO) -- [TEXT] A FRENCH ENGINEER WAS KIDNAPPED TODAY BY THE MANUEL"
keeps its words after "[TEXT]"): that line runs on into the wrapped line below it, so the lead sentence is read whole and
the group it names is read as the one who did it. A headline (above a blank line, a dateline or a
short line) and an opening line that ends a sentence stay apart. Every text here is written for
these tests."""

from __future__ import annotations

from conflictlens.extract.segment import split_sentences
from conflictlens.extract.wire.unwrap import unwrap
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

CUT_OPENING = ("A FRENCH ENGINEER WAS KIDNAPPED TODAY BY THE MANUEL\n"
               "RODRIGUEZ PATRIOTIC FRONT NEAR THE TOWN OF TALCA, AND HIS CAPTORS WANT A RANSOM OF\n"
               "2 MILLION DOLLARS FOR HIS RELEASE, POLICE SOURCES SAID IN THE CAPITAL OF\n"
               "THE MAULE REGION, WHERE THE ENGINEER'S COMPANY HAS ITS MAIN OFFICES.\n"
               "\n"
               "   THE SAME SOURCES SAID THAT THE ENGINEER'S FAMILY IS NEGOTIATING WITH\n"
               "THE KIDNAPPERS THROUGH A CHURCH COMMISSION IN THE CITY OF CONCEPCION.\n")


def test_a_cut_opening_line_runs_on_into_its_paragraph():
    text = unwrap(CUT_OPENING)
    assert len(text) == len(CUT_OPENING)
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[0].startswith("A FRENCH ENGINEER WAS KIDNAPPED TODAY BY THE MANUEL RODRIGUEZ PATRIOTIC FRONT")
    assert "MAIN OFFICES.\n\n" in text  # the paragraph still ends where it did


def test_the_group_of_a_cut_lead_sentence_is_its_perpetrator(extractor):
    events = extractor.extract(Document(id=document_id(CUT_OPENING), text=CUT_OPENING, published="1990-03-12"))
    assert events[0].sub_event_type == "Abduction/forced disappearance"
    assert events[0].perpetrator == "Manuel Rodriguez Patriotic Front (FPMR)"


def test_a_headline_above_a_blank_line_a_dateline_or_a_short_line_stays_apart():
    body = ("GUERRILLAS TODAY ATTACKED AN ARMY POST NEAR THE TOWN OF SANTA ROSA AND\n"
            "KILLED TWO SOLDIERS, THE ARMED FORCES PRESS COMMITTEE REPORTED IN A\n"
            "COMMUNIQUE ISSUED THIS AFTERNOON IN THE CAPITAL OF THE REPUBLIC.\n")
    blank = "REBELS ATTACK ARMY POST\n\n" + body
    dateline = "REBELS ATTACK ARMY POST\nSAN SALVADOR, 3 JAN 90 (RADIO) -- " + body
    short = "REBELS ATTACK ARMY POST\nTWO SOLDIERS DEAD\n" + body
    for text in (blank, dateline, short):
        assert unwrap(text).startswith("REBELS ATTACK ARMY POST\n"), text


def test_an_opening_line_that_ends_a_sentence_stays_a_break():
    text = ("THE ARMY ATTACKED.\n"
            "GUERRILLAS TODAY AMBUSHED AN ARMY PATROL NEAR THE TOWN OF SANTA ROSA AND\n"
            "KILLED TWO SOLDIERS, THE ARMED FORCES PRESS COMMITTEE REPORTED IN A\n"
            "COMMUNIQUE ISSUED THIS AFTERNOON IN THE CAPITAL OF THE REPUBLIC.\n")
    assert unwrap(text).startswith("THE ARMY ATTACKED.\n")
