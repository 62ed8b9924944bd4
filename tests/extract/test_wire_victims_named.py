"""Wire copy names acts it does not tell (issue 11, session 12): a victim named by a restrictive relative
clause in a sentence about something else ("the delegation left for the funeral of the nurses who were
killed in the capital"), and a charge whose words reach the act through quotes or brackets. Neither
opens an incident ('unreal' in extract/data/event_cues.json); an act told beside them still does, and
so does a clause between commas ("the journalist, who was kidnapped in June, was found shot").
Texts written here, modelled on no report."""

from __future__ import annotations

import pytest

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.typing.unreal import tells_an_act
from tests.extract.violence_helpers import political_violence

NO_ACT = [
    "The trade delegation that will attend the funeral of the nurses who were killed in the capital on "
    "3 May left for the coast at dawn.",
    "He replaces the harbour master who was murdered during the raid on the docks in March.",
    "The mayor asked the families of those who have been kidnapped to be patient.",
    "The election came two weeks after the deaths of three students who had been abducted.",
    "The engineer was accused of the (former port director) Halvorsen assassination.",
    "The envoy faces charges of \"kidnapping and torture\" in his own country.",
]

STILL_ACTS = [
    # a clause between commas often tells the act itself
    "The journalist, who was kidnapped in June, was found shot in a ditch on Sunday.",
    "The two men who were kidnapped on Monday were killed by their captors, the police said.",
    "Gunmen shot dead a guard who was watching the bank in the port on Monday.",
    # a recent day anywhere after the clause: the act may be news (the clause is not parsed, so a day
    # that belongs to the main clause keeps the sentence too)
    "Police are investigating the murder of a judge who was shot dead outside his home on Friday.",
    "Relatives of the nurses who were killed in the capital met the minister this morning.",
    # who did it is said: the clause names the act's perpetrator for the incident told
    "Officials confirmed the release of the journalist who was kidnapped by rebels of the northern front.",
]


def test_a_duty_not_to_forget_recalls_and_opens_no_incident():
    cues = event_cues().background
    assert cues.search("Let us not forget the governor and the judge who died when the dam was shelled.")
    assert not cues.search("We will never forget this day, a mourner said after gunmen killed 12 villagers.")


@pytest.mark.parametrize("text", NO_ACT)
def test_victims_and_charges_leave_no_trigger(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", STILL_ACTS)
def test_an_act_told_beside_them_keeps_its_trigger(text):
    assert tells_an_act(text)


def test_a_wire_report_that_only_recalls_victims_gives_no_event(extractor):
    text = ("THE TRADE DELEGATION THAT WILL ATTEND THE FUNERAL OF THE NURSES WHO WERE KILLED IN THE CAPITAL "
            "ON 3 MAY LEFT FOR THE COAST AT DAWN. THE MINISTER SAID THE ENGINEER WAS ACCUSED OF THE "
            "(FORMER PORT DIRECTOR) HALVORSEN ASSASSINATION.")
    assert political_violence(extractor, "doc_wire_victims", text) == []


def test_a_wire_report_of_a_killing_beside_them_stays_an_event(extractor):
    text = ("GUNMEN SHOT DEAD A CUSTOMS OFFICER AT THE PORT THIS MORNING, THE COASTGUARD REPORTED. HE "
            "REPLACED THE HARBOUR MASTER WHO WAS MURDERED DURING THE RAID ON THE DOCKS IN MARCH.")
    events = political_violence(extractor, "doc_wire_killing", text)
    assert len(events) == 1 and events[0].fatalities.best == 1
