"""Who did it, in wire copy (session 16): speakers who say that an armed force "participated in the crime",
that its men "were the ones who murdered" the victims, or that "there are army members involved in the
murder", paragraphs after the act; a group named after a descriptor of three words ("the extreme
left-wing Maoist organization, X"); and a spelling of a name wire copy uses ("Tupac Amary").

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


def test_a_speaker_says_members_of_an_armed_force_participated_in_the_crime(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] FOUR TEACHERS WERE MURDERED AT A SCHOOL IN SANTA ANA LAST WEEK.  "
            "THE MINISTER ANNOUNCED TODAY THAT \"MEMBERS OF THE ARMED FORCES\" PARTICIPATED IN THE CRIME.")
    [event] = events_of(extractor, text)
    assert event.perpetrator == SALVADORAN_ARMY
    assert [(a.actor, a.stance) for a in event.attribution] == [(SALVADORAN_ARMY, "attributed")]


def test_the_ones_who_murdered_and_members_involved_in_the_murder():
    assert stances("The minister admitted that armed forces personnel were the ones who murdered the teachers.",
                   "armed forces") == [(SALVADORAN_ARMY, "attributed")]
    assert stances("The bishop said there are armed forces members involved in the murder of the teachers.",
                   "armed forces") == [(SALVADORAN_ARMY, "suspected")]
    assert stances("The killers who acted under the curfew are from the Salvadoran army, the union said.",
                   "Salvadoran army") == [(SALVADORAN_ARMY, "attributed")]


def test_taking_part_in_something_other_than_an_act_or_told_by_the_report_is_no_stance():
    assert stances("The minister said that the armed forces participated in the parade.", "armed forces") == []
    # the report's own telling: what the subject cues read of its other sentences decides who did it
    assert stances("Around 50 armed forces members took part in this attack.", "armed forces") == []
    assert stances("There are armed forces members involved in the talks.", "armed forces") == []


def test_a_group_named_after_a_descriptor_of_three_words_is_suspected(extractor):
    text = ("LIMA, 4 MAR 90 -- [TEXT] A BOMB EXPLODED AT A TRADE MISSION IN LIMA LAST NIGHT.  THE POLICE SUSPECT "
            "THE EXTREME LEFT-WING MAOIST ORGANIZATION, SENDERO LUMINOSO.")
    assert [(e.perpetrator, [a.stance for a in e.attribution]) for e in events_of(extractor, text, "1990-03-04")] \
        == [(SHINING_PATH, ["suspected"])]


def test_tupac_amary_is_the_mrta(extractor):
    text = ("LIMA, 4 MAR 90 -- [TEXT] TWO BOMBS EXPLODED AT A BANK IN TRUJILLO LAST NIGHT.  NOBODY WAS HURT AND "
            "THE POLICE HOLD THE TUPAC AMARY REVOLUTIONARY MOVEMENT RESPONSIBLE FOR THE ATTACK.")
    assert [e.perpetrator for e in events_of(extractor, text, "1990-03-04")] == [MRTA]


FMLN = "Farabundo Marti National Liberation Front (FMLN)"


def fmln_stances(sentence):
    return stances(sentence, "FMLN", FMLN)


def test_condemning_a_group_for_an_attack_blames_it():
    assert fmln_stances("The government urged all nations to condemn the FMLN for this cowardly attack on the "
                        "secretary general.") == [(FMLN, "attributed")]
    assert fmln_stances("The bishops condemned the FMLN for its stand at the talks.") == []


def test_versions_that_claim_a_group_committed_the_murder_attribute_it():
    assert fmln_stances("Cristiani disavowed versions that claim the FMLN guerrillas committed the murder.") \
        == [(FMLN, "attributed")]


def test_the_agent_may_be_men_within_a_group(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] A BOMB DESTROYED A BUS IN SAN MIGUEL TODAY, KILLING THREE "
            "PASSENGERS.  THE ARMY SAID THE BOMBING WAS CARRIED OUT BY THE TERRORISTS WITHIN THE FMLN WHO "
            "REJECT THE DIALOGUE.")
    assert FMLN in {e.perpetrator for e in events_of(extractor, text)}
