"""Who did it, in wire copy (session 16): speakers who say that an armed force "took part in the massacre",
that its soldiers "were the ones who killed" the victims, or that "there were police agents involved in the
killing", paragraphs after the act; "condemn X for the bombing"; "rumours that claim X committed the
killing"; the agent "by a cell within X"; a group named after a descriptor of three words ("the radical
Maoist guerrilla organization, X"); and a spelling of a name wire copy uses ("Tupac Amary").

Every text here is written for these tests, in the style of 1990s FBIS wire copy (one in today's style).
"""

from conflictlens.extract import attribution as attr
from conflictlens.model.ids import document_id
from conflictlens.model.protocols import ActorMention
from conflictlens.model.records import Document

SALVADORAN_ARMY = "Military Forces of El Salvador"
SHINING_PATH = "Shining Path (SL)"
MRTA = "Tupac Amaru Revolutionary Movement (MRTA)"


def events_of(extractor, text, published="1990-01-20"):
    return extractor.extract(Document(id=document_id(text), text=text, published=published))


def stances(sentence, name, canonical=SALVADORAN_ARMY):
    start = sentence.index(name)
    mention = ActorMention(start, start + len(name), name, canonical, "state forces", 1.0, "alias")
    return [(s.actor, s.stance) for s in attr.statements_in_sentence(sentence, (0, len(sentence)), [mention])]


def test_a_speaker_says_elements_of_an_armed_force_took_part_in_the_massacre(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] FOUR TEACHERS WERE MURDERED AT A SCHOOL IN SANTA ANA LAST WEEK.  "
            "THE JUDGE STATED TODAY THAT \"ELEMENTS OF THE ARMED FORCES\" TOOK PART IN THE MASSACRE.")
    [event] = events_of(extractor, text)
    assert event.perpetrator == SALVADORAN_ARMY
    assert [(a.actor, a.stance) for a in event.attribution] == [(SALVADORAN_ARMY, "attributed")]


def test_the_ones_who_killed_and_agents_involved_in_the_killing():
    assert stances("The commission found that army soldiers were the ones who killed the farmers.",
                   "army") == [(SALVADORAN_ARMY, "attributed")]
    assert stances("The lawyer said there were police agents involved in the killing of the judge.",
                   "police", "Police") == [("Police", "suspected")]
    assert stances("The gunmen who fired on the bus were from the Salvadoran army, witnesses said.",
                   "Salvadoran army") == [(SALVADORAN_ARMY, "attributed")]


def test_taking_part_in_something_other_than_an_act_or_told_by_the_report_is_no_stance():
    assert stances("The minister said that the armed forces participated in the parade.", "armed forces") == []
    # the report's own telling: what the subject cues read of its other sentences decides who did it
    assert stances("Around 50 armed forces members took part in this attack.", "armed forces") == []
    assert stances("There are armed forces members involved in the talks.", "armed forces") == []


def test_a_group_named_after_a_descriptor_of_three_words_is_suspected(extractor):
    text = ("LIMA, 4 MAR 90 -- [TEXT] A BOMB EXPLODED AT A TRADE MISSION IN LIMA LAST NIGHT.  INVESTIGATORS SUSPECT "
            "THE RADICAL MAOIST GUERRILLA ORGANIZATION, SENDERO LUMINOSO.")
    assert [(e.perpetrator, [a.stance for a in e.attribution]) for e in events_of(extractor, text, "1990-03-04")] \
        == [(SHINING_PATH, ["suspected"])]


def test_tupac_amary_is_the_mrta(extractor):
    text = ("LIMA, 4 MAR 90 -- [TEXT] TWO BOMBS EXPLODED AT A BANK IN TRUJILLO LAST NIGHT.  NOBODY WAS HURT, AND "
            "THE AUTHORITIES BLAMED THE TUPAC AMARY REVOLUTIONARY MOVEMENT FOR THE BLASTS.")
    assert [e.perpetrator for e in events_of(extractor, text, "1990-03-04")] == [MRTA]


FMLN = "Farabundo Marti National Liberation Front (FMLN)"


def fmln_stances(sentence):
    return stances(sentence, "FMLN", FMLN)


def test_condemning_a_group_for_an_attack_blames_it():
    assert fmln_stances("The cabinet called on all governments to condemn the FMLN for the cowardly bombing of "
                        "the bus terminal.") == [(FMLN, "attributed")]
    assert fmln_stances("The bishops condemned the FMLN for its stand at the talks.") == []


def test_rumours_that_claim_a_group_committed_the_killing_attribute_it():
    assert fmln_stances("The colonel rejected rumours that claim the FMLN committed the killing of the mayor.") \
        == [(FMLN, "attributed")]


def test_the_agent_may_be_a_cell_within_a_group(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] A BOMB DESTROYED A BUS IN SAN MIGUEL TODAY, KILLING THREE "
            "PASSENGERS.  THE ARMY SAID THE BOMBING WAS CARRIED OUT BY A HARDLINE CELL WITHIN THE FMLN.")
    assert FMLN in {e.perpetrator for e in events_of(extractor, text)}
