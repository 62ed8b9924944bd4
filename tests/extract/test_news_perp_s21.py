"""Who did it, as session 21 found reports telling it (issue 11): the doer named after a later day was told
("The hostages were released on Friday. ... sources blamed the attack on X"), where the later day split the
report in two and left the attack told first with no one; and a unit of a group named by words the registry
does not know ("the Derry Brigade of X", "the Guerrilla Front 18 of X", "the Juan Perez front of X"), which
names the group. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.lead_doer import with_lead_doer
from conflictlens.model.records import Attribution, DateInfo, Event, Evidence, Location
from tests.extract.actor_helpers import perpetrators_and_claims

ADF = "Allied Democratic Forces (ADF)"
NPA = "New People's Army (NPA)"
ELN = "National Liberation Army of Colombia (ELN)"


@pytest.mark.parametrize("text, actor", [
    ("Gunmen kidnapped nine farmers near Beni on Monday. Four of the hostages were freed on Thursday. No group "
     "claimed the kidnapping, but officials blamed the attack on the ADF.", ADF),
    ("Militants seized five traders outside Hulaywah on 3 May. One of them was rescued the next day. The army "
     "said the abduction was carried out by the Allied Democratic Forces (ADF).", ADF),
])
def test_a_doer_named_after_a_later_day_goes_to_the_lead_incident(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-05-10")[0][0] == actor


def test_an_incident_told_as_another_keeps_its_own_doer(extractor):
    for clinic in ("a clinic in Oicha", "a clinic"):
        text = (f"Gunmen killed three villagers near Beni on Monday. In a separate attack on Wednesday, rebels burned "
                f"{clinic}. Officials blamed the attack on the ADF.")
        assert perpetrators_and_claims(extractor, text, "2024-05-10")[0][0] is None


def _event(eid: str, place: str | None, perpetrator: str | None, said: str = "") -> Event:
    event = Event(id=eid, document_id="d1", event_type="Violence against civilians", sub_event_type="Attack",
                  date=DateInfo("2024-05-06", "2024-05-06", "day"),
                  location=Location("CD", "North Kivu", None, place, precision="place" if place else "province"))
    if perpetrator:
        event.perpetrator, event.attribution = perpetrator, [Attribution(perpetrator, "attributed", "officials")]
        event.add_evidence("perpetrator", Evidence("d1", 60, 60 + len(said), said))
    return event


def test_the_lead_takes_a_later_events_doer_only_when_its_statement_refers_back():
    lead, later = _event("a", "Beni", None), _event("b", None, "ADF", "officials blamed the attack on the ADF")
    (given, _span), _rest = with_lead_doer([(lead, (0, 50)), (later, (60, 100))], " " * 100)
    assert (given.perpetrator, given.extra["doer_from"], given.evidence["perpetrator"][0].start) == ("ADF", "b", 60)
    unreferred = _event("c", None, "ADF", "officials said ADF fighters were active")
    assert with_lead_doer([(lead, (0, 50)), (unreferred, (60, 100))], " " * 100)[0][0].perpetrator is None


def test_a_later_event_in_another_place_gives_the_lead_nothing():
    lead, later = _event("a", "Beni", None), _event("b", "Oicha", "ADF", "officials blamed the attack on the ADF")
    assert with_lead_doer([(lead, (0, 50)), (later, (60, 100))], " " * 100)[0][0].perpetrator is None


@pytest.mark.parametrize("text, actor", [
    ("Gunmen ambushed an army truck near Mati on Sunday, wounding two soldiers. Officials blamed the attack on "
     "the Guerrilla Front 18 of the New People's Army.", NPA),
    ("Rebels attacked a police post in Tibu on Friday, wounding an officer. The army attributed the attack to the "
     "Juan Carlos Perez front of the ELN.", ELN),
])
def test_a_unit_of_a_group_named_by_its_own_words_names_the_group(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-05-10")[0][0] == actor


@pytest.mark.parametrize("text, actor, claimed", [
    ("Gunmen opened fire on an army checkpoint near Hakha on Monday, killing three soldiers. The Chinland Defense "
     "Force (CDF) claimed responsibility for the attack.", "Chinland Defense Force", True),
    ("Three rockets struck near Balad air base on Tuesday. Officials blamed the attack on Iran-backed militias.",
     "Iran-backed militia", False),
    ("A roadside bomb hit a supply convoy near Diwaniyah on Sunday. Officials suspected the involvement of an "
     "Iran-backed militia.", "Iran-backed militia", False),
    ("A bomb damaged a supply convoy near Basra on Friday. Saraya Awliya al-Dam claimed responsibility for the "
     "blast.", "Saraya Awliya al-Dam", True),
    ("Arsonists set fire to a telecom mast in Lyon on Monday. Police suspected far-left extremists.",
     "Left-wing extremists", False),
    ("An assailant stabbed a guard near Hebron on Friday. Officials attributed the attack to a Palestinian "
     "extremist.", "Palestinian Extremists", False),
])
def test_groups_named_by_new_names(extractor, text, actor, claimed):
    assert perpetrators_and_claims(extractor, text, "2024-05-10")[0] == (actor, claimed)


def test_left_wing_extremists_in_india_are_the_maoists(extractor):
    text = ("A landmine blast killed two police officers in Sukma, Chhattisgarh on Monday. Police blamed the attack "
            "on left-wing extremists.")
    assert perpetrators_and_claims(extractor, text, "2024-05-10")[0][0] == "Maoists"


@pytest.mark.parametrize("text, actor", [
    ("Gunmen shot dead a trader in Kano on Monday. Police identified the attackers as Boko Haram fighters.",
     "Boko Haram"),
    ("Gunmen shot dead a trader in Kano on Monday. Police identified the attacker as Musa Ali, 24.", None),
])
def test_attackers_identified_as_a_group(extractor, text, actor):
    assert perpetrators_and_claims(extractor, text, "2024-05-10")[0][0] == actor
