"""Hard-wrapped copy (wire text broken at about 70 columns) is read as its paragraphs: a line break
inside a sentence is no sentence break. Every text here is written for these tests."""

from __future__ import annotations

from conflictlens.extract.segment import split_sentences
from conflictlens.extract.wire.unwrap import unwrap, wrap_width
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

WRAPPED = ("THE MAYOR OF\n"
           "PUERTO LIBRE, IN THE NORTHERN DEPARTMENT OF SUCRE, WHO WAS KIDNAPPED ON 9\n"
           "MARCH, APPARENTLY BY ARMY OF NATIONAL LIBERATION (ELN) GUERRILLAS, WAS\n"
           "FOUND DEAD TODAY, THE POLICE REPORTED.\n"
           "\n"
           "   THE GUERRILLAS HAD THREATENED TO KILL HIM IF HE DID NOT RESIGN HIS POST\n"
           "BEFORE THE ELECTIONS, HIS FAMILY SAID.\n")


def test_unwrapping_keeps_every_offset_and_joins_the_lines_of_a_paragraph():
    text = unwrap(WRAPPED)
    assert len(text) == len(WRAPPED)
    assert "WHO WAS KIDNAPPED ON 9 MARCH, APPARENTLY" in text
    assert "THE MAYOR OF PUERTO LIBRE" in text  # a short line ending in "OF" runs on
    assert "POLICE REPORTED.\n\n" in text  # blank lines stay


def test_a_wrapped_report_gives_sentences_not_lines():
    text = unwrap(WRAPPED)
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert len(sentences) == 2
    assert sentences[0].startswith("THE MAYOR OF") and sentences[0].endswith("THE POLICE REPORTED.")


def test_text_that_is_not_hard_wrapped_stays_as_it_is():
    headline = "Bomb kills four in market\nA bomb exploded in a market in the north of the city on Monday, " \
               "killing four people and wounding twelve others, police said in a statement issued later.\n" \
               "Nobody claimed the attack."
    assert wrap_width(headline) is None
    assert unwrap(headline) == headline
    assert unwrap("One line only.") == "One line only."


def test_a_short_line_that_ends_a_sentence_stays_a_break():
    text = ("THE ARMY REPORTED THAT A PATROL WAS AMBUSHED YESTERDAY NEAR THE TOWN OF\n"
            "SANTA ROSA AND THAT TWO SOLDIERS WERE KILLED AND FOUR OTHERS WERE\n"
            "WOUNDED IN THE ATTACK.\n"
            "THE REBELS WITHDREW TOWARD THE MOUNTAINS AFTER THE CLASH, THE ARMY SAID.\n")
    assert unwrap(text).count("\n") == 2  # after "ATTACK." and at the end


def test_the_perpetrator_named_across_a_line_break_is_found(extractor):
    [event] = extractor.extract(Document(id=document_id(WRAPPED), text=WRAPPED, published="1990-03-12"))
    assert event.perpetrator == "National Liberation Army of Colombia (ELN)"
    assert event.evidence["perpetrator"][0].text.isupper()  # quoted from the report as written
