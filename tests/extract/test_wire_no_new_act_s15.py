"""Reports that tell no new act, session 15 (issue 11): acts denied or negated, a concession ("even if
the rebels attack"), a suicide, capability and possibility ("missiles that can carry chemical weapons"),
and sums: a toll over hundreds of clashes, violence named as a
method, massacres in thousands. These words open no incident ('unreal' and 'background' in
extract/data/event_cues.json); an act told beside them still does. Texts written here, modelled on no
report."""

from __future__ import annotations

import pytest

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.typing.unreal import tells_an_act
from tests.extract.violence_helpers import political_violence

NO_ACT = [
    "The pilots dropped flares over the hills, the spokesman said, and at no time did they bomb the villages.",
    "The garrison commander said his men did not shoot at the marchers.",
    "We are not bombing the towns, the air force commander told the radio.",
    "The minister said the talks would go on even if the rebels attack military posts.",
    "One of the smugglers committed suicide after the boat ran aground near the reef.",
    "The coastguard is preparing for the possibility of the use of rockets by the pirates.",
    "The general said the new drones were capable of mining wide stretches of road.",
    "The envoy said the neighbour has bought missiles that can carry chemical weapons.",
    "A tractor may be equipped with a machine gun and a crop duster may drop bombs.",
    "The interior ministry denied that its troops had shelled the border town.",
]

SUMMED_UP = [
    "The colonel said 210 rebels and 64 soldiers had been killed in 412 clashes during the spring.",
    "The report said beatings and abductions were methods used by the old regime against its critics.",
    "The exiles blame the men who massacred 12,000 herders in the drought years.",
]

STILL_ACTS = [
    "Gunmen killed two guards at the depot on Monday; they did not take the fuel, the owner said.",
    "Rebels shelled the airport on Sunday even if the truce was due to start at dawn.",
    "A suicide bomber killed six people at a checkpoint in the north on Friday.",
    "The militia fired rockets at the port on Tuesday, showing its capacity to strike the coast.",
    "Soldiers killed four rebels in two clashes near the dam on Thursday.",
    "Three marchers died on Sunday after the use of grenades by the riot police.",
    "The ministry denied that its pilots were at fault after an air strike killed six shepherds on Monday.",
]


@pytest.mark.parametrize("text", NO_ACT)
def test_denials_concessions_and_capabilities_leave_no_trigger(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", SUMMED_UP)
def test_a_toll_over_hundreds_of_clashes_sums_up(text):
    assert event_cues().background.search(text)


@pytest.mark.parametrize("text", STILL_ACTS)
def test_an_act_told_beside_them_keeps_its_trigger(text):
    assert tells_an_act(text)
    assert not event_cues().background.search(text)


def test_a_briefing_of_denials_and_capabilities_gives_no_event(extractor):
    text = ("THE DEFENCE MINISTER SPOKE TO REPORTERS IN THE CAPITAL ON WEDNESDAY. AT NO TIME DID OUR "
            "AIRCRAFT BOMB THE VALLEY, HE SAID. THE ARMY WILL KEEP ITS POSITIONS EVEN IF THE REBELS ATTACK "
            "THE OUTPOSTS AGAIN. HE WARNED OF THE POSSIBILITY OF THE USE OF MISSILES BY THE REBELS.")
    assert political_violence(extractor, "doc_wire_denial", text) == []


def test_a_wire_report_of_an_attack_beside_a_denial_stays_an_event(extractor):
    text = ("GUERRILLAS AMBUSHED A BUS ON THE COAST ROAD THIS MORNING, KILLING FOUR PASSENGERS, THE POLICE "
            "REPORTED. THE ARMY DENIED THAT ITS TROOPS HAD FIRED ON THE BUS.")
    events = political_violence(extractor, "doc_wire_ambush", text)
    assert len(events) == 1 and events[0].fatalities.best == 4
