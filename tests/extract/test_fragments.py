"""One incident told across a report is one event (issue 11 item 2, session 17, branch hdocmerge): a fragment
event (a claim, a place or a toll told apart from the act) folds into the incident it speaks of; different
incidents stay apart. Reports written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.fragments import fits, fold, fold_fragments
from conflictlens.model.records import Attribution, Casualties, DateInfo, Event, Evidence, Location

_TEXT = ("Gunmen attacked a police post in Marte on Tuesday, killing 15 officers. "
         "In a separate attack, gunmen stormed a market in Marte.")


def _event(eid: str, *, day: str | None = "2024-06-11", place: str | None = "Marte", killed: int | None = None,
           perpetrator: str | None = None, claimed: bool = False, kind: str = "Battles") -> Event:
    event = Event(id=eid, document_id="d1", event_type=kind, sub_event_type="Armed clash",
                  date=DateInfo(day, day, "day" if day else None),
                  location=Location("NG", "Borno", None, place, precision="place" if place else "province"))
    if killed is not None:
        event.fatalities = Casualties.exact(killed)
        event.add_evidence("fatalities", Evidence("d1", 0, 10, "toll"))
    if perpetrator:
        event.perpetrator, event.claimed = perpetrator, claimed
        event.attribution = [Attribution(perpetrator, "claimed" if claimed else "attributed")]
        event.add_evidence("perpetrator", Evidence("d1", 100, 120, "claim"))
        event.add_evidence("claimed", Evidence("d1", 100, 120, "claim") if claimed else None)
        event.add_evidence("attribution", Evidence("d1", 100, 120, "claim"))
    return event


def test_a_claim_told_apart_folds_into_the_act_with_its_evidence() -> None:
    act = _event("a", killed=15)
    claim = _event("b", place=None, perpetrator="ISWAP", claimed=True)
    (merged, span), = fold_fragments([(act, (0, 72)), (claim, (100, 120))], " " * 130)
    assert (merged.id, span, merged.fatalities.best, merged.perpetrator, merged.claimed) == ("a", (0, 72), 15, "ISWAP", True)
    assert [e.start for e in merged.evidence["perpetrator"]] == [100]
    assert [e.start for e in merged.evidence["fatalities"]] == [0]
    assert merged.extra["folded"] == ["b"] and "claimed by ISWAP" in merged.summary


def test_a_claim_told_first_gives_way_to_the_act_with_the_toll() -> None:
    claim = _event("b", place=None, perpetrator="ISWAP", claimed=True)
    act = _event("a", killed=15)
    (merged, _span), = fold_fragments([(claim, (0, 50)), (act, (60, 130))], " " * 130)
    assert (merged.id, merged.fatalities.best, merged.location.place, merged.perpetrator) == ("a", 15, "Marte", "ISWAP")


def test_tolls_are_never_added() -> None:
    merged = fold(_event("a", killed=15), _event("b", killed=15, perpetrator="ISWAP"))
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (15, 15, 15)


def test_the_same_victims_told_twice_are_one_toll_and_an_approximate_day_is_near() -> None:
    act = _event("a", killed=74)
    act.injured = Casualties.exact(17)
    again = _event("b", day="2024-06-12", killed=74, perpetrator="RSF")
    again.date.precision = "week"  # a day told "around"
    assert fits(act, again)
    merged = fold(act, again)
    assert (merged.fatalities.best, merged.injured.best, merged.perpetrator, merged.date.start) == (74, 17, "RSF", "2024-06-11")
    assert not fits(act, _event("b", day="2024-06-12", killed=74))  # a day told as a day is that day


def test_the_event_with_the_toll_keeps_its_kind_of_act() -> None:
    bombing = _event("b", kind="Explosions/Remote violence")
    bombing.sub_event_type = "Suicide bomb"
    merged = fold(_event("a", killed=5), bombing)
    assert (merged.event_type, merged.sub_event_type, merged.fatalities.best) == ("Battles", "Armed clash", 5)


@pytest.mark.parametrize("other", [
    _event("b", killed=4),  # two tolls: two sets of victims
    _event("b", killed=15, day="2024-06-12"),  # the same toll on another day
    _event("b", place="Dikwa"),  # another town
    _event("b", day="2024-06-12"),  # another day
    _event("b", day=None),  # no day: nothing to tell incidents apart by (undated wire copy)
    _event("b", perpetrator="Boko Haram"),  # another perpetrator than the act's
    _event("b", kind="Protests"),  # no violence
])
def test_what_tells_incidents_apart_keeps_them_apart(other: Event) -> None:
    assert not fits(_event("a", killed=15, perpetrator="ISWAP"), other)


def test_a_fragment_told_as_another_incident_stays_apart() -> None:
    cut = _TEXT.index("In a separate")
    found = [(_event("a", killed=15), (0, cut - 1)), (_event("b"), (cut, len(_TEXT)))]
    assert len(fold_fragments(found, _TEXT)) == 2


def _summaries(session, text: str) -> list[str]:
    return [e.summary for e in session.extract_text(text, published="2024-06-14")]


def test_a_scene_told_again_in_a_later_paragraph_is_one_event(session) -> None:
    text = ("Gunmen attacked a police station in Marte, Borno State, on Tuesday, killing 15 officers, police said.\n\n"
            "In Marte, residents said the fighters came on motorcycles and attacked the station on Tuesday.")
    (event,) = session.extract_text(text, published="2024-06-14")
    assert (event.location.place, event.fatalities.best, event.date.start) == ("Marte", 15, "2024-06-11")


def test_a_claim_in_the_third_paragraph_is_the_bombings(session) -> None:
    text = ("A bomb blast at a market in Marte, Borno State, killed 15 people on Tuesday, police said.\n\n"
            "Witnesses said the explosion tore through the market at midday.\n\n"
            "On Wednesday, the Islamic State West Africa Province claimed the Marte bombing in a statement.")
    (event,) = session.extract_text(text, published="2024-06-14")
    assert (event.fatalities.best, event.claimed) == (15, True)
    assert "Islamic State West Africa Province" in event.perpetrator


def test_two_attacks_in_two_towns_stay_two(session) -> None:
    text = ("Gunmen attacked a police station in Marte, Borno State, on Tuesday, killing 15 officers, police said.\n\n"
            "In Dikwa, gunmen attacked a police station on Tuesday, killing four officers.\n\n"
            "The Islamic State West Africa Province claimed the raid on Dikwa.")
    first, second = session.extract_text(text, published="2024-06-14")
    assert (first.location.place, first.fatalities.best, first.perpetrator) == ("Marte", 15, None)
    assert (second.location.place, second.fatalities.best, second.claimed) == ("Dikwa", 4, True)


def test_a_separate_attack_in_the_same_town_stays_apart(session) -> None:
    text = ("Six soldiers were killed in an attack on a security post in Balochistan on Monday, the military said.\n\n"
            "A provincial official said militants stormed the post in Turbat.\n\n"
            "In a separate attack, militants stormed a police station in Turbat on Monday and set it on fire.")
    assert len(_summaries(session, text)) == 2


def test_reports_of_another_attack_stay_apart(session) -> None:
    text = ("Gunmen killed 12 villagers in Marte, Borno State, on Sunday, residents said.\n\n"
            "There were also reports of another attack by gunmen on the same town on Sunday.")
    assert len(_summaries(session, text)) == 2


def test_a_town_named_beside_a_province_is_kept() -> None:
    act = _event("a", place=None, killed=7)
    near = _event("b", perpetrator="JNIM")
    act.location.precision = near.location.precision = "province"  # "20 km from Marte": the town, not its spot
    merged = fold(act, near)
    assert (merged.location.place, merged.fatalities.best, merged.perpetrator) == ("Marte", 7, "JNIM")
