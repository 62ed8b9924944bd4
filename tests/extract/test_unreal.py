"""Words that tell no act that happened open no incident: threats, plans, the future, calls for an end to
violence, condemnation of violence in general, figures of speech and questions ('unreal' in
event_cues.json, issue 11 item 4). Texts written here."""

from __future__ import annotations

import pytest

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.typing.unreal import tells_an_act, told_as_fact
from conflictlens.model.records import Document
from tests.extract.violence_helpers import political_violence

NO_ACT = [
    "The rebel command threatened to attack the capital if the talks fail.",
    "The guerrillas are planning to bomb the power grid before the elections, the minister said.",
    "The front vowed to kill every judge who signs an extradition order.",
    "If there is no political solution, there will be a social explosion in this country.",
    "Not a single shot will be fired while the aid reaches the border.",
    "Mr Minister, can you give us details about the ambush?",
    "The bishops condemned all forms of terrorism in a letter read at Sunday mass.",
    "We want an end to the bombings and the killings in our country.",
    "The president pledged to press on with the fight against drug trafficking.",
    "The senator called on the army to stop the massacres in the countryside.",
    "The police continue to investigate the murder of two students.",
    "Ministers flew in for the funeral of the victims of the market bombing.",
    "The terrorists who attack the civilian population are short of food, a deserter said.",
    "Air force pilots received orders to stand ready to shoot down any hostile aircraft.",
    "The communique demands that the army stop bombing the villages of the north.",
    "The president flew to Lima to honor the assassinated senator and his family.",
    "The judge handling the murder cases of the two priests resigned.",
    "Army helicopters are overflying the area in search of the attackers.",
    "The commander demanded that the contras stop murdering civilians.",
    # denials of reports, rhetoric against a whole people, weapons carried or sold, violence in general
    "The defence ministry denied reports that its aircraft had bombed a village near the border.",
    "The opposition leader said the government is killing its own people and must resign.",
    "Customs officers said the lorry was loaded with rifles and grenades bound for the rebels.",
    "The party said the plan aims to justify repression and the bombing of civilians.",
    # figures of speech, threats and hoaxes, violence fought in general, weapons programmes
    "The minister said the country must fight drug trafficking and corruption with new laws.",
    "Radio stations in the city received several bomb threats after the broadcast.",
    "The economist warned that inflation is a time bomb for the central bank.",
    "The president called the vote an explosion of freedom after decades of dictatorship.",
    "The leaders want a dialogue without bombs and bullets.",
    "Ministers discussed the missile programme at the summit.",
]

STILL_ACTS = [
    "Gunmen killed five villagers on Monday and threatened to kill more.",
    "The bishops condemned the car bomb that killed 12 people in the capital on Friday.",
    "As many as 20 people may have been killed when the bomb exploded outside the bank.",
    "Rebels ambushed an army patrol on the highway, the army said on Tuesday.",
    "Rebels who attacked the town on Monday killed three policemen.",
    "Police are investigating the murder of a judge who was shot dead outside his home on Friday.",
    "First of all, we will mention the assassinations of two mayors in July.",
    "Troops arrested three men for suspected involvement in 'terrorist activities?', the army said.",
    "The rebels stopped a bus on the highway and killed two passengers.",
    "The murdered mayor was shot in the head on Friday, police said.",
    "Militants carrying grenades stormed a police post on Friday, killing six officers.",
    "Gunmen killed three policemen on Monday, in the deadliest attack on the force in 2021.",
    "The army denied that its pilots were to blame after a strike killed nine villagers on Sunday.",
]

SUMMED_UP = [
    "The hurling of grenades at bus stops is a common practice of the security forces.",
    "In only three months, the press has reported 143 assassinations.",
    "Countless farmers have been murdered in their struggle for land.",
    "Almost 900 activists have died during the past years, killed by hired gunmen.",
    "Hundreds of trade unionists have been killed by death squads.",
    "The villagers periodically suffer raids by the army.",
    "Over a year ago, the minister was the target of an attack by the cartel.",
    "On several occasions the ranchers of the border have been kidnapped by armed bands.",
    "Since the party was founded, nearly 1,000 of its members and local leaders have been murdered.",
    "The armed bands have continued their attacks against the peasants of the valley.",
    "The rebels persistently sabotage the power lines of the eastern provinces.",
    "The president spoke of the situation after the recent attacks by the guerrillas on the capital.",
    "The drug mafia and its allies are behind all these attacks, the senator said.",
    # history dated by a year alone, recollections, the toll of a whole campaign or month
    "In 2009, rebels ambushed the convoy of one of his predecessors and killed four of his guards.",
    "In March 2011, during another attack on the same barracks, two soldiers were killed.",
    "It should be recalled that three aid workers were kidnapped on this road.",
    "Let us recall the bombing of the court house, in which eleven people died.",
    "The army said the rebel offensive had left more than 300 combatants dead.",
    "The rebels inflicted 94 casualties on the army during October.",
    "There were 1,450 political murders in the province, the report says.",
    "Many people were killed during those days, the old man said.",
]


