"""Reports that tell no new act, session 18 (issue 11 item 4): speeches that say what a kind of force or
a regime does, purposes, crimes named as the subject of a legal case, tolls over a year, a group's
history, weapons handled, the state's war told as policy, demands to free the kidnapped, years of
violence named as a whole, massacres recalled, violence against a whole people, violence to be
prevented or stopped, units or ranks named after a weapon, crimes that abound in a region,
the authors of an act, fighting that has stopped and homage to the dead ('unreal' in
extract/data/event_cues.json). An act told beside them still opens its incident. Texts written here,
modelled on no report."""

from __future__ import annotations

import pytest

from conflictlens.extract.typing.unreal import tells_an_act
from tests.extract.violence_helpers import political_violence

NO_ACT = [
    "The country needs movements that seek peace rather than forces that assassinate and cause ruin.",
    "The guerrilla command called the villagers to rise up so that they can join us in battle.",
    "The decree lists the defendants of case 311, on murder and unlawful association, and case 95, on kidnapping.",
    "At least 80 members of the cartel have been killed by the police this year, the minister said.",
    "Many sergeants, pilots and cadets have been killed, but they are the heroes of the republic.",
    "The sect began its armed activities in May 1987, when it attacked the convoy of a visiting envoy.",
    "The smugglers began their campaign against the courts in 1983 with the assassination of a judge.",
    "Students are joining the work, digging trenches and handling light artillery pieces and machineguns.",
    "Our government is fighting a rebel army that endangers the constitution, the premier said.",
    "The bishop demanded that the militia release more than 300 farmers they have kidnapped.",
    "The envoy said his government wants to find out what happened to the kidnapped engineers.",
    "The archbishop said the province had suffered decades of bombings, kidnappings and murders.",
    "The senator recalled the massacre of the cooperative workers and asked for justice.",
    "The aid cannot go to a regime which is bombing its provinces, a regime which murders teachers.",
    "The opposition says the junta has chosen to machinegun and bomb the civilian population.",
    "The clearing of the slums is being done in order to proceed with the shelling of the hills.",
    "The mediators asked both sides to stop using land mines and booby traps.",
    "The reforms are overdue because of the bombings in the cities and the massacres in the countryside.",
    "The governor said the state must act to prevent further clashes between herders and the police.",
    "The old theatre, which was nearly destroyed during a grenade attack last year, has reopened.",
    "The list of officers promoted includes an artillery lieutenant and two rocket battalion majors.",
    "He said he had been a pilot of the national air force before he joined the airline.",
    "The envoy toured the frontier, where smuggling, cattle theft and kidnappings proliferate.",
    "The bishops demand the trial of the masterminds and perpetrators of the assassination of the mayor.",
    "The radio said that all fighting stopped in the port town at 0200.",
    "We pay homage to the cadets killed in combat while defending the capital.",
]

STILL_ACTS = [
    "At least 14 people have been killed this year in raids by the sect, and on Monday gunmen killed two more.",
    "Gunmen attacked a police post in the town on Monday, killing two officers, and fled with their rifles.",
    "Warplanes bombed the civilian population of the village of Tel Rana on Sunday, killing six people.",
    "Artillery shelled the market on Monday, killing three traders, the mayor said.",
    "Rebels attacked the air force base on Sunday night, destroying two helicopters.",
    "Six bombs exploded in the cities of the north on Sunday, destroying three banks.",
    "Gunmen killed the judge on Monday, and the police said the perpetrators of the attack fled on motorbikes.",
    "Fighting stopped on Tuesday after rebels and soldiers clashed for three days near the dam, killing 20 people.",
]


@pytest.mark.parametrize("text", NO_ACT)
def test_words_that_tell_no_new_act_leave_no_trigger(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", STILL_ACTS)
def test_an_act_told_beside_them_keeps_its_trigger(text):
    assert tells_an_act(text)


def test_a_speech_about_regimes_and_legal_cases_gives_no_event(extractor):
    text = ("THE OPPOSITION LEADER SPOKE TO THE CONGRESS ON TUESDAY. THE AID CANNOT GO TO A REGIME WHICH IS "
            "BOMBING ITS PROVINCES, A REGIME WHICH MURDERS TEACHERS. THE DECREE LISTS THE DEFENDANTS OF CASE "
            "311, ON MURDER AND UNLAWFUL ASSOCIATION. MANY SERGEANTS AND CADETS HAVE BEEN KILLED, BUT THEY ARE "
            "THE HEROES OF THE REPUBLIC, HE SAID.")
    assert political_violence(extractor, "doc_wire_s18_speech", text) == []


def test_a_group_history_beside_a_new_attack_keeps_the_attack(extractor):
    text = ("GUNMEN KILLED THREE POLICEMEN AT A CHECKPOINT NEAR THE PORT THIS MORNING, THE POLICE SAID. THE "
            "SECT BEGAN ITS ARMED ACTIVITIES IN MAY 1987, WHEN IT ATTACKED THE CONVOY OF A VISITING ENVOY.")
    events = political_violence(extractor, "doc_wire_s18_attack", text)
    assert len(events) == 1 and events[0].fatalities.best == 3
