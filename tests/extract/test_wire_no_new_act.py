"""Long wire copy (speeches, communiques, follow-ups) names acts it does not tell (issue 11, "not every
report is an event"): charges, calls to stop the fighting, duties and capacities, plots, incitement,
violence suffered in the present, weapons projects, crises that "explode", an act that only dates
another ("shortly after the murder of ..."), and history dated by a year in its own clause. These words
open no incident ('unreal' and 'background' in extract/data/event_cues.json); an act told beside them
still does. Texts written here, modelled on no report."""

from __future__ import annotations

import pytest

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.typing.unreal import tells_an_act
from tests.extract.violence_helpers import political_violence

NO_ACT = [
    "The customs chief, who was charged with the killing of a trader, left the port city by boat.",
    "Delegates debated a plan to end the shelling of the valley before the harvest.",
    "The two movements pledged to refrain from armed action against each other's offices.",
    "The mediators looked for ways to prevent new clashes between herders and farmers.",
    "Our country must fight extremism with schools and jobs, the new mayor told the council.",
    "The militia has to keep fighting until the dam is handed back, a spokeswoman said.",
    "The gang lacks the capability to bomb the harbour again, the coastguard believes.",
    "Investigators said the cell had hatched a plot to kill the visiting envoy.",
    "The blogger was jailed for inciting violence against aid workers.",
    "Herders on the plateau are being killed by both militias, the report said.",
    "Every reporter in the province lives with the risk of being kidnapped on the road.",
    "The engineers worked on the development of a long-range rocket for a foreign buyer.",
    "A diplomatic crisis exploded between the two capitals over the fishing quota.",
    "Three guards may have been involved in the abduction of the tourists.",
    "Days after the killing of the journalist, her newspaper closed its local office.",
    "Forensic teams took samples from the scene of the killings to the capital.",
    "Thousands attended the funeral service for the nurses who were killed in May.",
    "The bishop said that the killings are committed against families who own land.",
]

SUMMED_UP = [
    "Some 2,300 fighters were killed in clashes between the two militias in 2012.",
    "More than 70 villagers were abducted in over 15 attacks, the report says.",
    "The smugglers have planted more than 40 bombs along the pipeline since the spring.",
    "The movement has carried out several arson attacks since it was founded.",
    "Farmers complained of the repeated attacks on their grain stores.",
    "The shelling of the suburbs left a toll of thousands of dead, the envoy said.",
]

# History dated by a year in its own clause is set aside as a phrase ('unreal'): the sentence may still
# tell a new act beside it ("Police defused a grenade at a shop that had been attacked in June 2020").
HISTORY = [
    "The commission reopened the file on the 2004 bombing of the ferry terminal.",
    "The square is named after a poet who was murdered in 1921.",
    "The retired judge, who in 1994 survived a bombing of his car, spoke at the ceremony.",
    "Hundreds of sailors were wounded during the war over the strait.",
]

STILL_ACTS = [
    "Police said the man charged with the killing of the trader was shot dead in his cell on Sunday.",
    "Militants attacked a border post on Sunday, hours after the killing of their commander.",
    "Guards should have been watching the depot when rebels blew up its fuel tanks on Monday.",
    "A drone strike killed 14 fighters near the dam on Friday, the heaviest loss for the militia since it "
    "was formed in 2018.",
]

STILL_ACTS += ["Police defused a grenade left at a shop that had also been attacked in June 2020."]

NOT_SUMMED_UP = [
    "A drone strike killed 14 fighters near the dam on Friday, the heaviest loss for the militia since it "
    "was formed in 2018.",
    "Police defused a grenade left at a shop that had also been attacked in June 2020.",
    "Gunmen killed three policemen on Monday, in the deadliest attack on the force since 2019.",
    "Dozens of people were killed when a bomb exploded in the market on Sunday.",
]


@pytest.mark.parametrize("text", NO_ACT)
def test_words_that_tell_no_act_leave_no_trigger(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", SUMMED_UP)
def test_history_and_sums_open_no_incident(text):
    assert event_cues().background.search(text)


@pytest.mark.parametrize("text", HISTORY)
def test_history_dated_by_a_year_in_its_clause_tells_no_act(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", STILL_ACTS)
def test_an_act_told_beside_them_keeps_its_trigger(text):
    assert tells_an_act(text)


@pytest.mark.parametrize("text", NOT_SUMMED_UP)
def test_a_year_or_a_count_outside_the_act_sums_nothing_up(text):
    assert not event_cues().background.search(text)


def test_a_speech_of_duties_charges_and_history_gives_no_event(extractor):
    text = ("THE HEALTH MINISTER OPENED A CLINIC IN THE PORT ON TUESDAY. OUR NATION MUST DEFEAT THE "
            "SMUGGLERS WITH JOBS, SHE SAID. A LOCAL TRADER, WHO HAS BEEN CHARGED WITH THE KILLING OF A "
            "FISHERMAN, WILL FACE A JUDGE NEXT WEEK. SOME 3,400 PEOPLE WERE KILLED IN CLASHES BETWEEN THE "
            "TWO CLANS IN 1971, SHE RECALLED.")
    assert political_violence(extractor, "doc_wire_speech", text) == []


def test_a_wire_report_of_an_attack_beside_a_follow_up_stays_an_event(extractor):
    text = ("GUNMEN SHOT DEAD A CUSTOMS OFFICER AT THE PORT THIS MORNING, THE COASTGUARD REPORTED. "
            "DAYS AFTER THE KILLING OF A HARBOUR PILOT LAST MONTH, THE PORT AUTHORITY HAD HIRED MORE "
            "GUARDS.")
    events = political_violence(extractor, "doc_wire_attack", text)
    assert len(events) == 1 and events[0].fatalities.best == 1