@pytest.mark.parametrize("text", NO_ACT)
def test_a_sentence_that_tells_no_act_has_no_trigger_left(text):
    assert not tells_an_act(text)


@pytest.mark.parametrize("text", STILL_ACTS)
def test_an_act_told_beside_unreal_words_keeps_its_trigger(text):
    assert tells_an_act(text)


@pytest.mark.parametrize("text", SUMMED_UP)
def test_habits_and_long_spans_sum_up_and_open_no_incident(text):
    assert event_cues().background.search(text)


def test_a_dated_attack_is_no_sum():
    background = event_cues().background
    assert not background.search("Gunmen killed seven farmers near the river on Sunday.")
    assert not background.search("Rebels and troops agreed a truce after the worst fighting in decades on Monday.")
    assert not background.search("A grenade exploded at a school on Monday, in an extortion of the kind seen during "
                                 "recent months.")
    # a year that dates the clause opening the sentence is history; one later in the sentence is not
    assert not background.search("Gunmen killed three policemen on Monday, in the deadliest attack on the force in 2021.")
    assert not background.search("Government forces retook the town on Tuesday for the first time since 2012.")
    assert not background.search("The dynamite attack, the 41st in the capital during this month, destroyed a bank.")


@pytest.mark.parametrize("text", [
    "Washington announced sanctions against the militia leaders, who threatened to kill aid workers and to bomb "
    "the airport.",
    "The government expelled three diplomats on Friday, accusing their embassy of plotting with rebels who vowed "
    "to kill the president with a car bomb.",
])
def test_a_guard_of_the_gate_counts_only_where_it_is_told_as_fact(extractor, text):
    # "threatened to kill" is no toll: the sanctions rule of the gate applies
    assert political_violence(extractor, "doc_sanctions", text) == []


def test_a_speech_that_recalls_old_attacks_gives_no_event(extractor):
    text = ("The new governor of the province took office on Monday and promised jobs and roads. In 2009, rebels "
            "ambushed the convoy of one of his predecessors and killed four of his guards. Let us recall the "
            "bombing of the court house, in which eleven people died, he told the assembly.")
    assert political_violence(extractor, "doc_speech", text) == []


def test_a_report_beside_history_keeps_its_own_attack(extractor):
    text = ("Gunmen shot dead a district official outside his home in the town on Wednesday, police said. "
            "In 2015, a bombing at the town's market killed 30 people.")
    events = political_violence(extractor, "doc_history", text)
    assert len(events) == 1 and events[0].fatalities.best == 1


def test_blanking_keeps_offsets():
    text = "The rebels threatened to attack the capital. Police fired on the crowd."
    left = told_as_fact(text)
    assert len(left) == len(text) and left.startswith("The rebels ") and left.endswith("fired on the crowd.")
    assert "attack" not in left


def test_a_communique_of_threats_and_demands_gives_no_event(extractor):
    text = ("The Patriotic Front issued a communique in the capital on Tuesday. The front threatened to attack "
            "military bases and warned businessmen to pay a war tax. Its leaders called on the government to "
            "end the bombings of villages. If the army does not withdraw, there will be more fighting, they said.")
    assert political_violence(extractor, "doc_communique", text) == []


def test_an_interview_of_questions_and_pledges_gives_no_event(extractor):
    text = ("Q: Minister, what will the government do about the clash at the border? A: We will defend our "
            "sovereignty. We are determined to continue the struggle against terrorism and drug trafficking.")
    assert political_violence(extractor, "doc_interview", text) == []


def test_an_attack_reported_beside_threats_stays_an_event(extractor):
    text = ("Rebels blew up a bridge near the town of Santa Clara on Monday, killing two guards. The rebels "
            "threatened to attack more bridges if the army does not withdraw.")
    events = political_violence(extractor, "doc_bridge", text)
    assert len(events) == 1 and events[0].event_type == "Explosions/Remote violence"


def test_an_incident_is_typed_from_what_it_tells_as_fact(extractor):
    # "had planned to kill passengers" names no killing: the detention is the event
    text = ("Police detained three men in the capital on Monday. Officers said the men had planned to kill "
            "passengers with a bomb at the airport.")
    events = extractor.extract(Document(id="doc_plot", text=text))
    assert [e.sub_event_type for e in events] == ["Arrests"]
